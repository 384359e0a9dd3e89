import { DomainError } from '../shared/errors';

/**
 * What every export operation returns: the file written, its size, how much went in where
 * that is known (pages for a document whose pages are counted, rows for a table or a
 * sheet), and the warnings about what was written. An operation may add its own fields
 * (the return's totals, the pack's plan), never rename these. A refused export is an
 * error, never a result: a result always means the file is on the disk.
 */
export interface ExportWarning {
  code: string;
  message: string;
  field?: string;
}

export interface ExportResult {
  path: string;
  bytes: number;
  pages?: number;
  rows?: number;
  warnings: ExportWarning[];
}

/** The result of writing `path`, before the operation adds what it knows. */
export function exported(written: { path: string; bytes: number }, extra: { pages?: number; rows?: number; warnings?: ExportWarning[] } = {}): ExportResult {
  return { path: written.path, bytes: written.bytes, ...(extra.pages !== undefined ? { pages: extra.pages } : {}), ...(extra.rows !== undefined ? { rows: extra.rows } : {}), warnings: extra.warnings ?? [] };
}

/**
 * The refusal of an export whose warnings must be read first (a paper missing a required
 * section, a decision notice with gaps): nothing is written; the warnings go as problems.
 */
export function warningsNotAcknowledged(message: string, warnings: ExportWarning[]): DomainError {
  return new DomainError(
    'export.warningsNotAcknowledged',
    message,
    'acknowledgeWarnings',
    warnings.map((w) => ({ path: w.field ?? '', message: w.message })),
  );
}
