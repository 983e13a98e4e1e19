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
        case .recoverReplay: return S[(session.pending?.baseMatches ?? true) ? .tuiRecoverReplay : .tuiRecoverMerge]
        case .recoverDiscard: return S.format(.tuiRecoverDiscard, session.path.map { Journal.discardedPath(forPlan: $0) } ?? "")
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
        let path = session.path ?? savePath ?? ""
        switch k {
        case .recover:
            guard let found = session.pending else { return [] }
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

    // MARK: answers

    mutating func answerDialog(_ a: Action, _ d: DialogState) -> [Effect] {
        let answers = d.kind.answers
        var d = d
        switch a {
        case .dialogUp: d.selected = (d.selected + answers.count - 1) % answers.count
        case .dialogDown: d.selected = (d.selected + 1) % answers.count
        case .dialogChoose: return choose(answers[min(d.selected, answers.count - 1)], d.kind)
        case let a where answers.contains(a): return choose(a, d.kind)
        default: break
        }
        modal = .dialog(d)
        return []
    }

    mutating func choose(_ c: Action, _ k: DialogKind) -> [Effect] {
        modal = .none
        var thenQuit = false
        if case .changedOnDisk(let q) = k { thenQuit = q }
        if case .confirmReload(let q) = k { thenQuit = q }
        switch c {
        case .recoverReplay: return [.replayJournal]
        case .recoverDiscard: return [.discardJournal]
        case .recoverReadOnly: return [.keepJournalForLater]
        case .recoverQuit:
            quitRequested = true
            return [.quit(0)]
        case .changedMerge: return [.merge(thenQuit: thenQuit)]
        case .changedReload:
            modal = .dialog(DialogState(kind: .confirmReload(thenQuit: thenQuit)))
        case .changedSaveElsewhere: return [.suggestElsewhere(thenQuit: thenQuit)]
        case .reloadConfirm: return [.reload]
        case .reloadBack:
            modal = .dialog(DialogState(kind: .changedOnDisk(thenQuit: thenQuit)))
        default: break
        }
        return []
    }
}
