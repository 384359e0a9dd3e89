import type { Store } from '../db/store';
import { makeCtx } from '../shared/context';
import { workspaceInfo } from '../workspace/service';
import { DomainError } from '../shared/errors';
import type { WorkspaceInfo } from '../workspace/contract';
import { openEmptyTarget } from '../workspace/new-workspace';
import type { Verb } from './verb';
import { warnAboutLocation } from './location-warnings';
import { workspaceBefore } from './workspace-file';
import { setUpTeamRoles } from './team';

export const initVerb: Verb = {
  name: 'init',
  summary:
    'Create a new workspace: a new file, or an empty PostgreSQL database that IT has created; with --demo, fill it with the Kent & Medway demonstration data.',
  options: {
    db: {
      type: 'string',
      value: 'FILE',
      required: true,
      help: 'the new workspace: a file name (refused if the file exists and is not empty), or a PostgreSQL database, postgres://user@host/db?sslmode=verify-full (refused if it holds records)',
    },
    demo: { type: 'boolean', help: 'load the demonstration data (through the workspace.loadDemo operation)' },
  },
  async run({ values }, cli) {
    const path = values.db as string;
    if (workspaceBefore(path) === 'existing') {
      throw new DomainError('cli.fileExists', `${path} already exists and is not empty; init never overwrites a file. Choose a new file name.`, 'db');
    }
    // The one place an empty file or database may become a workspace: the user asked for a new one here.
    const target = await openEmptyTarget(
      path,
      (location) => `${location} already holds a workspace with records; init never overwrites one, and has not changed it. Choose a new, empty database.`,
    );
    const store: Store = target.store;
    try {
      warnAboutLocation(store, cli);
      const info = await workspaceInfo(makeCtx(store, cli.actor, cli.now));
      cli.say(`Created workspace ${store.location} (schema version ${info.schemaVersion}).`);
      // A team's workspace: its three roles, or the SQL for IT where this role may not create them.
      if (store.engine === 'postgres') await setUpTeamRoles(store, cli);
      if (values.demo) {
        // Loaded only here: the handler map pulls in every area (docx, exceljs, …).
        const { dispatch } = await import('../api/dispatch');
        const env = await dispatch({ store, actor: cli.actor, now: cli.now }, 'workspace.loadDemo', {});
        if (!env.ok) throw new DomainError(env.error.code, env.error.message, env.error.field, env.error.problems);
        const { counts } = env.value as WorkspaceInfo;
        const held = Object.entries(counts).filter(([, n]) => n > 0);
        const words = (key: string) => key.replace(/[A-Z]/g, (c) => ' ' + c.toLowerCase());
        cli.say(`Loaded the demonstration data: ${held.length ? held.map(([k, n]) => `${n} ${words(k)}`).join(', ') : 'nothing (the demo bundle is empty)'}.`);
      }
      await store.close();
      return 0;
    } catch (err) {
      await target.abandon();
      throw err;
    }
  },
};
