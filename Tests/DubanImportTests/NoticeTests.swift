import XCTest
@testable import DubanImport
import DubanCore

/// The five notices of other places (Tests/Fixtures/notices): each gives the plan its
/// section of EXPECTED.md describes (tasks, chapters, the sample tasks' lead and co-units).
final class NoticeTests: XCTestCase {
    private func task(_ plan: Plan, _ n: Int, file: StaticString = #filePath, line: UInt = #line) -> PlanTask? {
        let t = plan.tasks.first { $0.number == String(n) }
        XCTAssertNotNil(t, "no task \(n)", file: file, line: line)
        return t
    }

    /// Dalian Ganjingzi 2011: an outline whose tasks carry `责任部门:X 配合部门:Y` on one line.
    func testGanjingziBothLabelsOnOneLine() throws {
        let r = try Notices.result("02")
        let p = r.plan
        XCTAssertEqual(p.tasks.count, 11)
        XCTAssertEqual(p.chapters.filter { $0.parent == nil }.count, 0)
        XCTAssertEqual(p.year, 2011)
        let t1 = try XCTUnwrap(task(p, 1))
        XCTAssertTrue(t1.text.hasPrefix("建设水池山休闲健身公园、兴华(富)园、元"))
        XCTAssertEqual(t1.leadUnits, ["城建局", "农海局"])
        XCTAssertEqual(t1.coUnits, ["各街道"])
        let t6 = try XCTUnwrap(task(p, 6))
        XCTAssertTrue(t6.text.hasPrefix("实施金龙寺河二期、郭家沟河一期、棋盘河道"))
        XCTAssertEqual(t6.leadUnits, ["农海局"])
        XCTAssertEqual(t6.coUnits, ["营城子街道", "革镇堡街道", "辛寨子街道", "红旗街道"])
        let t9 = try XCTUnwrap(task(p, 9))
        XCTAssertEqual(t9.text, "新建甘井子区警察训练教育基地。")
        XCTAssertEqual(t9.leadUnits, ["公安分局"])
        XCTAssertEqual(t9.coUnits, ["发改局", "财政局"])
        XCTAssertEqual(p.tasks.filter { $0.leadUnits == ["公安分局"] }.map(\.number), ["8", "9"])
        // 2011-02-12 is the page's date, not a deadline the notice gives.
        XCTAssertFalse(p.tasks.contains { $0.deadline == PlanDate(year: 2011, month: 2, day: 12) })
        assertCleanUnits(p); assertNoChrome(p)
    }
}

extension NoticeTests {
    /// Changshu 2018: one row a line (`N text. units`), the header glued onto the notice's last paragraph.
    func testChangshuRowPerLineWithGluedHeader() throws {
        let p = try Notices.result("03").plan
        XCTAssertEqual(p.tasks.count, 9)   // 8 complete and the cut-off 9th
        XCTAssertEqual(p.tasks.map(\.number), (1...9).map(String.init))
        XCTAssertEqual(p.chapters.filter { $0.parent == nil }.map(\.title), ["经济社会发展主要预期目标分解(11项)"])
        XCTAssertTrue(p.tasks.allSatisfy { $0.chapter == "c1" })
        let t1 = try XCTUnwrap(task(p, 1))
        XCTAssertTrue(t1.text.hasPrefix("地区生产总值增长7%以上,服务业增加值占"))
        XCTAssertTrue(t1.text.contains("47.1%"), "47.1% must not split: \(t1.text)")
        XCTAssertEqual(t1.leadUnits, ["发改委"]); XCTAssertEqual(t1.coUnits, [])
        // Rule used: the column is 牵头责任单位, so every unit in it leads.
        let t7 = try XCTUnwrap(task(p, 7))
        XCTAssertTrue(t7.text.hasPrefix("全社会固定资产投资额550亿元,其中:工"))
        XCTAssertEqual(t7.leadUnits, ["发改委", "经信委", "科技局"]); XCTAssertEqual(t7.coUnits, [])
        let t8 = try XCTUnwrap(task(p, 8))
        XCTAssertTrue(t8.text.hasPrefix("社会消费品零售总额增长8.5%左右,实际"))
        XCTAssertEqual(t8.leadUnits, ["商务局"]); XCTAssertEqual(t8.coUnits, [])
        // The cut-off row keeps its text and invents no unit.
        let t9 = try XCTUnwrap(task(p, 9))
        XCTAssertEqual(t9.text, "居民人均可支配收入增速")
        XCTAssertEqual(t9.leadUnits + t9.coUnits, [])
        XCTAssertFalse(p.tasks.contains { $0.text.contains("138项") })
        assertCleanUnits(p); assertNoChrome(p)
    }

    /// Suzhou 2011: one cell a line with blank lines between, columns 序号 / 名称 / 工作任务 / 主要责任单位.
    func testSuzhouCellPerLineWithNameColumn() throws {
        let p = try Notices.result("05").plan
        XCTAssertEqual(p.tasks.count, 9)   // 8 complete and the cut-off 9th
        XCTAssertEqual(p.tasks.map(\.number), (1...9).map(String.init))
        XCTAssertEqual(p.chapters.filter { $0.parent == nil }.count, 0)
        XCTAssertEqual(p.year, 2011)
        let t1 = try XCTUnwrap(task(p, 1))
        XCTAssertEqual(t1.text, "地区生产总值增长12%")   // the 工作任务 cell, not the 名称 cell
        XCTAssertEqual(t1.leadUnits, ["市发改委"]); XCTAssertEqual(t1.coUnits, ["统计局"])
        let t2 = try XCTUnwrap(task(p, 2))
        XCTAssertEqual(t2.text, "地方财政一般预算收入增长12%以上")
        XCTAssertEqual(t2.leadUnits, ["市财政局"]); XCTAssertEqual(t2.coUnits, ["国税局", "地税局"])
        let t8 = try XCTUnwrap(task(p, 8))
        XCTAssertEqual(t8.text, "实际利用外资与上年持平")
        XCTAssertEqual(t8.leadUnits, ["市商务局"]); XCTAssertEqual(t8.coUnits, [])
        XCTAssertEqual(try XCTUnwrap(task(p, 7)).coUnits, ["苏州海关"])
        let t9 = try XCTUnwrap(task(p, 9))
        XCTAssertEqual(t9.leadUnits + t9.coUnits, [])
        let names = Set(p.units.map(\.name))
        for n in ["地区生产总值", "财政收入", "引进外资"] { XCTAssertFalse(names.contains(n), "名称 cell \(n) taken as a unit") }
        assertCleanUnits(p); assertNoChrome(p)
    }
}
