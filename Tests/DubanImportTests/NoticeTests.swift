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

extension NoticeTests {
    /// Wujiang 2024: one cell a line, each followed by a `|` line; ★ marks the lead; 序号 numbers the group.
    func testWujiangPipeSeparatedCells() throws {
        let r = try Notices.result("04")
        let p = r.plan
        XCTAssertEqual(p.tasks.count, 12)   // 11 complete and the cut-off 12th
        XCTAssertEqual(p.tasks.map(\.number), (1...12).map(String.init))
        XCTAssertEqual(p.chapters.filter { $0.parent == nil }.map(\.title), ["2024年全区经济社会发展主要预期目标"])
        let t1 = try XCTUnwrap(task(p, 1))
        XCTAssertEqual(t1.text, "地区生产总值增长5%以上。")
        XCTAssertEqual(t1.leaders, ["钱宇"])
        XCTAssertEqual(t1.leadUnits, ["区发改委"]); XCTAssertEqual(t1.coUnits, ["统计局"])
        let t8 = try XCTUnwrap(task(p, 8))
        XCTAssertEqual(t8.text, "居民人均可支配收入与经济增长保持同步。")
        XCTAssertEqual(t8.leaders, ["钱宇"])
        XCTAssertEqual(t8.leadUnits, ["区发改委"]); XCTAssertEqual(t8.coUnits, ["人社局", "农业农村局", "统计局"])
        let t10 = try XCTUnwrap(task(p, 10))
        XCTAssertEqual(t10.text, "主要污染物排放总量削减完成上级下达任务。")
        XCTAssertEqual(t10.leaders, ["王嵘", "方勇"])
        XCTAssertEqual(t10.leadUnits, ["生态环境局"]); XCTAssertEqual(t10.coUnits, [])
        XCTAssertEqual(try XCTUnwrap(task(p, 6)).leaders, ["方勇"])
        // Tasks 2, 3, 5, 7 and 9 have no leader cell (or an empty one): empty, never a unit or text.
        for n in [2, 3, 5, 7, 9] { XCTAssertEqual(try XCTUnwrap(task(p, n)).leaders, [], "task \(n)") }
        let t12 = try XCTUnwrap(task(p, 12))
        XCTAssertEqual(t12.leaders + t12.leadUnits + t12.coUnits, [])
        XCTAssertFalse(p.tasks.contains { $0.text.contains("共118项") })
        XCTAssertFalse(p.units.contains { $0.name.contains("★") })
        assertCleanUnits(p); assertNoChrome(p)
    }
}

extension NoticeTests {
    /// Deyang Jingyang 2016: a target table with no 序号 (项目 / 分值 / 目标任务 / 监考单位), merged cells dropped.
    func testJingyangScoreTableWithoutNumbers() throws {
        let r = try Notices.result("01")
        let p = r.plan
        XCTAssertEqual(p.tasks.count, 25)   // 24 complete and the cut-off 25th
        XCTAssertEqual(p.chapters.filter { $0.parent == nil }.count, 0)
        XCTAssertFalse(p.tasks.contains { ["宏观调控", "公共服务"].contains($0.text) }, "a category taken as a task")
        let t1 = p.tasks[0]
        XCTAssertEqual(t1.text, "地区生产总值增长率")
        XCTAssertEqual(t1.goal, "年终根据全省平均水平综合考核")
        XCTAssertEqual(t1.leadUnits, ["区发改局"]); XCTAssertEqual(t1.coUnits, ["区统计局"])
        // 年终 in a target is not a deadline: the plan's year end is assumed and said so.
        XCTAssertTrue(t1.deadlineAssumed)
        let t7 = p.tasks[6]
        XCTAssertEqual(t7.text, "全社会固定资产投资额")
        XCTAssertEqual(t7.goal, "186")   // a bare number in the target column is not a task number
        // 区发改委 and 区发改局 are one unit to the alias table; either spelling is the lead.
        XCTAssertTrue(["区发改委", "区发改局"].contains(t7.leadUnits.first ?? ""), "\(t7.leadUnits)")
        XCTAssertEqual(t7.leadUnits.count, 1); XCTAssertEqual(t7.coUnits, ["区统计局"])
        let t21 = p.tasks[20]
        XCTAssertEqual(t21.text, "银行新增贷款额")
        XCTAssertEqual(t21.goal, "15")
        XCTAssertEqual(t21.leadUnits, ["区金融办"]); XCTAssertEqual(t21.coUnits, [])
        // The nine rows whose unit cell was merged inherit the row above's, each with a warning.
        let inherited = ["社会消费品零售总额增长率", "税收占地方公共财政收入的比重及变化率", "完成重点项目年度投资计划",
                         "新引进 5 亿元以上重大项目", "外贸进出口额", "地方政府新增债务率", "创新创业孵化载体", "技改投资", "城镇登记失业率"]
        for name in inherited {
            let i = try XCTUnwrap(p.tasks.firstIndex { $0.text == name }, name)
            XCTAssertGreaterThan(i, 0)
            XCTAssertEqual(p.tasks[i].leadUnits, p.tasks[i - 1].leadUnits, name)
            XCTAssertTrue(r.warnings.contains { $0.message.contains(name) && $0.message.contains("row above") }, name)
        }
        XCTAssertEqual(r.warnings.filter { $0.message.contains("row above") }.count, 9)
        XCTAssertTrue(r.warnings.contains { $0.line == 18 && $0.message.contains("区发改局、区统计局") })
        // The cut-off last row invents no unit.
        XCTAssertEqual(p.tasks[24].leadUnits + p.tasks[24].coUnits, [])
        assertCleanUnits(p); assertNoChrome(p)
    }
}
