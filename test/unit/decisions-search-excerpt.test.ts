import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { excerpt, ftsQuery } from '../../main/decisions/search';
import { tsQueryText } from '../../main/decisions/search-postgres';

const S = '\u0002';
const E = '\u0003';
const show = (s: string) => s.replaceAll(S, '[').replaceAll(E, ']');
const words = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');

describe("the PostgreSQL excerpt, cut as FTS5's snippet() cuts it", () => {
  it('gives a short text whole, and a long one 16 words with the matches centred and "…" where cut', () => {
    expect(show(excerpt(`The Board approved the ${S}Problem${E} ${S}Profile${E}.`, 16))).toBe('The Board approved the [Problem] [Profile].');
    const long = `${words(20)} ${S}knife${E} ${words(20, 21)}`;
    expect(show(excerpt(long, 16))).toBe('…w14 w15 w16 w17 w18 w19 w20 [knife] w21 w22 w23 w24 w25 w26 w27 w28…');
  });

  it('opens the excerpt at the start of the sentence the match is in, when the match still fits', () => {
    const text = `${words(10)}. Then ${words(3, 11)} ${S}knife${E} ${words(20, 14)}`;
    expect(show(excerpt(text, 16))).toBe('…Then w11 w12 w13 [knife] w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24…');
  });

  it('prefers a stretch with more different words matched, and with none matched gives the opening words', () => {
    const text = `${S}knife${E} ${words(30)} ${S}knife${E} w99 ${S}crime${E} ${words(20, 31)}`;
    expect(show(excerpt(text, 16))).toContain('[knife] w99 [crime]');
    expect(show(excerpt(words(20), 16))).toBe(`${words(16)}…`);
  });

  it('marks a word without the closing quote PostgreSQL keeps with it', () => {
    expect(show(excerpt(`Yr 8 ${S}schools’${E} event`, 16))).toBe('Yr 8 [schools]’ event');
  });
});

describe('the excerpt against FTS5 itself', () => {
  it('cuts the same words as snippet() for texts of every shape', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2')`);
    const texts = [
      `${words(40)} knife ${words(5, 41)}`,
      `knife ${words(40)}`,
      `${words(40)} knife`,
      `${words(8)}: ${words(8, 9)}. Knife crime ${words(30, 17)} crime`,
      `${words(12)} knife ${words(3, 13)}. ${words(4, 16)} crime knife ${words(30, 20)}`,
      `${words(6)} knife`,
    ];
    for (const text of texts) {
      db.prepare('DELETE FROM t').run();
      db.prepare('INSERT INTO t (body) VALUES (?)').run(text);
      const fts = (db.prepare(`SELECT snippet(t, 0, ?, ?, '…', 16) AS s FROM t WHERE t MATCH '"knife" OR "crime"'`).get(S, E) as { s: string }).s;
      const marked = text.replace(/\b(knife|crime)\b/gi, `${S}$1${E}`);
      expect(show(excerpt(marked, 16))).toBe(show(fts));
    }
    db.close();
  });
});

describe('the query text per engine', () => {
  it('reads a hyphenated word as its parts in a row on PostgreSQL, as FTS5 does, and typed operators as words', () => {
    expect(tsQueryText('SB-D-2020')).toBe("('SB' <-> 'D' <-> '2020':*)");
    expect(tsQueryText('well-being plans')).toBe("('well' <-> 'being') & 'plans':*");
    expect(tsQueryText("o'brien | !x")).toBe("('o' <-> 'brien') & 'x':*");
    expect(tsQueryText('A&E admissions')).toBe("('A' <-> 'E') & 'admissions':*");
    expect(ftsQuery('SB-D-2020')).toBe('"SB-D-2020"*');
  });
});
