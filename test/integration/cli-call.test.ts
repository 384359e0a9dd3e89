import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { contract } from '../../main/api/contract';
import { runCli } from '../../main/cli/run';
import { tempWorkspace } from '../helpers/workspace';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** The real command line: main/cli.ts through tsx, as `npm run cli --` runs it. */
async function spawned(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = promisify(execFile);
  try {
    const { stdout, stderr } = await run(TSX, ['main/cli.ts', ...argv], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { actor: 'test', now: () => new Date('2020-04-15T10:00:00') });
  return { code, stdout, stderr };
}

describe('call: any operation of the contract from the command line', () => {
  it('help call lists every operation with the contract’s own summary', async () => {
    const help = await spawned('help', 'call');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run cli -- call --db FILE [--input FILE.json] [--json TEXT] OPERATION');
    for (const [name, def] of Object.entries(contract)) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name.replace('.', '\\.')} +(read|write|export) +${def.summary.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    }
    expect((await cli('call', '--help')).stdout).toBe(help.stdout);
  });

  it('adds a funding stream from a JSON file, reads it back, and refuses bad input naming the field with nothing written', async () => {
    const ws = await tempWorkspace();
    await ws.store.close(); // the command line opens the workspace itself
    const file = join(ws.dir, 'stream.json');
    writeFileSync(
      file,
      JSON.stringify({ reference: 'VRF', name: 'Violence Reduction Fund', funder: 'Kent PCC', firstYear: '2019/20', lastYear: '2021/22', awardCap: '£35,000' }),
    );
    const made = await spawned('call', '--db', ws.path, '--input', file, 'fundingStream.create');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const stream = JSON.parse(made.stdout) as { id: number; awardCapPence: number; years: string[] };
    expect(stream).toMatchObject({ awardCapPence: 3_500_000, years: ['2019/20', '2020/21', '2021/22'] });

    // The same validation as the API: a cap that is not money is named, exit code 1, nothing added.
    const bad = await spawned('call', '--db', ws.path, '--json', JSON.stringify({ reference: 'VRF2', name: 'x', funder: 'y', firstYear: '2019/20', lastYear: '2019/20', awardCap: 'lots' }), 'fundingStream.create');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('error: Award cap: "lots" is not an amount of money');
    expect(bad.stderr).toContain('  field: awardCap');

    const list = await cli('call', '--db', ws.path, 'fundingStream.list');
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { reference: string }[]).map((s) => s.reference)).toEqual(['VRF']);

    const one = await cli('call', '--db', ws.path, '--json', `{"id": ${stream.id}}`, 'fundingStream.get');
    expect(JSON.parse(one.stdout)).toMatchObject({ reference: 'VRF', name: 'Violence Reduction Fund' });

    // A rule of the service (not the schema) comes back the same way.
    const missing = await cli('call', '--db', ws.path, '--json', '{"id": 999}', 'fundingStream.get');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: .*999/m);
  });

  it('names a wrong operation, JSON that does not parse, an unreadable file and both inputs at once', async () => {
    const ws = await tempWorkspace();
    await ws.store.close();
    const wrong = await cli('call', '--db', ws.path, 'fundingStream.lst');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('there is no operation called "fundingStream.lst"; in that area there are: fundingStream.list');
    const notJson = await cli('call', '--db', ws.path, '--json', '{id: 1}', 'fundingStream.get');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('the input in --json is not JSON');
    const noFile = await cli('call', '--db', ws.path, '--input', join(ws.dir, 'nope.json'), 'fundingStream.list');
    expect(noFile.stderr).toContain('nope.json could not be read: there is no such file');
    const both = await cli('call', '--db', ws.path, '--input', 'a.json', '--json', '{}', 'fundingStream.list');
    expect(both.stderr).toContain('either with --input FILE.json or with --json TEXT, not both');
    const unknownField = await cli('call', '--db', ws.path, '--json', '{"colour": "red"}', 'fundingStream.list');
    expect(unknownField.code).toBe(1);
    expect(unknownField.stderr).toContain('Unknown field: colour');
  });
});
