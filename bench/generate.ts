/**
 * The synthetic ten-year workspace the benchmarks run against: the size a VRU secretariat
 * reaches after ten financial years (2015/16–2024/25) of boards, meetings, decisions,
 * actions, indicators and funding; --years 30 makes the thirty-year one (1995/96–2024/25,
 * fifty meetings a year as in the ten, so three times the meetings, decisions and actions;
 * funding streams start in their own years, as the Home Office grants did).
 *
 * This is a bench fixture, not user input, so it is bulk-inserted with prepared statements
 * in one transaction instead of going through the services and main/db/audit.ts: ten years
 * through the audited write path would take minutes and prove nothing the tests do not.
 * The schema still guards every row (openDatabase runs the real migrations, foreign keys
 * are on, and CHECK/UNIQUE constraints fire on insert), and PRAGMA foreign_key_check runs
 * at the end. The audit_log rows it adds are a synthetic trail of the same size a real
 * workspace would have, written in one INSERT … SELECT so that audit.list is measured
 * against a realistic table rather than an empty one (see syntheticAuditTrail).
 *
 *   npx tsx bench/generate.ts --out FILE [--seed N] [--years 10] [--scale 1] [--no-audit]
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase, type Db } from '../main/db/connection';
import { financialYearOf, financialYearStarting, monthsOfYear, quarterOf, yearEnd } from '../main/shared/financial-year';
import { Random } from './random';
import * as V from './vocabulary';

export interface GenerateOptions {
  /** Financial years ending with 2024/25 (1–30; default 10: 2015/16–2024/25; 30 reaches back to 1995/96). */
  years?: number;
  seed?: number;
  /**
   * Fraction of the full size (0 < scale ≤ 1; default 1). Counts of organisations,
   * people, meetings, indicators, funding streams, budget headings and awards shrink;
   * rows per meeting and months per indicator do not. 0.02 builds in well under a second
   * and still touches every table, for a test that the generator satisfies the schema.
   */
  scale?: number;
  /** Add the synthetic audit trail (default true). */
  auditTrail?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  path: string;
  seed: number;
  years: number;
  scale: number;
  counts: Record<string, number>;
  ms: number;
  sizeBytes: number;
}

/** The fixture's "today": the end of the last financial year. */
export const FIXTURE_TODAY = '2025-03-31';
const LAST_YEAR = 2024;

type Value = string | number | null;
type Row = Record<string, Value>;

const DAY_MS = 86_400_000;
const utcMs = (iso: string) => Date.parse(iso.slice(0, 10) + 'T00:00:00Z');
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => isoDate(utcMs(iso) + days * DAY_MS);
const minDate = (a: string, b: string) => (a < b ? a : b);
const stamp = (iso: string, time = '09:00:00') => `${iso.slice(0, 10)}T${time}`;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Named-parameter INSERT prepared once; a missing column is an error, not a NULL. */
function inserter(db: Db, table: string, columns: readonly string[]): (row: Row) => number {
  const stmt = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`);
  return (row) => Number(stmt.run(row).lastInsertRowid);
}

/** The nearest Monday–Thursday on or after a date. */
function workingDayFrom(iso: string): string {
  let d = iso;
  while ([0, 5, 6].includes(new Date(utcMs(d)).getUTCDay())) d = addDays(d, 1);
  return d;
}

const MINUTE_SENTENCES = [
  'The board discussed the paper and the options set out in it.',
  'Members asked how the figures compared with the same period last year.',
  'The VRU Director explained the delay and the steps taken to recover it.',
  'Partners agreed that data sharing remained the main barrier to progress.',
  'The Chair thanked officers for the report and asked for an update at the next meeting.',
  'Concern was raised about the level of underspend forecast at the end of Q3.',
  'Members noted the evaluation findings and the recommendation to recommission the service.',
  'The board asked that the risk be added to the risk register with an owner and a date.',
  'Youth voice representatives described how young people had experienced the service.',
  'The police lead reported a fall in knife-enabled offences in the night-time economy.',
];

function paragraph(rng: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => rng.pick(MINUTE_SENTENCES)).join(' ');
}

export function generateWorkspace(path: string, options: GenerateOptions = {}): GenerateResult {
  const { years = 10, seed = 20190401, scale = 1, auditTrail = true, log = () => {} } = options;
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new RangeError("years must be a whole number from 1 to 30 (the last is 2024/25)");
  if (!(scale > 0 && scale <= 1)) throw new RangeError('scale must be above 0 and at most 1');
  if (existsSync(path) && statSync(path).size > 0) {
    throw new Error(`${path} already exists; the generator only writes a fresh file (delete it or choose another --out).`);
  }
  const started = process.hrtime.bigint();
  const rng = new Random(seed);
  const scaled = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  const firstYear = LAST_YEAR - years + 1;
  const firstDay = `${firstYear}-04-01`;
  const financialYears = Array.from({ length: years }, (_, i) => financialYearStarting(firstYear + i));

  const db = openDatabase(path, { verify: false });
  try {
    db.transaction(() => {
      // --- Organisations and people ------------------------------------------------------
      const addOrganisation = inserter(db, 'organisation', ['name', 'short_name', 'kind', 'notes', 'created_at', 'updated_at']);
      const orgs = V.ORGANISATIONS.slice(0, Math.min(V.ORGANISATIONS.length, scaled(40, 4))).map((o) => ({
        ...o,
        id: addOrganisation({ name: o.name, short_name: o.shortName, kind: o.kind, notes: '', created_at: stamp(addDays(firstDay, -30)), updated_at: stamp(addDays(firstDay, -30)) }),
      }));
      const grantees = orgs.filter((o) => ['charity', 'council', 'health', 'youth_justice', 'education'].includes(o.kind));

      const addPerson = inserter(db, 'person', [
        'given_name', 'family_name', 'honorific', 'job_title', 'organisation_id', 'email', 'phone', 'notes', 'created_at', 'updated_at',
      ]);
      const people: { id: number; organisationId: number | null }[] = [];
      for (let i = 0; i < scaled(300, 10); i++) {
        const given = rng.pick(V.GIVEN_NAMES);
        const family = rng.pick(V.FAMILY_NAMES);
        // Statutory partners send most of the people; a few have no organisation recorded.
        const org = rng.chance(0.06) ? null : rng.chance(0.6) ? orgs[rng.int(0, Math.min(8, orgs.length - 1))]! : rng.pick(orgs);
        const created = stamp(addDays(firstDay, rng.int(-30, years * 365 - 60)));
        people.push({
          id: addPerson({
            given_name: given,
            family_name: family,
            honorific: rng.pick(V.HONORIFICS),
            job_title: rng.pick(V.JOB_TITLES),
            organisation_id: org?.id ?? null,
            email: org ? `${given}.${family}@${org.domain}`.toLowerCase() : '',
            phone: rng.chance(0.7) ? `01622 ${rng.int(100000, 999999)}` : '',
            notes: '',
            created_at: created,
            updated_at: created,
          }),
          organisationId: org?.id ?? null,
        });
      }

      const personById = new Map(people.map((p) => [p.id, p]));

      // --- Boards and memberships ---------------------------------------------------------
      const addBoard = inserter(db, 'board', [
        'name', 'code', 'kind', 'quorum_count', 'papers_due_working_days', 'default_length_minutes', 'protective_marking',
        'terms_of_reference', 'created_at', 'updated_at',
      ]);
      const boards = V.BOARDS.map((b) => ({
        ...b,
        id: addBoard({
          name: b.name, code: b.code, kind: b.kind, quorum_count: b.quorum,
          papers_due_working_days: 5, default_length_minutes: 120, protective_marking: b.marking,
          terms_of_reference: `The ${b.name} meets ${b.meetingsPerYear} times a year under signed terms of reference.`,
          created_at: stamp(addDays(firstDay, -60)), updated_at: stamp(addDays(firstDay, -60)),
        }),
      }));
      const addQuorumOrg = inserter(db, 'board_quorum_organisation', ['board_id', 'organisation_id']);
      for (const b of boards.slice(0, 2)) for (const o of orgs.slice(0, 3)) addQuorumOrg({ board_id: b.id, organisation_id: o.id });

      const addMembership = inserter(db, 'membership', ['board_id', 'person_id', 'role', 'starts_on', 'ends_on', 'created_at', 'updated_at']);
      type Membership = { boardId: number; personId: number; startsOn: string; endsOn: string | null };
      const memberships: Membership[] = [];
      // Terms run 3–5 years, so a seat has at most ceil(years/3)+1 holders; no one holds two seats of one board.
      const seats = Math.max(1, Math.min(12, Math.floor(people.length / (Math.ceil(years / 3) + 1))));
      for (const b of boards) {
        const pool = rng.shuffle(people);
        let next = 0;
        for (let s = 0; s < seats; s++) {
          const role = s === 0 ? 'chair' : s === 1 ? 'vice_chair' : s === seats - 1 && seats >= 4 ? 'secretariat' : s === 2 && seats >= 6 ? 'adviser' : 'member';
          let start = addDays(firstDay, -rng.int(0, 200));
          for (;;) {
            const end = addDays(start, rng.int(3 * 365, 5 * 365));
            const holder = pool[next++];
            if (!holder) throw new Error('Not enough people for the board seats; raise the scale.');
            const m: Membership = { boardId: b.id, personId: holder.id, startsOn: start, endsOn: end < FIXTURE_TODAY ? end : null };
            addMembership({ board_id: m.boardId, person_id: m.personId, role, starts_on: m.startsOn, ends_on: m.endsOn, created_at: stamp(start), updated_at: stamp(m.endsOn ?? start) });
            memberships.push(m);
            if (m.endsOn === null) break;
            start = addDays(m.endsOn, 1);
          }
        }
      }
      const membersOn = (boardId: number, date: string) =>
        memberships.filter((m) => m.boardId === boardId && m.startsOn <= date && (m.endsOn === null || m.endsOn >= date));

      // --- Performance framework ----------------------------------------------------------
      const addTheme = inserter(db, 'framework_theme', ['name', 'kind', 'position', 'rag_amber_tolerance_percent']);
      const themeIds = [
        addTheme({ name: 'Home Office success measures', kind: 'home_office', position: 1, rag_amber_tolerance_percent: 5 }),
        ...V.THEMES.map((name, i) => addTheme({ name, kind: 'strategy_theme', position: i + 2, rag_amber_tolerance_percent: 5 })),
        addTheme({ name: 'Local indicators', kind: 'local', position: 9, rag_amber_tolerance_percent: 10 }),
      ];
      const addIndicator = inserter(db, 'indicator', [
        'theme_id', 'code', 'name', 'definition', 'unit', 'polarity', 'frequency', 'data_source', 'owner_organisation_id',
        'baseline_period', 'baseline_value', 'target_kind', 'target_value', 'target_by',
      ]);
      const addValue = inserter(db, 'indicator_value', [
        'indicator_id', 'period', 'value', 'status', 'note', 'supplied_by_organisation_id', 'received_on', 'superseded_by_id',
      ]);
      const areas = ['Kent and Medway', ...V.DISTRICTS];
      const localMeasures = V.INDICATOR_MEASURES.slice(3);
      const indicatorMonths = financialYears.flatMap((fy) => monthsOfYear(fy));
      for (let i = 0; i < scaled(200, 3); i++) {
        const homeOffice = i < 3;
        const local = i - 3;
        const measure = homeOffice ? V.INDICATOR_MEASURES[i]! : localMeasures[local % localMeasures.length]!;
        const area = homeOffice ? 'Kent and Medway' : areas[Math.floor(local / localMeasures.length) % areas.length]!;
        const ageBand = !homeOffice && Math.floor(local / (localMeasures.length * areas.length)) % 2 === 1 ? ', under 25' : '';
        const higherIsBetter = /reached|Referrals/.test(measure);
        const unit = homeOffice ? (['rate_per_100k', 'count', 'rate_per_million'] as const)[i]! : /exclusions/.test(measure) ? 'percentage' : 'count';
        const owner = rng.pick(orgs);
        const base = unit === 'percentage' ? rng.int(1, 30) : rng.int(5, 600);
        const id = addIndicator({
          theme_id: homeOffice ? themeIds[0]! : themeIds[1 + (local % (themeIds.length - 1))]!,
          code: homeOffice ? `HO-${i + 1}` : `IND-${pad(local + 1, 3)}`,
          name: homeOffice ? measure : `${measure}${ageBand}: ${area}`,
          definition: `${measure}, ${area}, monthly.`,
          unit,
          polarity: higherIsBetter ? 'higher_is_better' : 'lower_is_better',
          frequency: 'monthly',
          data_source: rng.pick(['Police recorded crime', 'NHS hospital episode statistics', 'Home Office Homicide Index', 'Local authority returns', 'Project monitoring']),
          owner_organisation_id: owner.id,
          baseline_period: financialYears[0]!,
          baseline_value: base * 12,
          target_kind: 'percent_change',
          target_value: higherIsBetter ? 10 : -10,
          target_by: yearEnd(financialYears[financialYears.length - 1]!), // a date (31 March), as the contract's Target date is
        });
        let level = base;
        for (const period of indicatorMonths) {
          level = Math.max(0, level * (1 + (rng.next() - 0.5) * 0.12));
          const value = unit === 'percentage' ? Math.min(100, Math.round(level * 10) / 10) : Math.round(level);
          const receivedOn = addDays(`${period}-01`, rng.int(40, 55));
          const current = addValue({
            indicator_id: id, period, value, status: receivedOn < addDays(FIXTURE_TODAY, -90) ? 'final' : 'provisional', note: '',
            supplied_by_organisation_id: owner.id, received_on: minDate(receivedOn, FIXTURE_TODAY), superseded_by_id: null,
          });
          // Revisions are kept: a few months carry the earlier provisional figure, superseded.
          if (rng.chance(0.03)) {
            addValue({
              indicator_id: id, period, value: Math.round(value * 0.95), status: 'provisional', note: 'Superseded by a revised figure',
              supplied_by_organisation_id: owner.id, received_on: addDays(`${period}-01`, 35), superseded_by_id: current,
            });
          }
        }
      }

      // --- Funding --------------------------------------------------------------------------
      const addStream = inserter(db, 'funding_stream', [
        'reference', 'name', 'funder', 'agreement_reference', 'first_year', 'last_year', 'spend_by', 'claim_frequency', 'award_cap_pence',
        'match_funding_percent', 'min_intervention_percent', 'evaluation_percent', 'carry_over_allowed', 'notes', 'created_at', 'updated_at',
      ]);
      const addAllocation = inserter(db, 'stream_allocation', ['stream_id', 'financial_year', 'amount_pence']);
      const addLine = inserter(db, 'budget_line', ['stream_id', 'financial_year', 'heading', 'cost_type', 'cost_centre', 'allocated_pence']);
      const addAward = inserter(db, 'award', [
        'stream_id', 'organisation_id', 'project', 'description', 'starts_on', 'ends_on', 'tier', 'theme', 'monitoring_met', 'created_at', 'updated_at',
      ]);
      const addAwardYear = inserter(db, 'award_year', ['award_id', 'financial_year', 'amount_pence']);
      const addSpend = inserter(db, 'spend', ['budget_line_id', 'award_id', 'month', 'kind', 'amount_pence', 'source', 'note']);
      const addClaim = inserter(db, 'claim', [
        'stream_id', 'financial_year', 'period', 'status', 'amount_pence', 'prepared_by', 'signed_off_by', 'submitted_on', 'signed_off_on', 'paid_on', 'created_at', 'updated_at',
      ]);
      const headings = [
        ...V.BASE_HEADINGS,
        ...V.DISTRICT_HEADINGS.flatMap((h) => V.DISTRICTS.map((d) => ({ heading: `${h}: ${d}`, capital: false }))),
      ];
      const headingsPerYear = Math.min(headings.length, scaled(45, 2));
      const actualByQuarter = new Map<string, number>();
      const spendMonth = (lineId: number | null, awardId: number | null, streamId: number, month: string, monthlyPence: number, lumpy: boolean) => {
        const actual = lumpy && !rng.chance(0.25) ? 0 : Math.round(monthlyPence * (lumpy ? 4 : 0.6 + rng.next() * 0.7));
        const forecast = Math.round(monthlyPence * (0.85 + rng.next() * 0.3));
        addSpend({ budget_line_id: lineId, award_id: awardId, month, kind: 'actual', amount_pence: actual, source: 'ledger', note: '' });
        addSpend({ budget_line_id: lineId, award_id: awardId, month, kind: 'forecast', amount_pence: forecast, source: 'finance', note: '' });
        const key = `${streamId}|${financialYearOf(month)}|${quarterOf(month)}`;
        actualByQuarter.set(key, (actualByQuarter.get(key) ?? 0) + actual);
      };

      const streamDefs = V.FUNDING_STREAMS.filter((s) => s.lastYear >= firstYear).slice(0, scaled(10, 2));
      const streams: { id: number; first: number; last: number; def: (typeof V.FUNDING_STREAMS)[number] }[] = [];
      for (const s of streamDefs) {
        const first = Math.max(s.firstYear, firstYear);
        const last = s.lastYear;
        const created = stamp(addDays(`${first}-04-01`, -45));
        const id = addStream({
          reference: s.reference, name: s.name, funder: s.funder, agreement_reference: `${s.reference}/${first}`,
          first_year: financialYearStarting(first), last_year: financialYearStarting(last), spend_by: yearEnd(financialYearStarting(last)),
          claim_frequency: 'quarterly', award_cap_pence: s.capPounds === null ? null : s.capPounds * 100,
          match_funding_percent: s.funder === 'Home Office' ? 10 : null, min_intervention_percent: s.reference === 'VRU' ? 60 : null,
          evaluation_percent: s.reference === 'VRU' ? 10 : null, carry_over_allowed: 0, notes: '', created_at: created, updated_at: created,
        });
        streams.push({ id, first, last, def: s });
        const chosen = rng.shuffle(headings).slice(0, headingsPerYear);
        for (let y = first; y <= last; y++) {
          const fy = financialYearStarting(y);
          const allocation = s.yearlyPounds * 100;
          addAllocation({ stream_id: id, financial_year: fy, amount_pence: allocation });
          chosen.forEach((h, i) => {
            const allocated = Math.floor((allocation * 0.6) / chosen.length);
            const lineId = addLine({
              stream_id: id, financial_year: fy, heading: h.heading, cost_type: h.capital ? 'capital' : 'revenue',
              cost_centre: `${s.reference}-${pad(i + 1)}`, allocated_pence: allocated,
            });
            for (const month of monthsOfYear(fy)) spendMonth(lineId, null, id, month, allocated / 12, h.capital);
          });
        }
      }

      const awardStreams = streams.filter((s) => s.def.makesAwards);
      for (let i = 0; i < scaled(300, 2) && awardStreams.length > 0; i++) {
        const s = rng.weighted(awardStreams.map((st) => [st, st.last - st.first + 1] as const));
        const org = rng.pick(grantees.length ? grantees : orgs);
        const startYear = rng.int(s.first, s.last);
        const lastYear = Math.min(s.last, startYear + rng.int(0, 3));
        const startsOn = s.def.capPounds ? `${startYear}-07-01` : `${startYear}-04-01`;
        const created = stamp(addDays(startsOn, -30));
        const awardId = addAward({
          stream_id: s.id, organisation_id: org.id, project: `${org.shortName ?? org.name.split(' ')[0]} ${rng.pick(V.PROJECT_KINDS)}`,
          description: paragraph(rng, 2), starts_on: startsOn, ends_on: yearEnd(financialYearStarting(lastYear)),
          tier: rng.pick(['primary', 'secondary', 'tertiary']), theme: rng.pick(V.THEMES),
          monitoring_met: lastYear < LAST_YEAR ? (rng.chance(0.85) ? 1 : 0) : null, created_at: created, updated_at: created,
        });
        for (let y = startYear; y <= lastYear; y++) {
          const fy = financialYearStarting(y);
          const pounds = rng.int(5_000, s.def.capPounds ?? 120_000);
          addAwardYear({ award_id: awardId, financial_year: fy, amount_pence: pounds * 100 });
          for (const month of monthsOfYear(fy)) {
            if (month < startsOn.slice(0, 7)) continue;
            spendMonth(null, awardId, s.id, month, (pounds * 100) / 12, false);
          }
        }
      }

      for (const s of streams) {
        for (let y = s.first; y <= s.last; y++) {
          const fy = financialYearStarting(y);
          for (const q of [1, 2, 3, 4] as const) {
            const quarterEnd = monthsOfYear(fy)[q * 3 - 1]! + '-28';
            const submitted = addDays(quarterEnd, 30);
            const paid = addDays(submitted, 45);
            addClaim({
              stream_id: s.id, financial_year: fy, period: `Q${q}`,
              status: submitted > FIXTURE_TODAY ? 'draft' : paid > FIXTURE_TODAY ? 'submitted' : 'paid',
              amount_pence: actualByQuarter.get(`${s.id}|${fy}|${q}`) ?? 0, prepared_by: 'VRU Finance Business Partner',
              signed_off_by: submitted > FIXTURE_TODAY ? '' : 'OPCC Chief Finance Officer',
              submitted_on: submitted > FIXTURE_TODAY ? null : submitted, signed_off_on: submitted > FIXTURE_TODAY ? null : addDays(submitted, -3), paid_on: paid > FIXTURE_TODAY ? null : paid,
              // Prepared (recorded as a draft) after the quarter closes, a few days before it is signed off.
              created_at: stamp(minDate(addDays(submitted, -10), FIXTURE_TODAY)), updated_at: stamp(minDate(paid, FIXTURE_TODAY)),
            });
          }
        }
      }

      // --- Meetings, agendas, papers, decisions, actions ------------------------------------
      const TIMES = [['10:00', '12:00'], ['14:00', '16:00'], ['09:30', '11:30']] as const;
      const schedule: { board: (typeof boards)[number]; startsAt: string; endsAt: string; date: string }[] = [];
      boards.forEach((b, bi) => {
        for (const fy of financialYears) {
          const months = monthsOfYear(fy);
          for (let k = 0; k < b.meetingsPerYear; k++) {
            const month = months[Math.min(11, Math.floor((k * 12) / b.meetingsPerYear) + (b.meetingsPerYear < 12 ? bi % 2 : 0))]!;
            const date = workingDayFrom(`${month}-${pad(6 + bi * 3)}`);
            const [from, to] = TIMES[bi % TIMES.length]!;
            schedule.push({ board: b, date, startsAt: `${date}T${from}`, endsAt: `${date}T${to}` });
          }
        }
      });
      schedule.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.board.id - b.board.id));
      // Ten years hold 500 meetings (the figure every ten-year bench is quoted at); a longer
      // run keeps the same 50 a year, so thirty years hold three times the records.
      const meetingCount = Math.min(schedule.length, scaled(years > 10 ? 50 * years : 500, 3));
      const meetings = Array.from({ length: meetingCount }, (_, i) => schedule[Math.floor((i * schedule.length) / meetingCount)]!);

      const addMeeting = inserter(db, 'meeting', [
        'board_id', 'title', 'starts_at', 'ends_at', 'location', 'online_link', 'status', 'papers_due_on', 'quorate', 'created_at', 'updated_at',
      ]);
      const addAttendance = inserter(db, 'attendance', ['meeting_id', 'person_id', 'status', 'substitute_for_person_id', 'note']);
      const addItem = inserter(db, 'agenda_item', [
        'meeting_id', 'position', 'title', 'purpose', 'lead_person_id', 'minutes_allotted', 'confidential', 'standing_kind', 'discussion',
        'created_at', 'updated_at',
      ]);
      const addPaper = inserter(db, 'paper', [
        'reference', 'title', 'template_key', 'board_id', 'meeting_id', 'agenda_item_id', 'author_person_id', 'presenter_person_id',
        'protective_marking', 'purpose', 'status', 'header_json', 'issued_at', 'created_at', 'updated_at',
      ]);
      const addDecision = inserter(db, 'decision', [
        'reference', 'board_id', 'meeting_id', 'agenda_item_id', 'paper_id', 'title', 'text', 'type', 'decided_by', 'decided_on', 'status',
        'superseded_by_id', 'owner_person_id', 'implementation_due_on', 'review_on', 'financial_amount_pence', 'funding_stream_id',
        'confidential', 'confidential_reason', 'published_on', 'created_at', 'updated_at',
      ]);
      const addAction = inserter(db, 'action', [
        'board_id', 'meeting_id', 'agenda_item_id', 'description', 'owner_person_id', 'owner_organisation_id', 'due_on', 'status',
        'completed_on', 'created_at', 'updated_at',
      ]);
      const addActionUpdate = inserter(db, 'action_update', ['action_id', 'updated_on', 'text']);

      const sequences = new Map<string, number>();
      const nextReference = (code: string, letter: 'D' | 'P', year: string) => {
        const key = `${code}-${letter}-${year}`;
        const n = (sequences.get(key) ?? 0) + 1;
        sequences.set(key, n);
        return `${key}-${pad(n, 3)}`;
      };
      const decisionsByBoard = new Map<number, number[]>();

      for (const m of meetings) {
        const b = m.board;
        const year = m.date.slice(0, 4);
        const recent = m.date > addDays(FIXTURE_TODAY, -45);
        const papersDue = addDays(m.date, -7);
        const created = stamp(addDays(m.date, -60));
        const updated = stamp(minDate(addDays(m.date, 35), FIXTURE_TODAY));
        const members = membersOn(b.id, m.date);
        const present = members.filter(() => rng.chance(0.8));
        const meetingId = addMeeting({
          board_id: b.id, title: '', starts_at: m.startsAt, ends_at: m.endsAt,
          location: rng.pick(['Police HQ, Sutton Road, Maidstone', 'Sessions House, Maidstone', 'Gun Wharf, Chatham', 'Online']),
          online_link: '', status: recent ? 'minutes_draft' : 'minutes_approved', papers_due_on: papersDue,
          quorate: present.length >= Math.min(b.quorum, members.length) ? 1 : 0, created_at: created, updated_at: updated,
        });
        for (const mem of members) {
          addAttendance({
            meeting_id: meetingId, person_id: mem.personId,
            status: present.includes(mem) ? 'present' : rng.chance(0.75) ? 'apologies' : 'absent', substitute_for_person_id: null, note: '',
          });
        }
        const lead = () => (members.length ? rng.pick(members).personId : null);

        const substantive: { id: number; position: number; title: string; purpose: string; lead: number | null; paperId: number | null }[] = [];
        let position = 1;
        const standing = (title: string, kind: string, purpose: string) =>
          addItem({
            meeting_id: meetingId, position: position++, title, purpose, lead_person_id: members[0]?.personId ?? null, minutes_allotted: 5,
            confidential: 0, standing_kind: kind, discussion: '', created_at: created, updated_at: updated,
          });
        standing('Welcome and apologies', 'welcome', 'noting');
        standing('Declarations of interest', 'declarations', 'noting');
        const minutesItem = standing('Minutes of the last meeting and matters arising', 'minutes', 'decision');
        const topics = rng.shuffle(V.AGENDA_TOPICS).slice(0, rng.int(4, 10));
        for (const title of topics) {
          const purpose = rng.weighted([['decision', 35], ['discussion', 35], ['information', 20], ['noting', 10]] as const);
          const leadId = lead();
          const itemId = addItem({
            meeting_id: meetingId, position: position++, title, purpose, lead_person_id: leadId, minutes_allotted: rng.int(2, 6) * 5,
            confidential: rng.chance(0.05) ? 1 : 0, standing_kind: null, discussion: paragraph(rng, rng.int(3, 7)), created_at: created, updated_at: updated,
          });
          let paperId: number | null = null;
          if ((purpose === 'decision' || purpose === 'discussion') && rng.chance(0.6)) {
            paperId = addPaper({
              reference: nextReference(b.code, 'P', year), title, template_key: 'board-paper', board_id: b.id, meeting_id: meetingId,
              agenda_item_id: itemId, author_person_id: leadId, presenter_person_id: leadId, protective_marking: b.marking, purpose,
              status: 'final', header_json: '{}', issued_at: stamp(papersDue, '17:00:00'), created_at: created, updated_at: stamp(papersDue, '17:00:00'),
            });
          }
          substantive.push({ id: itemId, position: position - 1, title, purpose, lead: leadId, paperId });
        }
        standing('Any other business', 'aob', 'information');
        standing('Date of next meeting', 'next_meeting', 'noting');

        const boardDecisions = decisionsByBoard.get(b.id) ?? [];
        decisionsByBoard.set(b.id, boardDecisions);
        const decide = (item: { id: number; title: string; lead: number | null; paperId: number | null }, type: string, title: string, text: string) => {
          const status = type === 'reject' ? 'rejected' : type === 'defer' ? 'deferred' : 'agreed';
          const confidential = rng.chance(0.05);
          const money = type === 'approve' && rng.chance(0.3) ? rng.pick(streams) : null;
          const id = addDecision({
            reference: nextReference(b.code, 'D', year), board_id: b.id, meeting_id: meetingId, agenda_item_id: item.id, paper_id: item.paperId,
            title, text, type, decided_by: 'board', decided_on: m.date,
            status, superseded_by_id: null, owner_person_id: item.lead, implementation_due_on: type === 'approve' ? addDays(m.date, 90) : null,
            review_on: type === 'approve' && rng.chance(0.5) ? addDays(m.date, 365) : null,
            financial_amount_pence: money ? rng.int(1_000, 250_000) * 100 : null, funding_stream_id: money?.id ?? null,
            confidential: confidential ? 1 : 0, confidential_reason: confidential ? 'Commercially sensitive: procurement in progress' : '',
            published_on: confidential ? null : minDate(addDays(m.date, 10), FIXTURE_TODAY), created_at: stamp(m.date, '12:30:00'), updated_at: stamp(m.date, '12:30:00'),
          });
          boardDecisions.push(id);
        };
        decide(
          { id: minutesItem, title: '', lead: members[0]?.personId ?? null, paperId: null }, 'approve',
          'Approve the minutes of the previous meeting as an accurate record',
          'RESOLVED that the minutes of the previous meeting are an accurate record and be signed by the Chair.',
        );
        for (let k = rng.int(2, 8); k > 0; k--) {
          const item = rng.pick(substantive);
          const type = rng.weighted([['approve', 40], ['endorse', 20], ['note', 25], ['reject', 5], ['defer', 10]] as const);
          const verb = { approve: 'approve', endorse: 'endorse', note: 'note', reject: 'reject', defer: 'defer' }[type];
          decide(
            item, type, `${item.title}: ${verb} the recommendations`,
            `RESOLVED that the ${b.name} ${verb}s the recommendations of the report on ${item.title}. ${paragraph(rng, 1)}`,
          );
        }

        for (let k = rng.int(10, 30); k > 0; k--) {
          const item = rng.pick(substantive);
          const byPerson = members.length > 0 && rng.chance(0.75);
          const ownerPerson = byPerson ? personById.get(rng.pick(members).personId)! : null;
          const dueOn = addDays(m.date, rng.int(14, 120));
          // Old actions are nearly all closed; the last year's carry a realistic backlog.
          const status = dueOn > FIXTURE_TODAY
            ? rng.weighted([['open', 60], ['in_progress', 40]] as const)
            : dueOn > addDays(FIXTURE_TODAY, -365)
              ? rng.weighted([['done', 70], ['dropped', 5], ['open', 15], ['in_progress', 10]] as const)
              : rng.weighted([['done', 92], ['dropped', 6], ['open', 1.5], ['in_progress', 0.5]] as const);
          const completedOn = status === 'done' ? minDate(addDays(dueOn, rng.int(-20, 15)), FIXTURE_TODAY) : null;
          const actionId = addAction({
            board_id: b.id, meeting_id: meetingId, agenda_item_id: item.id,
            description: `${rng.pick(V.ACTION_STEMS)} ${item.title} (minute ${item.position})`,
            owner_person_id: ownerPerson?.id ?? null,
            owner_organisation_id: ownerPerson ? ownerPerson.organisationId : rng.pick(orgs).id,
            due_on: dueOn, status, completed_on: completedOn && completedOn < m.date ? m.date : completedOn,
            created_at: stamp(m.date, '13:00:00'), updated_at: stamp(completedOn ?? m.date, '13:00:00'),
          });
          if (rng.chance(0.4)) {
            const until = minDate(dueOn, FIXTURE_TODAY);
            const span = Math.max(1, Math.round((utcMs(until) - utcMs(m.date)) / DAY_MS));
            for (let u = rng.int(1, 3); u > 0; u--) {
              addActionUpdate({ action_id: actionId, updated_on: addDays(m.date, rng.int(1, span)), text: paragraph(rng, 1) });
            }
          }
        }
      }

      // Some agreed decisions are later superseded by a decision of the same board.
      const supersede = db.prepare(`UPDATE decision SET status = 'superseded', superseded_by_id = ? WHERE id = ? AND status = 'agreed'`);
      for (const ids of decisionsByBoard.values()) {
        for (let i = 0; i < ids.length - 1; i++) {
          if (rng.chance(0.02)) supersede.run(ids[rng.int(i + 1, ids.length - 1)]!, ids[i]!);
        }
      }

      const addSetting = inserter(db, 'setting', ['key', 'value']);
      addSetting({ key: 'organisationName', value: 'Kent and Medway Violence Reduction Unit (synthetic bench data)' });
      addSetting({ key: 'defaultProtectiveMarking', value: 'OFFICIAL' });

      if (auditTrail) syntheticAuditTrail(db);
    })();

    const problems = db.pragma('foreign_key_check') as unknown[];
    if (problems.length > 0) {
      throw new Error(`The generated workspace breaks ${problems.length} foreign keys, e.g. ${JSON.stringify(problems.slice(0, 3))}`);
    }
    const counts = tableCounts(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const result: GenerateResult = { path, seed, years, scale, counts, ms, sizeBytes: statSync(path).size };
    log(`Generated ${path} in ${(ms / 1000).toFixed(1)} s (${(result.sizeBytes / 1048576).toFixed(1)} MiB)`);
    for (const [table, n] of Object.entries(counts)) log(`  ${table.padEnd(26)} ${String(n).padStart(8)}`);
    return result;
  } catch (err) {
    if (db.open) db.close();
    throw err;
  }
}

/** Rows in every table of the schema, largest tables last in the schema's own order. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/**
 * One 'create' audit row per record, in time order, holding the record as JSON: the
 * trail a workspace has after ten years of audited writes (link tables without an id are
 * left out). It is fixture data written here, not by main/db/audit.ts.
 */
function syntheticAuditTrail(db: Db): void {
  const when: Record<string, string> = {
    organisation: 'created_at', person: 'created_at', board: 'created_at', membership: 'created_at', meeting: 'created_at',
    agenda_item: 'created_at', paper: 'created_at', decision: 'created_at', action: 'created_at', funding_stream: 'created_at',
    award: 'created_at', claim: 'created_at',
    attendance: `(SELECT ends_at FROM meeting WHERE meeting.id = t.meeting_id) || ':00'`,
    action_update: `updated_on || 'T10:00:00'`,
    indicator: `(SELECT min(received_on) FROM indicator_value v WHERE v.indicator_id = t.id) || 'T08:00:00'`,
    indicator_value: `received_on || 'T11:00:00'`,
    budget_line: `substr(financial_year, 1, 4) || '-03-15T09:00:00'`,
    spend: `month || '-28T16:00:00'`,
  };
  const operations: Record<string, string> = { spend: 'spend.import', indicator_value: 'indicator.importValues' };
  const selects = Object.entries(when).map(([table, at]) => {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
    const json = `json_object(${columns.map((c) => `'${c}', t.${c}`).join(', ')})`;
    const actor = table in operations ? `'import'` : `CASE t.id % 4 WHEN 0 THEN 'vru.coordinator' WHEN 1 THEN 'board.secretary' WHEN 2 THEN 'finance.partner' ELSE 'vru.analyst' END`;
    return `SELECT ${at} AS at, ${actor} AS actor, '${operations[table] ?? table.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) + '.create'}' AS operation,
              '${table}' AS entity, t.id AS entity_id, ${json} AS after_json FROM ${table} t`;
  });
  db.exec(`INSERT INTO audit_log (at, actor, operation, action, entity, entity_id, before_json, after_json)
           SELECT at, actor, operation, 'create', entity, entity_id, NULL, after_json
           FROM (${selects.join('\nUNION ALL\n')}) ORDER BY at, entity, entity_id`);
}

function parseArgs(argv: string[]): { out: string; options: GenerateOptions } {
  const args = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-audit') flags.add(a);
    else if (a.startsWith('--') && argv[i + 1] !== undefined) args.set(a, argv[++i]!);
    else throw new Error(`Unexpected argument ${a}. Usage: npx tsx bench/generate.ts --out FILE [--seed N] [--years 10] [--scale 1] [--no-audit]`);
  }
  const out = args.get('--out');
  if (!out) throw new Error('Usage: npx tsx bench/generate.ts --out FILE [--seed N] [--years 10] [--scale 1] [--no-audit]');
  const num = (name: string) => (args.has(name) ? Number(args.get(name)) : undefined);
  return {
    out: resolve(out),
    options: { seed: num('--seed'), years: num('--years'), scale: num('--scale'), auditTrail: !flags.has('--no-audit'), log: (l) => console.log(l) },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const { out, options } = parseArgs(process.argv.slice(2));
    generateWorkspace(out, options);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
