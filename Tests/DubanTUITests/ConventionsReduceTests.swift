import XCTest
import DubanCore
@testable import DubanTUI

/// Issue 12, conv: the `:` command line, `d` for overdue only, the sort by any column and
/// its reversal, through `reduce` without a terminal.
final class ConventionsReduceTests: XCTestCase {
    func state(width: Int = 120, height: Int = 40, readOnly: Bool = false) -> DashboardState {
        let (d, _) = Fixture.dashboard(width: width, height: height, readOnly: readOnly)
        var s = d.state
        s.resize(width: width, height: height)
        return s
    }

    @discardableResult
    func press(_ s: inout DashboardState, _ keys: Key...) -> [Effect] {
        var out: [Effect] = []
        for k in keys { out += reduce(&s, .event(.key(k))) }
        return out
    }

    @discardableResult
    func type(_ s: inout DashboardState, _ text: String) -> [Effect] {
        var out: [Effect] = []
        for c in text { out += reduce(&s, .event(.key(.char(c)))) }
        return out
    }

    func ids(_ s: DashboardState) -> [String] { s.taskList.map { s.store.task(at: $0).id } }

    func commandLine(_ s: DashboardState) -> String? {
        if case .editor(.command, let ed) = s.modal { return ed.text }
        return nil
    }

    func testColonOpensTheCommandLineAndUnitFiltersByAUnitNamePartlyTyped() {
        var s = state()
        press(&s, .char(":"))
        XCTAssertEqual(commandLine(s), "")
        XCTAssertEqual(s.editorPrompt, ":")
        type(&s, "unit 市财政")
        XCTAssertEqual(press(&s, .enter), [])
        XCTAssertEqual(s.modal, .none)
        XCTAssertEqual(s.filter.unit, "市财政局")
        XCTAssertEqual(ids(s), ["t3"], "市财政局 shares t3 only")
        XCTAssertFalse(s.message?.isError ?? true)
    }

    func testTabCompletesCommandNamesThenUnitAndLeaderNames() {
        var s = state()
        press(&s, .char(":"))
        type(&s, "un")
        press(&s, .tab)
        XCTAssertEqual(commandLine(s), "unit ", "a command that takes a name gets its space")
        type(&s, "市人力")
        press(&s, .tab)
        XCTAssertEqual(commandLine(s), "unit 市人力资源和社会保障局")
        press(&s, .escape)
        press(&s, .char(":"))
        type(&s, "leader 李")
        press(&s, .tab)
        XCTAssertEqual(commandLine(s), "leader 李娜")
        press(&s, .enter)
        XCTAssertEqual(s.filter.leader, "李娜")
        XCTAssertEqual(ids(s), ["t3", "t4"])
        // Several matches: the common start, the candidates shown; Tab again moves on.
        press(&s, .char(":"))
        type(&s, "unit 市生")
        press(&s, .tab)
        XCTAssertEqual(commandLine(s), "unit 市生态环境局")
        press(&s, .escape)
        press(&s, .char(":"))
        type(&s, "unit 市")
        press(&s, .tab)
        let first = commandLine(s)
        XCTAssertNotEqual(first, "unit 市", "Tab on a name many units share picks one to go on from")
        XCTAssertTrue(s.message?.text.contains("市财政局") ?? false, "the candidates are shown: \(s.message?.text ?? "")")
        press(&s, .tab)
        XCTAssertNotEqual(commandLine(s), first, "Tab again: the next name")
    }

    func testUnknownCommandsAndBadArgumentsSayWhatIsWrongAndKeepTheLineOpen() {
        var s = state()
        press(&s, .char(":"))
        type(&s, "frobnicate")
        XCTAssertEqual(press(&s, .enter), [])
        XCTAssertEqual(commandLine(s), "frobnicate", "the line stays open to correct it")
        XCTAssertEqual(s.message?.isError, true)
        XCTAssertTrue(s.message?.text.contains("frobnicate") ?? false)
        press(&s, .ctrl("u"))
        type(&s, "unit 不存在的局")
        press(&s, .enter)
        XCTAssertEqual(s.message?.text, s.strings.format(.uiCommandNoUnit, "不存在的局"))
        XCTAssertNil(s.filter.unit)
        press(&s, .ctrl("u"))
        type(&s, "asof 2020-13-45")
        XCTAssertEqual(press(&s, .enter), [])
        XCTAssertEqual(s.message?.text, s.strings.format(.uiCommandBadDate, "2020-13-45"))
        press(&s, .escape)
        XCTAssertEqual(s.modal, .none)
        var en = DashboardState(store: s.store, strings: Strings(.en))
        _ = reduce(&en, .event(.key(.char(":"))))
        for c in "bogus" { _ = reduce(&en, .event(.key(.char(c)))) }
        _ = reduce(&en, .event(.key(.enter)))
        XCTAssertEqual(en.message?.text.hasPrefix("no command \"bogus\""), true, "English: \(en.message?.text ?? "")")
    }

    func testWQAndHelpAreTheBindingTablesActions() {
        var s = state()
        press(&s, .char(":"), .char("w"))
        XCTAssertEqual(press(&s, .enter), [], "nothing to save")
        XCTAssertEqual(s.message?.text, s.strings[.uiNothingToSave])
        press(&s, .char("3"))  // an edit effect only: the store is the loop's
        press(&s, .char(":"), .char("q"), .enter)
        XCTAssertEqual(s.modal, .none, ":q with nothing unsaved quits")
        XCTAssertTrue(s.quitRequested)
        var h = state()
        press(&h, .char(":"))
        type(&h, "help")
        press(&h, .enter)
        XCTAssertEqual(h.modal, .help(offset: 0))
        var r = state(readOnly: true)
        press(&r, .char(":"), .char("w"), .enter)
        XCTAssertEqual(r.message?.text, r.strings[.tuiReadOnlyRefused], ":w read-only is refused as w is")
    }

    func testAsOfJudgesThePlanOnAnotherDayThroughTheLoop() {
        let (d, _) = Fixture.dashboard(width: 120, height: 40)
        XCTAssertEqual(d.state.store.totals.overdue, 2)
        for c in ":asof 2020-12-01" { d.handle(.key(.char(c))) }
        d.handle(.key(.enter))
        XCTAssertEqual(d.state.store.rules.asOf, PlanDate(iso: "2020-12-01"))
        XCTAssertEqual(d.state.store.totals.overdue, 5, "t1 t3 t5 t6 t7 are past their deadlines on 1 December")
        XCTAssertEqual(d.state.message?.text, d.state.strings.format(.uiAsOfChanged, "2020-12-01", 5))
        // With unsaved changes it asks to save first (the new day would lose the undo steps).
        d.handle(.key(.char("3")))
        XCTAssertTrue(d.state.hasUnsavedChanges)
        for c in ":asof 2020-09-01" { d.handle(.key(.char(c))) }
        d.handle(.key(.enter))
        XCTAssertEqual(d.state.store.rules.asOf, PlanDate(iso: "2020-12-01"))
        XCTAssertEqual(d.state.message?.isError, true)
    }

    func testDShowsOnlyOverdueTasksAndAgainAll() {
        var s = state()
        XCTAssertEqual(Bindings.defaults.filter { $0.keys.contains(.char("d")) && [.tasks, .taskEdit, .list, .global].contains($0.context) }.count, 1,
                       "d is bound once along the tasks pane's chain")
        press(&s, .char("d"))
        XCTAssertTrue(s.filter.overdueOnly)
        XCTAssertEqual(ids(s), ["t1", "t5"])
        XCTAssertEqual(s.message?.text, s.strings.format(.uiOverdueOnly, 2))
        press(&s, .char("d"))
        XCTAssertFalse(s.filter.overdueOnly)
        XCTAssertEqual(ids(s).count, 7)
        var c = state()
        press(&c, .char(":"))
        type(&c, "overdue")
        press(&c, .enter)
        XCTAssertEqual(ids(c), ["t1", "t5"], ":overdue is the same action")
    }

    func testSortByEveryColumnAndReverseIt() {
        var s = state()
        func sortBy(_ name: String) {
            press(&s, .char(":"))
            type(&s, "sort " + name)
            press(&s, .enter)
            XCTAssertEqual(s.modal, .none, name)
        }
        sortBy("overdue")
        XCTAssertEqual(s.taskSort, .daysOverdue)
        XCTAssertEqual(Array(ids(s).prefix(2)), ["t1", "t5"], "most days overdue first (t1 63 days, t5 32)")
        sortBy("light")
        XCTAssertEqual(Array(ids(s).prefix(2)), ["t1", "t5"], "red first")
        sortBy("deadline")
        XCTAssertEqual(ids(s), ["t1", "t5", "t4", "t3", "t7", "t6", "t2"])
        press(&s, .char("O"))
        XCTAssertTrue(s.taskSortReversed)
        XCTAssertEqual(ids(s), ["t2", "t6", "t7", "t3", "t4", "t5", "t1"], "O turns it round")
        sortBy("unit")
        XCTAssertFalse(s.taskSortReversed, "a new sort starts the natural way round")
        let units = s.taskList.map { s.store.task(at: $0).leadUnits.first ?? "" }
        XCTAssertEqual(units, units.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
        sortBy("status")
        XCTAssertEqual(s.store.task(at: s.taskList[0]).status, .lagging)
        sortBy("number")
        XCTAssertEqual(ids(s), ["t1", "t2", "t3", "t4", "t5", "t6", "t7"])
        press(&s, .char(":"))
        type(&s, "sort colour")
        press(&s, .enter)
        XCTAssertEqual(s.message?.text, s.strings.format(.uiCommandBadSort, "colour"))
        // o cycles through all of them, each once.
        var c = state()
        var seen: [TaskSort] = []
        for _ in TaskSort.allCases { press(&c, .char("o")); seen.append(c.taskSort) }
        XCTAssertEqual(Set(seen), Set(TaskSort.allCases))
    }

    func testTheSortIsShownInTheHeaderWithItsDirection() {
        let (d, term) = Fixture.dashboard(width: 120, height: 30)
        d.state.resize(width: 120, height: 30)
        for c in ":sort deadline" { d.handle(.key(.char(c))) }
        d.handle(.key(.enter))
        term.present(Renderer.render(d.state), force: true)
        var screen = term.screen
        XCTAssertTrue(screen.contains("完成时限↓"), screen)
        d.handle(.key(.char("O")))
        term.present(Renderer.render(d.state), force: true)
        screen = term.screen
        XCTAssertTrue(screen.contains("完成时限↑"), screen)
        XCTAssertFalse(screen.contains("完成时限↓"))
    }
}

extension ConventionsReduceTests {
    func testDoneWithANoteIsTheStatusAndTheNoteEdits() throws {
        var s = state()
        let id = s.store.task(at: try XCTUnwrap(s.selectedTask)).id
        press(&s, .char(":"))
        type(&s, "done 已验收")
        let effects = press(&s, .enter)
        XCTAssertEqual(effects, [.edit(Edit(taskID: id, command: .setStatus(.done), date: Fixture.asOf, author: s.author)),
                                 .edit(Edit(taskID: id, command: .addNote("已验收"), date: Fixture.asOf, author: s.author))])
        var r = state(readOnly: true)
        press(&r, .char(":"))
        type(&r, "done x")
        XCTAssertEqual(press(&r, .enter), [])
        XCTAssertEqual(r.message?.text, r.strings[.tuiReadOnlyRefused])
    }
}
