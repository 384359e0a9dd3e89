import type { Document, FileChild } from 'docx';
import { Numbering, buildDocument, dataTable, heading, labelled, paragraph, title, type CellValue, type RichText } from '../documents/docx';
import { fitColumns } from '../documents/fit-columns';
import { houseStyle } from '../documents/house-style';
import { formatDateLong } from '../shared/dates';
import type { AgendaItem, Attendance, MeetingDetail } from './contract';
import { VOTING_ROLES } from './quorum';
import { inquorateResolutionNote } from './inquorate';
import { actionColumns, actionRef, actionStatusText, dueText, meetingDate, meetingDocumentMeta, meetingName, meetingTimes, paragraphsOf, place, purposeLabel, roleLabel } from './document-text';

/**
 * The minutes: attendance (present, in attendance, apologies, absent), the quorum
 * statement, declarations of interest, each item with its discussion, decisions and
 * actions, and the table of actions agreed.
 */
interface AttendanceGroups {
  present: { name: string; organisation: string; note: string }[];
  inAttendance: { name: string; organisation: string; note: string }[];
  apologies: { name: string; organisation: string; note: string }[];
  absent: { name: string; organisation: string; note: string }[];
}

export function attendanceGroups(detail: MeetingDetail): AttendanceGroups {
  const byPerson = new Map<number, Attendance>(detail.attendance.map((a) => [a.personId, a]));
  const memberIds = new Set(detail.members.map((m) => m.personId));
  const substitutedBy = new Map<number, Attendance>();
  for (const a of detail.attendance) if (a.substituteForPersonId !== null && a.status === 'present') substitutedBy.set(a.substituteForPersonId, a);
  const groups: AttendanceGroups = { present: [], inAttendance: [], apologies: [], absent: [] };
  for (const m of detail.members) {
    const mark = byPerson.get(m.personId);
    const sub = substitutedBy.get(m.personId);
    const organisation = m.organisationName ?? '';
    // Advisers and the secretariat are not voting members: "in attendance" when they come.
    if (!VOTING_ROLES.includes(m.role)) {
      if (mark?.status === 'present') groups.inAttendance.push({ name: m.name, organisation, note: [roleLabel(m.role), mark.note].filter(Boolean).join('; ') });
      else if (mark?.status === 'apologies') groups.apologies.push({ name: m.name, organisation, note: mark.note });
      continue;
    }
    if (mark?.status === 'present') groups.present.push({ name: m.name, organisation, note: [roleLabel(m.role), mark.note].filter(Boolean).join('; ') });
    else if (mark?.status === 'apologies' || sub) {
      groups.apologies.push({ name: m.name, organisation, note: [sub ? `Represented by ${sub.name}` : '', mark?.note ?? ''].filter(Boolean).join('; ') });
    } else groups.absent.push({ name: m.name, organisation, note: mark?.note ?? '' });
  }
  for (const a of detail.attendance) {
    if (memberIds.has(a.personId)) continue;
    const organisation = a.organisationName ?? '';
    if (a.status === 'present' && a.substituteForPersonId !== null) {
      groups.present.push({ name: a.name, organisation, note: [`Substitute for ${a.substituteForName}`, a.note].filter(Boolean).join('; ') });
    } else if (a.status === 'present') groups.inAttendance.push({ name: a.name, organisation, note: a.note });
    else if (a.status === 'apologies') groups.apologies.push({ name: a.name, organisation, note: a.note });
  }
  return groups;
}

function peopleTable(rows: { name: string; organisation: string; note: string }[], noteHeader: string): FileChild[] {
  return dataTable(
    [{ header: 'Name', width: 30 }, { header: 'Organisation', width: 40 }, { header: noteHeader, width: 30 }],
    rows.map((r) => [r.name, r.organisation, r.note]),
  );
}

/** What a standing item records when the secretariat wrote nothing for it. */
function standingText(detail: MeetingDetail, item: AgendaItem): string | null {
  switch (item.standingKind) {
    case 'welcome': {
      const chair = detail.members.find((m) => m.role === 'chair');
      const apologies = attendanceGroups(detail).apologies.map((a) => (a.note.startsWith('Represented by') ? `${a.name} (${a.note.replace(/^Represented/, 'represented')})` : a.name));
      const welcome = `${chair && detail.attendance.some((a) => a.personId === chair.personId && a.status === 'present') ? 'The Chair' : 'The meeting'} welcomed those present.`;
      return `${welcome} ${apologies.length > 0 ? `Apologies were received from ${listOf(apologies)}.` : 'No apologies were received.'}`;
    }
    case 'declarations':
      return detail.declarations.length > 0 ? 'Declarations of interest are recorded above.' : 'No declarations of interest were made.';
    case 'minutes':
      return detail.previousMeeting
        ? detail.previousMeeting.approvedHere
          ? `RESOLVED that the minutes of the meeting held on ${formatDateLong(detail.previousMeeting.startsAt)} be approved as a correct record and signed by the Chair${detail.previousMeeting.approvedByName ? ` (proposed by ${detail.previousMeeting.approvedByName})` : ''}.`
          : detail.previousMeeting.status === 'minutes_approved'
          ? `RESOLVED that the minutes of the meeting held on ${formatDateLong(detail.previousMeeting.startsAt)} are an accurate record and be signed by the Chair.`
          : `The minutes of the meeting held on ${formatDateLong(detail.previousMeeting.startsAt)} were considered.`
        : null;
    case 'aob':
      return 'There was no other business.';
    case 'next_meeting':
      return detail.nextMeeting
        ? `The next meeting will be held on ${meetingDate(detail.nextMeeting.startsAt)} at ${detail.nextMeeting.startsAt.slice(11, 16)}.`
        : 'The date of the next meeting will be confirmed.';
    default:
      return null;
  }
}

function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function itemBlocks(detail: MeetingDetail, item: AgendaItem, numbering: Numbering): FileChild[] {
  // A numbered minute is headed by its minute number (what actions and decisions cite); the agenda's number follows.
  const blocks: FileChild[] = [heading(`${item.minuteNumber ? `${item.minuteNumber} ` : `${item.number}. `}${item.title}${item.confidential ? ' (taken in private)' : ''}`, 2)];
  const facts = [item.minuteNumber ? `Agenda item ${item.number}` : '', purposeLabel(item.purpose), item.leadName ? `Lead: ${item.leadName}` : '', item.papers.length ? `Paper: ${item.papers.map((p) => p.reference).join(', ')}` : '']
    .filter(Boolean)
    .join(' · ');
  // Kept with what follows, so a minute's heading never ends a page alone.
  blocks.push(paragraph(facts, { muted: true, small: true, keepNext: true }));

  const withdrew = item.declarations.filter((d) => d.withdrew);
  if (withdrew.length > 0) {
    blocks.push(paragraph(`${withdrew.map((d) => d.name).join(', ')} declared an interest and left the meeting for this item.`));
    if (item.quorum) blocks.push(paragraph(`Quorum for this item — ${item.quorum.statement}`, { bold: !item.quorum.met }));
  }

  const text = paragraphsOf(item.discussion);
  if (text.length > 0) blocks.push(...text.map((p) => paragraph(p)));
  else {
    const standing = standingText(detail, item);
    blocks.push(standing ? paragraph(standing) : paragraph('No discussion was recorded for this item.', { muted: true }));
  }

  if (item.standingKind === 'minutes' && detail.mattersArising.length > 0) {
    blocks.push(paragraph('Matters arising: the board reviewed the open actions.', { keepNext: true }));
    const rows = detail.mattersArising.map((a) => [actionRef(a.id), a.description, a.ownerName, dueText(a.dueOn, a.originalDueOn), actionStatusText(a)]);
    blocks.push(...dataTable(actionColumns(rows), rows));
  }

  for (const d of item.decisions) blocks.push(paragraph(resolution(d)));
  const inquorateNote = inquorateResolutionNote(item);
  if (inquorateNote) blocks.push(paragraph(inquorateNote, { bold: true }));
  const itemActions = detail.actions.filter((a) => a.agendaItemId === item.id);
  if (itemActions.length > 0) {
    blocks.push(
      ...numbering.bullets(
        itemActions.map((a) => [{ text: `Action ${actionRef(a.id)}: `, bold: true }, `${a.description} — ${a.ownerName}${a.dueOn ? `, by ${formatDateLong(a.dueOn)}` : ''}`]),
      ),
    );
  }
  return blocks;
}

/** The words of a decision as a resolution: "the board approves …" from "The board approves …" or "RESOLVED that the board approves …". */
function resolutionWords(text: string): string {
  // A paper's recommendation proposed as a decision: its recommendation, not the "Decision required" that follows it,
  // and "The Board is asked to approve …" resolved as "the Board approves …".
  const t = text.split(/\n\s*\nDecision required:/)[0]!.trim()
    .replace(/^resolved\s*(that\s+|:\s*)?/i, '').replace(/^that\s+/i, '')
    .replace(/\b(?:is|are) (?:asked|invited|recommended) to (\w+)/, (_, verb: string) => `${verb}${/(s|sh|ch|x)$/.test(verb) ? 'es' : 's'}`);
  return /^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

/**
 * A decision minuted under its item: an agreed one as "RESOLVED that …", with its reference
 * from the decisions log; one not agreed says what became of it.
 */
function resolution(d: AgendaItem['decisions'][number]): RichText {
  const words = resolutionWords(d.text.trim() || d.title).replace(/[.;]\s*$/, '');
  const ref = { text: ` (Decision ${d.reference})`, bold: true };
  switch (d.status) {
    case 'agreed':
    case 'superseded':
      return [{ text: 'RESOLVED', bold: true }, ` that ${words}.${d.status === 'superseded' ? ' Since superseded.' : ''}`, ref];
    case 'deferred':
      return [{ text: 'DEFERRED', bold: true }, `: the board deferred the decision that ${words}.`, ref];
    case 'rejected':
      return [{ text: 'NOT AGREED', bold: true }, `: the board did not agree that ${words}.`, ref];
    default:
      return [{ text: 'Proposed, not yet decided', bold: true }, `: that ${words}.`, ref];
  }
}

/** The approval and the Chair's signature, on minutes approved at a later meeting. */
function approvalBlocks(detail: MeetingDetail): FileChild[] {
  const m = detail.meeting;
  if (m.status !== 'minutes_approved' || !m.minutesApprovedAtStartsAt) return [];
  return [
    heading('Approval', 1),
    paragraph(`Approved as a correct record at the meeting of ${formatDateLong(m.minutesApprovedAtStartsAt)}${m.minutesApprovedByName ? `, on the proposal of ${m.minutesApprovedByName}` : ''}.`, { keepNext: true }),
    paragraph('Signed ……………………………………………… Chair', { keepNext: true }),
    paragraph(m.minutesSignedByName ?? '', { keepNext: true, muted: true }),
    paragraph('Date ……………………………………'),
  ];
}

export function minutesBlocks(detail: MeetingDetail): FileChild[] {
  const { meeting } = detail;
  const numbering = new Numbering();
  const approved = meeting.status === 'minutes_approved';
  const blocks: FileChild[] = [
    title(meetingName(detail)),
    heading(approved ? 'Minutes' : 'Draft minutes', 1),
    labelled('Date', meetingDate(meeting.startsAt)),
    labelled('Time', meetingTimes(meeting)),
    labelled('Place', place(detail)),
  ];
  if (!approved) blocks.push(paragraph('These minutes are a draft until the board approves them at its next meeting.', { muted: true }));
  else if (meeting.minutesApprovedAtStartsAt) blocks.push(paragraph(`Approved as a correct record at the meeting of ${formatDateLong(meeting.minutesApprovedAtStartsAt)}.`, { bold: true }));

  const groups = attendanceGroups(detail);
  blocks.push(heading('Present', 2));
  blocks.push(...(groups.present.length > 0 ? peopleTable(groups.present, 'Role or note') : [paragraph('Attendance was not recorded.')]));
  if (groups.inAttendance.length > 0) {
    blocks.push(heading('In attendance', 2), ...peopleTable(groups.inAttendance, 'Role or note'));
  }
  blocks.push(heading('Apologies', 2));
  blocks.push(...(groups.apologies.length > 0 ? peopleTable(groups.apologies, 'Note') : [paragraph('No apologies were received.')]));
  if (groups.absent.length > 0 && detail.attendance.length > 0) blocks.push(heading('Absent', 2), ...peopleTable(groups.absent, 'Note'));

  blocks.push(heading('Quorum', 2));
  blocks.push(paragraph(detail.quorum ? detail.quorum.statement : 'Attendance was not recorded, so quorum cannot be stated.'));

  const numberOf = new Map(detail.agenda.map((i) => [i.id, i.number]));
  const minuteOf = new Map(detail.agenda.map((i) => [i.id, i.minuteNumber]));
  const itemNumber = (agendaItemId: number | null, none: string) => (agendaItemId !== null ? String(minuteOf.get(agendaItemId) ?? numberOf.get(agendaItemId) ?? '') : none);
  const numbered = detail.agenda.some((i) => i.minuteNumber);

  blocks.push(heading('Declarations of interest', 2));
  if (detail.declarations.length === 0) blocks.push(paragraph('No declarations of interest were made.'));
  else {
    blocks.push(
      ...dataTable(
        [{ header: 'Item', width: 10 }, { header: 'Name', width: 25 }, { header: 'Interest', width: 45 }, { header: 'Withdrew', width: 20 }],
        detail.declarations.map((d): CellValue[] => [
          itemNumber(d.agendaItemId, 'General'),
          d.name,
          d.interest,
          d.withdrew ? 'Yes, for this item' : 'No',
        ]),
      ),
    );
  }

  blocks.push(heading('Items', 1));
  for (const item of detail.agenda) blocks.push(...itemBlocks(detail, item, numbering));

  blocks.push(heading('Actions agreed', 1));
  if (detail.actions.length === 0) blocks.push(paragraph('No actions were agreed.'));
  else {
    // Each column as wide as its longest token ("A9735", "12.3", "19/03/2020"), the action most of the rest.
    const rows = detail.actions.map((a) => [actionRef(a.id), itemNumber(a.agendaItemId, ''), a.description, a.ownerName, dueText(a.dueOn, a.originalDueOn)]);
    const columns = fitColumns(
      [
        { header: 'Ref', weight: 0 },
        { header: numbered ? 'Minute' : 'Item', weight: 0, whole: numbered },
        { header: 'Action', weight: 65 },
        { header: 'Owner', weight: 35 },
        { header: 'Due', weight: 0, whole: true },
      ],
      rows,
      { landscape: false, sizePt: houseStyle.bodySizePt, register: false },
    );
    blocks.push(...dataTable(columns, rows));
  }
  blocks.push(...approvalBlocks(detail));
  return blocks;
}

export function minutesDocument(detail: MeetingDetail): Document {
  return buildDocument(meetingDocumentMeta(detail, 'minutes'), [minutesBlocks(detail)]);
}
