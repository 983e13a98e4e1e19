// Issue 11, item 6: the review screen's keys, in the style of Keys/Bindings.swift.
import DubanCore
import DubanImport

/// Everything a key does on the review screen.
public enum ReviewAction: String, CaseIterable, Hashable {
    // moving
    case up, down, pageUp, pageDown, top, bottom, nextWarning
    // re-marking the line under the cursor
    case markChapter, markTask, markContinuation, markUnits, markDeadline, markDetail, markIgnored
    // tasks and the plan
    case split, join, swapUnits, setYear, undo
    // the screen
    case write, openDashboard, help, quit, redraw
    // the one-line prompt (year, file name)
    case promptAccept, promptCancel, promptBackspace

    /// The role a mark action gives the line.
    public var role: LineRole? {
        switch self {
        case .markChapter: return .chapter
        case .markTask: return .task
        case .markContinuation: return .continuation
        case .markUnits: return .units
        case .markDeadline: return .deadline
        case .markDetail: return .detail
        case .markIgnored: return .ignored
        default: return nil
        }
    }
}

/// Where a review binding applies: the screen, or its one-line prompt.
public enum ReviewContext: String, CaseIterable, Hashable {
    case review, prompt
}

/// One row of the review's binding table: keys, action, context, whether the hint line
/// shows it, its help text (a UIKey) and its short hint.
public struct ReviewBinding: Equatable {
    public var keys: [Key]
    public var action: ReviewAction
    public var context: ReviewContext
    public var onHintBar: Bool
    public var help: UIKey
    public var hint: UIKey?

    public init(_ keys: [Key], _ action: ReviewAction, _ context: ReviewContext, hint: Bool = false,
                _ help: UIKey, short: UIKey? = nil) {
        self.keys = keys; self.action = action; self.context = context
        self.onHintBar = hint; self.help = help; self.hint = short
    }
}

/// THE review binding table: dispatch, the `?` help, the hint line and docs/keys.md
/// (its review section) all read it.
public enum ReviewBindings {
    public static let defaults: [ReviewBinding] = [
        ReviewBinding([.up, .char("k")], .up, .review, .rvHelpUp),
        ReviewBinding([.down, .char("j")], .down, .review, hint: true, .rvHelpDown, short: .rvHintMove),
        ReviewBinding([.pageUp, .ctrl("b")], .pageUp, .review, .rvHelpPageUp),
        ReviewBinding([.pageDown, .ctrl("f"), .char(" ")], .pageDown, .review, .rvHelpPageDown),
        ReviewBinding([.home, .char("g")], .top, .review, .rvHelpTop),
        ReviewBinding([.end, .char("G")], .bottom, .review, .rvHelpBottom),
        ReviewBinding([.char("n")], .nextWarning, .review, .rvHelpNextWarning),
        ReviewBinding([.char("c")], .markChapter, .review, hint: true, .rvHelpMarkChapter, short: .rvHintChapter),
        ReviewBinding([.char("t")], .markTask, .review, hint: true, .rvHelpMarkTask, short: .rvHintTask),
        ReviewBinding([.char("o")], .markContinuation, .review, hint: true, .rvHelpMarkContinuation, short: .rvHintContinuation),
        ReviewBinding([.char("r")], .markUnits, .review, hint: true, .rvHelpMarkUnits, short: .rvHintUnits),
        ReviewBinding([.char("d")], .markDeadline, .review, hint: true, .rvHelpMarkDeadline, short: .rvHintDeadline),
        ReviewBinding([.char("m")], .markDetail, .review, .rvHelpMarkDetail, short: .rvHintDetail),
        ReviewBinding([.char("i")], .markIgnored, .review, hint: true, .rvHelpMarkIgnored, short: .rvHintIgnored),
        ReviewBinding([.char("s")], .split, .review, .rvHelpSplit, short: .rvHintSplit),
        ReviewBinding([.char("J")], .join, .review, hint: true, .rvHelpJoin, short: .rvHintJoin),
        ReviewBinding([.char("x")], .swapUnits, .review, hint: true, .rvHelpSwap, short: .rvHintSwap),
        ReviewBinding([.char("y")], .setYear, .review, hint: true, .rvHelpYear, short: .rvHintYear),
        ReviewBinding([.char("u")], .undo, .review, hint: true, .rvHelpUndo, short: .rvHintUndo),
        ReviewBinding([.char("w"), .ctrl("s")], .write, .review, hint: true, .rvHelpWrite, short: .rvHintWrite),
        ReviewBinding([.enter], .openDashboard, .review, .rvHelpOpenDashboard, short: .rvHintOpenDashboard),
        ReviewBinding([.char("?"), .function(1)], .help, .review, hint: true, .rvHelpHelp, short: .rvHintHelp),
        ReviewBinding([.char("q")], .quit, .review, hint: true, .rvHelpQuit, short: .rvHintQuit),
        ReviewBinding([.ctrl("l")], .redraw, .review, .rvHelpRedraw),
        ReviewBinding([.enter], .promptAccept, .prompt, hint: true, .rvHelpPromptAccept, short: .rvHintAccept),
        ReviewBinding([.escape, .ctrl("g"), .ctrl("c")], .promptCancel, .prompt, hint: true, .rvHelpPromptCancel, short: .rvHintCancel),
        ReviewBinding([.backspace, .ctrl("h")], .promptBackspace, .prompt, .rvHelpPromptBackspace),
    ]

    /// The action of a key in a context; nil when unbound.
    public static func action(for key: Key, in context: ReviewContext, bindings: [ReviewBinding] = defaults) -> ReviewAction? {
        bindings.first { $0.context == context && $0.keys.contains(key) }?.action
    }

    /// The review section at the end of docs/keys.md (and README's key table), from this
    /// table: `KeysDoc.markdown` appends it.
    public static func keysDocSection() -> String {
        let zh = Strings(.zh), en = Strings(.en)
        var out = "\n## Review screen (`review`, `prompt`) · 审阅导入\n\n"
        out += "`duban import NOTICE --review` and `duban NOTICE.txt` show the notice beside the plan it gives\n"
        out += "(docs/import.md, *Reviewing an import*). Its keys are this table, from\n"
        out += "`Sources/DubanTUI/Review/ReviewBindings.swift`; the config file does not rebind them.\n\n"
        out += "| keys | action | what it does | 说明 |\n| --- | --- | --- | --- |\n"
        for b in defaults {
            let keys = b.keys.map { "`\($0.name)`" }.joined(separator: " ")
            let context = b.context == .prompt ? " (prompt)" : ""
            out += "| \(keys) | `\(b.action.rawValue)`\(context) | \(en[b.help]) | \(zh[b.help]) |\n"
        }
        return out
    }
}
