import { toCamel } from '../db/rows';
import { sql } from '../db/statements';
import { tableWrites } from '../db/table-writes';
import type { Ctx } from '../shared/context';
import type { Interest } from './contract';

/** SQL for the register of interests. Rows out are camelCase; nothing here formats for display. */
const SELECT = `
  SELECT i.*, (p.given_name || ' ' || p.family_name) AS name
  FROM interest i JOIN person p ON p.id = i.person_id`;

/** Current on a date: from on or before it, and no end or an end on or after it. */
const CURRENT = `i.starts_on <= @on AND (i.ends_on IS NULL OR i.ends_on >= @on)`;

const ORDER = `ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id,
  CASE i.type WHEN 'pecuniary' THEN 1 WHEN 'other_registrable' THEN 2 ELSE 3 END, i.starts_on, i.id`;

const of = (rows: Record<string, unknown>[]) => rows.map((r) => toCamel<Interest>(r));

export const interests = {
  /** A person's register: every entry, or those current on a date. */
  async forPerson(ctx: Ctx, personId: number, on: string | null): Promise<Interest[]> {
    const current = on === null ? '' : `AND ${CURRENT}`;
    return of(await sql<Record<string, unknown>>(ctx, `${SELECT} WHERE i.person_id = @personId ${current} ${ORDER}`).all({ personId, on }));
  },
  /** The entries current on a date of several people (the members and those at a meeting), by name then type. */
  async currentFor(ctx: Ctx, personIds: number[], on: string): Promise<Interest[]> {
    if (personIds.length === 0) return [];
    const ids = [...new Set(personIds)];
    // One placeholder per id: the same text on both engines (no arrays).
    const list = ids.map((_, i) => `@p${i}`).join(', ');
    const params: Record<string, unknown> = { on };
    ids.forEach((pid, i) => (params[`p${i}`] = pid));
    return of(await sql<Record<string, unknown>>(ctx, `${SELECT} WHERE i.person_id IN (${list}) AND ${CURRENT} ${ORDER}`).all(params));
  },
  async get(ctx: Ctx, id: number): Promise<Interest | undefined> {
    const row = await sql<Record<string, unknown>>(ctx, `${SELECT} WHERE i.id = ?`).get(id);
    return row && toCamel<Interest>(row);
  },
  ...tableWrites('interest'),
};
