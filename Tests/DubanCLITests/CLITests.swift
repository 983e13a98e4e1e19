import XCTest
import Foundation
import DubanCore

/// Runs the `duban` binary built beside this test bundle.
final class CLITests: CLITestCase {

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// A plan of three tasks, as a user would hand-write one.
    func planFile() throws -> String {
        try write("plan.json", """
        {"formatVersion": 1, "title": "测试计划", "year": 2020,
         "chapters": [{"id": "c1", "label": "一", "title": "经济", "parent": null}],
         "tasks": [
          {"id": "t1", "number": "1", "chapter": "c1", "text": "推进项目建设", "leadUnits": ["市发改委"], "coUnits": ["市财政局"], "deadline": "2020-06-30", "status": "inProgress", "progress": 40},
          {"id": "t2", "number": "2", "chapter": "c1", "text": "优化营商环境", "leadUnits": ["市数据资源局"], "deadline": "2020-12-31", "status": "done", "progress": 100},
          {"id": "t3", "number": "3", "chapter": null, "text": "加强安全生产", "leadUnits": ["市应急局", "市发改委"], "deadline": "2020-03-31", "status": "notStarted"}
         ]}
        """)
    }

    func testValidateExitCodes() throws {
        let good = try planFile()
        let ok = try duban(["validate", good])
        XCTAssertEqual(ok.status, 0, ok.err)
        XCTAssertEqual(ok.out, "\(good)：有效（3项任务）\n")
        let bad = try write("bad.json", "{\"formatVersion\": 1, \"title\": \"T\", \"chapters\": [],\n \"tasks\": [{\"id\": \"a\", \"text\": \"x\", \"status\": \"finished\", \"progress\": -1}]}")
        let r = try duban(["validate", bad, "--lang", "en"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out.split(separator: "\n").map(String.init), [
            "\(bad):2:47: tasks[0].status: unknown status \"finished\" (expected notStarted, inProgress, done or lagging)",
            "\(bad):2:71: tasks[0].progress: expected a whole number from 0 to 100, found -1",
        ])
    }

    func testReportByUnitAsJSONAndEnglishTable() throws {
        let plan = try planFile()
        let r = try duban(["report", plan, "--by", "unit", "--format", "json", "--as-of", "2020-07-01"])
        XCTAssertEqual(r.status, 0, r.err)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        let ndrc = try XCTUnwrap(rows.first { $0["name"] as? String == "市发改委" })
        // leads t1 (overdue since 06-30) and t3 (overdue since 03-31); shares nothing
        XCTAssertEqual(ndrc["led"] as? Int, 2)
        XCTAssertEqual(ndrc["shared"] as? Int, 0)
        XCTAssertEqual(ndrc["overdue"] as? Int, 2)
        XCTAssertEqual(ndrc["percentDone"] as? Int, 0)
        let en = try duban(["report", plan, "--by", "status", "--as-of", "2020-07-01", "--lang", "en"])
        XCTAssertEqual(en.out, """
        测试计划
        as of 2020-07-01

        Status       Tasks
        -----------  -----
        not started      1
        in progress      1
        done             1
        lagging          0

        """)
    }

    func testOverdueReport() throws {
        let plan = try planFile()
        let r = try duban(["report", plan, "--overdue", "--as-of", "2020-07-01", "--format", "json"])
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["id"] as? String }, ["t3", "t1"])
        XCTAssertEqual(rows.map { $0["daysOverdue"] as? Int }, [92, 1])
    }

    func testSetSavesThroughTheModelAndKeepsBackup() throws {
        let plan = try planFile()
        let r = try duban(["set", plan, "1", "--status", "已完成", "--note", "项目全部开工", "--as-of", "2020-07-02"])
        XCTAssertEqual(r.status, 0, r.err)
        let saved = try PlanFile.load(path: plan)
        XCTAssertEqual(saved.tasks[0].status, .done)
        XCTAssertEqual(saved.tasks[0].progress, 100)
        XCTAssertEqual(saved.tasks[0].history.map(\.note), ["状态：推进中 → 已完成；进度：40% → 100%", "项目全部开工"])
        XCTAssertEqual(saved.tasks[0].history.first?.date.iso, "2020-07-02")
        XCTAssertTrue(FileManager.default.fileExists(atPath: plan + ".bak"))
        // the saved file round-trips byte for byte
        XCTAssertEqual(PlanJSON.encode(saved), try PlanFile.read(path: plan))
    }

    func testSetRejectsBadInputWithoutTouchingTheFile() throws {
        let plan = try planFile()
        let before = try PlanFile.read(path: plan)
        for args in [["9", "--status", "done"], ["1", "--status", "finished"], ["1", "--progress", "150"],
                     ["1", "--deadline", "2020-02-30"], ["1"]] {
            let r = try duban(["set", plan] + args + ["--lang", "en"])
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertFalse(r.err.isEmpty, "\(args)")
        }
        XCTAssertEqual(try PlanFile.read(path: plan), before)
        XCTAssertTrue(try duban(["set", plan, "9", "--status", "done", "--lang", "en"]).err.contains("no task \"9\""))
    }

    func testRecoverReplaysWhatAKilledDashboardLeftInTheJournal() throws {
        let plan = try planFile()
        // A dashboard session: two edits journaled, then the process "dies" (the journal is
        // closed as unsaved, which is what a kill leaves behind).
        let opened = try PlanFile.loadForEditing(path: plan)
        let journal = try Journal.open(planPath: plan, planBytes: opened.bytes)
        let store = PlanStore(plan: opened.plan, rules: Rules(asOf: PlanDate(iso: "2020-07-01")!))
        let day = PlanDate(iso: "2020-07-01")!
        XCTAssertTrue(try journal.apply(Edit(taskID: "t3", command: .setStatus(.inProgress), date: day), to: store))
        XCTAssertTrue(try journal.apply(Edit(taskID: "t3", command: .addNote("已部署专项检查"), date: day), to: store))
        journal.close(unsaved: true)
        let before = try PlanFile.read(path: plan)

        // A script must not write over them.
        let set = try duban(["set", plan, "1", "--status", "done", "--lang", "en"])
        XCTAssertEqual(set.status, 1)
        XCTAssertTrue(set.err.contains("duban recover"), set.err)
        XCTAssertEqual(try PlanFile.read(path: plan), before)

        let dry = try duban(["recover", plan, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.err)
        XCTAssertTrue((dry.out + dry.err).contains("已部署专项检查"), dry.out + dry.err)
        XCTAssertEqual(try PlanFile.read(path: plan), before, "--dry-run changes nothing")

        let r = try duban(["recover", plan])
        XCTAssertEqual(r.status, 0, r.err)
        let saved = try PlanFile.load(path: plan)
        XCTAssertEqual(saved.tasks[2].status, .inProgress)
        XCTAssertEqual(saved.tasks[2].history.last?.note, "已部署专项检查")
        XCTAssertFalse(Journal.hasPending(planPath: plan))
        XCTAssertEqual(try duban(["set", plan, "1", "--status", "done"]).status, 0, "scripts may write again")
    }

    func testDemoWritesAValidPlan() throws {
        let r = try duban(["demo", "-o", "demo.json"])
        XCTAssertEqual(r.status, 0, r.err)
        let plan = try PlanFile.load(path: dir.appendingPathComponent("demo.json").path)
        XCTAssertFalse(plan.tasks.isEmpty)
        XCTAssertEqual(try duban(["validate", "demo.json"]).status, 0)
    }

    func testHelpHasExamples() throws {
        for cmd in ["open", "import", "validate", "report", "set", "recover", "demo", "generate"] {
            let r = try duban([cmd, "--help"])
            XCTAssertEqual(r.status, 0)
            XCTAssertTrue(r.out.contains("示例："), cmd)
            XCTAssertTrue(try duban([cmd, "--help", "--lang", "en"]).out.contains("Examples:"), cmd)
        }
    }
}
