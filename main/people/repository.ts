import { deleteRow, insertRow, updateRow } from '../db/audit';
import { toCamel, toSnake } from '../db/rows';
import { sql } from '../db/statements';
import type { Ctx } from '../shared/context';
import type { Organisation, Person } from './contract';

const ORG_SELECT = `
  SELECT o.*, (SELECT count(*) FROM person p WHERE p.organisation_id = o.id) AS people_count
  FROM organisation o`;

const PERSON_SELECT = `
  SELECT p.*, o.name AS organisation_name
  FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id`;

function like(search: string): string {
  return '%' + search.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

export const organisations = {
  list(ctx: Ctx, search: string): Organisation[] {
    const rows = search
      ? sql(ctx.db, `${ORG_SELECT} WHERE o.name LIKE @q ESCAPE '\\' OR o.short_name LIKE @q ESCAPE '\\' ORDER BY o.name COLLATE NOCASE`).all({ q: like(search) })
      : sql(ctx.db, `${ORG_SELECT} ORDER BY o.name COLLATE NOCASE`).all();
    return rows.map((r) => toCamel<Organisation>(r as Record<string, unknown>));
  },
  get(ctx: Ctx, id: number): Organisation | undefined {
    const row = sql(ctx.db, `${ORG_SELECT} WHERE o.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row && toCamel<Organisation>(row);
  },
  findByName(ctx: Ctx, name: string): Organisation | undefined {
    const row = sql(ctx.db, `${ORG_SELECT} WHERE o.name = ? COLLATE NOCASE`).get(name) as Record<string, unknown> | undefined;
    return row && toCamel<Organisation>(row);
  },
  insert(ctx: Ctx, values: Omit<Organisation, 'id' | 'createdAt' | 'updatedAt' | 'peopleCount'>): number {
    return insertRow(ctx, 'organisation', toSnake(values));
  },
  update(ctx: Ctx, id: number, patch: Partial<Organisation>): void {
    updateRow(ctx, 'organisation', id, toSnake(patch));
  },
  remove(ctx: Ctx, id: number): void {
    deleteRow(ctx, 'organisation', id);
  },
};

export const people = {
  list(ctx: Ctx, search: string, organisationId: number | null): Person[] {
    const where: string[] = [];
    if (search) {
      where.push(`(p.given_name || ' ' || p.family_name LIKE @q ESCAPE '\\' OR p.job_title LIKE @q ESCAPE '\\' OR p.email LIKE @q ESCAPE '\\' OR o.name LIKE @q ESCAPE '\\')`);
    }
    if (organisationId !== null) where.push('p.organisation_id = @org');
    const text = `${PERSON_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE`;
    return sql(ctx.db, text)
      .all({ q: like(search), org: organisationId })
      .map((r) => toCamel<Person>(r as Record<string, unknown>));
  },
  get(ctx: Ctx, id: number): Person | undefined {
    const row = sql(ctx.db, `${PERSON_SELECT} WHERE p.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row && toCamel<Person>(row);
  },
  insert(ctx: Ctx, values: Omit<Person, 'id' | 'createdAt' | 'updatedAt' | 'organisationName'>): number {
    return insertRow(ctx, 'person', toSnake(values));
  },
  update(ctx: Ctx, id: number, patch: Partial<Person>): void {
    updateRow(ctx, 'person', id, toSnake(patch));
  },
  remove(ctx: Ctx, id: number): void {
    deleteRow(ctx, 'person', id);
  },
};
