import { useEffect, useState } from 'react';
import type { AttendanceStatistics, Board } from '../../../main/meetings/contract';
import { financialYearOf } from '../../../main/shared/financial-year';
import { api, call, messageOf } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField } from '../components/fields';
import { useOthersChanged } from '../changes/store';
import { useMeetings } from './store';

/** What attendance statistics are counted from. */
const STATS_TABLES = ['attendance', 'meeting', 'membership', 'membership_substitute', 'person', 'organisation'];

/** Attendance per member and organisation over a financial year (meetings held only). */
export function AttendanceStats({ board }: { board: Board }) {
  const meetings = useMeetings((s) => s.meetings);
  const years = [...new Set(meetings.filter((m) => m.boardId === board.id).map((m) => financialYearOf(m.startsAt.slice(0, 10))))].sort().reverse();
  const [chosen, setChosen] = useState<string | null>(null);
  const year = chosen && years.includes(chosen) ? chosen : (years[0] ?? null);
  const [stats, setStats] = useState<AttendanceStatistics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = useOthersChanged(STATS_TABLES);

  useEffect(() => {
    if (!year) return;
    let live = true;
    call(api().attendance.statistics({ boardId: board.id, financialYear: year })).then(
      (s) => live && setStats(s),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [board.id, year, changed]);

  if (!year) return null;
  const shown = stats && stats.boardId === board.id && stats.financialYear === year ? stats : null;
  const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
  return (
    <section className="section" aria-labelledby="stats-title">
      <h2 id="stats-title">Attendance</h2>
      {error && <ErrorSummary message={error} />}
      <SelectField name="stats-year" label="Financial year" value={year} onChange={setChosen} options={years.map((y) => ({ value: y, label: y }))} />
      {shown && (
        <>
          <p>{`${shown.meetingsHeld} ${shown.meetingsHeld === 1 ? 'meeting' : 'meetings'} held in ${year}.`}</p>
          <DataTable
            caption="By member"
            showCaption
            rows={shown.members}
            rowKey={(m) => m.personId}
            columns={[
              { header: 'Member', rowHeader: true, cell: (m) => `${m.name}${m.organisationName ? ` (${m.organisationName})` : ''}` },
              { header: 'Expected', numeric: true, cell: (m) => m.expected },
              { header: 'Attended', numeric: true, cell: (m) => m.attended },
              { header: 'Substitute sent', numeric: true, cell: (m) => m.substituted },
              { header: 'Apologies', numeric: true, cell: (m) => m.apologies },
              { header: 'Absent', numeric: true, cell: (m) => m.absent },
              { header: 'Rate', numeric: true, cell: (m) => pct(m.ratePercent) },
            ]}
          />
          <DataTable
            caption="By organisation"
            showCaption
            rows={shown.organisations}
            rowKey={(o) => o.organisationId}
            columns={[
              { header: 'Organisation', rowHeader: true, cell: (o) => o.name },
              { header: 'Expected', numeric: true, cell: (o) => o.expected },
              { header: 'Represented', numeric: true, cell: (o) => o.represented },
              { header: 'Rate', numeric: true, cell: (o) => pct(o.ratePercent) },
            ]}
          />
        </>
      )}
    </section>
  );
}
