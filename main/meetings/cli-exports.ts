import { kilobytes } from '../cli/format';
import { UsageError } from '../cli/io';
import { docxOrXlsx, outOption, runExport, withOperations, WORKSPACE_OPTION } from '../cli/operations';
import type { Verb } from '../cli/verb';
import type { ExportResult } from '../documents/export-result';
import { boardIdOfCode, dateOptions, registerFilterOptions } from '../cli/register-filter-options';
import { ACTION_STATUSES, type AgendaExportResult, type MeetingDetail } from './contract';

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

/**
 * `export action-log --db FILE [--meeting ID | --board CODE] [--from DATE] [--to DATE]
 * [--status S,S] [--open-only] --out FILE`: the action log, as the Actions screen's export writes it.
 */
export const exportActionLogVerb: Verb = {
  name: 'export action-log',
  summary: 'Write the action log of a board (or of every board) as Word or Excel.',
  options: {
    db: common.db,
    meeting: { type: 'string', value: 'ID', help: 'the log of this meeting’s board (leave out, or give --board, for every board or one)' },
    format: { type: 'string', value: 'docx|xlsx', help: 'docx (the default) or xlsx' },
    ...registerFilterOptions({
      dated: 'agreed (the meeting’s date, else the day the action was recorded)',
      statuses: `only actions with these statuses, separated by commas: ${ACTION_STATUSES.join(', ')}`,
      open: 'only actions still open or in progress',
    }),
    out: outOption('FILE', 'the file to write, ending .docx or .xlsx (replaced if it exists)'),
  },
  async run({ values }, cli) {
    const usage = 'export action-log --db FILE [--meeting ID | --board CODE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--status STATUS,…] [--open-only] [--format docx|xlsx] --out FILE';
    const out = values.out as string;
    const format = docxOrXlsx((values.format as string | undefined) ?? (out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'docx'), usage);
    const id = values.meeting === undefined ? null : meetingId(values.meeting as string, usage);
    if (id !== null && values.board !== undefined) throw new UsageError('give --meeting or --board, not both (a meeting’s log is its board’s)', usage);
    const statuses = typeof values.status === 'string' ? values.status.split(',').map((s) => s.trim()).filter(Boolean) : [];
    const r = await withOperations(cli, values.db as string, async (call) => {
      // The board is found through the same reads the app uses; a missing meeting or code is named.
      const boardId = id === null ? await boardIdOfCode(call, values.board as string | undefined, usage) : (await call<MeetingDetail>('meeting.get', { id })).meeting.boardId;
      return call<ExportResult>('action.exportLog', { boardId, ...dateOptions(values), statuses, openOnly: values['open-only'] === true, format, out });
    });
    cli.say(`Wrote ${r.path}: ${r.rows ?? 0} action${r.rows === 1 ? '' : 's'} (${kilobytes(r.bytes)}).`);
    return 0;
  },
};
