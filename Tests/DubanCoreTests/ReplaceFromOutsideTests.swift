import XCTest
import DubanCore

/// issue 15, pgtui: `PlanStore.replaceFromOutside` (a task another inspector changed, taken
/// from the shared plan) leaves every index and count as a store built on the changed plan
/// would have them, and the undo stack and unsaved state as they were.
final class ReplaceFromOutsideTests: XCTestCase {
    func testCountsAndIndexesFollowButUndoAndDirtyDoNot() throws {
        let s = Fixture.store()
        try s.apply(Edit(taskID: "t2", command: .setProgress(30), date: Fixture.asOf))
        s.markSaved()
        let undoBefore = s.undoStack.count
        var t1 = s.task(at: 0)
        t1.status = .done
        t1.progress = 100
        t1.text = "外部修改 zebra"
        t1.leadUnits = ["市财政局"]
        XCTAssertEqual(s.replaceFromOutside(t1), 0)

        var plan = Fixture.plan
        plan.tasks[0] = t1
        plan.tasks[1] = s.task(at: 1)
        let fresh = PlanStore(plan: plan, rules: s.rules)
        XCTAssertEqual(s.unitTallies, fresh.unitTallies)
        XCTAssertEqual(s.leaderTallies, fresh.leaderTallies)
        XCTAssertEqual(s.chapterTallies, fresh.chapterTallies)
        XCTAssertEqual(s.statusCounts, fresh.statusCounts)
        XCTAssertEqual(s.totals, fresh.totals)
        XCTAssertEqual(s.assessments, fresh.assessments)
        XCTAssertEqual(s.query(TaskFilter(text: "zebra")), [0], "the search sees the new text")
        XCTAssertEqual(s.query(TaskFilter(statuses: [.done])), fresh.query(TaskFilter(statuses: [.done])))
        XCTAssertEqual(s.query(TaskFilter(unit: "市财政局")), fresh.query(TaskFilter(unit: "市财政局")))
        XCTAssertEqual(s.undoStack.count, undoBefore, "no undo step")
        XCTAssertFalse(s.isDirty, "nothing unsaved")
        XCTAssertNil(s.replaceFromOutside(PlanTask(id: "nope", text: "x")), "no such task: nothing changed")
    }
}
