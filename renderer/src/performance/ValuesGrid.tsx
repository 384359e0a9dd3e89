import { useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { Indicator, IndicatorValue, ValueStatus } from '../../../main/performance/contract';
import type { StaleDetail } from '../../../main/shared/errors';
import { periodLabel, periodsOfYears } from '../../../main/performance/periods';
import { financialYearOf, financialYearStarting, startYearOf } from '../../../main/shared/financial-year';
import { formatDateShort } from '../../../main/shared/dates';
import { ApiError, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { optionsOf, SelectField, TextField } from '../components/fields';
import { todayIso } from '../today';
import { usePerformance, type GridRow } from './store';
import { TableScroll } from '../components/TableScroll';
import { useUnsaved } from '../app/unsaved';

interface Cell {
  value: string;
  status: ValueStatus;
  note: string;
  /** The period's current value as it was when the edit began (null: none), sent so a colleague's value since is not typed over unseen. */
  wasValueId: number | null;
}

/** Splits what Excel puts on the clipboard (rows by line, cells by tab) into the first column. */
export function pastedColumn(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line.split('\t')[0] ?? '').trim());
}

/**
 * The values grid: one row per period of the chosen financial years, keyboard first (Enter
 * and the arrow keys move down and up the value column, Tab across), and a column pasted
 * from Excel fills the periods downwards from the cell it is pasted into. Save sends the
 * changed rows at once; the workspace checks every one and names each that it refuses.
 */
export function ValuesGrid(props: { indicator: Indicator; values: IndicatorValue[] }) {
  const { indicator, values } = props;
  const organisations = usePerformance((s) => s.organisations);
  const saveValues = usePerformance((s) => s.saveValues);
  const thisYear = startYearOf(financialYearOf(todayIso()));
  const firstYear = values.length ? startYearOf(financialYearOf(periodStartMonth(values[0]!.period))) : thisYear - 1;
  const [from, setFrom] = useState(Math.min(firstYear, thisYear - 1));
  const [to, setTo] = useState(thisYear);
  const [edits, setEdits] = useState<Record<string, Cell>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const [supplier, setSupplier] = useState('');
  // Blank: the workspace records today's date.
  const [receivedOn, setReceivedOn] = useState('');
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});

  const periods = useMemo(() => periodsOfYears(indicator.frequency, financialYearStarting(from), financialYearStarting(Math.max(from, to))), [indicator.frequency, from, to]);
  const current = useMemo(() => new Map(values.map((v) => [v.period, v])), [values]);
  const cellOf = (period: string): Cell => {
    const v = current.get(period);
    return edits[period] ?? { value: v ? String(v.value) : '', status: v?.status ?? 'provisional', note: v?.note ?? '', wasValueId: v?.id ?? null };
  };
  const isDirty = (period: string) => {
    const e = edits[period];
    if (!e) return false;
    const v = current.get(period);
    if (!v) return e.value.trim() !== '';
    return e.value.trim() !== String(v.value) || e.status !== v.status || e.note !== v.note;
  };
  const dirty = periods.filter(isDirty);
  // A move away (or closing the window) with figures typed and not saved asks first.
  useUnsaved(dirty.length > 0, `${dirty.length} unsaved figure${dirty.length === 1 ? '' : 's'} of ${indicator.code}`);

  const edit = (period: string, patch: Partial<Cell>) => {
    setEdits((all) => ({ ...all, [period]: { ...cellOf(period), ...all[period], ...patch } }));
    if (errors[period]) setErrors((e) => ({ ...e, [period]: '' }));
    setMessage(null);
  };

  const focusRow = (index: number) => {
    const p = periods[Math.max(0, Math.min(periods.length - 1, index))];
    if (p) inputs.current[p]?.focus();
  };

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, index: number) {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) {
      e.preventDefault();
      focusRow(index + 1);
    } else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) {
      e.preventDefault();
      focusRow(index - 1);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>, index: number) {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\n\t]/.test(text.replace(/[\r\n]+$/, ''))) return; // one cell: the browser pastes it
    e.preventDefault();
    const column = pastedColumn(text);
    const fit = column.slice(0, periods.length - index);
    setEdits((all) => {
      const next = { ...all };
      fit.forEach((value, j) => {
        const p = periods[index + j]!;
        next[p] = { ...cellOf(p), ...all[p], value };
      });
      return next;
    });
    const last = periods[index + fit.length - 1]!;
    const lost = column.length - fit.length;
    setMessage(
      `Pasted ${fit.length} value${fit.length === 1 ? '' : 's'}, ${periodLabel(periods[index]!)} to ${periodLabel(last)}. Check them, then save.` +
        (lost > 0 ? ` ${lost} more did not fit: show more years and paste again.` : ''),
    );
    focusRow(index + fit.length - 1);
  }

  async function save() {
    const blanked = dirty.filter((p) => current.has(p) && (edits[p]?.value ?? '').trim() === '');
    if (blanked.length) {
      setErrors(Object.fromEntries(blanked.map((p) => [p, 'A recorded value cannot be blanked: enter the corrected figure (the old one is kept as a revision)'])));
      return;
    }
    const sent = dirty;
    const rows: GridRow[] = sent.map((period) => {
      const c = cellOf(period);
      return { period, value: c.value, status: c.status, note: c.note, wasValueId: c.wasValueId };
    });
    setBusy(true);
    setFormError(null);
    setStale(undefined);
    try {
      const result = await saveValues({ indicatorId: indicator.id, rows, suppliedByOrganisationId: supplier === '' ? null : Number(supplier), receivedOn: receivedOn === '' ? null : receivedOn });
      setEdits({});
      setErrors({});
      setMessage(`Saved: ${result.new} new, ${result.changed} changed${result.unchanged ? `, ${result.unchanged} unchanged` : ''}.`);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) {
        const found: Record<string, string> = {};
        for (const p of err.problems) {
          const m = /^rows\.(\d+)\./.exec(p.path);
          const period = m ? sent[Number(m[1])] : undefined;
          if (period) found[period] ??= p.message;
        }
        setErrors(found);
        setFormError(err.message);
        const first = sent.find((p) => found[p]);
        if (first) inputs.current[first]?.focus();
      } else {
        setFormError(messageOf(err));
      }
      if (err instanceof ApiError && err.stale) {
        // Their values are shown in the grid now; your typing stays, and saving again is knowingly over theirs.
        setStale(err.stale);
        await usePerformance.getState().loadDetail(indicator.id);
        const now = new Map(usePerformance.getState().values.map((v) => [v.period, v.id]));
        setEdits((all) => Object.fromEntries(Object.entries(all).map(([p, c]) => [p, sent.includes(p) ? { ...c, wasValueId: now.get(p) ?? null } : c])));
      }
    } finally {
      setBusy(false);
    }
  }

  const yearOptions = Array.from({ length: 13 }, (_, i) => thisYear - 12 + i).map((y) => ({ value: String(y), label: financialYearStarting(y) }));

  return (
    <section className="section values-grid" aria-labelledby="values-heading">
      <h2 id="values-heading">Values</h2>
      <p className="hint">
        Type or paste values (a column copied from Excel fills the periods downwards). Enter and the arrow keys move down and up. A changed value is kept as a
        new revision; the old one stays in the record.
      </p>
      <div className="toolbar">
        <SelectField name="grid-from" label="From" value={String(from)} onChange={(v) => setFrom(Number(v))} options={yearOptions} />
        <SelectField name="grid-to" label="To" value={String(to)} onChange={(v) => setTo(Number(v))} options={yearOptions} />
        <SelectField name="grid-supplier" label="Supplied by" value={supplier} onChange={setSupplier} options={optionsOf(organisations, (o) => o.name, 'Not recorded')} />
        <TextField name="grid-received" label="Received on (blank: today)" type="date" width="short" value={receivedOn} onChange={setReceivedOn} />
      </div>
      {formError && <ErrorSummary message={formError} stale={stale} />}
      <p className="result-count" role="status">
        {message ?? `${dirty.length} unsaved change${dirty.length === 1 ? '' : 's'}`}
      </p>
      <TableScroll label="Values">
        <table className="table grid">
          <caption className="visually-hidden">Values of {indicator.name} by period</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Value</th>
              <th scope="col">Status</th>
              <th scope="col">Note</th>
              <th scope="col">Recorded</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period, index) => {
              const cell = cellOf(period);
              const v = current.get(period);
              const error = errors[period];
              const label = periodLabel(period).replace(/ \(.*\)$/, '');
              return (
                <tr key={period} className={isDirty(period) ? 'row-dirty' : undefined}>
                  <th scope="row">{label}</th>
                  <td>
                    <input
                      ref={(el) => {
                        inputs.current[period] = el;
                      }}
                      className="input grid-value"
                      inputMode="decimal"
                      aria-label={`Value for ${label}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `grid-error-${index}` : undefined}
                      value={cell.value}
                      onChange={(e) => edit(period, { value: e.target.value })}
                      onKeyDown={(e) => onKeyDown(e, index)}
                      onPaste={(e) => onPaste(e, index)}
                    />
                    {error && (
                      <p className="error-message" id={`grid-error-${index}`}>
                        <span className="visually-hidden">Error: </span>
                        {error}
                      </p>
                    )}
                  </td>
                  <td>
                    <select className="select" aria-label={`Status for ${label}`} value={cell.status} onChange={(e) => edit(period, { status: e.target.value as ValueStatus })}>
                      <option value="provisional">Provisional</option>
                      <option value="final">Final</option>
                    </select>
                  </td>
                  <td>
                    <input className="input" aria-label={`Note for ${label}`} value={cell.note} onChange={(e) => edit(period, { note: e.target.value })} />
                  </td>
                  <td className="hint">
                    {v
                      ? `${v.valueText}, ${v.status}, received ${formatDateShort(v.receivedOn)}${v.suppliedByOrganisationName ? ` from ${v.suppliedByOrganisationName}` : ''}${v.revisions.length ? `; ${v.revisions.length} earlier revision${v.revisions.length === 1 ? '' : 's'}` : ''}`
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="button-row">
        <button type="button" className="button" disabled={busy || dirty.length === 0} onClick={() => void save()}>
          Save {dirty.length || ''} value{dirty.length === 1 ? '' : 's'}
        </button>
        <button type="button" className="button button-secondary" disabled={busy || dirty.length === 0} onClick={() => (setEdits({}), setErrors({}), setFormError(null), setMessage(null))}>
          Discard changes
        </button>
      </div>
    </section>
  );
}

/** A month inside a period, for finding its financial year. */
function periodStartMonth(period: string): string {
  if (/^\d{4}-\d{2}$/.test(period)) return period;
  return `${period.slice(0, 4)}-04`;
}
