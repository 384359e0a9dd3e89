import type { Migration } from '../migrate';

/**
 * Minute numbers and the approval of minutes (issue 15):
 * - board.minute_format: the board's house format for minute numbers, with tokens
 *   ({code} {n} {nn} {nnn} {yy} {yyyy}; main/meetings/minute-numbers.ts), "SB 12/20" by default;
 * - agenda_item.minute_number and minute_seq: the number printed against the item and its
 *   running number in the board's series (given when the minutes go to draft);
 * - meeting.minutes_approved_at_meeting_id / _by_person_id / _signed_by_person_id: the later
 *   meeting that approved these minutes as a correct record, who proposed that, and the Chair
 *   who signs them.
 * Existing rows have no numbers and no approval: minutes approved before this version were
 * approved by status only, and print as before.
 */
export const migration: Migration = {
  version: 8,
  name: 'minute numbers and the approval of minutes',
  sql: `
ALTER TABLE board ADD COLUMN minute_format TEXT NOT NULL DEFAULT '{code} {n}/{yy}';
ALTER TABLE agenda_item ADD COLUMN minute_number TEXT;
ALTER TABLE agenda_item ADD COLUMN minute_seq INTEGER;
ALTER TABLE meeting ADD COLUMN minutes_approved_at_meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL;
ALTER TABLE meeting ADD COLUMN minutes_approved_by_person_id INTEGER REFERENCES person(id) ON DELETE SET NULL;
ALTER TABLE meeting ADD COLUMN minutes_signed_by_person_id INTEGER REFERENCES person(id) ON DELETE SET NULL;
CREATE INDEX agenda_item_minute_number ON agenda_item (minute_number);
CREATE INDEX meeting_minutes_approved_at_meeting_id ON meeting (minutes_approved_at_meeting_id);
CREATE INDEX meeting_minutes_approved_by_person_id ON meeting (minutes_approved_by_person_id);
CREATE INDEX meeting_minutes_signed_by_person_id ON meeting (minutes_signed_by_person_id);
`,
  postgres: `
ALTER TABLE board ADD COLUMN minute_format text NOT NULL DEFAULT '{code} {n}/{yy}';
ALTER TABLE agenda_item ADD COLUMN minute_number text;
ALTER TABLE agenda_item ADD COLUMN minute_seq integer;
ALTER TABLE meeting ADD COLUMN minutes_approved_at_meeting_id integer REFERENCES meeting(id) ON DELETE SET NULL DEFERRABLE;
ALTER TABLE meeting ADD COLUMN minutes_approved_by_person_id integer REFERENCES person(id) ON DELETE SET NULL DEFERRABLE;
ALTER TABLE meeting ADD COLUMN minutes_signed_by_person_id integer REFERENCES person(id) ON DELETE SET NULL DEFERRABLE;
CREATE INDEX agenda_item_minute_number ON agenda_item (minute_number);
CREATE INDEX meeting_minutes_approved_at_meeting_id ON meeting (minutes_approved_at_meeting_id);
CREATE INDEX meeting_minutes_approved_by_person_id ON meeting (minutes_approved_by_person_id);
CREATE INDEX meeting_minutes_signed_by_person_id ON meeting (minutes_signed_by_person_id);
`,
};
