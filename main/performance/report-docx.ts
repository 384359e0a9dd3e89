import type { FileChild } from 'docx';
import { exported } from '../documents/export-result';
import { buildDocument, dataTable, heading, image, Numbering, paragraph, title, writeDocx, type CellValue } from '../documents/docx';
import { houseStyle as hs } from '../documents/house-style';
import type { Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { financialYearOf, financialYearStarting, startYearOf } from '../shared/financial-year';
import { exportMarking, readSetting } from '../workspace/settings';
import { svgsToPngs } from './chart-png';
import { chartSvg } from './chart-svg';
import type { IndicatorDetail, ReportExportResult, ScorecardRow } from './contract';
import { FREQUENCY_ADVERB, periodLabel } from './periods';
import type { RagStatus } from './rag';
import type { IndicatorRow } from './repository';
import { countByRag, indicatorDetailParts, type CurrentValue } from './scorecard';
import { loadScorecard } from './scorecard-load';
import { UNIT_LABELS, POLARITY_LABELS } from './units';

/**
 * The performance report for the board, as at a date: the scorecard (status as a word and a
 * colour, with its rule), the exceptions with the commentary recorded with their latest
 * values, then one page part per indicator with its chart (a PNG drawn without a browser,
 * with a text alternative) and its definition.
 */
const CHART = { width: 900, height: 420, widthCm: 16.5 };

/** The shading behind a status word, from the house style (templates/house-style.json ragFill). */
export function ragTint(status: RagStatus): string {
  return status === 'not_rated' ? hs.colours.ragFill.none : hs.colours.ragFill[status];
}

/** "Amber: 396 is above …" with the status word in bold, on its colour. */
export function ragCell(row: ScorecardRow): CellValue {
  const rest = row.rag.rule.slice(row.rag.rule.indexOf(':'));
  return { text: [{ text: row.rag.label, bold: true }, rest], fill: ragTint(row.rag.status) };
}

export function measuredText(row: ScorecardRow): string {
  if (row.measured) return `${row.measured.valueText} (${row.measured.label})`;
  if (row.latest) return `${row.latest.valueText} (${row.latest.label})`;
  return 'No value yet';
}

export function trendText(row: ScorecardRow): string {
  return [row.trendYear?.text, row.trendBaseline?.text].filter(Boolean).join('. ') || 'No earlier value to compare with';
}

export interface ReportParts {
  rows: ScorecardRow[];
  details: (Omit<IndicatorDetail, 'indicator'> & { row: IndicatorRow })[];
}

/** The report's charts show the current financial year and the three before it (annual: seven years). */
function chartWindow(ind: IndicatorRow, current: readonly CurrentValue[], asAt: string): CurrentValue[] {
  const startYear = startYearOf(financialYearOf(asAt)) - (ind.frequency === 'annual' ? 6 : 3);
  const from = ind.frequency === 'monthly' ? `${startYear}-04` : financialYearStarting(startYear);
  return current.filter((v) => v.period >= from);
}

export async function reportParts(ctx: Ctx, asAt: string): Promise<ReportParts> {
  const { rows, indicators: list, values: byIndicator } = await loadScorecard(ctx, asAt);
  const details = list.map((ind, i) => ({ row: ind, ...indicatorDetailParts(ind, chartWindow(ind, byIndicator.get(ind.id) ?? [], asAt), new Map(), rows[i]!, asAt) }));
  return { rows, details };
}

function scorecardSection(rows: ScorecardRow[]): FileChild[] {
  const out: FileChild[] = [heading('Scorecard', 1)];
  const byTheme = new Map<string, ScorecardRow[]>();
  for (const r of rows) byTheme.set(r.themeName, [...(byTheme.get(r.themeName) ?? []), r]);
  for (const [theme, list] of byTheme) {
    out.push(heading(theme, 2));
    out.push(
      ...dataTable(
        [
          { header: 'Indicator', width: 22 },
          { header: 'Latest', width: 16 },
          { header: 'Target', width: 16 },
          { header: 'Status and rule', width: 26 },
          { header: 'Trend on a year before', width: 20 },
        ],
        list.map((r) => [
          [{ text: r.code, bold: true }, ` ${r.name}`],
          measuredText(r),
          r.target?.text ?? 'No target set',
          ragCell(r),
          r.trendYear ? r.trendYear.text : 'No value for the same period last year',
        ]),
      ),
    );
  }
  return out;
}

function exceptionsSection(rows: ScorecardRow[], numbering: Numbering): FileChild[] {
  const out: FileChild[] = [heading('Exceptions', 1, { pageBreakBefore: true })];
  const exceptions = rows.filter((r) => r.exception);
  if (!exceptions.length) {
    out.push(paragraph('No indicator is red or worse than in the same period last year.'));
    return out;
  }
  out.push(paragraph(`${exceptions.length} indicator${exceptions.length === 1 ? ' is' : 's are'} red or worse than in the same period last year.`));
  for (const r of exceptions) {
    out.push(heading(`${r.code} ${r.name}`, 2));
    out.push(...numbering.bullets(r.exceptionReasons));
    const note = r.latest?.note.trim();
    out.push(
      paragraph(
        note
          ? [{ text: 'Commentary: ', bold: true }, `${note} (recorded with the ${r.latest!.label} value)`]
          : [{ text: 'Commentary: ', bold: true }, { text: `none was recorded with the ${r.latest ? r.latest.label + ' ' : ''}value.`, italic: true }],
      ),
    );
  }
  return out;
}

function indicatorSection(detail: ReportParts['details'][number], figure: number, png: Buffer): FileChild[] {
  const ind = detail.row;
  const r = detail.status;
  const out: FileChild[] = [heading(`${ind.code} ${ind.name}`, 2)];
  // Heading, status and chart stay on one page.
  out.push(paragraph([{ text: r.rag.label, bold: true }, r.rag.rule.slice(r.rag.rule.indexOf(':'))], { keepNext: true }));
  out.push(paragraph([{ text: 'Latest: ', bold: true }, measuredText(r)], { keepNext: true }));
  out.push(paragraph([{ text: 'Trend: ', bold: true }, trendText(r)], { keepNext: true }));
  out.push(image(png, { widthCm: CHART.widthCm, heightCm: (CHART.widthCm * CHART.height) / CHART.width, altText: detail.chart.description, name: `Figure ${figure}: ${ind.code}` }));
  out.push(paragraph(`Figure ${figure}: ${detail.chart.title} — ${detail.chart.seriesLabel.toLowerCase()}${detail.chart.targetLabel ? ', with the target' : ''}${detail.chart.baselineLabel ? ' and baseline' : ''}.`, { small: true, muted: true }));
  const facts: [string, string][] = [
    ['Definition', ind.definition || 'Not recorded'],
    ['Unit', `${UNIT_LABELS[ind.unit]}, ${POLARITY_LABELS[ind.polarity]}, reported ${FREQUENCY_ADVERB[ind.frequency]}`],
    ['Data source', ind.dataSource || 'Not recorded'],
    ['Owner', ind.ownerOrganisationName ?? 'Not recorded'],
    ['Baseline', ind.baselineValue !== null && ind.baselinePeriod ? `${detail.chart.baselineLabel?.replace(/^Baseline /, '')}` : 'None set'],
    ['Target', r.target?.text ?? 'None set'],
  ];
  for (const [label, text] of facts) out.push(paragraph([{ text: `${label}: `, bold: true }, text], { small: true }));
  return out;
}

export async function buildReport(ctx: Ctx, asAt: string): Promise<{ doc: ReturnType<typeof buildDocument>; indicators: number; charts: number }> {
  const { rows, details } = await reportParts(ctx, asAt);
  const counts = countByRag(rows);
  const organisation = await readSetting(ctx, 'organisationName') ?? '';
  const docTitle = `Performance report as at ${formatDateLong(asAt)}`;
  const numbering = new Numbering();
  const body: FileChild[] = [title(docTitle)];
  if (organisation) body.push(paragraph(organisation, { muted: true }));
  if (!rows.length) {
    body.push(paragraph('The performance framework has no indicators yet.'));
  } else {
    body.push(
      paragraph(
        `This report shows the ${rows.length} indicator${rows.length === 1 ? '' : 's'} of the performance framework as at ${formatDateLong(asAt)}: ` +
          `${counts.green} green, ${counts.amber} amber, ${counts.red} red and ${counts.not_rated} not rated.`,
      ),
    );
    body.push(
      paragraph(
        'Green means on or better than target; amber, worse than target but within the theme’s tolerance; red, beyond it. The rule is written beside every status. ' +
          'A monthly or quarterly count with a whole-year baseline is judged on its rolling 12-month total. Only periods that ended by the as-at date are counted; the latest revision of each value is used.',
        { small: true },
      ),
    );
    body.push(...scorecardSection(rows));
    body.push(...exceptionsSection(rows, numbering));
    body.push(heading('Indicators', 1, { pageBreakBefore: true }));
    const pngs = await svgsToPngs(details.map((d) => chartSvg(d.chart, CHART)));
    details.forEach((d, i) => body.push(...indicatorSection(d, i + 1, pngs[i]!)));
  }
  const doc = buildDocument(
    {
      title: docTitle,
      subject: 'Performance framework: scorecard, exceptions and indicator charts',
      author: organisation || undefined,
      description: `As at ${formatDateLong(asAt)}; latest periods ${[...new Set(rows.map((r) => r.latest?.period).filter(Boolean))].slice(0, 3).map((p) => periodLabel(p!)).join(', ')}`,
      marking: await exportMarking(ctx),
      headerText: organisation || 'Performance report',
      headerDate: formatDateLong(asAt),
    },
    [body],
  );
  return { doc, indicators: rows.length, charts: details.length };
}

export async function exportReport(ctx: Ctx, asAt: string, out: string): Promise<ReportExportResult> {
  const { doc, indicators: n, charts } = await buildReport(ctx, asAt);
  const written = await writeDocx(out, doc);
  return { ...exported(written), indicators: n, charts };
}
