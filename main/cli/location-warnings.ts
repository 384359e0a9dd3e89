import { openedWorkspace, type Db } from '../db/connection';
import type { CliContext } from './io';

/** Says, on stderr, what the user must know about where the workspace lives or how it opened. */
export function warnAboutLocation(db: Db, cli: CliContext): void {
  const ws = openedWorkspace(db);
  if (!ws) return;
  for (const w of ws.warnings) cli.warn(`warning: ${w.message}`);
  if (ws.access.readOnly && !ws.options.readonly && ws.access.reason) cli.warn(`warning: ${ws.access.reason}`);
}
