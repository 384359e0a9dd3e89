import type { Kysely } from 'kysely';
import type { Db } from './connection';
import type { DB } from './schema';
import type { ConnectedAs } from './team-roles';

/** The two engines a workspace can live in: a local SQLite file (the default) or PostgreSQL. */
export type Engine = 'sqlite' | 'postgres';

/** The query layer every repository goes through: the workspace, or the transaction of a write. */
export type Queries = Kysely<DB>;

/**
 * An open workspace, whichever engine holds it. Services see only `kysely` (through
 * ctx.db); the rest is for the dispatcher, backups and the messages that name where the
 * workspace is.
 */
export interface Store {
  engine: Engine;
  kysely: Queries;
  /** Where the workspace is, for messages: the file's path, or the server and database (never the password). */
  location: string;
  /** The SQLite file's own connection (backups, the watched file, bulk import); undefined on PostgreSQL. */
  sqlite?: Db;
  /** The PostgreSQL role the workspace was opened as; undefined on SQLite. */
  role?: string;
  /** On PostgreSQL, who the workspace is open as and what the database lets it write (read when it was opened); undefined on SQLite. */
  connectedAs?: ConnectedAs;
  isOpen(): boolean;
  /**
   * Runs `work` as one write transaction: on SQLite BEGIN IMMEDIATE after checking the file
   * is still the one opened and may be written; on PostgreSQL one transaction on one
   * connection. Commits when `work` resolves, rolls back when it throws.
   */
  write<T>(work: (trx: Queries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `postgres://…`, `postgresql://…` or libpq key=value parameters ("host=… dbname=…"). */
export function isPostgresTarget(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target) || /^\s*(host|dbname|user|port|service)\s*=/i.test(target);
}
