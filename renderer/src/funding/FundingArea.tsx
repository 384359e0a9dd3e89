import { useEffect, useState } from 'react';
import { formatPence } from '../../../main/shared/money';
import { ErrorSummary } from '../components/ErrorSummary';
import { StreamForm } from './StreamForm';
import { StreamPage } from './StreamPage';
import { useFunding } from './store';
import './funding.css';

/** Funding: the list of funding streams; a stream opens in place of the list. */
export function FundingArea() {
  const streamId = useFunding((s) => s.streamId);
  return streamId === null ? <StreamsList /> : <StreamPage />;
}

function StreamsList() {
  const streams = useFunding((s) => s.streams);
  const error = useFunding((s) => s.error);
  const load = useFunding((s) => s.loadStreams);
  const open = useFunding((s) => s.open);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>Funding</h1>
      <div className="toolbar">
        <p className="result-count" role="status">
          {streams.length} funding {streams.length === 1 ? 'stream' : 'streams'}
        </p>
        <button type="button" className="button toolbar-end" onClick={() => setAdding(true)}>
          Add funding stream
        </button>
      </div>
      {error && <ErrorSummary message={error} />}
      {streams.length === 0 ? (
        <p className="empty">No funding streams yet. Add the first with “Add funding stream”, or load the demonstration workspace from the Dashboard.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Funding streams</caption>
          <thead>
            <tr>
              <th scope="col">Funding stream</th>
              <th scope="col">Reference</th>
              <th scope="col">Funder</th>
              <th scope="col">Years</th>
              <th scope="col" className="numeric">
                Allocation
              </th>
              <th scope="col" className="numeric">
                Funded projects
              </th>
            </tr>
          </thead>
          <tbody>
            {streams.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <button type="button" className="button-link" onClick={() => void open(s.id)}>
                    {s.name}
                  </button>
                </th>
                <td>{s.reference}</td>
                <td>{s.funder}</td>
                <td>{s.firstYear === s.lastYear ? s.firstYear : `${s.firstYear} to ${s.lastYear}`}</td>
                <td className="numeric">{formatPence(s.totalAllocationPence)}</td>
                <td className="numeric">{s.awardCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <StreamForm onClose={() => setAdding(false)} />}
    </>
  );
}
