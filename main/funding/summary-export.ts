import type ExcelJS from 'exceljs';
import type { FileChild } from 'docx';
import { buildDocument, dataTable, heading, Numbering, paragraph, title, writeDocx } from '../documents/docx';
import { houseStyle as hs, type ProtectiveMarking } from '../documents/house-style';
import { addDataSheet, columnLetter, newWorkbook, writeXlsx, type SheetColumn, type SheetRow } from '../documents/xlsx';
import { isoToday, type Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { formatPence } from '../shared/money';
import { plural } from '../shared/plural';
import { exportMarking, readSetting } from '../workspace/settings';
import { exported, type ExportResult } from '../documents/export-result';
import type { FundingOverview, Position, StreamYearFigures } from './contract';
import { FIGURE_LABELS, VARIANCE_EXPLAINED } from './figures';
import { fundingTable, fundingTableDocx, tableMoney } from './funding-table';
import { spendByText } from './rules';
import { loadOverview, loadPosition } from './views';

/**
 * The funding summary for the board: every stream that covers the year, its allocation,
 * spend and forecast, then each stream's table and the points the board should know (the
 * rule warnings). As .docx for the papers, or .xlsx with the same figures as data sheets.
 */

/**
 * The streams tables of the summary: first the allocation, the budget and the line
 * reconciling them; then spend against the budget. Two tables of four figures, not one of
 * seven, so every amount fits its column on a portrait page.
 */
export const OVERVIEW_TABLES = {
  budget: { caption: 'Allocation and budget', headers: ['Funding stream', FIGURE_LABELS.allocation, FIGURE_LABELS.budget, FIGURE_LABELS.unbudgeted] },
  spend: { caption: 'Spend against budget', headers: ['Funding stream', FIGURE_LABELS.budget, FIGURE_LABELS.actualToDate, FIGURE_LABELS.forecastYearEnd, FIGURE_LABELS.variance] },
} as const;

export function overviewTable(o: FundingOverview, which: keyof typeof OVERVIEW_TABLES): { rows: string[][]; total: string[] } {
  const figures = (x: StreamYearFigures) =>
    which === 'budget' ? [x.allocationPence, x.budgetedPence, x.unbudgetedPence] : [x.budgetedPence, x.actualToDatePence, x.forecastYearEndPence, x.variancePence];
  const money = tableMoney([...o.streams.flatMap(figures), ...figures(o.totals)]);
  return {
    rows: o.streams.map((s) => [s.name, ...figures(s).map(money)]),
    total: ['Total', ...figures(o.totals).map(money)],
  };
}

/**
 * "Allocation for 2019/20: £333,334, of which £177,939 is budgeted (6 funded projects) and
 * £155,395 is not yet budgeted. Spend by 31 March 2020; it cannot be carried over."
 * The allocation beside what is budgeted, so the stream's own table (which compares spend
 * with the budget) reconciles with the streams table (which compares it with the allocation).
 */
export function streamParagraph(p: Position): string {
  const fy = p.financialYear;
  const lines = p.lines.filter((l) => l.kind === 'line').length;
  const what = [lines ? plural(lines, 'budget line') : '', p.awards.length ? plural(p.awards.length, 'funded project') : '']
    .filter(Boolean)
    .join(' and ');
  const alloc = formatPence(p.allocationPence);
  const budgeted = formatPence(p.budgetedPence);
  let money: string;
  if (p.budgetedPence === 0 && what === '') money = `Allocation for ${fy}: ${alloc}. No budget lines or funded projects are recorded against it yet.`;
  else if (p.budgetedPence === 0) money = `Allocation for ${fy}: ${alloc}; nothing is budgeted against it yet (${what}, all at £0).`;
  else if (p.budgetedPence === p.allocationPence) money = `Allocation for ${fy}: ${alloc}, all of it budgeted (${what}).`;
  else if (p.budgetedPence < p.allocationPence)
    money = `Allocation for ${fy}: ${alloc}, of which ${budgeted} is budgeted (${what}) and ${formatPence(p.allocationPence - p.budgetedPence)} is not yet budgeted.`;
  else money = `Allocation for ${fy}: ${alloc}; ${budgeted} is budgeted (${what}), ${formatPence(p.budgetedPence - p.allocationPence)} above the allocation.`;
  const spendBy = spendByText(p.stream, fy);
  const by = spendBy ? ` ${FIGURE_LABELS.spendBy} ${spendBy}.` : '';
  return `${p.stream.funder}. ${money}${by}`;
}

const MONEY_WIDTH = 17;
const TIER_LABELS: Record<string, string> = { primary: 'Primary', secondary: 'Secondary', tertiary: 'Tertiary' };

/** Replaces a column's values with a same-row formula (e.g. allocation − forecast), each with its result cached. */
function formulaColumn(ws: ExcelJS.Worksheet, columns: SheetColumn[], key: string, rowCount: number, minus: [string, string], results: number[]): void {
  const col = (k: string) => columnLetter(columns.findIndex((c) => c.key === k) + 1);
  const target = columns.findIndex((c) => c.key === key) + 1;
  for (let i = 0; i < rowCount; i++) {
    const r = 3 + i;
    ws.getCell(r, target).value = { formula: `${col(minus[0])}${r}-${col(minus[1])}${r}`, result: results[i]! / 100 };
  }
}

/** A bold total row under a data sheet's records: SUM formulas (results cached) under its money columns. */
function totalRow(ws: ExcelJS.Worksheet, columns: SheetColumn[], rows: SheetRow[]): void {
  if (rows.length === 0) return;
  const t = 3 + rows.length;
  columns.forEach((c, i) => {
    const cell = ws.getCell(t, i + 1);
    cell.font = { name: hs.excel.font, size: hs.excel.sizePt, bold: true };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    if (i === 0) cell.value = 'Total';
    if (c.type !== 'pence') return;
    const letter = columnLetter(i + 1);
    const sum = rows.reduce((a, r) => a + (Number(r[c.key]) || 0), 0);
    cell.numFmt = hs.excel.moneyFormat;
    cell.value = { formula: `SUM(${letter}3:${letter}${t - 1})`, result: sum / 100 };
  });
}

function dataSheet(wb: ExcelJS.Workbook, opts: { name: string; title: string; columns: SheetColumn[]; rows: SheetRow[]; empty: string; marking: ProtectiveMarking }): ExcelJS.Worksheet {
  const ws = addDataSheet(wb, opts);
  // Money headers over their right-aligned figures.
  ws.getRow(2).eachCell((cell, col) => {
    if (opts.columns[col - 1]?.type === 'pence') cell.alignment = { ...cell.alignment, horizontal: 'right' };
  });
  if (opts.rows.length === 0) {
    const cell = ws.getCell(3, 1);
    cell.value = opts.empty;
    cell.font = { name: hs.excel.font, size: hs.excel.sizePt, italic: true };
  }
  return ws;
}

export async function exportFundingSummary(ctx: Ctx, input: { financialYear: string; format: 'docx' | 'xlsx'; out: string }): Promise<ExportResult> {
  const fy = input.financialYear;
  const overview = await loadOverview(ctx, fy);
  const organisation = await readSetting(ctx, 'organisationName') ?? '';
  const docTitle = `Funding summary ${fy}`;
  const positions = (await Promise.all(overview.streams.map((s) => loadPosition(ctx, s.streamId, fy))));
  const asAt = formatDateLong(isoToday(ctx));

  const marking = await exportMarking(ctx);
  if (input.format === 'xlsx') {
    const wb = newWorkbook({ title: `${docTitle}${organisation ? ` — ${organisation}` : ''}` });
    const streamColumns: SheetColumn[] = [
      { header: 'Reference', key: 'reference', type: 'text', width: 12 },
      { header: 'Funding stream', key: 'name', type: 'text', width: 34 },
      { header: 'Funder', key: 'funder', type: 'text', width: 30 },
      { header: FIGURE_LABELS.allocation, key: 'allocation', type: 'pence', width: MONEY_WIDTH },
      { header: FIGURE_LABELS.budget, key: 'budgeted', type: 'pence', width: MONEY_WIDTH },
      { header: FIGURE_LABELS.unbudgeted, key: 'unbudgeted', type: 'pence', width: MONEY_WIDTH },
      { header: FIGURE_LABELS.actualToDate, key: 'actual', type: 'pence', width: MONEY_WIDTH },
      { header: FIGURE_LABELS.forecastYearEnd, key: 'forecast', type: 'pence', width: MONEY_WIDTH },
      { header: FIGURE_LABELS.variance, key: 'variance', type: 'pence', width: MONEY_WIDTH },
      { header: 'Underspend at risk at the spend-by date', key: 'atRisk', type: 'pence', width: MONEY_WIDTH },
    ];
    const streamRows: SheetRow[] = overview.streams.map((s) => ({
      reference: s.reference,
      name: s.name,
      funder: s.funder,
      allocation: s.allocationPence,
      budgeted: s.budgetedPence,
      unbudgeted: s.unbudgetedPence,
      actual: s.actualToDatePence,
      forecast: s.forecastYearEndPence,
      variance: s.variancePence,
      atRisk: s.underspendAtRiskPence,
    }));
    const streamsSheet = dataSheet(wb, { name: 'Streams', title: `${docTitle}: funding streams, as at ${asAt}`, columns: streamColumns, rows: streamRows, empty: `No funding stream covers ${fy}.`, marking });
    formulaColumn(streamsSheet, streamColumns, 'unbudgeted', streamRows.length, ['allocation', 'budgeted'], overview.streams.map((s) => s.unbudgetedPence));
    formulaColumn(streamsSheet, streamColumns, 'variance', streamRows.length, ['budgeted', 'forecast'], overview.streams.map((s) => s.variancePence));
    totalRow(streamsSheet, streamColumns, streamRows);

    const headingColumns: SheetColumn[] = [
      { header: 'Funding stream', key: 'stream', type: 'text', width: 30 },
      { header: 'Heading', key: 'heading', type: 'text', width: 28 },
      { header: 'Revenue or capital', key: 'costType', type: 'text', width: 12 },
      { header: FIGURE_LABELS.budget, key: 'budget', type: 'pence', width: MONEY_WIDTH },
      { header: FIGURE_LABELS.actualToDate, key: 'actual', type: 'pence', width: MONEY_WIDTH },
      { header: FIGURE_LABELS.forecastYearEnd, key: 'forecast', type: 'pence', width: MONEY_WIDTH },
      { header: FIGURE_LABELS.variance, key: 'variance', type: 'pence', width: MONEY_WIDTH },
    ];
    const headingRows: SheetRow[] = positions.flatMap((p) =>
      p.headings.map((h) => ({
        stream: p.stream.name,
        heading: h.heading,
        costType: h.costType === 'capital' ? 'Capital' : 'Revenue',
        budget: h.budgetPence,
        actual: h.actualToDatePence,
        forecast: h.forecastYearEndPence,
        variance: h.variancePence,
      })),
    );
    const headingsSheet = dataSheet(wb, { name: 'Headings', title: `${docTitle}: budget and spend by heading`, columns: headingColumns, rows: headingRows, empty: `No budget lines or funded projects are recorded for ${fy}.`, marking });
    formulaColumn(headingsSheet, headingColumns, 'variance', headingRows.length, ['budget', 'forecast'], headingRows.map((r) => r.variance as number));
    totalRow(headingsSheet, headingColumns, headingRows);

    const awardColumns: SheetColumn[] = [
      { header: 'Funding stream', key: 'stream', type: 'text', width: 24 },
      { header: 'Organisation', key: 'organisation', type: 'text', width: 26 },
      { header: 'Project', key: 'project', type: 'text', width: 44 },
      { header: 'Tier', key: 'tier', type: 'text', width: 12 },
      { header: 'Monitoring met', key: 'monitoring', type: 'text', width: 18 },
      { header: 'Award', key: 'award', type: 'pence', width: MONEY_WIDTH },
      { header: 'Paid to date', key: 'paid', type: 'pence', width: MONEY_WIDTH },
      { header: 'Remaining (award less paid)', key: 'remaining', type: 'pence', width: MONEY_WIDTH },
    ];
    const awardRows: SheetRow[] = positions.flatMap((p) =>
      p.awards.map((a) => ({
        stream: p.stream.name,
        organisation: a.organisationName,
        project: a.project,
        tier: a.tier ? TIER_LABELS[a.tier]! : 'Not classified',
        monitoring: a.monitoringMet === null ? 'Not yet assessed' : a.monitoringMet ? 'Yes' : 'No',
        award: a.awardPence,
        paid: a.paidPence,
        remaining: a.remainingPence,
      })),
    );
    const awardsSheet = dataSheet(wb, { name: 'Funded projects', title: `${docTitle}: funded projects`, columns: awardColumns, rows: awardRows, empty: `No funded projects are recorded for ${fy}.`, marking });
    formulaColumn(awardsSheet, awardColumns, 'remaining', awardRows.length, ['award', 'paid'], awardRows.map((r) => r.remaining as number));
    totalRow(awardsSheet, awardColumns, awardRows);

    dataSheet(wb, {
      name: 'Points to note',
      title: `${docTitle}: points to note`,
      columns: [
        { header: 'Funding stream', key: 'stream', type: 'text', width: 30 },
        { header: 'Point', key: 'message', type: 'text', width: 90 },
      ],
      rows: positions.flatMap((p) => p.warnings.map((w) => ({ stream: p.stream.name, message: `${w.message}.` }))),
      empty: 'Nothing to note.',
      marking,
    });
    return exported(await writeXlsx(input.out, wb));
  }

  const numbering = new Numbering();
  const body: FileChild[] = [
    title(docTitle),
    paragraph(
      `${organisation ? `${organisation}. ` : ''}The funding streams covering ${fy}, from the funding records as at ${asAt}: each stream's allocation and budget for the year, actual spend to date and the forecast to the year end. ${VARIANCE_EXPLAINED}`,
    ),
    heading('Funding streams', 1),
  ];
  for (const which of ['budget', 'spend'] as const) {
    const { caption, headers } = OVERVIEW_TABLES[which];
    const t = overviewTable(overview, which);
    // A stream's name may wrap; an amount ("£2,592,479.70") must not, so the figures get the width.
    const nameWidth = headers.length > 4 ? 20 : 28;
    const figureWidth = (100 - nameWidth) / (headers.length - 1);
    body.push(
      ...dataTable(
        headers.map((header, i) => ({ header, align: i === 0 ? 'left' : 'right', width: i === 0 ? nameWidth : figureWidth })),
        [...t.rows, t.total.map((text) => ({ text, bold: true }))],
        { caption: `${caption} ${fy}` },
      ),
    );
  }
  for (const p of positions) {
    body.push(heading(p.stream.name, 2), paragraph(streamParagraph(p), { keepNext: true }));
    // A stream with nothing budgeted has no table: the paragraph above says so.
    const table = fundingTable(p);
    if (table.rows.length > 0) body.push(...fundingTableDocx(table));
    if (p.warnings.length > 0) {
      // The lead-in keeps with the list, and a short list keeps together, so no point is left alone over a page break.
      body.push(paragraph('Points for the Board:', { bold: true, keepNext: true }), ...numbering.bullets(p.warnings.map((w) => w.message + '.'), 0, { keepTogether: true }));
    }
  }
  if (overview.streams.length === 0) body.push(paragraph(`No funding stream covers ${fy}.`));
  const doc = buildDocument(
    { title: docTitle, subject: `Funding streams, budgets and spend ${fy}`, marking, headerText: organisation || undefined, headerDate: asAt },
    [body],
  );
  return exported(await writeDocx(input.out, doc));
}
