import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-mail.ts';
import * as m0003 from './0003-search-leads.ts';
import * as m0004 from './0004-mail-flag-changes.ts';
import * as m0005 from './0005-mail-sender-auth.ts';
import * as m0006 from './0006-mail-automated.ts';
import * as m0007 from './0007-duplicate-dismissals.ts';
import * as m0008 from './0008-search-notes.ts';
import * as m0009 from './0009-contact-mail-language.ts';
import * as m0010 from './0010-activities-of-merged.ts';
import * as m0011 from './0011-duplicate-names.ts';
import * as m0012 from './0012-imports.ts';
import * as m0013 from './0013-shared-email-owners.ts';
import * as m0014 from './0014-contact-imports.ts';
import * as m0015 from './0015-products-quotes-samples.ts';
import * as m0016 from './0016-tasks.ts';
import * as m0017 from './0017-order-payments.ts';
import * as m0018 from './0018-customer-scores.ts';
import * as m0019 from './0019-pop3.ts';
import * as m0020 from './0020-today.ts';
import * as m0021 from './0021-customers-deleted-partial.ts';

/**
 * Every migration, in order. Explicit rather than read from a folder so that bundling the
 * Electron main process keeps them, and so that the order is reviewed in one place.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-mail': m0002,
  '0003-search-leads': m0003,
  '0004-mail-flag-changes': m0004,
  '0005-mail-sender-auth': m0005,
  '0006-mail-automated': m0006,
  '0007-duplicate-dismissals': m0007,
  '0008-search-notes': m0008,
  '0009-contact-mail-language': m0009,
  '0010-activities-of-merged': m0010,
  '0011-duplicate-names': m0011,
  '0012-imports': m0012,
  '0013-shared-email-owners': m0013,
  '0014-contact-imports': m0014,
  '0015-products-quotes-samples': m0015,
  '0016-tasks': m0016,
  '0017-order-payments': m0017,
  '0018-customer-scores': m0018,
  '0019-pop3': m0019,
  '0020-today': m0020,
  '0021-customers-deleted-partial': m0021,
};

export const LATEST_SCHEMA_VERSION = Object.keys(MIGRATIONS).at(-1)!;
