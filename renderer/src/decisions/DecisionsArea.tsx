import { useEffect, useSyncExternalStore } from 'react';
import { DecisionLog } from './DecisionLog';
import { SearchView } from './SearchView';
import { useDecisions } from './store';
import './decisions.css';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Decisions: the log (#/decisions) and the search over decisions, papers and minutes (#/decisions/search). */
export function DecisionsArea() {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const view = hash.startsWith('#/decisions/search') ? 'search' : 'log';
  const loadDirectory = useDecisions((s) => s.loadDirectory);

  useEffect(() => {
    void loadDirectory();
  }, [loadDirectory]);

  return (
    <>
      <h1>Decisions</h1>
      <nav aria-label="Decisions views" className="subnav">
        <a href="#/decisions" aria-current={view === 'log' ? 'page' : undefined}>
          Decisions log
        </a>
        <a href="#/decisions/search" aria-current={view === 'search' ? 'page' : undefined}>
          Search decisions, papers and minutes
        </a>
      </nav>
      {view === 'search' ? <SearchView /> : <DecisionLog />}
    </>
  );
}
