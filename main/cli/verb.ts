import type { ArgsSpec, ParsedArgs } from './args';
import type { CliContext } from './io';

/** One command of the command line: its arguments, a line of help, and what it does. */
export interface Verb extends ArgsSpec {
  summary: string;
  /** More help after the options, e.g. the operations `call` can run; loaded only when asked for. */
  details?(): Promise<string>;
  run(args: ParsedArgs, cli: CliContext): Promise<number>;
}

/**
 * A command whose first argument picks one of several kinds, e.g. `export agenda`.
 * Adding a kind is adding an entry to `kinds`.
 */
export interface VerbGroup {
  name: string;
  summary: string;
  kinds: Record<string, Verb>;
}
