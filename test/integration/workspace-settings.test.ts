import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../helpers/documents';
import { dispatch } from '../../main/api/dispatch';
import type { ApiErrorShape } from '../../main/shared/errors';
import { teamMember, tempWorkspace } from '../helpers/workspace';

describe('workspace settings', () => {
  it('records the organisation name, the user name and the default protective marking, each audited', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.setSetting', { key: 'organisationName', value: 'Kent and Medway Violence Reduction Unit' });
    await ws.call('workspace.setSetting', { key: 'userName', value: 'Jo Bloggs' });
    const info = await ws.call('workspace.setSetting', { key: 'defaultProtectiveMarking', value: 'OFFICIAL-SENSITIVE' });
    expect(info.settings).toEqual({
      defaultProtectiveMarking: 'OFFICIAL-SENSITIVE',
      organisationName: 'Kent and Medway Violence Reduction Unit',
      userName: 'Jo Bloggs',
    });
    const trail = await ws.call('audit.list', { entity: 'setting' });
    expect(trail.map((e) => [e.action, e.after?.key, e.after?.value])).toEqual([
      ['create', 'defaultProtectiveMarking', 'OFFICIAL-SENSITIVE'],
      ['create', 'userName', 'Jo Bloggs'],
      ['create', 'organisationName', 'Kent and Medway Violence Reduction Unit'],
    ]);
  });

  it('changes a setting in place: one row per key, the change audited with before and after', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.setSetting', { key: 'userName', value: 'Jo Bloggs' });
    const info = await ws.call('workspace.setSetting', { key: 'userName', value: 'Jo Smith' });
    expect(info.settings.userName).toBe('Jo Smith');
    expect(await ws.query("SELECT count(*) AS n FROM setting WHERE key = 'userName'")).toEqual([{ n: 1 }]);
    const [latest] = await ws.call('audit.list', { entity: 'setting', limit: 1 });
    expect([latest!.action, latest!.before?.value, latest!.after?.value]).toEqual(['update', 'Jo Bloggs', 'Jo Smith']);
  });

  it('refuses a setting a colleague changed since it was read (`was`), naming them and when, with theirs beside yours, and writes nothing', async () => {
    const ws = await tempWorkspace({ now: () => new Date('2026-12-03T10:42:00') });
    type Answer = { ok: boolean; value?: { settings: Record<string, string> }; error?: ApiErrorShape };
    const alice = await teamMember(ws, 'alice');
    const bob = await teamMember(ws, 'bob');
    const as = (session: typeof alice) => (input: unknown) => dispatch(session, 'workspace.setSetting', input, 'screen') as Promise<Answer>;
    // Both open Settings with the organisation name never set; Alice saves first.
    const first = await as(alice)({ key: 'organisationName', value: 'Kent and Medway VRU', was: null });
    expect(first.ok, JSON.stringify(first.error)).toBe(true);
    const refused = await as(bob)({ key: 'organisationName', value: 'Kent Violence Reduction Unit', was: null });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'stale', field: 'was' });
    expect(refused.error!.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since you opened it\./);
    expect(refused.error!.stale).toMatchObject({ by: 'alice', at: '2026-12-03T10:42:00', deleted: false });
    expect(refused.error!.stale!.changes).toEqual([{ field: 'Organisation name', theirs: 'Kent and Medway VRU', yours: 'Kent Violence Reduction Unit', yoursSent: true }]);
    expect((await ws.call('workspace.info', {})).settings.organisationName).toBe('Kent and Medway VRU');
    const trail = await ws.call('audit.list', { entity: 'setting' });
    expect(trail.map((e) => e.actor)).toEqual(['alice']);
    // Her change seen, his goes in on it; a change to what it already holds is no conflict; a screen must say what it read.
    expect((await as(bob)({ key: 'organisationName', value: 'Kent Violence Reduction Unit', was: 'Kent and Medway VRU' })).ok).toBe(true);
    expect((await as(alice)({ key: 'organisationName', value: 'Kent Violence Reduction Unit', was: 'Kent and Medway VRU' })).ok).toBe(true);
    expect((await as(alice)({ key: 'userName', value: 'Alice' })).error).toMatchObject({ code: 'validation', field: 'was' });
    // A colleague's change to another setting is not a change to this one.
    expect((await as(alice)({ key: 'userName', value: 'Alice', was: null })).ok).toBe(true);
    expect((await as(bob)({ key: 'defaultProtectiveMarking', value: 'OFFICIAL-SENSITIVE', was: null })).ok).toBe(true);
    // A script may leave `was` out: the last write wins.
    expect((await ws.call('workspace.setSetting', { key: 'organisationName', value: 'KMVRU' })).settings.organisationName).toBe('KMVRU');
  });

  it('stores the marking in capitals however it is typed', async () => {
    const ws = await tempWorkspace();
    const info = await ws.call('workspace.setSetting', { key: 'defaultProtectiveMarking', value: ' official ' });
    expect(info.settings.defaultProtectiveMarking).toBe('OFFICIAL');
  });

  it('refuses a marking other than OFFICIAL or OFFICIAL-SENSITIVE, naming the setting, and stores nothing', async () => {
    const ws = await tempWorkspace();
    const error = await ws.fails('workspace.setSetting', { key: 'defaultProtectiveMarking', value: 'SECRET' });
    expect(error).toEqual({
      code: 'setting.badMarking',
      message: 'Default protective marking must be OFFICIAL or OFFICIAL-SENSITIVE, not "SECRET"',
      field: 'value',
    });
    expect((await ws.call('workspace.info')).settings).toEqual({});
  });

  it('refuses a blank value and an unknown setting', async () => {
    const ws = await tempWorkspace();
    expect((await ws.fails('workspace.setSetting', { key: 'userName', value: '   ' })).field).toBe('value');
    const unknown = await ws.fails('workspace.setSetting', { key: 'theme', value: 'dark' });
    expect(unknown.message).toBe('Setting must be one of: organisationName, defaultProtectiveMarking, userName');
  });

  it('prints the default marking and the organisation on the funding and performance exports', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo', {});
    const streams = await ws.call('fundingStream.list', {});
    const exportAll = async (tag: string) => {
      const summary = join(ws.dir, `summary-${tag}.docx`);
      const report = join(ws.dir, `report-${tag}.docx`);
      const ret = join(ws.dir, `return-${tag}.xlsx`);
      await ws.call('funding.exportSummary', { financialYear: '2019/20', format: 'docx', out: summary });
      await ws.call('performance.exportReport', { asAt: '2020-03-31', out: report });
      await ws.call('funding.exportReturn', { streamId: streams.find((s) => s.years.includes('2019/20'))!.id, financialYear: '2019/20', quarter: 4, out: ret });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(ret);
      return { summary: (await readDocx(summary)).headers.join(''), report: (await readDocx(report)).headers.join(''), returnHeader: wb.worksheets[0]!.headerFooter.oddHeader };
    };
    await ws.call('workspace.setSetting', { key: 'defaultProtectiveMarking', value: 'OFFICIAL-SENSITIVE' });
    await ws.call('workspace.setSetting', { key: 'organisationName', value: 'Kent and Medway Violence Reduction Unit' });
    const sensitive = await exportAll('sensitive');
    expect(sensitive.summary).toContain('OFFICIAL-SENSITIVE');
    expect(sensitive.summary).toContain('Kent and Medway Violence Reduction Unit');
    expect(sensitive.report).toContain('OFFICIAL-SENSITIVE');
    expect(sensitive.returnHeader).toContain('OFFICIAL-SENSITIVE');
    await ws.call('workspace.setSetting', { key: 'defaultProtectiveMarking', value: 'OFFICIAL' });
    const official = await exportAll('official');
    for (const header of [official.summary, official.report, official.returnHeader]) {
      expect(header).toContain('OFFICIAL');
      expect(header).not.toContain('OFFICIAL-SENSITIVE');
    }
  }, 60_000);
});
