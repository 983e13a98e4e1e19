/// Where a binding applies. A pane looks a key up along its chain: its own context,
/// the shared groups it belongs to, then `global`. Modal screens (editor, menu,
/// confirm, help) use only their own context.
public enum Context: String, CaseIterable, Hashable {
    case global, list, chapters, tasks, detail, workload, taskEdit
    case editor, menu, confirm, help
}

public enum Pane: String, CaseIterable, Hashable {
    case chapters, tasks, detail, workload

    public var context: Context {
        switch self {
        case .chapters: return .chapters
        case .tasks: return .tasks
        case .detail: return .detail
        case .workload: return .workload
        }
    }

    /// The contexts a key is looked up in when this pane has the focus, in order.
    public var chain: [Context] {
        switch self {
        case .chapters: return [.chapters, .list, .global]
        case .tasks: return [.tasks, .taskEdit, .list, .global]
        case .detail: return [.detail, .taskEdit, .list, .global]
        case .workload: return [.workload, .list, .global]
        }
    }
}

/// Every named thing a key can do. The raw value is the name used in the config
/// file (`bind tasks x cycleStatus`) and docs/keys.md.
public enum Action: String, CaseIterable, Hashable {
    // global
    case quit, save, undo, redo, help, search, filterMenu, clearFilters
    case nextPane, prevPane, paneLeft, paneRight, redraw, suspend, interrupt
    case nextMatch, prevMatch
    // lists
    case moveUp, moveDown, pageUp, pageDown, top, bottom, open, back
    // chapters
    case toggleFold
    // tasks
    case cycleTaskSort
    // workload
    case cycleWorkloadSort, toggleUnitsLeaders
    // task edits (tasks and detail panes)
    case cycleStatus, setNotStarted, setInProgress, setDone, setLagging, setProgress, addNote, editDeadline
    // one-line editor
    case editorAccept, editorCancel, editorLeft, editorRight, editorHome, editorEnd
    case editorBackspace, editorDelete, editorKillToEnd, editorKillToStart
    // menus and pickers
    case menuUp, menuDown, menuToggle, menuClose
    // confirm
    case confirmYes, confirmNo, confirmCancel
    // help screen
    case helpClose, helpUp, helpDown, helpPageUp, helpPageDown

    /// Whether the action changes the plan (disabled with --read-only).
    public var isEdit: Bool {
        switch self {
        case .cycleStatus, .setNotStarted, .setInProgress, .setDone, .setLagging, .setProgress, .addNote,
             .editDeadline, .undo, .redo:
            return true
        default:
            return false
        }
    }
}

/// One row of the binding table: keys, the action, where, whether the hint line
/// shows it, and its help text (a Strings key, so it is translated with the rest).
public struct Binding: Equatable {
    public var keys: [Key]
    public var action: Action
    public var context: Context
    public var onHintBar: Bool
    public var help: Strings.Key
    /// A short label for the hint line (falls back to the help text).
    public var hint: Strings.Key?

    public init(_ keys: [Key], _ action: Action, _ context: Context, hint: Bool = false,
                _ help: Strings.Key, short: Strings.Key? = nil) {
        self.keys = keys; self.action = action; self.context = context
        self.onHintBar = hint; self.help = help; self.hint = short
    }
}

import DubanCore
