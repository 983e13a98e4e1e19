import DubanCore

// issue 14, sheetsdash: `duban merge PLAN SHEETS… --resolve`. The dashboard opens with the
// merge's changes applied (one undo step) and its conflicts in a dialog, one by one, side
// by side: keep the plan's value, take a sheet's, or skip. What is chosen joins the same
// undo step; saving is the dashboard's own `w` (PlanSession, PlanEditor).

/// One side of a conflict: the plan's value, or one sheet's.
public struct ConflictSide: Equatable, Sendable {
    /// Where the value is: the plan, or `file sheet!B3`.
    public var source: String
    public var value: String
    /// Who wrote it and when (the plan's last history entry; the sheet's unit and period).
    public var who: String?
    public var when: String?
    /// The edit that takes this side (nil for the plan's side).
    public var edit: Edit?
    public init(source: String, value: String, who: String? = nil, when: String? = nil, edit: Edit? = nil) {
        self.source = source; self.value = value; self.who = who; self.when = when; self.edit = edit
    }
}

/// A field of a task changed both in the plan and in a sheet since the export, or
/// differently in two sheets.
public struct MergeConflict: Equatable, Sendable {
    public var taskID: String
    public var number: String
    /// The field's name in the interface language (状态, 进度, …).
    public var field: String
    /// What the export wrote, when the sheet kept its record.
    public var exported: String?
    public var plan: ConflictSide
    public var sheets: [ConflictSide]
    public init(taskID: String, number: String, field: String, exported: String?, plan: ConflictSide, sheets: [ConflictSide]) {
        self.taskID = taskID; self.number = number; self.field = field; self.exported = exported
        self.plan = plan; self.sheets = sheets
    }
}

/// A merge handed to the dashboard: its changes as edits (each with its sheet's author
/// and period), and its conflicts.
public struct PendingMerge: Equatable, Sendable {
    /// The returned sheets, as named on the command line.
    public var sources: [String]
    public var edits: [Edit]
    public var conflicts: [MergeConflict]
    public init(sources: [String], edits: [Edit], conflicts: [MergeConflict]) {
        self.sources = sources; self.edits = edits; self.conflicts = conflicts
    }
}

public enum ConflictChoice: Equatable, Sendable {
    /// The plan's value stays; a note in the task's history says which sheet value was not taken.
    case plan
    /// The value of `sheets[n]` is taken.
    case sheet(Int)
    /// Nothing is done (the conflict comes back at the next merge of that sheet).
    case skip
}

/// The conflict dialog: the conflict shown, the sheet side the cursor is on, and what was
/// chosen for each so far.
public struct ConflictsState: Equatable {
    public var merge: PendingMerge
    public var index: Int = 0
    public var sheet: Int = 0
    public var choices: [ConflictChoice?]
    public init(merge: PendingMerge) {
        self.merge = merge
        choices = Array(repeating: nil, count: merge.conflicts.count)
    }
    public var current: MergeConflict { merge.conflicts[min(index, merge.conflicts.count - 1)] }
}

extension DashboardState {
    /// Opens a merge: its changes applied as one undo step, and its conflicts asked one by
    /// one (the dialog) when there are any.
    public mutating func startMerge(_ m: PendingMerge) -> [Effect] {
        if let why = readOnlyReason {
            message = StatusMessage(text: why.refusal(strings), isError: true)
            return []
        }
        mergeJoining = true
        mergeHasGroup = false
        if !m.conflicts.isEmpty { modal = .conflicts(ConflictsState(merge: m)) }
        message = StatusMessage(text: strings.format(.uiMergeOpened, m.sources.count, m.edits.count, m.conflicts.count), isError: false)
        return m.edits.isEmpty ? [] : [.editAll(m.edits)]
    }

    mutating func answerConflicts(_ a: Action, _ st: ConflictsState) -> [Effect] {
        var st = st
        let n = st.current.sheets.count
        switch a {
        case .conflictNextSheet: if n > 0 { st.sheet = (st.sheet + 1) % n }
        case .conflictPrevSheet: if n > 0 { st.sheet = (st.sheet + n - 1) % n }
        case .conflictKeepPlan: return decide(.plan, st)
        case .conflictTakeSheet: return decide(n == 0 ? .skip : .sheet(min(st.sheet, n - 1)), st)
        case .conflictSkip: return decide(.skip, st)
        case .conflictBack:
            if st.index > 0 { st.index -= 1; st.sheet = sheetCursor(st.choices[st.index]) }
        case .conflictFinish:
            // The rest skipped: what was chosen so far is applied.
            for i in st.index..<st.choices.count where st.choices[i] == nil { st.choices[i] = .skip }
            return finishConflicts(st)
        default: break
        }
        modal = .conflicts(st)
        return []
    }

    private func sheetCursor(_ c: ConflictChoice?) -> Int {
        if case .sheet(let k)? = c { return k }
        return 0
    }

    private mutating func decide(_ c: ConflictChoice, _ st: ConflictsState) -> [Effect] {
        var st = st
        st.choices[st.index] = c
        if st.index + 1 < st.choices.count {
            st.index += 1
            st.sheet = sheetCursor(st.choices[st.index])
            modal = .conflicts(st)
            return []
        }
        return finishConflicts(st)
    }

    /// The edits the choices make, in the conflicts' order: a sheet's value, or (keeping
    /// the plan's) a note naming the value not taken.
    func conflictEdits(_ st: ConflictsState) -> [Edit] {
        var out: [Edit] = []
        for (c, choice) in zip(st.merge.conflicts, st.choices) {
            switch choice {
            case .sheet(let k)? where k < c.sheets.count:
                if let e = c.sheets[k].edit { out.append(e) }
            case .plan?:
                let others = c.sheets.map { "\($0.source)：\($0.value)" }.joined(separator: "；")
                let note = strings.format(.uiMergeKeptPlanNote, c.field, c.plan.value, others)
                out.append(Edit(taskID: c.taskID, command: .addNote(note), date: editDate, author: author))
            default: break
            }
        }
        return out
    }

    private mutating func finishConflicts(_ st: ConflictsState) -> [Effect] {
        modal = .none
        let taken = st.choices.filter { if case .sheet? = $0 { return true } else { return false } }.count
        let kept = st.choices.filter { $0 == .plan }.count
        let skipped = st.choices.count - taken - kept
        message = StatusMessage(text: strings.format(.uiMergeResolved, taken, kept, skipped), isError: false)
        let edits = conflictEdits(st)
        if edits.isEmpty { mergeJoining = false; return [] }
        return [.editAll(edits)]
    }

    /// An `editAll` outcome while a merge is open: its edits join the merge's undo step.
    /// The merge closes once no conflict dialog is open.
    mutating func mergeEdited(_ changed: Int) {
        if changed > 0 {
            if mergeHasGroup, !undoGroups.isEmpty { undoGroups[undoGroups.count - 1] += changed }
            else { undoGroups.append(changed); mergeHasGroup = true }
            redoGroups = []
        }
        if case .conflicts = modal {} else { mergeJoining = false; mergeHasGroup = false }
    }
}
