import DubanCore

/// What `reduce` asks the loop to do: everything that touches a file, the journal, the
/// store or the terminal. The loop (Dashboard.swift) runs them through the PlanSession
/// and hands each result back to `reduce` as an `Outcome`.
public enum Effect: Equatable {
    /// One edit of a task, journaled before the store makes it.
    case edit(Edit)
    /// One change to every marked task: edits in plan order, one undo step.
    case editAll([Edit])
    /// Undo (redo) this many store edits: one step.
    case undo(Int), redo(Int)
    /// Save to `path`; `merged` is how many changes a merge just replayed (said with the save).
    case save(path: String, thenQuit: Bool, merged: Int?)
    /// The recovery dialog's answers.
    case replayJournal, discardJournal, keepJournalForLater
    /// The plan changed on disk: replay the changes onto it (then save), or load it.
    case merge(thenQuit: Bool)
    case reload
    /// Find a free name beside the plan for "save elsewhere", then ask.
    case suggestElsewhere(thenQuit: Bool)
    /// Quitting without saving: the journal is set aside when the dashboard closes.
    case discardJournalOnClose
    case quit(Int32)
    case suspend
    case redraw
    /// `:asof DATE`: the plan judged on another day (a store with those rules).
    case setAsOf(PlanDate)
    /// issue 15, pgtui: the loop woke on a shared plan: take the changes the server
    /// announced, send what was kept while it was gone, take away old markers.
    case sync
}

/// What an effect did, handed back to `reduce`.
public enum Outcome {
    case edited(taskID: String, changed: Bool)
    case editedAll(changed: Int)
    /// The edits undone (redone), newest first; empty when there was nothing to undo.
    case undone([PlanStore.AppliedEdit])
    case redone([PlanStore.AppliedEdit])
    case saved(path: String, backupProblem: BackupProblem?, thenQuit: Bool, merged: Int?)
    /// Someone else saved the plan since it was loaded: nothing was written.
    case changedOnDisk(thenQuit: Bool)
    case recovered(JournalReplay)
    case discarded(path: String)
    case keptForLater
    case merged(store: PlanStore, replayed: Int, skipped: [String], thenQuit: Bool)
    case reloaded(store: PlanStore, path: String)
    case suggested(path: String, thenQuit: Bool)
    /// The plan judged on another day.
    case asOfChanged(store: PlanStore, PlanDate)
    /// issue 15, pgtui: what an edit, undo or sync on a shared plan did.
    case shared(SharedReport)
    /// An effect failed; `reason` is the error in the interface language.
    case failed(Failure, reason: String)

    public enum Failure: Equatable {
        case journal, save, saveBusy, saveRefused, merge, edit
    }
}

/// What `reduce` takes: a terminal event, an action (the binding table's, or a test's),
/// or what an effect did.
public enum Input {
    case event(Event)
    case action(Action)
    case outcome(Outcome)
}
