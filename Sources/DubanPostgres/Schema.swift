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
    ]

    static var latest: Int { migrations.last?.version ?? 0 }
}
