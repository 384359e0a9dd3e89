import type { WorkspaceChange } from '../../../main/workspace/contract';

/**
 * The notice's words for what others changed while it was showing. One save often writes
 * several rows (a meeting and its standing items): rows next to each other by the same
 * person, in the same operation at the same second, count as one change, said by its first
 * row's summary. Several changes collapse into "alice and bob made 5 changes".
 */
export function noticeText(changes: readonly Pick<WorkspaceChange, 'actor' | 'operation' | 'at' | 'summary'>[]): string {
  const saves: (typeof changes)[number][] = [];
  for (const change of changes) {
    const last = saves[saves.length - 1];
    if (!last || last.actor !== change.actor || last.operation !== change.operation || last.at !== change.at) saves.push(change);
  }
  if (saves.length === 0) return '';
  if (saves.length === 1) return saves[0]!.summary;
  const actors = [...new Set(saves.map((s) => s.actor))];
  return `${people(actors)} made ${saves.length} changes`;
}

/** "alice", "alice and bob", "alice, bob and carol", "alice, bob and 3 others". */
export function people(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > 3) return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
