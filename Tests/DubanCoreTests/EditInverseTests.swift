import XCTest
@testable import DubanCore

/// `EditCommand.inverse(before:)` and `isReport`: the rules a shared plan's undo and a
/// unit's login stand on, tested without a screen or a server.
final class EditInverseTests: XCTestCase {
    let day = PlanDate(year: 2020, month: 6, day: 1)!

    func task() -> PlanTask {
        var t = PlanTask(id: "t1", number: "1", text: "建成智慧教育平台", leadUnits: ["甲局"], coUnits: ["乙局"])
        t.leaders = ["张三"]
        t.remarks = "原备注"
        t.deadline = PlanDate(year: 2020, month: 9, day: 30)!
        t.status = .inProgress
        t.progress = 40
        return t
    }

    /// Each field's change, then its inverse, gives that field back as it was.
    func testAnInverseTakesTheChangeBack() throws {
        let t = task()
        let changes: [(EditCommand, (PlanTask) -> String)] = [
            (.setStatus(.lagging), { "\($0.status)" }), (.setProgress(80), { "\($0.progress)" }),
            (.setDeadline(PlanDate(year: 2020, month: 12, day: 31)!), { "\(String(describing: $0.deadline))" }),
            (.setText("建成智慧教育平台二期"), { $0.text }), (.setUnits(lead: ["丙局"], co: []), { "\($0.leadUnits)\($0.coUnits)" }),
            (.setLeaders(["李四"]), { "\($0.leaders)" }), (.setRemarks("新备注"), { $0.remarks }),
        ]
        for (c, field) in changes {
            let changed = try XCTUnwrap(try t.applying(Edit(taskID: "t1", command: c, date: day)), "\(c) changed nothing")
            XCTAssertNotEqual(field(changed), field(t), "\(c)")
            let inverse = try XCTUnwrap(c.inverse(before: t), "\(c) has no inverse")
            let back = try XCTUnwrap(try changed.applying(Edit(taskID: "t1", command: inverse, date: day)), "\(inverse) changed nothing")
            XCTAssertEqual(field(back), field(t), "\(c)")
        }
    }

    func testANoteHasNoInverseAndOnlyReportsAreReports() {
        XCTAssertNil(EditCommand.addNote("已开工").inverse(before: task()))
        XCTAssertTrue(EditCommand.addNote("已开工").isReport)
        XCTAssertTrue(EditCommand.setProgress(50).isReport)
        XCTAssertTrue(EditCommand.setStatus(.done).isReport)
        XCTAssertFalse(EditCommand.setText("改").isReport)
        XCTAssertFalse(EditCommand.setUnits(lead: ["丙局"], co: []).isReport)
    }
}
