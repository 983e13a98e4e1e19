import XCTest
import Foundation
import DubanCore
import DubanTestSupport

/// `SharedWriter` (issue 15): a command's edits on a shared plan land once, through a lost
/// server and a lost acknowledgement, or the writer gives up after its patience. Against
/// `MemorySharedPlan`, with a clock of its own (no test sleeps).
final class SharedWriterTests: XCTestCase {
    /// A clock the writer's pauses move; `onSleep` runs at each pause (the server comes back).
    final class Clock: @unchecked Sendable {
        let lock = NSLock()
        var t = 0.0
        var pauses: [Double] = []
        var onSleep: ((Int) -> Void)?
        func sleep(_ s: Double) {
            lock.lock(); t += s; pauses.append(s); let n = pauses.count; let hook = onSleep; lock.unlock()
            hook?(n)
        }
        func now() -> Double { lock.lock(); defer { lock.unlock() }; return t }
    }

    let S = Strings(.en)
    let day = CoreFixture.asOf

    func writer(_ store: MemorySharedPlan.Store, _ clock: Clock, patience: Double = 10) throws -> SharedWriter {
        try SharedWriter(address: "postgres://memory/test?plan=test", strings: S, patience: patience,
                         opener: { _, _ in MemorySharedPlan(store: store) }, sleep: clock.sleep, now: clock.now)
    }

    func note(_ text: String, _ task: String = "t1", author: String = "w") -> Edit {
        Edit(taskID: task, command: .addNote(text), date: day, author: author)
    }

    func notes(_ store: MemorySharedPlan.Store, _ task: String = "t1") -> [String] {
        store.plan.tasks.first { $0.id == task }!.history.map(\.note)
    }

    func testANoteWhoseAnswerWasLostIsNotMadeTwice() throws {
        let store = MemorySharedPlan.Store(plan: CoreFixture.plan)
        let clock = Clock()
        let w = try writer(store, clock)
        let snap = try w.load(progress: nil)
        store.loseAnswers(1)
        let r = try w.commit(note("「一次」"), expecting: nil, known: snap.plan.tasks[0], position: snap.position)
        XCTAssertEqual(notes(store).filter { $0 == "「一次」" }.count, 1)
        XCTAssertEqual(store.commits, 1)
        XCTAssertEqual(r.change.task.history.last?.note, "「一次」")
        XCTAssertEqual(clock.pauses.count, 1, "one pause, then the log said it was there")
    }

    func testAValueWhoseAnswerWasLostIsSentAgainAndChangesNothing() throws {
        let store = MemorySharedPlan.Store(plan: CoreFixture.plan)
        let clock = Clock()
        let w = try writer(store, clock)
        let snap = try w.load(progress: nil)
        store.loseAnswers(1)
        let r = try w.commit(Edit(taskID: "t1", command: .setProgress(70), date: day, author: "w"), expecting: nil,
                             known: snap.plan.tasks[0], position: snap.position)
        guard case .unchanged(let c) = r else { return XCTFail("sent again: \(r)") }
        XCTAssertEqual(c.task.progress, 70)
        XCTAssertEqual(store.commits, 1, "one history entry for the one edit")
    }

    func testTheSameNoteTwiceOnPurposeIsMadeTwice() throws {
        // Without a lost answer, nothing is looked for: a second identical note is a second edit.
        let store = MemorySharedPlan.Store(plan: CoreFixture.plan)
        let w = try writer(store, Clock())
        let snap = try w.load(progress: nil)
        _ = try w.commit(note("同"), expecting: nil, known: snap.plan.tasks[0], position: snap.position)
        _ = try w.commit(note("同"), expecting: nil, known: snap.plan.tasks[0], position: snap.position)
        XCTAssertEqual(notes(store).filter { $0 == "同" }.count, 2)
    }

    func testAServerBackWithinPatienceTakesTheEdit() throws {
        let store = MemorySharedPlan.Store(plan: CoreFixture.plan)
        let clock = Clock()
        let w = try writer(store, clock)
        var told = 0
        w.onRetry = { _ in told += 1 }
        let snap = try w.load(progress: nil)
        store.setDown(true)
        clock.onSleep = { n in if n == 5 { store.setDown(false) } }
        _ = try w.commit(note("回来了"), expecting: nil, known: snap.plan.tasks[0], position: snap.position)
        XCTAssertEqual(notes(store).filter { $0 == "回来了" }.count, 1)
        XCTAssertEqual(told, 1)
        XCTAssertEqual(clock.pauses, [0.1, 0.2, 0.4, 0.8, 1.0])
    }

    func testAServerAwayLongerThanPatienceIsRefusedInTime() throws {
        let store = MemorySharedPlan.Store(plan: CoreFixture.plan)
        let clock = Clock()
        let w = try writer(store, clock, patience: 10)
        let snap = try w.load(progress: nil)
        store.setDown(true)
        XCTAssertThrowsError(try w.commit(note("不会有"), expecting: nil, known: snap.plan.tasks[0], position: snap.position)) { e in
            guard case SharedPlanError.unreachable = e else { return XCTFail("\(e)") }
        }
        XCTAssertLessThanOrEqual(clock.now(), 10)
        XCTAssertGreaterThan(clock.now(), 8, "it did wait")
        store.setDown(false)
        XCTAssertFalse(notes(store).contains("不会有"))
    }

    func testADownServerIsSaidWithinTheConnectPatience() {
        let store = MemorySharedPlan.Store(plan: CoreFixture.plan)
        store.setDown(true)
        let clock = Clock()
        XCTAssertThrowsError(try SharedWriter(address: "postgres://x/db?plan=p", strings: S, connectPatience: 3,
                                              opener: { a, _ in
                                                  if store.down { throw SharedPlanError.unreachable(address: a, reason: "refused") }
                                                  return MemorySharedPlan(store: store)
                                              }, sleep: clock.sleep, now: clock.now)) { e in
            XCTAssertEqual(e as? SharedPlanError, .unreachable(address: "postgres://x/db?plan=p", reason: "refused"))
        }
        XCTAssertLessThanOrEqual(clock.now(), 3)
    }

    func testOtherRefusalsAreNotRetried() throws {
        let store = MemorySharedPlan.Store(plan: CoreFixture.plan)
        let clock = Clock()
        let w = try SharedWriter(address: "a", strings: S, opener: { _, _ in MemorySharedPlan(store: store, access: .leader) },
                                 sleep: clock.sleep, now: clock.now)
        XCTAssertThrowsError(try w.commit(note("x"), expecting: nil, known: nil, position: 0)) { e in
            guard case SharedPlanError.notPermitted = e else { return XCTFail("\(e)") }
        }
        XCTAssertTrue(clock.pauses.isEmpty)
    }

    func testAddressesAreShownWithoutTheirPassword() {
        XCTAssertEqual(SharedWriter.withoutPassword("postgres://zhang:s3cr@t@db.example:5432/office?plan=2020"),
                       "postgres://zhang@db.example:5432/office?plan=2020")
        XCTAssertEqual(SharedWriter.withoutPassword("postgresql://u@h/db?password=x&plan=p"), "postgresql://u@h/db?plan=p")
        XCTAssertEqual(SharedWriter.withoutPassword("postgres://h/db?Password=x"), "postgres://h/db")
        XCTAssertEqual(SharedWriter.withoutPassword("postgres://u@h:1/db?plan=a:b@c"), "postgres://u@h:1/db?plan=a:b@c")
    }

    func testLandedFindsOnlyWhatTheEditAdds() {
        var known = CoreFixture.plan.tasks[0]
        known.extensions = [Extension(requestedOn: day, to: CoreFixture.date("2020-09-30"), reason: "征迁")]
        let to = CoreFixture.date("2020-10-31")
        let request = Edit(taskID: "t1", command: .requestExtension(to: to, reason: " 资金 "), date: day, author: "u")
        let decide = Edit(taskID: "t1", command: .decideExtension(index: 0, approve: true), date: day, author: "督查室")
        var now = known
        XCTAssertFalse(SharedWriter.landed(request, on: known, now: now))
        XCTAssertFalse(SharedWriter.landed(decide, on: known, now: now))
        now = try! known.applying(request)!
        XCTAssertTrue(SharedWriter.landed(request, on: known, now: now))
        now = try! now.applying(decide)!
        XCTAssertTrue(SharedWriter.landed(decide, on: known, now: now))
        let refuse = Edit(taskID: "t1", command: .decideExtension(index: 0, approve: false), date: day, author: "督查室")
        XCTAssertFalse(SharedWriter.landed(refuse, on: known, now: now))
        // Another author's same words on the same day are not ours; a note before `known` neither.
        let mine = note("进展", author: "甲")
        XCTAssertFalse(SharedWriter.landed(mine, on: known, now: try! known.applying(note("进展", author: "乙"))!))
        let had = try! known.applying(mine)!
        XCTAssertFalse(SharedWriter.landed(mine, on: had, now: had))
        XCTAssertFalse(SharedWriter.landed(Edit(taskID: "t1", command: .setProgress(50), date: day), on: known, now: known))
    }

    /// The must-show in memory: 8 writers x 100 edits, every fifth answer lost: each edit
    /// exactly once in the history.
    func testEightWritersWithLostAnswersMakeEveryEditOnce() throws {
        let store = MemorySharedPlan.Store(plan: CoreFixture.plan)
        let ids = store.plan.tasks.map(\.id)
        final class Errors: @unchecked Sendable { let lock = NSLock(); var list: [String] = [] }
        let errors = Errors()
        let S = self.S, day = self.day
        DispatchQueue.concurrentPerform(iterations: 8) { w in
            do {
                let wr = try SharedWriter(address: "postgres://memory/test?plan=test", strings: S,
                                          opener: { _, _ in MemorySharedPlan(store: store) }, sleep: { _ in }, now: { 0 })
                for e in 0..<100 {
                    let snap = try wr.load(progress: nil)
                    let id = e % 3 == 0 ? "t1" : ids[(w + e) % ids.count]
                    let known = snap.plan.tasks.first { $0.id == id }
                    if e % 5 == 0 { store.loseAnswers(1) }
                    let edit = Edit(taskID: id, command: .addNote("w\(w)-e\(e)"), date: day, author: "w\(w)")
                    _ = try wr.commit(edit, expecting: nil, known: known, position: snap.position)
                }
            } catch {
                errors.lock.lock(); errors.list.append("\(w): \(error)"); errors.lock.unlock()
            }
        }
        XCTAssertEqual(errors.list, [])
        let all = store.plan.tasks.flatMap { $0.history.map(\.note) }.filter { $0.hasPrefix("w") }
        XCTAssertEqual(all.count, 800)
        XCTAssertEqual(Set(all).count, 800)
    }
}
