import type { FileChild } from 'docx';
import { exported } from '../documents/export-result';
import { buildDocument, dataTable, heading, image, Numbering, paragraph, plainText, title, writeDocx, type CellValue, type RichText } from '../documents/docx';
import { fitColumns } from '../documents/fit-columns';
import { houseStyle as hs } from '../documents/house-style';
import type { Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { financialYearOf, financialYearStarting, startYearOf } from '../shared/financial-year';
import { exportMarking, readSetting } from '../workspace/settings';
import { svgsToPngs } from './chart-png';
import { chartSvg } from './chart-svg';
import type { IndicatorDetail, ReportExportResult, ScorecardRow } from './contract';
import { FREQUENCY_ADVERB, periodLabel } from './periods';
import { RAG_LABELS, type RagStatus } from './rag';
import type { IndicatorRow } from './repository';
import { countByRag, indicatorDetailParts, type CurrentValue } from './scorecard';
import { loadScorecard } from './scorecard-load';
import { UNIT_LABELS, POLARITY_LABELS } from './units';

/**
 * The performance report for the board, as at a date: a summary of two pages at most (counts
 * by status and theme, the exceptions named), the exceptions with the commentary recorded
 * with their latest values, then an appendix of one page per indicator (status as a word
 * with its rule, latest, trend, its chart — a PNG drawn without a browser, with a text
 * alternative — and its definition).
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

const RAG_ORDER: RagStatus[] = ['red', 'amber', 'green', 'not_rated'];

/** A code in running text with non-breaking hyphens, so "HO-1" never wraps as "HO-" / "1". */
const unbroken = (code: string) => code.replace(/-/g, '\u2011');

/**
 * The report's opening summary, two pages at most however large the framework: the counts
 * by status and theme (with the exceptions of each), then every exception named by its code
 * under its status. The detail follows in the Exceptions section, and each indicator has a
 * page of its own in the appendix. (The 35-page scorecard that opened the ten-year report
 * is the appendix now, an indicator a page.)
 */
export function summarySection(rows: ScorecardRow[], asAt: string): FileChild[] {
  const counts = countByRag(rows);
  const exceptions = rows.filter((r) => r.exception);
  const out: FileChild[] = [heading('Summary', 1)];
  out.push(
    paragraph(
      `This report shows the ${rows.length} indicator${rows.length === 1 ? '' : 's'} of the performance framework as at ${formatDateLong(asAt)}: ` +
        `${counts.green} green, ${counts.amber} amber, ${counts.red} red and ${counts.not_rated} not rated.`,
    ),
  );
  out.push(
    paragraph(
      `${exceptions.length} ${exceptions.length === 1 ? 'indicator is an exception' : 'indicators are exceptions'}: red, or worse than in the same period last year.`,
    ),
  );
  const themes = [...new Set(rows.map((r) => r.themeName))];
  const fill = (status: RagStatus, text: string): CellValue => ({ text, fill: ragTint(status) });
  const byTheme: CellValue[][] = themes.map((theme) => {
    const list = rows.filter((r) => r.themeName === theme);
    const c = countByRag(list);
    return [theme, String(c.green), String(c.amber), String(c.red), String(c.not_rated), String(list.filter((r) => r.exception).length)];
  });
  const total = (k: RagStatus) => ({ text: String(counts[k]), bold: true, fill: ragTint(k) });
  byTheme.push([{ text: 'All themes', bold: true }, total('green'), total('amber'), total('red'), total('not_rated'), { text: String(exceptions.length), bold: true }]);
  out.push(
    ...dataTable(
      // Each column as wide as its longest word ("Exceptions" printed "Exceptio" / "ns" at a fixed 14%), the theme the rest.
      fitColumns(
        [
          { header: 'Theme', weight: 1 },
          { header: 'Green', weight: 0, align: 'right' },
          { header: 'Amber', weight: 0, align: 'right' },
          { header: 'Red', weight: 0, align: 'right' },
          { header: 'Not rated', weight: 0, align: 'right' },
          { header: 'Exceptions', weight: 0, align: 'right' },
        ],
        byTheme.map((r) => r.map((c) => plainText(typeof c === 'object' && c !== null && 'text' in c && !Array.isArray(c) ? (c.text as RichText) : (c as RichText)))),
        { landscape: false, sizePt: hs.bodySizePt, register: false },
      ),
      byTheme,
      { caption: 'Indicators by status and theme' },
    ),
  );
  out.push(
    paragraph(
      'Green means on or better than target; amber, worse than target but within the theme’s tolerance; red, beyond it. ' +
        'A monthly or quarterly count with a whole-year baseline is judged on its rolling 12-month total. Only periods that ended by the as-at date are counted; the latest revision of each value is used.',
      { small: true, afterTable: true },
    ),
  );
  out.push(heading('Exceptions at a glance', 2));
  if (!exceptions.length) {
    out.push(paragraph('No indicator is red or worse than in the same period last year.'));
    return out;
  }
  const glance: CellValue[][] = RAG_ORDER.flatMap((status) => {
    const list = exceptions.filter((r) => r.rag.status === status);
    if (!list.length) return [];
    const label = status === 'red' ? 'Red' : `${RAG_LABELS[status]}, worse than a year before`;
    return [[fill(status, `${label} (${list.length})`), list.map((r) => unbroken(r.code)).join(', ')]];
  });
  out.push(...dataTable([{ header: 'Status', width: 24 }, { header: 'Indicators (by code; each is detailed under Exceptions)', width: 76 }], glance, { register: true }));
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
  // A page each: the first follows the appendix's heading.
  const out: FileChild[] = [heading(`${ind.code} ${ind.name}`, 2, { pageBreakBefore: figure > 1 })];
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
  const organisation = await readSetting(ctx, 'organisationName') ?? '';
  const docTitle = `Performance report as at ${formatDateLong(asAt)}`;
  const numbering = new Numbering();
  const body: FileChild[] = [title(docTitle)];
  if (organisation) body.push(paragraph(organisation, { muted: true }));
  if (!rows.length) {
    body.push(paragraph('The performance framework has no indicators yet.'));
  } else {
    body.push(...summarySection(rows, asAt));
    body.push(...exceptionsSection(rows, numbering));
    body.push(heading('Appendix: the indicators, a page each', 1, { pageBreakBefore: true }));
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
