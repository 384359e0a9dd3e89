import { describe, expect, it } from 'vitest';
import { parseKeyValue, parsePostgresTarget, postgresLocation, sslOptions, tlsAttempts } from '../../main/db/postgres-store';
import { DomainError } from '../../main/shared/errors';

const noEnv = {};

describe('a PostgreSQL connection target', () => {
  it('reads a URL, decoding what it escapes', () => {
    const t = parsePostgresTarget('postgres://cl%40rk:p%2Fss@db.example.org:6543/board%20one?sslmode=require&application_name=Clerk', noEnv);
    expect(t).toEqual({ host: 'db.example.org', port: 6543, user: 'cl@rk', password: 'p/ss', database: 'board one', sslmode: 'require', applicationName: 'Clerk' });
    expect(postgresLocation(t)).toBe('postgres://cl%40rk@db.example.org:6543/board%20one');
  });

  it("reads libpq's key=value form with its quoting", () => {
    expect(parseKeyValue(`host=db1 dbname='my board' password='it\\'s' user = clerk`)).toEqual(
      new Map([
        ['host', 'db1'],
        ['dbname', 'my board'],
        ['password', "it's"],
        ['user', 'clerk'],
      ]),
    );
  });

  it('fills what the target leaves out from the environment as libpq does, then its defaults', () => {
    expect(parsePostgresTarget('dbname=board', { PGHOST: 'pg.local', PGUSER: 'sec', PGPASSWORD: 'x' })).toEqual({ host: 'pg.local', port: 5432, user: 'sec', password: 'x', database: 'board' });
    expect(parsePostgresTarget('postgres://clerk@server', noEnv)).toMatchObject({ host: 'server', port: 5432, user: 'clerk', database: 'clerk' });
  });

  it('refuses what it cannot use, without repeating the password', () => {
    const unknown = (() => {
      try {
        parsePostgresTarget('host=a sslcompression=1', noEnv);
      } catch (e) {
        return e;
      }
    })();
    expect(unknown).toBeInstanceOf(DomainError);
    expect((unknown as DomainError).message).toContain('sslcompression is not supported');
    try {
      parsePostgresTarget("host=a password=hunter2 'broken", noEnv);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('db.pgTarget');
      expect((e as DomainError).message).not.toContain('hunter2');
    }
  });

  it("means by sslmode what libpq means (pg alone would read require as verify-full)", () => {
    const base = { host: 'db', port: 5432, user: 'u', database: 'd' };
    // libpq's default is prefer: TLS first, the certificate not checked.
    expect(sslOptions(base)).toEqual({ rejectUnauthorized: false });
    expect(sslOptions({ ...base, sslmode: 'prefer' })).toEqual({ rejectUnauthorized: false });
    expect(sslOptions({ ...base, sslmode: 'disable' })).toBe(false);
    expect(sslOptions({ ...base, sslmode: 'allow' })).toBe(false);
    expect(sslOptions({ ...base, sslmode: 'require' })).toEqual({ rejectUnauthorized: false });
    expect(sslOptions({ ...base, sslmode: 'verify-full' })).toEqual({});
    expect(() => sslOptions({ ...base, sslmode: 'verify-ca' })).toThrow(/needs the certificate of the authority/);
    expect(() => sslOptions({ ...base, sslmode: 'verify-full', sslrootcert: '/no/such/ca.crt' })).toThrow(/could not be read/);
  });

  it('tries TLS and then plain for prefer (and no sslmode), plain and then TLS for allow, as libpq does', () => {
    const base = { host: 'db', port: 5432, user: 'u', database: 'd' };
    const noTls = new Error('The server does not support SSL connections');
    const mustTls = Object.assign(new Error('no pg_hba.conf entry for host "10.0.0.2", user "u", database "d", no encryption'), { code: '28000' });
    for (const t of [base, { ...base, sslmode: 'prefer' }]) {
      const [first, second, ...rest] = tlsAttempts(t);
      expect(first!.ssl).toEqual({ rejectUnauthorized: false });
      expect(first!.fallBackOn!(noTls)).toBe(true);
      expect(first!.fallBackOn!(mustTls)).toBe(false);
      expect(first!.fallBackOn!(new Error('password authentication failed'))).toBe(false);
      expect(second!.ssl).toBe(false);
      expect(rest).toEqual([]);
    }
    const [plain, tls] = tlsAttempts({ ...base, sslmode: 'allow' });
    expect(plain!.ssl).toBe(false);
    expect(plain!.fallBackOn!(mustTls)).toBe(true);
    expect(plain!.fallBackOn!(noTls)).toBe(false);
    expect(tls!.ssl).toEqual({ rejectUnauthorized: false });
    expect(tlsAttempts({ ...base, sslmode: 'require' })).toEqual([{ ssl: { rejectUnauthorized: false } }]);
    expect(tlsAttempts({ ...base, sslmode: 'disable' })).toEqual([{ ssl: false }]);
  });
});
