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
  // Both functions fix their search_path and find the owner from the trigger's own table (not
  // by name through the caller's search_path), so no session setting or temporary table of a
  // member's can make them mistake who owns the tables; a lookup that fails refuses.
  postgres: `
CREATE FUNCTION board_audit_actor() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  owner_oid oid;
BEGIN
  SELECT c.relowner INTO owner_oid FROM pg_catalog.pg_class c WHERE c.oid = TG_RELID;
  IF NOT coalesce(pg_catalog.pg_has_role(current_user, owner_oid, 'MEMBER'), false) THEN
    NEW.actor := current_user;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER board_audit_actor BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION board_audit_actor();

CREATE FUNCTION board_finance_decision() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  owner_oid oid;
  secretariat oid;
BEGIN
  SELECT c.relowner INTO owner_oid FROM pg_catalog.pg_class c WHERE c.oid = TG_RELID;
  IF coalesce(pg_catalog.pg_has_role(current_user, owner_oid, 'MEMBER'), false) THEN
    RETURN NEW;
  END IF;
  SELECT r.oid INTO secretariat FROM pg_catalog.pg_roles r WHERE r.rolname = pg_catalog.current_database() || '_secretariat';
  IF secretariat IS NOT NULL AND pg_catalog.pg_has_role(current_user, secretariat, 'MEMBER') THEN
    RETURN NEW;
  END IF;
  -- Anyone else the grants let insert (finance) adds only what a virement proposes.
  IF NEW.status = 'proposed' AND NEW.funding_stream_id IS NOT NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'only the secretariat may add this decision' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER board_finance_decision BEFORE INSERT ON decision FOR EACH ROW EXECUTE FUNCTION board_finance_decision();
`,
};
