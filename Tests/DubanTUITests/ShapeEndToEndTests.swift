import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12's items that live in the reshaped state, in real tmux (socket `shape-…`):
/// the value editor (1), the filter menu at 40x10 (3), hint lines in dialogs and
/// read-only (10), `w` with no edits after an outside save (11).
final class ShapeEndToEndTests: TmuxTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        socket = "shape-" + socket
    }

    /// The last screen line: the hint line (or the message shown in its place).
    func hintLine(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.last.map(String.init) ?? ""
    }

    /// Item 1: `p` on a task at 40%, type 70: the editor shows 70 (the old value was
    /// selected, typing replaced it) and the task is at 70%.
    func testTheProgressEditorStartsWithTheOldValueSelected() throws {
        start()
        _ = waitForText("任务 1/7")
        keys("p")
        let editing = waitForText("进度 0-100：")
        XCTAssertTrue(hintLine(editing).contains("40"), "the old value is shown: \(hintLine(editing))")
        literal("70")
        let typed = waitFor("70 typed") { self.hintLine($0).contains("70") }
        XCTAssertFalse(hintLine(typed).contains("4070"), hintLine(typed))
        keys("Enter")
        let done = waitForText("未保存1")
        XCTAssertTrue(done.contains("70%"), done)
        XCTAssertFalse(done.contains("进度“4070”无效"), done)
        keys("w")
        _ = waitForText("已保存")
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].progress, 70)
        keys("q")
        _ = waitForText("EXIT=0")
    }

    /// Item 3: at 40x10 the filter menu does not fit; it scrolls, the cursor is always on
    /// a shown item, and Space on 单位… opens the unit picker.
    func testTheFilterMenuScrollsAt40x10() {
        start(width: 40, height: 10)
        _ = waitFor("the dashboard at 40x10") { $0.contains("┌") }
        keys("f")
        let top = waitForText("筛选 1/11")
        XCTAssertFalse(top.contains("清除全部筛选"), "the last item is below the box at first:\n\(top)")
        for _ in 0..<10 { keys("Down") }
        let bottom = waitForText("筛选 11/11")
        XCTAssertTrue(bottom.contains("清除全部筛选"), "scrolled to the last item:\n\(bottom)")
        keys("Up", "Up")
        let unit = waitForText("筛选 9/11")
        XCTAssertTrue(unit.contains("单位…"), "the cursor's item is shown:\n\(unit)")
        keys("Space")
        let picker = waitFor("the unit picker") { $0.contains("单位… ") && $0.contains("> ") }
        XCTAssertTrue(picker.contains("市"), "unit names listed:\n\(picker)")
        keys("Escape", "Escape")
        keys("q")
        _ = waitForText("EXIT=0")
    }

    /// Item 10: the hint line says the keys of the dialog that is open; read-only shows no
    /// `w 保存`; the quit box and the hint line name the same keys.
    func testReadOnlyHintLineOffersNoSaveAndNoEdits() {
        start(["--read-only"])
        let ro = waitForText("任务 1/7")
        XCTAssertTrue(hintLine(ro).contains("q 退出"), hintLine(ro))
        XCTAssertFalse(hintLine(ro).contains("w 保存"), hintLine(ro))
        XCTAssertFalse(hintLine(ro).contains("s 状态"), hintLine(ro))
        keys("q")
        _ = waitForText("EXIT=0")
    }

    func testHintLinesSayTheOpenDialogsKeys() throws {
        start()
        _ = waitForText("任务 1/7")
        keys("3")
        let edited = waitForText("未保存1")
        _ = edited
        keys("q")
        let quit = waitForText("有1处修改尚未保存")
        for k in ["y 保存并退出", "n 不保存退出", "c 取消"] { XCTAssertTrue(hintLine(quit).contains(k), "hint line: \(hintLine(quit))") }
        XCTAssertTrue(quit.contains("c 取消"), quit)
        XCTAssertFalse(quit.contains("Esc 取消"), "the box says the hint line's key:\n\(quit)")
        keys("c")
        var theirs = try PlanFile.load(path: planPath)
        theirs.tasks[6].progress = 90
        try PlanFile.save(theirs, to: planPath)
        keys("w")
        let dialog = waitForText("文件已被他人修改")
        let hints = hintLine(dialog)
        for k in ["m 合并", "r 重新载入", "s 另存", "c 取消"] { XCTAssertTrue(hints.contains(k), "hint line: \(hints)") }
        XCTAssertFalse(hints.contains("Space") || hints.contains("Down"), hints)
        keys("c")
        keys("q")
        _ = waitForText("有1处修改尚未保存")
        keys("n")
        _ = waitForText("EXIT=0")
    }

    /// Item 11: `w` with no edits after the file changed outside says there is nothing to
    /// save; no conflict box ("你有0处修改未保存"), and the file is left as they saved it.
    func testSaveWithNoEditsAfterAnOutsideChangeOpensNoConflictBox() throws {
        start()
        _ = waitForText("任务 1/7")
        var theirs = try PlanFile.load(path: planPath)
        theirs.tasks[6].progress = 90
        try PlanFile.save(theirs, to: planPath)
        keys("w")
        let screen = waitForText("没有未保存的修改")
        XCTAssertFalse(screen.contains("文件已被他人修改"), screen)
        XCTAssertFalse(screen.contains("0处修改"), screen)
        XCTAssertEqual(try PlanFile.load(path: planPath), theirs, "their save is kept")
        keys("q")
        _ = waitForText("EXIT=0")
    }

    /// `/` in the workload pane narrows the units by name: typing a unit's name reaches
    /// it, Enter opens its tasks (Tab Tab / 水务 Enter Enter: five keys beyond the text).
    func testSlashNarrowsTheWorkloadPane() {
        start()
        _ = waitForText("任务 1/7")
        keys("Tab", "Tab")
        keys("/")
        literal("水务")
        let narrowed = waitForText("单位 1 ↓牵头 /水务")
        XCTAssertTrue(narrowed.contains("市水务局"), narrowed)
        XCTAssertFalse(narrowed.contains("市生态环境局       "), "other units are gone from the pane:\n\(narrowed)")
        keys("Enter")
        _ = waitForText("单位 1 ↓牵头 /水务")
        keys("Enter")
        let tasks = waitForText("任务 1/1")
        XCTAssertTrue(tasks.contains("河长制"), "the unit's task:\n\(tasks)")
        keys("q")
        _ = waitForText("EXIT=0")
    }

    /// Space marks rows; a status key changes every marked task; u undoes them at once.
    func testMarkingAndBulkStatus() throws {
        start()
        _ = waitForText("任务 1/7")
        keys("Space", "Space", "Space")
        _ = waitForText("已标记3")
        keys("3")
        let done = waitForText("未保存3")
        XCTAssertTrue(done.contains("已修改3项已标记的任务"), done)
        keys("u")
        let undone = waitFor("one undo step") { !$0.contains("未保存") }
        XCTAssertTrue(undone.contains("已标记3"), "the marks stay:\n\(undone)")
        keys("C-r", "w")
        _ = waitForText("已保存")
        let saved = try PlanFile.load(path: planPath)
        XCTAssertEqual(saved.tasks.prefix(3).map(\.status), [.done, .done, .done])
        keys("q")
        _ = waitForText("EXIT=0")
    }
}
