import BetterSqlite3 from 'better-sqlite3';
import { userInfo } from 'node:os';
import { describePostgresError, isConnectionLost, isPostgresError } from '../db/postgres-errors';
import { parsePostgresTarget, postgresLocation } from '../db/postgres-store';
import { describeFileError } from '../db/sqlite-errors';
import { isPostgresTarget } from '../db/store';
import { DomainError } from '../shared/errors';
import { parseVerbArgs } from './args';
import { groupHelp, PROGRAM, usageText, verbHelp } from './help';
import { EXIT, UsageError, type CliContext, type CliOptions, type Io } from './io';
import type { Verb } from './verb';
import { isGroup, verbs } from './verbs';

const { SqliteError } = BetterSqlite3;

/** The operating-system user, recorded as the actor in the audit trail. */
function osUser(env: Record<string, string | undefined>): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return env.USER ?? env.USERNAME ?? 'cli';
  }
}

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** Finds the verb the arguments name; help answers directly. */
function resolveVerb(argv: string[], cli: CliContext): { verb: Verb; rest: string[] } | { helpOf: Verb } | number {
  const [name, ...rest] = argv;
  if (name === undefined) {
    cli.io.stderr(usageText());
    return EXIT.usage;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const entry = rest[0] === undefined ? undefined : verbs[rest[0]];
    if (rest[0] !== undefined && !entry) throw new UsageError(`there is no command called "${rest[0]}"`);
    if (entry && isGroup(entry) && rest[1] !== undefined) {
      // "help export agenda" answers as "export agenda --help" does.
      const kind = Object.prototype.hasOwnProperty.call(entry.kinds, rest[1]) ? entry.kinds[rest[1]] : undefined;
      if (!kind) throw new UsageError(`there is no ${entry.name} kind called "${rest[1]}"; the kinds are: ${Object.keys(entry.kinds).join(', ')}`);
      return { helpOf: kind };
    }
    if (entry && !isGroup(entry)) return { helpOf: entry };
    cli.io.stdout(!entry ? usageText() : groupHelp(entry));
    return EXIT.ok;
  }
  const entry = Object.prototype.hasOwnProperty.call(verbs, name) ? verbs[name] : undefined;
  if (!entry) throw new UsageError(`there is no command called "${name}"`);
  if (!isGroup(entry)) {
    if (wantsHelp(rest)) return { helpOf: entry };
    return { verb: entry, rest };
  }
  const [kind, ...more] = rest;
  if (kind === undefined || kind === '--help' || kind === '-h') {
    cli.io[kind === undefined ? 'stderr' : 'stdout'](groupHelp(entry));
    return kind === undefined ? EXIT.usage : EXIT.ok;
  }
  const verb = Object.prototype.hasOwnProperty.call(entry.kinds, kind) ? entry.kinds[kind] : undefined;
  if (verb) {
    if (wantsHelp(more)) return { helpOf: verb };
    return { verb, rest: more };
  }
  throw new UsageError(`there is no ${entry.name} kind called "${kind}"; the kinds are: ${Object.keys(entry.kinds).join(', ')}`);
}

/**
 * The PostgreSQL workspace a command named (--db, or move's --to and --from), as its location
 * without the password, for the words of a failure that reached the command line raw.
 */
function postgresLocationIn(values: Record<string, unknown> | undefined): string | undefined {
  for (const key of ['db', 'to', 'from']) {
    const target = values?.[key];
    if (typeof target !== 'string' || !isPostgresTarget(target)) continue;
    try {
      return postgresLocation(parsePostgresTarget(target));
    } catch {
      // A target that does not parse was refused with its own words before anything ran.
    }
  }
  return undefined;
}

function reportError(err: unknown, cli: CliContext, values?: Record<string, unknown>): number {
  if (err instanceof UsageError) {
    cli.warn(`error: ${err.message}`);
    if (err.usage) cli.warn(`usage: ${PROGRAM} ${err.usage}`);
    cli.warn(`Run "${PROGRAM} help" to see every command.`);
    return EXIT.usage;
  }
  if (err instanceof DomainError) {
    cli.warn(`error: ${err.message}`);
    for (const p of err.problems ?? []) cli.warn(`  ${p.path}: ${p.message}`);
  } else if (err instanceof SqliteError) {
    const described = describeFileError(err);
    cli.warn(`error: ${described ? described.message : `the workspace could not be read or written: ${err.message} (${err.code}).`}`);
  } else if (isConnectionLost(err) || isPostgresError(err)) {
    // A PostgreSQL failure in the middle of a command (the session ended by an administrator,
    // the server restarted, a conflict the checks did not catch), in the app's words.
    const location = postgresLocationIn(values) ?? 'the PostgreSQL database';
    const described = describePostgresError(err, location);
    const code = isPostgresError(err) ? ` (SQLSTATE ${err.code})` : '';
    cli.warn(`error: ${described ? described.message : `the PostgreSQL server for ${location} refused the request${code}; nothing was changed. Run again with DEBUG=1 set to see the details.`}`);
  } else if (err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && (err as NodeJS.ErrnoException).syscall) {
    cli.warn(`error: ${err.message}`);
  } else {
    cli.warn('error: something unexpected went wrong. Run again with DEBUG=1 set to see the details.');
  }
  if (cli.env.DEBUG && err instanceof Error && err.stack) cli.warn(err.stack);
  // What went wrong underneath (a failed migration's SQL error, a refused connection's
  // socket error): the app logs it; here it is for the administrator who asked for details.
  if (cli.env.DEBUG && err instanceof DomainError && err.cause !== undefined) {
    const cause = err.cause;
    cli.warn(`caused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
  }
  return EXIT.failed;
}

/**
 * The whole command line as a function: arguments in, exit code out, text through `io`.
 * main/cli.ts wires it to the process; the tests call it directly.
 */
export async function runCli(argv: string[], io: Io, options: CliOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const cli: CliContext = {
    io,
    env,
    actor: options.actor ?? osUser(env),
    now: options.now ?? (() => new Date()),
    say: (line = '') => io.stdout(line + '\n'),
    warn: (line) => io.stderr(line + '\n'),
  };
  let values: Record<string, unknown> | undefined;
  try {
    const found = resolveVerb(argv, cli);
    if (typeof found === 'number') return found;
    if ('helpOf' in found) {
      // A verb's further help (call's list of operations) may load what the verb loads.
      const more = found.helpOf.details ? await found.helpOf.details() : '';
      cli.io.stdout(verbHelp(found.helpOf) + more);
      return EXIT.ok;
    }
    const args = parseVerbArgs(found.verb, found.rest);
    values = args.values;
    return await found.verb.run(args, cli);
  } catch (err) {
    return reportError(err, cli, values);
  }
}
