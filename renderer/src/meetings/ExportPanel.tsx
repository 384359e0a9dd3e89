import type { MeetingDetail } from '../../../main/meetings/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { ExportForm, exportPlan } from '../components/ExportForm';
import { counted } from '../components/words';

/** The meeting's Word documents: agenda, minutes, and the board's action log. */
export function ExportPanel({ detail }: { detail: MeetingDetail }) {
  const { meeting, board } = detail;
  // The board and the meeting's date name the file, so an agenda and its minutes never share a name.
  const named = (kind: string) => `${kind} — ${board.name} ${formatDateShort(meeting.startsAt)}.docx`;
  return (
    <section className="section" aria-labelledby="export-title">
      <h2 id="export-title">Documents</h2>
      <ExportForm
        id="meeting-export"
        legend="Document"
        choices={[
          { value: 'agenda', label: 'Agenda (.docx)', fileName: named('Agenda') },
          { value: 'minutes', label: 'Minutes (.docx)', fileName: named('Minutes') },
          { value: 'actionLog', label: `Action log of the ${board.name} (.docx)`, fileName: named('Action log') },
        ]}
        submitLabel={(c) => `Export ${c.value === 'agenda' ? 'agenda' : c.value === 'minutes' ? 'minutes' : 'action log'}`}
        plan={(kind) => {
          if (kind === 'actionLog') return exportPlan('action.exportLog', { boardId: board.id, format: 'docx' }, (r) => `${counted(r.rows ?? 0, 'action')}.`);
          const items = (r: { items: number }) => `${counted(r.items, 'agenda item')}.`;
          return kind === 'agenda' ? exportPlan('meeting.exportAgenda', { id: meeting.id }, items) : exportPlan('meeting.exportMinutes', { id: meeting.id }, items);
        }}
      />
    </section>
  );
}
