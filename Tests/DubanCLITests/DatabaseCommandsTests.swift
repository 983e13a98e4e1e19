import XCTest
import Foundation
import DubanCore
import DubanTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// What the database tests of the commands share (issue 15, pgcli): a folder, the built
/// binary run as a user runs it, and a plan pushed to a database of its own on the test
/// server (`TestDatabase`: `$DUBAN_TEST_PG`, else a cluster started for the run).
class DatabaseCommandsTestCase: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-dbcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    static var binary: URL {
        if let b = ProcessInfo.processInfo.environment["DUBAN_BINARY"], !b.isEmpty { return URL(fileURLWithPath: b) }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("duban")
    }

    struct Run { var status: Int32; var out: String; var err: String; var seconds: Double }

    /// The environment of every run: the language, and no ~/.pgpass or PG* of the machine's.
    var env: [String: String] { ["LANG": "C.UTF-8", "HOME": dir.path, "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": path("state")] }

    @discardableResult
    func duban(_ args: [String], lang: String = "C.UTF-8") throws -> Run {
        var e = env
        e["LANG"] = lang
        let r = try runToEnd(Self.binary, args, env: e, in: dir)
        return Run(status: r.status, out: String(decoding: r.out, as: UTF8.self), err: String(decoding: r.err, as: UTF8.self), seconds: r.seconds)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// A fresh database with duban's schema, the plan file pushed to it as `name`: its address.
    func pushed(_ file: String, as name: String = "p", file line: StaticString = #filePath, _ l: UInt = #line) throws -> String {
        let db = try TestDatabase.shared()
        let url = try db.freshDatabase()
        let i = try duban(["db", "init", url])
        XCTAssertEqual(i.status, 0, "db init: \(i.err)", file: line, line: l)
        let p = try duban(["push", file, url, "--as", name])
        XCTAssertEqual(p.status, 0, "push: \(p.err)", file: line, line: l)
        return url + (url.contains("?") ? "&" : "?") + "plan=" + name
    }

    /// The plan as the database holds it now, pulled to a file and read.
    func pulled(_ address: String, to name: String = "pulled.json") throws -> Plan {
        let r = try duban(["pull", address, "-o", path(name)])
        XCTAssertEqual(r.status, 0, "pull: \(r.err)")
        return try PlanFile.load(path: path(name))
    }

    /// A port on 127.0.0.1 nothing listens on.
    func deadPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(fd) }
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_addr.s_addr = inet_addr("127.0.0.1")
        a.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: a.sin_port))
    }
}

/// The read-only commands on a database give what they give on the pulled file; a server
/// that is down is said within seconds; extend and merge commit through the database.
final class DatabaseCommandsTests: DatabaseCommandsTestCase {
    /// The demo plan (history, a reporting cycle, extensions), pushed.
    func demo() throws -> (file: String, address: String) {
        let file = path("demo.json")
        let d = try duban(["demo", "-o", file])
        XCTAssertEqual(d.status, 0, d.err)
        return (file, try pushed(file, as: "demo"))
    }

    func testReadOnlyCommandsOnADatabaseGiveTheFilesOutput() throws {
        let (_, address) = try demo()
        let plan = try pulled(address)
        let file = path("pulled.json")
        // validate names the plan by its address, without the password.
        let v = try duban(["validate", address, "--lang", "en"])
        let vf = try duban(["validate", file, "--lang", "en"])
        XCTAssertEqual(v.status, 0, v.err)
        let name = v.out.range(of: ": valid").map { String(v.out[..<$0.lowerBound]) } ?? v.out
        XCTAssertTrue(name.hasPrefix("postgres://duban_test@127.0.0.1:") && name.hasSuffix("plan=demo"), name)
        XCTAssertFalse(v.out.contains("duban_test_pw"), "the password is never shown")
        XCTAssertEqual(v.out, vf.out.replacingOccurrences(of: file, with: name))
        let leader = plan.tasks.flatMap(\.leaders).first ?? "—"
        for args in [["report", "--by", "unit"], ["report", "--overdue", "--format", "json"], ["report", "--by", "chapter", "--format", "markdown"],
                     ["report", "--since", "2020-06-01", "--format", "csv"], ["report", "--leader", leader], ["report", "--unreported"]] {
            let a = try duban([args[0], address] + args.dropFirst() + ["--as-of", "2020-07-15"])
            let f = try duban([args[0], file] + args.dropFirst() + ["--as-of", "2020-07-15"])
            XCTAssertEqual(a.status, f.status, "\(args): \(a.err)")
            XCTAssertFalse(f.out.isEmpty && f.err.isEmpty, "\(args)")
            XCTAssertEqual(a.out.replacingOccurrences(of: name, with: "PLAN"), f.out.replacingOccurrences(of: file, with: "PLAN"), "\(args)")
            XCTAssertEqual(a.err.replacingOccurrences(of: name, with: "PLAN"), f.err.replacingOccurrences(of: file, with: "PLAN"), "\(args)")
        }
        // Files written from the database are the files written from the pulled plan.
        for (args, out) in [(["export", "--format", "csv", "--as-of", "2020-07-15"], "ledger"),
                            (["bulletin", "--as-of", "2020-07-31", "--format", "md"], "bulletin")] {
            let a = try duban([args[0], address] + args.dropFirst() + ["-o", path(out + "-db")])
            let f = try duban([args[0], file] + args.dropFirst() + ["-o", path(out + "-file")])
            XCTAssertEqual(a.status, 0, a.err)
            XCTAssertEqual(f.status, 0, f.err)
            let da = try Data(contentsOf: URL(fileURLWithPath: path(out + "-db")))
            XCTAssertGreaterThan(da.count, 100)
            XCTAssertEqual(da, try Data(contentsOf: URL(fileURLWithPath: path(out + "-file"))), out)
        }
    }

    func testADownServerIsSaidWithinSecondsNamingTheAddress() throws {
        let port = deadPort()
        let address = "postgres://duban_test:secret@127.0.0.1:\(port)/office?plan=p&sslmode=disable"
        for args in [["report", address], ["validate", address], ["set", address, "1", "--note", "x"],
                     ["extend", address, "1", "--to", "2020-09-30", "--reason", "r"]] {
            let r = try duban(args + ["--lang", "en"])
            XCTAssertEqual(r.status, 1, "\(args[0]): \(r.out) \(r.err)")
            XCTAssertLessThan(r.seconds, 15, "\(args[0]) took \(r.seconds) s")
            let said = args[0] == "validate" ? r.out + r.err : r.err
            XCTAssertTrue(said.contains("127.0.0.1:\(port)"), "\(args[0]): \(said)")
            XCTAssertTrue(said.contains("cannot reach the database server"), "\(args[0]): \(said)")
            XCTAssertFalse(said.contains("secret"), "\(args[0]): the password is never shown: \(said)")
        }
        let zh = try duban(["report", address])
        XCTAssertTrue(zh.err.contains("连不上数据库服务器"), zh.err)
    }

    func testSetAndExtendOnADatabase() throws {
        let (_, address) = try demo()
        let before = try pulled(address)
        guard let t = before.tasks.first(where: { $0.number != nil && $0.extensions.isEmpty && $0.status != .done }) else { return XCTFail("no task") }
        let label = t.id
        let s = try duban(["set", address, label, "--progress", "35", "--note", "「数据库上的进展」", "--as-of", "2020-07-02",
                           "--author", "市督查室", "--lang", "en"])
        XCTAssertEqual(s.status, 0, s.err)
        XCTAssertTrue(s.out.hasPrefix("\(t.number ?? t.id) "), s.out)
        XCTAssertTrue(s.out.contains("35%"), s.out)
        let e = try duban(["extend", address, label, "--to", "2020-12-15", "--reason", "资金未到位", "--approve",
                           "--on", "2020-07-03", "--author", "督查室", "--lang", "en"])
        XCTAssertEqual(e.status, 0, e.err)
        XCTAssertTrue(e.out.contains("2020-12-15"), e.out)
        let after = try pulled(address, to: "after.json")
        guard let u = after.tasks.first(where: { $0.id == t.id }) else { return XCTFail("gone") }
        XCTAssertEqual(u.progress, 35)
        XCTAssertEqual(Array(u.history.suffix(4).map(\.author)), ["市督查室", "市督查室", "督查室", "督查室"])
        XCTAssertEqual(u.history.suffix(3).first?.note, "「数据库上的进展」")
        XCTAssertEqual(u.extensions.last?.decision, .approved)
        XCTAssertEqual(u.deadline, PlanDate(iso: "2020-12-15"))
        // Every other task is as it was.
        XCTAssertEqual(after.tasks.filter { $0.id != t.id }, before.tasks.filter { $0.id != t.id })
        // A task that is not there is said, and nothing is made.
        let n = try duban(["set", address, "no-such-task", "--note", "x", "--lang", "en"])
        XCTAssertEqual(n.status, 1)
        XCTAssertTrue(n.err.contains("no-such-task"), n.err)
    }

    func testMergeOnADatabaseCommitsEachChangeAndReportsConflicts() throws {
        let (_, address) = try demo()
        let plan = try pulled(address)
        // A unit that leads two tasks or more.
        var led: [String: [PlanTask]] = [:]
        for t in plan.tasks { if let u = t.leadUnits.first { led[u, default: []].append(t) } }
        guard let unit = led.keys.sorted().first(where: { led[$0]!.count >= 2 }) else { return XCTFail("no unit with two tasks") }
        let x = try duban(["export", address, "--unit", unit, "-o", path("u.xlsx"), "--as-of", "2020-07-15", "--period", "2020-07"])
        XCTAssertEqual(x.status, 0, x.err)
        // The unit's sheet returned (row 3 is its first task, 4 the second; H 进度, I 本期进展,
        // the task's id in the last column): the first task's progress and note changed, the
        // second's progress.
        let ids = try openpyxl(path("u.xlsx"), path("back.xlsx"), """
        ws["H3"] = 77
        ws["I3"] = "「表格进展」"
        ws["H4"] = 93
        print(ws.cell(row=3, column=ws.max_column).value)
        print(ws.cell(row=4, column=ws.max_column).value)
        """).split(separator: "\n").map(String.init)
        guard ids.count == 2, let t1 = plan.tasks.first(where: { $0.id == ids[0] }), let t2 = plan.tasks.first(where: { $0.id == ids[1] }) else {
            return XCTFail("ids: \(ids)")
        }
        XCTAssertNotEqual(t1.progress, 77); XCTAssertNotEqual(t2.progress, 93)
        // Meanwhile an inspector changes the second task's progress: a conflict, not merged.
        let inspector = t2.progress == 5 ? 6 : 5
        let s = try duban(["set", address, t2.id, "--progress", "\(inspector)", "--as-of", "2020-07-16"])
        XCTAssertEqual(s.status, 0, s.err)
        let m = try duban(["merge", address, path("back.xlsx"), "--as-of", "2020-07-20"])
        XCTAssertEqual(m.status, 2, m.out + m.err)
        XCTAssertTrue(m.out.contains("冲突：任务"), m.out)
        XCTAssertTrue(m.out.contains("（\(t2.id)）进度"), m.out)
        XCTAssertTrue(m.out.contains("已合并到 postgres://duban_test@127.0.0.1:"), m.out)
        XCTAssertFalse(m.out.contains("duban_test_pw"), m.out)
        let after = try pulled(address, to: "after.json")
        let u1 = after.tasks.first { $0.id == t1.id }!
        XCTAssertEqual(u1.progress, 77)
        XCTAssertTrue(u1.history.contains { $0.note == "「表格进展」" && $0.author == unit && $0.period == "2020-07" }, "\(u1.history)")
        XCTAssertEqual(after.tasks.first { $0.id == t2.id }!.progress, inspector, "the conflict is not merged")
        // A dry run commits nothing.
        let dry = try duban(["merge", address, path("back.xlsx"), "--dry-run", "--as-of", "2020-07-21"])
        XCTAssertEqual(dry.status, 2, dry.err)
        XCTAssertEqual(try pulled(address, to: "again.json"), after)
        // --resolve is the dashboard's, on a file.
        let r = try duban(["merge", address, path("back.xlsx"), "--resolve"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("--resolve 需要计划文件"), r.err)
    }

    func testRecoverSendsADashboardsUnsentEdits() throws {
        let (_, address) = try demo()
        let plan = try pulled(address)
        let v = try duban(["validate", address, "--lang", "en"])
        let name = v.out.range(of: ": valid").map { String(v.out[..<$0.lowerBound]) } ?? v.out
        let day = PlanDate(iso: "2020-07-05")!
        let t1 = plan.tasks[0], t2 = plan.tasks[1]
        // What a dashboard keeps while the server is gone (pgtui's UnsentEdits file), made
        // on the tasks as pushed (version 1).
        var unsent = UnsentEdits(address: name, planName: "demo", environment: ["XDG_STATE_HOME": path("state")])
        let note = Edit(taskID: t1.id, command: .addNote("「断线时的进展」"), date: day, author: "张三")
        let progress = Edit(taskID: t2.id, command: .setProgress(t2.progress == 66 ? 67 : 66), date: day, author: "张三")
        try unsent.append(.init(edit: note, expecting: 1, after: try XCTUnwrap(t1.applying(note)), time: 1_593_907_200))
        try unsent.append(.init(edit: progress, expecting: 1, after: try XCTUnwrap(t2.applying(progress)), time: 1_593_907_260))
        let file = try XCTUnwrap(unsent.path)
        // Meanwhile someone else reports on the second task.
        XCTAssertEqual(try duban(["set", address, t2.id, "--note", "「在此期间」", "--author", "李四", "--as-of", "2020-07-06"]).status, 0)

        let dry = try duban(["recover", address, "--dry-run", "--lang", "en"])
        XCTAssertEqual(dry.status, 0, dry.err)
        XCTAssertTrue(dry.out.contains("\(name): 2 unsent edit(s) in \(file)"), dry.out)
        XCTAssertTrue(dry.out.contains("\(t1.id)  note “「断线时的进展」” (张三)"), dry.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file))

        let r = try duban(["recover", address, "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("\(name): sent 2 edit(s)"), r.out)
        XCTAssertTrue(r.err.contains("changed by 李四 since it was read"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file), "nothing left to send")
        let after = try pulled(address, to: "after.json")
        let u1 = after.tasks.first { $0.id == t1.id }!, u2 = after.tasks.first { $0.id == t2.id }!
        XCTAssertEqual(u1.history.last?.note, "「断线时的进展」")
        XCTAssertEqual(u2.progress, t2.progress == 66 ? 67 : 66)
        XCTAssertEqual(u2.history.suffix(2).map(\.author), ["李四", "张三"], "both kept, the other's first")
        XCTAssertEqual(try duban(["recover", address, "--lang", "en"]).out, "\(name): no unsent edits\n")

        // --discard drops them and sends nothing.
        var again = UnsentEdits(address: name, planName: "demo", environment: ["XDG_STATE_HOME": path("state")])
        try again.append(.init(edit: note, expecting: 2, after: u1, time: 1_593_907_300))
        let d = try duban(["recover", address, "--discard", "--lang", "en"])
        XCTAssertEqual(d.status, 0, d.err)
        XCTAssertTrue(d.out.contains("dropped 1 unsent edit(s)"), d.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        XCTAssertEqual(try pulled(address, to: "last.json"), after)
    }

    /// Edits a workbook with openpyxl (the second spreadsheet library); its printed lines.
    func openpyxl(_ input: String, _ output: String, _ edits: String) throws -> String {
        let script = path("edit.py")
        try """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb.worksheets[0]
        \(edits)
        wb.save(sys.argv[2])
        """.write(toFile: script, atomically: true, encoding: .utf8)
        // python3 as the machine's PATH finds it (openpyxl may live in a pyenv).
        let r = try runToEnd(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, input, output], env: ProcessInfo.processInfo.environment)
        XCTAssertEqual(r.status, 0, String(decoding: r.err, as: UTF8.self))
        return String(decoding: r.out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
