import type { Migration } from '../migrate';

/**
 * An index on every foreign-key column that had none. Without them SQLite scans the child
 * table each time a parent row is checked or deleted: with foreign-key checks deferred, a
 * bundle import turned quadratic (each new indicator_value row scanned the table for rows
 * superseded by it — 13.7 s for 24,724 rows, 131 s for 74,185), and deleting a person or an
 * organisation scanned every table that can refer to them.
 *
 * test/integration/foreign-key-indexes.test.ts lists the foreign keys without an index
 * whose first column is the key, so a later table that forgets one fails the suite.
 */
const indexes: [table: string, column: string][] = [
  ['board_quorum_organisation', 'organisation_id'],
  ['membership_substitute', 'person_id'],
  ['attendance', 'person_id'],
  ['attendance', 'substitute_for_person_id'],
  ['agenda_item', 'lead_person_id'],
  ['declaration', 'person_id'],
  ['declaration', 'agenda_item_id'],
  ['forward_plan_item', 'board_id'],
  ['forward_plan_item', 'agenda_item_id'],
  ['forward_plan_item', 'lead_person_id'],
  ['paper', 'board_id'],
  ['paper', 'author_person_id'],
  ['paper', 'presenter_person_id'],
  ['paper_version', 'paper_id'],
  ['decision', 'paper_id'],
  ['decision', 'owner_person_id'],
  ['decision', 'funding_stream_id'],
  ['decision', 'superseded_by_id'],
  ['decision_indicator', 'indicator_id'],
  ['action', 'meeting_id'],
  ['action', 'owner_person_id'],
  ['action', 'owner_organisation_id'],
  ['indicator', 'theme_id'],
  ['indicator', 'owner_organisation_id'],
  ['indicator_value', 'superseded_by_id'],
  ['indicator_value', 'supplied_by_organisation_id'],
  ['award', 'organisation_id'],
];

export const migration: Migration = {
  version: 3,
  name: 'an index on every foreign key',
  sql: indexes.map(([table, column]) => `CREATE INDEX ${table}_${column} ON ${table} (${column});`).join('\n'),
  // The same indexes, the same names: PostgreSQL does not index a referencing column either.
  postgres: indexes.map(([table, column]) => `CREATE INDEX ${table}_${column} ON ${table} (${column});`).join('\n'),
};
