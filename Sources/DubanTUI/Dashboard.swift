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
    /// `--ambiguous-wide`: the terminal draws ambiguous-width characters (… ─ │ · “ ”) two
    /// cells wide; the frame and markers are then drawn in ASCII (`NarrowGlyphs`). The
    /// config file's `ambiguous-wide yes` does the same.
    public var ambiguousWide: Bool
    /// issue 14, sheetsdash: `duban merge … --resolve`: a merge opened in the dashboard
    /// (its changes applied as one undo step, its conflicts asked one by one).
    public var merge: PendingMerge? = nil

    public init(asOf: PlanDate, readOnly: Bool = false, lang: Lang = .zh, theme: String? = nil,
                configPath: String? = nil, savePath: String? = nil, suggestedSavePath: String = "duban-plan.json",
                environment: [String: String] = [:], ambiguousWide: Bool = false) {
        self.asOf = asOf; self.readOnly = readOnly; self.lang = lang; self.theme = theme
        self.configPath = configPath; self.savePath = savePath; self.suggestedSavePath = suggestedSavePath
        self.environment = environment; self.ambiguousWide = ambiguousWide
    }
}

/// The dashboard: one loop, one owner of state.
///
///     event   = terminal.nextEvent()
///     effects = reduce(&state, .event(event))   // keymap -> action -> new state (pure)
///     outcome = run(effect)                      // through the PlanSession: journal, save, ...
///     effects = reduce(&state, .outcome(outcome))
///     canvas  = Renderer.render(state)           // pure
///     terminal.present(canvas)
public final class Dashboard {
    public var state: DashboardState
    /// The plan file behind the dashboard; nil for a dashboard given a plan and a saver.
    public let session: PlanSession?
    public private(set) var theme: Theme
    /// Problems found in the theme and config files (also shown on screen).
    public private(set) var problems: [FileProblem] = []
    /// Writes the plan when there is no session (tests, and the callers that pass one).
    let saver: (Plan, String) throws -> Void
    /// The environment (for the XDG state folder the view is remembered in).
    let environment: [String: String]
    /// Frames go to the terminal with ambiguous-width glyphs in ASCII (`NarrowGlyphs`).
    public private(set) var ambiguousWide = false
    /// issue 15, pgtui: the shared plan (a database) behind the dashboard, when it is one:
    /// every edit is a commit, changes of others come in live.
    public private(set) var shared: SharedLink?
    /// What to print once the terminal is given back (unsent edits kept for next time).
    public private(set) var farewell: String?

    /// A dashboard on a plan file (or an unsaved plan): every edit goes through the
    /// session's journal, saves check the file was not changed on disk, and an earlier
    /// session's unsaved changes are offered back first.
    public convenience init(session: PlanSession, options: DashboardOptions) {
        var o = options
        o.readOnly = session.readOnly != nil
        o.savePath = session.path ?? options.savePath
        self.init(plan: session.plan, options: o, session: session, saver: { _, _ in })
        state.readOnlyReason = session.readOnly
        state.session = SessionFacts(session)
        // The view this plan was last left in (XDG state folder); a damaged or foreign
        // file is ignored.
        if let path = session.path, let v = SavedView.load(planPath: path, environment: options.environment) {
            state.restore(v)
        }
        if session.needsRecoveryDecision {
            state.modal = .dialog(DialogState(kind: .recover))
        } else if let why = session.readOnly, state.message == nil {
            var text = why == .requested ? "" : why.refusal(state.strings)
            if session.waitingInJournal > 0, let path = session.path {
                text += (text.isEmpty ? "" : "；") + state.strings.format(.tuiWaitingInJournal, path, session.waitingInJournal)
            }
            if !text.isEmpty { state.message = StatusMessage(text: text, isError: true) }
        }
        if let m = options.merge, !session.needsRecoveryDecision { run(effects: state.startMerge(m)) }
    }

    /// issue 15, pgtui: a dashboard on a shared plan, loaded (`snapshot`): no file and no
    /// save; every edit is one commit expecting the row version held, others' commits
    /// come in through `listen` and `changes(since:)`, edits made while the server is gone
    /// are kept in `UnsentEdits` and sent when it is back. A leader's login is read-only.
    public convenience init(shared plan: SharedPlan, snapshot: SharedSnapshot, options: DashboardOptions) {
        var o = options
        o.savePath = nil
        o.readOnly = options.readOnly || plan.access == .leader
        self.init(plan: snapshot.plan, options: o, session: nil, saver: { _, _ in })
        if plan.access == .leader { state.readOnlyReason = .sharedLeader(address: plan.displayAddress) }
        let link = SharedLink(plan: plan, snapshot: snapshot, strings: state.strings, environment: options.environment)
        shared = link
        if !link.unsent.isEmpty {
            link.showKept(in: state.store)
            state.message = StatusMessage(text: state.strings.format(.pgSendingKept, link.unsent.count), isError: false)
        }
        state.shared = link.facts
        state.refresh()
    }

    public convenience init(plan: Plan, options: DashboardOptions, saver: @escaping (Plan, String) throws -> Void) {
        self.init(plan: plan, options: options, session: nil, saver: saver)
    }

    init(plan: Plan, options: DashboardOptions, session: PlanSession?, saver: @escaping (Plan, String) throws -> Void) {
        let strings = Strings(options.lang)
        var keymap = Keymap()
        var problems: [FileProblem] = []
        let env = options.environment
        // The config file, read once: `--config`, else $DUBAN_CONFIG, else ~/.config/duban/config.
        let (cfg, ps) = DashboardConfig.load(given: options.configPath, environment: env, strings: strings)
        problems += ps
        cfg.apply(to: &keymap)
        let (theme, tps) = BuiltinThemes.load(options.theme ?? cfg.theme ?? "default", environment: env, strings: strings)
        problems += tps
        self.theme = theme
        self.problems = problems
        self.session = session
        self.saver = saver
        self.environment = options.environment
        self.ambiguousWide = options.ambiguousWide || (cfg.ambiguousWide ?? false)
        let store = PlanStore(plan: plan, rules: Rules(asOf: options.asOf), strings: strings)
        state = DashboardState(store: store, strings: strings, keymap: keymap, readOnly: options.readOnly,
                               savePath: options.savePath, suggestedSavePath: options.suggestedSavePath)
        state.problems = problems
        // Who the edits are by: DUBAN_AUTHOR, else the config's `author NAME`, else the login name.
        state.author = Author.resolve(flag: env["DUBAN_AUTHOR"], config: cfg.file, environment: env)
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
        if let path = session?.path {
            state.savedView(planPath: SavedView.absolute(path)).save(environment: environment)
        }
        session?.close(unsaved: state.hasUnsavedChanges)
        if let link = shared {
            // issue 15, pgloop: waits a moment for a call in flight, never for a server
            // that hangs; what was not acknowledged stays in the file of unsent edits.
            link.close(store: state.store)
            if !link.unsent.isEmpty {
                farewell = state.strings.format(.pgQuitUnsent, link.unsent.count, link.unsent.path ?? "-")
            }
        }
        return code
    }

    private func loop(on terminal: Terminal) -> Int32 {
        terminal.use(theme)
        state.resize(width: terminal.width, height: terminal.height)
        terminal.present(frame(), force: true)
        while let event = terminal.nextEvent(wakeFD: shared?.wakeFD, timeout: shared?.timeout()) {
            if event == .resize { state.resize(width: terminal.width, height: terminal.height) }
            var force = event == .resize || event == .resumed
            switch handle(event) {
            case .quit(let code)?:
                return code
            case .suspend?:
                terminal.suspend()
                state.resize(width: terminal.width, height: terminal.height)
                force = true
            case .redraw?:
                force = true
            default:
                break
            }
            terminal.present(frame(), force: force)
        }
        return 0
    }

    /// The frame for the terminal: the render, in ASCII where an ambiguous-wide terminal
    /// would draw a glyph two cells wide.
    public func frame() -> Canvas {
        let c = Renderer.render(state)
        return ambiguousWide ? NarrowGlyphs.apply(c) : c
    }

    /// One input through `reduce`, and every effect it asks for run, their outcomes fed
    /// back; returns what the loop itself must do (quit, suspend, redraw), if anything.
    @discardableResult
    public func handle(_ event: Event) -> Effect? { send(.event(event)) }

    @discardableResult
    public func send(_ input: Input) -> Effect? { run(effects: state.reduce(input)) }

    /// Runs effects in order, each outcome through `reduce` (whose effects run next).
    @discardableResult
    public func run(effects: [Effect]) -> Effect? {
        var pending = effects
        var forLoop: Effect? = nil
        while !pending.isEmpty {
            let e = pending.removeFirst()
            switch e {
            case .quit:
                return e
            case .suspend, .redraw:
                forLoop = e
            default:
                if let o = run(e) { pending += state.reduce(.outcome(o)) }
            }
        }
        return forLoop
    }

    /// Saves as `w` would (tests): true when the plan is on disk.
    @discardableResult
    public func save(to path: String) -> Bool {
        guard let o = run(.save(path: path, thenQuit: false, merged: nil)) else { return false }
        _ = state.reduce(.outcome(o))
        if case .saved = o { return true }
        return false
    }

    // MARK: effects

    /// Runs one effect: through the session (journal first, then the store), or the
    /// saver for a dashboard without one. The session's facts are copied back into the
    /// state afterwards.
    func run(_ e: Effect) -> Outcome? {
        defer {
            if let session {
                state.session = SessionFacts(session)
                state.readOnlyReason = session.readOnly ?? state.readOnlyReason.flatMap { $0 == .requested ? $0 : nil }
            }
            if let shared { state.shared = shared.facts }
        }
        let S = state.strings
        let store = state.store
        // issue 15, pgtui: on a shared plan an edit is a commit, an undo the inverse edit
        // committed; there is nothing to save, journal or merge.
        if let link = shared {
            switch e {
            case .edit(let edit): return .shared(link.run([edit], store: store))
            case .editAll(let edits): return .shared(link.run(edits, store: store))
            case .undo: return .shared(link.undo(store: store))
            case .redo: return .shared(link.redo(store: store))
            case .sync:
                // An editor open on a task: others' changes wait until it closes.
                var editing = false
                if case .editor(let purpose, _) = state.modal {
                    switch purpose {
                    case .progress, .note, .deadline, .extensionDate, .extensionReason: editing = true
                    default: break
                    }
                }
                return link.sync(store: store, takeChanges: !editing).map { .shared($0) }
            case .save, .replayJournal, .discardJournal, .keepJournalForLater, .merge, .reload,
                 .suggestElsewhere, .discardJournalOnClose:
                return nil
            case .quit, .suspend, .redraw, .setAsOf: break
            }
        }
        switch e {
        case .sync:
            return nil
        case .edit(let edit):
            do {
                let changed = try session?.apply(edit, to: store) ?? store.apply(edit)
                return .edited(taskID: edit.taskID, changed: changed)
            } catch let j as JournalError {
                return .failed(.journal, reason: S.describe(j))
            } catch {
                return .failed(.edit, reason: S.describe(error))
            }
        case .editAll(let edits):
            var changed = 0
            do {
                for edit in edits where try session?.apply(edit, to: store) ?? store.apply(edit) { changed += 1 }
                return .editedAll(changed: changed)
            } catch {
                // The edits made so far stay (journaled): one step of what was changed.
                if changed > 0 { _ = state.reduce(.outcome(.editedAll(changed: changed))) }
                return .failed(error is JournalError ? .journal : .edit, reason: S.describe(error))
            }
        case .undo(let n), .redo(let n):
            var done: [PlanStore.AppliedEdit] = []
            do {
                for _ in 0..<max(n, 1) {
                    let one: PlanStore.AppliedEdit?
                    if case .undo = e { one = try session?.undo(in: store) ?? store.undo() } else { one = try session?.redo(in: store) ?? store.redo() }
                    guard let one else { break }
                    done.append(one)
                }
            } catch {
                return .failed(.journal, reason: S.describe(error))
            }
            if case .undo = e { return .undone(done) }
            return .redone(done)
        case .save(let path, let thenQuit, let merged):
            guard let session else {
                do {
                    try saver(store.plan, path)
                    store.markSaved()
                    return .saved(path: path, backupProblem: nil, thenQuit: thenQuit, merged: merged)
                } catch {
                    return .failed(.save, reason: S.describe(error))
                }
            }
            do {
                let saved = try session.save(store.plan, to: path, strings: S)
                store.markSaved()
                return .saved(path: path, backupProblem: saved.backupProblem, thenQuit: thenQuit, merged: merged)
            } catch let r as SaveRefusal {
                return .failed(.saveRefused, reason: r.reason)
            } catch let l as PlanLockError {
                return .failed(.saveBusy, reason: S.describe(l))
            } catch FileError.changedOnDisk {
                return .changedOnDisk(thenQuit: thenQuit)
            } catch {
                return .failed(.save, reason: S.describe(error))
            }
        case .replayJournal:
            guard let session else { return nil }
            do { return .recovered(try session.recover(into: store)) } catch {
                return .failed(.journal, reason: S.describe(error))
            }
        case .discardJournal:
            guard let session, let path = session.path else { return nil }
            do {
                try session.discardJournal()
                return .discarded(path: path)
            } catch {
                return .failed(.journal, reason: S.describe(error))
            }
        case .keepJournalForLater:
            guard let session, session.path != nil else { return nil }
            session.keepJournalForLater()
            state.readOnlyReason = session.readOnly
            return .keptForLater
        case .merge(let thenQuit):
            guard let session else { return nil }
            do {
                let m = try session.merge(rules: store.rules, strings: S)
                return .merged(store: m.store, replayed: m.replayed, skipped: m.skipped, thenQuit: thenQuit)
            } catch {
                return .failed(.merge, reason: S.describe(error))
            }
        case .reload:
            guard let session, let path = session.path else { return nil }
            do {
                return .reloaded(store: try session.reload(rules: store.rules, strings: S), path: path)
            } catch {
                return .failed(.merge, reason: S.describe(error))
            }
        case .suggestElsewhere(let thenQuit):
            let path = session?.elsewhereSuggestion(default: state.savePath ?? state.suggestedSavePath)
                ?? state.suggestedSavePath
            return .suggested(path: path, thenQuit: thenQuit)
        case .discardJournalOnClose:
            session?.discardOnClose = true
            return nil
        case .setAsOf(let d):
            // Only with nothing unsaved (the reduce checks): the same plan, judged on d.
            var rules = store.rules
            rules.asOf = d
            return .asOfChanged(store: PlanStore(plan: store.plan, rules: rules, strings: S), d)
        case .quit, .suspend, .redraw:
            return nil
        }
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

/// issue 15, pgtui: the same, on a shared plan (a database) already loaded.
public func runDashboard(shared: SharedPlan, snapshot: SharedSnapshot, options: DashboardOptions) -> Int32 {
    CellWidth.setUpLocale()
    return runDashboard(Dashboard(shared: shared, snapshot: snapshot, options: options), options: options)
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
    if let f = dashboard.farewell { fputs("duban: \(TerminalText.clean(f, .lines))\n", stderr) }
    for p in dashboard.problems { fputs("duban: \(TerminalText.clean(String(describing: p), .lines))\n", stderr) }
    return code
}
