import { likeContaining } from '../db/like';
import { toCamel } from '../db/rows';
import { sql } from '../db/statements';
import { tableWrites } from '../db/table-writes';
import type { Ctx } from '../shared/context';
import type { Organisation, Person } from './contract';

const ORG_SELECT = `
  SELECT o.*, (SELECT count(*) FROM person p WHERE p.organisation_id = o.id) AS people_count
  FROM organisation o`;

const PERSON_SELECT = `
  SELECT p.*, o.name AS organisation_name
  FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id`;

export const organisations = {
  async list(ctx: Ctx, search: string): Promise<Organisation[]> {
    const rows = search
      ? await sql(ctx, `${ORG_SELECT} WHERE o.name LIKE @q ESCAPE '\\' OR o.short_name LIKE @q ESCAPE '\\' ORDER BY o.name COLLATE NOCASE`).all({ q: likeContaining(search) })
      : await sql(ctx, `${ORG_SELECT} ORDER BY o.name COLLATE NOCASE`).all();
    return rows.map((r) => toCamel<Organisation>(r as Record<string, unknown>));
  },
  async get(ctx: Ctx, id: number): Promise<Organisation | undefined> {
    const row = await sql(ctx, `${ORG_SELECT} WHERE o.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row && toCamel<Organisation>(row);
  },
  async findByName(ctx: Ctx, name: string): Promise<Organisation | undefined> {
    const row = await sql(ctx, `${ORG_SELECT} WHERE o.name = ? COLLATE NOCASE`).get(name) as Record<string, unknown> | undefined;
    return row && toCamel<Organisation>(row);
  },
  ...tableWrites('organisation'),
};

export const people = {
  async list(ctx: Ctx, search: string, organisationId: number | null): Promise<Person[]> {
    const where: string[] = [];
    if (search) {
      where.push(`(p.given_name || ' ' || p.family_name LIKE @q ESCAPE '\\' OR p.job_title LIKE @q ESCAPE '\\' OR p.email LIKE @q ESCAPE '\\' OR o.name LIKE @q ESCAPE '\\')`);
    }
    if (organisationId !== null) where.push('p.organisation_id = @org');
    const text = `${PERSON_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id`;
    return (await sql(ctx, text)
      .all({ q: likeContaining(search), org: organisationId }))
      .map((r) => toCamel<Person>(r as Record<string, unknown>));
  },
  async get(ctx: Ctx, id: number): Promise<Person | undefined> {
    const row = await sql(ctx, `${PERSON_SELECT} WHERE p.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row && toCamel<Person>(row);
  },
  ...tableWrites('person'),
};
