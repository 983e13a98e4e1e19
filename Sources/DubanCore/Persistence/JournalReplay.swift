/// The outcome of replaying journaled changes onto a plan.
public struct JournalReplay {
    /// The store holding the replayed plan. It is the store given, with the changes on its
    /// undo stack (so `isDirty` is true and they can be undone), unless `rebuilt`.
    public var store: PlanStore
    /// Entries that changed the plan.
    public var replayed: Int
    /// Entries that could not be replayed (merging only), each with why.
    public var skipped: [String]
    /// true when some change could not be made through the store's commands (an undo of
    /// an edit saved before the session ended, or a note in another interface language)
    /// and the store was rebuilt from the exact task snapshots. The rebuilt store has no
    /// undo history and its `isDirty` is false: treat the plan as unsaved all the same.
    public var rebuilt: Bool
}

extension Journal {
    /// Replays entries onto a store.
    ///
    /// `exact` (the plan on disk is the version the entries were made on): each command is
    /// replayed through the store (`apply`, `undo`, `redo`) and the task is checked against
    /// the journaled snapshot; when they differ, or the store cannot undo or redo that
    /// change, the snapshots are used from there on and the store is rebuilt. The result is
    /// always the plan the user saw.
    ///
    /// Not `exact` (merging onto a plan someone else changed): edits are replayed as
    /// commands onto the new version; an undo or redo is replayed when the store's stack
    /// holds that very edit, and skipped with a note otherwise (it undid a change made
    /// before the journal's version).
    public static func replay(_ entries: [JournalEntry], onto store: PlanStore, exact: Bool) -> JournalReplay {
        var result = JournalReplay(store: store, replayed: 0, skipped: [], rebuilt: false)
        var snapshots: Plan? = nil
        for e in entries {
            guard let i = store.index(ofID: e.edit.taskID) else {
                result.skipped.append("line \(e.line): no task with id \"\(e.edit.taskID)\" in the plan; \(e.kind.rawValue) skipped")
                continue
            }
            if snapshots != nil {
                snapshots?.tasks[i] = e.after
                result.replayed += 1
                continue
            }
            let before = store.task(at: i)
            var done = false
            switch e.kind {
            case .edit:
                do { done = try store.apply(e.edit) } catch {
                    if !exact {
                        result.skipped.append("line \(e.line): \(e.edit.taskID): \(error); edit skipped")
                        continue
                    }
                }
            case .undo:
                if let top = store.undoStack.last, top.index == i, top.edit == e.edit, !exact || top.before == e.after {
                    store.undo()
                    done = true
                } else if !exact {
                    result.skipped.append("line \(e.line): \(e.edit.taskID): undoes a change made before this version; undo skipped")
                    continue
                }
            case .redo:
                if let top = store.redoStack.last, top.index == i, top.edit == e.edit, !exact || top.after == e.after {
                    store.redo()
                    done = true
                } else if !exact {
                    result.skipped.append("line \(e.line): \(e.edit.taskID): nothing to redo; redo skipped")
                    continue
                }
            }
            if exact && store.task(at: i) != e.after {
                // The command did not give the task the user saw: from here on, snapshots.
                var plan = store.plan
                plan.tasks[i] = e.after
                snapshots = plan
                result.replayed += 1
                continue
            }
            if done || store.task(at: i) != before { result.replayed += 1 }
        }
        if let plan = snapshots {
            result.store = PlanStore(plan: plan, rules: store.rules, strings: store.strings)
            result.rebuilt = true
        }
        return result
    }
}
