import { sql } from '../db/statements';
import { exported, type ExportResult } from '../documents/export-result';
import { writeDataWorkbook, type DataSheetSpec, type DataWorkbook, type SheetRow } from '../documents/xlsx';
import type { Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { THEME_KIND_LABELS } from './contract';
import { periodEnd, periodLabel, periodRange } from './periods';
import { RAG_LABELS } from './rag';
import { exportMarking, readSetting } from '../workspace/settings';
import { buildScorecard } from './scorecard-load';
import { indicators, values } from './repository';
import { POLARITY_LABELS, UNIT_LABELS } from './units';

/**
 * The dataset as .xlsx: one row per indicator and period (the current value; how many
 * revisions it replaced), dates as dates and numbers as numbers, and a second sheet of the
 * indicators with their baselines, targets and status as at the date.
 */
export async function buildDataset(ctx: Ctx, asAt: string): Promise<DataWorkbook & { rows: number }> {
  const all = await indicators.list(ctx, null);
  const byId = new Map(all.map((i) => [i.id, i]));
  const revisionCounts = new Map<string, number>();
  for (const r of await sql<{ indicator_id: number; period: string; n: number }>(ctx, `SELECT indicator_id, period, count(*) AS n FROM indicator_value WHERE superseded_by_id IS NOT NULL GROUP BY indicator_id, period`).all()) {
    revisionCounts.set(`${r.indicator_id}|${r.period}`, r.n);
  }
  const rows: SheetRow[] = [];
  for (const v of await values.allCurrent(ctx)) {
    if (periodEnd(v.period) > asAt) continue;
    const ind = byId.get(v.indicatorId)!;
    const [start, end] = periodRange(v.period);
    rows.push({
      theme: ind.themeName,
      code: ind.code,
      indicator: ind.name,
      unit: UNIT_LABELS[ind.unit],
      frequency: ind.frequency,
      period: v.period,
      periodLabel: periodLabel(v.period),
      start,
      end,
      value: v.value,
      status: v.status,
      note: v.note,
      suppliedBy: v.suppliedByOrganisationName ?? '',
      receivedOn: v.receivedOn,
      revisions: revisionCounts.get(`${v.indicatorId}|${v.period}`) ?? 0,
    });
  }
  rows.sort((a, b) => String(a.code).localeCompare(String(b.code)) || String(a.start).localeCompare(String(b.start)));

  const { rows: card } = await buildScorecard(ctx, asAt);
  const statusOf = new Map(card.map((r) => [r.indicatorId, r]));
  const indicatorRows: SheetRow[] = all.map((ind) => {
    const r = statusOf.get(ind.id)!;
    return {
      code: ind.code,
      name: ind.name,
      theme: ind.themeName,
      themeKind: THEME_KIND_LABELS[ind.themeKind],
      definition: ind.definition,
      unit: UNIT_LABELS[ind.unit],
      polarity: POLARITY_LABELS[ind.polarity],
      frequency: ind.frequency,
      dataSource: ind.dataSource,
      owner: ind.ownerOrganisationName ?? '',
      baselinePeriod: ind.baselinePeriod ?? '',
      baselineValue: ind.baselineValue,
      targetKind: ind.targetKind === 'percent_change' ? '% change on baseline' : ind.targetKind === 'absolute' ? 'absolute' : '',
      targetSet: ind.targetValue,
      target: r.target?.value ?? null,
      targetBy: ind.targetBy,
      tolerance: ind.ragAmberTolerancePercent,
      measured: r.measured?.value ?? null,
      measuredLabel: r.measured?.label ?? '',
      rag: RAG_LABELS[r.rag.status],
      rule: r.rag.rule,
    };
  });

  const organisation = await readSetting(ctx, 'organisationName') ?? '';
  const meta = { title: `Performance dataset as at ${formatDateLong(asAt)}`, subject: 'Indicator values by period', creator: organisation || undefined };
  const marking = await exportMarking(ctx);
  const valueSheet: DataSheetSpec = {
    name: 'Values',
    title: `Indicator values by period, as at ${formatDateLong(asAt)} (current values; earlier revisions counted)`,
    columns: [
      { header: 'Theme', key: 'theme', type: 'text', width: 30 },
      { header: 'Code', key: 'code', type: 'text', width: 10 },
      { header: 'Indicator', key: 'indicator', type: 'text', width: 56 },
      { header: 'Unit', key: 'unit', type: 'text', width: 18 },
      { header: 'Frequency', key: 'frequency', type: 'text', width: 11 },
      { header: 'Period', key: 'period', type: 'text', width: 12 },
      { header: 'Period (in words)', key: 'periodLabel', type: 'text', width: 30 },
      { header: 'Period start', key: 'start', type: 'date', width: 13 },
      { header: 'Period end', key: 'end', type: 'date', width: 13 },
      { header: 'Value', key: 'value', type: 'number', width: 12 },
      { header: 'Status', key: 'status', type: 'text', width: 12 },
      { header: 'Note', key: 'note', type: 'text', width: 40 },
      { header: 'Supplied by', key: 'suppliedBy', type: 'text', width: 28 },
      { header: 'Received on', key: 'receivedOn', type: 'date', width: 13 },
      { header: 'Earlier revisions', key: 'revisions', type: 'integer', width: 10 },
    ],
    rows,
    marking,
  };
  const indicatorSheet: DataSheetSpec = {
    name: 'Indicators',
    title: `Indicators, baselines, targets and status as at ${formatDateLong(asAt)}`,
    columns: [
      { header: 'Code', key: 'code', type: 'text', width: 10 },
      { header: 'Indicator', key: 'name', type: 'text', width: 36 },
      { header: 'Theme', key: 'theme', type: 'text', width: 24 },
      { header: 'Theme kind', key: 'themeKind', type: 'text', width: 16 },
      { header: 'Definition', key: 'definition', type: 'text', width: 44 },
      { header: 'Unit', key: 'unit', type: 'text', width: 18 },
      { header: 'Polarity', key: 'polarity', type: 'text', width: 16 },
      { header: 'Frequency', key: 'frequency', type: 'text', width: 11 },
      { header: 'Data source', key: 'dataSource', type: 'text', width: 28 },
      { header: 'Owner', key: 'owner', type: 'text', width: 22 },
      { header: 'Baseline period', key: 'baselinePeriod', type: 'text', width: 12 },
      { header: 'Baseline value', key: 'baselineValue', type: 'number', width: 12 },
      { header: 'Target kind', key: 'targetKind', type: 'text', width: 18 },
      { header: 'Target as set (value or % change)', key: 'targetSet', type: 'number', width: 14 },
      { header: 'Target value', key: 'target', type: 'number', width: 12 },
      { header: 'Target date', key: 'targetBy', type: 'date', width: 13 },
      { header: 'Amber tolerance (%)', key: 'tolerance', type: 'number', width: 11 },
      { header: 'Measured value', key: 'measured', type: 'number', width: 12 },
      { header: 'Measured as', key: 'measuredLabel', type: 'text', width: 28 },
      { header: 'RAG status', key: 'rag', type: 'text', width: 11 },
      { header: 'Rule', key: 'rule', type: 'text', width: 48 },
    ],
    rows: indicatorRows,
    marking,
  };
  return { meta, sheets: [valueSheet, indicatorSheet], rows: rows.length };
}

export async function exportDataset(ctx: Ctx, asAt: string, out: string): Promise<ExportResult> {
  const { meta, sheets, rows } = await buildDataset(ctx, asAt);
  const written = await writeDataWorkbook(out, meta, sheets);
  return exported(written, { rows });
}
