import XCTest
import Foundation
import DubanCore
import DubanPostgres
import DubanTestSupport

/// Three logins (a unit 市发改委, another unit 市财政局, a leader) and a plan of three
/// tasks (t1 led by 市发改委, t2 by 市财政局, t3 by 市应急局 and 市发改委), for the role
/// tests and the attacks on them. `adjust` changes the plan before it is pushed.
class RoleTestCase: PostgresTestCase {
    var unitLogin = "", otherLogin = "", leaderLogin = ""

    func setUpLoginsAndPlan(_ adjust: (inout Plan) -> Void = { _ in }) throws {
        let tag = UInt32.random(in: 0...UInt32.max)
        unitLogin = "fgw_\(tag)"; otherLogin = "czj_\(tag)"; leaderLogin = "boss_\(tag)"
        try PostgresAdmin.addUser(address, login: unitLogin, role: .unit, unit: "市发改委", password: "fgw-pw")
        try PostgresAdmin.addUser(address, login: otherLogin, role: .unit, unit: "市财政局", password: "czj-pw")
        try PostgresAdmin.addUser(address, login: leaderLogin, role: .leader, unit: nil, password: "boss-pw")
        var p = Plan(title: "计划")
        p.tasks = [PlanTask(id: "t1", text: "推进项目建设"), PlanTask(id: "t2", text: "优化营商环境"), PlanTask(id: "t3", text: "加强安全生产")]
        p.tasks[0].leadUnits = ["市发改委"]
        p.tasks[1].leadUnits = ["市财政局"]
        p.tasks[2].leadUnits = ["市应急局", "市发改委"]
        adjust(&p)
        try push(p, as: "p")
    }
}

/// Roles in the database, not the client (issue 15): a unit's own login, through psql and
/// through duban, cannot do more than report on the tasks it leads; a leader only reads.
final class RoleTests: RoleTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try setUpLoginsAndPlan()
    }

    func login(_ user: String, _ password: String) -> String {
        server.address(database: address.database, user: user, password: password)
    }

    func testAUnitThroughPsqlCannotChangeAnotherUnitsTaskNorItsOwnTasksText() throws {
        let unit = login(unitLogin, "fgw-pw")
        // It sees every task.
        XCTAssertEqual(try server.psql(unit, "SELECT count(*) FROM duban.tasks").trimmingCharacters(in: .whitespacesAndNewlines), "3")
        // Another unit's task: the row is not there for its UPDATE.
        let other = try server.psqlRun(unit, """
            UPDATE duban.tasks SET doc = jsonb_set(doc::jsonb, '{progress}', '99')::text WHERE id = 't2' RETURNING id
            """)
        XCTAssertEqual(other.status, 0, other.err)
        XCTAssertEqual(other.out.trimmingCharacters(in: .whitespacesAndNewlines), "", "no row changed")
        XCTAssertEqual(try server.psql(url, "SELECT doc::jsonb->>'progress' FROM duban.tasks WHERE id = 't2'")
            .trimmingCharacters(in: .whitespacesAndNewlines), "0")
        // Its own task's text: refused by the trigger.
        let text = try server.psqlRun(unit, """
            UPDATE duban.tasks SET doc = jsonb_set(doc::jsonb, '{text}', '"改过的任务"')::text, version = version + 1 WHERE id = 't1'
            """)
        XCTAssertNotEqual(text.status, 0)
        XCTAssertTrue(text.err.contains("only the status, progress and history"), text.err)
        // Its own task's history rewritten (not appended): refused.
        let history = try server.psqlRun(unit, """
            UPDATE duban.tasks SET doc = jsonb_set(doc::jsonb, '{history}', '[{"date":"2020-01-01","status":"done","progress":100,"note":"x"}]')::text WHERE id = 't1';
            UPDATE duban.tasks SET doc = jsonb_set(doc::jsonb, '{history}', '[]')::text WHERE id = 't1'
            """)
        XCTAssertNotEqual(history.status, 0)
        // Its own task's progress alone, with no history entry, no new version and no
        // change-log row: not a report as duban makes one (migration 3), refused. The whole
        // report through psql goes in: RoleAttackTests.
        let progress = try server.psqlRun(unit, """
            UPDATE duban.tasks SET doc = jsonb_set(doc::jsonb, '{progress}', '30')::text WHERE id = 't1' RETURNING id
            """)
        XCTAssertNotEqual(progress.status, 0)
        XCTAssertTrue(progress.err.contains("version by one"), progress.err)
        // Not a lead unit that moves, no rows deleted or added, no accounts made.
        for sql in ["DELETE FROM duban.tasks WHERE id = 't1'",
                    "INSERT INTO duban.tasks (plan_id, ord, id, doc) SELECT plan_id, 9, 'x', doc FROM duban.tasks WHERE id = 't1'",
                    "UPDATE duban.tasks SET id = 'tx' WHERE id = 't1'",
                    "INSERT INTO duban.accounts VALUES ('\(unitLogin)x', 'inspector', NULL)"] {
            let r = try server.psqlRun(unit, sql)
            XCTAssertNotEqual(r.status, 0, sql)
            XCTAssertTrue(r.err.contains("permission denied"), r.err)
        }
    }

    func testAUnitThroughDubanReportsOnItsOwnTasksOnly() throws {
        let p = try open("p", base: login(unitLogin, "fgw-pw"))
        defer { p.close() }
        XCTAssertEqual(p.access, .unit("市发改委"))
        let S = Strings(.en)
        // Reporting on a task it leads (alone, or with another unit): committed.
        guard case .committed(let c) = try p.commit(Edit(taskID: "t1", command: .setProgress(50), date: Self.asOf, author: "发改委"), expecting: 1, strings: S) else {
            return XCTFail()
        }
        XCTAssertEqual(c.task.progress, 50)
        guard case .committed = try p.commit(Edit(taskID: "t3", command: .addNote("已部署"), date: Self.asOf), expecting: 1, strings: S) else { return XCTFail() }
        guard case .committed = try p.commit(Edit(taskID: "t1", command: .setStatus(.lagging), date: Self.asOf), expecting: 2, strings: S) else { return XCTFail() }
        // Another unit's task, or its own task's text: the database refuses.
        XCTAssertThrowsError(try p.commit(Edit(taskID: "t2", command: .setProgress(10), date: Self.asOf), expecting: 1, strings: S)) { e in
            guard case SharedPlanError.notPermitted(let t, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(t, "t2")
        }
        XCTAssertThrowsError(try p.commit(Edit(taskID: "t1", command: .setText("改过的任务"), date: Self.asOf), expecting: nil, strings: S)) { e in
            guard case SharedPlanError.notPermitted(let t, let reason) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(t, "t1")
            XCTAssertTrue(reason.contains("only the status, progress and history"), reason)
        }
        XCTAssertThrowsError(try p.commit(Edit(taskID: "t1", command: .setDeadline(PlanDate(year: 2021, month: 1, day: 1)), date: Self.asOf), expecting: nil, strings: S)) {
            guard case SharedPlanError.notPermitted = $0 else { return XCTFail("\($0)") }
        }
        // Nothing of the refusals stuck; the change log has the three reports, by this login.
        let snap = try p.load(progress: nil)
        XCTAssertEqual(snap.plan.tasks.map(\.text), ["推进项目建设", "优化营商环境", "加强安全生产"])
        XCTAssertEqual(snap.plan.tasks[1].progress, 0)
        XCTAssertEqual(snap.versions, ["t1": 3, "t2": 1, "t3": 2])
        XCTAssertEqual(try server.psql(url, "SELECT string_agg(DISTINCT login, ',') FROM duban.changes").trimmingCharacters(in: .whitespacesAndNewlines), unitLogin)
    }

    func testALeaderOnlyReads() throws {
        let p = try open("p", base: login(leaderLogin, "boss-pw"))
        defer { p.close() }
        XCTAssertEqual(p.access, .leader)
        XCTAssertEqual(try p.load(progress: nil).plan.tasks.count, 3)
        XCTAssertThrowsError(try p.commit(Edit(taskID: "t1", command: .addNote("看过"), date: Self.asOf), expecting: nil, strings: Strings(.en))) {
            guard case SharedPlanError.notPermitted = $0 else { return XCTFail("\($0)") }
        }
        let r = try server.psqlRun(login(leaderLogin, "boss-pw"), "UPDATE duban.tasks SET version = 9")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("permission denied"), r.err)
    }

    func testAWrongPasswordIsRefusedNotUnreachable() throws {
        XCTAssertThrowsError(try open("p", base: login(unitLogin, "wrong"))) { e in
            guard case SharedPlanError.refused(_, let reason) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(reason.contains("password"), reason)
        }
    }

    func testAnInspectorsLoginChangesAnyTask() throws {
        let login = "ins_\(UInt32.random(in: 0...UInt32.max))"
        try PostgresAdmin.addUser(address, login: login, role: .inspector, unit: nil, password: "ins-pw")
        let p = try open("p", base: self.login(login, "ins-pw"))
        defer { p.close() }
        XCTAssertEqual(p.access, .inspector)
        guard case .committed = try p.commit(Edit(taskID: "t2", command: .setText("改过的任务"), date: Self.asOf), expecting: 1, strings: Strings(.en)) else {
            return XCTFail()
        }
    }
}
