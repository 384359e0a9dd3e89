import type { Database } from 'better-sqlite3';
import { DomainError } from '../shared/errors';
import { sql } from './statements';

interface Ref {
  table: string;
  column: string;
}
const cache = new WeakMap<Database, Map<string, Ref[]>>();

/** Columns in other tables that block deletion of a row of `table` (ON DELETE RESTRICT / NO ACTION). */
function blockingRefs(db: Database, table: string): Ref[] {
  let byTable = cache.get(db);
  if (!byTable) {
    byTable = new Map();
    const tables = sql<{ name: string }>(db, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all();
    for (const t of tables) {
      const fks = db.prepare(`SELECT "table" AS target, "from" AS col, on_delete FROM pragma_foreign_key_list(?)`).all(t.name) as {
        target: string;
        col: string;
        on_delete: string;
      }[];
      for (const fk of fks) {
        if (fk.on_delete !== 'RESTRICT' && fk.on_delete !== 'NO ACTION') continue;
        const list = byTable.get(fk.target) ?? [];
        list.push({ table: t.name, column: fk.col });
        byTable.set(fk.target, list);
      }
    }
    cache.set(db, byTable);
  }
  return byTable.get(table) ?? [];
}

/** How many rows elsewhere stop this row from being deleted, per referring table. */
export function blockingReferences(db: Database, table: string, id: number): { table: string; count: number }[] {
  const out: { table: string; count: number }[] = [];
  const counts = new Map<string, number>();
  for (const ref of blockingRefs(db, table)) {
    const row = sql<{ n: number }>(db, `SELECT count(*) AS n FROM "${ref.table}" WHERE "${ref.column}" = ?`).get(id)!;
    if (row.n > 0) counts.set(ref.table, (counts.get(ref.table) ?? 0) + row.n);
  }
  for (const [t, count] of counts) out.push({ table: t, count });
  return out;
}

const NOUNS: Record<string, [string, string]> = {
  person: ['person', 'people'],
  membership: ['board membership', 'board memberships'],
  membership_substitute: ['named substitution', 'named substitutions'],
  attendance: ['attendance record', 'attendance records'],
  declaration: ['declaration of interest', 'declarations of interest'],
  action: ['action', 'actions'],
  award: ['funded project', 'funded projects'],
  board_quorum_organisation: ['quorum rule', 'quorum rules'],
  meeting: ['meeting', 'meetings'],
  decision: ['decision', 'decisions'],
  claim: ['claim', 'claims'],
  indicator: ['indicator', 'indicators'],
};

/** "2 board memberships and 1 action" */
export function describeReferences(refs: { table: string; count: number }[]): string {
  const parts = refs.map(({ table, count }) => {
    const [one, many] = NOUNS[table] ?? [table.replace(/_/g, ' '), table.replace(/_/g, ' ') + ' records'];
    return `${count} ${count === 1 ? one : many}`;
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Refuses (code "<table>.inUse", field "id") to delete a row that other rows still need,
 * naming them: "Kent Police cannot be deleted: 2 board memberships and 1 action still refer
 * to it. Move or remove those first."
 */
export function refuseIfReferenced(db: Database, table: string, id: number, name: string, opts: { pronoun?: 'it' | 'them'; advice?: string } = {}): void {
  const refs = blockingReferences(db, table, id);
  if (refs.length === 0) return;
  const advice = opts.advice ? ` ${opts.advice}` : '';
  throw new DomainError(`${table}.inUse`, `${name} cannot be deleted: ${describeReferences(refs)} still refer to ${opts.pronoun ?? 'it'}.${advice}`, 'id');
}
