import Foundation

/// The PostgreSQL server the database tests use (issue 15): `$DUBAN_TEST_PG` when the test
/// run was wrapped (`make test` starts a cluster with scripts/pg-cluster.sh and exports its
/// URL, and its folder as `$DUBAN_TEST_PG_DIR`), else a cluster this test process starts
/// once with the same script and stops when it exits. Each test takes a database of its own
/// (`freshDatabase`), so tests don't see each other's plans. PostgreSQL not installed is a
/// failure ("install postgresql: make setup"), never a skip.
public final class TestDatabase: @unchecked Sendable {
    public enum Problem: Error, CustomStringConvertible {
        case notInstalled(String)
        case failed(String)
        public var description: String {
            switch self {
            case .notInstalled(let s): return "install postgresql: make setup (\(s))"
            case .failed(let s): return s
            }
        }
    }

    /// The superuser's address of the server's `postgres` database.
    public let url: String
    /// The cluster's folder, when known (for `restart`).
    public let folder: String?
    private let ownsCluster: Bool
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: Result<TestDatabase, Error>?

    public static let script = FixtureFiles.folder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/pg-cluster.sh").path

    /// The server, started on first use.
    public static func shared() throws -> TestDatabase {
        lock.lock(); defer { lock.unlock() }
        if let made { return try made.get() }
        let r = Result { try TestDatabase.start() }
        made = r
        return try r.get()
    }

    private init(url: String, folder: String?, ownsCluster: Bool) {
        self.url = url; self.folder = folder; self.ownsCluster = ownsCluster
    }

    private static func start() throws -> TestDatabase {
        let env = ProcessInfo.processInfo.environment
        if let u = env["DUBAN_TEST_PG"], !u.isEmpty {
            return TestDatabase(url: u, folder: env["DUBAN_TEST_PG_DIR"], ownsCluster: false)
        }
        let folder = "/tmp/duban-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let r = try runScript("start", folder)
        if r.status == 3 { throw Problem.notInstalled(r.err.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard r.status == 0 else { throw Problem.failed("pg-cluster.sh start failed: \(r.err)") }
        let db = TestDatabase(url: r.out.trimmingCharacters(in: .whitespacesAndNewlines), folder: folder, ownsCluster: true)
        stopAtExit = folder
        atexit {
            // Not Foundation's Process: it hangs when started from an exit handler.
            if let f = TestDatabase.stopAtExit {
                _ = system("/bin/bash '\(TestDatabase.script)' stop '\(f)' >/dev/null 2>&1")
            }
        }
        return db
    }

    nonisolated(unsafe) static var stopAtExit: String?

    /// A new, empty database on the server; its address (the superuser's).
    public func freshDatabase(prefix: String = "t") throws -> String {
        let name = "\(prefix)_\(UInt64.random(in: 0...UInt64.max) % 1_000_000_000_000)"
        try psql(url, "CREATE DATABASE \(name)")
        return address(database: name)
    }

    /// This server's address for another database, user and password.
    public func address(database: String, user: String? = nil, password: String? = nil) -> String {
        guard var c = URLComponents(string: url) else { return url }
        c.path = "/" + database
        if let user { c.user = user; c.password = password }
        return c.string ?? url
    }

    /// Runs SQL through psql; its standard output (unaligned, tuples only).
    @discardableResult
    public func psql(_ address: String, _ sql: String) throws -> String {
        let r = try psqlRun(address, sql)
        guard r.status == 0 else { throw Problem.failed("psql: \(r.err)") }
        return r.out
    }

    /// Runs SQL through psql, its status, output and errors (for the tests of refusals).
    public func psqlRun(_ address: String, _ sql: String) throws -> (status: Int32, out: String, err: String) {
        let r = try TestDatabase.run(TestDatabase.psqlPath, [address.replacingOccurrences(of: "postgres://", with: "postgresql://"),
                                                                "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql])
        return (r.status, r.out, r.err)
    }

    static var psqlPath: String {
        for p in ["/usr/bin/psql", "/usr/local/bin/psql"] where FileManager.default.isExecutableFile(atPath: p) { return p }
        return "/usr/bin/psql"
    }

    /// Stops and starts the server on the same port (a server gone and back).
    public func restart() throws {
        guard let folder else { throw Problem.failed("restart: the cluster's folder is not known (DUBAN_TEST_PG_DIR)") }
        let r = try TestDatabase.runScript("restart", folder)
        guard r.status == 0 else { throw Problem.failed("pg-cluster.sh restart: \(r.err)") }
    }

    /// The cluster script, through system(3) with its output in files: the server it starts
    /// keeps descriptors Foundation's Process watches for the child's end, so a Process
    /// would wait for the server to stop.
    static func runScript(_ verb: String, _ folder: String) throws -> (status: Int32, out: String, err: String) {
        let out = folder + ".out", err = folder + ".err"
        let status = system("/bin/bash '\(script)' \(verb) '\(folder)' >'\(out)' 2>'\(err)' </dev/null")
        defer { unlink(out); unlink(err) }
        let o = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let e = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        let code: Int32 = status == -1 ? 127 : (status >> 8) & 0xff
        return (code, o, e)
    }

    static func run(_ exe: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        guard FileManager.default.isExecutableFile(atPath: exe) else {
            throw Problem.notInstalled("\(exe) is missing")
        }
        var env = ProcessInfo.processInfo.environment
        env["PGCONNECT_TIMEOUT"] = "5"
        let r = try runToEnd(URL(fileURLWithPath: exe), args, env: env)
        return (r.status, String(decoding: r.out, as: UTF8.self), String(decoding: r.err, as: UTF8.self))
    }
}
