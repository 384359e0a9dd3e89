/**
 * Generates the per-table part of docs/bundle.md and docs/bundle.schema.json from a
 * migrated in-memory database, so the documentation cannot drift from the schema
 * (test/integration/bundle.test.ts fails when either is stale).
 *
 *   npx tsx scripts/bundle-doc.ts           rewrite both files
 *   npx tsx scripts/bundle-doc.ts --check   exit 1 if either is out of date
 */
import type { Database } from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../main/db/connection';
import { BUNDLE_FORMAT, BUNDLE_VERSION, dataTables } from '../main/workspace/bundle';
import { latestVersion } from '../main/db/migrate';

export interface ColumnDoc {
  name: string;
  type: string;
  /** Must be present in every row (NOT NULL without a default). */
  required: boolean;
  nullable: boolean;
  default: string | null;
  /** Part of the primary key. */
  key: boolean;
  refersTo: string | null;
  unique: boolean;
  /** Compared without regard to case (COLLATE NOCASE): "Kent Police" and "kent police" clash. */
  nocase: boolean;
  /** The allowed values when the column's CHECK is a plain `col IN (…)`. */
  allowed: (string | number)[] | null;
  check: string | null;
}

export interface TableDoc {
  name: string;
  columns: ColumnDoc[];
  /** Multi-column keys and unique rules, CHECKs across columns. */
  rules: string[];
}

/** Splits the body of a CREATE TABLE at top-level commas, comments removed. */
function definitions(createSql: string): string[] {
  const body = createSql.slice(createSql.indexOf('(') + 1, createSql.lastIndexOf(')')).replace(/--[^\n]*/g, '');
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let current = '';
  for (const ch of body) {
    if (ch === "'") quote = !quote;
    if (!quote && ch === '(') depth++;
    if (!quote && ch === ')') depth--;
    if (!quote && depth === 0 && ch === ',') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** The text inside the parentheses that follow CHECK, balanced. */
function checkOf(def: string): string | null {
  const at = def.search(/\bCHECK\s*\(/i);
  if (at < 0) return null;
  const open = def.indexOf('(', at);
  let depth = 0;
  for (let i = open; i < def.length; i++) {
    if (def[i] === '(') depth++;
    if (def[i] === ')' && --depth === 0) return def.slice(open + 1, i).trim();
  }
  return null;
}

function allowedValues(column: string, check: string | null): (string | number)[] | null {
  const m = check ? new RegExp(`^${column} IN \\((.*)\\)$`).exec(check) : null;
  if (!m) return null;
  return m[1]!.split(',').map((v) => {
    const t = v.trim();
    return t.startsWith("'") ? t.slice(1, -1) : Number(t);
  });
}

export function describeSchema(db: Database): TableDoc[] {
  return dataTables().map((table) => {
    const createSql = (db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).get(table) as { sql: string }).sql;
    const defs = definitions(createSql);
    const info = db.prepare(`SELECT name, type, "notnull" AS "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(table) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const fks = db.prepare(`SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)`).all(table) as { from: string; table: string; to: string | null }[];
    const rules: string[] = [];
    const keyCols = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    if (keyCols.length > 1) rules.push(`Key: (${keyCols.map((c) => c.name).join(', ')}) — each combination once.`);

    const uniqueSingles = new Set<string>();
    const indexes = db.prepare(`SELECT name, "unique", origin, partial FROM pragma_index_list(?) ORDER BY name`).all(table) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[];
    for (const ix of indexes.filter((i) => i.unique && i.origin !== 'pk')) {
      const cols = (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(ix.name) as { name: string }[]).map((c) => c.name);
      const where = ix.partial ? / WHERE (.*)$/s.exec((db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).get(ix.name) as { sql: string }).sql)?.[1] : undefined;
      if (cols.length === 1 && !where) uniqueSingles.add(cols[0]!);
      else rules.push(`Unique: (${cols.join(', ')})${where ? ` where ${where.replace(/\s+/g, ' ')}` : ''}.`);
    }
    for (const def of defs) {
      if (/^CHECK\b/i.test(def)) rules.push(`Check: ${checkOf(def)}.`);
    }
    const columns = info.map((c): ColumnDoc => {
      const def = defs.find((d) => d.split(' ')[0] === c.name) ?? '';
      const fk = fks.find((f) => f.from === c.name);
      const check = checkOf(def);
      return {
        name: c.name,
        type: c.type,
        required: c.notnull === 1 && c.dflt_value === null && c.pk === 0,
        nullable: c.notnull === 0 && c.pk === 0,
        default: c.dflt_value,
        key: c.pk > 0,
        refersTo: fk ? `${fk.table}.${fk.to ?? 'id'}` : null,
        unique: uniqueSingles.has(c.name),
        nocase: /\bCOLLATE NOCASE\b/i.test(def),
        allowed: allowedValues(c.name, check),
        check,
      };
    });
    return { name: table, columns, rules };
  });
}

function cell(c: ColumnDoc): string {
  const notes: string[] = [];
  if (c.refersTo) notes.push(`refers to ${c.refersTo}`);
  if (c.unique) notes.push(c.nocase ? 'unique, whatever the case' : 'unique');
  if (c.allowed) notes.push(`one of ${c.allowed.map((v) => `\`${v}\``).join(', ')}`);
  else if (c.check) notes.push(`check: \`${c.check}\``);
  if (/_pence$/.test(c.name)) notes.push('pence');
  return notes.join('; ');
}

function presence(c: ColumnDoc): string {
  if (c.key) return 'key';
  if (c.required) return 'required';
  if (c.default !== null) return `default ${c.default}`;
  return 'may be null';
}

export function tablesMarkdown(tables: TableDoc[]): string {
  const out: string[] = [];
  for (const t of tables) {
    out.push(`### ${t.name}`, '', '| Column | Type | In a row | Rules |', '| --- | --- | --- | --- |');
    for (const c of t.columns) out.push(`| ${c.name} | ${c.type} | ${presence(c)} | ${cell(c).replace(/\|/g, '\\|')} |`);
    if (t.rules.length) out.push('', ...t.rules.map((r) => `- ${r}`));
    out.push('');
  }
  return out.join('\n');
}

const JSON_TYPE: Record<string, string> = { INTEGER: 'integer', REAL: 'number', TEXT: 'string' };

export function bundleJsonSchema(tables: TableDoc[]): object {
  const defs: Record<string, object> = {};
  for (const t of tables) {
    const properties: Record<string, object> = {};
    for (const c of t.columns) {
      const type = JSON_TYPE[c.type.toUpperCase()] ?? 'string';
      const prop: Record<string, unknown> = { type: c.nullable ? [type, 'null'] : type };
      if (c.allowed) prop.enum = c.nullable ? [...c.allowed, null] : c.allowed;
      const desc = [c.refersTo ? `refers to ${c.refersTo}` : '', c.check && !c.allowed ? `check: ${c.check}` : '', /_pence$/.test(c.name) ? 'pence' : '', c.unique ? (c.nocase ? 'unique, whatever the case' : 'unique') : '']
        .filter(Boolean)
        .join('; ');
      if (desc) prop.description = desc;
      properties[c.name] = prop;
    }
    defs[t.name] = {
      type: 'object',
      additionalProperties: false,
      required: t.columns.filter((c) => c.required).map((c) => c.name),
      properties,
      ...(t.rules.length ? { description: t.rules.join(' ') } : {}),
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Board Secretariat workspace bundle',
    description: `Generated by scripts/bundle-doc.ts from schema version ${latestVersion()}; see docs/bundle.md. Rules across rows (unique values, references, checks) are enforced by the importer.`,
    type: 'object',
    required: ['format', 'version', 'schemaVersion', 'exportedAt', 'tables'],
    properties: {
      format: { const: BUNDLE_FORMAT },
      version: { const: BUNDLE_VERSION },
      schemaVersion: { type: 'integer', minimum: 1, maximum: latestVersion() },
      exportedAt: { type: 'string', description: 'Local time, YYYY-MM-DDTHH:MM:SS' },
      tables: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(tables.map((t) => [t.name, { type: 'array', items: { $ref: `#/definitions/${t.name}` } }])),
      },
    },
    definitions: defs,
  };
}

const START = '<!-- tables:start (generated by scripts/bundle-doc.ts; do not edit by hand) -->';
const END = '<!-- tables:end -->';
const root = join(import.meta.dirname, '..');
export const DOC_PATH = join(root, 'docs', 'bundle.md');
export const SCHEMA_PATH = join(root, 'docs', 'bundle.schema.json');

/** What docs/bundle.md and docs/bundle.schema.json should hold, given their current text. */
export function generated(currentDoc: string): { doc: string; schema: string } {
  const db = openDatabase(':memory:');
  try {
    const tables = describeSchema(db);
    const from = currentDoc.indexOf(START);
    const to = currentDoc.indexOf(END);
    if (from < 0 || to < from) throw new Error(`docs/bundle.md must contain the markers ${START} and ${END}`);
    const doc = currentDoc.slice(0, from + START.length) + '\n\n' + tablesMarkdown(tables) + '\n' + currentDoc.slice(to);
    return { doc, schema: JSON.stringify(bundleJsonSchema(tables), null, 2) + '\n' };
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const current = readFileSync(DOC_PATH, 'utf8');
  const currentSchema = readFileSync(SCHEMA_PATH, { encoding: 'utf8', flag: 'a+' });
  const next = generated(current);
  if (process.argv.includes('--check')) {
    const stale = [next.doc !== current ? 'docs/bundle.md' : '', next.schema !== currentSchema ? 'docs/bundle.schema.json' : ''].filter(Boolean);
    if (stale.length) {
      console.error(`${stale.join(' and ')} out of date: run npx tsx scripts/bundle-doc.ts`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(DOC_PATH, next.doc);
    writeFileSync(SCHEMA_PATH, next.schema);
    console.log('Wrote docs/bundle.md (tables) and docs/bundle.schema.json');
  }
}
