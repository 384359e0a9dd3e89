import { useState, type FormEvent } from 'react';
import type { MeetingDetail } from '../../../main/meetings/contract';
import { api, call, messageOf } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { useWorkspace } from '../workspace/store';
import { folderOf, joinPath } from './store';

type Kind = 'agenda' | 'minutes' | 'actionLog';
const LABELS: Record<Kind, string> = { agenda: 'agenda', minutes: 'minutes', actionLog: 'action log' };

/** Word exports of the meeting: the file goes beside the workspace unless another path is typed. */
export function ExportPanel({ detail }: { detail: MeetingDetail }) {
  const [kind, setKind] = useState<Kind | null>(null);
  const [done, setDone] = useState('');
  return (
    <section className="section" aria-labelledby="export-title">
      <h2 id="export-title">Documents</h2>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setKind('agenda')}>
          Export agenda (.docx)
        </button>
        <button type="button" className="button button-secondary" onClick={() => setKind('minutes')}>
          Export minutes (.docx)
        </button>
        <button type="button" className="button button-secondary" onClick={() => setKind('actionLog')}>
          Export action log (.docx)
        </button>
      </div>
      <p role="status" className="export-result">
        {done}
      </p>
      {kind && (
        <ExportDialog
          detail={detail}
          kind={kind}
          onClose={() => setKind(null)}
          onDone={(text) => {
            setDone(text);
            setKind(null);
          }}
        />
      )}
    </section>
  );
}

function ExportDialog(props: { detail: MeetingDetail; kind: Kind; onClose: () => void; onDone: (text: string) => void }) {
  const info = useWorkspace((s) => s.info);
  const { meeting, board } = props.detail;
  const date = meeting.startsAt.slice(0, 10);
  const name = `${board.code} ${LABELS[props.kind]} ${date}.docx`;
  const [out, setOut] = useState(info ? joinPath(folderOf(info.path), name) : name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r =
        props.kind === 'agenda'
          ? await call(api().meeting.exportAgenda({ id: meeting.id, out }))
          : props.kind === 'minutes'
            ? await call(api().meeting.exportMinutes({ id: meeting.id, out }))
            : await call(api().action.exportLog({ boardId: board.id, format: 'docx', out }));
      props.onDone(`Saved the ${LABELS[props.kind]} to ${r.path} (${Math.max(1, Math.round(r.bytes / 1024))} KB).`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Export the ${LABELS[props.kind]}`} onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error && <ErrorSummary message={error} />}
        <TextField name="out" label="Save as" hint="The full path of the Word file to write; an existing file is replaced." value={out} onChange={setOut} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            Export
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
