import DubanCore

/// How the dashboard says why a plan is read-only (the reasons are the core's).
extension ReadOnlyReason {
    /// The banner in the title line.
    func banner(_ S: Strings) -> String {
        switch self {
        case .requested: return S[.tuiTitleReadOnly]
        case .fileNotWritable: return S[.tuiTitleReadOnlyFile]
        case .inUse: return S[.tuiTitleReadOnlyInUse]
        case .noJournal: return S[.tuiTitleReadOnlyNoJournal]
        case .pendingChanges: return S[.tuiTitleReadOnlyPending]
        case .sharedLeader: return S[.pgTitleLeader]
        }
    }

    /// What an edit key says: why nothing can be changed, naming the file.
    public func refusal(_ S: Strings) -> String {
        switch self {
        case .requested: return S[.tuiReadOnlyRefused]
        case .fileNotWritable(let p): return S.format(.tuiReadOnlyFile, p)
        case .inUse(let p): return S.format(.tuiReadOnlyInUse, p)
        case .noJournal(let p, let r): return S.format(.tuiReadOnlyNoJournal, p, r)
        case .pendingChanges(let p, let n): return S.format(.tuiReadOnlyPending, p, n)
        case .sharedLeader(let a): return S.format(.pgLeaderRefused, a)
        }
    }
}
