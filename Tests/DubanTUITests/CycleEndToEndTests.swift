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
        keys("q")
        _ = waitForText("EXIT=0")
    }
}
