import { useState, type ChangeEvent } from 'react';
import type { ImportTable } from '../../../main/funding/contract';
import type { BidImportMapping, BidImportPreview, FundingRound } from '../../../main/grants/contract';
import { formatPence } from '../../../main/shared/money';
import { api, call, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { TableScroll } from '../components/TableScroll';
import { base64 } from '../funding/ImportPanel';
import { write } from '../queries';
import { GRANT_TABLES } from './RoundsView';

const OUTCOME_LABELS = { new: 'New bid', duplicate: 'Already entered', rejected: 'Rejected' } as const;

type ColumnField = keyof Omit<BidImportMapping, 'amounts'>;
const COLUMNS: [ColumnField, string, boolean][] = [
  ['organisation', 'Organisation', true],
  ['organisationKind', 'Kind of organisation (for new ones)', false],
  ['project', 'Project', true],
  ['description', 'Description', false],
  ['theme', 'Theme', false],
  ['tier', 'Tier', false],
  ['outcomes', 'Outcomes promised', false],
  ['matchFunding', 'Match funding', false],
  ['documents', 'Documents', false],
  ['receivedOn', 'Received on', false],
];

/**
 * Bids from an online form's export (.csv or .xlsx), as the spend import works: choose the
 * file, say which column is which, preview each row against the round's rules (new, already
 * entered or rejected, with the warnings), then enter the new bids in one go.
 */
export function BidImportPanel({ round }: { round: FundingRound }) {
  const [table, setTable] = useState<ImportTable | null>(null);
  const [mapping, setMapping] = useState<BidImportMapping | null>(null);
  const [preview, setPreview] = useState<BidImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setError(null);
    setPreview(null);
    setDone(null);
    try {
      const r = await call(api().bid.importRead({ roundId: round.id, fileName: file.name, contentBase64: base64(await file.arrayBuffer()) }));
      setTable(r.table);
      setMapping(r.mapping);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function run(commit: boolean) {
    if (!table || !mapping) return;
    setBusy(true);
    setError(null);
    try {
      const input = { roundId: round.id, mapping, table };
      const r = commit ? await write(api().bid.importCommit(input), GRANT_TABLES) : await call(api().bid.importPreview(input));
      setPreview(r);
      if (commit) {
        const warned = r.rows.filter((x) => x.outcome === 'new' && x.warnings.length > 0).length;
        setDone(
          `Entered ${r.counts.new} ${r.counts.new === 1 ? 'bid' : 'bids'}${r.newOrganisations ? `, adding ${r.newOrganisations} new organisations` : ''}; ${warned} with points to note; ${r.counts.duplicate} already entered and ${r.counts.rejected} rejected were left out.`,
        );
        setTable(null);
      }
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const select = (id: string, value: string, onChange: (v: string) => void, required: boolean) => (
    <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{required ? 'Choose a column' : 'None'}</option>
      {table?.headers.map((h) => (
        <option key={h} value={h}>
          {h}
        </option>
      ))}
    </select>
  );
  const amountColumn = (fy: string) => mapping?.amounts.find((a) => a.financialYear === fy)?.column ?? '';
  const setAmount = (fy: string, column: string) =>
    setMapping((m) => m && { ...m, amounts: round.years.map((y) => ({ financialYear: y, column: y === fy ? column : amountColumn(y) })).filter((a) => a.column !== '') });

  return (
    <section className="section import-panel" aria-labelledby="bid-import-title">
      <h3 id="bid-import-title">Import bids from a file</h3>
      <div className="field">
        <label htmlFor="bid-import-file">An online form’s export (.csv or .xlsx), one bid a row</label>
        <input id="bid-import-file" type="file" accept=".xlsx,.csv" onChange={(e) => void choose(e)} />
      </div>
      {error && <ErrorSummary message={error} />}
      {done && <p role="status">{done}</p>}
      {table && mapping && (
        <>
          <p className="hint">
            {table.fileName}
            {table.sheetName && `, sheet “${table.sheetName}”`}: {table.rows.length} rows. Organisations not yet in Organisations are added as the bids are entered.
          </p>
          <div className="field-row mapping">
            {COLUMNS.map(([field, label, required]) => (
              <div className="field" key={field}>
                <label htmlFor={`bid-import-${field}`}>{label}</label>
                {select(`bid-import-${field}`, mapping[field], (v) => setMapping((m) => m && { ...m, [field]: v }), required)}
              </div>
            ))}
            {round.years.map((fy) => (
              <div className="field" key={fy}>
                <label htmlFor={`bid-import-amount-${fy.replace('/', '-')}`}>Amount asked for {fy}</label>
                {select(`bid-import-amount-${fy.replace('/', '-')}`, amountColumn(fy), (v) => setAmount(fy, v), false)}
              </div>
            ))}
          </div>
          <div className="button-row">
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run(false)}>
              Preview
            </button>
            {preview && (
              <button type="button" className="button" disabled={busy || preview.counts.new === 0} onClick={() => void run(true)}>
                Enter {preview.counts.new} {preview.counts.new === 1 ? 'bid' : 'bids'}
              </button>
            )}
          </div>
        </>
      )}
      {preview && (
        <TableScroll label="Bid import preview">
          <table className="table import-preview">
            <caption>
              {preview.counts.new} new, {preview.counts.duplicate} already entered, {preview.counts.rejected} rejected; {preview.newOrganisations} new organisations
            </caption>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">Row</th>
                <th scope="col">Organisation</th>
                <th scope="col">Project</th>
                <th scope="col" className="numeric">
                  Total asked
                </th>
                <th scope="col">Why, and points to note</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.sourceRow} className={`fate-${r.outcome === 'new' ? 'new' : r.outcome === 'duplicate' ? 'unchanged' : 'rejected'}`}>
                  <td>{OUTCOME_LABELS[r.outcome]}</td>
                  <td>{r.sourceRow}</td>
                  <td>
                    {r.organisationName}
                    {r.newOrganisation && ' (new)'}
                  </td>
                  <td>{r.project}</td>
                  <td className="numeric">{r.totalPence ? formatPence(r.totalPence) : '—'}</td>
                  <td>
                    {r.reason}
                    {r.warnings.map((w, i) => (
                      <p key={i} className="inline-warning" data-code={w.code}>
                        {w.message}
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
