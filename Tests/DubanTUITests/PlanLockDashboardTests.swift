import XCTest
@testable import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard's save takes the plan's lock around its stamp check and write (issue
/// 10): while another writer holds it, the save waits briefly, then says who holds it and
/// keeps every edit; a .bak that cannot be kept is said in the status line.
final class PlanLockDashboardTests: PlanFolderTestCase {
    override class var folderPrefix: String { "duban-lockdash" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        CellWidth.setUpLocale()
    }

    func dashboard(lang: Lang = .en) throws -> Dashboard {
        let session = try PlanSession.open(path: planPath, readOnly: false)
        var o = DashboardOptions(asOf: Fixture.asOf, lang: lang, theme: "default", configPath: nil, environment: [:])
        o.configPath = nil
        let d = Dashboard(session: session, options: o)
        d.state.resize(width: 120, height: 40)
        return d
    }

    func testTheSaveWaitsForAnotherWriterThenSaysWhoAndKeepsTheEdits() throws {
        let d = try dashboard()
        d.session?.lockWait = 0.3
        _ = d.handle(.key(.char("3")))
        XCTAssertTrue(d.state.store.isDirty)
        let before = try PlanFile.read(path: planPath)
        let lock = try PlanLock.acquire(planPath: planPath, command: "duban set", wait: 0)
        let start = Date()
        XCTAssertFalse(d.save(to: planPath))
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(elapsed, 0.3)
        XCTAssertLessThan(elapsed, 3)
        let text = d.state.message?.text ?? ""
        XCTAssertEqual(d.state.message?.isError, true)
        XCTAssertTrue(text.contains("your changes are kept"), text)
        XCTAssertTrue(text.contains("being saved by duban set (pid \(getpid())"), text)
        XCTAssertEqual(try PlanFile.read(path: planPath), before, "nothing written while another holds the lock")
        XCTAssertTrue(d.state.store.isDirty, "the edits are kept")
        guard case .pending(1, true, _) = Journal.status(planPath: planPath) else {
            return XCTFail("the edit is still in the journal: \(Journal.status(planPath: planPath))")
        }
        // Once it is free, the same save goes through (no changed-on-disk dialog: nobody saved).
        lock.release()
        XCTAssertTrue(d.save(to: planPath))
        XCTAssertFalse(d.state.store.isDirty)
        XCTAssertNotEqual(try PlanFile.read(path: planPath), before)
        if case .none = d.state.modal {} else { XCTFail("no dialog expected: \(d.state.modal)") }
        XCTAssertNil(PlanLock.holder(ofPlan: planPath), "the dashboard let go after saving")
    }

    func testAWriterThatSavedMeanwhileStillOpensTheChangedOnDiskDialog() throws {
        let d = try dashboard()
        _ = d.handle(.key(.char("3")))
        // Someone else saves under the lock while the dashboard has the plan open.
        try PlanEditor.edit(path: planPath, command: "duban set", checkJournal: false) { o in
            let s = PlanStore(plan: o.plan, rules: Rules(asOf: Fixture.asOf))
            try s.apply(Edit(taskID: o.plan.tasks[0].id, command: .addNote("他人保存"), date: Fixture.asOf, author: nil))
            return s.plan
        }
        XCTAssertFalse(d.save(to: planPath))
        guard case .dialog(let dialog) = d.state.modal, case .changedOnDisk = dialog.kind else {
            return XCTFail("expected the changed-on-disk dialog, got \(String(describing: d.state.modal))")
        }
        XCTAssertTrue(d.state.store.isDirty)
    }

    func testABackupThatIsAFolderIsSaidInTheStatusLine() throws {
        XCTAssertEqual(mkdir(planPath + ".bak", 0o755), 0)
        let d = try dashboard()
        _ = d.handle(.key(.char("3")))
        XCTAssertTrue(d.save(to: planPath))
        let text = d.state.message?.text ?? ""
        XCTAssertTrue(text.contains("saved: \(planPath)"), text)
        XCTAssertTrue(text.contains("no backup was kept as \(planPath).bak (it is a folder)"), text)
        XCTAssertFalse(d.state.store.isDirty)
    }
}
