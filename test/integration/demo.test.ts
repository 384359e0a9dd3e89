import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { FIGURE_NOTES, VARIANCE_EXPLAINED } from '../../main/funding/figures';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { dataTables } from '../../main/workspace/bundle';
import type { PaperBlock } from '../../main/workspace/demo';

async function demoWorkspace(): Promise<TestWorkspace> {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  return ws;
}

/** Raw SQL behind the API, on either engine (the test reads the rows the demo wrote). */
function rows<T>(ws: TestWorkspace, text: string, ...params: unknown[]): Promise<T[]> {
  return ws.query<T>(text, ...params);
}

async function one<T>(ws: TestWorkspace, text: string, ...params: unknown[]): Promise<T> {
  return (await ws.query<T>(text, ...params))[0]!;
}

async function sectionsOf(ws: TestWorkspace, reference: string): Promise<{ key: string; heading: string; body: PaperBlock[] }[]> {
  return (await rows<{ key: string; heading: string; body_json: string }>(
    ws,
    `SELECT s.key, s.heading, s.body_json FROM paper_section s JOIN paper p ON p.id = s.paper_id WHERE p.reference = ? ORDER BY s.position`,
    reference,
  )).map((s) => ({ key: s.key, heading: s.heading, body: JSON.parse(s.body_json) as PaperBlock[] }));
}

describe('the Kent & Medway demo workspace', () => {
  it('loads into an empty workspace, with only the import itself in the audit trail', async () => {
    const ws = await tempWorkspace();
    const info = await ws.call('workspace.loadDemo');
    expect(info.isEmpty).toBe(false);
    expect(info.counts).toMatchObject({ boards: 3, meetings: 3, papers: 3, decisions: 3, indicators: 4, fundingStreams: 4, awards: 6 });
    expect(info.settings).toEqual({ organisationName: 'Kent & Medway Violence Reduction Unit', defaultProtectiveMarking: 'OFFICIAL' });

    const trail = await ws.call('audit.list', {});
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ operation: 'workspace.loadDemo', entity: 'workspace', action: 'create' });

    // PostgreSQL checks every key at commit; SQLite is asked.
    if (ws.engine === 'sqlite') {
      expect(ws.db.pragma('foreign_key_check')).toEqual([]);
      expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
  });

  it('is refused into a workspace that already holds records, and changes nothing there', async () => {
    const ws = await tempWorkspace();
    await ws.call('organisation.create', { name: 'Medway Council', kind: 'council' });
    const err = await ws.fails('workspace.loadDemo');
    expect(err.code).toBe('workspace.notEmpty');
    expect((await one<{ n: number }>(ws, 'SELECT count(*) AS n FROM organisation')).n).toBe(1);

    const loaded = await demoWorkspace();
    expect((await loaded.fails('workspace.loadDemo')).code).toBe('workspace.notEmpty');
  });

  it('carries the seeds’ funding figures to the penny', async () => {
    const ws = await demoWorkspace();
    const allocation = async (ref: string) =>
      await rows<{ financial_year: string; amount_pence: number }>(
        ws,
        `SELECT a.financial_year, a.amount_pence FROM stream_allocation a JOIN funding_stream s ON s.id = a.stream_id WHERE s.reference = ? ORDER BY a.financial_year`,
        ref,
      );

    expect(await allocation('VRU-2019')).toEqual([{ financial_year: '2019/20', amount_pence: 116_000_000 }]);
    expect(await allocation('EIYF')).toEqual([{ financial_year: '2019/20', amount_pence: 52_757_300 }]);
    expect(await allocation('SURGE')).toEqual([{ financial_year: '2019/20', amount_pence: 166_000_000 }]);
    const vrf = await allocation('VRF');
    expect(vrf.map((a) => a.financial_year)).toEqual(['2019/20', '2020/21', '2021/22']);
    expect(vrf.reduce((sum, a) => sum + a.amount_pence, 0)).toBe(100_000_000);

    const vru = await one<{ spend_by: string; carry_over_allowed: number }>(ws, `SELECT spend_by, carry_over_allowed FROM funding_stream WHERE reference = 'VRU-2019'`);
    expect(vru).toEqual({ spend_by: '2020-03-31', carry_over_allowed: 0 });
    const budget = await one<{ total: number }>(
      ws,
      `SELECT sum(b.allocated_pence) AS total FROM budget_line b JOIN funding_stream s ON s.id = b.stream_id WHERE s.reference = 'VRU-2019' AND b.financial_year = '2019/20'`,
    );
    expect(budget.total).toBe(116_000_000);

    const cap = (await one<{ award_cap_pence: number }>(ws, `SELECT award_cap_pence FROM funding_stream WHERE reference = 'VRF'`)).award_cap_pence;
    expect(cap).toBe(3_500_000);

    const awards = await rows<{ name: string; pence: number }>(
      ws,
      `SELECT o.name, sum(y.amount_pence) AS pence
         FROM award a JOIN organisation o ON o.id = a.organisation_id JOIN award_year y ON y.award_id = a.id
         JOIN funding_stream s ON s.id = a.stream_id
        WHERE s.reference = 'VRF' GROUP BY a.id, o.name ORDER BY a.id`,
    );
    expect(Object.fromEntries(awards.map((a) => [a.name, a.pence]))).toEqual({
      'Kent Police': 3_681_400,
      'Rising Sun & Choices': 3_500_000,
      'Kent CrimeStoppers': 3_500_000,
      'Uprising Youth and Community': 3_200_000,
      'Reform Restore Respect': 500_000,
      'The Forward Trust': 3_412_500,
    });
    // As printed in seed 000: the Kent Police award is above the cap, and is kept so the rules can flag it.
    expect(awards.filter((a) => a.pence > cap).map((a) => a.name)).toEqual(['Kent Police']);
  });

  it('holds the three Home Office success measures with no invented values', async () => {
    const ws = await demoWorkspace();
    const measures = await rows<{ code: string; polarity: string; frequency: string; data_source: string }>(
      ws,
      `SELECT i.code, i.polarity, i.frequency, i.data_source FROM indicator i JOIN framework_theme t ON t.id = i.theme_id WHERE t.kind = 'home_office' ORDER BY i.code`,
    );
    expect(measures.map((m) => [m.code, m.frequency])).toEqual([
      ['HO-1', 'monthly'],
      ['HO-2', 'monthly'],
      ['HO-3', 'annual'],
    ]);
    expect(measures.every((m) => m.polarity === 'lower_is_better')).toBe(true);
    expect(measures[2]!.data_source).toBe('Home Office Homicide Index');
    expect((await one<{ n: number }>(ws, 'SELECT count(*) AS n FROM indicator_value')).n).toBe(0);
    // The only spend is the Early Intervention Youth Fund's (for its Q3 claim), and every row of it says it is illustrative.
    const spend = await rows<{ reference: string; source: string }>(ws, 'SELECT f.reference, s.source FROM spend s JOIN budget_line b ON b.id = s.budget_line_id JOIN funding_stream f ON f.id = b.stream_id');
    expect(spend.length).toBe(20);
    expect(new Set(spend.map((s) => `${s.reference}: ${s.source}`))).toEqual(new Set(['EIYF: Illustrative figures of the demonstration workspace']));
  });

  it('has a submitted, signed-off Q3 claim on the Early Intervention Youth Fund that agrees with the quarter’s spend, its dates on the return’s cover', async () => {
    const ws = await demoWorkspace();
    const stream = (await ws.call('fundingStream.list', {})).find((s) => s.reference === 'EIYF')!;
    const [claim, ...others] = await ws.call('claim.list', { streamId: stream.id });
    expect(others).toEqual([]);
    expect(claim).toMatchObject({ financialYear: '2019/20', period: 'Q3', status: 'submitted', preparedBy: 'Lucy Hammond', signedOffBy: 'Daniel Ferris', signedOffOn: '2020-01-22', submittedOn: '2020-01-24', paidOn: null });
    const p = await ws.call('funding.position', { streamId: stream.id, financialYear: '2019/20', asOfQuarter: 3 });
    // The claim is the quarter's actual spend; the budget is the allocation; the variance is the budget less the forecast to year end.
    expect(claim!.amountPence).toBe(p.totals.actualQuarterPence);
    expect(p.totals.actualQuarterPence).toBe(18_700_000);
    expect(p.totals.budgetPence).toBe(p.allocationPence);
    expect(p.allocationPence).toBe(52_757_300);
    expect(p.totals.forecastYearEndPence).toBe(52_157_300);
    expect(p.totals.variancePence).toBe(600_000);
    expect(p.costTypes.map((c) => [c.costType, c.budgetPence])).toEqual([['revenue', 50_757_300], ['capital', 2_000_000]]);

    const out = join(ws.dir, 'return.xlsx');
    await ws.call('funding.exportReturn', { streamId: stream.id, financialYear: '2019/20', quarter: 3, out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cover = wb.getWorksheet('Cover')!;
    const value = (label: string) => {
      for (let r = 3; r <= cover.rowCount; r++) {
        if (cover.getCell(r, 1).value !== label) continue;
        const v = cover.getCell(r, 2).value;
        return v && typeof v === 'object' && 'formula' in v ? v.result : v;
      }
      throw new Error(`no row labelled "${label}"`);
    };
    const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    expect(value('Claim status')).toBe('Submitted, not yet paid');
    expect(iso(value('Date prepared'))).toBe('2020-01-14');
    expect(iso(value('Date signed off'))).toBe('2020-01-22');
    expect(iso(value('Date submitted'))).toBe('2020-01-24');
    // In the order they happen: prepared, signed off, submitted, paid.
    const labels = Array.from({ length: cover.rowCount }, (_, i) => cover.getCell(i + 1, 1).value).filter((v) => typeof v === 'string' && /^Date (prepared|signed off|submitted|paid)$/.test(v));
    expect(labels).toEqual(['Date prepared', 'Date signed off', 'Date submitted', 'Date paid']);
    expect(value('Signed off by (Chief Finance Officer)')).toBe('Daniel Ferris');
    expect(value('Actual spend this quarter (claimed)')).toBe(187_000);
    expect(value('Variance (budget less forecast)')).toBe(6_000);
    // Beside the figure, in the row under it, the sentence that says what it is (VARIANCE_EXPLAINED's first half).
    const noteUnder = (label: string) => {
      for (let r = 3; r <= cover.rowCount; r++) if (cover.getCell(r, 1).value === label) return { label: cover.getCell(r + 1, 1).value, note: cover.getCell(r + 1, 2).value };
      return undefined;
    };
    expect(noteUnder('Variance (budget less forecast)')).toEqual({ label: null, note: FIGURE_NOTES.varianceExplained });
    expect(noteUnder('Allocation not yet budgeted')).toEqual({ label: null, note: FIGURE_NOTES.unbudgetedExplained });
    expect(VARIANCE_EXPLAINED).toBe(`${FIGURE_NOTES.varianceExplained} ${FIGURE_NOTES.unbudgetedExplained}`);
  });

  it('has the seed 004 board paper with its eight headings in order, on the March Board’s agenda', async () => {
    const ws = await demoWorkspace();
    const sections = await sectionsOf(ws, 'SB/2020/03');
    expect(sections.map((s) => s.heading)).toEqual([
      'Introduction',
      'Essential Background',
      'Progress to date',
      'Barriers to successful implementation',
      'Timescales and costs',
      'Next Steps',
      'Decision Required',
      'Recommendation',
    ]);
    expect(sections.map((s) => s.key)).toEqual([
      'introduction',
      'essential-background',
      'progress-to-date',
      'barriers',
      'timescales-and-costs',
      'next-steps',
      'decision-required',
      'recommendation',
    ]);
    const progress = sections[2]!.body.find((b) => b.type === 'numbered');
    expect(progress).toMatchObject({ style: 'lower-roman' });
    expect(progress?.type === 'numbered' && progress.items).toHaveLength(5);

    const placed = await one<{ title: string; board: string; status: string }>(
      ws,
      `SELECT ai.title, b.code AS board, m.status FROM paper p
         JOIN agenda_item ai ON ai.id = p.agenda_item_id JOIN meeting m ON m.id = p.meeting_id JOIN board b ON b.id = m.board_id
        WHERE p.reference = 'SB/2020/03'`,
    );
    expect(placed).toEqual({ title: 'Kent Violence Reduction Unit – update', board: 'SB', status: 'planned' });

    const standing = (await rows<{ standing_kind: string | null }>(
      ws,
      `SELECT ai.standing_kind FROM agenda_item ai JOIN paper p ON p.meeting_id = ai.meeting_id WHERE p.reference = 'SB/2020/03' ORDER BY ai.position`,
    )).map((r) => r.standing_kind);
    expect(standing).toEqual(['welcome', 'declarations', 'minutes', null, 'aob', 'next_meeting']);
  });

  it('has the seed 000 panel report with its 28 numbered paragraphs in order', async () => {
    const ws = await demoWorkspace();
    const sections = await sectionsOf(ws, 'PCP/2019/09');
    expect(sections.map((s) => s.heading)).toEqual(['Introduction', 'Violence Reduction Challenge', 'National picture', 'Conclusion']);
    const paragraphs = sections.flatMap((s) => s.body).flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toHaveLength(28);
    expect(paragraphs[0]).toMatch(/^The Government's Serious Violence Strategy set out/);
    expect(paragraphs[27]).toMatch(/^As set out above/);
    // Paragraph numbers run on across sections: 3 in the Introduction, 7 in the Challenge, 15 national, 3 in the Conclusion.
    expect(sections.map((s) => s.body.filter((b) => b.type === 'paragraph').length)).toEqual([3, 7, 15, 3]);

    const header = JSON.parse((await one<{ header_json: string }>(ws, `SELECT header_json FROM paper WHERE reference = 'PCP/2019/09'`)).header_json);
    expect(header).toEqual({
      from: 'Matthew Scott, Kent Police and Crime Commissioner',
      to: 'Kent and Medway Police and Crime Panel',
      subject: 'Violence reduction - update',
      date: '2019-09-24',
    });
    const meeting = await one<{ starts_at: string; code: string }>(
      ws,
      `SELECT m.starts_at, b.code FROM paper p JOIN meeting m ON m.id = p.meeting_id JOIN board b ON b.id = m.board_id WHERE p.reference = 'PCP/2019/09'`,
    );
    expect(meeting.code).toBe('PCP');
    expect(meeting.starts_at.slice(0, 10)).toBe('2019-09-24');
  });

  it('seats the Strategic Board with its chair, a quorum rule and named substitutes', async () => {
    const ws = await demoWorkspace();
    const board = await one<{ id: number; kind: string; quorum_count: number }>(ws, `SELECT id, kind, quorum_count FROM board WHERE code = 'SB'`);
    expect(board).toMatchObject({ kind: 'board', quorum_count: 5 });
    const chair = await one<{ name: string; starts_on: string }>(
      ws,
      `SELECT p.given_name || ' ' || p.family_name AS name, m.starts_on FROM membership m JOIN person p ON p.id = m.person_id WHERE m.board_id = ? AND m.role = 'chair'`,
      board.id,
    );
    expect(chair).toEqual({ name: 'Matthew Scott', starts_on: '2019-10-01' });
    const required = (await rows<{ name: string }>(
      ws,
      `SELECT o.name FROM board_quorum_organisation q JOIN organisation o ON o.id = q.organisation_id WHERE q.board_id = ? ORDER BY o.name`,
      board.id,
    )).map((r) => r.name);
    expect(required).toEqual(['Kent Police', 'Office of the Kent Police and Crime Commissioner']);
    expect((await one<{ n: number }>(ws, 'SELECT count(*) AS n FROM membership_substitute')).n).toBeGreaterThanOrEqual(1);
    const decisions = await rows<{ reference: string; status: string }>(ws, 'SELECT reference, status FROM decision ORDER BY reference');
    expect(decisions).toContainEqual({ reference: 'SB-D-2020-001', status: 'agreed' });
    expect(decisions).toContainEqual({ reference: 'SB-D-2020-002', status: 'proposed' });
  });
});

describe('what users read of the demo and the templates', () => {
  it('carries no development notes: sources are cited as a reader knows them, not as "seed 000"', async () => {
    const ws = await demoWorkspace();
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    // Every data table (the search index is derived from them), but not the audit trail.
    const tables = dataTables().filter((name) => name !== 'audit_log');
    const text = (await Promise.all(tables.map(async (name) => JSON.stringify(await rows(ws, `SELECT * FROM ${name}`))))).join('\n');
    expect(text).toContain('the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 20');
    expect(text.match(/.{0,40}\bseeds?\b.{0,40}/gi) ?? []).toEqual([]);
    const templates = join(__dirname, '..', '..', 'templates');
    for (const folder of readdirSync(templates, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(join(templates, folder.name)).filter((f) => f.endsWith('.json'))) {
        const json = readFileSync(join(templates, folder.name, file), 'utf8');
        expect(json.match(/.{0,40}\bseeds?\b.{0,40}/gi) ?? [], `templates/${folder.name}/${file}`).toEqual([]);
      }
    }
  });
});
