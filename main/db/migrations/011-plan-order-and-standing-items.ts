import type { Migration } from '../migrate';

/**
 * Issue 15, point 6. A forward-plan item gets a position among the items planned for the same
 * meeting or month (the order in which they join its agenda, changed with Move up / Move
 * down); existing items keep their order (by id) as position 0 ties broken by id. A board
 * gets its own list of standing items (JSON, main/meetings/board-standing-items.ts), null
 * while it uses templates/meetings/standing-items.json, which stays the default for a new board.
 */
export const migration: Migration = {
  version: 11,
  name: 'forward plan order and a board’s own standing items',
  sql: `
ALTER TABLE forward_plan_item ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE board ADD COLUMN standing_items TEXT;
`,
  postgres: `
ALTER TABLE forward_plan_item ADD COLUMN position integer NOT NULL DEFAULT 0;
ALTER TABLE board ADD COLUMN standing_items text;
`,
};
