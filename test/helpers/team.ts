import type { Kysely } from 'kysely';
import type { Store } from '../../main/db/store';
import { addPerson, createTeamRoles, existingTeamRoles, workspacePlace, type TeamRole } from '../../main/db/team-roles';

/**
 * Makes `login` a person of the team on the PostgreSQL workspace `admin` has open (as the
 * tables' owner): the team roles first if the database has none, then the login in `role`.
 * The test clusters trust loopback logins, so it has no password. On PostgreSQL the audit
 * trail names the login (main/shared/context.ts), so a test's "alice" must connect as alice.
 * Logins are the cluster's, shared by tests running at once: a clash is retried.
 */
export async function ensureTeamLogin(admin: Store, login: string, role: TeamRole = 'secretariat'): Promise<void> {
  const db = admin.kysely as unknown as Kysely<unknown>;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await existingTeamRoles(db, (await workspacePlace(db)).database)).length === 0) await createTeamRoles(db);
      await addPerson(db, login, role, undefined);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** The same database's address, as another login (no password). */
export function addressAs(url: string, login: string): string {
  const u = new URL(url);
  u.username = login;
  u.password = '';
  return u.toString();
}
