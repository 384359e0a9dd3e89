import { formatDateLong } from '../../../main/shared/dates';
import { ExportForm, exportPlan } from '../components/ExportForm';
import { counted } from '../components/words';
import { usePerformance } from './store';

/**
 * The performance report for the board (.docx) and the dataset (.xlsx), both as at the date
 * in the toolbar, written through the same operations as the command line's export.
 */
export function ExportView() {
  const asAt = usePerformance((s) => s.asAt);
  return (
    <section className="section" aria-labelledby="performance-export-title">
      <h2 id="performance-export-title">{`Export as at ${formatDateLong(asAt)}`}</h2>
      <p className="hint">
        The report holds the scorecard, the exceptions with their commentary and a page part per indicator with its chart. The dataset holds every value
        recorded, one row per indicator and period, and the indicators with their status. Change the date with “As at” above.
      </p>
      <ExportForm
        id="performance-export"
        legend="What to export"
        choices={[
          { value: 'report', label: 'Performance report (Word, .docx)', fileName: `Performance report ${asAt}.docx` },
          { value: 'dataset', label: 'Performance dataset (Excel, .xlsx)', fileName: `Performance dataset ${asAt}.xlsx` },
        ]}
        submitLabel={(c) => (c.value === 'report' ? 'Export report' : 'Export dataset')}
        plan={(choice) =>
          choice === 'report'
            ? exportPlan('performance.exportReport', { asAt }, (r) => `${counted(r.indicators, 'indicator')}, ${counted(r.charts, 'chart')}.`)
            : exportPlan('performance.exportDataset', { asAt }, (r) => `${counted(r.rows ?? 0, 'row')} of values.`)
        }
      />
    </section>
  );
}
