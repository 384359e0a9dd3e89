import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where templates/ lives at run time. Templates are data that the secretariat and finance
 * may change without a release, so they are read from disk, not bundled:
 * - BOARD_SECRETARIAT_TEMPLATES, set by the Electron main process (the packaged app's
 *   resources/templates, or the repository's templates/ in development), or by a user;
 * - otherwise templates/ under the current folder (the CLI, tests and bench run from the
 *   repository root).
 */
export function templatesDir(): string {
  const fromEnv = process.env.BOARD_SECRETARIAT_TEMPLATES;
  if (fromEnv && existsSync(fromEnv)) return resolve(fromEnv);
  return resolve(process.cwd(), 'templates');
}

export function templatePath(...parts: string[]): string {
  return join(templatesDir(), ...parts);
}
