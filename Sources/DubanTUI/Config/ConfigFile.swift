import DubanCore

/// `~/.config/duban/config`: one setting a line, `#` comments.
///
///     theme light
///     ambiguous-wide yes
///     author 市委督查室 张三
///     bind tasks x cycleStatus
///     unbind global w
///
/// Problems are collected as `path:line:col: message` and loading goes on.
public struct ConfigFile: Equatable {
    public enum Rebinding: Equatable {
        case bind(Context, Key, Action)
        case unbind(Context, Key)
    }
    public var theme: String?
    /// `ambiguous-wide yes|no`: the terminal draws ambiguous-width characters two cells
    /// wide (`NarrowGlyphs`); nil when the file does not say.
    public var ambiguousWide: Bool?
    /// `author NAME`: who the dashboard's edits are written by in the history (read for
    /// the CLI by DubanCore's `Author.resolve`; here so the dashboard does not call it unknown).
    public var author: String?
    public var rebindings: [Rebinding] = []

    public init(theme: String? = nil, rebindings: [Rebinding] = []) {
        self.theme = theme; self.rebindings = rebindings
    }

    public static func parse(_ text: String, path: String) -> (config: ConfigFile, problems: [FileProblem]) {
        var cfg = ConfigFile()
        var problems: [FileProblem] = []
        for (n, raw) in splitLines(text).enumerated() {
            let fs = fields(of: raw)
            guard let head = fs.first else { continue }
            func problem(_ col: Int, _ msg: String) { problems.append(FileProblem(path: path, line: n + 1, column: col, message: msg)) }
            func endColumn() -> Int { fs.last.map { $0.column + $0.text.count } ?? 1 }
            switch head.text {
            case "theme":
                guard fs.count == 2 else { problem(fs.count < 2 ? endColumn() : fs[2].column, "expected: theme NAME"); continue }
                cfg.theme = fs[1].text
            case "ambiguous-wide":
                guard fs.count == 2, ["yes", "no"].contains(fs[1].text) else {
                    problem(fs.count < 2 ? endColumn() : fs[1].column, "expected: ambiguous-wide yes (or no)"); continue
                }
                cfg.ambiguousWide = fs[1].text == "yes"
            case "author":
                guard fs.count >= 2 else { problem(endColumn(), "expected: author NAME"); continue }
                cfg.author = fs.dropFirst().map(\.text).joined(separator: " ")
            case "bind", "unbind":
                let want = head.text == "bind" ? 4 : 3
                guard fs.count == want else {
                    problem(fs.count < want ? endColumn() : fs[want].column,
                            head.text == "bind" ? "expected: bind CONTEXT KEY ACTION" : "expected: unbind CONTEXT KEY")
                    continue
                }
                guard let ctx = Context(rawValue: fs[1].text) else {
                    problem(fs[1].column, "unknown context \"\(fs[1].text)\" (one of: \(Context.allCases.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                guard let key = Key(name: fs[2].text) else { problem(fs[2].column, "unknown key \"\(fs[2].text)\""); continue }
                if head.text == "unbind" { cfg.rebindings.append(.unbind(ctx, key)); continue }
                guard let action = Action(rawValue: fs[3].text) else { problem(fs[3].column, "unknown action \"\(fs[3].text)\""); continue }
                cfg.rebindings.append(.bind(ctx, key, action))
            default:
                problem(head.column, "unknown setting \"\(head.text)\" (theme, ambiguous-wide, author, bind or unbind)")
            }
        }
        return (cfg, problems)
    }

    /// Reads the file; a missing default file is not a problem, a missing named one is.
    public static func load(path: String, required: Bool) -> (config: ConfigFile, problems: [FileProblem]) {
        var why: String?
        guard let text = readTextFile(path, as: .config, why: &why) else {
            // A file that is there but refused (a FIFO, a folder, too large) is said even
            // when it is the default one.
            if let why { return (ConfigFile(), [FileProblem(path: path, line: 0, column: 0, message: why)]) }
            return (ConfigFile(), required ? [FileProblem(path: path, line: 0, column: 0, message: "cannot read the file")] : [])
        }
        return parse(text, path: path)
    }

    public func apply(to keymap: inout Keymap) {
        for r in rebindings {
            switch r {
            case .bind(let c, let k, let a): keymap.bind(k, to: a, in: c)
            case .unbind(let c, let k): keymap.unbind(k, in: c)
            }
        }
    }
}
