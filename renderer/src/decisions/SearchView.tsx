import { useState, type FormEvent } from 'react';
import type { SearchHit } from '../../../main/decisions/contract';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { useDecisions } from './store';

const KINDS = [
  { value: 'decision', label: 'Decisions' },
  { value: 'paper', label: 'Papers' },
  { value: 'minutes', label: 'Minutes' },
] as const;
type Kind = (typeof KINDS)[number]['value'];

function where(hit: SearchHit): string {
  if (hit.paperId) return `#/papers/${hit.paperId}`;
  if (hit.kind === 'minutes' && hit.meetingId) return `#/meetings/${hit.meetingId}`;
  return `#/decisions?id=${hit.decisionId}`;
}

/** Full-text search; the words that matched are marked (the workspace says which). */
export function SearchView() {
  const hits = useDecisions((s) => s.hits);
  const searched = useDecisions((s) => s.searched);
  const search = useDecisions((s) => s.search);
  const [q, setQ] = useState(searched);
  const [kinds, setKinds] = useState<Kind[]>(['decision', 'paper', 'minutes']);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await search(q, kinds);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <>
      <form className="toolbar search-form" role="search" onSubmit={(e) => void submit(e)}>
        <div className="field field-inline">
          <label htmlFor="search-q">Search for</label>
          <input id="search-q" className="input input-medium" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        </div>
        <fieldset className="search-kinds">
          <legend className="visually-hidden">Search in</legend>
          {KINDS.map((k) => (
            <label key={k.value} className="checkbox-inline">
              <input
                type="checkbox"
                checked={kinds.includes(k.value)}
                onChange={(e) => setKinds((old) => (e.target.checked ? [...old, k.value] : old.filter((x) => x !== k.value)))}
              />{' '}
              {k.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {error && <ErrorSummary message={error} />}
      <p className="result-count" role="status">
        {searched ? `${hits.length} ${hits.length === 1 ? 'result' : 'results'} for “${searched}”` : ''}
      </p>
      <ol className="search-results">
        {hits.map((h) => (
          <li key={`${h.kind}-${h.refId}`} className="search-hit">
            <p className="search-hit-kind">{h.kind === 'decision' ? 'Decision' : h.kind === 'paper' ? 'Paper' : 'Minutes'}</p>
            <a href={where(h)} className="search-hit-title">
              {h.title}
            </a>
            <p className="search-snippet">
              {h.snippet.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
