import DubanCore
import PostgresNIO
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// One PostgreSQL connection used synchronously: each call waits for its answer. The
/// callers (the commands, the dashboard's worker) are synchronous, so the bridge is a
/// future's wait, with a watchdog: a server that stops answering fails the call within
/// `timeout` seconds of silence (`SharedPlanError.unreachable`) instead of hanging.
/// Not for use on an event loop thread. One call at a time (the plan holds a lock).
final class PGConnection: @unchecked Sendable {
    let address: PostgresAddress
    let connection: PostgresConnection
    let timeout: Double
    static let logger: Logger = {
        var l = Logger(label: "duban.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        l.logLevel = .critical
        return l
    }()
    private static let ids = IDCounter()

    /// Seconds of silence after which a call (or the connecting) gives up.
    static let defaultTimeout = 4.0

    var isClosed: Bool { connection.isClosed }

    private init(address: PostgresAddress, connection: PostgresConnection, timeout: Double) {
        self.address = address; self.connection = connection; self.timeout = timeout
    }

    static func connect(_ address: PostgresAddress, timeout: Double = defaultTimeout) throws -> PGConnection {
        let el = MultiThreadedEventLoopGroup.singleton.next()
        var config: PostgresConnection.Configuration
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = try tlsMode(address.sslMode)
        } catch {
            throw SharedPlanError.refused(address: address.display, reason: "TLS: \(error)")
        }
        if address.host.hasPrefix("/") {
            config = .init(unixSocketPath: address.host + "/.s.PGSQL.\(address.port)", username: address.user,
                           password: address.password, database: address.database)
        } else {
            config = .init(host: address.host, port: address.port, username: address.user, password: address.password,
                           database: address.database, tls: tls)
        }
        config.options.connectTimeout = .milliseconds(Int64(timeout * 1000))
        config.options.additionalStartupParameters = [("application_name", "duban")]
        let future = PostgresConnection.connect(on: el, configuration: config, id: ids.next(), logger: logger)
        let conn: PostgresConnection
        do {
            conn = try wait(future, on: el, timeout: timeout + 1, what: "connect") {
                future.whenSuccess { c in let f: EventLoopFuture<Void> = c.close(); _ = f }
            }
        } catch let e as SharedPlanError {
            throw e
        } catch {
            throw mapError(error, address: address, task: nil, connecting: true)
        }
        return PGConnection(address: address, connection: conn, timeout: timeout)
    }

    static func tlsMode(_ mode: PostgresAddress.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        switch mode {
        case .disable: return .disable
        case .allow, .prefer, .require:
            var c = TLSConfiguration.makeClientConfiguration()
            c.certificateVerification = .none
            let ctx = try NIOSSLContext(configuration: c)
            return mode == .require ? .require(ctx) : .prefer(ctx)
        case .verifyCA, .verifyFull:
            var c = TLSConfiguration.makeClientConfiguration()
            c.certificateVerification = mode == .verifyCA ? .noHostnameVerification : .fullVerification
            return .require(try NIOSSLContext(configuration: c))
        }
    }

    /// Waits for `future`; after `timeout` seconds without `touch` it fails with
    /// `unreachable` and runs `abandon` (which closes what is left behind).
    static func wait<T>(_ future: EventLoopFuture<T>, on el: any EventLoop, timeout: Double, what: String,
                        activity: Activity? = nil, abandon: @escaping @Sendable () -> Void) throws -> T {
        let promise = el.makePromise(of: T.self)
        future.cascade(to: promise)
        let act = activity ?? Activity()
        act.touch()
        let watchdog = el.scheduleRepeatedTask(initialDelay: .milliseconds(250), delay: .milliseconds(250)) { task in
            if act.idleSeconds() > timeout {
                task.cancel()
                promise.fail(TimedOut(seconds: timeout, what: what))
                abandon()
            }
        }
        defer { watchdog.cancel() }
        return try promise.futureResult.wait()
    }

    struct TimedOut: Error, CustomStringConvertible {
        var seconds: Double
        var what: String
        var description: String { "no answer within \(Int(seconds)) s (\(what))" }
    }

    /// When the last row or answer came (for the watchdog).
    final class Activity: @unchecked Sendable {
        private var last = ProgressLine.monotonic()
        private var lock = pthread_mutex_t()
        init() { pthread_mutex_init(&lock, nil) }
        deinit { pthread_mutex_destroy(&lock) }
        func touch() { pthread_mutex_lock(&lock); last = ProgressLine.monotonic(); pthread_mutex_unlock(&lock) }
        func idleSeconds() -> Double {
            pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
            return ProgressLine.monotonic() - last
        }
    }

    final class IDCounter: @unchecked Sendable {
        private var n = 0
        private var lock = pthread_mutex_t()
        init() { pthread_mutex_init(&lock, nil) }
        func next() -> Int { pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }; n += 1; return n }
    }

    // MARK: queries

    /// Every row of the query's answer.
    @discardableResult
    func query(_ q: PostgresQuery, task: String? = nil) throws -> [PostgresRow] {
        let rows = RowBox()
        try stream(q, task: task) { rows.append($0) }
        return rows.rows
    }

    /// The query's rows handed to `onRow` as they arrive (on the event loop's thread, one at
    /// a time, in order); the watchdog counts each row as an answer.
    func stream(_ q: PostgresQuery, task: String? = nil, _ onRow: @escaping @Sendable (PostgresRow) throws -> Void) throws {
        let act = Activity()
        let future = connection.query(q, logger: Self.logger) { row in
            act.touch()
            try onRow(row)
        }
        do {
            _ = try Self.wait(future, on: connection.eventLoop, timeout: timeout, what: "query", activity: act) { [connection] in
                let f: EventLoopFuture<Void> = connection.close(); _ = f
            }
        } catch {
            throw Self.mapError(error, address: address, task: task, connecting: false)
        }
    }

    /// Runs statements without answers, one after the other.
    func execute(_ statements: [String]) throws {
        for s in statements { try query(PostgresQuery(unsafeSQL: s)) }
    }

    func close() {
        guard !connection.isClosed else { return }
        let f: EventLoopFuture<Void> = connection.close()
        _ = try? f.wait()
    }

    final class RowBox: @unchecked Sendable {
        var rows: [PostgresRow] = []
        func append(_ r: PostgresRow) { rows.append(r) }
    }

    // MARK: errors

    /// The server's SQLSTATE, when the error is the server's.
    static func sqlState(_ error: Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    static func serverMessage(_ error: Error) -> String? {
        guard let info = (error as? PSQLError)?.serverInfo else { return nil }
        var m = info[.message] ?? ""
        if let d = info[.detail], !d.isEmpty { m += " (\(d))" }
        return m
    }

    /// Whether the error says the connection is gone (a retry on a new one may succeed).
    static func isConnectionLost(_ error: Error) -> Bool {
        if error is TimedOut { return true }
        if let e = error as? SharedPlanError, case .unreachable = e { return true }
        guard let p = error as? PSQLError else { return error is ChannelError || error is IOError }
        switch p.code {
        case .server:
            // admin_shutdown, crash_shutdown, cannot_connect_now: the server is going away.
            let s = p.serverInfo?[.sqlState] ?? ""
            return s == "57P01" || s == "57P02" || s == "57P03"
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .messageDecodingFailure:
            return true
        default: return false
        }
    }

    /// NIO's words for a failed connect, cut to what a user needs.
    static func shortReason(_ s: String) -> String {
        for (needle, words) in [("Connection refused", "connection refused"), ("No route to host", "no route to host"),
                                ("Network is unreachable", "network unreachable"), ("timeout", "timed out"),
                                ("Connection reset", "connection reset"), ("Name or service not known", "unknown host")]
        where s.contains(needle) { return words }
        return s
    }

    static func mapError(_ error: Error, address: PostgresAddress, task: String?, connecting: Bool) -> Error {
        if let e = error as? SharedPlanError { return e }
        if let e = error as? EditError { return e }
        if let t = error as? TimedOut { return SharedPlanError.unreachable(address: address.display, reason: t.description) }
        if let p = error as? PSQLError {
            if p.code == .server {
                let state = p.serverInfo?[.sqlState] ?? ""
                let msg = serverMessage(p) ?? "\(state)"
                if state == "42501" || state.hasPrefix("28") && !connecting || state == "P0001" && msg.contains("duban:") {
                    return SharedPlanError.notPermitted(task: task ?? "—", reason: msg)
                }
                if isConnectionLost(p) { return SharedPlanError.unreachable(address: address.display, reason: msg) }
                return SharedPlanError.refused(address: address.display, reason: msg)
            }
            if isConnectionLost(p) {
                let reason = p.underlying.map { shortReason("\($0)") } ?? "\(p.code)"
                return SharedPlanError.unreachable(address: address.display, reason: reason)
            }
            if p.code == .sslUnsupported {
                return SharedPlanError.refused(address: address.display, reason: "the server does not offer TLS (sslmode=\(address.sslMode.rawValue))")
            }
            return SharedPlanError.refused(address: address.display, reason: "\(p.code)" + (p.underlying.map { ": \($0)" } ?? ""))
        }
        if error is ChannelError || error is IOError {
            return SharedPlanError.unreachable(address: address.display, reason: "\(error)")
        }
        return error
    }
}
