import type { PaperBlock } from '../papers/blocks';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleRow } from './bundle';
import { DEFAULT_MINUTE_FORMAT, formatMinuteNumber } from '../meetings/minute-numbers';

/**
 * The Kent & Medway demonstration workspace, built from the two seed papers:
 *  - seed 000: the Commissioner's report "Violence reduction - update" to the Kent and
 *    Medway Police and Crime Panel, 24 September 2019;
 *  - seed 004: the board paper "Kent Violence Reduction Unit – update" (spring 2020).
 * Every figure, name and date that the seeds give is used exactly as they give it. Where the
 * app needs something the seeds do not give (the names of most board members, meeting
 * dates, actions, how the VRU grant splits across its headings) the filler is marked
 * ILLUSTRATIVE here, and people with invented names say so in their notes, so nothing
 * invented passes for fact on screen. No performance values are included: the seeds give
 * none, and the app must not show made-up data as real. The one exception is the Early
 * Intervention Youth Fund's budget, spend and Q3 claim (EIYF_LINES below), without which the
 * spend return cannot show a claim's dates: every spend row says in its source that its
 * figures are illustrative.
 *
 * The result is a bundle (main/workspace/bundle.ts) that `workspace.loadDemo` imports into an
 * empty workspace, so every row obeys the schema of main/db/migrations/001-initial.ts.
 * Ids are assigned here, in the order rows are written.
 */

// ---------------------------------------------------------------------------------------
// Paper section bodies (paper_section.body_json)
// ---------------------------------------------------------------------------------------

// The block format of a section body is defined in main/papers/blocks.ts.
export type { PaperBlock };

const para = (text: string): PaperBlock => ({ type: 'paragraph', text });
const bullets = (...items: string[]): PaperBlock => ({ type: 'bullets', items });
const romanList = (...items: string[]): PaperBlock => ({ type: 'numbered', style: 'lower-roman', items });

interface SectionSpec {
  key: string;
  heading: string;
  body: PaperBlock[];
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/** When the demo's records were "entered": the workspace is as it stood in early March 2020. */
const ENTERED_AT = '2020-03-02T09:00:00';
const stamps = { created_at: ENTERED_AT, updated_at: ENTERED_AT };

/** Row ids 1, 2, 3… for the keys of a record, in the order they are written. */
function idsOf<K extends string>(items: Record<K, unknown>): Record<K, number> {
  return Object.fromEntries(Object.keys(items).map((key, i) => [key, i + 1])) as Record<K, number>;
}

function entries<K extends string, V>(items: Record<K, V>): [K, V][] {
  return Object.entries(items) as [K, V][];
}

/** £ → pence without floating point: pounds(36_814) is 3_681_400. */
const pounds = (whole: number): number => whole * 100;

const ILLUSTRATIVE_PERSON = 'Illustrative: a name invented for the demonstration workspace, not a real office-holder.';

// ---------------------------------------------------------------------------------------
// Organisations and people
// ---------------------------------------------------------------------------------------

type OrganisationKind = 'police' | 'opcc' | 'council' | 'health' | 'fire' | 'probation' | 'youth_justice' | 'education' | 'charity' | 'government' | 'other';

// 'charity' is the schema's kind for the voluntary and community sector as a whole.
const ORGANISATIONS = {
  opcc: { name: 'Office of the Kent Police and Crime Commissioner', shortName: 'OPCC', kind: 'opcc', notes: '' },
  kentPolice: { name: 'Kent Police', shortName: null, kind: 'police', notes: '' },
  kcc: { name: 'Kent County Council', shortName: 'KCC', kind: 'council', notes: '' },
  medway: { name: 'Medway Council', shortName: null, kind: 'council', notes: 'People Services Medway is part of the governance of the VRU (the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 20).' },
  kfrs: { name: 'Kent Fire & Rescue Service', shortName: 'KFRS', kind: 'fire', notes: '' },
  ccgs: {
    name: 'Kent and Medway Clinical Commissioning Groups',
    shortName: 'NHS CCGs',
    kind: 'health',
    notes: 'Dartford, Gravesham and Swanley; Medway; Swale; and West Kent Clinical Commissioning Groups (signatory for all eight Kent CCGs) — the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 20.',
  },
  publicHealthKcc: { name: 'Public Health, KCC', shortName: null, kind: 'health', notes: '' },
  publicHealthMedway: { name: 'Public Health, Medway', shortName: null, kind: 'health', notes: '' },
  probation: { name: 'National Probation Service', shortName: 'NPS', kind: 'probation', notes: '' },
  youthJustice: {
    name: "Kent Youth Justice (KCC Integrated Children's Services)",
    shortName: 'Kent Youth Justice',
    kind: 'youth_justice',
    notes: "Integrated Children's services KCC, with responsibility for YOTs and Early Help Service (the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 20).",
  },
  phe: { name: 'Public Health England', shortName: 'PHE', kind: 'government', notes: '' },
  homeOffice: { name: 'Home Office', shortName: null, kind: 'government', notes: 'Funder of the VRU grant, the Early Intervention Youth Fund and the serious violence surge funding.' },
  // Recipients of the Commissioner's Violence Reduction Fund named in seed 000, paragraph 7
  // (Kent Police, above, is one too).
  risingSun: { name: 'Rising Sun & Choices', shortName: null, kind: 'charity', notes: '' },
  crimestoppers: {
    name: 'Kent CrimeStoppers',
    shortName: null,
    kind: 'charity',
    notes: "The VRU's social and traditional media campaign was delivered via Fearless and Crimestoppers (the Kent VRU update paper, 2020).",
  },
  uprising: { name: 'Uprising Youth and Community', shortName: null, kind: 'charity', notes: '' },
  reformRestoreRespect: { name: 'Reform Restore Respect', shortName: null, kind: 'charity', notes: '' },
  forwardTrust: { name: 'The Forward Trust', shortName: null, kind: 'charity', notes: 'Runs East Kent Community Drug and Alcohol Services (the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 7).' },
  stGiles: {
    name: 'St Giles Trust',
    shortName: null,
    kind: 'charity',
    notes: 'Working in Kent since 2017 to help young people at risk of being exploited by county lines gangs; supported by the Commissioner (the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 10).',
  },
} satisfies Record<string, { name: string; shortName: string | null; kind: OrganisationKind; notes: string }>;
type Org = keyof typeof ORGANISATIONS;
const ORG = idsOf(ORGANISATIONS);

interface PersonSpec {
  honorific: string;
  given: string;
  family: string;
  jobTitle: string;
  org: Org;
  illustrative: boolean;
}

const PEOPLE = {
  // Named in the seeds.
  matthewScott: { honorific: '', given: 'Matthew', family: 'Scott', jobTitle: 'Kent Police and Crime Commissioner', org: 'opcc', illustrative: false },
  benLoose: { honorific: 'DCI', given: 'Ben', family: 'Loose', jobTitle: 'VRU Manager', org: 'kentPolice', illustrative: false },
  markPowell: { honorific: '', given: 'Mark', family: 'Powell', jobTitle: 'KCC Youth Justice Manager; VRU Manager', org: 'youthJustice', illustrative: false },
  // ILLUSTRATIVE from here on: the seeds name the member organisations, not their members.
  boardSecretary: { honorific: '', given: 'Lucy', family: 'Hammond', jobTitle: 'Strategic Board Secretary', org: 'opcc', illustrative: true },
  chiefFinanceOfficer: { honorific: '', given: 'Daniel', family: 'Ferris', jobTitle: 'Chief Finance Officer', org: 'opcc', illustrative: true },
  policeMember: { honorific: 'ACC', given: 'Rachel', family: 'Ashdown', jobTitle: 'Assistant Chief Constable', org: 'kentPolice', illustrative: true },
  policeSubstitute: { honorific: 'Det Supt', given: 'Paul', family: 'Greaves', jobTitle: 'Detective Superintendent', org: 'kentPolice', illustrative: true },
  kccMember: { honorific: '', given: 'Simon', family: 'Thorne', jobTitle: 'Director of Community Safety', org: 'kcc', illustrative: true },
  medwayMember: { honorific: '', given: 'Priya', family: 'Natarajan', jobTitle: 'Director, People Services', org: 'medway', illustrative: true },
  fireMember: { honorific: '', given: 'Gareth', family: 'Lewis', jobTitle: 'Assistant Director, Community Safety', org: 'kfrs', illustrative: true },
  nhsMember: { honorific: 'Dr', given: 'Helen', family: 'Barker', jobTitle: 'Director of Commissioning', org: 'ccgs', illustrative: true },
  publicHealthKccMember: { honorific: 'Dr', given: 'Anita', family: 'Shah', jobTitle: 'Consultant in Public Health', org: 'publicHealthKcc', illustrative: true },
  publicHealthKccSubstitute: { honorific: '', given: 'Emma', family: 'Collins', jobTitle: 'Public Health Specialist', org: 'publicHealthKcc', illustrative: true },
  publicHealthMedwayMember: { honorific: '', given: 'James', family: 'Whitlock', jobTitle: 'Consultant in Public Health', org: 'publicHealthMedway', illustrative: true },
  probationMember: { honorific: '', given: 'Karen', family: 'Doyle', jobTitle: 'Head of Service, Kent', org: 'probation', illustrative: true },
  youthJusticeMember: { honorific: '', given: 'Nicola', family: 'Fairbairn', jobTitle: "Director, Integrated Children's Services", org: 'youthJustice', illustrative: true },
  pheAdviser: { honorific: 'Dr', given: 'Tom', family: 'Reid', jobTitle: 'Consultant in Public Health', org: 'phe', illustrative: true },
} satisfies Record<string, PersonSpec>;
type Person = keyof typeof PEOPLE;
const PERSON = idsOf(PEOPLE);

// ---------------------------------------------------------------------------------------
// Boards and memberships
// ---------------------------------------------------------------------------------------

const BOARDS = {
  strategic: {
    name: 'Kent & Medway VRU Strategic Board',
    code: 'SB',
    kind: 'board',
    quorumCount: 5, // ILLUSTRATIVE: the seeds give no quorum rule.
    termsOfReference:
      'Established in October 2019 and chaired by the Police and Crime Commissioner, with membership including Kent Police, Kent County Council, Medway Council, Kent Fire & Rescue, NHS and Probation. The Board has oversight of the strategic objectives and holds the VRU Managers to account (the Kent VRU update paper, 2020).',
  },
  tactical: {
    name: 'VRU Multi-Agency Tactical Group',
    code: 'TG',
    kind: 'group',
    quorumCount: 3, // ILLUSTRATIVE
    termsOfReference:
      'Chaired by the VRU leads to ensure co-ordination of activity and information sharing between violence reduction initiatives in Kent and Medway (Margate / Medway Task Forces, Gangs / County Lines enforcement, Probation, Youth Offending and other centrally funded projects) (the Kent VRU update paper, 2020).',
  },
  panel: {
    name: 'Kent and Medway Police and Crime Panel',
    code: 'PCP',
    kind: 'panel',
    quorumCount: 1, // the panel's members are not in the demo, so no quorum rule beyond the default
    termsOfReference: 'Scrutinises the Police and Crime Commissioner. The Commissioner reports to it (the Commissioner’s report to the Police and Crime Panel, 24 September 2019).',
  },
} satisfies Record<string, { name: string; code: string; kind: 'board' | 'group' | 'partnership' | 'panel'; quorumCount: number; termsOfReference: string }>;
type Board = keyof typeof BOARDS;
const BOARD = idsOf(BOARDS);

/** The Strategic Board is quorate only with the Commissioner's office and Kent Police present. ILLUSTRATIVE rule. */
const QUORUM_ORGANISATIONS: [Board, Org][] = [
  ['strategic', 'opcc'],
  ['strategic', 'kentPolice'],
];

type Role = 'chair' | 'vice_chair' | 'member' | 'adviser' | 'secretariat';

/** The Board was established in October 2019 (seed 004); the VRU Managers took up post in November 2019. */
const BOARD_ESTABLISHED = '2019-10-01';
const MANAGERS_IN_POST = '2019-11-01';

const MEMBERSHIPS = {
  sbChair: { board: 'strategic', person: 'matthewScott', role: 'chair', startsOn: BOARD_ESTABLISHED },
  sbPolice: { board: 'strategic', person: 'policeMember', role: 'member', startsOn: BOARD_ESTABLISHED },
  sbKcc: { board: 'strategic', person: 'kccMember', role: 'member', startsOn: BOARD_ESTABLISHED },
  sbMedway: { board: 'strategic', person: 'medwayMember', role: 'member', startsOn: BOARD_ESTABLISHED },
  sbFire: { board: 'strategic', person: 'fireMember', role: 'member', startsOn: BOARD_ESTABLISHED },
  sbNhs: { board: 'strategic', person: 'nhsMember', role: 'member', startsOn: BOARD_ESTABLISHED },
  sbPublicHealthKcc: { board: 'strategic', person: 'publicHealthKccMember', role: 'member', startsOn: BOARD_ESTABLISHED },
  sbPublicHealthMedway: { board: 'strategic', person: 'publicHealthMedwayMember', role: 'member', startsOn: BOARD_ESTABLISHED },
  sbProbation: { board: 'strategic', person: 'probationMember', role: 'member', startsOn: BOARD_ESTABLISHED },
  sbYouthJustice: { board: 'strategic', person: 'youthJusticeMember', role: 'member', startsOn: BOARD_ESTABLISHED },
  sbPhe: { board: 'strategic', person: 'pheAdviser', role: 'adviser', startsOn: BOARD_ESTABLISHED },
  sbBenLoose: { board: 'strategic', person: 'benLoose', role: 'adviser', startsOn: MANAGERS_IN_POST },
  sbMarkPowell: { board: 'strategic', person: 'markPowell', role: 'adviser', startsOn: MANAGERS_IN_POST },
  sbSecretary: { board: 'strategic', person: 'boardSecretary', role: 'secretariat', startsOn: BOARD_ESTABLISHED },
  // "The VRU leads chair a multi-agency tactical group" (seed 004): joint chairs. Start date ILLUSTRATIVE.
  tgBenLoose: { board: 'tactical', person: 'benLoose', role: 'chair', startsOn: MANAGERS_IN_POST },
  tgMarkPowell: { board: 'tactical', person: 'markPowell', role: 'chair', startsOn: MANAGERS_IN_POST },
  tgPolice: { board: 'tactical', person: 'policeSubstitute', role: 'member', startsOn: MANAGERS_IN_POST },
  tgSecretary: { board: 'tactical', person: 'boardSecretary', role: 'secretariat', startsOn: MANAGERS_IN_POST },
} satisfies Record<string, { board: Board; person: Person; role: Role; startsOn: string }>;
type Membership = keyof typeof MEMBERSHIPS;
const MEMBERSHIP = idsOf(MEMBERSHIPS);

/** Named substitutes (ILLUSTRATIVE). */
const SUBSTITUTES: [Membership, Person][] = [
  ['sbPolice', 'policeSubstitute'],
  ['sbPublicHealthKcc', 'publicHealthKccSubstitute'],
];

// ---------------------------------------------------------------------------------------
// Meetings, agendas and attendance
// ---------------------------------------------------------------------------------------

type MeetingStatus = 'planned' | 'agenda_issued' | 'held' | 'minutes_draft' | 'minutes_approved';

// Meeting dates, times and places are ILLUSTRATIVE, except the Panel's date, which is seed
// 000's. The January Board is where seed 004's "presented to the Strategic Board and
// approved" is placed; papers fall due five working days before each meeting.
const MEETINGS = {
  panelSeptember: { board: 'panel', startsAt: '2019-09-24T10:00', endsAt: '2019-09-24T13:00', location: 'Sessions House, County Hall, Maidstone', status: 'held', papersDueOn: '2019-09-17', quorate: null },
  boardJanuary: { board: 'strategic', startsAt: '2020-01-23T10:00', endsAt: '2020-01-23T12:00', location: 'Kent Police Headquarters, Maidstone', status: 'minutes_draft', papersDueOn: '2020-01-16', quorate: 1 },
  boardMarch: { board: 'strategic', startsAt: '2020-03-19T10:00', endsAt: '2020-03-19T12:00', location: 'Kent Police Headquarters, Maidstone', status: 'planned', papersDueOn: '2020-03-12', quorate: null },
} satisfies Record<string, { board: Board; startsAt: string; endsAt: string; location: string; status: MeetingStatus; papersDueOn: string; quorate: 0 | 1 | null }>;
type Meeting = keyof typeof MEETINGS;
const MEETING = idsOf(MEETINGS);

type Purpose = 'decision' | 'discussion' | 'information' | 'noting';
type StandingKind = 'welcome' | 'declarations' | 'minutes' | 'aob' | 'next_meeting';

interface AgendaItemSpec {
  title: string;
  purpose: Purpose;
  lead: Person | null;
  minutes: number;
  standing: StandingKind | null;
  discussion?: string;
}

const STANDING: Record<StandingKind, { title: string; purpose: Purpose; minutes: number }> = {
  welcome: { title: 'Welcome and apologies', purpose: 'noting', minutes: 5 },
  declarations: { title: 'Declarations of interest', purpose: 'noting', minutes: 5 },
  minutes: { title: 'Minutes of the last meeting and matters arising', purpose: 'decision', minutes: 10 },
  aob: { title: 'Any other business', purpose: 'discussion', minutes: 10 },
  next_meeting: { title: 'Date of next meeting', purpose: 'noting', minutes: 5 },
};

function standing(kind: StandingKind, lead: Person | null): AgendaItemSpec {
  return { ...STANDING[kind], lead, standing: kind };
}

function item(title: string, purpose: Purpose, lead: Person, minutes: number, discussion?: string): AgendaItemSpec {
  return { title, purpose, lead, minutes, standing: null, ...(discussion ? { discussion } : {}) };
}

/** Agendas in order; an item's key is `${meeting}.${position}`. */
const AGENDAS: Record<Meeting, AgendaItemSpec[]> = {
  panelSeptember: [
    standing('welcome', null),
    standing('declarations', null),
    standing('minutes', null),
    item('Violence reduction - update', 'information', 'matthewScott', 30),
    standing('aob', null),
  ],
  boardJanuary: [
    standing('welcome', 'matthewScott'),
    standing('declarations', 'matthewScott'),
    standing('minutes', 'matthewScott'),
    item(
      'VRU Problem Profile and draft Response Strategy',
      'decision',
      'benLoose',
      40,
      // Seed 004: "The VRU Problem Profile & draft Response has been presented to the Strategic Board and approved."
      'The VRU Managers presented the VRU Problem Profile and draft Response Strategy. The Board approved them.',
    ),
    standing('aob', 'matthewScott'),
    standing('next_meeting', 'matthewScott'),
  ],
  boardMarch: [
    standing('welcome', 'matthewScott'),
    standing('declarations', 'matthewScott'),
    standing('minutes', 'matthewScott'),
    item('Kent Violence Reduction Unit – update', 'decision', 'benLoose', 40),
    standing('aob', 'matthewScott'),
    standing('next_meeting', 'matthewScott'),
  ],
};

const agendaItemKeys = entries(AGENDAS).flatMap(([meeting, items]) => items.map((_, i) => `${meeting}.${i + 1}`));
const AGENDA_ITEM: Record<string, number> = Object.fromEntries(agendaItemKeys.map((key, i) => [key, i + 1]));
function agendaItemId(meeting: Meeting, position: number): number {
  const id = AGENDA_ITEM[`${meeting}.${position}`];
  if (id === undefined) throw new Error(`The demo has no agenda item ${position} for ${meeting}`);
  return id;
}

/** Who came to which meeting. ILLUSTRATIVE, except that the Commissioner presented his report to the Panel. */
const ATTENDANCE: { meeting: Meeting; person: Person; status: 'present' | 'apologies' | 'absent'; substituteFor?: Person; note?: string }[] = [
  { meeting: 'panelSeptember', person: 'matthewScott', status: 'present', note: 'Presented his report; the Commissioner is not a member of the Panel.' },
  { meeting: 'boardJanuary', person: 'matthewScott', status: 'present' },
  { meeting: 'boardJanuary', person: 'policeMember', status: 'apologies' },
  { meeting: 'boardJanuary', person: 'policeSubstitute', status: 'present', substituteFor: 'policeMember' },
  { meeting: 'boardJanuary', person: 'kccMember', status: 'present' },
  { meeting: 'boardJanuary', person: 'medwayMember', status: 'apologies' },
  { meeting: 'boardJanuary', person: 'fireMember', status: 'present' },
  { meeting: 'boardJanuary', person: 'nhsMember', status: 'present' },
  { meeting: 'boardJanuary', person: 'publicHealthKccMember', status: 'present' },
  { meeting: 'boardJanuary', person: 'publicHealthMedwayMember', status: 'present' },
  { meeting: 'boardJanuary', person: 'probationMember', status: 'present' },
  { meeting: 'boardJanuary', person: 'youthJusticeMember', status: 'present' },
  { meeting: 'boardJanuary', person: 'pheAdviser', status: 'present' },
  { meeting: 'boardJanuary', person: 'benLoose', status: 'present' },
  { meeting: 'boardJanuary', person: 'markPowell', status: 'present' },
  { meeting: 'boardJanuary', person: 'boardSecretary', status: 'present' },
];

/** Items the Board plans to take at a later meeting (seed 004, "Next Steps"). Dates ILLUSTRATIVE. */
const FORWARD_PLAN: { board: Board; title: string; purpose: Purpose; lead: Person; plannedFor: string }[] = [
  { board: 'strategic', title: 'Communications and media strategy', purpose: 'decision', lead: 'benLoose', plannedFor: '2020-06-18' },
  { board: 'strategic', title: 'Review of VRU membership and structure, and the performance framework', purpose: 'decision', lead: 'markPowell', plannedFor: '2020-06-18' },
];

// ---------------------------------------------------------------------------------------
// Papers: seed 004 as a board paper, seed 000 as a panel report (text verbatim)
// ---------------------------------------------------------------------------------------

// Seed 004's text with its PDF line breaks joined; spelling and wording unchanged.
const RECOMMENDATION =
  'The Community Safety Partnership is asked to support the approaches identified by the VRU and to include these within any initiatives around violence prevention.';

const BOARD_PAPER_SECTIONS: SectionSpec[] = [
  {
    key: 'introduction',
    heading: 'Introduction',
    body: [
      para(
        'This paper is included to brief the Community Safety Partnership on the status of the Kent Violence Reduction Unit (VRU) and provide an oversight of the unit’s strategic ambitions and planned activity for the current and anticipated grant periods.',
      ),
      para('A decision is sought as to the future alignment of the VRU.'),
    ],
  },
  {
    key: 'essential-background',
    heading: 'Essential Background',
    body: [
      para('In Summer 2019, the Kent OPCC was one of 18 police areas granted a share of the £35m Serious Violence Fund. Kent were allocated £1.16m to create a VRU.'),
      para(
        'Violence Reduction Units were originally established in Glasgow and Cardiff and have taken a long term, “public health” approach to reducing violence. The public health approach is an all systems model which:',
      ),
      bullets(
        'Brings together agencies & communities to tackle violence by understanding root causes,',
        'Identifies drivers of serious violence and implanting a co-ordinated response to tackle them,',
        'Uses evidence- based practice and OSARA problem solving to achieve its objectives.',
      ),
      para('The Home Office defined the following critical success factors for all VRUs:'),
      bullets(
        'Reduction in A&E admissions due to knife related assaults (victim under 25)',
        'Reduction in reported knife related assaults (victim under 25)',
        'Reduction in knife related murder rate (victim under 25, excluding domestic homicides)',
      ),
      para('The bidding window is currently open for 2020/21 with the opportunity to bid for a grant of £1.16m.'),
    ],
  },
  {
    key: 'progress-to-date',
    heading: 'Progress to date',
    body: [
      para(
        'The Strategic Board, chaired by the PCC with membership including Kent Police, Kent County Council, Medway Council, Kent Fire & Rescue, NHS and Probation, was established in October 2019. The Board has oversight of the strategic objectives and holds the VRU Managers to account.',
      ),
      para(
        'VRU Managers, DCI Ben Loose and Mark Powell, KCC Youth Justice Manager took up post in November 2019, setting out the Kent VRUs strategy and ambitions based on a 5P approach.',
      ),
      para('5 VRU Co-Ordinators and 4 VRU Analysts from across the partnership are in post since January 2020.'),
      para(
        'The scope of the initial programme was reviewed to ensure that activities were deliverable within the funding period and that intervention opportunities were maximised. The following activities have been delivered in the initial period:',
      ),
      romanList(
        'Commissioned services: 18 existing services across Kent and Medway which provide support / intervention / diversion for young people involved in violence have been granted additional funding to improve scope and reach.',
        'Community engagement: Hackathon event bringing together professionals and young people to problem solve serious youth violence. Yr 8 /9 schools’ preventative event.',
        'Professional development: public health conference for professionals around trauma informed practice and ACEs',
        'Preventative measures: CSP funding for knife detection equipment, rapid deployment CCTV and trauma packs, along with a trauma pack education event.',
        'Media: delivery of social & traditional media campaign via Fearless and Crimestoppers.',
      ),
      para(
        'The VRU leads chair a multi-agency tactical group to ensure co-ordination of activity and information sharing between violence reduction initiatives in Kent and Medway (Margate / Medway Task Forces, Gangs / County Lines enforcement, Probation, Youth Offending and other centrally funded projects).',
      ),
    ],
  },
  {
    key: 'barriers',
    heading: 'Barriers to successful implementation',
    body: [
      para(
        'The initial short-term funding window meant long-term elements were removed from the programme, for example, a multi-agency case management system could not be procured in the timeframe however options are being considered for 2020/21.',
      ),
    ],
  },
  {
    key: 'timescales-and-costs',
    heading: 'Timescales and costs',
    body: [para('The programme is within budget and timescale for 2019/2020.')],
  },
  {
    key: 'next-steps',
    heading: 'Next Steps',
    body: [
      para('The VRU Problem Profile & draft Response has been presented to the Strategic Board and approved.'),
      para(
        'For 2020/2021 areas of focus will be expanded to include “Primary, Secondary and Tertiary” interventions designed to challenge the risk posed by those involved with gangs and county lines and serious violence as well as interventions to support those susceptible to these risks in the long term.',
      ),
      para('The scope of the VRU analytic product will be reviewed to establish how we understand and quantify some of the unknown risks (such as county line related violence).'),
      para(
        'The VRU data-set is being developed to include crucial public health data that will enable us to better understand the context of and possible preventative measures for serious violence in Kent.',
      ),
      para(
        'The VRU will work closely with Kent and Medway Authorities, National Probation Service and the 13 Community Safety Partnerships to develop local approaches to both understanding and tackling public-place violence.',
      ),
      para(
        'A communications and media strategy will be developed to take advantage of traditional and social media to communicate key messages to target audiences in conjunction with Thanet, Medway and Maidstone Task Forces.',
      ),
      para(
        'Membership and structure of the VRU will be reviewed to ensure that efficient and effective activity that supports and enhances delivery of violence reduction initiatives across Kent and Medway and is supported by a clear performance framework that supports partners’ strategic ambitions.',
      ),
    ],
  },
  {
    key: 'decision-required',
    heading: 'Decision Required',
    body: [
      para(
        'The Kent & Medway VRU has worked with the Public Health Observatory to identify the approaches which, based on research, are most likely to deliver positive outcomes for those involved in serious violence. These are:',
      ),
      bullets('Desistance Theory', 'Learning from NACRO’s ‘Beyond Youth Custody’ research project', 'World Health Organisation’s work on violence prevention'),
      para('The presentation to the Community Safety Partnership will provide more information on the approaches which are identified within the research.'),
      para(
        'The VRU has agreed with the Kent Youth Justice Board that these approaches will be used to inform any work carried out by Youth Justice within Kent. Initiatives which do not reflect the learning from the research will not be supported by the County Youth Justice Board.',
      ),
    ],
  },
  {
    key: 'recommendation',
    heading: 'Recommendation',
    body: [para(RECOMMENDATION)],
  },
];

// Seed 000's 28 numbered paragraphs, one paragraph block each (the panel-report template
// numbers them continuously), with their bullet lists as bullets blocks. Two editorial
// joins only: paragraph 7's "[here](#)" (a link with no address in the seed) is the plain
// word "here", and paragraph 28's page break is joined.
const PANEL_REPORT_SECTIONS: SectionSpec[] = [
  {
    key: 'introduction',
    heading: 'Introduction',
    body: [
      para("The Government's Serious Violence Strategy set out its response to serious violence and increases in knife crime, gun crime and homicide."), // 1
      para(
        'Whilst Kent is not experiencing the same issues as some cities, violence against the person increased by over 20% in the year to March 2019. Although in part a reflection of improved crime recording accuracy, and greater victim confidence to come forward and report to the Force which are both positive, the Commissioner and Chief Constable are not complacent and acknowledge there are real increases in some crimes. They also recognise that Kent faces unique challenges linked to county lines operating out of London and other areas, with young people in local communities being exploited.',
      ), // 2
      para(
        'This report outlines some of the key actions taken by the Commissioner in conjunction with partners to tackle violent crime and its causes; it also updates on funding received from the Home Office to support activity.',
      ), // 3
    ],
  },
  {
    key: 'violence-reduction-challenge',
    heading: 'Violence Reduction Challenge',
    body: [
      para(
        'In April 2018, the Government published its Serious Violence Strategy that set out its response to serious violence and increases in knife crime, gun crime and homicide. Action in the strategy centres on four themes:',
      ), // 4
      bullets(
        'tackling county lines & misuse of drugs',
        'supporting communities & local partnerships',
        'early intervention & prevention',
        'law enforcement & the criminal justice response',
      ),
      para(
        "Locally, the Commissioner's response to the Serious Violence Strategy was the Violence Reduction Challenge (VRC). Commencing in June 2018, the year long study brought together the emergency services, victims, charities, statutory bodies and other partners to look at the nature of violent crime in Kent, and agree a partnership approach to tackling the underlying causes.",
      ), // 5
      para(
        'To help protect some of the most vulnerable from the most violent, one of the recommendations was for the Commissioner to use a portion of his annual commissioning budget to create a Violence Reduction Fund. Having set aside £1m over three years, the Commissioner invited statutory organisations, community and voluntary groups to bid for a maximum of £35k per year, to fund activities such as awareness campaigns, prevention initiatives, diversion and rehabilitation projects.',
      ), // 6
      para(
        "In July 2019, nine projects received funding and will do so again in 2020/21 and 2021/22 provided that they evidence taxpayers' money is being used effectively and comply with monitoring requirements. Further information can be viewed here, but the projects include:",
      ), // 7
      bullets(
        'Kent Police (£36,814) to deliver a Mini Cadets scheme in local schools, building on the successful Volunteer Police Cadets scheme.',
        'Rising Sun & Choices (£35,000) to provide support for girls aged 11-16 who are at risk of sexual exploitation or being in coercive and controlling relationships.',
        'Kent CrimeStoppers (£35,000) to increase 11-16 year olds awareness of weapons, street crime and sexual exploitation.',
        'Uprising Youth and Community (£32,000) to deliver a knife crime awareness campaign in east Kent.',
        'Reform Restore Respect (£5,000) to deliver 90-minute workshops to Year 6 pupils around gang violence and knife crime.',
        'The Forward Trust (£34,125) to provide a Violence Reduction Peer Mentoring programme for clients accessing their East Kent Community Drug and Alcohol Services.',
      ),
      para(
        'Following the success of the model in Margate, the VRC also recommended the creation of a multi-agency taskforce in Medway to enable partners to work closer in tackling some of the underlying causes of crime. Funded by the Commissioner, a Taskforce Manager within Kent Police has been appointed and work to bring partners together under one roof is well underway.',
      ), // 8
      para(
        'A further recommendation was the commissioning of a new service to provide specialist advice, guidance and support to victims of stalking. Whilst there are national organisations such as the Suzy Lamplugh Trust and Paladin, there is limited support available in Kent. The Commissioner is currently scoping the options for piloting a countywide stalking support service.',
      ), // 9
      para(
        "The VRC also helped shaped the Commissioner's decision-making with regards to investing the 2019/20 council tax receipts on 180 additional police officers, and to continue supporting the work of the St Giles Trust. The charity has been working in Kent since 2017 to help young people at risk of being exploited by county lines gangs to turn their lives around.",
      ), // 10
    ],
  },
  {
    key: 'national-picture',
    heading: 'National picture',
    body: [
      para('In March 2019, the government announced a dedicated £100m Serious Violence Fund to crack down on violent crime.'), // 11
      para(
        'In April 2019, those forces across England and Wales worst affected by serious violence and knife crime received a share of £51m surge funding to support additional police officer deployments, improved intelligence, and short-term operational activity. In May, the same forces received a further share of £12.4m.',
      ), // 12
      para(
        "The funding was allocated to the 18 forces with the highest number of hospital admissions for 'assault with a sharp object'. Those to receive a share included the Metropolitan Police, West Midlands Police, Greater Manchester Police, Sussex Police and Essex Police",
      ), // 13
      para(
        'Kent Police received £1.66m which was used to boost patrols over the Easter weekend, conduct more weapon sweeps and execute early-morning warrants against people suspected of being involved in county lines and other serious criminality',
      ), // 14
      para(
        "Additionally, the government have proposed a new legal duty on public bodies to prevent and tackle serious violence. Recognising that it is not something the police can simply arrest its way out of, the new 'public health duty' will cover the police, local councils, local health bodies, education representatives and youth offending services. It is designed to ensure that relevant services work together to share data, intelligence and knowledge to understand and address the root causes of serious violence including knife crime. The government also plans to amend the Crime and Disorder Act 1998 to ensure that serious violence is an explicit priority for Community Safety Partnerships.",
      ), // 15
      para(
        "In support of these proposals, the then Home Secretary provisionally allocated a further £35m to the Police and Crime Commissioners in the same 18 force areas to set up Violence Reduction Units (VRUs). The government's intention is that these units will lead and coordinate a local multi-agency response to serious violence and its underlying causes. By implementing a public health approach, they will also act as a focal point for effort to stop children and young people being drawn into the spiral of crime and violence in the first place.",
      ), // 16
      para(
        "In June 2019, the Home Office notified the Commissioner that Kent had been allocated £1.16m to establish a VRU. The funding is required to be spent by the end of March 2020. Following receipt of further guidance, and a telephone conference with the Home Office, Kent's application for funding was finally approved on 9 August 2019.",
      ), // 17
      para('Whilst in the early stages of development, the goals of the VRU will be to:'), // 18
      bullets(
        'Find the major causes of violence and co-ordinate activity across Kent to tackle violence and deliver long term reductions.',
        'Involve communities in its work and build capacity to deliver the best long term solutions to reduce violence.',
      ),
      para(
        'The VRU is expected to be agile and able to proactively develop information and intelligence from all agencies to enable bespoke prevention and early intervention activities at a hyper local level. It will bring together specialists from health, police, local government, probation and community organisations to provide a coordinated, multi-agency approach to tackling the root causes of violent crime and prevent young people from being drawn into crime in the first place. Partners will be focussed on spotting the early signs of what might lead to criminal behaviour and concentrate attention and resources on what has the biggest impact.',
      ), // 19
      para('Governance of the VRU includes:'), // 20
      bullets(
        'Kent Police and Crime Commissioner',
        'Kent Police',
        'Public Health, Medway',
        'Public Health, KCC',
        'Dartford, Gravesham and Swanley; Medway; Swale; and West Kent Clinical Commissioning Groups (signatory for all eight Kent CCGs).',
        "Integrated Children's services KCC (with responsibility for YOTs and Early Help Service)",
        'People Services Medway',
        'Public Health England',
      ),
      para(
        'The VRU will oversee a dedicated helpline for young people affected by violence, either as a victim or as someone being drawn towards violent groups, activities or behaviours. The helpline will offer emotional advice and practical signposting, as well as referrals to an outreach service. Early interventions provided by the outreach service are likely to include mentoring and evidence based intervention therapy incorporating help to parents. Further outreach work will be commissioned to help divert individual young people identified as being involved in low level knife crime away from such behaviour.',
      ), // 21
      para(
        'A Programme Manager and VRU Manager will be appointed at the earliest opportunity. Whilst the problem profile and response strategy are being drawn up, these two roles will (amongst other activities) focus on the consultation strategy to ensure that local communities are consulted on the approach and key areas of focus. This strategy will include early engagement, journey mapping with specific groups to identify course of life intervention points and ongoing consultation and feedback with a focus on young people.',
      ), // 22
      para(
        "The Government's Serious Violence Strategy (published in April 2018) also included a commitment to delivering a £22m Early Intervention Youth Fund (EIYF) over two years - £11m in 2018/19 and £11m in 2019/20. The purpose of the Fund was to provide support for early intervention programmes with young people at risk of criminal involvement, as victims and/or perpetrators.",
      ), // 23
      para(
        'On 26 June 2019, the then Home Secretary announced that the remaining £3.3m of the EIYF would be distributed to 10 areas to support projects that prevent young people from being drawn into crime and to help them make more positive life choices.',
      ), // 24
      para(
        'The Commissioner was successful in bidding for £527,573 which will allow further work to divert young people at risk of exploitation by county lines gangs away from criminality and abuse, and better support young people who come into contact with the police to try and prevent future offending. It also increases the scope to improve links with local schools to deliver more effective crime prevention messages.',
      ), // 25
    ],
  },
  {
    key: 'conclusion',
    heading: 'Conclusion',
    body: [
      para(
        "The Government's Serious Violence Strategy recognises that to break the cycle of violence that devastates the lives of individuals, families and communities, there needs to be a balance between prevention and effective law enforcement.",
      ), // 26
      para(
        'The Commissioner also understands the pivotal role he has in delivering against this objective; in terms of both holding the Chief Constable to account for policing in the county, and working with partners to deliver initiatives that help provide people with the tools, support and opportunity to live violence-free lives.',
      ), // 27
      para(
        "As set out above, the foundations for delivering greater partnership activity to address the root causes of violence were established through the Commissioner's VRC. Whilst early days, thanks in part to additional funding from the Home Office, there is now the opportunity to deliver broader, wider and more coordinated activity to make a real difference to lives in Kent.",
      ), // 28
    ],
  },
];

const PAPERS = {
  boardUpdate: {
    reference: 'SB/2020/03',
    title: 'Kent Violence Reduction Unit – update',
    templateKey: 'board-paper',
    board: 'strategic',
    meeting: 'boardMarch',
    agendaPosition: 4,
    // The seed names no author or presenter; the VRU Managers are the ILLUSTRATIVE choice.
    author: 'markPowell',
    presenter: 'benLoose',
    purpose: 'decision',
    header: {},
    sections: BOARD_PAPER_SECTIONS,
  },
  panelReport: {
    reference: 'PCP/2019/09',
    title: 'Violence reduction - update',
    templateKey: 'panel-report',
    board: 'panel',
    meeting: 'panelSeptember',
    agendaPosition: 4,
    author: 'matthewScott',
    presenter: 'matthewScott',
    purpose: 'information',
    header: {
      from: 'Matthew Scott, Kent Police and Crime Commissioner',
      to: 'Kent and Medway Police and Crime Panel',
      subject: 'Violence reduction - update',
      date: '2019-09-24',
    },
    sections: PANEL_REPORT_SECTIONS,
  },
  fundNotice: {
    // The Record of Decision for the Violence Reduction Fund (decision PCC-D-2019-001), written
    // in the decision-notice template so that the demo's notice is complete. The decision and
    // its £1m over three years at up to £35k a bid are seed 000, paragraph 6, and the Violence
    // Reduction Challenge behind it paragraph 5; the originator, the options, the
    // recommendation's wording and the advice taken are ILLUSTRATIVE (the seeds give no notice).
    // The decision's number is the log's own reference, so the header gives none.
    reference: 'OPCC/2019/VRF',
    title: 'Violence Reduction Fund',
    templateKey: 'decision-notice',
    board: null,
    meeting: null,
    agendaPosition: null,
    author: 'chiefFinanceOfficer',
    presenter: 'matthewScott',
    purpose: 'decision',
    header: { originator: 'Chief Executive, Office of the Police and Crime Commissioner', publication: 'Open', date: '2019-04-01' },
    sections: [
      {
        key: 'executive-summary',
        heading: 'Executive summary',
        body: [
          para(
            'The Violence Reduction Challenge, the year-long study the Commissioner began in June 2018 with the emergency services, victims, charities, statutory bodies and other partners, recommended that the Commissioner use a portion of his annual commissioning budget to create a Violence Reduction Fund, to help protect some of the most vulnerable from the most violent. This notice records the decision to set aside £1m over three years for it.',
          ),
        ],
      },
      {
        key: 'options-considered',
        heading: 'Options considered',
        body: [
          romanList(
            'Do nothing: continue to commission from the existing budget lines, with no fund open to community and voluntary groups. Not recommended: it would not answer the Challenge’s recommendation.',
            'A one-year fund of £333,000: simpler to run, but projects could not plan beyond a single year or show results.',
            'A fund of £1m over three years, open to statutory organisations, community and voluntary groups, at up to £35,000 a year for each project, renewed each year on evidence that the money is used effectively. Recommended.',
          ),
        ],
      },
      {
        key: 'recommendation',
        heading: 'Recommendation',
        body: [
          para(
            'That the Commissioner creates a Violence Reduction Fund of £1m over three years from his annual commissioning budget, and invites bids of up to £35,000 a year for awareness campaigns, prevention initiatives, diversion and rehabilitation projects.',
          ),
        ],
      },
      {
        key: 'advice-taken',
        heading: 'Advice taken',
        body: [
          para(
            'Financial: the Chief Finance Officer confirmed that £1m over three years can be met from the commissioning budget within the medium-term financial plan. Legal: the Commissioner may award crime and disorder reduction grants under section 9 of the Police Reform and Social Responsibility Act 2011. Equality: the fund is open to organisations working with any group at risk, and its criteria will be published with the invitation to bid.',
          ),
        ],
      },
    ],
  },
} satisfies Record<
  string,
  {
    reference: string;
    title: string;
    templateKey: string;
    board: Board | null;
    meeting: Meeting | null;
    agendaPosition: number | null;
    author: Person;
    presenter: Person;
    purpose: Purpose;
    header: Record<string, string>;
    sections: SectionSpec[];
  }
>;
const PAPER = idsOf(PAPERS);

// ---------------------------------------------------------------------------------------
// Performance framework
// ---------------------------------------------------------------------------------------

const THEMES = {
  homeOffice: { name: 'Home Office success measures', kind: 'home_office' },
  // The Serious Violence Strategy's four themes (seed 000, paragraph 4).
  countyLines: { name: 'Tackling county lines & misuse of drugs', kind: 'strategy_theme' },
  communities: { name: 'Supporting communities & local partnerships', kind: 'strategy_theme' },
  earlyIntervention: { name: 'Early intervention & prevention', kind: 'strategy_theme' },
  lawEnforcement: { name: 'Law enforcement & the criminal justice response', kind: 'strategy_theme' },
  local: { name: 'Local indicators', kind: 'local' },
} satisfies Record<string, { name: string; kind: 'home_office' | 'strategy_theme' | 'local' }>;
const THEME = idsOf(THEMES);

// No baselines, targets or values: the seeds give none (see the header comment).
// Owners are ILLUSTRATIVE: the partner that holds each data source.
const INDICATORS = {
  hospitalAdmissions: {
    theme: 'homeOffice',
    code: 'HO-1',
    name: 'Hospital (A&E) admissions for knife-related assault, victim under 25',
    definition:
      'Hospital admissions for assault with a knife or sharp object where the victim is aged under 25. A Home Office critical success factor for every VRU (the Kent VRU update paper, 2020: “Reduction in A&E admissions due to knife related assaults (victim under 25)”). Counted from NHS Hospital Episode Statistics, ICD-10 X99 “assault by sharp object”; an episode counts in the period in which it ends.',
    frequency: 'monthly',
    dataSource: 'NHS Hospital Episode Statistics (HES), ICD-10 X99 “assault by sharp object”',
    owner: 'ccgs',
  },
  knifeAssaults: {
    theme: 'homeOffice',
    code: 'HO-2',
    name: 'Police-recorded knife-related assaults, victim under 25',
    definition:
      'Assaults recorded by the police as involving a knife or sharp instrument where the victim is aged under 25. A Home Office critical success factor for every VRU (the Kent VRU update paper, 2020: “Reduction in reported knife related assaults (victim under 25)”).',
    frequency: 'monthly',
    dataSource: 'Police recorded crime (Kent Police): offences involving a knife or sharp instrument',
    owner: 'kentPolice',
  },
  knifeHomicides: {
    theme: 'homeOffice',
    code: 'HO-3',
    name: 'Knife-related homicides, victim under 25, excluding domestic homicides',
    definition:
      'Homicides involving a knife or sharp instrument where the victim is aged under 25, excluding domestic homicides. A Home Office critical success factor for every VRU (the Kent VRU update paper, 2020: “Reduction in knife related murder rate (victim under 25, excluding domestic homicides)”).',
    frequency: 'annual',
    dataSource: 'Home Office Homicide Index',
    owner: 'kentPolice',
  },
  violenceAgainstThePerson: {
    theme: 'local',
    code: 'LOC-1',
    name: 'Violence against the person — recorded offences',
    definition:
      'Violence against the person offences recorded by Kent Police. Note (the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 2): violence against the person increased by over 20% in the year to March 2019 — in part a reflection of improved crime recording accuracy and greater victim confidence to come forward and report.',
    frequency: 'monthly',
    dataSource: 'Police recorded crime (Kent Police)',
    owner: 'kentPolice',
  },
} satisfies Record<string, { theme: keyof typeof THEMES; code: string; name: string; definition: string; frequency: 'monthly' | 'quarterly' | 'annual'; dataSource: string; owner: Org }>;
type Indicator = keyof typeof INDICATORS;
const INDICATOR = idsOf(INDICATORS);

// ---------------------------------------------------------------------------------------
// Funding
// ---------------------------------------------------------------------------------------

interface StreamSpec {
  reference: string;
  name: string;
  funder: string;
  firstYear: string;
  lastYear: string;
  spendBy: string | null;
  claimFrequency: 'monthly' | 'quarterly' | 'annual';
  awardCapPence: number | null;
  notes: string;
  /** Allocation per financial year, in pence. */
  allocations: Record<string, number>;
}

const STREAMS = {
  vruGrant: {
    reference: 'VRU-2019',
    name: 'VRU grant (Serious Violence Fund)',
    funder: 'Home Office',
    firstYear: '2019/20',
    lastYear: '2019/20',
    spendBy: '2020-03-31',
    claimFrequency: 'quarterly',
    awardCapPence: null,
    notes:
      'In June 2019 the Home Office notified the Commissioner that Kent had been allocated £1.16m to establish a VRU, to be spent by the end of March 2020; the application was approved on 9 August 2019 (the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 17). No carry-over between years.',
    allocations: { '2019/20': pounds(1_160_000) },
  },
  violenceReductionFund: {
    reference: 'VRF',
    name: 'Violence Reduction Fund',
    funder: 'Kent Police and Crime Commissioner',
    firstYear: '2019/20',
    lastYear: '2021/22',
    spendBy: null, // not stated in the seeds
    claimFrequency: 'annual', // ILLUSTRATIVE: the seeds do not say; awards are renewed year by year
    awardCapPence: pounds(35_000),
    notes:
      "Set aside by the Commissioner from his annual commissioning budget: £1m over three years; statutory organisations, community and voluntary groups could bid for a maximum of £35k per year (the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 6). Nine projects were funded in July 2019 and will be funded again in 2020/21 and 2021/22 provided that they evidence taxpayers' money is being used effectively and comply with monitoring requirements (paragraph 7). Six of the nine are named in that report and recorded here.",
    // £1m over three years with no split given: the whole pounds are shared as evenly as
    // the penny allows, the odd 100p going to the first year, so the three years sum to
    // exactly £1,000,000.00.
    allocations: { '2019/20': 33_333_400, '2020/21': 33_333_300, '2021/22': 33_333_300 },
  },
  earlyInterventionYouthFund: {
    reference: 'EIYF',
    name: 'Early Intervention Youth Fund',
    funder: 'Home Office',
    firstYear: '2019/20',
    lastYear: '2019/20',
    spendBy: null, // not stated in the seeds
    claimFrequency: 'quarterly',
    awardCapPence: null,
    notes:
      'The Commissioner was successful in bidding for £527,573 from the remaining £3.3m of the EIYF, to divert young people at risk of exploitation by county lines gangs, better support young people who come into contact with the police, and improve links with local schools (the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraphs 23–25).',
    allocations: { '2019/20': 52_757_300 },
  },
  surge: {
    reference: 'SURGE',
    name: 'Serious violence surge funding',
    funder: 'Home Office',
    firstYear: '2019/20',
    lastYear: '2019/20',
    spendBy: null, // not stated in the seeds
    claimFrequency: 'quarterly',
    awardCapPence: null,
    notes:
      'Paid to Kent Police: £1.66m, used to boost patrols over the Easter weekend, conduct more weapon sweeps and execute early-morning warrants against people suspected of being involved in county lines and other serious criminality (the Commissioner’s report to the Police and Crime Panel, 24 September 2019, paragraph 14).',
    allocations: { '2019/20': pounds(1_660_000) },
  },
} satisfies Record<string, StreamSpec>;
type Stream = keyof typeof STREAMS;
const STREAM = idsOf(STREAMS);

// The VRU grant's 2019/20 budget by the spend headings of seed 004. The seed gives no
// amount per heading: this split is ILLUSTRATIVE and only its total, £1.16m, is the seed's.
// Preventative measures (knife detection equipment, CCTV, trauma packs) are capital.
const BUDGET_LINES: { stream: Stream; year: string; heading: string; costType: 'revenue' | 'capital'; allocatedPence: number }[] = [
  { stream: 'vruGrant', year: '2019/20', heading: 'Commissioned services', costType: 'revenue', allocatedPence: pounds(520_000) },
  { stream: 'vruGrant', year: '2019/20', heading: 'Community engagement', costType: 'revenue', allocatedPence: pounds(50_000) },
  { stream: 'vruGrant', year: '2019/20', heading: 'Professional development', costType: 'revenue', allocatedPence: pounds(30_000) },
  { stream: 'vruGrant', year: '2019/20', heading: 'Preventative measures', costType: 'capital', allocatedPence: pounds(120_000) },
  { stream: 'vruGrant', year: '2019/20', heading: 'Media', costType: 'revenue', allocatedPence: pounds(60_000) },
  { stream: 'vruGrant', year: '2019/20', heading: 'Staff', costType: 'revenue', allocatedPence: pounds(380_000) },
];

// The six Violence Reduction Fund projects named in seed 000, paragraph 7, with the amounts
// as printed. Kent Police's £36,814 is above the fund's £35k cap as printed; it is kept, and
// the funding rules flag it. The three unnamed projects are not invented. Tiers are the
// demo's ILLUSTRATIVE classification, not the seed's; "July 2019" is entered as 1 July.
const AWARDS = {
  miniCadets: {
    org: 'kentPolice',
    project: 'Mini Cadets scheme',
    description: 'To deliver a Mini Cadets scheme in local schools, building on the successful Volunteer Police Cadets scheme.',
    tier: 'primary',
    amount2019: pounds(36_814),
  },
  risingSun: {
    org: 'risingSun',
    project: 'Support for girls aged 11-16 at risk of sexual exploitation or coercive and controlling relationships',
    description: 'To provide support for girls aged 11-16 who are at risk of sexual exploitation or being in coercive and controlling relationships.',
    tier: 'secondary',
    amount2019: pounds(35_000),
  },
  crimestoppers: {
    org: 'crimestoppers',
    project: 'Awareness of weapons, street crime and sexual exploitation for 11-16 year olds',
    description: 'To increase 11-16 year olds awareness of weapons, street crime and sexual exploitation.',
    tier: 'primary',
    amount2019: pounds(35_000),
  },
  uprising: {
    org: 'uprising',
    project: 'Knife crime awareness campaign in east Kent',
    description: 'To deliver a knife crime awareness campaign in east Kent.',
    tier: 'primary',
    amount2019: pounds(32_000),
  },
  reformRestoreRespect: {
    org: 'reformRestoreRespect',
    project: 'Year 6 workshops on gang violence and knife crime',
    description: 'To deliver 90-minute workshops to Year 6 pupils around gang violence and knife crime.',
    tier: 'primary',
    amount2019: pounds(5_000),
  },
  forwardTrust: {
    org: 'forwardTrust',
    project: 'Violence Reduction Peer Mentoring programme',
    description: 'To provide a Violence Reduction Peer Mentoring programme for clients accessing their East Kent Community Drug and Alcohol Services.',
    tier: 'tertiary',
    amount2019: pounds(34_125),
  },
} satisfies Record<string, { org: Org; project: string; description: string; tier: 'primary' | 'secondary' | 'tertiary'; amount2019: number }>;
const AWARD = idsOf(AWARDS);
const VRF_AWARDS_START = '2019-07-01';

// The Early Intervention Youth Fund's budget, spend and third-quarter claim, ILLUSTRATIVE
// throughout: the seeds give only the award (£527,573, seed 000 paragraphs 23–25), but a
// return with no claim cannot show the dates a claim carries. The budget splits the award
// across the headings its purposes need (diversion from county lines, staff, links with
// schools, equipment, evaluation) and adds up to it exactly; actuals by month (£) run from
// October to December 2019, and the forecast covers January to March 2020, the months after
// the claim. The forecast to year end is the budget on every heading but two (Training and
// professional development and Evaluation, £3,000 under each). Every spend row says in its
// source that it is illustrative.
const EIYF_LINES: { heading: string; costType: 'revenue' | 'capital'; budget: number; actual: [number, number, number]; forecast: [number, number, number] }[] = [
  { heading: 'Interventions', costType: 'revenue', budget: 280_000, actual: [20_000, 35_000, 45_000], forecast: [55_000, 60_000, 65_000] },
  { heading: 'Staff', costType: 'revenue', budget: 150_000, actual: [15_000, 25_000, 25_000], forecast: [28_000, 28_000, 29_000] },
  { heading: 'Training and professional development', costType: 'revenue', budget: 50_000, actual: [0, 4_000, 6_000], forecast: [12_000, 12_000, 13_000] },
  { heading: 'Evaluation', costType: 'revenue', budget: 27_573, actual: [0, 0, 0], forecast: [0, 0, 24_573] },
  { heading: 'Equipment', costType: 'capital', budget: 20_000, actual: [12_000, 0, 0], forecast: [0, 8_000, 0] },
];
const EIYF_ACTUAL_MONTHS = ['2019-10', '2019-11', '2019-12'];
const EIYF_FORECAST_MONTHS = ['2020-01', '2020-02', '2020-03'];
const SPEND_SOURCE = 'Illustrative figures of the demonstration workspace';

/**
 * The Q3 2019/20 claim on the Early Intervention Youth Fund: recorded (prepared) on 14 January
 * 2020, signed off by the Chief Finance Officer on 22 January and submitted on 24 January, not
 * yet paid when the workspace stands (early March 2020). Its amount is the quarter's actual
 * spend, as the app fixes it on submission.
 */
const EIYF_CLAIM = {
  period: 'Q3',
  preparedBy: 'boardSecretary',
  signedOffBy: 'chiefFinanceOfficer',
  recordedAt: '2020-01-14T10:30:00',
  signedOffOn: '2020-01-22',
  submittedOn: '2020-01-24',
} as const;

// ---------------------------------------------------------------------------------------
// Decisions and actions
// ---------------------------------------------------------------------------------------

interface DecisionSpec {
  reference: string;
  board: Board | null;
  meeting: Meeting | null;
  agendaPosition: number | null;
  paper: keyof typeof PAPERS | null;
  title: string;
  text: string;
  type: 'approve' | 'endorse' | 'note' | 'reject' | 'defer';
  decidedBy: 'board' | 'commissioner';
  decidedOn: string | null;
  status: 'proposed' | 'agreed' | 'deferred' | 'rejected' | 'superseded';
  owner: Person | null;
  financialAmountPence: number | null;
  stream: Stream | null;
  indicators: Indicator[];
}

const DECISIONS = {
  problemProfile: {
    // Seed 004: "The VRU Problem Profile & draft Response has been presented to the Strategic
    // Board and approved." Placing it at the January 2020 meeting is ILLUSTRATIVE.
    reference: 'SB-D-2020-001',
    board: 'strategic',
    meeting: 'boardJanuary',
    agendaPosition: 4,
    paper: null,
    title: 'VRU Problem Profile and draft Response Strategy approved',
    text: 'The Strategic Board approved the VRU Problem Profile and draft Response Strategy.',
    type: 'approve',
    decidedBy: 'board',
    decidedOn: '2020-01-23',
    status: 'agreed',
    owner: 'benLoose',
    financialAmountPence: null,
    stream: null,
    indicators: ['hospitalAdmissions', 'knifeAssaults', 'knifeHomicides'],
  },
  researchApproaches: {
    // Seed 004's Decision Required and Recommendation, proposed to the March Board.
    reference: 'SB-D-2020-002',
    board: 'strategic',
    meeting: 'boardMarch',
    agendaPosition: 4,
    paper: 'boardUpdate',
    title: 'Support the approaches identified by the VRU',
    text: RECOMMENDATION,
    type: 'endorse',
    decidedBy: 'board',
    decidedOn: null,
    status: 'proposed',
    owner: null,
    financialAmountPence: null,
    stream: null,
    indicators: [],
  },
  violenceReductionFund: {
    // Seed 000, paragraph 6. The seed gives neither the decision's number nor its date: the
    // reference follows the app's own numbering and is ILLUSTRATIVE, and so is the date, the
    // start of 2019/20, after the Violence Reduction Challenge that recommended the fund
    // (June 2018, a year long) and before the first awards (July 2019, paragraph 7). Its
    // Record of Decision is the paper fundNotice.
    reference: 'PCC-D-2019-001',
    board: null,
    meeting: null,
    agendaPosition: null,
    paper: 'fundNotice',
    title: 'Violence Reduction Fund established: £1m over three years',
    text: 'To use a portion of the Commissioner’s annual commissioning budget to create a Violence Reduction Fund: £1m set aside over three years, with statutory organisations, community and voluntary groups invited to bid for a maximum of £35k per year, to fund activities such as awareness campaigns, prevention initiatives, diversion and rehabilitation projects.',
    type: 'approve',
    decidedBy: 'commissioner',
    decidedOn: '2019-04-01',
    status: 'agreed',
    owner: 'matthewScott',
    financialAmountPence: pounds(1_000_000),
    stream: 'violenceReductionFund',
    // ILLUSTRATIVE: the seed gives no indicators for the fund; these are the measures its
    // knife crime awareness and prevention projects answer to (seed 000, paragraph 7).
    indicators: ['knifeAssaults', 'violenceAgainstThePerson'],
  },
} satisfies Record<string, DecisionSpec>;
const DECISION = idsOf(DECISIONS);

// Actions from the January Board, drawn from seed 004's barriers and next steps.
// Owners, due dates, statuses and updates are ILLUSTRATIVE.
const ACTIONS: {
  description: string;
  ownerPerson: Person | null;
  ownerOrganisation: Org | null;
  dueOn: string;
  status: 'open' | 'in_progress' | 'done' | 'dropped';
  completedOn: string | null;
  updates: [string, string][];
}[] = [
  {
    description: 'Circulate the approved Problem Profile and draft Response Strategy to the 13 Community Safety Partnerships.',
    ownerPerson: 'benLoose',
    ownerOrganisation: null,
    dueOn: '2020-02-07',
    status: 'done',
    completedOn: '2020-02-05',
    updates: [['2020-02-05', 'Sent to all 13 Community Safety Partnership chairs.']],
  },
  {
    description: 'Set out the options for a multi-agency case management system for 2020/21.',
    ownerPerson: 'markPowell',
    ownerOrganisation: null,
    dueOn: '2020-03-19',
    status: 'in_progress',
    completedOn: null,
    updates: [['2020-02-20', 'Requirements gathered from partners; options to come to the March Board.']],
  },
  {
    description: 'Propose a VRU performance framework built on the Home Office success measures.',
    ownerPerson: 'benLoose',
    ownerOrganisation: null,
    dueOn: '2020-03-19',
    status: 'open',
    completedOn: null,
    updates: [],
  },
  {
    description: 'Develop a communications and media strategy with the Thanet, Medway and Maidstone Task Forces.',
    ownerPerson: null,
    ownerOrganisation: 'opcc',
    dueOn: '2020-04-30',
    status: 'open',
    completedOn: null,
    updates: [],
  },
];

// ---------------------------------------------------------------------------------------
// The bundle
// ---------------------------------------------------------------------------------------

function organisationRows(): BundleRow[] {
  return entries(ORGANISATIONS).map(([key, o]) => ({ id: ORG[key], name: o.name, short_name: o.shortName, kind: o.kind, notes: o.notes, ...stamps }));
}

function personRows(): BundleRow[] {
  return entries(PEOPLE).map(([key, p]: [Person, PersonSpec]) => ({
    id: PERSON[key],
    given_name: p.given,
    family_name: p.family,
    honorific: p.honorific,
    job_title: p.jobTitle,
    organisation_id: ORG[p.org],
    notes: p.illustrative ? ILLUSTRATIVE_PERSON : '',
    ...stamps,
  }));
}

function boardTables(): Record<string, BundleRow[]> {
  return {
    board: entries(BOARDS).map(([key, b]) => ({
      id: BOARD[key],
      name: b.name,
      code: b.code,
      kind: b.kind,
      quorum_count: b.quorumCount,
      papers_due_working_days: 5,
      default_length_minutes: 120,
      protective_marking: 'OFFICIAL',
      terms_of_reference: b.termsOfReference,
      ...stamps,
    })),
    board_quorum_organisation: QUORUM_ORGANISATIONS.map(([board, org]) => ({ board_id: BOARD[board], organisation_id: ORG[org] })),
    membership: entries(MEMBERSHIPS).map(([key, m]) => ({
      id: MEMBERSHIP[key],
      board_id: BOARD[m.board],
      person_id: PERSON[m.person],
      role: m.role,
      starts_on: m.startsOn,
      ends_on: null,
      ...stamps,
    })),
    membership_substitute: SUBSTITUTES.map(([membership, person]) => ({ membership_id: MEMBERSHIP[membership], person_id: PERSON[person] })),
  };
}

/**
 * Minutes drafted or approved carry their minute numbers, as meeting.setStatus gives them (the
 * board's default format, the running number continuing through the year's meetings of the
 * board in date order, in agenda order): the demo's January draft reads "SB 1/20" … "SB 6/20",
 * so the March meeting's minutes continue at SB 7/20.
 */
function minuteNumberOf(meeting: Meeting, index: number): { minute_number: string; minute_seq: number } | Record<string, never> {
  const drafted = (status: MeetingStatus) => status === 'minutes_draft' || status === 'minutes_approved';
  const m = MEETINGS[meeting];
  if (!drafted(m.status)) return {};
  const year = m.startsAt.slice(0, 4);
  const earlier = entries(MEETINGS).filter(([, o]) => o.board === m.board && o.startsAt.slice(0, 4) === year && o.startsAt < m.startsAt && drafted(o.status));
  const seq = earlier.reduce((n, [key]) => n + AGENDAS[key].length, 0) + index + 1;
  return { minute_number: formatMinuteNumber(DEFAULT_MINUTE_FORMAT, BOARDS[m.board].code, seq, m.startsAt), minute_seq: seq };
}

function meetingTables(): Record<string, BundleRow[]> {
  return {
    meeting: entries(MEETINGS).map(([key, m]) => ({
      id: MEETING[key],
      board_id: BOARD[m.board],
      title: '',
      starts_at: m.startsAt,
      ends_at: m.endsAt,
      location: m.location,
      online_link: '',
      status: m.status,
      papers_due_on: m.papersDueOn,
      quorate: m.quorate,
      ...stamps,
    })),
    attendance: ATTENDANCE.map((a, i) => ({
      id: i + 1,
      meeting_id: MEETING[a.meeting],
      person_id: PERSON[a.person],
      status: a.status,
      substitute_for_person_id: a.substituteFor ? PERSON[a.substituteFor] : null,
      note: a.note ?? '',
    })),
    agenda_item: entries(AGENDAS).flatMap(([meeting, items]) =>
      items.map((it, i) => ({
        ...minuteNumberOf(meeting, i),
        id: agendaItemId(meeting, i + 1),
        meeting_id: MEETING[meeting],
        position: i + 1,
        title: it.title,
        purpose: it.purpose,
        lead_person_id: it.lead ? PERSON[it.lead] : null,
        minutes_allotted: it.minutes,
        confidential: 0,
        standing_kind: it.standing,
        discussion: it.discussion ?? '',
        ...stamps,
      })),
    ),
    forward_plan_item: FORWARD_PLAN.map((f, i) => ({
      id: i + 1,
      board_id: BOARD[f.board],
      title: f.title,
      purpose: f.purpose,
      lead_person_id: PERSON[f.lead],
      planned_for: f.plannedFor,
      agenda_item_id: null,
    })),
  };
}

function paperTables(): Record<string, BundleRow[]> {
  let sectionId = 0;
  return {
    paper: entries(PAPERS).map(([key, p]) => ({
      id: PAPER[key],
      reference: p.reference,
      title: p.title,
      template_key: p.templateKey,
      board_id: p.board ? BOARD[p.board] : null,
      meeting_id: p.meeting ? MEETING[p.meeting] : null,
      agenda_item_id: p.meeting && p.agendaPosition ? agendaItemId(p.meeting, p.agendaPosition) : null,
      author_person_id: PERSON[p.author],
      presenter_person_id: PERSON[p.presenter],
      protective_marking: 'OFFICIAL',
      purpose: p.purpose,
      status: 'final',
      header_json: JSON.stringify(p.header),
      issued_at: null,
      ...stamps,
    })),
    paper_section: entries(PAPERS).flatMap(([key, p]) =>
      p.sections.map((s, i) => ({
        id: ++sectionId,
        paper_id: PAPER[key],
        position: i + 1,
        key: s.key,
        heading: s.heading,
        body_json: JSON.stringify(s.body),
      })),
    ),
  };
}

function decisionTables(): Record<string, BundleRow[]> {
  let updateId = 0;
  return {
    decision: entries(DECISIONS).map(([key, d]: [keyof typeof DECISIONS, DecisionSpec]) => ({
      id: DECISION[key],
      reference: d.reference,
      board_id: d.board ? BOARD[d.board] : null,
      meeting_id: d.meeting ? MEETING[d.meeting] : null,
      agenda_item_id: d.meeting && d.agendaPosition ? agendaItemId(d.meeting, d.agendaPosition) : null,
      paper_id: d.paper ? PAPER[d.paper] : null,
      title: d.title,
      text: d.text,
      type: d.type,
      decided_by: d.decidedBy,
      decided_on: d.decidedOn,
      status: d.status,
      superseded_by_id: null,
      owner_person_id: d.owner ? PERSON[d.owner] : null,
      implementation_due_on: null,
      review_on: null,
      financial_amount_pence: d.financialAmountPence,
      funding_stream_id: d.stream ? STREAM[d.stream] : null,
      confidential: 0,
      confidential_reason: '',
      published_on: null,
      ...stamps,
    })),
    decision_indicator: entries(DECISIONS).flatMap(([key, d]: [keyof typeof DECISIONS, DecisionSpec]) =>
      d.indicators.map((indicator) => ({ decision_id: DECISION[key], indicator_id: INDICATOR[indicator] })),
    ),
    action: ACTIONS.map((a, i) => ({
      id: i + 1,
      board_id: BOARD.strategic,
      meeting_id: MEETING.boardJanuary,
      agenda_item_id: agendaItemId('boardJanuary', 4),
      description: a.description,
      owner_person_id: a.ownerPerson ? PERSON[a.ownerPerson] : null,
      owner_organisation_id: a.ownerOrganisation ? ORG[a.ownerOrganisation] : null,
      due_on: a.dueOn,
      status: a.status,
      completed_on: a.completedOn,
      ...stamps,
    })),
    action_update: ACTIONS.flatMap((a, i) => a.updates.map(([on, text]) => ({ id: ++updateId, action_id: i + 1, updated_on: on, text }))),
  };
}

function performanceTables(): Record<string, BundleRow[]> {
  return {
    framework_theme: entries(THEMES).map(([key, t], i) => ({ id: THEME[key], name: t.name, kind: t.kind, position: i + 1, rag_amber_tolerance_percent: 5 })),
    indicator: entries(INDICATORS).map(([key, ind]) => ({
      id: INDICATOR[key],
      theme_id: THEME[ind.theme],
      code: ind.code,
      name: ind.name,
      definition: ind.definition,
      unit: 'count',
      polarity: 'lower_is_better',
      frequency: ind.frequency,
      data_source: ind.dataSource,
      owner_organisation_id: ORG[ind.owner],
      baseline_period: null,
      baseline_value: null,
      target_kind: null,
      target_value: null,
      target_by: null,
    })),
  };
}

function fundingTables(): Record<string, BundleRow[]> {
  return {
    funding_stream: entries(STREAMS).map(([key, s]: [Stream, StreamSpec]) => ({
      id: STREAM[key],
      reference: s.reference,
      name: s.name,
      funder: s.funder,
      agreement_reference: '',
      first_year: s.firstYear,
      last_year: s.lastYear,
      spend_by: s.spendBy,
      claim_frequency: s.claimFrequency,
      award_cap_pence: s.awardCapPence,
      match_funding_percent: null,
      min_intervention_percent: null,
      evaluation_percent: null,
      carry_over_allowed: 0,
      notes: s.notes,
      ...stamps,
    })),
    stream_allocation: entries(STREAMS).flatMap(([key, s]: [Stream, StreamSpec]) =>
      Object.entries(s.allocations).map(([year, pence]) => ({ stream_id: STREAM[key], financial_year: year, amount_pence: pence })),
    ),
    budget_line: BUDGET_LINES.map((b, i) => ({
      id: i + 1,
      stream_id: STREAM[b.stream],
      financial_year: b.year,
      heading: b.heading,
      cost_type: b.costType,
      cost_centre: '',
      allocated_pence: b.allocatedPence,
    })).concat(
      EIYF_LINES.map((h, i) => ({
        id: eiyfLineId(i),
        stream_id: STREAM.earlyInterventionYouthFund,
        financial_year: '2019/20',
        heading: h.heading,
        cost_type: h.costType,
        cost_centre: '',
        allocated_pence: pounds(h.budget),
      })),
    ),
    award: entries(AWARDS).map(([key, a]) => ({
      id: AWARD[key],
      stream_id: STREAM.violenceReductionFund,
      organisation_id: ORG[a.org],
      project: a.project,
      description: a.description,
      starts_on: VRF_AWARDS_START,
      ends_on: null,
      tier: a.tier,
      theme: '',
      monitoring_met: null,
      ...stamps,
    })),
    award_year: entries(AWARDS).map(([key, a]) => ({ award_id: AWARD[key], financial_year: '2019/20', amount_pence: a.amount2019 })),
    spend: eiyfSpendRows(),
    claim: [
      {
        id: 1,
        stream_id: STREAM.earlyInterventionYouthFund,
        financial_year: '2019/20',
        period: EIYF_CLAIM.period,
        status: 'submitted',
        amount_pence: EIYF_LINES.reduce((sum, h) => sum + pounds(h.actual[0] + h.actual[1] + h.actual[2]), 0),
        prepared_by: personName(EIYF_CLAIM.preparedBy),
        signed_off_by: personName(EIYF_CLAIM.signedOffBy),
        signed_off_on: EIYF_CLAIM.signedOffOn,
        submitted_on: EIYF_CLAIM.submittedOn,
        paid_on: null,
        created_at: EIYF_CLAIM.recordedAt,
        updated_at: `${EIYF_CLAIM.submittedOn}T15:00:00`,
      },
    ],
  };
}

function personName(key: Person): string {
  const p: PersonSpec = PEOPLE[key];
  return [p.honorific, p.given, p.family].filter(Boolean).join(' ');
}

/** The EIYF's budget lines come after the VRU grant's, in the same table. */
const eiyfLineId = (i: number): number => BUDGET_LINES.length + i + 1;

/** One row per heading, month and kind with money in it (a month with nothing spent has no row). */
function eiyfSpendRows(): BundleRow[] {
  const rows: BundleRow[] = [];
  EIYF_LINES.forEach((h, li) => {
    const add = (months: string[], kind: 'actual' | 'forecast', amounts: number[]) =>
      months.forEach((month, i) => {
        if (amounts[i]! > 0) rows.push({ id: rows.length + 1, budget_line_id: eiyfLineId(li), award_id: null, month, kind, amount_pence: pounds(amounts[i]!), source: SPEND_SOURCE, note: '' });
      });
    add(EIYF_ACTUAL_MONTHS, 'actual', h.actual);
    add(EIYF_FORECAST_MONTHS, 'forecast', h.forecast);
  });
  return rows;
}

/** The Kent & Medway demonstration workspace as an import bundle (written against schema 4: the claim carries signed_off_on). */
export function demoBundle(): Bundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schemaVersion: 4,
    exportedAt: ENTERED_AT,
    tables: {
      organisation: organisationRows(),
      person: personRows(),
      ...boardTables(),
      ...meetingTables(),
      ...paperTables(),
      ...decisionTables(),
      ...performanceTables(),
      ...fundingTables(),
      setting: [
        { id: 1, key: 'organisationName', value: 'Kent & Medway Violence Reduction Unit' },
        { id: 2, key: 'defaultProtectiveMarking', value: 'OFFICIAL' },
      ],
    },
  };
}
