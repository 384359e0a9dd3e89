import { useSyncExternalStore } from 'react';

/**
 * Where in the Meetings area we are, from the address: #/meetings (the list),
 * #/meetings/boards, #/meetings/12 (a meeting's page). The hash stays the one source, so
 * reload and the back button agree with the screen.
 */
export type MeetingsRoute = { view: 'list' } | { view: 'boards' } | { view: 'meeting'; id: number };

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function routeOf(hash: string): MeetingsRoute {
  const rest = hash.replace(/^#\/?meetings\/?/, '');
  if (/^\d+$/.test(rest)) return { view: 'meeting', id: Number(rest) };
  if (rest === 'boards') return { view: 'boards' };
  return { view: 'list' };
}

export function useMeetingsHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function meetingHref(id: number): string {
  return `#/meetings/${id}`;
}
