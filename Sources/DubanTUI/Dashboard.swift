import DubanCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How to open the dashboard.
public struct DashboardOptions {
    public var asOf: PlanDate
    public var readOnly: Bool
    public var lang: Lang
    /// `--theme`; nil uses the config file's theme, then the default.
    public var theme: String?
    /// `--config`; nil reads ~/.config/duban/config when it exists.
    public var configPath: String?
    /// Where `w` saves (the opened .json); nil asks for a name.
    public var savePath: String?
    public var suggestedSavePath: String
    public var environment: [String: String]

    public init(asOf: PlanDate, readOnly: Bool = false, lang: Lang = .zh, theme: String? = nil,
                configPath: String? = nil, savePath: String? = nil, suggestedSavePath: String = "duban-plan.json",
                environment: [String: String] = [:]) {
        self.asOf = asOf; self.readOnly = readOnly; self.lang = lang; self.theme = theme
        self.configPath = configPath; self.savePath = savePath; self.suggestedSavePath = suggestedSavePath
        self.environment = environment
    }
}

/// The dashboard: one loop, one owner of state.
///
///     event  = terminal.nextEvent()
///     effect = state.handle(event)     // keymap -> action -> change
///     canvas = Renderer.render(state)  // pure
///     terminal.present(canvas)
public final class Dashboard {
    public let state: DashboardState
    public private(set) var theme: Theme
    /// Problems found in the theme and config files (also shown on screen).
    public private(set) var problems: [FileProblem] = []

    /// A dashboard on a plan file (or an unsaved plan): every edit goes through the
    /// session's journal, saves check the file was not changed on disk, and an earlier
    /// session's unsaved changes are offered back first.
    public convenience init(session: PlanSession, options: DashboardOptions) {
        var o = options
        o.readOnly = session.readOnly != nil
        o.savePath = session.path ?? options.savePath
        self.init(plan: session.plan, options: o, saver: { _, _ in })
        state.session = session
        state.readOnlyReason = session.readOnly
        if session.needsRecoveryDecision {
            state.modal = .dialog(DialogState(kind: .recover))
        } else if let why = session.readOnly, state.message == nil {
            var text = why == .requested ? "" : why.refusal(state.strings)
            if session.waitingInJournal > 0, let path = session.path {
                text += (text.isEmpty ? "" : "；") + state.strings.format(.tuiWaitingInJournal, path, session.waitingInJournal)
            }
            if !text.isEmpty { state.message = StatusMessage(text: text, isError: true) }
        }
    }

    public init(plan: Plan, options: DashboardOptions, saver: @escaping (Plan, String) throws -> Void) {
        let strings = Strings(options.lang)
        var keymap = Keymap()
        var problems: [FileProblem] = []
        let env = options.environment
        var cfgTheme: String?
        let configPath = options.configPath.map { expandHome($0, env) }
            ?? env["HOME"].map { $0 + "/.config/duban/config" }
        if let path = configPath {
            let (cfg, ps) = ConfigFile.load(path: path, required: options.configPath != nil)
            problems += ps
            cfg.apply(to: &keymap)
            cfgTheme = cfg.theme
        }
        let (theme, tps) = BuiltinThemes.load(options.theme ?? cfgTheme ?? "default", environment: env, strings: strings)
        problems += tps
        self.theme = theme
        self.problems = problems
        let store = PlanStore(plan: plan, rules: Rules(asOf: options.asOf), strings: strings)
        state = DashboardState(store: store, strings: strings, keymap: keymap, readOnly: options.readOnly,
                               savePath: options.savePath, suggestedSavePath: options.suggestedSavePath, saver: saver)
        state.problems = problems
        state.author = [env["DUBAN_AUTHOR"], env["USER"], env["LOGNAME"]].compactMap { $0?.trimmingSpaces }.first { !$0.isEmpty }
        if let first = problems.first {
            let more = problems.count > 1 ? strings.format(.tuiMoreProblems, problems.count - 1) : ""
            state.message = StatusMessage(text: first.description + more, isError: true)
        }
    }

    /// Runs until quit or end of input, then closes the journal (kept when changes are
    /// unsaved, removed when not, set aside when the user quit without saving); returns
    /// the exit code.
    public func run(on terminal: Terminal) -> Int32 {
        let code = loop(on: terminal)
        state.session?.close(unsaved: state.hasUnsavedChanges)
        return code
    }

    private func loop(on terminal: Terminal) -> Int32 {
        terminal.use(theme)
        state.resize(width: terminal.width, height: terminal.height)
        terminal.present(Renderer.render(state), force: true)
        while let event = terminal.nextEvent() {
            if event == .resize { state.resize(width: terminal.width, height: terminal.height) }
            let effect = state.handle(event)
            var force = event == .resize || event == .resumed
            switch effect {
            case .quit(let code):
                return code
            case .suspend:
                terminal.suspend()
                state.resize(width: terminal.width, height: terminal.height)
                force = true
            case .redraw:
                force = true
            case .none:
                break
            }
            terminal.present(Renderer.render(state), force: force)
        }
        return 0
    }
}

/// Opens the dashboard on the real terminal and gives it back on every way out:
/// return, error, and (through signal handlers) SIGTERM, SIGHUP, SIGINT and crashes.
public func runDashboard(plan: Plan, options: DashboardOptions,
                         saver: @escaping (Plan, String) throws -> Void) -> Int32 {
    CellWidth.setUpLocale()
    return runDashboard(Dashboard(plan: plan, options: options, saver: saver), options: options)
}

/// The same, on a plan file's session (journal, stamp, read-only reason).
public func runDashboard(session: PlanSession, options: DashboardOptions) -> Int32 {
    CellWidth.setUpLocale()
    let dashboard = Dashboard(session: session, options: options)
    let code = runDashboard(dashboard, options: options)
    // No terminal: nothing was shown or changed; keep whatever the journal holds.
    session.close(unsaved: true)
    return code
}

func runDashboard(_ dashboard: Dashboard, options: DashboardOptions) -> Int32 {
    var why = ""
    if let u = NcursesTerminal.unavailable(environment: options.environment) {
        fputs("duban: \(Strings(options.lang).describe(u))\n", stderr)
        return 1
    }
    guard let terminal = NcursesTerminal(environment: options.environment, why: &why) else {
        fputs("duban: \(why)\n", stderr)
        return 1
    }
    let code: Int32
    do {
        defer { terminal.restore() }
        code = dashboard.run(on: terminal)
    }
    for p in dashboard.problems { fputs("duban: \(TerminalText.clean(String(describing: p), .lines))\n", stderr) }
    return code
}
