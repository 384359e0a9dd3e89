import { useRef, useState, type FormEvent } from 'react';
import type { VirementPreview } from '../../../main/funding/contract';
import { formatPence } from '../../../main/shared/money';
import { ApiError, api, call, messageOf } from '../api';
import { ACTIONS_COLUMN, DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field, optionsOf, SelectField, TextField } from '../components/fields';
import { ApiFormView } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { useFunding } from './store';
import { TableScroll } from '../components/TableScroll';

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
  const [saved, setSaved] = useState<string | null>(null);
  // The allocation as it was shown when typing began (the changes poller may refresh the figure above meanwhile).
  const seen = useRef<number | null>(null);
  const form = useApiForm({
    fields: ['amount'],
    idPrefix: 'allocation-',
    initial: { amount: '' },
    toInput: (v) => ({ streamId: stream.id, financialYear: year, amount: v.amount, wasPence: seen.current ?? current }),
    submit: async (input) => {
      setSaved(null);
      try {
        await call(api().fundingStream.setAllocation(input));
      } catch (err) {
        // Refused because someone set it since: show theirs above; saving again then goes on theirs, knowingly.
        if (err instanceof ApiError && err.stale) {
          seen.current = null;
          await refresh();
        }
        throw err;
      }
      setSaved(`The ${year} allocation is now recorded.`);
      seen.current = null;
      form.reset({ amount: '' });
      await refresh();
    },
  });
  const amount = form.field('amount');

  return (
    <section className="section" aria-labelledby="allocation-title">
      <h2 id="allocation-title">Allocation for {year}</h2>
      <p>
        {formatPence(current)} allocated for {year}
        {stream.years.length > 1 && ` (${stream.allocations.map((a) => `${a.financialYear}: ${formatPence(a.amountPence)}`).join('; ')})`}.
      </p>
      <ApiFormView form={form} className="inline-form" label={`Allocation for ${year}`} submit="Set allocation" secondary>
        <TextField
          label={`New allocation for ${year}`}
          hint="e.g. £1.16m"
          width="short"
          {...amount}
          onChange={(value) => {
            if (seen.current === null) seen.current = current;
            amount.onChange(value);
          }}
        />
      </ApiFormView>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}

function LinesSection() {
  const stream = useFunding((s) => s.stream)!;
  const year = useFunding((s) => s.year);
  const lines = useFunding((s) => s.lines);
  const refresh = useFunding((s) => s.refresh);
  const [error, setError] = useState<string | null>(null);
  const form = useApiForm({
    fields: ['heading', 'costType', 'costCentre', 'allocated'],
    idPrefix: 'line-',
    initial: { heading: stream.headings[0] ?? '', costType: 'revenue', costCentre: '', allocated: '' },
    toInput: (v) => ({ streamId: stream.id, financialYear: year, heading: v.heading, costType: v.costType as 'revenue' | 'capital', costCentre: v.costCentre, allocated: v.allocated }),
    submit: async (input) => {
      await call(api().budgetLine.create(input));
      form.reset({ ...form.values, allocated: '', costCentre: '' });
      await refresh();
    },
  });
  const heading = form.field('heading');

  async function remove(id: number, version: number, name: string) {
    if (!window.confirm(`Delete the budget line “${name}” and its spend figures?`)) return;
    try {
      await call(api().budgetLine.delete({ id, version }));
      await refresh();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="section" aria-labelledby="lines-title">
      <h2 id="lines-title">Budget lines {year}</h2>
      <DataTable
        caption={`Budget lines ${year}`}
        className="table funding-table"
        rows={lines}
        rowKey={(l) => l.id}
        empty={`No budget lines for ${year}.`}
        columns={[
          { header: 'Heading', rowHeader: true, cell: (l) => l.heading },
          { header: 'Revenue or capital', cell: (l) => (l.costType === 'capital' ? 'Capital' : 'Revenue') },
          { header: 'Cost centre', cell: (l) => l.costCentre || '—' },
          { header: 'Allocated', numeric: true, cell: (l) => money(l.allocatedPence) },
          {
            ...ACTIONS_COLUMN,
            cell: (l) => (
              <button type="button" className="button-link" onClick={() => void remove(l.id, l.version, l.heading)}>
                Delete<span className="visually-hidden"> {l.heading}</span>
              </button>
            ),
          },
        ]}
        footer={
          <tr className="total">
            <th scope="row">Total</th>
            <td />
            <td />
            <td className="numeric">{money(lines.reduce((sum, l) => sum + l.allocatedPence, 0))}</td>
            <td />
          </tr>
        }
      />
      <ApiFormView form={form} className="inline-form" label="Add a budget line" submit="Add budget line" secondary>
        <Field name={heading.name} label="Heading" error={heading.error}>
          {(control) => (
            <>
              <input {...control} className="input input-medium" list="line-headings" value={heading.value} onChange={(e) => heading.onChange(e.target.value)} />
              <datalist id="line-headings">
                {stream.headings.map((h) => (
                  <option key={h} value={h} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <SelectField
          label="Revenue or capital"
          options={[
            { value: 'revenue', label: 'Revenue' },
            { value: 'capital', label: 'Capital' },
          ]}
          {...form.field('costType')}
        />
        <TextField label="Cost centre" width="short" {...form.field('costCentre')} />
        <TextField label="Allocated" hint="e.g. £50k" width="short" {...form.field('allocated')} />
      </ApiFormView>
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
        <SelectField name="virement-from" label="From" value={from || options[0]!.value} onChange={setFrom} options={options} />
        <SelectField name="virement-to" label="To" value={to || options[1]!.value} onChange={setTo} options={options} />
        <TextField name="virement-amount" label="Amount" hint="e.g. £5,000" width="short" value={amount} onChange={setAmount} />
        <button type="submit" className="button button-secondary">
          Show the year end
        </button>
      </form>
      {error && <ErrorSummary message={error} />}
      {preview && (
        <>
          <TableScroll label="Virement preview">
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
          </TableScroll>
          {preview.warnings.length > 0 && (
            <ul className="warning-list">
              {preview.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
          <div className="inline-form">
            <SelectField
              name="virement-board"
              label="Decided by"
              value={boardId || String(boards.find((b) => b.kind === 'board')?.id ?? '')}
              onChange={setBoardId}
              options={optionsOf(boards, (b) => b.name)}
            />
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
