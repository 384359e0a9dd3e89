import { useState, type ChangeEvent } from 'react';
import type { ImportMapping, ImportPreview, ImportTable } from '../../../main/funding/contract';
import type { StaleDetail } from '../../../main/shared/errors';
import { formatPence } from '../../../main/shared/money';
import { api, call, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { staleOf } from '../components/StaleDetails';
import { useFunding } from './store';
import { TableScroll } from '../components/TableScroll';

/** A file's bytes as base64, for an import's read operation (the bid import's too). */
export function base64(buffer: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const OUTCOME_LABELS = { new: 'New', changed: 'Changed', unchanged: 'Unchanged', rejected: 'Rejected' } as const;

/**
 * Import from a finance system's .xlsx or .csv: choose the file, say which column is which
 * (remembered per source), preview what would change and why rows are rejected, then write
 * it all in one go.
 */
export function ImportPanel() {
  const streamId = useFunding((s) => s.streamId)!;
  const refresh = useFunding((s) => s.refresh);
  const [source, setSource] = useState('Finance ledger');
  const [table, setTable] = useState<ImportTable | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setError(null);
    setPreview(null);
    setDone(null);
    try {
      const r = await call(api().spend.importRead({ streamId, source, fileName: file.name, contentBase64: base64(await file.arrayBuffer()) }));
      setTable(r.table);
      setMapping(r.mapping);
      setDone(r.remembered ? `Using the columns remembered for “${source}”.` : null);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function run(commit: boolean) {
    if (!table || !mapping) return;
    setBusy(true);
    setError(null);
    setStale(undefined);
    try {
      const input = { streamId, source, mapping, table };
      // The import goes on the preview shown: refused, naming who, if a figure it would write has changed since.
      const r = commit && preview ? await call(api().spend.importCommit({ ...input, basis: preview.basis })) : await call(api().spend.importPreview(input));
      setPreview(r);
      if (commit) {
        setDone(`Imported: ${r.counts.new} new and ${r.counts.changed} changed monthly figures written; ${r.counts.rejected} rejected. The columns are remembered for “${source}”.`);
        setTable(null);
        await refresh();
      }
    } catch (err) {
      setError(messageOf(err));
      const st = staleOf(err);
      setStale(st);
      // Refused because figures moved since the preview: the preview no longer says what would happen.
      if (st) setPreview(null);
    } finally {
      setBusy(false);
    }
  }

  const column = (field: keyof Omit<ImportMapping, 'defaultKind'>, label: string, optional = false) => (
    <div className="field">
      <label htmlFor={`import-${field}`}>{label}</label>
      <select id={`import-${field}`} className="select" value={mapping?.[field] ?? ''} onChange={(e) => setMapping((m) => m && { ...m, [field]: e.target.value })}>
        {optional && <option value="">None: every row is {mapping?.defaultKind ?? 'actual'}</option>}
        {!optional && <option value="">Choose a column</option>}
        {table?.headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="section import-panel" aria-labelledby="import-title">
      <h2 id="import-title">Import from a finance system</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="import-source">Source</label>
          <p className="hint">The system or report; its column choices are remembered under this name.</p>
          <input id="import-source" className="input input-medium" value={source} onChange={(e) => setSource(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="import-file">File (.xlsx or .csv)</label>
          <input id="import-file" type="file" accept=".xlsx,.csv" onChange={(e) => void choose(e)} />
        </div>
      </div>
      {error && <ErrorSummary message={error} stale={stale} />}
      {done && <p role="status">{done}</p>}
      {table && mapping && (
        <>
          <p className="hint">
            {table.fileName}
            {table.sheetName && `, sheet “${table.sheetName}”`}: {table.rows.length} rows. Rows for the same line and month are added together and replace that month’s figure.
          </p>
          <div className="field-row mapping">
            {column('date', 'Date or month')}
            {column('target', 'Cost centre, heading or project')}
            {column('amount', 'Amount')}
            {column('kind', 'Actual or forecast', true)}
          </div>
          <div className="button-row">
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run(false)}>
              Preview
            </button>
            {preview && (
              <button type="button" className="button" disabled={busy || preview.counts.new + preview.counts.changed === 0} onClick={() => void run(true)}>
                Import {preview.counts.new + preview.counts.changed} figures
              </button>
            )}
          </div>
        </>
      )}
      {preview && (
        <TableScroll label="Import preview">
          <table className="table import-preview">
            <caption>
              {preview.counts.new} new, {preview.counts.changed} changed, {preview.counts.unchanged} unchanged, {preview.counts.rejected} rejected
            </caption>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">Rows</th>
                <th scope="col">Line or project</th>
                <th scope="col">Month</th>
                <th scope="col" className="numeric">
                  Amount
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r, i) => (
                <tr key={i} className={`fate-${r.outcome}`}>
                  <td>{OUTCOME_LABELS[r.outcome]}</td>
                  <td>{r.sourceRows.join(', ')}</td>
                  <td>{r.targetLabel || r.target}</td>
                  <td>
                    {r.month} {r.kind}
                  </td>
                  <td className="numeric">{r.amountPence === null ? '—' : formatPence(r.amountPence, { alwaysPence: true })}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
