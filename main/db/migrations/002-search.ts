import type { Migration } from '../migrate';

/**
 * Full-text search over decisions, papers (each section's text) and minutes (the discussion
 * of each agenda item): with SQLite FTS5, and on PostgreSQL with a tsvector column.
 *
 * How a search query differs per engine (main/decisions/search.ts writes it):
 * - SQLite: `WHERE search_index MATCH @match` with the FTS5 query from ftsQuery() (each word
 *   quoted, the last a prefix "word"*), ranked by `bm25(search_index, 0, 0, 4.0, 1.0)`
 *   (title four times the body), excerpts from snippet(search_index, 3, …) and
 *   highlight(search_index, 2, …). The table has a rowid (id × 4 + kind).
 * - PostgreSQL: `WHERE tsv @@ q` where q is `websearch_to_tsquery('board_search', @text)` (plain
 *   words, all must match, "quoted phrases" and -exclusions, no prefixes) or, to keep the
 *   type-ahead prefix of the last word, `to_tsquery('board_search', …)` over the same quoted
 *   words with `:*` on the last (main/decisions/search-postgres.ts builds that text).
 *   Ranked by `ts_rank(tsv, q, 0)` with weights '{0, 0, 0.25, 1}' (title is weight A, body
 *   B: the same 4 : 1), ORDER BY rank DESC (bm25 is ascending: lower is better). Excerpts by
 *   `ts_headline('board_search', body, q, 'StartSel=\u0002, StopSel=\u0003, MaxFragments=1,
 *   MaxWords=16, MinWords=6, FragmentDelimiter=…')`, and for the title `HighlightAll=true`,
 *   so snippetPieces() reads both engines' excerpts alike. `kind IN (SELECT value FROM
 *   json_each(@kinds))` becomes `kind = ANY(@kinds)` with an array. There is no rowid: a
 *   row is (kind, ref_id), its primary key.
 * - Stemming: FTS5 uses porter with diacritics removed; PostgreSQL's configuration
 *   board_search is the snowball English stemmer without stop words (so 'the' and 'of' are
 *   found on both), and keeps diacritics ('café' ≠ 'cafe'): the one known difference.
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
 * main/decisions/search.ts can rebuild it from the sources (on PostgreSQL the same
 * `UPDATE … SET x = x` fires the triggers below, which are row triggers on the same tables
 * and the same events, AFTER UPDATE OF the same columns). On PostgreSQL search_index is an
 * ordinary table, so a bundle must skip it by name there too.
 */
const sectionText = (row: string) =>
  `(SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(${row}.body_json) WHERE type = 'text' AND (key = 'text' OR key = 'caption' OR typeof(key) = 'integer'))`;

const sectionTitle = (row: string) => `coalesce((SELECT reference || ' ' || title FROM paper WHERE id = ${row}.paper_id), '') || ' — ' || ${row}.heading`;

/**
 * PostgreSQL: search_index is a plain table with the same logical columns (kind, ref_id,
 * title, body) and a generated tsvector, title weighted A and body B, under a GIN index.
 * search_json_text() is json_tree's walk in SQL: the string values of a section's blocks
 * whose key is 'text' or 'caption' or that are array elements, in document order (json,
 * not jsonb, so keys keep their order), joined by spaces.
 */
const postgres = `
-- English stemming as FTS5's porter tokenizer does it, without PostgreSQL's English stop
-- words: FTS5 indexes "the", "of" and "and", so a search for them finds the same on both.
CREATE TEXT SEARCH DICTIONARY board_english_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION board_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION board_search
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH board_english_stem;
CREATE TABLE search_index (
  kind   text NOT NULL CHECK (kind IN ('decision','paper','minutes')),
  ref_id integer NOT NULL,
  title  text NOT NULL DEFAULT '',
  body   text NOT NULL DEFAULT '',
  tsv    tsvector GENERATED ALWAYS AS (
           setweight(to_tsvector('board_search', title), 'A') || setweight(to_tsvector('board_search', body), 'B')
         ) STORED,
  PRIMARY KEY (kind, ref_id)
);
CREATE INDEX search_index_tsv ON search_index USING gin (tsv);

CREATE FUNCTION search_json_text(doc text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  WITH RECURSIVE walk (path, key, value, is_element) AS (
    SELECT ARRAY[]::integer[], NULL::text, doc::json, false
    UNION ALL
    SELECT w.path || e.ord::integer, e.key, e.value, e.is_element
    FROM walk AS w
    CROSS JOIN LATERAL (
      SELECT o.key, o.value, false AS is_element, o.ord
        FROM json_each(CASE WHEN json_typeof(w.value) = 'object' THEN w.value END) WITH ORDINALITY AS o (key, value, ord)
      UNION ALL
      SELECT NULL, a.value, true, a.ord
        FROM json_array_elements(CASE WHEN json_typeof(w.value) = 'array' THEN w.value END) WITH ORDINALITY AS a (value, ord)
    ) AS e
  )
  SELECT coalesce(string_agg(value #>> '{}', ' ' ORDER BY path), '')
  FROM walk
  WHERE json_typeof(value) = 'string' AND (key IN ('text', 'caption') OR is_element)
$$;

CREATE FUNCTION search_section_title(section_paper_id integer, section_heading text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT reference || ' ' || title FROM paper WHERE id = section_paper_id), '') || ' — ' || section_heading
$$;

-- Decisions
CREATE FUNCTION search_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM search_index WHERE kind = 'decision' AND ref_id = old.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO search_index (kind, ref_id, title, body)
    VALUES ('decision', new.id, new.reference || ' ' || new.title, new.text);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_decision_insert AFTER INSERT ON decision FOR EACH ROW EXECUTE FUNCTION search_decision();
CREATE TRIGGER search_decision_update AFTER UPDATE OF id, reference, title, text ON decision FOR EACH ROW EXECUTE FUNCTION search_decision();
CREATE TRIGGER search_decision_delete AFTER DELETE ON decision FOR EACH ROW EXECUTE FUNCTION search_decision();

-- Paper sections (titled with their paper's reference and title)
CREATE FUNCTION search_section() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM search_index WHERE kind = 'paper' AND ref_id = old.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO search_index (kind, ref_id, title, body)
    VALUES ('paper', new.id, search_section_title(new.paper_id, new.heading), search_json_text(new.body_json));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_section_insert AFTER INSERT ON paper_section FOR EACH ROW EXECUTE FUNCTION search_section();
CREATE TRIGGER search_section_update AFTER UPDATE OF id, paper_id, heading, body_json ON paper_section FOR EACH ROW EXECUTE FUNCTION search_section();
CREATE TRIGGER search_section_delete AFTER DELETE ON paper_section FOR EACH ROW EXECUTE FUNCTION search_section();

CREATE FUNCTION search_paper_retitle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_index SET title = new.reference || ' ' || new.title || ' — ' || s.heading
  FROM paper_section AS s
  WHERE search_index.kind = 'paper' AND search_index.ref_id = s.id AND s.paper_id = new.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_paper_retitle AFTER UPDATE OF reference, title ON paper FOR EACH ROW EXECUTE FUNCTION search_paper_retitle();

-- Minutes: the discussion of an agenda item
CREATE FUNCTION search_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM search_index WHERE kind = 'minutes' AND ref_id = old.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND new.discussion <> '' THEN
    INSERT INTO search_index (kind, ref_id, title, body)
    VALUES ('minutes', new.id, new.title, new.discussion);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_minutes_insert AFTER INSERT ON agenda_item FOR EACH ROW WHEN (new.discussion <> '') EXECUTE FUNCTION search_minutes();
CREATE TRIGGER search_minutes_update AFTER UPDATE OF id, title, discussion ON agenda_item FOR EACH ROW EXECUTE FUNCTION search_minutes();
CREATE TRIGGER search_minutes_delete AFTER DELETE ON agenda_item FOR EACH ROW EXECUTE FUNCTION search_minutes();

-- What is already there
INSERT INTO search_index (kind, ref_id, title, body)
  SELECT 'decision', id, reference || ' ' || title, text FROM decision;
INSERT INTO search_index (kind, ref_id, title, body)
  SELECT 'paper', s.id, search_section_title(s.paper_id, s.heading), search_json_text(s.body_json) FROM paper_section AS s;
INSERT INTO search_index (kind, ref_id, title, body)
  SELECT 'minutes', id, title, discussion FROM agenda_item WHERE discussion <> '';
`;

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
  postgres,
};
