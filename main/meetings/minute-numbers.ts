/**
 * Minute numbers in a board's house format (issue 15). A format is text with tokens:
 *
 *   {code}  the board's code (SB)
 *   {n}     the running number (12); {nn} and {nnn} the same padded to 2 or 3 digits (012)
 *   {yy}    the meeting's year in two digits (20); {yyyy} in four (2020)
 *
 * "{code} {n}/{yy}" gives "SB 12/20" (the default); "{yy}/{nnn}" gives "23/045". A format must
 * have exactly one running-number token. The running number continues across the board's
 * meetings; when the format shows the year it starts again at 1 with each calendar year (a
 * number "12/20" means the twelfth minute of 2020), otherwise it never starts again.
 *
 * Numbers are given when a meeting's minutes go to draft (held → minutes draft), to every item
 * without one, in agenda order: the clerk numbers the minutes once the agenda as taken is
 * settled, so numbers run in the order the items are printed and none is lost on an item
 * dropped or reordered during the meeting. An item added later, while the minutes are a draft,
 * takes the next number then. A number can be set by hand (a house correction); it must not
 * be one the board has already used.
 */
export const DEFAULT_MINUTE_FORMAT = '{code} {n}/{yy}';
export const MINUTE_TOKENS = ['code', 'n', 'nn', 'nnn', 'yy', 'yyyy'] as const;
const RUNNING = ['n', 'nn', 'nnn'];

/** Null when the format is good, else what is wrong with it, in words. */
export function minuteFormatProblem(format: string): string | null {
  if (format.trim() === '') return 'Minute number format must not be empty (e.g. {code} {n}/{yy})';
  if (format.length > 40) return 'Minute number format must be at most 40 characters';
  const tokens = [...format.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const unknown = tokens.find((t) => !(MINUTE_TOKENS as readonly string[]).includes(t));
  if (unknown !== undefined) return `Minute number format: {${unknown}} is not a token; use {code}, {n}, {nn}, {nnn}, {yy} or {yyyy}`;
  if (/[{}]/.test(format.replace(/\{[^}]*\}/g, ''))) return 'Minute number format: a brace must open and close a token, e.g. {n}';
  const running = tokens.filter((t) => RUNNING.includes(t)).length;
  if (running !== 1) return 'Minute number format must have one running number: {n}, {nn} or {nnn}';
  return null;
}

/** Whether the running number starts again each year (the format shows the year). */
export function restartsYearly(format: string): boolean {
  return /\{yy(yy)?\}/.test(format);
}

export function formatMinuteNumber(format: string, code: string, seq: number, meetingDate: string): string {
  const year = meetingDate.slice(0, 4);
  return format.replace(/\{(code|nnn|nn|n|yyyy|yy)\}/g, (_, t: string) => {
    switch (t) {
      case 'code': return code;
      case 'n': return String(seq);
      case 'nn': return String(seq).padStart(2, '0');
      case 'nnn': return String(seq).padStart(3, '0');
      case 'yyyy': return year;
      default: return year.slice(2);
    }
  });
}

/** "Minute SB 12/20", as actions and decisions cite it. */
export function minuteCitation(minuteNumber: string | null | undefined): string {
  return minuteNumber ? `Minute ${minuteNumber}` : '';
}
