// Issue 11, item 6: the review screen's state and what each key does to it.
import DubanCore
import DubanImport

/// How the review screen was opened.
public enum ReviewMode: Equatable {
    /// `duban import NOTICE --review`: write the plan, then quit.
    case importing
    /// `duban NOTICE.txt`: Enter goes on to the dashboard on the corrected plan.
    case beforeDashboard
}

/// What the loop does after a key.
public enum ReviewEffect: Equatable {
    case none, redraw
    case quit(Int32)
    /// Leave the review for the dashboard, on the plan as corrected (and written, when it was).
    case openDashboard
}

/// The one-line prompt at the bottom: the plan year or the file to write.
public struct ReviewPrompt: Equatable {
    public enum Kind: Equatable { case year, savePath }
    public var kind: Kind
    public var text: String
}

/// The review screen: the notice's lines with a cursor, the plan beside them, the
/// corrections made. Pure state: keys in, state out; `ReviewRender` draws it.
public final class ReviewState {
    public private(set) var review: NoticeReview
    public let strings: Strings
    public let mode: ReviewMode
    public var bindings: [ReviewBinding] = ReviewBindings.defaults
    /// The line under the cursor, 1-based.
    public private(set) var cursor = 1
    /// The first line shown in the notice pane.
    public var scroll = 1
    public private(set) var prompt: ReviewPrompt?
    public private(set) var message: (text: String, isError: Bool)?
    public private(set) var showHelp = false
    /// Where `w` writes; nil asks (with `suggestedPath` offered).
    public private(set) var savePath: String?
    public let suggestedPath: String
    /// Corrections since the last write (or since opening).
    public private(set) var unsaved = false
    private var quitArmed = false
    /// Rows of the notice pane, from the last layout (for paging).
    public var pageRows = 10
    /// Writes a plan to a path (through the lock and an atomic save).
    let writer: (Plan, String) throws -> Void

    public init(review: NoticeReview, strings: Strings, mode: ReviewMode, savePath: String?, suggestedPath: String,
                writer: @escaping (Plan, String) throws -> Void) {
        self.review = review; self.strings = strings; self.mode = mode
        self.savePath = savePath; self.suggestedPath = suggestedPath; self.writer = writer
        // The first line with a warning, else the first task.
        if let w = review.warnings(strings).first(where: { $0.line >= 1 }) { cursor = min(w.line, max(1, review.lines.count)) }
        else if let t = review.trace.lines.first(where: { $0.role == .task }) { cursor = t.number }
    }

    public var lineCount: Int { max(1, review.trace.lines.count) }

    /// The plan as written: the corrected plan with its corrections.
    public var plan: Plan { review.savedPlan }

    /// The warnings, each with its line, in line order.
    public var warnings: [ImportWarning] { review.warnings(strings).sorted { ($0.line, $0.column) < ($1.line, $1.column) } }

    // MARK: keys

    public func handle(_ event: Event) -> ReviewEffect {
        switch event {
        case .resize, .resumed: return .redraw
        case .mouse, .wake: return .none
        case .key(let key): return handle(key)
        }
    }

    func handle(_ key: Key) -> ReviewEffect {
        if var p = prompt {
            if let a = ReviewBindings.action(for: key, in: .prompt, bindings: bindings) {
                switch a {
                case .promptCancel: prompt = nil; message = nil
                case .promptBackspace: if !p.text.isEmpty { p.text.removeLast() }; prompt = p
                case .promptAccept: prompt = nil; return accept(p)
                default: break
                }
                return .none
            }
            if case .char(let c) = key, !c.isASCII || !c.isWhitespace || c == " " {
                if p.kind == .year && !("0"..."9").contains(c) { return .none }
                p.text.append(c); prompt = p
            }
            return .none
        }
        if showHelp {
            showHelp = false
            return .none
        }
        guard let action = ReviewBindings.action(for: key, in: .review, bindings: bindings) else { return .none }
        if action != .quit { quitArmed = false }
        message = nil
        switch action {
        case .up: move(to: cursor - 1)
        case .down: move(to: cursor + 1)
        case .pageUp: move(to: cursor - max(1, pageRows - 1))
        case .pageDown: move(to: cursor + max(1, pageRows - 1))
        case .top: move(to: 1)
        case .bottom: move(to: lineCount)
        case .nextWarning:
            let ws = warnings.map(\.line).filter { $0 >= 1 }
            if let next = ws.first(where: { $0 > cursor }) ?? ws.first { move(to: next) }
            else { message = (strings[.rvNoWarnings], false) }
        case .markChapter, .markTask, .markContinuation, .markUnits, .markDeadline, .markDetail, .markIgnored:
            if let role = action.role { correct(.mark(line: cursor, as: role)) }
        case .split: correct(.split(line: cursor))
        case .join: correct(.join(line: cursor))
        case .swapUnits: correct(.swapUnits(line: cursor))
        case .setYear: prompt = ReviewPrompt(kind: .year, text: review.plan.year.map(String.init) ?? "")
        case .undo:
            if review.undo() { unsaved = true; message = (strings[.rvUndone], false) }
            else { message = (strings[.rvNothingToUndo], false) }
        case .write:
            if let path = savePath { write(to: path) } else { prompt = ReviewPrompt(kind: .savePath, text: suggestedPath) }
        case .openDashboard:
            if mode == .beforeDashboard { return .openDashboard }
            message = (strings[.rvEnterOnlyDashboard], false)
        case .help: showHelp = true
        case .redraw: return .redraw
        case .quit:
            if unsaved && !quitArmed {
                quitArmed = true
                message = (strings[.rvQuitUnsaved], true)
                return .none
            }
            return .quit(0)
        case .promptAccept, .promptCancel, .promptBackspace: break
        }
        return .none
    }

    private func move(to line: Int) {
        cursor = min(max(1, line), lineCount)
    }

    private func correct(_ c: ImportCorrection) {
        if let problem = review.apply(c) {
            message = (problem.message(strings), true)
            return
        }
        unsaved = true
        let role = review.trace.line(cursor)?.role
        message = (strings.format(.rvCorrected, cursor, role.map { Self.roleName($0, strings) } ?? ""), false)
    }

    private func accept(_ p: ReviewPrompt) -> ReviewEffect {
        switch p.kind {
        case .year:
            guard let y = Int(p.text), (1900...2100).contains(y) else {
                message = (strings.format(.rvBadYear, p.text), true)
                return .none
            }
            correct(.year(y))
        case .savePath:
            let path = p.text.trimmingSpacesForPrompt
            guard !path.isEmpty else { message = nil; return .none }
            write(to: path)
        }
        return .none
    }

    private func write(to path: String) {
        do {
            try writer(plan, path)
            savePath = path
            unsaved = false
            message = (strings.format(.rvWritten, path, review.corrections.count), false)
        } catch {
            message = (strings.format(.rvWriteFailed, path, strings.describe(error)), true)
        }
    }

    /// A role's name in the interface language.
    public static func roleName(_ r: LineRole, _ S: Strings) -> String {
        switch r {
        case .chapter: return S[.rvRoleChapter]
        case .task: return S[.rvRoleTask]
        case .continuation: return S[.rvRoleContinuation]
        case .units: return S[.rvRoleUnits]
        case .deadline: return S[.rvRoleDeadline]
        case .detail: return S[.rvRoleDetail]
        case .ignored: return S[.rvRoleIgnored]
        case .blank: return S[.rvRoleBlank]
        }
    }
}

extension String {
    var trimmingSpacesForPrompt: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
