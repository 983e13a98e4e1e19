// Issue 11, item 6: the review screen's loop, on any Terminal (the memory terminal in tests).
import DubanCore
import DubanImport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The review's loop: event -> state -> canvas -> terminal, like the dashboard's.
public enum ReviewScreen {
    /// Runs until `q` (or end of input) or, opened before the dashboard, Enter; returns
    /// what ended it.
    public static func run(_ state: ReviewState, on terminal: Terminal, theme: Theme) -> ReviewEffect {
        terminal.use(theme)
        ReviewRender.fit(state, width: terminal.width, height: terminal.height)
        terminal.present(ReviewRender.render(state, width: terminal.width, height: terminal.height), force: true)
        while let event = terminal.nextEvent() {
            var force = event == .resize || event == .resumed
            if event == .key(.ctrl("z")) {
                terminal.suspend()
                force = true
            }
            let effect = state.handle(event)
            switch effect {
            case .quit, .openDashboard: return effect
            case .redraw: force = true
            case .none: break
            }
            ReviewRender.fit(state, width: terminal.width, height: terminal.height)
            terminal.present(ReviewRender.render(state, width: terminal.width, height: terminal.height), force: force)
        }
        return .quit(0)
    }
}

/// The review on the real terminal, given back on every way out; opened before the
/// dashboard, Enter goes on to the dashboard on the same terminal: on the written plan
/// file when the plan was written since the last correction, else on the plan unsaved.
public func runReview(_ state: ReviewState, options: DashboardOptions) -> Int32 {
    _ = CellWidth.setUpLocale()
    if let u = NcursesTerminal.unavailable(environment: options.environment) {
        fputs("duban: \(state.strings.describe(u))\n", stderr)
        return 1
    }
    var why = ""
    guard let terminal = NcursesTerminal(environment: options.environment, why: &why) else {
        fputs("duban: \(why)\n", stderr)
        return 1
    }
    var code: Int32 = 0
    var problems: [FileProblem] = []
    do {
        defer { terminal.restore() }
        let (theme, tps) = BuiltinThemes.load(options.theme ?? "default", environment: options.environment)
        problems += tps
        switch ReviewScreen.run(state, on: terminal, theme: theme) {
        case .quit(let c): code = c
        case .openDashboard:
            var session = PlanSession.unsaved(plan: state.plan, readOnly: options.readOnly)
            var o = options
            if let path = state.savePath, !state.unsaved,
               let s = try? PlanSession.open(path: path, readOnly: options.readOnly, strings: state.strings) {
                session = s
                o.savePath = path
                o.suggestedSavePath = path
            }
            let dashboard = Dashboard(session: session, options: o)
            code = dashboard.run(on: terminal)
            problems += dashboard.problems
        case .none, .redraw: break
        }
    }
    for p in problems { fputs("duban: \(TerminalText.clean(String(describing: p), .lines))\n", stderr) }
    return code
}
