import { isIsoDate, isIsoMonth } from '../shared/financial-year';
import { formatPence, parseMoney } from '../shared/money';
import type { ImportMapping, ImportOutcome, ImportPreview, ImportPreviewRow, ImportTable, SpendKind } from './contract';

/**
 * A finance system's export → spend changes. Pure: the table arrives as text cells (the
 * file was read by ./import-file.ts), the targets and existing figures arrive as lookups.
 * Rows for the same budget line (or award), month and kind are summed, because a ledger
 * export lists transactions; the sum replaces that month's figure. Spend the file does not
 * mention is left alone.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "Oct", "Sept", "October" → 0-based month; anything else → -1. */
function monthIndex(word: string): number {
  const w = word.toLowerCase();
  return MONTHS.findIndex((m) => w === m || w === m.slice(0, 3) || (m === 'september' && w === 'sept'));
}

/** A date or month as finance systems write them → "YYYY-MM", or undefined. */
export function monthOfText(text: string): string | undefined {
  const t = text.trim();
  if (isIsoDate(t.slice(0, 10)) && (t.length === 10 || /^T|^ /.test(t.slice(10)))) return t.slice(0, 7);
  if (isIsoMonth(t)) return t;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t); // 15/04/2019 (UK order)
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso.slice(0, 7) : undefined;
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t); // 04/2019
  if (m) {
    const iso = `${m[2]}-${m[1]!.padStart(2, '0')}`;
    return isIsoMonth(iso) ? iso : undefined;
  }
  m = /^([A-Za-z]{3,9})[\s-]+(\d{2}|\d{4})$/.exec(t); // Apr 2019, April-19
  if (m) {
    const mo = monthIndex(m[1]!);
    if (mo < 0) return undefined;
    const y = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return undefined;
}

export function kindOfText(text: string): SpendKind | undefined {
  const t = text.trim().toLowerCase();
  if (['actual', 'actuals', 'a', 'act'].includes(t)) return 'actual';
  if (['forecast', 'forecasts', 'f', 'fcst', 'fc', 'projection', 'projected'].includes(t)) return 'forecast';
  return undefined;
}

const GUESSES: [keyof Omit<ImportMapping, 'defaultKind'>, RegExp][] = [
  ['date', /date|month|period|posted|posting/i],
  ['target', /cost ?cent|budget|line|project|account|code|heading/i],
  ['amount', /amount|value|net|spend|£|gbp|total/i],
  ['kind', /^(type|kind|actual.*forecast|a\/f)$/i],
];

/** A first guess from the header text; the user confirms it in the mapping step. */
export function guessMapping(headers: string[]): ImportMapping {
  const mapping: ImportMapping = { date: '', target: '', amount: '', kind: '', defaultKind: 'actual' };
  const used = new Set<string>();
  for (const [field, pattern] of GUESSES) {
    const h = headers.find((x) => !used.has(x) && pattern.test(x));
    if (h !== undefined) {
      mapping[field] = h;
      used.add(h);
    }
  }
  return mapping;
}

export type TargetMatch = { key: string; label: string } | { reason: string };

export interface ImportContext {
  source: string;
  streamName: string;
  /** First and last month of the stream's years. */
  firstMonth: string;
  lastMonth: string;
  /** Finds the budget line or award a cell names, for the month's financial year. */
  findTarget(text: string, month: string): TargetMatch;
  existing(key: string, month: string, kind: SpendKind): number | undefined;
}

export function mappingProblems(mapping: ImportMapping, headers: string[]): string[] {
  const out: string[] = [];
  const need: [keyof ImportMapping, string][] = [
    ['date', 'Date column'],
    ['target', 'Cost centre or budget line column'],
    ['amount', 'Amount column'],
  ];
  for (const [field, label] of need) {
    if (!headers.includes(mapping[field])) out.push(`${label}: "${mapping[field]}" is not a column of the file (columns: ${headers.join(', ')})`);
  }
  if (mapping.kind && !headers.includes(mapping.kind)) out.push(`Actual or forecast column: "${mapping.kind}" is not a column of the file`);
  return out;
}

interface Group {
  key: string;
  label: string;
  month: string;
  kind: SpendKind;
  pence: number;
  rows: number[];
  spoiled: string[];
}

export function previewImport(table: ImportTable, mapping: ImportMapping, ctx: ImportContext): ImportPreview {
  const col = (name: string) => table.headers.indexOf(name);
  const iDate = col(mapping.date);
  const iTarget = col(mapping.target);
  const iAmount = col(mapping.amount);
  const iKind = mapping.kind ? col(mapping.kind) : -1;
  const rejected: ImportPreviewRow[] = [];
  const groups = new Map<string, Group>();

  table.rows.forEach((cells, index) => {
    const rowNumber = index + 2; // the header is row 1
    const get = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    if (cells.every((c) => c.trim() === '')) return; // blank lines are not data
    const targetText = get(iTarget);
    const dateText = get(iDate);
    const amountText = get(iAmount);
    const reject = (reason: string, extra: Partial<ImportPreviewRow> = {}) =>
      rejected.push({ outcome: 'rejected', sourceRows: [rowNumber], target: targetText, targetLabel: '', month: '', kind: '', amountPence: null, previousPence: null, reason, ...extra });

    const month = monthOfText(dateText);
    if (!month) return reject(`${mapping.date} "${dateText}" is not a date (write it like 15/04/2019 or 2019-04-15)`);
    if (month < ctx.firstMonth || month > ctx.lastMonth) {
      return reject(`${month} is outside the ${ctx.streamName}'s years (${ctx.firstMonth} to ${ctx.lastMonth})`, { month });
    }
    const kindText = get(iKind);
    const kind = iKind >= 0 && kindText !== '' ? kindOfText(kindText) : mapping.defaultKind;
    if (!kind) return reject(`${mapping.kind} "${kindText}" is neither actual nor forecast`, { month });
    if (!targetText) return reject(`${mapping.target} is empty`, { month, kind });
    const target = ctx.findTarget(targetText, month);
    const money = parseMoney(amountText);
    if ('reason' in target) return reject(target.reason, { month, kind });
    const groupKey = `${target.key}|${month}|${kind}`;
    let g = groups.get(groupKey);
    if (!g) {
      g = { key: target.key, label: target.label, month, kind, pence: 0, rows: [], spoiled: [] };
      groups.set(groupKey, g);
    }
    g.rows.push(rowNumber);
    if (!money.ok) {
      g.spoiled.push(`row ${rowNumber}: ${mapping.amount} ${money.reason.startsWith('"') ? money.reason : `is ${money.reason}`}`);
      return;
    }
    g.pence += money.pence;
  });

  const rows: ImportPreviewRow[] = [];
  for (const g of groups.values()) {
    const previous = ctx.existing(g.key, g.month, g.kind) ?? null;
    const base = { sourceRows: g.rows, target: g.key, targetLabel: g.label, month: g.month, kind: g.kind, previousPence: previous };
    if (g.spoiled.length > 0) {
      // One bad amount spoils the month's sum: writing the rest would record a wrong figure.
      rows.push({ ...base, outcome: 'rejected', amountPence: null, reason: `${g.spoiled.join('; ')} (so the ${g.month} ${g.kind} for ${g.label} is not imported)` });
      continue;
    }
    const outcome: ImportOutcome = previous === null ? 'new' : previous === g.pence ? 'unchanged' : 'changed';
    const reason =
      outcome === 'new'
        ? `${formatPence(g.pence)} from ${g.rows.length} row${g.rows.length === 1 ? '' : 's'}`
        : outcome === 'changed'
          ? `${formatPence(previous!)} → ${formatPence(g.pence)}`
          : 'already recorded';
    rows.push({ ...base, outcome, amountPence: g.pence, reason });
  }
  rows.push(...rejected);
  const counts: Record<ImportOutcome, number> = { new: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  const basis = rows.flatMap((r) => (r.outcome === 'rejected' || r.kind === '' ? [] : [{ target: r.target, month: r.month, kind: r.kind, previousPence: r.previousPence }]));
  return { source: ctx.source, mapping, rows, counts, basis };
}
