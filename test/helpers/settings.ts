import Database from 'better-sqlite3';

/** The organisation name stored in a workspace file, read by a connection of its own (read-only). */
export function organisationIn(path: string): string | undefined {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(`SELECT value FROM setting WHERE key = 'organisationName'`).get() as { value: string } | undefined)?.value;
  } finally {
    db.close();
  }
}
