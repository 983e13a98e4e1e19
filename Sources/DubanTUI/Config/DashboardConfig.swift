import DubanCore

/// The config file as the dashboard uses it: DubanCore's `ConfigFile` (read once, for the
/// theme, `ambiguous-wide` and the `author` of the edits too) with its `bind`/`unbind`
/// lines resolved against the binding table.
///
///     bind tasks x cycleStatus
///     unbind global w
///
/// Problems are collected as `path:line:col: message`, in line order, and loading goes on.
public struct DashboardConfig: Equatable {
    public enum Rebinding: Equatable {
        case bind(Context, Key, Action)
        case unbind(Context, Key)
    }
    public var file: ConfigFile
    public var rebindings: [Rebinding] = []

    public var theme: String? { file.theme }
    /// `ambiguous-wide yes|no`: the terminal draws ambiguous-width characters two cells
    /// wide (`NarrowGlyphs`); nil when the file does not say.
    public var ambiguousWide: Bool? { file.ambiguousWide }
    /// `author NAME`: who the dashboard's edits are written by (`Author.resolve`).
    public var author: String? { file.author }

    public init(file: ConfigFile = ConfigFile(), rebindings: [Rebinding] = []) {
        self.file = file; self.rebindings = rebindings
    }

    public static func parse(_ text: String, path: String, strings S: Strings = Strings(.zh)) -> (config: DashboardConfig, problems: [FileProblem]) {
        let (file, problems) = ConfigFile.parse(text, path: path, strings: S)
        return resolve(file, problems, path: path, strings: S)
    }

    /// `--config PATH` (a missing one is a problem), else `$DUBAN_CONFIG`, else
    /// `~/.config/duban/config` when it exists.
    public static func load(given: String?, environment: [String: String], strings S: Strings = Strings(.zh)) -> (config: DashboardConfig, problems: [FileProblem]) {
        let (file, problems) = ConfigFile.load(given: given, environment: environment, strings: S)
        return resolve(file, problems, path: ConfigFile.path(given: given, environment: environment) ?? "", strings: S)
    }

    static func resolve(_ file: ConfigFile, _ fileProblems: [FileProblem], path: String, strings S: Strings) -> (config: DashboardConfig, problems: [FileProblem]) {
        var cfg = DashboardConfig(file: file)
        var problems = fileProblems
        for kl in file.keyLines {
            func problem(_ col: Int, _ msg: String) { problems.append(FileProblem(path: path, line: kl.line, column: col, message: msg)) }
            let w = kl.words
            guard let ctx = Context(rawValue: w[0].text) else {
                problem(w[0].column, S.format(.cfgUnknownContext, w[0].text, Context.allCases.map(\.rawValue).joined(separator: ", ")))
                continue
            }
            guard let key = Key(name: w[1].text) else { problem(w[1].column, S.format(.cfgUnknownKey, w[1].text)); continue }
            if kl.unbind { cfg.rebindings.append(.unbind(ctx, key)); continue }
            guard let action = Action(rawValue: w[2].text) else { problem(w[2].column, S.format(.cfgUnknownAction, w[2].text)); continue }
            cfg.rebindings.append(.bind(ctx, key, action))
        }
        // In line order, as one reading of the file would give them (stable within a line).
        let ordered = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return (cfg, ordered)
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
