import XCTest
@testable import DubanImport
import DubanCore

/// Responsibility written every way the issue lists: labels glued on one line, brackets at the
/// end of an item, prose as the item's last sentence.
final class ResponsibilityFormTests: XCTestCase {
    static let notice = """
某区2022年重点工作任务分解
一、经济发展
1.推进产业园建设。
牵头单位：区发改局配合单位：区财政局、区自然资源局完成时限：9月底前
2.加快招商引资。（责任单位：区商务局、区发改局、区财政局）
3.优化营商环境。区经发局牵头，交建局、环土局配合。
4.强化安全生产。区应急局、区公安局按职责分工负责。
5.推进垃圾分类。区城管局落实。
"""

    func testGluedLabelsBracketsAndProse() throws {
        let r = try importText(Self.notice)
        let p = r.plan
        XCTAssertEqual(p.tasks.count, 5)
        // 牵头单位:X配合单位:Y完成时限:Z on one line with no separator.
        XCTAssertEqual(p.tasks[0].leadUnits, ["区发改局"])
        XCTAssertEqual(p.tasks[0].coUnits, ["区财政局", "区自然资源局"])
        XCTAssertEqual(p.tasks[0].deadline, PlanDate(year: 2022, month: 9, day: 30))
        XCTAssertFalse(p.tasks[0].deadlineAssumed)
        // (责任单位:A、B、C) at the end: the first leads.
        XCTAssertEqual(p.tasks[1].text, "加快招商引资。")
        XCTAssertEqual(p.tasks[1].leadUnits, ["区商务局"])
        XCTAssertEqual(p.tasks[1].coUnits, ["区发改局", "区财政局"])
        // X牵头,Y、Z配合 as the last sentence; the later units keep their names without 区.
        XCTAssertEqual(p.tasks[2].text, "优化营商环境。")
        XCTAssertEqual(p.tasks[2].leadUnits, ["区经发局"])
        XCTAssertEqual(p.tasks[2].coUnits, ["交建局", "环土局"])
        // Y按职责分工负责: the first listed leads. Z落实: Z leads.
        XCTAssertEqual(p.tasks[3].text, "强化安全生产。")
        XCTAssertEqual(p.tasks[3].leadUnits, ["区应急局"])
        XCTAssertEqual(p.tasks[3].coUnits, ["区公安局"])
        XCTAssertEqual(p.tasks[4].leadUnits, ["区城管局"])
        // The two guesses: nothing marks the lead of (责任单位：A、B、C) nor of Y、Z按职责分工负责; each is said
        // with its place, so --strict refuses them.
        XCTAssertEqual(r.warnings.map(\.line), [5, 7], r.warnings.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(r.warnings.allSatisfy { $0.key == .iwLeadByPosition })
        XCTAssertEqual(r.warnings.first?.isGuess, true)
        XCTAssertEqual(r.warnings.first?.message(Strings(.zh)), "“区商务局、区发改局、区财政局”没有标明牵头单位：按排列顺序，取第一个单位“区商务局”牵头")
        assertCleanUnits(p)
    }

    /// A last sentence that only mentions a unit is text, not responsibility.
    func testASentenceAboutAUnitIsNotResponsibility() throws {
        let p = try importText("""
        某区2022年重点工作任务分解
        1.推进产业园建设。支持区发改局开展项目储备。
        牵头单位:区发改局
        """).plan
        XCTAssertEqual(p.tasks[0].text, "推进产业园建设。支持区发改局开展项目储备。")
        XCTAssertEqual(p.tasks[0].leadUnits, ["区发改局"])
    }
}
