import XCTest
@testable import DubanTUI
import DubanCore
import DubanTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// issue 15, pgtui: the dashboard on a shared plan, against the memory store: an edit is a
/// commit, a task changed in between is merged and said, undo commits the inverse, a
/// unit's login is refused before the server on tasks it does not lead, a leader's reads
/// only, others' commits come in on a wake, and edits made while the server is gone are
/// kept in a file and sent when it is back.
final class SharedDashboardTests: XCTestCase {
    var stateHome = ""

    override func setUp() {
        super.setUp()
        stateHome = NSTemporaryDirectory() + "duban-pgtui-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: stateHome, withIntermediateDirectories: true)
        CellWidth.setUpLocale()
    }

    override func tearDown() {
        _ = try? FileManager.default.removeItem(atPath: stateHome)
        super.tearDown()
    }

    /// A dashboard on a login to `store`, with its clock in the test's hands.
    func open(_ store: MemorySharedPlan.Store, access: SharedAccess = .inspector, author: String = "张三",
              width: Int = 120, height: Int = 30, lang: Lang = .zh) throws -> (Dashboard, MemorySharedPlan, Clock) {
        let login = MemorySharedPlan(store: store, address: "postgres://ana@db.office:5432/duban?plan=2020", access: access)
        let snapshot = try login.load(progress: nil)
        let opts = DashboardOptions(asOf: DashboardFixture.asOf, lang: lang, theme: "default",
                                    configPath: "/nonexistent-duban-config",
                                    environment: ["XDG_STATE_HOME": stateHome, "DUBAN_AUTHOR": author])
        var o = opts
        o.configPath = nil
        let d = Dashboard(shared: login, snapshot: snapshot, options: o)
        let clock = Clock()
        d.shared?.clock = { clock.now }
        // issue 15, pgloop: every call answered before a key or a wake returns (the calls
        // are made on the worker; SharedLoopTests has a server that hangs).
        d.shared?.answerWait = .infinity
        d.shared?.wakeWait = .infinity
        d.state.resize(width: width, height: height)
        return (d, login, clock)
    }

    final class Clock { var now = 1000.0 }

    func key(_ d: Dashboard, _ keys: Key...) { for k in keys { d.handle(.key(k)) } }
    func type(_ d: Dashboard, _ text: String) { for c in text { d.handle(.key(.char(c))) } }
    func title(_ d: Dashboard) -> String { d.frame().lines.first ?? "" }
    func row(_ d: Dashboard, containing s: String) -> String? { d.frame().lines.first { $0.contains(s) } }
    func serverTask(_ store: MemorySharedPlan.Store, _ id: String) -> PlanTask? { store.plan.tasks.first { $0.id == id } }

    func testAnEditIsOneCommitAndNothingIsSaved() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, _) = try open(store)
        XCTAssertEqual(d.state.selectedTask.map { d.state.store.task(at: $0).id }, "t1")
        key(d, .char("3"))
        XCTAssertEqual(serverTask(store, "t1")?.status, .done)
        XCTAssertEqual(store.versions["t1"], 2)
        XCTAssertEqual(serverTask(store, "t1")?.history.last?.author, "张三")
        XCTAssertEqual(d.shared?.versions["t1"], 2, "the dashboard holds the version it committed")
        XCTAssertEqual(d.state.store.task(at: 0).status, .done)
        XCTAssertFalse(d.state.hasUnsavedChanges)
        let t = title(d)
        XCTAssertTrue(t.contains("2020") && t.contains("postgres://ana@db.office:5432"), t)
        XCTAssertTrue(t.contains("督查员"), t)
        key(d, .char("w"))
        XCTAssertEqual(d.state.message?.text, "每项修改都已存入数据库，无需保存")
        // `q` quits at once: nothing is unsaved.
        XCTAssertEqual(d.handle(.key(.char("q"))), .quit(0))
    }

    func testATaskChangedInBetweenIsMergedAndSaid() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, _) = try open(store)
        // Someone else notes on t1 first; this dashboard still holds version 1.
        let other = MemorySharedPlan(store: store)
        _ = try other.commit(Edit(taskID: "t1", command: .addNote("李四先记一笔"), date: DashboardFixture.asOf, author: "李四"),
                             expecting: 1, strings: Strings(.zh))
        key(d, .char("a"))
        type(d, "张三的进展")
        key(d, .enter)
        XCTAssertEqual(d.state.message?.text, "任务 1 刚被 李四 修改；你的修改已记在其后")
        XCTAssertFalse(d.state.message?.isError ?? true)
        let notes = serverTask(store, "t1")?.history.map(\.note) ?? []
        XCTAssertEqual(Array(notes.suffix(2)), ["李四先记一笔", "张三的进展"], "both notes are kept")
        XCTAssertEqual(d.state.store.task(at: 0).history.map(\.note), notes, "the row shows the task as the server holds it")
        XCTAssertEqual(d.shared?.versions["t1"], 3)
    }

    func testOthersChangesWaitWhileAnEditorIsOpen() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, clock) = try open(store)
        key(d, .char("a"))
        type(d, "张三写到一半")
        let other = MemorySharedPlan(store: store)
        _ = try other.commit(Edit(taskID: "t1", command: .setProgress(55), date: DashboardFixture.asOf, author: "李四"),
                             expecting: 1, strings: Strings(.zh))
        clock.now += 1e9  // the heartbeat is long due
        d.handle(.wake)
        XCTAssertEqual(d.state.store.task(at: 0).progress, 40, "the row does not change under the editor")
        XCTAssertGreaterThan(d.shared?.timeout() ?? 0, 1, "the loop does not wake again at once while the editor is open")
        key(d, .enter)
        XCTAssertEqual(d.state.message?.text, "任务 1 刚被 李四 修改；你的修改已记在其后")
        XCTAssertEqual(d.state.store.task(at: 0).progress, 55, "the row as the server holds it now")
        d.handle(.wake)
        XCTAssertEqual(d.state.shared?.changed, [], "its own commit is not someone else's change")
    }

    func testUndoCommitsTheInverseAsANewEdit() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, _) = try open(store)
        key(d, .char("3"))
        XCTAssertEqual(serverTask(store, "t1")?.status, .done)
        key(d, .char("u"))
        XCTAssertEqual(serverTask(store, "t1")?.status, .inProgress)
        XCTAssertEqual(store.versions["t1"], 3, "the undo is one more commit, not a rewind")
        XCTAssertEqual(serverTask(store, "t1")?.history.count, 3)
        XCTAssertTrue(d.state.message?.text.hasPrefix("已撤销（作为新的修改存入数据库）") ?? false, d.state.message?.text ?? "")
        key(d, .ctrl("r"))
        XCTAssertEqual(serverTask(store, "t1")?.status, .done)
        // A note cannot be taken back.
        key(d, .char("a")); type(d, "一笔"); key(d, .enter)
        key(d, .char("u"))
        XCTAssertEqual(d.state.message?.isError, true)
        XCTAssertEqual(serverTask(store, "t1")?.history.last?.note, "一笔")
    }

    func testMarkedTasksAreOneCommitEach() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, _) = try open(store)
        key(d, .char(" "), .char(" "))
        key(d, .char("4"))
        XCTAssertEqual(store.commits, 2)
        XCTAssertEqual(serverTask(store, "t1")?.status, .lagging)
        XCTAssertEqual(serverTask(store, "t2")?.status, .lagging)
        key(d, .char("u"))
        XCTAssertEqual(store.commits, 4, "the undo of the step: one inverse commit per task")
        XCTAssertEqual(serverTask(store, "t2")?.status, .inProgress)
    }

    func testAUnitIsRefusedBeforeTheServerOnTasksItDoesNotLead() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, _) = try open(store, access: .unit("市发展和改革委员会"))
        XCTAssertTrue(title(d).contains("单位 市发展和改革委员会"), title(d))
        key(d, .char("a"))  // t1: led by 市人力资源和社会保障局
        XCTAssertEqual(d.state.modal, .none, "no note editor on a task it does not lead")
        key(d, .char("3"))
        XCTAssertEqual(store.commits, 0, "nothing was sent")
        XCTAssertEqual(d.state.message?.text, "单位 市发展和改革委员会 只能报送其牵头的任务；任务 1 不由其牵头")
        XCTAssertEqual(d.state.message?.isError, true)
        key(d, .char("j"), .char("j"))  // t3: its own
        key(d, .char("e"))
        XCTAssertEqual(d.state.modal, .none, "refused before the editor opens")
        XCTAssertEqual(store.commits, 0)
        XCTAssertTrue(d.state.message?.text.contains("只能报送进展、状态和情况") ?? false, d.state.message?.text ?? "")
        key(d, .char("2"))
        XCTAssertEqual(store.commits, 1)
        XCTAssertEqual(serverTask(store, "t3")?.status, .inProgress)
    }

    func testALeaderOnlyReads() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, _) = try open(store, access: .leader)
        XCTAssertTrue(title(d).contains("领导：只读"), title(d))
        key(d, .char("3"))
        XCTAssertEqual(store.commits, 0)
        XCTAssertEqual(d.state.message?.text, "postgres://ana@db.office:5432/duban?plan=2020：以领导身份登录，只能查看，不能修改")
    }

    func testAnotherLoginsCommitComesInOnTheWakeMarkedWithTheSelectionKept() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, clock) = try open(store)
        key(d, .char("j"))  // t2 selected
        let other = MemorySharedPlan(store: store)
        _ = try other.commit(Edit(taskID: "t3", command: .setStatus(.done), date: DashboardFixture.asOf, author: "李四"),
                             expecting: 1, strings: Strings(.zh))
        XCTAssertNotEqual(d.state.store.task(at: 2).status, .done, "nothing changes before the loop wakes")
        let doneBefore = d.state.store.totals.done
        d.handle(.wake)
        XCTAssertEqual(d.state.store.task(at: 2).status, .done)
        XCTAssertEqual(d.state.store.totals.done, doneBefore + 1, "counts follow")
        XCTAssertEqual(d.state.selectedTask.map { d.state.store.task(at: $0).id }, "t2", "the selection stays")
        XCTAssertEqual(d.state.shared?.changed, ["t3"])
        XCTAssertEqual(d.state.message?.text, "任务 3 刚被 李四 修改")
        let line = try XCTUnwrap(row(d, containing: "实施重点项目"))
        XCTAssertTrue(line.contains(">3 "), "marked `>` beside its light:\n" + line)
        XCTAssertEqual(d.state.store.undoStack.count, 0, "no undo step for someone else's change")
        // The marker goes after a few seconds.
        clock.now += 5
        d.handle(.wake)
        XCTAssertEqual(d.state.shared?.changed, [])
        // Its own commit is not marked as someone else's.
        key(d, .char("3"))
        d.handle(.wake)
        clock.now += 6
        d.handle(.wake)
        XCTAssertEqual(d.state.shared?.changed, [])
    }

    func testAGoneServerKeepsTheEditAndSendsItWhenBack() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, clock) = try open(store)
        store.setDown(true)
        key(d, .char("3"))
        XCTAssertEqual(store.commits, 0)
        XCTAssertEqual(d.state.store.task(at: 0).status, .done, "the edit is shown")
        XCTAssertEqual(d.state.shared?.offline, true)
        XCTAssertEqual(d.state.shared?.pending, ["t1"])
        XCTAssertTrue(title(d).contains("服务器断开"), title(d))
        XCTAssertTrue(title(d).contains("1项未发送"), title(d))
        let path = try XCTUnwrap(d.shared?.unsent.path)
        XCTAssertTrue(path.hasPrefix(stateHome + "/duban/unsent/"), path)
        let kept = UnsentEdits(path: path)
        XCTAssertEqual(kept.items.map(\.edit.command), [.setStatus(.done)])
        XCTAssertEqual(kept.items.first?.expecting, 1)
        // Meanwhile someone changes t1 (the server is back for them first).
        store.setDown(false)
        let other = MemorySharedPlan(store: store)
        _ = try other.commit(Edit(taskID: "t1", command: .addNote("李四记"), date: DashboardFixture.asOf, author: "李四"),
                             expecting: 1, strings: Strings(.zh))
        store.setDown(true)
        clock.now += 4
        d.handle(.wake)
        XCTAssertEqual(d.state.shared?.offline, true, "still gone")
        store.setDown(false)
        clock.now += 4
        d.handle(.wake)
        XCTAssertEqual(d.state.shared?.offline, false)
        XCTAssertEqual(d.state.shared?.unsent, 0)
        XCTAssertEqual(serverTask(store, "t1")?.status, .done, "the kept edit arrived")
        XCTAssertEqual(serverTask(store, "t1")?.history.map(\.note).contains("李四记"), true, "on top of the other change")
        XCTAssertEqual(d.state.message?.text, "服务器已恢复：已发送1项修改；任务 1 刚被 李四 修改；你的修改已记在其后")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "nothing left to send: the file is gone")
        XCTAssertFalse(title(d).contains("服务器断开"), title(d))
    }

    func testQuittingWithUnsentEditsKeepsThemForTheNextDashboard() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, _) = try open(store)
        store.setDown(true)
        key(d, .char("3"))
        let term = MemoryTerminal(width: 100, height: 30, events: [.key(.char("q"))])
        XCTAssertEqual(d.run(on: term), 0)
        XCTAssertTrue(d.farewell?.contains("1项修改尚未发送到服务器") ?? false, d.farewell ?? "")
        store.setDown(false)
        let (d2, _, _) = try open(store)
        XCTAssertEqual(d2.state.shared?.pending, ["t1"], "shown pending")
        XCTAssertEqual(d2.state.store.task(at: 0).status, .done)
        d2.handle(.wake)
        XCTAssertEqual(d2.state.message?.text, "已发送上次未发送的1项修改")
        XCTAssertEqual(serverTask(store, "t1")?.status, .done)
        XCTAssertEqual(d2.state.shared?.unsent, 0)
    }

    func testUnsentEditsRoundTrip() throws {
        var u = UnsentEdits(address: "postgres://a@h/db?plan=p", planName: "p", environment: ["XDG_STATE_HOME": stateHome])
        let t = DashboardFixture.plan().tasks[0]
        let e1 = Edit(taskID: "t1", command: .addNote("第一\n行"), date: DashboardFixture.asOf, author: "张三")
        let e2 = Edit(taskID: "t1", command: .setDeadline(nil), date: DashboardFixture.asOf)
        try u.append(.init(edit: e1, expecting: 7, after: t, time: 5))
        try u.append(.init(edit: e2, expecting: nil, after: t, time: 6))
        let back = UnsentEdits(address: "postgres://a@h/db?plan=p", planName: "p", environment: ["XDG_STATE_HOME": stateHome])
        XCTAssertEqual(back.items, u.items)
        XCTAssertEqual(back.notes, [])
        try u.dropFirst()
        XCTAssertEqual(UnsentEdits(path: try XCTUnwrap(u.path)).items.map(\.edit), [e2])
    }

    func testTitleAtNarrowWidthsKeepsTheServerGone() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _, _) = try open(store, width: 60, height: 15)
        store.setDown(true)
        key(d, .char("3"))
        XCTAssertTrue(title(d).contains("服务器断开"), title(d))
        let (e, _, _) = try open(MemorySharedPlan.Store(plan: DashboardFixture.plan()), width: 60, height: 15, lang: .en)
        XCTAssertTrue(title(e).hasPrefix(" duban │ 2020 │ "), "the plan's name stays at 60 columns: " + title(e))
        XCTAssertTrue(title(d).hasPrefix(" 督办 │ 2020 │ "), title(d))
    }
}
