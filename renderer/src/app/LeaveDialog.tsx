import { Dialog } from '../components/Dialog';
import { useLeave } from './unsaved';

/** "Leave without saving?" — asked when a move would lose what is typed on screen (./unsaved.ts). */
export function LeaveDialog() {
  const pending = useLeave((s) => s.pending);
  const losing = useLeave((s) => s.losing);
  const stay = useLeave((s) => s.stay);
  const leave = useLeave((s) => s.leave);
  if (pending === null) return null;
  return (
    <Dialog title="Leave without saving?" onClose={stay}>
      <p>{losing.length === 1 ? `You have not saved ${losing[0]}.` : 'You have not saved:'}</p>
      {losing.length > 1 && (
        <ul>
          {losing.map((what) => (
            <li key={what}>{what}</li>
          ))}
        </ul>
      )}
      <p>If you leave this screen now, what you typed is lost.</p>
      <div className="button-row">
        <button type="button" className="button" onClick={stay}>
          Stay on this screen
        </button>
        <button type="button" className="button button-danger" onClick={leave}>
          Leave without saving
        </button>
      </div>
    </Dialog>
  );
}
