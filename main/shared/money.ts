/**
 * Money is integer pence end to end. These helpers read what a person types and write
 * what a person reads (en-GB, £). Pure: used by services, exports, the CLI and the UI.
 */
export type ParseResult = { ok: true; pence: number } | { ok: false; reason: string };

/** What was typed, for a message: a long paste is cut to its start, not echoed whole. */
export function shortened(input: string, quote = ''): string {
  const text = input.trim();
  return text.length > 40 ? `${quote}${text.slice(0, 30)}…${quote} (${text.length} characters)` : `${quote}${text}${quote}`;
}

const quoted = (input: string) => shortened(input, '"');

/**
 * Understands "£1.16m", "1,160,000", "1160000.00", "£35k", "36814", "-£250.50", "(250.50)".
 * Refuses text, more than two decimal places of pounds, and amounts beyond ±£90 trillion.
 */
export function parseMoney(input: string): ParseResult {
  let text = input.trim().replace(/\s+/g, '');
  if (text === '') return { ok: false, reason: 'is empty; enter an amount such as £35,000' };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(/^£/, '').replace(/^GBP/i, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?([km]|bn)?$/i.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) {
    return { ok: false, reason: `${quoted(input)} is not an amount of money; write it like £35,000 or 1160000.00` };
  }
  const whole = (m[1] ?? '0').replace(/,/g, '');
  const fraction = m[2] ?? '';
  const suffix = (m[3] ?? '').toLowerCase();
  const scale = suffix === 'k' ? 3 : suffix === 'm' ? 6 : suffix === 'bn' ? 9 : 0;
  // Work in decimal digits so that 1.16m is exactly 116,000,000 pence (no float error).
  const digits = scale + 2;
  if (fraction.length > digits) {
    return {
      ok: false,
      reason: scale === 0 ? `${quoted(input)} has more than two decimal places of pounds` : `${quoted(input)} is more precise than a penny`,
    };
  }
  const penceText = whole + fraction.padEnd(digits, '0');
  const pence = Number(penceText);
  if (!Number.isSafeInteger(pence) || pence > 9e15) return { ok: false, reason: `${quoted(input)} is too large` };
  return { ok: true, pence: negative && pence !== 0 ? -pence : pence };
}

const whole = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const exact = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 3681400 → "£36,814"; 3681450 → "£36,814.50" (pence shown only when there are any). */
export function formatPence(pence: number, opts: { alwaysPence?: boolean } = {}): string {
  const pounds = pence / 100;
  if (!opts.alwaysPence && pence % 100 === 0) return whole.format(pounds);
  return exact.format(pounds);
}

/** Sum of integers, refusing to lose precision. */
export function sumPence(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError('Total is beyond safe integer range');
  return total;
}
