import XCTest
import Foundation
import Dispatch
import DubanCore
import DubanPostgres
import DubanTestSupport

/// A hostile unit's and a hostile leader's own logins, through psql (issue 15, pgattack):
/// each attack of DECISIONS.md's "Attacks on the database roles" refused, and the rows as
/// they were after it.
final class RoleAttackTests: RoleTestCase {
    var unit = "", leader = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        try setUpLoginsAndPlan { p in
            p.tasks[0].deadline = PlanDate(year: 2020, month: 12, day: 31)
            p.tasks[0].history = [HistoryEntry(date: PlanDate(year: 2020, month: 3, day: 1)!, status: .notStarted, progress: 0, note: "已部署", author: "督查室")]
        }
        unit = server.address(database: address.database, user: unitLogin, password: "fgw-pw")
        leader = server.address(database: address.database, user: leaderLogin, password: "boss-pw")
    }

    // MARK: helpers

    func sql(_ q: String) throws -> String {
        try server.psql(url, q).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What the database holds that an attack could change: every task row, the plan rows,
    /// the change log, the accounts, the migrations.
    func state() throws -> String {
        try sql("""
            SELECT concat_ws(E'\\n---\\n',
              (SELECT string_agg(id || ' ' || version || ' ' || array_to_string(lead_unit, ',') || ' ' || md5(doc), E'\\n' ORDER BY id) FROM duban.tasks),
              (SELECT string_agg(name || ' ' || position || ' ' || md5(header) || ' ' || tasks_at, E'\\n' ORDER BY id) FROM duban.plans),
              (SELECT string_agg(position || ' ' || task_id || ' ' || login || ' ' || md5(doc), E'\\n' ORDER BY position) FROM duban.changes),
              (SELECT string_agg(login || ' ' || kind || ' ' || coalesce(unit, '-'), E'\\n' ORDER BY login) FROM duban.accounts),
              (SELECT string_agg(version::text, ',' ORDER BY version) FROM duban.migrations))
            """)
    }

    /// Runs `q` as `who`; it must fail, and leave the database as it was.
    func refused(_ who: String, _ q: String, saying words: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try state()
        let r = try server.psqlRun(who, q)
        XCTAssertNotEqual(r.status, 0, "not refused: \(q)\n\(r.out)", file: file, line: line)
        if let words { XCTAssertTrue(r.err.contains(words), "\(q)\n\(r.err)", file: file, line: line) }
        XCTAssertEqual(try state(), before, "changed by: \(q)", file: file, line: line)
    }

    func doc(_ id: String) throws -> String {
        try server.psql(url, "SELECT doc FROM duban.tasks WHERE id = '\(id)'").dropLast().description
    }

    /// The doc duban writes for `edit` on the task as it is in the database.
    func reported(_ id: String, _ command: EditCommand) throws -> String {
        let t = try PlanJSON.decodeTask(Array(try doc(id).utf8), file: id)
        let changed = try XCTUnwrap(try t.applying(Edit(taskID: id, command: command, date: Self.asOf, author: "发改委")))
        return String(decoding: PlanJSON.encodeTask(changed), as: UTF8.self)
    }

    /// A doc edit as SQL: `doc` with `from` replaced by `to` (text, so the rest keeps its form).
    func swap(_ id: String, _ from: String, _ to: String) throws -> String {
        let d = try doc(id)
        XCTAssertTrue(d.contains(from), "\(from) not in \(d)")
        return "UPDATE duban.tasks SET doc = $d$\(d.replacingOccurrences(of: from, with: to))$d$, version = version + 1 WHERE id = '\(id)'"
    }

    /// The whole of a report as duban sends it, with `doc` as the task's new doc.
    func wholeReport(_ id: String, doc: String, version: String = "t.version", position: String = "p.position",
                     logDoc: String = "t.doc", note: String = "t.doc::json -> 'history' -> -1 ->> 'note'",
                     extra: String = "", bump: Int = 1) -> String {
        """
        WITH t AS (UPDATE duban.tasks SET doc = $d$\(doc)$d$, version = version + 1 WHERE id = '\(id)' RETURNING plan_id, id, version, doc),
             p AS (UPDATE duban.plans SET position = position + \(bump) WHERE id = (SELECT plan_id FROM t) RETURNING position)
        INSERT INTO duban.changes (plan_id, position, task_id, version, author, edit, doc\(extra.isEmpty ? "" : ", at, login"))
        SELECT t.plan_id, \(position), t.id, \(version), t.doc::json -> 'history' -> -1 ->> 'author', \(note), \(logDoc)\(extra.isEmpty ? "" : ", " + extra)
        FROM t, p
        """
    }

    // MARK: a unit's own tasks: a report and nothing more

    func testAUnitCannotChangeAnythingOfItsTaskButTheReport() throws {
        // Another unit's task: not there for its UPDATE.
        let other = try server.psqlRun(unit, "UPDATE duban.tasks SET doc = $d$\(try doc("t2"))$d$, version = version + 1 WHERE id = 't2' RETURNING id")
        XCTAssertEqual(other.status, 0, other.err)
        XCTAssertEqual(other.out, "")
        // Its own task's text, deadline, units (itself or another unit lead, the task moved).
        try refused(unit, try swap("t1", "推进项目建设", "改过的任务"), saying: "only the status, progress and history")
        try refused(unit, try swap("t1", "2020-12-31", "2030-12-31"), saying: "only the status, progress and history")
        let lead = try doc("t1").components(separatedBy: "\"leadUnits\"")[1].components(separatedBy: "]")[0] + "]"
        for units in [": [\"市财政局\"]", ": [\"市发改委\", \"市财政局\"]", ": []"] {
            try refused(unit, try swap("t1", "\"leadUnits\"" + lead, "\"leadUnits\"" + units), saying: "only the status, progress and history")
        }
        // The generated column, the id, the order, the plan: not its columns.
        for q in ["UPDATE duban.tasks SET lead_unit = '{市发改委}' WHERE id = 't2'",
                  "UPDATE duban.tasks SET id = 'tx' WHERE id = 't1'",
                  "UPDATE duban.tasks SET ord = 9 WHERE id = 't1'",
                  "UPDATE duban.tasks SET plan_id = plan_id WHERE id = 't1'"] {
            try refused(unit, q)
        }
        // Making itself lead of another unit's task: t2 is not its row to update.
        let take = try server.psqlRun(unit, "UPDATE duban.tasks SET doc = replace(doc, '市财政局', '市发改委'), version = version + 1 WHERE id = 't2' RETURNING id")
        XCTAssertEqual(take.out, "", take.err)
        XCTAssertEqual(try sql("SELECT array_to_string(lead_unit, ',') FROM duban.tasks WHERE id = 't2'"), "市财政局")
        // Tasks added or deleted.
        try refused(unit, "DELETE FROM duban.tasks WHERE id = 't1'", saying: "permission denied")
        try refused(unit, "INSERT INTO duban.tasks (plan_id, ord, id, doc) SELECT plan_id, 9, 'x', doc FROM duban.tasks WHERE id = 't1'", saying: "permission denied")
    }

    func testADocThatReadsDifferentlyThanItsValueIsRefused() throws {
        let good = try reported("t1", .setProgress(30))
        XCTAssertTrue(good.contains("\"progress\": 30,"), good)
        // A key twice (jsonb keeps the last, the file's reader refuses the task).
        try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: "\"text\": \"推进项目建设\"", with: "\"text\": \"改过的任务\", \"text\": \"推进项目建设\"")),
                    saying: "a key appears twice")
        // Numbers the reader does not take as an integer, or out of range.
        for p in ["1e1", "30.0", "-5", "101", "\"30\"", "030"] {
            try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: "\"progress\": 30,\n      \"remarks\"", with: "\"progress\": \(p),\n      \"remarks\"")),
                        saying: "progress")
        }
        // Another spelling of an unchanged value.
        try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: "\"id\": \"t1\"", with: "\"id\": \"\\u00741\"")),
                    saying: "only the status, progress and history")
        // A status that is none of the four, or that contradicts the progress.
        try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: "\"status\": \"inProgress\"", with: "\"status\": \"bogus\"")), saying: "status")
        try refused(unit, wholeReport("t1", doc: try reported("t1", .setProgress(30)).replacingOccurrences(of: "\"inProgress\"", with: "\"done\"")),
                    saying: "contradict")
        // statusInferred is the importer's.
        try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: "\"status\": \"inProgress\",", with: "\"status\": \"inProgress\",\n      \"statusInferred\": true,")),
                    saying: "statusInferred")
        // Not an object at all.
        try refused(unit, wholeReport("t1", doc: "[\"t1\"]"), saying: "JSON object")
        // And the good one goes in, as duban would send it.
        let r = try server.psqlRun(unit, wholeReport("t1", doc: good))
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try doc("t1"), good)
    }

    func testHistoryIsOnlyAppendedToOneEntryAtATime() throws {
        let good = try reported("t1", .addNote("按期推进"))
        let old = "\"note\": \"已部署\""
        // The old entry rewritten, removed, or the new one put first.
        try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: old, with: "\"note\": \"提前完成\"")), saying: "only add to")
        try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: "\"date\": \"2020-03-01\"", with: "\"date\": \"2019-03-01\"")), saying: "only add to")
        let entries = try doc("t1").components(separatedBy: "\"history\": [")[1]
        try refused(unit, try swap("t1", "\"history\": [" + entries.components(separatedBy: "]").first!, "\"history\": ["), saying: "history")
        // Two entries at once, or none (a version moved for nothing).
        let twice = good.replacingOccurrences(of: "\"note\": \"按期推进\"", with: "\"note\": \"按期推进\"\n        },\n        {\n          \"date\": \"2020-09-01\",\n          \"status\": \"notStarted\",\n          \"progress\": 0,\n          \"note\": \"又一条\"")
        try refused(unit, wholeReport("t1", doc: twice), saying: "one entry")
        try refused(unit, wholeReport("t1", doc: try doc("t1")), saying: "one entry")
        // An entry with other keys, another status than the task's, no real date.
        try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: "\"note\": \"按期推进\"", with: "\"note\": \"按期推进\",\n          \"approvedBy\": \"市长\"")), saying: "the entry a unit adds")
        try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: "\"status\": \"notStarted\",\n          \"progress\": 0,\n          \"note\": \"按期推进\"",
                                                                       with: "\"status\": \"done\",\n          \"progress\": 0,\n          \"note\": \"按期推进\"")), saying: "the entry a unit adds")
        try refused(unit, wholeReport("t1", doc: good.replacingOccurrences(of: "\"2020-09-01\"", with: "\"2020-02-30\"")), saying: "not a date")
        // Deleting or rewriting a history entry outright.
        try refused(unit, try swap("t1", old, "\"note\": \"x\""), saying: "history")
        // The same note in another person's name and on another day goes in (duban set
        // --author and --as-of let a unit say both), but the change log's login and time
        // are the database's: forged values there are replaced.
        let named = try reported("t1", .addNote("局长已批示"))
            .replacingOccurrences(of: "\"author\": \"发改委\"", with: "\"author\": \"市长\"")
            .replacingOccurrences(of: "\"2020-09-01\"", with: "\"2019-01-01\"")
        let r = try server.psqlRun(unit, wholeReport("t1", doc: named, extra: "'2000-01-01', '\(otherLogin)'"))
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try sql("SELECT login || ' ' || (at > now() - interval '1 hour') FROM duban.changes"), "\(unitLogin) true")
    }

    func testAReportIsTheTaskThePositionAndOneTrueChangeRowTogether() throws {
        let good = try reported("t1", .setProgress(40))
        // The task alone, with no change-log row: refused when it commits.
        try refused(unit, "UPDATE duban.tasks SET doc = $d$\(good)$d$, version = version + 1 WHERE id = 't1'", saying: "no change-log row")
        // The version moved by more than one, or not at all.
        try refused(unit, wholeReport("t1", doc: good).replacingOccurrences(of: "version = version + 1", with: "version = version + 7"), saying: "version by one")
        try refused(unit, wholeReport("t1", doc: good).replacingOccurrences(of: "version = version + 1", with: "version = 1"), saying: "version by one")
        // The plan's position moved back, far on, or with no change row.
        try refused(unit, wholeReport("t1", doc: good, bump: 1000), saying: "position by one")
        try refused(unit, "UPDATE duban.plans SET position = 0", saying: "position by one")
        try refused(unit, "UPDATE duban.plans SET position = position + 1", saying: "without a change-log row")
        // A change row that lies: another doc, another version, another position.
        try refused(unit, wholeReport("t1", doc: good, logDoc: "$x$" + good.replacingOccurrences(of: "推进项目建设", with: "已完成全部任务") + "$x$"), saying: "change-log row says")
        try refused(unit, wholeReport("t1", doc: good, note: "'市长已批示同意'"), saying: "change-log row says")
        try refused(unit, wholeReport("t1", doc: good, version: "t.version + 5"), saying: "no change-log row")
        try refused(unit, wholeReport("t1", doc: good, position: "p.position + 100"), saying: "change-log row")
        // A change row alone (nothing changed), at the plan's next position or at 0.
        try refused(unit, """
            WITH p AS (UPDATE duban.plans SET position = position + 1 RETURNING id, position)
            INSERT INTO duban.changes (plan_id, position, task_id, version, edit, doc)
            SELECT p.id, p.position, t.id, t.version, '市长批示', t.doc FROM p, duban.tasks t WHERE t.id = 't1'
            """, saying: "change-log row says")
        try refused(unit, """
            INSERT INTO duban.changes (plan_id, position, task_id, version, edit, doc)
            SELECT t.plan_id, 0, t.id, t.version, '市长批示', t.doc FROM duban.tasks t WHERE t.id = 't1'
            """, saying: "change-log row says")
        // Checked sooner on demand, never later.
        try refused(unit, "SET CONSTRAINTS ALL IMMEDIATE; UPDATE duban.tasks SET doc = $d$\(good)$d$, version = version + 1 WHERE id = 't1'", saying: "no change-log row")
        // A change row for another unit's task.
        try refused(unit, """
            INSERT INTO duban.changes (plan_id, position, task_id, version, edit, doc)
            SELECT t.plan_id, 5, t.id, t.version + 1, 'x', t.doc FROM duban.tasks t WHERE t.id = 't2'
            """, saying: "row-level security")
        // The whole report goes in; a second change row for that version then cannot.
        let r = try server.psqlRun(unit, wholeReport("t1", doc: good))
        XCTAssertEqual(r.status, 0, r.err)
        try refused(unit, """
            WITH p AS (UPDATE duban.plans SET position = position + 1 RETURNING id, position)
            INSERT INTO duban.changes (plan_id, position, task_id, version, edit, doc)
            SELECT p.id, p.position, t.id, t.version, '市长批示', t.doc FROM p, duban.tasks t WHERE t.id = 't1'
            """, saying: "change-log row says")
        // And duban's own reports still go in after it.
        let p = try open("p", base: unit)
        defer { p.close() }
        guard case .committed(let c) = try p.commit(Edit(taskID: "t1", command: .setStatus(.lagging), date: Self.asOf), expecting: 2, strings: Strings(.en)) else {
            return XCTFail()
        }
        XCTAssertEqual(c.version, 3)
        XCTAssertEqual(c.position, 2)
    }

    // MARK: the rest of the database

    func testTheLogThePlansTheAccountsAndTheMigrationsAreNotAUnitsNorALeadersToWrite() throws {
        let d = try doc("t1")
        for who in [unit, leader] {
            for q in ["UPDATE duban.changes SET edit = 'x'", "DELETE FROM duban.changes", "TRUNCATE duban.changes",
                      "UPDATE duban.plans SET header = header || ' '", "UPDATE duban.plans SET name = 'q'",
                      "UPDATE duban.plans SET tasks_at = 1", "DELETE FROM duban.plans", "TRUNCATE duban.plans CASCADE",
                      "INSERT INTO duban.plans (name, header, tasks_at) VALUES ('q', '{}', 1)",
                      "UPDATE duban.accounts SET kind = 'inspector'", "INSERT INTO duban.accounts VALUES ('zz', 'inspector', NULL)",
                      "DELETE FROM duban.accounts", "UPDATE duban.migrations SET version = 9", "DELETE FROM duban.migrations",
                      "INSERT INTO duban.migrations (version, name) VALUES (99, 'x')",
                      "DELETE FROM duban.tasks", "TRUNCATE duban.tasks",
                      "SELECT nextval('duban.plans_id_seq')", "LOCK TABLE duban.plans IN ACCESS EXCLUSIVE MODE; SELECT 1",
                      "LOCK TABLE duban.changes IN SHARE MODE; SELECT 1", "LOCK TABLE duban.tasks IN ROW EXCLUSIVE MODE; SELECT 1"] {
                try refused(who, q, saying: "permission denied")
            }
        }
        // A leader writes nothing at all: not its tasks' rows (it has none), not a lock.
        for q in ["UPDATE duban.tasks SET doc = $d$\(d)$d$ WHERE id = 't1'", "SELECT 1 FROM duban.tasks FOR UPDATE",
                  "UPDATE duban.tasks SET version = version WHERE id = 't2'",
                  "SELECT 1 FROM duban.plans FOR UPDATE", "UPDATE duban.plans SET position = position + 1",
                  "INSERT INTO duban.changes (plan_id, position, task_id, version, edit, doc) SELECT plan_id, 1, id, 2, 'x', doc FROM duban.tasks WHERE id = 't1'",
                  "LOCK TABLE duban.tasks IN EXCLUSIVE MODE; SELECT 1"] {
            try refused(leader, q, saying: "permission denied")
        }
    }

    func testNeitherCreatesReplacesNorSwitchesOffAnything() throws {
        for who in [unit, leader] {
            for q in ["CREATE TABLE public.x (a int)", "CREATE FUNCTION public.jsonb_typeof(jsonb) RETURNS text LANGUAGE sql AS $$ SELECT 'object' $$",
                      "CREATE TABLE duban.x (a int)", "CREATE SCHEMA x", "CREATE VIEW public.v AS SELECT 1",
                      "CREATE OR REPLACE FUNCTION duban.unit_reports_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                      "CREATE OR REPLACE FUNCTION duban.my_kind() RETURNS text LANGUAGE sql AS $$ SELECT 'inspector' $$",
                      "DROP TRIGGER tasks_unit_reports_only ON duban.tasks", "DROP POLICY units_report ON duban.tasks",
                      "ALTER TABLE duban.tasks DISABLE TRIGGER ALL", "ALTER TABLE duban.tasks DISABLE TRIGGER tasks_unit_reports_only",
                      "ALTER TABLE duban.tasks DISABLE ROW LEVEL SECURITY", "ALTER TABLE duban.changes DISABLE TRIGGER changes_unit_report_whole",
                      "SET ROLE duban_inspector", "SET ROLE duban_test", "SET SESSION AUTHORIZATION duban_test",
                      "SET session_replication_role = replica",
                      "GRANT duban_inspector TO CURRENT_USER", "ALTER ROLE CURRENT_USER BYPASSRLS", "ALTER ROLE CURRENT_USER SUPERUSER",
                      "CREATE ROLE evil LOGIN", "COPY duban.tasks FROM PROGRAM 'true'", "COPY duban.changes FROM '/etc/hostname'",
                      "SELECT pg_read_file('/etc/hostname')", "SELECT duban.unit_reports_only()"] {
                let r = try server.psqlRun(who, q)
                XCTAssertNotEqual(r.status, 0, "\(who): \(q)")
            }
        }
        // COPY into the one table a unit may insert into: row-level security refuses it.
        let copy = try server.psqlRun(unit, "COPY duban.changes (plan_id, position, task_id, version, edit, doc) FROM STDIN")
        XCTAssertNotEqual(copy.status, 0)
        XCTAssertTrue(copy.err.contains("row-level security"), copy.err)
        // Row security off for the session is refused, not a way to skip the policies.
        XCTAssertTrue(try server.psqlRun(unit, "SET row_security = off; SELECT count(*) FROM duban.tasks").err.contains("row-level security"))
        // A search path of its own does not reach into the checks: with a look-alike
        // function earlier in its path (in its temporary schema, the one it may create in)
        // the refusal stands.
        let good = try reported("t1", .setText("改过的任务"))
        try refused(unit, """
            CREATE FUNCTION pg_temp.json_typeof(json) RETURNS text LANGUAGE sql AS $$ SELECT 'object'::text $$;
            SET search_path = pg_temp, duban, public, pg_catalog;
            \(wholeReport("t1", doc: good))
            """, saying: "only the status, progress and history")
        // Everything still in place.
        XCTAssertEqual(try sql("SELECT count(*) FROM pg_trigger WHERE tgrelid IN ('duban.tasks'::regclass, 'duban.plans'::regclass, 'duban.changes'::regclass) AND NOT tgisinternal AND tgenabled = 'O'"), "7")
        XCTAssertEqual(try sql("SELECT bool_and(relrowsecurity) FROM pg_class WHERE oid IN ('duban.tasks'::regclass, 'duban.plans'::regclass, 'duban.changes'::regclass, 'duban.accounts'::regclass)"), "t")
        XCTAssertEqual(try sql("SELECT has_schema_privilege('duban_unit', 'public', 'CREATE') OR has_schema_privilege('duban_leader', 'public', 'CREATE') OR has_schema_privilege('duban_inspector', 'public', 'CREATE')"), "f")
    }

    func testAForgedNotifyMakesADashboardAskTheRowsWhichSayNothingChanged() throws {
        let p = try open("p")
        defer { p.close() }
        let snap = try p.load(progress: nil)
        let told = DispatchSemaphore(value: 0)
        try p.listen { told.signal() }
        let id = try sql("SELECT id FROM duban.plans WHERE name = 'p'")
        // Anyone may NOTIFY any channel: the payload is a lie, and a leader may send one too.
        for who in [unit, leader] {
            let r = try server.psqlRun(who, "NOTIFY duban_plan_\(id), '999999'; SELECT pg_notify('duban_plan_\(id)', '{\"task\":\"t2\",\"progress\":100}')")
            XCTAssertEqual(r.status, 0, r.err)
        }
        XCTAssertEqual(told.wait(timeout: .now() + 20), .success, "the listener heard nothing")
        // The dashboard's answer to a notification is to read the rows: nothing changed.
        XCTAssertEqual(try p.changes(since: snap.position), [])
        let again = try p.load(progress: nil)
        XCTAssertEqual(again.plan, snap.plan)
        XCTAssertEqual(again.position, snap.position)
    }

    func testALoginOfAnotherDatabaseOnTheServerReadsAndWritesNothingHere() throws {
        // An inspector of this database, and a second office's database on the same server.
        let ins = "ins_\(UInt32.random(in: 0...UInt32.max))"
        try PostgresAdmin.addUser(address, login: ins, role: .inspector, unit: nil, password: "ins-pw")
        let otherURL = try server.freshDatabase()
        let other = try PostgresAddress.parse(otherURL, environment: [:], home: nil)
        _ = try PostgresAdmin.initialize(other)
        var q = Plan(title: "另一个办公室")
        q.tasks = [PlanTask(id: "q1", text: "别的任务")]
        q.tasks[0].leadUnits = ["市发改委"]
        _ = try PostgresAdmin.push(other, plan: q, bytes: PlanJSON.encode(q), name: "q", replace: false, progress: nil)
        for (login, pw) in [(ins, "ins-pw"), (unitLogin, "fgw-pw"), (leaderLogin, "boss-pw")] {
            let there = server.address(database: other.database, user: login, password: pw)
            XCTAssertEqual(try server.psql(there, "SELECT count(*) FROM duban.tasks").trimmingCharacters(in: .whitespacesAndNewlines), "0")
            XCTAssertEqual(try server.psql(there, "SELECT count(*) FROM duban.plans").trimmingCharacters(in: .whitespacesAndNewlines), "0")
            let u = try server.psqlRun(there, "UPDATE duban.tasks SET version = version + 1 RETURNING id")
            XCTAssertEqual(u.out, "", "\(login): \(u.err)")
            XCTAssertThrowsError(try PostgresPlan(address: PostgresAddress.parse(there + "&plan=q", environment: [:], home: nil))) { e in
                guard case PostgresAdminError.noAccount(let l, _) = e else { return XCTFail("\(e)") }
                XCTAssertEqual(l, login)
            }
        }
        XCTAssertEqual(try server.psql(otherURL, "SELECT version FROM duban.tasks").trimmingCharacters(in: .whitespacesAndNewlines), "1")
    }

    // MARK: the adapter's own SQL, with names that would break it

    func testOddNamesArePassedAsParametersOrQuoted() throws {
        let login = "x\"; DROP TABLE duban.tasks; --'$$\\ 单位"
        let unitName = "O'Brien\"; DELETE FROM duban.tasks; --$$\\ 局"
        try PostgresAdmin.addUser(address, login: login, role: .unit, unit: unitName, password: "p@ss:w/rd %?#&")
        XCTAssertEqual(try sql("SELECT count(*) FROM duban.tasks"), "3")
        XCTAssertEqual(try sql("SELECT unit FROM duban.accounts WHERE login = $q$\(login)$q$"), unitName)
        XCTAssertEqual(try sql("SELECT pg_has_role($q$\(login)$q$, 'duban_unit', 'MEMBER')"), "t")
        // The login and its password with @, : and / percent-encoded in the address.
        let enc = { (s: String) in s.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
        let base = try XCTUnwrap(URLComponents(string: url))
        let odd = "postgres://\(enc(login)):\(enc("p@ss:w/rd %?#&"))@\(base.host!):\(base.port!)/\(address.database)?sslmode=disable"
        // A plan whose name has quotes, a backslash, ;, $$ and Chinese.
        let name = "计划'\"; DROP TABLE duban.plans; --$$\\"
        var plan = Plan(title: "x")
        plan.tasks = [PlanTask(id: "a'\"$$\\;", text: "任务")]
        plan.tasks[0].leadUnits = [unitName]
        try push(plan, as: name)
        let p = try PostgresPlan(address: PostgresAddress.parse(odd + "&plan=" + enc(name), environment: [:], home: nil))
        defer { p.close() }
        XCTAssertEqual(p.access, .unit(unitName))
        guard case .committed(let c) = try p.commit(Edit(taskID: "a'\"$$\\;", command: .setProgress(10), date: Self.asOf), expecting: 1, strings: Strings(.en)) else {
            return XCTFail()
        }
        XCTAssertEqual(c.task.progress, 10)
        XCTAssertEqual(try PostgresAdmin.planNames(address).sorted(), ["p", name].sorted())
        // A NUL, a name PostgreSQL would cut short, control characters: said, not sent.
        for bad in ["a\u{0}b", String(repeating: "长", count: 22), "", "a\nb"] {
            XCTAssertThrowsError(try PostgresAdmin.addUser(address, login: bad, role: .leader, unit: nil, password: "x")) { e in
                guard case PostgresAdminError.badLogin = e else { return XCTFail("\(e)") }
            }
        }
        XCTAssertThrowsError(try PostgresAdmin.addUser(address, login: "nul_unit", role: .unit, unit: "a\u{0}b", password: "x")) { e in
            guard case PostgresAdminError.badUnit = e else { return XCTFail("\(e)") }
        }
        // A plan name with a NUL: the server's refusal, said.
        XCTAssertThrowsError(try push(plan, as: "a\u{0}b")) { e in
            guard case SharedPlanError.refused = e else { return XCTFail("\(e)") }
        }
        XCTAssertThrowsError(try open("a%00b")) { e in
            guard e is SharedPlanError else { return XCTFail("\(e)") }
        }
    }
}
