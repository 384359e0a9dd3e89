import type { ApiErrorShape } from '../shared/errors';
import { extensionOf, safeFileName } from '../shared/file-names';
import { contract, isOperation, type Contract, type Envelope, type InputOf, type OpName, type ResultOf } from './contract';

/**
 * window.files, the page's second global beside window.api: exports without paths. The page
 * names an export operation, its input without `out`, and a suggested file name; main (the
 * Save dialog in Electron) or the browser bridge (a download) decides where the file goes,
 * and answers with the operation's result and a token that stands for the file written.
 * Plain TypeScript with no Node and no DOM: the preload, the bridge shim and main share it.
 */

/** The operations marked `exports: true` in the contract (main/api/define.ts exportOp). */
export type ExportOpName = { [K in OpName]: Contract[K] extends { exports: true } ? K : never }[OpName];

/** An export's input as the page sends it: everything but the file, which main chooses. */
export type ExportInput<K extends ExportOpName> = Omit<InputOf<K>, 'out'>;

export interface SavedExport<R = unknown> {
  /** The operation's own result (its path is main's business; the page shows name and folder). */
  result: R;
  /** Stands for the file written, for Open and Show in folder; null when no file was written (warnings not yet acknowledged). */
  token: string | null;
  /** The file's name as written: "SB minutes 2020-06-16.docx". */
  name: string;
  /** The folder it was saved to (desktop); null for a download, whose folder the browser chose. */
  folder: string | null;
  bytes: number;
}

export interface Files {
  /** 'desktop' can open and show a saved file; 'browser' downloads it and cannot. */
  readonly where: 'desktop' | 'browser';
  saveExport<K extends ExportOpName>(op: K, input: ExportInput<K>, suggestedName: string): Promise<Envelope<SavedExport<ResultOf<K>>>>;
  openExported(token: string): Promise<Envelope<null>>;
  showExported(token: string): Promise<Envelope<null>>;
}

/** The Save dialog was closed without choosing a file: not a failure, the page says so quietly. */
export const EXPORT_CANCELLED = 'export.cancelled';
export const CANCELLED: Envelope<never> = { ok: false, error: { code: EXPORT_CANCELLED, message: 'Not exported: no file was chosen.' } };

export const NOT_IN_BROWSER: Envelope<never> = {
  ok: false,
  error: { code: 'files.browserOnly', message: 'Opening a file or its folder is not available in the browser: open it from your Downloads folder.' },
};

export interface ExportRequest {
  op: ExportOpName;
  input: Record<string, unknown>;
  /** The suggested name made safe for Windows, with its extension. */
  name: string;
  /** ".docx", ".xlsx"; "" when the suggestion has none. */
  extension: string;
}

function refused(code: string, message: string, field?: string): { ok: false; error: ApiErrorShape } {
  return { ok: false, error: field ? { code, message, field } : { code, message } };
}

/**
 * Checks what the page sent before anything is shown or written: the operation must be an
 * export, the input an object that does not name the file (the page never chooses a path),
 * and the suggested name text.
 */
export function checkExportRequest(op: unknown, input: unknown, suggestedName: unknown): { ok: true; value: ExportRequest } | { ok: false; error: ApiErrorShape } {
  if (!isOperation(op)) return refused('unknownOperation', `There is no operation called ${JSON.stringify(op)}.`);
  if ((contract[op] as { exports?: true }).exports !== true) return refused('files.notExport', `${op} does not write a file, so it cannot be saved as one.`);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refused('validation', 'The export input must be an object.');
  if (Object.prototype.hasOwnProperty.call(input, 'out')) {
    return refused('files.outRefused', 'The page may not choose the file to write: leave out "out", and the Save dialog or the download chooses it.', 'out');
  }
  if (typeof suggestedName !== 'string') return refused('validation', 'The suggested file name must be text.', 'suggestedName');
  const name = safeFileName(suggestedName);
  return { ok: true, value: { op: op as ExportOpName, input: input as Record<string, unknown>, name, extension: extensionOf(name) } };
}

/**
 * In the desktop app a page asks for an export only through window.files, so main chooses the
 * file with the Save dialog: an export operation sent on the API channel (with a path of the
 * page's choosing in `out`) is refused there. The browser bridge and the command line, where
 * the path is the user's own, call the operations directly.
 */
export function refusedOnApiChannel(op: unknown): { ok: false; error: ApiErrorShape } | null {
  if (!isOperation(op) || (contract[op] as { exports?: true }).exports !== true) return null;
  return refused('files.useSaveExport', `${op} writes a file: the app asks where with the Save dialog (window.files.saveExport), never with a path from the page.`, 'out');
}

/** What the Save dialog offers for a file kind (its filter), from the extension. */
export function fileFilter(extension: string): { name: string; extensions: string[] } {
  const ext = extension.replace(/^\./, '');
  const names: Record<string, string> = { docx: 'Word document', xlsx: 'Excel workbook', csv: 'CSV file', pdf: 'PDF document', json: 'JSON file' };
  return { name: names[ext] ?? `${ext.toUpperCase()} file`, extensions: [ext] };
}
