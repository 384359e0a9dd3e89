import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';
import { smallFramework } from './performance-fixture';

describe('the performance framework: themes and indicators', () => {
  it('keeps themes in order with their amber tolerance, and indicators with their resolved targets', async () => {
    const ws = await tempWorkspace();
    const { ho, admissions, referrals } = await smallFramework(ws);
    expect(ho).toMatchObject({ position: 1, ragAmberTolerancePercent: 5, indicatorCount: 0 });
    expect((await ws.call('frameworkTheme.list')).map((t) => [t.name, t.indicatorCount])).toEqual([
      ['Home Office success measures', 1],
      ['Local priorities', 1],
    ]);
    expect(admissions.target).toEqual({ value: 378, text: '378 by 31 March 2021 (10% below the 2018/19 baseline of 420)' });
    expect(admissions.ownerOrganisationName).toBe('NHS Kent and Medway');
    expect(referrals.target!.text).toBe('60% by 31 March 2021');
    expect((await ws.call('indicator.list')).map((i) => i.code)).toEqual(['HO-1', 'LOC-2']);
  });

  it('refuses a target with no baseline, naming the baseline field', async () => {
    const ws = await tempWorkspace();
    const { ho } = await smallFramework(ws);
    const err = await ws.fails('indicator.create', {
      themeId: ho.id, code: 'HO-2', name: 'Knife assaults', unit: 'count', polarity: 'lower_is_better', frequency: 'monthly',
      targetKind: 'absolute', targetValue: 100, targetBy: '2021-03-31',
    });
    expect(err).toMatchObject({ code: 'indicator.targetWithoutBaseline', field: 'baselineValue' });
    expect(err.message).toMatch(/^Baseline value is required when a target is set/);
  });

  it('names each other mistake in an indicator by its field', async () => {
    const ws = await tempWorkspace();
    const { ho } = await smallFramework(ws);
    const base = { themeId: ho.id, code: 'X-1', name: 'X', unit: 'count', polarity: 'lower_is_better', frequency: 'quarterly' } as const;
    expect(await ws.fails('indicator.create', { ...base, code: 'ho-1' })).toMatchObject({ code: 'indicator.duplicateCode', field: 'code' });
    expect(await ws.fails('indicator.create', { ...base, unit: 'furlongs' })).toMatchObject({ code: 'validation', field: 'unit' });
    expect(await ws.fails('indicator.create', { ...base, baselinePeriod: '2019-04', baselineValue: 3 })).toMatchObject({
      field: 'baselinePeriod',
      message: 'Baseline period 2019-04 is a month, but this indicator is reported quarterly: write it like 2019/20 Q1, or as a financial year such as 2018/19 to compare 12-month totals',
    });
    expect(await ws.fails('indicator.create', { ...base, baselinePeriod: '2019/20 Q1' })).toMatchObject({ field: 'baselineValue' });
    expect(await ws.fails('indicator.create', { ...base, unit: 'percentage', baselinePeriod: '2019/20 Q1', baselineValue: 120 })).toMatchObject({
      field: 'baselineValue',
      message: 'Baseline value 120% is above 100; a percentage must be between 0 and 100',
    });
    expect(await ws.fails('indicator.create', { ...base, baselinePeriod: '2019/20 Q1', baselineValue: 40, targetKind: 'percent_change', targetValue: -10 })).toMatchObject({ field: 'targetBy' });
    expect(await ws.fails('indicator.create', { ...base, targetValue: 10 })).toMatchObject({ field: 'targetKind' });
    expect(await ws.fails('indicator.create', { ...base, themeId: 999 })).toMatchObject({ field: 'themeId' });
  });

  it('will not delete a theme that has indicators', async () => {
    const ws = await tempWorkspace();
    const { ho } = await smallFramework(ws);
    expect(await ws.fails('frameworkTheme.delete', { id: ho.id })).toMatchObject({ code: 'frameworkTheme.inUse' });
    expect(await ws.fails('frameworkTheme.create', { name: 'home office success measures' })).toMatchObject({ field: 'name' });
    expect(await ws.fails('frameworkTheme.update', { id: ho.id, ragAmberTolerancePercent: -1 })).toMatchObject({ field: 'ragAmberTolerancePercent' });
    const changed = await ws.call('frameworkTheme.update', { id: ho.id, ragAmberTolerancePercent: 2.5 });
    expect(changed.ragAmberTolerancePercent).toBe(2.5);
    // A change of name leaves the kind, order and tolerance as they were.
    const renamed = await ws.call('frameworkTheme.update', { id: ho.id, name: 'Home Office critical success factors' });
    expect(renamed).toMatchObject({ name: 'Home Office critical success factors', kind: 'home_office', position: 1, ragAmberTolerancePercent: 2.5 });
  });

  it('the demo holds the Home Office measures with no values', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const list = await ws.call('indicator.list');
    expect(list.filter((i) => i.themeName === 'Home Office success measures').map((i) => i.code)).toEqual(['HO-1', 'HO-2', 'HO-3']);
    expect(list.every((i) => i.valueCount === 0)).toBe(true);
    const card = await ws.call('performance.scorecard', { asAt: '2020-03-31' });
    expect(card.rows.every((r) => r.rag.status === 'not_rated')).toBe(true);
  });
});
