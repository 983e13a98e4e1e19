#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who makes a change: every edit records it (the history entry's `author`).
///
/// `--author NAME` wins; else an `author NAME` line of the config file (the dashboard's
/// `~/.config/duban/config`, or `$DUBAN_CONFIG`); else the login name (`LOGNAME`, `USER`,
/// else the password entry of the user running duban). nil only when none is known.
public enum Author {
    public static func resolve(flag: String?, environment: [String: String]) -> String? {
        if let f = flag?.trimmingSpaces, !f.isEmpty { return f }
        if let path = configPath(environment), let a = fromConfig(path) { return a }
        return loginName(environment)
    }

    /// `$DUBAN_CONFIG`, else `$HOME/.config/duban/config`.
    public static func configPath(_ environment: [String: String]) -> String? {
        if let p = environment["DUBAN_CONFIG"], !p.isEmpty { return p }
        return environment["HOME"].flatMap { $0.isEmpty ? nil : $0 + "/.config/duban/config" }
    }

    /// The name of the config file's `author` line (the rest of the line after the word,
    /// so a name may hold spaces); nil when the file is missing, refused or has none.
    public static func fromConfig(_ path: String) -> String? {
        guard let (bytes, _) = try? SafeOpen.read(path, as: .config) else { return nil }
        return fromConfigText(String(decoding: bytes, as: UTF8.self))
    }

    public static func fromConfigText(_ text: String) -> String? {
        var found: String?
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = String(raw).trimmingSpaces
            guard line.hasPrefix("author"), !line.hasPrefix("#") else { continue }
            let rest = line.dropFirst(6)
            guard let c = rest.first, c == " " || c == "\t" else { continue }
            let name = String(rest).trimmingSpaces
            if !name.isEmpty { found = name }
        }
        return found
    }

    public static func loginName(_ environment: [String: String]) -> String? {
        for k in ["LOGNAME", "USER"] { if let v = environment[k], !v.isEmpty { return v } }
        guard let pw = getpwuid(geteuid()), let n = pw.pointee.pw_name else { return nil }
        let s = String(cString: n)
        return s.isEmpty ? nil : s
    }
}
