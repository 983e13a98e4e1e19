import XCTest
@testable import DubanImport
import DubanCore

/// Columns recognised by what their names mean, through the one table model; a bracketed
/// responsibility alone on the line after its item.
final class ColumnMeaningTests: XCTestCase {
    func importHTML(_ html: String) throws -> ImportResult {
        try NoticeImporter(options: ImportOptions(year: 2022, useUserAliasFile: false))
            .importNotice(bytes: Array(html.utf8), source: "page.html")
    }

    func page(_ head: String, _ rows: String) -> String {
        "<html><body><p>某区2022年重点工作任务分解</p><table border=1>\(head)\(rows)</table></body></html>"
    }

    func testNameTextRequirementScoreAndSeveralTextColumns() throws {
        let head = "<tr><td>序号</td><td>项目名称</td><td>主要内容</td><td>具体措施</td><td>工作要求</td><td>分值</td><td>责任部门</td><td>配合部门</td><td>时间节点</td></tr>"
        let rows = """
        <tr><td>1</td><td>老旧小区改造</td><td>改造老旧小区40个</td><td>完成管网和外立面改造</td><td>居民满意率90%以上</td><td>5</td><td>区住建局</td><td>区财政局</td><td>10月底前</td></tr>
        <tr><td>2</td><td>城市书房</td><td>建成城市书房8个</td><td>&nbsp;</td><td>&nbsp;</td><td>3</td><td>区文旅局</td><td>&nbsp;</td><td>长期</td></tr>
        """
        let r = try importHTML(page(head, rows))
        XCTAssertEqual(r.layout, .table)
        let t1 = r.plan.tasks[0], t2 = r.plan.tasks[1]
        // 项目名称 is a text column too: the three are joined in order, the first kept as the title.
        XCTAssertEqual(t1.text, "老旧小区改造；改造老旧小区40个；完成管网和外立面改造")
        XCTAssertEqual(t1.extra.first { $0.key == "title" }?.value, .string("老旧小区改造"))
        XCTAssertEqual(t1.remarks, "居民满意率90%以上")                       // 工作要求: kept with the task
        XCTAssertEqual(t1.extra.first { $0.key == "score" }?.value, .string("5"))   // 分值
        XCTAssertEqual(t1.leadUnits, ["区住建局"])                              // 责任部门: …部门 is a unit column
        XCTAssertEqual(t1.coUnits, ["区财政局"])                                // 配合部门
        XCTAssertEqual(t1.deadline, PlanDate(year: 2022, month: 10, day: 31))  // 时间节点
        XCTAssertEqual(t1.origin, SourcePlace(line: 1, table: 1, row: 2, column: 2))
        XCTAssertEqual(t2.text, "城市书房；建成城市书房8个")
        XCTAssertNil(t2.deadline)
        XCTAssertEqual(t2.deadlineText, "长期")
    }

    func testAShortNameColumnIsTheTitleNotTheText() throws {
        let head = "<tr><td>序号</td><td>名称</td><td>工作任务</td><td>主要责任单位</td></tr>"
        let rows = "<tr><td>1</td><td>地区生产总值</td><td>地区生产总值增长12%</td><td>市发改委、统计局</td></tr>"
            + "<tr><td>2</td><td>引进外资</td><td>实际利用外资与上年持平</td><td>市商务局</td></tr>"
        let r = try importHTML(page(head, rows))
        XCTAssertEqual(r.plan.tasks.map(\.text), ["地区生产总值增长12%", "实际利用外资与上年持平"])
        XCTAssertEqual(r.plan.tasks[1].extra.first { $0.key == "title" }?.value, .string("引进外资"))
        XCTAssertEqual(r.plan.tasks[0].leadUnits, ["市发改委"])
        XCTAssertEqual(r.plan.tasks[0].coUnits, ["统计局"])   // as printed (the place is not added)
        XCTAssertTrue(r.warnings.contains { $0.key == .iwLeadByPosition && $0.isGuess })
    }

    func testColumnNamesByMeaning() {
        typealias C = TableParser.Column
        let cases: [(String, C)] = [
            ("牵头责任部门", .lead), ("协办单位", .co), ("参与部门", .co), ("协同单位", .co), ("责任单位", .units),
            ("分管领导", .leaders), ("县级责任领导", .leaders), ("完成时限", .deadline), ("时间节点", .deadline),
            ("重点任务", .text), ("工作内容", .text), ("整改事项", .text), ("主要措施", .text), ("存在问题", .text),
            ("名称", .title), ("分值", .score), ("工作要求", .requirement), ("验收标准", .requirement), ("备注", .remarks),
            ("完成情况", .completion), ("年度目标", .goal),
        ]
        for (name, want) in cases { XCTAssertEqual(TableParser.column(for: name), want, name) }
        XCTAssertNil(TableParser.column(for: "某市人民政府关于印发重点工作的通知"))
    }

    func testABracketAloneOnTheLineAfterItsItem() throws {
        let text = """
        某区2022年重点工作
        一、经济发展
        1.加快推进城市更新改造项目，新建公共停车泊位300个，
        确保各项指标达到年度目标要求。
        （牵头单位：区住建局；责任单位：区财政局、区城管局）
        2.推进垃圾分类。
        （责任单位：区城管局）
        """
        let r = try importText(text)
        XCTAssertEqual(r.plan.tasks.count, 2)
        XCTAssertEqual(r.plan.tasks[0].text, "加快推进城市更新改造项目，新建公共停车泊位300个，确保各项指标达到年度目标要求。")
        XCTAssertEqual(r.plan.tasks[0].leadUnits, ["区住建局"])
        XCTAssertEqual(r.plan.tasks[0].coUnits, ["区财政局", "区城管局"])
        XCTAssertEqual(r.plan.tasks[1].leadUnits, ["区城管局"])
        XCTAssertEqual(r.trace.first { $0.line == 5 }?.kind, .units)
    }
}
