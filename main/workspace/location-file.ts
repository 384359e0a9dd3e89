import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../documents/atomic-write';
import { DomainError } from '../shared/errors';

/**
 * The workspace the desktop app opens at start when the user chose another one (Settings →
 * Open another workspace…): userData/workspace-location.json, `{ "target": "…" }`, a SQLite
 * file's absolute path or a PostgreSQL address without its password (workspace.open refuses
 * one with a password, so none is ever written here). No file: the default workspace file.
 */

export const LOCATION_FILE_NAME = 'workspace-location.json';

/** The remembered target, or null when nothing has been remembered. A file that cannot be read as one is an error, never ignored. */
export function readWorkspaceLocation(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw Object.assign(
      new DomainError('workspace.locationUnreadable', `The file ${file}, which says which workspace to open, could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`),
      { cause: err },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const target = (parsed as { target?: unknown } | null)?.target;
  if (typeof target !== 'string' || target.trim() === '') {
    throw new DomainError('workspace.locationUnreadable', `The file ${file}, which says which workspace to open, does not name one (it should hold { "target": "<file or postgres:// address>" }).`);
  }
  return target;
}

/** Remembers the target: written whole or not at all (a crash mid-write leaves the previous one). */
export function writeWorkspaceLocation(file: string, target: string): void {
  writeFileAtomic(file, `${JSON.stringify({ target }, null, 2)}\n`, '.json');
}
