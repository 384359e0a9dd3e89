import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { isPostgresTarget, type Store } from '../db/store';
import {
  TEAM_ROLES,
  addPerson,
  addPersonSql,
  createRolesSql,
  createTeamRoles,
  existingTeamRoles,
  grantsSql,
  mayCreateRoles,
  applyTeamGrants,
  teamRoleName,
  teamRoleNameProblem,
  workspacePlace,
  type TeamRole,
} from '../db/team-roles';
import { DomainError } from '../shared/errors';
import { openStore } from '../workspace/open-store';
import type { CliContext } from './io';
import { UsageError } from './io';
import type { Verb } from './verb';

/** The environment variable team-add-person reads a new person's password from, where no terminal can ask for it. */
export const PASSWORD_ENV = 'BOARD_PERSON_PASSWORD';

function openTeamWorkspace(target: string): Promise<Store> {
  if (!isPostgresTarget(target)) {
    throw new DomainError('cli.notPostgres', `${target} is a workspace file; team roles are PostgreSQL's (one file is one person's). Give the PostgreSQL database: postgres://user@host/db.`, 'db');
  }
  return openStore(target, { create: false });
}

const asAny = (store: Store) => store.kysely as unknown as Kysely<unknown>;

/**
 * Creates the three team roles and grants them their rights, or, when the connected role may
 * not create roles, says so and prints the SQL for IT (CREATE ROLE needs CREATEROLE on the
 * server; the grants need the tables' owner, who ran init). Used by init and team-roles.
 */
export async function setUpTeamRoles(store: Store, cli: CliContext): Promise<boolean> {
  const db = asAny(store);
  const { database } = await workspacePlace(db);
  const tooLong = teamRoleNameProblem(database);
  if (tooLong) {
    cli.warn(`The team roles were not created: ${tooLong}`);
    return false;
  }
  const names = TEAM_ROLES.map((r) => teamRoleName(database, r)).join(', ');
  const existing = await existingTeamRoles(db, database);
  if (existing.length === TEAM_ROLES.length) {
    await store.write((trx) => applyTeamGrants(trx as unknown as Kysely<unknown>));
    cli.say(`Granted the team roles ${names} their rights on ${store.location}.`);
    return true;
  }
  if (await mayCreateRoles(db)) {
    await store.write((trx) => createTeamRoles(trx as unknown as Kysely<unknown>));
    cli.say(`Created the team roles ${names} (secretariat: everything; finance: the funding, reading the rest; reader: reading only), with their rights on ${store.location}.`);
    return true;
  }
  cli.warn(
    `The team roles were not created: ${store.role} may not create roles on this server. Ask IT to run this SQL as a role that may (CREATEROLE), ` +
      `then run npm run cli -- team-roles --db <the same address> to grant them their rights:`,
  );
  for (const line of createRolesSql(database)) cli.warn(`  ${line}`);
  return false;
}

export const teamRolesVerb: Verb = {
  name: 'team-roles',
  summary:
    "Create a PostgreSQL workspace's three team roles (<database>_secretariat, _finance, _reader) and grant them their rights; with --print-sql, only print the SQL for IT to run.",
  options: {
    db: { type: 'string', value: 'WORKSPACE', required: true, help: 'the PostgreSQL workspace: postgres://user@host/db?sslmode=verify-full (connect as the role that ran init, which owns the tables)' },
    'print-sql': { type: 'boolean', help: 'print the SQL (CREATE ROLE and GRANT) instead of running it' },
  },
  async run({ values }, cli) {
    const store = await openTeamWorkspace(values.db as string);
    try {
      if (values['print-sql']) {
        const { database, schema } = await workspacePlace(asAny(store));
        const tooLong = teamRoleNameProblem(database);
        if (tooLong) throw new DomainError('team.nameTooLong', tooLong, 'db');
        cli.say(`-- The team roles of the workspace in database ${database} (schema ${schema}). CREATE ROLE needs CREATEROLE; the GRANTs need the tables' owner.`);
        for (const line of [...createRolesSql(database), ...grantsSql(database, schema).map((g) => `${g};`)]) cli.say(line);
        cli.say(`-- A person: ${addPersonSql(database, 'alice', 'finance')} PASSWORD '…'; (or npm run cli -- team-add-person)`);
        return 0;
      }
      return (await setUpTeamRoles(store, cli)) ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};

/** Asks for a password on the terminal without showing it, twice. */
async function askPassword(login: string): Promise<string> {
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stderr.write(prompt);
      const muted = new Writable({ write: (_chunk, _enc, done) => done() });
      const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
      rl.question('', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask(`Password for ${login}: `);
  const again = await ask('The same password again: ');
  if (first !== again) throw new DomainError('team.passwordMismatch', 'The two passwords are not the same; nothing was changed. Run the command again.', 'password');
  return first;
}

export const teamAddPersonVerb: Verb = {
  name: 'team-add-person',
  summary:
    'Add a person to a PostgreSQL workspace: a login role of their own in one team role (secretariat, finance or reader); the password is asked for (or read from BOARD_PERSON_PASSWORD) and never printed.',
  options: {
    db: { type: 'string', value: 'WORKSPACE', required: true, help: 'the PostgreSQL workspace (connect as a role that may create roles)' },
    login: { type: 'string', value: 'NAME', required: true, help: 'the person\'s PostgreSQL login, e.g. alice (an existing login is added to the role)' },
    role: { type: 'string', value: 'ROLE', required: true, help: 'secretariat, finance or reader' },
    'no-password': { type: 'boolean', help: 'no password (the server authenticates them otherwise: a certificate, Kerberos)' },
  },
  async run({ values }, cli) {
    const role = values.role as string;
    if (!(TEAM_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${TEAM_ROLES.join(', ')}, not "${role}"`, 'team-add-person --db WORKSPACE --login NAME --role ROLE');
    const login = values.login as string;
    if (!/^[a-z_][a-z0-9_.-]{0,62}$/i.test(login)) {
      throw new DomainError('team.badLogin', `The login "${login}" should be letters, digits, _ . or - (up to 63), starting with a letter, as PostgreSQL logins usually are.`, 'login');
    }
    const store = await openTeamWorkspace(values.db as string);
    try {
      const db = asAny(store);
      const { database } = await workspacePlace(db);
      const group = teamRoleName(database, role as TeamRole);
      if (!(await existingTeamRoles(db, database)).includes(role as TeamRole)) {
        throw new DomainError('team.noRoles', `The team role ${group} does not exist yet: run npm run cli -- team-roles --db <the same address> first.`, 'role');
      }
      if (!(await mayCreateRoles(db))) {
        throw new DomainError(
          'team.mayNotCreate',
          `${store.role} may not create roles on this server; nothing was changed. Ask IT to run: ${addPersonSql(database, login, role as TeamRole)} PASSWORD '…'; (then the person sets their own with \\password).`,
        );
      }
      let password: string | undefined;
      if (!values['no-password']) {
        password = cli.env[PASSWORD_ENV] ?? (process.stdin.isTTY ? await askPassword(login) : undefined);
        if (!password) {
          throw new DomainError('team.noPassword', `Give ${login}'s password: run this in a terminal to be asked for it, or set ${PASSWORD_ENV}; or --no-password where the server checks them another way.`, 'password');
        }
      }
      const { done, leftRoles } = await store.write((trx) => addPerson(trx as unknown as Kysely<unknown>, login, role as TeamRole, password));
      const left = leftRoles.map((r) => teamRoleName(database, r));
      cli.say(
        done === 'created'
          ? `Created the login ${login} in ${group}${password ? ' with the password given (not shown)' : ' without a password'}. They connect with postgres://${login}@<host>/${database}?sslmode=verify-full.`
          : left.length > 0
            ? `Moved the existing login ${login} to ${group}, out of ${left.join(' and ')}${password ? ', and set its password to the one given (not shown)' : ''}: from their next connection they have ${role}'s rights only.`
            : `Added the existing login ${login} to ${group}${password ? ', and set its password to the one given (not shown)' : ''}.`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
