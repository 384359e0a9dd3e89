import { queryWords } from './query-words';
/**
 * The PostgreSQL form of ftsQuery() in ./search.ts: the same words (split by the same rule),
 * all of which must match, the last also as a prefix so results come as a person types.
 * Use it as `to_tsquery('board_search', @query)` against search_index.tsv (see the comment at
 * the top of main/db/migrations/002-search.ts for ranking and excerpts). Each word is a
 * quoted tsquery lexeme, so what a person types is never read as tsquery operators
 * (& | ! <-> :* and parentheses are just characters inside the quotes). A word with marks
 * inside ("SB-D-2020", "well-being", "A&E", "Kent's") is its parts in a row, as FTS5 reads
 * it (its tokenizer splits at anything not a letter or digit): PostgreSQL would otherwise
 * also match each part alone, the last as a prefix of any word ('d':* finds "draft",
 * 'e':* finds "Easter").
 */
export function tsQueryText(input: string): string | null {
  const words = queryWords(input);
  // A word of marks alone ("&", "£") has no letters to find: FTS5 reads it as an empty phrase.
  const wordParts = words.map((w) => w.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length > 0)).filter((parts) => parts.length > 0);
  if (wordParts.length === 0) return null;
  const lexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return wordParts
    .map((parts, i) => {
      const text = parts.map((p, j) => lexeme(p) + (i === wordParts.length - 1 && j === parts.length - 1 ? ':*' : '')).join(' <-> ');
      return parts.length > 1 ? `(${text})` : text;
    })
    .join(' & ');
}
