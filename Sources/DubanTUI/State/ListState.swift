import DubanCore

/// The view state of a list: which row is selected and which row is at the top.
public struct ListState: Equatable {
    public var selected = 0
    public var offset = 0
    public init(selected: Int = 0, offset: Int = 0) { self.selected = selected; self.offset = offset }

    /// Keeps the selection inside the list and visible in `visible` rows.
    public mutating func clamp(count: Int, visible: Int) {
        if count == 0 { selected = 0; offset = 0; return }
        selected = min(max(selected, 0), count - 1)
        let v = max(visible, 1)
        if selected < offset { offset = selected }
        if selected >= offset + v { offset = selected - v + 1 }
        offset = min(max(offset, 0), max(count - v, 0))
    }

    public mutating func move(by n: Int, count: Int, visible: Int) {
        selected += n
        clamp(count: count, visible: visible)
    }
}

public enum Modal: Equatable {
    case none
    case editor(EditorPurpose, LineEditor)
    /// The filter menu: its cursor and the first item shown (it scrolls on a short screen).
    case filterMenu(ListState)
    case picker(PickerState)
    case confirmQuit
    case help(offset: Int)
    /// A question with a few choices: recovery, a plan changed on disk, reload.
    case dialog(DialogState)
    /// issue 14, sheetsdash: a merge's conflicts, one by one (State/MergeConflicts.swift).
    case conflicts(ConflictsState)
}

public enum EditorPurpose: Equatable {
    case search(previous: String)
    /// `/` in the chapters or the workload pane: typing narrows that list by name.
    case narrow(Pane, previous: String)
    case progress(taskID: String)
    case note(taskID: String)
    case deadline(taskID: String)
    /// An extension request (issue 13): the new date, then the reason.
    case extensionDate(taskID: String)
    case extensionReason(taskID: String, to: PlanDate)
    case saveAs(thenQuit: Bool)
    /// The `:` command line.
    case command
}

/// Choosing a unit or a leader for the filter: a list narrowed by typing.
public struct PickerState: Equatable {
    public enum Kind: Equatable { case unit, leader }
    public var kind: Kind
    public var all: [String]
    public var editor = LineEditor()
    public var list = ListState()
    public init(kind: Kind, all: [String]) { self.kind = kind; self.all = all }

    public var matches: [String] {
        let needle = editor.text.lowercasedASCIIForPicker
        if needle.isEmpty { return all }
        return all.filter { $0.lowercasedASCIIForPicker.contains(needle) }
    }
}

extension String {
    var lowercasedASCIIForPicker: String {
        String(String.UnicodeScalarView(unicodeScalars.map { s in
            (s.value >= 0x41 && s.value <= 0x5A) ? Unicode.Scalar(s.value + 32) ?? s : s
        }))
    }
}

public enum WorkloadMode: Equatable { case units, leaders }

/// What the chapters pane lists: the whole plan, one chapter, or the tasks with none.
public enum Scope: Hashable {
    case all
    case chapter(String)
    case unchaptered
}

public struct ChapterRow: Equatable {
    public var scope: Scope
    public var depth: Int
    public var hasChildren: Bool
    public var folded: Bool
}

public struct StatusMessage: Equatable {
    public var text: String
    public var isError: Bool
}
