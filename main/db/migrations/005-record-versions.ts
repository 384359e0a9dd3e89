import type { Migration } from '../migrate';

/**
 * A version on every record a person edits as a whole, for the team workspace: each update
 * carries the version it was read at, and an update or delete of a record changed since is
 * refused ("Changed by alice at 03/12/2026, 10:42 since you opened it") rather than written
 * over (main/db/versions.ts). Every update through main/db/audit.ts adds one to it. Existing
 * records start at 1. Rows that are only ever added (action updates, paper versions,
 * indicator values, audit), cells (spend, attendance) and settings carry none.
 */
export const VERSIONED_TABLES = [
  'organisation',
  'person',
  'board',
  'membership',
  'meeting',
  'agenda_item',
  'declaration',
  'forward_plan_item',
  'paper',
  'paper_section',
  'decision',
  'action',
  'framework_theme',
  'indicator',
  'funding_stream',
  'budget_line',
  'award',
  'claim',
] as const;

export const migration: Migration = {
  version: 5,
  name: 'a version on every edited record',
  sql: VERSIONED_TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN version INTEGER NOT NULL DEFAULT 1;`).join('\n'),
  postgres: VERSIONED_TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN version integer NOT NULL DEFAULT 1;`).join('\n'),
};
