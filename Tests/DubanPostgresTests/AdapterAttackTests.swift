import XCTest
import Foundation
import DubanCore
import DubanPostgres
import DubanTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The adapter against what it was not written for (issue 15, pgattack): rows edited by
/// hand into something that is not a plan, a very large task, a connection cut in the
/// middle of an answer. A clear error naming the plan and the task, never a crash.
final class AdapterAttackTests: PostgresTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        var p = Plan(title: "计划")
        p.tasks = [PlanTask(id: "t1", text: "推进项目建设"), PlanTask(id: "t2", text: "优化营商环境"), PlanTask(id: "t3", text: "加强安全生产")]
        p.tasks[1].leadUnits = ["市财政局"]
        try push(p, as: "p")
    }

    func sql(_ q: String) throws {
        try server.psql(url, q)
    }

    func loadError(file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let p = try open("p")
            defer { p.close() }
            _ = try p.load(progress: nil)
            XCTFail("the plan loaded", file: file, line: line)
            return ""
        } catch {
            guard case SharedPlanError.refused(_, let reason) = error else {
                XCTFail("\(error)", file: file, line: line); return ""
            }
            return reason
        }
    }

    func testATaskDocEditedIntoSomethingElseIsNamedWithThePlanAndTheTask() throws {
        for (doc, expected) in [("\"hello\"", "object"), ("{\"id\": \"t2\", \"text\": \"x\", \"progress\": \"abc\"}", "progress"),
                                ("{\"id\": \"t2\"}", "text"), ("{\"id\": \"t2\", \"text\": \"x\", \"status\": \"bogus\"}", "bogus"),
                                ("{\"id\": \"zz\", \"text\": \"x\"}", "expected a doc whose id is \"t2\", found \"zz\""),
                                ("{\"id\": \"t1\", \"text\": \"x\"}", "expected a doc whose id is \"t2\", found \"t1\"")] {
            try sql("UPDATE duban.tasks SET doc = $d$\(doc)$d$ WHERE id = 't2'")
            let reason = loadError()
            XCTAssertTrue(reason.contains("plan \"p\", task \"t2\""), "\(doc): \(reason)")
            XCTAssertTrue(reason.contains(expected), "\(doc): \(reason)")
            // An edit of that task says the same; of another task it goes through.
            let p = try open("p")
            defer { p.close() }
            XCTAssertThrowsError(try p.commit(Edit(taskID: "t2", command: .setProgress(5), date: Self.asOf), expecting: nil, strings: Strings(.en))) { e in
                guard case SharedPlanError.refused(_, let r) = e else { return XCTFail("\(e)") }
                XCTAssertTrue(r.contains("task \"t2\""), r)
            }
            guard case .committed = try p.commit(Edit(taskID: "t3", command: .addNote(doc), date: Self.asOf), expecting: nil, strings: Strings(.en)) else {
                return XCTFail()
            }
        }
    }

    func testADamagedHeaderIsRefusedNotACrash() throws {
        for (header, at) in [("x", "1"), ("{}", "99999"), ("{}", "-4"), ("{\"tasks\": [\n  ]}", "3")] {
            try sql("UPDATE duban.plans SET header = $h$\(header)$h$, tasks_at = \(at), original = NULL")
            XCTAssertTrue(loadError().contains("its header in the database is damaged"))
            XCTAssertThrowsError(try PostgresAdmin.pull(address, name: "p", progress: nil)) { e in
                guard case SharedPlanError.refused(_, let r) = e else { return XCTFail("\(e)") }
                XCTAssertTrue(r.contains("plan \"p\""), r)
            }
        }
    }

    func testAVeryLargeTaskGoesInAndOutAndAUnitReportsOnIt() throws {
        let login = "big_\(UInt32.random(in: 0...UInt32.max))"
        try PostgresAdmin.addUser(address, login: login, role: .unit, unit: "市大数据局", password: "big-pw")
        var p = Plan(title: "大计划")
        var t = PlanTask(id: "big", text: String(repeating: "推进数字政府建设，", count: 400_000))
        t.leadUnits = ["市大数据局"]
        t.history = (0..<5000).map { HistoryEntry(date: PlanDate(year: 2020, month: 1 + $0 % 12, day: 1 + $0 % 28)!, status: .inProgress,
                                                  progress: $0 % 100, note: "第\($0)次报送", author: "大数据局") }
        t.status = .inProgress
        t.progress = 50
        p.tasks = [t]
        let bytes = PlanJSON.encode(p)
        XCTAssertGreaterThan(bytes.count, 10_000_000)
        try push(p, as: "big")
        XCTAssertEqual(try PostgresAdmin.pull(address, name: "big", progress: nil), bytes)
        let base = server.address(database: address.database, user: login, password: "big-pw")
        let plan = try open("big", base: base)
        defer { plan.close() }
        XCTAssertEqual(try plan.load(progress: nil).plan, p)
        guard case .committed(let c) = try plan.commit(Edit(taskID: "big", command: .setProgress(60), date: Self.asOf), expecting: 1, strings: Strings(.en)) else {
            return XCTFail()
        }
        XCTAssertEqual(c.task.history.count, 5001)
        var after = p
        after.tasks[0] = c.task
        XCTAssertEqual(try PostgresAdmin.pull(address, name: "big", progress: nil), PlanJSON.encode(after))
    }

    func testAServerThatClosesTheConnectionMidAnswerIsSaidAndTheNextCallConnectsAgain() throws {
        var p = Plan(title: "计划")
        p.tasks = (0..<3000).map { PlanTask(id: "k\($0)", text: String(repeating: "落实责任", count: 40) + "\($0)") }
        try push(p, as: "many")
        let base = try XCTUnwrap(URLComponents(string: url))
        let proxy = try CuttingProxy(port: base.port!, cutAfter: 150_000)
        defer { proxy.stop() }
        var c = base
        c.port = Int(proxy.port)
        let plan = try open("many", base: c.string!)
        defer { plan.close() }
        XCTAssertThrowsError(try plan.load(progress: nil)) { e in
            guard case SharedPlanError.unreachable = e else { return XCTFail("\(e)") }
        }
        XCTAssertTrue(proxy.didCut)
        // The proxy cuts only its first connection: the plan connects again and loads.
        XCTAssertEqual(try plan.load(progress: nil).plan, p)
    }
}

/// A TCP proxy on 127.0.0.1 to a local port that closes its first connection after
/// `cutAfter` bytes from the server (a server gone in the middle of an answer).
final class CuttingProxy: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let target: UInt16
    private let cutAfter: Int
    private let lock = NSLock()
    private var cut = false
    private var stopped = false
    private var open: [Int32] = []

    var didCut: Bool { lock.lock(); defer { lock.unlock() }; return cut }

    init(port target: Int, cutAfter: Int) throws {
        self.target = UInt16(target); self.cutAfter = cutAfter
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = CuttingProxy.loopback(0)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) == 0 && listen(s, 8) == 0 && getsockname(s, $0, &len) == 0 }
        }
        guard ok else { close(s); throw POSIXError(.EADDRINUSE) }
        fd = s
        port = UInt16(bigEndian: addr.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    static func loopback(_ port: UInt16) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = port.bigEndian
        a.sin_addr.s_addr = inet_addr("127.0.0.1")
        return a
    }

    private func acceptLoop() {
        var first = true
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { return }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = CuttingProxy.loopback(target)
            let ok = withUnsafePointer(to: &addr) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            lock.lock(); open += [client, server]; let stop = stopped; lock.unlock()
            if !ok || stop { close(client); close(server); continue }
            let limit = first ? cutAfter : Int.max
            first = false
            Thread.detachNewThread { [self] in pump(from: client, to: server, limit: .max) }
            Thread.detachNewThread { [self] in pump(from: server, to: client, limit: limit) }
        }
    }

    private func pump(from a: Int32, to b: Int32, limit: Int) {
        var buf = [UInt8](repeating: 0, count: 16384)
        var sent = 0
        while true {
            let n = buf.withUnsafeMutableBytes { read(a, $0.baseAddress, min($0.count, max(1, limit - sent))) }
            if n <= 0 { break }
            let w = buf.withUnsafeBytes { write(b, $0.baseAddress, n) }
            if w <= 0 { break }
            sent += n
            if sent >= limit {
                lock.lock(); cut = true; lock.unlock()
                break
            }
        }
        shutdown(a, Int32(SHUT_RDWR)); shutdown(b, Int32(SHUT_RDWR))
    }

    func stop() {
        lock.lock(); stopped = true; let fds = open; open = []; lock.unlock()
        shutdown(fd, Int32(SHUT_RDWR)); close(fd)
        for f in fds { shutdown(f, Int32(SHUT_RDWR)); close(f) }
    }
}
