import { createHash } from 'node:crypto';
import { HeadingLevel, PageReference, Paragraph, TableOfContents, TextRun, type Document, type FileChild } from 'docx';
import { estimatePageNumbers, layoutDocument } from 'docx/layout';
import { exported } from '../documents/export-result';
import { buildDocument, contents, dataTable, heading, labelled, Numbering, paragraph, pageBreak, title, writeDocx, type CellValue, type DocSection, type DocumentMeta } from '../documents/docx';
import type { ProtectiveMarking } from '../documents/house-style';
import { formatDateLong, formatTime } from '../shared/dates';
import type { Ctx } from '../shared/context';
import { isoNow } from '../shared/context';
import { DomainError, notFound } from '../shared/errors';
import { PAPER_PURPOSE_LABELS, type PackChange, type PackExportResult, type PackIssueSummary, type PackPart, type PackPlan } from './contract';
import { writePackPdf } from './agenda-pack-pdf';
import { paperContent, type PaperForDocument } from './paper-docx';
import { paperForDocument, snapshotOf, type PaperSnapshot } from './paper-view';
import { ROLE_LABELS } from '../meetings/labels';
import { boards, memberships } from '../meetings/repository';
import { lookups, papers, versions, type AgendaItemInfo, type MeetingInfo, type PaperRow } from './repository';

/**
 * The agenda pack of a meeting: one Word document with a cover, the agenda, a contents
 * list, then each paper in agenda order, each on a new page.
 *
 * Page numbers that stay put. The cover, the "changed since issue" sheet, the agenda and
 * the contents are front matter, numbered i, ii, iii; the papers are numbered 1, 2, 3…
 * When the pack is issued (agendaPack.issue), each paper is kept exactly as it went out,
 * with the pages it took, as a version of the paper (paper_version, kind "packIssue").
 * A later pack rebuilds the issued papers from those versions — so they fall on the same
 * pages — and adds what came after in a numbered supplement at the end: a paper that
 * arrived late, or a paper revised since (the sheet says which pages it replaces). Nothing
 * already issued moves, whatever is added.
 *
 * Confidential items are left out of the public pack (its agenda still lists them), as are
 * OFFICIAL-SENSITIVE papers. The page numbers of the contents list and of the agenda's
 * page column are worked out when the document is written (docx's estimatePageNumbers),
 * so they are right without Word updating fields.
 */

interface IssueRecord {
  meetingId: number;
  number: number;
  public: boolean;
  issuedAt: string;
  part: 'item' | 'supplement' | 'withdrawn';
  supplement: number | null;
  itemNumber: number;
  itemTitle: string;
  order: number;
  /** The paper's first page counted from its first paper (page 1 = the first paper's first page). */
  startPage: number | null;
  pageCount: number | null;
  /**
   * How many pages came before the first paper in the pack as issued (cover and agenda):
   * the printed page is frontPages + startPage. Missing from issues recorded before the
   * pack was numbered straight through from its cover.
   */
  frontPages?: number;
  /** The same paper's pages in the PDF pack as issued (printed page numbers), where the PDF was laid out at issue. */
  pdf?: { startPage: number; pageCount: number };
  /** For a supplement part: why it is there. */
  reason?: 'revised' | 'late';
}

interface PackIssueSnapshot extends Omit<PaperSnapshot, 'kind'> {
  kind: 'packIssue';
  issue: IssueRecord;
  /** The paper as printed in the pack (live tables as they were that day). */
  document: PaperForDocument | null;
  /** The changes this issue brought (on every row of the issue, read from the first). */
  changes: PackChange[];
}

/** One paper's place in the pack as it will be built. */
export interface BuildPart extends PackPart {
  document: PaperForDocument;
  bookmark: string;
  /** Source text, to tell later whether the paper has been revised. */
  source: string;
  /** True when the part is rebuilt from an issue (its pages are fixed). */
  issued: boolean;
  reason?: 'revised' | 'late';
  /** For an issued part: its pages in the PDF pack of that issue (printed numbers). */
  issuedPdf?: { startPage: number; pageCount: number };
}

export interface AgendaLine extends AgendaItemInfo {
  number: number;
  startsAt: string;
  papers: { reference: string; bookmark: string | null; leftOut: string | null }[];
}

export interface Pack {
  plan: PackPlan;
  meeting: MeetingInfo;
  /** Who sits on the board on the meeting's date, chair first, and what makes it quorate. */
  members: { name: string; organisation: string | null; role: string }[];
  quorum: string;
  agenda: AgendaLine[];
  parts: BuildPart[];
  marking: ProtectiveMarking;
  issuedAt: string | null;
}

/** What is compared to tell a revised paper from the issued one: text, not live figures. */
function sourceOf(s: Omit<PaperSnapshot, 'kind' | 'status'>): string {
  return JSON.stringify({ reference: s.reference, title: s.title, header: s.header, sections: s.sections, marking: s.protectiveMarking, purpose: s.purpose });
}

function clock(startsAt: string, minutes: number): string {
  const [h, m] = startsAt.slice(11, 16).split(':').map(Number) as [number, number];
  const t = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

async function issueRows(ctx: Ctx, meetingId: number, isPublic: boolean): Promise<{ versionId: number; paperId: number; snap: PackIssueSnapshot }[]> {
  return (await versions
    .packIssues(ctx, meetingId))
    .map((v) => ({ versionId: v.id, paperId: v.paperId, snap: JSON.parse(v.snapshotJson) as PackIssueSnapshot }))
    .filter((r) => r.snap.issue.public === isPublic);
}

function pagesText(start: number | null, count: number | null): string | null {
  if (start === null || count === null) return null;
  return count <= 1 ? String(start) : `${start}–${start + count - 1}`;
}

/** The pack as it stands: what was issued, and what has changed since. Reads only. */
export async function planAgendaPack(ctx: Ctx, meetingId: number, isPublic: boolean): Promise<Pack> {
  const meeting = await lookups.meeting(ctx, meetingId);
  if (!meeting) throw notFound('meeting', meetingId);
  const items = await lookups.agenda(ctx, meetingId);
  const numberOf = new Map(items.map((it, i) => [it.id, i + 1]));
  let minutes = 0;
  const agenda: AgendaLine[] = items.map((it, i) => {
    const line = { ...it, number: i + 1, startsAt: clock(meeting.startsAt, minutes), papers: [] as AgendaLine['papers'] };
    minutes += it.minutesAllotted;
    return line;
  });
  const lineOf = new Map(agenda.map((l) => [l.id, l]));

  // The papers that belong in this pack today, in agenda order.
  const warnings: PackPlan['warnings'] = [];
  const leftOut: PackPlan['leftOut'] = [];
  const current: { row: PaperRow; item: AgendaLine }[] = [];
  for (const row of await papers.byMeeting(ctx, meetingId)) {
    const item = row.agendaItemId !== null ? lineOf.get(row.agendaItemId) : undefined;
    if (!item) {
      warnings.push({ code: 'agendaPack.paperNotOnAgenda', message: `${row.reference} is linked to this meeting but to no agenda item, so it is not in the pack.`, field: 'agendaItemId' });
      continue;
    }
    let why: string | null = null;
    if (isPublic && item.confidential) why = 'confidential item';
    else if (isPublic && row.protectiveMarking === 'OFFICIAL-SENSITIVE') why = 'OFFICIAL-SENSITIVE paper';
    if (why) {
      item.papers.push({ reference: row.reference, bookmark: null, leftOut: why });
      leftOut.push({ itemNumber: item.number, reason: `${row.reference}: ${why}, left out of the public pack` });
      continue;
    }
    if (row.status !== 'final') warnings.push({ code: 'agendaPack.notFinal', message: `${row.reference} is still ${row.status === 'draft' ? 'a draft' : 'for review'}.`, field: 'status' });
    current.push({ row, item });
  }

  // What was issued, in the order it was issued.
  const issued = await issueRows(ctx, meetingId, isPublic);
  const issueCount = issued.reduce((n, r) => Math.max(n, r.snap.issue.number), 0);
  const parts: BuildPart[] = [];
  const latestByPaper = new Map<number, { part: BuildPart | null; snap: PackIssueSnapshot }>();
  const recorded: PackChange[] = [];
  const seenIssue = new Set<number>();
  const issuedSorted = [...issued].sort((a, b) => a.snap.issue.number - b.snap.issue.number || a.snap.issue.order - b.snap.issue.order);
  for (const r of issuedSorted) {
    const is = r.snap.issue;
    if (!seenIssue.has(is.number)) {
      seenIssue.add(is.number);
      recorded.push(...r.snap.changes);
    }
    if (is.part === 'withdrawn' || !r.snap.document) {
      latestByPaper.set(r.paperId, { part: null, snap: r.snap });
      continue;
    }
    const part: BuildPart = {
      kind: is.part,
      itemNumber: is.itemNumber,
      itemTitle: is.itemTitle,
      paperId: r.paperId,
      paperReference: r.snap.reference,
      paperTitle: r.snap.title,
      supplement: is.supplement,
      startPage: is.startPage !== null && is.frontPages !== undefined ? is.frontPages + is.startPage : is.startPage,
      pageCount: is.pageCount,
      ...(is.pdf ? { issuedPdf: is.pdf } : {}),
      document: r.snap.document,
      bookmark: `pack_${r.versionId}`,
      source: sourceOf(r.snap),
      issued: true,
      ...(is.reason ? { reason: is.reason } : {}),
    };
    parts.push(part);
    latestByPaper.set(r.paperId, { part, snap: r.snap });
  }

  // What has changed since: late and revised papers go into the next supplement.
  const supplement = issueCount === 0 ? null : parts.reduce((n, p) => Math.max(n, p.supplement ?? 0), 0) + 1;
  const pending: PackChange[] = [];
  const currentIds = new Set(current.map((c) => c.row.id));
  for (const { row, item } of current) {
    const snap = await snapshotOf(ctx, row);
    const source = sourceOf(snap);
    const before = latestByPaper.get(row.id);
    const unchanged = before?.part && before.part.source === source;
    if (unchanged) {
      item.papers.push({ reference: row.reference, bookmark: before.part!.bookmark, leftOut: null });
      continue;
    }
    const revised = !!before?.part;
    const part: BuildPart = {
      ...(supplement === null ? {} : { reason: revised ? ('revised' as const) : ('late' as const) }),
      kind: supplement === null ? 'item' : 'supplement',
      itemNumber: item.number,
      itemTitle: item.title,
      paperId: row.id,
      paperReference: row.reference,
      paperTitle: row.title,
      supplement,
      startPage: null,
      pageCount: null,
      document: await paperForDocument(ctx, row),
      bookmark: `paper_${row.id}`,
      source,
      issued: false,
    };
    parts.push(part);
    item.papers.push({ reference: row.reference, bookmark: part.bookmark, leftOut: null });
    if (supplement !== null) {
      pending.push({
        kind: revised ? 'revised' : 'late',
        itemNumber: item.number,
        title: item.title,
        paperReference: row.reference,
        supplement,
        replacesPages: revised ? pagesText(before!.part!.startPage, before!.part!.pageCount) : null,
        ...(revised && before!.part!.issuedPdf ? { replacesPdfPages: pagesText(before!.part!.issuedPdf.startPage, before!.part!.issuedPdf.pageCount)! } : {}),
      });
    }
  }
  for (const [paperId, before] of latestByPaper) {
    if (currentIds.has(paperId) || !before.part) continue;
    pending.push({
      kind: 'withdrawn',
      itemNumber: before.part.itemNumber,
      title: before.part.itemTitle,
      paperReference: before.part.paperReference,
      supplement: supplement ?? 0,
      replacesPages: pagesText(before.part.startPage, before.part.pageCount),
      ...(before.part.issuedPdf ? { replacesPdfPages: pagesText(before.part.issuedPdf.startPage, before.part.issuedPdf.pageCount)! } : {}),
    });
  }
  // Issued papers keep their place; within the new supplement, agenda order.
  const order = (p: BuildPart) => [p.supplement ?? 0, p.itemNumber, numberOf.size] as const;
  parts.sort((a, b) => {
    const [sa, ia] = order(a);
    const [sb, ib] = order(b);
    return sa - sb || ia - ib;
  });

  const board = await boards.get(ctx, meeting.boardId, meeting.startsAt.slice(0, 10));
  const members = (await memberships.list(ctx, meeting.boardId, meeting.startsAt.slice(0, 10))).map((m) => ({ name: m.name, organisation: m.organisationName, role: ROLE_LABELS[m.role] }));
  const required = board?.quorumOrganisations ?? [];
  const quorum = `${board?.quorumCount ?? 1} member${(board?.quorumCount ?? 1) === 1 ? '' : 's'} present or represented${required.length ? `, including ${required.map((o) => o.name).join(', ').replace(/, ([^,]*)$/, ' and $1')}` : ''}.`;

  const marking: ProtectiveMarking = isPublic ? 'OFFICIAL' : parts.some((p) => p.document.marking === 'OFFICIAL-SENSITIVE') || meeting.boardMarking === 'OFFICIAL-SENSITIVE' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL';
  const lastIssued = issuedSorted.at(-1)?.snap.issue.issuedAt ?? null;
  return {
    plan: {
      meetingId,
      public: isPublic,
      issued: issueCount,
      parts: parts.map(({ document: _d, bookmark: _b, source: _s, issued: _i, ...p }) => p),
      changes: [...recorded, ...pending],
      pendingChanges: pending,
      leftOut,
      warnings,
    },
    meeting,
    members,
    quorum,
    agenda,
    parts,
    marking,
    issuedAt: lastIssued,
  };
}

// ---------------------------------------------------------------------------------------
// The document

/** What changed, in the words of the "changed since issue" sheet. */
export function changeText(c: PackChange): string {
  switch (c.kind) {
    case 'late':
      return `Issued late, in Supplement ${c.supplement}.`;
    case 'revised':
      return `Revised: the new version is in Supplement ${c.supplement}${c.replacesPages ? ` and replaces pages ${c.replacesPages}` : ''}.`;
    case 'withdrawn':
      return `Withdrawn${c.replacesPages ? `: disregard pages ${c.replacesPages}` : ''}.`;
  }
}

function frontMatter(pack: Pack, status: string, pages: PackPages | null): FileChild[] {
  /** A paper's first page: the number worked out here, or a field the estimator fills. */
  const pageOf = (bookmark: string) => (pages ? [new TextRun(String(pages.get(bookmark)?.start ?? '?'))] : [new PageReference(bookmark)]);
  const { meeting, plan } = pack;
  const out: FileChild[] = [];
  out.push(title(meeting.boardName));
  out.push(paragraph({ text: plan.public ? 'Agenda pack (public)' : 'Agenda pack', bold: true }));
  out.push(labelled('Date', formatDateLong(meeting.startsAt)));
  out.push(labelled('Time', `${formatTime(meeting.startsAt)} to ${formatTime(meeting.endsAt)}`));
  if (meeting.location) out.push(labelled('Place', meeting.location));
  if (meeting.onlineLink) out.push(labelled('Online', { text: meeting.onlineLink, link: meeting.onlineLink }));
  out.push(labelled('Issue', status));
  if (!plan.public && pack.agenda.some((a) => a.confidential)) out.push(paragraph('This pack includes confidential items. Do not pass it on.', { muted: true }));
  else if (plan.leftOut.length) out.push(paragraph('Confidential items are listed on the agenda; their papers are not included in this public pack.', { muted: true }));

  if (plan.changes.length > 0) {
    out.push(heading('Changed since issue', 1, { pageBreakBefore: true }));
    out.push(paragraph('The pages of papers already issued have not moved. New and revised papers are in the supplements at the end of the pack.'));
    const rows: CellValue[][] = plan.changes.map((c) => [String(c.itemNumber), c.title, c.paperReference ?? '', changeText(c)]);
    out.push(...dataTable([{ header: 'Item', width: 9 }, { header: 'Title', width: 33 }, { header: 'Paper', width: 17 }, { header: 'Change' }], rows));
    // Where the new material is: a page reference per supplement part.
    const supplements = pack.parts.filter((x) => x.kind === 'supplement');
    if (supplements.length) out.push(heading('Where to find them', 2));
    for (const p of supplements) {
      out.push(new Paragraph({ spacing: { after: 60 }, children: [new TextRun(`Supplement ${p.supplement}, item ${p.itemNumber}, ${p.paperReference}: page `), ...pageOf(p.bookmark)] }));
    }
  }

  out.push(heading('Agenda', 1, { pageBreakBefore: true }));
  const rows: CellValue[][] = pack.agenda.map((a) => {
    const paperCell = a.papers.length === 0 ? '' : a.papers.map((p) => (p.leftOut ? `${p.reference} (not in this pack)` : p.reference)).join(', ');
    const itemTitle = a.confidential ? `${a.title} (confidential)` : a.title;
    return [String(a.number), a.startsAt, itemTitle, a.leadName ?? '', PAPER_PURPOSE_LABELS[a.purpose].replace(/^For /, ''), paperCell];
  });
  const table = dataTable(
    [{ header: 'No.', width: 8 }, { header: 'Time', width: 10 }, { header: 'Title', width: 32 }, { header: 'Lead', width: 18 }, { header: 'For', width: 15 }, { header: 'Paper' }],
    rows,
  );
  out.push(...table);
  // Where each paper starts (the contents list gives the same, by heading).
  const refs = pack.agenda.flatMap((a) => a.papers.filter((p) => p.bookmark).map((p) => ({ a, p })));
  if (refs.length) {
    out.push(heading('Papers in this pack', 2));
    for (const { a, p } of refs) {
      out.push(new Paragraph({ spacing: { after: 60 }, children: [new TextRun(`Item ${a.number}, ${p.reference}: page `), ...pageOf(p.bookmark!)] }));
    }
  }

  out.push(heading('Contents', 1, { pageBreakBefore: true }));
  if (!pages) {
    out.push(contents());
    return out;
  }
  // The entries as worked out here: the papers and supplements, each with its first page.
  const entries: { title: string; level: number; page: number }[] = [];
  let supplement = 0;
  for (const p of pack.parts) {
    const start = pages.get(p.bookmark)?.start ?? 0;
    if (p.kind === 'supplement' && p.supplement !== supplement) {
      supplement = p.supplement!;
      entries.push({ title: `Supplement ${supplement}`, level: 1, page: start });
    }
    entries.push({ title: partHeading(p), level: 1, page: start });
  }
  out.push(new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1', cachedEntries: entries, beginDirty: false }));
  return out;
}

function partHeading(p: BuildPart): string {
  const why = p.reason === 'revised' ? ', revised' : p.reason === 'late' ? ', late paper' : '';
  return `Item ${p.itemNumber}: ${p.paperTitle} (${p.paperReference}${why})`;
}

interface BodyPart {
  part: BuildPart;
  section: DocSection;
  /** What the part's pages depend on, for the page-count cache. */
  key: string;
}

/** Each paper as a section of its own (a new page), the first of a supplement headed by it. */
function bodyParts(pack: Pack): BodyPart[] {
  const numbering = new Numbering();
  let supplementShown = 0;
  return pack.parts.map((p) => {
    const children: FileChild[] = [];
    const opensSupplement = p.kind === 'supplement' && p.supplement !== supplementShown;
    if (opensSupplement) {
      supplementShown = p.supplement!;
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Supplement ${p.supplement}`)] }));
      children.push(paragraph('Papers that arrived or were revised after the pack was issued.', { muted: true }));
    }
    children.push(...paperContent(p.document, numbering, { as: 'item', headingText: partHeading(p), bookmark: p.bookmark }));
    const label = `${p.kind === 'supplement' ? `Supplement ${p.supplement} · ` : ''}Item ${p.itemNumber} · ${p.paperReference}`;
    const key = createHash('sha1').update(JSON.stringify([PAGE_CACHE_VERSION, partHeading(p), opensSupplement, p.document])).digest('hex');
    return { part: p, section: { children, footerLabel: label, pageOnly: true }, key };
  });
}

function packMeta(pack: Pack): DocumentMeta {
  return {
    title: `${pack.meeting.boardName} — agenda pack, ${formatDateLong(pack.meeting.startsAt)}${pack.plan.public ? ' (public)' : ''}`,
    subject: 'Agenda pack',
    marking: pack.marking,
    headerText: pack.meeting.boardName,
    headerDate: formatDateLong(pack.meeting.startsAt),
  };
}

/** Where each paper starts in the body (page 1 is the first paper's first page), and how many pages it takes. */
export type PackPages = Map<string, { start: number; count: number }>;

/**
 * How many pages each paper takes, laid out as Word lays it out (docx's layout): a paper
 * starts a new section on a new page, so its pages depend only on its own content; the
 * papers not counted before are laid out together in one run, and a paper unchanged since
 * the last export is not laid out again. Laying
 * out is the slow part of a pack (tens of milliseconds a page); the cache makes a second
 * export of a pack — after a paper is changed — cost only that paper. Null when the
 * layout cannot follow something in a paper (the pack then asks docx's estimator instead).
 */
const PAGE_CACHE_VERSION = 1;
const pageCountCache = new Map<string, number>();
const PAGE_CACHE_LIMIT = 500;

/** Forgets every page count (the bench times a first export with it). */
export function clearPageCountCache(): void {
  pageCountCache.clear();
}

export function packPages(pack: Pack, parts: BodyPart[] = bodyParts(pack)): PackPages | null {
  // The papers not in the cache are laid out together, one section each, in one document:
  // one layout run rather than one per paper (a section starts a new page, so a paper's
  // count is the same either way), which is most of a first export.
  const missing = parts.filter(({ key }) => !pageCountCache.has(key));
  const fresh = new Map<string, number>();
  if (missing.length > 0) {
    const sections = missing.map(({ section }, i) => (i === 0 ? { ...section, pageNumbers: { start: 1, format: 'decimal' as const } } : section));
    const { pages, stoppedAt } = layoutDocument(buildDocument(packMeta(pack), sections));
    if (stoppedAt) return null;
    const counts = new Array<number>(missing.length).fill(0);
    for (const page of pages) if (page.section < missing.length) counts[page.section]!++; // sections count from 0
    missing.forEach(({ key }, i) => {
      if (pageCountCache.size >= PAGE_CACHE_LIMIT) pageCountCache.delete(pageCountCache.keys().next().value!);
      pageCountCache.set(key, counts[i]!);
      fresh.set(key, counts[i]!);
    });
  }
  const out: PackPages = new Map();
  let next = 1;
  for (const { part, key } of parts) {
    const count = fresh.get(key) ?? pageCountCache.get(key)!;
    out.set(part.bookmark, { start: next, count });
    next += count;
  }
  return out;
}

/**
 * The pack as a Word document. With `pages` (from packPages) the contents and page
 * references are written as worked out; without, docx's estimator lays out the whole pack
 * when it is packed (estimate: false leaves them for Word to fill in).
 */
export function buildPackDocument(pack: Pack, status: string, opts: { estimate?: boolean; pages?: PackPages | null; parts?: BodyPart[] } = {}): Document {
  const pages = opts.pages ?? null;
  const parts = opts.parts ?? bodyParts(pack);
  const sections: DocSection[] = [{ children: frontMatter(pack, status, pages), pageNumbers: { start: 1, format: 'lower-roman' }, pageOnly: true }];
  parts.forEach(({ section }, i) => sections.push(i === 0 ? { ...section, pageNumbers: { start: 1, format: 'decimal' } } : section));
  if (pack.parts.length === 0) sections[0]!.children.push(pageBreak(), paragraph('There are no papers for this meeting yet.'));
  return buildDocument(packMeta(pack), sections, pages || opts.estimate === false ? {} : { pageNumbers: estimatePageNumbers });
}

/** The first page and number of pages of each paper, as laid out (body numbering), where the layout knows. */
export function pageMap(doc: Document, parts: number): { startPage: number | null; pageCount: number | null }[] {
  const { pages, stoppedAt } = layoutDocument(doc);
  const out = Array.from({ length: parts }, () => ({ startPage: null as number | null, pageCount: null as number | null }));
  if (stoppedAt) return out;
  pages.forEach((page) => {
    const k = page.section - 1;
    if (k < 0 || k >= parts) return;
    const n = page.pageNumber !== undefined && /^\d+$/.test(page.pageNumber) ? Number(page.pageNumber) : null;
    const slot = out[k]!;
    if (slot.startPage === null) slot.startPage = n;
    slot.pageCount = (slot.pageCount ?? 0) + 1;
  });
  return out;
}

function statusLine(pack: Pack, when: string | null): string {
  if (pack.plan.issued === 0) return 'Draft: not yet issued';
  const pending = pack.plan.pendingChanges.length > 0 ? `; with changes not yet issued` : '';
  return `Issue ${pack.plan.issued}, ${formatDateLong(when ?? pack.issuedAt)}${pending}`;
}

export async function exportAgendaPack(ctx: Ctx, meetingId: number, isPublic: boolean, out: string): Promise<PackExportResult> {
  const pack = await planAgendaPack(ctx, meetingId, isPublic);
  if (out.trim().toLowerCase().endsWith('.pdf')) {
    const written = await writePackPdf(out, pack, statusLine(pack, null));
    return { ...exported(written, { pages: written.pages, warnings: pack.plan.warnings }), plan: pack.plan };
  }
  const parts = bodyParts(pack);
  const pages = packPages(pack, parts);
  const doc = buildPackDocument(pack, statusLine(pack, null), { pages, parts });
  const written = await writeDocx(out, doc);
  return { ...exported(written, { warnings: pack.plan.warnings }), plan: pack.plan };
}

async function summaryOf(ctx: Ctx, meetingId: number, isPublic: boolean, number: number): Promise<PackIssueSummary> {
  const rows = (await issueRows(ctx, meetingId, isPublic)).filter((r) => r.snap.issue.number === number);
  const first = rows[0];
  return {
    id: first?.versionId ?? 0,
    meetingId,
    public: isPublic,
    issueNumber: number,
    issuedAt: first?.snap.issue.issuedAt ?? '',
    parts: rows
      .filter((r) => r.snap.issue.part !== 'withdrawn')
      .map((r) => ({
        kind: r.snap.issue.part as 'item' | 'supplement',
        itemNumber: r.snap.issue.itemNumber,
        itemTitle: r.snap.issue.itemTitle,
        paperId: r.paperId,
        paperReference: r.snap.reference,
        paperTitle: r.snap.title,
        supplement: r.snap.issue.supplement,
        startPage: r.snap.issue.startPage,
        pageCount: r.snap.issue.pageCount,
      })),
    changes: first?.snap.changes ?? [],
  };
}

export async function listPackIssues(ctx: Ctx, meetingId: number): Promise<PackIssueSummary[]> {
  const out: PackIssueSummary[] = [];
  for (const isPublic of [false, true]) {
    const numbers = [...new Set((await issueRows(ctx, meetingId, isPublic)).map((r) => r.snap.issue.number))].sort((a, b) => a - b);
    for (const n of numbers) out.push(await summaryOf(ctx, meetingId, isPublic, n));
  }
  return out;
}

/**
 * Records the pack as issued: each new or revised paper kept as it stands, with the pages
 * it takes, so every later pack prints it on the same pages. Synchronous (one transaction).
 */
export async function issueAgendaPack(ctx: Ctx, meetingId: number, isPublic: boolean): Promise<PackIssueSummary> {
  const pack = await planAgendaPack(ctx, meetingId, isPublic);
  if (pack.plan.issued === 0 && pack.parts.length === 0) {
    throw new DomainError('agendaPack.noPapers', 'This meeting has no papers on its agenda yet, so there is no pack to issue.', 'meetingId');
  }
  if (pack.plan.issued > 0 && pack.plan.pendingChanges.length === 0) {
    throw new DomainError('agendaPack.nothingNew', `Nothing has changed since issue ${pack.plan.issued} of this pack.`, 'meetingId');
  }
  const number = pack.plan.issued + 1;
  const issuedAt = isoNow(ctx);
  const pages = packPages(pack);
  const map = pages
    ? pack.parts.map((p) => ({ startPage: pages.get(p.bookmark)!.start, pageCount: pages.get(p.bookmark)!.count }))
    : pageMap(buildPackDocument(pack, statusLine(pack, issuedAt), { estimate: false }), pack.parts.length);
  for (const [k, p] of (pack.parts).entries()) {
        if (p.issued) continue;
        const row = (await papers.get(ctx, p.paperId))!;
        const snap = await snapshotOf(ctx, row);
        const { kind: _kind, ...source } = snap;
        const record: PackIssueSnapshot = {
          ...source,
          kind: 'packIssue',
          issue: {
            meetingId,
            number,
            public: isPublic,
            issuedAt,
            part: p.kind,
            supplement: p.supplement,
            itemNumber: p.itemNumber,
            itemTitle: p.itemTitle,
            order: k,
            startPage: map[k]!.startPage,
            pageCount: map[k]!.pageCount,
            ...(p.reason ? { reason: p.reason } : {}),
          },
          document: p.document,
          changes: pack.plan.pendingChanges,
        };
        await versions.insert(ctx, p.paperId, row.status, record);
        if (!isPublic && row.issuedAt === null) await papers.update(ctx, p.paperId, { issuedAt });
      }
  // A withdrawal is recorded against the withdrawn paper, so the sheet keeps saying so.
  for (const c of pack.plan.pendingChanges.filter((x) => x.kind === 'withdrawn')) {
    const row = c.paperReference ? await papers.findByReference(ctx, c.paperReference) : undefined;
    if (!row) continue;
    const { kind: _kind, ...source } = await snapshotOf(ctx, row);
    await versions.insert(ctx, row.id, row.status, {
      ...source,
      kind: 'packIssue',
      issue: { meetingId, number, public: isPublic, issuedAt, part: 'withdrawn', supplement: c.supplement, itemNumber: c.itemNumber, itemTitle: c.title, order: -1, startPage: null, pageCount: null },
      document: null,
      changes: pack.plan.pendingChanges,
    } satisfies PackIssueSnapshot);
  }
  return summaryOf(ctx, meetingId, isPublic, number);
}
