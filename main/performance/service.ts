import type { z } from 'zod';
import type { HandlersFor } from '../api/handler-types';
import { organisations } from '../people/repository';
import type { Ctx } from '../shared/context';
import { DomainError, notFound, type Problem } from '../shared/errors';
import type { Indicator, IndicatorValue, performanceContract } from './contract';
import { exportDataset } from './dataset-xlsx';
import { applyImport, previewImport } from './import';
import { frequencyOfPeriod, periodLabel, periodProblem, readPeriod } from './periods';
import { exportReport } from './report-docx';
import { indicators, themes, values, type IndicatorColumns, type IndicatorRow, type ValueRow } from './repository';
import { countByRag, indicatorDetailParts, scorecardRow } from './scorecard';
import { buildScorecard } from './scorecard-load';
import { resolveTarget } from './target';
import { formatValue, valueProblem } from './units';
import { checkValue, resolveProvenance, writeValue } from './values';
import { lockValuesOf, refuseChangedValues } from './values-read-at';

type IndicatorInput = z.output<(typeof performanceContract)['indicator.create']['input']>;

async function requireTheme(ctx: Ctx, id: number) {
  const theme = await themes.get(ctx, id);
  if (!theme) throw notFound('framework_theme', id);
  return theme;
}

export async function requireIndicator(ctx: Ctx, id: number, field = 'id'): Promise<IndicatorRow> {
  const ind = await indicators.get(ctx, id);
  if (!ind) throw new DomainError('indicator.notFound', `No indicator with id ${id} exists (it may have been deleted).`, field);
  return ind;
}

async function assertUniqueThemeName(ctx: Ctx, name: string, exceptId?: number) {
  const clash = await themes.findByName(ctx, name);
  if (clash && clash.id !== exceptId) throw new DomainError('frameworkTheme.duplicateName', `A theme called "${clash.name}" already exists.`, 'name');
}

export function toIndicator(row: IndicatorRow): Indicator {
  const target = resolveTarget(row);
  const { themeKind: _k, themePosition: _p, ...rest } = row;
  return { ...rest, target: target && { value: target.value, text: target.text } };
}

/** The rules an indicator's definition must follow; each refusal names its field. */
async function checkIndicator(ctx: Ctx, input: IndicatorInput, existing?: IndicatorRow): Promise<void> {
  if (!await themes.get(ctx, input.themeId)) throw new DomainError('indicator.themeMissing', `Theme ${input.themeId} does not exist; choose one from the list.`, 'themeId');
  const clash = await indicators.findByCode(ctx, input.code);
  if (clash && clash.id !== existing?.id) throw new DomainError('indicator.duplicateCode', `Indicator ${clash.code} (${clash.name}) already has this code.`, 'code');
  if (input.ownerOrganisationId !== null && !await organisations.get(ctx, input.ownerOrganisationId)) {
    throw new DomainError('indicator.ownerMissing', `Organisation ${input.ownerOrganisationId} does not exist; choose the owner from the list.`, 'ownerOrganisationId');
  }

  const { baselinePeriod, baselineValue, targetKind, targetValue, targetBy, unit, frequency } = input;
  if (baselinePeriod !== null && baselineValue === null) throw new DomainError('indicator.baselineIncomplete', 'Baseline value is required when a baseline period is given', 'baselineValue');
  if (baselineValue !== null && baselinePeriod === null) throw new DomainError('indicator.baselineIncomplete', 'Baseline period is required when a baseline value is given (e.g. 2018/19)', 'baselinePeriod');
  if (baselinePeriod !== null) {
    const period = readPeriod(baselinePeriod);
    const yearOfCount = period !== null && frequencyOfPeriod(period) === 'annual' && unit === 'count';
    const problem = period === null ? `Baseline period "${baselinePeriod}" is not a period` : yearOfCount ? null : periodProblem(frequency, period, 'Baseline period');
    if (problem) {
      const hint = unit === 'count' && frequency !== 'annual' ? ', or as a financial year such as 2018/19 to compare 12-month totals' : '';
      throw new DomainError('indicator.baselinePeriod', problem + hint, 'baselinePeriod');
    }
    input.baselinePeriod = period;
  }
  if (baselineValue !== null) {
    const problem = valueProblem(baselineValue, unit, 'Baseline value', { fractionalCount: true });
    if (problem) throw new DomainError('indicator.baselineValue', problem, 'baselineValue');
  }
  if (existing) await checkChangeKeepsValues(ctx, existing, input);

  if (targetKind === null) {
    if (targetValue !== null || targetBy !== null) {
      throw new DomainError('indicator.targetKindMissing', 'Target kind is required when a target value or date is given: an absolute value, or a % change on the baseline', 'targetKind');
    }
    return;
  }
  if (baselineValue === null) {
    throw new DomainError('indicator.targetWithoutBaseline', 'Baseline value is required when a target is set: a target is measured against the baseline, so enter the baseline period and value first', 'baselineValue');
  }
  if (targetValue === null) throw new DomainError('indicator.targetValueMissing', `Target value is required (${targetKind === 'absolute' ? 'the value to reach' : 'the % change on the baseline, e.g. -10'})`, 'targetValue');
  if (targetBy === null) throw new DomainError('indicator.targetByMissing', 'Target date is required (the date by which the target is to be met)', 'targetBy');
  if (targetKind === 'percent_change' && targetValue <= -100) {
    throw new DomainError('indicator.targetValue', 'Target value: a change of -100% or more would take the target below zero', 'targetValue');
  }
  const resolved = resolveTarget({ ...input, targetKind, targetValue, targetBy })!;
  const problem = valueProblem(resolved.value, unit, targetKind === 'absolute' ? 'Target value' : 'Target value: the target this change gives,', { fractionalCount: true });
  if (problem) throw new DomainError('indicator.targetValue', problem, 'targetValue');
}

/** Values already recorded must still fit after a change of frequency or unit. */
async function checkChangeKeepsValues(ctx: Ctx, existing: IndicatorRow, input: IndicatorInput): Promise<void> {
  if (input.frequency !== existing.frequency && await values.countFor(ctx, existing.id) > 0) {
    throw new DomainError('indicator.frequencyInUse', `Frequency cannot change from ${existing.frequency} to ${input.frequency}: the indicator has values for ${existing.frequency} periods.`, 'frequency');
  }
  if (input.unit !== existing.unit) {
    for (const v of await values.current(ctx, existing.id)) {
      const problem = valueProblem(v.value, input.unit, `the ${periodLabel(v.period)} value`);
      if (problem) throw new DomainError('indicator.unitInUse', `Unit cannot change to ${input.unit}: ${problem}.`, 'unit');
    }
  }
}

function columnsOf(input: IndicatorInput): IndicatorColumns {
  return { ...input };
}

function toValue(row: ValueRow, unit: IndicatorRow['unit'], revisions: IndicatorValue[] = []): IndicatorValue {
  return { ...row, periodLabel: periodLabel(row.period), valueText: formatValue(row.value, unit), revisions };
}

async function listValues(ctx: Ctx, ind: IndicatorRow): Promise<IndicatorValue[]> {
  const old = new Map<string, IndicatorValue[]>();
  for (const r of await values.revisions(ctx, ind.id)) {
    const list = old.get(r.period) ?? [];
    list.push(toValue(r, ind.unit));
    old.set(r.period, list);
  }
  return (await values.current(ctx, ind.id)).map((r) => toValue(r, ind.unit, old.get(r.period) ?? []));
}

export const performanceHandlers: HandlersFor<typeof performanceContract> = {
  'frameworkTheme.list': (ctx) => themes.list(ctx),
  'frameworkTheme.create': async (ctx, input) => {
    await assertUniqueThemeName(ctx, input.name);
    const id = await themes.insert(ctx, { ...input, position: input.position ?? await themes.nextPosition(ctx) });
    return requireTheme(ctx, id);
  },
  'frameworkTheme.update': async (ctx, { id, ...patch }) => {
    await requireTheme(ctx, id);
    if (patch.name !== undefined) await assertUniqueThemeName(ctx, patch.name, id);
    await themes.update(ctx, id, { ...patch, position: patch.position ?? undefined, kind: patch.kind ?? undefined });
    return requireTheme(ctx, id);
  },
  'frameworkTheme.delete': async (ctx, { id }) => {
    const theme = await requireTheme(ctx, id);
    if (theme.indicatorCount > 0) {
      throw new DomainError('frameworkTheme.inUse', `${theme.name} cannot be deleted: ${theme.indicatorCount} indicator${theme.indicatorCount === 1 ? '' : 's'} belong to it. Move or delete them first.`, 'id');
    }
    await themes.remove(ctx, id);
    return { id };
  },

  'indicator.list': async (ctx, { themeId }) => (await indicators.list(ctx, themeId)).map(toIndicator),
  'indicator.get': async (ctx, { id }) => toIndicator(await requireIndicator(ctx, id)),
  'indicator.create': async (ctx, input) => {
    await checkIndicator(ctx, input);
    return toIndicator(await requireIndicator(ctx, await indicators.insert(ctx, columnsOf(input))));
  },
  'indicator.update': async (ctx, { id, ...input }) => {
    const existing = await requireIndicator(ctx, id);
    await checkIndicator(ctx, input, existing);
    await indicators.update(ctx, id, columnsOf(input));
    return toIndicator(await requireIndicator(ctx, id));
  },
  'indicator.delete': async (ctx, { id }) => {
    const ind = await requireIndicator(ctx, id);
    const n = await values.countFor(ctx, id);
    if (n > 0) {
      throw new DomainError('indicator.hasValues', `${ind.code} ${ind.name} cannot be deleted: it has ${n} recorded value${n === 1 ? '' : 's'} (revisions included), which would be lost.`, 'id');
    }
    await indicators.remove(ctx, id);
    return { id };
  },

  'indicatorValue.list': async (ctx, { indicatorId }) => listValues(ctx, await requireIndicator(ctx, indicatorId, 'indicatorId')),
  'indicatorValue.record': async (ctx, { indicatorId, period, value, status, note, wasValueId, ...prov }) => {
    const ind = await requireIndicator(ctx, indicatorId, 'indicatorId');
    const provenance = await resolveProvenance(ctx, prov);
    const checked = checkValue(ctx, ind, { period, value });
    if (!checked.ok) throw new DomainError(checked.field === 'period' ? 'indicatorValue.period' : 'indicatorValue.value', checked.message, checked.field);
    await lockValuesOf(ctx, [ind.id]);
    await refuseChangedValues(ctx, [{ ind, period: checked.period, value: checked.value, status, note, wasValueId }]);
    const { fate, id } = await writeValue(ctx, ind, checked.period, checked.value, status, note, provenance);
    const row = (await values.get(ctx, id))!;
    return { fate, value: (await listValues(ctx, ind)).find((v) => v.id === row.id) ?? toValue(row, ind.unit) };
  },
  'indicatorValue.recordMany': async (ctx, { indicatorId, rows, ...prov }) => {
    const ind = await requireIndicator(ctx, indicatorId, 'indicatorId');
    const provenance = await resolveProvenance(ctx, prov);
    const problems: Problem[] = [];
    const seen = new Map<string, number>();
    const checked = rows.map((r, i) => {
      const c = checkValue(ctx, ind, r);
      if (!c.ok) {
        problems.push({ path: `rows.${i}.${c.field}`, message: c.message });
        return null;
      }
      const before = seen.get(c.period);
      if (before !== undefined) {
        problems.push({ path: `rows.${i}.period`, message: `${periodLabel(c.period)} is entered twice (rows ${before + 1} and ${i + 1}); keep one` });
        return null;
      }
      seen.set(c.period, i);
      return { ...c, status: r.status, note: r.note, wasValueId: r.wasValueId };
    });
    if (problems.length > 0) {
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
      throw new DomainError('indicatorValue.invalidRows', `Nothing was saved. Row ${Number(first.path.split('.')[1]) + 1}: ${first.message}${more}.`, first.path, problems);
    }
    // One grid's saves take turns, each checked against what its sender read: all or nothing.
    await lockValuesOf(ctx, [ind.id]);
    await refuseChangedValues(ctx, checked.map((c) => ({ ind, period: c!.period, value: c!.value, status: c!.status, note: c!.note, wasValueId: c!.wasValueId })), {
      since: 'since you opened it',
      field: 'rows',
      again: 'save again',
    });
    const result = { new: 0, changed: 0, unchanged: 0 };
    for (const c of checked) {
      const { fate } = await writeValue(ctx, ind, c!.period, c!.value, c!.status, c!.note, provenance);
      result[fate]++;
    }
    return result;
  },
  'indicatorValue.importPreview': (ctx, input) => previewImport(ctx, input),
  'indicatorValue.importApply': (ctx, input) => applyImport(ctx, input),

  'performance.scorecard': (ctx, { asAt, themeId }) => buildScorecard(ctx, asAt, themeId),
  'performance.exceptions': async (ctx, { asAt }) => {
    const card = await buildScorecard(ctx, asAt);
    const rows = card.rows.filter((r) => r.exception);
    return { asAt, rows, counts: countByRag(rows) };
  },
  'performance.detail': async (ctx, { indicatorId, asAt }) => {
    const ind = await requireIndicator(ctx, indicatorId, 'indicatorId');
    const current = await values.current(ctx, ind.id);
    const row = scorecardRow(ind, current, asAt);
    return { indicator: toIndicator(ind), ...indicatorDetailParts(ind, current, await values.revisionCounts(ctx, ind.id), row, asAt) };
  },
  'performance.exportReport': (ctx, { asAt, out }) => exportReport(ctx, asAt, out),
  'performance.exportDataset': (ctx, { asAt, out }) => exportDataset(ctx, asAt, out),
};
