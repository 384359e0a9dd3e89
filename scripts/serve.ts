import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBridge } from '../main/api/http-bridge';
import { nodeVault } from '../main/workspace/password-vault';
import { isPostgresTarget } from '../main/db/store';
import { DomainError } from '../main/shared/errors';

/**
 * Serves the built renderer in a browser against a real workspace, for development and
 * manual testing without Electron: `npm run serve -- --db demo.db [--port 5174]`, or a
 * PostgreSQL workspace: `--db postgres://user@host:5432/board` (or libpq parameters).
 * Passwords typed into Open another workspace are kept in ~/.config/board-secretariat
 * (AES-256-GCM with a key file beside them: weaker than the desktop app's DPAPI).
 */
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target = flag('--db') ?? 'workspace.db';
// A file path is made absolute, so messages name the file; a server's URL is passed as it is.
const dbPath = isPostgresTarget(target) ? target : resolve(target);
try {
  const bridge = await startBridge({
    dbPath,
    staticDir: resolve('out/renderer'),
    port: Number(flag('--port') ?? 5174),
    actor: process.env.USER ?? 'browser',
    vault: nodeVault(join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'board-secretariat')),
  });
  // The store's location, not what was typed: a URL's password is never printed.
  console.log(`Board Secretariat is at ${bridge.url} (workspace ${bridge.store.location}). Ctrl+C to stop.`);
  process.on('SIGINT', () => void bridge.close().then(() => process.exit(0)));
} catch (err) {
  // A file that is not a workspace, or a port in use: say so in a line, not a stack trace.
  const code = (err as NodeJS.ErrnoException).code;
  const message =
    err instanceof DomainError
      ? err.message
      : code === 'EADDRINUSE'
        ? `Port ${flag('--port') ?? 5174} is in use by another program; choose another with --port.`
        : `The workspace could not be served (${err instanceof Error ? err.message : String(err)}).`;
  console.error(`error: ${message}`);
  if (process.env.DEBUG) console.error(err);
  process.exit(1);
}
