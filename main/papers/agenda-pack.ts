import { createHash } from 'node:crypto';
import { HeadingLevel, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { layoutDocument } from 'docx/layout';
import { exported } from '../documents/export-result';
import { AFTER_TABLE_TWIPS, buildDocument, dataTable, heading, labelled, Numbering, paragraph, title, writeDocx, type CellValue, type DocSection, type DocumentMeta, type RichText as DocRichText } from '../documents/docx';
import type { ProtectiveMarking } from '../documents/house-style';
import { formatDateLong } from '../shared/dates';
import type { Ctx } from '../shared/context';
import { isoNow } from '../shared/context';
import { DomainError, notFound } from '../shared/errors';
import type { ExportWarning } from '../documents/export-result';
import { type PackChange, type PackExportResult, type PackIssueSummary, type PackPart, type PackPlan } from './contract';
import { buildPackPdf, writePackPdf } from './agenda-pack-pdf';
import { agendaRows, changesModel, changeText, CHANGES_KEY, coverModel, notForPublication, packTitle, partFooterLabel, partHeading, printOrder, REGISTER_KEY, registerModel, type PrintedPages } from './pack-model';
import { paperContent, type PaperForDocument } from './paper-docx';
import { paperForDocument, snapshotOf, type PaperSnapshot } from './paper-view';
import { ROLE_LABELS } from '../meetings/labels';
import { boards, memberships } from '../meetings/repository';
import type { Interest } from '../interests/contract';
import { interests } from '../interests/repository';
import { lookups, papers, versions, type AgendaItemInfo, type MeetingInfo, type PaperRow } from './repository';

/**
 * The agenda pack of a meeting: one Word document (here) or one PDF (agenda-pack-pdf.ts),
 * both printing the same model of the pack (pack-model.ts): a cover with the membership and
 * quorum, the agenda with "(Pages x–y)" against each item, then each paper in agenda order,
 * each on a new page, then (after a re-issue) the "changed since issue" sheet and the
 * supplements. Pages are numbered straight through from the cover.
 *
 * Page numbers that stay put. When the pack is issued (agendaPack.issue), each paper is
 * kept exactly as it went out, with the pages it took, as a version of the paper
 * (paper_version, kind "packIssue"). A later pack rebuilds the issued papers from those
 * versions — so they fall on the same pages — and adds what came after at the end: the
 * sheet, then a numbered supplement with the papers that arrived late or were revised since
 * (the sheet says which pages a revised paper replaces). Nothing already issued moves,
 * whatever is added (unless the agenda itself grows by a page).
 *
 * Confidential (Part B) items are left out of the public pack (its agenda still lists them),
 * as are OFFICIAL-SENSITIVE papers; in the full pack every page of a Part B paper says NOT
 * FOR PUBLICATION and why. The agenda's page numbers are worked out when the document is
 * written (docx's layout, see packPages), so they are right without Word updating fields.
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
  /** For an issued part: its printed first page in the Word pack of that issue. */
  issuedStart?: number;
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
  /**
   * The register of interests of the members (as listed on the cover), current entries only;
   * the public pack leaves out non-registrable interests, which are not published.
   */
  register: { name: string; organisation: string | null; entries: Interest[] }[];
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

/** The printed page an issued paper started on (issues recorded before the pack was numbered from its cover give their own number). */
function printedStart(is: IssueRecord): number | null {
  return is.startPage !== null && is.frontPages !== undefined ? is.frontPages + is.startPage : is.startPage;
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
      startPage: printedStart(is),
      pageCount: is.pageCount,
      ...(is.pdf ? { issuedPdf: is.pdf } : {}),
      ...(is.frontPages !== undefined && is.startPage !== null ? { issuedStart: is.frontPages + is.startPage } : {}),
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
  const seated = await memberships.list(ctx, meeting.boardId, meeting.startsAt.slice(0, 10));
  const members = seated.map((m) => ({ name: m.name, organisation: m.organisationName, role: ROLE_LABELS[m.role] }));
  const entries = (await interests.currentFor(ctx, seated.map((m) => m.personId), meeting.startsAt.slice(0, 10))).filter((e) => !isPublic || e.type !== 'non_registrable');
  const register = [...new Map(seated.map((m) => [m.personId, m])).values()].map((m) => ({ name: m.name, organisation: m.organisationName, entries: entries.filter((e) => e.personId === m.personId) }));
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
    register,
    agenda,
    parts,
    marking,
    issuedAt: lastIssued,
  };
}

// ---------------------------------------------------------------------------------------
// The Word document (the PDF is agenda-pack-pdf.ts; what both print is pack-model.ts)

export { changeText };

const placeholderPages = (start: number) => ({ start, count: 1 });

/** The cover and the agenda: the front of the pack, pages 1, 2… */
function frontMatter(pack: Pack, status: string, pages: PrintedPages | null): FileChild[] {
  const cover = coverModel(pack, status, pages);
  const out: FileChild[] = [title(cover.title), paragraph({ text: cover.subtitle, bold: true })];
  for (const l of cover.lines) out.push(labelled(l.label, l.link ? { text: l.value, link: l.link } : l.value));
  out.push(heading('Membership', 1));
  if (cover.members.length === 0) out.push(paragraph('No members are recorded for this board on the meeting’s date.'));
  // At the register's size, so a board of twenty leaves the cover room for what a re-issue adds to it.
  else out.push(...dataTable([{ header: 'Name', width: 32 }, { header: 'Organisation', width: 46 }, { header: 'Role', width: 22 }], cover.members.map((m) => [m.name, m.organisation, m.role]), { register: true }));
  // After the table: the space a spacer paragraph would have given (tables have none after them).
  out.push(new Paragraph({ spacing: { before: AFTER_TABLE_TWIPS, after: 60 }, children: [new TextRun({ text: 'Quorum: ', bold: true }), new TextRun(cover.quorum)] }));
  for (const n of cover.notes) out.push(paragraph(n, { muted: true }));

  out.push(heading('Agenda', 1, { pageBreakBefore: true }));
  // In the counting layout the pages are placeholders as wide as the numbers will be.
  const rows: CellValue[][] = agendaRows(pack, pages ?? { front: 0, parts: new Map([...pack.parts.map((p) => [p.bookmark, placeholderPages(888)] as const), [REGISTER_KEY, placeholderPages(888)]]) }).map((r) => {
    const item: DocRichText = [{ text: r.title, bold: true }];
    if (r.confidential) item.push({ text: ' (Part B: not for publication)', italic: true });
    if (r.papers) item.push(` ${r.papers}`);
    if (r.pages && pages) item.push(` ${r.pages}`);
    else if (r.pages) item.push(' (Pages 888–888)');
    if (r.register) item.push(` ${r.register}`);
    return [r.number, r.time, item, r.lead, r.purpose];
  });
  out.push(...dataTable([{ header: 'No.', width: 6 }, { header: 'Time', width: 9 }, { header: 'Item', width: 50 }, { header: 'Lead', width: 18 }, { header: 'For' }], rows));
  if (pack.parts.length === 0) out.push(paragraph('There are no papers for this meeting yet.'));
  return out;
}

/** The "changed since issue" sheet, after the papers already issued and before the supplements. */
function changesSheet(pack: Pack, pages: PrintedPages | null): FileChild[] {
  const model = changesModel(pack)!;
  const out: FileChild[] = [heading('Changed since issue', 1), paragraph(model.intro)];
  out.push(...dataTable([{ header: 'Item', width: 9 }, { header: 'Title', width: 33 }, { header: 'Paper', width: 17 }, { header: 'Change' }], model.rows));
  if (model.where.length) out.push(heading('Where to find them', 2, {}));
  for (const w of model.where) {
    out.push(new Paragraph({ spacing: { after: 60 }, children: [new TextRun(`${w.text}: page ${pages?.parts.get(w.bookmark)?.start ?? 888}`)] }));
  }
  return out;
}

/** The register of interests of the board's members, current entries only: the last part of the pack. */
function registerSheet(pack: Pack): FileChild[] {
  const model = registerModel(pack);
  const out: FileChild[] = [heading('Register of interests', 1), paragraph(model.intro)];
  if (model.rows.length === 0) out.push(paragraph('No members are recorded for this board on the meeting’s date.'));
  else out.push(...dataTable([{ header: 'Member', width: 25 }, { header: 'Type', width: 17 }, { header: 'Interest', width: 28 }, { header: 'From – to', width: 15 }, { header: 'Reviewed' }], model.rows, { register: true }));
  return out;
}

interface BodyPart {
  key: string;
  section: DocSection;
  /** What the part's pages depend on, for the page-count cache; null for the sheet (never cached). */
  cacheKey: string | null;
}

/** The papers, the sheet and the supplements, each a section of its own (a new page), in print order. */
function bodyParts(pack: Pack, pages: PrintedPages | null): BodyPart[] {
  const numbering = new Numbering();
  return printOrder(pack).map((entry) => {
    if (entry.kind === 'changes') return { key: CHANGES_KEY, section: { children: changesSheet(pack, pages), footerLabel: 'Changed since issue' }, cacheKey: null };
    if (entry.kind === 'register') return { key: REGISTER_KEY, section: { children: registerSheet(pack), footerLabel: 'Register of interests' }, cacheKey: null };
    const p = entry.part;
    const children: FileChild[] = [];
    if (entry.opensSupplement) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Supplement ${p.supplement}`)] }));
      children.push(paragraph('Papers that arrived or were revised after the pack was issued.', { muted: true }));
    }
    const notice = notForPublication(pack, p);
    if (notice) children.push(paragraph([{ text: 'NOT FOR PUBLICATION. ', bold: true }, notice], { keepNext: true }));
    children.push(...paperContent(p.document, numbering, { as: 'item', headingText: partHeading(p), bookmark: p.bookmark }));
    const cacheKey = createHash('sha1').update(JSON.stringify([PAGE_CACHE_VERSION, partHeading(p), entry.opensSupplement, notice, p.document])).digest('hex');
    return { key: p.bookmark, section: { children, footerLabel: partFooterLabel(p), ...(notice ? { notice: `NOT FOR PUBLICATION — ${notice}` } : {}) }, cacheKey };
  });
}

function packMeta(pack: Pack): DocumentMeta {
  return {
    title: packTitle(pack),
    subject: 'Agenda pack',
    marking: pack.marking,
    headerText: pack.meeting.boardName,
    headerDate: formatDateLong(pack.meeting.startsAt),
  };
}

/**
 * How many pages each part takes, laid out as Word lays it out (docx's layout): a part
 * starts a new section on a new page, so its pages depend only on its own content; the
 * parts not counted before are laid out together in one run, and a paper unchanged since
 * the last export is not laid out again. Laying out is the slow part of a pack (tens of
 * milliseconds a page); the cache makes a second export of a pack — after a paper is
 * changed — cost only that paper. The front (cover and agenda) is laid out on its own,
 * first with placeholders for its page numbers and then with them, so the agenda's pages
 * count themselves in. Null when the layout cannot follow something in the pack.
 */
const PAGE_CACHE_VERSION = 2;
const pageCountCache = new Map<string, number>();
const PAGE_CACHE_LIMIT = 500;

/** Forgets every page count (the bench times a first export with it). */
export function clearPageCountCache(): void {
  pageCountCache.clear();
  frontCountCache.clear();
}

/** The front's page count by what it prints (its cover and agenda rows, numbers included). */
const frontCountCache = new Map<string, number>();

function frontKey(pack: Pack, status: string, pages: PrintedPages | null): string {
  return createHash('sha1').update(JSON.stringify([PAGE_CACHE_VERSION, packMeta(pack), coverModel(pack, status, pages), agendaRows(pack, pages), pages === null])).digest('hex');
}

function remember(cache: Map<string, number>, key: string, count: number): void {
  if (cache.size >= PAGE_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, count);
}

export function packPages(pack: Pack, status: string, parts: BodyPart[] = bodyParts(pack, null)): PrintedPages | null {
  const missing = parts.filter(({ cacheKey }) => cacheKey === null || !pageCountCache.has(cacheKey));
  const counts = new Map<string, number>();
  for (const p of parts) if (p.cacheKey !== null && pageCountCache.has(p.cacheKey)) counts.set(p.key, pageCountCache.get(p.cacheKey)!);
  // One layout run: the front with placeholders for its numbers (unless counted before) and the uncounted parts.
  const placeholderKey = frontKey(pack, status, null);
  const withFront = !frontCountCache.has(placeholderKey);
  const run: DocSection[] = [...(withFront ? [{ children: frontMatter(pack, status, null) }] : []), ...missing.map(({ section }) => section)];
  if (run.length > 0) {
    const { pages, stoppedAt } = layoutDocument(buildDocument(packMeta(pack), run));
    if (stoppedAt) return null;
    const n = new Array<number>(run.length).fill(0);
    for (const page of pages) if (page.section < run.length) n[page.section]!++; // sections count from 0
    if (withFront) remember(frontCountCache, placeholderKey, n[0]!);
    const offset = withFront ? 1 : 0;
    missing.forEach(({ key, cacheKey }, i) => {
      counts.set(key, n[i + offset]!);
      if (cacheKey !== null) remember(pageCountCache, cacheKey, n[i + offset]!);
    });
  }
  const at = (front: number): PrintedPages => {
    const out: PrintedPages = { front, parts: new Map() };
    let next = front + 1;
    for (const { key } of parts) {
      out.parts.set(key, { start: next, count: counts.get(key)! });
      next += counts.get(key)!;
    }
    return out;
  };
  // The front again with its own numbers (narrower than the placeholders): the same length, or laid out anew.
  let front = frontCountCache.get(placeholderKey)!;
  for (let i = 0; i < 3; i++) {
    const key = frontKey(pack, status, at(front));
    if (!frontCountCache.has(key)) {
      const { pages, stoppedAt } = layoutDocument(buildDocument(packMeta(pack), [{ children: frontMatter(pack, status, at(front)) }]));
      if (stoppedAt) return null;
      remember(frontCountCache, key, pages.length);
    }
    const again = frontCountCache.get(key)!;
    if (again === front) return at(front);
    front = again;
  }
  return null;
}

/** The pack as a Word document, its agenda's pages as worked out (none where `pages` is null). */
export function buildPackDocument(pack: Pack, status: string, opts: { pages?: PrintedPages | null } = {}): Document {
  const pages = opts.pages ?? null;
  const front: DocSection = { children: frontMatter(pack, status, pages), pageNumbers: { start: 1, format: 'decimal' } };
  return buildDocument(packMeta(pack), [front, ...bodyParts(pack, pages).map((p) => p.section)]);
}

/**
 * Issued papers are kept on their pages, unless what comes before them — the cover and the
 * agenda — has grown (an item added after issue can take the agenda onto another page).
 * Then the pack says so, rather than let a member find page 12 on page 13.
 */
export function pagesMoved(pack: Pack, startOf: (p: BuildPart) => number | undefined, issued: (p: BuildPart) => number | undefined): ExportWarning[] {
  const moved = pack.parts.filter((p) => p.issued && issued(p) !== undefined && startOf(p) !== undefined && startOf(p) !== issued(p));
  if (moved.length === 0) return [];
  const by = startOf(moved[0]!)! - issued(moved[0]!)!;
  return [
    {
      code: 'agendaPack.pagesMoved',
      message: `The cover and agenda have grown since issue ${pack.plan.issued}, so the papers already issued start ${Math.abs(by)} page${Math.abs(by) === 1 ? '' : 's'} ${by > 0 ? 'later' : 'earlier'} than in the pack that went out (${moved[0]!.paperReference} on page ${startOf(moved[0]!)}, not ${issued(moved[0]!)}).`,
      field: 'meetingId',
    },
  ];
}

function statusLine(pack: Pack, when: string | null): string {
  if (pack.plan.issued === 0) return 'Draft: not yet issued';
  const pending = pack.plan.pendingChanges.length > 0 ? `; with changes not yet issued` : '';
  return `Issue ${pack.plan.issued}, ${formatDateLong(when ?? pack.issuedAt)}${pending}`;
}

export async function exportAgendaPack(ctx: Ctx, meetingId: number, isPublic: boolean, out: string): Promise<PackExportResult> {
  const pack = await planAgendaPack(ctx, meetingId, isPublic);
  const status = statusLine(pack, null);
  if (out.trim().toLowerCase().endsWith('.pdf')) {
    const written = await writePackPdf(out, pack, status);
    const warnings = [...pack.plan.warnings, ...pagesMoved(pack, (p) => written.printed.parts.get(p.bookmark)?.start, (p) => p.issuedPdf?.startPage)];
    return { ...exported(written, { pages: written.pages, warnings }), plan: pack.plan };
  }
  const pages = packPages(pack, status);
  const warnings = [...pack.plan.warnings];
  if (pages) warnings.push(...pagesMoved(pack, (p) => pages.parts.get(p.bookmark)?.start, (p) => p.issuedStart));
  if (!pages) warnings.push({ code: 'agendaPack.pagesUnknown', message: 'The pages of the papers could not be worked out, so the agenda gives no page numbers.', field: 'meetingId' });
  const written = await writeDocx(out, buildPackDocument(pack, status, { pages }));
  const total = pages ? pages.front + [...pages.parts.values()].reduce((n, r) => n + r.count, 0) : undefined;
  return { ...exported(written, { warnings, ...(total !== undefined ? { pages: total } : {}) }), plan: pack.plan };
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
        startPage: printedStart(r.snap.issue),
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
  const status = statusLine(pack, issuedAt);
  const pages = packPages(pack, status);
  // The PDF pack is laid out by its own engine: its pages are kept too, for its own sheet.
  const pdf = (await buildPackPdf(pack, status)).pages;
  const map = pack.parts.map((p) => {
    const at = pages?.parts.get(p.bookmark);
    const inPdf = pdf.parts.get(p.bookmark);
    return {
      startPage: at && pages ? at.start - pages.front : null,
      pageCount: at ? at.count : null,
      ...(pages ? { frontPages: pages.front } : {}),
      ...(inPdf ? { pdf: { startPage: inPdf.start, pageCount: inPdf.count } } : {}),
    };
  });
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
            ...map[k]!,
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
