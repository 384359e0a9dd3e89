import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { DomainError, type Problem } from '../shared/errors';
import { templatePath } from '../shared/templates-dir';
import { parseFormula, refsOf, type Expr } from './formula';

/**
 * The spend return's layout as data (templates/funding/ho-spend-return-YYYY-YY.json), so
 * finance can follow a changed Home Office form without a release. This module reads a
 * template file and checks it thoroughly: a malformed one is reported with the file and
 * every problem by path, never half-used.
 */
export const TEMPLATE_FORMAT = 'board-secretariat/return-template';

/** Figures the app can put in a cover cell. */
export const COVER_SOURCES = [
  'organisation', 'funder', 'streamName', 'streamReference', 'agreementReference', 'financialYear', 'periodLabel', 'periodStart', 'periodEnd',
  'spendBy', 'carryOver', 'allocation', 'budget', 'unbudgeted', 'variance', 'pointsToNote', 'claimStatus', 'preparedBy', 'preparedOn', 'submittedOn', 'signedOffBy',
  'signedOffOn', 'paidOn', 'today', 'blank', 'varianceExplained', 'unbudgetedExplained',
] as const;
/** Figures per spend heading (headings sheets) and per cost type (costTypes sheets). */
export const HEADING_SOURCES = ['heading', 'costTypeLabel', 'budget', 'actualQuarter', 'actualToDate', 'forecastRemaining', 'forecastYearEnd', 'variance'] as const;
/** Figures per funded project (awards sheets). */
export const AWARD_SOURCES = ['organisation', 'project', 'description', 'tier', 'theme', 'award', 'paid', 'remaining', 'monitoring', 'startsOn', 'endsOn'] as const;

const TYPES = ['text', 'money', 'date'] as const;
const SHEET_NAME = /^[^:\\/?*[\]]{1,31}$/;
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

const coverField = z
  .object({
    label: z.string().min(1, 'label is required'),
    source: z.enum(COVER_SOURCES, { error: `source must be one of: ${COVER_SOURCES.join(', ')}` }).optional(),
    text: z.string().optional(),
    formula: z.string().optional(),
    type: z.enum(TYPES, { error: 'type must be text, money or date' }).default('text'),
    editable: z.boolean().default(false),
    /** A sentence printed (in italics) in the row under the field's value, saying what it means; {source} names are filled in as in titles. */
    note: z.string().min(1, 'note, when given, must not be empty').max(1000).optional(),
  })
  .strict();

const column = z
  .object({
    key: z.string().regex(KEY, 'key must be a name of letters and digits, starting with a letter'),
    label: z.string().min(1, 'label is required'),
    source: z.string().optional(),
    formula: z.string().optional(),
    sumOf: z.string().optional(),
    type: z.enum(TYPES, { error: 'type must be text, money or date' }).default('text'),
    width: z.number().min(4).max(120).optional(),
    editable: z.boolean().default(false),
  })
  .strict();

const sheetName = z.string().regex(SHEET_NAME, 'sheet names are 1 to 31 characters without : \\ / ? * [ ]');
const title = z.string().min(1, 'title is required').max(250);
const total = z.object({ label: z.string().min(1) }).strict().optional();
/** The header row's height in points; without it the row is made tall enough for the longest wrapped label. */
const headerHeight = z.number({ error: 'headerHeight must be a number of points' }).min(10, 'headerHeight must be at least 10 points').max(200, 'headerHeight must be at most 200 points').optional();

const sheet = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('cover'), name: sheetName, title, columnWidths: z.array(z.number().min(4).max(120)).max(2).optional(), fields: z.array(coverField).min(1) }).strict(),
    z
      .object({
        kind: z.literal('headings'),
        name: sheetName,
        title,
        columns: z.array(column).min(1).max(40),
        total,
        headerHeight,
        /** A "Total revenue" and a "Total capital" row under each cost type's headings (needs a costTypeLabel column). */
        subtotals: z.boolean().default(false),
      })
      .strict(),
    z.object({ kind: z.literal('costTypes'), name: sheetName, title, from: z.string(), columns: z.array(column).min(1).max(40), total, headerHeight }).strict(),
    z.object({ kind: z.literal('awards'), name: sheetName, title, columns: z.array(column).min(1).max(40), total, headerHeight, emptyText: z.string().default('None.') }).strict(),
  ],
  { error: 'kind must be cover, headings, costTypes or awards' },
);

const templateSchema = z
  .object({
    format: z.literal(TEMPLATE_FORMAT, { error: `format must be "${TEMPLATE_FORMAT}"` }),
    version: z.literal(1, { error: 'version must be 1' }),
    name: z.string().min(1, 'name is required'),
    about: z.union([z.string(), z.array(z.string())]).optional(),
    protection: z.object({ password: z.string().default('') }).strict().default({ password: '' }),
    sheets: z.array(sheet).min(1, 'a template needs at least one sheet').max(20),
  })
  .strict();

export type ReturnTemplate = z.infer<typeof templateSchema>;
export type TemplateSheet = ReturnTemplate['sheets'][number];
export type TemplateColumn = z.infer<typeof column>;
export type CoverField = z.infer<typeof coverField>;

/** Parsed formulas, keyed "sheetIndex/columnKey" or "sheetIndex/field:index". */
export interface CheckedTemplate {
  template: ReturnTemplate;
  formulas: Map<string, Expr>;
}

function sourcesFor(kind: TemplateSheet['kind']): readonly string[] {
  return kind === 'awards' ? AWARD_SOURCES : HEADING_SOURCES;
}

/** Every problem of a template, by path; an empty list means it can be used. */
export function checkTemplate(raw: unknown): { checked?: CheckedTemplate; problems: Problem[] } {
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ path: i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n ? '.' : ''}${String(p)}`)).join('') || '(template)', message: i.message })) };
  }
  const template = parsed.data;
  const problems: Problem[] = [];
  const formulas = new Map<string, Expr>();
  const names = new Map<string, TemplateSheet>();
  template.sheets.forEach((s, i) => {
    if (names.has(s.name.toLowerCase())) problems.push({ path: `sheets[${i}].name`, message: `"${s.name}" is used by another sheet` });
    names.set(s.name.toLowerCase(), s);
  });
  const totalOf = (sheetRef: string, col: string, path: string) => {
    const target = names.get(sheetRef.toLowerCase());
    if (!target) return problems.push({ path, message: `refers to a sheet "${sheetRef}" that the template does not have` });
    if (target.kind === 'cover') return problems.push({ path, message: `"${sheetRef}" is a cover sheet and has no total row` });
    if (!target.total) return problems.push({ path, message: `"${sheetRef}" has no total row (add "total": {"label": "Total"})` });
    if (!target.columns.some((c) => c.key === col)) return problems.push({ path, message: `"${col}" is not a column of "${sheetRef}"` });
    return 0;
  };
  const parse = (text: string, path: string, key: string): Expr | undefined => {
    try {
      const e = parseFormula(text);
      formulas.set(key, e);
      return e;
    } catch (err) {
      problems.push({ path, message: `formula "${text}": ${(err as Error).message}` });
      return undefined;
    }
  };

  template.sheets.forEach((s, si) => {
    const at = `sheets[${si}]`;
    if (s.kind === 'cover') {
      const sources = new Set(s.fields.map((f) => f.source).filter(Boolean));
      s.fields.forEach((f, fi) => {
        const path = `${at}.fields[${fi}]`;
        const given = [f.source, f.text, f.formula].filter((x) => x !== undefined).length;
        if (given !== 1) problems.push({ path, message: 'give exactly one of source, text or formula' });
        for (const [, name] of (f.note ?? '').matchAll(/\{(\w+)\}/g)) {
          if (!(COVER_SOURCES as readonly string[]).includes(name!)) problems.push({ path: `${path}.note`, message: `{${name}} is not a figure the app can fill in (one of: ${COVER_SOURCES.join(', ')})` });
        }
        if (f.formula !== undefined) {
          const e = parse(f.formula, `${path}.formula`, `${si}/field:${fi}`);
          for (const r of e ? refsOf(e) : []) {
            if (r.sheet) totalOf(r.sheet, r.col, `${path}.formula`);
            else if (!sources.has(r.col as (typeof COVER_SOURCES)[number])) problems.push({ path: `${path}.formula`, message: `{${r.col}} is not the source of another field of this sheet` });
          }
        }
      });
      return;
    }
    const keys = new Set<string>();
    s.columns.forEach((c, ci) => {
      const path = `${at}.columns[${ci}]`;
      if (keys.has(c.key)) problems.push({ path: `${path}.key`, message: `"${c.key}" is used by another column of this sheet` });
      keys.add(c.key);
      const given = [c.source, c.formula, c.sumOf].filter((x) => x !== undefined).length;
      if (given !== 1) problems.push({ path, message: 'give exactly one of source, formula or sumOf' });
      if (c.source !== undefined && !sourcesFor(s.kind).includes(c.source)) {
        problems.push({ path: `${path}.source`, message: `"${c.source}" is not a figure of a ${s.kind} sheet (one of: ${sourcesFor(s.kind).join(', ')})` });
      }
      if (c.sumOf !== undefined && s.kind !== 'costTypes') problems.push({ path: `${path}.sumOf`, message: 'sumOf is only for costTypes sheets' });
      if (c.editable && c.source === undefined) problems.push({ path: `${path}.editable`, message: 'only columns filled from a source can be editable (formulas stay locked)' });
    });
    s.columns.forEach((c, ci) => {
      if (c.formula === undefined) return;
      const path = `${at}.columns[${ci}].formula`;
      const e = parse(c.formula, path, `${si}/${c.key}`);
      for (const r of e ? refsOf(e) : []) {
        if (r.sheet) totalOf(r.sheet, r.col, path);
        else if (!keys.has(r.col)) problems.push({ path, message: `{${r.col}} is not a column of this sheet` });
        else if (r.col === c.key) problems.push({ path, message: `{${r.col}} refers to itself` });
      }
    });
    if (s.kind === 'headings' && s.subtotals && !s.columns.some((c) => c.source === 'costTypeLabel')) {
      problems.push({ path: `${at}.subtotals`, message: 'subtotals need a column with source costTypeLabel to group by' });
    }
    if (s.kind === 'costTypes') {
      const from = names.get(s.from.toLowerCase());
      if (!from || from.kind !== 'headings') {
        problems.push({ path: `${at}.from`, message: `"${s.from}" must name a headings sheet of this template` });
      } else {
        if (!from.columns.some((c) => c.source === 'costTypeLabel')) problems.push({ path: `${at}.from`, message: `"${s.from}" has no column with source costTypeLabel to group by` });
        s.columns.forEach((c, ci) => {
          if (c.sumOf !== undefined && !from.columns.some((fc) => fc.key === c.sumOf)) {
            problems.push({ path: `${at}.columns[${ci}].sumOf`, message: `"${c.sumOf}" is not a column of "${s.from}"` });
          }
        });
      }
      if (!s.columns.some((c) => c.source === 'costTypeLabel')) problems.push({ path: `${at}.columns`, message: 'a costTypes sheet needs a column with source costTypeLabel' });
    }
    // A formula column may not depend on itself through another formula column.
    const deps = new Map(s.columns.filter((c) => c.formula !== undefined).map((c) => [c.key, (formulas.get(`${si}/${c.key}`) ? refsOf(formulas.get(`${si}/${c.key}`)!) : []).filter((r) => !r.sheet).map((r) => r.col)]));
    const visiting = new Set<string>();
    const cyclic = (k: string): boolean => {
      if (visiting.has(k)) return true;
      visiting.add(k);
      const found = (deps.get(k) ?? []).some((d) => deps.has(d) && cyclic(d));
      visiting.delete(k);
      return found;
    };
    for (const k of deps.keys()) if (cyclic(k)) problems.push({ path: `${at}.columns`, message: `the formula of "${k}" depends on itself` });
  });
  return problems.length > 0 ? { problems } : { checked: { template, formulas }, problems };
}

/** The template for a financial year: the file for that year, else the latest earlier one. */
export function defaultTemplatePath(financialYear: string): string {
  const dir = templatePath('funding');
  const wanted = `ho-spend-return-${financialYear.replace('/', '-')}.json`;
  if (existsSync(resolve(dir, wanted))) return resolve(dir, wanted);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^ho-spend-return-\d{4}-\d{2}\.json$/.test(f)).sort() : [];
  const earlier = files.filter((f) => f <= wanted);
  const pick = earlier[earlier.length - 1] ?? files[0];
  if (!pick) throw new DomainError('template.missing', `No spend return template was found in ${dir}.`, 'template');
  return resolve(dir, pick);
}

export function readTemplateFile(path: string): { checked?: CheckedTemplate; problems: Problem[] } {
  if (!existsSync(path)) return { problems: [{ path: '(file)', message: 'does not exist' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return { problems: [{ path: '(file)', message: `is not valid JSON: ${(err as Error).message}` }] };
  }
  return checkTemplate(raw);
}

/** Loads a template or throws a DomainError naming the file and what is wrong with it. */
export function loadTemplate(path: string): CheckedTemplate {
  const { checked, problems } = readTemplateFile(path);
  if (checked) return checked;
  const list = problems.slice(0, 5).map((p) => `${p.path} ${p.message}`).join('; ');
  throw new DomainError(
    'template.invalid',
    `The return template ${basename(path)} cannot be used: ${list}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}. (${path})`,
    'template',
    problems.map((p) => ({ path: `${basename(path)}: ${p.path}`, message: p.message })),
  );
}
