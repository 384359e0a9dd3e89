import type { FileChild } from 'docx';
import { dataTable, paragraph } from '../documents/docx';
import { isIsoDate } from '../shared/financial-year';
import { isoToday, type Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { DomainError } from '../shared/errors';
import type { ScorecardRow } from './contract';
import { measuredText, ragCell } from './report-docx';
import { themes } from './repository';
import { buildScorecard } from './scorecard-load';

/**
 * The live performance table a paper can place: the scorecard read from the workspace when
 * the paper is exported, so a paper never disagrees with the framework. The same shape as the
 * papers area's LiveTable (caption, columns, rows of text, source); performanceTableDocx
 * writes it with the status cells in their colours.
 * Params (text, as a paper block stores them): asAt "2020-03-31" (default today), themeId.
 */
export interface PerformanceTable {
  caption: string;
  columns: { header: string; align?: 'left' | 'right' }[];
  rows: string[][];
  source: string;
  /** The scorecard rows behind the text, for the Word version's colours. */
  scorecard: ScorecardRow[];
}

export async function performanceTable(ctx: Ctx, params: Record<string, string> = {}): Promise<PerformanceTable> {
  const asAt = params.asAt ?? isoToday(ctx);
  if (!isIsoDate(asAt)) throw new DomainError('performanceTable.asAt', `As-at date "${asAt}" must be a date written YYYY-MM-DD`, 'asAt');
  let themeId: number | null = null;
  let themeName = '';
  if (params.themeId) {
    const theme = /^\d+$/.test(params.themeId) ? await themes.get(ctx, Number(params.themeId)) : undefined;
    if (!theme) throw new DomainError('performanceTable.theme', `There is no framework theme with id ${params.themeId}`, 'themeId');
    themeId = theme.id;
    themeName = theme.name;
  }
  const card = await buildScorecard(ctx, asAt, themeId);
  return {
    caption: `Performance ${themeName ? `(${themeName}) ` : ''}as at ${formatDateLong(asAt)}`,
    columns: [{ header: 'Indicator' }, { header: 'Latest' }, { header: 'Target' }, { header: 'Status' }, { header: 'Trend on a year before' }],
    rows: card.rows.map((r) => [`${r.code} ${r.name}`, measuredText(r), r.target?.text ?? 'No target set', r.rag.rule, r.trendYear?.text ?? 'No value a year before']),
    source: 'Performance framework: latest values recorded by the as-at date; status against target with the theme’s amber tolerance.',
    scorecard: card.rows,
  };
}

/** The table as Word blocks: caption, header row repeated on each page, status cells coloured. */
export function performanceTableDocx(table: PerformanceTable): FileChild[] {
  if (!table.scorecard.length) return [paragraph(`${table.caption}: the performance framework has no indicators yet.`)];
  return [
    ...dataTable(
      [
        { header: 'Indicator', width: 24 },
        { header: 'Latest', width: 17 },
        { header: 'Target', width: 17 },
        { header: 'Status', width: 24 },
        { header: 'Trend on a year before', width: 18 },
      ],
      table.scorecard.map((r, i) => [[{ text: r.code, bold: true }, ` ${r.name}`], table.rows[i]![1]!, table.rows[i]![2]!, ragCell(r), table.rows[i]![4]!]),
      { caption: table.caption },
    ),
    paragraph(table.source, { small: true, muted: true }),
  ];
}
