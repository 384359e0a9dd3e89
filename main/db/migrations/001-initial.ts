import type { Migration } from '../migrate';

/**
 * The whole domain from the start: later issues add behaviour, not tables in a hurry.
 * Conventions: STRICT tables; money is INTEGER pence (*_pence); dates are ISO text
 * (YYYY-MM-DD, datetimes YYYY-MM-DDTHH:MM local wall-clock time, months YYYY-MM);
 * financial years are text like '2019/20'; booleans are INTEGER 0/1 with a CHECK.
 */
export const migration: Migration = {
  version: 1,
  name: 'initial schema: people, meetings, papers, decisions, performance, funding, audit',
  sql: `
CREATE TABLE organisation (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  short_name  TEXT,
  kind        TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
                ('police','opcc','council','health','fire','probation','youth_justice',
                 'education','charity','government','other')),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE person (
  id              INTEGER PRIMARY KEY,
  given_name      TEXT NOT NULL CHECK (length(trim(given_name)) > 0),
  family_name     TEXT NOT NULL CHECK (length(trim(family_name)) > 0),
  honorific       TEXT NOT NULL DEFAULT '',
  job_title       TEXT NOT NULL DEFAULT '',
  organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
  email           TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX person_organisation ON person(organisation_id);
CREATE INDEX person_family_name ON person(family_name COLLATE NOCASE);

-- Meetings -------------------------------------------------------------------------

CREATE TABLE board (
  id                      INTEGER PRIMARY KEY,
  name                    TEXT NOT NULL COLLATE NOCASE UNIQUE,
  code                    TEXT NOT NULL UNIQUE CHECK (code GLOB '[A-Z]*'),
  kind                    TEXT NOT NULL DEFAULT 'board' CHECK (kind IN ('board','group','partnership','panel')),
  quorum_count            INTEGER NOT NULL DEFAULT 1 CHECK (quorum_count >= 1),
  papers_due_working_days INTEGER NOT NULL DEFAULT 5 CHECK (papers_due_working_days >= 0),
  default_length_minutes  INTEGER NOT NULL DEFAULT 120 CHECK (default_length_minutes > 0),
  protective_marking      TEXT NOT NULL DEFAULT 'OFFICIAL' CHECK (protective_marking IN ('OFFICIAL','OFFICIAL-SENSITIVE')),
  terms_of_reference      TEXT NOT NULL DEFAULT '',
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
) STRICT;

-- Organisations whose presence the quorum rule requires.
CREATE TABLE board_quorum_organisation (
  board_id        INTEGER NOT NULL REFERENCES board(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
  PRIMARY KEY (board_id, organisation_id)
) STRICT;

CREATE TABLE membership (
  id          INTEGER PRIMARY KEY,
  board_id    INTEGER NOT NULL REFERENCES board(id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
  role        TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('chair','vice_chair','member','adviser','secretariat')),
  starts_on   TEXT NOT NULL,
  ends_on     TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
) STRICT;
CREATE INDEX membership_board ON membership(board_id, starts_on);
CREATE INDEX membership_person ON membership(person_id);

CREATE TABLE membership_substitute (
  membership_id INTEGER NOT NULL REFERENCES membership(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
  PRIMARY KEY (membership_id, person_id)
) STRICT;

CREATE TABLE meeting (
  id             INTEGER PRIMARY KEY,
  board_id       INTEGER NOT NULL REFERENCES board(id) ON DELETE RESTRICT,
  title          TEXT NOT NULL DEFAULT '',
  starts_at      TEXT NOT NULL,
  ends_at        TEXT NOT NULL,
  location       TEXT NOT NULL DEFAULT '',
  online_link    TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'planned' CHECK (status IN
                   ('planned','agenda_issued','held','minutes_draft','minutes_approved')),
  papers_due_on  TEXT,
  quorate        INTEGER CHECK (quorate IN (0,1)),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (ends_at > starts_at)
) STRICT;
CREATE INDEX meeting_board_date ON meeting(board_id, starts_at);
CREATE INDEX meeting_date ON meeting(starts_at);

CREATE TABLE attendance (
  id                       INTEGER PRIMARY KEY,
  meeting_id               INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  person_id                INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
  status                   TEXT NOT NULL CHECK (status IN ('present','apologies','absent')),
  substitute_for_person_id INTEGER REFERENCES person(id) ON DELETE RESTRICT,
  note                     TEXT NOT NULL DEFAULT '',
  UNIQUE (meeting_id, person_id),
  CHECK (substitute_for_person_id IS NULL OR substitute_for_person_id <> person_id)
) STRICT;

CREATE TABLE agenda_item (
  id               INTEGER PRIMARY KEY,
  meeting_id       INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL CHECK (position >= 1),
  title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
  purpose          TEXT NOT NULL DEFAULT 'discussion' CHECK (purpose IN ('decision','discussion','information','noting')),
  lead_person_id   INTEGER REFERENCES person(id) ON DELETE SET NULL,
  minutes_allotted INTEGER NOT NULL DEFAULT 10 CHECK (minutes_allotted >= 0),
  confidential     INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0,1)),
  standing_kind    TEXT CHECK (standing_kind IN ('welcome','declarations','minutes','aob','next_meeting')),
  discussion       TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

CREATE TABLE declaration (
  id              INTEGER PRIMARY KEY,
  meeting_id      INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  agenda_item_id  INTEGER REFERENCES agenda_item(id) ON DELETE CASCADE,
  person_id       INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
  interest        TEXT NOT NULL CHECK (length(trim(interest)) > 0),
  withdrew        INTEGER NOT NULL DEFAULT 1 CHECK (withdrew IN (0,1))
) STRICT;
CREATE INDEX declaration_meeting ON declaration(meeting_id);

CREATE TABLE forward_plan_item (
  id              INTEGER PRIMARY KEY,
  board_id        INTEGER NOT NULL REFERENCES board(id) ON DELETE CASCADE,
  title           TEXT NOT NULL,
  purpose         TEXT NOT NULL DEFAULT 'discussion' CHECK (purpose IN ('decision','discussion','information','noting')),
  lead_person_id  INTEGER REFERENCES person(id) ON DELETE SET NULL,
  planned_for     TEXT NOT NULL,
  agenda_item_id  INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL
) STRICT;

-- Papers and decisions --------------------------------------------------------------

CREATE TABLE paper (
  id                  INTEGER PRIMARY KEY,
  reference           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
  template_key        TEXT NOT NULL,
  board_id            INTEGER REFERENCES board(id) ON DELETE SET NULL,
  meeting_id          INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
  agenda_item_id      INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
  author_person_id    INTEGER REFERENCES person(id) ON DELETE SET NULL,
  presenter_person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
  protective_marking  TEXT NOT NULL DEFAULT 'OFFICIAL' CHECK (protective_marking IN ('OFFICIAL','OFFICIAL-SENSITIVE')),
  purpose             TEXT NOT NULL DEFAULT 'decision' CHECK (purpose IN ('decision','discussion','information','noting')),
  status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','for_review','final')),
  header_json         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(header_json)),
  issued_at           TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX paper_meeting ON paper(meeting_id);
CREATE INDEX paper_agenda_item ON paper(agenda_item_id);

CREATE TABLE paper_section (
  id         INTEGER PRIMARY KEY,
  paper_id   INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  key        TEXT NOT NULL,
  heading    TEXT NOT NULL,
  -- rich text as a JSON document of blocks (paragraphs, lists, tables, live tables)
  body_json  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(body_json)),
  UNIQUE (paper_id, key)
) STRICT;

CREATE TABLE paper_version (
  id            INTEGER PRIMARY KEY,
  paper_id      INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
  status        TEXT NOT NULL,
  snapshot_json TEXT NOT NULL CHECK (json_valid(snapshot_json)),
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE decision (
  id                       INTEGER PRIMARY KEY,
  reference                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  board_id                 INTEGER REFERENCES board(id) ON DELETE RESTRICT,
  meeting_id               INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
  agenda_item_id           INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
  paper_id                 INTEGER REFERENCES paper(id) ON DELETE SET NULL,
  title                    TEXT NOT NULL CHECK (length(trim(title)) > 0),
  text                     TEXT NOT NULL DEFAULT '',
  type                     TEXT NOT NULL CHECK (type IN ('approve','endorse','note','reject','defer')),
  decided_by               TEXT NOT NULL DEFAULT 'board' CHECK (decided_by IN ('board','commissioner')),
  decided_on               TEXT,
  status                   TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','agreed','deferred','rejected','superseded')),
  superseded_by_id         INTEGER REFERENCES decision(id) ON DELETE SET NULL,
  owner_person_id          INTEGER REFERENCES person(id) ON DELETE SET NULL,
  implementation_due_on    TEXT,
  review_on                TEXT,
  financial_amount_pence   INTEGER,
  funding_stream_id        INTEGER REFERENCES funding_stream(id) ON DELETE SET NULL,
  confidential             INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0,1)),
  confidential_reason      TEXT NOT NULL DEFAULT '',
  published_on             TEXT,
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL
) STRICT;
CREATE INDEX decision_board_date ON decision(board_id, decided_on);
CREATE INDEX decision_meeting ON decision(meeting_id);
CREATE INDEX decision_agenda_item ON decision(agenda_item_id);

CREATE TABLE decision_indicator (
  decision_id  INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  PRIMARY KEY (decision_id, indicator_id)
) STRICT;

CREATE TABLE action (
  id                    INTEGER PRIMARY KEY,
  board_id              INTEGER REFERENCES board(id) ON DELETE RESTRICT,
  meeting_id            INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
  agenda_item_id        INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
  description           TEXT NOT NULL CHECK (length(trim(description)) > 0),
  owner_person_id       INTEGER REFERENCES person(id) ON DELETE RESTRICT,
  owner_organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
  due_on                TEXT,
  status                TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done','dropped')),
  completed_on          TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  CHECK (owner_person_id IS NOT NULL OR owner_organisation_id IS NOT NULL)
) STRICT;
CREATE INDEX action_board_status ON action(board_id, status, due_on);
CREATE INDEX action_due ON action(status, due_on);
CREATE INDEX action_agenda_item ON action(agenda_item_id);

CREATE TABLE action_update (
  id          INTEGER PRIMARY KEY,
  action_id   INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
  updated_on  TEXT NOT NULL,
  text        TEXT NOT NULL CHECK (length(trim(text)) > 0)
) STRICT;
CREATE INDEX action_update_action ON action_update(action_id);

-- Performance framework ----------------------------------------------------------------

CREATE TABLE framework_theme (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  kind      TEXT NOT NULL DEFAULT 'local' CHECK (kind IN ('home_office','strategy_theme','local')),
  position  INTEGER NOT NULL DEFAULT 0,
  rag_amber_tolerance_percent REAL NOT NULL DEFAULT 5 CHECK (rag_amber_tolerance_percent >= 0)
) STRICT;

CREATE TABLE indicator (
  id                     INTEGER PRIMARY KEY,
  theme_id               INTEGER NOT NULL REFERENCES framework_theme(id) ON DELETE RESTRICT,
  code                   TEXT NOT NULL UNIQUE,
  name                   TEXT NOT NULL,
  definition             TEXT NOT NULL DEFAULT '',
  unit                   TEXT NOT NULL CHECK (unit IN ('count','rate_per_100k','rate_per_million','percentage','pounds')),
  polarity               TEXT NOT NULL CHECK (polarity IN ('lower_is_better','higher_is_better')),
  frequency              TEXT NOT NULL CHECK (frequency IN ('monthly','quarterly','annual')),
  data_source            TEXT NOT NULL DEFAULT '',
  owner_organisation_id  INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
  baseline_period        TEXT,
  baseline_value         REAL,
  target_kind            TEXT CHECK (target_kind IN ('absolute','percent_change')),
  target_value           REAL,
  target_by              TEXT,
  CHECK (target_kind IS NULL OR baseline_value IS NOT NULL)
) STRICT;

-- Revisions are kept: a new value for a period supersedes the previous row, never overwrites it.
CREATE TABLE indicator_value (
  id                          INTEGER PRIMARY KEY,
  indicator_id                INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  period                      TEXT NOT NULL,
  value                       REAL NOT NULL,
  status                      TEXT NOT NULL DEFAULT 'provisional' CHECK (status IN ('provisional','final')),
  note                        TEXT NOT NULL DEFAULT '',
  supplied_by_organisation_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
  received_on                 TEXT NOT NULL,
  superseded_by_id            INTEGER REFERENCES indicator_value(id) ON DELETE SET NULL
) STRICT;
CREATE UNIQUE INDEX indicator_value_current ON indicator_value(indicator_id, period) WHERE superseded_by_id IS NULL;
CREATE INDEX indicator_value_period ON indicator_value(indicator_id, period);

-- Funding --------------------------------------------------------------------------------

CREATE TABLE funding_stream (
  id                       INTEGER PRIMARY KEY,
  reference                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name                     TEXT NOT NULL,
  funder                   TEXT NOT NULL,
  agreement_reference      TEXT NOT NULL DEFAULT '',
  first_year               TEXT NOT NULL CHECK (first_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
  last_year                TEXT NOT NULL CHECK (last_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
  spend_by                 TEXT,
  claim_frequency          TEXT NOT NULL DEFAULT 'quarterly' CHECK (claim_frequency IN ('monthly','quarterly','annual')),
  award_cap_pence          INTEGER CHECK (award_cap_pence IS NULL OR award_cap_pence > 0),
  match_funding_percent    REAL CHECK (match_funding_percent IS NULL OR match_funding_percent BETWEEN 0 AND 100),
  min_intervention_percent REAL CHECK (min_intervention_percent IS NULL OR min_intervention_percent BETWEEN 0 AND 100),
  evaluation_percent       REAL CHECK (evaluation_percent IS NULL OR evaluation_percent BETWEEN 0 AND 100),
  carry_over_allowed       INTEGER NOT NULL DEFAULT 0 CHECK (carry_over_allowed IN (0,1)),
  notes                    TEXT NOT NULL DEFAULT '',
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL,
  CHECK (last_year >= first_year)
) STRICT;

CREATE TABLE stream_allocation (
  stream_id       INTEGER NOT NULL REFERENCES funding_stream(id) ON DELETE CASCADE,
  financial_year  TEXT NOT NULL,
  amount_pence    INTEGER NOT NULL CHECK (amount_pence >= 0),
  PRIMARY KEY (stream_id, financial_year)
) STRICT;

CREATE TABLE budget_line (
  id              INTEGER PRIMARY KEY,
  stream_id       INTEGER NOT NULL REFERENCES funding_stream(id) ON DELETE CASCADE,
  financial_year  TEXT NOT NULL,
  heading         TEXT NOT NULL,
  cost_type       TEXT NOT NULL DEFAULT 'revenue' CHECK (cost_type IN ('revenue','capital')),
  cost_centre     TEXT NOT NULL DEFAULT '',
  allocated_pence INTEGER NOT NULL CHECK (allocated_pence >= 0),
  UNIQUE (stream_id, financial_year, heading, cost_type)
) STRICT;

CREATE TABLE award (
  id               INTEGER PRIMARY KEY,
  stream_id        INTEGER NOT NULL REFERENCES funding_stream(id) ON DELETE RESTRICT,
  organisation_id  INTEGER NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
  project          TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  starts_on        TEXT,
  ends_on          TEXT,
  tier             TEXT CHECK (tier IN ('primary','secondary','tertiary')),
  theme            TEXT NOT NULL DEFAULT '',
  monitoring_met   INTEGER CHECK (monitoring_met IN (0,1)),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX award_stream ON award(stream_id);

CREATE TABLE award_year (
  award_id        INTEGER NOT NULL REFERENCES award(id) ON DELETE CASCADE,
  financial_year  TEXT NOT NULL,
  amount_pence    INTEGER NOT NULL CHECK (amount_pence >= 0),
  PRIMARY KEY (award_id, financial_year)
) STRICT;

-- One row per month per budget line or award per kind (actual or forecast).
CREATE TABLE spend (
  id              INTEGER PRIMARY KEY,
  budget_line_id  INTEGER REFERENCES budget_line(id) ON DELETE CASCADE,
  award_id        INTEGER REFERENCES award(id) ON DELETE CASCADE,
  month           TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  kind            TEXT NOT NULL CHECK (kind IN ('actual','forecast')),
  amount_pence    INTEGER NOT NULL,
  source          TEXT NOT NULL DEFAULT '',
  note            TEXT NOT NULL DEFAULT '',
  CHECK ((budget_line_id IS NULL) <> (award_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX spend_line_month ON spend(budget_line_id, month, kind) WHERE budget_line_id IS NOT NULL;
CREATE UNIQUE INDEX spend_award_month ON spend(award_id, month, kind) WHERE award_id IS NOT NULL;

CREATE TABLE claim (
  id              INTEGER PRIMARY KEY,
  stream_id       INTEGER NOT NULL REFERENCES funding_stream(id) ON DELETE RESTRICT,
  financial_year  TEXT NOT NULL,
  period          TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','paid')),
  amount_pence    INTEGER NOT NULL DEFAULT 0,
  prepared_by     TEXT NOT NULL DEFAULT '',
  signed_off_by   TEXT NOT NULL DEFAULT '',
  submitted_on    TEXT,
  paid_on         TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (stream_id, financial_year, period)
) STRICT;

CREATE TABLE import_mapping (
  source        TEXT PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('spend','indicator_value')),
  mapping_json  TEXT NOT NULL CHECK (json_valid(mapping_json)),
  updated_at    TEXT NOT NULL
) STRICT;

-- Workspace ------------------------------------------------------------------------------

CREATE TABLE setting (
  id     INTEGER PRIMARY KEY,
  key    TEXT NOT NULL UNIQUE,
  value  TEXT NOT NULL
) STRICT;

-- Every write goes through the audit trail (main/db/audit.ts).
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  operation   TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('create','update','delete')),
  entity      TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json  TEXT CHECK (after_json IS NULL OR json_valid(after_json))
) STRICT;
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_entity_recent ON audit_log(entity, id);
CREATE INDEX audit_at ON audit_log(at);
`,
};
