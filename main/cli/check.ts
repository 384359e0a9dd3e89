import { checkDatabase, type CheckReport } from '../workspace/check';
import { formatBytes, plural, rowCounts } from './format';
import type { CliContext } from './io';
import type { Verb } from './verb';
import { refusePostgres } from './workspace-file';

export function printReport(report: CheckReport, cli: CliContext): void {
  const pad = (label: string) => label.padEnd(13);
  cli.say(`${pad('Workspace')}${report.path} (${formatBytes(report.bytes)})`);
  cli.say(`${pad('Schema')}${report.schemaVersion === null ? 'unread' : `version ${report.schemaVersion}`} (this app reads up to ${report.latestSchemaVersion})`);
  cli.say(`${pad('Integrity')}${report.integrity.join('; ') || 'not checked'}`);
  cli.say(`${pad('Foreign keys')}${report.foreignKeys.length === 0 ? 'ok' : plural(report.foreignKeys.length, 'row') + ' refer to missing records'}`);
  if (Object.keys(report.rows).length) cli.say(`${pad('Rows')}${rowCounts(report.rows)}`);
  for (const note of report.notes) cli.say(`${pad('Note')}${note}`);
  if (report.ok) {
    cli.say(`${pad('Result')}ok: no problems found`);
    return;
  }
  cli.say(`${pad('Result')}${plural(report.problems.length, 'problem')} found:`);
  for (const p of report.problems) cli.say(`  - ${p}`);
}

export const checkVerb: Verb = {
  name: 'check',
  summary: 'Check a workspace without changing it: integrity, foreign keys, schema version and schema. Exit code 0 when sound, 1 when not.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace to check (opened read-only)' },
    json: { type: 'boolean', help: 'print the report as JSON, for scripts' },
  },
  async run({ values }, cli) {
    refusePostgres(
      values.db as string,
      'check',
      'PostgreSQL checks every key and rule as it writes, and IT looks after the server itself. To see that the workspace opens and what it holds, use export-bundle --db <the same> --out FILE.json.',
    );
    const report = checkDatabase(values.db as string);
    if (values.json) cli.io.stdout(JSON.stringify(report, null, 2) + '\n');
    else printReport(report, cli);
    return report.ok ? 0 : 1;
  },
};
