import { latestVersion } from '../../main/db/migrate';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBundle } from '../../main/cli/bundle-file';
import { runCli } from '../../main/cli/run';
import type { Bundle, BundleRow } from '../../main/workspace/bundle';
import { DOC_PATH, SCHEMA_PATH, generated } from '../../scripts/bundle-doc';
import { dataTables } from '../../main/workspace/bundle';
import { openDatabase } from '../../main/db/connection';
import { smallBundle } from '../fixtures/small-bundle';
import { tempDir } from '../helpers/workspace';
import { VERSIONED_TABLES } from '../../main/db/migrations/005-record-versions';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { env: {}, actor: 'test-user', now: () => new Date('2020-03-02T10:00:00') });
  return { code, stdout, stderr };
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const readBundle = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Bundle;

function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** The audit row an import adds: the only difference a round trip makes. */
function expectImportRow(row: BundleRow | undefined, operation: string) {
  expect(row).toMatchObject({ actor: 'test-user', operation, action: 'create', entity: 'workspace', entity_id: 0, before_json: null });
  expect(JSON.parse(String(row!.after_json))).toHaveProperty('importedBundle');
}

/**
 * export → import into an empty workspace → export gives identical tables, except that
 * audit_log gains one row: the import itself (who imported what, when). Everything else,
 * ids included, is carried over exactly.
 */
async function roundTrip(dir: string, first: string) {
  const a = join(dir, 'a.json');
  expect((await cli('export-bundle', '--db', first, '--out', a)).code).toBe(0);
  const second = join(dir, 'second.db');
  expect((await cli('init', '--db', second)).code).toBe(0);
  const imported = await cli('import', '--db', second, a);
  expect(imported).toMatchObject({ code: 0, stderr: '' });
  const b = join(dir, 'b.json');
  expect((await cli('export-bundle', '--db', second, '--out', b)).code).toBe(0);

  const before = readBundle(a);
  const after = readBundle(b);
  const { audit_log: auditBefore = [], ...restBefore } = before.tables;
  const { audit_log: auditAfter = [], ...restAfter } = after.tables;
  expect(restAfter).toEqual(restBefore);
  expect(auditAfter.slice(0, -1)).toEqual(auditBefore);
  expectImportRow(auditAfter.at(-1), 'cli.import');
  return { before, after };
}

describe('bundle round trip through the command line', () => {
  it('carries a hand-made workspace touching every table over unchanged', async () => {
    const dir = tempDir();
    const fixture = smallBundle();
    const first = join(dir, 'first.db');
    const run = await cli('import', '--db', first, writeJson(dir, 'fixture.json', fixture));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported 59 rows');

    const { before } = await roundTrip(dir, first);
    // What went in is what comes out: every table of the fixture, row for row.
    const { audit_log: fixtureAudit = [], ...fixtureRest } = fixture.tables;
    const { audit_log: exportedAudit = [], ...exportedRest } = before.tables;
    // The fixture is an older bundle: each column a later migration added takes its default —
    // the version of migration 005 starts at 1; 008's minute format, numbers and approval; 009's
    // organisation contact email (and its due-date revisions are none); 011's plan position and a
    // board's own standing items.
    const ADDED: Record<string, Record<string, unknown>> = {
      organisation: { email: '' },
      board: { minute_format: '{code} {n}/{yy}', standing_items: null },
      agenda_item: { minute_number: null, minute_seq: null },
      meeting: { minutes_approved_at_meeting_id: null, minutes_approved_by_person_id: null, minutes_signed_by_person_id: null },
      forward_plan_item: { position: 0 },
    };
    const withVersions = Object.fromEntries(
      Object.entries(fixtureRest).map(([table, rows]) => [
        table,
        rows.map((r) => ({ ...r, ...((VERSIONED_TABLES as readonly string[]).includes(table) ? { version: 1 } : {}), ...ADDED[table] })),
      ]),
    );
    expect(exportedRest).toEqual({ ...withVersions, action_due_revision: [] });
    expect(exportedAudit.slice(0, -1)).toEqual(fixtureAudit);
    expect(Object.keys(before.tables).sort()).toEqual([...Object.keys(fixture.tables), 'action_due_revision'].sort());
  });

  it('carries the demonstration workspace over unchanged', async () => {
    const dir = tempDir();
    const demo = join(dir, 'demo.db');
    expect((await cli('init', '--db', demo, '--demo')).code).toBe(0);
    const { before } = await roundTrip(dir, demo);
    expectImportRow(before.tables.audit_log!.at(-1), 'workspace.loadDemo');
  });

  it('writes pretty JSON, one row per line, that parses back to the same bundle', () => {
    const bundle = smallBundle();
    const text = formatBundle(bundle);
    expect(JSON.parse(text)).toEqual(bundle);
    expect(text).toContain('\n      {"id":1,"name":"Kent Police",');
    expect(text.split('\n')).toHaveLength(Object.values(bundle.tables).reduce((n, rows) => n + rows.length + (rows.length ? 2 : 1), 0) + 9);
  });
});

describe('importing a bad bundle', () => {
  async function importFails(bundle: unknown, name = 'bad.json') {
    const dir = tempDir();
    const target = join(dir, 'new.db');
    const run = await cli('import', '--db', target, writeJson(dir, name, bundle));
    expect(run.code).toBe(1);
    expect(existsSync(target)).toBe(false); // the file the import would have created is gone
    return run.stderr;
  }

  it('lists every problem of shape by path: unknown table, unknown column, wrong type, missing value', async () => {
    const bundle = smallBundle();
    bundle.tables.minutes_archive = [{ id: 1 }];
    bundle.tables.organisation![1]!.colour = 'blue';
    bundle.tables.person![0]!.organisation_id = '2';
    bundle.tables.meeting![1]!.starts_at = null;
    delete bundle.tables.board![0]!.created_at;
    bundle.tables.indicator![0]!.baseline_value = 'one hundred';
    const stderr = await importFails(bundle);
    expect(stderr).toMatch(/^error: The bundle was not imported: 6 problems found \(.*\)\. Nothing was written\.\n/);
    const listed = stderr.split('\n').slice(1).filter(Boolean).sort();
    expect(listed).toEqual(
      [
        '  tables.minutes_archive: is not a table of this workspace',
        '  tables.organisation[1].colour: is not a column of this table',
        '  tables.person[0].organisation_id: must be a whole number',
        '  tables.meeting[1].starts_at: is required (null given)',
        '  tables.board[0].created_at: is required',
        '  tables.indicator[0].baseline_value: must be a number',
      ].sort(),
    );
  });

  it('lists every broken rule by path: missing parent, duplicate, CHECK, and what a rejected row takes with it', async () => {
    const bundle = smallBundle();
    bundle.tables.person![1]!.organisation_id = 99;
    bundle.tables.organisation![3]!.name = 'kent police'; // names are unique whatever their case
    bundle.tables.meeting![1]!.status = 'cancelled';
    bundle.tables.spend![0]!.award_id = 1; // a spend row is for a budget line or an award, not both
    const stderr = await importFails(bundle);
    expect(stderr).toContain('error: The bundle was not imported: 7 problems found');
    expect(stderr.split('\n').slice(1).filter(Boolean).sort()).toEqual(
      [
        '  tables.person[1].organisation_id: refers to organisation 99, which is not in the bundle',
        '  tables.organisation[3]: breaks a unique rule: organisation.name',
        '  tables.person[3].organisation_id: refers to organisation 4 (tables.organisation[3]), which could not be imported',
        '  tables.award[0].organisation_id: refers to organisation 4 (tables.organisation[3]), which could not be imported',
        "  tables.meeting[1]: breaks a check rule: status IN ('planned','agenda_issued','held','minutes_draft','minutes_approved')",
        '  tables.decision[1].meeting_id: refers to meeting 2 (tables.meeting[1]), which could not be imported',
        '  tables.spend[0]: breaks a check rule: (budget_line_id IS NULL) <> (award_id IS NULL)',
      ].sort(),
    );
  });

  it('names the fields of a file that is not a bundle at all', async () => {
    const stderr = await importFails({ format: 'something-else', tables: [] });
    expect(stderr).toContain('  format: format must be "board-secretariat/bundle"');
    expect(stderr).toContain('  version: version must be 1');
    expect(stderr).toContain('  tables: tables must be an object of table name → rows');
  });

  it('names a row that is not an object and a value that is neither text, a number nor null', async () => {
    const bundle = smallBundle();
    const stderr = await importFails({ ...bundle, tables: { ...bundle.tables, organisation: [...bundle.tables.organisation!, ['Kent Police'], { ...bundle.tables.organisation![0]!, name: { text: 'Kent Police' } }] } });
    const n = bundle.tables.organisation!.length;
    expect(stderr).toContain(`  tables.organisation[${n}]: must be a row: an object of column name → value`);
    expect(stderr).toContain(`  tables.organisation[${n + 1}].name: must be text, a number or null`);
  });

  it('refuses a bundle from a newer version of the app', async () => {
    const stderr = await importFails({ ...smallBundle(), schemaVersion: latestVersion() + 1 });
    expect(stderr).toContain(`  schemaVersion: was written by a newer version of the app (schema ${latestVersion() + 1}; this version reads up to ${latestVersion()})`);
  });

  it('names the file that is not JSON', async () => {
    const dir = tempDir();
    const file = join(dir, 'minutes.docx');
    writeFileSync(file, 'PK\u0003\u0004 not json');
    const target = join(dir, 'x.db');
    const run = await cli('import', '--db', target, file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.\\/]/g, '\\$&')} is not a JSON file \\(.+\\)\\. A bundle is the JSON that export-bundle writes; see docs/bundle\\.md\\.\\n$`));
    expect(existsSync(target)).toBe(false);
    expect((await cli('import', '--db', target, join(dir, 'nothing.json'))).stderr).toContain('No bundle file at');
  });

  it('leaves an existing empty workspace byte-for-byte as it was', async () => {
    const dir = tempDir();
    const target = join(dir, 'empty.db');
    expect((await cli('init', '--db', target)).code).toBe(0);
    const before = hash(target);
    const bundle = smallBundle();
    bundle.tables.person![1]!.organisation_id = 99;
    expect((await cli('import', '--db', target, writeJson(dir, 'bad.json', bundle))).code).toBe(1);
    expect(hash(target)).toBe(before);
    const db = new Database(target, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM organisation').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    db.close();
  });

  it('imports only into an empty workspace', async () => {
    const dir = tempDir();
    const target = join(dir, 'full.db');
    const good = writeJson(dir, 'good.json', smallBundle());
    expect((await cli('import', '--db', target, good)).code).toBe(0);
    const before = hash(target);
    const again = await cli('import', '--db', target, good);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('A bundle can only be imported into a new, empty workspace.');
    expect(hash(target)).toBe(before);
  });
});

describe('docs/bundle.md', () => {
  const doc = readFileSync(DOC_PATH, 'utf8');

  it('lists every table, and is regenerated whenever the schema changes', () => {
    const db = openDatabase(':memory:');
    const tables = dataTables();
    db.close();
    for (const t of tables) expect(doc).toContain(`\n### ${t}\n`);
    const fresh = generated(doc);
    expect(fresh.doc, 'run: npx tsx scripts/bundle-doc.ts').toBe(doc);
    expect(fresh.schema, 'run: npx tsx scripts/bundle-doc.ts').toBe(readFileSync(SCHEMA_PATH, 'utf8'));
  });

  it('gives an example that imports, and a failed import exactly as the command prints it', async () => {
    const example = JSON.parse(/## Example[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)![1]!) as Bundle;
    const dir = tempDir();
    expect((await cli('import', '--db', join(dir, 'example.db'), writeJson(dir, 'example.json', example))).code).toBe(0);

    example.tables.organisation![1]!.colour = 'blue';
    example.tables.person![0]!.organisation_id = '1';
    delete example.tables.board![0]!.created_at;
    const run = await cli('import', '--db', join(dir, 'new.db'), writeJson(dir, 'bad.json', example));
    const shown = /\$ npm run cli -- import --db new\.db bad\.json\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(run.stderr).toBe(shown);
  });
});
