/** Every area of the app, in the order of the navigation. The hash is the address: #/people. */
export const AREAS = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'meetings', label: 'Meetings' },
  { id: 'papers', label: 'Papers' },
  { id: 'decisions', label: 'Decisions' },
  { id: 'actions', label: 'Actions' },
  { id: 'performance', label: 'Performance' },
  { id: 'funding', label: 'Funding' },
  { id: 'people', label: 'Organisations & People' },
  { id: 'settings', label: 'Settings' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return AREAS.some((a) => a.id === id) ? (id as AreaId) : 'dashboard';
}

export function hrefOf(area: AreaId): string {
  return `#/${area}`;
}

