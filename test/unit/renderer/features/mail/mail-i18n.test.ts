import { describe, expect, it } from 'vitest';
import { CONNECTION_STEPS } from '../../../../../shared/contract/mail.contract.ts';
import { COMPOSE_KINDS, FILING_MATCHES, MAIL_SECURITY, OUTBOX_STATUSES, SPECIAL_USES } from '../../../../../shared/domain/mail-enums.ts';
import { OUTBOX_ERROR_REASONS } from '../../../../../shared/domain/mail-outbox.ts';
import { TEMPLATE_PLACEHOLDERS } from '../../../../../shared/domain/mail-template.ts';
import { BatchSkip } from '../../../../../shared/contract/mail-send.contract.ts';
import { OUTBOX_FILTERS } from '../../../../../renderer/src/features/mail/outbox/outbox-format.ts';
import { placeholderGroups } from '../../../../../renderer/src/features/mail/templates/template-helpers.ts';
import { PARSE_WARNINGS } from '../../../../../shared/domain/mail-message.ts';
import { REMOTE_IMAGE_ERRORS } from '../../../../../shared/domain/mail-content-limits.ts';
import { catalogs } from '../../../../../shared/i18n/catalogs.ts';

function has(catalog: unknown, key: string): boolean {
  const at = (k: string) => k.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);
  return typeof at(key) === 'string' || typeof at(`${key}_other`) === 'string';
}

/** Keys the mail screens build from values (the literal-key scan cannot see them). */
const KEYS = [
  ...SPECIAL_USES.map((u) => `mail.folders.special.${u}`),
  ...Object.keys(PARSE_WARNINGS).map((w) => `mail.reader.warnings.${w}`),
  ...CONNECTION_STEPS.map((s) => `mail.testResult.steps.${s}`),
  ...MAIL_SECURITY.map((s) => `mail.form.securityOptions.${s}`),
  ...FILING_MATCHES.map((m) => `mail.filing.${m}`),
  ...COMPOSE_KINDS.map((k) => `mail.composer.title.${k}`),
  ...OUTBOX_STATUSES.map((s) => `mail.outbox.status.${s}`),
  ...OUTBOX_ERROR_REASONS.map((r) => `mail.outbox.errors.${r}`),
  ...Object.keys(OUTBOX_FILTERS).map((f) => `mail.outbox.filters.${f}`),
  ...TEMPLATE_PLACEHOLDERS.map((p) => `mail.placeholders.${p}`),
  ...placeholderGroups().map((g) => `mail.templates.groups.${g.group}`),
  ...BatchSkip.shape.reason.options.map((r) => `mail.batch.skipReasons.${r}`),
  ...['password', 'authCode', 'appPassword'].flatMap((k) => [`mail.form.passwordKinds.${k}`, `mail.form.passwordHelp.${k}`]),
  ...['idle', 'syncing', 'error', 'offline', 'disabled'].map((s) => `mail.accounts.state.${s}`),
  ...['imap', 'smtp', 'host', 'port', 'security', 'user'].map((p) => `mail.form.${p}`),
  ...REMOTE_IMAGE_ERRORS.map((r) => `mail.remote.${r}`),
  ...['attachmentNotFound', 'attachmentTooLarge', 'attachmentMissing', 'remoteContentNotAllowed', 'senderNotVerified', 'freeMailDomain'].map((e) => `mail.errors.${e}`),
  'mail.timeline.received',
  'mail.timeline.sent',
  'nav.mail',
  'settings.tabs.mailAccounts',
];

describe('mail screen messages', () => {
  for (const language of ['en', 'zh-CN'] as const) {
    it(`has every built key in ${language}`, () => {
      expect(KEYS.filter((key) => !has(catalogs[language], key))).toEqual([]);
    });
  }
});
