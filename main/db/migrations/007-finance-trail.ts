import type { Migration } from '../migrate';

/**
 * What finance may add to the trail (issue 14, after migration 006): the finance role may insert
 * into audit_log (its writes' own rows), and until now that meant a row about any record, under
 * its own login. On PostgreSQL a member of finance now adds audit rows only about the funding
 * tables (main/db/team-roles.ts FUNDING_TABLES) and about a decision that a virement proposes
 * (proposed, of a funding stream, as migration 006 lets finance add). The tables' owner and the
 * secretariat are as before. Like 006, the function fixes its search_path and finds the owner
 * and the decision table from the trigger's own table, so no session setting or temporary
 * table of a member's changes what it checks.
 *
 * A SQLite file has one writer, the app, and no logins: nothing changes there.
 */
export const FINANCE_AUDITED = ['funding_stream', 'stream_allocation', 'budget_line', 'award', 'award_year', 'spend', 'claim', 'import_mapping'] as const;

export const migration: Migration = {
  version: 7,
  name: 'finance adds to the trail only about the funding',
  sql: `SELECT 1;`,
  postgres: `
CREATE FUNCTION board_finance_audit() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  owner_oid oid;
  schema_name name;
  secretariat oid;
  proposed boolean;
BEGIN
  SELECT c.relowner, n.nspname INTO owner_oid, schema_name
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = TG_RELID;
  IF coalesce(pg_catalog.pg_has_role(current_user, owner_oid, 'MEMBER'), false) THEN
    RETURN NEW;
  END IF;
  SELECT r.oid INTO secretariat FROM pg_catalog.pg_roles r WHERE r.rolname = pg_catalog.current_database() || '_secretariat';
  IF secretariat IS NOT NULL AND pg_catalog.pg_has_role(current_user, secretariat, 'MEMBER') THEN
    RETURN NEW;
  END IF;
  -- Anyone else the grants let add to the trail (finance): only about what finance may write.
  IF NEW.entity IN (${FINANCE_AUDITED.map((t) => `'${t}'`).join(', ')}) THEN
    RETURN NEW;
  END IF;
  IF NEW.entity = 'decision' AND schema_name IS NOT NULL THEN
    EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %I.decision WHERE id = $1 AND status = %L AND funding_stream_id IS NOT NULL)', schema_name, 'proposed')
      INTO proposed USING NEW.entity_id;
    IF proposed THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'finance may add to the audit trail only about the funding and the decisions its virements propose (not %)', NEW.entity USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER board_finance_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION board_finance_audit();
`,
};
