import DubanCore
import PostgresNIO

/// What an office does to its database besides editing (issue 15): `duban db init` (the
/// schema and roles, by numbered migrations), `duban db user add`, `duban push` and
/// `duban pull`. Each call opens its own connection and closes it.
public enum PostgresAdmin {
    /// What `db init` did.
    public struct InitResult: Sendable, Equatable {
        /// The version the database was at before (0: no duban schema).
        public var from: Int
        public var to: Int
    }

    /// Applies the migrations the database has not had, each in one transaction.
    public static func initialize(_ address: PostgresAddress) throws -> InitResult {
        let c = try PGConnection.connect(address)
        defer { c.close() }
        // Two inits at once: the second waits for the first, then finds nothing to do.
        try c.query("SELECT pg_advisory_lock(7461626)")
        defer { _ = try? c.query("SELECT pg_advisory_unlock(7461626)") }
        try c.execute([
            "CREATE SCHEMA IF NOT EXISTS duban",
            """
            CREATE TABLE IF NOT EXISTS duban.migrations (
                version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """,
        ])
        let from = try currentVersion(c)
        for m in Schema.migrations where m.version > from {
            try c.query("BEGIN")
            do {
                try c.execute(m.statements)
                try c.query("INSERT INTO duban.migrations (version, name) VALUES (\(m.version), \(m.name))")
                try c.query("COMMIT")
            } catch {
                _ = try? c.query("ROLLBACK")
                throw PGConnection.mapError(error, address: address, task: nil, connecting: false)
            }
        }
        return InitResult(from: from, to: max(from, Schema.latest))
    }

    static func currentVersion(_ c: PGConnection) throws -> Int {
        let exists = try c.query("SELECT to_regclass('duban.migrations') IS NOT NULL").first?.decode(Bool.self) ?? false
        guard exists else { return 0 }
        return try c.query("SELECT coalesce(max(version), 0) FROM duban.migrations").first?.decode(Int.self) ?? 0
    }

    /// Refuses a database `db init` has not prepared (or an older duban's schema).
    static func requireSchema(_ c: PGConnection) throws {
        let v = try currentVersion(c)
        if v < Schema.latest {
            throw PostgresAdminError.notInitialized(address: c.address.display, version: v, latest: Schema.latest)
        }
    }

    /// What the connected login may do: a superuser or the schema's owner is an inspector;
    /// otherwise what its accounts row in this database says (the policies read the same
    /// row: migration 3); nil when it has none (it reads nothing here, whatever its group:
    /// the group roles are the whole server's).
    static func access(_ c: PGConnection) throws -> SharedAccess? {
        guard let row = try c.query("""
            SELECT r.rolsuper OR pg_has_role(session_user, n.nspowner, 'MEMBER'), a.kind, a.unit
            FROM pg_roles r JOIN pg_namespace n ON n.nspname = 'duban'
            LEFT JOIN duban.accounts a ON a.login = session_user
            WHERE r.rolname = session_user
            """).first else { return nil }
        let (owner, kind, unit) = try row.decode((Bool, String?, String?).self)
        if owner { return .inspector }
        switch kind {
        case "inspector": return .inspector
        case "unit": return .unit(unit ?? "")
        case "leader": return .leader
        default: return nil
        }
    }

    /// A login name PostgreSQL keeps as given: 1 to 63 bytes (longer ones it cuts short,
    /// so the account row and the role would not be the same name), no NUL, no control
    /// character. Quotes, `;` and the like are fine: the name is always quoted (`%I`) or a
    /// parameter.
    static func checkLogin(_ login: String) throws {
        let bytes = login.utf8.count
        if bytes == 0 || bytes > 63 || login.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            throw PostgresAdminError.badLogin(login: TerminalText.clean(login), bytes: bytes)
        }
    }

    // MARK: accounts

    public enum Role: String, CaseIterable, Sendable {
        case inspector, unit, leader
        var group: String { "duban_" + rawValue }
    }

    /// Creates (or updates) a login role in the role's group and its accounts row.
    public static func addUser(_ address: PostgresAddress, login: String, role: Role, unit: String?, password: String?) throws {
        if role == .unit, (unit ?? "").isEmpty { throw PostgresAdminError.unitNeeded(login: login) }
        if role != .unit, unit != nil { throw PostgresAdminError.unitOnlyForUnits(login: login) }
        try checkLogin(login)
        if let unit, unit.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw PostgresAdminError.badUnit(login: login)
        }
        let c = try PGConnection.connect(address)
        defer { c.close() }
        try requireSchema(c)
        try c.query("BEGIN")
        do {
            let exists = try c.query("SELECT 1 FROM pg_roles WHERE rolname = \(login)").count > 0
            let verb = exists ? "ALTER" : "CREATE"
            let sql: String
            if let password {
                sql = try c.query("SELECT format('\(unescaped: verb) ROLE %I LOGIN PASSWORD %L', \(login)::text, \(password)::text)")
                    .first!.decode(String.self)
            } else {
                sql = try c.query("SELECT format('\(unescaped: verb) ROLE %I LOGIN', \(login)::text)").first!.decode(String.self)
            }
            try c.query(PostgresQuery(unsafeSQL: sql))
            // One group: moved out of the others.
            for other in Role.allCases where other != role {
                let member = try c.query("SELECT pg_has_role(\(login), \(other.group), 'MEMBER')").first!.decode(Bool.self)
                if member {
                    let revoke = try c.query("SELECT format('REVOKE %I FROM %I', \(other.group)::text, \(login)::text)").first!.decode(String.self)
                    try c.query(PostgresQuery(unsafeSQL: revoke))
                }
            }
            let grant = try c.query("SELECT format('GRANT %I TO %I', \(role.group)::text, \(login)::text)").first!.decode(String.self)
            try c.query(PostgresQuery(unsafeSQL: grant))
            try c.query("""
                INSERT INTO duban.accounts (login, kind, unit) VALUES (\(login), \(role.rawValue), \(unit))
                ON CONFLICT (login) DO UPDATE SET kind = excluded.kind, unit = excluded.unit
                """)
            try c.query("COMMIT")
        } catch {
            _ = try? c.query("ROLLBACK")
            throw PGConnection.mapError(error, address: address, task: nil, connecting: false)
        }
    }

    // MARK: push and pull

    /// What `push` did.
    public struct PushResult: Sendable {
        public var tasks: Int
        public var replaced: Bool
        /// The file's bytes were not in the writer's form: kept as they are, and `pull`
        /// gives them back while the plan is unchanged.
        public var keptOriginal: Bool
    }

    /// Puts a plan (`bytes`, the file's, already decoded into `plan`) into the database
    /// under `name`; refused when the name is taken unless `replace`.
    public static func push(_ address: PostgresAddress, plan: Plan, bytes: [UInt8], name: String, replace: Bool,
                            progress: ProgressLine? = ProgressLine.current) throws -> PushResult {
        let frame = PlanJSON.frame(plan)
        progress?.begin(.save, name: address.with(plan: .some(name)).display, total: bytes.count)
        defer { progress?.end() }
        var docs: [[UInt8]] = []
        docs.reserveCapacity(plan.tasks.count)
        for t in plan.tasks { docs.append(PlanJSON.encodeTask(t)) }
        let canonical = PlanJSON.assemble(frame, tasks: docs)
        let keep = canonical != bytes
        let c = try PGConnection.connect(address, timeout: 30)
        defer { c.close() }
        try requireSchema(c)
        try c.query("BEGIN")
        do {
            var replaced = false
            if let old = try PostgresPlan.findPlan(c, name: name) {
                guard replace else { throw PostgresAdminError.planExists(name: name, address: address.display) }
                try c.query("DELETE FROM duban.plans WHERE id = \(old)")
                replaced = true
            }
            let header = String(decoding: frame.bytes, as: UTF8.self)
            let size = canonical.count
            let original: [UInt8]? = keep ? bytes : nil
            let id = try c.query("""
                INSERT INTO duban.plans (name, header, tasks_at, original, original_position, size)
                VALUES (\(name), \(header), \(frame.split), \(original.map { ByteBuffer(bytes: $0) }), \(keep ? Int64(0) : nil), \(size))
                RETURNING id
                """).first!.decode(Int64.self)
            let batch = 2000
            var done = 0
            var sent = 0
            while done < docs.count {
                let hi = min(docs.count, done + batch)
                var ords: [Int32] = [], ids: [String] = [], texts: [String] = []
                ords.reserveCapacity(hi - done); ids.reserveCapacity(hi - done); texts.reserveCapacity(hi - done)
                for k in done..<hi {
                    ords.append(Int32(k)); ids.append(plan.tasks[k].id)
                    texts.append(String(decoding: docs[k], as: UTF8.self))
                    sent += docs[k].count
                }
                try c.query("""
                    INSERT INTO duban.tasks (plan_id, ord, id, doc)
                    SELECT \(id), o, i, d FROM unnest(\(ords)::int[], \(ids)::text[], \(texts)::text[]) AS u(o, i, d)
                    """)
                done = hi
                progress?.advance(to: min(sent, bytes.count))
            }
            try c.query("COMMIT")
            return PushResult(tasks: docs.count, replaced: replaced, keptOriginal: keep)
        } catch {
            _ = try? c.query("ROLLBACK")
            throw PGConnection.mapError(error, address: address, task: nil, connecting: false)
        }
    }

    /// The plan's file bytes: the pushed file's own while nothing changed since (when
    /// push kept them), else the frame and the task docs joined.
    public static func pull(_ address: PostgresAddress, name: String, progress: ProgressLine? = ProgressLine.current) throws -> [UInt8] {
        let c = try PGConnection.connect(address)
        defer { c.close() }
        try requireSchema(c)
        try c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { _ = try? c.query("COMMIT") }
        guard let head = try c.query("""
            SELECT id, header, tasks_at, size, CASE WHEN original_position = position THEN original END FROM duban.plans WHERE name = \(name)
            """).first else {
            throw SharedPlanError.noSuchPlan(name: name, address: address.display)
        }
        let (id, header, tasksAt, size, original) = try head.decode((Int64, String, Int, Int, ByteBuffer?).self)
        if let original { return Array(original.readableBytesView) }
        let frame = try PostgresPlan.frame(header: header, tasksAt: tasksAt, plan: name, address: address)
        progress?.begin(.load, name: address.with(plan: .some(name)).display, total: size)
        defer { progress?.end() }
        let box = PostgresPlan.LoadBox(frame: frame, capacity: max(0, size) + 4096, progress: progress)
        try c.stream("SELECT doc, id, version FROM duban.tasks WHERE plan_id = \(id) ORDER BY ord") { box.add($0) }
        if let e = box.error { throw e }
        return box.finish()
    }

    /// The plans in the database, by name.
    public static func planNames(_ address: PostgresAddress) throws -> [String] {
        let c = try PGConnection.connect(address)
        defer { c.close() }
        try requireSchema(c)
        return try c.query("SELECT name FROM duban.plans ORDER BY name").map { try $0.decode(String.self) }
    }
}

/// The troubles of `db init`, `db user add`, `push` and `pull`, in the interface language.
public enum PostgresAdminError: Error, Hashable, Sendable, LocalizedMessage, CustomStringConvertible {
    case notInitialized(address: String, version: Int, latest: Int)
    case planExists(name: String, address: String)
    case unitNeeded(login: String)
    case unitOnlyForUnits(login: String)
    // pgattack
    case noAccount(login: String, address: String)
    case badLogin(login: String, bytes: Int)
    case badUnit(login: String)

    public func message(_ S: Strings) -> String {
        switch self {
        case .notInitialized(let a, let v, let l): return S.format(.pgNotInitialized, a, v, l)
        case .planExists(let n, let a): return S.format(.pgPlanExists, n, a)
        case .unitNeeded(let l): return S.format(.pgUnitNeeded, l)
        case .unitOnlyForUnits(let l): return S.format(.pgUnitOnlyForUnits, l)
        case .noAccount(let l, let a): return S.format(.pgNoAccount, a, l)
        case .badLogin(let l, let n): return S.format(.pgBadLogin, l, n)
        case .badUnit(let l): return S.format(.pgBadUnit, l)
        }
    }

    public var description: String { message(Strings(.en)) }
}
