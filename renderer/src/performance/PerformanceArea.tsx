import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { IndicatorDetailView } from './IndicatorDetailView';
import { IndicatorForm, ThemeForm } from './IndicatorForm';
import { ImportView } from './ImportView';
import { ExceptionsView, ScorecardView } from './ScorecardView';
import { usePerformance, type View } from './store';
import './performance.css';

const TABS = [
  { id: 'scorecard', label: 'Scorecard' },
  { id: 'exceptions', label: 'Exceptions' },
  { id: 'import', label: 'Import values' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Performance: the scorecard, exceptions and import as tabs; an indicator opens in place of them. */
export function PerformanceArea() {
  const view = usePerformance((s) => s.view);
  const asAt = usePerformance((s) => s.asAt);
  const show = usePerformance((s) => s.show);
  const setAsAt = usePerformance((s) => s.setAsAt);
  const loadFramework = usePerformance((s) => s.loadFramework);
  const [open, setOpen] = useState<'indicator' | 'theme' | null>(null);
  const refs = useRef<Record<TabId, HTMLButtonElement | null>>({ scorecard: null, exceptions: null, import: null });
  const tab: TabId | null = view.kind === 'indicator' ? null : view.kind;

  useEffect(() => {
    void loadFramework();
  }, [loadFramework]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const i = Math.max(0, TABS.findIndex((t) => t.id === tab));
    const id = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!.id;
    show({ kind: id } as View);
    refs.current[id]?.focus();
  }

  return (
    <>
      <h1>Performance</h1>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="performance-as-at">As at</label>
          <input id="performance-as-at" className="input input-short" type="date" value={asAt} onChange={(e) => setAsAt(e.target.value)} />
        </div>
        <button type="button" className="button button-secondary toolbar-end" onClick={() => setOpen('theme')}>
          Add theme
        </button>
        <button type="button" className="button" onClick={() => setOpen('indicator')}>
          Add indicator
        </button>
      </div>
      <div role="tablist" aria-label="Performance" className="tabs" onKeyDown={onKeyDown}>
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
            aria-controls="performance-panel"
            tabIndex={tab === t.id || (tab === null && t.id === 'scorecard') ? 0 : -1}
            className="tab"
            onClick={() => show({ kind: t.id } as View)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="performance-panel" aria-labelledby={tab ? `tab-${tab}` : undefined} aria-label={tab ? undefined : 'Indicator'} className="tab-panel">
        {view.kind === 'scorecard' && <ScorecardView />}
        {view.kind === 'exceptions' && <ExceptionsView />}
        {view.kind === 'import' && <ImportView />}
        {view.kind === 'indicator' && <IndicatorDetailView id={view.id} />}
      </div>
      {open === 'indicator' && <IndicatorForm indicator={null} onClose={() => setOpen(null)} onSaved={(ind) => show({ kind: 'indicator', id: ind.id })} />}
      {open === 'theme' && <ThemeForm onClose={() => setOpen(null)} />}
    </>
  );
}
