/**
 * The small expression language of return templates: column references in braces,
 * numbers, + - * / and brackets. "{budget}-{forecastYearEnd}" in a template becomes
 * "C3-F3" in the sheet, and is also evaluated here so the workbook carries each formula's
 * result for readers that do not recalculate. {Sheet name!total.column} refers to another
 * sheet's total row.
 */
export interface Ref {
  /** Another sheet, for {Sheet!total.col}; undefined for the same row. */
  sheet?: string;
  col: string;
}

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'ref'; ref: Ref }
  | { k: 'neg'; e: Expr }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; l: Expr; r: Expr };

type Token = { t: 'num'; v: number } | { t: 'ref'; ref: Ref } | { t: 'op'; v: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') {
      i++;
    } else if (c === '{') {
      const end = text.indexOf('}', i);
      if (end < 0) throw new Error(`"{" at position ${i + 1} is not closed`);
      const body = text.slice(i + 1, end).trim();
      const bang = body.lastIndexOf('!');
      if (bang >= 0) {
        const sheet = body.slice(0, bang).trim();
        const rest = body.slice(bang + 1).trim();
        if (!rest.startsWith('total.') || !sheet) throw new Error(`{${body}} must be written {Sheet name!total.column}`);
        out.push({ t: 'ref', ref: { sheet, col: rest.slice('total.'.length) } });
      } else {
        if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(body)) throw new Error(`{${body}} is not a column name`);
        out.push({ t: 'ref', ref: { col: body } });
      }
      i = end + 1;
    } else if (/[0-9.]/.test(c)) {
      const m = /^\d*\.?\d+/.exec(text.slice(i));
      if (!m) throw new Error(`"${c}" at position ${i + 1} is not a number`);
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if ('+-*/()'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
    } else {
      throw new Error(`"${c}" at position ${i + 1} is not allowed (use {column}, numbers, + - * / and brackets)`);
    }
  }
  return out;
}

export function parseFormula(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const expr = (): Expr => {
    let l = term();
    while (peek()?.t === 'op' && (peek() as { v: string }).v.match(/^[+-]$/)) {
      const op = (tokens[pos++] as { v: '+' | '-' }).v;
      l = { k: 'bin', op, l, r: term() };
    }
    return l;
  };
  const term = (): Expr => {
    let l = unary();
    while (peek()?.t === 'op' && (peek() as { v: string }).v.match(/^[*/]$/)) {
      const op = (tokens[pos++] as { v: '*' | '/' }).v;
      l = { k: 'bin', op, l, r: unary() };
    }
    return l;
  };
  const unary = (): Expr => {
    const t = peek();
    if (t?.t === 'op' && t.v === '-') {
      pos++;
      return { k: 'neg', e: unary() };
    }
    return atom();
  };
  const atom = (): Expr => {
    const t = tokens[pos++];
    if (!t) throw new Error('the formula ends too soon');
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'ref') return { k: 'ref', ref: t.ref };
    if (t.v === '(') {
      const e = expr();
      const close = tokens[pos++];
      if (close?.t !== 'op' || close.v !== ')') throw new Error('a "(" is not closed');
      return e;
    }
    throw new Error(`"${t.v}" is in the wrong place`);
  };
  if (tokens.length === 0) throw new Error('the formula is empty');
  const e = expr();
  if (pos < tokens.length) throw new Error(`unexpected "${(tokens[pos] as { v?: unknown }).v ?? '{…}'}" after the end of the formula`);
  return e;
}

export function refsOf(e: Expr): Ref[] {
  switch (e.k) {
    case 'num':
      return [];
    case 'ref':
      return [e.ref];
    case 'neg':
      return refsOf(e.e);
    case 'bin':
      return [...refsOf(e.l), ...refsOf(e.r)];
  }
}

/** Excel formula text (without "="), each reference replaced by its cell address. */
export function toExcel(e: Expr, address: (ref: Ref) => string, parent = 0): string {
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'ref':
      return address(e.ref);
    case 'neg':
      return `-${toExcel(e.e, address, 3)}`;
    case 'bin': {
      const prec = e.op === '+' || e.op === '-' ? 1 : 2;
      const text = `${toExcel(e.l, address, prec)}${e.op}${toExcel(e.r, address, prec + 1)}`;
      return prec < parent ? `(${text})` : text;
    }
  }
}

/** Evaluates with references as numbers (pounds, as the sheet holds them). */
export function evaluate(e: Expr, value: (ref: Ref) => number): number {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'ref':
      return value(e.ref);
    case 'neg':
      return -evaluate(e.e, value);
    case 'bin': {
      const l = evaluate(e.l, value);
      const r = evaluate(e.r, value);
      if (e.op === '+') return l + r;
      if (e.op === '-') return l - r;
      if (e.op === '*') return l * r;
      return r === 0 ? 0 : l / r;
    }
  }
}
