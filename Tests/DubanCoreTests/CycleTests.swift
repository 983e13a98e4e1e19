import XCTest
@testable import DubanCore

/// Issue 13, the office's cycle: one hand-made plan (Tests/Fixtures/cycle/plan.json) with
/// two reporting periods (2020-06 and 2020-07, monthly by the 25th), extensions granted,
/// refused and late, milestones (one missed), reports by some units and not others. Every
/// figure below is worked out by hand in the comments.
///
/// The plan (periods start 2020-01-01; leads in brackets):
/// - t1 (市教育局) deadline 06-15, not started, no history.
/// - t2 (市交通局) 06-20 extended to 07-20: asked 06-10, approved 06-12; 50%; reported 2020-06.
/// - t3 (市住建局) 06-30; asked 06-20 for 08-31, refused 06-22; 60%; reported 2020-07.
/// - t4 (市教育局) 05-31 extended to 07-31: asked 06-05 (late), approved 06-08; done 07-28.
/// - t5 (市交通局) 06-10; 30% from 05-01; done 07-10 (reported 2020-07 by the alias 市交通运输局).
/// - t6 (市住建局) 06-15 extended to 09-30: asked 06-14, approved 07-05; 40%.
/// - t7 (市教育局) 12-31, milestones 03-31 done, 06-30 "6月底前完成招标" not done, 12-31; 50%;
///   reported 2020-06.
/// - t8 (市财政局) no deadline (长期), 20%; the office entered its 2020-06 report.
/// - t9 (各县区政府, a group; co 市财政局) 09-30, not started; 市财政局 wrote a 2020-07 entry.
/// - t10 (市住建局) 06-30, done 05-20.
final class CycleTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cycle/plan.json")

    func d(_ s: String) -> PlanDate { PlanDate(iso: s)! }

    func plan() throws -> Plan {
        let bytes = try [UInt8](Data(contentsOf: Self.fixture))
        return try PlanJSON.decode(bytes, file: "plan.json")
    }

    func index(_ p: Plan, _ id: String) -> Int { p.tasks.firstIndex { $0.id == id }! }

    // MARK: the file

    func testTheFixtureDecodesAndWritesBackByteForByte() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixture))
        let p = try PlanJSON.decode(bytes, file: "plan.json")
        XCTAssertEqual(p.reporting, ReportingCycle(.monthly(day: 25)))
        let t2 = p.tasks[1]
        XCTAssertEqual(t2.originalDeadline, d("2020-06-20"))
        XCTAssertEqual(t2.extensions, [Extension(requestedOn: d("2020-06-10"), to: d("2020-07-20"), reason: "雨季停工",
                                                 decision: .approved, decidedBy: "督查室", decidedOn: d("2020-06-12"))])
        XCTAssertEqual(p.tasks[2].extensions.first?.decision, .refused)
        XCTAssertEqual(p.tasks[0].originalDeadline, nil)
        XCTAssertEqual(p.tasks[0].extensions, [])
        XCTAssertEqual(PlanJSON.encode(p), bytes)
    }

    func testNewKeysKeepUnknownKeysAndOtherCyclesRoundTrip() throws {
        let text = """
        {"formatVersion": 1, "title": "x", "reporting": {"every": "quarter", "day": 20, "note": "季报"}, "chapters": [],
         "tasks": [{"id": "t1", "text": "a", "deadline": "2020-09-30", "originalDeadline": "2020-06-30",
           "extensions": [{"requestedOn": "2020-06-01", "to": "2020-09-30", "reason": "r", "decision": "pending", "文号": "〔2020〕3号"}]}]}
        """
        let p = try PlanJSON.decode(Array(text.utf8), file: "p.json")
        XCTAssertEqual(p.reporting?.kind, .quarterly(day: 20))
        XCTAssertEqual(p.reporting?.extra.map(\.key), ["note"])
        XCTAssertEqual(p.tasks[0].extensions[0].extra.map(\.key), ["文号"])
        XCTAssertEqual(p.tasks[0].extensions[0].decidedBy, nil)
        let again = try PlanJSON.decode(PlanJSON.encode(p), file: "p.json")
        XCTAssertEqual(again, p)
        let dates = try PlanJSON.decode(Array(#"{"formatVersion": 1, "title": "x", "reporting": {"dates": ["2020-06-30", "2020-03-31"]}, "chapters": [], "tasks": []}"#.utf8), file: "p.json")
        XCTAssertEqual(dates.reporting?.kind, .dates([d("2020-03-31"), d("2020-06-30")]))
        XCTAssertEqual(try PlanJSON.decode(PlanJSON.encode(dates), file: "p.json"), dates)
        // A plan without the new keys is written without them.
        let old = try PlanJSON.decode(Array(#"{"formatVersion": 1, "title": "x", "chapters": [], "tasks": [{"id": "t1", "text": "a"}]}"#.utf8), file: "p.json")
        let out = PlanJSON.encodeString(old)
        for key in ["reporting", "originalDeadline", "extensions"] { XCTAssertFalse(out.contains(key), key) }
    }

    func testBadNewKeysSayWhereAndWhat() {
        func problems(_ text: String, _ lang: Lang = .en) -> [String] {
            do { _ = try PlanJSON.decode(Array(text.utf8), file: "p.json"); return [] }
            catch let e as PlanLoadError { return e.problems.map { $0.message(Strings(lang)) } }
            catch { return ["\(error)"] }
        }
        func plan(reporting: String = "null", ext: String = "[]") -> String {
            "{\"formatVersion\": 1, \"title\": \"x\", \"reporting\": \(reporting), \"chapters\": [],\n\"tasks\": [{\"id\": \"t1\", \"text\": \"a\", \"extensions\": \(ext)}]}"
        }
        let cases: [(String, String)] = [
            // line 1: `"reporting": ` ends at column 48, so its object opens at 49 and "week" is at 59;
            // line 2: `"extensions": [` ends at 51, the request's object opens at 52.
            (plan(reporting: #"{"every": "week", "day": 3}"#), #"p.json:1:59: reporting.every: unknown reporting cycle "week" (expected month or quarter)"#),
            (plan(reporting: #"{"every": "month"}"#), #"p.json:1:49: reporting: missing required key "day""#),
            (plan(reporting: #"{"every": "month", "day": 32}"#), "p.json:1:75: reporting.day: expected a day of the month from 1 to 31, found 32"),
            (plan(reporting: #"{"dates": []}"#), #"p.json:1:49: reporting: expected {"every": "month", "day": 1-31}, {"every": "quarter"} or {"dates": [dates, ...]}"#),
            (plan(reporting: #"{"dates": ["2020-02-30"]}"#), #"p.json:1:60: reporting.dates[0]: "2020-02-30" is not a real day (expected a date "YYYY-MM-DD")"#),
            (plan(ext: #"[{"requestedOn": "2020-06-01", "to": "2020-07-01", "reason": "r", "decision": "yes"}]"#),
             #"p.json:2:129: tasks[0].extensions[0].decision: unknown decision "yes" (expected pending, approved or refused)"#),
            (plan(ext: #"[{"to": "2020-07-01"}]"#), #"p.json:2:52: tasks[0].extensions[0]: missing required key "requestedOn""#),
            (plan(ext: #"[{"requestedOn": "2020-06-01", "to": 7}]"#), "p.json:2:88: tasks[0].extensions[0].to: expected a date \"YYYY-MM-DD\", found a number"),
        ]
        for (text, want) in cases { XCTAssertEqual(problems(text), [want], text) }
        XCTAssertEqual(problems(plan(reporting: #"{"every": "week", "day": 3}"#), .zh),
                       [#"p.json:1:59: reporting.every: 未知报送周期 "week"（应为 month 或 quarter）"#])
    }

    // MARK: lights

    /// On 2020-07-31 (periods from 2020-01-01; 01-01 → 07-31 is 212 days):
    func testLightsOnTheLastDay() throws {
        let p = try plan()
        let s = PlanStore(plan: p, rules: Rules(asOf: d("2020-07-31")))
        let rows: [(String, Light, [LightReason])] = [
            // Past its deadline a task's whole period has gone: 100% expected, behind too.
            ("t1", .red, [.overdue(days: 46), .behindSchedule(expected: 100, actual: 0)]),   // 06-15 → 07-31: 15 + 31
            ("t2", .red, [.overdue(days: 11), .behindSchedule(expected: 100, actual: 50)]),  // against the approved 07-20
            ("t3", .red, [.overdue(days: 31), .behindSchedule(expected: 100, actual: 60)]),  // refused: still 06-30
            ("t4", .green, [.done]),
            ("t5", .green, [.done]),
            ("t6", .yellow, [.behindSchedule(expected: 78, actual: 40)]),  // 212 of 273 days (to 09-30) = 77.7%, half up 78%
            ("t7", .red, [.milestoneMissed(text: "6月底前完成招标", days: 31)]),  // 31 > 30 days late; 212/365 = 58%, 50% is within 20
            ("t8", .green, [.noDeadline]),
            ("t9", .yellow, [.behindSchedule(expected: 78, actual: 0)]),
            ("t10", .green, [.done]),
        ]
        for (id, light, reasons) in rows {
            let a = s.assessments[index(p, id)]
            XCTAssertEqual(a.light, light, id)
            XCTAssertEqual(a.reasons, reasons, id)
        }
        XCTAssertTrue(s.assessments[index(p, "t8")].hasNoDeadline)
        XCTAssertFalse(s.assessments[index(p, "t8")].isOverdue)
        XCTAssertEqual(s.assessments[index(p, "t7")].missedMilestones, 1)
        // Totals: done t4 t5 t10; overdue t1 t2 t3; red t1 t2 t3 t7; yellow t6 t9; no deadline t8.
        var want = Tally()
        want.led = 10; want.done = 3; want.overdue = 3; want.red = 4; want.yellow = 2; want.noDeadline = 1
        XCTAssertEqual(s.totals, want)
        // Per unit: 市教育局 t1 t4 t7; 市交通局 t2 t5; 市住建局 t3 t6 t10; 市财政局 leads t8, shares t9.
        let units: [(String, Int, Int, Int, Int, Int, Int, Int)] = [
            // name, led, shared, done, overdue, red, yellow, no deadline
            ("市教育局", 3, 0, 1, 1, 2, 0, 0),
            ("市交通局", 2, 0, 1, 1, 1, 0, 0),
            ("市交通运输局", 2, 0, 1, 1, 1, 0, 0),  // the alias counts as the unit
            ("市住建局", 3, 0, 1, 1, 1, 1, 0),
            ("市财政局", 1, 1, 0, 0, 0, 0, 1),
            ("各县区政府", 1, 0, 0, 0, 0, 1, 0),
        ]
        for (name, led, shared, done, overdue, red, yellow, none) in units {
            let t = s.tally(forUnit: name)
            XCTAssertEqual([t.led, t.shared, t.done, t.overdue, t.red, t.yellow, t.noDeadline],
                           [led, shared, done, overdue, red, yellow, none], name)
        }
    }

    /// The plan as it stood on 2020-06-30 (01-01 → 06-30 is 181 days).
    func testLightsOnTheFirstDayFromHistory() throws {
        let p = try plan()
        let past = p.state(on: d("2020-06-30"))
        let s = PlanStore(plan: past, rules: Rules(asOf: d("2020-06-30")))
        let rows: [(String, TaskStatus, Int, PlanDate?, Light, [LightReason])] = [
            ("t1", .notStarted, 0, d("2020-06-15"), .red, [.overdue(days: 15), .behindSchedule(expected: 100, actual: 0)]),   // no history: as it is now
            // approved 06-12: 07-20 in force; 181 of 201 days = 90%, 50% is 40 behind
            ("t2", .inProgress, 50, d("2020-07-20"), .yellow, [.behindSchedule(expected: 90, actual: 50)]),
            // the deadline day itself: due today, and 100% expected
            ("t3", .inProgress, 60, d("2020-06-30"), .yellow, [.dueSoon(daysLeft: 0), .behindSchedule(expected: 100, actual: 60)]),
            // approved 06-08: 07-31 in force; 181 of 212 days = 85%, 70% is within 20
            ("t4", .inProgress, 70, d("2020-07-31"), .green, [.onTrack]),
            ("t5", .inProgress, 30, d("2020-06-10"), .red, [.overdue(days: 20), .behindSchedule(expected: 100, actual: 30)]),
            // approved only on 07-05: the original 06-15 in force
            ("t6", .inProgress, 40, d("2020-06-15"), .red, [.overdue(days: 15), .behindSchedule(expected: 100, actual: 40)]),
            // the node 06-30 is not past yet; 181/365 = 49%
            ("t7", .inProgress, 50, d("2020-12-31"), .green, [.onTrack]),
            ("t8", .inProgress, 20, nil, .green, [.noDeadline]),
            // before its first entry (07-15): not started; 181/273 = 66%
            ("t9", .notStarted, 0, d("2020-09-30"), .yellow, [.behindSchedule(expected: 66, actual: 0)]),
            ("t10", .done, 100, d("2020-06-30"), .green, [.done]),
        ]
        for (id, status, progress, deadline, light, reasons) in rows {
            let i = index(p, id)
            XCTAssertEqual(past.tasks[i].status, status, id)
            XCTAssertEqual(past.tasks[i].progress, progress, id)
            XCTAssertEqual(past.tasks[i].deadline, deadline, id)
            XCTAssertEqual(s.assessments[i].light, light, id)
            XCTAssertEqual(s.assessments[i].reasons, reasons, id)
        }
        // On 06-30 the decision of 07-05 was not made yet: t6's request shows pending.
        XCTAssertEqual(past.tasks[index(p, "t6")].extensions.map(\.decision), [.pending])
        XCTAssertEqual(past.tasks[index(p, "t2")].extensions.map(\.decision), [.approved])
    }

    func testAMissedMilestoneInWordsYellowThenRed() throws {
        let t7 = try plan().tasks[6]
        let cases: [(String, Light, String, String)] = [
            ("2020-06-30", .green, "正常推进", "on track"),                     // the node's own day: not missed
            ("2020-07-12", .yellow, "节点“6月底前完成招标”逾期12天", "milestone \"6月底前完成招标\" 12 days late"),
            ("2020-07-30", .yellow, "节点“6月底前完成招标”逾期30天", "milestone \"6月底前完成招标\" 30 days late"),
            ("2020-07-31", .red, "节点“6月底前完成招标”逾期31天", "milestone \"6月底前完成招标\" 31 days late"),
        ]
        for (day, light, zh, en) in cases {
            let a = Rules(asOf: d(day), periodStart: d("2020-01-01")).assess(t7)
            XCTAssertEqual(a.light, light, day)
            XCTAssertEqual(Strings(.zh).reasons(a), zh, day)
            XCTAssertEqual(Strings(.en).reasons(a), en, day)
        }
        var done = t7
        done.milestones[1].done = true
        XCTAssertEqual(Rules(asOf: d("2020-07-31"), periodStart: d("2020-01-01")).assess(done).light, .green)
        done = t7
        done.status = .done
        XCTAssertEqual(Rules(asOf: d("2020-07-31")).missedMilestones(done).count, 0)
        // A node on the deadline is the deadline's own: only "overdue" says it.
        var last = t7
        last.deadline = d("2020-06-30")
        XCTAssertEqual(Rules(asOf: d("2020-07-12")).assess(last).reasons, [.overdue(days: 12)])  // no period start: no 序时进度
        XCTAssertEqual(Strings(.zh).reason(.noDeadline), "无完成时限")
    }

    // MARK: extensions

    func testDeadlineInForceAndLateRequests() throws {
        let p = try plan()
        let cases: [(String, String, String?)] = [
            ("t1", "2020-01-01", "2020-06-15"),
            ("t2", "2020-06-11", "2020-06-20"), ("t2", "2020-06-12", "2020-07-20"),
            ("t3", "2020-06-25", "2020-06-30"),               // refused: never moved
            ("t4", "2020-06-07", "2020-05-31"), ("t4", "2020-06-08", "2020-07-31"),
            ("t6", "2020-07-04", "2020-06-15"), ("t6", "2020-07-05", "2020-09-30"),
            ("t8", "2020-06-01", nil),
        ]
        for (id, day, want) in cases {
            XCTAssertEqual(p.tasks[index(p, id)].deadline(inForceOn: d(day)), want.map(d), "\(id) \(day)")
        }
        // Late: t4 asked on 06-05, after its 05-31. t2 (06-10 < 06-20), t3 (06-20 < 06-30),
        // t6 (06-14 < 06-15) asked in time.
        let late = p.tasks.flatMap { t in t.extensions.map { (t.id, t.isLate($0)) } }
        XCTAssertEqual(late.map(\.0), ["t2", "t3", "t4", "t6"])
        XCTAssertEqual(late.map(\.1), [false, false, true, false])
    }

    func testExtensionEditsRecordEverythingAndUndo() throws {
        let t = PlanTask(id: "t1", text: "任务", deadline: d("2020-06-30"), status: .inProgress, progress: 40)
        let p = Plan(title: "x", tasks: [t])
        let s = PlanStore(plan: p, rules: Rules(asOf: d("2020-07-10")))
        XCTAssertTrue(s.assessments[0].isOverdue)
        // Asked on 07-02, after the deadline: late, and the note says so.
        try s.apply(Edit(taskID: "t1", command: .requestExtension(to: d("2020-08-31"), reason: " 资金未到位 "), date: d("2020-07-02"), author: "市住建局"))
        var x = s.task(at: 0)
        XCTAssertEqual(x.extensions, [Extension(requestedOn: d("2020-07-02"), to: d("2020-08-31"), reason: "资金未到位")])
        XCTAssertEqual(x.deadline, d("2020-06-30"))
        XCTAssertEqual(x.history.last?.note, "申请延期至2020-08-31：资金未到位（逾期后申请）")
        XCTAssertEqual(x.history.last?.author, "市住建局")
        XCTAssertTrue(x.isLate(x.extensions[0]))
        XCTAssertTrue(s.assessments[0].isOverdue)   // pending: still counted against 06-30
        // Approved on 07-05: the deadline moves, the original stays on record.
        try s.apply(Edit(taskID: "t1", command: .decideExtension(index: 0, approve: true), date: d("2020-07-05"), author: "督查室"))
        x = s.task(at: 0)
        XCTAssertEqual(x.deadline, d("2020-08-31"))
        XCTAssertEqual(x.originalDeadline, d("2020-06-30"))
        XCTAssertEqual(x.extensions[0].decision, .approved)
        XCTAssertEqual(x.extensions[0].decidedBy, "督查室")
        XCTAssertEqual(x.extensions[0].decidedOn, d("2020-07-05"))
        XCTAssertEqual(x.history.last?.note, "同意延期：完成时限2020-06-30 → 2020-08-31")
        XCTAssertFalse(s.assessments[0].isOverdue)
        XCTAssertEqual(s.totals.overdue, 0)
        XCTAssertThrowsError(try s.apply(Edit(taskID: "t1", command: .decideExtension(index: 0, approve: false), date: d("2020-07-06")))) {
            XCTAssertEqual(($0 as? EditError)?.message(Strings(.zh)), "第1项延期申请已审批，不能再改")
        }
        XCTAssertThrowsError(try s.apply(Edit(taskID: "t1", command: .decideExtension(index: 3, approve: true), date: d("2020-07-06"))))
        XCTAssertThrowsError(try s.apply(Edit(taskID: "t1", command: .requestExtension(to: d("2020-09-30"), reason: "  "), date: d("2020-07-06")))) {
            XCTAssertEqual($0 as? EditError, .emptyReason)
        }
        // A second request, refused; a plain deadline edit later: the original never changes.
        try s.apply(Edit(taskID: "t1", command: .requestExtension(to: d("2020-10-31"), reason: "再次申请"), date: d("2020-08-01")))
        try s.apply(Edit(taskID: "t1", command: .decideExtension(index: 1, approve: false), date: d("2020-08-02"), author: "督查室"))
        XCTAssertEqual(s.task(at: 0).deadline, d("2020-08-31"))
        XCTAssertEqual(s.task(at: 0).history.last?.note, "不同意延期至2020-10-31")
        try s.apply(Edit(taskID: "t1", command: .setDeadline(d("2020-11-30")), date: d("2020-08-03")))
        XCTAssertEqual(s.task(at: 0).originalDeadline, d("2020-06-30"))
        XCTAssertEqual(s.task(at: 0).history.count, 5)
        // Undo all the way back restores the task as it was.
        while s.canUndo { s.undo() }
        XCTAssertEqual(s.task(at: 0), t)
        XCTAssertTrue(s.assessments[0].isOverdue)
    }

    func testAPlainDeadlineEditKeepsTheFirstDeadlineOnce() throws {
        let t = PlanTask(id: "t1", text: "任务", deadline: d("2020-06-30"))
        let a = try XCTUnwrap(t.applying(Edit(taskID: "t1", command: .setDeadline(d("2020-07-31")), date: d("2020-06-01"))))
        XCTAssertEqual(a.originalDeadline, d("2020-06-30"))
        let b = try XCTUnwrap(a.applying(Edit(taskID: "t1", command: .setDeadline(d("2020-09-30")), date: d("2020-06-02"))))
        XCTAssertEqual(b.originalDeadline, d("2020-06-30"))
        // An assumed year's end, or no deadline at all, replaced by a real one: nothing moved.
        let assumed = PlanTask(id: "t2", text: "x", deadline: d("2020-12-31"), deadlineAssumed: true)
        XCTAssertNil(try XCTUnwrap(assumed.applying(Edit(taskID: "t2", command: .setDeadline(d("2020-09-30")), date: d("2020-06-01")))).originalDeadline)
        let none = PlanTask(id: "t3", text: "x")
        XCTAssertNil(try XCTUnwrap(none.applying(Edit(taskID: "t3", command: .setDeadline(d("2020-09-30")), date: d("2020-06-01")))).originalDeadline)
    }

    func testNewCommandsAndThePeriodRoundTripThroughTheJournal() throws {
        let task = try plan().tasks[1]
        let edits = [
            Edit(taskID: task.id, command: .requestExtension(to: d("2020-09-30"), reason: "理由\n第二行"), date: d("2020-06-01"), author: "市交通局"),
            Edit(taskID: task.id, command: .decideExtension(index: 0, approve: true), date: d("2020-06-02"), author: "督查室"),
            Edit(taskID: task.id, command: .decideExtension(index: 2, approve: false), date: d("2020-06-02")),
            Edit(taskID: task.id, command: .addNote("月报"), date: d("2020-06-25"), author: "市交通局", period: "2020-06"),
        ]
        for e in edits {
            let entry = JournalEntry(kind: .edit, edit: e, after: task, time: 1_600_000_000, line: 3)
            let bytes = JournalLine.entry(entry).bytes
            let parsed = bytes.dropLast().withUnsafeBufferPointer { JournalLine.parse($0, number: 3, file: "j") }
            XCTAssertEqual(try parsed.get(), .entry(entry), "\(e.command)")
        }
    }

    // MARK: periods

    func testPeriodsOfEachCycle() {
        let monthly = ReportingCycle(.monthly(day: 30))
        let cases: [(ReportingCycle, String, String?, String, String, String)] = [
            // cycle, a day, its period's id, start, end, due
            (monthly, "2020-06-10", "2020-06", "2020-06-01", "2020-06-30", "2020-06-30"),
            (monthly, "2020-02-29", "2020-02", "2020-02-01", "2020-02-29", "2020-02-29"),   // day 30 in a 29-day month
            (ReportingCycle(.monthly(day: 25)), "2020-07-31", "2020-07", "2020-07-01", "2020-07-31", "2020-07-25"),
            (ReportingCycle(.quarterly(day: nil)), "2020-05-05", "2020Q2", "2020-04-01", "2020-06-30", "2020-06-30"),
            (ReportingCycle(.quarterly(day: 20)), "2020-12-31", "2020Q4", "2020-10-01", "2020-12-31", "2020-12-20"),
            (ReportingCycle(.dates([d("2020-06-30"), d("2020-03-31")])), "2020-04-15", "2020-06-30", "2020-04-01", "2020-06-30", "2020-06-30"),
            (ReportingCycle(.dates([d("2020-06-30"), d("2020-03-31")])), "2020-03-31", "2020-03-31", "2020-01-01", "2020-03-31", "2020-03-31"),
        ]
        for (c, day, id, start, end, due) in cases {
            let p = c.period(containing: d(day))
            XCTAssertEqual(p?.id, id, day)
            XCTAssertEqual(p?.start, d(start), day)
            XCTAssertEqual(p?.end, d(end), day)
            XCTAssertEqual(p?.due, d(due), day)
            if let id { XCTAssertEqual(c.period(id: id), p, id) }
        }
        XCTAssertNil(ReportingCycle(.dates([d("2020-06-30")])).period(containing: d("2020-07-01")))
        XCTAssertNil(monthly.period(id: "2020-13"))
        XCTAssertNil(monthly.period(id: "2020Q1"))
        XCTAssertEqual(ReportingCycle(.quarterly(day: nil)).period(id: "2020q3")?.id, "2020Q3")
        XCTAssertEqual(monthly.period(id: "2020-06-18")?.id, "2020-06")
        XCTAssertEqual(monthly.previous(monthly.period(id: "2020-01")!)?.id, "2019-12")
        let dates = ReportingCycle(.dates([d("2020-03-31"), d("2020-06-30")]))
        XCTAssertEqual(dates.previous(dates.period(id: "2020-06-30")!)?.id, "2020-03-31")
        XCTAssertNil(dates.previous(dates.period(id: "2020-03-31")!))
        XCTAssertEqual(ReportingCycle(.quarterly(day: nil)).periods(from: d("2020-02-01"), through: d("2020-08-01")).map(\.id),
                       ["2020Q1", "2020Q2", "2020Q3"])
        XCTAssertEqual(dates.periods(from: d("2020-01-01"), through: d("2020-12-31")).map(\.id), ["2020-03-31", "2020-06-30"])
    }

    // MARK: who reported

    func testWhoReportedInEachPeriod() throws {
        let p = try plan()
        let cycle = try XCTUnwrap(p.reporting)
        XCTAssertEqual(cycle.current(asOf: d("2020-07-31"))?.id, "2020-07")
        XCTAssertEqual(cycle.current(asOf: d("2020-07-31"))?.due, d("2020-07-25"))
        let ledger = ReportingLedger(plan: p)
        func ids(_ xs: [Int]) -> [String] { xs.map { p.tasks[$0].id } }
        // (period, unit, tasks owed, tasks reported, reported)
        let rows: [(String, [(String, [String], [String], Bool)])] = [
            // 2020-06 (owed unless done by 05-31: t10 was): 市教育局 on t7, 市交通局 on t2, the
            // office for 市财政局 on t8; nothing from 市住建局. 各县区政府 is a group: owes nothing.
            ("2020-06", [("市教育局", ["t1", "t4", "t7"], ["t7"], true),
                         ("市交通局", ["t2", "t5"], ["t2"], true),
                         ("市住建局", ["t3", "t6"], [], false),
                         ("市财政局", ["t8"], ["t8"], true)]),
            // 2020-07 (owed unless done by 06-30): 市住建局 on t3, 市交通局 on t5 (written by its
            // alias), 市财政局 wrote on t9, which it only shares: reported all the same.
            ("2020-07", [("市教育局", ["t1", "t4", "t7"], [], false),
                         ("市交通局", ["t2", "t5"], ["t5"], true),
                         ("市住建局", ["t3", "t6"], ["t3"], true),
                         ("市财政局", ["t8"], [], true)]),
        ]
        for (id, want) in rows {
            let period = try XCTUnwrap(cycle.period(id: id))
            let got = ledger.status(for: period)
            XCTAssertEqual(got.map(\.unit), want.map(\.0), id)
            for (g, w) in zip(got, want) {
                XCTAssertEqual(ids(g.tasks), w.1, "\(id) \(w.0)")
                XCTAssertEqual(ids(g.reportedTasks), w.2, "\(id) \(w.0)")
                XCTAssertEqual(g.reported, w.3, "\(id) \(w.0)")
            }
            XCTAssertEqual(ledger.unreported(for: period).map(\.unit), want.filter { !$0.3 }.map(\.0), id)
        }
    }

    // MARK: periods compared

    func testComparisonOfTheTwoPeriodEnds() throws {
        let p = try plan()
        let c = Comparison(p, from: d("2020-06-30"), to: d("2020-07-31"))
        func ids(_ xs: [Int]) -> [String] { xs.map { p.tasks[$0].id } }
        // newly overdue: t2 (07-20 passed), t3 (06-30 passed); cleared: t5 (done), t6 (extended);
        // newly done: t4, t5; still red: t1 (t7 turned red only now, t5 and t6 are no longer).
        XCTAssertEqual(ids(c.total.newlyOverdue), ["t2", "t3"])
        XCTAssertEqual(ids(c.total.cleared), ["t5", "t6"])
        XCTAssertEqual(ids(c.total.newlyDone), ["t4", "t5"])
        XCTAssertEqual(ids(c.total.stillRed), ["t1"])
        let units: [(String, [String], [String], [String], [String])] = [
            ("市教育局", [], [], ["t4"], ["t1"]),
            ("市交通局", ["t2"], ["t5"], ["t5"], []),
            ("市住建局", ["t3"], ["t6"], [], []),
            // 市财政局 (t8) and 各县区政府 (t9): nothing changed, nothing red: not listed.
        ]
        XCTAssertEqual(c.units.map(\.unit), units.map(\.0))
        for (g, w) in zip(c.units, units) {
            XCTAssertEqual(ids(g.changes.newlyOverdue), w.1, w.0)
            XCTAssertEqual(ids(g.changes.cleared), w.2, w.0)
            XCTAssertEqual(ids(g.changes.newlyDone), w.3, w.0)
            XCTAssertEqual(ids(g.changes.stillRed), w.4, w.0)
        }
        // Counts on each day: 06-30 done t10; overdue and red t1 t5 t6; yellow t2 t3 t9.
        XCTAssertEqual([c.totalsBefore.done, c.totalsBefore.overdue, c.totalsBefore.red, c.totalsBefore.yellow, c.totalsBefore.noDeadline],
                       [1, 3, 3, 3, 1])
        XCTAssertEqual([c.totalsAfter.done, c.totalsAfter.overdue, c.totalsAfter.red, c.totalsAfter.yellow, c.totalsAfter.noDeadline],
                       [3, 3, 4, 2, 1])
        // A day compared with itself: nothing new, the red ones still red.
        let same = Comparison(p, from: d("2020-07-31"), to: d("2020-07-31"))
        XCTAssertEqual(same.total.newlyOverdue + same.total.cleared + same.total.newlyDone, [])
        XCTAssertEqual(ids(same.total.stillRed), ["t1", "t2", "t3", "t7"])
    }

    // MARK: authors

    func testTheAuthorComesFromTheFlagTheConfigOrTheLogin() throws {
        XCTAssertEqual(ConfigFile.parse("theme light\n# author 不是\nauthor  督查室 张三 \nbind tasks x cycleStatus\n", path: "cfg").config.author, "督查室 张三")
        XCTAssertNil(ConfigFile.parse("authors x\ntheme dark\n", path: "cfg").config.author)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-author-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cfg = dir.appendingPathComponent("config")
        try "author 市督查室\n".write(to: cfg, atomically: true, encoding: .utf8)
        let env = ["DUBAN_CONFIG": cfg.path, "LOGNAME": "inspector"]
        XCTAssertEqual(Author.resolve(flag: "李四", environment: env), "李四")
        XCTAssertEqual(Author.resolve(flag: nil, environment: env), "市督查室")
        XCTAssertEqual(Author.resolve(flag: " ", environment: env), "市督查室")
        XCTAssertEqual(Author.resolve(flag: nil, environment: ["DUBAN_CONFIG": dir.appendingPathComponent("none").path, "LOGNAME": "inspector"]), "inspector")
        XCTAssertEqual(Author.resolve(flag: nil, environment: ["HOME": dir.path, "USER": "u2"]), "u2")
        XCTAssertNotNil(Author.resolve(flag: nil, environment: [:]))  // the password entry of the user running the test
        // `--config PATH` wins over $DUBAN_CONFIG; a missing one gives the login name.
        let other = dir.appendingPathComponent("other")
        try "theme light\nauthor 区督查室  王五 # 值班\n".write(to: other, atomically: true, encoding: .utf8)
        XCTAssertEqual(Author.resolve(flag: nil, configPath: other.path, environment: env), "区督查室  王五")
        XCTAssertEqual(Author.resolve(flag: "李四", configPath: other.path, environment: env), "李四")
        XCTAssertEqual(Author.resolve(flag: nil, configPath: dir.appendingPathComponent("none").path, environment: env), "inspector")
        XCTAssertEqual(Author.resolve(flag: nil, config: ConfigFile(author: " "), environment: env), "inspector")
    }

    func testTheConfigFileIsReadOnceWithItsPlaces() {
        let (cfg, problems) = ConfigFile.parse("theme dark\r\nambiguous-wide no\nbind tasks x\nunbind global w\n\tauthor\ncolour red\n", path: "c", strings: Strings(.en))
        XCTAssertEqual(cfg.theme, "dark")
        XCTAssertEqual(cfg.ambiguousWide, false)
        XCTAssertNil(cfg.author)
        XCTAssertEqual(cfg.keyLines, [ConfigFile.KeyLine(line: 4, unbind: true, words: [.init("global", column: 8), .init("w", column: 15)])])
        XCTAssertEqual(problems.map(\.description), [
            "c:3:13: expected: bind CONTEXT KEY ACTION",
            "c:5:8: expected: author NAME",
            "c:6:1: unknown setting \"colour\" (theme, ambiguous-wide, author, bind or unbind)",
        ])
        XCTAssertEqual(ConfigFile.path(given: "~/d.cfg", environment: ["HOME": "/h", "DUBAN_CONFIG": "/e"]), "/h/d.cfg")
        XCTAssertEqual(ConfigFile.path(given: nil, environment: ["HOME": "/h", "DUBAN_CONFIG": "/e"]), "/e")
        XCTAssertEqual(ConfigFile.path(given: nil, environment: ["HOME": "/h"]), "/h/.config/duban/config")
        XCTAssertNil(ConfigFile.path(given: nil, environment: [:]))
        XCTAssertEqual(ConfigFile.load(given: "/nonexistent-duban-cfg", environment: [:], strings: Strings(.en)).problems.map(\.description),
                       ["/nonexistent-duban-cfg: cannot read the file"])
        XCTAssertEqual(ConfigFile.load(given: nil, environment: ["DUBAN_CONFIG": "/nonexistent-duban-cfg"]).problems, [])
    }
}

/// The series the trends and the bulletin draw from.
final class PeriodSeriesTests: XCTestCase {
    func d(_ s: String) -> PlanDate { PlanDate(iso: s)! }

    func testSnapshotsPerPeriodAndDecidedExtensions() throws {
        let p = try PlanJSON.decode([UInt8](Data(contentsOf: CycleTests.fixture)), file: "plan.json")
        // From 2020-01 (the plan year) to 2020-07; keep the last three: May, June, July.
        let s = p.periodSnapshots(asOf: d("2020-07-31"), last: 3)
        XCTAssertEqual(s.map(\.period.id), ["2020-05", "2020-06", "2020-07"])
        XCTAssertEqual(s.map(\.day), [d("2020-05-31"), d("2020-06-30"), d("2020-07-31")])
        // 05-31: done t10 (05-20); nothing overdue: t4's deadline in force is its original
        // 05-31 (approved only 06-08), the day itself; t5 is due 06-10; so nothing red.
        // 06-30 and 07-31: as in CycleTests.testComparisonOfTheTwoPeriodEnds.
        XCTAssertEqual(s.map(\.store.totals.done), [1, 1, 3])
        XCTAssertEqual(s.map(\.store.totals.overdue), [0, 3, 3])
        XCTAssertEqual(s.map(\.store.totals.red), [0, 3, 4])
        XCTAssertEqual(s.map { $0.store.tally(forUnit: "市交通局").overdue }, [0, 1, 1])  // t5 on 06-30, t2 on 07-31
        XCTAssertEqual(p.periodSnapshots(asOf: d("2020-07-31")).count, 7)
        XCTAssertEqual(p.periodSnapshots(asOf: d("2020-07-10")).last?.day, d("2020-07-10"))
        var bare = p
        bare.reporting = nil
        XCTAssertTrue(bare.periodSnapshots(asOf: d("2020-07-31")).isEmpty)
        // Decided in July: t6's approval (07-05). In June: t2 (06-12), t3 refused (06-22), t4 (06-08).
        XCTAssertEqual(p.extensionsDecided(from: d("2020-07-01"), through: d("2020-07-31")).map { p.tasks[$0.task].id }, ["t6"])
        XCTAssertEqual(p.extensionsDecided(from: d("2020-06-01"), through: d("2020-06-30")).map { p.tasks[$0.task].id }, ["t2", "t3", "t4"])
    }
}
