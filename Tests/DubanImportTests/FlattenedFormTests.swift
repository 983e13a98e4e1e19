import XCTest
@testable import DubanImport
import DubanCore

/// Hand-made members of the flattened-table families (not the fixture files): a whole table on
/// one line, one row a line with ASCII stops, cells between `|` lines.
final class FlattenedFormTests: XCTestCase {
    func testAWholeTableOnOneLine() throws {
        let text = "某县2023年重点工作任务分解表 请认真组织实施. 序号 工作任务 牵头单位 1 城镇新增就业1.2万人,城镇登记失业率控制在4.5%以内. 县人社局 "
            + "2 地区生产总值增长6.5%左右. 县发改委、县统计局 3 一般公共预算收入增长5%. 县财政局 4 新建农村公路47.1公里. 县交通运输局\n"
        let r = try importText(text, year: 2023)
        XCTAssertEqual(r.layout, .rowPerLine)
        XCTAssertEqual(r.plan.tasks.map(\.number), ["1", "2", "3", "4"])
        XCTAssertEqual(r.plan.tasks.map(\.text), ["城镇新增就业1.2万人,城镇登记失业率控制在4.5%以内.", "地区生产总值增长6.5%左右.",
                                                  "一般公共预算收入增长5%.", "新建农村公路47.1公里."])
        XCTAssertEqual(r.plan.tasks[1].leadUnits, ["县发改委", "县统计局"])   // under 牵头单位 every unit listed leads
        XCTAssertEqual(r.plan.tasks[3].leadUnits, ["县交通运输局"])
        XCTAssertTrue(r.warnings.contains { $0.key == .iwRowsOnOneLine && $0.isGuess && $0.line == 1 })
        XCTAssertTrue(r.plan.tasks.allSatisfy { $0.origin?.line == 1 })
    }

    func testOneRowALineWithASCIIStops() throws {
        let text = """
        某县人民政府关于印发2023年重点工作任务分解的通知
        现将任务分解如下,请认真组织实施. 序号 名称 工作任务 责任单位

        1 城镇新增就业1.2万人,城镇登记失业率控制在4.5%以内. 县人社局

        2 居民人均可支配收入增长0.5个百分点以上. 县统计局、县农业农村局

        3 新建农村公路47.1公里
        """
        let r = try importText(text)
        XCTAssertEqual(r.plan.tasks.count, 3)
        XCTAssertEqual(r.plan.tasks[0].text, "城镇新增就业1.2万人,城镇登记失业率控制在4.5%以内.")
        XCTAssertEqual(r.plan.tasks[1].leadUnits, ["县统计局"])       // 责任单位 alone: the first listed leads (a guess)
        XCTAssertEqual(r.plan.tasks[1].coUnits, ["县农业农村局"])
        XCTAssertEqual(r.plan.tasks[2].leadUnits, [])                // cut off: no unit invented
        XCTAssertTrue(r.warnings.contains { $0.key == .iwLeadByPosition })
    }

    func testCellsBetweenPipeLines() throws {
        let text = "某区2022年重点工作目标任务分解\n序号\n|\n项目\n|\n重点工作目标任务\n|\n责任领导\n|\n责任单位\n|\n一、高质量发展\n|\n1\n|\n主要目标\n|\n"
            + "1.一般公共预算收入增长6%。\n|\n李 明\n|\n★区财政局、税务局\n|\n2.城镇新增就业1.5万人。\n|\n|\n★区人社局\n|\n3.新建5G基站300个\n|\n张 华\n|\n★区工信局、区通信办、电信公司\n|\n"
        let r = try importText(text)
        XCTAssertEqual(r.layout, .pipeCells)
        XCTAssertEqual(r.plan.tasks.map(\.text), ["一般公共预算收入增长6%。", "城镇新增就业1.5万人。", "新建5G基站300个"])
        XCTAssertEqual(r.plan.tasks.map(\.leaders), [["李明"], [], ["张华"]])
        XCTAssertEqual(r.plan.tasks[2].leadUnits, ["区工信局"])
        XCTAssertEqual(r.plan.tasks[2].coUnits, ["区通信办", "电信公司"])
        XCTAssertEqual(r.plan.chapters.map(\.label), ["一"])
    }
}
