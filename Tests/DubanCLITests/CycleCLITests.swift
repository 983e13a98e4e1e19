import XCTest
import Foundation

/// Issue 13, the office's cycle from the command line: `duban extend`, `duban set --period`,
/// `duban report --unreported`, `--since` and `--period`, run as a user runs them on the
/// hand-made plan of Tests/Fixtures/cycle/plan.json (its figures are worked out in
/// Tests/DubanCoreTests/CycleTests.swift).
final class CycleCLITests: XCTestCase {
    var dir: URL!
    var plan: String!

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cycle/plan.json")

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        plan = dir.appendingPathComponent("plan.json").path
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: plan)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static var binary: URL { BuiltProducts.duban }

    struct Run {
        var status: Int32; var out: String; var err: String
    }

    func duban(_ args: [String], env: [String: String] = [:]) throws -> Run {
        var e = ["LANG": "C.UTF-8", "LOGNAME": "inspector", "HOME": dir.path]
        for (k, v) in env { e[k] = v }
        let r = try runToEnd(Self.binary, args, env: e, in: dir)
        return Run(status: r.status, out: String(decoding: r.out, as: UTF8.self), err: String(decoding: r.err, as: UTF8.self))
    }

    func saved() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as! [String: Any]
    }

    func task(_ id: String) throws -> [String: Any] {
        let tasks = try saved()["tasks"] as! [[String: Any]]
        return tasks.first { $0["id"] as? String == id }!
    }

    // MARK: duban extend

    func testExtendFilesApprovesAndRefuses() throws {
        // t1 is due 06-15: a request on 07-02 is late.
        var r = try duban(["extend", plan, "1", "--to", "2020-08-31", "--reason", "设备未到货", "--on", "2020-07-02", "--author", "市教育局"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "任务1：延期至2020-08-31，待审批，逾期后申请；完成时限2020-06-15\n")
        var t1 = try task("t1")
        XCTAssertEqual(t1["deadline"] as? String, "2020-06-15")
        XCTAssertNil(t1["originalDeadline"])
        XCTAssertEqual((t1["extensions"] as? [[String: String]])?.first,
                       ["requestedOn": "2020-07-02", "to": "2020-08-31", "reason": "设备未到货", "decision": "pending"])
        // Approved without --to: the pending request; by the config file's author.
        try "theme light\nauthor 市督查室\n".write(toFile: dir.appendingPathComponent("cfg").path, atomically: true, encoding: .utf8)
        r = try duban(["extend", plan, "t1", "--approve", "--on", "2020-07-03"], env: ["DUBAN_CONFIG": dir.appendingPathComponent("cfg").path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "任务1：延期至2020-08-31，已同意，逾期后申请；完成时限2020-08-31（原定2020-06-15）\n")
        t1 = try task("t1")
        XCTAssertEqual(t1["deadline"] as? String, "2020-08-31")
        XCTAssertEqual(t1["originalDeadline"] as? String, "2020-06-15")
        XCTAssertEqual((t1["extensions"] as? [[String: String]])?.first?["decidedBy"], "市督查室")
        XCTAssertEqual((t1["extensions"] as? [[String: String]])?.first?["decidedOn"], "2020-07-03")
        let history = t1["history"] as! [[String: Any]]
        XCTAssertEqual(history.map { $0["note"] as? String }, ["申请延期至2020-08-31：设备未到货（逾期后申请）", "同意延期：完成时限2020-06-15 → 2020-08-31"])
        XCTAssertEqual(history.map { $0["author"] as? String }, ["市教育局", "市督查室"])
        // Nothing pending any more.
        r = try duban(["extend", plan, "1", "--refuse"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "任务1没有待审批的延期申请；提出申请请给出 --to 和 --reason\n")
        // Filed and refused at once, in English, by the login name.
        r = try duban(["extend", plan, "7", "--to", "2021-03-31", "--reason", "招标流标", "--refuse", "--on", "2020-07-03", "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "task 7: extension to 2021-03-31, refused; deadline 2020-12-31\n")
        let t7 = try task("t7")
        XCTAssertEqual(t7["deadline"] as? String, "2020-12-31")
        XCTAssertNil(t7["originalDeadline"])
        XCTAssertEqual((t7["extensions"] as? [[String: String]])?.first?["decidedBy"], "inspector")
        XCTAssertEqual((t7["history"] as! [[String: Any]]).suffix(2).map { $0["author"] as? String }, ["inspector", "inspector"])
    }

    func testExtendRefusesWhatItCannotDo() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let cases: [([String], Int32, String)] = [
            (["--approve", "--refuse"], 64, "--approve 与 --refuse 只能选一个"),
            (["--to", "2020-09-01"], 64, "延期申请须写明理由（--reason）"),
            (["--reason", "x"], 64, "延期申请须给出新的完成时限（--to YYYY-MM-DD）"),
            (["--to", "2020-09-31", "--reason", "x"], 64, "2020-09-31"),
        ]
        for (args, status, words) in cases {
            let r = try duban(["extend", plan, "1"] + args)
            XCTAssertEqual(r.status, status, "\(args)")
            XCTAssertTrue(r.err.contains(words), "\(args): \(r.err)")
        }
        let r = try duban(["extend", plan, "99", "--to", "2020-09-01", "--reason", "x"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "找不到任务“99”（按编号或序号查找；编号见详情窗格的方括号，如 t12）\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: plan)), before, "nothing written")
        let help = try duban(["extend", "--help"])
        XCTAssertTrue(help.out.contains("duban extend plan.json 12 --approve --author 督查室"), help.out)
    }

    // MARK: periodic reports and who did not report

    static let unreportedJuly = """
    测试市2020年重点工作
    报送期：2020-07（2020-07-01至2020-07-31，2020-07-25前报送）
    未报送单位（1个）
    截至2020年7月31日

    市教育局（3项）
    序号  完成时限    状态    任务
    ----  ----------  ------  ------------------
    1     2020-06-15  未启动  建成智慧教育平台
    4     2020-07-31  已完成  新建幼儿园3所
    7     2020-12-31  推进中  建设第二中学新校区

    """

    func testUnreportedListsTheUnitsWithTheirTasks() throws {
        // The current period on 07-31 is 2020-07: only 市教育局 has not reported.
        var r = try duban(["report", plan, "--unreported", "--as-of", "2020-07-31"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, Self.unreportedJuly)
        // 2020-06: 市住建局, on t3 and t6 (t10 was done before June).
        r = try duban(["report", plan, "--unreported", "--period", "2020-06", "--as-of", "2020-07-31", "--format", "csv", "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "Unit,No.,Deadline,Status,Task\r\n市住建局,3,2020-06-30,in progress,改造老旧小区20个\r\n市住建局,6,2020-09-30,in progress,完成棚户区改造征迁\r\n")
        r = try duban(["report", plan, "--unreported", "--period", "2020-06-18", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        XCTAssertEqual((json["period"] as? [String: String])?["due"], "2020-06-25")
        XCTAssertEqual((json["units"] as? [[String: Any]])?.map { $0["unit"] as? String }, ["市住建局"])
        XCTAssertEqual(((json["units"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]])?.map { $0["id"] as? String }, ["t3", "t6"])
        // 市教育局 reports on one task for July: every unit has reported.
        r = try duban(["set", plan, "7", "--progress", "60", "--period", "2020-07", "--as-of", "2020-07-26", "--author", "市教育局"])
        XCTAssertEqual(r.status, 0, r.err)
        let entry = (try task("t7")["history"] as! [[String: Any]]).last!
        XCTAssertEqual(entry["period"] as? String, "2020-07")
        XCTAssertEqual(entry["author"] as? String, "市教育局")
        r = try duban(["report", plan, "--unreported", "--as-of", "2020-07-31"])
        XCTAssertEqual(r.out, "测试市2020年重点工作\n报送期：2020-07（2020-07-01至2020-07-31，2020-07-25前报送）\n本期各单位均已报送\n截至2020年7月31日\n\n")
        // --period alone on set: the entry notes the report itself.
        r = try duban(["set", plan, "8", "--period", "2020-07-20", "--as-of", "2020-07-21"])
        XCTAssertEqual(r.status, 0, r.err)
        let e8 = (try task("t8")["history"] as! [[String: Any]]).last!
        XCTAssertEqual(e8["note"] as? String, "报送2020-07期进展")
        XCTAssertEqual(e8["author"] as? String, "inspector")
    }

    func testPeriodsThatAreNoneAreRefused() throws {
        var r = try duban(["report", plan, "--unreported", "--period", "2020Q3"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "--period 2020Q3：不是本计划报送周期中的一期；应为 YYYY-MM，或一个日期 YYYY-MM-DD\n")
        r = try duban(["set", plan, "7", "--period", "七月", "--note", "x"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "--period 七月：不是本计划报送周期中的一期；应为 YYYY-MM，或一个日期 YYYY-MM-DD\n")
        // A plan without a cycle.
        let bare = dir.appendingPathComponent("bare.json").path
        try #"{"formatVersion": 1, "title": "x", "chapters": [], "tasks": [{"id": "t1", "text": "a", "leadUnits": ["甲"]}]}"#
            .write(toFile: bare, atomically: true, encoding: .utf8)
        r = try duban(["report", bare, "--unreported", "--lang", "en"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "\(bare): the plan has no reporting cycle (the reporting key); see docs/plan-format.md\n")
        r = try duban(["set", bare, "t1", "--period", "2020-06"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "--period 2020-06：计划没有报送周期（reporting 键），无法记为定期报送\n")
        for (args, words) in [(["--unreported", "--overdue"], "--unreported 不能与 --overdue 同用"),
                              (["--since", "2020-06-30", "--by", "unit"], "--since 不能与 --by 同用"),
                              (["--unreported", "--since", "2020-06-30"], "--unreported 不能与 --since 同用")] {
            r = try duban(["report", plan] + args)
            XCTAssertEqual(r.status, 64, "\(args)")
            XCTAssertTrue(r.err.contains(words), "\(args): \(r.err)")
        }
    }

    // MARK: periods compared

    static let sinceTable = """
    测试市2020年重点工作
    2020-06-30至2020-07-31的变化
    截至2020年7月31日

    单位      新增逾期  逾期销除  新完成  持续红灯
    --------  --------  --------  ------  --------
    市教育局         0         0       1         1
    市交通局         1         1       1         0
    市住建局         1         1       0         0
    合计             2         2       2         1

    """

    func testSinceComparesTwoDaysPerUnit() throws {
        var r = try duban(["report", plan, "--since", "2020-06-30", "--as-of", "2020-07-31"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, Self.sinceTable)
        // --period alone: from the day before July to its end (the as-of date is later).
        r = try duban(["report", plan, "--period", "2020-07", "--as-of", "2020-09-01"])
        XCTAssertEqual(r.out, Self.sinceTable)
        r = try duban(["report", plan, "--since", "2020-06-30", "--as-of", "2020-07-31", "--format", "markdown", "--lang", "en"])
        XCTAssertEqual(r.out, """
        # 测试市2020年重点工作

        Changes from 2020-06-30 to 2020-07-31

        as of 2020-07-31

        | Unit | Newly overdue | Cleared | Newly done | Still red |
        | --- | ---: | ---: | ---: | ---: |
        | 市教育局 | 0 | 0 | 1 | 1 |
        | 市交通局 | 1 | 1 | 1 | 0 |
        | 市住建局 | 1 | 1 | 0 | 0 |
        | Total | 2 | 2 | 2 | 1 |

        """)
        r = try duban(["report", plan, "--since", "2020-06-30", "--as-of", "2020-07-31", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        XCTAssertEqual(json["total"] as? [String: [String]], ["newlyOverdue": ["t2", "t3"], "cleared": ["t5", "t6"],
                                                              "newlyDone": ["t4", "t5"], "stillRed": ["t1"]])
        r = try duban(["report", plan, "--since", "2020-08-01", "--as-of", "2020-07-31"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "--since 2020-08-01 晚于 --as-of 2020-07-31\n")
        r = try duban(["report", plan, "--since", "06-30"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.err.contains("06-30"), r.err)
    }
}
