import DubanCore

/// The `:` command line (vim, k9s): `:unit 市财政局`, `:leader 王明`, `:overdue`,
/// `:asof 2020-09-01`, `:sort deadline`, `:done 已验收` (done, with a note), `:clear`,
/// `:w`, `:q`, `:wq`, `:help`.
/// Tab completes the command's name, then a unit's or a leader's name. Each command
/// does what an action of the binding table does (through `perform`), or sets a
/// filter the filter menu sets; nothing here touches a file.
public enum Command: String, CaseIterable {
    case unit, leader, overdue, asof, sort, done, clear, w, q, wq, help

    /// What the command takes after its name.
    enum Argument { case none, unit, leader, date, sort, note }

    var argument: Argument {
        switch self {
        case .unit: return .unit
        case .leader: return .leader
        case .asof: return .date
        case .sort: return .sort
        case .done: return .note
        default: return .none
        }
    }

    /// The names `:sort` takes, and the order each means.
    static let sortNames: [(String, TaskSort)] = [
        ("number", .documentOrder), ("overdue", .daysOverdue), ("light", .light), ("deadline", .deadline),
        ("unit", .unit), ("status", .status), ("units", .unitCount),
    ]
}

extension DashboardState {
    /// Splits a command line into its command word and the rest (trimmed).
    static func splitCommand(_ line: String) -> (word: String, rest: String) {
        let t = line.trimmingSpaces
        guard let sp = t.firstIndex(where: { $0 == " " || $0 == "　" }) else { return (t, "") }
        return (String(t[..<sp]), String(t[t.index(after: sp)...]).trimmingSpaces)
    }

    /// The names an argument can be (for completion and for checking).
    func commandCandidates(_ arg: Command.Argument) -> [String] {
        switch arg {
        case .unit: return store.unitWorkload(sortedBy: .name).map(\.name)
        case .leader: return store.leaderWorkload(sortedBy: .name).map(\.name)
        case .sort: return Command.sortNames.map(\.0)
        case .date, .none, .note: return []
        }
    }

    /// Tab in the command line: the command's name, then its argument, completed as far
    /// as every candidate agrees; Tab again on a complete name moves to the next one.
    /// Returns the new line, and the candidates to show when there are several.
    func completeCommand(_ line: String) -> (line: String, shown: [String]) {
        let (word, rest) = Self.splitCommand(line)
        let hasSpace = line.contains(" ") || line.contains("　")
        if !hasSpace {
            let names = Command.allCases.map(\.rawValue)
            let (done, shown) = Self.complete(word, among: names, prefixOnly: true)
            let single = shown.count == 1 && Command(rawValue: done).map { $0.argument != .none } == true
            return (single ? done + " " : done, shown.count > 1 ? shown : [])
        }
        guard let c = Command(rawValue: word), c.argument != .none else { return (line, []) }
        let (done, shown) = Self.complete(rest, among: commandCandidates(c.argument), prefixOnly: false)
        return (word + " " + done, shown.count > 1 ? shown : [])
    }

    /// Completes `text` among `names`: those starting with it (or, when none does and
    /// `prefixOnly` is false, holding it); their longest common start; a name already
    /// complete moves on to the next match.
    static func complete(_ text: String, among names: [String], prefixOnly: Bool) -> (String, [String]) {
        let needle = text.lowercasedASCIIForPicker
        var hits = names.filter { $0.lowercasedASCIIForPicker.hasPrefix(needle) }
        if hits.isEmpty && !prefixOnly { hits = names.filter { $0.lowercasedASCIIForPicker.contains(needle) } }
        guard let first = hits.first else { return (text, []) }
        if hits.count == 1 { return (first, hits) }
        if let i = hits.firstIndex(of: text) { return (hits[(i + 1) % hits.count], hits) }
        var common = Array(first)
        for h in hits.dropFirst() {
            let a = Array(h)
            var n = 0
            while n < common.count && n < a.count && common[n] == a[n] { n += 1 }
            common = Array(common[..<n])
        }
        let c = String(common)
        // Nothing more in common than what was typed (or a match inside names): the first one.
        return (c.count > text.count && c.hasPrefix(text) ? c : first, hits)
    }

    /// Finds a name an argument means: exactly, else the one name that starts with or holds it.
    func resolveName(_ text: String, _ arg: Command.Argument) -> String? {
        let names = commandCandidates(arg)
        if names.contains(text) { return text }
        let needle = text.lowercasedASCIIForPicker
        let pre = names.filter { $0.lowercasedASCIIForPicker.hasPrefix(needle) }
        if pre.count == 1 { return pre[0] }
        let inside = names.filter { $0.lowercasedASCIIForPicker.contains(needle) }
        return inside.count == 1 ? inside[0] : nil
    }

    /// Enter in the command line: runs it, or says in the status line what is wrong
    /// (the line stays open to correct it).
    mutating func runCommand(_ line: String) -> [Effect] {
        let (word, rest) = Self.splitCommand(line)
        if word.isEmpty { modal = .none; return [] }
        guard let c = Command(rawValue: word.lowercasedASCIIForPicker) else {
            message = StatusMessage(text: strings.format(.uiCommandUnknown, word), isError: true)
            return []
        }
        func fail(_ k: UIKey, _ arg: String) -> [Effect] {
            message = StatusMessage(text: strings.format(k, arg), isError: true)
            return []
        }
        switch c.argument {
        case .unit, .leader:
            if rest.isEmpty { return fail(.uiCommandNeedsName, ":" + c.rawValue) }
            guard let name = resolveName(rest, c.argument) else {
                return fail(c == .unit ? .uiCommandNoUnit : .uiCommandNoLeader, rest)
            }
            modal = .none
            if c == .unit { filter.unit = name } else { filter.leader = name }
            taskListState = ListState()
            setFocus(.tasks)
            message = StatusMessage(text: strings.format(.tuiFilterSet, name), isError: false)
            return []
        case .date:
            guard let d = PlanDate(iso: rest) else { return fail(.uiCommandBadDate, rest) }
            if hasUnsavedChanges { return fail(.uiCommandAsOfUnsaved, d.iso) }
            modal = .none
            return [.setAsOf(d)]
        case .note:
            // The selected (or every marked) task done, and the note said with it: the
            // binding table's 3 and a, in one line.
            if let why = availability.disabledReason(.setDone) {
                message = StatusMessage(text: why.refusal(strings), isError: true)
                return []
            }
            guard let i = selectedTask else { return [] }
            modal = .none
            let id = store.task(at: i).id
            return edit(.setStatus(.done), taskID: id) + (rest.isEmpty ? [] : edit(.addNote(rest), taskID: id))
        case .sort:
            guard let s = Command.sortNames.first(where: { $0.0 == rest.lowercasedASCIIForPicker })?.1 else {
                return fail(.uiCommandBadSort, rest)
            }
            modal = .none
            setTaskSort(s, reversed: false)
            return []
        case .none:
            modal = .none
            switch c {
            case .overdue: return perform(.toggleOverdue)
            case .clear: return perform(.clearFilters)
            case .w: return perform(.save)
            case .q: return perform(.quit)
            case .wq:
                if shared != nil { return perform(.quit) }
                if let why = availability.disabledReason(.save), why != .nothingToSave {
                    message = StatusMessage(text: why.refusal(strings), isError: true)
                    return []
                }
                if !hasUnsavedChanges && savePath != nil { quitRequested = true; return [.quit(0)] }
                if let p = savePath { return [.save(path: p, thenQuit: true, merged: nil)] }
                modal = .editor(.saveAs(thenQuit: true), LineEditor(suggestedSavePath))
                return []
            case .help: return perform(.help)
            default: return []
            }
        }
    }

    /// Sorts the task list, keeping the selected task selected.
    mutating func setTaskSort(_ s: TaskSort, reversed: Bool) {
        let keep = selectedTask
        taskSort = s
        taskSortReversed = reversed
        refresh()
        if let keep { select(taskIndex: keep) }
        message = StatusMessage(text: strings.format(.tuiSortedBy, taskSortName(s) + (reversed ? " ↑" : " ↓")), isError: false)
    }
}
