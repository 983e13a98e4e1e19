#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The config file, read in one place for the dashboard and the command line:
/// `--config PATH`, else `$DUBAN_CONFIG`, else `~/.config/duban/config`. One setting a
/// line, `#` comments.
///
///     theme light
///     ambiguous-wide yes
///     author 市委督查室 张三
///     bind tasks x cycleStatus
///     unbind global w
///
/// Every line becomes a value with its line number; problems are collected as
/// `path:line:col: message` (in the interface language) and reading goes on. The key
/// lines (`bind`, `unbind`) are kept as words with their places: the dashboard's binding
/// table knows the contexts, keys and actions (DubanTUI's `DashboardConfig`).
public struct ConfigFile: Equatable, Sendable {
    /// One word of a line and its 1-based column (in characters).
    public struct Word: Equatable, Sendable {
        public var text: String
        public var column: Int
        public init(_ text: String, column: Int) { self.text = text; self.column = column }
    }

    /// A `bind CONTEXT KEY ACTION` or `unbind CONTEXT KEY` line, its words after the
    /// first checked for number only.
    public struct KeyLine: Equatable, Sendable {
        public var line: Int
        public var unbind: Bool
        /// CONTEXT, KEY and (for bind) ACTION.
        public var words: [Word]
    }

    public var theme: String?
    /// `ambiguous-wide yes|no`; nil when the file does not say.
    public var ambiguousWide: Bool?
    /// `author NAME`: who edits are written by in the history (the rest of the line, so
    /// a name may hold spaces; the last such line wins).
    public var author: String?
    public var keyLines: [KeyLine] = []

    public init(theme: String? = nil, ambiguousWide: Bool? = nil, author: String? = nil, keyLines: [KeyLine] = []) {
        self.theme = theme; self.ambiguousWide = ambiguousWide; self.author = author; self.keyLines = keyLines
    }

    public static func parse(_ text: String, path: String, strings S: Strings = Strings(.zh)) -> (config: ConfigFile, problems: [FileProblem]) {
        var cfg = ConfigFile()
        var problems: [FileProblem] = []
        for (n, raw) in lines(text).enumerated() {
            let fs = words(of: raw)
            guard let head = fs.first else { continue }
            func problem(_ col: Int, _ message: String) {
                problems.append(FileProblem(path: path, line: n + 1, column: col, message: message))
            }
            func endColumn() -> Int { fs.last.map { $0.column + $0.text.count } ?? 1 }
            switch head.text {
            case "theme":
                guard fs.count == 2 else { problem(fs.count < 2 ? endColumn() : fs[2].column, S[.cfgExpectedTheme]); continue }
                cfg.theme = fs[1].text
            case "ambiguous-wide":
                guard fs.count == 2, ["yes", "no"].contains(fs[1].text) else {
                    problem(fs.count < 2 ? endColumn() : fs[1].column, S[.cfgExpectedAmbiguous]); continue
                }
                cfg.ambiguousWide = fs[1].text == "yes"
            case "author":
                guard fs.count >= 2, let last = fs.last else { problem(endColumn(), S[.cfgExpectedAuthor]); continue }
                // From the first word of the name to the end of the last: the spaces inside kept.
                let chars = Array(raw)
                cfg.author = String(chars[(fs[1].column - 1)..<(last.column - 1 + last.text.count)])
            case "bind", "unbind":
                let unbind = head.text == "unbind"
                let want = unbind ? 3 : 4
                guard fs.count == want else {
                    problem(fs.count < want ? endColumn() : fs[want].column, S[unbind ? .cfgExpectedUnbind : .cfgExpectedBind])
                    continue
                }
                cfg.keyLines.append(KeyLine(line: n + 1, unbind: unbind, words: Array(fs.dropFirst())))
            default:
                problem(head.column, S.format(.cfgUnknownSetting, head.text))
            }
        }
        return (cfg, problems)
    }

    /// Reads the file; a missing default file is not a problem, a missing named one
    /// (`required`: `--config`) is. A file that is there but refused (a FIFO, a folder,
    /// too large) is said even when it is the default one.
    public static func load(path: String, required: Bool, strings S: Strings = Strings(.zh)) -> (config: ConfigFile, problems: [FileProblem]) {
        do {
            let bytes = try SafeOpen.read(path, as: .config).bytes
            return parse(String(decoding: bytes, as: UTF8.self), path: path, strings: S)
        } catch {
            if case .cannotOpen = error, SafeOpen.special(path) == nil, access(path, F_OK) != 0 {
                return (ConfigFile(), required ? [FileProblem(path: path, line: 0, column: 0, message: S[.cfgCannotRead])] : [])
            }
            return (ConfigFile(), [FileProblem(path: path, line: 0, column: 0, message: error.reason, text: error.message(S))])
        }
    }

    /// The file to read: `given` (`--config`, `~/` expanded), else `$DUBAN_CONFIG`, else
    /// `$HOME/.config/duban/config`; nil when none is known.
    public static func path(given: String?, environment: [String: String]) -> String? {
        if let g = given {
            if g.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty { return home + g.dropFirst(1) }
            return g
        }
        if let p = environment["DUBAN_CONFIG"], !p.isEmpty { return p }
        return environment["HOME"].flatMap { $0.isEmpty ? nil : $0 + "/.config/duban/config" }
    }

    /// `--config PATH` (required: a missing one is a problem), else the default file when
    /// there is one.
    public static func load(given: String?, environment: [String: String], strings S: Strings = Strings(.zh)) -> (config: ConfigFile, problems: [FileProblem]) {
        guard let p = path(given: given, environment: environment) else { return (ConfigFile(), []) }
        return load(path: p, required: given != nil, strings: S)
    }

    // MARK: the line format, shared with the theme files (DubanTUI's ThemeParser)

    /// Splits a line into whitespace-separated words with their 1-based columns
    /// (counted in characters). `#` at the start of a word starts a comment.
    public static func words(of line: Substring) -> [Word] {
        var out: [Word] = []
        var cur = ""
        var start = 0
        var col = 0
        for c in line {
            col += 1
            if c == "#" && cur.isEmpty { break }
            if c == " " || c == "\t" || c == "\u{3000}" {
                if !cur.isEmpty { out.append(Word(cur, column: start)); cur = "" }
            } else {
                if cur.isEmpty { start = col }
                cur.append(c)
            }
        }
        if !cur.isEmpty { out.append(Word(cur, column: start)) }
        return out
    }

    /// The lines of a text, `\r\n` or `\n`.
    public static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }
}
