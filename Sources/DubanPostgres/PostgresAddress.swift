import DubanCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A database address, `postgres://user:pass@host:port/db?plan=NAME&sslmode=…` (also
/// `postgresql://`), with what it leaves out taken from the environment as libpq takes it:
/// PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, and the password from
/// `~/.pgpass` (or PGPASSFILE). Pure: the environment and the home folder are parameters.
public struct PostgresAddress: Hashable, Sendable {
    public enum SSLMode: String, Hashable, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// The address as given (never shown: it may hold the password).
    public var original: String
    public var user: String
    public var password: String?
    /// A host name or address, or a folder holding the server's socket (starts with `/`).
    public var host: String
    public var port: Int
    public var database: String
    public var plan: String?
    public var sslMode: SSLMode

    /// The address without its password, for the title line and messages.
    public var display: String {
        var s = "postgres://" + Self.escape(user) + "@"
        s += host.hasPrefix("/") ? Self.escape(host) : (host.contains(":") ? "[\(host)]" : host)
        s += ":\(port)/" + Self.escape(database)
        if let plan { s += "?plan=" + Self.escape(plan) }
        return s
    }

    /// The same address for another database or plan (db init's admin work, tests).
    public func with(database: String? = nil, plan: String?? = nil) -> PostgresAddress {
        var a = self
        if let database { a.database = database }
        if let plan { a.plan = plan }
        return a
    }

    public static func parse(_ text: String, environment: [String: String] = ProcessInfoLite.environment,
                             home: String? = ProcessInfoLite.home) throws -> PostgresAddress {
        func bad(_ reason: String) -> SharedPlanError { .badAddress(address: redacted(text), reason: reason) }
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("postgres://") { rest = text.dropFirst("postgres://".count) }
        else if lower.hasPrefix("postgresql://") { rest = text.dropFirst("postgresql://".count) }
        else { throw bad("scheme: expected postgres:// or postgresql://") }

        // authority / path ? query (# fragment not allowed)
        if rest.contains("#") { throw bad("'#': an address has no fragment") }
        let queryStart = rest.firstIndex(of: "?")
        let beforeQuery = queryStart.map { rest[..<$0] } ?? rest
        let queryText = queryStart.map { rest[rest.index(after: $0)...] } ?? ""
        let slash = beforeQuery.firstIndex(of: "/")
        let authority = slash.map { beforeQuery[..<$0] } ?? beforeQuery
        let pathText = slash.map { beforeQuery[beforeQuery.index(after: $0)...] } ?? ""

        var user: String?, password: String?, host: String?, port: Int?, database: String?
        var plan: String?, sslText: String?

        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = info.firstIndex(of: ":") {
                user = try decode(info[..<colon], part: "user", bad)
                password = try decode(info[info.index(after: colon)...], part: "password", bad)
            } else {
                user = try decode(info, part: "user", bad)
            }
        }
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw bad("host: '[' without ']'") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw bad("host: unexpected text after ']'") }
                port = try portNumber(after.dropFirst(), bad)
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            let h = hostPort[..<colon]
            if !h.isEmpty { host = try decode(h, part: "host", bad) }
            port = try portNumber(hostPort[hostPort.index(after: colon)...], bad)
        } else if !hostPort.isEmpty {
            host = try decode(hostPort, part: "host", bad)
        }
        if host?.contains(",") == true { throw bad("host: several hosts are not supported") }
        if !pathText.isEmpty {
            if pathText.contains("/") { throw bad("database: '/' in the database name (encode it as %2F)") }
            database = try decode(pathText, part: "database", bad)
        }
        if !queryText.isEmpty {
            for pair in queryText.split(separator: "&", omittingEmptySubsequences: true) {
                guard let eq = pair.firstIndex(of: "=") else { throw bad("parameter '\(pair)': expected name=value") }
                let name = try decode(pair[..<eq], part: "parameter", bad)
                let value = try decode(pair[pair.index(after: eq)...], part: "parameter \(name)", bad)
                switch name {
                case "plan":
                    guard !value.isEmpty else { throw bad("plan: empty plan name") }
                    plan = value
                case "sslmode": sslText = value
                case "host": host = value
                case "port": port = try portNumber(Substring(value), bad)
                case "user": user = value
                case "password": password = value
                case "dbname": database = value
                case "application_name", "connect_timeout", "options", "target_session_attrs": break
                default: throw bad("parameter '\(name)': not one duban knows (plan, sslmode, host, port, user, password, dbname)")
                }
            }
        }

        let env = { (k: String) -> String? in environment[k].flatMap { $0.isEmpty ? nil : $0 } }
        let finalHost = host.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGHOST") ?? "localhost"
        let finalPort: Int
        if let port { finalPort = port }
        else if let p = env("PGPORT") {
            guard let v = Int(p), (1...65535).contains(v) else { throw bad("port: PGPORT=\(p) is not a port number") }
            finalPort = v
        } else { finalPort = 5432 }
        let finalUser = user.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGUSER") ?? env("USER") ?? env("LOGNAME") ?? "postgres"
        let finalDB = database.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGDATABASE") ?? finalUser
        let modeText = sslText ?? env("PGSSLMODE") ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            throw bad("sslmode '\(modeText)': expected disable, allow, prefer, require, verify-ca or verify-full")
        }
        var finalPassword = password ?? env("PGPASSWORD")
        if finalPassword == nil {
            let file = env("PGPASSFILE") ?? home.map { $0 + "/.pgpass" }
            if let file {
                finalPassword = PGPass.lookup(file: file, host: finalHost, port: finalPort, database: finalDB, user: finalUser)
            }
        }
        return PostgresAddress(original: text, user: finalUser, password: finalPassword, host: finalHost, port: finalPort,
                               database: finalDB, plan: plan, sslMode: mode)
    }

    static func portNumber(_ s: Substring, _ bad: (String) -> SharedPlanError) throws -> Int {
        guard let v = Int(s), (1...65535).contains(v) else { throw bad("port '\(s)': expected a number 1-65535") }
        return v
    }

    static func decode(_ s: Substring, part: String, _ bad: (String) -> SharedPlanError) throws -> String {
        guard s.contains("%") else { return String(s) }
        var out: [UInt8] = []
        var u = Array(s.utf8)[...]
        while let c = u.first {
            u = u.dropFirst()
            if c == 0x25 {
                guard u.count >= 2, let hi = hex(u[u.startIndex]), let lo = hex(u[u.startIndex + 1]) else {
                    throw bad("\(part): '%' not followed by two hex digits")
                }
                out.append(hi << 4 | lo)
                u = u.dropFirst(2)
            } else { out.append(c) }
        }
        guard let str = String(validating: out, as: UTF8.self) else { throw bad("\(part): not UTF-8 after %-decoding") }
        return str
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Percent-encodes what would end an address part (`%@:/?&=#`, spaces, control
    /// characters); Chinese and other text stays as it is.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch.value {
            case 0x25, 0x40, 0x3A, 0x2F, 0x3F, 0x26, 0x3D, 0x23, 0x20, 0..<0x20, 0x7F:
                let v = UInt8(ch.value)
                out += "%" + String(v >> 4, radix: 16, uppercase: true) + String(v & 15, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// The address as given with any password replaced by `***` (for error messages made
    /// before it could be parsed).
    public static func redacted(_ text: String) -> String {
        var s = text
        if let scheme = s.range(of: "://") {
            let afterScheme = s[scheme.upperBound...]
            let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? afterScheme.endIndex
            if let at = afterScheme[..<authorityEnd].lastIndex(of: "@"),
               let colon = afterScheme[..<at].firstIndex(of: ":") {
                s.replaceSubrange(s.index(after: colon)..<at, with: "***")
            }
        }
        if let r = s.range(of: "password=") {
            let end = s[r.upperBound...].firstIndex(of: "&") ?? s.endIndex
            s.replaceSubrange(r.upperBound..<end, with: "***")
        }
        return s
    }
}

/// `~/.pgpass`, as libpq reads it: lines `host:port:database:user:password`, `*` matching
/// anything, `\:` and `\\` escapes, `#` comments, the first matching line wins; a file that
/// its group or others may read is ignored (libpq warns and ignores it too).
public enum PGPass {
    public static func lookup(file: String, host: String, port: Int, database: String, user: String) -> String? {
        var st = stat()
        guard stat(file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        if st.st_mode & 0o077 != 0 { return nil }
        guard let text = readFile(file) else { return nil }
        return lookup(text: text, host: host, port: port, database: database, user: user)
    }

    public static func lookup(text: String, host: String, port: Int, database: String, user: String) -> String? {
        // A socket folder matches "localhost" (libpq: the default socket host).
        let hostKey = host.hasPrefix("/") ? "localhost" : host
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix("#") { continue }
            let f = fields(line)
            guard f.count >= 5 else { continue }
            func match(_ pattern: String, _ value: String) -> Bool { pattern == "*" || pattern == value }
            if match(f[0], hostKey) && match(f[1], String(port)) && match(f[2], database) && match(f[3], user) {
                // The password is the rest of the line (a fifth field's unescaped ':' included).
                return f[4...].joined(separator: ":")
            }
        }
        return nil
    }

    /// The line's fields split at unescaped colons, escapes removed.
    static func fields(_ line: Substring) -> [String] {
        var out: [String] = [], cur = ""
        var escaped = false
        for ch in line {
            if escaped { cur.append(ch); escaped = false }
            else if ch == "\\" { escaped = true }
            else if ch == ":" { out.append(cur); cur = "" }
            else { cur.append(ch) }
        }
        out.append(cur)
        return out
    }

    static func readFile(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            bytes.append(contentsOf: buf[0..<n])
            if bytes.count > 1 << 20 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The process's environment and home folder without Foundation.
public enum ProcessInfoLite {
    public static var environment: [String: String] {
        var out: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return out
    }

    public static var home: String? {
        if let h = getenv("HOME") { return String(cString: h) }
        guard let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }
}
