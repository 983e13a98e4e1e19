import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// The review screen in a real terminal (tmux, its own socket `-L review`): a notice the
/// importer gets partly wrong, two lines fixed with keys, `w`; the plan on disk holds the
/// fix, and importing the notice again gives the same plan.
final class ReviewEndToEndTests: TmuxTestCase {
    var notice: String { dir + "/notice.txt" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        socket = "review"
        _ = tmux(["kill-server"])   // none left from an earlier run
        try ReviewScreenTests.notice.write(toFile: notice, atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: planPath)
    }

    /// Runs `duban ARGS` in the pane (from the test's folder), then prints its exit status.
    func startDuban(_ args: [String], width: Int = 120, height: Int = 30) {
        let script = """
        #!/bin/sh
        cd "\(dir)"
        "\(Self.dubanBinary)" "$@" 2> "\(dir)/stderr"
        echo "EXIT=$?"
        exec sleep 600
        """
        try? script.write(toFile: dir + "/review.sh", atomically: true, encoding: .utf8)
        let cmd = ["env", "-u", "NO_COLOR", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(dir)", "TERM=screen-256color",
                   "sh", dir + "/review.sh"] + args
        XCTAssertEqual(tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", shellJoin(cmd)]).status, 0)
    }

    // (XCTest here drops a failure message holding the screen's box characters: the
    // screen goes to a file the message names.)
    override var lastScreenFile: String? { NSTemporaryDirectory() + "duban-review-e2e-last-screen.txt" }

    func importAgain(_ args: [String]) -> Int32 {
        Self.spawn(["/bin/sh", "-c", "cd '\(dir)' && '\(Self.dubanBinary)' import " + args.map { "'\($0)'" }.joined(separator: " ")], capture: true).status
    }

    func testFixTwoLinesWriteAndImportAgain() throws {
        startDuban(["import", "notice.txt", "--review", "-o", "plan.json"])
        waitFor("the review screen") { $0.contains("审阅导入 notice.txt") && $0.contains("│ 15 单 某市人民政府") }
        // Line 15 (the signature, read as a co-unit): ignored. Line 12 (item 4, no units):
        // more text of task 3.
        keys("G", "k", "i")
        waitFor("line 15 ignored") { $0.contains("│ 15 略 某市人民政府") && !$0.contains("协同：某市人民政府") }
        keys("k", "k", "k", "o")
        waitFor("line 12 joined") { $0.contains("│ 12 续 4.新建幼儿园10所。") && $0.contains("新增城镇就业2万人。新建幼儿园10所。") }
        keys("w")
        waitForText("已写入 plan.json（更正 2 处）")
        keys("q")
        waitForText("EXIT=0")

        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: planPath)))
        let plan = try PlanJSON.decode(bytes, file: planPath)
        XCTAssertEqual(plan.tasks.count, 4)
        XCTAssertEqual(plan.tasks[2].text, "新增城镇就业2万人。新建幼儿园10所。")
        XCTAssertEqual(plan.tasks[3].number, "5")
        XCTAssertEqual(plan.tasks[3].coUnits, [])
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("\"importCorrections\""))

        // Importing the notice again onto the plan gives the same plan, byte for byte;
        // --corrections PLAN into a new file too.
        XCTAssertEqual(importAgain(["notice.txt", "-o", "plan.json"]), 0)
        XCTAssertEqual(try Array(Data(contentsOf: URL(fileURLWithPath: planPath))), bytes)
        XCTAssertEqual(importAgain(["notice.txt", "--corrections", "plan.json", "-o", "again.json"]), 0)
        XCTAssertEqual(try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/again.json"))), bytes)
        // Without them, the importer's plan as before; --no-corrections onto the plan drops them.
        XCTAssertEqual(importAgain(["notice.txt", "-o", "plain.json"]), 0)
        XCTAssertEqual(try PlanJSON.decode(Array(Data(contentsOf: URL(fileURLWithPath: dir + "/plain.json"))), file: "plain.json").tasks.count, 5)
        XCTAssertEqual(importAgain(["notice.txt", "--no-corrections", "-o", "plan.json"]), 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: planPath)), try Data(contentsOf: URL(fileURLWithPath: dir + "/plain.json")))
    }

    func testOpeningANoticeReviewsItThenTheDashboard() throws {
        startDuban(["notice.txt", "--as-of", "2020-09-01"])
        waitFor("the review screen") { $0.contains("审阅导入 notice.txt") && $0.contains("Enter 进入看板") }
        keys("G", "k", "i", "w")
        waitFor("the name asked") { $0.contains("写入到：notice.json") }
        keys("Enter")
        waitForText("已写入 notice.json（更正 1 处）")
        keys("Enter")
        // The dashboard, on the written plan: its title, no unsaved mark.
        waitFor("the dashboard") { $0.contains("改造老旧小区30个") && !$0.contains("审阅导入") }
        keys("q")
        waitForText("EXIT=0")
        let plan = try PlanJSON.decode(Array(Data(contentsOf: URL(fileURLWithPath: dir + "/notice.json"))), file: "notice.json")
        XCTAssertEqual(plan.tasks[4].coUnits, [])
        XCTAssertEqual(importAgain(["notice.txt", "--corrections", "notice.json", "-o", "again.json"]), 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/again.json")),
                       try Data(contentsOf: URL(fileURLWithPath: dir + "/notice.json")))
    }

    func testNoTerminalAndBadCorrections() throws {
        // --review without a terminal: refused before anything is read or written.
        let r = Self.spawn(["/bin/sh", "-c", "cd '\(dir)' && TERM=dumb '\(Self.dubanBinary)' import notice.txt --review -o plan.json < /dev/null 2>&1"], capture: true)
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: planPath))
        // --corrections naming a plan that keeps none.
        try PlanFile.save(Fixture.plan(), to: dir + "/other.json", backup: false)
        let b = Self.spawn(["/bin/sh", "-c", "cd '\(dir)' && '\(Self.dubanBinary)' import notice.txt --corrections other.json --lang en 2>&1"], capture: true)
        XCTAssertEqual(b.status, 1)
        XCTAssertTrue(b.out.contains("other.json: no import corrections (importCorrections) kept in it"), b.out)
    }
}
