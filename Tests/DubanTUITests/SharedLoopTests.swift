import XCTest
@testable import DubanTUI
import DubanCore
import DubanTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// issue 15, pgloop: the dashboard on a shared plan makes its calls on a worker thread. A
/// server that hangs (the memory store `hold`s every call until the test `release`s it)
/// never holds up the keys: the edit shows at once, pending, and is in the file of unsent
/// edits until its answer comes; edits made meanwhile go in the order typed (an undo too),
/// a slow call is said on the title line, quitting does not wait for the server.
final class SharedLoopTests: XCTestCase {
    var stateHome = ""
    var held: [MemorySharedPlan.Store] = []

    override func setUp() {
        super.setUp()
        stateHome = NSTemporaryDirectory() + "duban-pgloop-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: stateHome, withIntermediateDirectories: true)
        CellWidth.setUpLocale()
    }

    override func tearDown() {
        // No worker is left waiting on a held store.
        for s in held { s.release() }
        _ = try? FileManager.default.removeItem(atPath: stateHome)
        super.tearDown()
    }

    final class Clock { var now = 1000.0 }

    /// A dashboard on `store` that waits for no answer (a key returns at once), its clock in
    /// the test's hands, the listening in place.
    func open(_ store: MemorySharedPlan.Store) throws -> (Dashboard, Clock) {
        held.append(store)
        let login = MemorySharedPlan(store: store, address: "postgres://ana@db.office:5432/duban?plan=2020")
        let snapshot = try login.load(progress: nil)
        var o = DashboardOptions(asOf: DashboardFixture.asOf, lang: .zh, theme: "default",
                                 environment: ["XDG_STATE_HOME": stateHome, "DUBAN_AUTHOR": "张三"])
        o.configPath = nil
        let d = Dashboard(shared: login, snapshot: snapshot, options: o)
        let clock = Clock()
        d.shared?.clock = { clock.now }
        d.shared?.answerWait = 0
        d.shared?.wakeWait = 0
        d.state.resize(width: 120, height: 30)
        settle(d)
        return (d, clock)
    }

    /// Every answer taken until nothing is on its way (the store must not be held).
    func settle(_ d: Dashboard) {
        d.shared?.wakeWait = .infinity
        d.handle(.wake)
        d.shared?.wakeWait = 0
    }

    func key(_ d: Dashboard, _ keys: Key...) { for k in keys { d.handle(.key(k)) } }
    func type(_ d: Dashboard, _ text: String) { for c in text { d.handle(.key(.char(c))) } }
    func title(_ d: Dashboard) -> String { d.frame().lines.first ?? "" }
    func row(_ d: Dashboard, containing s: String) -> String? { d.frame().lines.first { $0.contains(s) } }
    func selected(_ d: Dashboard) -> String? { d.state.selectedTask.map { d.state.store.task(at: $0).id } }
    func serverTask(_ store: MemorySharedPlan.Store, _ id: String) -> PlanTask? { store.plan.tasks.first { $0.id == id } }
    func kept(_ d: Dashboard) throws -> [UnsentEdits.Item] { UnsentEdits(path: try XCTUnwrap(d.shared?.unsent.path)).items }

    func testKeysAreAnsweredWhileACommitHangs() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, clock) = try open(store)
        store.hold()
        key(d, .char("3"))
        XCTAssertTrue(store.waitUntilWaiting(1), "the commit is on its way, on the worker")
        XCTAssertEqual(store.commits, 0)
        XCTAssertEqual(d.state.store.task(at: 0).status, .done, "the edit is shown at once")
        XCTAssertEqual(d.state.shared?.pending, ["t1"])
        let line = try XCTUnwrap(row(d, containing: "全年城镇新增就业"))
        XCTAssertTrue(line.contains("^"), "pending until acknowledged:\n" + line)
        XCTAssertEqual(d.state.message?.text, "修改已记在本机，正在发送（服务器尚未应答）")
        // In the file of unsent edits while it is on its way: a kill now loses nothing.
        XCTAssertEqual(try kept(d).map(\.edit.command), [.setStatus(.done)])
        XCTAssertEqual(try kept(d).first?.expecting, 1)

        // The keys go on: moving, searching, the help.
        key(d, .char("j"))
        XCTAssertEqual(selected(d), "t2")
        key(d, .char("/"))
        type(d, "重点项目")
        XCTAssertEqual(d.state.searchText, "重点项目")
        key(d, .enter)
        XCTAssertEqual(selected(d), "t3")
        key(d, .char("?"))
        XCTAssertEqual(d.state.modal, .help(offset: 0))
        key(d, .escape)
        XCTAssertEqual(d.state.modal, .none)
        XCTAssertEqual(store.waiting, 1, "still the one call waiting")

        // A second later the title says the server is not answering.
        XCTAssertFalse(title(d).contains("服务器未应答"), title(d))
        XCTAssertGreaterThan(d.shared?.timeout() ?? 0, 0.5, "the loop sleeps until the title must say so")
        clock.now += 1.5
        XCTAssertEqual(d.shared?.timeout(), 3600, "then it sleeps until the answer's wake")
        d.handle(.wake)
        XCTAssertTrue(title(d).contains("服务器未应答"), title(d))
        XCTAssertTrue(title(d).contains("1项未发送"), title(d))
        XCTAssertFalse(title(d).contains("服务器断开"), title(d))

        // The answer comes: the row as the server holds it, the file emptied.
        store.release()
        settle(d)
        XCTAssertEqual(store.commits, 1)
        XCTAssertEqual(serverTask(store, "t1")?.status, .done)
        XCTAssertEqual(d.shared?.versions["t1"], 2)
        XCTAssertEqual(d.state.shared?.pending, [])
        XCTAssertEqual(d.state.shared?.unsent, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: try XCTUnwrap(d.shared?.unsent.path)), "acknowledged: nothing kept")
        XCTAssertEqual(d.state.message?.text, "任务 1 的修改已送达服务器")
        XCTAssertFalse(title(d).contains("服务器未应答"), title(d))
        XCTAssertEqual(selected(d), "t3", "the selection stays where the user took it")
    }

    func testEditsMadeMeanwhileGoInTheOrderTyped() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _) = try open(store)
        store.hold()
        key(d, .char("3"))  // t1 done: on its way, held
        XCTAssertTrue(store.waitUntilWaiting(1))
        key(d, .char("4"))  // t1 lagging: behind it
        key(d, .char("j"), .char("a"))
        type(d, "第二条")
        key(d, .enter)      // a note on t2
        XCTAssertEqual(store.waiting, 1, "one call at a time")
        XCTAssertEqual(d.state.store.task(at: 0).status, .lagging, "the row shows both edits")
        XCTAssertEqual(d.state.shared?.pending, ["t1", "t2"])
        XCTAssertEqual(try kept(d).map(\.edit.command), [.setStatus(.done), .setStatus(.lagging), .addNote("第二条")],
                       "every edit not acknowledged is on disk, in the order typed")

        store.release()
        settle(d)
        XCTAssertEqual(store.log.map(\.task.id), ["t1", "t1", "t2"], "sent in the order typed")
        XCTAssertEqual(store.log.map(\.task.status), [.done, .lagging, .inProgress])
        XCTAssertEqual(serverTask(store, "t1")?.status, .lagging)
        XCTAssertEqual(serverTask(store, "t2")?.history.last?.note, "第二条")
        XCTAssertEqual(store.versions["t1"], 3)
        XCTAssertEqual(d.shared?.versions["t1"], 3)
        // The second edit on t1 was made on top of the first: not taken for a change by someone else.
        XCTAssertEqual(d.state.message?.text, "3项修改已送达服务器")
        XCTAssertEqual(d.state.shared?.pending, [])
        XCTAssertEqual(d.state.store.task(at: 0), serverTask(store, "t1"), "the row is the server's")
    }

    func testUndoOfAnEditOnItsWayIsQueuedBehindIt() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _) = try open(store)
        store.hold()
        key(d, .char("3"))
        XCTAssertTrue(store.waitUntilWaiting(1))
        key(d, .char("u"))
        XCTAssertEqual(d.state.store.task(at: 0).status, .inProgress, "taken back on screen at once")
        XCTAssertTrue(d.state.message?.text.hasPrefix("已撤销（作为新的修改存入数据库）") ?? false, d.state.message?.text ?? "")
        XCTAssertEqual(try kept(d).map(\.edit.command), [.setStatus(.done), .setStatus(.inProgress)],
                       "the inverse waits behind the edit")
        XCTAssertEqual(d.state.shared?.pending, ["t1"])
        store.release()
        settle(d)
        XCTAssertEqual(store.log.map(\.task.status), [.done, .inProgress])
        XCTAssertEqual(serverTask(store, "t1")?.status, .inProgress)
        XCTAssertEqual(serverTask(store, "t1")?.history.count, 3)
        XCTAssertEqual(d.state.shared?.pending, [])
        // Redo goes again.
        key(d, .ctrl("r"))
        XCTAssertEqual(d.state.store.task(at: 0).status, .done)
        settle(d)
        XCTAssertEqual(serverTask(store, "t1")?.status, .done)
    }

    func testAHungCallThatFailsKeepsTheEditsForLater() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, clock) = try open(store)
        store.hold()
        key(d, .char("3"))
        XCTAssertTrue(store.waitUntilWaiting(1))
        key(d, .char("j"), .char("4"))
        // The adapter gives up on the hung call: unreachable.
        store.setDown(true)
        store.release()
        settle(d)
        XCTAssertEqual(d.state.shared?.offline, true)
        XCTAssertTrue(title(d).contains("服务器断开"), title(d))
        XCTAssertTrue(title(d).contains("2项未发送"), title(d))
        XCTAssertEqual(try kept(d).map(\.edit.taskID), ["t1", "t2"])
        store.setDown(false)
        clock.now += 4
        settle(d)
        XCTAssertEqual(d.state.message?.text, "服务器已恢复：已发送2项修改")
        XCTAssertEqual(store.log.map(\.task.id), ["t1", "t2"])
        XCTAssertEqual(d.state.shared?.unsent, 0)
    }

    func testQuittingWhileACommitHangsSaysWhereTheEditIsKept() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _) = try open(store)
        store.hold()
        key(d, .char("3"))
        XCTAssertTrue(store.waitUntilWaiting(1))
        d.shared?.closeWait = 0.05
        let term = MemoryTerminal(width: 100, height: 30, events: [.key(.char("q"))])
        XCTAssertEqual(d.run(on: term), 0, "quits without the server's answer")
        let path = try XCTUnwrap(d.shared?.unsent.path)
        XCTAssertEqual(d.farewell, "1项修改尚未发送到服务器，已保存在 \(path)；下次打开本计划时发送（或运行 duban recover）")
        XCTAssertEqual(UnsentEdits(path: path).items.map(\.edit.command), [.setStatus(.done)])
        // The hung call goes on once the server answers; the next dashboard sends the kept
        // edit under the same name: made once, whichever of them came first.
        store.release()
        let (d2, _) = try open(store)
        XCTAssertEqual(d2.state.shared?.unsent, 0)
        XCTAssertEqual(store.commits, 1, "not made twice")
        XCTAssertEqual(serverTask(store, "t1")?.status, .done)
    }

    func testAnEditWhoseAnswerWasLostIsNotMadeTwice() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, clock) = try open(store)
        d.shared?.answerWait = .infinity
        store.loseAnswers(1)
        key(d, .char("a"))
        type(d, "只记一次")
        key(d, .enter)
        XCTAssertEqual(store.commits, 1, "made; its answer lost")
        XCTAssertEqual(d.state.shared?.offline, true)
        XCTAssertEqual(d.state.shared?.pending, ["t1"])
        XCTAssertNotNil(try kept(d).first?.id, "kept with its name")
        clock.now += 4
        settle(d)
        XCTAssertEqual(d.state.shared?.unsent, 0)
        XCTAssertEqual(store.commits, 1, "sent again under its name: not made twice")
        XCTAssertEqual(serverTask(store, "t1")?.history.filter { $0.note == "只记一次" }.count, 1)
        XCTAssertEqual(d.state.store.task(at: 0).history.filter { $0.note == "只记一次" }.count, 1)
    }

    func testTheEditsNameIsKeptInTheFile() throws {
        var u = UnsentEdits(address: "postgres://a@h/db?plan=p", planName: "p", environment: ["XDG_STATE_HOME": stateHome])
        let t = DashboardFixture.plan().tasks[0]
        let e = Edit(taskID: "t1", command: .setProgress(50), date: DashboardFixture.asOf)
        try u.append(.init(edit: e, expecting: 4, after: t, time: 5, id: "1a2b-3c4d"))
        try u.append(.init(edit: e, expecting: nil, after: t, time: 6, id: "5e6f-7a8b"))
        try u.append(.init(edit: e, expecting: 4, after: t, time: 7))
        let back = UnsentEdits(path: try XCTUnwrap(u.path))
        XCTAssertEqual(back.items.map(\.id), ["1a2b-3c4d", "5e6f-7a8b", nil])
        XCTAssertEqual(back.items.map(\.expecting), [4, nil, 4])
        XCTAssertEqual(back.notes, [])
        // The first committed at version 5: the later edit made on version 4 now expects 5.
        try u.dropFirst(committedAt: 5)
        XCTAssertEqual(UnsentEdits(path: try XCTUnwrap(u.path)).items.map(\.expecting), [nil, 5])
    }

    func testAnAnswerInTimeIsSaidOnTheKeyItself() throws {
        let store = MemorySharedPlan.Store(plan: DashboardFixture.plan())
        let (d, _) = try open(store)
        d.shared?.answerWait = .infinity
        key(d, .char("3"))
        XCTAssertEqual(store.commits, 1)
        XCTAssertEqual(d.state.shared?.pending, [], "answered before the key returned")
        XCTAssertNotEqual(d.state.message?.text, "修改已记在本机，正在发送（服务器尚未应答）")
        XCTAssertFalse(FileManager.default.fileExists(atPath: try XCTUnwrap(d.shared?.unsent.path)))
    }
}
