import { resolve } from 'node:path';
import { startBridge } from '../main/api/http-bridge';

/**
 * Serves the built renderer in a browser against a real workspace file, for development
 * and manual testing without Electron: `npm run serve -- --db demo.db [--port 5174]`.
 */
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dbPath = resolve(flag('--db') ?? 'workspace.db');
const bridge = await startBridge({ dbPath, staticDir: resolve('out/renderer'), port: Number(flag('--port') ?? 5174), actor: process.env.USER ?? 'browser' });
console.log(`Board Secretariat is at ${bridge.url} (workspace ${dbPath}). Ctrl+C to stop.`);
process.on('SIGINT', () => void bridge.close().then(() => process.exit(0)));
