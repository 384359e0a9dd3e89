import type { Migration } from '../migrate';

/**
 * The date a claim was signed off (by the Chief Finance Officer, before it is submitted),
 * for the spend return's "Date signed off". Claims already submitted or paid with a
 * signatory were signed off by the day they were submitted, so they take that date.
 * (003 is another change's foreign-key indexes.)
 */
export const migration: Migration = {
  version: 4,
  name: 'the date a claim was signed off',
  sql: `
ALTER TABLE claim ADD COLUMN signed_off_on TEXT;
UPDATE claim SET signed_off_on = submitted_on WHERE submitted_on IS NOT NULL AND signed_off_by <> '';
`,
  postgres: `
ALTER TABLE claim ADD COLUMN signed_off_on text;
UPDATE claim SET signed_off_on = submitted_on WHERE submitted_on IS NOT NULL AND signed_off_by <> '';
`,
};
