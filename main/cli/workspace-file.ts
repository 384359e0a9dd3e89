import { parsePostgresTarget, postgresLocation } from '../db/postgres-store';
import { isPostgresTarget } from '../db/store';
import { DomainError } from '../shared/errors';

export { undoCreate, workspaceBefore, type Before } from '../workspace/new-workspace';
export { isSqliteFile, sameFile } from '../db/sqlite-file';

/** Where a PostgreSQL target points, for a message: never its password; "it" if it cannot be read. */
export function targetLocation(target: string): string {
  try {
    return postgresLocation(parsePostgresTarget(target));
  } catch {
    return 'it';
  }
}

/**
 * The commands about the workspace file itself (backup, backups, restore, check) refuse a
 * PostgreSQL database, saying what does that job there: the server's own backups (IT's
 * pg_dump) or a bundle (export-bundle).
 */
export function refusePostgres(target: string, verb: string, instead: string): void {
  if (!isPostgresTarget(target)) return;
  throw new DomainError('cli.fileOnly', `${verb} works on a workspace file, and ${targetLocation(target)} is a PostgreSQL database. ${instead}`, 'db');
}
