import { Notification, type BrowserWindow } from 'electron';
import { dispatch, type Session } from '../api/dispatch';
import type { DueThisWeek } from '../meetings/contract';
import { dueNotice } from '../meetings/due-notice';

/**
 * Once the window is up, a desktop notification says what falls due this week and what is
 * overdue; clicking it opens the action log. The numbers come from the same operation the
 * dashboard shows.
 */
export async function notifyActionsDue(session: Session, window: BrowserWindow): Promise<void> {
  if (!Notification.isSupported()) return;
  const env = await dispatch(session, 'action.dueThisWeek', {});
  if (!env.ok) return;
  const { dueThisWeek, overdue } = env.value as DueThisWeek;
  const notice = dueNotice(dueThisWeek.length, overdue.total);
  if (!notice) return;
  const notification = new Notification({ title: notice.title, body: notice.body });
  notification.on('click', () => {
    if (window.isDestroyed()) return;
    window.show();
    window.focus();
    void window.webContents.executeJavaScript("location.hash = '#/actions'");
  });
  notification.show();
}
