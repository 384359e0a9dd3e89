import { useEffect, useState } from 'react';
import { api, call } from '../api';

export interface AgendaChoice {
  id: number;
  number: number;
  title: string;
}

/**
 * The agenda of the meeting chosen in a paper's details (meetingId as the form holds it,
 * '' for none), to pick the item the paper goes to. A stale answer for a meeting no longer
 * chosen is ignored; a failed read offers no items.
 */
export function useMeetingAgenda(meetingId: string): AgendaChoice[] {
  const [agendaOf, setAgenda] = useState<{ meetingId: string; items: AgendaChoice[] }>({ meetingId: '', items: [] });
  useEffect(() => {
    if (!meetingId) return;
    let live = true;
    void call(api().meeting.get({ id: Number(meetingId) })).then(
      (d) => live && setAgenda({ meetingId, items: d.agenda.map((a) => ({ id: a.id, number: a.number, title: a.title })) }),
      () => live && setAgenda({ meetingId, items: [] }),
    );
    return () => {
      live = false;
    };
  }, [meetingId]);
  return agendaOf.meetingId === meetingId ? agendaOf.items : [];
}
