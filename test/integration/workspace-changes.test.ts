import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { InputOf, OpName, ResultOf } from '../../main/api/contract';
import { dispatch, type Session } from '../../main/api/dispatch';
import { openStore } from '../../main/workspace/open-store';
import { CHANGES_LIMIT } from '../../main/workspace/contract';
import { insertRow } from '../../main/db/audit';
import type { Store } from '../../main/db/store';
import { makeCtx, type Ctx } from '../../main/shared/context';
import { isOwnChange, writeNotingOwn } from '../../main/workspace/own-writes';
import { teamMember, tempWorkspace, type TestWorkspace } from '../helpers/workspace';

/**
 * Someone else on the same workspace: another app's session on its own connection to the same
 * file or database, as the command line or a colleague's laptop would be.
 */
async function otherApp(ws: TestWorkspace, actor: string) {
  // On PostgreSQL the name in the audit trail is the login, so another person is a login of their own (teamMember).
  const store = ws.engine === 'postgres' ? (await teamMember(ws, actor)).store : await openStore(ws.path, { create: false });
  const session: Session = { store, actor, now: () => new Date('2020-03-02T10:42:00'), log: (m, e) => console.error(m, e) };
  return {
    async call<K extends OpName>(name: K, input?: InputOf<K>): Promise<ResultOf<K>> {
      const env = await dispatch(session, name, input);
      if (!env.ok) throw new Error(`${name} failed: ${env.error.code}: ${env.error.message}`);
      return env.value as ResultOf<K>;
    },
    close: () => session.store.close(),
  };
}

/** The name the test's own session is recorded under: its actor on SQLite, its login on PostgreSQL. */
function me(ws: TestWorkspace): string {
  return ws.engine === 'postgres' ? decodeURIComponent(new URL(ws.path).username) : ws.session.actor;
}

async function organisationAndOwner(ws: TestWorkspace) {
  const org = await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
  const person = await ws.call('person.create', { givenName: 'Jane', familyName: 'Smith', organisationId: org.id });
  return person.id;
}

describe('workspace.changes: what others changed since the screen last asked', () => {
  it('without since answers only the newest audit id, so a new screen starts from now', async () => {
    const ws = await tempWorkspace();
    const first = await ws.call('workspace.changes', {});
    expect(first).toEqual({ opening: expect.any(String), latest: 0, changes: [], connectedAs: ws.engine === 'postgres' ? expect.objectContaining({ login: expect.any(String) }) : null });
    await organisationAndOwner(ws);
    const { latest, changes } = await ws.call('workspace.changes');
    expect(changes).toEqual([]);
    const [newest] = await ws.call('audit.list', { limit: 1 });
    expect(latest).toBe(newest!.id);
  });

  it("gives another app's changes after since, oldest first, in words, and marks this app's own", async () => {
    const ws = await tempWorkspace();
    const owner = await organisationAndOwner(ws);
    const { latest: start } = await ws.call('workspace.changes');
    const alice = await otherApp(ws, 'alice');
    try {
      const action = await alice.call('action.create', { boardId: null, meetingId: null, agendaItemId: null, description: 'Refresh the problem profile', ownerPersonId: owner, dueOn: '2020-03-20' });
      await alice.call('action.update', { id: action.id, status: 'in_progress' });
      await ws.call('action.update', { id: action.id, dueOn: '2020-03-27', dueReason: 'Waiting for the March figures' });

      const { latest, changes } = await ws.call('workspace.changes', { since: start });
      expect(changes.map((c) => [c.actor, c.action, c.entity, c.entityId, c.operation, c.own])).toEqual([
        ['alice', 'create', 'action', action.id, 'action.create', false],
        ['alice', 'update', 'action', action.id, 'action.update', false],
        [me(ws), 'update', 'action', action.id, 'action.update', true],
        // A revised due date keeps its reason in a row of its own (issue 15), part of the action.
        [me(ws), 'create', 'action_due_revision', expect.any(Number), 'action.update', true],
      ]);
      expect(changes.map((c) => c.summary)).toEqual([
        `alice created action A${action.id} ‘Refresh the problem profile’`,
        `alice updated action A${action.id} ‘Refresh the problem profile’`,
        `${me(ws)} updated action A${action.id} ‘Refresh the problem profile’`,
        `${me(ws)} revised the due date of action A${action.id}`,
      ]);
      expect(changes[0]!.at).toBe('2020-03-02T10:42:00');
      expect(latest).toBe(changes[3]!.id);
      expect(changes.map((c) => c.id)).toEqual([...changes.map((c) => c.id)].sort((a, b) => a - b));

      // Asked again from where it got to: nothing new, one lookup.
      expect(await ws.call('workspace.changes', { since: latest })).toMatchObject({ latest, changes: [] });
      // An update from the other app, named as the screens name it.
      await alice.call('action.addUpdate', { actionId: action.id, text: 'Draft shared with partners', updatedOn: '2020-03-02' });
      const next = await ws.call('workspace.changes', { since: latest });
      expect(next.changes.map((c) => [c.summary, c.partOf, c.own])).toEqual([[`alice added an update to action A${action.id}`, { entity: 'action', id: action.id }, false]]);
      expect(changes.slice(0, 3).every((c) => c.partOf === null)).toBe(true);
      expect(changes[3]!.partOf).toEqual({ entity: 'action', id: action.id });
    } finally {
      await alice.close();
    }
  });

  it('hears of a write by another process on the same file or database (as the command line would make)', async () => {
    const ws = await tempWorkspace();
    const { latest: start } = await ws.call('workspace.changes');
    const root = join(import.meta.dirname, '../..');
    const script = join(ws.dir, 'other-process.mts');
    writeFileSync(
      script,
      [
        `import { dispatch } from ${JSON.stringify(join(root, 'main/api/dispatch.ts'))};`,
        `import { openStore } from ${JSON.stringify(join(root, 'main/workspace/open-store.ts'))};`,
        `const store = await openStore(process.argv[2]!, { create: false });`,
        `const answer = await dispatch({ store, actor: 'jo.cli' }, 'organisation.create', { name: 'Kent County Council', kind: 'council' });`,
        `await store.close();`,
        `if (!answer.ok) throw new Error(answer.error.message);`,
      ].join('\n'),
    );
    await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [script, ws.path], { cwd: root, timeout: 60_000 });
    const { changes } = await ws.call('workspace.changes', { since: start });
    // On PostgreSQL the audit names the login the other process connected as (here the test's own).
    const who = ws.engine === 'postgres' ? me(ws) : 'jo.cli';
    expect(changes.map((c) => [c.summary, c.own])).toEqual([[`${who} created organisation ‘Kent County Council’`, false]]);
  });

  it('counts the same person working from another laptop (or the command line) as someone else', async () => {
    const ws = await tempWorkspace();
    const { latest: start } = await ws.call('workspace.changes');
    const sameName = await otherApp(ws, me(ws));
    try {
      await sameName.call('organisation.create', { name: 'Medway Council', kind: 'council' });
      await ws.call('organisation.create', { name: 'Kent Fire and Rescue', kind: 'fire' });
      const { changes } = await ws.call('workspace.changes', { since: start });
      expect(changes.map((c) => [c.actor, c.summary, c.own])).toEqual([
        [me(ws), `${me(ws)} created organisation ‘Medway Council’`, false],
        [me(ws), `${me(ws)} created organisation ‘Kent Fire and Rescue’`, true],
      ]);
    } finally {
      await sameName.close();
    }
  });

  it(`carries at most the newest ${CHANGES_LIMIT} changes`, async () => {
    const ws = await tempWorkspace();
    const alice = await otherApp(ws, 'alice');
    try {
      for (let i = 1; i <= CHANGES_LIMIT + 5; i++) await alice.call('organisation.create', { name: `Partner ${i}`, kind: 'charity' });
      const { latest, changes } = await ws.call('workspace.changes', { since: 0 });
      expect(changes).toHaveLength(CHANGES_LIMIT);
      expect(changes[changes.length - 1]!.id).toBe(latest);
      expect(changes[0]!.summary).toBe('alice created organisation ‘Partner 6’');
      expect(changes.every((c) => !c.own && c.actor === 'alice')).toBe(true);
    } finally {
      await alice.close();
    }
  });

  it("marks every row of one write of this app's own, however many it wrote", async () => {
    const ws = await tempWorkspace();
    const { latest: start } = await ws.call('workspace.changes');
    const board = await ws.call('board.create', { name: 'Strategic Board', code: 'VRUSB' });
    // Scheduling a meeting writes the meeting and its standing agenda items in one write.
    await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-30T10:00', location: 'Kent Police HQ' });
    const { changes } = await ws.call('workspace.changes', { since: start });
    expect(changes.length).toBeGreaterThan(2);
    expect(changes.every((c) => c.own)).toBe(true);
  });

  it('a write that fails marks nothing as its own, and the ids it would have used go to the next writer', async () => {
    const ws = await tempWorkspace();
    const { latest: start } = await ws.call('workspace.changes');
    // Refused in the middle: the person's organisation does not exist (a foreign key).
    await ws.fails('person.create', { givenName: 'Jo', familyName: 'Bloggs', organisationId: 999 });
    const alice = await otherApp(ws, 'alice');
    try {
      await alice.call('organisation.create', { name: 'Medway Council', kind: 'council' });
      const { changes } = await ws.call('workspace.changes', { since: start });
      expect(changes.map((c) => [c.actor, c.own])).toEqual([['alice', false]]);
    } finally {
      await alice.close();
    }
  });

  it('names the opening of the workspace, the same until another is opened in its place', async () => {
    const ws = await tempWorkspace();
    const { opening } = await ws.call('workspace.changes');
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    expect((await ws.call('workspace.changes', { since: 0 })).opening).toBe(opening);
    const other = await tempWorkspace({ engine: ws.engine });
    await ws.call('workspace.open', { target: other.path });
    expect((await ws.call('workspace.changes')).opening).not.toBe(opening);
  });

  it('a write whose commit fails takes back the rows it had noted as its own', async () => {
    const ws = await tempWorkspace();
    const { latest: start } = await ws.call('workspace.changes');
    // The work is done and noted, then the transaction does not commit (a full disk, a lost connection).
    const failing: Store = {
      ...ws.store,
      write: (work) =>
        ws.store.write(async (trx) => {
          await work(trx);
          throw new Error('The commit failed');
        }),
    };
    const ctx: Ctx = { ...makeCtx(failing, 'test'), operation: 'organisation.create' };
    const written = writeNotingOwn(failing, ctx, async (inside) => insertRow(inside, 'organisation', { name: 'Never committed', kind: 'charity' }));
    await expect(written).rejects.toThrow('The commit failed');
    expect(isOwnChange(failing, start + 1)).toBe(false);
    expect(await ws.call('workspace.changes', { since: start })).toMatchObject({ latest: start, changes: [] });
  });

  it('refuses a since that is not an audit id, naming the field', async () => {
    const ws = await tempWorkspace();
    expect(await ws.fails('workspace.changes', { since: -1 })).toEqual({ code: 'validation', message: 'Since must be an audit id: 0 or more', field: 'since' });
    expect(await ws.fails('workspace.changes', { since: 1.5 })).toMatchObject({ field: 'since', message: 'Since must be a whole number' });
    expect(await ws.fails('workspace.changes', { since: 'x' })).toMatchObject({ field: 'since', message: 'Since must be a number' });
  });

  it('reads audit_log by its primary key alone (SQLite plan)', async () => {
    const ws = await tempWorkspace({ engine: 'sqlite' });
    const plan = ws.db
      .prepare('EXPLAIN QUERY PLAN SELECT id, at, actor, operation, action, entity, entity_id, before_json, after_json FROM audit_log WHERE id > ? AND id <= ? ORDER BY id DESC LIMIT 200')
      .all(1, 2) as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual(['SEARCH audit_log USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)']);
    const latest = ws.db.prepare('EXPLAIN QUERY PLAN SELECT max(id) AS latest FROM audit_log').all() as { detail: string }[];
    expect(latest.map((p) => p.detail).join(' ')).not.toMatch(/SCAN audit_log\b(?! USING)/);
  });
});
