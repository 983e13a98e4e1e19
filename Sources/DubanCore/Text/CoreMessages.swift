/// The core's errors in the interface language: their words live in the strings table
/// (Strings.swift, the "issue 10, errors" block); `description` stays English for logs.
/// Kept apart from the enums so that the files defining them need not change.

extension FileError: LocalizedMessage {
    public func message(_ S: Strings) -> String {
        switch self {
        case .cannotRead(let p, let r): return S.format(.errFileRead, p, r)
        case .cannotWrite(let p, let r): return S.format(.errFileWrite, p, r)
        case .changedOnDisk(let p): return S.format(.errFileChanged, p)
        }
    }
}

extension JournalError: LocalizedMessage {
    public func message(_ S: Strings) -> String {
        switch self {
        case .inUse(let j, let p): return S.format(.errJournalInUse, j, p)
        case .cannotCreate(let j, let r): return S.format(.errJournalCreate, j, r)
        case .cannotWrite(let j, let r): return S.format(.errJournalWrite, j, r)
        case .cannotRead(let j, let r): return S.format(.errJournalRead, j, r)
        case .undecided(let j): return S.format(.errJournalUndecided, j)
        case .closed(let j): return S.format(.errJournalClosed, j)
        }
    }
}

extension EditError: LocalizedMessage {
    public func message(_ S: Strings) -> String {
        switch self {
        case .noSuchTask(let id): return S.format(.errNoSuchTask, id)
        case .progressOutOfRange(let p): return S.format(.errProgressRange, p)
        case .emptyText: return S[.errEmptyText]
        case .readOnly: return S[.errReadOnly]
        case .emptyReason: return S[.errExtNeedsReason]
        case .noSuchExtension(let k): return S.format(.errExtNoSuch, k + 1)
        case .extensionDecided(let k): return S.format(.errExtDecided, k + 1)
        }
    }
}

extension Strings {
    /// Why a writer must not save while the plan's journal holds changes the file lacks.
    public func journalRefusal(planPath: String, _ status: JournalStatus) -> String {
        switch status {
        case .clear, .openElsewhere: return ""
        case .pending(let n, true, let j): return format(.jrRunning, planPath, n, j)
        case .pending(let n, false, let j): return format(.jrEnded, planPath, n, j)
        case .unreadable(let j, let r): return format(.jrUnreadable, planPath, j, r)
        }
    }
}
