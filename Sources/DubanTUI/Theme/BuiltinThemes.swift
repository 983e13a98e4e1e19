#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The themes compiled into the binary (the same text as Themes/*.theme), and the
/// lookup from a `--theme` value to a theme.
public enum BuiltinThemes {
    public static let names = ["default", "light", "high-contrast", "mono"]

    public static let defaultTheme: Theme =
        ThemeParser.parse(BuiltinThemeTexts.defaultText, name: "default", path: "Themes/default.theme", base: nil).theme

    public static func text(_ name: String) -> String? {
        switch name {
        case "default": return BuiltinThemeTexts.defaultText
        case "light": return BuiltinThemeTexts.lightText
        case "high-contrast": return BuiltinThemeTexts.highContrastText
        default: return nil
        }
    }

    /// A theme by name or path: a built-in name; `mono`; a file path (contains `/` or
    /// ends in `.theme`); else NAME.theme in ~/.config/duban/themes or ./Themes.
    /// A missing or broken file gives the default theme and the problems.
    public static func load(_ nameOrPath: String, environment: [String: String]) -> (theme: Theme, problems: [FileProblem]) {
        if nameOrPath == "mono" {
            var t = defaultTheme; t.name = "mono"; t.monochrome = true
            return (t, [])
        }
        if nameOrPath == "default" { return (defaultTheme, []) }
        if let text = text(nameOrPath) {
            return ThemeParser.parse(text, name: nameOrPath, path: "Themes/\(nameOrPath).theme")
        }
        var candidates: [String] = []
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            candidates = [expandHome(nameOrPath, environment)]
        } else {
            if let home = environment["HOME"] { candidates.append(home + "/.config/duban/themes/\(nameOrPath).theme") }
            candidates.append("Themes/\(nameOrPath).theme")
        }
        for path in candidates {
            if let text = readTextFile(path) {
                let name = String(path.split(separator: "/").last ?? Substring(path)).replacingSuffix(".theme")
                return ThemeParser.parse(text, name: name, path: path)
            }
        }
        let known = names.joined(separator: ", ")
        return (defaultTheme, [FileProblem(path: candidates.first ?? nameOrPath, line: 0, column: 0,
                                           message: "no theme \"\(nameOrPath)\" (built in: \(known))")])
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

func expandHome(_ path: String, _ env: [String: String]) -> String {
    if path.hasPrefix("~/"), let home = env["HOME"] { return home + path.dropFirst(1) }
    return path
}

/// Reads a whole file as UTF-8 text; nil when it cannot be read.
func readTextFile(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n > 0 { bytes.append(contentsOf: buf[0..<n]) }
        if n < buf.count { break }
    }
    return String(decoding: bytes, as: UTF8.self)
}
