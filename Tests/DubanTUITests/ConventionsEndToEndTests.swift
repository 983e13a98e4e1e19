import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12's conventions in real tmux (socket `conv-…`): the `:` command line with Tab
/// completion, `d` for overdue only, the sort shown in the header and reversed, and the
/// five daily jobs of docs/daily.md, each in at most 5 keys beyond typed text (counted:
/// every `press` is a key, `type` is typed text).
final class ConventionsEndToEndTests: TmuxTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        socket = "conv-" + socket
    }

    var pressed = 0
    /// One key press, counted.
    func press(_ k: String) { pressed += 1; keys(k) }
    /// Typed text (a name, a note, a search): not counted.
    func type(_ text: String) { literal(text) }

    func hintLine(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.last.map(String.init) ?? ""
    }

    /// Ends a job's dashboard and its tmux session, for the next job to start afresh.
    func finish(forget: Bool = false) {
        defer { if forget { forgetViews() } }
        keys("q")
        _ = waitFor("the dashboard ends") { $0.contains("EXIT=") }
        tmux(["kill-session", "-t", session])
        let end = Date().addingTimeInterval(5)
        while tmux(["has-session", "-t", session]).status == 0 && Date() < end { usleep(20_000) }
    }

    /// Forgets every remembered view (each daily job starts from a first open).
    func forgetViews() { try? FileManager.default.removeItem(atPath: dir + "/.local/state") }

    func testTheCommandLineCompletesAUnitAndSaysWhatIsUnknown() {
        start()
        _ = waitForText("任务 1/7")
        keys(":")
        _ = waitFor("the : prompt") { self.hintLine($0).hasPrefix(":") }
        literal("unit 市财")
        keys("Tab")
        _ = waitFor("the unit completed") { self.hintLine($0).hasPrefix(":") && self.hintLine($0).contains("unit 市财政局") }
        keys("Enter")
        let one = waitForText("任务 1/1")
        XCTAssertTrue(one.contains("实施重点项目400个以上"), one)
        keys(":")
        literal("frobnicate")
        keys("Enter")
        let bad = waitForText("没有命令\"frobnicate\"")
        XCTAssertTrue(bad.contains("unit leader overdue"), "the commands there are are named:\n\(bad)")
        keys("Escape")
        keys(":")
        literal("asof 2020-12-01")
        keys("Enter")
        let later = waitForText("截至 2020-12-01：逾期5项")
        XCTAssertTrue(later.contains("2020-12-01"), later)
        keys(":")
        literal("q")
        keys("Enter")
        _ = waitForText("EXIT=0")
    }

    func testOverdueOnlyAndTheSortInTheHeader() {
        start()
        _ = waitForText("任务 1/7")
        keys("d")
        let overdue = waitForText("任务 1/2")
        XCTAssertTrue(overdue.contains("只看逾期：2项"), overdue)
        keys("d")
        _ = waitForText("任务 1/7")
        keys(":")
        literal("sort deadline")
        keys("Enter")
        let down = waitForText("完成时限↓")
        XCTAssertTrue(down.contains("任务 1/7 ↓完成时限"), down)
        keys("O")
        let up = waitForText("完成时限↑")
        XCTAssertFalse(up.contains("完成时限↓"), up)
        finish()
    }

    /// docs/daily.md, job by job; each asserts what is on screen or on disk after it.
    func testTheFiveDailyJobsTakeAtMostFiveKeysEach() throws {
        var counts: [String: Int] = [:]
        func job(_ name: String, _ body: () throws -> Void) rethrows {
            pressed = 0
            try body()
            counts[name] = pressed
            XCTAssertLessThanOrEqual(pressed, 5, "\(name): \(pressed) keys")
        }
        // 1. Open the plan and see what is overdue: d.
        start()
        _ = waitForText("任务 1/7")
        job("overdue") {
            press("d")
            let s = waitForText("任务 1/2")
            XCTAssertTrue(s.contains("全年城镇新增就业") && s.contains("打好蓝天保卫战"), s)
        }
        finish(forget: true)
        // 2. Find a task, mark it done with a note, save: / 水务 Enter, :done NOTE Enter, w.
        start()
        _ = waitForText("任务 1/7")
        try job("done with a note") {
            press("/"); type("水务"); press("Enter")
            _ = waitForText("任务 1/1")
            press(":"); type("done 河长制已全面落实"); press("Enter")
            _ = waitForText("未保存2")
            press("w")
            _ = waitForText("已保存")
            let t = try XCTUnwrap(PlanFile.load(path: planPath).tasks.first { $0.id == "t6" })
            XCTAssertEqual(t.status, .done)
            XCTAssertTrue(t.history.contains { $0.note.contains("河长制已全面落实") }, "\(t.history)")
        }
        finish(forget: true)
        // 3. One unit's tasks: :unit NAME (Tab completes) Enter.
        start()
        _ = waitForText("任务 1/7")
        job("one unit") {
            press(":"); type("unit 市人力"); press("Tab"); press("Enter")
            let s = waitForText("任务 1/2")
            XCTAssertTrue(s.contains("市人力资源和社会保障局"), s)
        }
        finish(forget: true)
        // 4. The overdue list per unit: Tab Tab to the workload pane, o to sort by overdue.
        start()
        _ = waitForText("任务 1/7")
        job("overdue per unit") {
            press("Tab"); press("Tab"); press("o")
            let s = waitForText("↓逾期")
            XCTAssertTrue(s.contains("市人力资源和社会保障局"), s)
        }
        finish(forget: true)
        // 5. A new notice into a plan: duban notice.txt (imported, shown), w Enter saves it.
        let notice = dir + "/notice.txt"
        try """
        2020年重点工作任务分解

        一、扎实做好“六稳”工作

        1.全年城镇新增就业1.2万人，城镇登记失业率控制在4%以内。
        牵头单位：市人力资源和社会保障局

        2.推进老旧小区改造，开工改造小区120个，惠及居民两万户。
        牵头单位：市住房和城乡建设局

        """.write(toFile: notice, atomically: false, encoding: .utf8)
        // `duban notice.txt` shows the review screen (the notice beside its plan) first:
        // w asks where to write (notice.json offered), Enter writes it.
        start([notice])
        _ = waitForText("审阅导入")
        try job("a notice into a plan") {
            press("w")
            _ = waitFor("the name asked") { $0.contains("写入到：") && $0.contains("notice.json") }
            press("Enter")
            let saved = waitFor("written") { $0.contains("已写入") && $0.contains("notice.json") }
            XCTAssertEqual(try PlanFile.load(path: dir + "/notice.json").tasks.count, 2, "saved:\n\(saved)")
        }
        finish(forget: true)
        print("daily jobs, keys beyond typed text: \(counts.sorted { $0.key < $1.key })")
    }

    /// The view (pane, filter, sort) is remembered per plan in $HOME/.local/state/duban
    /// and restored on the next open; a damaged state file is ignored.
    func testTheViewIsRememberedPerPlanAndADamagedFileIgnored() throws {
        start()
        _ = waitForText("任务 1/7")
        keys("d")
        _ = waitForText("任务 1/2")
        keys(":")
        literal("sort deadline")
        keys("Enter")
        _ = waitForText("↓完成时限")
        finish()
        let folder = dir + "/.local/state/duban"
        let file = SavedView.file(forPlan: SavedView.absolute(planPath), in: folder)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file), "the view is kept at \(file)")
        start()
        let back = waitForText("任务 1/2")
        XCTAssertTrue(back.contains("↓完成时限"), "filter and sort restored:\n\(back)")
        finish()
        try Data([0xFF, 0x00, 0x1B, 0x5B, 0x32, 0x4A, 0x0A]).write(to: URL(fileURLWithPath: file))
        start()
        let plain = waitForText("任务 1/7")
        XCTAssertFalse(plain.contains("↓完成时限"), plain)
        finish()
    }

    /// --ambiguous-wide: the frame and markers in ASCII in a real terminal.
    func testAmbiguousWideDrawsTheFrameInASCII() {
        start(["--ambiguous-wide"])
        // The whole first frame, not a capture landing while it is still being written.
        let s = waitFor("the whole ASCII frame") { $0.contains("任务 1/7") && self.frameComplete($0, 120, 40, corner: "+") }
        XCTAssertTrue(s.contains("+--"), s)
        for g in ["┌", "─", "│", "…", "“"] { XCTAssertFalse(s.contains(g), "\(g) drawn:\n\(s)") }
        finish()
    }
}
