import { useState } from 'react';
import type { PaperDetail, VersionComparison } from '../../../main/papers/contract';
import { api, call, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField } from '../components/fields';
import { stamp } from './text';

/** The versions kept at each status change (and at each agenda pack issue), and a comparison of any two. */
export function VersionsPanel({ detail }: { detail: PaperDetail }) {
  const versions = detail.versions;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const [diff, setDiff] = useState<VersionComparison | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (versions.length === 0) {
    return (
      <section className="section" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <p className="hint">A version is kept each time the paper’s status changes (for example when it is sent for review).</p>
      </section>
    );
  }
  const options = versions.map((v) => ({ value: String(v.id), label: `Version ${v.number}: ${v.label}, ${stamp(v.createdAt)}` }));
  const fromValue = from || String(versions[versions.length - 1]!.id);

  async function compare() {
    setError(null);
    try {
      setDiff(await call(api().paper.compare({ id: detail.id, from: Number(fromValue), to: to === 'current' ? null : Number(to) })));
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="section" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <div className="field-row">
        <SelectField name="compareFrom" label="Compare" value={fromValue} onChange={setFrom} options={options} />
        <SelectField name="compareTo" label="with" value={to} onChange={setTo} options={[{ value: 'current', label: 'The current text' }, ...options]} />
        <div className="field">
          <button type="button" className="button button-secondary" onClick={() => void compare()}>
            Compare
          </button>
        </div>
      </div>
      {error && <ErrorSummary message={error} />}
      {diff && <Comparison diff={diff} />}
    </section>
  );
}

function Comparison({ diff }: { diff: VersionComparison }) {
  const changed = diff.sections.filter((s) => s.change !== 'unchanged');
  return (
    <div className="comparison" aria-live="polite">
      <p>
        <strong>{diff.from.label}</strong> compared with <strong>{diff.to.label}</strong>.{' '}
        {changed.length === 0 ? 'No section has changed.' : `${changed.length} ${changed.length === 1 ? 'section has' : 'sections have'} changed.`}
      </p>
      {diff.titleBefore !== diff.titleAfter && (
        <p>
          Title: <del>{diff.titleBefore}</del> <ins>{diff.titleAfter}</ins>
        </p>
      )}
      {changed.map((s) => (
        <div key={s.key} className={`diff-section diff-${s.change}`}>
          <h3>
            {s.heading} <span className="hint">({s.change === 'added' ? 'new section' : s.change === 'removed' ? 'section removed' : 'changed'})</span>
          </h3>
          <ul className="diff-lines">
            {s.lines
              .filter((l) => l.op !== 'same')
              .map((l, i) => (
                <li key={i} className={`diff-${l.op}`}>
                  <span className="visually-hidden">{l.op === 'added' ? 'Added: ' : l.op === 'removed' ? 'Removed: ' : 'Changed: '}</span>
                  {l.op === 'changed' && l.words
                    ? l.words.map((w, j) => (w.op === 'same' ? <span key={j}>{w.value}</span> : w.op === 'added' ? <ins key={j}>{w.value}</ins> : <del key={j}>{w.value}</del>))
                    : l.op === 'removed'
                      ? <del>{l.text}</del>
                      : <ins>{l.text}</ins>}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
