import type { Migration } from '../migrate';

/**
 * Who last changed a cell (issue 14's review). A cell of a register or grid (a person's
 * attendance at a meeting, a spend figure, a stream's allocation for a year) has no version:
 * a save that finds it changed since it was read is refused naming the last person who
 * changed it (main/db/versions.ts lastWriterOf). Its audit rows are found by what names the
 * cell inside the row's values (after, or before for a delete: a cleared cell's row is gone,
 * and a mark set again is a new row), so these indexes are on those values, one per kind of
 * cell, newest last: the last writer is one index seek, however busy the trail is.
 *
 * The expressions are the ones lastWriterOf queries with, on each engine; keep them the same.
 */
export const migration: Migration = {
  version: 12,
  name: 'who last changed a cell: indexes of the trail by cell',
  sql: `
CREATE INDEX audit_attendance_cell ON audit_log (
  json_extract(coalesce(after_json, before_json), '$.meeting_id'),
  json_extract(coalesce(after_json, before_json), '$.person_id'),
  id
) WHERE entity = 'attendance';
CREATE INDEX audit_spend_cell ON audit_log (
  json_extract(coalesce(after_json, before_json), '$.budget_line_id'),
  json_extract(coalesce(after_json, before_json), '$.award_id'),
  json_extract(coalesce(after_json, before_json), '$.month'),
  json_extract(coalesce(after_json, before_json), '$.kind'),
  id
) WHERE entity = 'spend';
CREATE INDEX audit_allocation_cell ON audit_log (
  entity_id,
  json_extract(coalesce(after_json, before_json), '$.financial_year'),
  id
) WHERE entity = 'stream_allocation';
`,
  postgres: `
CREATE INDEX audit_attendance_cell ON audit_log (
  (coalesce(after_json, before_json)::jsonb ->> 'meeting_id'),
  (coalesce(after_json, before_json)::jsonb ->> 'person_id'),
  id
) WHERE entity = 'attendance';
CREATE INDEX audit_spend_cell ON audit_log (
  (coalesce(after_json, before_json)::jsonb ->> 'budget_line_id'),
  (coalesce(after_json, before_json)::jsonb ->> 'award_id'),
  (coalesce(after_json, before_json)::jsonb ->> 'month'),
  (coalesce(after_json, before_json)::jsonb ->> 'kind'),
  id
) WHERE entity = 'spend';
CREATE INDEX audit_allocation_cell ON audit_log (
  entity_id,
  (coalesce(after_json, before_json)::jsonb ->> 'financial_year'),
  id
) WHERE entity = 'stream_allocation';
`,
};
