import XCTest
import DubanCore

final class PlanStoreTests: XCTestCase {
    func tally(_ led: Int, shared: Int = 0, done: Int = 0, overdue: Int = 0, lagging: Int = 0, red: Int = 0, yellow: Int = 0,
               noDeadline: Int = 0) -> Tally {
        var t = Tally()
        t.led = led; t.shared = shared; t.done = done; t.overdue = overdue; t.lagging = lagging; t.red = red; t.yellow = yellow
        t.noDeadline = noDeadline
        return t
    }

    func testWorkloadByUnitCountsAliasesOnce() {
        let s = Fixture.store()
        // Worked out by hand from Fixture: see its comments.
        XCTAssertEqual(s.tally(forUnit: "市生态环境局"), tally(2, overdue: 1, red: 1, yellow: 1))
        // 市发改委 / 市发展改革委 / 市发展和改革委员会 are one unit: leads t2 and t3, shares t4.
        // On t2 it is named as lead and (under another name) as co-unit: it counts once, as led.
        // t2 is due today (yellow), t3 done.
        let ndrc = tally(2, shared: 1, done: 1, yellow: 1)
        XCTAssertEqual(s.tally(forUnit: "市发展改革委"), ndrc)
        XCTAssertEqual(s.tally(forUnit: "市发改委"), ndrc)
        XCTAssertEqual(s.tally(forUnit: "市发展改革委").percentDone, 50)
        XCTAssertEqual(s.tally(forUnit: "各县(市)区政府"), tally(0, shared: 1))
        XCTAssertEqual(s.tally(forUnit: "市教育局"), tally(2, lagging: 1, red: 1, yellow: 1))
        XCTAssertEqual(s.tally(forUnit: "市财政局"), tally(1, shared: 1, noDeadline: 1))  // t6: no deadline
        XCTAssertEqual(s.unitWorkload().count, 5)
        XCTAssertNil(s.unitWorkload().first { $0.name == "市发改委" }, "an alias is not listed as a unit of its own")
    }

    func testWorkloadByLeaderChapterAndStatus() {
        let s = Fixture.store()
        XCTAssertEqual(s.tally(forLeader: "李四"), tally(2, overdue: 1, red: 1, yellow: 1))  // named twice on t2: once
        XCTAssertEqual(s.tally(forLeader: "张三"), tally(2, lagging: 1, red: 1, yellow: 1))
        // c1 rolls up its own t3 and c2's t1, t2.
        XCTAssertEqual(s.tally(forChapter: "c1"), tally(3, done: 1, overdue: 1, red: 1, yellow: 1))
        XCTAssertEqual(s.tally(forChapter: "c2"), tally(2, overdue: 1, red: 1, yellow: 1))
        XCTAssertEqual(s.tally(forChapter: "c3"), tally(2, lagging: 1, red: 1, yellow: 1))
        XCTAssertEqual(s.unchapteredTally, tally(1, noDeadline: 1))
        XCTAssertEqual(s.statusCounts, [.notStarted: 2, .inProgress: 2, .done: 1, .lagging: 1])
        XCTAssertEqual(s.totals, tally(6, done: 1, overdue: 1, lagging: 1, red: 2, yellow: 2, noDeadline: 1))
    }

    func testEditUpdatesEveryCountAndUndoRestores() throws {
        let s = Fixture.store()
        let before = (s.unitTallies, s.leaderTallies, s.chapterTallies, s.statusCounts, s.totals)
        // t1 done: no longer overdue anywhere.
        XCTAssertTrue(try s.apply(Edit(taskID: "t1", command: .setStatus(.done), date: Fixture.asOf)))
        XCTAssertEqual(s.tally(forUnit: "市生态环境局"), tally(2, done: 1, yellow: 1))
        XCTAssertEqual(s.tally(forChapter: "c1").overdue, 0)
        XCTAssertEqual(s.tally(forChapter: "c1").done, 2)
        XCTAssertEqual(s.totals.overdue, 0)
        XCTAssertEqual(s.statusCounts[.done], 2)
        XCTAssertEqual(s.task(at: 0).progress, 100, "done means 100%")
        XCTAssertEqual(s.assessments[0].light, .green)
        XCTAssertTrue(s.isDirty)

        s.undo()
        XCTAssertEqual(s.unitTallies, before.0)
        XCTAssertEqual(s.leaderTallies, before.1)
        XCTAssertEqual(s.chapterTallies, before.2)
        XCTAssertEqual(s.statusCounts, before.3)
        XCTAssertEqual(s.totals, before.4)
        XCTAssertEqual(s.task(at: 0), Fixture.plan.tasks[0])
        XCTAssertFalse(s.isDirty)

        s.redo()
        XCTAssertEqual(s.task(at: 0).status, .done)
        XCTAssertEqual(s.totals.done, 2)
    }

    func testUnitEditsMoveTasksBetweenUnits() throws {
        let s = Fixture.store()
        try s.apply(Edit(taskID: "t6", command: .setUnits(lead: ["市发改委"], co: ["市教育局"]), date: Fixture.asOf))
        XCTAssertEqual(s.tally(forUnit: "市财政局"), tally(0, shared: 1))
        XCTAssertEqual(s.tally(forUnit: "市发展改革委").led, 3)
        XCTAssertEqual(s.tally(forUnit: "市教育局").shared, 1)
        XCTAssertEqual(s.query(TaskFilter(unit: "市发展和改革委员会", unitRole: .lead)).map { s.task(at: $0).id }, ["t2", "t3", "t6"])
        s.undo()
        XCTAssertEqual(s.tally(forUnit: "市财政局"), tally(1, shared: 1, noDeadline: 1))  // t6: no deadline
        XCTAssertEqual(s.query(TaskFilter(unit: "市发改委", unitRole: .lead)).map { s.task(at: $0).id }, ["t2", "t3"])
    }

    func testHistoryRecordsEveryChangeAndKeepsEarlierEntries() throws {
        var plan = Fixture.plan
        plan.tasks[0].history = [HistoryEntry(date: PlanDate(iso: "2020-03-01")!, status: .inProgress, progress: 30, note: "一季度已启动")]
        let s = PlanStore(plan: plan, rules: Rules(asOf: Fixture.asOf))
        let day = PlanDate(iso: "2020-07-02")!
        try s.apply(Edit(taskID: "t1", command: .setProgress(80), date: day, author: "王五"))
        try s.apply(Edit(taskID: "t1", command: .addNote("  已完成主体工程  "), date: day))
        try s.apply(Edit(taskID: "t1", command: .setDeadline(PlanDate(iso: "2020-09-30")), date: day))
        try s.apply(Edit(taskID: "t1", command: .setStatus(.lagging), date: day))
        let h = s.task(at: 0).history
        XCTAssertEqual(h.count, 5)
        XCTAssertEqual(h[0].note, "一季度已启动")
        XCTAssertEqual(h[1].note, "进度：50% → 80%")
        XCTAssertEqual(h[1].author, "王五")
        XCTAssertEqual(h[2].note, "已完成主体工程")
        XCTAssertEqual(h[2].progress, 80)
        XCTAssertEqual(h[3].note, "完成时限：2020-06-30 → 2020-09-30")
        XCTAssertEqual(h[4].note, "状态：推进中 → 滞后")
        XCTAssertEqual(h[4].status, .lagging)
        XCTAssertEqual(h.map(\.date), [PlanDate(iso: "2020-03-01")!, day, day, day, day])
        XCTAssertFalse(s.assessments[0].isOverdue, "the new deadline is in the future")
        XCTAssertEqual(s.unsavedEdits.count, 4)
    }

    func testEditsThatChangeNothingOrAreInvalid() throws {
        let s = Fixture.store()
        XCTAssertFalse(try s.apply(Edit(taskID: "t1", command: .setStatus(.inProgress), date: Fixture.asOf)))
        XCTAssertFalse(try s.apply(Edit(taskID: "t1", command: .addNote("   "), date: Fixture.asOf)))
        XCTAssertThrowsError(try s.apply(Edit(taskID: "t1", command: .setProgress(101), date: Fixture.asOf))) {
            XCTAssertEqual($0 as? EditError, .progressOutOfRange(101))
        }
        XCTAssertThrowsError(try s.apply(Edit(taskID: "nope", command: .setProgress(1), date: Fixture.asOf)))
        XCTAssertFalse(s.isDirty)
        XCTAssertFalse(s.canUndo)
    }

    func testUndoRedoStackAndDirtyMarker() throws {
        let s = Fixture.store()
        try s.apply(Edit(taskID: "t2", command: .setProgress(10), date: Fixture.asOf))
        try s.apply(Edit(taskID: "t2", command: .setProgress(20), date: Fixture.asOf))
        s.markSaved()
        XCTAssertFalse(s.isDirty)
        s.undo()
        XCTAssertEqual(s.task(at: 1).progress, 10)
        XCTAssertTrue(s.isDirty)
        s.redo()
        XCTAssertFalse(s.isDirty, "back at the saved version")
        s.undo()
        try s.apply(Edit(taskID: "t2", command: .setProgress(30), date: Fixture.asOf))
        XCTAssertFalse(s.canRedo, "a new edit clears redo")
        XCTAssertTrue(s.isDirty)
        XCTAssertEqual(s.unsavedEdits.map(\.command), [.setProgress(30)])
        s.undo(); s.undo(); s.undo()
        XCTAssertEqual(s.task(at: 1), Fixture.plan.tasks[1])
        XCTAssertNil(s.undo())
    }

    func testFilters() {
        let s = Fixture.store()
        func ids(_ f: TaskFilter, _ sort: TaskSort = .documentOrder) -> [String] { s.query(f, sort: sort).map { s.task(at: $0).id } }
        XCTAssertEqual(ids(TaskFilter()), ["t1", "t2", "t3", "t4", "t5", "t6"])
        XCTAssertEqual(ids(TaskFilter(text: "污染")), ["t1"])
        XCTAssertEqual(ids(TaskFilter(text: "市教育局")), ["t4", "t5"])
        XCTAssertEqual(ids(TaskFilter(text: "张三")), ["t4", "t5"])
        XCTAssertEqual(ids(TaskFilter(text: "5")), ["t3", "t5"])  // number 5 and the 5000 in t3's text
        XCTAssertEqual(ids(TaskFilter(statuses: [.notStarted])), ["t2", "t6"])
        XCTAssertEqual(ids(TaskFilter(statuses: [.notStarted, .lagging])), ["t2", "t4", "t6"])
        XCTAssertEqual(ids(TaskFilter(unit: "市财政局", unitRole: .co)), ["t4"])
        XCTAssertEqual(ids(TaskFilter(unit: "市财政局", unitRole: .either)), ["t4", "t6"])
        XCTAssertEqual(ids(TaskFilter(leader: "张三")), ["t4", "t5"])
        XCTAssertEqual(ids(TaskFilter(chapter: "c1")), ["t1", "t2", "t3"])
        XCTAssertEqual(ids(TaskFilter(overdueOnly: true)), ["t1"])
        XCTAssertEqual(ids(TaskFilter(dueSoonOnly: true)), ["t2", "t5"])
        XCTAssertEqual(ids(TaskFilter(minimumLight: .red)), ["t1", "t4"])
        XCTAssertEqual(ids(TaskFilter(statuses: [.inProgress], chapter: "c3")), ["t5"])
        // narrowing an earlier result
        let first = s.query(TaskFilter(text: "推"))
        XCTAssertEqual(s.query(TaskFilter(text: "推进"), within: first).map { s.task(at: $0).id }, ["t2"])
    }

    func testSearchFollowsEditsAndNeverSpansTwoTasksOrFields() throws {
        let s = Fixture.store()
        func ids(_ text: String, _ extra: TaskFilter = TaskFilter()) -> [String] {
            var f = extra
            f.text = text
            return s.query(f).map { s.task(at: $0).id }
        }
        XCTAssertEqual(ids("攻坚战"), ["t1"])
        // t1's text ends in 攻坚战 and t2's number is "2": no match across the two tasks
        XCTAssertEqual(ids("攻坚战2"), [])
        // t4: lead 市教育局, co 市财政局: no match across two unit names
        XCTAssertEqual(ids("教育局市财政"), [])
        try s.apply(Edit(taskID: "t1", command: .setText("深入推进蓝天保卫战"), date: Fixture.asOf))
        XCTAssertEqual(ids("攻坚战"), [], "the old text is not found after the edit")
        XCTAssertEqual(ids("蓝天"), ["t1"])
        XCTAssertEqual(ids("蓝天", TaskFilter(statuses: [.inProgress, .done])), ["t1"])
        XCTAssertEqual(ids("蓝天", TaskFilter(statuses: [.done, .lagging])), [])
        s.undo()
        XCTAssertEqual(ids("攻坚战"), ["t1"])
        XCTAssertEqual(ids("PM"), [])
        XCTAssertEqual(ids("市教育局", TaskFilter(unit: "市财政局")), ["t4"])
    }

    func testSorts() {
        let s = Fixture.store()
        func ids(_ sort: TaskSort) -> [String] { s.query(TaskFilter(), sort: sort).map { s.task(at: $0).id } }
        XCTAssertEqual(ids(.deadline), ["t3", "t1", "t2", "t5", "t4", "t6"])
        XCTAssertEqual(ids(.status), ["t4", "t2", "t6", "t1", "t5", "t3"])
        XCTAssertEqual(ids(.unitCount), ["t2", "t4", "t1", "t3", "t5", "t6"])
    }

    func testLookupByIdOrNumber() {
        var plan = Fixture.plan
        plan.tasks[5].number = "1"
        let s = PlanStore(plan: plan, rules: Rules(asOf: Fixture.asOf))
        XCTAssertEqual(s.lookup("t3"), .found(2))
        XCTAssertEqual(s.lookup("3"), .found(2))
        XCTAssertEqual(s.lookup("1"), .ambiguous(["t1", "t6"]))
        XCTAssertEqual(s.lookup("99"), .notFound)
    }
}
