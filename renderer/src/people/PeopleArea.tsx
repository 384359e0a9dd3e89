import { useEffect, useState } from 'react';
import { Tabs } from '../components/Tabs';
import { OrganisationsTab } from './OrganisationsTab';
import { PeopleTab } from './PeopleTab';
import { usePeople } from './store';

const TABS = [
  { id: 'people', label: 'People' },
  { id: 'organisations', label: 'Organisations' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Organisations & People: two tabs. */
export function PeopleArea() {
  const [tab, setTab] = useState<TabId>('people');
  const loadAllOrganisations = usePeople((s) => s.loadAllOrganisations);

  useEffect(() => {
    void loadAllOrganisations();
  }, [loadAllOrganisations]);

  return (
    <>
      <h1>Organisations &amp; People</h1>
      <Tabs id="people" label="Organisations and people" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'people' ? <PeopleTab /> : <OrganisationsTab />}
      </Tabs>
    </>
  );
}
