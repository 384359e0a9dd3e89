import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../components/ErrorSummary';
import { Dashboard } from '../workspace/Dashboard';
import { connectedAsLabel, useWorkspace, workspaceTitle } from '../workspace/store';
import { AREAS, hrefOf, type AreaId } from './areas';
import { useNavigation } from './navigation';
import { WorkspaceBanner } from './WorkspaceBanner';
import { LeaveDialog } from './LeaveDialog';
import { ChangesNotice } from '../changes/ChangesNotice';
import { startChangesPoller } from '../changes/poller';

// Code split per area (issue 9, point 4): the dashboard, the first screen, is in the main
// script; every other area is its own chunk (recharts, the paper editor and the funding tables
// are not parsed before the dashboard can paint). Once the workspace has answered, every chunk
// is fetched in the background, so a move to another area finds it loaded and draws at once.
// Not React.lazy: its Suspense reveal waits on a timer, and a move between areas should be as
// immediate as it was before the split.
type Area = React.ComponentType & { preload: () => Promise<unknown> };

function lazyArea<K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K): Area {
  let loaded: React.ComponentType | null = null;
  let loading: Promise<React.ComponentType> | null = null;
  const fetchChunk = () => (loading ??= load().then((m) => (loaded = m[name])));
  function LazyArea() {
    const [failed, setFailed] = useState<string | null>(null);
    const [, setReady] = useState(loaded !== null);
    useEffect(() => {
      if (loaded === null) fetchChunk().then(() => setReady(true), (err: unknown) => setFailed(err instanceof Error ? err.message : String(err)));
    }, []);
    if (failed) return <ErrorSummary message={`This screen could not be loaded (${failed}). Reload the window to try again.`} />;
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Loading />;
  }
  return Object.assign(LazyArea, { preload: fetchChunk });
}
const MeetingsArea = lazyArea(() => import('../meetings/MeetingsArea'), 'MeetingsArea');
const ActionsArea = lazyArea(() => import('../actions/ActionsArea'), 'ActionsArea');
const PapersArea = lazyArea(() => import('../papers/PapersArea'), 'PapersArea');
const DecisionsArea = lazyArea(() => import('../decisions/DecisionsArea'), 'DecisionsArea');
const PeopleArea = lazyArea(() => import('../people/PeopleArea'), 'PeopleArea');
const PerformanceArea = lazyArea(() => import('../performance/PerformanceArea'), 'PerformanceArea');
const FundingArea = lazyArea(() => import('../funding/FundingArea'), 'FundingArea');
const Settings = lazyArea(() => import('../workspace/Settings'), 'Settings');
const LAZY_AREAS: Area[] = [MeetingsArea, ActionsArea, PapersArea, DecisionsArea, PeopleArea, PerformanceArea, FundingArea, Settings];

/** While an area's chunk loads (a local file: a few milliseconds), say so to a screen reader. */
function Loading() {
  return (
    <p className="loading" role="status">
      Loading…
    </p>
  );
}

function Screen({ area }: { area: AreaId }): React.JSX.Element {
  return <AreaScreen area={area} />;
}

function AreaScreen({ area }: { area: AreaId }): React.JSX.Element {
  switch (area) {
    case 'dashboard':
      return <Dashboard />;
    case 'meetings':
      return <MeetingsArea />;
    case 'actions':
      return <ActionsArea />;
    case 'papers':
      return <PapersArea />;
    case 'decisions':
      return <DecisionsArea />;
    case 'people':
      return <PeopleArea />;
    case 'performance':
      return <PerformanceArea />;
    case 'funding':
      return <FundingArea />;
    case 'settings':
      return <Settings />;
  }
}

/** The shell: header with the workspace's name, the navigation to every area, the screen. */
export function App() {
  const area = useNavigation((s) => s.area);
  const info = useWorkspace((s) => s.info);
  const error = useWorkspace((s) => s.error);
  const load = useWorkspace((s) => s.load);
  const main = useRef<HTMLElement>(null);
  const firstArea = useRef(area);
  // On a narrow window the areas fold behind a Menu button (WCAG 1.4.10 reflow). It is open for
  // the area it was opened on, so a move to another area closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<AreaId | null>(null);
  const menuOpen = menuOpenOn === area;

  useEffect(() => {
    // The end-to-end tests wait for this instead of sleeping: the workspace has answered.
    load().then(
      () => {
        document.body.dataset.ready = 'true';
        // The other areas' chunks, now the first screen is up (a failure shows when that area is opened).
        for (const a of LAZY_AREAS) a.preload().catch(() => undefined);
      },
      () => (document.body.dataset.ready = 'error'),
    );
  }, [load]);

  // Others' changes reach the screen while it is open (issue 14): one poller for the app.
  useEffect(() => startChangesPoller(), []);

  useEffect(() => {
    const label = AREAS.find((a) => a.id === area)?.label ?? '';
    document.title = `${label} — Board Secretariat`;
    // After a move between areas, put focus at the top of the new screen (as a page load would).
    if (firstArea.current !== area) main.current?.focus();
    firstArea.current = area;
  }, [area]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Focus the content without touching the hash, which holds the area.
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="header">
        <span className="header-product">Board Secretariat</span>
        {info && (
          <span className="header-workspace" title={info.path}>
            {workspaceTitle(info)}
          </span>
        )}
        {connectedAsLabel(info) && <span className="header-connected">{connectedAsLabel(info)}</span>}
      </header>
      <WorkspaceBanner />
      <div className="body">
        <nav className={menuOpen ? 'nav nav-open' : 'nav'} aria-label="Areas">
          <button type="button" className="nav-toggle" aria-expanded={menuOpen} aria-controls="nav-areas" onClick={() => setMenuOpenOn(menuOpen ? null : area)}>
            Menu<span className="visually-hidden">: {AREAS.find((a) => a.id === area)?.label}</span>
          </button>
          <ul id="nav-areas">
            {AREAS.map((a) => (
              <li key={a.id}>
                <a href={hrefOf(a.id)} aria-current={a.id === area ? 'page' : undefined} className="nav-link">
                  {a.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="main" id="main" ref={main} tabIndex={-1}>
          {error && !info ? (
            <div className="error-summary" role="alert">
              <p className="error-summary-title">The workspace could not be opened</p>
              <p>{error}</p>
            </div>
          ) : (
            <Screen area={area} />
          )}
        </main>
      </div>
      <ChangesNotice />
      <LeaveDialog />
    </div>
  );
}
