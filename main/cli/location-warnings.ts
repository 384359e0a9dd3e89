import { openedWorkspace, type Db } from '../db/connection';
import type { Store } from '../db/store';
import type { CliContext } from './io';

/** Says, on stderr, what the user must know about where the workspace lives or how it opened. */
export function warnAboutLocation(workspace: Db | Store, cli: CliContext): void {
  const db = 'engine' in workspace ? workspace.sqlite : workspace;
  const ws = db && openedWorkspace(db);
  if (!ws) return;
  for (const w of ws.warnings) cli.warn(`warning: ${w.message}`);
  if (ws.access.readOnly && !ws.options.readonly && ws.access.reason) cli.warn(`warning: ${ws.access.reason}`);
}
