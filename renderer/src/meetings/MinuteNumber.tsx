import { useState } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../main/meetings/contract';
import { ApiError, messageOf } from '../api';
import { ChangedSinceOpened } from '../changes/ChangedSinceOpened';
import { TextField } from '../components/fields';
import { useMeetings } from './store';

/**
 * An item's minute number ("Minute SB 4/20"), given when the minutes go to draft, and changed
 * by hand for a house correction: a number the board has used already is refused, named
 * against the box (issue 15).
 */
export function MinuteNumber({ detail, item }: { detail: MeetingDetail; item: AgendaItem }) {
  const change = useMeetings((s) => s.change);
  const announce = useMeetings((s) => s.announce);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(item.minuteNumber ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  // The item's version when the box was opened: a colleague's number saved since is refused,
  // naming them, rather than replaced unseen (the page re-reads the item under the open box).
  // After that refusal it is theirs, so saving again goes over theirs knowingly.
  const [readAt, setReadAt] = useState(item.version);
  if (!item.minuteNumber) return null;
  const approved = detail.meeting.status === 'minutes_approved';

  async function save() {
    setError(undefined);
    try {
      await change('minutes.setNumber', { id: item.id, version: readAt, minuteNumber: value });
      announce(`Item ${item.number} is now Minute ${value.trim()}.`);
      setEditing(false);
    } catch (err) {
      if (err instanceof ApiError && err.stale?.version) setReadAt(err.stale.version);
      setError(messageOf(err));
    }
  }

  if (!editing) {
    return (
      <p className="hint minute-number">
        <span>{`Minute ${item.minuteNumber}`}</span>{' '}
        {!approved && (
          <button type="button" className="button-link" onClick={() => (setValue(item.minuteNumber ?? ''), setReadAt(item.version), setEditing(true))}>
            {`Change the minute number of item ${item.number}`}
          </button>
        )}
      </p>
    );
  }
  return (
    <div className="subform">
      <ChangedSinceOpened entity="agenda_item" id={item.id} what="this item" />
      <TextField name={`minute-${item.id}-minuteNumber`} label={`Minute number of item ${item.number}`} width="short" value={value} onChange={setValue} error={error} />
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void save()}>
          Save minute number
        </button>
        <button type="button" className="button-link" onClick={() => (setEditing(false), setError(undefined))}>
          Cancel
        </button>
      </div>
    </div>
  );
}
