/** Where the command line writes: process streams in main/cli.ts, strings in the tests. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliOptions {
  /** Environment (DEBUG shows stack traces); defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Who the audit trail records; defaults to the operating-system user. */
  actor?: string;
  now?: () => Date;
}

/** What every verb runs with. */
export interface CliContext {
  io: Io;
  env: Record<string, string | undefined>;
  actor: string;
  now: () => Date;
  say(line?: string): void;
  warn(line: string): void;
}

/** The command line was used wrongly: exit code 2 and a pointer to the usage text. */
export class UsageError extends Error {
  readonly usage: string | undefined;
  constructor(message: string, usage?: string) {
    super(message);
    this.name = 'UsageError';
    this.usage = usage;
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
