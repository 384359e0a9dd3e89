import type { WorkspaceChange } from '../../../main/workspace/contract';

type Change = Pick<WorkspaceChange, 'actor' | 'operation' | 'at' | 'summary' | 'entity' | 'entityId'> & { partOf?: WorkspaceChange['partOf'] };

/**
 * The notice's words for what others changed while it was showing. One save often writes
 * several rows (a meeting and its standing items): rows next to each other by the same
 * person, in the same operation at the same second, count as one change, said by its first
 * row's summary and about its first row's record (or the record that is part of). Several changes say who changed what, in
 * short: "alice changed action A123 and bob 2 spend cells" (up to three people, two kinds of
 * record each); more people than that: "alice, bob and 3 others made 9 changes".
 */
export function noticeText(changes: readonly Change[]): string {
  const saves: Change[] = [];
  for (const change of changes) {
    const last = saves[saves.length - 1];
    if (!last || last.actor !== change.actor || last.operation !== change.operation || last.at !== change.at) saves.push(change);
  }
  if (saves.length === 0) return '';
  if (saves.length === 1) return saves[0]!.summary;
  const actors = [...new Set(saves.map((s) => s.actor))];
  if (actors.length > 3) return `${people(actors)} made ${saves.length} changes`;
  const what = actors.map((actor) => {
    // Per kind of record, the records this person's saves were about, in the order first changed.
    const kinds = new Map<string, Set<number>>();
    // A part (an update of an action, a paper's section) is said as the record it is part of.
    for (const s of saves) {
      if (s.actor !== actor) continue;
      const entity = s.partOf?.entity ?? s.entity;
      kinds.set(entity, (kinds.get(entity) ?? new Set()).add(s.partOf?.id ?? s.entityId));
    }
    const said = [...kinds].slice(0, 2).map(([entity, ids]) => records(entity, [...ids]));
    const more = [...kinds].slice(2).reduce((n, [, ids]) => n + ids.size, 0);
    if (more > 0) said.push(`${more} other ${more === 1 ? 'record' : 'records'}`);
    return `${actor} ${said.length > 2 ? `${said.slice(0, -1).join(', ')} and ${said[said.length - 1]!}` : said.join(' and ')}`;
  });
  // "alice changed X", then "bob Y": a semicolon between people when one of them changed two kinds.
  const joined = what.map((w, i) => (i === 0 ? w.replace(/^(\S+) /, '$1 changed ') : w));
  const sep = joined.some((w) => / and /.test(w)) ? '; ' : ', ';
  if (joined.length === 1) return joined[0]!;
  return sep === '; ' ? joined.join('; ') : `${joined.slice(0, -1).join(', ')} and ${joined[joined.length - 1]!}`;
}

/** The words for what kind of record a table holds, one and several. */
const NOUNS: Record<string, [string, string]> = {
  spend: ['spend cell', 'spend cells'],
  person: ['person', 'people'],
  setting: ['setting', 'settings'],
};

/** "action A42", "meeting 7", "2 spend cells". */
function records(entity: string, ids: readonly number[]): string {
  const [one, many] = NOUNS[entity] ?? [entity.replace(/_/g, ' '), `${entity.replace(/_/g, ' ')}s`];
  if (ids.length > 1) return `${ids.length} ${many}`;
  return entity === 'action' ? `action A${ids[0]!}` : entity === 'spend' ? `a ${one}` : `${one} ${ids[0]!}`;
}

/** "alice", "alice and bob", "alice, bob and carol", "alice, bob and 3 others". */
export function people(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > 3) return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
