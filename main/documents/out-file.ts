import { z } from 'zod';

/**
 * The one schema of an export's `out`: the file to write, ending in its format's extension.
 * It checks only what the path says; the write itself (write-guard.ts) checks the disk.
 */
export type DocumentFormat = 'docx' | 'xlsx' | 'pdf';

export const EXTENSION: Record<DocumentFormat, string> = { docx: '.docx', xlsx: '.xlsx', pdf: '.pdf' };
const KIND: Record<DocumentFormat, string> = { docx: 'a Word document', xlsx: 'an Excel workbook', pdf: 'a PDF' };

const endsIn = (s: string, format: DocumentFormat) => s.toLowerCase().endsWith(EXTENSION[format]);

/** Names SQLite files go by: the workspace (.db) and the files beside it. */
const DATABASE_NAME = /\.(db|sqlite3?|db-wal|db-shm|db-journal)$|-(wal|shm|journal)$/i;
const fileName = (s: string) => s.split(/[\\/]/).pop() ?? s;

const path = () =>
  z
    .string({ error: 'Out must be a file path' })
    .trim()
    .min(1, 'Out (the file to write) is required')
    .max(1000, 'Out must be at most 1000 characters')
    .refine((s) => !/[\u0000-\u001f]/.test(s), 'Out contains control characters');

/** `out` of an export that writes one format, or one of several (checked against `format` by {@link outMatchesFormat}). */
export function outFile(formats: readonly DocumentFormat[]) {
  const names = formats.map((f) => EXTENSION[f]).join(' or ');
  return path().superRefine((s, ctx) => {
    if (formats.some((f) => endsIn(s, f))) return;
    const database = DATABASE_NAME.test(s) ? `, not ${fileName(s)}: an export never overwrites a workspace file or the files beside it` : '';
    ctx.addIssue({ code: 'custom', message: `Out must be a file name ending in ${names}${database}` });
  });
}

/**
 * For an export whose input chooses its format: `out` must end in that format's extension.
 * Use as `.superRefine(outMatchesFormat)` on the input object.
 */
export function outMatchesFormat(v: { format: DocumentFormat; out: string }, ctx: z.RefinementCtx): void {
  // A name with neither extension has already been refused by outFile: say it once.
  const known = (Object.keys(EXTENSION) as DocumentFormat[]).some((f) => endsIn(v.out, f));
  if (known && !endsIn(v.out, v.format)) {
    ctx.addIssue({ code: 'custom', path: ['out'], message: `Out must end in ${EXTENSION[v.format]} for ${KIND[v.format]} (the format chosen)` });
  }
}

/** `format` of an export that writes Word or Excel. */
export const docxOrXlsx = () => z.enum(['docx', 'xlsx'], { error: 'Format must be docx or xlsx' });
