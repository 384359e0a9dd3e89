import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { SpendKind, SpendRow } from '../../../main/funding/contract';
import type { StaleDetail } from '../../../main/shared/errors';
import { ApiError, api, call, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { ImportPanel } from './ImportPanel';
import { parseClipboardBlock, placeBlock } from './paste';
import { useFunding } from './store';
import { useUnsaved } from '../app/unsaved';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;
}

/** Pence as it is typed back: 2000000 → "20,000", 2000050 → "20,000.50". */
function asTyped(pence: number | null): string {
  if (pence === null) return '';
  const pounds = Math.abs(pence) / 100;
  const text = pounds.toLocaleString('en-GB', { minimumFractionDigits: pence % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 });
  return pence < 0 ? `-${text}` : text;
}

/**
 * A cell's key: its row's own key (line:12, award:3) and month column, never the row's
 * position — the grid reloads when someone adds a line or a project, rows below it move, and
 * a figure typed must stay with the line it was typed against.
 */
const keyOfRow = (rowKey: string, col: number) => `${rowKey}@${col}`;

/**
 * Spend by month, one row per budget line or funded project, actual or forecast. Keyboard
 * first (arrows and Enter move between cells) and a block copied from Excel pastes from the
 * cell it lands in, across and down. Save sends every changed cell at once; the workspace
 * checks them all and refuses the lot if one is wrong, naming each cell it refuses.
 */
export function SpendGridView() {
  const grid = useFunding((s) => s.grid);
  const stream = useFunding((s) => s.stream);
  const refresh = useFunding((s) => s.refresh);
  const [kind, setKind] = useState<SpendKind>('actual');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
  /** Each edited cell's amount when its editing began: sent with the save, so a colleague's figure saved meanwhile is not typed over unseen. */
  const was = useRef<Record<string, number | null>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});

  // A move away (or closing the window) with spend typed and not saved asks first. (Before the
  // returns below, as a hook must be: a cell typed back to its saved figure still counts.)
  const typed = Object.keys(edits).length;
  useUnsaved(typed > 0, `${typed} ${kind} figure${typed === 1 ? '' : 's'} typed in the spend grid and not saved`);

  if (!grid || !stream) return <p className="result-count">Loading…</p>;
  if (grid.rows.length === 0) return <p className="empty">There are no budget lines or funded projects in {grid.financialYear} to record spend against.</p>;

  const cellKey = (r: number, c: number) => keyOfRow(grid.rows[r]!.key, c);
  /** Where a cell's key is on the grid as it is now: [row, column], row -1 when its line has gone. */
  const place = (k: string): [number, number] => {
    const at = k.lastIndexOf('@');
    return [grid.rows.findIndex((row) => row.key === k.slice(0, at)), Number(k.slice(at + 1))];
  };
  const stored = (r: SpendRow, c: number) => asTyped(r[kind][c] ?? null);
  const valueOf = (r: number, c: number) => edits[cellKey(r, c)] ?? stored(grid.rows[r]!, c);
  const dirty = Object.keys(edits).filter((k) => {
    const [r, c] = place(k);
    return r >= 0 && edits[k]!.trim() !== stored(grid.rows[r]!, c);
  });

  const focus = (r: number, c: number) => inputs.current[cellKey(Math.max(0, Math.min(grid.rows.length - 1, r)), Math.max(0, Math.min(11, c)))]?.focus();

  const remember = (r: number, c: number) => {
    const k = cellKey(r, c);
    if (!(k in was.current)) was.current[k] = grid.rows[r]![kind][c] ?? null;
  };

  function edit(r: number, c: number, value: string) {
    remember(r, c);
    setEdits((e) => ({ ...e, [cellKey(r, c)]: value }));
    if (errors[cellKey(r, c)]) setErrors((e) => ({ ...e, [cellKey(r, c)]: '' }));
    setMessage(null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, r: number, c: number) {
    const input = e.currentTarget;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) {
      e.preventDefault();
      focus(r + 1, c);
    } else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) {
      e.preventDefault();
      focus(r - 1, c);
    } else if (e.key === 'ArrowRight' && input.selectionStart === input.value.length) {
      e.preventDefault();
      focus(r, c + 1);
    } else if (e.key === 'ArrowLeft' && input.selectionEnd === 0) {
      e.preventDefault();
      focus(r, c - 1);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>, r: number, c: number) {
    const block = parseClipboardBlock(e.clipboardData.getData('text/plain'));
    if (block.length <= 1 && (block[0]?.length ?? 0) <= 1) return; // one cell: the browser pastes it
    e.preventDefault();
    const { cells, outside } = placeBlock(block, { row: r, col: c }, grid!.rows.length, 12);
    for (const cell of cells) remember(cell.row, cell.col);
    setEdits((all) => {
      const next = { ...all };
      for (const cell of cells) next[cellKey(cell.row, cell.col)] = cell.value;
      return next;
    });
    const last = cells[cells.length - 1];
    setMessage(
      `Pasted ${cells.length} cell${cells.length === 1 ? '' : 's'} (${kind}), ${grid!.rows[r]!.label} ${monthLabel(grid!.months[c]!)}` +
        (last ? ` to ${grid!.rows[last.row]!.label} ${monthLabel(grid!.months[last.col]!)}` : '') +
        '. Check them, then save.' +
        (outside > 0 ? ` ${outside} pasted value${outside === 1 ? '' : 's'} fell outside the grid and were not used.` : ''),
    );
  }

  async function save() {
    const sent = dirty.map((k) => {
      const [r, c] = place(k);
      const wasPence = k in was.current ? was.current[k]! : (grid!.rows[r]![kind][c] ?? null);
      return { key: k, cell: { target: grid!.rows[r]!.key, month: grid!.months[c]!, kind, amount: edits[k]!.trim(), wasPence } };
    });
    if (sent.length === 0) return;
    setBusy(true);
    setFormError(null);
    setStale(undefined);
    try {
      const r = await call(api().spend.setCells({ streamId: grid!.streamId, financialYear: grid!.financialYear, cells: sent.map((s) => s.cell) }));
      setEdits({});
      setErrors({});
      was.current = {};
      await refresh();
      setMessage(`Saved: ${r.written} figure${r.written === 1 ? '' : 's'} written${r.deleted ? `, ${r.deleted} cleared` : ''}${r.unchanged ? `, ${r.unchanged} unchanged` : ''}.`);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) {
        const found: Record<string, string> = {};
        for (const p of err.problems) {
          const m = /^cells\.(\d+)\./.exec(p.path);
          const s = m ? sent[Number(m[1])] : undefined;
          if (s) found[s.key] ??= p.message;
        }
        setErrors(found);
        const first = sent.find((s) => found[s.key]);
        if (first) inputs.current[first.key]?.focus();
      }
      setFormError(messageOf(err));
      if (err instanceof ApiError && err.stale) {
        // Show their figures in the grid's totals; your typing stays, and saving again is knowingly over theirs.
        setStale(err.stale);
        await refresh();
        const now = useFunding.getState().grid;
        for (const s of sent) {
          const at = s.key.lastIndexOf('@');
          const row = now?.rows.find((x) => x.key === s.key.slice(0, at));
          was.current[s.key] = row?.[kind][Number(s.key.slice(at + 1))] ?? null;
        }
      }
    } finally {
      setBusy(false);
    }
  }

  const switchKind = (k: SpendKind) => {
    if (dirty.length > 0 && !window.confirm(`Discard ${dirty.length} unsaved change${dirty.length === 1 ? '' : 's'} to the ${kind} figures?`)) return;
    setEdits({});
    was.current = {};
    setErrors({});
    setMessage(null);
    setKind(k);
  };

  return (
    <>
      <div className="toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">Figures</legend>
          {(['actual', 'forecast'] as const).map((k) => (
            <label key={k} className={kind === k ? 'segment segment-on' : 'segment'}>
              <input type="radio" name="spend-kind" value={k} checked={kind === k} onChange={() => switchKind(k)} />
              {k === 'actual' ? 'Actual' : 'Forecast'}
            </label>
          ))}
        </fieldset>
        <p className="hint toolbar-hint">Type £ amounts (20,000 or £1.5k), or copy a block of cells in Excel and paste it into the first cell.</p>
        <button type="button" className="button toolbar-end" disabled={busy || dirty.length === 0} onClick={() => void save()}>
          Save {dirty.length > 0 ? `${dirty.length} change${dirty.length === 1 ? '' : 's'}` : 'changes'}
        </button>
      </div>
      {formError && <ErrorSummary message={formError} title="Nothing was saved" stale={stale} />}
      <p role="status" className="grid-message">
        {message}
      </p>
      <div className="grid-scroll">
        <table className="table spend-grid" aria-label={`${kind === 'actual' ? 'Actual' : 'Forecast'} spend by month, ${grid.financialYear}`}>
          <thead>
            <tr>
              <th scope="col">Budget line or project</th>
              {grid.months.map((m) => (
                <th key={m} scope="col" className="numeric">
                  {monthLabel(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, r) => (
              <tr key={row.key}>
                <th scope="row" className="spend-label">
                  {row.label}
                  {row.costType === 'capital' && <span className="hint"> (capital)</span>}
                </th>
                {grid.months.map((m, c) => {
                  const k = cellKey(r, c);
                  const changed = edits[k] !== undefined && edits[k]!.trim() !== stored(row, c);
                  return (
                    <td key={m} className={errors[k] ? 'cell-error' : changed ? 'cell-dirty' : undefined}>
                      <input
                        ref={(el) => {
                          inputs.current[k] = el;
                        }}
                        className="grid-input"
                        inputMode="decimal"
                        aria-label={`${row.label}, ${monthLabel(m)}, ${kind}`}
                        aria-invalid={errors[k] ? true : undefined}
                        title={errors[k] || undefined}
                        value={valueOf(r, c)}
                        onChange={(e) => edit(r, c, e.target.value)}
                        onKeyDown={(e) => onKeyDown(e, r, c)}
                        onPaste={(e) => onPaste(e, r, c)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {Object.values(errors).some(Boolean) && (
        <ul className="cell-errors">
          {Object.entries(errors)
            .filter(([, m]) => m)
            .map(([k, m]) => (
              <li key={k}>{m}</li>
            ))}
        </ul>
      )}
      <ImportPanel />
    </>
  );
}
