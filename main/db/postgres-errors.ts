import { DomainError, type ApiErrorShape } from '../shared/errors';

/**
 * PostgreSQL's failures in words the user can act on: the counterpart of sqliteError() in
 * main/api/dispatch.ts and describeFileError() in sqlite-errors.ts, with the same codes and
 * wording where the two engines mean the same thing (a record's conflict reads the same on
 * both). Decided by SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html),
 * never by the server's own message, which follows its lc_messages language.
 */

/** The fields of pg's DatabaseError that are read here (pg sets them from the server's error). */
interface PgError {
  code: string;
  message: string;
  detail?: string;
  constraint?: string;
  column?: string;
  table?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

export function isPostgresError(err: unknown): err is PgError {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: unknown; severity?: unknown };
  return typeof e.code === 'string' && SQLSTATE.test(e.code) && typeof e.severity === 'string';
}

/** Node's and pg's own words for a connection that went away (no SQLSTATE: the socket died). */
const SOCKET_GONE = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ECONNABORTED']);
const PG_GONE = /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

/** True when the error means the connection to the server is gone (mid-query or before it). */
export function isConnectionLost(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code === 'string') {
    if (SOCKET_GONE.has(code)) return true;
    // 57P01-57P03: the server is shutting down or restarting, or an administrator ended the
    // session (pg_terminate_backend); class 08: the connection itself failed.
    if (/^57P0[123]$/.test(code) || /^08...$/.test(code)) return true;
  }
  return PG_GONE.test(err.message);
}

/** "Key (name)=(x) already exists." or "Key (lower(name))=…" or "Key (board_id, number)=…": the first column, as SQLite names it. */
function uniqueColumn(err: PgError): string | undefined {
  const key = /Key \((?:lower\()?"?(\w+)"?/.exec(err.detail ?? '');
  return key?.[1] ?? err.column;
}

function userOf(location: string): string | undefined {
  const m = /^postgres(?:ql)?:\/\/([^@/]+)@/.exec(location);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/**
 * A failed query or write, in words: a record's conflict or an invalid value as the
 * ApiErrorShape the dispatcher returns for SQLite's; a failure of the server or the
 * connection as a DomainError. Undefined for anything else (the caller logs it and says
 * 'internal', never showing PostgreSQL's own text).
 */
export function describePostgresError(err: unknown, location: string, role = userOf(location)): DomainError | ApiErrorShape | undefined {
  if (isConnectionLost(err)) {
    return new DomainError(
      'db.connectionLost',
      `The connection to the PostgreSQL server was lost; nothing from this change was saved (the server undoes a transaction it cannot finish). ` +
        `Check the network and that the server for ${location} is running, then try again; the app reconnects by itself.`,
    );
  }
  if (!isPostgresError(err)) return undefined;
  const code = err.code;
  switch (code) {
    case '23505': {
      const col = uniqueColumn(err);
      return { code: 'conflict', message: `Another record already has this ${col ? col.replace(/_/g, ' ') : 'value'}.`, ...(col ? { field: col } : {}) };
    }
    case '23503':
      return { code: 'conflict', message: 'This refers to a record that does not exist, or is still referred to by other records.' };
    case '23514':
      return { code: 'validation', message: `A value is outside what is allowed (${err.constraint ?? 'a check of the table'}).` };
    case '23502':
      return { code: 'validation', message: `A value is outside what is allowed (${err.table && err.column ? `${err.table}.${err.column}` : (err.column ?? 'a required value')} is missing).` };
    case '22003':
      return { code: 'validation', message: 'A number is too large (or too small) to be stored.' };
    case '22021':
      // PostgreSQL's text cannot hold the NUL character (SQLite's can): the fields refuse
      // control characters first, so this is the net under a field that does not.
      return { code: 'validation', message: 'A text contains a character that cannot be stored (the NUL character). Remove it and try again.' };
    case '40001':
    case '40P01':
    case '55P03':
      return new DomainError(
        'busy',
        `The workspace is busy: another person's change to the same records ran at the same moment as this one, and the server stopped this one. Nothing was changed. Try again.`,
      );
    case '57014':
      return new DomainError('busy', `The PostgreSQL server stopped this request because it took too long (or an administrator cancelled it). Nothing was changed. Try again in a moment.`);
    case '42501':
      return new DomainError(
        'db.permission',
        `The PostgreSQL role ${role ?? 'the workspace was opened as'} is not allowed to do this in ${location}; nothing was changed. ` +
          'Ask the board manager for a team role that allows it (secretariat for any change, finance for the funding, reader to read: README, Setting up a team), or the database administrator for the rights on the workspace\'s tables.',
      );
    case '25006':
      return new DomainError(
        'workspace.readOnly',
        `The PostgreSQL server for ${location} only allows reading (a read-only standby, or a database set to read-only); nothing was saved. Connect to the primary server to make changes.`,
      );
    case '53100':
      return new DomainError(
        'workspace.diskFull',
        `The disk of the PostgreSQL server holding ${location} is full; nothing was saved. Tell the database administrator, who must free space on the server; then try again.`,
      );
    case '53200':
    case '53300':
    case '53400':
      return new DomainError(
        'db.pgUnavailable',
        `The PostgreSQL server for ${location} is out of resources (${code === '53300' ? 'too many connections' : code === '53200' ? 'out of memory' : 'a configured limit was reached'}); nothing was changed. Try again in a moment; if it keeps happening, tell the database administrator.`,
      );
    case '58030':
      return new DomainError(
        'workspace.ioError',
        `The PostgreSQL server for ${location} could not read or write its own files (an I/O error); the change was not saved. Tell the database administrator.`,
      );
    case 'XX001':
    case 'XX002':
      return new DomainError(
        'db.corrupt',
        `The PostgreSQL server reports damaged data in ${location}; nothing was written. Tell the database administrator, who can restore the database from the server's backups.`,
      );
    default:
      return undefined;
  }
}

/** Where a connection went, for the messages of a failed open. */
export interface PostgresEndpoint {
  host: string;
  port: number;
  user: string;
  database: string;
  /** The sslmode asked for, if any. */
  sslmode?: string;
}

const TLS_VERIFY = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Why a connection could not be made when opening a workspace: the server refused the
 * password, could not be reached, has no such database, insists on or fails at TLS. Each a
 * DomainError with its own code that says which and what to do; the password is never in it.
 */
export function describeConnectError(err: unknown, at: PostgresEndpoint): DomainError | undefined {
  if (!(err instanceof Error)) return undefined;
  const server = `${at.host}:${at.port}`;
  const code = (err as NodeJS.ErrnoException).code;
  const fail = (c: string, message: string) => {
    const e = new DomainError(c, message, 'db');
    e.cause = err;
    return e;
  };

  if (code === '28P01') {
    return fail('db.pgAuth', `PostgreSQL refused the password for user ${at.user} on ${server}. Check the user name and password in the connection (postgres://user:password@host/database), or ask the database administrator to reset the password.`);
  }
  if (/client password must be a string/i.test(err.message) && !isPostgresError(err)) {
    return fail('db.pgAuth', `The PostgreSQL server on ${server} asks for a password for user ${at.user}, and none was given. Add it to the connection (postgres://${at.user}:password@${server}/${at.database}) or to the PGPASSWORD environment variable.`);
  }
  if (code === '28000') {
    if (/no encryption/i.test(err.message)) {
      return fail('db.pgTlsRequired', `The PostgreSQL server on ${server} accepts only encrypted (TLS) connections from here. Add sslmode=require to the connection (or sslmode=verify-full with sslrootcert=<the server's CA file> to check the server too).`);
    }
    if (/role .* does not exist/i.test(err.message)) {
      return fail('db.pgAuth', `There is no PostgreSQL user ${at.user} on ${server}. Check the user name in the connection, or ask the database administrator to create the user.`);
    }
    return fail('db.pgNotAllowed', `The PostgreSQL server on ${server} does not let user ${at.user} connect to database ${at.database} from this computer (its pg_hba.conf has no rule for it). Ask the database administrator to allow it.`);
  }
  if (code === '3D000') {
    return fail('db.pgNoDatabase', `There is no database ${at.database} on the PostgreSQL server ${server}. Check the database name in the connection, or ask the database administrator to create it (CREATE DATABASE ${at.database}); then run npm run cli -- init --db <url> to start a workspace in it.`);
  }
  if (code === '42501') {
    return fail('db.permission', `The PostgreSQL user ${at.user} may not connect to database ${at.database} on ${server}. Ask the database administrator to grant it CONNECT on the database.`);
  }
  if (code === '57P03' || code === '53300') {
    return fail('db.pgUnavailable', `The PostgreSQL server on ${server} is not accepting connections just now (${code === '53300' ? 'it has too many' : 'it is starting up or shutting down'}). Try again in a moment.`);
  }
  if (/does not support SSL/i.test(err.message)) {
    return fail('db.pgTls', `The PostgreSQL server on ${server} does not offer encrypted (TLS) connections, but the connection asks for one (sslmode=${at.sslmode ?? 'require'}). Ask the database administrator to enable TLS on the server, or, on a trusted network only, use sslmode=disable.`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    // Signed by an authority we trust, but for another server: the names it is for, from Node's reason.
    const cert = (err as { cert?: { subjectaltname?: string; subject?: { CN?: string } } }).cert;
    const names = cert?.subjectaltname ?? (cert?.subject?.CN ? `CN=${cert.subject.CN}` : undefined) ?? /cert's altnames: (.*)$/i.exec(err.message)?.[1] ?? 'other names';
    return fail('db.pgTlsWrongHost', `The PostgreSQL server on ${server} could not be verified: its TLS certificate is for another host (${names.trim()}), not ${at.host}. Connect by the host name on its certificate, or ask the database administrator for a certificate that names ${at.host}. Nothing was opened.`);
  }
  if ((code && TLS_VERIFY.has(code)) || /certificate/i.test(err.message)) {
    return fail('db.pgTls', `The PostgreSQL server on ${server} could not be verified: its TLS certificate was not accepted (${code ?? err.message}). Give the certificate of the authority that signed it with sslrootcert=<file>, and check that the host name in the connection is the one on the certificate.`);
  }
  if (code === 'ECONNREFUSED') {
    return fail('db.pgUnreachable', `Nothing answered as a PostgreSQL server on ${server} (the connection was refused). Check the host name and port in the connection, and that the server is running.`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return fail('db.pgUnreachable', `The host name ${at.host} could not be found. Check the host in the connection and that this computer is on the network that reaches it.`);
  }
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout/i.test(err.message)) {
    return fail('db.pgUnreachable', `The PostgreSQL server on ${server} did not answer in time. Check the host and port in the connection and that this computer is on the network that reaches it (a VPN, a firewall).`);
  }
  if (isConnectionLost(err)) {
    return fail('db.pgUnreachable', `The connection to the PostgreSQL server on ${server} was closed while it was being made. Check the host and port (it may not be a PostgreSQL server), and that the server is running.`);
  }
  return undefined;
}
