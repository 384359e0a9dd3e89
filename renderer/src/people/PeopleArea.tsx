import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { OrganisationsTab } from './OrganisationsTab';
import { PeopleTab } from './PeopleTab';
import { usePeople } from './store';

const TABS = [
  { id: 'people', label: 'People' },
  { id: 'organisations', label: 'Organisations' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Organisations & People: two tabs (WAI-ARIA tabs pattern: arrow keys move between them). */
export function PeopleArea() {
  const [tab, setTab] = useState<TabId>('people');
  const loadAllOrganisations = usePeople((s) => s.loadAllOrganisations);
  const refs = useRef<Record<TabId, HTMLButtonElement | null>>({ people: null, organisations: null });

  useEffect(() => {
    void loadAllOrganisations();
  }, [loadAllOrganisations]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = TABS.findIndex((t) => t.id === tab);
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    const id = TABS[next]!.id;
    setTab(id);
    refs.current[id]?.focus();
  }

  return (
    <>
      <h1>Organisations &amp; People</h1>
      <div role="tablist" aria-label="Organisations and people" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'people' ? <PeopleTab /> : <OrganisationsTab />}
      </div>
    </>
  );
}
