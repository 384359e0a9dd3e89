import type { AuditEntry } from '../../../main/workspace/contract';
import { formatDateShort, formatTime } from '../../../main/shared/dates';
import { recordName, VERBS, words } from '../../../main/workspace/change-summary';

export { recordName, words };

/**
 * An audit entry in words: "16/03/2020 10:02 — test — updated person 3 (Jane Smith):
 * job title 'A' → 'B'". The rows in the trail are stored as the table's columns
 * (snake_case), so field names are turned into words here.
 */
export interface Change {
  field: string;
  before: string;
  after: string;
}

export interface DescribedEntry {
  when: string;
  who: string;
  what: string;
  changes: Change[];
}

/** Bookkeeping columns that change on every write and say nothing to a reader. */
// A record's version goes up with every change: bookkeeping, never a change a person made.
const HIDDEN = new Set(['id', 'created_at', 'updated_at', 'version']);

export function formatWhen(at: string): string {
  return `${formatDateShort(at)} ${formatTime(at)}`;
}

export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (value === '') return '(blank)';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

export function changesOf(entry: AuditEntry): Change[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const row = entry.action === 'delete' ? before : after;
  const keys = entry.action === 'update' ? Object.keys({ ...before, ...after }) : Object.keys(row);
  const changes: Change[] = [];
  for (const key of keys) {
    if (HIDDEN.has(key)) continue;
    const b = before[key];
    const a = after[key];
    if (entry.action === 'update' && JSON.stringify(b) === JSON.stringify(a)) continue;
    // A new or deleted record lists only the fields that hold something.
    if (entry.action !== 'update' && (row[key] === null || row[key] === '')) continue;
    changes.push({ field: words(key), before: entry.action === 'create' ? '' : showValue(b), after: entry.action === 'delete' ? '' : showValue(a) });
  }
  return changes;
}

export function describe(entry: AuditEntry): DescribedEntry {
  const name = recordName(entry.after ?? entry.before);
  return {
    when: formatWhen(entry.at),
    who: entry.actor,
    what: `${VERBS[entry.action]} ${words(entry.entity)} ${entry.entityId}${name ? ` (${name})` : ''}`,
    changes: changesOf(entry),
  };
}

/** The one-line form, as the Settings trail and tests read it. */
export function describeLine(entry: AuditEntry): string {
  const d = describe(entry);
  const changes =
    entry.action === 'update' && d.changes.length > 0 ? ': ' + d.changes.map((c) => `${c.field} ${c.before} → ${c.after}`).join('; ') : '';
  return `${d.when} — ${d.who} — ${d.what}${changes}`;
}
