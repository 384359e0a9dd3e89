import { sql } from '../db/statements';
import type { Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { queryWords } from './query-words';
import { tsQueryText } from './search-postgres';

/**
 * Full-text search over decisions, papers and minutes, on the index kept by
 * main/db/migrations/002-search.ts: FTS5 on SQLite, a tsvector column on PostgreSQL (its
 * comment says how the two queries differ). What a person types is never passed to either
 * as syntax: each word becomes a quoted term (the last also matches as a prefix, so results
 * come as they type), and all must match. Matches come back as snippets split into plain
 * and highlighted pieces, so the screen marks them without building HTML from text; on
 * PostgreSQL the excerpt is cut as snippet() cuts it, so both engines show the same words.
 */
export const SEARCH_KINDS = ['decision', 'paper', 'minutes'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SnippetPiece {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  /** The decision, paper section or agenda item. */
  refId: number;
  title: string;
  snippet: SnippetPiece[];
  /** Where it leads: the decision, the paper (and section), the meeting. */
  decisionId: number | null;
  paperId: number | null;
  sectionKey: string | null;
  meetingId: number | null;
  /** ISO date: decided on, meeting date, or the paper's last change. */
  date: string | null;
}

/** "knife crime" → "knife" "crime"*; quotes and FTS5 operators in the text are just words. */
export function ftsQuery(input: string): string | null {
  const words = queryWords(input);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

const START = '\u0002';
const END = '\u0003';

export function snippetPieces(snippet: string): SnippetPiece[] {
  const out: SnippetPiece[] = [];
  let rest = snippet;
  while (rest.length) {
    const s = rest.indexOf(START);
    if (s < 0) {
      out.push({ text: rest, match: false });
      break;
    }
    if (s > 0) out.push({ text: rest.slice(0, s), match: false });
    const e = rest.indexOf(END, s + 1);
    const stop = e < 0 ? rest.length : e;
    out.push({ text: rest.slice(s + 1, stop), match: true });
    rest = e < 0 ? '' : rest.slice(e + 1);
  }
  return out.filter((p) => p.text !== '');
}

interface Row {
  kind: SearchKind;
  ref_id: number;
  snippet: string;
  title_snippet: string;
}

export async function search(ctx: Ctx, q: string, kinds: readonly SearchKind[], limit: number): Promise<SearchHit[]> {
  const rows = ctx.engine === 'postgres' ? await searchPostgres(ctx, q, kinds, limit) : await searchSqlite(ctx, q, kinds, limit);
  return (await Promise.all(rows.map((r) => describe(ctx, r)))).filter((h): h is SearchHit => h !== null);
}

/** Ties in rank fall back to the index's own order (id × 4 + kind) on both engines, so the two list equal hits alike. */
async function searchSqlite(ctx: Ctx, q: string, kinds: readonly SearchKind[], limit: number): Promise<Row[]> {
  const match = ftsQuery(q);
  if (!match) return [];
  return sql<Row>(
    ctx,
    `SELECT kind, ref_id,
            snippet(search_index, 3, '${START}', '${END}', '…', 16) AS snippet,
            highlight(search_index, 2, '${START}', '${END}') AS title_snippet
     FROM search_index
     WHERE search_index MATCH @match AND kind IN (SELECT value FROM json_each(@kinds))
     ORDER BY bm25(search_index, 0, 0, 4.0, 1.0), rowid
     LIMIT @limit`,
  ).all({ match, kinds: JSON.stringify(kinds), limit });
}

/**
 * ts_headline marks every match (HighlightAll) and the excerpt is cut here, the way FTS5's
 * snippet() cuts it on SQLite: ts_headline's own fragments drop the words and punctuation
 * at either end, and say nothing of where they were cut. The markers are control
 * characters, so the options go as a parameter.
 */
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${END}, HighlightAll=true`;

async function searchPostgres(ctx: Ctx, q: string, kinds: readonly SearchKind[], limit: number): Promise<Row[]> {
  const query = tsQueryText(q);
  if (!query) return [];
  const rows = await sql<Row>(
    ctx,
    `SELECT kind, ref_id,
            ts_headline('board_search', body, tsq, @options) AS snippet,
            ts_headline('board_search', title, tsq, @options) AS title_snippet
     FROM search_index, to_tsquery('board_search', @query) AS tsq
     WHERE tsv @@ tsq AND kind = ANY(@kinds)
     ORDER BY ts_rank('{0, 0, 0.25, 1}', tsv, tsq, 0) DESC,
              ref_id * 4 + CASE kind WHEN 'decision' THEN 1 WHEN 'paper' THEN 2 ELSE 3 END
     LIMIT @limit`,
  ).all({ query, kinds: [...kinds], limit, options: HEADLINE_OPTIONS });
  return rows.map((r) => ({ ...r, snippet: excerpt(r.snippet, SNIPPET_TOKENS) }));
}

/** As many words as snippet() is asked for on SQLite. */
const SNIPPET_TOKENS = 16;

/**
 * The `size`-word stretch of a marked text that snippet() would choose on SQLite (FTS5's
 * fts5SnippetFunction, reimplemented over the marks): each different matched word scores
 * 1000 and a repeat 1, the matches centred in the stretch, a stretch that opens a sentence
 * preferred (+100, +120 at the very start); '…' where it was cut. Words are runs of letters,
 * marks and digits, as FTS5's tokenizer reads them; a text of `size` words or fewer comes
 * back whole. A matched word stands for the query word it matched (its text, lower-cased).
 */
export function excerpt(marked: string, size: number): string {
  let plain = '';
  const marks: [number, number][] = [];
  for (const piece of snippetPieces(marked)) {
    // PostgreSQL's parser keeps a closing ’ with its word ("schools’"); FTS5 marks the word alone.
    const lead = piece.text.length - piece.text.replace(/^[^\p{L}\p{M}\p{N}]+/u, '').length;
    const core = piece.text.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '');
    if (piece.match && core) marks.push([plain.length + lead, plain.length + lead + core.length]);
    plain += piece.text;
  }
  const words = [...plain.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => {
    const from = m.index;
    const to = from + m[0].length;
    return { from, to, text: m[0].toLowerCase(), hit: marks.some(([a, b]) => a < to && b > from) };
  });
  const hits = words.flatMap((w, i) => (w.hit ? [i] : []));
  // A sentence opens at the first word, and at a word after '.' or ':' and a space.
  const sentences = words.flatMap((w, i) => (i === 0 || /[.:][ \t\r\n]+$/.test(plain.slice(words[i - 1]!.to, w.from)) ? [i] : []));
  const score = (at: number): { score: number; adjusted: number } => {
    const seen = new Set<string>();
    let total = 0;
    let first = -1;
    let last = 0;
    for (const h of hits) {
      if (h < at || h >= at + size) continue;
      total += seen.has(words[h]!.text) ? 1 : 1000;
      seen.add(words[h]!.text);
      if (first < 0) first = h;
      last = h + 1;
    }
    let adjusted = first - Math.trunc((size - (last - first)) / 2);
    if (adjusted + size > words.length) adjusted = words.length - size;
    return { score: total, adjusted: Math.max(0, adjusted) };
  };
  let best = 0;
  let start = 0;
  for (const h of words.length > size ? hits : []) {
    const here = score(h);
    if (here.score > best) [best, start] = [here.score, here.adjusted];
    const opening = [...sentences].reverse().find((s) => s <= h);
    if (opening !== undefined && opening < h) {
      const fromSentence = score(opening).score + (opening === 0 ? 120 : 100);
      if (fromSentence > best) [best, start] = [fromSentence, opening];
    }
  }
  const end = Math.min(start + size, words.length);
  const from = start === 0 ? 0 : words[start]!.from;
  const to = end >= words.length ? plain.length : words[end - 1]!.to;
  let out = '';
  for (let at = from; at < to; ) {
    const mark = marks.find(([a, b]) => a <= at && b > at);
    const stop = mark ? Math.min(mark[1], to) : Math.min(marks.find(([a]) => a > at)?.[0] ?? to, to);
    out += mark ? START + plain.slice(at, stop) + END : plain.slice(at, stop);
    at = stop;
  }
  return (start > 0 ? '…' : '') + out + (end < words.length ? '…' : '');
}

async function describe(ctx: Ctx, r: Row): Promise<SearchHit | null> {
  const snippet = snippetPieces(r.snippet.trim() ? r.snippet : r.title_snippet);
  const base = { kind: r.kind, refId: r.ref_id, snippet, decisionId: null, paperId: null, sectionKey: null, meetingId: null, date: null };
  if (r.kind === 'decision') {
    const d = await sql<{ reference: string; title: string; meeting_id: number | null; decided_on: string | null }>(
      ctx,
      `SELECT reference, title, meeting_id, decided_on FROM decision WHERE id = ?`,
    ).get(r.ref_id);
    if (!d) return null;
    return { ...base, title: `${d.reference} ${d.title}`, decisionId: r.ref_id, meetingId: d.meeting_id, date: d.decided_on };
  }
  if (r.kind === 'paper') {
    const s = await sql<{ paper_id: number; key: string; heading: string; reference: string; title: string; meeting_id: number | null; updated_at: string }>(
      ctx,
      `SELECT s.paper_id, s.key, s.heading, p.reference, p.title, p.meeting_id, p.updated_at FROM paper_section s JOIN paper p ON p.id = s.paper_id WHERE s.id = ?`,
    ).get(r.ref_id);
    if (!s) return null;
    return { ...base, title: `${s.reference} ${s.title} — ${s.heading}`, paperId: s.paper_id, sectionKey: s.key, meetingId: s.meeting_id, date: s.updated_at.slice(0, 10) };
  }
  const m = await sql<{ title: string; position: number; meeting_id: number; starts_at: string; board_name: string }>(
    ctx,
    `SELECT ai.title, ai.position, ai.meeting_id, m.starts_at, b.name AS board_name
     FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id JOIN board b ON b.id = m.board_id WHERE ai.id = ?`,
  ).get(r.ref_id);
  if (!m) return null;
  return { ...base, title: `Minutes: ${m.board_name}, ${formatDateLong(m.starts_at)}, item ${m.position} — ${m.title}`, meetingId: m.meeting_id, date: m.starts_at.slice(0, 10) };
}

/** Rows in the index, and rows it should have: equal when the index is whole. */
export async function searchIndexCounts(ctx: Ctx): Promise<{ indexed: number; expected: number }> {
  const indexed = (await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM search_index`).get())!.n;
  const expected = (await sql<{ n: number }>(
    ctx,
    `SELECT (SELECT count(*) FROM decision) + (SELECT count(*) FROM paper_section) + (SELECT count(*) FROM agenda_item WHERE discussion <> '') AS n`,
  ).get())!.n;
  return { indexed, expected };
}

/**
 * Rebuilds the index from its sources (after a repair, or if it was found short). The
 * sources are touched in place: each UPDATE … SET x = x fires the triggers that write it.
 */
export async function rebuildSearch(ctx: Ctx): Promise<{ indexed: number }> {
  await sql(ctx, `DELETE FROM search_index`).run();
  await sql(ctx, `UPDATE decision SET text = text`).run();
  await sql(ctx, `UPDATE paper_section SET body_json = body_json`).run();
  await sql(ctx, `UPDATE agenda_item SET discussion = discussion WHERE discussion <> ''`).run();
  return { indexed: (await searchIndexCounts(ctx)).indexed };
}
