import XCTest
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time (issue 10): the plan lock says who holds it and makes a second
/// writer wait, then refuse; PlanEditor refuses read-only plans; a backup that cannot be
/// kept is said; discarded journals are kept once.
final class PlanLockTests: PlanFolderTestCase {
    override class var folderPrefix: String { "duban-planlock" }
    override var initialPlan: Plan { Fixture.plan }
    let day = PlanDate(year: 2020, month: 7, day: 2)!

    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    func testASecondWriterWaitsIsToldWhoHoldsItThenRefuses() throws {
        let first = try PlanLock.acquire(planPath: planPath, command: "duban set", wait: 0)
        XCTAssertEqual(PlanLock.holder(ofPlan: planPath)?.pid, getpid())
        var told: [PlanLockHolder?] = []
        let start = Date()
        XCTAssertThrowsError(try PlanLock.acquire(planPath: planPath, command: "second", wait: 0.4, waiting: { told.append($0) })) { e in
            guard case PlanLockError.busy(let p, let h, let waited)? = e as? PlanLockError else { return XCTFail("\(e)") }
            XCTAssertEqual(p, planPath)
            XCTAssertEqual(h?.command, "duban set")
            XCTAssertEqual(h?.pid, getpid())
            XCTAssertGreaterThanOrEqual(waited, 0.4)
            let en = Strings(.en).describe(e)
            XCTAssertTrue(en.contains("plan.json is being saved by duban set (pid \(getpid()), "), en)
            XCTAssertTrue(en.contains("nothing was changed"), en)
            XCTAssertTrue(Strings(.zh).describe(e).contains("正在被 duban set（进程 \(getpid())"), Strings(.zh).describe(e))
        }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(elapsed, 0.4)
        XCTAssertLessThan(elapsed, 3)
        XCTAssertEqual(told.count, 1, "one line, not one per poll")
        XCTAssertEqual(told.first??.command, "duban set")
        // Let go: the record is emptied, the file stays (no unlink race), the next one gets it.
        first.release()
        XCTAssertNil(PlanLock.holder(ofPlan: planPath))
        XCTAssertTrue(names().contains("plan.json.lock"))
        let second = try PlanLock.acquire(planPath: planPath, command: "second", wait: 0)
        XCTAssertEqual(PlanLock.holder(ofPlan: planPath)?.command, "second")
        second.release()
    }

    func testAWaiterGetsTheLockWhenTheHolderLetsGo() throws {
        // Another process holds it for 0.5 s (flock(1), as a writer would).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [planPath + ".lock", "sleep", "0.5"]
        try holder.run()
        defer { holder.waitUntilExit() }
        let until = Date().addingTimeInterval(3)
        while PlanLock.holder(ofPlan: planPath) == nil, Date() < until {
            // Held but not recorded (flock(1) writes nothing): probe with a try.
            if (try? PlanLock.acquire(planPath: planPath, command: "probe", wait: 0)) == nil { break }
            usleep(5_000)
        }
        var told = 0
        let second = try PlanLock.acquire(planPath: planPath, command: "second", wait: 5, waiting: { _ in told += 1 })
        XCTAssertEqual(told, 1)
        second.release()
    }

    func testALockFileThatIsALinkIsRefused() throws {
        let target = dir + "/elsewhere"
        XCTAssertEqual(symlink(target, planPath + ".lock"), 0)
        XCTAssertThrowsError(try PlanLock.acquire(planPath: planPath, command: "x", wait: 0)) { e in
            guard case PlanLockError.cannotLock? = e as? PlanLockError else { return XCTFail("\(e)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "the link was not followed")
    }

    func testEditRefusesAPlanWithNoWriteBitEvenForRoot() throws {
        let before = try PlanFile.read(path: planPath)
        XCTAssertEqual(chmod(planPath, 0o444), 0)
        defer { chmod(planPath, 0o644) }
        var ran = false
        XCTAssertThrowsError(try PlanEditor.edit(path: planPath, command: "test") { o in ran = true; return o.plan }) { e in
            XCTAssertEqual(e as? PlanWriteError, .readOnly(path: planPath))
            XCTAssertTrue(Strings(.en).describe(e).contains("read-only"))
        }
        XCTAssertFalse(ran)
        XCTAssertEqual(try PlanFile.read(path: planPath), before)
    }

    func testEditRefusesWhileADashboardJournalHoldsUnsavedChanges() throws {
        let opened = try PlanFile.loadForEditing(path: planPath)
        let journal = try Journal.open(planPath: planPath, planBytes: opened.bytes)
        let store = PlanStore(plan: opened.plan, rules: Rules(asOf: Fixture.asOf))
        try journal.apply(Edit(taskID: "t1", command: .setProgress(70), date: day, author: nil), to: store)
        let before = try PlanFile.read(path: planPath)
        XCTAssertThrowsError(try PlanEditor.edit(path: planPath, command: "test") { $0.plan }) { e in
            guard case PlanWriteError.journalPending? = e as? PlanWriteError else { return XCTFail("\(e)") }
        }
        XCTAssertEqual(try PlanFile.read(path: planPath), before)
        journal.close(unsaved: true)
    }

    func testABackupThatIsAFolderIsSaidAndTheSaveStillHappens() throws {
        XCTAssertEqual(mkdir(planPath + ".bak", 0o755), 0)
        let out = try PlanEditor.edit(path: planPath, command: "test") { o in
            let s = PlanStore(plan: o.plan, rules: Rules(asOf: Fixture.asOf))
            try s.apply(Edit(taskID: "t1", command: .addNote("备份测试"), date: day, author: nil))
            return s.plan
        }
        XCTAssertTrue(out.saved)
        XCTAssertEqual(out.backupProblem, BackupProblem(backup: planPath + ".bak", reason: .isFolder))
        XCTAssertTrue(Strings(.en).describe(out.backupProblem!).contains("no backup was kept"))
        XCTAssertTrue(String(decoding: try PlanFile.read(path: planPath), as: UTF8.self).contains("备份测试"))
        XCTAssertFalse(names().contains { $0.contains(".tmp-") }, "\(names())")
        // With a file there it is kept again, and said nothing about.
        XCTAssertEqual(rmdir(planPath + ".bak"), 0)
        let again = try PlanEditor.edit(path: planPath, command: "test") { o in
            let s = PlanStore(plan: o.plan, rules: Rules(asOf: Fixture.asOf))
            try s.apply(Edit(taskID: "t1", command: .addNote("第二次"), date: day, author: nil))
            return s.plan
        }
        XCTAssertNil(again.backupProblem)
        XCTAssertTrue(String(decoding: try PlanFile.read(path: planPath + ".bak"), as: UTF8.self).contains("备份测试"))
    }

    func testBackupTemporariesAreUniqueAndNeverLeftEvenWhenTheBackupIsAlreadyTheFile() throws {
        // rename(2) over a name of the same file does nothing: the old code left
        // PLAN.json.bak.tmp-PID behind when the .bak already was the plan's inode.
        XCTAssertEqual(link(planPath, planPath + ".bak"), 0)
        try PlanFile.save(Fixture.plan, to: planPath, backup: true)
        XCTAssertEqual(names(), ["plan.json", "plan.json.bak"])
    }

    func testADiscardedJournalIsKeptOnceTheNewest() throws {
        for note in ["第一次丢弃", "第二次丢弃", "第三次丢弃"] {
            // A session killed with one unsaved change...
            let opened = try PlanFile.loadForEditing(path: planPath)
            let j = try Journal.open(planPath: planPath, planBytes: opened.bytes)
            if j.found != nil { try j.discard() }
            let store = PlanStore(plan: opened.plan, rules: Rules(asOf: Fixture.asOf))
            try j.apply(Edit(taskID: "t1", command: .addNote(note), date: day, author: nil), to: store)
            j.debugReplaceDescriptor(-1)
            // ...and the next one discards it.
            let next = try Journal.open(planPath: planPath, planBytes: try PlanFile.read(path: planPath))
            XCTAssertNotNil(next.found)
            try next.discard()
            next.close(unsaved: false)
            let kept = String(decoding: try PlanFile.read(path: Journal.discardedPath(forPlan: planPath)), as: UTF8.self)
            XCTAssertTrue(kept.contains(note), kept)
        }
        // Quitting without saving sets the journal aside too: still one.
        let opened = try PlanFile.loadForEditing(path: planPath)
        let j = try Journal.open(planPath: planPath, planBytes: opened.bytes)
        let store = PlanStore(plan: opened.plan, rules: Rules(asOf: Fixture.asOf))
        try j.apply(Edit(taskID: "t2", command: .addNote("退出不保存"), date: day, author: nil), to: store)
        j.close(unsaved: false)
        XCTAssertEqual(names().filter { $0.contains("discarded") }, ["plan.json.journal.discarded"], "\(names())")
        XCTAssertFalse(names().contains { $0.contains(".tmp-") }, "\(names())")
        XCTAssertTrue(String(decoding: try PlanFile.read(path: Journal.discardedPath(forPlan: planPath)), as: UTF8.self).contains("退出不保存"))
    }

    func testADiscardedJournalNeverFollowsALink() throws {
        // Someone puts a link where the discarded journal goes: its target stays untouched.
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("victim-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try "precious".write(toFile: target, atomically: false, encoding: .utf8)
        defer { unlink(target) }
        XCTAssertEqual(symlink(target, Journal.discardedPath(forPlan: planPath)), 0)
        let opened = try PlanFile.loadForEditing(path: planPath)
        let j = try Journal.open(planPath: planPath, planBytes: opened.bytes)
        let store = PlanStore(plan: opened.plan, rules: Rules(asOf: Fixture.asOf))
        try j.apply(Edit(taskID: "t1", command: .addNote("丢弃"), date: day, author: nil), to: store)
        j.close(unsaved: false)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "precious")
        var st = stat()
        XCTAssertEqual(lstat(Journal.discardedPath(forPlan: planPath), &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFREG, "the link was replaced by the discarded journal itself")
        XCTAssertTrue(String(decoding: try PlanFile.read(path: Journal.discardedPath(forPlan: planPath)), as: UTF8.self).contains("丢弃"))
    }
}
