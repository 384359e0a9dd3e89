import { openStore } from '../workspace/open-store';
import { moveWorkspace } from '../workspace/move';
import { warnAboutLocation } from './location-warnings';
import type { Verb } from './verb';

export const moveVerb: Verb = {
  name: 'move',
  summary:
    'Copy a workspace into another place, as a file into PostgreSQL (or a PostgreSQL workspace into a new file): through the bundle, validated and in one transaction, into an empty target only, then checked row for row against the workspace. On any problem nothing of the copy is kept (an empty database keeps only the tables of an empty workspace); the workspace moved from is only read.',
  options: {
    from: { type: 'string', value: 'WORKSPACE', required: true, help: 'the workspace to move: a .db file or a PostgreSQL database (postgres://… or host=… dbname=…)' },
    to: { type: 'string', value: 'WORKSPACE', required: true, help: 'where to put it: an empty PostgreSQL database (IT creates it), or a new .db file' },
  },
  async run({ values }, cli) {
    const source = await openStore(values.from as string, { create: false });
    warnAboutLocation(source, cli);
    try {
      const report = await moveWorkspace(source, values.to as string, { actor: cli.actor, now: cli.now, operation: 'cli.move' });
      cli.say(report.message);
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      cli.say(`Times: read ${s(report.ms.export)}, target opened ${s(report.ms.open)}, copied ${s(report.ms.import)}, checked and committed ${s(report.ms.verify)}.`);
      return 0;
    } finally {
      await source.close();
    }
  },
};
