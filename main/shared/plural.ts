/** A count with its noun, digits grouped the en-GB way: "1 action", "3 actions", "1,250 spend rows". */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
