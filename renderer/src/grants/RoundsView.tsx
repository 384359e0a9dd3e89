import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TIERS, type FundingWarning } from '../../../main/funding/contract';
import type { Bid, FundingRound } from '../../../main/grants/contract';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../main/people/contract';
import { formatDateLong, formatDateShort } from '../../../main/shared/dates';
import { formatPence } from '../../../main/shared/money';
import { api, call, messageOf } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormDialog } from '../components/FormParts';
import { optionsOf, SelectField, TextAreaField, TextField } from '../components/fields';
import { useApiForm } from '../components/useApiForm';
import { useFunding } from '../funding/store';
import { opKey, write } from '../queries';
import { BidImportPanel } from './BidImportPanel';
import { RankingTable, ScoreDialog } from './ScoringViews';

/** What a round's writes change: the queries reading them are asked again. */
export const GRANT_TABLES = ['funding_round', 'round_eligible_kind', 'round_theme', 'round_tier', 'round_criterion', 'bid', 'bid_year', 'organisation'];

const TIER_LABELS: Record<string, string> = { primary: 'Primary', secondary: 'Secondary', tertiary: 'Tertiary' };
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * The stream's funding rounds (issue 10): open a round with its rules, then its bids, each
 * with what the rules warned of beside it, entered on a form or imported from a file.
 */
export function RoundsView() {
  const stream = useFunding((s) => s.stream)!;
  const input = { streamId: stream.id };
  const list = useQuery({ queryKey: opKey('round.list', input), queryFn: () => call(api().round.list(input)) });
  const [openId, setOpenId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const rounds = list.data ?? [];
  const open = rounds.find((r) => r.id === openId) ?? null;

  return (
    <>
      {list.error && <ErrorSummary message={messageOf(list.error)} />}
      <div className="toolbar">
        <p className="result-count">
          {rounds.length} funding {rounds.length === 1 ? 'round' : 'rounds'}
        </p>
        <button type="button" className="button toolbar-end" onClick={() => setAdding(true)}>
          Open a funding round
        </button>
      </div>
      <DataTable
        caption={`Funding rounds of the ${stream.name}`}
        className="table funding-table"
        rows={rounds}
        rowKey={(r) => r.id}
        empty="No funding rounds on this stream yet."
        columns={[
          {
            header: 'Round',
            rowHeader: true,
            cell: (r) => (
              <button type="button" className="button-link" aria-pressed={r.id === openId} onClick={() => setOpenId(r.id === openId ? null : r.id)}>
                {r.name}
              </button>
            ),
          },
          { header: 'Open', cell: (r) => `${formatDateShort(r.opensOn)} to ${formatDateShort(r.closesOn)}` },
          { header: 'Years', cell: (r) => `${r.firstYear} to ${r.lastYear}` },
          { header: 'Cap per award per year', numeric: true, cell: (r) => (r.capPence === null ? 'None' : formatPence(r.capPence)) },
          { header: 'Bids', numeric: true, cell: (r) => String(r.bidCount) },
        ]}
      />
      {open && <RoundDetail round={open} />}
      {adding && (
        <RoundForm
          onClose={() => setAdding(false)}
          onSaved={(r) => {
            setAdding(false);
            setOpenId(r.id);
          }}
        />
      )}
    </>
  );
}

function RoundDetail({ round }: { round: FundingRound }) {
  const input = { roundId: round.id };
  const list = useQuery({ queryKey: opKey('bid.list', input), queryFn: () => call(api().bid.list(input)) });
  const [adding, setAdding] = useState(false);
  const [scoring, setScoring] = useState<Bid | null>(null);
  const [notice, setNotice] = useState<{ text: string; warnings: FundingWarning[] } | null>(null);
  const bids = list.data ?? [];
  const kinds = round.eligibleKinds.length ? round.eligibleKinds.map((k) => ORGANISATION_KIND_LABELS[k].toLowerCase()).join(', ') : 'any kind of organisation';

  return (
    <section className="section" aria-labelledby="round-title">
      <h2 id="round-title">{round.name}</h2>
      <dl className="summary-list" aria-label={`Rules of the ${round.name}`}>
        <div>
          <dt>Open for bids</dt>
          <dd>
            {formatDateLong(round.opensOn)} to {formatDateLong(round.closesOn)}
          </dd>
        </div>
        <div>
          <dt>Years</dt>
          <dd>{round.years.join(', ')}</dd>
        </div>
        <div>
          <dt>Cap per award per year</dt>
          <dd>{round.capPence === null ? 'None' : `${formatPence(round.capPence)}${round.awardCapPence === null ? ' (the stream’s)' : ''}`}</dd>
        </div>
        <div>
          <dt>Who may bid</dt>
          <dd>{kinds}</dd>
        </div>
        <div>
          <dt>Themes</dt>
          <dd>{round.themes.length ? round.themes.join('; ') : 'Any'}</dd>
        </div>
        <div>
          <dt>Tiers</dt>
          <dd>{round.tiers.length ? round.tiers.map((t) => TIER_LABELS[t]).join(', ') : 'Any'}</dd>
        </div>
        <div>
          <dt>Scoring (0 to {round.maxScore})</dt>
          <dd>{round.criteria.length ? round.criteria.map((c) => `${c.name} (weight ${c.weight})`).join('; ') : 'No criteria yet'}</dd>
        </div>
      </dl>
      {list.error && <ErrorSummary message={messageOf(list.error)} />}
      {notice && (
        <div className="warning-panel" role="status">
          <p>{notice.text}</p>
          {notice.warnings.length > 0 && (
            <ul>
              {notice.warnings.map((w, i) => (
                <li key={i} data-code={w.code}>
                  {w.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="toolbar">
        <p className="result-count" role="status">
          {bids.length} {bids.length === 1 ? 'bid' : 'bids'}
          {round.askedPence.length > 0 && `; asked for ${round.askedPence.map((y) => `${formatPence(y.amountPence)} in ${y.financialYear}`).join(', ')}`}
        </p>
        <button type="button" className="button toolbar-end" onClick={() => setAdding(true)}>
          Add a bid
        </button>
      </div>
      <BidsTable round={round} bids={bids} onScore={setScoring} />
      <RankingTable round={round} />
      <BidImportPanel round={round} />
      {scoring && <ScoreDialog round={round} bid={scoring} onClose={() => setScoring(null)} />}
      {adding && (
        <BidForm
          round={round}
          onClose={() => setAdding(false)}
          onSaved={(text, warnings) => {
            setAdding(false);
            setNotice({ text, warnings });
          }}
        />
      )}
    </section>
  );
}

/** The short words for a warning in the table; its full message is listed under it. */
const WARNING_LABELS: Record<string, string> = { 'bid.overCap': 'Over the cap', 'bid.late': 'Late', 'bid.early': 'Dated before it opened' };

function BidsTable({ round, bids, onScore }: { round: FundingRound; bids: Bid[]; onScore: (bid: Bid) => void }) {
  const warned = bids.filter((b) => b.warnings.length > 0);
  return (
    <>
      <DataTable
        caption={`Bids to the ${round.name}`}
        className="table funding-table bids-table"
        rows={bids}
        rowKey={(b) => b.id}
        empty="No bids yet."
        rowClassName={(b) => (b.warnings.length ? 'row-warning' : undefined)}
        columns={[
          { header: 'Organisation', rowHeader: true, cell: (b) => b.organisationName },
          { header: 'Project', cell: (b) => b.project },
          { header: 'Theme and tier', cell: (b) => [b.theme, b.tier ? TIER_LABELS[b.tier] : ''].filter(Boolean).join(' · ') || '—' },
          { header: 'Received', cell: (b) => formatDateShort(b.receivedOn) },
          ...round.years.map((y) => ({
            header: y,
            numeric: true,
            cell: (b: Bid) => {
              const amount = b.years.find((x) => x.financialYear === y)?.amountPence;
              return amount === undefined ? '—' : formatPence(amount);
            },
          })),
          { header: 'Total', numeric: true, cell: (b) => formatPence(b.totalPence) },
          { header: 'Match funding', numeric: true, cell: (b) => (b.matchFundingPence ? formatPence(b.matchFundingPence) : '—') },
          {
            header: 'Scores',
            cell: (b) =>
              round.criteria.length === 0 ? (
                '—'
              ) : (
                <button type="button" className="button-link" onClick={() => onScore(b)}>
                  Score<span className="visually-hidden"> the bid from {b.organisationName}</span>
                </button>
              ),
          },
          {
            header: 'Points to note',
            cell: (b) =>
              b.warnings.length === 0
                ? '—'
                : b.warnings.map((w, i) => (
                    <span key={i} className="inline-warning bid-warning" data-code={w.code}>
                      {WARNING_LABELS[w.code] ?? w.code}
                    </span>
                  )),
          },
        ]}
      />
      {warned.length > 0 && (
        <section className="warning-panel" aria-labelledby="bid-warnings-title">
          <h3 id="bid-warnings-title">Points to note on the bids</h3>
          <ul>
            {warned.flatMap((b) =>
              b.warnings.map((w, i) => (
                <li key={`${b.id}-${i}`} data-code={w.code}>
                  {w.message}
                </li>
              )),
            )}
          </ul>
        </section>
      )}
    </>
  );
}

const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }));

function Checkboxes<T extends string>(props: { legend: string; name: string; options: { value: T; label: string }[]; value: T[]; onChange: (v: T[]) => void; hint?: string }) {
  return (
    <fieldset className="fieldset" id={`field-${props.name}`}>
      <legend>{props.legend}</legend>
      {props.hint && <p className="hint">{props.hint}</p>}
      <div className="checkbox-row">
        {props.options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" checked={props.value.includes(o.value)} onChange={(e) => props.onChange(e.target.checked ? [...props.value, o.value] : props.value.filter((x) => x !== o.value))} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const ROUND_FIELDS = ['name', 'opensOn', 'closesOn', 'firstYear', 'lastYear', 'awardCap', 'maxScore', 'eligibleKinds', 'themes', 'tiers', 'criteria'] as const;
type RoundValues = {
  name: string;
  opensOn: string;
  closesOn: string;
  firstYear: string;
  lastYear: string;
  awardCap: string;
  maxScore: string;
  themes: string;
  criteria: string;
  eligibleKinds: OrganisationKind[];
  tiers: (typeof TIERS)[number][];
};

/** "Need and evidence: 30" → a criterion and its weight; a line without a weight weighs 1. */
function criterionOf(line: string): { name: string; weight: number } {
  const m = /^(.*?)[\s:|,]+(\d+(?:\.\d+)?)\s*%?$/.exec(line);
  return m ? { name: m[1]!.trim(), weight: Number(m[2]) } : { name: line, weight: 1 };
}

function RoundForm(props: { onClose: () => void; onSaved: (round: FundingRound) => void }) {
  const stream = useFunding((s) => s.stream)!;
  const yearOptions = stream.years.map((y) => ({ value: y, label: y }));
  const form = useApiForm({
    fields: ROUND_FIELDS,
    idPrefix: 'round-',
    initial: (): RoundValues => ({
      name: '',
      opensOn: '',
      closesOn: '',
      firstYear: stream.years[0] ?? '',
      lastYear: stream.years.at(-1) ?? '',
      awardCap: '',
      maxScore: '5',
      themes: '',
      criteria: '',
      eligibleKinds: [],
      tiers: [],
    }),
    toInput: (v) => ({
      streamId: stream.id,
      name: v.name,
      opensOn: v.opensOn,
      closesOn: v.closesOn,
      firstYear: v.firstYear,
      lastYear: v.lastYear,
      awardCap: v.awardCap.trim() === '' ? null : v.awardCap,
      maxScore: Number(v.maxScore),
      eligibleKinds: v.eligibleKinds,
      themes: lines(v.themes),
      tiers: v.tiers,
      criteria: lines(v.criteria).map(criterionOf),
    }),
    submit: async (input) => props.onSaved(await write(api().round.create(input), GRANT_TABLES)),
  });
  const f = (name: 'name' | 'opensOn' | 'closesOn' | 'firstYear' | 'lastYear' | 'awardCap' | 'maxScore' | 'themes' | 'criteria') => form.field(name);
  return (
    <FormDialog title="Open a funding round" form={form} submit="Open the round" onClose={props.onClose} wide>
      <TextField label="Name" {...f('name')} />
      <div className="field-row">
        <TextField label="Opens" hint="YYYY-MM-DD" width="short" {...f('opensOn')} />
        <TextField label="Closes" hint="YYYY-MM-DD: bids received after it are warned of as late" width="short" {...f('closesOn')} />
        <SelectField label="First year" options={yearOptions} {...f('firstYear')} />
        <SelectField label="Last year" options={yearOptions} {...f('lastYear')} />
      </div>
      <div className="field-row">
        <TextField
          label="Cap per award per year (optional)"
          hint={stream.awardCapPence === null ? 'Empty: no cap' : `Empty: the stream’s ${formatPence(stream.awardCapPence)}`}
          width="short"
          {...f('awardCap')}
        />
        <TextField label="Top score" hint="Criteria are scored 0 to this" width="short" {...f('maxScore')} />
      </div>
      <Checkboxes legend="Who may bid" hint="None ticked: any kind of organisation" name="round-eligibleKinds" options={KIND_OPTIONS} value={form.values.eligibleKinds} onChange={form.set('eligibleKinds')} />
      <Checkboxes legend="Intervention tiers funded" hint="None ticked: any" name="round-tiers" options={TIERS.map((t) => ({ value: t, label: TIER_LABELS[t]! }))} value={form.values.tiers} onChange={form.set('tiers')} />
      <TextAreaField label="Themes (one a line; optional)" {...f('themes')} />
      <TextAreaField label="Scoring criteria, one a line with its weight" hint="e.g. Need and evidence: 30" {...f('criteria')} />
    </FormDialog>
  );
}

const BID_FIELDS = ['organisationId', 'newName', 'newKind', 'project', 'description', 'theme', 'tier', 'outcomes', 'matchFunding', 'documents', 'receivedOn', 'years'] as const;
type BidValues = {
  organisationId: string;
  newName: string;
  newKind: string;
  project: string;
  description: string;
  theme: string;
  tier: string;
  outcomes: string;
  matchFunding: string;
  documents: string;
  receivedOn: string;
  amounts: Record<string, string>;
};

const NEW_ORGANISATION = 'new';

function BidForm(props: { round: FundingRound; onClose: () => void; onSaved: (text: string, warnings: FundingWarning[]) => void }) {
  const { round } = props;
  const orgs = useQuery({ queryKey: opKey('organisation.list', { search: '' }), queryFn: () => call(api().organisation.list({ search: '' })) });
  const form = useApiForm({
    fields: BID_FIELDS,
    idPrefix: 'bid-',
    initial: (): BidValues => ({ organisationId: '', newName: '', newKind: 'charity', project: '', description: '', theme: round.themes[0] ?? '', tier: '', outcomes: '', matchFunding: '', documents: '', receivedOn: '', amounts: {} }),
    check: (v) => (v.organisationId === '' ? { organisationId: 'Choose the bidding organisation, or “A new organisation”.' } : null),
    toInput: (v) => ({
      roundId: round.id,
      ...(v.organisationId === NEW_ORGANISATION ? { organisation: { name: v.newName, kind: v.newKind as OrganisationKind } } : { organisationId: Number(v.organisationId) }),
      project: v.project,
      description: v.description,
      theme: v.theme,
      tier: v.tier === '' ? null : (v.tier as (typeof TIERS)[number]),
      outcomes: v.outcomes,
      matchFunding: v.matchFunding.trim() === '' ? '0' : v.matchFunding,
      documents: lines(v.documents),
      receivedOn: v.receivedOn || null,
      years: round.years.filter((y) => (v.amounts[y] ?? '').trim() !== '').map((y) => ({ financialYear: y, amount: v.amounts[y]! })),
    }),
    submit: async (input) => {
      const r = await write(api().bid.create(input), GRANT_TABLES);
      const added = r.organisationCreated ? ` ${r.organisationCreated.name} was added to Organisations.` : '';
      props.onSaved(`The bid from ${r.bid.organisationName} was entered.${added}${r.warnings.length ? ' Points to note:' : ''}`, r.warnings);
    },
  });
  const { amounts } = form.values;
  const f = (name: 'organisationId' | 'newName' | 'newKind' | 'project' | 'description' | 'theme' | 'tier' | 'outcomes' | 'matchFunding' | 'documents' | 'receivedOn') => form.field(name);
  return (
    <FormDialog title={`Add a bid to the ${round.name}`} form={form} submit="Enter the bid" onClose={props.onClose} wide>
      <SelectField
        label="Bidding organisation"
        options={[{ value: '', label: 'Choose…' }, ...optionsOf(orgs.data ?? [], (o) => o.name), { value: NEW_ORGANISATION, label: 'A new organisation…' }]}
        {...f('organisationId')}
      />
      {form.values.organisationId === NEW_ORGANISATION && (
        <div className="field-row">
          <TextField label="New organisation’s name" {...f('newName')} />
          <SelectField label="Kind" options={KIND_OPTIONS} {...f('newKind')} />
        </div>
      )}
      <TextField label="Project" {...f('project')} />
      <TextAreaField label="Description (optional)" {...f('description')} />
      <div className="field-row">
        {round.themes.length ? <SelectField label="Theme" options={round.themes.map((t) => ({ value: t, label: t }))} {...f('theme')} /> : <TextField label="Theme (optional)" {...f('theme')} />}
        <SelectField label="Intervention tier" options={[{ value: '', label: 'Not classified' }, ...(round.tiers.length ? round.tiers : TIERS).map((t) => ({ value: t, label: TIER_LABELS[t]! }))]} {...f('tier')} />
      </div>
      <TextAreaField label="Outcomes promised (optional)" {...f('outcomes')} />
      <fieldset className="fieldset" id="field-bid-years">
        <legend>Amount asked for per year</legend>
        <div className="field-row">
          {round.years.map((y) => (
            <TextField key={y} name={`bid-amount-${y.replace('/', '-')}`} label={y} value={amounts[y] ?? ''} onChange={(v) => form.set('amounts')({ ...amounts, [y]: v })} width="short" />
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <TextField label="Match funding offered (optional)" width="short" {...f('matchFunding')} />
        <TextField label="Received on" hint="YYYY-MM-DD; empty: today" width="short" {...f('receivedOn')} />
      </div>
      <TextAreaField label="Documents referenced (one a line; optional)" {...f('documents')} />
    </FormDialog>
  );
}
