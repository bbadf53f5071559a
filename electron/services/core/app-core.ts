import type { EventKey, EventPayload } from '../../../shared/contract/contract.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { PickPurpose } from '../../../shared/contract/app.contract.ts';
import { openDatabase, type OpenedDatabase } from '../../../db/open-database.ts';
import { createBackupService } from '../backups/backup.service.ts';
import type { FaultPoint } from './fault-point.ts';
import { prepareBackupFolder } from '../backups/backup-folder.ts';
import { createCatalogService } from '../customers/catalog.service.ts';
import { createCustomerService } from '../customers/customer.service.ts';
import { createActivityService } from '../customers/activity.service.ts';
import { createTimelineService } from '../customers/timeline.service.ts';
import { warmDuplicateGroups } from '../customers/duplicates.ts';
import { createReminderService } from '../reminders/reminder.service.ts';
import { createLeadService } from '../leads/lead.service.ts';
import { createSearchService } from '../search/search.service.ts';
import { createSettingsService } from '../settings/settings.service.ts';
import { createProductService } from '../products/product.service.ts';
import { createQuoteService } from '../quotes/quote.service.ts';
import { createQuoteMailService } from '../quotes/quote-mail.service.ts';
import { createQuoteDocumentService } from '../quotes/documents/quote-documents.service.ts';
import { createDealSummaryService } from '../customers/deal-summary.service.ts';
import { createReportService } from '../reports/reports.service.ts';
import { createSampleService } from '../samples/sample.service.ts';
import { createTaskService } from '../tasks/task.service.ts';
import { createPaymentService } from '../payments/payment.service.ts';
import { createScoreService, type ScoreService } from '../scores/score.service.ts';
import { createTodayService } from '../today/today.service.ts';
import { mailCalls } from '../../../shared/contract/mail.contract.ts';
import { mailSendCalls } from '../../../shared/contract/mail-send.contract.ts';
import { importCalls } from '../../../shared/contract/imports.contract.ts';
import { exportCalls } from '../../../shared/contract/exports.contract.ts';
import type { createExportService, ExportCallKey, ExportService } from '../exports/exports.service.ts';
import type { createImportService, ImportCallKey, ImportService } from '../imports/imports.service.ts';
import { firstScreenCalls } from '../../../shared/contract/first-screen.ts';
import type { createMailService, MailCallKey, MailService } from '../mail/mail.service.ts';
import type { RemoteAddressPolicy } from '../mail/read/remote-address-policy.ts';
import type { createSendService, MailSendCallKey, SendService } from '../mail/send/send.service.ts';
import { createNodeSecretStore, type SecretStore } from '../platform/secret-store.ts';
import { systemClock, type Clock } from './clock.ts';
import { createDispatcher, type Handlers } from './dispatcher.ts';
import { createEventBus, type EventListener } from './events.ts';
import { consoleLogger, type Logger } from './logger.ts';
import { DATABASE_FILE_NAME, explainOpenFailure, openDataFolder, type DataFolderAccess } from './data-folder.ts';
import { makePrivate } from '../platform/private-files.ts';

export { DATABASE_FILE_NAME };

export type HostKind = 'electron' | 'web' | 'cli';

export interface AppCoreOptions {
  dataDir: string;
  host: HostKind;
  version: string;
  clock?: Clock;
  log?: Logger;
  /** Validate handler outputs against the contract (tests). */
  checkOutputs?: boolean;
  /** Where mail passwords are sealed: safeStorage in the Electron app, the OS keychain elsewhere. */
  secrets?: SecretStore;
  /** Messages per sync transaction (tests use small batches to exercise resuming). */
  mailBatchSize?: number;
  /**
   * Where remote mail images may be fetched from; public internet addresses only when absent.
   * Tests allow one loopback address for their image server.
   */
  remoteAddressPolicy?: RemoteAddressPolicy;
  /**
   * Whether this process must hold the data folder's lock (see data-folder.ts). Default: the
   * app and the web host 'owner', the CLI 'shared' (it asks for 'owner' to restore).
   */
  access?: DataFolderAccess;
  /** The app's own install folder (backups may not go there); null when unknown. */
  installDir?: string | null;
  /** The system's folder dialog (the desktop app only); resolves null when the user cancels. */
  pickFolder?: (request: { purpose: PickPurpose; defaultPath?: string }) => Promise<string | null>;
  /** Test-only: called at each crash point of a backup or restore (a test kills the process there). */
  faultPoint?: (point: FaultPoint) => void;
  /**
   * When the mail code is loaded — the mail services with imapflow, nodemailer and mailparser,
   * about half of the modules the core would load. 'at-start' (default): before createAppCore
   * resolves, for the app and the web host, which start syncing at once. 'on-first-use': on the
   * first mail call or loadMail(), for the CLI, whose run is mostly start-up and whose commands
   * mostly never touch mail.
   */
  mailCode?: 'at-start' | 'on-first-use';
}

export interface AppCore {
  dispatch(key: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  emit<K extends EventKey>(event: K, payload: EventPayload<K>): void;
  /** The open database; replaced when a backup is restored. */
  database(): OpenedDatabase;
  /** Writes the daily backup if one is due; hosts call it at start and hourly. */
  runScheduledBackup(): Promise<void>;
  /**
   * The mail service of the open database (sync control for hosts and tests). Throws before the
   * mail code is loaded (only possible with `mailCode: 'on-first-use'`: await loadMail() first).
   */
  mail(): MailService;
  /** Mail archive imports of the open database (whenIdle: the CLI waits for its import). Same rule as mail(). */
  imports(): ImportService;
  /** The outbox sender of the open database; kick() it when the network comes back. Same rule as mail(). */
  mailSender(): SendService;
  /** Loads the mail code and wires the mail services, once; a no-op when they are there. */
  loadMail(): Promise<void>;
  /** Starts background mail sync (IDLE, periodic sync, reconnect with backoff); the app and web hosts call it. */
  startBackgroundSync(): void;
  /**
   * Answers the first screen's calls once and drops the answers, while the window is still
   * loading its code (~0.3 s before it asks): the database pages, the statements and the
   * services' code are warm by then, and the first screen's answers come ~20 ms sooner. Then
   * finds the duplicate groups (warmDuplicateGroups), so the Duplicates page answers at once.
   */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}


type MailKey = MailCallKey | MailSendCallKey | ImportCallKey | ExportCallKey;
const MAIL_KEYS = [...Object.keys(mailCalls), ...Object.keys(mailSendCalls), ...Object.keys(importCalls), ...Object.keys(exportCalls)] as MailKey[];

/** The factories behind the mail and import calls, imported on demand (see AppCoreOptions.mailCode). */
interface MailCode {
  createMailService: typeof createMailService;
  createSendService: typeof createSendService;
  createImportService: typeof createImportService;
  createExportService: typeof createExportService;
}

async function importMailCode(): Promise<MailCode> {
  const [service, send, imports, exports] = await Promise.all([
    import('../mail/mail.service.ts'),
    import('../mail/send/send.service.ts'),
    import('../imports/imports.service.ts'),
    import('../exports/exports.service.ts'),
  ]);
  return { createMailService: service.createMailService, createSendService: send.createSendService, createImportService: imports.createImportService, createExportService: exports.createExportService };
}

interface MailServices {
  service: MailService;
  sender: SendService;
  /** Mail archive imports: they store mail through the mail service's stores. */
  imports: ImportService;
  /** Exports: the mail's sources and attachments come from the mail service's stores. */
  exports: ExportService;
}

interface Services {
  handlers: Handlers;
  runBackupIfDue(): Promise<unknown>;
  /** null until the mail code is loaded; the mail keys' handlers then load it. */
  mail: MailServices | null;
  /** Listens to every data.changed: value scores follow each write (issue 14 point 4). */
  scores: ScoreService;
}

/** Opens the database with its files readable by their owner only (SQLite gives -wal/-shm the file's mode). */
async function openPrivately(file: string): Promise<OpenedDatabase> {
  const opened = await openDatabase(file).catch((err: unknown) => {
    throw explainOpenFailure(err, file);
  });
  makePrivate(file, `${file}-wal`, `${file}-shm`);
  return opened;
}

/**
 * Opens the data folder and wires every service behind one dispatcher. All three hosts
 * (Electron, web, CLI) call this and differ only in transport.
 */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger();
  const access = options.access ?? (options.host === 'cli' ? 'shared' : 'owner');
  const folder = openDataFolder(options.dataDir, access, { kind: options.host, pid: process.pid }, clock.now(), log);
  const { databaseFile } = folder;
  const bus = createEventBus();
  const secrets = options.secrets ?? createNodeSecretStore(options.dataDir);
  let opened: OpenedDatabase;
  try {
    opened = await openPrivately(databaseFile);
  } catch (err) {
    folder.lock?.release();
    throw err;
  }
  let backgroundSync = false;
  let mailCode: MailCode | null = null;
  let mailLoading: Promise<void> | null = null;
  let services = buildServices();
  bus.subscribe((event, payload) => services.scores.afterWrite(event, payload));

  const loadedMail = (): MailServices => {
    if (!services.mail) throw new Error('the mail code is not loaded yet: await loadMail() first');
    return services.mail;
  };
  // Mail written offline goes out as soon as sync finds the server again.
  const startMailScheduler = () => loadedMail().service.startScheduler({ onRecovered: () => loadedMail().sender.kick() });

  function loadMail(): Promise<void> {
    mailLoading ??= importMailCode().then((code) => {
      mailCode = code;
      if (services.mail) return;
      const mail = buildMailServices(code);
      services = { ...services, mail, handlers: { ...services.handlers, ...mail.service.handlers, ...mail.sender.handlers, ...mail.imports.handlers, ...mail.exports.handlers } };
      if (backgroundSync) startMailScheduler();
    });
    return mailLoading;
  }

  async function closeMail(): Promise<void> {
    // A load still under way would wire mail to a database that is about to close.
    await mailLoading?.catch(() => {});
    await services.mail?.imports.close();
    await services.mail?.sender.close();
    await services.mail?.service.close();
  }

  async function replaceDatabase(swap: () => void, undo: () => void): Promise<void> {
    await closeMail();
    await opened.close();
    swap();
    try {
      opened = await openPrivately(databaseFile);
    } catch (err) {
      undo();
      opened = await openPrivately(databaseFile);
      services = buildServices();
      if (backgroundSync && services.mail) startMailScheduler();
      throw err;
    }
    services = buildServices();
    if (backgroundSync && services.mail) startMailScheduler();
    bus.emit('data.changed', { entities: ['all'] });
  }

  function buildMailServices(code: MailCode): MailServices {
    const service = code.createMailService({
      db: opened.db,
      clock,
      log,
      dataDir: options.dataDir,
      secrets,
      ...(options.mailBatchSize ? { batchSize: options.mailBatchSize } : {}),
      ...(options.remoteAddressPolicy ? { remoteAddressPolicy: options.remoteAddressPolicy } : {}),
      ...(options.faultPoint ? { faultPoint: options.faultPoint } : {}),
      emit: bus.emit,
    });
    const sender = code.createSendService({
      db: opened.db,
      clock,
      log,
      stores: service.stores,
      password: service.password,
      emit: bus.emit,
    });
    const imports = code.createImportService({
      db: opened.db,
      clock,
      log,
      emit: bus.emit,
      stores: service.stores,
      parser: service.parser,
      ...(options.faultPoint ? { faultPoint: options.faultPoint } : {}),
    });
    const exports = code.createExportService({ db: opened.db, clock, log, emit: bus.emit, stores: service.stores });
    return { service, sender, imports, exports };
  }

  /**
   * Until the mail code is loaded, each mail key's handler loads it and then runs the real
   * handler, which the load put into services.handlers.
   */
  function deferredMailHandlers(): Pick<Handlers, MailKey> {
    const deferred = (key: MailKey) => {
      const handler = async (input: unknown): Promise<unknown> => {
        await loadMail();
        const loaded = services.handlers[key] as (input: unknown) => unknown;
        // Still this one: the mail services lack the key (calling it again would never end).
        if (loaded === handler) throw new Error(`the mail services have no handler for ${key}`);
        return loaded(input);
      };
      return handler;
    };
    // Object.fromEntries loses the key-to-handler typing; each entry is the key's own handler.
    return Object.fromEntries(MAIL_KEYS.map((key) => [key, deferred(key)])) as unknown as Pick<Handlers, MailKey>;
  }

  function buildServices(): Services {
    const deps = { db: opened.db, sqlite: opened.sqlite, clock, emit: bus.emit, log };
    const settings = createSettingsService({
      ...deps,
      dataDir: options.dataDir,
      prepareBackupFolder: (folder) => prepareBackupFolder(folder, options.installDir ?? null),
    });
    const catalog = createCatalogService(deps);
    const backups = createBackupService({
      ...deps,
      settings,
      databaseFile,
      replaceDatabase,
      installDir: options.installDir ?? null,
      ownsDataFolder: () => folder.lock !== null,
      faultPoint: options.faultPoint ?? (() => {}),
    });
    const mail = mailCode ? buildMailServices(mailCode) : null;
    const customers = createCustomerService(deps);
    const tasks = createTaskService(deps);
    const payments = createPaymentService(deps);
    const quoteDocuments = createQuoteDocumentService({ ...deps, dataDir: options.dataDir });
    const quoteMail = createQuoteMailService({ ...deps, renderPdf: (id) => quoteDocuments.render(id, 'pdf') });
    const scores = createScoreService(deps);
    const handlers: Handlers = {
      'app.getInfo': () => ({
        version: options.version,
        host: options.host,
        dataDir: options.dataDir,
        databaseFile,
        schemaVersion: opened.schemaVersion,
      }),
      'app.pickFolder': async ({ purpose, defaultPath }) => {
        if (!options.pickFolder) return { supported: false, path: null };
        return { supported: true, path: await options.pickFolder({ purpose, ...(defaultPath ? { defaultPath } : {}) }) };
      },
      ...settings.handlers,
      ...catalog.handlers,
      ...customers.handlers,
      ...createSearchService(deps).handlers,
      ...createLeadService({ ...deps, customers: customers.writes }).handlers,
      ...createActivityService(deps).handlers,
      ...createTimelineService(deps).handlers,
      ...createReminderService(deps).handlers,
      ...createProductService({ ...deps, dataDir: options.dataDir }).handlers,
      ...createQuoteService({ ...deps, faultPoint: options.faultPoint ?? (() => {}) }).handlers,
      ...quoteMail.handlers,
      ...quoteDocuments.handlers,
      ...createDealSummaryService(deps).handlers,
      ...createSampleService(deps).handlers,
      ...createReportService(deps).handlers,
      ...tasks.handlers,
      ...payments.handlers,
      ...scores.handlers,
      ...createTodayService({
        ...deps,
        actions: {
          completeTask: (id) => tasks.handlers['tasks.complete']({ id }),
          moveTask: (id, dueAt) => tasks.handlers['tasks.update']({ id, dueAt }),
          receivePayment: (id) => payments.handlers['payments.markReceived']({ id }),
        },
      }).handlers,
      ...backups.handlers,
      ...(mail ? { ...mail.service.handlers, ...mail.sender.handlers, ...mail.imports.handlers, ...mail.exports.handlers } : deferredMailHandlers()),
    };
    return { handlers, runBackupIfDue: backups.runIfDue, mail, scores };
  }

  const dispatcher = createDispatcher(() => services.handlers, { log, checkOutputs: options.checkOutputs ?? false, databaseFile });
  if ((options.mailCode ?? 'at-start') === 'at-start') {
    try {
      await loadMail();
    } catch (err) {
      await opened.close();
      folder.lock?.release();
      throw err;
    }
  }
  return {
    dispatch: dispatcher.dispatch,
    subscribe: bus.subscribe,
    emit: bus.emit,
    database: () => opened,
    runScheduledBackup: async () => {
      try {
        await services.runBackupIfDue();
      } catch (err) {
        log.error('scheduled backup failed', { error: err instanceof Error ? err.message : String(err) });
      }
    },
    mail: () => loadedMail().service,
    imports: () => loadedMail().imports,
    mailSender: () => loadedMail().sender,
    loadMail,
    startBackgroundSync: () => {
      backgroundSync = true;
      if (services.mail) startMailScheduler();
      else loadMail().catch((err: unknown) => log.error('mail code failed to load', { error: err instanceof Error ? err.message : String(err) }));
    },
    warmUp: async () => {
      // The customer list (the start screen) and the shell: the contract's one list of first-screen calls.
      for (const [key, input] of firstScreenCalls('customers')) await dispatcher.dispatch(key, input);
      // Today, the home screen, asks for its own answer as the window opens.
      for (const [key, input] of firstScreenCalls('today')) await dispatcher.dispatch(key, input);
      // Then the duplicate groups, giving way to other calls as it goes: found from nothing they
      // take ~1 s at 100,000 customers, which the first visit to the Duplicates page would wait for.
      try {
        await warmDuplicateGroups(opened.db);
      } catch (err) {
        log.error('duplicate groups not warmed', { error: err instanceof Error ? err.message : String(err) });
      }
    },
    close: async () => {
      await closeMail();
      await opened.close();
      folder.lock?.release();
    },
  };
}
