import { useEffect } from 'react';
import { BoardsTab } from './BoardsTab';
import { MeetingList } from './MeetingList';
import { MeetingPage } from './MeetingPage';
import { routeOf, useMeetingsHash } from './route';
import { useMeetings } from './store';
import './meetings.css';

/** Meetings: the list of meetings, the boards and groups, and one meeting's page. */
export function MeetingsArea() {
  const route = routeOf(useMeetingsHash());
  const loadList = useMeetings((s) => s.loadList);
  const loadDirectory = useMeetings((s) => s.loadDirectory);

  useEffect(() => {
    void loadList();
    void loadDirectory();
  }, [loadList, loadDirectory]);

  if (route.view === 'meeting') return <MeetingPage id={route.id} />;
  return (
    <>
      <h1>Meetings</h1>
      <nav aria-label="Meetings views" className="subnav">
        <a href="#/meetings" aria-current={route.view === 'list' ? 'page' : undefined}>
          Meetings
        </a>
        <a href="#/meetings/boards" aria-current={route.view === 'boards' ? 'page' : undefined}>
          Boards and groups
        </a>
      </nav>
      {route.view === 'boards' ? <BoardsTab /> : <MeetingList />}
    </>
  );
}
