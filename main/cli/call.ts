import { readFileSync } from 'node:fs';
import type { OpName } from '../api/contract';
import type { OpDef } from '../api/define';
import type { ApiErrorShape } from '../shared/errors';
import { EXIT, UsageError, type CliContext } from './io';
import { WORKSPACE_OPTION } from './operations';
import { openStore } from '../workspace/open-store';
import { warnAboutLocation } from './location-warnings';
import type { Verb } from './verb';

/**
 * `call OPERATION`: any operation of the contract from the command line, so finance can
 * script imports and checks without a bespoke command for each. The input goes through the
 * same dispatcher as the app's (the operation's schema, its handler, one transaction per
 * write), called as a script: what a screen must send (`version`, `was`…) may be left out.
 */

const USAGE = 'call --db FILE [--input FILE.json | --json TEXT] OPERATION';

/** The input as JSON text: from --json, from the file --input names ("-" is stdin), or none. */
function inputText(values: Record<string, unknown>): { text: string; from: string } | undefined {
  const json = values.json as string | undefined;
  const file = values.input as string | undefined;
  if (json !== undefined && file !== undefined) throw new UsageError('give the input either with --input FILE.json or with --json TEXT, not both', USAGE);
  if (json !== undefined) return { text: json, from: '--json' };
  if (file === undefined) return undefined;
  try {
    return { text: readFileSync(file === '-' ? 0 : file, 'utf8'), from: file === '-' ? 'the standard input' : file };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'you may not read it' : (err as Error).message;
    throw new UsageError(`--input ${file} could not be read: ${why}`, USAGE);
  }
}

function parseInput(values: Record<string, unknown>): unknown {
  const given = inputText(values);
  if (!given) return {};
  try {
    return JSON.parse(given.text) as unknown;
  } catch (err) {
    throw new UsageError(`the input in ${given.from} is not JSON: ${(err as Error).message}`, USAGE);
  }
}

/** The refusal in words, with the field it names, as the app's form would point at it. */
function printRefusal(error: ApiErrorShape, cli: CliContext): void {
  cli.warn(`error: ${error.message}`);
  if (error.field !== undefined) cli.warn(`  field: ${error.field}`);
  for (const p of error.problems ?? []) cli.warn(`  ${p.path}: ${p.message}`);
  if (error.stale) cli.warn(`  changed by ${error.stale.by} at ${error.stale.at}${error.stale.version === null ? '' : ` (now version ${error.stale.version})`}`);
  cli.warn(`  (code ${error.code}; nothing was changed)`);
}

function kindOf(def: OpDef): string {
  if (def.exports) return 'export';
  return def.kind;
}

/** Every operation, by area, with its own summary from the contract. */
export async function operationList(): Promise<string> {
  const { contract } = await import('../api/contract');
  const names = Object.keys(contract).sort() as OpName[];
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines: string[] = ['', 'Operations (read: changes nothing; write: one transaction; export: writes the file its "out" names):', ''];
  let area = '';
  for (const name of names) {
    const here = name.slice(0, name.indexOf('.'));
    if (here !== area && area !== '') lines.push('');
    area = here;
    const def = contract[name] as OpDef;
    lines.push(`  ${name.padEnd(width)}${kindOf(def).padEnd(8)}${def.summary}`);
  }
  lines.push(
    '',
    'The input is the operation\'s fields as JSON, checked exactly as the app checks them; money is text as typed ("£35,000"),',
    'results come back as JSON with money in integer pence. An edit may send the "version" it read, and is then refused',
    'if the record has changed since; left out, the last write wins.',
    '',
  );
  return lines.join('\n');
}

export const callVerb: Verb = {
  name: 'call',
  summary:
    'Run any operation of the app on a workspace and print its result as JSON. Bad input is refused naming the field (exit code 1), and nothing is changed. "help call" lists the operations.',
  options: {
    db: WORKSPACE_OPTION,
    input: { type: 'string', value: 'FILE.json', help: 'the operation\'s input as a JSON file ("-" reads it from the standard input)' },
    json: { type: 'string', value: 'TEXT', help: 'the input as JSON text, e.g. \'{"id": 3}\'' },
  },
  positionals: [{ name: 'OPERATION', help: 'the operation, e.g. fundingStream.list (see the list below)' }],
  details: operationList,
  async run({ values, positionals }, cli) {
    const name = positionals[0]!;
    const { contract, isOperation } = await import('../api/contract');
    if (!isOperation(name)) {
      const near = Object.keys(contract).filter((n) => n.toLowerCase().startsWith(name.split('.')[0]!.toLowerCase() + '.'));
      throw new UsageError(
        `there is no operation called "${name}"${near.length ? `; in that area there are: ${near.join(', ')}` : ''}. Run "npm run cli -- help call" to see every operation`,
        USAGE,
      );
    }
    const input = parseInput(values);
    const { dispatch } = await import('../api/dispatch');
    const store = await openStore(values.db as string, { create: false });
    warnAboutLocation(store, cli);
    const session = { store, actor: cli.actor, now: cli.now };
    try {
      const envelope = await dispatch(session, name, input, 'script');
      if (!envelope.ok) {
        printRefusal(envelope.error, cli);
        return EXIT.failed;
      }
      cli.io.stdout(JSON.stringify(envelope.value ?? null, null, 2) + '\n');
      return EXIT.ok;
    } finally {
      await session.store.close();
    }
  },
};
