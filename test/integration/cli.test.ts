import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportGroup } from '../../main/cli/export';
import { runCli } from '../../main/cli/run';
import { latestVersion } from '../../main/db/migrate';
import { demoBundle } from '../../main/workspace/demo';
import { tempDir } from '../helpers/workspace';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...argv: string[]): Promise<CliRun> {
  return cliWith({}, ...argv);
}

async function cliWith(env: Record<string, string>, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { env, actor: 'test-user', now: () => new Date('2020-03-02T10:00:00') });
  return { code, stdout, stderr };
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function workspaceFile(dir: string, name = 'x.db'): Promise<string> {
  const path = join(dir, name);
  expect((await cli('init', '--db', path)).code).toBe(0);
  return path;
}

describe('the command line: usage', () => {
  it('prints the usage for help, and for no command (as a usage error)', async () => {
    const help = await cli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run cli -- COMMAND');
    for (const verb of ['init', 'import', 'export-bundle', 'move', 'check', 'backup', 'export KIND']) expect(help.stdout).toContain(`  ${verb}`);
    expect(help.stdout).toContain('backup, backups, restore and check are about the file, and refuse a PostgreSQL database.');

    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Commands:');

    const one = await cli('help', 'init');
    expect(one.stdout).toContain('Usage: npm run cli -- init --db FILE [--demo]');
    expect(one.stdout).toContain('--demo');
    expect((await cli('init', '--help')).stdout).toBe(one.stdout);

    // A kind of a group: "help export agenda" is "export agenda --help", not the group's text.
    const kind = await cli('help', 'export', 'agenda');
    expect(kind.code).toBe(0);
    expect(kind.stdout).toContain('Usage: npm run cli -- export agenda --db FILE');
    expect(kind.stdout).toBe((await cli('export', 'agenda', '--help')).stdout);
    const wrongKind = await cli('help', 'export', 'agendas');
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain('there is no export kind called "agendas"; the kinds are: agenda, minutes');
  });

  it('names an unknown command, an unknown flag, a flag without its value and a missing argument', async () => {
    const unknown = await cli('frobnicate');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain('error: there is no command called "frobnicate"');

    const flag = await cli('check', '--db', 'x.db', '--verbose');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('error: unknown option --verbose for check');
    expect(flag.stderr).toContain('usage: npm run cli -- check --db FILE [--json]');

    expect((await cli('check', '--db')).stderr).toContain('--db needs a value');
    expect((await cli('backup', '--db', '--out', 'y.db')).stderr).toContain('--db needs a value');
    expect((await cli('check')).stderr).toContain('check needs --db FILE');
    expect((await cli('import', '--db', 'x.db')).stderr).toContain('import needs BUNDLE.json');
    expect((await cli('check', '--db', 'x.db', 'extra')).stderr).toContain('unexpected argument "extra"');
    expect((await cli('check', '--db', 'a.db', '--db', 'b.db')).stderr).toContain('--db is given more than once');
    expect((await cli('init', '--db', 'x.db', '--demo=yes')).stderr).toContain('--demo does not take a value');
    const move = await cli('move', '--from', 'x.db');
    expect(move.code).toBe(2);
    expect(move.stderr).toContain('error: move needs --to WORKSPACE\nusage: npm run cli -- move --from WORKSPACE --to WORKSPACE');
  });

  it('names an export kind that does not exist', async () => {
    const odd = await cli('export', 'horoscope');
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain('there is no export kind called "horoscope"; the kinds are: ');
    for (const kind of ['agenda', 'minutes', 'action-log', 'paper', 'agenda-pack', 'decisions', 'performance', 'return', 'funding']) {
      expect(Object.keys(exportGroup.kinds)).toContain(kind);
      expect(odd.stderr).toContain(kind);
    }
  });
});

describe('the command line: init', () => {
  it('creates and migrates a workspace, and never overwrites a file that is not empty', async () => {
    const dir = tempDir();
    const path = join(dir, 'x.db');
    const made = await cli('init', '--db', path);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toContain(`(schema version ${latestVersion()})`);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();

    const before = hash(path);
    const again = await cli('init', '--db', path);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`error: ${path} already exists and is not empty; init never overwrites a file. Choose a new file name.\n`);
    expect(hash(path)).toBe(before);

    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'minutes of the last meeting');
    expect((await cli('init', '--db', notes)).code).toBe(1);
    expect(readFileSync(notes, 'utf8')).toBe('minutes of the last meeting');
  });

  it('accepts an empty file (as made by a file dialog), and refuses a missing folder', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    expect((await cli('init', '--db', empty)).code).toBe(0);
    const nowhere = await cli('init', '--db', join(dir, 'no-such-folder', 'x.db'));
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('no-such-folder does not exist');
  });

  it('loads the demonstration data through workspace.loadDemo', async () => {
    const path = join(tempDir(), 'demo.db');
    const run = await cli('init', '--db', path, '--demo');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const db = new Database(path, { readonly: true });
    const audit = db.prepare(`SELECT actor, operation FROM audit_log`).all();
    // LOOSE until main/workspace/demo.ts lands: the lead will tighten this to the demo's figures.
    const organisations = (db.prepare('SELECT count(*) AS n FROM organisation').get() as { n: number }).n;
    db.close();
    expect(audit).toContainEqual({ actor: 'test-user', operation: 'workspace.loadDemo' });
    expect(organisations).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/Loaded the demonstration data: \d+ organisations, /);
  });
});

describe('the command line: files it must refuse and leave unchanged', () => {
  it('refuses a text file for every command that opens a workspace', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'These are not the minutes you are looking for.\n'.repeat(20));
    const before = hash(text);
    const bundle = join(dir, 'b.json');
    writeFileSync(bundle, JSON.stringify(demoBundle()));
    for (const args of [
      ['check', '--db', text],
      ['export-bundle', '--db', text, '--out', join(dir, 'out.json')],
      ['backup', '--db', text, '--out', join(dir, 'copy.db')],
      ['import', '--db', text, bundle],
    ]) {
      const run = await cli(...args);
      expect(run.code, args[0]).toBe(1);
      expect(run.stderr).toBe(`error: ${text} is not a Board Secretariat workspace (it is not an SQLite database). Choose the .db file of your workspace; this file has not been changed.\n`);
    }
    expect(hash(text)).toBe(before);
    expect(existsSync(join(dir, 'out.json')) || existsSync(join(dir, 'copy.db'))).toBe(false);
  });

  it('refuses a workspace from a newer version, whatever its journal mode, without touching it', async () => {
    const dir = tempDir();
    const original = await workspaceFile(dir);
    for (const mode of ['wal', 'delete']) {
      const newer = join(dir, `newer-${mode}.db`);
      copyFileSync(original, newer);
      const raw = new Database(newer);
      raw.pragma(`journal_mode = ${mode}`);
      raw.pragma('user_version = 999');
      raw.close();
      const before = hash(newer);

      const exported = await cli('export-bundle', '--db', newer, '--out', join(dir, 'out.json'));
      expect(exported.code).toBe(1);
      expect(exported.stderr).toContain(`saved by a newer version of Board Secretariat (schema 999; this version reads up to ${latestVersion()})`);

      const checked = await cli('check', '--db', newer);
      expect(checked.code).toBe(1);
      expect(checked.stdout).toContain('newer version of Board Secretariat (schema 999');

      expect((await cli('import', '--db', newer, join(dir, 'missing.json'))).code).toBe(1);
      expect(hash(newer), mode).toBe(before);
    }
  });

  it('refuses a corrupt workspace and another program\'s SQLite database', async () => {
    const dir = tempDir();
    const corrupt = await workspaceFile(dir, 'corrupt.db');
    const bytes = readFileSync(corrupt);
    bytes.fill(0xa5, 4096 * 3, 4096 * 6); // scribble over three pages of tables
    writeFileSync(corrupt, bytes);
    const before = hash(corrupt);
    const exported = await cli('export-bundle', '--db', corrupt, '--out', join(dir, 'out.json'));
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(/is damaged \(it failed its integrity check: .*\); nothing was written to it\. Restore the newest backup from the backups folder/s);
    expect((await cli('check', '--db', corrupt)).code).toBe(1);
    expect(hash(corrupt)).toBe(before);

    const foreign = join(dir, 'recipes.db');
    const raw = new Database(foreign);
    raw.exec(`CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('scones')`);
    raw.close();
    const foreignBefore = hash(foreign);
    const run = await cli('export-bundle', '--db', foreign, '--out', join(dir, 'r.json'));
    expect(run.stderr).toContain('is an SQLite database of another program, not a Board Secretariat workspace');
    expect((await cli('check', '--db', foreign)).stdout).toContain('an SQLite database of another program');
    expect(hash(foreign)).toBe(foreignBefore);
  });

  it('will not write a bundle over a workspace file', async () => {
    const dir = tempDir();
    const path = await workspaceFile(dir);
    const other = await workspaceFile(dir, 'other.db');
    const before = hash(other);
    for (const out of [path, join(dir, '.', 'x.db'), other]) {
      const run = await cli('export-bundle', '--db', path, '--out', out);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('is a workspace file; export-bundle will not overwrite it');
    }
    expect(hash(other)).toBe(before);
  });

  it('names a missing workspace rather than creating one to export', async () => {
    const dir = tempDir();
    const run = await cli('export-bundle', '--db', join(dir, 'nope.db'), '--out', join(dir, 'x.json'));
    expect(run.stderr).toContain('No workspace file at');
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
  });
});

describe('the command line: errors', () => {
  it('prints messages, never a stack trace, unless DEBUG is set', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'not sqlite');
    const quiet = await cli('check', '--db', text);
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const loud = await cliWith({ DEBUG: '1' }, 'check', '--db', text);
    expect(loud.stderr).toMatch(/DomainError: .*\n\s+at /);
  });
});

describe('the npm script', () => {
  it('runs main/cli.ts through tsx and sets the exit code (the one spawned test)', async () => {
    const run = promisify(execFile);
    const help = await run('npm', ['run', '-s', 'cli', '--', 'help'], { cwd: join(import.meta.dirname, '../..') });
    expect(help.stdout).toContain('Usage: npm run cli -- COMMAND');
    const wrong = await run('npm', ['run', '-s', 'cli', '--', 'frobnicate'], { cwd: join(import.meta.dirname, '../..') }).catch((e: { code: number; stderr: string }) => e);
    expect(wrong).toMatchObject({ code: 2 });
    expect((wrong as { stderr: string }).stderr).toContain('there is no command called "frobnicate"');
  });
});

describe('npm run serve', () => {
  it('on a file that is not a workspace says so in one line and exits 1, without a stack trace', async () => {
    const dir = tempDir();
    const text = join(dir, 'minutes.db');
    writeFileSync(text, 'These are the minutes, not a workspace.');
    const run = promisify(execFile);
    const failed = await run(join(import.meta.dirname, '../../node_modules/.bin/tsx'), ['scripts/serve.ts', '--db', text, '--port', '0'], {
      cwd: join(import.meta.dirname, '../..'),
      timeout: 60_000,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    const stderr = (failed as { stderr: string }).stderr;
    expect(stderr).toContain(`error: ${text} is not a Board Secretariat workspace (it is not an SQLite database).`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(text, 'utf8')).toBe('These are the minutes, not a workspace.');
  });
});
