import type { Migration } from '../migrate';

/**
 * Funding rounds and the bids made to them (issue 10, point 1): the cycle seed 000 ¶6–7
 * describes, from the invitation to bid up to the award.
 *
 * - funding_round: a round on a funding stream: when bids open and close, the cap per award
 *   per year (null: the stream's), the financial years it funds, the scale criteria are scored
 *   on (0 to max_score). Edited as a whole, so versioned.
 * - round_eligible_kind: the kinds of organisation that may bid (none listed: any kind).
 * - round_theme / round_tier: the themes and intervention tiers bids may be made under (none
 *   listed: any). Themes are the round's own words (the Serious Violence Strategy's four, say).
 * - round_criterion: what the panel scores each bid on, with its weight in the total.
 * - bid: an organisation's bid to a round: project, description, theme, tier, outcomes
 *   promised, match funding offered (pence), documents referenced (one a line), the day it
 *   was received, and the eligibility warnings it was accepted with (text, one a line: kept so
 *   the panel sees what was known when it came in). Versioned.
 * - bid_year: the amount asked for each financial year, in pence.
 * - bid_conflict: a conflict of interest declared on a bid by a person (for one not on the
 *   register of interests): that person may not score the bid.
 * - bid_score: one panel member's score of one bid against one criterion (0 to the round's
 *   max_score), with a comment. Versioned: a score is edited by its scorer.
 * - bid_moderation: the panel's moderated score of a bid on one criterion, agreed after
 *   discussion, with the reason and who moderated it: it counts in place of the scorers' mean.
 */
// As migration 001 lists them: a migration keeps its own copy, never the app's current list.
const ORGANISATION_KINDS = ['police', 'opcc', 'council', 'health', 'fire', 'probation', 'youth_justice', 'education', 'charity', 'government', 'other'] as const;

/** The tables this migration adds that carry a version (as migration 005's do). */
export const VERSIONED_SINCE_013 = ['funding_round', 'bid', 'bid_score', 'bid_moderation'] as const;

const kinds = ORGANISATION_KINDS.map((k) => `'${k}'`).join(',');
const tiers = `'primary','secondary','tertiary'`;

export const migration: Migration = {
  version: 13,
  name: 'funding rounds, bids and their scoring',
  sql: `
CREATE TABLE funding_round (
  id               INTEGER PRIMARY KEY,
  stream_id        INTEGER NOT NULL REFERENCES funding_stream(id) ON DELETE RESTRICT,
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  opens_on         TEXT NOT NULL,
  closes_on        TEXT NOT NULL,
  first_year       TEXT NOT NULL,
  last_year        TEXT NOT NULL,
  award_cap_pence  INTEGER CHECK (award_cap_pence IS NULL OR award_cap_pence >= 0),
  max_score        INTEGER NOT NULL DEFAULT 5 CHECK (max_score BETWEEN 1 AND 100),
  notes            TEXT NOT NULL DEFAULT '',
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (closes_on >= opens_on),
  CHECK (last_year >= first_year)
) STRICT;
CREATE INDEX funding_round_stream ON funding_round(stream_id);
CREATE TABLE round_eligible_kind (
  round_id  INTEGER NOT NULL REFERENCES funding_round(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN (${kinds})),
  PRIMARY KEY (round_id, kind)
) STRICT;
CREATE TABLE round_theme (
  round_id  INTEGER NOT NULL REFERENCES funding_round(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  theme     TEXT NOT NULL CHECK (length(trim(theme)) > 0),
  PRIMARY KEY (round_id, position)
) STRICT;
CREATE TABLE round_tier (
  round_id  INTEGER NOT NULL REFERENCES funding_round(id) ON DELETE CASCADE,
  tier      TEXT NOT NULL CHECK (tier IN (${tiers})),
  PRIMARY KEY (round_id, tier)
) STRICT;
CREATE TABLE round_criterion (
  id           INTEGER PRIMARY KEY,
  round_id     INTEGER NOT NULL REFERENCES funding_round(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  weight       INTEGER NOT NULL CHECK (weight > 0),
  description  TEXT NOT NULL DEFAULT '',
  UNIQUE (round_id, position)
) STRICT;
CREATE TABLE bid (
  id                   INTEGER PRIMARY KEY,
  round_id             INTEGER NOT NULL REFERENCES funding_round(id) ON DELETE RESTRICT,
  organisation_id      INTEGER NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
  project              TEXT NOT NULL CHECK (length(trim(project)) > 0),
  description          TEXT NOT NULL DEFAULT '',
  theme                TEXT NOT NULL DEFAULT '',
  tier                 TEXT CHECK (tier IN (${tiers})),
  outcomes             TEXT NOT NULL DEFAULT '',
  match_funding_pence  INTEGER NOT NULL DEFAULT 0 CHECK (match_funding_pence >= 0),
  documents            TEXT NOT NULL DEFAULT '',
  received_on          TEXT NOT NULL,
  warnings             TEXT NOT NULL DEFAULT '',
  version              INTEGER NOT NULL DEFAULT 1,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX bid_round ON bid(round_id);
CREATE INDEX bid_organisation ON bid(organisation_id);
CREATE TABLE bid_year (
  bid_id          INTEGER NOT NULL REFERENCES bid(id) ON DELETE CASCADE,
  financial_year  TEXT NOT NULL,
  amount_pence    INTEGER NOT NULL CHECK (amount_pence >= 0),
  PRIMARY KEY (bid_id, financial_year)
) STRICT;
CREATE TABLE bid_conflict (
  id           INTEGER PRIMARY KEY,
  bid_id       INTEGER NOT NULL REFERENCES bid(id) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
  description  TEXT NOT NULL CHECK (length(trim(description)) > 0),
  declared_on  TEXT NOT NULL,
  UNIQUE (bid_id, person_id)
) STRICT;
CREATE INDEX bid_conflict_person ON bid_conflict(person_id);
CREATE TABLE bid_score (
  id            INTEGER PRIMARY KEY,
  bid_id        INTEGER NOT NULL REFERENCES bid(id) ON DELETE CASCADE,
  criterion_id  INTEGER NOT NULL REFERENCES round_criterion(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
  score         INTEGER NOT NULL CHECK (score >= 0),
  comment       TEXT NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (bid_id, criterion_id, person_id)
) STRICT;
CREATE INDEX bid_score_criterion ON bid_score(criterion_id);
CREATE INDEX bid_score_person ON bid_score(person_id);
CREATE TABLE bid_moderation (
  id            INTEGER PRIMARY KEY,
  bid_id        INTEGER NOT NULL REFERENCES bid(id) ON DELETE CASCADE,
  criterion_id  INTEGER NOT NULL REFERENCES round_criterion(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
  score         INTEGER NOT NULL CHECK (score >= 0),
  reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (bid_id, criterion_id)
) STRICT;
CREATE INDEX bid_moderation_criterion ON bid_moderation(criterion_id);
CREATE INDEX bid_moderation_person ON bid_moderation(person_id);
`,
  postgres: `
CREATE TABLE funding_round (
  id               integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  stream_id        integer NOT NULL REFERENCES funding_stream(id) ON DELETE RESTRICT DEFERRABLE,
  name             text NOT NULL CHECK (length(trim(name)) > 0),
  opens_on         text NOT NULL,
  closes_on        text NOT NULL,
  first_year       text NOT NULL,
  last_year        text NOT NULL,
  award_cap_pence  bigint CHECK (award_cap_pence IS NULL OR award_cap_pence >= 0),
  max_score        integer NOT NULL DEFAULT 5 CHECK (max_score BETWEEN 1 AND 100),
  notes            text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_at       text NOT NULL,
  updated_at       text NOT NULL,
  CHECK (closes_on >= opens_on),
  CHECK (last_year >= first_year)
);
CREATE INDEX funding_round_stream ON funding_round (stream_id);
CREATE TABLE round_eligible_kind (
  round_id  integer NOT NULL REFERENCES funding_round(id) ON DELETE CASCADE DEFERRABLE,
  kind      text NOT NULL CHECK (kind IN (${kinds})),
  PRIMARY KEY (round_id, kind)
);
CREATE TABLE round_theme (
  round_id  integer NOT NULL REFERENCES funding_round(id) ON DELETE CASCADE DEFERRABLE,
  position  integer NOT NULL,
  theme     text NOT NULL CHECK (length(trim(theme)) > 0),
  PRIMARY KEY (round_id, position)
);
CREATE TABLE round_tier (
  round_id  integer NOT NULL REFERENCES funding_round(id) ON DELETE CASCADE DEFERRABLE,
  tier      text NOT NULL CHECK (tier IN (${tiers})),
  PRIMARY KEY (round_id, tier)
);
CREATE TABLE round_criterion (
  id           integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  round_id     integer NOT NULL REFERENCES funding_round(id) ON DELETE CASCADE DEFERRABLE,
  position     integer NOT NULL,
  name         text NOT NULL CHECK (length(trim(name)) > 0),
  weight       integer NOT NULL CHECK (weight > 0),
  description  text NOT NULL DEFAULT '',
  UNIQUE (round_id, position)
);
CREATE TABLE bid (
  id                   integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  round_id             integer NOT NULL REFERENCES funding_round(id) ON DELETE RESTRICT DEFERRABLE,
  organisation_id      integer NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT DEFERRABLE,
  project              text NOT NULL CHECK (length(trim(project)) > 0),
  description          text NOT NULL DEFAULT '',
  theme                text NOT NULL DEFAULT '',
  tier                 text CHECK (tier IN (${tiers})),
  outcomes             text NOT NULL DEFAULT '',
  match_funding_pence  bigint NOT NULL DEFAULT 0 CHECK (match_funding_pence >= 0),
  documents            text NOT NULL DEFAULT '',
  received_on          text NOT NULL,
  warnings             text NOT NULL DEFAULT '',
  version              integer NOT NULL DEFAULT 1,
  created_at           text NOT NULL,
  updated_at           text NOT NULL
);
CREATE INDEX bid_round ON bid (round_id);
CREATE INDEX bid_organisation ON bid (organisation_id);
CREATE TABLE bid_year (
  bid_id          integer NOT NULL REFERENCES bid(id) ON DELETE CASCADE DEFERRABLE,
  financial_year  text NOT NULL,
  amount_pence    bigint NOT NULL CHECK (amount_pence >= 0),
  PRIMARY KEY (bid_id, financial_year)
);
CREATE TABLE bid_conflict (
  id           integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  bid_id       integer NOT NULL REFERENCES bid(id) ON DELETE CASCADE DEFERRABLE,
  person_id    integer NOT NULL REFERENCES person(id) ON DELETE RESTRICT DEFERRABLE,
  description  text NOT NULL CHECK (length(trim(description)) > 0),
  declared_on  text NOT NULL,
  UNIQUE (bid_id, person_id)
);
CREATE INDEX bid_conflict_person ON bid_conflict (person_id);
CREATE TABLE bid_score (
  id            integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  bid_id        integer NOT NULL REFERENCES bid(id) ON DELETE CASCADE DEFERRABLE,
  criterion_id  integer NOT NULL REFERENCES round_criterion(id) ON DELETE CASCADE DEFERRABLE,
  person_id     integer NOT NULL REFERENCES person(id) ON DELETE RESTRICT DEFERRABLE,
  score         integer NOT NULL CHECK (score >= 0),
  comment       text NOT NULL DEFAULT '',
  version       integer NOT NULL DEFAULT 1,
  created_at    text NOT NULL,
  updated_at    text NOT NULL,
  UNIQUE (bid_id, criterion_id, person_id)
);
CREATE INDEX bid_score_criterion ON bid_score (criterion_id);
CREATE INDEX bid_score_person ON bid_score (person_id);
CREATE TABLE bid_moderation (
  id            integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  bid_id        integer NOT NULL REFERENCES bid(id) ON DELETE CASCADE DEFERRABLE,
  criterion_id  integer NOT NULL REFERENCES round_criterion(id) ON DELETE CASCADE DEFERRABLE,
  person_id     integer NOT NULL REFERENCES person(id) ON DELETE RESTRICT DEFERRABLE,
  score         integer NOT NULL CHECK (score >= 0),
  reason        text NOT NULL CHECK (length(trim(reason)) > 0),
  version       integer NOT NULL DEFAULT 1,
  created_at    text NOT NULL,
  updated_at    text NOT NULL,
  UNIQUE (bid_id, criterion_id)
);
CREATE INDEX bid_moderation_criterion ON bid_moderation (criterion_id);
CREATE INDEX bid_moderation_person ON bid_moderation (person_id);
`,
};
