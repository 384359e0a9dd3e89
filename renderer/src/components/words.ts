/** "1 person", "3 people", "0 meetings": a count with its noun (the plural given where it is not noun + s). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
