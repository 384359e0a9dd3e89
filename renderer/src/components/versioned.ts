/** A record named for an edit: its id and the version it was read at (checked by the workspace). */
export interface Versioned {
  id: number;
  version: number;
}

/** The id and version of a record (never the rest of it), for an edit or delete. */
export function versioned(record: { id: number; version: number }, version?: number): Versioned {
  return { id: record.id, version: version ?? record.version };
}
