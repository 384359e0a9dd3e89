import { useEffect, useState } from 'react';
import { Tabs } from '../components/Tabs';
import { ExportView } from './ExportView';
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
  { id: 'export', label: 'Export' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Performance: the scorecard, exceptions, import and export as tabs; an indicator opens in place of them. */
export function PerformanceArea() {
  const view = usePerformance((s) => s.view);
  const asAt = usePerformance((s) => s.asAt);
  const show = usePerformance((s) => s.show);
  const setAsAt = usePerformance((s) => s.setAsAt);
  const loadFramework = usePerformance((s) => s.loadFramework);
  const [open, setOpen] = useState<'indicator' | 'theme' | null>(null);
  const tab: TabId | null = view.kind === 'indicator' ? null : view.kind;

  useEffect(() => {
    void loadFramework();
  }, [loadFramework]);

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
      <Tabs id="performance" label="Performance" tabs={TABS} selected={tab} onSelect={(id) => show({ kind: id } as View)} panelLabel="Indicator">
        {view.kind === 'scorecard' && <ScorecardView />}
        {view.kind === 'exceptions' && <ExceptionsView />}
        {view.kind === 'import' && <ImportView />}
        {view.kind === 'export' && <ExportView />}
        {view.kind === 'indicator' && <IndicatorDetailView id={view.id} />}
      </Tabs>
      {open === 'indicator' && <IndicatorForm indicator={null} onClose={() => setOpen(null)} onSaved={(ind) => show({ kind: 'indicator', id: ind.id })} />}
      {open === 'theme' && <ThemeForm onClose={() => setOpen(null)} />}
    </>
  );
}
