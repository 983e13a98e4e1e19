/// Where a binding applies. A pane looks a key up along its chain: its own context,
/// the shared groups it belongs to, then `global`. Modal screens (editor, menu,
/// confirm, help) use only their own context.
public enum Context: String, CaseIterable, Hashable {
    case global, list, chapters, tasks, detail, workload, taskEdit
    case editor, menu, picker, confirm, help
    /// The questions about the plan file: `dialog` (moving between the answers) is shared
    /// by the three; each has its own answer keys.
    case dialog, recover, changed, reload
    /// The `:` command line: the one-line editor's keys, and Tab to complete.
    case command
    /// issue 14, sheetsdash: a merge's conflicts (`duban merge … --resolve`).
    case conflicts
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
    case cycleTaskSort, toggleMark
    // tasks (issue 12, conv): overdue only, reversing the sort
    case toggleOverdue, reverseTaskSort
    // the `:` command line (issue 12, conv)
    case commandLine, commandComplete
    // workload
    case cycleWorkloadSort, toggleUnitsLeaders
    // task edits (tasks and detail panes)
    case cycleStatus, setNotStarted, setInProgress, setDone, setLagging, setProgress, addNote, editDeadline
    // issue 13, tuicycle: extension requests on the selected task, the trend chart
    case requestExtension, approveExtension, refuseExtension, toggleTrends
    // one-line editor
    case editorAccept, editorCancel, editorLeft, editorRight, editorHome, editorEnd
    case editorBackspace, editorDelete, editorKillToEnd, editorKillToStart
    // menus
    case menuUp, menuDown, menuToggle, menuClose
    // the unit or leader picker (typing narrows it: the one-line editor's keys)
    case pickerUp, pickerDown, pickerAccept, pickerBack
    // confirm
    case confirmYes, confirmNo, confirmCancel
    // help screen
    case helpClose, helpUp, helpDown, helpPageUp, helpPageDown
    // dialogs: moving between the answers, and each answer
    case dialogUp, dialogDown, dialogChoose
    case recoverReplay, recoverDiscard, recoverReadOnly, recoverQuit
    case changedMerge, changedReload, changedSaveElsewhere, changedCancel
    case reloadConfirm, reloadBack
    // issue 14, sheetsdash: a merge's conflicts, one by one
    case conflictKeepPlan, conflictTakeSheet, conflictSkip, conflictNextSheet, conflictPrevSheet, conflictBack, conflictFinish

    /// Whether the action changes the plan (disabled with --read-only).
    public var isEdit: Bool { requirements.contains(.writable) }

    /// What must hold for the action to do anything; a binding carries these (its
    /// disabled reason is the first that does not hold: `DashboardState.disabledReason`).
    public var requirements: [Requirement] {
        switch self {
        case .cycleStatus, .setNotStarted, .setInProgress, .setDone, .setLagging, .setProgress, .addNote,
             .editDeadline:
            return [.writable, .taskSelected]
        case .requestExtension:
            return [.writable, .taskSelected]
        case .approveExtension, .refuseExtension:
            return [.writable, .taskSelected, .extensionPending]
        case .undo, .redo:
            return [.writable]
        case .save:
            return [.writable, .somethingToSave]
        default:
            return []
        }
    }
}

/// What an action needs to be possible now.
public enum Requirement: String, CaseIterable, Hashable {
    /// The plan can be changed (not --read-only, the file writable, the journal open).
    case writable
    /// A task is selected (the list is not empty).
    case taskSelected
    /// There is something to save: unsaved changes, or a plan with no file yet.
    case somethingToSave
    /// The selected task has an extension request waiting for a decision (issue 13).
    case extensionPending
}

/// One row of the binding table: keys, the action, where, whether the hint line
/// shows it, and its help text (a Strings key, so it is translated with the rest).
public struct Binding: Equatable {
    public var keys: [Key]
    public var action: Action
    public var context: Context
    public var onHintBar: Bool
    public var help: UIText
    /// A short label for the hint line (falls back to the help text).
    public var hint: UIText?
    /// When the binding does nothing (its disabled reason); the hint line leaves it out,
    /// the help screen says why, and dispatch refuses it with the reason.
    public var requires: [Requirement]

    public init(_ keys: [Key], _ action: Action, _ context: Context, hint: Bool = false,
                text help: UIText, short: UIText? = nil) {
        self.keys = keys; self.action = action; self.context = context
        self.onHintBar = hint; self.help = help; self.hint = short
        self.requires = action.requirements
    }

    public init(_ keys: [Key], _ action: Action, _ context: Context, hint: Bool = false,
                _ help: Strings.Key, short: Strings.Key? = nil) {
        self.init(keys, action, context, hint: hint, text: .core(help), short: short.map { .core($0) })
    }

    public init(_ keys: [Key], _ action: Action, _ context: Context, hint: Bool = false,
                _ help: UIKey, short: UIKey? = nil) {
        self.init(keys, action, context, hint: hint, text: .ui(help), short: short.map { .ui($0) })
    }
}

/// A text of either table: the core's `Strings.Key` or the dashboard's `UIKey`.
public enum UIText: Equatable, Hashable {
    case core(Strings.Key)
    case ui(UIKey)
}

/// The labels the detail pane and the workload pane list together, from both tables
/// (report columns are the core's, the rest the dashboard's): `.colStatus` where a
/// `UIText` is expected.
extension UIText {
    static var colNumber: UIText { .core(.colNumber) }
    static var colChapter: UIText { .core(.colChapter) }
    static var colText: UIText { .core(.colText) }
    static var colLeader: UIText { .core(.colLeader) }
    static var colTasks: UIText { .core(.colTasks) }
    static var colLeadUnits: UIText { .core(.colLeadUnits) }
    static var colDeadline: UIText { .core(.colDeadline) }
    static var colStatus: UIText { .core(.colStatus) }
    static var colProgress: UIText { .core(.colProgress) }
    static var colLed: UIText { .core(.colLed) }
    static var colShared: UIText { .core(.colShared) }
    static var colDone: UIText { .core(.colDone) }
    static var colOverdue: UIText { .core(.colOverdue) }
    static var colPercentDone: UIText { .core(.colPercentDone) }
    static var colUnit: UIText { .core(.colUnit) }
    static var tuiCoUnits: UIText { .ui(.tuiCoUnits) }
    static var tuiLight: UIText { .ui(.tuiLight) }
    static var tuiRemarks: UIText { .ui(.tuiRemarks) }
    static var tuiHistory: UIText { .ui(.tuiHistory) }
    static var tuiGoal: UIText { .ui(.tuiGoal) }
    static var tuiMainTasks: UIText { .ui(.tuiMainTasks) }
    static var tuiColRed: UIText { .ui(.tuiColRed) }
    static var tuiColYellow: UIText { .ui(.tuiColYellow) }
}

extension Strings {
    /// A text of either table (labelled: `S[.colStatus]` stays the table's own).
    public subscript(text t: UIText) -> String {
        switch t {
        case .core(let k): return self[k]
        case .ui(let k): return self[k]
        }
    }
}

import DubanCore
