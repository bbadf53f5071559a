import path from 'node:path';
import type { z } from 'zod';
import type { letterheadCalls } from '../../../../shared/contract/letterhead.contract.ts';
import type { quoteDocumentCalls } from '../../../../shared/contract/quote-documents.contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import type { QuoteDocument } from '../../../../shared/domain/quote-document.ts';
import type { Handlers } from '../../core/dispatcher.ts';
import type { ServiceDeps } from '../../core/service-deps.ts';
import { writeBytesAtomically } from '../../exports/export-file.ts';
import { readLetterhead } from '../../settings/letterhead.queries.ts';
import { readLogo } from '../../settings/letterhead-logo.ts';
import { findQuoteId, loadQuoteDocument } from './quote-document.queries.ts';

type Keys = keyof typeof quoteDocumentCalls | keyof typeof letterheadCalls;
type Input = z.output<(typeof quoteDocumentCalls)['quotes.exportPdf']['input']>;

export type QuoteDocumentKind = 'pdf' | 'xlsx';
/**
 * The writers are loaded on first use: pdfkit, fontkit and exceljs take ~0.25 s to load, which
 * every start of the app, the web host and the CLI would otherwise pay for a quote it may never export.
 */
const RENDER: Record<QuoteDocumentKind, () => Promise<(doc: QuoteDocument) => Promise<Buffer>>> = {
  pdf: async () => (await import('./quote-pdf.ts')).renderQuotePdf,
  xlsx: async () => (await import('./quote-xlsx.ts')).renderQuoteXlsx,
};
const WRONG_EXTENSION = { pdf: 'quoteDocuments.errors.notPdf', xlsx: 'quoteDocuments.errors.notXlsx' } as const;

export interface QuoteDocumentService {
  handlers: Pick<Handlers, Keys>;
  /** The quote's document as bytes with its number: for a mail attachment, the same file as an export. */
  render(idOrNumber: string, kind: QuoteDocumentKind): Promise<{ number: string; bytes: Buffer }>;
}

/** A file name given for the document: absolute (a browser's typed path has no folder of its own) and of the right kind. */
function checkedTarget(target: string, kind: QuoteDocumentKind): string {
  if (!path.isAbsolute(target)) fail('validation', 'exports.errors.notAbsolute', { file: target }, [{ path: 'path', message: 'exports.errors.notAbsolute', params: { file: target } }]);
  if (path.extname(target).toLowerCase() !== `.${kind}`) fail('validation', WRONG_EXTENSION[kind], { file: target }, [{ path: 'path', message: WRONG_EXTENSION[kind], params: { file: target } }]);
  return path.normalize(target);
}

/** Quote documents, made the same way in the app, the web host and the CLI (plain Node: pdfkit, exceljs). */
export function createQuoteDocumentService(deps: Pick<ServiceDeps, 'db' | 'clock' | 'log'> & { dataDir: string }): QuoteDocumentService {
  const { db, clock } = deps;

  async function documentOf(idOrNumber: string): Promise<QuoteDocument> {
    const id = await findQuoteId(db, idOrNumber.trim());
    const letterhead = await readLetterhead(db);
    const doc = id === null ? null : await loadQuoteDocument(db, id, letterhead, readLogo(deps.dataDir, letterhead.logo));
    if (!doc) return fail('notFound', 'quoteDocuments.errors.quoteNotFound', { quote: idOrNumber }, [{ path: 'id', message: 'quoteDocuments.errors.quoteNotFound', params: { quote: idOrNumber } }]);
    return doc;
  }

  async function render(idOrNumber: string, kind: QuoteDocumentKind): Promise<{ number: string; bytes: Buffer }> {
    const doc = await documentOf(idOrNumber);
    const write = await RENDER[kind]();
    return { number: doc.number, bytes: await write(doc) };
  }

  async function exportTo(input: Input, kind: QuoteDocumentKind) {
    const started = clock.now();
    const target = checkedTarget(input.path, kind);
    const { number, bytes } = await render(input.id, kind);
    await writeBytesAtomically(target, bytes, input.overwrite);
    deps.log.info('quote document written', { kind, number, bytes: bytes.length });
    return { path: target, bytes: bytes.length, number, ms: clock.now() - started };
  }

  return {
    render,
    handlers: {
      'quotes.exportPdf': (input) => exportTo(input, 'pdf'),
      'quotes.exportXlsx': (input) => exportTo(input, 'xlsx'),
      // Here rather than in the settings service: this service already reads the logo for the documents.
      'settings.letterheadLogo': async () => {
        const { logo } = await readLetterhead(db);
        const bytes = readLogo(deps.dataDir, logo);
        return { dataUrl: logo && bytes ? `data:${logo.mimeType};base64,${bytes.toString('base64')}` : null };
      },
    },
  };
}
