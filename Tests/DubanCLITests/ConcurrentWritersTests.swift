import XCTest
import Foundation
import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time, with real processes (issue 10): concurrent `duban set` lose no
/// edit, a second writer waits and says who holds the plan, then refuses; a plan with no
/// write bit is refused; a .bak that is a folder is said.
///
/// The binary is the one built beside this test bundle, or `DUBAN_BINARY` (run it once
/// against a release build: `DUBAN_BINARY=.build/release/duban`). 8 writers x 50 edits;
/// `DUBAN_WRITER_EDITS=N` for N edits each (50 by default: 22 s in debug, 9 s in release).
final class ConcurrentWritersTests: XCTestCase {
    var dir = ""
    var planPath: String { dir + "/plan.json" }

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "duban-writers-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var tasks: [String] = []
        for w in 1...8 {
            tasks.append(#"{"id": "t\#(w)", "number": "\#(w)", "chapter": null, "text": "任务\#(w)", "leadUnits": ["市发改委"], "deadline": "2020-12-31", "status": "inProgress", "progress": 10}"#)
        }
        try #"{"formatVersion": 1, "title": "并发测试", "year": 2020, "chapters": [], "tasks": [\#(tasks.joined(separator: ",\n"))]}"#
            .write(toFile: planPath, atomically: false, encoding: .utf8)
    }

    override func tearDown() {
        chmod(planPath, 0o644)
        try? FileManager.default.removeItem(atPath: dir)
    }

    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["DUBAN_BINARY"], !b.isEmpty { return b }
        return BuiltProducts.duban.path
    }

    typealias Run = Ran

    static func duban(_ args: [String], env: [String: String] = ["LANG": "C.UTF-8"]) throws -> Run {
        try runToEnd(URL(fileURLWithPath: binary), args, env: env).text
    }

    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    /// The history notes of every task in the plan file as saved (it must decode).
    func notes() throws -> String {
        let plan = try PlanFile.load(path: planPath)
        return plan.tasks.flatMap { $0.history.map { "\n" + $0.note + "\n" } }.joined()
    }

    func testEightConcurrentWritersLoseNoEditThatExitedZero() throws {
        let writers = 8
        let edits = Int(ProcessInfo.processInfo.environment["DUBAN_WRITER_EDITS"] ?? "") ?? 50
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var ok: [String] = []
            var refused: [(String, Int32, String)] = []
            var silent: [String] = []
        }
        let results = Results()
        let plan = planPath
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            for e in 0..<edits {
                let note = "「w\(w)-e\(e)」"
                // Each writer edits a task of its own and one task all share (t1).
                let task = e % 2 == 0 ? "t\(w + 1)" : "t1"
                let r = (try? Self.duban(["set", plan, task, "--note", note, "--progress", "\(e % 100)",
                                          "--as-of", "2020-07-01", "--author", "w\(w)"]))
                    ?? Run(status: -1, out: "", err: "could not start")
                results.lock.lock()
                if r.status == 0 { results.ok.append(note) }
                else if r.err.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { results.silent.append(note) }
                else { results.refused.append((note, r.status, r.err)) }
                results.lock.unlock()
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let onDisk = try notes()
        let lost = results.ok.filter { !onDisk.contains($0) }
        let leftovers = names().filter { $0 != "plan.json" && $0 != "plan.json.bak" && $0 != "plan.json.lock" }
        print("concurrent writers: \(writers) x \(edits) with \(Self.binary): \(results.ok.count) saved, "
              + "\(results.refused.count) refused, \(lost.count) lost, \(String(format: "%.1f", seconds)) s")
        for (note, status, err) in results.refused.prefix(5) { print("  refused \(note) (exit \(status)): \(err)") }
        XCTAssertEqual(lost, [], "edits that exited 0 but are not in the file")
        XCTAssertEqual(results.silent, [], "a failure with no message")
        XCTAssertTrue(results.refused.allSatisfy { $0.1 != 0 && !$0.2.isEmpty })
        XCTAssertEqual(results.ok.count + results.refused.count, writers * edits)
        XCTAssertLessThanOrEqual(results.refused.count, writers * edits / 20, "refusals should be few")
        XCTAssertEqual(leftovers, [], "temporaries left behind")
        XCTAssertNil(PlanLock.holder(ofPlan: planPath), "nobody holds the plan afterwards")
        // Every note that was refused is not in the file either: nothing half-done.
        for (note, _, _) in results.refused { XCTAssertFalse(onDisk.contains(note), note) }
    }

    func testASecondWriterWaitsSaysWhoHoldsThePlanThenRefuses() throws {
        let before = try PlanFile.read(path: planPath)
        let lock = try PlanLock.acquire(planPath: planPath, command: "duban set", wait: 0)
        let start = Date()
        let r = try Self.duban(["set", planPath, "t2", "--note", "等一等", "--wait", "1", "--lang", "en"])
        let elapsed = Date().timeIntervalSince(start)
        lock.release()
        XCTAssertEqual(r.status, 1)
        let lines = r.err.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, r.err)
        let first = lines.first ?? ""
        let user = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "?"
        XCTAssertTrue(first.hasPrefix("\(planPath) is being saved by duban set (pid \(getpid()), \(user)@"), first)
        XCTAssertTrue(first.hasSuffix("; waiting (up to 1.0 s)..."), first)
        let since = first.range(of: ") since ").map { first[$0.upperBound...].prefix(8) } ?? ""
        XCTAssertTrue(since.count == 8 && since.filter { $0 == ":" }.count == 2, "since HH:MM:SS: \(first)")
        XCTAssertTrue(lines.last?.contains("still held after waiting 1.0 s; nothing was changed") ?? false, r.err)
        XCTAssertGreaterThanOrEqual(elapsed, 1.0)
        XCTAssertLessThan(elapsed, 6)
        XCTAssertEqual(try PlanFile.read(path: planPath), before)
        // DUBAN_LOCK_WAIT sets the wait for every writer; Chinese by default.
        let lock2 = try PlanLock.acquire(planPath: planPath, command: "duban", wait: 0)
        let zh = try Self.duban(["set", planPath, "t2", "--note", "等一等"], env: ["LANG": "C.UTF-8", "DUBAN_LOCK_WAIT": "0.3"])
        lock2.release()
        XCTAssertEqual(zh.status, 1)
        XCTAssertTrue(zh.err.contains("正在被 duban（进程 \(getpid())"), zh.err)
        XCTAssertTrue(zh.err.contains("未做任何修改"), zh.err)
        // Free again: it goes through.
        let ok = try Self.duban(["set", planPath, "t2", "--note", "等一等", "--as-of", "2020-07-01"])
        XCTAssertEqual(ok.status, 0, ok.err)
        XCTAssertTrue(try notes().contains("等一等"))
    }

    func testRecoverAndImportOntoAPlanTakeTheSameLock() throws {
        let before = try PlanFile.read(path: planPath)
        let notice = dir + "/notice.txt"
        try "2020年重点工作任务分解\n一、经济\n1. 推进项目建设。（责任单位：市发改委）\n".write(toFile: notice, atomically: false, encoding: .utf8)
        let lock = try PlanLock.acquire(planPath: planPath, command: "duban set", wait: 0)
        let env = ["LANG": "en_US.UTF-8", "DUBAN_LOCK_WAIT": "0.3"]
        let rec = try Self.duban(["recover", planPath], env: env)
        let imp = try Self.duban(["import", notice, "-o", planPath], env: env)
        lock.release()
        for r in [rec, imp] {
            XCTAssertEqual(r.status, 1, r.err)
            XCTAssertTrue(r.err.contains("is being saved by duban set (pid \(getpid())"), r.err)
            XCTAssertTrue(r.err.contains("nothing was changed"), r.err)
        }
        XCTAssertEqual(try PlanFile.read(path: planPath), before)
        let free = try Self.duban(["import", notice, "-o", planPath], env: env)
        XCTAssertEqual(free.status, 0, free.err)
        XCTAssertNotEqual(try PlanFile.read(path: planPath), before)
    }

    func testAPlanWithNoWriteBitIsRefusedEvenForRoot() throws {
        XCTAssertEqual(chmod(planPath, 0o444), 0)
        let before = try PlanFile.read(path: planPath)
        let r = try Self.duban(["set", planPath, "t1", "--status", "done", "--lang", "en"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "\(planPath): the file is read-only (no write permission); nothing was changed\n")
        XCTAssertEqual(try PlanFile.read(path: planPath), before)
        // import -o onto it is refused too.
        let notice = dir + "/notice.txt"
        try "2020年重点工作任务分解\n一、经济\n1. 推进项目建设。（责任单位：市发改委）\n".write(toFile: notice, atomically: false, encoding: .utf8)
        let i = try Self.duban(["import", notice, "-o", planPath, "--lang", "en"])
        XCTAssertEqual(i.status, 1, i.err)
        XCTAssertTrue(i.err.contains("read-only"), i.err)
        XCTAssertEqual(try PlanFile.read(path: planPath), before)
    }

    func testABackupThatIsAFolderIsSaidOnStandardError() throws {
        XCTAssertEqual(mkdir(planPath + ".bak", 0o755), 0)
        let r = try Self.duban(["set", planPath, "t3", "--note", "无备份", "--as-of", "2020-07-01", "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err, "warning: no backup was kept as \(planPath).bak (it is a folder); the new version was saved\n")
        XCTAssertTrue(try notes().contains("无备份"))
        var isDir: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: planPath + ".bak", isDirectory: &isDir) && isDir.boolValue)
    }
}
