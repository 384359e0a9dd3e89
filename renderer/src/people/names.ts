import type { Person } from '../../../main/people/contract';

/** "Ms Jane Smith": the name with its title, as a list and a dialog show it. */
export function fullName(p: Pick<Person, 'honorific' | 'givenName' | 'familyName'>): string {
  return [p.honorific, p.givenName, p.familyName].filter((s) => s && s.trim()).join(' ');
}
