#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DubanCore

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
    /// A missing or broken file gives the default theme and the problems; a theme that
    /// does not exist, or cannot be read, is said in words (no `:0:0` place).
    public static func load(_ nameOrPath: String, environment: [String: String],
                            strings S: Strings = Strings(.zh)) -> (theme: Theme, problems: [FileProblem]) {
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
            var why: String?
            let found = readTextFile(path, as: .theme, why: &why)
            if let why {
                return (defaultTheme, [FileProblem(path: path, line: 0, column: 0, message: why,
                                                   text: S.format(.uiThemeUnreadable, path, why))])
            }
            if let text = found {
                let name = String(path.split(separator: "/").last ?? Substring(path)).replacingSuffix(".theme")
                return ThemeParser.parse(text, name: name, path: path)
            }
        }
        let known = names.joined(separator: ", ")
        let folder = environment["HOME"] != nil ? "~/.config/duban/themes/" : "Themes/"
        return (defaultTheme, [FileProblem(path: candidates.first ?? nameOrPath, line: 0, column: 0,
                                           message: "no theme \"\(nameOrPath)\" (built in: \(known))",
                                           text: S.format(.uiThemeMissing, nameOrPath, known, folder))])
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

func expandHome(_ path: String, _ env: [String: String]) -> String {
    if path.hasPrefix("~/"), let home = env["HOME"] { return home + path.dropFirst(1) }
    return path
}

/// Reads a whole file as UTF-8 text through `SafeOpen` (a FIFO or device is refused at
/// once, a file above the kind's limit too); nil when there is no such file, or it cannot
/// be opened (`why` then says why).
func readTextFile(_ path: String, as kind: FileKind, why: inout String?) -> String? {
    do { return String(decoding: try SafeOpen.read(path, as: kind).bytes, as: UTF8.self) } catch {
        if case .cannotOpen = error, SafeOpen.special(path) == nil, access(path, F_OK) != 0 { return nil }
        why = error.reason
        return nil
    }
}
