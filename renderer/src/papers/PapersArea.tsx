import { useEffect } from 'react';
import { AgendaPacks } from './AgendaPacks';
import { NewPaperForm } from './NewPaperForm';
import { PaperEditor } from './PaperEditor';
import { PaperList } from './PaperList';
import { routeOf, usePapersHash } from './route';
import { usePapers } from './store';
import './papers.css';

/** Papers: the list, a new paper from a template, the editor, and the agenda packs. */
export function PapersArea() {
  const route = routeOf(usePapersHash());
  const loadDirectory = usePapers((s) => s.loadDirectory);
  const flush = usePapers((s) => s.flush);

  useEffect(() => {
    void loadDirectory();
    // Whatever is typed is saved before the area is left.
    return () => void flush();
  }, [loadDirectory, flush]);

  if (route.view === 'paper') return <PaperEditor id={route.id} />;
  return (
    <>
      <h1>Papers</h1>
      <nav aria-label="Papers views" className="subnav">
        <a href="#/papers" aria-current={route.view === 'list' ? 'page' : undefined}>
          Papers
        </a>
        <a href="#/papers/new" aria-current={route.view === 'new' ? 'page' : undefined}>
          New paper
        </a>
        <a href="#/papers/packs" aria-current={route.view === 'packs' ? 'page' : undefined}>
          Agenda packs
        </a>
      </nav>
      {route.view === 'new' ? <NewPaperForm /> : route.view === 'packs' ? <AgendaPacks /> : <PaperList />}
    </>
  );
}
