import type { Ctx } from '../shared/context';
import { isoNow } from '../shared/context';
import { notFound } from '../shared/errors';
import { sql } from './statements';

/**
 * The only way rows are written. Each helper records who, when, which operation, and the
 * row before and after in audit_log, inside the caller's transaction.
 * Table and column names come from code (validated schemas), never from user text.
 */
type Row = Record<string, unknown>;
const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Not an identifier: ${name}`);
  return name;
}

export function audit(ctx: Ctx, action: 'create' | 'update' | 'delete', entity: string, id: number, before: Row | undefined, after: Row | undefined): void {
  sql(ctx.db, `INSERT INTO audit_log (at, actor, operation, action, entity, entity_id, before_json, after_json)
               VALUES (@at, @actor, @operation, @action, @entity, @id, @before, @after)`).run({
    at: isoNow(ctx),
    actor: ctx.actor,
    operation: ctx.operation,
    action,
    entity,
    id,
    before: before === undefined ? null : JSON.stringify(before),
    after: after === undefined ? null : JSON.stringify(after),
  });
}

export function getRow(ctx: Ctx, table: string, id: number): Row | undefined {
  return sql<Row>(ctx.db, `SELECT * FROM ${ident(table)} WHERE id = ?`).get(id);
}

function hasTimestamps(ctx: Ctx, table: string): boolean {
  const cols = sql<{ name: string }>(ctx.db, `SELECT name FROM pragma_table_info(?) WHERE name IN ('created_at','updated_at')`).all(table);
  return cols.length === 2;
}

export function insertRow(ctx: Ctx, table: string, values: Row): number {
  const row: Row = { ...values };
  if (hasTimestamps(ctx, table)) {
    const now = isoNow(ctx);
    row.created_at ??= now;
    row.updated_at ??= now;
  }
  const cols = Object.keys(row).map(ident);
  const info = sql(ctx.db, `INSERT INTO ${ident(table)} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
  const id = Number(info.lastInsertRowid);
  audit(ctx, 'create', table, id, undefined, getRow(ctx, table, id));
  return id;
}

export function updateRow(ctx: Ctx, table: string, id: number, patch: Row): { before: Row; after: Row } {
  const before = getRow(ctx, table, id);
  if (!before) throw notFound(table, id);
  const row: Row = { ...patch };
  if ('updated_at' in before) row.updated_at = isoNow(ctx);
  const cols = Object.keys(row).map(ident);
  if (cols.length > 0) {
    sql(ctx.db, `UPDATE ${ident(table)} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`).run({ ...row, __id: id });
  }
  const after = getRow(ctx, table, id)!;
  audit(ctx, 'update', table, id, before, after);
  return { before, after };
}

export function deleteRow(ctx: Ctx, table: string, id: number): Row {
  const before = getRow(ctx, table, id);
  if (!before) throw notFound(table, id);
  sql(ctx.db, `DELETE FROM ${ident(table)} WHERE id = ?`).run(id);
  audit(ctx, 'delete', table, id, before, undefined);
  return before;
}

/**
 * Rows of link tables without an id column (e.g. board_quorum_organisation) are audited
 * against their parent's id.
 */
export function auditLink(ctx: Ctx, action: 'create' | 'delete', table: string, parentId: number, row: Row): void {
  audit(ctx, action, table, parentId, action === 'delete' ? row : undefined, action === 'create' ? row : undefined);
}

/**
 * Makes a link table hold exactly `wanted` children for one parent, given the children it
 * holds now: only the difference is deleted and inserted, each audited against the parent.
 */
export function setLinks(
  ctx: Ctx,
  link: { table: string; parent: string; child: string },
  parentId: number,
  current: number[],
  wanted: number[],
): void {
  const [table, parent, child] = [ident(link.table), ident(link.parent), ident(link.child)];
  for (const id of current.filter((c) => !wanted.includes(c))) {
    sql(ctx.db, `DELETE FROM ${table} WHERE ${parent} = ? AND ${child} = ?`).run(parentId, id);
    auditLink(ctx, 'delete', table, parentId, { [parent]: parentId, [child]: id });
  }
  for (const id of wanted.filter((w) => !current.includes(w))) {
    sql(ctx.db, `INSERT INTO ${table} (${parent}, ${child}) VALUES (?, ?)`).run(parentId, id);
    auditLink(ctx, 'create', table, parentId, { [parent]: parentId, [child]: id });
  }
}
