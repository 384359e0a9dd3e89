import type { MeetingDetail } from '../../../main/meetings/contract';
import { api, call } from '../api';
import { ExportForm } from '../components/ExportForm';
import { counted } from '../components/words';

/** The meeting's Word documents: agenda, minutes, and the board's action log. */
export function ExportPanel({ detail }: { detail: MeetingDetail }) {
  const { meeting, board } = detail;
  const date = meeting.startsAt.slice(0, 10);
  return (
    <section className="section" aria-labelledby="export-title">
      <h2 id="export-title">Documents</h2>
      <ExportForm
        id="meeting-export"
        legend="Document"
        choices={[
          { value: 'agenda', label: 'Agenda (.docx)', fileName: `${board.code} agenda ${date}.docx` },
          { value: 'minutes', label: 'Minutes (.docx)', fileName: `${board.code} minutes ${date}.docx` },
          { value: 'actionLog', label: `Action log of the ${board.name} (.docx)`, fileName: `${board.code} action log ${date}.docx` },
        ]}
        submitLabel={(c) => `Export ${c.value === 'agenda' ? 'agenda' : c.value === 'minutes' ? 'minutes' : 'action log'}`}
        run={async (out, kind) => {
          if (kind === 'actionLog') {
            const r = await call(api().action.exportLog({ boardId: board.id, format: 'docx', out }));
            return { ...r, detail: `${counted(r.rows ?? 0, 'action')}.` };
          }
          const r = await call(kind === 'agenda' ? api().meeting.exportAgenda({ id: meeting.id, out }) : api().meeting.exportMinutes({ id: meeting.id, out }));
          return { ...r, detail: `${counted(r.items, 'agenda item')}.` };
        }}
        detail={(r) => r.detail}
      />
    </section>
  );
}
