import XCTest
@testable import DubanImport
import DubanCore

/// The trace: what each source line became, for the review screen.
final class TraceTests: XCTestCase {
    func testOutlineLinesAreMarkedWithTheirRoles() throws {
        let text = """
        示范市2021年重点工作任务分解
        一、做好总体工作
        1.坚持创新驱动发展战略，
        获批国家高新区。
        牵头负责领导：张三
        牵头单位：市科技局
        配合单位：市财政局
        完成时限：6月底前

        这一行说明不了什么
        2.推进就业创业。
        责任单位：市人社局
        """
        let r = try importText(text, year: 2021)
        XCTAssertEqual(r.plan.tasks.count, 2)
        let byLine = Dictionary(uniqueKeysWithValues: r.trace.map { ($0.line, $0) })
        XCTAssertEqual(r.trace.map(\.line), Array(1...12))
        XCTAssertEqual(byLine[1]?.kind, .ignored)
        XCTAssertEqual(byLine[2]?.kind, .chapter)
        XCTAssertEqual(byLine[2]?.chapterID, "c1")
        XCTAssertEqual(byLine[3]?.kind, .task)
        XCTAssertEqual(byLine[3]?.taskID, "t1")
        XCTAssertEqual(byLine[4]?.kind, .continuation)
        XCTAssertEqual(byLine[4]?.taskID, "t1")
        XCTAssertEqual(byLine[5]?.kind, .leaders)
        XCTAssertEqual(byLine[6]?.kind, .units)
        XCTAssertEqual(byLine[7]?.kind, .units)
        XCTAssertEqual(byLine[8]?.kind, .deadline)
        XCTAssertEqual(byLine[8]?.taskID, "t1")
        XCTAssertEqual(byLine[9]?.kind, .blank)
        XCTAssertEqual(byLine[10]?.kind, .ignored)
        XCTAssertNil(byLine[10]?.taskID)
        XCTAssertEqual(byLine[11]?.kind, .task)
        XCTAssertEqual(byLine[11]?.taskID, "t2")
        XCTAssertEqual(byLine[12]?.kind, .units)
        XCTAssertEqual(byLine[12]?.text, "责任单位：市人社局")
    }

    func testEveryTaskOfASeedHasItsTaskLine() throws {
        for seed in ["000", "001", "003", "004"] {
            let r = try Seeds.result(seed)
            let taskLines = Set(r.trace.filter { $0.kind == .task }.compactMap(\.taskID))
            XCTAssertEqual(taskLines.count, r.plan.tasks.count, "seed \(seed)")
            XCTAssertTrue(r.trace.contains { $0.kind == .units }, "seed \(seed)")
        }
    }
}
