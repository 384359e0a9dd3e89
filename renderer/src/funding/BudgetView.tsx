import { useState, type FormEvent } from 'react';
import type { VirementPreview } from '../../../main/funding/contract';
import { formatPence } from '../../../main/shared/money';
import { api, call, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { useFunding } from './store';

const money = (p: number) => formatPence(p, { alwaysPence: true });

/** The year's allocation and budget lines, and the what-if virement. */
export function BudgetView() {
  return (
    <>
      <AllocationSection />
      <LinesSection />
      <VirementSection />
    </>
  );
}

function AllocationSection() {
  const stream = useFunding((s) => s.stream)!;
  const year = useFunding((s) => s.year);
  const refresh = useFunding((s) => s.refresh);
  const current = stream.allocations.find((a) => a.financialYear === year)?.amountPence ?? 0;
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await call(api().fundingStream.setAllocation({ streamId: stream.id, financialYear: year, amount }));
      setError(null);
      setSaved(`The ${year} allocation is now recorded.`);
      setAmount('');
      await refresh();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="section" aria-labelledby="allocation-title">
      <h2 id="allocation-title">Allocation for {year}</h2>
      <p>
        {formatPence(current)} allocated for {year}
        {stream.years.length > 1 && ` (${stream.allocations.map((a) => `${a.financialYear}: ${formatPence(a.amountPence)}`).join('; ')})`}.
      </p>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className={error ? 'field field-error' : 'field'}>
          <label htmlFor="allocation-amount">New allocation for {year}</label>
          {error && (
            <p className="error-message" id="allocation-amount-error">
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          )}
          <input
            id="allocation-amount"
            className="input input-short"
            value={amount}
            placeholder="e.g. £1.16m"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'allocation-amount-error' : undefined}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary">
          Set allocation
        </button>
      </form>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}

function LinesSection() {
  const stream = useFunding((s) => s.stream)!;
  const year = useFunding((s) => s.year);
  const lines = useFunding((s) => s.lines);
  const refresh = useFunding((s) => s.refresh);
  const [heading, setHeading] = useState(stream.headings[0] ?? '');
  const [costType, setCostType] = useState<'revenue' | 'capital'>('revenue');
  const [costCentre, setCostCentre] = useState('');
  const [allocated, setAllocated] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    try {
      await call(api().budgetLine.create({ streamId: stream.id, financialYear: year, heading, costType, costCentre, allocated }));
      setError(null);
      setAllocated('');
      setCostCentre('');
      await refresh();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function remove(id: number, name: string) {
    if (!window.confirm(`Delete the budget line “${name}” and its spend figures?`)) return;
    try {
      await call(api().budgetLine.delete({ id }));
      await refresh();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="section" aria-labelledby="lines-title">
      <h2 id="lines-title">Budget lines {year}</h2>
      {lines.length === 0 ? (
        <p className="empty">No budget lines for {year}.</p>
      ) : (
        <table className="table funding-table">
          <caption className="visually-hidden">Budget lines {year}</caption>
          <thead>
            <tr>
              <th scope="col">Heading</th>
              <th scope="col">Revenue or capital</th>
              <th scope="col">Cost centre</th>
              <th scope="col" className="numeric">
                Allocated
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.heading}</th>
                <td>{l.costType === 'capital' ? 'Capital' : 'Revenue'}</td>
                <td>{l.costCentre || '—'}</td>
                <td className="numeric">{money(l.allocatedPence)}</td>
                <td className="row-actions">
                  <button type="button" className="button-link" onClick={() => void remove(l.id, l.heading)}>
                    Delete<span className="visually-hidden"> {l.heading}</span>
                  </button>
                </td>
              </tr>
            ))}
            <tr className="total">
              <th scope="row">Total</th>
              <td />
              <td />
              <td className="numeric">{money(lines.reduce((s, l) => s + l.allocatedPence, 0))}</td>
              <td />
            </tr>
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={(e) => void add(e)} noValidate aria-label="Add a budget line">
        <div className="field">
          <label htmlFor="line-heading">Heading</label>
          <input id="line-heading" className="input input-medium" list="line-headings" value={heading} onChange={(e) => setHeading(e.target.value)} />
          <datalist id="line-headings">
            {stream.headings.map((h) => (
              <option key={h} value={h} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="line-cost-type">Revenue or capital</label>
          <select id="line-cost-type" className="select" value={costType} onChange={(e) => setCostType(e.target.value as 'revenue' | 'capital')}>
            <option value="revenue">Revenue</option>
            <option value="capital">Capital</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="line-cost-centre">Cost centre</label>
          <input id="line-cost-centre" className="input input-short" value={costCentre} onChange={(e) => setCostCentre(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="line-allocated">Allocated</label>
          <input id="line-allocated" className="input input-short" value={allocated} placeholder="e.g. £50k" onChange={(e) => setAllocated(e.target.value)} />
        </div>
        <button type="submit" className="button button-secondary">
          Add budget line
        </button>
      </form>
      {error && <ErrorSummary message={error} />}
    </section>
  );
}

function VirementSection() {
  const stream = useFunding((s) => s.stream)!;
  const year = useFunding((s) => s.year);
  const position = useFunding((s) => s.position);
  const boards = useFunding((s) => s.boards);
  const asOf = useFunding((s) => s.asOfQuarter);
  const options = position?.lines.map((l) => ({ value: l.key, label: l.label })) ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [boardId, setBoardId] = useState('');
  const [preview, setPreview] = useState<VirementPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const moves = () => [{ from: from || options[0]?.value || '', to: to || options[1]?.value || '', amount }];

  async function show(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    try {
      setPreview(await call(api().funding.virementPreview({ streamId: stream.id, financialYear: year, moves: moves(), asOfQuarter: asOf })));
      setError(null);
    } catch (err) {
      setPreview(null);
      setError(messageOf(err));
    }
  }

  async function propose() {
    const board = boardId || String(boards.find((b) => b.kind === 'board')?.id ?? boards[0]?.id ?? '');
    try {
      const r = await call(api().funding.virementPropose({ streamId: stream.id, financialYear: year, moves: moves(), boardId: Number(board), asOfQuarter: asOf }));
      setSaved(`Saved as proposed decision ${r.reference} for the board to approve. The budget changes only when the board agrees it.`);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  if (options.length < 2) return null;
  return (
    <section className="section" aria-labelledby="virement-title">
      <h2 id="virement-title">What if: move money (virement)</h2>
      <p className="hint">Try a move between budget lines or projects and see the year-end position. Nothing changes until the board approves it.</p>
      <form className="inline-form" onSubmit={(e) => void show(e)} noValidate>
        <div className="field">
          <label htmlFor="virement-from">From</label>
          <select id="virement-from" className="select" value={from || options[0]!.value} onChange={(e) => setFrom(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="virement-to">To</label>
          <select id="virement-to" className="select" value={to || options[1]!.value} onChange={(e) => setTo(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="virement-amount">Amount</label>
          <input id="virement-amount" className="input input-short" value={amount} placeholder="e.g. £5,000" onChange={(e) => setAmount(e.target.value)} />
        </div>
        <button type="submit" className="button button-secondary">
          Show the year end
        </button>
      </form>
      {error && <ErrorSummary message={error} />}
      {preview && (
        <>
          <table className="table funding-table" data-testid="virement-preview">
            <caption>
              Moving {money(preview.totalMovedPence)}: {preview.moves.map((m) => `${m.fromLabel} → ${m.toLabel}`).join('; ')}
            </caption>
            <thead>
              <tr>
                <th scope="col">Line or project</th>
                <th scope="col" className="numeric">
                  Budget now
                </th>
                <th scope="col" className="numeric">
                  Budget after
                </th>
                <th scope="col" className="numeric">
                  Forecast to year end
                </th>
                <th scope="col" className="numeric">
                  Variance after
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.after.lines.map((l) => {
                const before = preview.before.lines.find((b) => b.key === l.key)!;
                return (
                  <tr key={l.key} className={before.budgetPence !== l.budgetPence ? 'changed-row' : undefined}>
                    <th scope="row">{l.label}</th>
                    <td className="numeric">{money(before.budgetPence)}</td>
                    <td className="numeric">{money(l.budgetPence)}</td>
                    <td className="numeric">{money(l.forecastYearEndPence)}</td>
                    <td className={l.variancePence < 0 ? 'numeric overspend' : 'numeric'}>{money(l.variancePence)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {preview.warnings.length > 0 && (
            <ul className="warning-list">
              {preview.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
          <div className="inline-form">
            <div className="field">
              <label htmlFor="virement-board">Decided by</label>
              <select id="virement-board" className="select" value={boardId || String(boards.find((b) => b.kind === 'board')?.id ?? '')} onChange={(e) => setBoardId(e.target.value)}>
                {boards.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button" onClick={() => void propose()} disabled={boards.length === 0}>
              Save as a proposed decision
            </button>
          </div>
        </>
      )}
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
