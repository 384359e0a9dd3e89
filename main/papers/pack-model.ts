import { formatDateLong, formatDateShort, formatTime } from '../shared/dates';
import { PAPER_PURPOSE_LABELS, type PackChange } from './contract';
import type { AgendaLine, BuildPart, Pack } from './agenda-pack';
import { PART_B_DEFAULT_REASON } from '../db/migrations/010-register-of-interests';
import { INTEREST_TYPE_LABELS } from '../interests/contract';

/**
 * What an agenda pack says, worked out once for both of its writers (the Word pack in
 * agenda-pack.ts, the PDF pack in agenda-pack-pdf.ts): the cover, the agenda with the pages
 * of each item's papers, the "changed since issue" sheet, each paper's heading, footer label
 * and "not for publication" notice. The writers only lay these out.
 *
 * The order of a pack, in both writers:
 *   cover (board, date, time, place, membership, quorum) → agenda → the papers in agenda
 *   order, each from a new page → the "changed since issue" sheet (after a re-issue) →
 *   the supplements → the register of interests of the board's members.
 * Pages are numbered straight through from the cover (page 1), so the number printed in a
 * footer is the page a PDF reader's page box shows. The sheet and the supplements come
 * after the papers already issued, so what a re-issue adds never moves an issued page; the
 * register comes last for the same reason (an interest registered after issue moves nothing).
 */

/** The pages of each paper and of the sheet, as printed: first page and how many. */
export interface PrintedPages {
  /** Pages before the first paper: the cover and the agenda. */
  front: number;
  /** By a part's bookmark, and CHANGES_KEY for the "changed since issue" sheet. */
  parts: Map<string, { start: number; count: number }>;
}

export const CHANGES_KEY = 'changes-since-issue';

export const REGISTER_KEY = 'register-of-interests';

/**
 * Why a Part B item is not for publication: the reason recorded on the item
 * (agenda_item.confidential_reason, migration 010), after "Part B: ". An item marked before
 * the reason was recorded took the one every pack printed until then, which is also the
 * fallback here.
 */
export function partBReason(reason: string): string {
  return `Part B: ${reason.trim() || PART_B_DEFAULT_REASON}`;
}

export function packTitle(pack: Pack): string {
  return `${pack.meeting.boardName} — agenda pack, ${formatDateLong(pack.meeting.startsAt)}${pack.plan.public ? ' (public)' : ''}`;
}

export interface CoverModel {
  title: string;
  subtitle: string;
  lines: { label: string; value: string; link?: string }[];
  members: { name: string; organisation: string; role: string }[];
  quorum: string;
  notes: string[];
}

export function coverModel(pack: Pack, status: string, pages: PrintedPages | null): CoverModel {
  const { meeting, plan } = pack;
  const lines: CoverModel['lines'] = [
    { label: 'Date', value: formatDateLong(meeting.startsAt) },
    { label: 'Time', value: `${formatTime(meeting.startsAt)} to ${formatTime(meeting.endsAt)}` },
  ];
  if (meeting.location) lines.push({ label: 'Place', value: meeting.location });
  if (meeting.onlineLink) lines.push({ label: 'Online', value: meeting.onlineLink, link: meeting.onlineLink });
  lines.push({ label: 'Issue', value: status });
  const notes: string[] = [];
  if (!plan.public && pack.agenda.some((a) => a.confidential)) notes.push('This pack includes confidential (Part B) items, marked NOT FOR PUBLICATION on every page of them. Do not pass it on.');
  else if (plan.leftOut.length) notes.push('Confidential (Part B) items are listed on the agenda; their papers are not included in this public pack.');
  if (plan.changes.length > 0) {
    const at = pages?.parts.get(CHANGES_KEY)?.start;
    notes.push(`Changed since issue: what is new is listed ${at ? `on page ${at}` : 'after the papers'}, before the supplements.`);
  }
  return {
    title: meeting.boardName,
    subtitle: plan.public ? 'Agenda pack (public)' : 'Agenda pack',
    lines,
    members: pack.members.map((m) => ({ name: m.name, organisation: m.organisation ?? 'None', role: m.role })),
    quorum: pack.quorum,
    notes,
  };
}

/** "Page 5", "Pages 5–14", "Pages 5–14, 80–82". */
export function pagesLabel(ranges: { start: number; count: number }[]): string {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.start + r.count - 1);
    else merged.push({ start: r.start, end: r.start + r.count - 1 });
  }
  const text = merged.map((m) => (m.end > m.start ? `${m.start}–${m.end}` : String(m.start))).join(', ');
  return merged.length === 1 && merged[0]!.end === merged[0]!.start ? `Page ${text}` : `Pages ${text}`;
}

export interface AgendaRow {
  number: string;
  time: string;
  title: string;
  confidential: boolean;
  /** "SB/2020/03", "SB/2020/05 (not in this pack)". */
  papers: string;
  /** "(Pages 5–14)" where the item has papers in this pack and their pages are known. */
  pages: string | null;
  lead: string;
  purpose: string;
  /** The bookmark of the item's first paper in this pack, for a link. */
  firstPaper: string | null;
  /** On the declarations item: "(Register of interests: Page 20)", where the register's pages are known. */
  register: string | null;
  /** The declarations of interest item (standing item), against which the register's pages are printed. */
  declarations: boolean;
}

export function agendaRows(pack: Pack, pages: PrintedPages | null): AgendaRow[] {
  return pack.agenda.map((a: AgendaLine) => {
    const inPack = a.papers.filter((p) => p.bookmark);
    const ranges = pages ? inPack.map((p) => pages.parts.get(p.bookmark!)).filter((r): r is { start: number; count: number } => !!r) : [];
    return {
      number: String(a.number),
      time: a.startsAt,
      title: a.title,
      confidential: a.confidential,
      papers: a.papers.map((p) => (p.leftOut ? `${p.reference} (not in this pack)` : p.reference)).join(', '),
      pages: ranges.length ? `(${pagesLabel(ranges)})` : null,
      lead: a.leadName ?? '',
      purpose: PAPER_PURPOSE_LABELS[a.purpose].replace(/^For /, ''),
      firstPaper: inPack[0]?.bookmark ?? null,
      declarations: a.standingKind === 'declarations',
      register: a.standingKind === 'declarations' && pages?.parts.get(REGISTER_KEY) ? `(Register of interests: ${pagesLabel([pages.parts.get(REGISTER_KEY)!])})` : null,
    };
  });
}

/** What changed, in the words of the "changed since issue" sheet; `pdf` cites the PDF pack's own pages where known. */
export function changeText(c: PackChange, pdf = false): string {
  const pages = pdf && c.replacesPdfPages ? c.replacesPdfPages : c.replacesPages;
  switch (c.kind) {
    case 'late':
      return `Issued late, in Supplement ${c.supplement}.`;
    case 'revised':
      return `Revised: the new version is in Supplement ${c.supplement}${pages ? ` and replaces pages ${pages}` : ''}.`;
    case 'withdrawn':
      return `Withdrawn${pages ? `: disregard pages ${pages}` : ''}.`;
  }
}

export interface ChangesModel {
  intro: string;
  rows: [string, string, string, string][];
  /** Where each new or revised paper is: "Supplement 1, item 8, SB/2020/07" and its bookmark. */
  where: { text: string; bookmark: string }[];
}

export function changesModel(pack: Pack, pdf = false): ChangesModel | null {
  if (pack.plan.changes.length === 0) return null;
  return {
    intro: 'The pages of papers already issued have not moved. New and revised papers are in the supplements that follow.',
    rows: pack.plan.changes.map((c) => [String(c.itemNumber), c.title, c.paperReference ?? 'None', changeText(c, pdf)]),
    where: pack.parts.filter((p) => p.kind === 'supplement').map((p) => ({ text: `Supplement ${p.supplement}, item ${p.itemNumber}, ${p.paperReference}`, bookmark: p.bookmark })),
  };
}

/** "Item 4: Kent Violence Reduction Unit – update (SB/2020/03)", with ", revised" or ", late paper" in a supplement. */
export function partHeading(p: BuildPart): string {
  const why = p.reason === 'revised' ? ', revised' : p.reason === 'late' ? ', late paper' : '';
  return `Item ${p.itemNumber}: ${p.paperTitle} (${p.paperReference}${why})`;
}

/** The footer's label of a paper's pages: "Supplement 1 · Item 8 · SB/2020/07". */
export function partFooterLabel(p: BuildPart): string {
  return `${p.kind === 'supplement' ? `Supplement ${p.supplement} · ` : ''}Item ${p.itemNumber} · ${p.paperReference}`;
}

/** The notice on every page of a Part B paper ("NOT FOR PUBLICATION" and why), or null. Only the full pack holds such papers. */
export function notForPublication(pack: Pack, p: BuildPart): string | null {
  const item = pack.agenda.find((a) => a.number === p.itemNumber);
  return item?.confidential ? partBReason(item.confidentialReason) : null;
}

export interface RegisterModel {
  intro: string;
  /** Member, type, interest, from–to, reviewed: a member with no current entry has one row saying so. */
  rows: [string, string, string, string, string][];
}

/** The register of interests of the board's members on the meeting's date: current entries only. */
export function registerModel(pack: Pack): RegisterModel {
  const formatDate = formatDateShort;
  const rows: RegisterModel['rows'] = [];
  for (const m of pack.register) {
    const who = m.organisation ? `${m.name} (${m.organisation})` : m.name;
    if (m.entries.length === 0) rows.push([who, 'None', 'No interest registered', 'None', 'None']);
    for (const e of m.entries) {
      rows.push([who, INTEREST_TYPE_LABELS[e.type], e.description, `${formatDate(e.startsOn)} to ${e.endsOn ? formatDate(e.endsOn) : 'date'}`, e.reviewedOn ? formatDate(e.reviewedOn) : 'Not yet reviewed']);
    }
  }
  const on = formatDateLong(pack.meeting.startsAt);
  return {
    intro: pack.plan.public
      ? `The registrable interests (disclosable pecuniary and other registrable) of the Board's members, as registered on ${on}. Members declare at the meeting any interest in an item.`
      : `The interests of the Board's members as registered on ${on}: entries current on the meeting's date. Members declare at the meeting any interest in an item, and whether they withdraw for it.`,
    rows,
  };
}

/** The parts in the order they are printed, with the sheet between the issued papers and the supplements. */
export function printOrder(pack: Pack): ({ kind: 'part'; part: BuildPart; opensSupplement: boolean } | { kind: 'changes' } | { kind: 'register' })[] {
  const out: ({ kind: 'part'; part: BuildPart; opensSupplement: boolean } | { kind: 'changes' } | { kind: 'register' })[] = [];
  const main = pack.parts.filter((p) => p.kind === 'item');
  const supplements = pack.parts.filter((p) => p.kind === 'supplement');
  for (const part of main) out.push({ kind: 'part', part, opensSupplement: false });
  if (pack.plan.changes.length > 0) out.push({ kind: 'changes' });
  let shown = 0;
  for (const part of supplements) {
    out.push({ kind: 'part', part, opensSupplement: part.supplement !== shown });
    shown = part.supplement ?? shown;
  }
  out.push({ kind: 'register' });
  return out;
}
