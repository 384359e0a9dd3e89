import { kilobytes } from '../cli/format';
import { UsageError } from '../cli/io';
import { docxOrXlsx, outOption, runExport, withOperations, WORKSPACE_OPTION } from '../cli/operations';
import type { Verb } from '../cli/verb';
import type { ExportResult } from '../documents/export-result';
import type { AgendaExportResult, MeetingDetail } from './contract';

/**
 * `export agenda|minutes|action-log --db FILE --meeting ID --out FILE`: the same
 * operations the app calls, so the files are the ones the Meetings screen writes.
 */
const common = {
  db: WORKSPACE_OPTION,
  meeting: { type: 'string', value: 'ID', required: true, help: 'the meeting’s number (shown on its page in the app)' },
  out: outOption('FILE.docx'),
} as const;

function meetingId(text: string, usage: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--meeting must be a meeting number such as 12, not "${text}"`, usage);
  return Number(text);
}

/** `export agenda` and `export minutes`: a meeting's Word document through its operation. */
function meetingDocumentVerb(kind: 'agenda' | 'minutes', op: 'meeting.exportAgenda' | 'meeting.exportMinutes'): Verb {
  return {
    name: `export ${kind}`,
    summary: `Write a meeting’s ${kind} as a Word document.`,
    options: common,
    async run({ values }, cli) {
      const usage = `export ${kind} --db FILE --meeting ID --out FILE.docx`;
      const r = await runExport<AgendaExportResult>(cli, values.db as string, values.out as string, op, { id: meetingId(values.meeting as string, usage) });
      cli.say(`Wrote ${r.path}: ${kind} of ${r.items} items (${kilobytes(r.bytes)}).`);
      return 0;
    },
  };
}

export const exportAgendaVerb = meetingDocumentVerb('agenda', 'meeting.exportAgenda');
export const exportMinutesVerb = meetingDocumentVerb('minutes', 'meeting.exportMinutes');

export const exportActionLogVerb: Verb = {
  name: 'export action-log',
  summary: 'Write the action log of a meeting’s board (or of every board) as Word or Excel.',
  options: {
    db: common.db,
    meeting: { type: 'string', value: 'ID', help: 'the log of this meeting’s board (leave out for every board)' },
    format: { type: 'string', value: 'docx|xlsx', help: 'docx (the default) or xlsx' },
    out: outOption('FILE', 'the file to write, ending .docx or .xlsx (replaced if it exists)'),
  },
  async run({ values }, cli) {
    const usage = 'export action-log --db FILE [--meeting ID] [--format docx|xlsx] --out FILE';
    const out = values.out as string;
    const format = docxOrXlsx((values.format as string | undefined) ?? (out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'docx'), usage);
    const id = values.meeting === undefined ? null : meetingId(values.meeting as string, usage);
    const r = await withOperations(cli, values.db as string, async (call) => {
      // The board is found through the same read the app uses; a missing meeting is named.
      const boardId = id === null ? null : (await call<MeetingDetail>('meeting.get', { id })).meeting.boardId;
      return call<ExportResult>('action.exportLog', { boardId, format, out });
    });
    cli.say(`Wrote ${r.path}: ${r.rows ?? 0} action${r.rows === 1 ? '' : 's'} (${kilobytes(r.bytes)}).`);
    return 0;
  },
};
