import type { Ctx } from '../shared/context';
import { isoNow } from '../shared/context';
import { notFound } from '../shared/errors';
import { schema, type TableName } from './schema';
import { sql } from './statements';

/**
 * The only way rows are written. Each helper records who, when, which operation, and the
 * row before and after in audit_log, inside the caller's transaction. Table names are
 * checked against the schema (main/db/schema.ts, generated from the migrations) and column
 * names against the table's columns, so a field the table does not have is refused by name
 * before any SQL runs, on either engine.
 */
type Row = Record<string, unknown>;

function tableOf(name: string): (typeof schema)[TableName] {
  const table = (schema as Record<string, (typeof schema)[TableName]>)[name];
  if (!table) throw new Error(`Not a table of the workspace: ${name}`);
  return table;
}

const columnSets = new Map<string, Set<string>>();
function columnsOf(table: string): Set<string> {
  let set = columnSets.get(table);
  if (!set) {
    set = new Set(tableOf(table).columns.map((c) => c.name));
    columnSets.set(table, set);
  }
  return set;
}

function columns(table: string, row: Row): string[] {
  const known = columnsOf(table);
  const cols = Object.keys(row);
  for (const c of cols) if (!known.has(c)) throw new Error(`${table} has no column ${c}`);
  return cols;
}

function hasTimestamps(table: string): boolean {
  const cols = columnsOf(table);
  return cols.has('created_at') && cols.has('updated_at');
}

export async function audit(ctx: Ctx, action: 'create' | 'update' | 'delete', entity: string, id: number, before: Row | undefined, after: Row | undefined): Promise<void> {
  await sql(ctx, `INSERT INTO audit_log (at, actor, operation, action, entity, entity_id, before_json, after_json)
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

export async function getRow(ctx: Ctx, table: string, id: number): Promise<Row | undefined> {
  tableOf(table);
  return sql<Row>(ctx, `SELECT * FROM ${table} WHERE id = ?`).get(id);
}

export async function insertRow(ctx: Ctx, table: string, values: Row): Promise<number> {
  const row: Row = { ...values };
  if (hasTimestamps(table)) {
    const now = isoNow(ctx);
    row.created_at ??= now;
    row.updated_at ??= now;
  }
  const cols = columns(table, row);
  const after = (await sql<Row>(ctx, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')}) RETURNING *`).get(row))!;
  const id = Number(after.id);
  await audit(ctx, 'create', table, id, undefined, after);
  return id;
}

export async function updateRow(ctx: Ctx, table: string, id: number, patch: Row): Promise<{ before: Row; after: Row }> {
  const before = await getRow(ctx, table, id);
  if (!before) throw notFound(table, id);
  const row: Row = { ...patch };
  delete row.version;
  if ('updated_at' in before) row.updated_at = isoNow(ctx);
  const cols = columns(table, row);
  // A record's version goes up by one with every update, counted by the database itself so
  // that two writers can never both make the same next version (main/db/versions.ts).
  const sets = cols.map((c) => `${c} = @${c}`);
  if ('version' in before) sets.push('version = version + 1');
  const after = sets.length > 0 ? await sql<Row>(ctx, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = @__id RETURNING *`).get({ ...row, __id: id }) : before;
  // Deleted by another writer between the read and the update (PostgreSQL): never answer "saved" for nothing.
  if (!after) throw notFound(table, id);
  await audit(ctx, 'update', table, id, before, after);
  return { before, after };
}

/**
 * Marks a record as changed now (its updated_at) because a part of it was written, without
 * counting a new version of the record itself: a paper's section has its own version and
 * audit row, so two authors' section saves never make each other's save of the paper's
 * details stale (nor an author's own).
 */
export async function touchRow(ctx: Ctx, table: string, id: number): Promise<void> {
  if (!columnsOf(table).has('updated_at')) throw new Error(`${table} has no updated_at`);
  await sql(ctx, `UPDATE ${table} SET updated_at = ? WHERE id = ?`).run(isoNow(ctx), id);
}

export async function deleteRow(ctx: Ctx, table: string, id: number): Promise<Row> {
  const before = await getRow(ctx, table, id);
  if (!before) throw notFound(table, id);
  await sql(ctx, `DELETE FROM ${table} WHERE id = ?`).run(id);
  await audit(ctx, 'delete', table, id, before, undefined);
  return before;
}

/**
 * Rows of link tables without an id column (e.g. board_quorum_organisation) are audited
 * against their parent's id.
 */
export async function auditLink(ctx: Ctx, action: 'create' | 'delete', table: string, parentId: number, row: Row): Promise<void> {
  await audit(ctx, action, table, parentId, action === 'delete' ? row : undefined, action === 'create' ? row : undefined);
}

/**
 * Makes a link table hold exactly `wanted` children for one parent, given the children it
 * holds now: only the difference is deleted and inserted, each audited against the parent.
 */
export async function setLinks(
  ctx: Ctx,
  link: { table: string; parent: string; child: string },
  parentId: number,
  current: number[],
  wanted: number[],
): Promise<void> {
  const { table, parent, child } = link;
  columns(table, { [parent]: 0, [child]: 0 });
  for (const id of current.filter((c) => !wanted.includes(c))) {
    await sql(ctx, `DELETE FROM ${table} WHERE ${parent} = ? AND ${child} = ?`).run(parentId, id);
    await auditLink(ctx, 'delete', table, parentId, { [parent]: parentId, [child]: id });
  }
  for (const id of wanted.filter((w) => !current.includes(w))) {
    await sql(ctx, `INSERT INTO ${table} (${parent}, ${child}) VALUES (?, ?)`).run(parentId, id);
    await auditLink(ctx, 'create', table, parentId, { [parent]: parentId, [child]: id });
  }
}
