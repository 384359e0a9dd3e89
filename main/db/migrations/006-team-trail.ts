import type { Migration } from '../migrate';

/**
 * The team workspace's trail, kept by the database itself rather than by the app alone
 * (issue 14's review): on PostgreSQL every audit row written by a member of the team records
 * the login that wrote it, whatever a program put in `actor`; only the tables' owner (the
 * login that creates, upgrades, imports and moves the workspace, whose copies carry the
 * original people's names) writes `actor` as given. And a member of the finance role may add
 * a decision only as a virement proposes one: proposed, of a funding stream. The grants
 * (main/db/team-roles.ts) let finance insert into decision for that alone.
 *
 * A SQLite file has one writer, the app, and no logins: nothing changes there.
 */
export const migration: Migration = {
  version: 6,
  name: 'the trail names the login; finance adds only proposed virements',
  sql: `SELECT 1;`,
  postgres: `
CREATE FUNCTION board_is_table_owner() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'audit_log'), 'MEMBER')
$$;

CREATE FUNCTION board_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT board_is_table_owner() THEN
    NEW.actor := current_user;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER board_audit_actor BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION board_audit_actor();

CREATE FUNCTION board_finance_decision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  finance text := current_database() || '_finance';
  secretariat text := current_database() || '_secretariat';
BEGIN
  IF board_is_table_owner() THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = secretariat) AND pg_has_role(current_user, secretariat, 'MEMBER') THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = finance) AND pg_has_role(current_user, finance, 'MEMBER')
     AND NOT (NEW.status = 'proposed' AND NEW.funding_stream_id IS NOT NULL) THEN
    RAISE EXCEPTION 'finance may add only a proposed virement' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER board_finance_decision BEFORE INSERT ON decision FOR EACH ROW EXECUTE FUNCTION board_finance_decision();
`,
};
