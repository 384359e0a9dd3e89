import type { Kysely } from 'kysely';
import type { HandlersFor } from '../api/handler-types';
import type { SessionOperation } from '../api/session';
import { lockSeries } from '../db/allocation-lock';
import { insertRow, updateRow } from '../db/audit';
import { fileProblem, openedWorkspace } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { postgresSchemaVersion } from '../db/migrate-postgres';
import { toCamel } from '../db/rows';
import { sql } from '../db/statements';
import { refuseChangedCell } from '../db/versions';
import { readConnectedAs } from '../db/team-roles';
import { DomainError } from '../shared/errors';
import type { Ctx } from '../shared/context';
import { PROTECTIVE_MARKINGS } from '../shared/protective-marking';
import { CHANGES_LIMIT, type AuditEntry, type WorkspaceChanges, type WorkspaceInfo, type WorkspaceWarning, type workspaceContract } from './contract';
import { changeSummary, partOf } from './change-summary';
import { forgetOwnAbove, isOwnChange, latestAuditId, openingOf } from './own-writes';
import type { SettingKey } from './settings';
import { backupHandlers } from './backups-service';
import { importBundle } from './bundle';
import { demoBundle } from './demo';

const COUNTED = {
  organisations: 'organisation',
  people: 'person',
  boards: 'board',
  meetings: 'meeting',
  papers: 'paper',
  decisions: 'decision',
  actions: 'action',
  indicators: 'indicator',
  fundingStreams: 'funding_stream',
  awards: 'award',
} as const;

export async function workspaceInfo(ctx: Ctx): Promise<WorkspaceInfo> {
  const counts = {} as WorkspaceInfo['counts'];
  for (const [key, table] of Object.entries(COUNTED) as [keyof typeof COUNTED, string][]) {
    counts[key] = (await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM ${table}`).get())!.n;
  }
  const settings: Record<string, string> = {};
  for (const row of await sql<{ key: string; value: string }>(ctx, 'SELECT key, value FROM setting ORDER BY key').all()) settings[row.key] = row.value;
  const file = ctx.store.sqlite;
  const opened = file && openedWorkspace(file);
  const warnings: WorkspaceWarning[] = [...(opened?.warnings ?? [])];
  const problem = file && fileProblem(file);
  if (problem) warnings.unshift({ code: problem.code, message: problem.message });
  return {
    path: ctx.store.location,
    access: opened?.access ?? { readOnly: false },
    warnings,
    schemaVersion: file ? schemaVersion(file) : await postgresSchemaVersion(ctx.db),
    isEmpty: Object.values(counts).every((n) => n === 0),
    counts,
    settings,
    // Asked of the server each time, so a role the board manager granted since opening shows.
    connectedAs: ctx.engine === 'postgres' ? await readConnectedAs(ctx.db as unknown as Kysely<unknown>) : null,
  };
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  operation: string;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: number;
  beforeJson: string | null;
  afterJson: string | null;
}

/**
 * The changes feed the screens poll (renderer/src/changes/poller.ts): with nothing new, one
 * lookup of the newest id on audit_log's primary key; otherwise one range scan of it. The rows
 * are bounded by `latest` as read first, so a row committed in between comes in the next
 * answer, not twice. On PostgreSQL a transaction that commits after a later one (ids are taken
 * at insert, not at commit) can land below an id already passed: the poller waits for such an
 * id a moment (renderer/src/changes/cursor.ts).
 */
export async function workspaceChanges(ctx: Ctx, since: number | undefined): Promise<WorkspaceChanges> {
  const latest = await latestAuditId(ctx);
  const opening = openingOf(ctx.store);
  const connectedAs = ctx.engine === 'postgres' ? await readConnectedAs(ctx.db as unknown as Kysely<unknown>) : null;
  if (since === undefined || latest <= since) {
    if (since !== undefined && latest < since) forgetOwnAbove(ctx.store, latest);
    return { opening, latest, changes: [], connectedAs };
  }
  const rows = (await sql(
    ctx,
    'SELECT id, at, actor, operation, action, entity, entity_id, before_json, after_json FROM audit_log WHERE id > @since AND id <= @latest ORDER BY id DESC LIMIT @limit',
  ).all({ since, latest, limit: CHANGES_LIMIT })) as Record<string, unknown>[];
  const changes = rows.reverse().map((r) => {
    const row = toCamel<AuditRow>(r);
    const id = Number(row.id);
    const before = row.beforeJson ? (JSON.parse(row.beforeJson) as Record<string, unknown>) : null;
    const after = row.afterJson ? (JSON.parse(row.afterJson) as Record<string, unknown>) : null;
    return {
      id,
      at: row.at,
      actor: row.actor,
      entity: row.entity,
      entityId: Number(row.entityId),
      action: row.action,
      operation: row.operation,
      summary: changeSummary({ actor: row.actor, action: row.action, entity: row.entity, entityId: Number(row.entityId), before, after }),
      partOf: partOf(row.entity, after ?? before),
      own: isOwnChange(ctx.store, id),
    };
  });
  return { opening, latest, changes, connectedAs };
}

/**
 * A setting's value as stored, or a refusal naming the setting. The marking is read by every
 * export (anything but OFFICIAL-SENSITIVE prints as OFFICIAL), so a typo must not be stored.
 */
/** A setting as the person knows it, in a refusal's list of their values beside yours. */
const SETTING_WORDS: Record<SettingKey, string> = {
  organisationName: 'Organisation name',
  userName: 'Your name',
  defaultProtectiveMarking: 'Default protective marking',
};

export function checkedSetting(key: SettingKey, value: string): string {
  if (key === 'defaultProtectiveMarking') {
    const marking = value.trim().toUpperCase();
    if (!(PROTECTIVE_MARKINGS as readonly string[]).includes(marking)) {
      throw new DomainError('setting.badMarking', `Default protective marking must be OFFICIAL or OFFICIAL-SENSITIVE, not "${value}"`, 'value');
    }
    return marking;
  }
  return value;
}

/** workspace.reopen, workspace.open and workspace.moveTo replace the session's connection, so the dispatcher serves them (main/api/dispatch.ts). */
export const workspaceHandlers: HandlersFor<Omit<typeof workspaceContract, SessionOperation>> = {
  ...backupHandlers,
  'workspace.info': (ctx) => workspaceInfo(ctx),
  'workspace.changes': (ctx, { since }) => workspaceChanges(ctx, since),
  'workspace.loadDemo': async (ctx) => {
    if (!(await workspaceInfo(ctx)).isEmpty) {
      throw new DomainError('workspace.notEmpty', 'The demonstration data can only be loaded into an empty workspace; this one already holds records.');
    }
    // The demonstration's people are invented: loaded by a team member, its trail may carry their login.
    await importBundle(ctx, demoBundle(), { keepsActors: false });
    return workspaceInfo(ctx);
  },
  'workspace.setSetting': async (ctx, { key, value: given, was }) => {
    const value = checkedSetting(key, given);
    // Two people changing one setting take turns, each checked against what it read.
    await lockSeries(ctx, `setting ${key}`);
    const existing = await sql<{ id: number; value: string }>(ctx, 'SELECT id, value FROM setting WHERE key = ?').get(key);
    const now = existing?.value ?? null;
    if (was !== undefined && was !== now && now !== value && existing) {
      await refuseChangedCell(ctx, { entity: 'setting', entityId: existing.id, key: {} }, [{ field: SETTING_WORDS[key], theirs: now, yours: value, yoursSent: true }], 'was');
    }
    if (existing) await updateRow(ctx, 'setting', existing.id, { value });
    else await insertRow(ctx, 'setting', { key, value });
    return workspaceInfo(ctx);
  },
  'audit.list': async (ctx, { entity, entityId, limit }) => {
    // Only the filters given go into the WHERE clause, so SQLite can use audit_entity(_recent).
    const where: string[] = [];
    if (entity) where.push('entity = @entity');
    if (entityId !== null) where.push('entity_id = @entityId');
    const rows = await sql(ctx, `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`).all({
      entity,
      entityId,
      limit,
    }) as Record<string, unknown>[];
    return rows.map((r) => {
      const { beforeJson, afterJson, ...rest } = toCamel<AuditEntry & { beforeJson: string | null; afterJson: string | null }>(r);
      return { ...rest, before: beforeJson ? JSON.parse(beforeJson) : null, after: afterJson ? JSON.parse(afterJson) : null };
    });
  },
};

