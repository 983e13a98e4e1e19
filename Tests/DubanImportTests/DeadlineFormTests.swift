import XCTest
@testable import DubanImport
import DubanCore

/// A hand-made notice with every deadline form the issue lists, and the small things that turned lights wrong.
final class DeadlineFormTests: XCTestCase {
    static let notice = """
某市2020年重点工作任务分解
一、经济发展
1.改造城区道路。
责任单位：市住建局
完成时限：6月底前
2.改造老旧小区。
责任单位：市住建局
完成时限：6月底
3.建设智慧城市平台。
责任单位：市数据局
完成时限：年底前
4.完成文物普查。
责任单位：市文旅局
完成时限：2019年11月底
5.开工体育中心。
责任单位：市体育局
完成时限：三季度
6.建成污水厂。
责任单位：市水务局
完成时限：第三季度末
7.启动棚户区改造。
责任单位：市住建局
完成时限：一季度前
8.出台人才政策。
责任单位：市人社局
完成时限：上半年
9.发布营商环境评价。
责任单位：市发改委
完成时限：10月15日前
10.开展安全生产检查。
责任单位：市应急局
完成时限：常态化
11.推进营商环境优化。
责任单位：市发改委
完成时限：持续推进
12.落实河长制。
责任单位：市水务局
完成时限：长期
13.发布年度报告。
责任单位：市统计局
完成时限：按年度
14.6月底前完成城区道路改造。
责任单位：市住建局
15.一季度启动老旧小区改造试点。
责任单位：市住建局
16.建设公园。
责任单位：市园林局
二、社会事业
17.10月15日前完成学校改造。
责任单位：市教育局
18.建设城市绿道。
责任单位：市园林局
时间节点：3月底前完成设计；6月底前开工；11月底前建成
19.2020年6月底前完成规划编制，年底前建成投用。
责任单位：市规划局
20.加强社区治理，长期坚持。
责任单位：市民政局
21.常态化疫情防控工作。
责任单位：市卫健委
22.整治农村人居环境（常态化）
责任单位：市农业农村局
"""

    func testEveryDeadlineForm() throws {
        let p = try importText(Self.notice).plan
        XCTAssertEqual(p.year, 2020)
        func check(_ n: String, _ y: Int?, _ m: Int = 0, _ d: Int = 0, assumed: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
            guard let t = p.tasks.first(where: { $0.number == n }) else { return XCTFail("no task \(n)", file: file, line: line) }
            if let y { XCTAssertEqual(t.deadline, PlanDate(year: y, month: m, day: d), "task \(n) \(t.text)", file: file, line: line) }
            else { XCTAssertNil(t.deadline, "task \(n) \(t.text): a no-date word gives no deadline", file: file, line: line) }
            XCTAssertEqual(t.deadlineAssumed, assumed, "task \(n) assumed", file: file, line: line)
        }
        check("1", 2020, 6, 30)     // 6月底前
        check("2", 2020, 6, 30)     // 6月底
        check("3", 2020, 12, 31)    // 年底前 (written, so not assumed)
        check("4", 2019, 11, 30)    // 2019年11月底
        check("5", 2020, 9, 30)     // 三季度
        check("6", 2020, 9, 30)     // 第三季度末
        check("7", 2020, 3, 31)     // 一季度前
        check("8", 2020, 6, 30)     // 上半年
        check("9", 2020, 10, 15)    // 10月15日前
        check("10", nil)            // 常态化
        check("11", nil)            // 持续推进
        check("12", nil)            // 长期
        check("13", nil)            // 按年度
        check("14", 2020, 6, 30)    // 14.6月底前完成… in the text: item 14, not 14.6
        XCTAssertEqual(p.tasks.first { $0.number == "14" }?.text, "6月底前完成城区道路改造。")
        check("15", 2020, 3, 31)    // 一季度启动… : the first quarter, not the year's end
        check("16", 2020, 12, 31, assumed: true)   // nothing written: the year's end, assumed
        check("17", 2020, 10, 15)
        check("18", 2020, 11, 30)   // several nodes: the deadline is the last
        check("19", 2020, 12, 31)   // two nodes in the text
        check("20", nil)            // …，长期坚持。 as the last clause: no date
        check("21", 2020, 12, 31, assumed: true)   // 常态化 at the head is the work, not its time
        check("22", nil)            // （常态化）
        XCTAssertEqual(p.tasks.count, 22)
    }

    func testDeadlineWordsAsWrittenAndMilestones() throws {
        let p = try importText(Self.notice).plan
        func task(_ n: String) -> PlanTask { p.tasks.first { $0.number == n }! }
        XCTAssertEqual(task("1").deadlineText, "6月底前")
        XCTAssertEqual(task("5").deadlineText, "三季度")
        XCTAssertEqual(task("10").deadlineText, "常态化")
        XCTAssertEqual(task("11").deadlineText, "持续推进")
        XCTAssertEqual(task("14").deadlineText, "6月底前")
        XCTAssertEqual(task("15").deadlineText, "一季度")
        XCTAssertEqual(task("17").deadlineText, "10月15日前")
        XCTAssertNil(task("16").deadlineText)          // the notice says nothing
        XCTAssertEqual(task("20").deadlineText, "长期坚持")
        XCTAssertEqual(task("22").deadlineText, "常态化")
        XCTAssertTrue(task("1").milestones.isEmpty)
        XCTAssertEqual(task("18").milestones, [
            Milestone(date: PlanDate(year: 2020, month: 3, day: 31), text: "3月底前完成设计"),
            Milestone(date: PlanDate(year: 2020, month: 6, day: 30), text: "6月底前开工"),
            Milestone(date: PlanDate(year: 2020, month: 11, day: 30), text: "11月底前建成"),
        ])
        XCTAssertEqual(task("19").milestones.map(\.date), [PlanDate(year: 2020, month: 6, day: 30), PlanDate(year: 2020, month: 12, day: 31)])
        XCTAssertEqual(task("19").milestones.map(\.text), ["2020年6月底前完成规划编制", "年底前建成投用"])
        XCTAssertEqual(task("19").deadlineText, "2020年6月底前；年底前")
        for n in ["10", "11", "12", "13", "20", "22"] { XCTAssertFalse(task(n).deadlineAssumed, n) }
    }

    func testDatesOfTheCoveringLetterAreNotDeadlines() throws {
        let text = """
        某市2021年重点工作任务分解
        请各单位于6月30日前报送上半年进展情况，12月10日前报送全年完成情况。
        1.建设城市公园。
        责任单位：市园林局
        2.改造老旧小区，9月底前完工。
        责任单位：市住建局
        """
        let p = try importText(text).plan
        XCTAssertEqual(p.tasks.count, 2)
        XCTAssertEqual(p.tasks[0].deadline, PlanDate(year: 2021, month: 12, day: 31))
        XCTAssertTrue(p.tasks[0].deadlineAssumed)
        XCTAssertEqual(p.tasks[1].deadline, PlanDate(year: 2021, month: 9, day: 30))
        XCTAssertEqual(p.tasks[1].deadlineText, "9月底前")
    }

    func testNumberOneThenAMonthIsItemOneAndItsDeadline() throws {
        let p = try importText("""
        某市2021年重点工作任务
        1.6月底前完成城区道路改造。
        责任单位：市住建局
        2.较一季度增长5%。
        责任单位：市统计局
        """).plan
        XCTAssertEqual(p.tasks.map(\.number), ["1", "2"])
        XCTAssertEqual(p.tasks[0].text, "6月底前完成城区道路改造。")
        XCTAssertEqual(p.tasks[0].deadline, PlanDate(year: 2021, month: 6, day: 30))
        // 较一季度 compares with a quarter: no date.
        XCTAssertEqual(p.tasks[1].deadline, PlanDate(year: 2021, month: 12, day: 31))
        XCTAssertTrue(p.tasks[1].deadlineAssumed)
    }

    /// 责任单位 lines whose leads come before the comma: a list with no comma is all leads.
    func testNoCommaMeansAllLeadWhenTheDocumentLeadsBeforeTheComma() throws {
        let p = try importText("""
        某市2020年重点工作任务分解
        一、民生
        1.推进医保结算改革。
        责任单位：市医保局、市税务局
        2.建设养老服务中心。
        责任单位：市民政局，各县(市)区政府
        """).plan
        XCTAssertEqual(p.tasks[0].leadUnits, ["市医保局", "市税务局"])
        XCTAssertEqual(p.tasks[0].coUnits, [])
        XCTAssertEqual(p.tasks[1].leadUnits, ["市民政局"])
        XCTAssertEqual(p.tasks[1].coUnits, ["各县(市)区政府"])
    }

    /// The signature after the last row of a flattened table is not a co-unit.
    func testSignatureAfterTheLastTaskIsNotAUnit() throws {
        let r = try importText("""
        某市2020年重点工作任务分解表
        序号
        工作任务
        牵头单位
        责任单位
        1
        建设城区道路。
        市住建局
        市交通局
        2
        改造老旧小区。
        市住建局
        市财政局
        某市人民政府
        2020年3月1日
        """)
        XCTAssertEqual(r.plan.tasks.count, 2)
        XCTAssertEqual(r.plan.tasks[1].coUnits, ["市财政局"])
        XCTAssertFalse(r.plan.units.contains { $0.name == "某市人民政府" })
    }
}
