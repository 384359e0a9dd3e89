import { z } from 'zod';
import { parseMoney } from '../shared/money';

/**
 * Money as a person types it ("£1.16m", "1,160,000", "£35k") → integer pence, through
 * parseMoney, with a message that names the field. The API takes money as text only, so
 * there is one road from a keyboard, a pasted cell or an imported file to the database.
 * (General enough to move to main/api/fields.ts when another area needs it.)
 */
export const money = (label: string, opts: { allowNegative?: boolean } = {}) =>
  z.string({ error: `${label} must be an amount of money written as text, e.g. "£35,000"` }).transform((text, ctx) => {
    const r = parseMoney(text);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.reason.startsWith('"') ? `${label}: ${r.reason}` : `${label} ${r.reason}` });
      return z.NEVER;
    }
    if (r.pence < 0 && !opts.allowNegative) {
      ctx.addIssue({ code: 'custom', message: `${label} cannot be negative (${text.trim()} was entered)` });
      return z.NEVER;
    }
    return r.pence;
  });

export const percent = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .min(0, `${label} must be between 0 and 100`)
    .max(100, `${label} must be between 0 and 100`);
