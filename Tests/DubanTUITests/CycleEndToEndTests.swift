import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// Issue 13's dashboard parts in real tmux (socket `tuicycle-…`), on the hand-made plan
/// of Tests/Fixtures/cycle/plan.json judged on 2020-07-12: period 2020-07 (monthly, by the
/// 25th), in which 市住建局, 市交通局 and 市财政局 reported and 市教育局 (tasks 1, 4, 7) did
/// not; task 2's deadline moved from 2020-06-20 to 2020-07-20 by an approved
/// request; task 7's node 6月底前完成招标 (2020-06-30, not done) is 12 days late.
final class CycleEndToEndTests: TmuxTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        socket = "tuicycle-" + socket
        let fixture = FixtureFiles.folder.appendingPathComponent("cycle/plan.json").path
        try? FileManager.default.removeItem(atPath: planPath)
        try FileManager.default.copyItem(atPath: fixture, toPath: planPath)
    }

    func lines(_ screen: String, containing s: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { $0.contains(s) }
    }

    func testTheDashboardShowsUnreportedAnExtensionAndAMissedMilestone() {
        start(["--as-of", "2020-07-12"], width: 160, height: 45)
        var screen = waitForText("2020-07期未报送1")
        // The marker beside the two units that owe a report, not beside those that made one.
        XCTAssertTrue(lines(screen, containing: "市教育局").contains { $0.contains("未报送") }, screen)
        XCTAssertFalse(lines(screen, containing: "市财政局").contains { $0.contains("未报送") }, screen)
        XCTAssertFalse(lines(screen, containing: "市住建局").contains { $0.contains("未报送") }, screen)
        XCTAssertFalse(lines(screen, containing: "市交通局").contains { $0.contains("未报送") }, screen)
        // Task 2: the new deadline, the original, the approved request with its reason.
        keys("j")
        screen = waitForText("原定时限")
        XCTAssertTrue(screen.contains("2020-07-20"), screen)
        XCTAssertTrue(screen.contains("2020-06-20"), screen)
        XCTAssertTrue(screen.contains("2020-06-10申请延期至2020-07-20，已同意（督查室 2020-06-12）：雨季停工"), screen)
        // Task 7: the missed node with its reason in words, the done one marked done.
        for _ in 0..<5 { keys("j") }
        screen = waitForText("时间节点")
        XCTAssertTrue(screen.contains("2020-06-30 6月底前完成招标 · 未完成 · 节点“6月底前完成招标”逾期12天"), screen)
        XCTAssertTrue(screen.contains("2020-03-31 一季度完成立项 · 已完成"), screen)
        // Task 8 has no deadline: 长期.
        keys("j")
        screen = waitFor("task 8's detail") { $0.contains("深化财政预算绩效管理") && $0.contains("长期") }
        // x files a request on it (the date, then the reason); A approves it; u undoes that.
        keys("x")
        _ = waitForText("延期至：")
        literal("2020-12-31")
        keys("Enter")
        _ = waitForText("延期至2020-12-31的理由：")
        literal("人员调整")
        keys("Enter")
        _ = waitForText("2020-07-12申请延期至2020-12-31，待审批：人员调整")
        keys("A")
        screen = waitFor("the approval") { $0.contains("2020-07-12申请延期至2020-12-31，已同意") }
        XCTAssertTrue(screen.contains("完成时限  2020-12-31"), "the approval gives the deadline\n\(screen)")
        keys("u")
        _ = waitForText("2020-07-12申请延期至2020-12-31，待审批：人员调整")
        // The request is not saved: quitting asks; n quits without saving.
        keys("q")
        _ = waitForText("┌ 退出")
        keys("n")
        _ = waitForText("EXIT=0")
    }

    /// Tab twice (tasks → detail → workload, in every layout), then `t`: the chart.
    func toggleTrends(_ w: Int, _ h: Int) -> String {
        keys("Tab")
        keys("Tab")
        keys("t")
        return waitFor("the chart") { self.frameComplete($0, w, h) && $0.contains("┌ 趋势 2020-04–2020-09") }
    }

    func testTheTrendChartToggledAt120x40And60x15() {
        for (w, h) in [(120, 40), (60, 15)] {
            start(width: w, height: h)
            _ = waitForText("任务 1/10")
            let screen = toggleTrends(w, h)
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The plan's series: the latest periods with bars of eighth blocks.
            XCTAssertTrue(screen.contains("全部"), screen)
            XCTAssertTrue(rows.contains { $0.contains("2020-08 ") && $0.contains("█") }, screen)
            // Every row still the terminal's width: no frame broken by the blocks or names.
            for r in rows.prefix(h - 1).dropFirst() { XCTAssertEqual(CellWidth.of(r), w, "\(w)x\(h): \(r)") }
            if h >= 40 { XCTAssertTrue(rows.contains { $0.hasPrefix("│市教育局") }, "a unit's series below the plan's:\n\(screen)") }
            keys("t")
            _ = waitFor("the table again") { $0.contains("期未报送") }
            keys("q")
            _ = waitForText("EXIT=0")
            tmux(["kill-session", "-t", session])
            let end = Date().addingTimeInterval(5)
            while tmux(["has-session", "-t", session]).status == 0 && Date() < end { usleep(20_000) }
            // The next size starts from a first open, not the view this one left.
            try? FileManager.default.removeItem(atPath: dir + "/.local/state")
        }
    }
}
