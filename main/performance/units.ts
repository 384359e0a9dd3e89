/**
 * What an indicator's numbers mean, how they are read from what people type or paste, and
 * how they are written in documents and on screen (en-GB). Pure.
 */
export const UNITS = ['count', 'rate_per_100k', 'rate_per_million', 'percentage', 'pounds'] as const;
export type Unit = (typeof UNITS)[number];

export const UNIT_LABELS: Record<Unit, string> = {
  count: 'Count',
  rate_per_100k: 'Rate per 100,000 population',
  rate_per_million: 'Rate per million population',
  percentage: 'Percentage',
  pounds: 'Pounds (£)',
};

export const POLARITIES = ['lower_is_better', 'higher_is_better'] as const;
export type Polarity = (typeof POLARITIES)[number];
export const POLARITY_LABELS: Record<Polarity, string> = { lower_is_better: 'lower is better', higher_is_better: 'higher is better' };

const decimals = (max: number, min = 0) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: max, minimumFractionDigits: min });
// Formatters are made once: building an Intl.NumberFormat costs far more than using one.
const whole = decimals(0);
const upTo2 = decimals(2);
const exactly2 = decimals(2, 2);
const upTo1 = decimals(1);

/** 412 → "412"; 12.345 (rate per 100k) → "12.35 per 100,000"; 45.5 (%) → "45.5%"; 1234.5 (£) → "£1,234.50". */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'count':
      return Number.isInteger(value) ? whole.format(value) : upTo2.format(value);
    case 'rate_per_100k':
      return `${upTo2.format(value)} per 100,000`;
    case 'rate_per_million':
      return `${upTo2.format(value)} per million`;
    case 'percentage':
      return `${upTo2.format(value)}%`;
    case 'pounds':
      return `${value < 0 ? '-' : ''}£${formatNumber(Math.abs(value), 'pounds')}`;
  }
}

/** The number alone, for table cells whose header names the unit: 12.35, 45.5, 1,234.50. */
export function formatNumber(value: number, unit: Unit): string {
  if (unit === 'count') return Number.isInteger(value) ? whole.format(value) : upTo2.format(value);
  if (unit === 'pounds') return Number.isInteger(value) ? whole.format(value) : exactly2.format(value);
  return upTo2.format(value);
}

/** "3.2%" with a sign: for changes. */
export function formatPercentChange(percent: number): string {
  return `${upTo1.format(Math.abs(percent))}%`;
}

export type ReadValue = { ok: true; value: number } | { ok: false; reason: string };

/**
 * Reads a number the way a person or a spreadsheet writes it: "1,234", "45.5%", "£1,160,000",
 * " 12 ". Refuses words ("n/a", "twelve"), empty cells and two numbers in one cell.
 * A number already (from an .xlsx cell) passes through. The unit's own limits are checked
 * by valueProblem.
 */
export function readValue(input: string | number | null | undefined, unit: Unit): ReadValue {
  if (typeof input === 'number') return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, reason: 'is not a number' };
  const text = (input ?? '').trim();
  if (text === '') return { ok: false, reason: 'is empty' };
  let t = text.replace(/^([-−(]?)£\s+/, '$1£').replace(/\s+%$/, '%');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-') || t.startsWith('−')) {
    negative = !negative;
    t = t.slice(1);
  }
  if (unit === 'pounds') t = t.replace(/^£/, '');
  if (unit === 'percentage') t = t.replace(/%$/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(t) || t === '' || t === '.') {
    return { ok: false, reason: `"${text}" is not a number` };
  }
  const value = Number(t.replace(/,/g, ''));
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * The unit's limits: counts are whole and not negative, percentages 0–100, rates not negative.
 * Baselines and targets may be fractional counts (an average, or 10% off 425).
 */
export function valueProblem(value: number, unit: Unit, label = 'Value', opts: { fractionalCount?: boolean } = {}): string | null {
  if (!Number.isFinite(value)) return `${label} is not a number`;
  if (Math.abs(value) > 1e12) return `${label} ${value} is too large`;
  switch (unit) {
    case 'count':
      if (value < 0) return `${label} ${value} is negative; a count cannot be`;
      if (!Number.isInteger(value) && !opts.fractionalCount) return `${label} ${value} is not a whole number; a count must be`;
      return null;
    case 'percentage':
      if (value < 0) return `${label} ${value}% is negative; a percentage must be between 0 and 100`;
      if (value > 100) return `${label} ${value}% is above 100; a percentage must be between 0 and 100`;
      return null;
    case 'rate_per_100k':
    case 'rate_per_million':
      return value < 0 ? `${label} ${value} is negative; a rate cannot be` : null;
    case 'pounds':
      return Math.abs(Math.round(value * 100) - value * 100) > 1e-6 ? `${label} £${value} is more precise than a penny` : null;
  }
}
