/// The database's schema, as numbered migrations (issue 15). `duban db init` applies those
/// the database has not had yet, each in one transaction, and records them in
/// `duban.migrations`; running it again does nothing. A migration, once released, is never
/// edited: a change is a new number.
///
/// The plan's JSON is kept, not taken apart into columns (DECISIONS.md, "A plan in
/// PostgreSQL"): `plans.header` is the plan's bytes without its tasks (the tasks array
/// left open at byte `tasks_at`), `tasks.doc` each task's bytes as the file writer writes
/// them, so a pull joins them into the file's bytes. The columns besides are what the
/// database itself needs: the order, the id, the lead units (computed from the doc, for
/// row-level security), the version (for conflicts).
enum Schema {
    struct Migration {
        var version: Int
        var name: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "plans, tasks, changes, accounts", statements: [
            """
            CREATE TABLE duban.plans (
                id bigserial PRIMARY KEY,
                name text NOT NULL UNIQUE,
                header text NOT NULL,
                tasks_at int NOT NULL,
                original bytea,
                original_position bigint,
                size bigint NOT NULL DEFAULT 0,
                pushed_at timestamptz NOT NULL DEFAULT now(),
                position bigint NOT NULL DEFAULT 0
            )
            """,
            // The lead units of a task doc, for the policies and the index.
            """
            CREATE FUNCTION duban.lead_units(doc text) RETURNS text[]
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT coalesce(array(SELECT jsonb_array_elements_text(
                    CASE jsonb_typeof(doc::jsonb -> 'leadUnits') WHEN 'array' THEN doc::jsonb -> 'leadUnits' ELSE '[]'::jsonb END)), '{}')
            $$
            """,
            """
            CREATE TABLE duban.tasks (
                plan_id bigint NOT NULL REFERENCES duban.plans(id) ON DELETE CASCADE,
                ord int NOT NULL,
                id text NOT NULL,
                doc text NOT NULL,
                lead_unit text[] GENERATED ALWAYS AS (duban.lead_units(doc)) STORED,
                version int NOT NULL DEFAULT 1,
                PRIMARY KEY (plan_id, id)
            )
            """,
            "CREATE INDEX tasks_order ON duban.tasks (plan_id, ord)",
            """
            CREATE TABLE duban.changes (
                plan_id bigint NOT NULL REFERENCES duban.plans(id) ON DELETE CASCADE,
                position bigint NOT NULL,
                task_id text NOT NULL,
                version int NOT NULL,
                author text,
                login name NOT NULL DEFAULT current_user,
                at timestamptz NOT NULL DEFAULT now(),
                edit text NOT NULL,
                doc text NOT NULL,
                edit_id text UNIQUE,
                PRIMARY KEY (plan_id, position)
            )
            """,
            "CREATE INDEX changes_task ON duban.changes (plan_id, task_id, version)",
            """
            CREATE TABLE duban.accounts (
                login name PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('inspector', 'unit', 'leader')),
                unit text,
                CHECK ((kind = 'unit') = (unit IS NOT NULL))
            )
            """,
            // Every committed change is announced on the plan's channel, its position the payload.
            """
            CREATE FUNCTION duban.announce() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('duban_plan_' || NEW.plan_id, NEW.position::text);
                RETURN NULL;
            END
            $$
            """,
            "CREATE TRIGGER changes_announce AFTER INSERT ON duban.changes FOR EACH ROW EXECUTE FUNCTION duban.announce()",
        ]),
        Migration(version: 2, name: "roles and row-level security", statements: [
            // Group roles are the cluster's, shared by its databases: made once.
            """
            DO $$
            DECLARE r text;
            BEGIN
                FOREACH r IN ARRAY ARRAY['duban_inspector', 'duban_unit', 'duban_leader'] LOOP
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
                        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
                    END IF;
                END LOOP;
            END
            $$
            """,
            // Who the login is, for the policies: its accounts row's kind and unit.
            """
            CREATE FUNCTION duban.my_kind() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = duban, pg_temp AS $$
                SELECT kind FROM duban.accounts WHERE login = session_user
            $$
            """,
            """
            CREATE FUNCTION duban.my_unit() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = duban, pg_temp AS $$
                SELECT unit FROM duban.accounts WHERE login = session_user AND kind = 'unit'
            $$
            """,
            "GRANT USAGE ON SCHEMA duban TO duban_inspector, duban_unit, duban_leader",
            "GRANT SELECT ON duban.plans, duban.tasks, duban.changes, duban.accounts, duban.migrations TO duban_inspector, duban_unit, duban_leader",
            "GRANT INSERT, UPDATE, DELETE ON duban.plans, duban.tasks, duban.changes TO duban_inspector",
            "GRANT USAGE ON SEQUENCE duban.plans_id_seq TO duban_inspector",
            // A unit reports: its task's doc and version, the change log, the plan's position.
            "GRANT UPDATE (doc, version) ON duban.tasks TO duban_unit",
            "GRANT UPDATE (position) ON duban.plans TO duban_unit",
            "GRANT INSERT ON duban.changes TO duban_unit",
            "GRANT EXECUTE ON FUNCTION duban.my_kind(), duban.my_unit(), duban.lead_units(text) TO duban_inspector, duban_unit, duban_leader",
            "ALTER TABLE duban.tasks ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE duban.changes ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY everyone_reads ON duban.tasks FOR SELECT USING (true)",
            "CREATE POLICY inspectors_change ON duban.tasks FOR ALL TO duban_inspector USING (true) WITH CHECK (true)",
            """
            CREATE POLICY units_report ON duban.tasks FOR UPDATE TO duban_unit
                USING (duban.my_unit() = ANY (lead_unit)) WITH CHECK (duban.my_unit() = ANY (lead_unit))
            """,
            "CREATE POLICY everyone_reads ON duban.changes FOR SELECT USING (true)",
            "CREATE POLICY inspectors_change ON duban.changes FOR ALL TO duban_inspector USING (true) WITH CHECK (true)",
            """
            CREATE POLICY units_log ON duban.changes FOR INSERT TO duban_unit
                WITH CHECK (login = session_user AND EXISTS (
                    SELECT 1 FROM duban.tasks t
                    WHERE t.plan_id = changes.plan_id AND t.id = changes.task_id AND duban.my_unit() = ANY (t.lead_unit)))
            """,
            // A unit's update may change only the report: status, progress, statusInferred
            // and history entries appended; everything else of the doc stays as it was.
            """
            CREATE FUNCTION duban.unit_reports_only() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                o jsonb; n jsonb; oh jsonb; nh jsonb; i int;
            BEGIN
                IF coalesce(duban.my_kind(), '') <> 'unit' THEN RETURN NEW; END IF;
                o := OLD.doc::jsonb; n := NEW.doc::jsonb;
                IF (o - 'status' - 'progress' - 'statusInferred' - 'history') IS DISTINCT FROM
                   (n - 'status' - 'progress' - 'statusInferred' - 'history') THEN
                    RAISE EXCEPTION 'duban: a unit may change only the status, progress and history of its tasks'
                        USING ERRCODE = '42501';
                END IF;
                oh := coalesce(o -> 'history', '[]'); nh := coalesce(n -> 'history', '[]');
                IF jsonb_typeof(nh) <> 'array' OR jsonb_array_length(nh) < jsonb_array_length(oh) THEN
                    RAISE EXCEPTION 'duban: a unit may only add to a task''s history' USING ERRCODE = '42501';
                END IF;
                FOR i IN 0 .. jsonb_array_length(oh) - 1 LOOP
                    IF (oh -> i) IS DISTINCT FROM (nh -> i) THEN
                        RAISE EXCEPTION 'duban: a unit may only add to a task''s history' USING ERRCODE = '42501';
                    END IF;
                END LOOP;
                RETURN NEW;
            END
            $$
            """,
            "CREATE TRIGGER tasks_unit_reports_only BEFORE UPDATE ON duban.tasks FOR EACH ROW EXECUTE FUNCTION duban.unit_reports_only()",
        ]),
        // Attacks through psql with a unit's or a leader's own password (issue 15, pgattack;
        // DECISIONS.md, "Attacks on the database roles"): what 002 left open, closed.
        Migration(version: 3, name: "roles hardened against psql", statements: [
            // Nobody but the owner creates objects in public (PostgreSQL 15's default; older
            // servers grant it to PUBLIC, and a function there could shadow a built-in one).
            """
            DO $$
            BEGIN
                IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'public') THEN
                    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                    REVOKE CREATE ON SCHEMA public FROM duban_inspector, duban_unit, duban_leader;
                END IF;
            END
            $$
            """,
            // The group roles are the cluster's: rights come from this database's accounts
            // row, so a login of another database on the same server reads and writes nothing here.
            "DROP POLICY everyone_reads ON duban.tasks",
            "DROP POLICY inspectors_change ON duban.tasks",
            "DROP POLICY units_report ON duban.tasks",
            "CREATE POLICY accounts_read ON duban.tasks FOR SELECT USING ((SELECT duban.my_kind()) IS NOT NULL)",
            """
            CREATE POLICY inspectors_change ON duban.tasks FOR ALL TO duban_inspector
                USING ((SELECT duban.my_kind()) = 'inspector') WITH CHECK ((SELECT duban.my_kind()) = 'inspector')
            """,
            """
            CREATE POLICY units_report ON duban.tasks FOR UPDATE TO duban_unit
                USING ((SELECT duban.my_unit()) = ANY (lead_unit)) WITH CHECK ((SELECT duban.my_unit()) = ANY (lead_unit))
            """,
            "DROP POLICY everyone_reads ON duban.changes",
            "DROP POLICY inspectors_change ON duban.changes",
            "DROP POLICY units_log ON duban.changes",
            "CREATE POLICY accounts_read ON duban.changes FOR SELECT USING ((SELECT duban.my_kind()) IS NOT NULL)",
            """
            CREATE POLICY inspectors_change ON duban.changes FOR ALL TO duban_inspector
                USING ((SELECT duban.my_kind()) = 'inspector') WITH CHECK ((SELECT duban.my_kind()) = 'inspector')
            """,
            """
            CREATE POLICY units_log ON duban.changes FOR INSERT TO duban_unit
                WITH CHECK (login = session_user AND EXISTS (
                    SELECT 1 FROM duban.tasks t
                    WHERE t.plan_id = changes.plan_id AND t.id = changes.task_id AND (SELECT duban.my_unit()) = ANY (t.lead_unit)))
            """,
            "ALTER TABLE duban.plans ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY accounts_read ON duban.plans FOR SELECT USING ((SELECT duban.my_kind()) IS NOT NULL)",
            """
            CREATE POLICY inspectors_change ON duban.plans FOR ALL TO duban_inspector
                USING ((SELECT duban.my_kind()) = 'inspector') WITH CHECK ((SELECT duban.my_kind()) = 'inspector')
            """,
            """
            CREATE POLICY units_position ON duban.plans FOR UPDATE TO duban_unit
                USING ((SELECT duban.my_kind()) = 'unit') WITH CHECK ((SELECT duban.my_kind()) = 'unit')
            """,
            "ALTER TABLE duban.accounts ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY accounts_read ON duban.accounts FOR SELECT USING (login = session_user OR (SELECT duban.my_kind()) IS NOT NULL)",
            // The functions run with a search path of their own: the caller's cannot put
            // another operator or function in place of the built-in ones.
            "ALTER FUNCTION duban.announce() SET search_path = pg_catalog, pg_temp",
            // A unit's update of a task: exactly what `PlanTask.applying` makes of a report
            // (a status, a progress or a note), checked on the doc's own text (`json`, which
            // keeps it), not on its `jsonb` value (which would let `1e1`, `30.0` or a key given
            // twice through, and the file's reader refuses those): every other key's value is
            // the same text; status one of the four, progress an integer 0 to 100, the two in
            // agreement when either moved; statusInferred as it was, or gone when the status
            // moved (as set status clears it); the old history entries the same text and one entry added, of the keys the
            // writer writes, with the task's new status and progress and a real date; the
            // version one more.
            """
            CREATE OR REPLACE FUNCTION duban.unit_reports_only() RETURNS trigger LANGUAGE plpgsql
            SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                o json; n json; oh json; nh json; e json; ol int;
                st text; ost text; pr int; opr int; moved boolean;
                report constant text[] := ARRAY['status', 'progress', 'statusInferred', 'history'];
            BEGIN
                IF coalesce(duban.my_kind(), '') <> 'unit' THEN RETURN NEW; END IF;
                IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
                    RAISE EXCEPTION 'duban: a unit''s report raises the task''s version by one (from %)', OLD.version
                        USING ERRCODE = '42501';
                END IF;
                o := OLD.doc::json; n := NEW.doc::json;
                IF json_typeof(n) IS DISTINCT FROM 'object' THEN
                    RAISE EXCEPTION 'duban: a task is a JSON object' USING ERRCODE = '42501';
                END IF;
                IF (SELECT count(*) <> count(DISTINCT k) FROM json_object_keys(n) k) THEN
                    RAISE EXCEPTION 'duban: a key appears twice in the task' USING ERRCODE = '42501';
                END IF;
                IF EXISTS (SELECT 1 FROM json_each(o) a FULL JOIN json_each(n) b USING (key)
                           WHERE key <> ALL (report) AND a.value::text IS DISTINCT FROM b.value::text) THEN
                    RAISE EXCEPTION 'duban: a unit may change only the status, progress and history of its tasks'
                        USING ERRCODE = '42501';
                END IF;
                st := n ->> 'status'; ost := o ->> 'status';
                IF json_typeof(n -> 'status') IS DISTINCT FROM 'string'
                   OR st NOT IN ('notStarted', 'inProgress', 'done', 'lagging') THEN
                    RAISE EXCEPTION 'duban: a task''s status is notStarted, inProgress, done or lagging' USING ERRCODE = '42501';
                END IF;
                IF coalesce((n -> 'progress')::text !~ '^(0|[1-9][0-9]?|100)$', true) THEN
                    RAISE EXCEPTION 'duban: a task''s progress is an integer from 0 to 100' USING ERRCODE = '42501';
                END IF;
                pr := (n ->> 'progress')::int;
                opr := CASE WHEN json_typeof(o -> 'progress') = 'number' THEN (o ->> 'progress')::numeric END;
                moved := st IS DISTINCT FROM ost OR pr IS DISTINCT FROM opr;
                IF moved AND (st = 'done' AND pr <> 100 OR st = 'notStarted' AND pr > 0
                              OR st IN ('inProgress', 'lagging') AND pr >= 100) THEN
                    RAISE EXCEPTION 'duban: status % and progress % contradict each other', st, pr USING ERRCODE = '42501';
                END IF;
                IF (CASE WHEN st IS DISTINCT FROM ost THEN (n -> 'statusInferred') IS NOT NULL
                         ELSE (n -> 'statusInferred')::text IS DISTINCT FROM (o -> 'statusInferred')::text END) THEN
                    RAISE EXCEPTION 'duban: a unit may not set statusInferred' USING ERRCODE = '42501';
                END IF;
                oh := coalesce(o -> 'history', '[]'); nh := n -> 'history';
                IF json_typeof(oh) IS DISTINCT FROM 'array' THEN oh := '[]'; END IF;
                ol := json_array_length(oh);
                IF json_typeof(nh) IS DISTINCT FROM 'array' OR json_array_length(nh) <> ol + 1 THEN
                    RAISE EXCEPTION 'duban: a unit''s report adds one entry to the task''s history' USING ERRCODE = '42501';
                END IF;
                IF EXISTS (SELECT 1 FROM json_array_elements(oh) WITH ORDINALITY a(v, i)
                           LEFT JOIN json_array_elements(nh) WITH ORDINALITY b(v, i) USING (i)
                           WHERE b.v IS NULL OR a.v::text <> b.v::text) THEN
                    RAISE EXCEPTION 'duban: a unit may only add to a task''s history' USING ERRCODE = '42501';
                END IF;
                e := nh -> ol;
                IF json_typeof(e) IS DISTINCT FROM 'object'
                   OR (SELECT count(*) <> count(DISTINCT k) FROM json_object_keys(e) k)
                   OR EXISTS (SELECT 1 FROM json_object_keys(e) k WHERE k NOT IN ('date', 'status', 'progress', 'note', 'author', 'period'))
                   OR EXISTS (SELECT 1 FROM json_each(e) WHERE json_typeof(value) <> 'string' AND key <> 'progress')
                   OR (e -> 'note') IS NULL
                   OR coalesce((e ->> 'date') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', true)
                   OR (e ->> 'status') IS DISTINCT FROM st
                   OR (e -> 'progress')::text IS DISTINCT FROM (n -> 'progress')::text THEN
                    RAISE EXCEPTION 'duban: the entry a unit adds is {date, status, progress, note[, author, period]}, with the task''s new status and progress'
                        USING ERRCODE = '42501';
                END IF;
                BEGIN
                    PERFORM (e ->> 'date')::date;
                EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow THEN
                    RAISE EXCEPTION 'duban: % is not a date', e ->> 'date' USING ERRCODE = '42501';
                END;
                RETURN NEW;
            END
            $$
            """,
            // A unit moves a plan's position by one, nothing else of the row.
            """
            CREATE FUNCTION duban.unit_moves_position() RETURNS trigger LANGUAGE plpgsql
            SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                IF coalesce(duban.my_kind(), '') = 'unit' AND NEW.position IS DISTINCT FROM OLD.position + 1 THEN
                    RAISE EXCEPTION 'duban: a unit''s report moves the plan''s position by one' USING ERRCODE = '42501';
                END IF;
                RETURN NEW;
            END
            $$
            """,
            "CREATE TRIGGER plans_unit_position BEFORE UPDATE ON duban.plans FOR EACH ROW EXECUTE FUNCTION duban.unit_moves_position()",
            // A unit's change-log row is stamped by the database: its login and the time.
            """
            CREATE FUNCTION duban.unit_change_stamped() RETURNS trigger LANGUAGE plpgsql
            SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                IF coalesce(duban.my_kind(), '') = 'unit' THEN
                    NEW.login := session_user;
                    NEW.at := now();
                END IF;
                RETURN NEW;
            END
            $$
            """,
            "CREATE TRIGGER changes_unit_stamped BEFORE INSERT ON duban.changes FOR EACH ROW EXECUTE FUNCTION duban.unit_change_stamped()",
            // A unit's report is whole when its transaction commits: the task one version on,
            // the plan one position on, and one change-log row saying exactly that (the task's
            // new version and doc, the plan's new position, the new entry's note and author,
            // as the adapter writes them). Checked at commit, when the three
            // rows are all there; `SET CONSTRAINTS … IMMEDIATE` only checks sooner.
            """
            CREATE FUNCTION duban.unit_report_whole() RETURNS trigger LANGUAGE plpgsql
            SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                IF coalesce(duban.my_kind(), '') <> 'unit' THEN RETURN NULL; END IF;
                IF TG_TABLE_NAME = 'tasks' THEN
                    IF NOT EXISTS (SELECT 1 FROM duban.changes c
                                   WHERE c.plan_id = NEW.plan_id AND c.task_id = NEW.id AND c.version = NEW.version) THEN
                        RAISE EXCEPTION 'duban: a unit''s report of task % has no change-log row', NEW.id USING ERRCODE = '42501';
                    END IF;
                ELSIF TG_TABLE_NAME = 'plans' THEN
                    IF NOT EXISTS (SELECT 1 FROM duban.changes c WHERE c.plan_id = NEW.id AND c.position = NEW.position) THEN
                        RAISE EXCEPTION 'duban: a unit moved the plan''s position without a change-log row' USING ERRCODE = '42501';
                    END IF;
                ELSE
                    IF NEW.version < 2
                       OR NOT EXISTS (SELECT 1 FROM duban.tasks t JOIN duban.plans p ON p.id = t.plan_id
                                      WHERE t.plan_id = NEW.plan_id AND t.id = NEW.task_id AND t.version = NEW.version
                                        AND t.doc = NEW.doc AND p.position = NEW.position
                                        AND NEW.edit = (t.doc::json -> 'history' -> -1 ->> 'note')
                                        AND NEW.author IS NOT DISTINCT FROM (t.doc::json -> 'history' -> -1 ->> 'author'))
                       OR (SELECT count(*) FROM duban.changes c
                           WHERE c.plan_id = NEW.plan_id AND c.task_id = NEW.task_id AND c.version = NEW.version) <> 1 THEN
                        RAISE EXCEPTION 'duban: a unit''s change-log row says the task''s new version and doc and the plan''s new position'
                            USING ERRCODE = '42501';
                    END IF;
                END IF;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE CONSTRAINT TRIGGER tasks_unit_report_whole AFTER UPDATE ON duban.tasks
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION duban.unit_report_whole()
            """,
            """
            CREATE CONSTRAINT TRIGGER plans_unit_report_whole AFTER UPDATE ON duban.plans
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION duban.unit_report_whole()
            """,
            """
            CREATE CONSTRAINT TRIGGER changes_unit_report_whole AFTER INSERT ON duban.changes
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION duban.unit_report_whole()
            """,
        ]),
    ]

    static var latest: Int { migrations.last?.version ?? 0 }
}
