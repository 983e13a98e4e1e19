import XCTest
import DubanCore
@testable import DubanTUI

/// `reduce` without a terminal or a file: an input in, the state and the effects out.
/// The store is never changed by `reduce` (its revision stays); effects do that.
final class ReduceTests: XCTestCase {
    func state(width: Int = 120, height: Int = 40, readOnly: Bool = false, savePath: String? = "plan.json") -> DashboardState {
        let (d, _) = Fixture.dashboard(width: width, height: height, readOnly: readOnly, savePath: savePath)
        var s = d.state
        s.resize(width: width, height: height)
        return s
    }

    func press(_ s: inout DashboardState, _ keys: Key...) -> [Effect] {
        var out: [Effect] = []
        for k in keys { out += reduce(&s, .event(.key(k))) }
        return out
    }

    func testAStatusKeyIsAnEditEffectAndTheStoreIsUntouched() throws {
        var s = state()
        let task = try XCTUnwrap(s.selectedTask)
        let id = s.store.task(at: task).id
        let revision = s.store.revision
        let effects = press(&s, .char("3"))
        XCTAssertEqual(effects, [.edit(Edit(taskID: id, command: .setStatus(.done), date: Fixture.asOf, author: s.author))])
        XCTAssertEqual(s.store.revision, revision, "reduce changes no store")
        XCTAssertFalse(s.hasUnsavedChanges)
    }

    func testTheProgressEditorStartsWithTheOldValueSelectedSoTypingReplacesIt() throws {
        var s = state()
        let i = try XCTUnwrap(s.selectedTask)
        XCTAssertEqual(s.store.task(at: i).progress, 40)
        XCTAssertEqual(press(&s, .char("p")), [])
        guard case .editor(.progress, let ed) = s.modal else { return XCTFail("the progress editor: \(s.modal)") }
        XCTAssertEqual(ed.text, "40")
        XCTAssertTrue(ed.isSelected)
        XCTAssertEqual(press(&s, .char("7"), .char("0")), [])
        guard case .editor(_, let typed) = s.modal else { return XCTFail("still editing") }
        XCTAssertEqual(typed.text, "70", "typing replaced the old value (not 4070)")
        let effects = press(&s, .enter)
        XCTAssertEqual(effects, [.edit(Edit(taskID: s.store.task(at: i).id, command: .setProgress(70), date: Fixture.asOf, author: s.author))])
        XCTAssertEqual(s.modal, .none)
        // A move first keeps the value: the cursor goes to it, typing appends.
        _ = press(&s, .char("p"), .left, .char("5"))
        guard case .editor(_, let moved) = s.modal else { return XCTFail("editing") }
        XCTAssertEqual(moved.text, "450")
    }

    func testReadOnlyRefusesEditsAndSaveInOnePlace() {
        var s = state(readOnly: true)
        for k in [Key.char("3"), .char("p"), .char("w"), .char("u")] {
            XCTAssertEqual(press(&s, k), [], "\(k.name) does nothing read-only")
            XCTAssertEqual(s.modal, .none)
            XCTAssertEqual(s.message?.text, s.strings[.tuiReadOnlyRefused], k.name)
        }
        XCTAssertFalse(s.hintBindings().contains { $0.action == .save || $0.action.isEdit }, "no w 保存, no edit keys")
        let help = s.helpLines().filter { $0.0.hasPrefix("w") }
        XCTAssertTrue(help.allSatisfy { $0.1.contains(s.strings[.tuiDisabledReadOnly]) }, "\(help)")
    }

    func testSaveWithNothingUnsavedSaysSoAndWritesNothing() {
        var s = state()
        XCTAssertEqual(press(&s, .char("w")), [], "no save effect: nothing to save (no changed-on-disk box)")
        XCTAssertEqual(s.message?.text, s.strings[.uiNothingToSave])
        XCTAssertEqual(s.modal, .none)
        // A plan with no file yet still asks for a name.
        var demo = state(savePath: nil)
        XCTAssertEqual(press(&demo, .char("w")), [])
        guard case .editor(.saveAs(thenQuit: false), _) = demo.modal else { return XCTFail("asks a name: \(demo.modal)") }
    }

    func testTheChangedOnDiskDialogAnswersAreActionsAndAMergeIsFollowedByASave() {
        var s = state()
        s.session = SessionFacts(path: "plan.json")
        XCTAssertEqual(reduce(&s, .outcome(.changedOnDisk(thenQuit: false))), [])
        XCTAssertEqual(s.modal, .dialog(DialogState(kind: .changedOnDisk(thenQuit: false))))
        XCTAssertEqual(s.keyChain, [.changed, .dialog])
        let hints = s.hintBindings().map { s.keymap.label($0) + " " + s.strings[text: $0.hint ?? $0.help] }
        XCTAssertEqual(Array(hints.prefix(4)), ["m 合并", "r 重新载入", "s 另存", "c 取消"], "the dialog's own keys in the hint line")
        XCTAssertFalse(hints.contains { $0.contains("Space") || $0.contains("移动") }, "\(hints)")
        XCTAssertEqual(press(&s, .char("m")), [.merge(thenQuit: false)])
        XCTAssertEqual(s.modal, .none)
        let merged = PlanStore(plan: s.store.plan, rules: s.store.rules, strings: s.strings)
        XCTAssertEqual(reduce(&s, .outcome(.merged(store: merged, replayed: 1, skipped: [], thenQuit: false))),
                       [.save(path: "plan.json", thenQuit: false, merged: 1)])
        XCTAssertTrue(s.store === merged, "the merged store is in place")
        // Arrows and Enter pick the same answers.
        _ = reduce(&s, .outcome(.changedOnDisk(thenQuit: true)))
        XCTAssertEqual(press(&s, .down, .down, .enter), [.suggestElsewhere(thenQuit: true)])
    }

    func testQuitQuestionAndDiscard() {
        var s = state()
        // An unsaved change (as an effect would make it), then q.
        let i = s.selectedTask ?? 0
        _ = try? s.store.apply(Edit(taskID: s.store.task(at: i).id, command: .setStatus(.done), date: Fixture.asOf))
        XCTAssertEqual(press(&s, .char("q")), [])
        XCTAssertEqual(s.modal, .confirmQuit)
        let hints = s.hintBindings().map { s.keymap.label($0) }
        XCTAssertEqual(hints, ["y", "n", "c"], "the quit box says the same keys")
        XCTAssertEqual(press(&s, .char("n")), [.discardJournalOnClose, .quit(0)])
        XCTAssertTrue(s.quitRequested)
    }

    func testTheFilterMenuScrollsAt40x10AndSpaceTogglesTheItemShown() {
        var s = state(width: 40, height: 10)
        _ = press(&s, .char("f"))
        guard case .filterMenu = s.modal else { return XCTFail("the menu") }
        let rows = s.filterMenuRows
        XCTAssertLessThan(rows, DashboardState.FilterItem.allCases.count, "the menu is taller than the screen")
        for n in 1...DashboardState.FilterItem.allCases.count + 2 {
            _ = press(&s, .down)
            guard case .filterMenu(let ls) = s.modal else { return XCTFail("the menu") }
            XCTAssertTrue(ls.selected >= ls.offset && ls.selected < ls.offset + rows, "step \(n): cursor \(ls.selected) shown in \(ls.offset)..<\(ls.offset + rows)")
        }
        // Back to the top, then down to 责任单位 (the ninth item): Space opens the unit picker.
        _ = press(&s, .escape, .char("f"))
        for _ in 0..<8 { _ = press(&s, .down) }
        _ = press(&s, .char(" "))
        guard case .picker(let ps) = s.modal else { return XCTFail("the unit picker: \(s.modal)") }
        XCTAssertEqual(ps.kind, .unit)
        XCTAssertEqual(s.keyChain, [.picker, .editor])
    }

    func testSlashNarrowsTheFocusedListAndEscRestoresIt() {
        var s = state()
        _ = press(&s, .tab, .tab)
        XCTAssertEqual(s.focus, .workload)
        let all = s.workloadRows.count
        _ = press(&s, .char("/"))
        for c in "水务" { _ = reduce(&s, .event(.key(.char(c)))) }
        XCTAssertEqual(s.workloadRows.map(\.name), ["市水务局"], "narrowed as typed")
        XCTAssertEqual(press(&s, .enter), [])
        XCTAssertEqual(s.narrowing[.workload], "水务")
        _ = press(&s, .enter)
        XCTAssertEqual(s.focus, .tasks)
        XCTAssertEqual(s.filter.unit, "市水务局")
        // Esc in the tasks pane goes back to the narrowed pane; Esc there shows every unit.
        _ = press(&s, .escape)
        XCTAssertEqual(s.focus, .workload)
        _ = press(&s, .escape)
        XCTAssertEqual(s.workloadRows.count, all)
        // In the chapters pane: the chapters whose title holds the text, the first selected.
        _ = press(&s, .backTab, .backTab, .backTab)
        XCTAssertEqual(s.focus, .chapters)
        _ = press(&s, .char("/"))
        for c in "生态" { _ = reduce(&s, .event(.key(.char(c)))) }
        XCTAssertEqual(s.chapterRows.count, 2, "the all row and 生态环境保护")
        XCTAssertEqual(s.scope, .chapter("c2"))
        XCTAssertEqual(s.taskList.count, 2)
    }

    func testSpaceMarksRowsAndAStatusKeyChangesEveryMarkedTaskInOneStep() throws {
        let (d, _) = Fixture.dashboard(width: 120, height: 40)
        d.state.resize(width: 120, height: 40)
        d.handle(.key(.char(" ")))  // marks task 1, moves to task 2
        d.handle(.key(.char(" ")))  // marks task 2
        XCTAssertEqual(d.state.marked, ["t1", "t2"])
        var s = d.state
        let effects = press(&s, .char("4"))
        XCTAssertEqual(effects, [.editAll([Edit(taskID: "t1", command: .setStatus(.lagging), date: Fixture.asOf, author: s.author),
                                           Edit(taskID: "t2", command: .setStatus(.lagging), date: Fixture.asOf, author: s.author)])])
        d.handle(.key(.char("4")))
        XCTAssertEqual(d.state.store.task(at: 0).status, .lagging)
        XCTAssertEqual(d.state.store.task(at: 1).status, .lagging)
        XCTAssertEqual(d.state.unsavedCount, 2)
        // One undo step takes both back; one redo makes both again.
        d.handle(.key(.char("u")))
        XCTAssertEqual(d.state.store.task(at: 0).status, .inProgress)
        XCTAssertEqual(d.state.store.task(at: 1).status, .inProgress)
        d.handle(.key(.ctrl("r")))
        XCTAssertEqual(d.state.store.task(at: 0).status, .lagging)
        XCTAssertEqual(d.state.store.task(at: 1).status, .lagging)
        // A note goes to every marked task too; Esc clears the marks.
        d.handle(.key(.char("a")))
        for c in "已督办" { d.handle(.key(.char(c))) }
        d.handle(.key(.enter))
        XCTAssertEqual(d.state.store.task(at: 0).history.last?.note, "已督办")
        XCTAssertEqual(d.state.store.task(at: 1).history.last?.note, "已督办")
        d.handle(.key(.escape))
        XCTAssertTrue(d.state.marked.isEmpty)
        let effects2 = press(&s, .escape, .char("3"))
        XCTAssertEqual(effects2.count, 1)
    }

    func testRenderChangesNothing() {
        var s = state(width: 100, height: 30)
        _ = press(&s, .tab)  // the detail pane
        let before = (s.detailOffset, s.taskListState, s.detailLayoutObject?.unitsLaidOut, s.detailLayoutObject?.knownCount)
        let a = Renderer.render(s), b = Renderer.render(s)
        XCTAssertEqual(a.lines, b.lines)
        let after = (s.detailOffset, s.taskListState, s.detailLayoutObject?.unitsLaidOut, s.detailLayoutObject?.knownCount)
        XCTAssertEqual(before.0, after.0); XCTAssertEqual(before.1, after.1)
        XCTAssertEqual(before.2, after.2, "drawing laid out nothing more"); XCTAssertEqual(before.3, after.3)
        // The editor's scroll is kept in the state, not found again by drawing.
        _ = press(&s, .char("/"))
        for c in "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十" {
            _ = reduce(&s, .event(.key(.char(c))))
        }
        guard case .editor(_, let ed) = s.modal else { return XCTFail("editing") }
        XCTAssertGreaterThan(ed.scroll, 0, "scrolled so the cursor shows")
    }
}

/// The dashboard's own strings table (UIKey): every key in both languages, and no name
/// shared with the core's table (so `s[.key]` always finds one table).
final class UIStringsTests: XCTestCase {
    func testEveryDashboardTextIsInBothLanguagesAndNamedOnce() {
        let core = Set(Strings.Key.allCases.map(\.rawValue))
        for k in UIKey.allCases {
            XCTAssertFalse(Strings(.zh)[k].isEmpty, "\(k) zh")
            XCTAssertFalse(Strings(.en)[k].isEmpty, "\(k) en")
            XCTAssertFalse(core.contains(k.rawValue), "\(k) is in both tables")
        }
        XCTAssertGreaterThan(UIKey.allCases.count, 194, "the dashboard's words live in its own table")
        XCTAssertFalse(Strings.Key.allCases.contains { $0.rawValue.hasPrefix("tui") || $0.rawValue.hasPrefix("hint") },
                       "no dashboard-only key left in the core")
    }
}
