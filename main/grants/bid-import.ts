import { TIERS, type ImportTable, type Tier } from '../funding/contract';
import { monthOfText } from '../funding/spend-import';
import { ORGANISATION_KINDS, type OrganisationKind } from '../people/contract';
import { isIsoDate } from '../shared/financial-year';
import { formatPence, parseMoney, sumPence } from '../shared/money';
import type { Bid, BidImportMapping, BidImportOutcome, BidImportPreview, BidImportRow, BidYear } from './contract';
import { checkBid, type RoundRules } from './eligibility';

/**
 * An online form's export of bids → bids to enter. Pure: the file arrives as text cells
 * (read by ../funding/import-file.ts, as the spend import's is), the organisations and the
 * bids already entered arrive as lookups. Each row is one bid; the round's rules are checked
 * as on the form (./eligibility.ts): a row they refuse is rejected with the rule's words, a
 * row they warn about is entered with its warnings.
 */

/** What the service needs to enter one row as a bid. */
/** A bid as an import row makes it: the bid's own fields, before it has an id, a version or warnings. */
export type BidDraft = Pick<Bid, 'organisationName' | 'organisationKind' | 'project' | 'description' | 'theme' | 'tier' | 'outcomes' | 'matchFundingPence' | 'documents' | 'receivedOn' | 'years'> & {
  sourceRow: number;
  /** null: a new organisation, added when the import is committed. */
  organisationId: number | null;
};

export interface BidImportContext {
  roundId: number;
  round: RoundRules;
  /** The day a row without a received date is taken to have arrived (today). */
  today: string;
  findOrganisation(name: string): { id: number; name: string; kind: OrganisationKind } | undefined;
  /** A bid already entered to the round by that organisation (by name) for that project. */
  hasBid(organisationName: string, project: string): boolean;
}

const KIND_WORDS: [RegExp, OrganisationKind][] = [
  [/police and crime commissioner|opcc|\bpcc\b/i, 'opcc'],
  [/police|constabulary/i, 'police'],
  [/council|local authority|borough|county/i, 'council'],
  [/health|nhs|ccg|clinical|hospital/i, 'health'],
  [/fire/i, 'fire'],
  [/probation/i, 'probation'],
  [/youth (justice|offending)|\byot\b/i, 'youth_justice'],
  [/school|college|academy|university|education/i, 'education'],
  [/charit|voluntary|community|cic|social enterprise|third sector|not for profit/i, 'charity'],
  [/government|home office|department/i, 'government'],
  [/other/i, 'other'],
];

/** "Voluntary / community group", "Local authority", "charity" → an organisation kind, or undefined. */
export function kindOfText(text: string): OrganisationKind | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return undefined;
  const exact = ORGANISATION_KINDS.find((k) => k === t.replace(/ /g, '_'));
  if (exact) return exact;
  return KIND_WORDS.find(([pattern]) => pattern.test(t))?.[1];
}

export function tierOfText(text: string): Tier | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  return TIERS.find((tier) => t === tier || t.startsWith(tier));
}

/** A date as forms write them (15/07/2019, 2019-07-15, a timestamp) → ISO, or undefined. */
export function dateOfText(text: string): string | undefined {
  const t = text.trim();
  if (isIsoDate(t.slice(0, 10)) && (t.length === 10 || /^T|^ /.test(t.slice(10)))) return t.slice(0, 10);
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(\s.*)?$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) && monthOfText(iso) ? iso : undefined;
}

const GUESSES: [keyof Omit<BidImportMapping, 'amounts'>, RegExp][] = [
  ['organisationKind', /(organi[sz]ation|org)\s*(kind|type|status)|^(kind|type|status|sector)$/i],
  ['organisation', /organi[sz]ation|applicant|bidder|^org\b|name of (group|body)/i],
  ['project', /project|title|scheme|programme/i],
  ['description', /description|summary|about|activit/i],
  ['theme', /theme|priority/i],
  ['tier', /tier|level of intervention|intervention/i],
  ['outcomes', /outcome|impact|result/i],
  ['matchFunding', /match/i],
  ['documents', /document|attachment|file|evidence|link/i],
  ['receivedOn', /received|submitted|date|timestamp/i],
];

/** A first guess from the header text and the round's years; the user confirms it. */
export function guessBidMapping(headers: string[], years: string[]): BidImportMapping {
  const mapping: BidImportMapping = { organisation: '', organisationKind: '', project: '', description: '', theme: '', tier: '', outcomes: '', matchFunding: '', documents: '', receivedOn: '', amounts: [] };
  const used = new Set<string>();
  // The amounts first: "2019/20 amount", "Year 1 (£)", "Amount requested year 2".
  years.forEach((fy, i) => {
    const short = fy.replace('/', '[/-]?');
    const h = headers.find((x) => !used.has(x) && (new RegExp(short).test(x) || new RegExp(`year\\s*${i + 1}\\b`, 'i').test(x)));
    if (h !== undefined) {
      used.add(h);
      mapping.amounts.push({ financialYear: fy, column: h });
    }
  });
  if (mapping.amounts.length === 0) {
    const h = headers.find((x) => /amount|£|request|grant|total/i.test(x));
    if (h !== undefined && years[0]) {
      used.add(h);
      mapping.amounts.push({ financialYear: years[0], column: h });
    }
  }
  for (const [field, pattern] of GUESSES) {
    const h = headers.find((x) => !used.has(x) && pattern.test(x));
    if (h !== undefined) {
      mapping[field] = h;
      used.add(h);
    }
  }
  return mapping;
}

export function bidMappingProblems(mapping: BidImportMapping, headers: string[]): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const check = (field: string, label: string, column: string, required: boolean) => {
    if (column === '' && !required) return;
    if (!headers.includes(column)) out.push({ field: `mapping.${field}`, message: `${label}: "${column}" is not a column of the file (columns: ${headers.join(', ')})` });
  };
  check('organisation', 'Organisation column', mapping.organisation, true);
  check('project', 'Project column', mapping.project, true);
  for (const [field, label] of [
    ['organisationKind', 'Organisation kind column'],
    ['description', 'Description column'],
    ['theme', 'Theme column'],
    ['tier', 'Tier column'],
    ['outcomes', 'Outcomes column'],
    ['matchFunding', 'Match funding column'],
    ['documents', 'Documents column'],
    ['receivedOn', 'Received on column'],
  ] as const) {
    check(field, label, mapping[field], false);
  }
  mapping.amounts.forEach((a, i) => check(`amounts.${i}.column`, `Amount for ${a.financialYear} column`, a.column, true));
  return out;
}

export function previewBidImport(table: ImportTable, mapping: BidImportMapping, ctx: BidImportContext): { preview: BidImportPreview; drafts: BidDraft[] } {
  const col = (name: string) => (name === '' ? -1 : table.headers.indexOf(name));
  const rows: BidImportRow[] = [];
  const drafts: BidDraft[] = [];
  const newNames = new Map<string, OrganisationKind>();
  const inFile = new Set<string>();

  table.rows.forEach((cells, index) => {
    const sourceRow = index + 2; // the header is row 1
    if (cells.every((c) => c.trim() === '')) return;
    const get = (column: string) => {
      const i = col(column);
      return i >= 0 ? (cells[i] ?? '').trim() : '';
    };
    const organisationName = get(mapping.organisation).replace(/\s+/g, ' ');
    const project = get(mapping.project);
    const row = (outcome: BidImportOutcome, reason: string, extra: Partial<BidImportRow> = {}): BidImportRow => ({
      outcome,
      sourceRow,
      organisationName,
      newOrganisation: false,
      project,
      years: [],
      totalPence: 0,
      warnings: [],
      reason,
      bidId: null,
      ...extra,
    });
    const reject = (reason: string) => rows.push(row('rejected', reason));
    if (organisationName === '') return reject(`${mapping.organisation} is empty: every bid needs the organisation making it`);
    if (project === '') return reject(`${mapping.project} is empty: every bid needs its project`);

    const existing = ctx.findOrganisation(organisationName);
    let kind: OrganisationKind | undefined = existing?.kind;
    if (!existing) {
      const kindText = get(mapping.organisationKind);
      kind = newNames.get(organisationName.toLowerCase()) ?? kindOfText(kindText);
      if (!kind) {
        return reject(
          mapping.organisationKind === ''
            ? `${organisationName} is not in Organisations yet, and the file has no column saying what kind of organisation it is: choose the organisation kind column, or add it to Organisations first`
            : `${mapping.organisationKind} "${kindText}" is not a kind of organisation (e.g. charity, council, police, health, education)`,
        );
      }
    }
    const years: BidYear[] = [];
    for (const a of mapping.amounts) {
      const text = get(a.column);
      if (text === '') continue;
      const money = parseMoney(text);
      if (!money.ok) return reject(`${a.column} ${money.reason.startsWith('"') ? money.reason : `is ${money.reason}`}`);
      if (money.pence < 0) return reject(`${a.column} cannot be negative (${text})`);
      if (money.pence > 0) years.push({ financialYear: a.financialYear, amountPence: money.pence });
    }
    if (years.length === 0) return reject(`no amount is asked for in ${mapping.amounts.map((a) => a.column).join(', ')}`);
    const matchText = get(mapping.matchFunding);
    const match = matchText === '' ? { ok: true as const, pence: 0 } : parseMoney(matchText);
    if (!match.ok) return reject(`${mapping.matchFunding} ${match.reason.startsWith('"') ? match.reason : `is ${match.reason}`}`);
    const tierText = get(mapping.tier);
    const tier = tierOfText(tierText);
    if (tier === undefined) return reject(`${mapping.tier} "${tierText}" is not primary, secondary or tertiary`);
    const receivedText = get(mapping.receivedOn);
    const receivedOn = receivedText === '' ? ctx.today : dateOfText(receivedText);
    if (!receivedOn) return reject(`${mapping.receivedOn} "${receivedText}" is not a date (write it like 15/07/2019 or 2019-07-15)`);

    const name = existing?.name ?? organisationName;
    const key = `${name.toLowerCase()}\u0000${project.toLowerCase()}`;
    const totalPence = sumPence(years.map((y) => y.amountPence));
    if (ctx.hasBid(name, project)) return rows.push(row('duplicate', `${name} has already bid for “${project}” in this round`, { organisationName: name, years, totalPence }));
    if (inFile.has(key)) return rows.push(row('duplicate', `the same bid is on an earlier row of the file`, { organisationName: name, years, totalPence }));

    const theme = get(mapping.theme);
    const found = checkBid(ctx.round, { organisationName: name, organisationKind: kind!, theme, tier, receivedOn, years });
    if (found.refusals.length > 0) return reject(found.refusals.map((r) => r.message).join(' '));
    inFile.add(key);
    if (!existing) newNames.set(organisationName.toLowerCase(), kind!);
    const documents = get(mapping.documents)
      .split(/[\n;]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    drafts.push({
      sourceRow,
      organisationName: name,
      organisationKind: kind!,
      organisationId: existing?.id ?? null,
      project,
      description: get(mapping.description),
      theme: ctx.round.themes.find((t) => t.toLowerCase() === theme.toLowerCase()) ?? theme,
      tier,
      outcomes: get(mapping.outcomes),
      matchFundingPence: match.pence,
      documents,
      receivedOn,
      years,
    });
    rows.push(
      row('new', `${years.map((y) => `${formatPence(y.amountPence)} in ${y.financialYear}`).join(', ')}${existing ? '' : `; adds ${name} to Organisations`}`, {
        organisationName: name,
        newOrganisation: !existing,
        years,
        totalPence,
        warnings: found.warnings,
      }),
    );
  });
  const counts: Record<BidImportOutcome, number> = { new: 0, duplicate: 0, rejected: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  return { preview: { roundId: ctx.roundId, mapping, rows, counts, newOrganisations: newNames.size }, drafts };
}
