/** The words of a search as typed (at most 12), split by the one rule both engines' queries use. */
export function queryWords(input: string): string[] {
  return input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}£%&'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
}
