import XCTest
import Foundation
import DubanCore
import DubanTestSupport

/// The must-show of issue 15 for the command line: 8 concurrent writers, 100 `duban set`
/// each, on one plan in PostgreSQL: every edit is in the history afterwards, once; and with
/// the server restarted in the middle, no edit is lost: each `duban set` either exited 0 and
/// its edits are there, or exited non-zero naming the edits it did not make, and those are
/// not there. `DUBAN_WRITER_EDITS=N` for N runs each (100 by default).
final class DatabaseSetTests: DatabaseCommandsTestCase {
    /// Eight tasks, one for each writer, t1 shared by all.
    func planFile() throws -> String {
        var tasks: [String] = []
        for w in 1...8 {
            tasks.append(#"{"id": "t\#(w)", "number": "\#(w)", "chapter": null, "text": "任务\#(w)", "leadUnits": ["市发改委"], "deadline": "2020-12-31", "status": "inProgress", "progress": 10}"#)
        }
        let file = path("plan.json")
        try #"{"formatVersion": 1, "title": "并发测试", "year": 2020, "chapters": [], "tasks": [\#(tasks.joined(separator: ",\n"))]}"#
            .write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }

    final class Results: @unchecked Sendable {
        let lock = NSLock()
        /// Notes of the runs that exited 0.
        var ok: [String] = []
        /// Notes of the runs that exited non-zero and named it as not made.
        var refused: [String] = []
        /// Runs that exited non-zero without naming their note (each is a failure).
        var unexplained: [String] = []
        var done = 0
        /// Runs that said they lost the server and retried.
        var retried = 0
        func add(_ note: String, _ r: Run) {
            lock.lock(); defer { lock.unlock() }
            done += 1
            if r.err.contains("lost the database server") { retried += 1 }
            if r.status == 0 { ok.append(note) }
            else if r.err.contains(note) && (r.err.contains("edits not made") || r.err.contains("以下修改未提交")) { refused.append(note) }
            else { unexplained.append("\(note): exit \(r.status): \(r.err)") }
        }
        var count: Int { lock.lock(); defer { lock.unlock() }; return done }
    }

    /// 8 writers x `edits` runs of `duban set`: a note on each (writer w on t(w+1), on t1 every
    /// third run), and a progress on every other run. `during` runs beside them.
    func writers(_ address: String, edits: Int, during: (@Sendable (Results) -> Void)? = nil) -> Results {
        let results = Results()
        let group = DispatchGroup()
        if let during { DispatchQueue.global().async(group: group) { during(results) } }
        let exe = Self.binary, env = self.env, dir = self.dir!
        DispatchQueue.concurrentPerform(iterations: 8) { w in
            for e in 0..<edits {
                let note = "「w\(w)-e\(e)」"
                let task = e % 3 == 0 ? "t1" : "t\(w + 1)"
                var args = ["set", address, task, "--note", note, "--as-of", "2020-07-01", "--author", "w\(w)", "--lang", "en"]
                if e % 2 == 1 { args += ["--progress", "\((w * 7 + e) % 100)"] }
                let r = (try? runToEnd(exe, args, env: env, in: dir)).map {
                    Run(status: $0.status, out: String(decoding: $0.out, as: UTF8.self), err: String(decoding: $0.err, as: UTF8.self), seconds: $0.seconds)
                } ?? Run(status: -1, out: "", err: "could not start", seconds: 0)
                results.add(note, r)
            }
        }
        group.wait()
        return results
    }

    /// Every note of the writers in the plan as the database holds it, with how often.
    func notes(_ address: String) throws -> [String: Int] {
        var n: [String: Int] = [:]
        for t in try pulled(address).tasks { for h in t.history where h.note.hasPrefix("「w") { n[h.note, default: 0] += 1 } }
        return n
    }

    var editsEach: Int { Int(ProcessInfo.processInfo.environment["DUBAN_WRITER_EDITS"] ?? "") ?? 100 }

    func testEightConcurrentSetsOnADatabaseLoseNoEdit() throws {
        let address = try pushed(try planFile(), as: "conc")
        let edits = editsEach
        let start = Date()
        let r = writers(address, edits: edits)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(r.unexplained, [])
        XCTAssertEqual(r.refused, [], "nothing refused while the server is up")
        XCTAssertEqual(r.ok.count, 8 * edits)
        let n = try notes(address)
        XCTAssertEqual(n.count, 8 * edits, "every edit is in the history")
        XCTAssertEqual(n.values.filter { $0 != 1 }.count, 0, "none twice")
        XCTAssertEqual(Set(n.keys), Set(r.ok))
        print("8 x \(edits) duban set on a database: \(String(format: "%.1f", seconds)) s")
    }

    func testAServerRestartedMidRunLosesNoEdit() throws {
        let db = try TestDatabase.shared()
        let address = try pushed(try planFile(), as: "restart")
        let edits = editsEach
        final class Restarts: @unchecked Sendable { var done = false; var error: String?; var at = 0 }
        let restarts = Restarts()
        let r = writers(address, edits: edits) { results in
            // Once a quarter of the runs are done, the server is restarted (pg_ctl restart).
            while results.count < 2 * edits { usleep(20_000) }
            do { try db.restart() } catch { restarts.error = "\(error)" }
            restarts.at = results.count
            restarts.done = true
        }
        XCTAssertNil(restarts.error)
        XCTAssertTrue(restarts.done)
        XCTAssertLessThan(restarts.at, 8 * edits, "the server came back while the writers were still running")
        XCTAssertEqual(r.unexplained, [], "a run that failed names the edits it did not make")
        let n = try notes(address)
        XCTAssertEqual(n.values.filter { $0 != 1 }.count, 0, "no edit made twice: \(n.filter { $0.value != 1 })")
        for note in r.ok { XCTAssertEqual(n[note], 1, "\(note) exited 0 and is in the history") }
        for note in r.refused { XCTAssertNil(n[note], "\(note) was refused and is not in the history") }
        XCTAssertEqual(n.count, r.ok.count, "the total in the database equals the edits reported done")
        XCTAssertEqual(r.ok.count + r.refused.count, 8 * edits)
        print("8 x \(edits) duban set, server restarted after \(2 * edits) runs (back after \(restarts.at)): \(r.ok.count) made, "
              + "\(r.refused.count) refused with a message, \(r.retried) said they retried")
    }
}
