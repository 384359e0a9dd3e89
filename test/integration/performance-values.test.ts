import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';
import { admissionsValues, smallFramework } from './performance-fixture';

describe('indicator values', () => {
  it('records one value per period with its provenance, and keeps revisions instead of overwriting', async () => {
    const ws = await tempWorkspace();
    const { admissions, nhs } = await smallFramework(ws);
    const first = await ws.call('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 31, note: 'From HES extract', suppliedByOrganisationId: nhs.id, receivedOn: '2019-06-10' });
    expect(first.fate).toBe('new');
    expect(first.value).toMatchObject({ period: '2019-04', periodLabel: 'April 2019', value: 31, status: 'provisional', suppliedByOrganisationName: 'NHS Kent and Medway', receivedOn: '2019-06-10' });

    const same = await ws.call('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: '31', note: 'From HES extract', suppliedByOrganisationId: nhs.id, receivedOn: '2019-07-01' });
    expect(same.fate).toBe('unchanged');

    const revised = await ws.call('indicatorValue.record', { indicatorId: admissions.id, period: 'Apr 2019', value: 33, status: 'final', suppliedByOrganisationId: nhs.id, receivedOn: '2019-09-02' });
    expect(revised.fate).toBe('changed');
    expect(revised.value.revisions.map((r) => [r.value, r.status, r.supersededById])).toEqual([[31, 'provisional', revised.value.id]]);

    const list = await ws.call('indicatorValue.list', { indicatorId: admissions.id });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ value: 33, status: 'final', supersededById: null });
    // Both rows are in the file: the old one untouched but for its pointer.
    const rows = await ws.query('SELECT value, superseded_by_id FROM indicator_value ORDER BY id');
    expect(rows).toEqual([{ value: 31, superseded_by_id: revised.value.id }, { value: 33, superseded_by_id: null }]);
  });

  it('refuses a period that does not fit the frequency, a non-number and a percentage over 100, naming the field', async () => {
    const ws = await tempWorkspace();
    const { admissions, referrals } = await smallFramework(ws);
    expect(await ws.fails('indicatorValue.record', { indicatorId: referrals.id, period: '2019-04', value: 40 })).toEqual({
      code: 'indicatorValue.period',
      field: 'period',
      message: 'Period 2019-04 is a month, but this indicator is reported quarterly: write it like 2019/20 Q1',
    });
    expect(await ws.fails('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 'n/a' })).toMatchObject({ field: 'value', message: 'Value "n/a" is not a number' });
    expect(await ws.fails('indicatorValue.record', { indicatorId: referrals.id, period: '2019/20 Q1', value: 101 })).toMatchObject({
      field: 'value',
      message: 'Value 101% is above 100; a percentage must be between 0 and 100',
    });
    expect(await ws.fails('indicatorValue.record', { indicatorId: admissions.id, period: '2020-05', value: 3 })).toMatchObject({ field: 'period', message: 'Period May 2020 has not started yet' });
    expect(await ws.fails('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 3, suppliedByOrganisationId: 77 })).toMatchObject({ field: 'suppliedByOrganisationId' });
    expect(await ws.query('SELECT count(*) AS n FROM indicator_value')).toEqual([{ n: 0 }]);
  });

  it('saves a grid of values all or nothing, naming every bad row', async () => {
    const ws = await tempWorkspace();
    const { admissions } = await smallFramework(ws);
    const err = await ws.fails('indicatorValue.recordMany', {
      indicatorId: admissions.id,
      rows: [
        { period: '2019-04', value: '30' },
        { period: '2019-05', value: 'thirty' },
        { period: '2019-06', value: '-2' },
        { period: '2019-04', value: '31' },
      ],
    });
    expect(err.code).toBe('indicatorValue.invalidRows');
    expect(err.field).toBe('rows.1.value');
    expect(err.message).toBe('Nothing was saved. Row 2: Value "thirty" is not a number (and 2 more problems).');
    expect(err.problems).toEqual([
      { path: 'rows.1.value', message: 'Value "thirty" is not a number' },
      { path: 'rows.2.value', message: 'Value -2 is negative; a count cannot be' },
      { path: 'rows.3.period', message: 'April 2019 is entered twice (rows 1 and 4); keep one' },
    ]);
    expect(await ws.query('SELECT count(*) AS n FROM indicator_value')).toEqual([{ n: 0 }]);

    expect(await admissionsValues(ws, admissions.id)).toEqual({ new: 24, changed: 0, unchanged: 0 });
    expect(await admissionsValues(ws, admissions.id)).toEqual({ new: 0, changed: 0, unchanged: 24 });
  });

  it('every write is in the audit trail', async () => {
    const ws = await tempWorkspace();
    const { admissions } = await smallFramework(ws);
    await ws.call('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 31 });
    await ws.call('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 32 });
    const audit = await ws.call('audit.list', { entity: 'indicator_value' });
    expect(audit.map((a) => [a.action, a.operation])).toEqual([
      ['update', 'indicatorValue.record'],
      ['create', 'indicatorValue.record'],
      ['update', 'indicatorValue.record'],
      ['create', 'indicatorValue.record'],
    ]);
  });
});

describe('scorecard, exceptions and detail', () => {
  it('reads only recent years for the scorecard, but still finds an indicator whose last value is old', async () => {
    const ws = await tempWorkspace();
    const { referrals } = await smallFramework(ws);
    await ws.call('indicatorValue.recordMany', {
      indicatorId: referrals.id,
      rows: [
        { period: '2011/12 Q4', value: 58 },
        { period: '2012/13 Q4', value: 62 },
      ],
    });
    const [, loc2] = (await ws.call('performance.scorecard', { asAt: '2020-03-31' })).rows;
    expect(loc2!.latest).toMatchObject({ period: '2012/13 Q4', value: 62 });
    expect(loc2!.rag.status).toBe('green');
    expect(loc2!.trendYear!.text).toBe('Up 4 percentage points on 2011/12 Q4 (58%): improving');
  });


  it('shows latest value, target, RAG with its rule, trends and a sparkline', async () => {
    const ws = await tempWorkspace();
    const { admissions, referrals } = await smallFramework(ws);
    await admissionsValues(ws, admissions.id);
    await ws.call('indicatorValue.recordMany', {
      indicatorId: referrals.id,
      rows: [
        { period: '2018/19 Q4', value: 50, note: '' },
        { period: '2019/20 Q4', value: '48%', note: 'Two youth workers vacant since January' },
      ],
    });
    const card = await ws.call('performance.scorecard', { asAt: '2020-03-31' });
    expect(card.counts).toEqual({ green: 0, amber: 1, red: 1, not_rated: 0 });
    const [ho1, loc2] = card.rows;
    expect(ho1).toMatchObject({
      code: 'HO-1',
      latest: { period: '2020-03', label: 'March 2020', value: 33, valueText: '33', status: 'provisional' },
      measured: { value: 396, valueText: '396', label: 'Rolling 12-month total, April 2019 to March 2020' },
      target: { value: 378, valueText: '378' },
      rag: { status: 'amber', label: 'Amber', rule: 'Amber: 396 is above the target of 378 but within the 5% tolerance, up to 396.9 (lower is better)' },
      exception: false,
    });
    expect(ho1!.trendYear).toMatchObject({ direction: 'down', judgement: 'improving' });
    expect(ho1!.sparkline.values).toHaveLength(24);
    expect(ho1!.sparkline.periods[0]).toBe('2018-04');
    expect(loc2).toMatchObject({ rag: { status: 'red' }, exception: true });

    const exceptions = await ws.call('performance.exceptions', { asAt: '2020-03-31' });
    expect(exceptions.rows.map((r) => r.code)).toEqual(['LOC-2']);
    expect(exceptions.rows[0]!.latest!.note).toBe('Two youth workers vacant since January');

    const detail = await ws.call('performance.detail', { indicatorId: admissions.id, asAt: '2020-03-31' });
    expect(detail.points).toHaveLength(24);
    expect(detail.points[11]).toMatchObject({ period: '2019-03', rolling: 420 });
    expect(detail.points[0]!.rolling).toBeNull();
    expect(detail.chart).toMatchObject({ seriesLabel: 'Rolling 12-month total', target: 378, baseline: 420, targetLabel: 'Target 378', baselineLabel: 'Baseline 420 (2018/19)' });
    expect(detail.chart.points.filter((p) => p.value !== null)).toHaveLength(13);
    expect(detail.chart.description).toMatch(/^Line chart of Hospital \(A&E\) admissions .* \(rolling 12-month total, by month\); from March 2019 to March 2020, 13 values; lowest 396 \(March 2020\), highest 420 \(March 2019\)/);
  });
});
