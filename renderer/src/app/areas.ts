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

/**
 * What each unbuilt area will do, from the issues — said plainly on its screen instead of
 * showing made-up data.
 */
export const PLANNED: Partial<Record<AreaId, string>> = {
  meetings:
    'It will schedule board meetings, build and number their agendas, record who attended (with substitutes and quorum) and produce the agenda and minutes as Word documents.',
  papers:
    'It will draft board papers from templates — purpose, background, recommendations, financial and risk implications — and export them in the house style with their protective marking.',
  decisions:
    'It will keep the register of decisions the board has made, each linked to its meeting and paper, searchable and exportable.',
  actions:
    'It will track actions from meetings — owner, due date and status — and show which are overdue before the next meeting.',
  performance:
    'It will hold the performance framework: indicators such as the Home Office success measures, their monthly values and targets, with red/amber/green status.',
  funding:
    'It will manage funding streams, budget lines and funded projects, record actual and forecast spend by month, and produce the quarterly returns for the 2019/20 financial year onwards.',
};
