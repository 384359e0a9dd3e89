import { backupVerb } from './backup';
import { backupsVerb } from './backups';
import { callVerb } from './call';
import { checkVerb } from './check';
import { exportGroup } from './export';
import { exportBundleVerb } from './export-bundle';
import { importVerb } from './import';
import { initVerb } from './init';
import { moveVerb } from './move';
import { restoreVerb } from './restore';
import { teamAddPersonVerb, teamRolesVerb } from './team';
import type { Verb, VerbGroup } from './verb';

/** Every command, in the order the usage text lists them. A new command is a new entry. */
export const verbs: Record<string, Verb | VerbGroup> = {
  init: initVerb,
  import: importVerb,
  'export-bundle': exportBundleVerb,
  move: moveVerb,
  'team-roles': teamRolesVerb,
  'team-add-person': teamAddPersonVerb,
  check: checkVerb,
  backup: backupVerb,
  backups: backupsVerb,
  restore: restoreVerb,
  export: exportGroup,
  call: callVerb,
};

export function isGroup(entry: Verb | VerbGroup): entry is VerbGroup {
  return 'kinds' in entry;
}
