#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who makes a change: every edit records it (the history entry's `author`).
///
/// `--author NAME` wins; else the `author NAME` line of the config file (`ConfigFile`:
/// `--config PATH`, else `$DUBAN_CONFIG`, else `~/.config/duban/config`); else the login
/// name (`LOGNAME`, `USER`, else the password entry of the user running duban). nil only
/// when none is known.
public enum Author {
    /// Reads the config file (`configPath`: `--config`, nil for the default one) for its
    /// `author` line when there is no flag.
    public static func resolve(flag: String?, configPath: String? = nil, environment: [String: String]) -> String? {
        if let f = given(flag) { return f }
        return resolve(flag: nil, config: ConfigFile.load(given: configPath, environment: environment).config,
                       environment: environment)
    }

    /// With the config file already read (the dashboard reads it once for its themes and
    /// keys too).
    public static func resolve(flag: String?, config: ConfigFile, environment: [String: String]) -> String? {
        given(flag) ?? given(config.author) ?? loginName(environment)
    }

    public static func loginName(_ environment: [String: String]) -> String? {
        for k in ["LOGNAME", "USER"] { if let v = environment[k], !v.isEmpty { return v } }
        guard let pw = getpwuid(geteuid()), let n = pw.pointee.pw_name else { return nil }
        let s = String(cString: n)
        return s.isEmpty ? nil : s
    }

    private static func given(_ name: String?) -> String? {
        guard let n = name?.trimmingSpaces, !n.isEmpty else { return nil }
        return n
    }
}
