import XCTest
@testable import DubanImport
import DubanCore

/// Completion reports (seed 003, Wuhu 2023): completion phrases in their forms and reported
/// figures against the task's target; every inferred status keeps its reason.
final class StatusReportTests: XCTestCase {
    func testSeed003NamedTasksAreDoneWithTheirReason() throws {
        let p = try Seeds.result("003").plan
        func task(_ n: String) -> PlanTask { p.tasks.first { $0.number == n }! }
        let t98 = task("98")   // 完成国土空间规划编制 / 已于2023年二季度完成国土空间规划编制。
        XCTAssertEqual(t98.status, .done)
        XCTAssertEqual(t98.statusReason, "已于2023年二季度完成")
        let t26 = task("26")   // 创建省级工业设计中心15家。 / 21户企业成功获评省级工业设计中心。
        XCTAssertEqual(t26.status, .done)
        XCTAssertEqual(t26.statusReason, "15家 → 21户")
        let t58 = task("58")   // 新增公共停车泊位3500个。 / 新增公共停车泊位3847个。
        XCTAssertEqual(t58.status, .done)
        XCTAssertEqual(t58.statusReason, "3500个 → 3847个")
        let t84 = task("84")   // 新建健身步道90公里、百姓健身房27个。 / 97.65公里 … 27个
        XCTAssertEqual(t84.status, .done)
        XCTAssertEqual(t84.statusReason, "90公里 → 97.65公里；27个 → 27个")
        XCTAssertEqual(task("8").statusReason, "已完成")
        XCTAssertEqual(t58.progress, 100)
        // Every inferred status that a phrase or figures decided says which.
        for t in p.tasks where t.status == .done { XCTAssertNotNil(t.statusReason, t.id) }
        XCTAssertGreaterThanOrEqual(p.tasks.filter { $0.status == .done }.count, 40)
    }

    func testSeed003CounterExamplesStayUnderWay() throws {
        let p = try Seeds.result("003").plan
        func task(_ n: String) -> PlanTask { p.tasks.first { $0.number == n }! }
        // 力争新增上市企业5家 / 新增4家上市企业 (and 参训企业1815户, which counts something else).
        XCTAssertEqual(task("108").status, .inProgress)
        // 加快打造6个百亿级绿色食品全产业链 / 数字农业农村应用场景20个: not the same thing.
        XCTAssertEqual(task("76").status, .inProgress)
        // 已完成建设,正在开展招商工作: the work is still under way.
        XCTAssertNotEqual(task("52").statusReason, "正在")
    }

    func testCompletionPhrasesAndTheirCounterExamples() {
        func read(_ report: String, _ task: String = "建设城市公园") -> StatusInference.Reading { StatusInference.read(report, task: task) }
        XCTAssertEqual(read("已于2023年12月29日全线建成通车。"), .init(status: .done, reason: "已于2023年12月29日全线建成"))
        XCTAssertEqual(read("项目已全面完成。").status, .done)
        XCTAssertEqual(read("提前完成全年目标。"), .init(status: .done, reason: "提前完成"))
        XCTAssertEqual(read("已实现全覆盖。"), .init(status: .done, reason: "已实现"))
        XCTAssertEqual(read("主体工程已完成，正在进行装修。"), .init(status: .inProgress, reason: "正在"))
        XCTAssertEqual(read("项目推进中。"), .init(status: .inProgress, reason: "推进中"))
        XCTAssertEqual(read("计划于2024年6月完成。"), .init(status: .inProgress, reason: "计划于"))
        XCTAssertEqual(read("将于年底前建成。"), .init(status: .inProgress, reason: "将于"))
        XCTAssertEqual(read("尚未开工。"), .init(status: .lagging, reason: "尚未开工"))
        XCTAssertEqual(read("").status, .notStarted)
        // Figures: met, beaten, missed, another thing, less is better.
        XCTAssertEqual(read("全年新增公共停车泊位3847个。", "新增公共停车泊位3500个。"), .init(status: .done, reason: "3500个 → 3847个"))
        XCTAssertEqual(read("新增公共停车泊位3100个。", "新增公共停车泊位3500个。").status, .inProgress)
        XCTAssertEqual(read("新增充电桩4000个。", "新增公共停车泊位3500个。").status, .inProgress)
        XCTAssertEqual(read("新建道路2.5公里。", "新建道路2公里。"), .init(status: .done, reason: "2公里 → 2.5公里"))
        XCTAssertEqual(read("新增就业2.4万人。", "新增城镇就业2万人。").status, .inProgress)    // 城镇就业 / 新增就业: no three in common
        XCTAssertEqual(read("城镇新增就业2.4万人。", "城镇新增就业2万人。"), .init(status: .done, reason: "2万人 → 2.4万人"))
        XCTAssertEqual(read("PM2.5浓度为35微克。", "PM2.5浓度控制在38微克以内。").status, .inProgress)
    }
}
