import DubanCore
import DubanSynthetic
import DubanPostgres
#if canImport(Glibc)
import Glibc
#endif

// issue 15 (pgdb): `duban-bench --only db [--tasks 100000] [--runs 5] [--edits 200] [--url URL]`.
// The province's archive (a generated plan) pushed to PostgreSQL, then in one run, taking
// turns: the plan loaded from the database (PostgresPlan.load) and from its JSON file
// (PlanFile.load), medians side by side; then the edit round trip (one setProgress commit,
// median and p95). Without --url (or $DUBAN_BENCH_PG) a throwaway cluster with PostgreSQL's
// durable defaults (fsync on) is started with scripts/pg-cluster.sh and stopped after.

struct DatabaseFigures {
    var tasks = 0
    var bytes = 0
    var push = 0.0
    var fileLoads: [Double] = []
    var dbLoads: [Double] = []
    var edits: [Double] = []
    var server = ""
}

func databaseBench(tasks: Int, runs: Int, edits: Int, url given: String?) -> DatabaseFigures? {
    var f = DatabaseFigures()
    var folder: String?
    var url = given ?? ""
    if given == nil {
        let dir = "/tmp/duban-bench-pg-\(getpid())"
        folder = dir
        setenv("PG_CLUSTER_DURABLE", "1", 1)
        guard let out = shell("bash scripts/pg-cluster.sh start '\(dir)'"), !out.isEmpty else {
            fputs("duban-bench: no PostgreSQL cluster (make setup installs postgresql)\n", stderr); return nil
        }
        url = out.trimmingCharacters()
    }
    defer { if let folder { _ = shell("bash scripts/pg-cluster.sh stop '\(folder)'") } }
    do {
        let admin = try PostgresAddress.parse(url)
        let dbName = "bench_\(getpid())"
        guard shell("psql '\(url.replacingOccurrences(of: "postgres://", with: "postgresql://"))' -X -q -tAc 'CREATE DATABASE \(dbName)'") != nil else { return nil }
        let db = admin.with(database: dbName)
        _ = try PostgresAdmin.initialize(db)
        f.server = shell("psql '\(url.replacingOccurrences(of: "postgres://", with: "postgresql://"))' -X -tAc 'SHOW server_version'")?.trimmingCharacters() ?? ""
        let plan = PlanGenerator(tasks: tasks, seed: 1).generate()
        let bytes = PlanJSON.encode(plan)
        f.tasks = plan.tasks.count; f.bytes = bytes.count
        let path = "/tmp/duban-bench-db-\(getpid()).json"
        defer { unlink(path) }
        try PlanFile.write(bytes, to: path)
        f.push = try timed { _ = try PostgresAdmin.push(db, plan: plan, bytes: bytes, name: "province", replace: false, progress: nil) }
        let shared = try PostgresPlan(address: db.with(plan: .some("province")))
        defer { shared.close() }
        // One of each first (warm caches on both sides), then taking turns.
        _ = try PlanFile.load(path: path)
        _ = try shared.load(progress: nil)
        for _ in 0..<runs {
            var keep: Any? = nil
            f.fileLoads.append(try timed { keep = try PlanFile.load(path: path) })
            keep = nil
            f.dbLoads.append(try timed { keep = try shared.load(progress: nil) })
            keep = nil
            _ = keep
        }
        var g = SystemRandomNumberGenerator()
        let date = PlanDate(year: 2020, month: 9, day: 1)!
        for k in 0..<edits {
            let t = plan.tasks[Int.random(in: 0..<plan.tasks.count, using: &g)]
            let edit = Edit(taskID: t.id, command: .setProgress((t.progress + 1 + k) % 100), date: date, author: "bench")
            f.edits.append(try timed { _ = try shared.commit(edit, expecting: nil, strings: Strings(.zh)) })
        }
    } catch {
        fputs("duban-bench: database: \(error)\n", stderr)
        return nil
    }
    return f
}

func databaseRows(_ f: DatabaseFigures) -> [String] {
    let file = median(f.fileLoads), db = median(f.dbLoads)
    let sorted = f.edits.sorted()
    let p95 = sorted.isEmpty ? Double.nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
    let ratio = db / file
    return [
        "| push of the \(f.tasks)-task plan (\(f.bytes / 1_000_000) MB) | \(seconds(f.push)) | | |",
        "| load from its JSON file (PlanFile.load, median of \(f.fileLoads.count)) | \(seconds(file)) | | |",
        "| load from the database (PostgresPlan.load, median of \(f.dbLoads.count)) | \(seconds(db)) (\(fixed(ratio, 2))x the file) | < 2x the file | \(ratio < 2 ? "met" : "MISSED") |",
        "| edit round trip (commit of a setProgress), median of \(f.edits.count) | \(seconds(median(f.edits))) | < 10 ms | \(median(f.edits) < 0.010 ? "met" : "MISSED") |",
        "| edit round trip, p95 of \(f.edits.count) | \(seconds(p95)) | | |",
    ]
}

/// A command's standard output, or nil when it failed.
func shell(_ command: String) -> String? {
    guard let p = popen(command, "r") else { return nil }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buf, 1, buf.count, p)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    return pclose(p) == 0 ? String(decoding: out, as: UTF8.self) : nil
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\n" || c == "\r" || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\n" || c == "\r" || c == "\t" { s.removeLast() }
        return String(s)
    }
}

enum ProcessInfoEnv {
    static func get(_ name: String) -> String? { getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
}
