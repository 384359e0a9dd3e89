import { useSyncExternalStore } from 'react';

/**
 * Where in the Papers area we are, from the address: #/papers (the list), #/papers/new,
 * #/papers/packs (agenda packs), #/papers/12 (the editor of paper 12).
 */
export type PapersRoute = { view: 'list' } | { view: 'new' } | { view: 'packs' } | { view: 'paper'; id: number };

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function routeOf(hash: string): PapersRoute {
  const rest = hash.replace(/^#\/?papers\/?/, '');
  if (/^\d+$/.test(rest)) return { view: 'paper', id: Number(rest) };
  if (rest === 'new') return { view: 'new' };
  if (rest === 'packs') return { view: 'packs' };
  return { view: 'list' };
}

export function usePapersHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function paperHref(id: number): string {
  return `#/papers/${id}`;
}
