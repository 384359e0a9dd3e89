import { usageLine } from './args';
import type { Verb, VerbGroup } from './verb';
import { isGroup, verbs } from './verbs';

export const PROGRAM = 'npm run cli --';

function groupUsage(group: VerbGroup): string {
  return `${group.name} KIND ...`;
}

function groupLine(group: VerbGroup): string {
  const kinds = Object.keys(group.kinds);
  return [group.summary, kinds.length ? `Kinds: ${kinds.join(', ')}.` : ''].filter(Boolean).join(' ');
}

export function usageText(): string {
  const rows = Object.values(verbs).map((v) => [isGroup(v) ? groupUsage(v) : usageLine(v), isGroup(v) ? groupLine(v) : v.summary] as const);
  rows.push(['help [COMMAND]', 'This text, or the details of one command.']);
  const width = Math.max(...rows.map(([u]) => u.length)) + 2;
  return [
    'Board Secretariat command line: works on a workspace file through the same services as the app.',
    '',
    `Usage: ${PROGRAM} COMMAND [options]`,
    '',
    'Commands:',
    ...rows.map(([u, s]) => `  ${u.padEnd(width)}${s}`),
    '',
    'WORKSPACE (--db FILE, --from, --to) is a workspace file (workspace.db) or a PostgreSQL database:',
    '  postgres://user@host/database?sslmode=verify-full, or host=... dbname=... user=... (libpq\'s form).',
    '  backup, backups, restore and check are about the file, and refuse a PostgreSQL database.',
    '',
    'Exit codes: 0 done; 1 refused, failed or problems found (the workspace is left as it was); 2 wrong usage.',
    'The bundle format is described in docs/bundle.md. Set DEBUG=1 to see the details of an unexpected error.',
    '',
  ].join('\n');
}

export function verbHelp(verb: Verb): string {
  const opts = Object.entries(verb.options).map(([name, o]) => [o.type === 'string' ? `--${name} ${o.value ?? 'VALUE'}` : `--${name}`, o.help] as const);
  const args = (verb.positionals ?? []).map((p) => [p.name, p.help] as const);
  const rows = [...args, ...opts];
  const width = Math.max(0, ...rows.map(([u]) => u.length)) + 2;
  return [`Usage: ${PROGRAM} ${usageLine(verb)}`, '', verb.summary, '', ...rows.map(([u, h]) => `  ${u.padEnd(width)}${h}`), ''].join('\n');
}

export function groupHelp(group: VerbGroup): string {
  return [`Usage: ${PROGRAM} ${groupUsage(group)}`, '', groupLine(group), ''].join('\n');
}
