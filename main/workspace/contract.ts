import { z } from 'zod';
import { command, query } from '../api/define';
import { id, requiredText } from '../api/fields';
import { isPostgresTarget } from '../db/store';
import type { ConnectedAs } from '../db/team-roles';
import type { BackupEntry } from './backups';
import type { RestoreResult } from './backups-restore';

/** Something about the open file the user must know, shown as a banner (code says which). */
export interface WorkspaceWarning {
  /** location.network, location.syncFolder, workspace.replaced, workspace.missing. */
  code: string;
  message: string;
}

export interface WorkspaceInfo {
  path: string;
  /** Read-only when the file or its folder cannot be written; reason says which, in words. */
  access: { readOnly: boolean; reason?: string };
  /** Where the file lives (network, sync folder) and whether it changed underneath since opened. */
  warnings: WorkspaceWarning[];
  schemaVersion: number;
  /** True when nothing but settings has been entered: the app offers the demo then. */
  isEmpty: boolean;
  counts: Record<'organisations' | 'people' | 'boards' | 'meetings' | 'papers' | 'decisions' | 'actions' | 'indicators' | 'fundingStreams' | 'awards', number>;
  settings: Record<string, string>;
  /**
   * On PostgreSQL, who the workspace is open as: the login, its team roles (secretariat,
   * finance, reader: main/db/team-roles.ts) and what the database lets it write. Null on a
   * file, which whoever may open it may write.
   */
  connectedAs: ConnectedAs | null;
}

/** What Reopen answers: the file as it is now, and the backup kept of the file as the app had it. */
export interface ReopenResult extends WorkspaceInfo {
  /** The before-reopen backup's name; null when the file had not been replaced. */
  keptAs: string | null;
  /** What the app shows after Reopen. */
  message: string;
}

/** What Open another workspace answers: the workspace now open, and what to tell the user. */
export interface OpenResult extends WorkspaceInfo {
  /** Says where the workspace is and whether the app will open it again next time. */
  message: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  operation: string;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * One row of the audit trail as the changes feed gives it: who changed which record, how, in
 * which operation, and the same in words (main/workspace/change-summary.ts). `own` is true for
 * a change this app wrote itself (main/workspace/own-writes.ts), which the screen has shown
 * already; the same person working from another laptop or the command line is not `own`.
 */
export interface WorkspaceChange {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: number;
  action: 'create' | 'update' | 'delete';
  operation: string;
  summary: string;
  /** The record this row is part of (a paper for its section, an action for its update), or null. */
  partOf: { entity: string; id: number } | null;
  own: boolean;
}

/** What workspace.changes answers: the newest audit id now, and the changes after `since`, oldest first. */
export interface WorkspaceChanges {
  /**
   * Which opening of a workspace answered: another after Open another workspace, Reopen or a
   * move, whose ids say nothing about the last one's (a caller then starts again from latest).
   */
  opening: string;
  latest: number;
  changes: WorkspaceChange[];
  /**
   * Who the answer was read as (PostgreSQL: the login, its team roles, what it may write; null
   * on a file), asked of the server each time: a role the owner changed since (a GRANT, which
   * writes no audit row) reaches the header with the next poll (renderer/src/changes/poller.ts).
   */
  connectedAs: ConnectedAs | null;
}

/** The most changes one answer of workspace.changes carries (the newest of them). */
export const CHANGES_LIMIT = 200;

/**
 * What Move to PostgreSQL answers: where the copy is (never the password), how many rows went,
 * that they were checked, and whether the app now has the copy open (it stays on the file when
 * the address carried a password, or the copy could not be opened: message says what to do).
 */
export interface MoveResult {
  target: string;
  rows: number;
  verified: true;
  opened: boolean;
  message: string;
}

export const SETTING_KEYS = ['organisationName', 'defaultProtectiveMarking', 'userName'] as const;

export const workspaceContract = {
  'workspace.info': query<WorkspaceInfo>()(z.object({}).strict().default({}), 'The open workspace: its file, schema version and counts'),
  'workspace.changes': query<WorkspaceChanges>()(
    z
      .object({
        since: z
          .number({ error: 'Since must be a number' })
          .int('Since must be a whole number')
          .min(0, 'Since must be an audit id: 0 or more')
          .max(Number.MAX_SAFE_INTEGER, 'Since is too large to be an audit id')
          .optional(),
      })
      .strict()
      .default({}),
    `Changes to the workspace after the audit id since (at most the newest ${CHANGES_LIMIT}, oldest first), by anyone, each marked own when this app made it; without since, only the newest audit id`,
  ),
  'workspace.reopen': query<ReopenResult>()(
    z.object({}).strict().default({}),
    'Close the workspace file and open it again, to see it as it is now (after another program replaced it, or it was put back)',
  ),
  'workspace.open': query<OpenResult>()(
    z
      .object({
        target: z
          .string({ error: 'Target must be text' })
          .trim()
          .min(1, 'Give the workspace to open: a file path, or postgres://user@host/database?sslmode=verify-full')
          .max(2000, 'Target must be at most 2000 characters'),
        // Kept in the password vault (Windows' DPAPI in the desktop app), never in the remembered address.
        password: z.string({ error: 'Password must be text' }).min(1, 'Password must not be empty (leave it out to use the one kept, or the password file)').max(1000, 'Password must be at most 1000 characters').optional(),
      })
      .strict(),
    'Open another workspace (an existing SQLite file, or a PostgreSQL database that holds one) in place of this one, which stays open if that fails',
  ),
  'workspace.loadDemo': command<WorkspaceInfo>()(
    z.object({}).strict().default({}),
    'Fill an empty workspace with the Kent & Medway demonstration data from the seed papers',
  ),
  'workspace.setSetting': command<WorkspaceInfo>()(
    z
      .object({
        key: z.enum(SETTING_KEYS, { error: `Setting must be one of: ${SETTING_KEYS.join(', ')}` }),
        value: requiredText('Value', 200),
        /**
         * The setting as the screen read it (null: never set). Settings are shared on a team
         * workspace: sent, the change is refused, naming who, if a colleague has changed the
         * setting since. Left out (scripts, the CLI), the last write wins.
         */
        was: z.string({ error: 'Was must be text' }).max(200, 'Was must be at most 200 characters').nullable().optional(),
      })
      .strict(),
    'Change a workspace setting; `was` is the setting as it was read, refused if someone has changed it since',
  ),
  // Not a `command`: it writes nothing to this workspace (it only reads it) and runs its own
  // transaction on the other database (main/workspace/move.ts); then the dispatcher opens the
  // copy in place of this workspace, as workspace.open does (main/api/dispatch.ts).
  'workspace.moveTo': query<MoveResult>()(
    z
      .object({
        target: z
          .string({ error: 'Target must be text' })
          .trim()
          .min(1, 'Give the PostgreSQL database to move the workspace to')
          .max(2000, 'Target must be at most 2000 characters')
          .refine(isPostgresTarget, 'Target must be a PostgreSQL database: postgres://user@host/database?sslmode=verify-full, or host=… dbname=… user=…'),
        // As workspace.open's: used to connect, then kept in the password vault once the copy is open.
        password: z.string({ error: 'Password must be text' }).min(1, 'Password must not be empty (leave it out to use the password file)').max(1000, 'Password must be at most 1000 characters').optional(),
      })
      .strict(),
    'Copy the workspace into an empty PostgreSQL database, checked row for row, and open the copy in place of this workspace, which is left as it was',
  ),
  'audit.list': query<AuditEntry[]>()(
    z
      .object({
        entity: z.string({ error: 'Entity must be text' }).regex(/^[a-z_]*$/, 'Entity must be a table name such as person').default(''),
        entityId: id('Entity id').nullable().default(null),
        limit: z.number({ error: 'Limit must be a number' }).int('Limit must be a whole number').min(1, 'Limit must be at least 1').max(1000, 'Limit must be at most 1000').default(100),
      })
      .strict()
      .default({ entity: '', entityId: null, limit: 100 }),
    'The audit trail, newest first',
  ),
  // The backup operations are not `command`s on purpose: dispatch runs a command synchronously
  // inside one transaction, but a backup is SQLite's online backup (async; its own read
  // transaction on the workspace) and a restore writes the whole file through SQLite's backup
  // API (its own write transaction, taken by a second connection). So they run outside
  // dispatch's transaction and carry their own safety: every copy is verified before it is
  // kept, and a restore checks the backup and backs up the current state before it changes a
  // byte (main/workspace/backups-restore.ts).
  'backup.list': query<BackupEntry[]>()(z.object({}).strict().default({}), "The workspace's backups, newest first"),
  'backup.create': query<BackupEntry>()(z.object({}).strict().default({}), 'Back up the workspace now (a manual backup: the retention policy never deletes it)'),
  'backup.restore': query<RestoreResult>()(
    z
      .object({
        name: z
          .string({ error: 'Backup name must be text' })
          .min(1, 'Choose a backup to restore')
          .max(200, 'Backup name must be at most 200 characters')
          .regex(/^[^\\/]+$/, 'Backup name must be a name from the list of backups, not a path'),
      })
      .strict(),
    'Restore a listed backup into the workspace (the workspace as it is now is backed up first)',
  ),
} as const;
