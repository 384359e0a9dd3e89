/**
 * What the bench measures: one entry per list query. An entry with `op` is timed through
 * the real dispatcher (validation, handler, repository, camelCase mapping) and, beside it,
 * `raw`: the same SQL text prepared directly on the connection and fetched with .all().
 * bench/run.ts checks that each raw text is one the dispatcher actually prepared, so a
 * repository change that is not copied here fails the run instead of timing stale SQL.
 *
 * An entry with `op` whose operation reads in several statements (meeting.get,
 * funding.position) lists every statement it runs, with its parameters, so the ratio
 * compares the whole operation with the whole of its SQL.
 *
 * Where a repository branches on ctx.engine (decision.list's full-text search), the entry's
 * `sql` (and `params`) give each engine's text, and each is checked on its own engine.
 *
 * An entry without `op` is timed raw only and printed with its `label` (default "(no
 * operation yet)"): the read behind an export that is timed on its own. When an operation
 * lands for such a read, give the entry its `op` and replace the SQL with the repository's text.
 */
import type { Database } from 'better-sqlite3';
import type { OpName } from '../main/api/contract';
import type { Engine } from '../main/db/store';
import { ftsQuery } from '../main/decisions/search';
import { FIXTURE_TODAY } from './generate';

type Params = Record<string, unknown> | unknown[];

export interface RawQuery {
  /** One text for both engines, or each engine's where the repository branches on ctx.engine. */
  sql: string | { sqlite: string; postgres: string };
  /** Named parameters as an object, positional (`?`) ones as a list; or each engine's (a full-text query). */
  params?: Params | ((engine: Engine) => Params);
  /** Only on these engines (a read the operation makes on one engine only); default both. */
  engines?: Engine[];
}

/** The text a raw query runs on an engine (before statements.ts's LIKE/IFNULL translation). */
export const sqlFor = (q: RawQuery, engine: Engine): string => (typeof q.sql === 'string' ? q.sql : q.sql[engine]);
/** The parameters a raw query binds on an engine. */
export const paramsFor = (q: RawQuery, engine: Engine): Params | undefined => (typeof q.params === 'function' ? q.params(engine) : q.params);

interface CaseBase {
  /** Shown in the results table. */
  name: string;
  area: 'people' | 'workspace' | 'meetings' | 'decisions' | 'actions' | 'papers' | 'performance' | 'funding';
  raw: RawQuery[];
  /**
   * The raw side replays, on the engine's own handle, every statement the operation ran in its
   * first call, with the same values (bench/run.ts captures them): for an operation of many
   * reads (meeting.get), whose hand-kept copy of each statement went stale with every change
   * to the meeting page. `raw` is then empty.
   */
  replay?: true;
}

/**
 * A case is an operation timed through the dispatcher beside its own SQL; or, where the read
 * is one part of an operation timed elsewhere, raw SQL alone with a label that says whose it
 * is (there is no default label: a raw-only case has to say why it has no operation).
 */
export type BenchCase = CaseBase & ({ op: { name: OpName; input: unknown }; label?: undefined } | { op?: undefined; label: string });

/**
 * Indexes the bench's figures argue for (docs/bench.md). Migrations are the only way to
 * change the schema; `npm run bench -- --proposed-indexes` adds these to the bench's own
 * copy before timing, to show what each would buy. Empty this list once a migration has
 * added them.
 */
export const PROPOSED_INDEXES: string[] = [
  // decision/action/paper(agenda_item_id) and audit_log(entity, id) were proposed here and are now in
  // migration 001 (the schema had not shipped yet).
];

/** Ids and periods of the generated workspace that the cases ask about. */
export interface Fixture {
  /** The board with the most meetings (a monthly group): the largest per-board lists. */
  busyBoardId: number;
  strategicBoardId: number;
  /** The meeting with the most agenda items, its board and start, and the memberships current on its date. */
  meetingId: number;
  meetingBoardId: number;
  meetingStartsAt: string;
  meetingMembershipIds: number[];
  /** The organisation with the most people. */
  organisationId: number;
  /** The person whose audit rows are oldest: audit.list has to look furthest for them. */
  auditPersonId: number;
  /** The funding stream with the most spend rows, and its first financial year. */
  streamId: number;
  financialYear: string;
  /** The financial year most streams cover, and those streams in list order (the overview reads each). */
  overviewYear: string;
  streamIdsOfYear: number[];
  /** The indicator with the most current values. */
  indicatorId: number;
  /**
   * The decisions each decision.list case returns (on SQLite), whose indicators it reads one
   * statement each: the board cases', the financial year's, and those the search "funding" finds.
   */
  decisionIds: { busyBoard: number[]; strategicBoard: number[]; year: number[]; search: number[] };
  today: string;
}

export function lookupFixture(db: Database): Fixture {
  const one = (text: string) => db.prepare(text).pluck().get() as number | string | undefined;
  const required = (label: string, value: number | string | undefined) => {
    if (value === undefined || value === null) throw new Error(`The bench workspace has no ${label}; generate it with bench/generate.ts.`);
    return value;
  };
  // The demo workspace has streams and budget lines but no spend, and indicators without values:
  // there the first stream with budget lines, and the first indicator, stand in.
  const streamId = Number(required('funding stream', one(`
    SELECT coalesce(bl.stream_id, a.stream_id) FROM spend s
    LEFT JOIN budget_line bl ON bl.id = s.budget_line_id LEFT JOIN award a ON a.id = s.award_id
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`) ?? one('SELECT min(stream_id) FROM budget_line') ?? one('SELECT min(id) FROM funding_stream')));
  const financialYear = String(required('budget line', one(`SELECT min(financial_year) FROM budget_line WHERE stream_id = ${streamId}`)));
  const meetingId = Number(required('agenda item', one('SELECT meeting_id FROM agenda_item GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id DESC LIMIT 1')));
  const meeting = db.prepare('SELECT board_id, starts_at FROM meeting WHERE id = ?').get(meetingId) as { board_id: number; starts_at: string };
  const ids = (text: string, ...params: unknown[]) => db.prepare(text).pluck().all(...params) as number[];
  const overviewYear = String(required('budget line', one(`
    SELECT y.fy FROM (SELECT DISTINCT financial_year AS fy FROM budget_line) y
    ORDER BY (SELECT count(*) FROM funding_stream s WHERE s.first_year <= y.fy AND s.last_year >= y.fy) DESC, y.fy DESC LIMIT 1`)));
  const busyBoardId = Number(required('meeting', one('SELECT board_id FROM meeting GROUP BY board_id ORDER BY count(*) DESC, board_id LIMIT 1')));
  const strategicBoardId = Number(required('board', one(`SELECT id FROM board ORDER BY code = 'SB' DESC, id LIMIT 1`)));
  const fyStart = Number(financialYear.slice(0, 4));
  return {
    busyBoardId,
    strategicBoardId,
    meetingId,
    meetingBoardId: meeting.board_id,
    meetingStartsAt: meeting.starts_at,
    meetingMembershipIds: ids(
      'SELECT id FROM membership WHERE board_id = ? AND starts_on <= ? AND (ends_on IS NULL OR ends_on >= ?)',
      meeting.board_id,
      meeting.starts_at.slice(0, 10),
      meeting.starts_at.slice(0, 10),
    ),
    organisationId: Number(required('person with an organisation', one(
      'SELECT organisation_id FROM person WHERE organisation_id IS NOT NULL GROUP BY organisation_id ORDER BY count(*) DESC, organisation_id LIMIT 1'))),
    auditPersonId: Number(one(`SELECT entity_id FROM audit_log WHERE entity = 'person' ORDER BY id LIMIT 1`) ?? required('person', one('SELECT min(id) FROM person'))),
    streamId,
    financialYear,
    overviewYear,
    streamIdsOfYear: ids('SELECT id FROM funding_stream WHERE first_year <= ? AND last_year >= ? ORDER BY first_year, reference COLLATE NOCASE', overviewYear, overviewYear),
    indicatorId: Number(required('indicator', one(
      'SELECT indicator_id FROM indicator_value WHERE superseded_by_id IS NULL GROUP BY indicator_id ORDER BY count(*) DESC, indicator_id LIMIT 1') ?? one('SELECT min(id) FROM indicator'))),
    decisionIds: {
      busyBoard: ids('SELECT id FROM decision WHERE board_id = ?', busyBoardId),
      strategicBoard: ids('SELECT id FROM decision WHERE board_id = ?', strategicBoardId),
      year: ids(
        `SELECT d.id FROM decision d LEFT JOIN meeting m ON m.id = d.meeting_id
         WHERE coalesce(d.decided_on, substr(m.starts_at, 1, 10)) BETWEEN ? AND ?`,
        `${fyStart}-04-01`,
        `${fyStart + 1}-03-31`,
      ),
      search: ids(`SELECT ref_id FROM search_index WHERE search_index MATCH ? AND kind = 'decision'`, ftsQuery('funding')),
    },
    today: FIXTURE_TODAY,
  };
}

const like = (s: string) => `%${s}%`;

// --- SQL the repositories run today (copied; run.ts checks they still match) -------------

const PERSON_SELECT = `SELECT p.*, o.name AS organisation_name
  FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id`;
const PERSON_ORDER = `ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id`;
const ORG_SELECT = `SELECT o.*, (SELECT count(*) FROM person p WHERE p.organisation_id = o.id) AS people_count
  FROM organisation o`;
/** audit.list builds its WHERE clause from the filters given, so SQLite can use audit_entity(_recent). */
const AUDIT_LIST = (entity: string, entityId: number | null) => {
  const where = [entity ? 'entity = @entity' : '', entityId !== null ? 'entity_id = @entityId' : ''].filter(Boolean);
  return `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`;
};
const COUNTED = ['organisation', 'person', 'board', 'meeting', 'paper', 'decision', 'action', 'indicator', 'funding_stream', 'award'];

// --- Meetings and actions: main/meetings/repository.ts ---------------------------------------

const NAME = (alias: string) => `(${alias}.given_name || ' ' || ${alias}.family_name)`;

const MEETING_SELECT = `
  SELECT mt.*, b.name AS board_name, b.code AS board_code,
    (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = mt.id) AS agenda_item_count,
    am.starts_at AS minutes_approved_at_starts_at, ${NAME('ap')} AS minutes_approved_by_name, ${NAME('sp')} AS minutes_signed_by_name
  FROM meeting mt JOIN board b ON b.id = mt.board_id
  LEFT JOIN meeting am ON am.id = mt.minutes_approved_at_meeting_id
  LEFT JOIN person ap ON ap.id = mt.minutes_approved_by_person_id
  LEFT JOIN person sp ON sp.id = mt.minutes_signed_by_person_id`;
/** meetings.page builds its WHERE from the filters given: the count, then the first page (one row more says there is a next). */
const MEETING_ORDER = 'ORDER BY mt.starts_at DESC, mt.id DESC';
const MEETING_PAGE = (where: string) => `${MEETING_SELECT} WHERE ${where} ${MEETING_ORDER} LIMIT @limit`;
const MEETING_COUNT = (where: string) => `SELECT count(*) AS n FROM meeting mt WHERE ${where}`;
/** meetings.choices: what the pickers offer, every meeting, narrow. */
const MEETING_CHOICES = `SELECT mt.id, mt.board_id, b.code AS board_code, mt.starts_at, mt.status
       FROM meeting mt JOIN board b ON b.id = mt.board_id ${MEETING_ORDER}`;

// --- Decisions: main/decisions/repository.ts; papers: main/papers/repository.ts -----------------

const PAPER_SELECT = `
  SELECT p.*, b.name AS board_name, m.starts_at AS meeting_starts_at,
         ai.title AS agenda_item_title, ai.position AS agenda_item_position,
         NULLIF(trim(a.honorific || ' ' || a.given_name || ' ' || a.family_name), '') AS author_name,
         NULLIF(trim(pr.honorific || ' ' || pr.given_name || ' ' || pr.family_name), '') AS presenter_name
  FROM paper p
  LEFT JOIN board b ON b.id = p.board_id
  LEFT JOIN meeting m ON m.id = p.meeting_id
  LEFT JOIN agenda_item ai ON ai.id = p.agenda_item_id
  LEFT JOIN person a ON a.id = p.author_person_id
  LEFT JOIN person pr ON pr.id = p.presenter_person_id`;
const PAPERS_OF_BOARD = `${PAPER_SELECT} WHERE p.board_id = @boardId ORDER BY p.updated_at DESC, p.id DESC LIMIT @limit`;
const PAPERS_OF_BOARD_COUNT = `SELECT count(*) AS n FROM paper p WHERE p.board_id = @boardId`;

// --- Performance: main/performance/repository.ts ---------------------------------------------

const INDICATOR_SELECT = `
  SELECT i.*, t.name AS theme_name, t.kind AS theme_kind, t.position AS theme_position,
         t.rag_amber_tolerance_percent, o.name AS owner_organisation_name,
         (SELECT count(*) FROM indicator_value v WHERE v.indicator_id = i.id AND v.superseded_by_id IS NULL) AS value_count
  FROM indicator i
  JOIN framework_theme t ON t.id = i.theme_id
  LEFT JOIN organisation o ON o.id = i.owner_organisation_id`;
/** indicators.list (all themes) and values.currentSince (the scorecard's last four years). */
const INDICATOR_LIST = `${INDICATOR_SELECT} ORDER BY t.position, t.name, i.code COLLATE NOCASE`;
const SCORECARD_VALUES = `SELECT indicator_id, period, value, status, note FROM indicator_value
       WHERE superseded_by_id IS NULL
         AND period >= (CASE WHEN length(period) = 7 AND substr(period, 5, 1) = '/' THEN @annualFromYear ELSE @fromYear END)
       ORDER BY indicator_id, period`;
const VALUE_SELECT = `
  SELECT v.*, o.name AS supplied_by_organisation_name
  FROM indicator_value v LEFT JOIN organisation o ON o.id = v.supplied_by_organisation_id`;
const CURRENT_VALUES = `${VALUE_SELECT} WHERE v.indicator_id = ? AND v.superseded_by_id IS NULL ORDER BY v.period`;
const REVISIONS = `${VALUE_SELECT} WHERE v.indicator_id = ? AND v.superseded_by_id IS NOT NULL ORDER BY v.period, v.id DESC`;
/** values.allCurrent: what performance.exportDataset reads (the export itself is timed in bench/performance-exports.ts). */
const ALL_CURRENT_VALUES = `SELECT v.indicator_id, v.period, v.value, v.status, v.note, v.received_on, o.name AS supplied_by_organisation_name
       FROM indicator_value v LEFT JOIN organisation o ON o.id = v.supplied_by_organisation_id
       WHERE v.superseded_by_id IS NULL ORDER BY v.indicator_id, v.period`;

// --- Funding: main/funding/repository.ts ---------------------------------------------------------

const STREAM_LIST = `SELECT * FROM funding_stream ORDER BY first_year, reference COLLATE NOCASE`;
const STREAM_GET = `SELECT * FROM funding_stream WHERE id = ?`;
const SPEND_OF_LINES = `SELECT s.* FROM budget_line b JOIN spend s ON s.budget_line_id = b.id WHERE b.stream_id = ? AND b.financial_year = ? ORDER BY s.id`;
const SPEND_OF_AWARDS = `SELECT s.* FROM award a JOIN spend s ON s.award_id = a.id WHERE a.stream_id = ? AND s.month BETWEEN ? AND ? ORDER BY s.id`;
const ALLOCATION = `SELECT amount_pence FROM stream_allocation WHERE stream_id = ? AND financial_year = ?`;
const BUDGET_LINES = `SELECT * FROM budget_line WHERE stream_id = ? AND financial_year = ? ORDER BY id`;
const AWARD_SELECT = `SELECT a.*, o.name AS organisation_name FROM award a JOIN organisation o ON o.id = a.organisation_id`;
const AWARDS_OF_YEAR = `${AWARD_SELECT} WHERE a.stream_id = @stream AND (
             EXISTS (SELECT 1 FROM award_year y WHERE y.award_id = a.id AND y.financial_year = @fy)
             OR EXISTS (SELECT 1 FROM spend s WHERE s.award_id = a.id AND s.month BETWEEN @first AND @last))
           ORDER BY a.id`;
const AWARDS_OF_STREAM = `${AWARD_SELECT} WHERE a.stream_id = ? ORDER BY a.id`;
const AWARD_YEARS_OF_STREAM = `SELECT y.award_id, y.financial_year, y.amount_pence FROM award_year y JOIN award a ON a.id = y.award_id WHERE a.stream_id = ? ORDER BY y.financial_year`;

/** What views.positionInput reads for one stream-year (the position itself is worked out in TypeScript). */
function positionReads(streamId: number, financialYear: string): RawQuery[] {
  const start = Number(financialYear.slice(0, 4));
  const [first, last] = [`${start}-04`, `${start + 1}-03`];
  return [
    { sql: SPEND_OF_LINES, params: [streamId, financialYear] },
    { sql: SPEND_OF_AWARDS, params: [streamId, first, last] },
    { sql: ALLOCATION, params: [streamId, financialYear] },
    { sql: BUDGET_LINES, params: [streamId, financialYear] },
    { sql: AWARDS_OF_YEAR, params: { stream: streamId, fy: financialYear, first, last } },
    { sql: AWARD_YEARS_OF_STREAM, params: [streamId] },
  ];
}

export function benchCases(fx: Fixture): BenchCase[] {
  const fyStart = Number(fx.financialYear.slice(0, 4));
  const [yearFrom, yearTo] = [`${fyStart}-04-01`, `${fyStart + 1}-03-31`];
  const audit = (entity: string, entityId: number | null, limit: number): RawQuery => ({ sql: AUDIT_LIST(entity, entityId), params: { entity, entityId, limit } });

  return [
    // People (operations exist)
    { name: 'person.list', area: 'people', op: { name: 'person.list', input: {} }, raw: [{ sql: `${PERSON_SELECT}  ${PERSON_ORDER}`, params: { q: '%%', org: null } }] },
    {
      name: 'person.list search "an"', area: 'people', op: { name: 'person.list', input: { search: 'an' } },
      raw: [{
        sql: `${PERSON_SELECT} WHERE (p.given_name || ' ' || p.family_name LIKE @q ESCAPE '\\' OR p.job_title LIKE @q ESCAPE '\\' OR p.email LIKE @q ESCAPE '\\' OR o.name LIKE @q ESCAPE '\\') ${PERSON_ORDER}`,
        params: { q: like('an'), org: null },
      }],
    },
    {
      name: 'person.list of an organisation', area: 'people', op: { name: 'person.list', input: { organisationId: fx.organisationId } },
      raw: [{ sql: `${PERSON_SELECT} WHERE p.organisation_id = @org ${PERSON_ORDER}`, params: { q: '%%', org: fx.organisationId } }],
    },
    { name: 'organisation.list', area: 'people', op: { name: 'organisation.list', input: {} }, raw: [{ sql: `${ORG_SELECT} ORDER BY o.name COLLATE NOCASE` }] },
    {
      name: 'organisation.list search "council"', area: 'people', op: { name: 'organisation.list', input: { search: 'council' } },
      raw: [{ sql: `${ORG_SELECT} WHERE o.name LIKE @q ESCAPE '\\' OR o.short_name LIKE @q ESCAPE '\\' ORDER BY o.name COLLATE NOCASE`, params: { q: like('council') } }],
    },

    // Workspace
    {
      name: 'workspace.info', area: 'workspace', op: { name: 'workspace.info', input: {} },
      raw: [
        ...COUNTED.map((t) => ({ sql: `SELECT count(*) AS n FROM ${t}` })),
        { sql: 'SELECT key, value FROM setting ORDER BY key' },
        // The schema version: SQLite's is the file's user_version (a pragma); PostgreSQL's is read
        // from board_secretariat_meta, after checking it exists (main/db/migrate-postgres.ts).
        { sql: 'SELECT to_regclass(?) IS NOT NULL AS found', params: ['public.board_secretariat_meta'], engines: ['postgres'] },
        { sql: `SELECT value FROM public.board_secretariat_meta WHERE key = 'schema_version'`, engines: ['postgres'] },
      ],
    },
    { name: 'audit.list (newest 100)', area: 'workspace', op: { name: 'audit.list', input: {} }, raw: [audit('', null, 100)] },
    { name: 'audit.list (newest 1000)', area: 'workspace', op: { name: 'audit.list', input: { limit: 1000 } }, raw: [audit('', null, 1000)] },
    { name: 'audit.list entity "decision"', area: 'workspace', op: { name: 'audit.list', input: { entity: 'decision' } }, raw: [audit('decision', null, 100)] },
    {
      name: 'audit.list of one person', area: 'workspace', op: { name: 'audit.list', input: { entity: 'person', entityId: fx.auditPersonId } },
      raw: [audit('person', fx.auditPersonId, 100)],
    },
    {
      name: 'audit.list entity "spend"', area: 'workspace', op: { name: 'audit.list', input: { entity: 'spend' } },
      raw: [audit('spend', null, 100)],
    },

    // Meetings and actions
    {
      name: 'meeting.list of a board (first page)', area: 'meetings', op: { name: 'meeting.list', input: { boardId: fx.busyBoardId } },
      raw: [
        { sql: MEETING_COUNT('mt.board_id = @boardId'), params: { boardId: fx.busyBoardId } },
        { sql: MEETING_PAGE('mt.board_id = @boardId'), params: { boardId: fx.busyBoardId, limit: 101 } },
      ],
    },
    {
      name: 'meeting.list, all boards, one year (first page)', area: 'meetings', op: { name: 'meeting.list', input: { from: yearFrom, to: yearTo } },
      raw: [
        { sql: MEETING_COUNT('mt.starts_at >= @from AND substr(mt.starts_at, 1, 10) <= @to'), params: { from: yearFrom, to: yearTo } },
        { sql: MEETING_PAGE('mt.starts_at >= @from AND substr(mt.starts_at, 1, 10) <= @to'), params: { from: yearFrom, to: yearTo, limit: 101 } },
      ],
    },
    { name: 'meeting.choices, all boards (the pickers)', area: 'meetings', op: { name: 'meeting.choices', input: {} }, raw: [{ sql: MEETING_CHOICES }] },
    {
      // The meeting page: the meeting, its board, members on the day, attendance, declarations, the agenda with papers
      // and decisions, the actions agreed and matters arising; quorum and numbering are worked out in TypeScript.
      name: 'meeting.get (agenda, attendance, actions)', area: 'meetings', op: { name: 'meeting.get', input: { id: fx.meetingId } },
      raw: [],
      replay: true,
    },
    {
      name: 'action.list open and in progress (first page)', area: 'actions', op: { name: 'action.list', input: { statuses: ['open', 'in_progress'] } },
      raw: [],
      replay: true,
    },
    {
      name: 'action.list of a board, every status (first page)', area: 'actions', op: { name: 'action.list', input: { boardId: fx.busyBoardId, statuses: [] } },
      raw: [],
      replay: true,
    },
    {
      name: 'action.dueThisWeek (dashboard)', area: 'actions', op: { name: 'action.dueThisWeek', input: {} },
      raw: [],
      replay: true,
    },

    // Papers and decisions
    {
      name: 'paper.list of a board (first page)', area: 'papers', op: { name: 'paper.list', input: { boardId: fx.busyBoardId } },
      raw: [
        { sql: PAPERS_OF_BOARD_COUNT, params: { boardId: fx.busyBoardId } },
        { sql: PAPERS_OF_BOARD, params: { boardId: fx.busyBoardId, limit: 101 } },
      ],
    },
    {
      name: 'decision.list of a board, all years (first page)', area: 'decisions', op: { name: 'decision.list', input: { boardId: fx.busyBoardId, from: null } },
      raw: [],
      replay: true,
    },
    {
      name: 'decision.list of the Strategic Board, all years (first page)', area: 'decisions', op: { name: 'decision.list', input: { boardId: fx.strategicBoardId, from: null } },
      raw: [],
      replay: true,
    },
    {
      name: 'decision.list, all boards, one year (first page)', area: 'decisions', op: { name: 'decision.list', input: { from: yearFrom, to: yearTo } },
      raw: [],
      replay: true,
    },
    {
      name: 'decision.list search "funding", all years (first page)', area: 'decisions', op: { name: 'decision.list', input: { search: 'funding', from: null } },
      raw: [],
      replay: true,
    },

    // Performance
    { name: 'indicator.list (200 indicators)', area: 'performance', op: { name: 'indicator.list', input: {} }, raw: [{ sql: INDICATOR_LIST }] },
    {
      name: 'indicatorValue.list (one indicator, 120 months)', area: 'performance', op: { name: 'indicatorValue.list', input: { indicatorId: fx.indicatorId } },
      raw: [{ sql: `${INDICATOR_SELECT} WHERE i.id = ?`, params: [fx.indicatorId] }, { sql: REVISIONS, params: [fx.indicatorId] }, { sql: CURRENT_VALUES, params: [fx.indicatorId] }],
    },
    {
      // The whole scorecard: RAG, trends, rolling totals and sparklines of every indicator, worked out in TypeScript.
      name: 'performance.scorecard (200 indicators × 120 months)', area: 'performance', op: { name: 'performance.scorecard', input: { asAt: fx.today } },
      raw: [{ sql: INDICATOR_LIST }, { sql: SCORECARD_VALUES, params: { fromYear: String(Number(fx.today.slice(0, 4)) - 4), annualFromYear: String(Number(fx.today.slice(0, 4)) - 7) } }],
    },
    {
      name: 'indicator values, all current (200×120)', area: 'performance', raw: [{ sql: ALL_CURRENT_VALUES }],
      label: '(read by performance.exportDataset)',
    },

    // Funding: the position of a stream-year is worked out in TypeScript from these reads
    {
      name: 'funding.position (one stream-year)', area: 'funding', op: { name: 'funding.position', input: { streamId: fx.streamId, financialYear: fx.financialYear } },
      raw: [{ sql: STREAM_GET, params: [fx.streamId] }, ...positionReads(fx.streamId, fx.financialYear)],
    },
    {
      name: `funding.overview (${fx.streamIdsOfYear.length} streams, ${fx.overviewYear})`, area: 'funding', op: { name: 'funding.overview', input: { financialYear: fx.overviewYear } },
      raw: [{ sql: STREAM_LIST }, ...fx.streamIdsOfYear.flatMap((id) => positionReads(id, fx.overviewYear))],
    },
    {
      name: 'spend.grid (one stream-year by month)', area: 'funding', op: { name: 'spend.grid', input: { streamId: fx.streamId, financialYear: fx.financialYear } },
      raw: [{ sql: STREAM_GET, params: [fx.streamId] }, ...positionReads(fx.streamId, fx.financialYear)],
    },
    {
      name: 'award.list (a stream, every year)', area: 'funding', op: { name: 'award.list', input: { streamId: fx.streamId } },
      raw: [{ sql: STREAM_GET, params: [fx.streamId] }, { sql: AWARDS_OF_STREAM, params: [fx.streamId] }, { sql: AWARD_YEARS_OF_STREAM, params: [fx.streamId] }],
    },
  ];
}
