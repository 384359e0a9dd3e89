import { join } from 'node:path';
import { generateWorkspace, type GenerateOptions } from '../../bench/generate';
import { openDatabase } from '../../main/db/connection';
import { sqliteStore } from '../../main/db/sqlite-store';
import { exportBundle, importBundle } from '../../main/workspace/bundle';
import { inTransaction, makeCtx } from '../../main/shared/context';
import { tempWorkspace, type TestWorkspace } from './workspace';

/**
 * The synthetic workspace of bench/generate.ts on the vitest project's engine. The generator
 * writes a SQLite file (at the speed of bare inserts); on SQLite the test workspace becomes
 * that file, on PostgreSQL its rows are carried into the test database as a bundle, the way
 * a user moves a workspace to a server (export-bundle, then import).
 */
export async function generatedWorkspace(options: GenerateOptions, now: () => Date): Promise<TestWorkspace> {
  const ws = await tempWorkspace({ now });
  const file = join(ws.dir, 'generated.db');
  generateWorkspace(file, options);
  const generated = sqliteStore(openDatabase(file));
  if (ws.engine === 'sqlite') {
    await ws.store.close();
    // The session's store is what every call goes through (as after workspace.reopen).
    ws.session.store = generated;
    ws.path = file;
    return ws;
  }
  try {
    const bundle = await exportBundle({ ...makeCtx(generated, 'test', now), operation: 'test.generate' });
    const ctx = { ...makeCtx(ws.store, 'test', now), operation: 'test.generate' };
    await ws.store.write((trx) => importBundle(inTransaction(ctx, trx), bundle));
  } finally {
    await generated.close();
  }
  return ws;
}
