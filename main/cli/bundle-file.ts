import { readFileSync } from 'node:fs';
import type { Bundle } from '../workspace/bundle';
import { DomainError } from '../shared/errors';

/** Reads a bundle file as JSON; the shape is checked by importBundle. */
export function readBundleFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DomainError('bundle.missing', `No bundle file at ${path}. Check the path.`, 'bundle');
    if (code === 'EISDIR') throw new DomainError('bundle.missing', `${path} is a folder, not a bundle file.`, 'bundle');
    throw err;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new DomainError(
      'bundle.notJson',
      `${path} is not a JSON file (${(err as Error).message}). A bundle is the JSON that export-bundle writes; see docs/bundle.md.`,
      'bundle',
    );
  }
}

/**
 * Pretty JSON with one row per line: readable, diff-friendly, and a tenth of the size of
 * JSON.stringify(bundle, null, 2) for a large workspace.
 */
export function formatBundle(bundle: Bundle): string {
  const { tables, ...head } = bundle;
  const lines = ['{'];
  for (const [key, value] of Object.entries(head)) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  lines.push('  "tables": {');
  const names = Object.keys(tables);
  names.forEach((name, t) => {
    const rows = tables[name] ?? [];
    const comma = t < names.length - 1 ? ',' : '';
    if (rows.length === 0) {
      lines.push(`    ${JSON.stringify(name)}: []${comma}`);
      return;
    }
    lines.push(`    ${JSON.stringify(name)}: [`);
    rows.forEach((row, i) => lines.push(`      ${JSON.stringify(row)}${i < rows.length - 1 ? ',' : ''}`));
    lines.push(`    ]${comma}`);
  });
  lines.push('  }', '}');
  return lines.join('\n') + '\n';
}
