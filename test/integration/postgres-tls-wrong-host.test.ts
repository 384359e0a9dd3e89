import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPostgresStore } from '../../main/db/postgres-store';
import type { Store } from '../../main/db/store';
import { DomainError } from '../../main/shared/errors';
import { findPostgresBin, startCluster, type Cluster } from '../helpers/postgres';
import { testEngine } from '../helpers/workspace';

/**
 * sslmode=verify-full checks that the server's certificate names the host connected to, not
 * only that a trusted authority signed it (issue 14's review, point 4). A throw-away cluster
 * of its own, whose certificate openssl makes here, signed by a CA made here, for
 * db.elsewhere.example only: connecting to it as localhost or 127.0.0.1 with that CA must be
 * refused saying the certificate is for another host; sslmode=require (and verify-ca, which
 * checks the authority and not the name) still connect, so it is the name that was refused.
 */
function whyNot(): string | undefined {
  if (testEngine() !== 'postgres') return 'TLS is PostgreSQL\'s: this file runs in the postgres project';
  if (!findPostgresBin()) return 'PostgreSQL is not installed (no initdb): no cluster to connect to';
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    return 'openssl is not on this machine: the test cannot make a certificate authority and a server certificate';
  }
  return undefined;
}
const skip = whyNot();
if (skip) console.warn(`Skipped: ${skip}`);

describe.skipIf(skip !== undefined)('verify-full against a server whose certificate names another host', () => {
  let cluster: Cluster;
  let port = '';
  let db = '';
  const stores: Store[] = [];
  beforeAll(async () => {
    const started = await startCluster({ tls: true, certificateNames: 'DNS:db.elsewhere.example' });
    if ('skipped' in started) throw new Error(started.skipped);
    cluster = started;
    port = new URL(cluster.url()).port;
    db = new URL(await cluster.createDatabase()).pathname.slice(1);
  }, 120_000);
  afterEach(async () => {
    while (stores.length) await stores.pop()!.close();
  });
  afterAll(() => cluster?.stop());

  const ca = () => encodeURIComponent(cluster.caFile!);
  async function refusal(target: string): Promise<DomainError> {
    const err = await openPostgresStore(target).then(
      (store) => {
        stores.push(store);
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(err, `expected ${target} to be refused`).toBeInstanceOf(DomainError);
    return err as DomainError;
  }

  it('refuses localhost and 127.0.0.1, naming the host the certificate is for; nothing is opened', async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const err = await refusal(`postgres://postgres@${host}:${port}/${db}?sslmode=verify-full&sslrootcert=${ca()}`);
      expect(err.code).toBe('db.pgTlsWrongHost');
      expect(err.field).toBe('db');
      expect(err.message).toBe(
        `The PostgreSQL server on ${host}:${port} could not be verified: its TLS certificate is for another host (DNS:db.elsewhere.example), not ${host}. ` +
          `Connect by the host name on its certificate, or ask the database administrator for a certificate that names ${host}. Nothing was opened.`,
      );
    }
  });

  it('connects, encrypted, when the name is not checked (require, verify-ca): the name was what was refused', async () => {
    for (const mode of [`sslmode=require`, `sslmode=verify-ca&sslrootcert=${ca()}`]) {
      const store = await openPostgresStore(`postgres://postgres@localhost:${port}/${db}?${mode}`, { create: true });
      stores.push(store);
      const { rows } = await sql<{ ssl: boolean }>`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`.execute(store.kysely);
      expect(rows[0]!.ssl, mode).toBe(true);
    }
  });
});
