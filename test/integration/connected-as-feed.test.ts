import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import type { WorkspaceChanges } from '../../main/workspace/contract';
import { ensureTeamLogin } from '../helpers/team';
import { teamMember, tempWorkspace } from '../helpers/workspace';

/**
 * The header's "Connected as … (role)" follows a role the owner changes (issue 14's review,
 * point 3). Moving a person to another team role is a GRANT and a REVOKE on the server: no
 * audit row, so nothing in the changes feed's rows says it happened. Each answer of
 * workspace.changes therefore says who it was read as, and the poller puts that in the header
 * (renderer/src/changes/poller.ts, useWorkspace.sawConnectedAs; on screen in
 * test/e2e/workspace-open.spec.ts).
 */
describe('the changes feed says who the screen is connected as', () => {
  it('on PostgreSQL, a role the owner changed since the last poll, with no audit row written; on a file, nobody', async () => {
    const ws = await tempWorkspace();
    const first = await ws.call('workspace.changes', {});
    if (ws.engine !== 'postgres') {
      // A file has no logins or roles: the header shows none.
      expect(first.connectedAs).toBeNull();
      return;
    }
    const login = `dana_${randomBytes(3).toString('hex')}`;
    const dana = await teamMember(ws, login, 'secretariat');
    const poll = async (since?: number) => {
      const answer = await dispatch(dana, 'workspace.changes', since === undefined ? {} : { since }, 'screen');
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value as WorkspaceChanges;
    };
    const before = await poll();
    expect(before.connectedAs).toEqual({ login, roles: ['secretariat'], canWrite: 'all' });
    // The board manager moves Dana to reader (npm run cli -- team-add-person --role reader does the same).
    await ensureTeamLogin(ws.store, login, 'reader');
    const after = await poll(before.latest);
    expect(after.latest).toBe(before.latest);
    expect(after.changes).toEqual([]);
    expect(after.connectedAs).toEqual({ login, roles: ['reader'], canWrite: 'none' });
  });
});
