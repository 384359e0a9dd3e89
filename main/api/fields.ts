import { z } from 'zod';
import { isFinancialYear, isIsoDate, isIsoMonth } from '../shared/financial-year';
import { parseMoney, shortened } from '../shared/money';

/**
 * Field builders whose messages name the field as the user sees it, so an error reads
 * "Family name is required" rather than "String must contain at least 1 character(s)".
 */
/** The largest id either engine stores: PostgreSQL's ids are `integer` (32-bit), SQLite's 64-bit. */
export const MAX_ID = 2_147_483_647;

export const id = (label = 'Id') =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .positive(`${label} must be positive`)
    // Larger is no record on either engine; PostgreSQL would refuse to compare it with an id.
    .max(MAX_ID, `${label} is too large to be a record's id`);

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), `${label} contains control characters`);

export const optionalText = (label: string, max = 2000) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), `${label} contains control characters`)
    .default('');

/**
 * A search box's text. Control characters are refused as in every text field: PostgreSQL's
 * text cannot hold NUL at all, so a search with one would fail there and not on SQLite.
 */
export const searchText = (label = 'Search', max = 200) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), `${label} contains control characters`)
    .default('');

export const email = (label = 'Email') =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(254, `${label} must be at most 254 characters`)
    .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), `${label} is not an email address (e.g. name@kent.police.uk)`)
    .default('');

export const isoDate = (label: string) =>
  z.string({ error: `${label} must be a date` }).refine(isIsoDate, `${label} must be a date written YYYY-MM-DD (e.g. 2019-09-24)`);

export const isoDateTime = (label: string) =>
  z
    .string({ error: `${label} must be a date and time` })
    .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s) && isIsoDate(s.slice(0, 10)) && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60, `${label} must be a date and time written YYYY-MM-DDTHH:MM`);

export const isoMonth = (label: string) =>
  z.string({ error: `${label} must be a month` }).refine(isIsoMonth, `${label} must be a month written YYYY-MM (e.g. 2019-04)`);

export const financialYear = (label = 'Financial year') =>
  z.string({ error: `${label} must be text` }).refine(isFinancialYear, `${label} must be a financial year written like 2019/20`);

export const pence = (label: string) =>
  z.number({ error: `${label} must be an amount in pence` }).int(`${label} must be a whole number of pence`).refine(Number.isSafeInteger, `${label} is too large`);

export const nonNegativePence = (label: string) => pence(label).refine((n) => n >= 0, `${label} cannot be negative`);

/**
 * Money as a person types it ("£1.16m", "1,160,000", "£35k") → integer pence, through
 * parseMoney, with a message that names the field. An operation that takes money as text
 * has one road from a keyboard, a pasted cell or an imported file to the database.
 */
export const money = (label: string, opts: { allowNegative?: boolean } = {}) =>
  z.string({ error: `${label} must be an amount of money written as text, e.g. "£35,000"` }).transform((text, ctx) => {
    const r = parseMoney(text);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.reason.startsWith('"') ? `${label}: ${r.reason}` : `${label} ${r.reason}` });
      return z.NEVER;
    }
    if (r.pence < 0 && !opts.allowNegative) {
      ctx.addIssue({ code: 'custom', message: `${label} cannot be negative (${shortened(text)} was entered)` });
      return z.NEVER;
    }
    return r.pence;
  });

export const percent = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .min(0, `${label} must be between 0 and 100`)
    .max(100, `${label} must be between 0 and 100`);

export const flag = (label: string) => z.boolean({ error: `${label} must be yes or no` });

export const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

export const empty = z.object({}).strict().default({});

type WithoutDefault<T> = T extends z.ZodDefault<infer I> ? I : T;

/**
 * The fields of a create schema as the optional fields of an update ("patch") schema. zod 4
 * applies a field's default even inside .partial(), so a patch built with .partial() would
 * reset every field it does not mention; patchOf drops the defaults first, so an absent
 * field stays absent (undefined) and the update leaves it alone.
 */
export function patchOf<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]> & z.ZodType> } {
  return Object.fromEntries(
    Object.entries(shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional()]),
  ) as never;
}
