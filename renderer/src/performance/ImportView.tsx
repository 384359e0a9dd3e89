import { useState, type ChangeEvent } from 'react';
import type { ColumnMapping, ImportPreview, ImportResult } from '../../../main/performance/contract';
import type { StaleDetail } from '../../../main/shared/errors';
import { messageOf } from '../api';
import { staleOf } from '../components/StaleDetails';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { optionsOf, SelectField } from '../components/fields';
import { usePerformance } from './store';

const ROLES: { key: keyof ColumnMapping; label: string; required: boolean }[] = [
  { key: 'indicator', label: 'Indicator code', required: false },
  { key: 'period', label: 'Period', required: true },
  { key: 'value', label: 'Value', required: true },
  { key: 'status', label: 'Status (provisional or final)', required: false },
  { key: 'note', label: 'Note', required: false },
];

const FATES: Record<string, string> = { new: 'New', changed: 'Changed', unchanged: 'Unchanged', rejected: 'Rejected' };

function base64Of(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import values from .xlsx or .csv: choose the file, match its columns, and see what would
 * happen to each row before anything is written; then import the new and changed rows in
 * one go. Rejected rows are listed with the reason and left out.
 */
export function ImportView() {
  const indicators = usePerformance((s) => s.indicators);
  const organisations = usePerformance((s) => s.organisations);
  const previewImport = usePerformance((s) => s.previewImport);
  const applyImport = usePerformance((s) => s.applyImport);
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [indicatorId, setIndicatorId] = useState('');
  const [supplier, setSupplier] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(next: { file?: { name: string; content: string }; mapping?: ColumnMapping | null; sheet?: string | null; indicatorId?: string }) {
    const f = next.file ?? file;
    if (!f) return;
    const ind = next.indicatorId ?? indicatorId;
    setBusy(true);
    setError(null);
    setStale(undefined);
    setResult(null);
    try {
      const p = await previewImport({
        fileName: f.name,
        contentBase64: f.content,
        sheet: next.sheet !== undefined ? next.sheet : (preview?.sheet ?? null),
        mapping: next.mapping !== undefined ? next.mapping : (preview?.mapping ?? null),
        indicatorId: ind === '' ? null : Number(ind),
      });
      setPreview(p);
    } catch (err) {
      setPreview(null);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    if (!chosen) return;
    const f = { name: chosen.name, content: base64Of(await chosen.arrayBuffer()) };
    setFile(f);
    setPreview(null);
    await run({ file: f, mapping: null, sheet: null });
  }

  async function apply() {
    if (!preview) return;
    setBusy(true);
    setError(null);
    setStale(undefined);
    try {
      const r = await applyImport({
        rows: preview.rows,
        indicatorId: indicatorId === '' ? null : Number(indicatorId),
        suppliedByOrganisationId: supplier === '' ? null : Number(supplier),
        receivedOn: null,
        expect: { new: preview.counts.new, changed: preview.counts.changed },
        // The import goes on the preview shown: refused, naming who, if a value it would write has changed since.
        basis: preview.basis,
      });
      setResult(r);
      setPreview(null);
      setStale(undefined);
    } catch (err) {
      setError(messageOf(err));
      const st = staleOf(err);
      setStale(st);
      // Refused because values moved since the preview: the preview no longer says what would happen.
      if (st) setPreview(null);
    } finally {
      setBusy(false);
    }
  }

  const toWrite = preview ? preview.counts.new + preview.counts.changed : 0;
  return (
    <section className="section import">
      <p className="hint">
        An Excel workbook (.xlsx) or a CSV file, one row per period: a period column (e.g. 2019-04, Apr 2019, 2019/20 Q1 or 2019/20) and a value column, and
        optionally the indicator code, the status and a note. Nothing is written until you press Import.
      </p>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="import-file">Spreadsheet</label>
          <input id="import-file" type="file" accept=".xlsx,.csv,.txt,.tsv" onChange={(e) => void choose(e)} />
        </div>
        <SelectField
          name="import-indicator"
          label="Indicator for rows without a code"
          value={indicatorId}
          onChange={(v) => {
            setIndicatorId(v);
            void run({ indicatorId: v });
          }}
          options={optionsOf(indicators, (i) => `${i.code} ${i.name}`, 'None: the file has an indicator column')}
        />
        <SelectField name="import-supplier" label="Supplied by" value={supplier} onChange={setSupplier} options={optionsOf(organisations, (o) => o.name, 'Not recorded')} />
      </div>
      {error && <ErrorSummary message={error} title={stale ? 'Changed by someone else since your preview' : 'The file could not be imported'} stale={stale} />}
      {result && (
        <p className="result-count" role="status">
          Imported: {result.counts.new} new, {result.counts.changed} changed; {result.counts.unchanged} unchanged and {result.counts.rejected} rejected rows were left
          out.
        </p>
      )}
      {preview && (
        <>
          {preview.sheets.length > 1 && (
            <div className="field field-inline">
              <label htmlFor="import-sheet">Sheet</label>
              <select id="import-sheet" className="select" value={preview.sheet} onChange={(e) => void run({ sheet: e.target.value, mapping: null })}>
                {preview.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          )}
          <fieldset className="fieldset mapping">
            <legend>Which column holds what</legend>
            <div className="field-row">
              {ROLES.map((role) => (
                <div className="field" key={role.key}>
                  <label htmlFor={`map-${role.key}`}>{role.label}</label>
                  <select
                    id={`map-${role.key}`}
                    className="select"
                    value={preview.mapping[role.key] === null ? '' : String(preview.mapping[role.key])}
                    onChange={(e) => void run({ mapping: { ...preview.mapping, [role.key]: e.target.value === '' ? null : Number(e.target.value) } })}
                  >
                    <option value="">{role.required ? 'Choose a column' : 'Not in the file'}</option>
                    {preview.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
          {preview.mappingProblems.length > 0 ? (
            <ErrorSummary message={preview.mappingProblems.join('. ') + '.'} title="Match the columns first" />
          ) : (
            <>
              <p className="result-count" role="status">
                {preview.fileName}: {preview.counts.new} new, {preview.counts.changed} changed, {preview.counts.unchanged} unchanged, {preview.counts.rejected} rejected
              </p>
              <DataTable
                caption={`What importing ${preview.fileName} would do to each row`}
                className="table import-preview"
                rows={preview.rows}
                rowKey={(r) => r.row}
                rowClassName={(r) => `fate-${r.fate}`}
                rowData={(r) => ({ row: r.row })}
                columns={[
                  { header: 'Row', rowHeader: true, cell: (r) => r.row },
                  { header: 'Indicator', cell: (r) => r.indicatorCode ?? String(r.indicator ?? '') },
                  { header: 'Period', cell: (r) => r.periodLabel?.replace(/ \(.*\)$/, '') ?? String(r.period ?? '') },
                  { header: 'Value', cell: (r) => String(r.value ?? '') },
                  { header: 'Result', cell: (r) => <span className={`fate fate-tag-${r.fate}`}>{FATES[r.fate]}</span> },
                  { header: 'Why', cell: (r) => r.reason },
                ]}
              />
              <div className="button-row">
                <button type="button" className="button" disabled={busy || toWrite === 0} onClick={() => void apply()}>
                  Import {toWrite} value{toWrite === 1 ? '' : 's'}
                </button>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
