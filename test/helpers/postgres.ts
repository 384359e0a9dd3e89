import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throw-away PostgreSQL cluster for the tests: initdb into a temp folder, started on a free
 * local port with its socket inside that folder, stopped and removed at the end. Nothing of
 * the machine's own PostgreSQL (a system cluster, its port 5432, /var/run/postgresql) is used.
 *
 * The cluster is tuned for speed, not safety (fsync, synchronous_commit and full_page_writes
 * off): a crash of the machine loses it, which for a test cluster is no loss. Every local
 * connection is trusted, except over TCP for members of the group role `password_login`
 * (see PASSWORD_GROUP), so a test can make a role whose password is really checked, and
 * members of `tls_login` (TLS_GROUP), who are refused without TLS. With { tls: true } the
 * cluster also offers TLS, with a certificate for localhost and 127.0.0.1 (or the
 * subjectAltName given as certificateNames) signed by a CA made for it with openssl (caFile).
 */

const run = promisify(execFile);

export interface Cluster {
  /** postgres://postgres@127.0.0.1:PORT/<db>, the superuser, no password (trust). */
  url(db?: string): string;
  /** Creates a fresh database (a unique name unless given) and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
  /** With { tls: true }: the certificate of the authority that signed the server's certificate. */
  caFile?: string;
}

export interface Skipped {
  skipped: string;
}

/** Roles in this group must give their password over TCP (scram-sha-256); everyone else is trusted. */
export const PASSWORD_GROUP = 'password_login';
/** Roles in this group are refused over TCP without TLS. */
export const TLS_GROUP = 'tls_login';

/** The environment variables the vitest globalSetup passes to the test files. */
export const URL_ENV = 'BOARD_TEST_PG_URL';
export const SKIPPED_ENV = 'BOARD_TEST_PG_SKIPPED';
/** A migrated, empty workspace database on the test cluster: each test workspace is a copy of it (CREATE DATABASE … TEMPLATE). */
export const TEMPLATE_ENV = 'BOARD_TEST_PG_TEMPLATE';

const SUPERUSER = 'postgres';

/** The folder holding initdb and pg_ctl: on the PATH first, else Debian's newest /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string | undefined {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && has(dir)) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && has(join(root, v, 'bin')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** A local port nothing listens on (free a moment ago): for a cluster, or for a server that is not there. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** PostgreSQL refuses to run as root: root runs its programs as the `postgres` user. */
function asClusterOwner(root: boolean, program: string, args: string[]): [string, string[]] {
  return root ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

export function clusterUrl(port: number, db = 'postgres'): string {
  return `postgres://${SUPERUSER}@127.0.0.1:${port}/${encodeURIComponent(db)}`;
}

/** Runs one statement as the cluster's superuser on its own short connection. */
export async function superuserQuery(serverUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A fresh database on the server at `serverUrl` (any URL of it); returns the new database's URL. */
export async function createDatabase(serverUrl: string, name = `board_test_${randomBytes(6).toString('hex')}`, template?: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Test database names are plain identifiers: ${name}`);
  if (template !== undefined && !/^[a-z_][a-z0-9_]*$/.test(template)) throw new Error(`Test database names are plain identifiers: ${template}`);
  await superuserQuery(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a test database made by createDatabase, closing any connection still on it. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Test database names are plain identifiers: ${name}`);
  url.pathname = '/postgres';
  await superuserQuery(url.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * Starts a cluster, or says why it cannot (PostgreSQL not installed; root without a
 * `postgres` user to run it as). Errors from initdb or pg_ctl themselves are thrown: a
 * machine with PostgreSQL whose cluster will not start is a failure, not a skip.
 */
/** A CA and a server certificate signed by it for `names` (localhost and 127.0.0.1 unless told), in `dir`; returns the files. */
async function makeCertificates(dir: string, names = 'DNS:localhost,IP:127.0.0.1'): Promise<{ ca: string; cert: string; key: string }> {
  const file = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2', '-subj', '/CN=Board Secretariat test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await run('openssl', ['req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${/DNS:([^,]+)/.exec(names)?.[1] ?? 'localhost'}`]);
  writeFileSync(file('server.ext'), `subjectAltName=${names}\n`);
  await run('openssl', ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.crt'), '-days', '2', '-extfile', file('server.ext')]);
  return { ca: file('ca.crt'), cert: file('server.crt'), key: file('server.key') };
}

export async function startCluster(options: { tls?: boolean; certificateNames?: string; maxConnections?: number } = {}): Promise<Cluster | Skipped> {
  const bin = findPostgresBin();
  if (!bin) {
    return { skipped: 'PostgreSQL is not installed (no initdb on the PATH or in /usr/lib/postgresql/*/bin): the PostgreSQL half is skipped' };
  }
  const root = process.getuid?.() === 0;
  const owner = root ? postgresUser() : undefined;
  if (root && !owner) {
    return { skipped: 'PostgreSQL is installed but there is no postgres user to run it as (it refuses to run as root): the PostgreSQL half is skipped' };
  }

  const dir = mkdtempSync(join(tmpdir(), 'board-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const exec = (program: string, args: string[]) => run(...asClusterOwner(root, join(bin, program), args));
  let started = false;
  let port = 0;
  let caFile: string | undefined;

  const stopNow = () => {
    if (started) {
      started = false;
      try {
        execFileSync(...asClusterOwner(root, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
      } catch {
        // Already gone; the folder is removed regardless.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A run that ends without stop() (a crash, Ctrl+C) must not leave a server behind.
  process.once('exit', stopNow);

  try {
    // -N: no fsync of the new files (the cluster is thrown away); C locale and UTF-8 so
    // results do not depend on the machine's locale.
    await exec('initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-locale', '-N']);
    writeFileSync(
      join(data, 'pg_hba.conf'),
      [
        'local all all trust',
        `hostnossl all +${TLS_GROUP} 127.0.0.1/32 reject`,
        `host all +${PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256`,
        'host all all 127.0.0.1/32 trust',
        '',
      ].join('\n'),
    );
    if (options.tls) {
      const files = await makeCertificates(dir, options.certificateNames);
      // PostgreSQL refuses a key file that others may read, or that is not its own.
      if (owner) chownSync(files.key, owner.uid, owner.gid);
      chmodSync(files.key, 0o600);
      caFile = files.ca;
      appendFileSync(join(data, 'postgresql.conf'), `\nssl = on\nssl_cert_file = '${files.cert}'\nssl_key_file = '${files.key}'\n`);
    }
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      appendFileSync(
        join(data, 'postgresql.conf'),
        [
          '',
          `port = ${port}`,
          `listen_addresses = '127.0.0.1'`,
          `unix_socket_directories = '${dir}'`,
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          "password_encryption = 'scram-sha-256'",
          `max_connections = ${options.maxConnections ?? 50}`,
          '',
        ].join('\n'),
      );
      try {
        await exec('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
        started = true;
        break;
      } catch (err) {
        // Another program may have taken the port between freePort() and the start.
        if (attempt >= 3) throw err;
      }
    }
    await superuserQuery(clusterUrl(port), `CREATE ROLE ${PASSWORD_GROUP} NOLOGIN; CREATE ROLE ${TLS_GROUP} NOLOGIN`);
  } catch (err) {
    stopNow();
    process.off('exit', stopNow);
    throw err;
  }

  return {
    ...(caFile ? { caFile } : {}),
    url: (db) => clusterUrl(port, db),
    createDatabase: (name) => createDatabase(clusterUrl(port), name),
    stop: async () => {
      process.off('exit', stopNow);
      if (started) {
        started = false;
        await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: the run's cluster when the vitest globalSetup started one (its URL in
 * BOARD_TEST_PG_URL; stop() then leaves it running for the other files), its skip reason
 * when it found none, or else, when the file runs without that setup, a cluster of its own.
 */
export async function testCluster(): Promise<Cluster | Skipped> {
  const skipped = process.env[SKIPPED_ENV];
  if (skipped) return { skipped };
  const shared = process.env[URL_ENV];
  if (shared) {
    const base = new URL(shared);
    const url = (db = 'postgres') => {
      const u = new URL(base);
      u.pathname = `/${encodeURIComponent(db)}`;
      return u.toString();
    };
    return { url, createDatabase: (name) => createDatabase(url(), name), stop: async () => undefined };
  }
  const own = await startCluster();
  if ('skipped' in own) console.warn(own.skipped);
  return own;
}
