import DubanCore

/// The questions the dashboard asks about the plan file itself.
public enum DialogKind: Equatable {
    /// On opening: an earlier session's unsaved changes wait in the journal.
    case recover
    /// On saving: someone else saved the file since it was loaded.
    case changedOnDisk(thenQuit: Bool)
    /// Reloading drops the user's changes: asked once more.
    case confirmReload(thenQuit: Bool)
}

public struct DialogState: Equatable {
    public var kind: DialogKind
    public var selected: Int
    public init(kind: DialogKind, selected: Int = 0) { self.kind = kind; self.selected = selected }
}

/// One answer: its action (bound in the dialog's context), the key shown, what it does.
struct DialogOption {
    var action: Action
    var key: String
    var label: String
}

extension DialogKind {
    /// The context the dialog's answer keys are bound in.
    public var context: Context {
        switch self {
        case .recover: return .recover
        case .changedOnDisk: return .changed
        case .confirmReload: return .reload
        }
    }

    /// The answers, in the order shown; the last is what Esc does.
    public var answers: [Action] {
        switch self {
        case .recover: return [.recoverReplay, .recoverDiscard, .recoverReadOnly, .recoverQuit]
        case .changedOnDisk: return [.changedMerge, .changedReload, .changedSaveElsewhere, .changedCancel]
        case .confirmReload: return [.reloadConfirm, .reloadBack]
        }
    }
}

extension DashboardState {
    // MARK: what a dialog says

    func dialogTitle(_ k: DialogKind) -> String {
        switch k {
        case .recover: return strings[.tuiRecoverTitle]
        case .changedOnDisk: return strings[.tuiChangedTitle]
        case .confirmReload: return strings[.tuiReloadTitle]
        }
    }

    func dialogOptions(_ k: DialogKind) -> [DialogOption] {
        k.answers.map { DialogOption(action: $0, key: keymap.label(for: $0, in: k.context), label: answerLabel($0)) }
    }

    func answerLabel(_ a: Action) -> String {
        let S = strings
        switch a {
        case .recoverReplay: return S[(session?.journal?.found?.baseMatches ?? true) ? .tuiRecoverReplay : .tuiRecoverMerge]
        case .recoverDiscard: return S.format(.tuiRecoverDiscard, session?.path.map { Journal.discardedPath(forPlan: $0) } ?? "")
        case .recoverReadOnly: return S[.tuiRecoverReadOnly]
        case .recoverQuit: return S[.tuiRecoverQuit]
        case .changedMerge: return S[.tuiChangedMerge]
        case .changedReload: return S[.tuiChangedReload]
        case .changedSaveElsewhere: return S[.tuiChangedSaveAs]
        case .changedCancel: return S[.tuiChangedCancel]
        case .reloadConfirm: return S[.tuiReloadYes]
        case .reloadBack: return S[.tuiReloadNo]
        default: return ""
        }
    }

    /// The dialog's text, one paragraph a line (drawn wrapped).
    func dialogText(_ k: DialogKind) -> [String] {
        let S = strings
        let path = session?.path ?? savePath ?? ""
        switch k {
        case .recover:
            guard let found = session?.journal?.found else { return [] }
            var out = [S.format(.tuiRecoverIntro, path, found.entries.count)]
            let shown = 6
            for e in found.entries.prefix(shown) {
                out.append("  " + describe(e))
            }
            if found.entries.count > shown { out.append("  " + S.format(.tuiRecoverMore, found.entries.count - shown)) }
            if !found.baseMatches { out.append(S[.tuiRecoverChanged]) }
            if let first = found.notes.first { out.append(S.format(.tuiRecoverNotes, found.notes.count, first)) }
            return out
        case .changedOnDisk:
            return [S.format(.tuiChangedIntro, path, unsavedCount), S[.tuiChangedKept]]
        case .confirmReload:
            return [S.format(.tuiReloadQuestion, unsavedCount, path)]
        }
    }

    /// One journaled change in words: the task's number and the note its history got.
    func describe(_ e: JournalEntry) -> String {
        let number = e.after.number.map { "[\($0)] " } ?? "[\(e.after.id)] "
        switch e.kind {
        case .edit:
            return number + (e.after.history.last?.note ?? "")
        case .redo:
            return number + strings[.tuiRecoverRedo] + "：" + (e.after.history.last?.note ?? "")
        case .undo:
            // `after` is the task before the edit: make it again to name what was undone.
            let redone = (try? e.after.applying(e.edit, strings: strings)) ?? nil
            return number + strings[.tuiRecoverUndo] + "：" + (redone?.history.last?.note ?? "")
        }
    }

    // MARK: keys

    func handleDialog(_ key: Key, _ d: DialogState) -> Effect {
        let answers = d.kind.answers
        var d = d
        switch keymap.action(for: key, in: [d.kind.context, .dialog]) {
        case .dialogUp?: d.selected = (d.selected + answers.count - 1) % answers.count
        case .dialogDown?: d.selected = (d.selected + 1) % answers.count
        case .dialogChoose?: return choose(answers[min(d.selected, answers.count - 1)], d.kind)
        case let a? where answers.contains(a): return choose(a, d.kind)
        default: break
        }
        modal = .dialog(d)
        return .none
    }

    func choose(_ c: Action, _ k: DialogKind) -> Effect {
        modal = .none
        var thenQuit = false
        if case .changedOnDisk(let q) = k { thenQuit = q }
        if case .confirmReload(let q) = k { thenQuit = q }
        switch c {
        case .recoverReplay: recoverReplay()
        case .recoverDiscard: recoverDiscard()
        case .recoverReadOnly: recoverLater()
        case .recoverQuit:
            quitRequested = true
            return .quit(0)
        case .changedMerge: return mergeOntoDisk(thenQuit: thenQuit)
        case .changedReload:
            modal = .dialog(DialogState(kind: .confirmReload(thenQuit: thenQuit)))
        case .changedSaveElsewhere:
            modal = .editor(.saveAs(thenQuit: thenQuit), LineEditor(elsewhereSuggestion()))
        case .reloadConfirm: reloadFromDisk()
        case .reloadBack:
            modal = .dialog(DialogState(kind: .changedOnDisk(thenQuit: thenQuit)))
        default: break
        }
        return .none
    }

    // MARK: recovery

    func recoverReplay() {
        guard let session, let journal = session.journal else { return }
        do {
            let r = try journal.recover(into: store)
            replaceStore(r.store)
            session.recoveredUnsaved = r.rebuilt ? r.replayed : 0
            var text = strings.format(.tuiRecovered, r.replayed)
            if r.rebuilt { text += strings[.tuiRecoverRebuilt] }
            if let first = r.skipped.first { text += strings.format(.tuiMergeSkipped, r.skipped.count, first) }
            message = StatusMessage(text: text, isError: !r.skipped.isEmpty)
        } catch {
            message = StatusMessage(text: strings.format(.tuiJournalFailed, strings.describe(error)), isError: true)
        }
    }

    func recoverDiscard() {
        guard let session, let journal = session.journal, let path = session.path else { return }
        do {
            try journal.discard()
            message = StatusMessage(text: strings.format(.tuiDiscarded, Journal.discardedPath(forPlan: path)), isError: false)
        } catch {
            message = StatusMessage(text: strings.format(.tuiJournalFailed, strings.describe(error)), isError: true)
        }
    }

    /// Read-only for now: the journal is closed undecided, so its changes wait for the
    /// next session (or `duban recover`).
    func recoverLater() {
        guard let session, let path = session.path else { return }
        let n = session.journal?.found?.entries.count ?? 0
        session.close(unsaved: true)
        session.replaceJournal(nil, stamp: session.stamp)
        readOnlyReason = .pendingChanges(path: path, count: n)
        message = StatusMessage(text: readOnlyReason?.refusal(strings) ?? "", isError: false)
    }

    // MARK: a plan changed on disk

    /// A name for "save elsewhere": beside the plan, `PLAN-2.json` (the first that does not exist).
    func elsewhereSuggestion() -> String {
        let path = session?.path ?? savePath ?? suggestedSavePath
        let stem = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
        for n in 2..<100 where PlanFile.stamp(path: "\(stem)-\(n).json") == nil {
            return "\(stem)-\(n).json"
        }
        return stem + "-copy.json"
    }

    /// Replays the user's changes, as commands, onto the version now on disk, then saves.
    /// The journal does the merging: it is closed with its changes kept, reopened on the
    /// new version (which finds them made on another version) and recovered into a store
    /// of it, so the journal and the store agree from then on.
    func mergeOntoDisk(thenQuit: Bool) -> Effect {
        guard let session, let path = session.path, let old = session.journal else { return .none }
        let opened: PlanFile.Opened
        do { opened = try PlanFile.loadForEditing(path: path) } catch {
            message = StatusMessage(text: strings.format(.tuiMergeFailed, strings.describe(error)), isError: true)
            return .none
        }
        let fresh = PlanStore(plan: opened.plan, rules: store.rules, strings: strings)
        old.close(unsaved: true)
        let journal: Journal
        do { journal = try Journal.open(planPath: path, planBytes: opened.bytes) } catch {
            // The old journal's changes are still in its file; this store still has them.
            session.replaceJournal(nil, stamp: session.stamp)
            message = StatusMessage(text: strings.format(.tuiMergeFailed, strings.describe(error)), isError: true)
            return .none
        }
        var merged = fresh
        var replayed = 0
        var skipped: [String] = []
        if journal.found != nil {
            do {
                let r = try journal.recover(into: fresh)
                merged = r.store
                replayed = r.replayed
                skipped = r.skipped
            } catch {
                session.replaceJournal(journal, stamp: session.stamp)
                message = StatusMessage(text: strings.format(.tuiMergeFailed, strings.describe(error)), isError: true)
                return .none
            }
        }
        session.replaceJournal(journal, stamp: opened.stamp)
        session.recoveredUnsaved = 0
        replaceStore(merged)
        var text = strings.format(.tuiMerged, replayed)
        if let first = skipped.first {
            message = StatusMessage(text: text + strings.format(.tuiMergeSkipped, skipped.count, first), isError: true)
            return .none
        }
        guard save(to: path) else { return .none }
        text += "；" + strings.format(.savedTo, path)
        message = StatusMessage(text: text, isError: false)
        if thenQuit { quitRequested = true; return .quit(0) }
        return .none
    }

    /// Drops the user's changes (the journal is set aside as `.journal.discarded`) and
    /// loads the version on disk.
    func reloadFromDisk() {
        guard let session, let path = session.path else { return }
        let opened: PlanFile.Opened
        do { opened = try PlanFile.loadForEditing(path: path) } catch {
            message = StatusMessage(text: strings.format(.tuiMergeFailed, strings.describe(error)), isError: true)
            return
        }
        session.journal?.close(unsaved: false)
        var journal: Journal?
        do {
            journal = try Journal.open(planPath: path, planBytes: opened.bytes)
            if journal?.found != nil { try journal?.discard() }
        } catch {
            // Nothing could be journaled from here on: view only, and say why.
            journal = nil
            readOnlyReason = .noJournal(path: path, reason: strings.describe(error))
        }
        session.replaceJournal(journal, stamp: opened.stamp)
        session.recoveredUnsaved = 0
        replaceStore(PlanStore(plan: opened.plan, rules: store.rules, strings: strings))
        message = StatusMessage(text: strings.format(.tuiReloaded, Journal.discardedPath(forPlan: path)), isError: false)
    }
}
