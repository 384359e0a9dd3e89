/**
 * Words for the synthetic workspace, in the domain's own terms (see /work/shared/domain.md).
 * Organisation names are Kent & Medway bodies where they are public bodies, and plainly
 * invented ones for the voluntary sector, so no real charity is shown holding fake money.
 */

export type OrganisationKind =
  | 'police' | 'opcc' | 'council' | 'health' | 'fire' | 'probation' | 'youth_justice' | 'education' | 'charity' | 'government' | 'other';

/** Ordered so that a small-scale workspace still has the statutory partners first. */
export const ORGANISATIONS: readonly { name: string; shortName: string | null; kind: OrganisationKind; domain: string }[] = [
  { name: 'Kent Police', shortName: 'KP', kind: 'police', domain: 'kent.police.example' },
  { name: 'Office of the Kent Police and Crime Commissioner', shortName: 'OPCC', kind: 'opcc', domain: 'kent-pcc.example' },
  { name: 'Kent County Council', shortName: 'KCC', kind: 'council', domain: 'kent.example' },
  { name: 'Medway Council', shortName: 'Medway', kind: 'council', domain: 'medway.example' },
  { name: 'NHS Kent and Medway', shortName: 'ICB', kind: 'health', domain: 'kmicb.example' },
  { name: 'Kent Fire and Rescue Service', shortName: 'KFRS', kind: 'fire', domain: 'kent-fire.example' },
  { name: 'Probation Service (Kent, Surrey and Sussex)', shortName: 'PS', kind: 'probation', domain: 'probation.example' },
  { name: 'Kent Youth Justice Service', shortName: 'YJS', kind: 'youth_justice', domain: 'kent-yjs.example' },
  { name: 'Home Office', shortName: 'HO', kind: 'government', domain: 'homeoffice.example' },
  { name: 'Ashford Borough Council', shortName: null, kind: 'council', domain: 'ashford.example' },
  { name: 'Canterbury City Council', shortName: null, kind: 'council', domain: 'canterbury.example' },
  { name: 'Dartford Borough Council', shortName: null, kind: 'council', domain: 'dartford.example' },
  { name: 'Dover District Council', shortName: null, kind: 'council', domain: 'dover.example' },
  { name: 'Folkestone and Hythe District Council', shortName: null, kind: 'council', domain: 'folkestone-hythe.example' },
  { name: 'Gravesham Borough Council', shortName: null, kind: 'council', domain: 'gravesham.example' },
  { name: 'Maidstone Borough Council', shortName: null, kind: 'council', domain: 'maidstone.example' },
  { name: 'Sevenoaks District Council', shortName: null, kind: 'council', domain: 'sevenoaks.example' },
  { name: 'Swale Borough Council', shortName: null, kind: 'council', domain: 'swale.example' },
  { name: 'Thanet District Council', shortName: null, kind: 'council', domain: 'thanet.example' },
  { name: 'Tonbridge and Malling Borough Council', shortName: null, kind: 'council', domain: 'tmbc.example' },
  { name: 'Tunbridge Wells Borough Council', shortName: null, kind: 'council', domain: 'tunbridgewells.example' },
  { name: 'East Kent Hospitals University NHS Foundation Trust', shortName: 'EKHUFT', kind: 'health', domain: 'ekhuft.example' },
  { name: 'Maidstone and Tunbridge Wells NHS Trust', shortName: 'MTW', kind: 'health', domain: 'mtw.example' },
  { name: 'Medway NHS Foundation Trust', shortName: 'MFT', kind: 'health', domain: 'medway-ft.example' },
  { name: 'Kent Community Health NHS Foundation Trust', shortName: 'KCHFT', kind: 'health', domain: 'kchft.example' },
  { name: 'Kent Association of Headteachers', shortName: null, kind: 'education', domain: 'kah.example' },
  { name: 'Medway Youth Justice Service', shortName: null, kind: 'youth_justice', domain: 'medway-yjs.example' },
  { name: 'North Kent Youth Mentoring Trust', shortName: null, kind: 'charity', domain: 'nkymt.example' },
  { name: 'Thanet Community Boxing Club', shortName: null, kind: 'charity', domain: 'tcbc.example' },
  { name: 'Medway Detached Youth Work Project', shortName: null, kind: 'charity', domain: 'mdywp.example' },
  { name: 'Swale Young Carers and Families', shortName: null, kind: 'charity', domain: 'sycf.example' },
  { name: 'Canterbury Street Sports Collective', shortName: null, kind: 'charity', domain: 'cssc.example' },
  { name: 'Dover Harbour Youth Theatre', shortName: null, kind: 'charity', domain: 'dhyt.example' },
  { name: 'Gravesham Parents Together', shortName: null, kind: 'charity', domain: 'gpt.example' },
  { name: 'Kent Hospital Navigators Network', shortName: null, kind: 'charity', domain: 'khnn.example' },
  { name: 'West Kent Exploitation Support Service', shortName: null, kind: 'charity', domain: 'wkess.example' },
  { name: 'Ashford Girls Inclusion Project', shortName: null, kind: 'charity', domain: 'agip.example' },
  { name: 'Maidstone Community Mediation', shortName: null, kind: 'charity', domain: 'mcm.example' },
  { name: 'Folkestone Coastal Outreach', shortName: null, kind: 'charity', domain: 'fco.example' },
  { name: 'Kent and Medway Trauma Recovery Partnership', shortName: null, kind: 'charity', domain: 'kmtrp.example' },
];

export const GIVEN_NAMES = [
  'Aisha', 'Alan', 'Amara', 'Andrew', 'Anita', 'Ben', 'Bola', 'Catherine', 'Chloe', 'Daniel', 'Deepa', 'Eleanor', 'Emeka',
  'Fiona', 'Gareth', 'Grace', 'Hannah', 'Harpreet', 'Ian', 'Imogen', 'James', 'Jasmine', 'Karen', 'Kwame', 'Laura', 'Liam',
  'Mandeep', 'Mark', 'Matthew', 'Nadia', 'Neil', 'Olivia', 'Patrick', 'Priya', 'Rachel', 'Rhys', 'Samira', 'Sarah', 'Simon',
  'Sophie', 'Stuart', 'Tariq', 'Tom', 'Victoria', 'Wendy', 'Yusuf', 'Zoe',
];

export const FAMILY_NAMES = [
  'Adeyemi', 'Ahmed', 'Atkins', 'Baker', 'Bennett', 'Bhatt', 'Brown', 'Campbell', 'Chambers', 'Clarke', 'Cooper', 'Davies',
  'Dixon', 'Edwards', 'Evans', 'Fletcher', 'Foster', 'Green', 'Gupta', 'Hall', 'Harris', 'Hughes', 'Iqbal', 'Jackson',
  'James', 'Johnson', 'Kaur', 'Khan', 'Lewis', 'Marsh', 'Mensah', 'Mitchell', 'Morgan', 'Nwosu', 'OConnor', 'Okafor',
  'Patel', 'Phillips', 'Price', 'Roberts', 'Robinson', 'Scott', 'Shah', 'Singh', 'Smith', 'Taylor', 'Thomas', 'Turner',
  'Walker', 'Ward', 'Watson', 'White', 'Williams', 'Wilson', 'Wood', 'Wright', 'Young',
];

export const HONORIFICS = ['', '', '', 'Mr', 'Ms', 'Mrs', 'Dr', 'Cllr', 'Supt', 'Ch Supt'];

export const JOB_TITLES = [
  'Chief Constable', 'Assistant Chief Constable', 'Detective Superintendent', 'Police and Crime Commissioner',
  'Chief Executive', 'Chief Finance Officer', 'Director of Public Health', 'Consultant in Public Health',
  'Head of Community Safety', 'Community Safety Manager', 'Head of Youth Justice', 'Head of Probation Delivery Unit',
  'Director of Children’s Services', 'Assistant Director, Early Help', 'Designated Nurse for Safeguarding',
  'Emergency Department Consultant', 'VRU Director', 'VRU Programme Manager', 'VRU Co-ordinator', 'VRU Analyst',
  'Board Secretary', 'Commissioning Manager', 'Project Lead', 'Youth Worker', 'Headteacher', 'Station Manager',
  'Finance Business Partner', 'Performance Manager', 'Communications Officer',
];

/** The bodies the secretariat serves; meetingsPerYear totals 50, i.e. 500 meetings in ten years. */
export const BOARDS: readonly {
  name: string;
  code: string;
  kind: 'board' | 'group' | 'partnership' | 'panel';
  meetingsPerYear: number;
  quorum: number;
  marking: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
}[] = [
  { name: 'Strategic Board', code: 'SB', kind: 'board', meetingsPerYear: 4, quorum: 6, marking: 'OFFICIAL' },
  { name: 'Multi-agency Tactical Group', code: 'TG', kind: 'group', meetingsPerYear: 10, quorum: 5, marking: 'OFFICIAL-SENSITIVE' },
  { name: 'Performance and Finance Group', code: 'PFG', kind: 'group', meetingsPerYear: 12, quorum: 4, marking: 'OFFICIAL' },
  { name: 'Community Safety Partnership Chairs', code: 'CSP', kind: 'partnership', meetingsPerYear: 6, quorum: 5, marking: 'OFFICIAL' },
  { name: 'Youth Advisory Panel', code: 'YAP', kind: 'panel', meetingsPerYear: 6, quorum: 3, marking: 'OFFICIAL' },
  { name: 'Commissioning Panel', code: 'CP', kind: 'panel', meetingsPerYear: 12, quorum: 3, marking: 'OFFICIAL-SENSITIVE' },
];

export const AGENDA_TOPICS = [
  'Problem Profile refresh', 'Response Strategy progress', 'Quarterly performance report', 'Funding position and forecast',
  'Home Office grant return', 'Violence Reduction Fund awards', 'Evaluation findings', 'County lines update',
  'Knife crime hotspots', 'Hospital navigator programme', 'Custody navigator programme', 'School exclusions and violence',
  'Serious Violence Duty readiness', 'Youth voice report', 'Communications campaign', 'Risk register',
  'Data sharing agreement', 'Trauma-informed practice training', 'Mentoring services recommissioning',
  'Detached youth work pilot', 'Night-time economy violence', 'Domestic abuse and serious violence', 'Summer activity programme',
  'Contextual safeguarding', 'Community Safety Partnership plans', 'Annual report', 'Match funding position',
  'Capital equipment: knife detection arches', 'CCTV upgrade proposal', 'Bleed control kits in schools',
];

export const ACTION_STEMS = [
  'Circulate', 'Prepare', 'Confirm', 'Share', 'Arrange a meeting on', 'Report back on', 'Update the board on',
  'Draft a paper on', 'Review', 'Escalate', 'Provide figures for', 'Seek legal advice on',
];

export const INDICATOR_MEASURES = [
  'Hospital admissions for assault with a sharp object, victims under 25',
  'Police-recorded knife-related assaults, victims under 25',
  'Knife-related homicides (excluding domestic), victims under 25',
  'Violence against the person offences', 'Violence with injury offences', 'Robbery of personal property',
  'Possession of weapons offences', 'First-time entrants to the youth justice system', 'Permanent school exclusions',
  'Young people reached by funded projects', 'Referrals to hospital navigators', 'Referrals to custody navigators',
  'Emergency department attendances for assault', 'Repeat victims of serious violence', 'County lines referrals',
];

export const DISTRICTS = [
  'Ashford', 'Canterbury', 'Dartford', 'Dover', 'Folkestone and Hythe', 'Gravesham', 'Maidstone', 'Medway', 'Sevenoaks',
  'Swale', 'Thanet', 'Tonbridge and Malling', 'Tunbridge Wells',
];

/** Funding streams with the financial years they ran (start years of "2015/16"…"2024/25"). */
export const FUNDING_STREAMS: readonly {
  reference: string;
  name: string;
  funder: string;
  firstYear: number;
  lastYear: number;
  yearlyPounds: number;
  capPounds: number | null;
  makesAwards: boolean;
}[] = [
  { reference: 'CSF', name: 'Community Safety Fund', funder: 'Police and Crime Commissioner', firstYear: 2015, lastYear: 2024, yearlyPounds: 1_400_000, capPounds: null, makesAwards: true },
  { reference: 'VRU', name: 'Serious Violence Fund: VRU grant', funder: 'Home Office', firstYear: 2019, lastYear: 2024, yearlyPounds: 1_160_000, capPounds: null, makesAwards: true },
  { reference: 'VRF', name: 'Violence Reduction Fund', funder: 'Police and Crime Commissioner', firstYear: 2019, lastYear: 2021, yearlyPounds: 333_333, capPounds: 35_000, makesAwards: true },
  { reference: 'EIYF', name: 'Early Intervention Youth Fund', funder: 'Home Office', firstYear: 2018, lastYear: 2019, yearlyPounds: 263_786, capPounds: null, makesAwards: true },
  { reference: 'SURGE', name: 'Serious violence surge funding', funder: 'Home Office', firstYear: 2019, lastYear: 2020, yearlyPounds: 830_000, capPounds: null, makesAwards: false },
  { reference: 'SVD', name: 'Serious Violence Duty grant', funder: 'Home Office', firstYear: 2022, lastYear: 2024, yearlyPounds: 420_000, capPounds: null, makesAwards: false },
  { reference: 'YEF', name: 'Youth Endowment Fund partnership', funder: 'Youth Endowment Fund', firstYear: 2020, lastYear: 2023, yearlyPounds: 500_000, capPounds: null, makesAwards: true },
  { reference: 'GRIP', name: 'Grip hot-spot policing', funder: 'Home Office', firstYear: 2021, lastYear: 2024, yearlyPounds: 650_000, capPounds: null, makesAwards: false },
  { reference: 'TRF', name: 'Trusted Relationships Fund', funder: 'Home Office', firstYear: 2015, lastYear: 2018, yearlyPounds: 300_000, capPounds: null, makesAwards: true },
  { reference: 'YDF', name: 'Youth Diversion Fund', funder: 'Ministry of Justice', firstYear: 2016, lastYear: 2019, yearlyPounds: 250_000, capPounds: null, makesAwards: true },
];

/** Spend headings from seed 004; the capital ones are equipment. */
export const BASE_HEADINGS: readonly { heading: string; capital: boolean }[] = [
  { heading: 'Staff: VRU managers', capital: false },
  { heading: 'Staff: co-ordinators', capital: false },
  { heading: 'Staff: analysts', capital: false },
  { heading: 'Professional development', capital: false },
  { heading: 'Media campaigns', capital: false },
  { heading: 'Evaluation', capital: false },
  { heading: 'Preventative measures: knife detection equipment', capital: true },
  { heading: 'Preventative measures: CCTV', capital: true },
  { heading: 'Preventative measures: trauma packs', capital: true },
  { heading: 'Data and analysis', capital: false },
];

/** Headings split by district, as a county-wide unit allocates them. */
export const DISTRICT_HEADINGS = ['Commissioned services', 'Community engagement', 'Youth diversion'];

export const PROJECT_KINDS = [
  'mentoring programme', 'detached youth work', 'boxing and fitness sessions', 'hospital navigators', 'parenting support',
  'school inclusion workers', 'girls’ group work', 'street-based outreach', 'trauma recovery sessions', 'summer activities',
  'custody navigators', 'exploitation support', 'community mediation', 'youth theatre',
];

export const THEMES = [
  'County lines and misuse of drugs', 'Communities and local partnerships', 'Early intervention and prevention',
  'Law enforcement and the criminal justice response',
];
