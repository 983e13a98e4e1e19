import DubanCore

/// The theme file format: one role per line, `role  fg  bg  [attrs]`.
///
///     # comment
///     overdue-like roles take bold:
///     red        red|196    default   bold
///
/// A colour is `default`, a name (`black red green yellow blue magenta cyan white`,
/// `bright` + name), a palette number 0-255, or `eight|full`: the first on an
/// 8-colour terminal, the second where there are 256. Attributes are `-` or a comma
/// list of `bold dim underline reverse italic standout`. Roles a file leaves out keep
/// the default theme's style. The parser is pure and collects every problem.
public enum ThemeParser {
    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    public static func parse(_ text: String, name: String, path: String) -> (theme: Theme, problems: [FileProblem]) {
        parse(text, name: name, path: path, base: BuiltinThemes.defaultTheme)
    }

    static func parse(_ text: String, name: String, path: String, base: Theme?) -> (theme: Theme, problems: [FileProblem]) {
        var styles = base?.styles ?? [:]
        var problems: [FileProblem] = []
        var seen: [Role: Int] = [:]
        let rolesByName = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0.rawValue.lowercased(), $0) })
        for (n, raw) in ConfigFile.lines(text).enumerated() {
            let lineNo = n + 1
            let fs = ConfigFile.words(of: raw)
            if fs.isEmpty { continue }
            func problem(_ col: Int, _ msg: String) { problems.append(FileProblem(path: path, line: lineNo, column: col, message: msg)) }
            guard let role = rolesByName[fs[0].text.lowercased()] else {
                problem(fs[0].column, "unknown role \"\(fs[0].text)\""); continue
            }
            if let first = seen[role] { problem(fs[0].column, "role \"\(fs[0].text)\" already set on line \(first)") }
            seen[role] = lineNo
            guard fs.count >= 3 else {
                problem(fs.last.map { $0.column + $0.text.count } ?? 1, "expected: role fg bg [attributes]"); continue
            }
            if fs.count > 4 { problem(fs[4].column, "unexpected \"\(fs[4].text)\" after the attributes") }
            var ok = true
            let fg = color(fs[1].text); if fg == nil { ok = false; problem(fs[1].column, "unknown colour \"\(fs[1].text)\"") }
            let bg = color(fs[2].text); if bg == nil { ok = false; problem(fs[2].column, "unknown colour \"\(fs[2].text)\"") }
            var attrs: TextAttributes = []
            if fs.count >= 4, fs[3].text != "-", fs[3].text.lowercased() != "none" {
                var col = fs[3].column
                for part in fs[3].text.split(separator: ",", omittingEmptySubsequences: false) {
                    if let a = TextAttributes.names.first(where: { $0.0 == part.lowercased() }) { attrs.insert(a.1) }
                    else { ok = false; problem(col, "unknown attribute \"\(part)\"") }
                    col += part.count + 1
                }
            }
            if ok, let fg, let bg { styles[role] = Style(fg: fg, bg: bg, attrs: attrs) }
        }
        if !problems.isEmpty { return (base ?? Theme(name: name, styles: styles), problems) }
        return (Theme(name: name, styles: styles), [])
    }

    /// Parses one colour token; nil when it is not one.
    public static func color(_ token: String) -> ThemeColor? {
        let parts = token.split(separator: "|", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let a = single(parts[0]), let b = single(parts[1]) else { return nil }
            return .indexed(eight: a.eight, full: b.full)
        }
        guard parts.count == 1, let s = single(parts[0]) else { return nil }
        if s.eight == -1 && s.full == -1 { return .terminalDefault }
        return .indexed(eight: s.eight, full: s.full)
    }

    private static func single(_ t: Substring) -> (eight: Int, full: Int)? {
        let l = t.lowercased()
        if l == "default" { return (-1, -1) }
        if let i = colorNames.firstIndex(of: l) { return (i, i) }
        if l.hasPrefix("bright"), let i = colorNames.firstIndex(of: String(l.dropFirst(6))) { return (i, i + 8) }
        if let n = Int(l), (0...255).contains(n) { return (n < 8 ? n : (n < 16 ? n - 8 : approximate8(n)), n) }
        return nil
    }

    /// The nearest of the 8 basic colours to a 256-palette colour.
    static func approximate8(_ n: Int) -> Int {
        var r = 0, g = 0, b = 0
        if n >= 232 { let v = (n - 232) * 10 + 8; r = v; g = v; b = v }
        else if n >= 16 {
            let c = n - 16
            let steps = [0, 95, 135, 175, 215, 255]
            r = steps[c / 36]; g = steps[(c / 6) % 6]; b = steps[c % 6]
        }
        let bit = { (v: Int) in v >= 128 ? 1 : 0 }
        let idx = bit(r) | (bit(g) << 1) | (bit(b) << 2)
        return idx
    }
}
