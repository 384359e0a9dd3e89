/**
 * What the bench measures: one entry per list query. An entry with `op` is timed through
 * the real dispatcher (validation, handler, repository, camelCase mapping) and, beside it,
 * `raw`: the same SQL text prepared directly on the connection and fetched with .all().
 * bench/run.ts checks that each raw text is one the dispatcher actually prepared, so a
 * repository change that is not copied here fails the run instead of timing stale SQL.
 *
 * An entry without `op` is a query an area will need before its operations exist; it is
 * timed raw only and printed as "(no operation yet)", so the data model's query costs are
 * known now. When the area lands, give the entry its `op` and replace the SQL with the
 * repository's text.
 */
import type { Database } from 'better-sqlite3';
import type { OpName } from '../main/api/contract';
import { FIXTURE_TODAY } from './generate';

export interface RawQuery {
  sql: string;
  params?: Record<string, unknown>;
}

export interface BenchCase {
  /** Shown in the results table. */
  name: string;
  area: 'people' | 'workspace' | 'meetings' | 'decisions' | 'actions' | 'papers' | 'performance' | 'funding';
  op?: { name: OpName; input: unknown };
  raw: RawQuery[];
  /** Shown after the name of a raw-only case; default "(no operation yet)". */
  label?: string;
}

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
  /** The meeting with the most agenda items. */
  meetingId: number;
  /** The organisation with the most people. */
  organisationId: number;
  /** The person whose audit rows are oldest: audit.list has to look furthest for them. */
  auditPersonId: number;
  /** The funding stream with the most spend rows, and its first financial year. */
  streamId: number;
  financialYear: string;
  today: string;
}

export function lookupFixture(db: Database): Fixture {
  const one = (text: string) => db.prepare(text).pluck().get() as number | string | undefined;
  const required = (label: string, value: number | string | undefined) => {
    if (value === undefined || value === null) throw new Error(`The bench workspace has no ${label}; generate it with bench/generate.ts.`);
    return value;
  };
  const streamId = Number(required('funding stream', one(`
    SELECT coalesce(bl.stream_id, a.stream_id) FROM spend s
    LEFT JOIN budget_line bl ON bl.id = s.budget_line_id LEFT JOIN award a ON a.id = s.award_id
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)));
  return {
    busyBoardId: Number(required('meeting', one('SELECT board_id FROM meeting GROUP BY board_id ORDER BY count(*) DESC, board_id LIMIT 1'))),
    strategicBoardId: Number(required('board', one(`SELECT id FROM board ORDER BY code = 'SB' DESC, id LIMIT 1`))),
    meetingId: Number(required('agenda item', one('SELECT meeting_id FROM agenda_item GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id DESC LIMIT 1'))),
    organisationId: Number(required('person with an organisation', one(
      'SELECT organisation_id FROM person WHERE organisation_id IS NOT NULL GROUP BY organisation_id ORDER BY count(*) DESC, organisation_id LIMIT 1'))),
    auditPersonId: Number(one(`SELECT entity_id FROM audit_log WHERE entity = 'person' ORDER BY id LIMIT 1`) ?? required('person', one('SELECT min(id) FROM person'))),
    streamId,
    financialYear: String(required('budget line', one(`SELECT min(financial_year) FROM budget_line WHERE stream_id = ${streamId}`))),
    today: FIXTURE_TODAY,
  };
}

const like = (s: string) => `%${s}%`;

// --- SQL the repositories run today (copied; run.ts checks they still match) -------------

const PERSON_SELECT = `SELECT p.*, o.name AS organisation_name
  FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id`;
const PERSON_ORDER = `ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE`;
const ORG_SELECT = `SELECT o.*, (SELECT count(*) FROM person p WHERE p.organisation_id = o.id) AS people_count
  FROM organisation o`;
/** audit.list builds its WHERE clause from the filters given, so SQLite can use audit_entity(_recent). */
const AUDIT_LIST = (entity: string, entityId: number | null) => {
  const where = [entity ? 'entity = @entity' : '', entityId !== null ? 'entity_id = @entityId' : ''].filter(Boolean);
  return `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`;
};
const COUNTED = ['organisation', 'person', 'board', 'meeting', 'paper', 'decision', 'action', 'indicator', 'funding_stream', 'award'];

// --- Queries the coming areas will need (no operation yet) ----------------------------------

const FULL_NAME = (alias: string) => `trim(${alias}.given_name || ' ' || ${alias}.family_name)`;

const MEETINGS_OF_BOARD = `
  SELECT m.*, b.name AS board_name, b.code AS board_code,
    (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) AS agenda_item_count,
    (SELECT count(*) FROM paper p WHERE p.meeting_id = m.id) AS paper_count,
    (SELECT count(*) FROM attendance t WHERE t.meeting_id = m.id AND t.status = 'present') AS present_count
  FROM meeting m JOIN board b ON b.id = m.board_id
  WHERE m.board_id = @boardId
  ORDER BY m.starts_at DESC`;

const MEETINGS_BETWEEN = `
  SELECT m.id, m.starts_at, m.ends_at, m.status, m.location, b.name AS board_name, b.code AS board_code
  FROM meeting m JOIN board b ON b.id = m.board_id
  WHERE m.starts_at >= @from AND m.starts_at < @to
  ORDER BY m.starts_at`;

const AGENDA_OF_MEETING = `
  SELECT a.*, ${FULL_NAME('p')} AS lead_name, pa.reference AS paper_reference, pa.status AS paper_status,
    (SELECT count(*) FROM decision d WHERE d.agenda_item_id = a.id) AS decision_count,
    (SELECT count(*) FROM action x WHERE x.agenda_item_id = a.id) AS action_count
  FROM agenda_item a
  LEFT JOIN person p ON p.id = a.lead_person_id
  LEFT JOIN paper pa ON pa.agenda_item_id = a.id
  WHERE a.meeting_id = @meetingId
  ORDER BY a.position`;

const DECISION_LOG = (where: string) => `
  SELECT d.id, d.reference, d.title, d.type, d.status, d.decided_on, d.confidential, d.financial_amount_pence,
    m.starts_at AS meeting_starts_at, ${FULL_NAME('p')} AS owner_name, fs.reference AS funding_stream_reference
  FROM decision d
  LEFT JOIN meeting m ON m.id = d.meeting_id
  LEFT JOIN person p ON p.id = d.owner_person_id
  LEFT JOIN funding_stream fs ON fs.id = d.funding_stream_id
  WHERE ${where}
  ORDER BY d.decided_on DESC, d.reference DESC`;

const ACTION_LOG = (where: string) => `
  SELECT x.id, x.description, x.due_on, x.status, x.completed_on, b.code AS board_code, m.starts_at AS meeting_starts_at,
    ${FULL_NAME('p')} AS owner_name, o.name AS owner_organisation_name,
    (SELECT u.text FROM action_update u WHERE u.action_id = x.id ORDER BY u.updated_on DESC, u.id DESC LIMIT 1) AS latest_update,
    x.status IN ('open', 'in_progress') AND x.due_on < @today AS overdue
  FROM action x
  LEFT JOIN board b ON b.id = x.board_id
  LEFT JOIN meeting m ON m.id = x.meeting_id
  LEFT JOIN person p ON p.id = x.owner_person_id
  LEFT JOIN organisation o ON o.id = x.owner_organisation_id
  WHERE ${where}
  ORDER BY x.due_on, x.id`;

const OPEN_ACTIONS_PER_BOARD = `
  SELECT b.id, b.code, count(*) AS open_count, sum(x.due_on < @today) AS overdue_count
  FROM action x JOIN board b ON b.id = x.board_id
  WHERE x.status IN ('open', 'in_progress')
  GROUP BY b.id ORDER BY b.name`;

const PAPERS_OF_BOARD = `
  SELECT pa.id, pa.reference, pa.title, pa.status, pa.purpose, pa.issued_at, m.starts_at AS meeting_starts_at, ${FULL_NAME('p')} AS author_name
  FROM paper pa
  LEFT JOIN meeting m ON m.id = pa.meeting_id
  LEFT JOIN person p ON p.id = pa.author_person_id
  WHERE pa.board_id = @boardId
  ORDER BY m.starts_at DESC, pa.reference`;

/** Each indicator's latest current value beside the same month a year before (the RAG inputs). */
const SCORECARD = `
  SELECT i.id, i.code, i.name, i.unit, i.polarity, t.name AS theme_name, cur.period, cur.value, cur.status,
    prev.value AS value_year_before
  FROM indicator i
  JOIN framework_theme t ON t.id = i.theme_id
  LEFT JOIN indicator_value cur ON cur.indicator_id = i.id AND cur.superseded_by_id IS NULL
    AND cur.period = (SELECT max(v.period) FROM indicator_value v WHERE v.indicator_id = i.id AND v.superseded_by_id IS NULL)
  LEFT JOIN indicator_value prev ON prev.indicator_id = i.id AND prev.superseded_by_id IS NULL
    AND prev.period = printf('%04d-%s', CAST(substr(cur.period, 1, 4) AS INTEGER) - 1, substr(cur.period, 6, 2))
  ORDER BY t.position, i.code`;

const ROLLING_TOTALS = `
  SELECT v.indicator_id,
    sum(CASE WHEN v.period > @yearAgo THEN v.value END) AS last_12_months,
    sum(CASE WHEN v.period <= @yearAgo THEN v.value END) AS previous_12_months
  FROM indicator_value v
  WHERE v.superseded_by_id IS NULL AND v.period > @twoYearsAgo
  GROUP BY v.indicator_id`;

/** main/performance/repository.ts: indicators.list (all themes) and values.currentSince (the scorecard's last four years). */
const INDICATOR_LIST = `
  SELECT i.*, t.name AS theme_name, t.kind AS theme_kind, t.position AS theme_position,
         t.rag_amber_tolerance_percent, o.name AS owner_organisation_name,
         (SELECT count(*) FROM indicator_value v WHERE v.indicator_id = i.id AND v.superseded_by_id IS NULL) AS value_count
  FROM indicator i
  JOIN framework_theme t ON t.id = i.theme_id
  LEFT JOIN organisation o ON o.id = i.owner_organisation_id ORDER BY t.position, t.name, i.code COLLATE NOCASE`;
const SCORECARD_VALUES = `SELECT indicator_id, period, value, status, note FROM indicator_value
       WHERE superseded_by_id IS NULL
         AND period >= (CASE WHEN period GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]' THEN @annualFromYear ELSE @fromYear END)
       ORDER BY indicator_id, period`;

const ALL_CURRENT_VALUES = `
  SELECT v.indicator_id, v.period, v.value, v.status
  FROM indicator_value v
  WHERE v.superseded_by_id IS NULL
  ORDER BY v.indicator_id, v.period`;

/**
 * Spend by stream, financial year and quarter; Q1 = April–June (main/shared/financial-year.ts).
 * Summed by stream and month first, through each parent (budget line or award), so the
 * year/quarter arithmetic runs on a few thousand month totals, not on every spend row:
 * the same query grouped straight on the computed year and quarter took 40–70 ms here.
 */
const SPEND_BY_STREAM_YEAR_QUARTER = `
  WITH by_month AS (
    SELECT bl.stream_id, s.month,
      sum(CASE WHEN s.kind = 'actual' THEN s.amount_pence ELSE 0 END) AS actual_pence,
      sum(CASE WHEN s.kind = 'forecast' THEN s.amount_pence ELSE 0 END) AS forecast_pence
    FROM budget_line bl JOIN spend s ON s.budget_line_id = bl.id
    GROUP BY 1, 2
    UNION ALL
    SELECT a.stream_id, s.month,
      sum(CASE WHEN s.kind = 'actual' THEN s.amount_pence ELSE 0 END),
      sum(CASE WHEN s.kind = 'forecast' THEN s.amount_pence ELSE 0 END)
    FROM award a JOIN spend s ON s.award_id = a.id
    GROUP BY 1, 2
  ), m AS (
    SELECT stream_id, actual_pence, forecast_pence,
      CAST(substr(month, 1, 4) AS INTEGER) AS y, CAST(substr(month, 6, 2) AS INTEGER) AS mo
    FROM by_month
  )
  SELECT fs.reference AS stream_reference,
    printf('%d/%02d', y - (mo < 4), (y - (mo < 4) + 1) % 100) AS financial_year,
    (mo + 8) % 12 / 3 + 1 AS quarter,
    sum(actual_pence) AS actual_pence, sum(forecast_pence) AS forecast_pence
  FROM m JOIN funding_stream fs ON fs.id = m.stream_id
  GROUP BY m.stream_id, financial_year, quarter
  ORDER BY fs.reference, financial_year, quarter`;

/** One stream's budget-line spend by year and quarter (a budget line belongs to one year). */
const SPEND_OF_STREAM_BY_YEAR_QUARTER = `
  SELECT bl.financial_year, (CAST(substr(s.month, 6, 2) AS INTEGER) + 8) % 12 / 3 + 1 AS quarter,
    sum(CASE WHEN s.kind = 'actual' THEN s.amount_pence ELSE 0 END) AS actual_pence,
    sum(CASE WHEN s.kind = 'forecast' THEN s.amount_pence ELSE 0 END) AS forecast_pence
  FROM budget_line bl JOIN spend s ON s.budget_line_id = bl.id
  WHERE bl.stream_id = @streamId
  GROUP BY bl.financial_year, quarter
  ORDER BY bl.financial_year, quarter`;

/** The return's body: budget, actual and forecast per heading for one stream and year. */
const BUDGET_VS_SPEND = `
  SELECT bl.id, bl.heading, bl.cost_type, bl.allocated_pence,
    coalesce(sum(CASE WHEN s.kind = 'actual' THEN s.amount_pence END), 0) AS actual_pence,
    coalesce(sum(CASE WHEN s.kind = 'forecast' THEN s.amount_pence END), 0) AS forecast_pence
  FROM budget_line bl LEFT JOIN spend s ON s.budget_line_id = bl.id
  WHERE bl.stream_id = @streamId AND bl.financial_year = @financialYear
  GROUP BY bl.id
  ORDER BY bl.cost_type DESC, bl.heading`;

const AWARDS_OF_STREAM = `
  SELECT a.id, a.project, o.name AS organisation_name, a.starts_on, a.ends_on, a.tier,
    (SELECT sum(y.amount_pence) FROM award_year y WHERE y.award_id = a.id) AS awarded_pence,
    (SELECT sum(s.amount_pence) FROM spend s WHERE s.award_id = a.id AND s.kind = 'actual') AS spent_pence
  FROM award a JOIN organisation o ON o.id = a.organisation_id
  WHERE a.stream_id = @streamId
  ORDER BY o.name, a.project`;

export function benchCases(fx: Fixture): BenchCase[] {
  const fyStart = Number(fx.financialYear.slice(0, 4));
  const lastMonth = fx.today.slice(0, 7);
  const monthsBack = (n: number) => {
    const total = Number(lastMonth.slice(0, 4)) * 12 + Number(lastMonth.slice(5, 7)) - 1 - n;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  };
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
      raw: [...COUNTED.map((t) => ({ sql: `SELECT count(*) AS n FROM ${t}` })), { sql: 'SELECT key, value FROM setting ORDER BY key' }],
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

    // Raw only: the areas to come
    { name: 'meetings of a board, newest first', area: 'meetings', raw: [{ sql: MEETINGS_OF_BOARD, params: { boardId: fx.busyBoardId } }] },
    { name: 'meetings of all boards in one year', area: 'meetings', raw: [{ sql: MEETINGS_BETWEEN, params: { from: `${fyStart}-04-01`, to: `${fyStart + 1}-04-01` } }] },
    { name: 'agenda of a meeting', area: 'meetings', raw: [{ sql: AGENDA_OF_MEETING, params: { meetingId: fx.meetingId } }] },
    { name: 'papers of a board', area: 'papers', raw: [{ sql: PAPERS_OF_BOARD, params: { boardId: fx.busyBoardId } }] },
    { name: 'decision log of a board by date', area: 'decisions', raw: [{ sql: DECISION_LOG('d.board_id = @boardId'), params: { boardId: fx.busyBoardId } }] },
    { name: 'decision log of the Strategic Board', area: 'decisions', raw: [{ sql: DECISION_LOG('d.board_id = @boardId'), params: { boardId: fx.strategicBoardId } }] },
    {
      name: 'decision log, all boards, one year', area: 'decisions',
      raw: [{ sql: DECISION_LOG('d.decided_on >= @from AND d.decided_on < @to'), params: { from: `${fyStart}-04-01`, to: `${fyStart + 1}-04-01` } }],
    },
    {
      name: 'decision search "funding"', area: 'decisions',
      raw: [{ sql: DECISION_LOG(`(d.title LIKE @q OR d.text LIKE @q OR d.reference LIKE @q)`), params: { q: like('funding') } }],
    },
    { name: 'open actions by due date', area: 'actions', raw: [{ sql: ACTION_LOG(`x.status IN ('open', 'in_progress')`), params: { today: fx.today } }] },
    { name: 'action log of a board', area: 'actions', raw: [{ sql: ACTION_LOG('x.board_id = @boardId'), params: { boardId: fx.busyBoardId, today: fx.today } }] },
    { name: 'open and overdue actions per board', area: 'actions', raw: [{ sql: OPEN_ACTIONS_PER_BOARD, params: { today: fx.today } }] },
    { name: 'indicator scorecard (latest vs year before)', area: 'performance', raw: [{ sql: SCORECARD }] },
    {
      name: 'indicator rolling 12-month totals', area: 'performance',
      raw: [{ sql: ROLLING_TOTALS, params: { yearAgo: monthsBack(12), twoYearsAgo: monthsBack(24) } }],
    },
    { name: 'indicator values, all current (200×120)', area: 'performance', raw: [{ sql: ALL_CURRENT_VALUES }] },
    {
      // The whole scorecard: RAG, trends, rolling totals and sparklines of every indicator, worked out in TypeScript.
      name: 'performance.scorecard (200 indicators × 120 months)', area: 'performance', op: { name: 'performance.scorecard', input: { asAt: fx.today } },
      raw: [{ sql: INDICATOR_LIST }, { sql: SCORECARD_VALUES, params: { fromYear: String(Number(fx.today.slice(0, 4)) - 4), annualFromYear: String(Number(fx.today.slice(0, 4)) - 7) } }],
    },
    { name: 'spend totals by stream/year/quarter', area: 'funding', raw: [{ sql: SPEND_BY_STREAM_YEAR_QUARTER }] },
    { name: 'spend of one stream by year/quarter', area: 'funding', raw: [{ sql: SPEND_OF_STREAM_BY_YEAR_QUARTER, params: { streamId: fx.streamId } }] },
    {
      name: 'budget vs actual vs forecast, one stream-year', area: 'funding',
      raw: [{ sql: BUDGET_VS_SPEND, params: { streamId: fx.streamId, financialYear: fx.financialYear } }],
    },
    { name: 'awards of a stream with spend to date', area: 'funding', raw: [{ sql: AWARDS_OF_STREAM, params: { streamId: fx.streamId } }] },
  ];
}
