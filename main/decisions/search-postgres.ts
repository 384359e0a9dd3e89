/**
 * The PostgreSQL form of ftsQuery() in ./search.ts: the same words (split by the same rule),
 * all of which must match, the last also as a prefix so results come as a person types.
 * Use it as `to_tsquery('english', @query)` against search_index.tsv (see the comment at
 * the top of main/db/migrations/002-search.ts for ranking and excerpts). Each word is a
 * quoted tsquery lexeme, so what a person types is never read as tsquery operators
 * (& | ! <-> :* and parentheses are just characters inside the quotes).
 */
export function tsQueryText(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}£%&'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
}
