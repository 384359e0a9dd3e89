import { useEffect, useState } from 'react';
import type { WorkspaceInfo } from '../../../main/workspace/contract';
import { hrefOf } from '../app/areas';
import { useNavigation } from '../app/navigation';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { DueThisWeek } from './DueThisWeek';
import { useWorkspace } from './store';

const COUNT_LABELS: [keyof WorkspaceInfo['counts'], string][] = [
  ['organisations', 'Organisations'],
  ['people', 'People'],
  ['boards', 'Boards and groups'],
  ['meetings', 'Meetings'],
  ['papers', 'Papers'],
  ['decisions', 'Decisions'],
  ['actions', 'Actions'],
  ['indicators', 'Indicators'],
  ['fundingStreams', 'Funding streams'],
  ['awards', 'Funded projects'],
];

/** What the workspace holds, from the workspace itself; on first run, the choice of how to start. */
export function Dashboard() {
  const info = useWorkspace((s) => s.info);
  const error = useWorkspace((s) => s.error);
  const startedEmpty = useWorkspace((s) => s.startedEmpty);
  const load = useWorkspace((s) => s.load);
  const startEmpty = useWorkspace((s) => s.startEmpty);
  const loadDemo = useWorkspace((s) => s.loadDemo);
  const requestOpenForm = useWorkspace((s) => s.requestOpenForm);
  const [confirmDemo, setConfirmDemo] = useState(false);

  useEffect(() => {
    load().catch(() => {});
  }, [load]);

  return (
    <>
      <h1>Dashboard</h1>
      {error && <ErrorSummary message={error} />}
      {info?.isEmpty && !startedEmpty && (
        <section className="panel first-run" aria-labelledby="first-run-title">
          <h2 id="first-run-title">This workspace is empty</h2>
          <p>Choose how to start. You can add your own records whichever you choose.</p>
          <div className="button-row">
            <button type="button" className="button" onClick={startEmpty}>
              Start with an empty workspace
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirmDemo(true)}>
              Load the Kent &amp; Medway demonstration data
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                requestOpenForm(true);
                useNavigation.getState().go('settings');
              }}
            >
              Connect to a team workspace (PostgreSQL)…
            </button>
          </div>
        </section>
      )}
      {info?.isEmpty && startedEmpty && (
        <section className="panel" aria-labelledby="next-title">
          <h2 id="next-title">Getting started</h2>
          <p>
            Start by adding the partner organisations and the people who sit on your boards, in{' '}
            <a href={hrefOf('people')}>Organisations &amp; People</a>. Set your organisation&apos;s name in{' '}
            <a href={hrefOf('settings')}>Settings</a>.
          </p>
        </section>
      )}
      {info && !info.isEmpty && <DueThisWeek />}
      {info && (
        <section aria-labelledby="counts-title">
          <h2 id="counts-title">In this workspace</h2>
          <dl className="counts">
            {COUNT_LABELS.map(([key, label]) => (
              <div key={key} className="count">
                <dt>{label}</dt>
                <dd>{info.counts[key].toLocaleString('en-GB')}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {confirmDemo && (
        <ConfirmDialog
          title="Load the demonstration data?"
          confirmLabel="Load the demonstration data"
          onConfirm={loadDemo}
          onClose={() => setConfirmDemo(false)}
        >
          <p>
            This fills the workspace with the Kent &amp; Medway example: the Strategic Board and its member organisations, the
            funds and funded projects, the Home Office success measures and a meeting with its paper.
          </p>
          <p>It can only be done while the workspace is empty, and the records it adds are real records in this file.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
