import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../main', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * A deferred transaction takes the write lock only at its first write, so a busy workspace is
 * met half-way through (or its snapshot is stale: SQLITE_BUSY_SNAPSHOT). Every write transaction
 * is run with .immediate(); the one read transaction (the bundle export's consistent read) is
 * named here.
 */
const READ_ONLY = new Set(['workspace/bundle.ts']);

describe('write transactions', () => {
  it('are BEGIN IMMEDIATE everywhere in main/: no db.transaction(...) is called plainly', () => {
    const plain: string[] = [];
    for (const file of sources(MAIN)) {
      const rel = file.slice(MAIN.length + 1).replace(/\\/g, '/');
      if (READ_ONLY.has(rel)) continue;
      const text = readFileSync(file, 'utf8');
      // A transaction(...) call is closed by `})()`, `)()` or `})(` + args: all of them plain calls.
      for (const m of text.matchAll(/\.transaction\(/g)) {
        let depth = 0;
        let i = m.index! + '.transaction'.length;
        for (; i < text.length; i++) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')' && --depth === 0) break;
        }
        const after = text.slice(i + 1, i + 40).trimStart();
        if (!after.startsWith('.immediate(')) plain.push(`${rel}: ${after.split('\n')[0]}`);
      }
    }
    expect(plain).toEqual([]);
  });
});
