import XCTest
import DubanCore
@testable import DubanTUI

/// issue 14, sheetsdash: `duban merge … --resolve` in the dashboard, without a terminal:
/// the merge's changes one step, its conflicts one by one (keep the plan's, take a
/// sheet's, skip), the chosen values joined to the same undo step.
final class MergeConflictsTests: XCTestCase {
    let d = Fixture.asOf
    func e(_ id: String, _ c: EditCommand, _ unit: String) -> Edit { Edit(taskID: id, command: c, date: d, author: unit, period: "2020-08") }

    /// One plain change (t3 progress 30 from 市发改委); t1's status changed by two sheets;
    /// t5's progress changed in the plan and in a sheet.
    var merge: PendingMerge {
        PendingMerge(sources: ["a.xlsx", "b.xlsx"], edits: [e("t3", .setProgress(30), "市发改委")], conflicts: [
            MergeConflict(taskID: "t1", number: "1", field: "状态", exported: "推进中",
                          plan: ConflictSide(source: "计划现在", value: "推进中", who: "张三", when: "2020-05-01"),
                          sheets: [ConflictSide(source: "a.xlsx 台账!G4", value: "已完成", who: "市人社局", when: "2020-08", edit: e("t1", .setStatus(.done), "市人社局")),
                                   ConflictSide(source: "b.xlsx 台账!G4", value: "滞后", who: "市财政局", when: "2020-08", edit: e("t1", .setStatus(.lagging), "市财政局"))]),
            MergeConflict(taskID: "t5", number: "5", field: "进度", exported: "10%",
                          plan: ConflictSide(source: "计划现在", value: "20%"),
                          sheets: [ConflictSide(source: "a.xlsx 台账!H6", value: "50%", who: "市生态环境局", when: "2020-08", edit: e("t5", .setProgress(50), "市生态环境局"))]),
        ])
    }

    func state() -> DashboardState {
        let (dash, _) = Fixture.dashboard(width: 120, height: 40)
        var s = dash.state
        s.resize(width: 120, height: 40)
        return s
    }

    func press(_ s: inout DashboardState, _ keys: Key...) -> [Effect] {
        var out: [Effect] = []
        for k in keys { out += reduce(&s, .event(.key(k))) }
        return out
    }

    func conflicts(_ s: DashboardState) -> ConflictsState? {
        if case .conflicts(let st) = s.modal { return st }
        return nil
    }

    func testTheMergeOpensWithItsChangesAsOneEditAndTheFirstConflictShown() throws {
        var s = state()
        XCTAssertEqual(s.startMerge(merge), [.editAll([e("t3", .setProgress(30), "市发改委")])])
        let st = try XCTUnwrap(conflicts(s))
        XCTAssertEqual(st.index, 0)
        XCTAssertEqual(st.current.taskID, "t1")
        XCTAssertEqual(s.keyChain, [.conflicts], "the dialog's own keys, nothing behind it")
        XCTAssertTrue(s.message?.text.contains("1 处改动") ?? false, s.message?.text ?? "")
        XCTAssertEqual(press(&s, .char("3")), [], "a status key does not reach the task behind the dialog")
    }

    func testKeysChooseEachConflictAndTheChoicesBecomeOneEditAll() throws {
        var s = state()
        _ = s.startMerge(merge)
        // The second sheet of t1 (→ moves the cursor), taken; then back to change it.
        XCTAssertEqual(press(&s, .right), [])
        XCTAssertEqual(conflicts(s)?.sheet, 1)
        XCTAssertEqual(press(&s, .char("t")), [])
        XCTAssertEqual(conflicts(s)?.index, 1)
        XCTAssertEqual(press(&s, .char("b")), [])
        XCTAssertEqual(conflicts(s)?.index, 0)
        XCTAssertEqual(conflicts(s)?.sheet, 1, "back on a conflict, the cursor is where it was chosen")
        XCTAssertEqual(conflicts(s)?.choices, [.sheet(1), nil])
        XCTAssertEqual(press(&s, .left, .char("t")), [])
        // t5: keep the plan's 20%: a note in t5's history names the sheet value not taken.
        let effects = press(&s, .char("p"))
        guard case .editAll(let edits)? = effects.first, effects.count == 1 else { return XCTFail("\(effects)") }
        XCTAssertEqual(edits.count, 2)
        XCTAssertEqual(edits[0], e("t1", .setStatus(.done), "市人社局"))
        XCTAssertEqual(edits[1].taskID, "t5")
        guard case .addNote(let note) = edits[1].command else { return XCTFail("\(edits[1])") }
        XCTAssertTrue(note.contains("20%") && note.contains("a.xlsx 台账!H6") && note.contains("50%"), note)
        XCTAssertEqual(s.modal, .none)
        XCTAssertTrue(s.message?.text.contains("采用表格 1 处，保留计划 1 处，跳过 0 处") ?? false, s.message?.text ?? "")
    }

    func testSkipAndEscapeChangeNothingForTheRest() {
        var s = state()
        _ = s.startMerge(merge)
        XCTAssertEqual(press(&s, .char("x")), [])
        XCTAssertEqual(press(&s, .escape), [], "everything skipped: no edit at all")
        XCTAssertEqual(s.modal, .none)
        XCTAssertTrue(s.message?.text.contains("跳过 2 处") ?? false, s.message?.text ?? "")
    }

    func testReadOnlyRefusesTheMerge() {
        let (dash, _) = Fixture.dashboard(width: 120, height: 40, readOnly: true)
        var s = dash.state
        XCTAssertEqual(s.startMerge(merge), [])
        XCTAssertEqual(s.modal, .none)
        XCTAssertEqual(s.message?.isError, true)
    }

    func testTheWholeMergeIsOneUndoStep() throws {
        let (dash, _) = Fixture.dashboard(width: 120, height: 40)
        dash.state.resize(width: 120, height: 40)
        dash.run(effects: dash.state.startMerge(merge))
        XCTAssertEqual(dash.state.store.task(at: 2).progress, 30, "the change is applied before the conflicts are asked")
        dash.handle(.key(.char("t")))   // t1: a.xlsx's 已完成
        dash.handle(.key(.char("t")))   // t5: 50%
        XCTAssertEqual(dash.state.modal, .none)
        XCTAssertEqual(dash.state.store.task(at: 0).status, .done)
        XCTAssertEqual(dash.state.store.task(at: 0).history.last?.author, "市人社局")
        XCTAssertEqual(dash.state.store.task(at: 0).history.last?.period, "2020-08")
        XCTAssertEqual(dash.state.store.task(at: 4).progress, 50)
        XCTAssertEqual(dash.state.undoGroups, [3])
        // One u takes the whole merge back; one C-r makes it again.
        dash.handle(.key(.char("u")))
        XCTAssertEqual(dash.state.store.task(at: 2).progress, 0)
        XCTAssertEqual(dash.state.store.task(at: 0).status, .inProgress)
        XCTAssertEqual(dash.state.store.task(at: 4).progress, 20)
        XCTAssertFalse(dash.state.hasUnsavedChanges)
        dash.handle(.key(.ctrl("r")))
        XCTAssertEqual(dash.state.store.task(at: 2).progress, 30)
        XCTAssertEqual(dash.state.store.task(at: 0).status, .done)
        XCTAssertEqual(dash.state.store.task(at: 4).progress, 50)
        // A later edit is a step of its own.
        dash.handle(.key(.char("3")))
        XCTAssertEqual(dash.state.undoGroups, [3, 1])
    }

    func testTheDialogDrawsBothSidesWithWhoAndWhen() throws {
        let (dash, _) = Fixture.dashboard(width: 120, height: 40)
        dash.state.resize(width: 120, height: 40)
        dash.run(effects: dash.state.startMerge(merge))
        let screen = dash.frame().lines.joined(separator: "\n")
        for t in ["合并冲突 1/2", "推进中", "已完成", "滞后", "a.xlsx 台账!G4", "b.xlsx 台账!G4", "市人社局", "张三", "导出时：推进中"] {
            XCTAssertTrue(screen.contains(t), "\(t) missing:\n\(screen)")
        }
    }
}
