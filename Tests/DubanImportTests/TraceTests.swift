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

/// Every task says where it came from; the summary names the reader's own layout.
final class OriginAndLayoutTests: XCTestCase {
    func testEachNoticeNamesItsOwnLayout() throws {
        XCTAssertEqual(try Notices.result("01").layout, .scoreTable)
        XCTAssertEqual(try Notices.result("02").layout, .outline)
        XCTAssertEqual(try Notices.result("03").layout, .rowPerLine)
        XCTAssertEqual(try Notices.result("04").layout, .pipeCells)
        XCTAssertEqual(try Notices.result("05").layout, .flatTable)
        XCTAssertEqual(try Seeds.result("003").layout, .completionTable)
        XCTAssertEqual(try Seeds.result("004").layout, .numberedItems)
        let tabbed = try importText("某市2021年重点工作\n序号\t工作任务\t牵头单位\t配合单位\n1\t建设城市公园\t市园林局\t市财政局\n2\t改造老旧小区\t市住建局\t\n", year: 2021)
        XCTAssertEqual(tabbed.layout, .tabbedRows)
        XCTAssertTrue(tabbed.report(file: "x.txt").contains("cells split by tabs"))
    }

    func testEveryTaskHasItsSourceLine() throws {
        let r = try Seeds.result("001")
        XCTAssertTrue(r.plan.tasks.allSatisfy { $0.origin?.line != nil && $0.origin?.table == nil })
        // The line named holds the task's opening words.
        let lines = try String(contentsOfFile: Seeds.path("001")!, encoding: .utf8).components(separatedBy: "\n")
        for t in r.plan.tasks.prefix(20) {
            let l = lines[t.origin!.line! - 1]
            XCTAssertTrue(l.contains(String(t.text.prefix(4))), "\(t.id) line \(t.origin!.line!): \(l) / \(t.text)")
        }
        let r5 = try Notices.result("05")
        XCTAssertEqual(r5.plan.tasks[0].origin?.line, r5.trace.first { $0.taskID == "t1" && $0.kind == .task }?.line)
    }
}
