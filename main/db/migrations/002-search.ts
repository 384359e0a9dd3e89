import type { Migration } from '../migrate';

/**
 * Full-text search over decisions, papers (each section's text) and minutes (the discussion
 * of each agenda item), with SQLite FTS5.
 *
 * One FTS5 table holds its own copy of the text (so snippet() can highlight matches), kept
 * in step with its three sources by triggers. Each source row has a fixed rowid in the
 * index, id × 4 + kind (1 decision, 2 paper section, 3 minutes), so a trigger finds its
 * row without a scan. A section's text is the string values of its blocks (main/papers/
 * blocks.ts): paragraph and cell text, list items, captions — not block types or link
 * addresses. Minutes are indexed only where an item has a discussion.
 *
 * The index is derived data: bundles leave it out (main/workspace/bundle.ts skips virtual
 * tables and their shadow tables), and the triggers fill it as a bundle's rows go in.
 * main/decisions/search.ts can rebuild it from the sources.
 */
const sectionText = (row: string) =>
  `(SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(${row}.body_json) WHERE type = 'text' AND (key = 'text' OR key = 'caption' OR typeof(key) = 'integer'))`;

const sectionTitle = (row: string) => `coalesce((SELECT reference || ' ' || title FROM paper WHERE id = ${row}.paper_id), '') || ' — ' || ${row}.heading`;

export const migration: Migration = {
  version: 2,
  name: 'full-text search over decisions, papers and minutes',
  sql: `
CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED,
  ref_id UNINDEXED,
  title,
  body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Decisions
CREATE TRIGGER search_decision_insert AFTER INSERT ON decision BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (new.id * 4 + 1, 'decision', new.id, new.reference || ' ' || new.title, new.text);
END;
CREATE TRIGGER search_decision_update AFTER UPDATE OF id, reference, title, text ON decision BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (new.id * 4 + 1, 'decision', new.id, new.reference || ' ' || new.title, new.text);
END;
CREATE TRIGGER search_decision_delete AFTER DELETE ON decision BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;

-- Paper sections (titled with their paper's reference and title)
CREATE TRIGGER search_section_insert AFTER INSERT ON paper_section BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (new.id * 4 + 2, 'paper', new.id, ${sectionTitle('new')}, ${sectionText('new')});
END;
CREATE TRIGGER search_section_update AFTER UPDATE OF id, paper_id, heading, body_json ON paper_section BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (new.id * 4 + 2, 'paper', new.id, ${sectionTitle('new')}, ${sectionText('new')});
END;
CREATE TRIGGER search_section_delete AFTER DELETE ON paper_section BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;
CREATE TRIGGER search_paper_retitle AFTER UPDATE OF reference, title ON paper BEGIN
  UPDATE search_index SET title = new.reference || ' ' || new.title || ' — ' || (SELECT heading FROM paper_section s WHERE s.id = search_index.ref_id)
  WHERE rowid IN (SELECT id * 4 + 2 FROM paper_section WHERE paper_id = new.id);
END;

-- Minutes: the discussion of an agenda item
CREATE TRIGGER search_minutes_insert AFTER INSERT ON agenda_item WHEN new.discussion <> '' BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (new.id * 4 + 3, 'minutes', new.id, new.title, new.discussion);
END;
CREATE TRIGGER search_minutes_update AFTER UPDATE OF id, title, discussion ON agenda_item BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT new.id * 4 + 3, 'minutes', new.id, new.title, new.discussion WHERE new.discussion <> '';
END;
CREATE TRIGGER search_minutes_delete AFTER DELETE ON agenda_item BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
END;

-- What is already there
INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT id * 4 + 1, 'decision', id, reference || ' ' || title, text FROM decision;
INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT s.id * 4 + 2, 'paper', s.id, ${sectionTitle('s')}, ${sectionText('s')} FROM paper_section AS s;
INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT id * 4 + 3, 'minutes', id, title, discussion FROM agenda_item WHERE discussion <> '';
`,
};
