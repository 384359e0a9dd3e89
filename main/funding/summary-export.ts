import type { FileChild } from 'docx';
import { buildDocument, dataTable, heading, Numbering, paragraph, title, writeDocx } from '../documents/docx';
import type { ProtectiveMarking } from '../documents/house-style';
import { addDataSheet, newWorkbook, writeXlsx } from '../documents/xlsx';
import type { Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { formatPence } from '../shared/money';
import type { ExportResult, FundingOverview } from './contract';
import { fundingTable, fundingTableDocx } from './funding-table';
import { settings } from './repository';
import { loadOverview, loadPosition } from './views';
import { isoToday } from '../shared/context';

/**
 * The funding summary for the board: every stream that covers the year, its allocation,
 * spend and forecast, then each stream's table and the points the board should know (the
 * rule warnings). As .docx for the papers, or .xlsx with the same figures as data sheets.
 */

function marking(ctx: Ctx): ProtectiveMarking {
  return settings.get(ctx, 'defaultProtectiveMarking') === 'OFFICIAL-SENSITIVE' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL';
}

function overviewRows(o: FundingOverview): string[][] {
  return o.streams.map((s) => [
    s.name,
    formatPence(s.allocationPence),
    formatPence(s.actualToDatePence),
    formatPence(s.forecastYearEndPence),
    formatPence(s.variancePence),
  ]);
}

export async function exportFundingSummary(ctx: Ctx, input: { financialYear: string; format: 'docx' | 'xlsx'; out: string }): Promise<ExportResult> {
  const fy = input.financialYear;
  const overview = loadOverview(ctx, fy);
  const organisation = settings.get(ctx, 'organisationName') ?? '';
  const docTitle = `Funding summary ${fy}`;
  const positions = overview.streams.map((s) => loadPosition(ctx, s.streamId, fy));

  if (input.format === 'xlsx') {
    const wb = newWorkbook({ title: `${docTitle}${organisation ? ` — ${organisation}` : ''}` });
    addDataSheet(wb, {
      name: 'Streams',
      title: `${docTitle}: funding streams`,
      columns: [
        { header: 'Reference', key: 'reference', type: 'text', width: 14 },
        { header: 'Funding stream', key: 'name', type: 'text', width: 36 },
        { header: 'Funder', key: 'funder', type: 'text', width: 28 },
        { header: 'Allocation', key: 'allocation', type: 'pence', width: 16 },
        { header: 'Budgeted', key: 'budgeted', type: 'pence', width: 16 },
        { header: 'Actual to date', key: 'actual', type: 'pence', width: 16 },
        { header: 'Forecast to year end', key: 'forecast', type: 'pence', width: 18 },
        { header: 'Variance', key: 'variance', type: 'pence', width: 16 },
        { header: 'Underspend at risk', key: 'atRisk', type: 'pence', width: 18 },
      ],
      rows: overview.streams.map((s) => ({
        reference: s.reference,
        name: s.name,
        funder: s.funder,
        allocation: s.allocationPence,
        budgeted: s.budgetedPence,
        actual: s.actualToDatePence,
        forecast: s.forecastYearEndPence,
        variance: s.variancePence,
        atRisk: s.underspendAtRiskPence,
      })),
    });
    addDataSheet(wb, {
      name: 'Headings',
      title: `${docTitle}: budget and spend by heading`,
      columns: [
        { header: 'Funding stream', key: 'stream', type: 'text', width: 30 },
        { header: 'Heading', key: 'heading', type: 'text', width: 30 },
        { header: 'Revenue or capital', key: 'costType', type: 'text', width: 16 },
        { header: 'Budget', key: 'budget', type: 'pence', width: 16 },
        { header: 'Actual to date', key: 'actual', type: 'pence', width: 16 },
        { header: 'Forecast to year end', key: 'forecast', type: 'pence', width: 18 },
        { header: 'Variance', key: 'variance', type: 'pence', width: 16 },
      ],
      rows: positions.flatMap((p) =>
        p.headings.map((h) => ({
          stream: p.stream.name,
          heading: h.heading,
          costType: h.costType === 'capital' ? 'Capital' : 'Revenue',
          budget: h.budgetPence,
          actual: h.actualToDatePence,
          forecast: h.forecastYearEndPence,
          variance: h.variancePence,
        })),
      ),
    });
    addDataSheet(wb, {
      name: 'Funded projects',
      title: `${docTitle}: funded projects`,
      columns: [
        { header: 'Funding stream', key: 'stream', type: 'text', width: 26 },
        { header: 'Organisation', key: 'organisation', type: 'text', width: 28 },
        { header: 'Project', key: 'project', type: 'text', width: 44 },
        { header: 'Tier', key: 'tier', type: 'text', width: 12 },
        { header: 'Award', key: 'award', type: 'pence', width: 14 },
        { header: 'Paid to date', key: 'paid', type: 'pence', width: 14 },
        { header: 'Monitoring met', key: 'monitoring', type: 'text', width: 16 },
      ],
      rows: positions.flatMap((p) =>
        p.awards.map((a) => ({
          stream: p.stream.name,
          organisation: a.organisationName,
          project: a.project,
          tier: a.tier ?? '',
          award: a.awardPence,
          paid: a.paidPence,
          monitoring: a.monitoringMet === null ? 'Not yet assessed' : a.monitoringMet ? 'Yes' : 'No',
        })),
      ),
    });
    addDataSheet(wb, {
      name: 'Points to note',
      title: `${docTitle}: points to note`,
      columns: [
        { header: 'Funding stream', key: 'stream', type: 'text', width: 30 },
        { header: 'Point', key: 'message', type: 'text', width: 100 },
      ],
      rows: positions.flatMap((p) => p.warnings.map((w) => ({ stream: p.stream.name, message: w.message }))),
    });
    return writeXlsx(input.out, wb);
  }

  const numbering = new Numbering();
  const body: FileChild[] = [
    title(docTitle),
    paragraph(
      `${organisation ? `${organisation}. ` : ''}Funding streams covering ${fy}: allocation, actual spend to date and forecast to the year end, from the funding records as at ${formatDateLong(isoToday(ctx))}. Variance is budget less forecast: a positive figure is an underspend.`,
    ),
    heading('Funding streams', 1),
    ...dataTable(
      [
        { header: 'Funding stream', width: 20 },
        { header: 'Allocation', align: 'right', width: 20 },
        { header: 'Actual to date', align: 'right', width: 20 },
        { header: 'Forecast to year end', align: 'right', width: 20 },
        { header: 'Variance', align: 'right', width: 20 },
      ],
      [
        ...overviewRows(overview),
        [
          { text: 'Total', bold: true },
          { text: formatPence(overview.totals.allocationPence), bold: true },
          { text: formatPence(overview.totals.actualToDatePence), bold: true },
          { text: formatPence(overview.totals.forecastYearEndPence), bold: true },
          { text: formatPence(overview.totals.variancePence), bold: true },
        ],
      ],
      { caption: `Funding streams ${fy}` },
    ),
  ];
  for (const p of positions) {
    const table = fundingTable(p);
    body.push(
      heading(p.stream.name, 2),
      paragraph(`${p.stream.funder}. Allocation for ${fy}: ${formatPence(p.allocationPence)}.${p.stream.spendBy ? ` To be spent by ${formatDateLong(p.stream.spendBy)}.` : ''}`, { keepNext: true }),
    );
    body.push(...fundingTableDocx(table));
    if (p.warnings.length > 0) {
      body.push(paragraph('Points for the Board:', { bold: true, keepNext: true }), ...numbering.bullets(p.warnings.map((w) => w.message + '.')));
    }
  }
  if (overview.streams.length === 0) body.push(paragraph(`No funding stream covers ${fy}.`));
  const doc = buildDocument(
    { title: docTitle, subject: `Funding streams, budgets and spend ${fy}`, marking: marking(ctx), headerText: organisation || undefined, headerDate: formatDateLong(isoToday(ctx)) },
    [body],
  );
  return writeDocx(input.out, doc);
}

