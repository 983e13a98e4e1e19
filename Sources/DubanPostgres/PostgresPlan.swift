import DubanCore
import PostgresNIO
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// DubanCore's `SharedPlan` on PostgreSQL (issue 15): the plan loaded whole from the
/// database, each edit one transaction on one task row and one change-log row, checked
/// against the row's version, LISTEN/NOTIFY for the others' edits. Thread-safe: one
/// connection, one call on it at a time; the listening has its own connection.
public final class PostgresPlan: SharedPlan, @unchecked Sendable {
    public let address: PostgresAddress
    public let planName: String
    public private(set) var access: SharedAccess
    public var displayAddress: String { address.display }

    private var conn: PGConnection?
    private var planID: Int64
    private var lock = pthread_mutex_t()
    private var listener: Listener?
    /// How long a commit keeps trying to reach a server that went away (a restart).
    public var reconnectSeconds = 6.0

    /// Installs the adapter: what the command line calls at start-up.
    public static func open(address: String, strings: Strings) throws -> SharedPlan {
        try PostgresPlan(address: PostgresAddress.parse(address))
    }

    public init(address: PostgresAddress) throws {
        guard let name = address.plan else {
            throw SharedPlanError.badAddress(address: address.display, reason: "plan: the address names no plan (add ?plan=NAME)")
        }
        self.address = address
        self.planName = name
        pthread_mutex_init(&lock, nil)
        let c = try PGConnection.connect(address)
        conn = c
        do {
            try PostgresAdmin.requireSchema(c)
            // A login without an account in this database sees no plan: said as such.
            let account = try PostgresAdmin.access(c)
            guard let id = try PostgresPlan.findPlan(c, name: name) else {
                if account == nil { throw PostgresAdminError.noAccount(login: address.user, address: address.display) }
                throw SharedPlanError.noSuchPlan(name: name, address: address.display)
            }
            planID = id
            guard let account else { throw PostgresAdminError.noAccount(login: address.user, address: address.display) }
            access = account
        } catch {
            c.close()
            throw error
        }
    }

    deinit {
        close()
        pthread_mutex_destroy(&lock)
    }

    static func findPlan(_ c: PGConnection, name: String) throws -> Int64? {
        try c.query("SELECT id FROM duban.plans WHERE name = \(name)").first?.decode(Int64.self)
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        return try body()
    }

    /// The connection, opened again if the server closed it.
    private func connection() throws -> PGConnection {
        if let c = conn, !c.isClosed { return c }
        conn?.close()
        conn = nil
        let c = try PGConnection.connect(address)
        conn = c
        return c
    }

    // MARK: load

    public func load(progress: ProgressLine?) throws -> SharedSnapshot {
        try locked {
            let c = try connection()
            try c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let snap = try loadInTransaction(c, progress: progress)
                try c.query("COMMIT")
                return snap
            } catch {
                _ = try? c.query("ROLLBACK")
                throw error
            }
        }
    }

    private func loadInTransaction(_ c: PGConnection, progress: ProgressLine?) throws -> SharedSnapshot {
        guard let head = try c.query("SELECT id, header, tasks_at, position, size FROM duban.plans WHERE name = \(planName)").first else {
            throw SharedPlanError.noSuchPlan(name: planName, address: address.display)
        }
        let (id, header, tasksAt, position, size) = try head.decode((Int64, String, Int, Int64, Int).self)
        planID = id
        let frame = try PostgresPlan.frame(header: header, tasksAt: tasksAt, plan: planName, address: address)
        progress?.begin(.load, name: address.display, total: size)
        defer { progress?.end() }
        let box = LoadBox(frame: frame, capacity: max(0, size) + 4096, progress: progress)
        try c.stream("SELECT doc, id, version FROM duban.tasks WHERE plan_id = \(id) ORDER BY ord") { row in
            box.add(row)
        }
        if let e = box.error { throw e }
        let plan = try box.plan(name: planName, address: address)
        return SharedSnapshot(plan: plan, versions: box.versions, position: position)
    }

    /// The plan's frame from its `plans` row, refused (never a crash) when `tasks_at` does
    /// not point at the tasks array's `[` and closing line in `header`: a row edited by hand.
    static func frame(header: String, tasksAt: Int, plan: String, address: PostgresAddress) throws -> PlanJSON.Frame {
        let bytes = Array(header.utf8)
        let close = Array("\n  ]".utf8)
        guard tasksAt >= 1, tasksAt + close.count <= bytes.count, bytes[tasksAt - 1] == UInt8(ascii: "["),
              Array(bytes[tasksAt..<(tasksAt + close.count)]) == close else {
            throw SharedPlanError.refused(address: address.display, reason: """
                plan "\(plan)": its header in the database is damaged (tasks_at \(tasksAt) is not the place of the tasks array                 in a header of \(bytes.count) bytes); push the plan again with --replace
                """)
        }
        return PlanJSON.Frame(bytes: bytes, split: tasksAt)
    }

    /// The rows of a load joined into the plan's bytes as they arrive.
    final class LoadBox: @unchecked Sendable {
        let frame: PlanJSON.Frame
        var out: [UInt8] = []
        var versions: [String: Int] = [:]
        /// Each row's id and where its doc lies in `out`, in order (to name a doc that
        /// does not read).
        var rows: [(id: String, start: Int, end: Int)] = []
        var n = 0
        var error: Error?
        let progress: ProgressLine?
        init(frame: PlanJSON.Frame, capacity: Int, progress: ProgressLine?) {
            self.frame = frame; self.progress = progress
            out.reserveCapacity(capacity)
            out.append(contentsOf: frame.bytes[..<frame.split])
        }
        func add(_ row: PostgresRow) {
            var it = row.makeIterator()
            guard let docCell = it.next(), let idCell = it.next(), let vCell = it.next(), let doc = docCell.bytes else {
                error = SharedPlanError.refused(address: "", reason: "a task row without its doc"); return
            }
            out.append(contentsOf: n == 0 ? PlanJSON.taskSeparator(first: true) : PlanJSON.taskSeparator(first: false))
            let start = out.count
            doc.withUnsafeReadableBytes { out.append(contentsOf: $0) }
            do {
                let id = try idCell.decode(String.self)
                versions[id] = try vCell.decode(Int.self)
                rows.append((id, start, out.count))
            } catch { self.error = error }
            n += 1
            if n & 1023 == 0 { progress?.advance(to: out.count) }
        }
        func finish() -> [UInt8] {
            if n == 0 { out.append(contentsOf: frame.bytes[(frame.split + 3)...]) }
            else { out.append(contentsOf: frame.bytes[frame.split...]) }
            return out
        }

        /// The joined bytes read as a plan. When they do not, the task whose doc does not
        /// read as a task is named (the plan, its id, what the reader expected), else the
        /// plan; a doc whose `id` is not its row's is refused too.
        func plan(name: String, address: PostgresAddress) throws -> Plan {
            let bytes = finish()
            let plan: Plan
            do {
                plan = try PlanJSON.decode(bytes, file: address.display)
            } catch {
                var ids: [String] = []
                ids.reserveCapacity(rows.count)
                for r in rows {
                    do { ids.append(try PlanJSON.decodeTask(Array(bytes[r.start..<r.end]), file: "duban.tasks \(r.id)").id) } catch let e {
                        throw PostgresPlan.unreadable(plan: name, task: r.id, address: address, e)
                    }
                }
                try PostgresPlan.checkIDs(ids, rows: rows.map(\.id), plan: name, address: address)
                throw SharedPlanError.refused(address: address.display, reason: "plan \"\(name)\" in the database does not read as a plan: \(error)")
            }
            try PostgresPlan.checkIDs(plan.tasks.map(\.id), rows: rows.map(\.id), plan: name, address: address)
            return plan
        }
    }

    /// A task's doc that does not read as a task, said with the plan and the task.
    static func unreadable(plan: String, task: String, address: PostgresAddress, _ error: Error) -> SharedPlanError {
        .refused(address: address.display, reason: "plan \"\(plan)\", task \"\(task)\": its doc in the database does not read as a task: \(error)")
    }

    struct Said: Error, CustomStringConvertible {
        var description: String
        init(_ s: String) { description = s }
    }

    /// Each doc's `id` is its row's: a doc edited to another id would be another task.
    static func checkIDs(_ ids: [String], rows: [String], plan: String, address: PostgresAddress) throws {
        guard ids != rows else { return }
        for (k, row) in rows.enumerated() where k >= ids.count || ids[k] != row {
            throw unreadable(plan: plan, task: row, address: address,
                             Said("expected a doc whose id is \"\(row)\", found \(k < ids.count ? "\"\(ids[k])\"" : "none")"))
        }
        throw SharedPlanError.refused(address: address.display, reason: "plan \"\(plan)\": \(ids.count) tasks read from \(rows.count) rows")
    }

    // MARK: commit

    public func commit(_ edit: Edit, expecting version: Int?, strings: Strings) throws -> SharedCommit {
        try commit(edit, expecting: version, strings: strings, editID: nil)
    }

    /// issue 15, pgloop: a name given by the caller is looked for first (the edit may have
    /// been committed by an earlier try whose answer was lost); a name of its own only on
    /// a retry within this call.
    public func commit(_ edit: Edit, expecting version: Int?, strings: Strings, editID given: String?) throws -> SharedCommit {
        let editID = given ?? PostgresPlan.randomID()
        let started = ProgressLine.monotonic()
        var attempt = 0
        while true {
            do {
                return try locked {
                    try commitOnce(edit, expecting: version, strings: strings, editID: editID, retry: attempt > 0 || given != nil)
                }
            } catch {
                attempt += 1
                let state = PGConnection.sqlState(error)
                if state == "40001" || state == "40P01", attempt < 5 { continue }
                let lost: Bool
                if let e = error as? SharedPlanError, case .unreachable = e { lost = true } else { lost = PGConnection.isConnectionLost(error) }
                if lost, ProgressLine.monotonic() - started < reconnectSeconds {
                    locked { conn?.close(); conn = nil }
                    usleep(250_000)
                    continue
                }
                throw PGConnection.mapError(error, address: address, task: edit.taskID, connecting: false)
            }
        }
    }

    static func randomID() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(g.next() as UInt64, radix: 16) }.joined(separator: "-")
    }

    private func commitOnce(_ edit: Edit, expecting: Int?, strings: Strings, editID: String, retry: Bool) throws -> SharedCommit {
        let c = try connection()
        try c.query("BEGIN")
        do {
            let result = try commitInTransaction(c, edit, expecting: expecting, strings: strings, editID: editID, retry: retry)
            if case .unchanged = result { try c.query("ROLLBACK") } else { try c.query("COMMIT") }
            return result
        } catch {
            if !c.isClosed { _ = try? c.query("ROLLBACK") }
            throw error
        }
    }

    private func commitInTransaction(_ c: PGConnection, _ edit: Edit, expecting: Int?, strings: Strings,
                                     editID: String, retry: Bool) throws -> SharedCommit {
        let id = planID, taskID = edit.taskID
        if retry, let row = try c.query("""
            SELECT doc, version, author, position, task_id FROM duban.changes WHERE edit_id = \(editID)
            """, task: taskID).first {
            // The first try was committed before the connection went: that is the answer.
            return .committed(try change(row))
        }
        let rows = try c.query("""
            SELECT t.doc, t.version, p.position FROM duban.tasks t JOIN duban.plans p ON p.id = t.plan_id
            WHERE t.plan_id = \(id) AND t.id = \(taskID) FOR UPDATE OF t
            """, task: taskID)
        guard let row = rows.first else {
            let visible = try c.query("SELECT 1 FROM duban.tasks WHERE plan_id = \(id) AND id = \(taskID)", task: taskID)
            if visible.isEmpty { throw EditError.noSuchTask(taskID) }
            throw SharedPlanError.notPermitted(task: taskID, reason: notPermittedReason(strings))
        }
        let (doc, current, position) = try row.decode((String, Int, Int64).self)
        let task = try decodeTask(doc, id: taskID)
        guard let changed = try task.applying(edit, strings: strings) else {
            return .unchanged(SharedChange(task: task, version: current, author: nil, position: position))
        }
        let newDoc = String(decoding: PlanJSON.encodeTask(changed), as: UTF8.self)
        let note = changed.history.last?.note ?? ""
        let written = try c.query("""
            WITH t AS (UPDATE duban.tasks SET doc = \(newDoc), version = version + 1
                       WHERE plan_id = \(id) AND id = \(taskID) RETURNING version),
                 p AS (UPDATE duban.plans SET position = position + 1 WHERE id = \(id) RETURNING position)
            INSERT INTO duban.changes (plan_id, position, task_id, version, author, edit, doc, edit_id)
            SELECT \(id), p.position, \(taskID), t.version, \(edit.author), \(note), \(newDoc), \(editID) FROM t, p
            RETURNING position, version
            """, task: taskID)
        guard let w = written.first else {
            throw SharedPlanError.notPermitted(task: taskID, reason: notPermittedReason(strings))
        }
        let (newPosition, newVersion) = try w.decode((Int64, Int).self)
        let mine = SharedChange(task: changed, version: newVersion, author: edit.author, position: newPosition)
        guard let expecting, expecting != current else { return .committed(mine) }
        let others = try c.query("""
            SELECT doc, version, author, position, task_id FROM duban.changes
            WHERE plan_id = \(id) AND task_id = \(taskID) AND version > \(expecting) AND version <= \(current)
            ORDER BY position
            """, task: taskID).map(change)
        return .merged(mine, others: others)
    }

    private func notPermittedReason(_ S: Strings) -> String {
        switch access {
        case .leader: return S.lang == .zh ? "领导账号只能查看" : "a leader's account only reads"
        case .unit(let u): return S.lang == .zh ? "单位账号 \(u) 只能报送本单位牵头的任务" : "the account of \(u) reports only on the tasks it leads"
        case .inspector: return S.lang == .zh ? "此账号无权修改" : "this login may not change it"
        }
    }

    private func decodeTask(_ doc: String, id: String) throws -> PlanTask {
        let t: PlanTask
        do { t = try PlanJSON.decodeTask(Array(doc.utf8), file: "duban.tasks \(id)") }
        catch { throw PostgresPlan.unreadable(plan: planName, task: id, address: address, error) }
        try PostgresPlan.checkIDs([t.id], rows: [id], plan: planName, address: address)
        return t
    }

    /// A change row: `doc, version, author, position, task_id`.
    private func change(_ row: PostgresRow) throws -> SharedChange {
        let (doc, version, author, position, id) = try row.decode((String, Int, String?, Int64, String).self)
        return SharedChange(task: try decodeTask(doc, id: id), version: version, author: author, position: position)
    }

    // MARK: changes and listening

    public func changes(since position: Int64) throws -> [SharedChange] {
        try locked {
            let c = try connection()
            let rows = try c.query("""
                SELECT t.doc, t.version, l.author, l.position, t.id
                FROM (SELECT DISTINCT ON (task_id) task_id, author, position FROM duban.changes
                      WHERE plan_id = \(planID) AND position > \(position) ORDER BY task_id, position DESC) l
                JOIN duban.tasks t ON t.plan_id = \(planID) AND t.id = l.task_id
                ORDER BY l.position
                """)
            return try rows.map(change)
        }
    }

    public func listen(_ notify: @escaping @Sendable () -> Void) throws {
        let l: Listener = try locked {
            if let l = listener { return l }
            let l = Listener(address: address, channel: "duban_plan_\(planID)")
            listener = l
            return l
        }
        try l.start(notify)
    }

    public func close() {
        let l: Listener? = locked {
            let l = listener
            listener = nil
            conn?.close()
            conn = nil
            return l
        }
        l?.stop()
    }
}

/// LISTEN on the plan's channel on its own connection; when that connection goes (a server
/// restart) it connects again every second and, once back, calls the callback once so the
/// caller asks for what it missed.
final class Listener: @unchecked Sendable {
    let address: PostgresAddress
    let channel: String
    private var lock = pthread_mutex_t()
    private var conn: PGConnection?
    private var context: PostgresListenContext?
    private var notify: (@Sendable () -> Void)?
    private var stopped = false
    private let queue = DispatchQueue(label: "duban.postgres.listen")

    init(address: PostgresAddress, channel: String) {
        self.address = address; self.channel = channel
        pthread_mutex_init(&lock, nil)
    }

    func start(_ notify: @escaping @Sendable () -> Void) throws {
        pthread_mutex_lock(&lock)
        self.notify = notify
        let running = conn != nil
        pthread_mutex_unlock(&lock)
        if !running { try connect() }
    }

    private func connect() throws {
        let c = try PGConnection.connect(address)
        let ctx = c.connection.addListener(channel: channel) { [weak self] _, _ in
            self?.fire()
        }
        // A query after the LISTEN: when it is answered the LISTEN is in place.
        try c.query("SELECT 1")
        pthread_mutex_lock(&lock)
        if stopped {
            pthread_mutex_unlock(&lock)
            ctx.stop(); c.close(); return
        }
        conn = c; context = ctx
        pthread_mutex_unlock(&lock)
        c.connection.closeFuture.whenComplete { [weak self] _ in
            guard let me = self else { return }
            me.queue.asyncAfter(deadline: .now() + 1) { [weak me] in me?.reconnect() }
        }
    }

    private func reconnect() {
        pthread_mutex_lock(&lock)
        if stopped { pthread_mutex_unlock(&lock); return }
        conn = nil; context = nil
        pthread_mutex_unlock(&lock)
        do {
            try connect()
            fire()
        } catch {
            queue.asyncAfter(deadline: .now() + 1) { [weak self] in self?.reconnect() }
        }
    }

    private func fire() {
        pthread_mutex_lock(&lock)
        let n = notify
        pthread_mutex_unlock(&lock)
        guard let n else { return }
        queue.async { n() }
    }

    func stop() {
        pthread_mutex_lock(&lock)
        stopped = true
        let c = conn, ctx = context
        conn = nil; context = nil; notify = nil
        pthread_mutex_unlock(&lock)
        ctx?.stop()
        c?.close()
    }
}
