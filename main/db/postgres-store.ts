import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { ConnectionOptions } from 'node:tls';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DomainError } from '../shared/errors';
import { migrations } from './migrations';
import { isForeignPostgres, migratePostgres, postgresSchemaVersion } from './migrate-postgres';
import { describeConnectError, describePostgresError, isConnectionLost, type PostgresEndpoint } from './postgres-errors';
import type { DB } from './schema';
import type { Queries, Store } from './store';
import { readConnectedAs, type ConnectedAs } from './team-roles';

/**
 * Opening a workspace that lives in a PostgreSQL database: the counterpart of openDatabase
 * in connection.ts. The target is what a user pastes: a URL
 * (postgres://user:password@host:5432/board?sslmode=require) or libpq's key=value form
 * ("host=db1 dbname=board user=clerk"). What either leaves out comes from the same
 * environment variables libpq reads (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE,
 * PGSSLMODE, PGSSLROOTCERT), then localhost:5432, the login name, a database of that name.
 */

export interface PostgresOpenOptions {
  /** The caller is starting a new workspace (init): an empty database is given the workspace's tables. */
  create?: boolean;
  /** An empty database may be initialised as a workspace when opened (as openDatabase's option of that name). */
  initialiseEmpty?: boolean;
  /**
   * The password to use when the target carries none (one the app kept: main/workspace/password-vault.ts).
   * Without either, pg reads the PostgreSQL password file (pgpass) or PGPASSWORD, as libpq does.
   */
  password?: string;
}

/** A connection target, parsed: every field the pool is given, explicitly, so `location` says what was used. */
export interface PostgresTarget extends PostgresEndpoint {
  password?: string;
  sslrootcert?: string;
  sslcert?: string;
  sslkey?: string;
  applicationName?: string;
  connectTimeoutSeconds?: number;
  options?: string;
}

/** The libpq parameters understood here; any other is refused with its name rather than ignored. */
const KNOWN = new Set(['host', 'port', 'dbname', 'user', 'password', 'sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'application_name', 'connect_timeout', 'options']);

function targetError(message: string): DomainError {
  return new DomainError('db.pgTarget', message, 'db');
}

/** "host=db1 dbname='my board' password=it\'s": libpq's quoting (single quotes, backslash escapes). */
export function parseKeyValue(text: string): Map<string, string> {
  const params = new Map<string, string>();
  const pair = /\s*([A-Za-z_]+)\s*=\s*('((?:[^'\\]|\\.)*)'|((?:[^\s'\\]|\\.)*))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pair.lastIndex = at;
    const m = pair.exec(text);
    if (!m) throw targetError(`The connection "${redactKeyValue(text)}" could not be read from position ${at + 1}: write it as key=value pairs separated by spaces (host=server dbname=board user=name), quoting a value with spaces in single quotes.`);
    params.set(m[1]!.toLowerCase(), (m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1'));
    at = pair.lastIndex;
  }
  return params;
}

function redactKeyValue(text: string): string {
  return text.replace(/(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)/gi, '$1***');
}

function parseUrl(target: string): Map<string, string> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw targetError(`The connection is not a valid URL (${target.replace(/:[^:@/]*@/, ':***@')}). Write it as postgres://user:password@host:5432/database.`);
  }
  const params = new Map<string, string>();
  for (const [key, value] of url.searchParams) params.set(key.toLowerCase(), value);
  if (url.hostname) params.set('host', decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1')));
  if (url.port) params.set('port', url.port);
  if (url.username) params.set('user', decodeURIComponent(url.username));
  if (url.password) params.set('password', decodeURIComponent(url.password));
  const db = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (db) params.set('dbname', db);
  return params;
}

/** The target, with the environment's and libpq's defaults for what it leaves out. */
export function parsePostgresTarget(target: string, env: NodeJS.ProcessEnv = process.env): PostgresTarget {
  const params = /^postgres(ql)?:\/\//i.test(target) ? parseUrl(target) : parseKeyValue(target);
  for (const key of params.keys()) {
    if (!KNOWN.has(key)) throw targetError(`The connection parameter ${key} is not supported here. Use ${[...KNOWN].join(', ')}.`);
  }
  const get = (key: string, envName: string) => params.get(key) || env[envName] || undefined;
  const user = get('user', 'PGUSER') ?? userInfo().username;
  const portText = get('port', 'PGPORT') ?? '5432';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw targetError(`The port ${portText} in the connection is not a port number (1 to 65535).`);
  const timeout = params.get('connect_timeout');
  const parsed: PostgresTarget = {
    host: get('host', 'PGHOST') ?? 'localhost',
    port,
    user,
    database: get('dbname', 'PGDATABASE') ?? user,
  };
  const optional: [keyof PostgresTarget, string | undefined][] = [
    ['password', get('password', 'PGPASSWORD')],
    ['sslmode', get('sslmode', 'PGSSLMODE')],
    ['sslrootcert', get('sslrootcert', 'PGSSLROOTCERT')],
    ['sslcert', get('sslcert', 'PGSSLCERT')],
    ['sslkey', get('sslkey', 'PGSSLKEY')],
    ['applicationName', params.get('application_name')],
    ['options', params.get('options')],
  ];
  for (const [key, value] of optional) if (value !== undefined) (parsed as unknown as Record<string, unknown>)[key] = value;
  if (timeout !== undefined) parsed.connectTimeoutSeconds = Number(timeout) || 0;
  return parsed;
}

/** postgres://user@host:port/database: where the workspace is, for messages; never the password. */
export function postgresLocation(t: PostgresEndpoint): string {
  const host = t.host.includes(':') ? `[${t.host}]` : t.host;
  return `postgres://${encodeURIComponent(t.user)}@${host}:${t.port}/${encodeURIComponent(t.database)}`;
}

function readTlsFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const e = new DomainError('db.pgTls', `The ${what} ${path} named in the connection could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`, 'db');
    e.cause = err;
    throw e;
  }
}

/**
 * sslmode as libpq means it, in pg's (Node's tls) options. pg's own reading of sslmode in a
 * connection string treats `require` as verify-full; here it is what libpq does, so a URL
 * that works with psql works with the app:
 * - disable: no TLS.
 * - prefer (libpq's default, so also when sslmode is absent): TLS if the server offers it, the
 *   certificate not checked; unencrypted only when the server does not offer TLS (tlsAttempts).
 * - allow: unencrypted first, TLS if the server insists on it (tlsAttempts).
 * - require: encrypted, the server's certificate not checked; with sslrootcert, checked
 *   against that authority (libpq then behaves as verify-ca).
 * - verify-ca: encrypted, the certificate signed by sslrootcert's authority, any host name.
 * - verify-full: encrypted, the certificate signed by sslrootcert's authority (or, without
 *   it, one the system trusts) and issued for the host connected to.
 * sslcert and sslkey add a client certificate for servers that authenticate by it.
 * This is the first (or only) attempt's options; see tlsAttempts for prefer and allow.
 */
export function sslOptions(t: PostgresTarget): false | ConnectionOptions {
  const mode = t.sslmode ?? 'prefer';
  if (mode === 'disable' || mode === 'allow') return false;
  const options: ConnectionOptions = {};
  if (t.sslrootcert) options.ca = readTlsFile(t.sslrootcert, 'certificate authority file (sslrootcert)');
  if (t.sslcert) options.cert = readTlsFile(t.sslcert, 'client certificate (sslcert)');
  if (t.sslkey) options.key = readTlsFile(t.sslkey, 'client key (sslkey)');
  switch (mode) {
    case 'prefer':
    case 'require':
      if (!options.ca) options.rejectUnauthorized = false;
      else options.checkServerIdentity = () => undefined;
      return options;
    case 'verify-ca':
      if (!options.ca) throw new DomainError('db.pgTls', 'sslmode=verify-ca needs the certificate of the authority that signed the server\'s certificate: add sslrootcert=<file> to the connection.', 'db');
      options.checkServerIdentity = () => undefined;
      return options;
    case 'verify-full':
      // Node's default: the chain checked and the name too (pg gives tls the host it dialled).
      return options;
    default:
      throw targetError(`sslmode=${mode} is not one of disable, allow, prefer, require, verify-ca or verify-full.`);
  }
}

/** One way of connecting, and when its failure means the next way is to be tried. */
export interface TlsAttempt {
  ssl: false | ConnectionOptions;
  /** This attempt's failure that sends the connection on to the next attempt. */
  fallBackOn?: (err: unknown) => boolean;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The connections to try in turn, as libpq does: prefer asks for TLS and, only if the server
 * answers that it does not support it, connects unencrypted; allow connects unencrypted and,
 * only if the server's rules insist on encryption, with TLS. Every other mode is one attempt.
 */
export function tlsAttempts(t: PostgresTarget): TlsAttempt[] {
  const mode = t.sslmode ?? 'prefer';
  if (mode === 'prefer') return [{ ssl: sslOptions(t), fallBackOn: (err) => /does not support SSL/i.test(message(err)) }, { ssl: false }];
  if (mode === 'allow') {
    const tls = sslOptions({ ...t, sslmode: 'require' });
    return [{ ssl: false, fallBackOn: (err) => (err as { code?: string }).code === '28000' && /no encryption/i.test(message(err)) }, { ssl: tls }];
  }
  return [{ ssl: sslOptions(t) }];
}

/**
 * int8 (count(*), sums of bigint money) and numeric (sums of them) come back from pg as
 * strings, to be safe beyond 2^53; the app keeps money as integer pence well below that, and
 * its code reads numbers, as it does from SQLite. Set on this pool only, not pg's globals.
 */
const NUMBER_OIDS = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMBER_OIDS.has(oid) && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

async function refuseOrPrepare(kysely: Kysely<DB>, location: string, role: string, options: PostgresOpenOptions): Promise<void> {
  try {
    await refuseOrMigrate(kysely, location, options);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // A role without rights on the workspace's tables, the connection lost, the disk full.
    const described = describePostgresError(err, location, role);
    if (described instanceof DomainError) {
      described.cause = err;
      throw described;
    }
    throw err;
  }
}

async function refuseOrMigrate(kysely: Kysely<DB>, location: string, options: PostgresOpenOptions): Promise<void> {
  if (await isForeignPostgres(kysely)) {
    throw new DomainError(
      'db.notWorkspace',
      `${location} is a PostgreSQL database of another program, not a Board Secretariat workspace (it has tables of its own). Choose the database of your workspace, or an empty one for a new workspace; this database has not been changed.`,
      'db',
    );
  }
  const version = await postgresSchemaVersion(kysely);
  if (version === 0 && !options.create && !options.initialiseEmpty) {
    throw new DomainError(
      'db.emptyDatabase',
      `The database ${location} holds no workspace; run npm run cli -- init --db <url> to create one. The database has not been changed.`,
      'db',
    );
  }
  // Refuses a newer version (db.newerVersion) before changing anything; else upgrades.
  await migratePostgres(kysely, migrations, location);
}

/**
 * One write's transaction. Kysely's transaction().execute() throws the ROLLBACK's error when
 * the rollback fails, which it does whenever the connection died during the work ("Connection
 * terminated unexpectedly"): the first cause (57P01, the administrator ended the session; a
 * record's conflict on a connection that then broke) would be lost. A controlled transaction
 * lets the rollback's failure be dropped: the server undoes an unfinished transaction on a lost
 * connection anyway, and Kysely releases the connection whether or not ROLLBACK succeeded.
 */
function commitUnknown(cause: unknown): DomainError {
  const error = new DomainError(
    'db.commitUnknown',
    'The connection to the PostgreSQL server was lost while this change was being saved, so the app cannot tell whether the server kept it. ' +
      'Look at the record (open it again, or wait for the list to refresh) before you make the change again; the app reconnects by itself.',
  );
  error.cause = cause;
  return error;
}

async function inTransaction<T>(kysely: Kysely<DB>, work: (trx: Queries) => Promise<T>): Promise<T> {
  const trx = await kysely.startTransaction().execute();
  try {
    const result = await work(trx);
    try {
      await trx.commit().execute();
    } catch (err) {
      // Lost while committing: the server may or may not have kept the change, and only it
      // knows. Saying "nothing was saved" could make a person create the record twice.
      if (isConnectionLost(err)) throw commitUnknown(err);
      throw err;
    }
    return result;
  } catch (err) {
    // Also after a failed COMMIT: Kysely releases the connection only on a commit that the
    // server answered, and always on rollback (after an aborted commit it sends nothing).
    await trx.rollback().execute().catch(() => undefined);
    throw err;
  }
}

/**
 * Opens (and, where allowed, initialises or upgrades) a workspace in a PostgreSQL database.
 * Refuses, each with its own code and what to do: a connection that cannot be made (the
 * password, the server, the database, TLS: postgres-errors.ts), another program's database,
 * one written by a newer version, and an empty one unless creating. It never creates the
 * database itself: that needs rights on the server a workspace's user should not hold.
 */
export async function openPostgresStore(target: string, options: PostgresOpenOptions = {}): Promise<Store> {
  const t = parsePostgresTarget(target);
  if (t.password === undefined && options.password !== undefined) t.password = options.password;
  const location = postgresLocation(t);
  const poolWith = (ssl: false | ConnectionOptions) => {
    const pool = new pg.Pool({
      host: t.host,
      port: t.port,
      user: t.user,
      database: t.database,
      ...(t.password !== undefined ? { password: t.password } : {}),
      ssl,
      ...(t.applicationName !== undefined ? { application_name: t.applicationName } : { application_name: 'Board Secretariat' }),
      ...(t.options !== undefined ? { options: t.options } : {}),
      connectionTimeoutMillis: (t.connectTimeoutSeconds || 15) * 1000,
      // A few connections: one app, one person; writes take one each, reads run beside them.
      max: 4,
      idleTimeoutMillis: 60_000,
      types,
    });
    // A connection the server drops (a restart, an administrator, the network) emits 'error',
    // which with no listener would end the app. Idle, the pool removes it and reports it here;
    // in use (inside a write, between two statements), the write's next statement fails with
    // it, the transaction is lost on the server, and the pool discards the connection on release.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    return pool;
  };

  // The first connection decides how the pool connects (prefer: TLS unless the server has none).
  let pool: pg.Pool | undefined;
  let role = '';
  const attempts = tlsAttempts(t);
  for (const [n, attempt] of attempts.entries()) {
    const tried = poolWith(attempt.ssl);
    try {
      const client = await tried.connect();
      try {
        const { rows } = await client.query<{ role: string }>('SELECT current_user AS role');
        role = rows[0]!.role;
      } finally {
        client.release();
      }
      pool = tried;
      break;
    } catch (err) {
      await tried.end().catch(() => undefined);
      if (n < attempts.length - 1 && attempt.fallBackOn?.(err)) continue;
      throw (
        describeConnectError(err, t) ??
        Object.assign(
          new DomainError(
            'db.pgConnect',
            `The workspace ${location} could not be opened because of an unexpected problem while connecting; nothing has been changed. Check the connection, and if it happens again tell the administrator (the details are in the log).`,
            'db',
          ),
          { cause: err },
        )
      );
    }
  }
  if (!pool) throw new Error('unreachable: every TLS attempt either connects or throws');

  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await kysely.destroy(); // ends the pool
  };
  let connectedAs: ConnectedAs;
  try {
    await refuseOrPrepare(kysely, location, role, options);
    connectedAs = await readConnectedAs(kysely as unknown as Kysely<unknown>);
  } catch (err) {
    await close();
    throw err;
  }

  let writes: Promise<void> = Promise.resolve();
  return {
    engine: 'postgres',
    kysely,
    location,
    role,
    connectedAs,
    isOpen: () => open,
    // One write at a time from this app, in the order they were asked for, as on SQLite (one
    // connection): a user who marks someone present and then sends apologies must end with
    // apologies, and each write's answer must include the writes before it. Reads still run
    // side by side on the pool; other people's writes are the issue of versions, not of order.
    write: <T>(work: (trx: Queries) => Promise<T>): Promise<T> => {
      const run = writes.then(() => inTransaction(kysely, work));
      writes = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    close,
  };
}

