import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/errors';
import { schema } from './schema';
import { sql } from './statements';

interface Ref {
  table: string;
  column: string;
}

/** Per table, the columns elsewhere that block deletion of its rows (ON DELETE RESTRICT / NO ACTION), from the schema. */
const blocking = new Map<string, Ref[]>();
for (const [name, table] of Object.entries(schema)) {
  for (const fk of table.foreignKeys) {
    if ((fk.onDelete as string) !== 'RESTRICT' && (fk.onDelete as string) !== 'NO ACTION') continue;
    const list = blocking.get(fk.references) ?? [];
    list.push({ table: name, column: fk.column });
    blocking.set(fk.references, list);
  }
}

/** How many rows elsewhere stop this row from being deleted, per referring table. */
export async function blockingReferences(ctx: Ctx, table: string, id: number): Promise<{ table: string; count: number }[]> {
  const out: { table: string; count: number }[] = [];
  const counts = new Map<string, number>();
  for (const ref of blocking.get(table) ?? []) {
    const row = (await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM ${ref.table} WHERE ${ref.column} = ?`).get(id))!;
    const n = Number(row.n);
    if (n > 0) counts.set(ref.table, (counts.get(ref.table) ?? 0) + n);
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
export async function refuseIfReferenced(ctx: Ctx, table: string, id: number, name: string, opts: { pronoun?: 'it' | 'them'; advice?: string } = {}): Promise<void> {
  const refs = await blockingReferences(ctx, table, id);
  if (refs.length === 0) return;
  const advice = opts.advice ? ` ${opts.advice}` : '';
  throw new DomainError(`${table}.inUse`, `${name} cannot be deleted: ${describeReferences(refs)} still refer to ${opts.pronoun ?? 'it'}.${advice}`, 'id');
}
