import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

final class EndToEndTests: TmuxTestCase {
    // MARK: tests

    func testNavigationReachesTaskAndOverdueRowIsRed() {
        start()
        _ = waitForText("任务7")
        keys("j", "j", "j", "j")
        let screen = waitForText("逾期32天")
        XCTAssertTrue(screen.contains("打好蓝天保卫战"), screen)
        // Move off task 5 so its row is drawn with its light, not the selection.
        keys("j")
        let colored = waitFor("task 6 selected", escapes: true) { $0.contains("6/7") }
        guard let row = colored.split(separator: "\n").first(where: { $0.contains("打好蓝天保卫战") && $0.contains("07-31") }) else {
            return XCTFail("no row for task 5:\n\(colored)")
        }
        let red = try? NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*;)?(31|91|38;5;196)(;[0-9;]*)?m")
        let matches = red?.numberOfMatches(in: String(row), range: NSRange(row.startIndex..., in: row)) ?? 0
        XCTAssertGreaterThan(matches, 0, "task 5's row carries red: \(row.debugDescription)")
        keys("q")
        _ = waitForText("EXIT=0")
        assertRestored()
    }

    func testStatusChangeSaveThenUndo() throws {
        start()
        _ = waitForText("任务7")
        keys("3", "w")
        _ = waitForText("已保存")
        var plan = try PlanFile.load(path: planPath)
        XCTAssertEqual(plan.tasks[0].status, .done)
        XCTAssertEqual(plan.tasks[0].history.last?.note, "状态：推进中 → 已完成；进度：40% → 100%")
        XCTAssertTrue(FileManager.default.fileExists(atPath: planPath + ".bak"))
        keys("u")
        _ = waitForText("已撤销")
        keys("C-s")
        _ = waitForText("已保存")
        plan = try PlanFile.load(path: planPath)
        XCTAssertEqual(plan.tasks[0].status, .inProgress)
        XCTAssertEqual(plan.tasks[0].history.count, 1)
        keys("q")
        _ = waitForText("EXIT=0")
    }

    func testQuitWithUnsavedChangesAsks() throws {
        start()
        _ = waitForText("任务7")
        keys("a")
        literal("已召开推进会")
        keys("Enter")
        _ = waitForText("未保存1")
        keys("q")
        _ = waitForText("有1处修改尚未保存")
        keys("Escape")
        _ = waitFor("question gone") { !$0.contains("有1处修改尚未保存") }
        keys("C-c")
        _ = waitForText("有1处修改尚未保存")
        keys("n")
        _ = waitForText("EXIT=0")
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].history.count, 1, "nothing saved")
        assertRestored()
    }

    func testRedrawAfterResize() {
        start()
        _ = waitForText("任务7")
        tmux(["resize-window", "-t", session, "-x", "60", "-y", "20"])
        var screen = waitFor("two panes at 60x20") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 20 && lines[1].hasPrefix("┌ 任务") && !s.contains("┌ 单位") && self.frameComplete(s, 60, 20)
        }
        checkBorders(screen, width: 60, height: 20)
        tmux(["resize-window", "-t", session, "-x", "200", "-y", "60"])
        screen = waitFor("four panes at 200x60") { $0.contains("┌ 单位") && $0.contains("┌ 章节") && self.frameComplete($0, 200, 60) }
        checkBorders(screen, width: 200, height: 60)
        keys("q")
        _ = waitForText("EXIT=0")
    }

    func testChineseLinesUpAtOddWidths() {
        start(width: 81, height: 25)
        _ = waitForText("任务7")
        for (w, h) in [(81, 25), (97, 31), (133, 41)] {
            tmux(["resize-window", "-t", session, "-x", "\(w)", "-y", "\(h)"])
            let screen = waitFor("\(w)x\(h)") { s in
                let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.count >= h && lines[h - 2].hasSuffix("┘") && CellWidth.of(String(lines[h - 2])) == w
            }
            checkBorders(screen, width: w, height: h)
        }
        keys("q")
        _ = waitForText("EXIT=0")
    }

    /// Every pane border is where the layout puts it, counted in cells: no wide glyph
    /// pushed a border or was split by one.
    func checkBorders(_ screen: String, width: Int, height: Int, file: StaticString = #filePath, line: UInt = #line) {
        CellWidth.setUpLocale()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= height else { return XCTFail("short capture", file: file, line: line) }
        let layout = Layout.compute(width: width, height: height, focus: .tasks)
        let xs = Set(layout.panes.values.flatMap { [$0.x, $0.maxX - 1] })
        for y in 1..<(height - 1) {
            var cells: [String] = []
            for c in lines[y] {
                cells.append(String(c))
                for _ in 1..<max(CellWidth.of(c), 1) { cells.append("") }
            }
            XCTAssertEqual(cells.count, width, "row \(y) is \(cells.count) cells: \(lines[y])", file: file, line: line)
            for x in xs where x < cells.count {
                XCTAssertTrue("│┌┐└┘".contains(cells[x]) || (cells[x] == "─" && false) || cells[x] == "│",
                              "row \(y) col \(x) is a border, got \"\(cells[x])\": \(lines[y])", file: file, line: line)
            }
        }
    }

    func testTerminalRestoredOnCtrlC() {
        start()
        _ = waitForText("任务7")
        keys("C-c")
        _ = waitForText("EXIT=0")
        assertRestored()
    }

    func testTerminalRestoredOnSIGTERM() {
        start()
        _ = waitForText("任务7")
        let shellPID = tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let out = Self.spawn(["/bin/sh", "-c", "ps -o pid= --ppid \(shellPID)"], capture: true).out
        guard let pid = out.split(separator: "\n").compactMap({ Int32($0.trimmingCharacters(in: .whitespaces)) }).first else {
            return XCTFail("no duban process under \(shellPID)")
        }
        kill(pid, SIGTERM)
        _ = waitForText("EXIT=143")
        assertRestored()
    }

    func testTerminalRestoredOnError() {
        start([dir + "/missing.json"])
        _ = waitForText("EXIT=1")
        assertRestored()
        let err = (try? String(contentsOfFile: dir + "/stderr", encoding: .utf8)) ?? ""
        XCTAssertTrue(err.contains("missing.json"), err)
    }

    func testReadOnlyTitleAndNoEdits() throws {
        start(["--read-only"])
        _ = waitForText("只读")
        keys("3", "w")
        _ = waitForText("只读模式：不能修改")
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].status, .inProgress)
        keys("q")
        _ = waitForText("EXIT=0")
    }

    func testNoColorStillMarksLights() {
        start(env: ["NO_COLOR=1"])
        let screen = waitForText("任务7")
        XCTAssertTrue(screen.contains("│! 1"), screen)
        let esc = capture(escapes: true)
        XCTAssertFalse(esc.contains("\u{1B}[31m") || esc.contains("38;5;"), "no colour with NO_COLOR")
        XCTAssertTrue(esc.contains("\u{1B}[7m") || esc.contains(";7m"), "the selection shows in reverse video")
        keys("q")
        _ = waitForText("EXIT=0")
    }
}
