import type { z } from 'zod';
import type { Random } from '../../bench/random';
import { fieldsOf, objectPaths, withValue, type Path } from './schema-fields';

/**
 * The malformed payloads of the contract fuzz test: for one operation, its plausible input
 * with each field in turn left out or replaced by a hostile value, unknown keys added to
 * every object in it, the whole payload replaced by something that is not an object, and
 * seeded random combinations of these.
 */

export interface Payload {
  /** How it was made, for the failure report: "id ← NaN", "missing boardId". */
  label: string;
  value: unknown;
  /** The field broken, when exactly one was (the error should name it). */
  broken?: string;
}

const HUGE = 'a'.repeat(100_000);

function deepObject(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = { nested: v };
  return v;
}

function deepArray(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** Values that do not belong where they are put, named for the report. */
export function hostileValues(workspacePath: string): [string, unknown][] {
  return [
    ['null', null],
    ['undefined', undefined],
    ['true', true],
    ['false', false],
    ['0', 0],
    ['-0', -0],
    ['-1', -1],
    ['1.5', 1.5],
    ['-2.5', -2.5],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['1e308', 1e308],
    ['2^53+2', 2 ** 53 + 2],
    ['a bigint-sized id', 99_999_999_999],
    ["''", ''],
    ["'   '", '   '],
    ["'1'", '1'],
    ["'-1'", '-1'],
    ["'NaN'", 'NaN'],
    ["'true'", 'true'],
    ['100k characters', HUGE],
    ['100k digits', '9'.repeat(100_000)],
    ['a NUL character', 'a\u0000b'],
    ['control characters', 'x\u0007\u001b[2J\u0008\u007f'],
    ['line breaks and tabs', 'a\r\nb\tc\u2028d'],
    ['a right-to-left override', 'abc\u202edocx.exe'],
    ['a lone surrogate', 'a\ud800b'],
    ['an SQL quote', "x' OR '1'='1"],
    ['an SQL statement', '1; DROP TABLE person; --'],
    ['an SQL query', "' UNION SELECT sql FROM sqlite_schema --"],
    ['a relative path up', '../../etc/passwd'],
    ['an absolute path', '/etc/passwd'],
    ['the workspace path', workspacePath],
    ['the workspace -wal', `${workspacePath}-wal`],
    ['the workspace -shm', `${workspacePath}-shm`],
    ['the workspace -journal', `${workspacePath}-journal`],
    ['a Windows path', 'C:\\Windows\\win.ini'],
    ['a UNC path', '\\\\server\\share\\board.docx'],
    ['a file URL', 'file:///etc/passwd'],
    ['an encoded path', '..%2f..%2fetc%2fpasswd'],
    ['30 February', '2019-02-30'],
    ['month 13', '2019-13-01'],
    ['day 0', '2019-04-00'],
    ['29 February 2019', '2019-02-29'],
    ['hour 24', '2020-03-02T24:00'],
    ['a year 2019/21', '2019/21'],
    ['a year 2019/2020', '2019/2020'],
    ['a date in another order', '30/09/2019'],
    ['[]', []],
    ['[null]', [null]],
    ["['x']", ['x']],
    ['[1, 2]', [1, 2]],
    ['{}', {}],
    ['{ a: 1 }', { a: 1 }],
    ['an object 2,000 deep', deepObject(2000)],
    ['a list 2,000 deep', deepArray(2000)],
    ['an own __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a constructor key', { constructor: { prototype: { polluted: true } } }],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { a: 1 })],
  ];
}

const pathText = (path: Path) => path.map(String).join('.');

/** The payloads that replace the whole input. */
function rootPayloads(base: unknown): Payload[] {
  return [
    { label: 'null', value: null },
    { label: 'undefined', value: undefined },
    { label: '[]', value: [] },
    { label: '[the payload]', value: [base] },
    { label: '42', value: 42 },
    { label: 'NaN', value: NaN },
    { label: "'text'", value: 'text' },
    { label: 'true', value: true },
    { label: '100k characters', value: HUGE },
    { label: 'an object 2,000 deep', value: deepObject(2000) },
    { label: 'an own __proto__ key', value: JSON.parse('{"__proto__": {"polluted": true}}') },
    { label: 'the payload with an own __proto__ key', value: Object.assign(JSON.parse('{"__proto__": {"polluted": true}}') as object, base) },
    { label: 'the payload with a constructor key', value: { ...(base as object), constructor: { prototype: { polluted: true } } } },
  ];
}

/** Each field left out (when required) and replaced by each hostile value; unknown keys everywhere. */
export function systematicPayloads(schema: z.ZodType, base: unknown, hostile: [string, unknown][]): Payload[] {
  const out: Payload[] = rootPayloads(base);
  for (const field of fieldsOf(schema)) {
    const name = pathText(field.path);
    if (field.required) out.push({ label: `missing ${name}`, value: withValue(base, field.path, undefined, true), broken: name });
    for (const [label, value] of hostile) out.push({ label: `${name} ← ${label}`, value: withValue(base, field.path, value), broken: name });
  }
  for (const path of objectPaths(schema)) {
    const at = path.length ? pathText(path) + '.' : '';
    out.push({ label: `${at}unknown key`, value: withValue(base, [...path, 'fuzzUnknown'], 1) });
    out.push({ label: `${at}own __proto__ key`, value: withValue(base, [...path, '__proto__'], { polluted: true }) });
    out.push({ label: `${at}constructor key`, value: withValue(base, [...path, 'constructor'], 'x') });
  }
  return out;
}

/** A random value of a random kind (strings of random code points, odd numbers, small structures). */
function randomValue(rnd: Random, hostile: [string, unknown][], depth = 0): [string, unknown] {
  const kind = rnd.int(0, 5);
  if (kind === 0 || depth > 2) return rnd.pick(hostile);
  if (kind === 1) {
    const len = rnd.pick([0, 1, 2, 10, 201, 1001, 5000]);
    let s = '';
    for (let i = 0; i < len; i++) s += String.fromCodePoint(rnd.pick([rnd.int(0, 0x1f), rnd.int(0x20, 0x7e), rnd.int(0x80, 0xffff), rnd.int(0x10000, 0x10ffff)]));
    return [`a random string of ${len}`, s.replace(/[\ud800-\udfff]/g, '?')];
  }
  if (kind === 2) {
    const n = rnd.pick([rnd.int(-1e6, 1e6), rnd.next() * 1e6 - 5e5, -rnd.int(1, 100), Number.MAX_VALUE * rnd.next(), Number.MIN_VALUE]);
    return [`the number ${n}`, n];
  }
  if (kind === 3) {
    const [l, v] = randomValue(rnd, hostile, depth + 1);
    return [`[${l}]`, [v]];
  }
  if (kind === 4) {
    const [l, v] = randomValue(rnd, hostile, depth + 1);
    return [`{ k: ${l} }`, { k: v }];
  }
  return [`the string ${JSON.stringify(rnd.pick(['1', '0', 'x', '2019', 'docx', '%s%n', '${x}', '{{x}}']))}`, rnd.pick(['1', '0', 'x', '2019', 'docx', '%s%n', '${x}', '{{x}}'])];
}

/** `runs` payloads, each breaking one to three random fields (or adding an unknown key). */
export function randomPayloads(schema: z.ZodType, base: unknown, hostile: [string, unknown][], rnd: Random, runs: number): Payload[] {
  const fields = fieldsOf(schema);
  const objects = objectPaths(schema);
  const out: Payload[] = [];
  for (let i = 0; i < runs; i++) {
    let value = base;
    const labels: string[] = [];
    const broken: string[] = [];
    const changes = rnd.int(1, 3);
    for (let c = 0; c < changes; c++) {
      if (fields.length === 0 || rnd.chance(0.15)) {
        const path = objects.length ? rnd.pick(objects) : [];
        const key = rnd.pick(['fuzzUnknown', '__proto__', 'constructor', 'prototype', '', ' id', 'ID']);
        value = withValue(value, [...path, key], randomValue(rnd, hostile)[1]);
        labels.push(`${pathText([...path, key]) || "''"} added`);
        continue;
      }
      const field = rnd.pick(fields);
      const name = pathText(field.path);
      if (rnd.chance(0.2)) {
        value = withValue(value, field.path, undefined, true);
        labels.push(`missing ${name}`);
      } else {
        const [label, v] = randomValue(rnd, hostile);
        value = withValue(value, field.path, v);
        labels.push(`${name} ← ${label}`);
      }
      broken.push(name);
    }
    out.push({ label: `random: ${labels.join(', ')}`, value, ...(broken.length === 1 && changes === 1 ? { broken: broken[0] } : {}) });
  }
  return out;
}
