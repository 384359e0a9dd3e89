import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * A team on one PostgreSQL workspace: every person connects as a login role of their own, a
 * member of one of three group roles (NOLOGIN) that hold the rights, granted in the database
 * so that a write the app's screens would allow is still refused by the server:
 *
 * - secretariat: reads and writes everything (every table, its sequences);
 * - finance: reads everything, writes the funding tables (streams, allocations, budget lines,
 *   awards, spend, claims, import mappings), adds to the audit trail, and proposes a
 *   virement (which adds a proposed decision, and so its search entry);
 * - reader: reads only.
 *
 * Roles belong to the whole PostgreSQL server, not one database, so the group roles are named
 * after the workspace's database: <database>_secretariat, <database>_finance, <database>_reader
 * (board_secretariat … for a database called board). Two workspaces on one server then never
 * share a group. The grants are re-applied after every migration (migrate-postgres.ts), so a
 * table a new version adds is covered from the moment it exists.
 */

export const TEAM_ROLES = ['secretariat', 'finance', 'reader'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** What the connected role may write, as the database grants it: everything, the funding tables, or nothing. */
export type CanWrite = 'all' | 'funding' | 'none';

/** Who the workspace is open as (workspace.info's connectedAs): the login, its team roles, what it may write. */
export interface ConnectedAs {
  login: string;
  /** The team roles (secretariat, finance, reader) the login is a member of; each is the group role <database>_<name>. */
  roles: TeamRole[];
  canWrite: CanWrite;
}

/** The tables finance writes (all rights): funding streams and everything below them. */
export const FUNDING_TABLES = ['funding_stream', 'stream_allocation', 'budget_line', 'award', 'award_year', 'spend', 'claim', 'import_mapping'] as const;

/**
 * What else a finance write inserts into, and only inserts: its audit rows, and the proposed
 * decision of funding.virementPropose with the search entry its trigger (migration 002) adds.
 */
export const FINANCE_INSERTS = ['audit_log', 'decision', 'search_index'] as const;

/** The group role's name for a workspace in `database`. */
export function teamRoleName(database: string, role: TeamRole): string {
  return `${database}_${role}`;
}

/** A PostgreSQL identifier, quoted (as pg's escapeIdentifier does). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A PostgreSQL string literal, quoted. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** PostgreSQL cuts names at 63 bytes: a group role's name must fit whole, or two workspaces' could meet. */
export function teamRoleNameProblem(database: string): string | undefined {
  const longest = teamRoleName(database, 'secretariat');
  if (Buffer.byteLength(longest) > 63) {
    return `The database name ${database} is too long to name its team roles after (${longest} is over PostgreSQL's 63 bytes); use a database with a shorter name.`;
  }
  return undefined;
}

/** CREATE ROLE for the three groups (NOLOGIN: nobody connects as a group), each only if it is not there yet. */
export function createRolesSql(database: string): string[] {
  return TEAM_ROLES.map((role) => {
    const name = teamRoleName(database, role);
    return `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(name)}) THEN CREATE ROLE ${ident(name)} NOLOGIN; END IF; END $$;`;
  });
}

/**
 * The grants, for the tables and sequences in `schema` (the workspace's: current_schema()).
 * REVOKE first, so running them again after a role's rights were changed by hand puts them
 * back to these, and never more.
 */
export function grantsSql(database: string, schema: string): string[] {
  const s = ident(schema);
  const [secretariat, finance, reader] = TEAM_ROLES.map((r) => ident(teamRoleName(database, r)));
  const all = `${secretariat}, ${finance}, ${reader}`;
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${all}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${all}`,
    `GRANT USAGE ON SCHEMA ${s} TO ${all}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA ${s} TO ${all}`,
    `GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${secretariat}`,
    // The schema version is the migrations' to write, not a person's.
    `REVOKE INSERT, UPDATE, DELETE ON ${s}.board_secretariat_meta FROM ${secretariat}`,
    // The audit trail is only ever added to: no person may change or delete what it says.
    `REVOKE UPDATE, DELETE ON ${s}.audit_log FROM ${secretariat}`,
    // setval: an import (the demo, a bundle, a move) sets the ids' sequences past its rows.
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${secretariat}`,
    `GRANT INSERT, UPDATE, DELETE ON ${FUNDING_TABLES.map((t) => `${s}.${t}`).join(', ')} TO ${finance}`,
    `GRANT INSERT ON ${FINANCE_INSERTS.map((t) => `${s}.${t}`).join(', ')} TO ${finance}`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${finance}`,
    // Before PostgreSQL 15 every login may create tables in public (and so shadow or squat the
    // workspace's names); 15 and later already revoke it. Harmless where it is already so. Only
    // public's owner (or a superuser) may revoke it, and only where there is a public schema.
    `DO $$ BEGIN IF EXISTS (SELECT FROM pg_catalog.pg_namespace n WHERE n.nspname = 'public' AND (pg_catalog.pg_has_role(current_user, n.nspowner, 'MEMBER') OR (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user))) THEN REVOKE CREATE ON SCHEMA public FROM PUBLIC; END IF; END $$`,
  ];
}

/** A person: a login role in one team role. The password is a parameter of the caller's, never in this text. */
export function addPersonSql(database: string, login: string, role: TeamRole): string {
  return `CREATE ROLE ${ident(login)} LOGIN IN ROLE ${ident(teamRoleName(database, role))}`;
}

async function one<R>(db: Kysely<unknown>, query: ReturnType<typeof sql<R>>): Promise<R> {
  const { rows } = await query.execute(db);
  return rows[0]!;
}

/** The database and schema the workspace is in, as the connection sees them. */
export async function workspacePlace(db: Kysely<unknown>): Promise<{ database: string; schema: string }> {
  return one(db, sql<{ database: string; schema: string }>`SELECT current_database() AS database, current_schema() AS schema`);
}

/** Which of the workspace's three group roles exist on the server. */
export async function existingTeamRoles(db: Kysely<unknown>, database: string): Promise<TeamRole[]> {
  const names = TEAM_ROLES.map((r) => teamRoleName(database, r));
  const { rows } = await sql<{ rolname: string }>`SELECT rolname FROM pg_roles WHERE rolname = ANY(${names})`.execute(db);
  const found = new Set(rows.map((r) => r.rolname));
  return TEAM_ROLES.filter((r) => found.has(teamRoleName(database, r)));
}

/** Whether the connected role may create roles (CREATEROLE, or a superuser). */
export async function mayCreateRoles(db: Kysely<unknown>): Promise<boolean> {
  const row = await one(db, sql<{ may: boolean }>`SELECT rolcreaterole OR rolsuper AS may FROM pg_roles WHERE rolname = current_user`);
  return row.may === true;
}

/**
 * Grants the team roles their rights on the workspace's tables, when the three roles exist
 * (a workspace without a team, one role for everything, is left as it is). Run inside the
 * migrations' transaction after every migration, by the role that ran them (the tables'
 * owner), and by the team-roles command. Returns whether it granted.
 */
export async function applyTeamGrants(db: Kysely<unknown>): Promise<boolean> {
  const { database, schema } = await workspacePlace(db);
  if ((await existingTeamRoles(db, database)).length !== TEAM_ROLES.length) return false;
  for (const statement of grantsSql(database, schema)) await sql.raw(statement).execute(db);
  return true;
}

/** Creates the three group roles (the caller checked mayCreateRoles) and grants them their rights. */
export async function createTeamRoles(db: Kysely<unknown>): Promise<void> {
  const { database } = await workspacePlace(db);
  for (const statement of createRolesSql(database)) await sql.raw(statement).execute(db);
  await applyTeamGrants(db);
}

/**
 * Who the connection is and what it may write, read from the server: the team roles the
 * login is a member of (through pg_auth_members: pg_has_role counts a superuser a member of
 * every role), and its rights on a table only the secretariat writes (meeting) and
 * on one finance writes too (spend). Rights granted some other way (the tables' owner, one
 * role for everything) are counted as what they allow.
 */
export async function readConnectedAs(db: Kysely<unknown>): Promise<ConnectedAs> {
  const { database } = await workspacePlace(db);
  const names = TEAM_ROLES.map((r) => teamRoleName(database, r));
  const row = await one(
    db,
    sql<{ login: string; all_tables: boolean; funding: boolean; member: string[] | null }>`
      SELECT current_user AS login,
             has_table_privilege('meeting', 'INSERT') AS all_tables,
             has_table_privilege('spend', 'INSERT') AS funding,
             (WITH RECURSIVE up (oid) AS (
                SELECT oid FROM pg_roles WHERE rolname = current_user
                UNION SELECT m.roleid FROM pg_auth_members AS m JOIN up ON m.member = up.oid)
              SELECT array_agg(r.rolname::text) FROM pg_roles AS r JOIN up ON r.oid = up.oid WHERE r.rolname = ANY(${names})) AS member`,
  );
  const member = new Set(row.member ?? []);
  return {
    login: row.login,
    roles: TEAM_ROLES.filter((r) => member.has(teamRoleName(database, r))),
    canWrite: row.all_tables ? 'all' : row.funding ? 'funding' : 'none',
  };
}

/**
 * The password as PostgreSQL stores it (a SCRAM-SHA-256 verifier, RFC 5803), made here so the
 * password itself is never sent to the server in a statement (which its log may record): the
 * server keeps only this, and checks a login against it as it would a password it hashed itself.
 * NFKC is SASLprep's normalisation; PostgreSQL's client libraries apply the same to a password.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** Whether a role of that name exists on the server. */
export async function roleExists(db: Kysely<unknown>, name: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT 1 AS n FROM pg_roles WHERE rolname = ${name}`.execute(db);
  return rows.length > 0;
}

/**
 * Adds a person: a new login role in the team role (with the password, as its verifier), or an
 * existing login moved to it: made a member of it and taken out of this workspace's other team
 * roles (a reader who was secretariat must no longer write), in the caller's transaction; its
 * password changed only when one is given. Returns which, and the team roles it was taken out of.
 */
export async function addPerson(
  db: Kysely<unknown>,
  login: string,
  role: TeamRole,
  password: string | undefined,
): Promise<{ done: 'created' | 'added'; leftRoles: TeamRole[] }> {
  const { database } = await workspacePlace(db);
  const group = ident(teamRoleName(database, role));
  const secret = password === undefined ? '' : ` PASSWORD ${literal(scramVerifier(password))}`;
  if (await roleExists(db, login)) {
    const others = TEAM_ROLES.filter((r) => r !== role);
    const { rows } = await sql<{ rolname: string }>`
      SELECT g.rolname::text AS rolname FROM pg_auth_members AS m
        JOIN pg_roles AS g ON g.oid = m.roleid JOIN pg_roles AS u ON u.oid = m.member
       WHERE u.rolname = ${login} AND g.rolname = ANY(${others.map((r) => teamRoleName(database, r))})`.execute(db);
    const member = new Set(rows.map((r) => r.rolname));
    const leftRoles = others.filter((r) => member.has(teamRoleName(database, r)));
    for (const r of leftRoles) await sql.raw(`REVOKE ${ident(teamRoleName(database, r))} FROM ${ident(login)}`).execute(db);
    await sql.raw(`GRANT ${group} TO ${ident(login)}`).execute(db);
    if (secret) await sql.raw(`ALTER ROLE ${ident(login)} LOGIN${secret}`).execute(db);
    return { done: 'added', leftRoles };
  }
  await sql.raw(`CREATE ROLE ${ident(login)} LOGIN${secret} IN ROLE ${group}`).execute(db);
  return { done: 'created', leftRoles: [] };
}
