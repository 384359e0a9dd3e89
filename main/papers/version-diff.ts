import { blockLines, type PaperBlock } from './blocks';

/**
 * Comparing two versions of a paper, section by section: each section is read as lines of
 * plain text (a paragraph, a list item, a table row), the lines are matched by their
 * longest common subsequence, and a line replaced by another is also compared word by word
 * so the reader sees what changed inside it.
 */
export type Op<T> = { op: 'same' | 'added' | 'removed'; value: T };

/** Longest-common-subsequence diff of two sequences. */
export function diffSequences<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean = Object.is): Op<T>[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = equal(a[i]!, b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(a[i]!, b[j]!)) {
      out.push({ op: 'same', value: b[j]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ op: 'removed', value: a[i++]! });
    } else {
      out.push({ op: 'added', value: b[j++]! });
    }
  }
  while (i < n) out.push({ op: 'removed', value: a[i++]! });
  while (j < m) out.push({ op: 'added', value: b[j++]! });
  return out;
}

export interface LineChange {
  op: 'same' | 'added' | 'removed' | 'changed';
  text: string;
  /** For 'changed': the line before. */
  before?: string;
  /** For 'changed': the words, marked. */
  words?: Op<string>[];
}

export interface SectionChange {
  key: string;
  heading: string;
  change: 'unchanged' | 'changed' | 'added' | 'removed';
  /** When the heading itself was renamed. */
  headingBefore?: string;
  lines: LineChange[];
}

export interface VersionSection {
  key: string;
  heading: string;
  body: readonly PaperBlock[];
}

function words(text: string): string[] {
  return text.split(/(\s+)/).filter((w) => w !== '');
}

/** Pairs a run of removed lines with the run of added lines after it, one for one, as changes. */
function pairChanges(ops: Op<string>[]): LineChange[] {
  const out: LineChange[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.op !== 'removed') {
      out.push({ op: ops[k]!.op, text: ops[k]!.value });
      k++;
      continue;
    }
    const removed: string[] = [];
    while (k < ops.length && ops[k]!.op === 'removed') removed.push(ops[k++]!.value);
    const added: string[] = [];
    while (k < ops.length && ops[k]!.op === 'added') added.push(ops[k++]!.value);
    const pairs = Math.min(removed.length, added.length);
    for (let p = 0; p < pairs; p++) {
      out.push({ op: 'changed', text: added[p]!, before: removed[p]!, words: diffSequences(words(removed[p]!), words(added[p]!)) });
    }
    for (const r of removed.slice(pairs)) out.push({ op: 'removed', text: r });
    for (const a of added.slice(pairs)) out.push({ op: 'added', text: a });
  }
  return out;
}

export function compareSections(before: readonly VersionSection[], after: readonly VersionSection[]): SectionChange[] {
  const beforeByKey = new Map(before.map((s) => [s.key, s]));
  const afterKeys = new Set(after.map((s) => s.key));
  const out: SectionChange[] = [];
  for (const s of after) {
    const old = beforeByKey.get(s.key);
    const newLines = s.body.flatMap(blockLines);
    if (!old) {
      out.push({ key: s.key, heading: s.heading, change: 'added', lines: newLines.map((text) => ({ op: 'added', text })) });
      continue;
    }
    const lines = pairChanges(diffSequences(old.body.flatMap(blockLines), newLines));
    const renamed = old.heading !== s.heading;
    const change: SectionChange = {
      key: s.key,
      heading: s.heading,
      change: renamed || lines.some((l) => l.op !== 'same') ? 'changed' : 'unchanged',
      lines,
    };
    if (renamed) change.headingBefore = old.heading;
    out.push(change);
  }
  for (const s of before) {
    if (!afterKeys.has(s.key)) out.push({ key: s.key, heading: s.heading, change: 'removed', lines: s.body.flatMap(blockLines).map((text) => ({ op: 'removed', text })) });
  }
  return out;
}
