import type { Document, FileChild } from 'docx';
import { buildDocument, dataTable, heading, labelled, paragraph, title, type CellValue } from '../documents/docx';
import { formatDateLong } from '../shared/dates';
import type { MeetingDetail } from './contract';
import { actionColumns, actionRef, actionStatusText, dueText, meetingDate, meetingDocumentMeta, meetingName, meetingTimes, place, purposeLabel, roleLabel } from './document-text';

/**
 * The agenda: meeting header, members invited, the items table (number, time, item,
 * purpose, lead) and the open actions carried forward as matters arising.
 */
export function agendaBlocks(detail: MeetingDetail): FileChild[] {
  const { meeting, board } = detail;
  const blocks: FileChild[] = [
    title(meetingName(detail)),
    heading('Agenda', 1),
    labelled('Date', meetingDate(meeting.startsAt)),
    labelled('Time', meetingTimes(meeting)),
    labelled('Place', place(detail)),
  ];
  if (meeting.onlineLink) blocks.push(labelled('Join online', [{ text: meeting.onlineLink, link: meeting.onlineLink }]));
  if (meeting.papersDueOn) {
    blocks.push(labelled('Papers due', `${formatDateLong(meeting.papersDueOn)} (${board.papersDueWorkingDays} working days before the meeting)`));
  }

  blocks.push(heading('Items', 2));
  const rows: CellValue[][] = detail.agenda.map((item) => {
    const text: { text: string; italic?: boolean; bold?: boolean }[] = [{ text: item.title }];
    if (item.papers.length > 0) text.push({ text: ` (paper${item.papers.length > 1 ? 's' : ''} ${item.papers.map((p) => p.reference).join(', ')})` });
    if (item.confidential) text.push({ text: ' — taken in private', italic: true });
    return [String(item.number), item.startsAt, text, purposeLabel(item.purpose), item.leadName ?? ''];
  });
  blocks.push(
    ...dataTable(
      [
        { header: 'No.', width: 7 },
        { header: 'Time', width: 10 },
        { header: 'Item', width: 43 },
        { header: 'Purpose', width: 19 },
        { header: 'Lead', width: 21 },
      ],
      rows,
    ),
  );

  blocks.push(heading('Members invited', 2));
  if (detail.members.length === 0) blocks.push(paragraph('No members are recorded for this board on the meeting’s date.'));
  else {
    blocks.push(
      ...dataTable(
        [{ header: 'Name', width: 32 }, { header: 'Organisation', width: 44 }, { header: 'Role', width: 24 }],
        detail.members.map((m) => [m.name, m.organisationName ?? '', roleLabel(m.role)]),
      ),
    );
  }

  if (detail.mattersArising.length > 0) {
    blocks.push(heading('Matters arising: open actions', 2));
    const rows = detail.mattersArising.map((a) => [actionRef(a.id), a.description, a.ownerName, dueText(a.dueOn, a.originalDueOn), actionStatusText(a)]);
    blocks.push(...dataTable(actionColumns(rows), rows));
  }
  return blocks;
}

export function agendaDocument(detail: MeetingDetail): Document {
  return buildDocument(meetingDocumentMeta(detail, 'agenda'), [agendaBlocks(detail)]);
}
