import { create } from 'zustand';
import type { InputOf } from '../../../main/api/contract';
import type { Organisation, Person } from '../../../main/people/contract';
import type { Versioned } from '../components/versioned';
import { api, call, messageOf } from '../api';

export type PersonDraft = InputOf<'person.create'>;
export type OrganisationDraft = InputOf<'organisation.create'>;

/**
 * Organisations & People: the two lists with their filters, and the writes. Writes throw
 * an ApiError for the form or dialog that asked, and refresh the lists when they succeed.
 */
interface PeopleState {
  people: Person[];
  peopleSearch: string;
  peopleOrganisationId: number | null;
  peopleLoaded: boolean;
  peopleError: string | null;

  organisations: Organisation[];
  organisationSearch: string;
  organisationsLoaded: boolean;
  organisationsError: string | null;

  /** Every organisation, for the organisation select and filter (not the searched list). */
  allOrganisations: Organisation[];

  loadPeople(): Promise<void>;
  setPeopleSearch(search: string): void;
  setPeopleOrganisation(id: number | null): void;
  loadOrganisations(): Promise<void>;
  setOrganisationSearch(search: string): void;
  loadAllOrganisations(): Promise<void>;
  /** Both lists and the organisation choices again, as they are now (after a write, or others' changes). */
  reloadLists(): Promise<void>;

  /** Adds a person, or (given the record as it was read) saves an edit of one; an edit of a record changed since is refused. */
  savePerson(draft: PersonDraft, record?: Versioned): Promise<Person>;
  deletePerson(record: Versioned): Promise<void>;
  saveOrganisation(draft: OrganisationDraft, record?: Versioned): Promise<Organisation>;
  deleteOrganisation(record: Versioned): Promise<void>;
}

// Each list request gets a number; an answer that arrives after a newer request is dropped,
// so typing fast never leaves an older search's results on screen.
let peopleRequest = 0;
let organisationRequest = 0;

export const usePeople = create<PeopleState>()((set, get) => ({
  people: [],
  peopleSearch: '',
  peopleOrganisationId: null,
  peopleLoaded: false,
  peopleError: null,

  organisations: [],
  organisationSearch: '',
  organisationsLoaded: false,
  organisationsError: null,

  allOrganisations: [],

  async loadPeople() {
    const mine = ++peopleRequest;
    const { peopleSearch: search, peopleOrganisationId: organisationId } = get();
    try {
      const people = await call(api().person.list({ search, organisationId }));
      if (mine === peopleRequest) set({ people, peopleLoaded: true, peopleError: null });
    } catch (err) {
      if (mine === peopleRequest) set({ peopleLoaded: true, peopleError: messageOf(err) });
    }
  },

  setPeopleSearch(search) {
    set({ peopleSearch: search });
    void get().loadPeople();
  },

  setPeopleOrganisation(id) {
    set({ peopleOrganisationId: id });
    void get().loadPeople();
  },

  async loadOrganisations() {
    const mine = ++organisationRequest;
    try {
      const organisations = await call(api().organisation.list({ search: get().organisationSearch }));
      if (mine === organisationRequest) set({ organisations, organisationsLoaded: true, organisationsError: null });
    } catch (err) {
      if (mine === organisationRequest) set({ organisationsLoaded: true, organisationsError: messageOf(err) });
    }
  },

  setOrganisationSearch(search) {
    set({ organisationSearch: search });
    void get().loadOrganisations();
  },

  async loadAllOrganisations() {
    try {
      const all = await call(api().organisation.list({ search: '' }));
      // A filter on an organisation that no longer exists would hide everyone.
      const filter = get().peopleOrganisationId;
      const stale = filter !== null && !all.some((o) => o.id === filter);
      set({ allOrganisations: all, ...(stale ? { peopleOrganisationId: null } : {}) });
      if (stale) void get().loadPeople();
    } catch (err) {
      set({ organisationsError: messageOf(err) });
    }
  },

  async reloadLists() {
    await Promise.all([get().loadPeople(), get().loadOrganisations(), get().loadAllOrganisations()]);
  },

  async savePerson(draft, record) {
    const person = record === undefined ? await call(api().person.create(draft)) : await call(api().person.update({ ...record, ...draft }));
    await get().reloadLists();
    return person;
  },

  async deletePerson(record) {
    await call(api().person.delete(record));
    await get().reloadLists();
  },

  async saveOrganisation(draft, record) {
    const organisation =
      record === undefined ? await call(api().organisation.create(draft)) : await call(api().organisation.update({ ...record, ...draft }));
    await get().reloadLists();
    return organisation;
  },

  async deleteOrganisation(record) {
    await call(api().organisation.delete(record));
    await get().reloadLists();
  },
}));
