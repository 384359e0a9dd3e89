import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { contract, type OpName } from '../../main/api/contract';
import { readAtFields } from '../../main/api/define';
import { sql } from '../../main/db/statements';
import { lastWriterQuery, type CellRef } from '../../main/db/versions';
import type { ApiErrorShape } from '../../main/shared/errors';
import { teamMember, tempWorkspace, type TestWorkspace } from '../helpers/workspace';

/**
 * Two people, one record (issue 14, item 2), on the engine the project runs: an edit that
 * carries the version it was read at is refused when the record has changed or gone since,
 * naming who and when, with their values beside yours; nothing is written over.
 */

const NOW = () => new Date('2026-12-03T10:42:00');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields of the answer it expects
type Answer = { ok: boolean; value?: any; error?: ApiErrorShape };

/**
 * Another person on the same workspace, calling through the dispatcher (test/helpers/workspace.ts
 * teamMember: on PostgreSQL their own login and connections, closed after the test).
 */
async function asPerson(ws: TestWorkspace, actor: string): Promise<(op: OpName, input: unknown) => Promise<Answer>> {
  const session = { ...(await teamMember(ws, actor)), now: NOW };
  return (op, input) => dispatch(session, op, input) as Promise<Answer>;
}

/**
 * Writes that change what is there without one record's `version` (cells, several records at
 * once): the field that carries what the person read, checked in the write's transaction.
 */
const READ_AS: Partial<Record<OpName, string>> = {
  'paper.updateSection': 'version',
  'attendance.set': 'was',
  'attendance.remove': 'was',
  'agenda.reorder': 'versions',
  'forwardPlan.reorder': 'versions',
  'attendance.markAllPresent': 'cells.was',
  'fundingStream.setAllocation': 'wasPence',
  'fundingStream.renameHeading': 'versions',
  'spend.setCells': 'cells.wasPence',
  'spend.importCommit': 'basis',
  'indicatorValue.record': 'wasValueId',
  'indicatorValue.recordMany': 'rows.wasValueId',
  'indicatorValue.importApply': 'basis',
  'workspace.setSetting': 'was',
  'bid.score': 'versions',
  'bid.moderate': 'version',
};

/** Writes that only add records (references allocated in the transaction), or change no record a person edits. */
const ADDS_OR_APPLIES: Partial<Record<OpName, string>> = {
  'workspace.loadDemo': 'an empty workspace only',
  'search.rebuild': 'rebuilds the index from the records',
  'agenda.addItem': 'adds',
  'agenda.pullForwardPlan': 'adds items',
  'declaration.add': 'adds (and adds a new interest to the register)',
  'interest.create': 'adds',
  'action.create': 'adds',
  'action.addUpdate': 'adds',
  'forwardPlan.add': 'adds',
  'organisation.create': 'adds',
  'person.create': 'adds',
  'board.create': 'adds',
  'membership.create': 'adds',
  'meeting.create': 'adds',
  'paper.create': 'adds',
  'agendaPack.issue': 'adds an issue of the pack',
  'decision.create': 'adds',
  'decision.proposeFromPaper': 'adds',
  'frameworkTheme.create': 'adds',
  'indicator.create': 'adds',
  'fundingStream.create': 'adds',
  'budgetLine.create': 'adds',
  'award.create': 'adds',
  'claim.create': 'adds',
  'funding.virementPropose': 'adds a proposed decision',
  'round.create': 'adds',
  'bid.create': 'adds (and a new organisation with it)',
  'bid.importCommit': 'adds bids (and new organisations); a bid already entered is left as it is',
  'bid.declareConflict': 'adds a declared conflict',
};

describe('record versions', () => {
  it('every edit of one record takes the version it was read at (a new update or delete op cannot forget it)', () => {
    const edits = (Object.keys(contract) as OpName[]).filter((name) => /\.(update|delete|remove|setStatus|setSubstitutes|updateItem|removeItem)$/.test(name) && contract[name].kind === 'write');
    expect(edits.length).toBeGreaterThan(25);
    const without = edits.filter((name) => !contract[name].versions && !(name in READ_AS));
    expect(without).toEqual([]);
  });

  it('every other write either adds records or says what it changes as it was read: none is left to "last save wins"', () => {
    const shapeOf = (name: OpName) => (contract[name].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    const unaccounted = (Object.keys(contract) as OpName[]).filter(
      (name) => contract[name].kind === 'write' && !contract[name].versions && !(name in READ_AS) && !(name in ADDS_OR_APPLIES),
    );
    expect(unaccounted).toEqual([]);
    // Each that changes what is there takes the field it names, so the screen can send what it read,
    // and a screen must send it (READ_AT_FIELDS: refused from IPC and the bridge without it).
    for (const [name, field] of Object.entries(READ_AS) as [OpName, string][]) {
      expect(readAtFields(contract[name]), `${name} requires ${field} from a screen`).toContain(field);
      const [top, nested] = field.split('.');
      const shape = shapeOf(name);
      expect(shape, `${name} takes ${top}`).toHaveProperty(top!);
      if (nested) {
        const element = (shape[top!] as { element?: { shape?: Record<string, unknown> } }).element;
        expect(element?.shape, `${name} takes ${field}`).toHaveProperty(nested);
      }
    }
  });

  it('is required from a screen and optional for a script: a screen that forgot it is refused naming the field, a script\'s last write wins', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const screen = (op: OpName, input: unknown) => dispatch(ws.session, op, input, 'screen') as Promise<Answer>;
    const person = await ws.call('person.create', { givenName: 'Sam', familyName: 'Jones', jobTitle: 'Analyst' });
    const forgot = await screen('person.update', { id: person.id, givenName: 'Sam', familyName: 'Jones', jobTitle: 'Lead analyst' });
    expect(forgot.ok).toBe(false);
    expect(forgot.error).toMatchObject({ code: 'validation', field: 'version' });
    expect(forgot.error!.message).toMatch(/did not send `version`/);
    const forgotDelete = await screen('person.delete', { id: person.id });
    expect(forgotDelete.error).toMatchObject({ code: 'validation', field: 'version' });
    // A section's version too (paper.updateSection is not an edit<R>() but takes one).
    const forgotSection = await screen('paper.updateSection', { paperId: 1, key: 'summary', body: [] });
    expect(forgotSection.error).toMatchObject({ code: 'validation', field: 'version' });
    expect(await ws.call('person.get', { id: person.id })).toMatchObject({ jobTitle: 'Analyst', version: 1 });
    const audits = await ws.query<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'person' AND entity_id = ? AND action IN ('update', 'delete')`, person.id);
    expect(Number(audits[0]!.n)).toBe(0);
    // With it, the screen's edit goes in; a script (the CLI) without one writes over whatever is there.
    const sent = await screen('person.update', { id: person.id, version: 1, givenName: 'Sam', familyName: 'Jones', jobTitle: 'Lead analyst' });
    expect(sent.ok, JSON.stringify(sent.error)).toBe(true);
    const script = await dispatch(ws.session, 'person.update', { id: person.id, givenName: 'Sam', familyName: 'Jones', jobTitle: 'Head of analysis' });
    expect(script.ok).toBe(true);
    expect(await ws.call('person.get', { id: person.id })).toMatchObject({ jobTitle: 'Head of analysis', version: 3 });
  });

  it('goes up by one with each update and is returned with the record', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const org = await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    expect(org.version).toBe(1);
    const once = await ws.call('organisation.update', { id: org.id, notes: 'a', version: 1 });
    expect(once.version).toBe(2);
    const twice = await ws.call('organisation.update', { id: org.id, notes: 'b' });
    expect(twice.version).toBe(3);
    expect((await ws.call('organisation.get', { id: org.id })).version).toBe(3);
  });

  it('refuses a stale update naming who changed it and when, with their values beside yours, and writes nothing', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const person = await ws.call('person.create', { givenName: 'Sam', familyName: 'Jones', jobTitle: 'Analyst' });
    // Both open the record at version 1; Alice saves first.
    const saved = await alice('person.update', { id: person.id, version: person.version, givenName: 'Sam', familyName: 'Jones', jobTitle: 'Senior analyst' });
    expect(saved.ok, JSON.stringify(saved.error)).toBe(true);
    const refused = await bob('person.update', { id: person.id, version: person.version, givenName: 'Sam', familyName: 'Jones', jobTitle: 'Lead analyst', phone: '01622 000000' });
    expect(refused.ok).toBe(false);
    const error = refused.error!;
    expect(error.code).toBe('stale');
    expect(error.field).toBe('version');
    expect(error.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since you opened it\./);
    expect(error.stale).toMatchObject({ by: 'alice', at: '2026-12-03T10:42:00', deleted: false, version: 2 });
    const changes = Object.fromEntries(error.stale!.changes.map((c) => [c.field, c]));
    expect(changes.jobTitle).toEqual({ field: 'jobTitle', theirs: 'Senior analyst', yours: 'Lead analyst', yoursSent: true });
    expect(changes.phone).toEqual({ field: 'phone', theirs: '', yours: '01622 000000', yoursSent: true });
    const now = await ws.call('person.get', { id: person.id });
    expect(now).toMatchObject({ jobTitle: 'Senior analyst', phone: '', version: 2 });
    const audits = await ws.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE entity = 'person' AND entity_id = ? AND action = 'update'`, person.id);
    expect(audits.map((a) => a.actor)).toEqual(['alice']);
    // On the new version Bob's change goes in.
    const again = await bob('person.update', { id: person.id, version: error.stale!.version!, givenName: 'Sam', familyName: 'Jones', jobTitle: 'Lead analyst' });
    expect(again.ok).toBe(true);
    expect(again.value.version).toBe(3);
  });

  it('lists a field only the other person changed, with yours marked as not sent', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const alice = await asPerson(ws, 'alice');
    const org = await ws.call('organisation.create', { name: 'Kent Fire', kind: 'fire' });
    await alice('organisation.update', { id: org.id, version: 1, shortName: 'KFRS' });
    const refused = await (await asPerson(ws, 'bob'))('organisation.update', { id: org.id, version: 1, notes: 'Met on Tuesday' });
    const changes = refused.error!.stale!.changes;
    expect(changes).toContainEqual({ field: 'shortName', theirs: 'KFRS', yours: null, yoursSent: false });
    expect(changes).toContainEqual({ field: 'notes', theirs: '', yours: 'Met on Tuesday', yoursSent: true });
  });

  it('refuses to delete a record changed since it was read, and an edit of one deleted since', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const org = await ws.call('organisation.create', { name: 'Medway Council', kind: 'council' });
    await alice('organisation.update', { id: org.id, version: 1, notes: 'Keep: funds two projects' });
    const del = await bob('organisation.delete', { id: org.id, version: 1 });
    expect(del.error?.code).toBe('stale');
    expect(del.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since you opened it/);
    expect((await ws.call('organisation.get', { id: org.id })).notes).toBe('Keep: funds two projects');

    expect((await alice('organisation.delete', { id: org.id, version: 2 })).ok).toBe(true);
    const edit = await bob('organisation.update', { id: org.id, version: 2, notes: 'too late' });
    expect(edit.error?.code).toBe('stale');
    expect(edit.error?.message).toMatch(/^Deleted by alice at 10:42 on 03\/12\/2026 since you opened it\./);
    expect(edit.error?.stale).toMatchObject({ by: 'alice', deleted: true, version: null });
    // A record that never existed is still just not found.
    expect((await bob('organisation.update', { id: 999999, version: 1, notes: 'x' })).error?.code).toBe('organisation.notFound');
  });

  it('without a version an edit still applies (scripts and the CLI: the last write wins)', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const org = await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    await ws.call('organisation.update', { id: org.id, notes: 'first' });
    expect((await ws.call('organisation.update', { id: org.id, notes: 'second' })).notes).toBe('second');
    expect((await ws.fails('organisation.update', { id: org.id, version: 0 })).message).toMatch(/Version must be at least 1/);
    expect((await ws.fails('organisation.update', { id: org.id, version: 'two' })).field).toBe('version');
  });

  it('checks a paper section against its own version, so two authors of different sections never collide', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const [summary] = (await ws.call('paper.list', {})).rows;
    const paper = await ws.call('paper.get', { id: summary!.id });
    const [first, second] = paper.sections.filter((s) => paper.status === 'draft' || s) as typeof paper.sections;
    if (paper.status !== 'draft') await ws.call('paper.setStatus', { id: paper.id, status: 'draft' });
    const opened = (await ws.call('paper.get', { id: paper.id })).version;
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const text = (t: string) => [{ type: 'paragraph', text: t }];
    const a = await alice('paper.updateSection', { paperId: paper.id, key: first!.key, body: text('Alice’s words'), version: first!.version });
    expect(a.ok, JSON.stringify(a.error)).toBe(true);
    expect(a.value.version).toBe(first!.version + 1);
    const b = await bob('paper.updateSection', { paperId: paper.id, key: second!.key, body: text('Bob’s words'), version: second!.version });
    expect(b.ok, JSON.stringify(b.error)).toBe(true);
    const stale = await bob('paper.updateSection', { paperId: paper.id, key: first!.key, body: text('Bob over Alice'), version: first!.version });
    expect(stale.error?.code).toBe('stale');
    expect(stale.error?.message).toMatch(/^Changed by alice at/);
    const after = await ws.call('paper.get', { id: paper.id });
    expect(JSON.stringify(after.sections.find((s) => s.key === first!.key)!.body)).toContain('Alice’s words');
    // Section saves are the sections' own changes: the paper's details saved on the version opened before them still go in.
    expect(after.version).toBe(opened);
    const details = await bob('paper.update', { id: paper.id, version: opened, title: 'Retitled by Bob' });
    expect(details.ok, JSON.stringify(details.error)).toBe(true);
  });

  it('two people saving the same action at the same moment: one is saved, the other refused, never both', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const action = await ws.call('action.create', { boardId: null, meetingId: null, agendaItemId: null, description: 'Refresh the problem profile', ownerPersonId: (await ws.call('person.create', { givenName: 'Sam', familyName: 'Jones' })).id, ownerOrganisationId: null, dueOn: '2027-01-15' });
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    for (let round = 0; round < 5; round++) {
      const current = await ws.call('action.get', { id: action.id });
      const [a, b] = await Promise.all([
        alice('action.update', { id: action.id, version: current.version, description: `Alice ${round}` }),
        bob('action.update', { id: action.id, version: current.version, description: `Bob ${round}` }),
      ]);
      const outcomes = [a, b].map((r) => (r.ok ? 'saved' : r.error!.code)).sort();
      expect(outcomes).toEqual(['saved', 'stale']);
      const winner = a.ok ? `Alice ${round}` : `Bob ${round}`;
      const after = await ws.call('action.get', { id: action.id });
      expect(after.description).toBe(winner);
      expect(after.version).toBe(current.version + 1);
    }
  });

  it('references and agenda positions allocated at the same moment never collide', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const [board] = await ws.call('board.list', {});
    const people = [await asPerson(ws, 'alice'), await asPerson(ws, 'bob'), await asPerson(ws, 'carol')];
    const made = await Promise.all(
      people.flatMap((p, i) =>
        [0, 1].map((j) =>
          p('decision.create', {
            boardId: board!.id,
            decidedBy: 'board',
            title: `Decision ${i}.${j}`,
            type: 'approve',
            text: 'The Board agreed.',
            decidedOn: '2026-11-30',
          }),
        ),
      ),
    );
    for (const r of made) expect(r.ok, JSON.stringify(r.error)).toBe(true);
    const refs = made.map((r) => r.value.decision.reference as string);
    expect(new Set(refs).size).toBe(refs.length);
    // Items added to one agenda at once take distinct positions.
    const [meeting] = (await ws.call('meeting.list', { boardId: board!.id, from: null, to: null, status: 'planned' })).rows;
    expect(meeting, 'the demo has a planned meeting').toBeDefined();
    const before = (await ws.call('meeting.get', { id: meeting!.id })).agenda.length;
    const added = await Promise.all(people.map((p, i) => p('agenda.addItem', { meetingId: meeting!.id, title: `Item from ${i}`, purpose: 'discussion', position: null })));
    for (const r of added) expect(r.ok, JSON.stringify(r.error)).toBe(true);
    const agenda = (await ws.call('meeting.get', { id: meeting!.id })).agenda;
    expect(agenda.length).toBe(before + people.length);
    expect(new Set(agenda.map((i) => i.position)).size).toBe(agenda.length);
  });

  it('refuses a spend grid save over a figure a colleague saved since the grid was loaded, all or nothing', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const stream = (await ws.call('fundingStream.list', {})).find((s) => s.reference === 'VRU-2019')!;
    const lines = await ws.call('budgetLine.list', { streamId: stream.id, financialYear: '2019/20' });
    const staff = `line:${lines.find((l) => l.heading === 'Staff')!.id}`;
    const other = `line:${lines.find((l) => l.heading !== 'Staff')!.id}`;
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const cell = (target: string, amount: string, wasPence: number | null) => ({ target, month: '2019-10', kind: 'actual', amount, wasPence });
    // Both load the grid with October empty; Alice saves first.
    expect((await alice('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [cell(staff, '£20,000', null)] })).ok).toBe(true);
    const refused = await bob('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [cell(other, '£1,000', null), cell(staff, '£25,000', null)] });
    expect(refused.error?.code).toBe('stale');
    expect(refused.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since you opened it: a figure you changed was changed by them first \(Staff, 2019-10 actual\)\./);
    expect(refused.error?.stale?.changes).toEqual([{ field: 'Staff, 2019-10 actual', theirs: '£20,000', yours: '£25,000', yoursSent: true }]);
    // Nothing of Bob's went in, not even the cell nobody else touched.
    const grid = await ws.call('spend.grid', { streamId: stream.id, financialYear: '2019/20' });
    const row = (key: string) => grid.rows.find((r) => r.key === key)!;
    expect(row(staff).actual[grid.months.indexOf('2019-10')]).toBe(2_000_000);
    expect(row(other).actual[grid.months.indexOf('2019-10')]).toBeNull();
    // On what Alice saved, Bob's save goes in; and a figure typed to what is already there is no conflict.
    expect((await bob('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [cell(other, '£1,000', null), cell(staff, '£25,000', 2_000_000)] })).ok).toBe(true);
    expect((await alice('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [cell(staff, '£25,000', null)] })).ok).toBe(true);
  });

  it('names the last writer of a cell however busy the trail is since (more than 500 rows of the same kind in between), by an indexed query', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    // Carol's busy afternoon: 600 audit rows of other cells of each kind, newer than Alice's.
    const busy = async (entity: string, row: (i: number) => Record<string, unknown>) => {
      const values = Array.from({ length: 600 }, (_, i) => `('2026-12-03T11:00:00', 'carol', 'test', 'update', '${entity}', ${900_000 + i}, '${JSON.stringify(row(i))}', '${JSON.stringify(row(i))}')`);
      await ws.query(`INSERT INTO audit_log (at, actor, operation, action, entity, entity_id, before_json, after_json) VALUES ${values.join(', ')}`);
    };

    // A spend figure Alice cleared (its row is gone: found by the cell, not the row).
    const stream = (await ws.call('fundingStream.list', {})).find((s) => s.reference === 'VRU-2019')!;
    const lines = await ws.call('budgetLine.list', { streamId: stream.id, financialYear: '2019/20' });
    const staff = lines.find((l) => l.heading === 'Staff')!.id;
    const cell = (amount: string, wasPence: number | null) => ({ target: `line:${staff}`, month: '2019-10', kind: 'actual', amount, wasPence });
    expect((await alice('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [cell('£20,000', null)] })).ok).toBe(true);
    expect((await alice('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [cell('', 2_000_000)] })).ok).toBe(true);
    await busy('spend', (i) => ({ budget_line_id: staff, award_id: null, month: '2019-11', kind: 'actual', amount_pence: i }));
    const spend = await bob('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [cell('£25,000', 2_000_000)] });
    expect(spend.error?.stale?.by).toBe('alice');
    expect(spend.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026/);

    // An attendance mark Alice recorded.
    const [board] = await ws.call('board.list', {});
    const [meeting] = (await ws.call('meeting.list', { boardId: board!.id, from: null, to: null, status: 'planned' })).rows;
    const detail = await ws.call('meeting.get', { id: meeting!.id });
    const member = detail.members.find((m) => !detail.attendance.some((a) => a.personId === m.personId))!;
    expect((await alice('attendance.set', { meetingId: meeting!.id, personId: member.personId, status: 'apologies', was: null })).ok).toBe(true);
    await busy('attendance', (i) => ({ meeting_id: meeting!.id, person_id: 800_000 + i, status: 'present' }));
    const mark = await bob('attendance.set', { meetingId: meeting!.id, personId: member.personId, status: 'present', was: null });
    expect(mark.error?.stale?.by).toBe('alice');

    // A stream's allocation for a year Alice set, among 600 of the stream's other years' rows.
    const year = (await ws.call('fundingStream.get', { id: stream.id })).years[0]!;
    const was = (await ws.call('fundingStream.get', { id: stream.id })).allocations.find((a) => a.financialYear === year)?.amountPence ?? 0;
    expect((await alice('fundingStream.setAllocation', { streamId: stream.id, financialYear: year, amount: '£1,200,000', wasPence: was })).ok).toBe(true);
    const values = Array.from({ length: 600 }, (_, i) => `('2026-12-03T11:00:00', 'carol', 'test', 'create', 'stream_allocation', ${stream.id}, NULL, '${JSON.stringify({ stream_id: stream.id, financial_year: `${2100 + i}/${String((i + 1) % 100).padStart(2, '0')}`, amount_pence: i })}')`);
    await ws.query(`INSERT INTO audit_log (at, actor, operation, action, entity, entity_id, before_json, after_json) VALUES ${values.join(', ')}`);
    const allocation = await bob('fundingStream.setAllocation', { streamId: stream.id, financialYear: year, amount: '£1,100,000', wasPence: was });
    expect(allocation.error?.stale?.by).toBe('alice');

    // Each is one seek of migration 012's index of the trail by cell.
    const ctx = ws.ctx();
    const plan = async (text: string, params: unknown[]) => {
      if (ws.engine === 'postgres') {
        // One connection for the setting and the plan: planner choices on a small table are the server's; the index must be usable.
        return await ws.store.kysely.transaction().execute(async (trx) => {
          const run = (q: string, p: unknown[] = []) => sql<Record<string, unknown>>({ ...ctx, db: trx }, q).all(...p);
          await run('SET LOCAL enable_seqscan = off');
          return (await run(`EXPLAIN ${text}`, params)).map((r) => String(Object.values(r)[0])).join('\n');
        });
      }
      return (await sql<{ detail: string }>(ctx, `EXPLAIN QUERY PLAN ${text}`).all(...params)).map((r) => r.detail).join('\n');
    };
    const query = (cell: CellRef) => lastWriterQuery(ctx, cell);
    const attendanceCell = query({ entity: 'attendance', key: { meeting_id: meeting!.id, person_id: member.personId } });
    expect(await plan(attendanceCell.text, attendanceCell.params)).toContain('audit_attendance_cell');
    const spendCell = query({ entity: 'spend', key: { budget_line_id: staff, award_id: null, month: '2019-10', kind: 'actual' } });
    expect(await plan(spendCell.text, spendCell.params)).toContain('audit_spend_cell');
    const allocationCell = query({ entity: 'stream_allocation', entityId: stream.id, key: { financial_year: year } });
    expect(await plan(allocationCell.text, allocationCell.params)).toContain('audit_allocation_cell');
  });

  it('naming a member’s substitutes is a change of the membership: a second change on the version read is refused', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const [board] = await ws.call('board.list', {});
    const [member] = await ws.call('membership.list', { boardId: board!.id, on: null });
    const people = (await ws.call('person.list', {})).filter((p) => p.id !== member!.personId);
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const first = await alice('membership.setSubstitutes', { id: member!.id, version: member!.version, personIds: [people[0]!.id] });
    expect(first.ok, JSON.stringify(first.error)).toBe(true);
    expect(first.value.version).toBe(member!.version + 1);
    const second = await bob('membership.setSubstitutes', { id: member!.id, version: member!.version, personIds: [people[1]!.id] });
    expect(second.error?.code).toBe('stale');
    expect(second.error?.message).toMatch(/^Changed by alice at/);
  });

  it('refuses an attendance mark over one a colleague recorded since the register was shown, and a clear of it', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const [board] = await ws.call('board.list', {});
    const [meeting] = (await ws.call('meeting.list', { boardId: board!.id, from: null, to: null, status: 'planned' })).rows;
    const detail = await ws.call('meeting.get', { id: meeting!.id });
    const member = detail.members.find((m) => !detail.attendance.some((a) => a.personId === m.personId))!;
    expect(member, 'a member with no mark yet').toBeDefined();
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const mark = (status: string, was: { status: string; substituteForPersonId: number | null } | null) => ({ meetingId: meeting!.id, personId: member.personId, status, substituteForPersonId: null, was });
    // Both see "not recorded"; Alice records apologies first.
    expect((await alice('attendance.set', mark('apologies', null))).ok).toBe(true);
    const refused = await bob('attendance.set', mark('present', null));
    expect(refused.error?.code).toBe('stale');
    expect(refused.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since you opened it\./);
    expect(refused.error?.stale?.changes).toEqual([{ field: `Attendance of ${member.name}`, theirs: 'Apologies', yours: 'Present', yoursSent: true }]);
    const status = async () => (await ws.call('meeting.get', { id: meeting!.id })).attendance.find((a) => a.personId === member.personId)?.status;
    expect(await status()).toBe('apologies');
    // Clearing it from the old view is refused too; the same mark as theirs is no conflict; on what she saved Bob's goes in.
    const clear = await bob('attendance.remove', { meetingId: meeting!.id, personId: member.personId, was: { status: 'absent', substituteForPersonId: null } });
    expect(clear.error?.code).toBe('stale');
    expect(await status()).toBe('apologies');
    expect((await bob('attendance.set', mark('apologies', null))).ok).toBe(true);
    expect((await bob('attendance.set', mark('present', { status: 'apologies', substituteForPersonId: null }))).ok).toBe(true);
    expect(await status()).toBe('present');
    // Without `was` (scripts) the mark is simply written.
    expect((await alice('attendance.set', { meetingId: meeting!.id, personId: member.personId, status: 'absent' })).ok).toBe(true);
    expect(await status()).toBe('absent');
  });

  it('refuses a reorder of an agenda reordered or changed since it was read, naming who', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const [board] = await ws.call('board.list', {});
    const [meeting] = (await ws.call('meeting.list', { boardId: board!.id, from: null, to: null, status: 'planned' })).rows;
    const read = (await ws.call('meeting.get', { id: meeting!.id })).agenda;
    expect(read.length).toBeGreaterThan(2);
    const versions = read.map((i) => ({ id: i.id, version: i.version }));
    const ids = read.map((i) => i.id);
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const aliceOrder = [ids[1]!, ids[0]!, ...ids.slice(2)];
    const first = await alice('agenda.reorder', { meetingId: meeting!.id, itemIds: aliceOrder, versions });
    expect(first.ok, JSON.stringify(first.error)).toBe(true);
    // Bob moves the last item up from the agenda as he read it: refused, and Alice's order stands.
    const bobOrder = [...ids.slice(0, -2), ids[ids.length - 1]!, ids[ids.length - 2]!];
    const refused = await bob('agenda.reorder', { meetingId: meeting!.id, itemIds: bobOrder, versions });
    expect(refused.error?.code).toBe('stale');
    expect(refused.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since you opened it\./);
    expect(refused.error?.stale?.changes).toContainEqual(expect.objectContaining({ field: 'position' }));
    const now = (await ws.call('meeting.get', { id: meeting!.id })).agenda;
    expect(now.map((i) => i.id)).toEqual(aliceOrder);
    // Every item of the order needs its version; on the versions read again his order goes in.
    expect((await bob('agenda.reorder', { meetingId: meeting!.id, itemIds: bobOrder, versions: versions.slice(1) })).error?.field).toBe('versions');
    const again = await bob('agenda.reorder', { meetingId: meeting!.id, itemIds: bobOrder, versions: now.map((i) => ({ id: i.id, version: i.version })) });
    expect(again.ok, JSON.stringify(again.error)).toBe(true);
    expect(again.value.agenda.map((i: { id: number }) => i.id)).toEqual(bobOrder);
  });

  it('refuses a stream allocation over one set since it was read, and a heading rename over a line changed since', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const stream = await ws.call('fundingStream.get', { id: (await ws.call('fundingStream.list', {})).find((s) => s.reference === 'VRU-2019')!.id });
    const year = stream.years[0]!;
    const was = stream.allocations.find((a) => a.financialYear === year)?.amountPence ?? 0;
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    expect((await alice('fundingStream.setAllocation', { streamId: stream.id, financialYear: year, amount: '£1,200,000', wasPence: was })).ok).toBe(true);
    const refused = await bob('fundingStream.setAllocation', { streamId: stream.id, financialYear: year, amount: '£1,100,000', wasPence: was });
    expect(refused.error?.code).toBe('stale');
    expect(refused.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since you opened it\./);
    expect(refused.error?.stale?.changes).toEqual([{ field: `Allocation for ${year}`, theirs: '£1,200,000', yours: '£1,100,000', yoursSent: true }]);
    const allocation = async () => (await ws.call('fundingStream.get', { id: stream.id })).allocations.find((a) => a.financialYear === year)!.amountPence;
    expect(await allocation()).toBe(120_000_000);
    expect((await bob('fundingStream.setAllocation', { streamId: stream.id, financialYear: year, amount: '£1,100,000', wasPence: 120_000_000 })).ok).toBe(true);
    expect(await allocation()).toBe(110_000_000);

    const lines = await ws.call('budgetLine.list', { streamId: stream.id, financialYear: year });
    const staff = lines.find((l) => l.heading === 'Staff')!;
    const read = [{ id: staff.id, version: staff.version }];
    expect((await alice('budgetLine.update', { id: staff.id, version: staff.version, costCentre: 'VRU-01' })).ok).toBe(true);
    const rename = await bob('fundingStream.renameHeading', { streamId: stream.id, from: 'Staff', to: 'People', versions: read });
    expect(rename.error?.code).toBe('stale');
    expect(rename.error?.message).toMatch(/^Changed by alice at/);
    expect((await ws.call('budgetLine.list', { streamId: stream.id, financialYear: year })).find((l) => l.id === staff.id)!.heading).toBe('Staff');
    const fresh = (await ws.call('budgetLine.list', { streamId: stream.id, financialYear: year })).find((l) => l.id === staff.id)!;
    expect((await bob('fundingStream.renameHeading', { streamId: stream.id, from: 'Staff', to: 'People', versions: [{ id: fresh.id, version: fresh.version }] })).ok).toBe(true);
  });

  it('refuses a spend import over a figure a colleague saved since its preview, naming who and which cell', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const stream = (await ws.call('fundingStream.list', {})).find((s) => s.reference === 'VRU-2019')!;
    const lines = await ws.call('budgetLine.list', { streamId: stream.id, financialYear: '2019/20' });
    const staff = lines.find((l) => l.heading === 'Staff')!;
    const media = lines.find((l) => l.heading === 'Media')!;
    const csv = ['Date,Heading,Amount', '04/10/2019,Staff,"12,500.00"', '22/10/2019,Media,4000', ''].join('\r\n');
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const read = await bob('spend.importRead', { streamId: stream.id, source: 'Ledger', fileName: 'ledger.csv', contentBase64: Buffer.from(csv).toString('base64') });
    expect(read.ok, JSON.stringify(read.error)).toBe(true);
    const mapping = { ...read.value.mapping, date: 'Date', target: 'Heading', amount: 'Amount', kind: '', defaultKind: 'actual' };
    const input = { streamId: stream.id, source: 'Ledger', mapping, table: read.value.table };
    const preview = await bob('spend.importPreview', input);
    expect(preview.ok, JSON.stringify(preview.error)).toBe(true);
    expect(preview.value.counts).toMatchObject({ new: 2, rejected: 0 });
    expect(preview.value.basis).toContainEqual({ target: `line:${staff.id}`, month: '2019-10', kind: 'actual', previousPence: null });
    // Alice saves October's Staff figure in the grid after Bob's preview.
    const cell = { target: `line:${staff.id}`, month: '2019-10', kind: 'actual', amount: '£9,000', wasPence: null };
    expect((await alice('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [cell] })).ok).toBe(true);
    const refused = await bob('spend.importCommit', { ...input, basis: preview.value.basis });
    expect(refused.error?.code).toBe('stale');
    expect(refused.error?.field).toBe('basis');
    expect(refused.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since your preview: a figure you changed was changed by them first \(Staff \(revenue, 2019\/20\), 2019-10 actual\)\./);
    expect(refused.error?.stale?.changes).toEqual([{ field: 'Staff (revenue, 2019/20), 2019-10 actual', theirs: '£9,000', yours: '£12,500', yoursSent: true }]);
    // Nothing of the file went in, not even Media's figure nobody else touched.
    const grid = await ws.call('spend.grid', { streamId: stream.id, financialYear: '2019/20' });
    const october = grid.months.indexOf('2019-10');
    expect(grid.rows.find((r) => r.budgetLineId === staff.id)!.actual[october]).toBe(900_000);
    expect(grid.rows.find((r) => r.budgetLineId === media.id)!.actual[october]).toBeNull();
    // Previewed again (it now shows Alice's figure as the one it changes), the import goes in.
    const again = await bob('spend.importPreview', input);
    expect(again.value.rows.find((r: { target: string }) => r.target === `line:${staff.id}`)).toMatchObject({ outcome: 'changed', previousPence: 900_000 });
    const done = await bob('spend.importCommit', { ...input, basis: again.value.basis });
    expect(done.ok, JSON.stringify(done.error)).toBe(true);
    expect((await ws.call('spend.grid', { streamId: stream.id, financialYear: '2019/20' })).rows.find((r) => r.budgetLineId === staff.id)!.actual[october]).toBe(1_250_000);
    // A file that is not the one previewed is refused too.
    const other = ['Date,Heading,Amount', '04/11/2019,Staff,100', ''].join('\r\n');
    const table = (await bob('spend.importRead', { streamId: stream.id, source: 'Ledger', fileName: 'ledger.csv', contentBase64: Buffer.from(other).toString('base64') })).value.table;
    expect((await bob('spend.importCommit', { ...input, table, basis: again.value.basis })).error?.code).toBe('import.notPreviewed');
  });
});
