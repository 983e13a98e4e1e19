import XCTest
@testable import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard wired to the journal, without a terminal: the same state and keys as in
/// tmux (ReliabilityEndToEndTests), for what a real terminal cannot easily stage (a
/// journal that stops being writable) and for each answer of the dialogs.
final class ReliabilityDashboardTests: PlanFolderTestCase {
    override class var folderPrefix: String { "duban-reldash" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        CellWidth.setUpLocale()
    }

    func dashboard(_ path: String? = nil, readOnly: Bool = false) throws -> Dashboard {
        let session = try PlanSession.open(path: path ?? planPath, readOnly: readOnly)
        var o = DashboardOptions(asOf: Fixture.asOf, theme: "default", configPath: nil, environment: [:])
        o.configPath = nil
        let d = Dashboard(session: session, options: o)
        d.state.resize(width: 120, height: 40)
        return d
    }

    func press(_ d: Dashboard, _ keys: Key...) { for k in keys { _ = d.handle(.key(k)) } }
    func type(_ d: Dashboard, _ text: String) { for c in text { _ = d.handle(.key(.char(c))) } }
    func screen(_ d: Dashboard) -> String { Renderer.render(d.state).lines.joined(separator: "\n") }
    func journalLines() -> [String] {
        ((try? String(contentsOfFile: planPath + ".journal", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// A session that ends as a killed one does: the journal's lock released, nothing closed.
    func killedSession(_ edits: (Dashboard) -> Void) throws {
        let d = try dashboard()
        edits(d)
        d.session?.journal?.debugReplaceDescriptor(-1)
    }

    // MARK: every edit through the journal

    func testEveryEditUndoAndRedoIsJournaledBeforeItShows() throws {
        let d = try dashboard()
        XCTAssertEqual(journalLines().count, 1, "a header only")
        press(d, .char("3"))
        XCTAssertEqual(journalLines().count, 2)
        XCTAssertTrue(journalLines()[1].contains("\"op\": \"edit\""), journalLines()[1])
        press(d, .char("p"), .ctrl("u"))
        type(d, "55")
        press(d, .enter)
        press(d, .char("e"), .ctrl("u"))
        type(d, "2020-12-01")
        press(d, .enter)
        press(d, .char("a"))
        type(d, "推进会")
        press(d, .enter)
        press(d, .char("u"), .ctrl("r"))
        let ops = journalLines().dropFirst().map { $0.contains("\"op\": \"undo\"") ? "undo" : $0.contains("\"op\": \"redo\"") ? "redo" : "edit" }
        XCTAssertEqual(ops, ["edit", "edit", "edit", "edit", "undo", "redo"])
        guard case .pending(6, true, _) = Journal.status(planPath: planPath) else {
            return XCTFail("a running duban's unsaved changes: \(Journal.status(planPath: planPath))")
        }
        press(d, .char("w"))
        XCTAssertEqual(journalLines().count, 1, "a save empties the journal")
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].progress, 55)
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].history.last?.note, "推进会")
    }

    func testAnEditTheJournalCannotRecordIsRefusedVisiblyAndChangesNothing() throws {
        let d = try dashboard()
        let before = d.state.store.plan
        d.session?.journal?.debugReplaceDescriptor(-1)
        for k: Key in [.char("3"), .char("s")] {
            press(d, k)
            XCTAssertEqual(d.state.store.plan, before, "key \(k) changed nothing")
            XCTAssertFalse(d.state.hasUnsavedChanges)
            let m = d.state.message
            XCTAssertEqual(m?.isError, true)
            XCTAssertTrue(m?.text.hasPrefix("修改未做，日志写不进：\(planPath).journal：修改写不进日志") ?? false, m?.text ?? "")
            XCTAssertTrue(screen(d).contains("修改未做，日志写不进"), screen(d))
        }
    }

    func testQuittingWithoutSavingSetsTheJournalAsideAndWithNothingUnsavedRemovesIt() throws {
        let d = try dashboard()
        let t = MemoryTerminal(width: 100, height: 30)
        t.type(.char("3"), .char("q"), .char("n"))
        XCTAssertEqual(d.run(on: t), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: planPath + ".journal"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: planPath + ".journal.discarded"))
        XCTAssertEqual(Journal.status(planPath: planPath), .clear)
    }

    func testEndOfInputWithUnsavedEditsKeepsThemForNextTime() throws {
        let d = try dashboard()
        let t = MemoryTerminal(width: 100, height: 30)
        t.type(.char("3"))
        _ = d.run(on: t)
        guard case .pending(1, false, _) = Journal.status(planPath: planPath) else {
            return XCTFail("kept: \(Journal.status(planPath: planPath))")
        }
    }

    // MARK: recovery

    func testTheRecoveryDialogReplaysExactly() throws {
        try killedSession { d in press(d, .char("3"), .char("j"), .char("4"), .char("u")) }
        let d = try dashboard()
        guard case .dialog(let dialog) = d.state.modal, dialog.kind == .recover else { return XCTFail("\(d.state.modal)") }
        let s = screen(d)
        XCTAssertTrue(s.contains("日志中有3处修改"), s)
        XCTAssertTrue(s.contains("[1] 状态：推进中 → 已完成"), s)
        XCTAssertTrue(s.contains("[2] 撤销：状态：推进中 → 滞后"), s)
        XCTAssertTrue(s.contains("恢复这些修改"), s)
        press(d, .char("4"))
        XCTAssertEqual(d.state.store.task(at: 0).status, .inProgress, "no edit before a decision")
        press(d, .char("r"))
        XCTAssertEqual(d.state.modal, .none)
        XCTAssertEqual(d.state.store.task(at: 0).status, .done)
        XCTAssertEqual(d.state.store.task(at: 1).status, .inProgress)
        XCTAssertTrue(d.state.hasUnsavedChanges)
        press(d, .char("u"))
        XCTAssertEqual(d.state.store.task(at: 0).status, .inProgress, "replayed edits can be undone")
    }

    func testTheRecoveryDialogMergesWhenThePlanChangedMeanwhile() throws {
        try killedSession { d in press(d, .char("3")) }
        var theirs = try PlanFile.load(path: planPath)
        theirs.tasks[6].status = .done
        try PlanFile.save(theirs, to: planPath)
        let d = try dashboard()
        let s = screen(d)
        XCTAssertTrue(s.contains("此后文件已被他人修改"), s)
        XCTAssertTrue(s.contains("合并到新版本"), s)
        press(d, .enter)  // the first answer is selected
        XCTAssertEqual(d.state.store.task(at: 0).status, .done)
        XCTAssertEqual(d.state.store.task(at: 6).status, .done)
        press(d, .char("w"))
        let saved = try PlanFile.load(path: planPath)
        XCTAssertEqual(saved.tasks[0].status, .done)
        XCTAssertEqual(saved.tasks[6].status, .done)
    }

    func testArrowsAndEnterPickAnAnswerAndEscQuitsKeepingTheChanges() throws {
        try killedSession { d in press(d, .char("3")) }
        let d = try dashboard()
        press(d, .down)
        guard case .dialog(let dialog) = d.state.modal else { return XCTFail() }
        XCTAssertEqual(dialog.selected, 1)
        XCTAssertEqual(d.handle(.key(.escape)), .quit(0))
        d.session?.close(unsaved: d.state.hasUnsavedChanges)
        guard case .pending(1, false, _) = Journal.status(planPath: planPath) else {
            return XCTFail("still waiting: \(Journal.status(planPath: planPath))")
        }
    }

    // MARK: a plan changed on disk

    func changedBehind(_ d: Dashboard) throws {
        press(d, .char("3"))
        var theirs = try PlanFile.load(path: planPath)
        theirs.tasks[6].status = .done
        try PlanFile.save(theirs, to: planPath)
        press(d, .char("w"))
    }

    func testReloadAsksFirstThenDropsYourEditsKeepingThemAside() throws {
        let d = try dashboard()
        try changedBehind(d)
        press(d, .char("r"))
        XCTAssertTrue(screen(d).contains("放弃你的1处修改，载入 \(planPath) 的新版本？"), screen(d))
        press(d, .escape)
        guard case .dialog(let back) = d.state.modal, case .changedOnDisk = back.kind else { return XCTFail("back to the question") }
        XCTAssertEqual(d.state.store.task(at: 0).status, .done, "nothing dropped yet")
        press(d, .char("r"), .char("y"))
        XCTAssertEqual(d.state.store.task(at: 0).status, .inProgress)
        XCTAssertEqual(d.state.store.task(at: 6).status, .done)
        XCTAssertFalse(d.state.hasUnsavedChanges)
        XCTAssertTrue(FileManager.default.fileExists(atPath: planPath + ".journal.discarded"))
        XCTAssertTrue(d.state.message?.text.contains(".journal.discarded") ?? false)
        // Editing goes on, journaled against the new version.
        press(d, .char("4"), .char("w"))
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].status, .lagging)
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[6].status, .done)
    }

    func testCancelKeepsEverythingAndSaysNothingWasOverwritten() throws {
        let d = try dashboard()
        try changedBehind(d)
        XCTAssertTrue(screen(d).contains("没有覆盖它。你的修改都在日志中，不会丢失。"), screen(d))
        press(d, .escape)
        XCTAssertEqual(d.state.modal, .none)
        XCTAssertTrue(d.state.hasUnsavedChanges)
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].status, .inProgress)
    }

    func testQuitSaveOnAChangedPlanAsksAndMergesThenQuits() throws {
        let d = try dashboard()
        press(d, .char("3"))
        var theirs = try PlanFile.load(path: planPath)
        theirs.tasks[6].status = .done
        try PlanFile.save(theirs, to: planPath)
        press(d, .char("q"))
        XCTAssertEqual(d.handle(.key(.char("y"))), .none, "asks first")
        XCTAssertEqual(d.handle(.key(.char("m"))), .quit(0))
        let saved = try PlanFile.load(path: planPath)
        XCTAssertEqual(saved.tasks[0].status, .done)
        XCTAssertEqual(saved.tasks[6].status, .done)
    }

    // MARK: read-only

    func testReadOnlyReasonsShowInTheTitleAndRefuseEdits() throws {
        let held = try Journal.open(planPath: planPath, planBytes: try PlanFile.read(path: planPath))
        defer { held.close(unsaved: false) }
        let d = try dashboard()
        XCTAssertEqual(d.state.readOnlyReason, .inUse(path: planPath))
        XCTAssertTrue(screen(d).split(separator: "\n").first?.contains("只读：另一督办正在编辑") ?? false, screen(d))
        press(d, .char("3"))
        XCTAssertEqual(d.state.store.task(at: 0).status, .inProgress)
        XCTAssertTrue(d.state.message?.text.contains("\(planPath)：另一个督办正在编辑此计划") ?? false)

        chmod(planPath, 0o444)
        defer { chmod(planPath, 0o644) }
        held.close(unsaved: false)
        let r = try dashboard()
        XCTAssertEqual(r.state.readOnlyReason, .fileNotWritable(path: planPath))
        press(r, .char("u"))
        XCTAssertTrue(r.state.message?.text.hasPrefix("\(planPath) 不可写") ?? false)
    }

    func testAnUnsavedPlanIsJournaledFromItsFirstSave() throws {
        let session = PlanSession.unsaved(plan: Fixture.plan())
        let d = Dashboard(session: session, options: DashboardOptions(asOf: Fixture.asOf, environment: [:]))
        d.state.resize(width: 120, height: 40)
        let path = dir + "/new.json"
        press(d, .char("3"), .char("w"), .ctrl("u"))
        type(d, path)
        press(d, .enter)
        XCTAssertEqual(try PlanFile.load(path: path).tasks[0].status, .done)
        XCTAssertEqual(d.session?.path, path)
        press(d, .char("4"))
        guard case .pending(1, true, _) = Journal.status(planPath: path) else {
            return XCTFail("journaled: \(Journal.status(planPath: path))")
        }
        d.session?.close(unsaved: false)
    }
}
