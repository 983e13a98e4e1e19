import XCTest
import DubanCore
@testable import DubanTUI

final class DashboardTests: XCTestCase {
    func run(_ d: Dashboard, _ t: MemoryTerminal) -> Int32 { d.run(on: t) }

    // MARK: snapshots

    func testFourPanes80x24() {
        let (d, t) = Fixture.dashboard(width: 80, height: 24)
        _ = run(d, t)
        XCTAssertEqual(d.state.layout.mode, .four)
        assertSnapshot(t.framed, named: "four-panes-80x24")
    }

    func testTwoPanes60x20() {
        let (d, t) = Fixture.dashboard(width: 60, height: 20)
        t.type(.char("j"), .char("j"))
        _ = run(d, t)
        XCTAssertEqual(d.state.layout.mode, .two)
        assertSnapshot(t.framed, named: "two-panes-60x20")
    }

    func testCJKAgainstBordersAtOddWidth() {
        // An odd width puts wide glyphs against the borders: none may spill or split.
        let (d, t) = Fixture.dashboard(width: 81, height: 24)
        _ = run(d, t)
        assertSnapshot(t.framed, named: "four-panes-81x24")
        guard let f = t.lastFrame else { return XCTFail("no frame") }
        for (pane, r) in d.state.layout.panes {
            for y in r.y..<r.maxY {
                XCTAssertEqual(f[r.x, y].width, 1, "\(pane) left border at row \(y) is a whole cell")
                XCTAssertFalse(f[r.maxX - 1, y].isContinuation, "\(pane) right border at row \(y) is not half a glyph")
                XCTAssertTrue(["│", "┌", "┐", "└", "┘", "─"].contains(f[r.maxX - 1, y].text)
                              || y == r.y, "\(pane) right border intact at row \(y): \(f[r.maxX - 1, y].text)")
            }
        }
        for line in t.lastFrame?.lines ?? [] { XCTAssertEqual(CellWidth.of(line), 81, line) }
    }

    func testEnglishAndDetailOfSelectedTask() {
        let (d, t) = Fixture.dashboard(width: 100, height: 30, lang: .en)
        t.type(.char("j"), .char("j"), .char("j"), .char("j"))  // task 5: lagging and overdue
        _ = run(d, t)
        assertSnapshot(t.framed, named: "english-100x30-detail")
        XCTAssertTrue(t.screen.contains("32 days overdue"), t.screen)
    }

    func testTooSmall() {
        let (d, t) = Fixture.dashboard(width: 20, height: 5)
        _ = run(d, t)
        XCTAssertEqual(d.state.layout.mode, .tooSmall)
        XCTAssertTrue(t.screen.contains("终端太小"), t.screen)
        XCTAssertTrue(t.screen.replacingOccurrences(of: "\n", with: "").contains("20x5"), t.screen)
    }

    func testOnePaneAndSwitchKey() {
        let (d, t) = Fixture.dashboard(width: 30, height: 10)
        _ = run(d, t)
        XCTAssertEqual(d.state.layout.mode, .one)
        XCTAssertEqual(Array(d.state.layout.panes.keys), [.tasks])
        t.type(.tab)
        _ = run(d, t)
        XCTAssertEqual(Array(d.state.layout.panes.keys), [.detail])
        XCTAssertTrue(t.screen.contains("详情"), t.screen)
    }

    // MARK: what every pane must show

    func testTitleLineCountsAndOverdue() {
        let (d, t) = Fixture.dashboard(width: 120, height: 30)
        _ = run(d, t)
        let title = t.lines[0]
        XCTAssertTrue(title.contains("截至2020-09-01"), title)
        XCTAssertTrue(title.contains("任务7"), title)
        XCTAssertTrue(title.contains("完成1"), title)
        XCTAssertTrue(title.contains("逾期2"), title)  // t1 and t5
        XCTAssertTrue(title.contains("2020年市政府重点工作任务分解"), title)
    }

    func testOverdueCountVisibleWhenNarrow() {
        let (d, t) = Fixture.dashboard(width: 40, height: 12)
        _ = run(d, t)
        XCTAssertTrue(t.lines[0].contains("逾期2"), t.lines[0])
    }

    func testLightsInTasksAndChapters() {
        let (d, t) = Fixture.dashboard(width: 120, height: 30)
        _ = run(d, t)
        guard let f = t.lastFrame else { return XCTFail() }
        let tasks = d.state.layout.panes[.tasks] ?? Rect(x: 0, y: 0, width: 0, height: 0)
        // Task 1 (first body row, selected): the marker and the deadline keep the red.
        let y1 = tasks.y + 2
        XCTAssertEqual(f[tasks.x + 1, y1].text, "!")
        XCTAssertEqual(f[tasks.x + 1, y1].role, .red)
        let row = (tasks.x..<tasks.maxX).map { f[$0, y1] }
        XCTAssertTrue(row.contains { $0.role == .red && $0.text == "2" }, "the deadline of an overdue task is red")
        // Chapters show red and yellow counts.
        XCTAssertTrue(t.screen.contains("!2"), t.screen)
    }

    func testControlCharactersShowAsPlaceholders() {
        let (d, t) = Fixture.dashboard(width: 120, height: 30)
        t.type(.char("G"))
        _ = run(d, t)
        XCTAssertTrue(t.screen.contains("^[[31m"), t.screen)
        XCTAssertTrue(t.screen.contains("^G"), t.screen)
        for c in d.state.layout.panes.values.flatMap({ _ in t.lastFrame?.cells ?? [] }) {
            XCTAssertFalse(c.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
    }

    // MARK: keys

    func testNavigationAndOpen() {
        let (d, t) = Fixture.dashboard()
        t.type(.char("h"))                     // to chapters
        t.type(.char("j"), .char("j"), .char("j"))  // 全部, 一, (一), (二)
        t.type(.enter)
        _ = run(d, t)
        XCTAssertEqual(d.state.focus, .tasks)
        XCTAssertEqual(d.state.scope, .chapter("c1.2"))
        XCTAssertEqual(d.state.taskList.map { d.state.store.task(at: $0).id }, ["t3", "t4"])
        t.type(.enter)
        _ = run(d, t)
        XCTAssertEqual(d.state.focus, .detail)
        t.type(.escape, .escape)
        _ = run(d, t)
        XCTAssertEqual(d.state.focus, .chapters)
    }

    func testFoldChapter() {
        let (d, t) = Fixture.dashboard()
        t.type(.char("h"), .char("j"), .char(" "))
        _ = run(d, t)
        XCTAssertEqual(d.state.chapterRows.count, 4)  // all, 一 (folded), 二, 三
        t.type(.char(" "))
        _ = run(d, t)
        XCTAssertEqual(d.state.chapterRows.count, 6)
    }

    func testStatusEditUndoRedo() {
        let (d, t) = Fixture.dashboard()
        t.type(.char("3"))
        _ = run(d, t)
        let s = d.state.store
        XCTAssertEqual(s.task(at: 0).status, .done)
        XCTAssertTrue(s.isDirty)
        XCTAssertTrue(t.lines[0].contains("未保存1"), t.lines[0])
        XCTAssertTrue(t.screen.contains("状态：推进中 → 已完成"), t.screen)
        t.type(.char("u"))
        _ = run(d, t)
        XCTAssertEqual(s.task(at: 0).status, .inProgress)
        XCTAssertFalse(s.isDirty)
        t.type(.ctrl("r"))
        _ = run(d, t)
        XCTAssertEqual(s.task(at: 0).status, .done)
        t.type(.char("s"))
        _ = run(d, t)
        XCTAssertEqual(s.task(at: 0).status, .lagging)
    }

    func testProgressEditorValidates() {
        let (d, t) = Fixture.dashboard()
        t.type(.char("p"), .ctrl("u"))
        t.type(text: "150")
        t.type(.enter)
        _ = run(d, t)
        guard case .editor = d.state.modal else { return XCTFail("editor stays open on a bad value") }
        XCTAssertTrue(t.screen.contains("150"), t.screen)
        t.type(.backspace, .backspace, .backspace)
        t.type(text: "85%")
        t.type(.enter)
        _ = run(d, t)
        XCTAssertEqual(d.state.modal, .none)
        XCTAssertEqual(d.state.store.task(at: 0).progress, 85)
    }

    func testNoteInChinese() {
        let (d, t) = Fixture.dashboard()
        t.type(.char("a"))
        t.type(text: "已召开推进会议")
        t.type(.backspace)            // deletes 议 as a whole character
        t.type(text: "。")
        t.type(.enter)
        _ = run(d, t)
        XCTAssertEqual(d.state.store.task(at: 0).history.last?.note, "已召开推进会。")
    }

    func testDeadlineEditor() {
        let (d, t) = Fixture.dashboard()
        t.type(.char("e"), .ctrl("u"))
        t.type(text: "2020-13-01")
        t.type(.enter)
        _ = run(d, t)
        XCTAssertTrue(t.screen.contains("时限“2020-13-01”无法识别"), t.screen)
        t.type(.ctrl("u"))
        t.type(text: "2020-12-15")
        t.type(.enter)
        _ = run(d, t)
        XCTAssertEqual(d.state.store.task(at: 0).deadline?.iso, "2020-12-15")
        XCTAssertEqual(d.state.store.totals.overdue, 1)
    }

    func testReadOnlyRefusesEdits() {
        let (d, t) = Fixture.dashboard(readOnly: true)
        t.type(.char("3"), .char("s"), .char("p"), .char("w"), .char("u"))
        _ = run(d, t)
        XCTAssertEqual(d.state.store.task(at: 0).status, .inProgress)
        XCTAssertFalse(d.state.store.isDirty)
        XCTAssertEqual(d.state.modal, .none)
        XCTAssertTrue(t.lines[0].contains("只读"), t.lines[0])
        XCTAssertFalse(t.lines.last?.contains("状态") ?? true, "no edit keys in the hint line when read-only")
    }

    func testQuitAsksWhenDirtyThenDiscards() {
        let (d, t) = Fixture.dashboard()
        t.type(.char("3"), .char("q"))
        XCTAssertEqual(run(d, t), 0)
        XCTAssertEqual(d.state.modal, .confirmQuit)
        XCTAssertFalse(d.state.quitRequested)
        XCTAssertTrue(t.screen.contains("有1处修改尚未保存"), t.screen)
        t.type(.escape)
        _ = run(d, t)
        XCTAssertEqual(d.state.modal, .none)
        t.type(.ctrl("c"), .char("n"))
        _ = run(d, t)
        XCTAssertTrue(d.state.quitRequested)
    }

    func testQuitWithoutChangesDoesNotAsk() {
        let (d, t) = Fixture.dashboard()
        t.type(.char("q"), .char("j"))
        _ = run(d, t)
        XCTAssertTrue(d.state.quitRequested)
        XCTAssertEqual(t.script.count, 1, "the loop stopped at q")
    }

    func testSaveFailureKeepsEverything() {
        struct DiskFull: Error, CustomStringConvertible { var description: String { "disk full" } }
        var saved: [Plan] = []
        var fail = true
        let (d, t) = Fixture.dashboard(saver: { plan, _ in if fail { throw DiskFull() }; saved.append(plan) })
        t.type(.char("3"), .char("w"))
        _ = run(d, t)
        XCTAssertTrue(d.state.store.isDirty)
        XCTAssertTrue(t.screen.contains("保存失败，修改仍在：disk full"), t.screen)
        fail = false
        t.type(.ctrl("s"))
        _ = run(d, t)
        XCTAssertFalse(d.state.store.isDirty)
        XCTAssertEqual(saved.first?.tasks[0].status, .done)
    }

    func testQuitSavesWithY() {
        var saved: [String] = []
        let (d, t) = Fixture.dashboard(saver: { _, p in saved.append(p) })
        t.type(.char("2"), .char("3"), .char("q"), .char("y"))
        XCTAssertEqual(run(d, t), 0)
        XCTAssertEqual(saved, ["plan.json"])
        XCTAssertTrue(d.state.quitRequested)
    }

    func testSaveAsForDemoPlan() {
        var saved: [String] = []
        let (d, t) = Fixture.dashboard(savePath: nil, saver: { _, p in saved.append(p) })
        t.type(.char("3"), .char("w"), .ctrl("u"))
        t.type(text: "/tmp/演示.json")
        t.type(.enter)
        _ = run(d, t)
        XCTAssertEqual(saved, ["/tmp/演示.json"])
        XCTAssertEqual(d.state.savePath, "/tmp/演示.json")
    }

    func testSearchNarrowsHighlightsAndCycles() {
        let (d, t) = Fixture.dashboard(width: 100, height: 30)
        t.type(.char("/"))
        t.type(text: "市人力")
        _ = run(d, t)
        XCTAssertEqual(d.state.taskList.count, 2)
        t.type(.ctrl("u"))
        t.type(text: "就业")
        _ = run(d, t)
        XCTAssertEqual(d.state.taskList.map { d.state.store.task(at: $0).id }, ["t1", "t2"])
        XCTAssertTrue(t.lastFrame?.cells.contains { $0.role == .match } ?? false, "matches are highlighted")
        t.type(.enter, .char("n"))
        _ = run(d, t)
        XCTAssertEqual(d.state.selectedTask.map { d.state.store.task(at: $0).id }, "t2")
        XCTAssertTrue(t.lines.last?.contains("匹配 2/2") ?? false, t.lines.last ?? "")
        t.type(.char("n"))
        _ = run(d, t)
        XCTAssertEqual(d.state.selectedTask.map { d.state.store.task(at: $0).id }, "t1")
        XCTAssertTrue(t.lines[0].contains("/就业"), t.lines[0])
        t.type(.escape)
        _ = run(d, t)
        XCTAssertEqual(d.state.taskList.count, 7)
    }

    func testSearchEscapeRestores() {
        let (d, t) = Fixture.dashboard()
        t.type(.char("/"))
        t.type(text: "zzz")
        t.type(.escape)
        _ = run(d, t)
        XCTAssertEqual(d.state.searchText, "")
        XCTAssertEqual(d.state.taskList.count, 7)
    }

    func testFilterMenuAndClear() {
        let (d, t) = Fixture.dashboard(width: 100, height: 30)
        t.type(.char("f"))
        t.type(.down, .down, .down, .down, .enter)   // overdue
        _ = run(d, t)
        assertSnapshot(t.framed, named: "filter-menu-100x30")
        t.type(.escape)
        _ = run(d, t)
        XCTAssertEqual(d.state.taskList.map { d.state.store.task(at: $0).id }, ["t1", "t5"])
        XCTAssertTrue(t.lines[0].contains("筛选：逾期"), t.lines[0])
        t.type(.char("F"))
        _ = run(d, t)
        XCTAssertEqual(d.state.taskList.count, 7)
    }

    func testUnitPicker() {
        let (d, t) = Fixture.dashboard(width: 100, height: 30)
        t.type(.char("f"))
        for _ in 0..<8 { t.type(.down) }
        t.type(.enter)
        t.type(text: "生态")
        t.type(.enter)
        _ = run(d, t)
        XCTAssertEqual(d.state.filter.unit, "市生态环境局")
        XCTAssertEqual(d.state.taskList.map { d.state.store.task(at: $0).id }, ["t5"])
    }

    func testWorkloadEnterFiltersToUnit() {
        let (d, t) = Fixture.dashboard(width: 120, height: 30)
        t.type(.tab, .tab)  // tasks -> detail -> workload
        _ = run(d, t)
        XCTAssertEqual(d.state.focus, .workload)
        let first = d.state.workloadRows[0].name
        t.type(.enter)
        _ = run(d, t)
        XCTAssertEqual(d.state.focus, .tasks)
        XCTAssertEqual(d.state.filter.unit, first)
        XCTAssertTrue(d.state.taskList.allSatisfy { i in
            let task = d.state.store.task(at: i)
            return task.leadUnits.contains(first) || task.coUnits.contains(first)
        })
        t.type(.escape)
        _ = run(d, t)
        XCTAssertNil(d.state.filter.unit)
        XCTAssertEqual(d.state.focus, .workload)
        t.type(.char("v"))
        _ = run(d, t)
        XCTAssertEqual(d.state.workloadMode, .leaders)
        XCTAssertTrue(t.screen.contains("张伟"), t.screen)
    }

    func testHelpListsEveryBinding() {
        let (d, t) = Fixture.dashboard(width: 100, height: 200)
        t.type(.char("?"))
        _ = run(d, t)
        let screen = t.screen
        for b in d.state.keymap.bindings where !b.keys.isEmpty {
            XCTAssertTrue(screen.contains(Strings(.zh)[text: b.help]), "help shows \(b.action)")
        }
        t.type(.escape)
        _ = run(d, t)
        XCTAssertEqual(d.state.modal, .none)
    }

    func testResizeRedrawsLayout() {
        let (d, t) = Fixture.dashboard(width: 120, height: 40)
        t.resize(width: 60, height: 20)
        _ = run(d, t)
        XCTAssertEqual(d.state.layout.mode, .two)
        XCTAssertEqual(t.lastFrame?.width, 60)
        t.resize(width: 200, height: 60)
        _ = run(d, t)
        XCTAssertEqual(d.state.layout.mode, .four)
        XCTAssertEqual(t.lastFrame?.height, 60)
    }

    func testMouseClickSelectsAndWheelScrolls() {
        let (d, t) = Fixture.dashboard(width: 120, height: 30)
        _ = run(d, t)
        guard let tasks = d.state.layout.panes[.tasks], let ch = d.state.layout.panes[.chapters] else { return XCTFail() }
        t.send(.mouse(MouseEvent(x: tasks.x + 5, y: tasks.y + 2 + 3, button: .left)))
        _ = run(d, t)
        XCTAssertEqual(d.state.taskListState.selected, 3)
        t.send(.mouse(MouseEvent(x: tasks.x + 5, y: tasks.y + 4, button: .wheelDown)))
        _ = run(d, t)
        XCTAssertEqual(d.state.taskListState.selected, 6)
        t.send(.mouse(MouseEvent(x: ch.x + 3, y: ch.y + 1 + 4, button: .left)))
        _ = run(d, t)
        XCTAssertEqual(d.state.focus, .chapters)
        XCTAssertEqual(d.state.scope, .chapter("c2"))
    }

    func testSuspendAndRedrawKeys() {
        let (d, t) = Fixture.dashboard()
        t.type(.ctrl("z"), .ctrl("l"))
        _ = run(d, t)
        XCTAssertEqual(t.suspendCount, 1)
    }

    func testMonochromeKeepsMarkers() {
        // Without colour the light still reads: ! red, ~ yellow, + green.
        let (d, t) = Fixture.dashboard(width: 100, height: 30)
        _ = run(d, t)
        let tasks = d.state.layout.panes[.tasks] ?? Rect(x: 0, y: 0, width: 0, height: 0)
        let marks = (tasks.y + 2..<tasks.y + 9).map { t.lastFrame?[tasks.x + 1, $0].text ?? "" }
        XCTAssertEqual(marks, ["!", "+", "~", "+", "!", "~", "+"])
        XCTAssertEqual(Theme.monoAttributes(.red), .bold)
        XCTAssertEqual(Theme.monoAttributes(.selection), .reverse)
    }

    func testConfigProblemsAreShown() {
        let path = NSTemporaryDirectory() + "duban-config-\(getpid())"
        try? "theme nosuch\nbind tasks x nosuchAction\nbind tasks x cycleStatus\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let opts = DashboardOptions(asOf: Fixture.asOf, lang: .en, configPath: path, environment: [:])
        let d = Dashboard(plan: Fixture.plan(), options: opts, saver: { _, _ in })
        XCTAssertEqual(d.problems.map(\.description).first, "\(path):2:14: unknown action \"nosuchAction\"")
        XCTAssertTrue(d.problems.count == 2, "\(d.problems)")
        XCTAssertEqual(d.theme, BuiltinThemes.defaultTheme)
        let t = MemoryTerminal(width: 80, height: 24)
        t.type(.char("x"))
        _ = d.run(on: t)
        XCTAssertEqual(d.state.store.task(at: 0).status, .done, "x was rebound to cycleStatus")
    }

    func testTheAuthorOfTheEditsComesFromTheConfigFile() {
        // `--config PATH`: its `author` line names the dashboard's edits, over $DUBAN_CONFIG's.
        let path = NSTemporaryDirectory() + "duban-config-author-\(getpid())"
        let other = path + "-env"
        try? "author 区督查室 王五\nbind tasks x cycleStatus\n".write(toFile: path, atomically: true, encoding: .utf8)
        try? "author 不是这个\n".write(toFile: other, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: other) }
        let opts = DashboardOptions(asOf: Fixture.asOf, configPath: path, environment: ["DUBAN_CONFIG": other, "LOGNAME": "inspector"])
        let d = Dashboard(plan: Fixture.plan(), options: opts, saver: { _, _ in })
        XCTAssertEqual(d.problems, [])
        XCTAssertEqual(d.state.author, "区督查室 王五")
        let t = MemoryTerminal(width: 80, height: 24)
        t.type(.char("x"))
        _ = d.run(on: t)
        XCTAssertEqual(d.state.store.task(at: 0).history.last?.author, "区督查室 王五")
        // Without --config, $DUBAN_CONFIG's file; DUBAN_AUTHOR over both.
        XCTAssertEqual(Dashboard(plan: Fixture.plan(), options: DashboardOptions(asOf: Fixture.asOf, environment: ["DUBAN_CONFIG": other]),
                                 saver: { _, _ in }).state.author, "不是这个")
        XCTAssertEqual(Dashboard(plan: Fixture.plan(), options: DashboardOptions(asOf: Fixture.asOf, configPath: path, environment: ["DUBAN_AUTHOR": "赵六"]),
                                 saver: { _, _ in }).state.author, "赵六")
    }
}
