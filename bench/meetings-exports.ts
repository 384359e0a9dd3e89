/**
 * npx tsx bench/meetings-exports.ts [--db FILE] [--iterations 5]
 *
 * The meetings area's exports on the ten-year workspace, each beside the bare build of the
 * same content (the floor the docx/exceljs libraries set):
 *   - the minutes of a 20-item meeting: meeting.exportMinutes through the dispatcher (read
 *     the meeting, build with the house blocks, pack, write atomically), the house build
 *     alone (meeting already read), and a bare docx build of the same headings, paragraphs
 *     and table rows with the docx library's defaults;
 *   - the action log of every board (about 10,000 actions): action.exportLog as .docx and
 *     .xlsx through the dispatcher, beside a bare docx table of the same rows and plain
 *     exceljs writes (in memory and streamed) of the same cells and styles (plain-xlsx.ts).
 * The workspace is generated in a temp folder (or copied from --db, which is not changed),
 * the 20-item meeting is made through the API, and results go to
 * bench/results/meetings-exports.json. docs/meetings.md quotes a run.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel } from 'docx';
import type { Action, ActionPage, MeetingDetail } from '../main/meetings/contract';
import { actionLogWorkbook } from '../main/meetings/action-log-xlsx';
import { actionLogMeta } from '../main/meetings/exports';
import { minutesDocument } from '../main/meetings/minutes-docx';
import { makeCtx } from '../main/shared/context';
import { call, parseExportBenchArgs, time, withBenchWorkspace, writeResults } from './harness';
import { plainInMemory, plainStreamed } from './plain-xlsx';

const cell = (text: string, header = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });
const row = (texts: string[], header = false) => new TableRow({ tableHeader: header, children: texts.map((t) => cell(t, header)) });

/** The minutes' content with the docx library's defaults: no house style, header, footer or numbering. */
function bareMinutes(d: MeetingDetail): Document {
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, text: d.board.name }), new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Minutes' })];
  children.push(new Table({ rows: [row(['Name', 'Organisation', 'Note'], true), ...d.attendance.map((a) => row([a.name, a.organisationName ?? '', a.note]))] }));
  children.push(new Paragraph({ text: d.quorum?.statement ?? '' }));
  for (const item of d.agenda) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: `${item.number}. ${item.title}` }));
    for (const p of item.discussion.split(/\n\s*\n/)) children.push(new Paragraph({ text: p }));
  }
  if (d.mattersArising.length > 0) {
    children.push(new Table({ rows: [row(['Ref', 'Action', 'Owner', 'Due', 'Status'], true), ...d.mattersArising.map((a) => row([`A${a.id}`, a.description, a.ownerName, a.dueOn ?? '', a.status]))] }));
  }
  children.push(new Table({ rows: [row(['Ref', 'Item', 'Action', 'Owner', 'Due'], true), ...d.actions.map((a) => row([`A${a.id}`, '', a.description, a.ownerName, a.dueOn ?? '']))] }));
  return new Document({ sections: [{ children }] });
}

function bareActionLogDocx(actions: Action[]): Document {
  return new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: 'Action log' }),
          new Table({ rows: [row(['Ref', 'Action', 'Owner', 'Due', 'Status'], true), ...actions.map((a) => row([`A${a.id}`, a.description, a.ownerName, a.dueOn ?? '', a.status]))] }),
        ],
      },
    ],
  });
}

async function main(): Promise<void> {
  const args = parseExportBenchArgs(process.argv.slice(2), 'meetings-exports', 5);
  await withBenchWorkspace(args, 'meetings', async ({ dir, db, store, session }) => {

    // The meeting with most items, topped up to exactly 20 through the API (the generator makes 5–15).
    const meetingId = db.prepare('SELECT meeting_id FROM agenda_item GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id DESC LIMIT 1').pluck().get() as number;
    let detail = await call<MeetingDetail>(session, 'meeting.get', { id: meetingId });
    // Approved minutes are frozen: reopen them (one step back) to edit the agenda.
    if (detail.meeting.status === 'minutes_approved') detail = await call<MeetingDetail>(session, 'meeting.setStatus', { id: meetingId, status: 'minutes_draft' });
    while (detail.agenda.length < 20) {
      detail = await call<MeetingDetail>(session, 'agenda.addItem', { meetingId, title: `Additional item ${detail.agenda.length + 1}`, minutesAllotted: 5 });
      await call(session, 'agenda.updateItem', { id: detail.agenda.at(-2)!.id, discussion: 'The board discussed the report.\n\nMembers asked for a further update at the next meeting.' });
    }
    while (detail.agenda.length > 20) detail = await call<MeetingDetail>(session, 'agenda.removeItem', { id: detail.agenda.at(-2)!.id });
    detail = await call<MeetingDetail>(session, 'meeting.get', { id: meetingId });
    // Every action (the log's export has no status filter by default), read a page at a time.
    const actions: Action[] = [];
    for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
      const page: ActionPage = await call<ActionPage>(session, 'action.list', { statuses: [], limit: 500, cursor });
      actions.push(...page.rows);
      cursor = page.nextCursor;
    }
    // The action log's sheet as the export builds it, for the plain exceljs writes of the same cells and styles.
    const ctx = { ...makeCtx(store, 'bench', session.now), operation: 'bench' };
    const logBook = actionLogWorkbook(actions, await actionLogMeta(ctx, { boardId: null, meetingId: null, ownerPersonId: null, ownerOrganisationId: null, statuses: [], overdue: false, search: '', from: null, to: null, openOnly: false }));

    const n = args.iterations;
    const results = {
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
      iterations: n,
      minutes: {
        items: detail.agenda.length,
        attendance: detail.attendance.length,
        mattersArising: detail.mattersArising.length,
        readThroughApi: await time(n, () => call(session, 'meeting.get', { id: meetingId })),
        actions: detail.actions.length,
        exportThroughApi: await time(n, () => call(session, 'meeting.exportMinutes', { id: meetingId, out: join(dir, 'minutes.docx') })),
        houseBuildOnly: await time(n, () => Packer.toBuffer(minutesDocument(detail))),
        bareDocx: await time(n, () => Packer.toBuffer(bareMinutes(detail))),
      },
      actionLog: {
        actions: actions.length,
        listThroughApi: await time(n, () => call(session, 'action.list', {})),
        docxThroughApi: await time(n, () => call(session, 'action.exportLog', { format: 'docx', out: join(dir, 'log.docx') })),
        bareDocx: await time(n, () => Packer.toBuffer(bareActionLogDocx(actions))),
        xlsxThroughApi: await time(n, () => call(session, 'action.exportLog', { format: 'xlsx', out: join(dir, 'log.xlsx') })),
        plainXlsxInMemory: await time(n, () => plainInMemory(logBook, join(dir, 'plain.xlsx'))),
        plainXlsxStreamed: await time(n, () => plainStreamed(logBook, join(dir, 'plain-stream.xlsx'))),
      },
      peakRssMiB: Math.round(process.memoryUsage().rss / 1048576),
    };
    db.close();

    const ms = (t: { medianMs: number }) => `${t.medianMs.toFixed(0).padStart(6)} ms`;
    const m = results.minutes;
    const a = results.actionLog;
    console.log(`\nMinutes of a ${m.items}-item meeting (${m.attendance} attendance rows, ${m.actions} actions, ${m.mattersArising} matters arising), median of ${n}:`);
    console.log(`  meeting.get (the read alone)                        ${ms(m.readThroughApi)}`);
    console.log(`  meeting.exportMinutes (read + build + pack + write) ${ms(m.exportThroughApi)}`);
    console.log(`  house build + pack only                             ${ms(m.houseBuildOnly)}`);
    console.log(`  bare docx build + pack of the same content          ${ms(m.bareDocx)}`);
    console.log(`\nAction log of every board (${a.actions} actions), median of ${n}:`);
    console.log(`  action.list                                          ${ms(a.listThroughApi)}`);
    console.log(`  action.exportLog docx                                ${ms(a.docxThroughApi)}`);
    console.log(`  bare docx table of the same rows                     ${ms(a.bareDocx)}`);
    console.log(`  action.exportLog xlsx                                ${ms(a.xlsxThroughApi)}`);
    console.log(`  plain exceljs, same cells and styles, in memory      ${ms(a.plainXlsxInMemory)}   (export ${(a.xlsxThroughApi.medianMs / a.plainXlsxInMemory.medianMs).toFixed(2)}×)`);
    console.log(`  plain exceljs, same cells and styles, streamed       ${ms(a.plainXlsxStreamed)}   (export ${(a.xlsxThroughApi.medianMs / a.plainXlsxStreamed.medianMs).toFixed(2)}×)`);
    console.log('  (the export also reads the actions and sets row heights, panes, filters, print setup and quote prefixes; plain-xlsx.ts)');
    writeResults('meetings-exports', results);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
