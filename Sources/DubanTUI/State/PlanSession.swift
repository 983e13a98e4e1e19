import DubanCore

/// Why the dashboard shows a plan read-only; each says so in the title line and when an
/// edit key is pressed.
public enum ReadOnlyReason: Equatable, Sendable {
    /// `--read-only`.
    case requested
    /// The plan file or its folder has no write permission (even for root).
    case fileNotWritable(path: String)
    /// Another running duban holds the plan's journal.
    case inUse(path: String)
    /// The journal cannot be created or locked: edits could not be kept safe.
    case noJournal(path: String, reason: String)
    /// An earlier session's unsaved changes wait in the journal and the user chose to look
    /// without deciding.
    case pendingChanges(path: String, count: Int)

    /// The banner in the title line.
    func banner(_ S: Strings) -> String {
        switch self {
        case .requested: return S[.tuiTitleReadOnly]
        case .fileNotWritable: return S[.tuiTitleReadOnlyFile]
        case .inUse: return S[.tuiTitleReadOnlyInUse]
        case .noJournal: return S[.tuiTitleReadOnlyNoJournal]
        case .pendingChanges: return S[.tuiTitleReadOnlyPending]
        }
    }

    /// What an edit key says: why nothing can be changed, naming the file.
    func refusal(_ S: Strings) -> String {
        switch self {
        case .requested: return S[.tuiReadOnlyRefused]
        case .fileNotWritable(let p): return S.format(.tuiReadOnlyFile, p)
        case .inUse(let p): return S.format(.tuiReadOnlyInUse, p)
        case .noJournal(let p, let r): return S.format(.tuiReadOnlyNoJournal, p, r)
        case .pendingChanges(let p, let n): return S.format(.tuiReadOnlyPending, p, n)
        }
    }
}

/// The plan file behind the dashboard: where it is, the version loaded (its stamp), the
/// journal every edit goes through, and why it is read-only when it is.
///
/// `open` does what docs/reliability.md lists for opening: `PlanFile.loadForEditing`, then
/// `Journal.open` unless the plan is read-only; a journal holding an earlier session's
/// changes is left undecided for the dashboard's recovery dialog.
public final class PlanSession {
    /// The plan as loaded (the dashboard builds its store from it).
    public let plan: Plan
    /// The journal; nil when read-only, or for a plan that has no file yet (the demo, an
    /// imported notice) until it is first saved.
    public internal(set) var journal: Journal?
    /// The version of the file the store's plan is based on: a save expects it.
    public internal(set) var stamp: FileStamp?
    public internal(set) var readOnly: ReadOnlyReason?
    /// Changes replayed into a rebuilt store (which does not count them as unsaved).
    public internal(set) var recoveredUnsaved = 0
    /// Unsaved changes of an earlier session waiting in the journal of a plan opened
    /// read-only (said when it opens; `duban recover` or opening it for editing replays them).
    public internal(set) var waitingInJournal = 0
    /// Set when the user quits without saving: the journal is set aside, not kept.
    var discardOnClose = false
    private var fileless: String?

    /// The plan's file; nil for a plan not saved yet.
    public var path: String? { journal?.planPath ?? fileless }

    init(plan: Plan, path: String?, journal: Journal?, stamp: FileStamp?, readOnly: ReadOnlyReason?) {
        self.plan = plan; self.fileless = path; self.journal = journal; self.stamp = stamp; self.readOnly = readOnly
    }

    /// A plan with no file behind it yet (the demo plan, an imported notice).
    public static func unsaved(plan: Plan, readOnly: Bool = false) -> PlanSession {
        PlanSession(plan: plan, path: nil, journal: nil, stamp: nil, readOnly: readOnly ? .requested : nil)
    }

    /// Opens a plan file for the dashboard. Throws only when the plan cannot be read or
    /// decoded (the error names the file, line and column); every other trouble opens it
    /// read-only with the reason.
    public static func open(path: String, readOnly requested: Bool, strings: Strings = Strings(.en)) throws -> PlanSession {
        let opened = try PlanFile.loadForEditing(path: path)
        func session(_ j: Journal?, _ r: ReadOnlyReason?) -> PlanSession {
            let s = PlanSession(plan: opened.plan, path: path, journal: j, stamp: opened.stamp, readOnly: r)
            if j == nil, case .pending(let n, false, _) = Journal.status(planPath: path) { s.waitingInJournal = n }
            return s
        }
        if requested { return session(nil, .requested) }
        // The save writes a temporary file beside the plan: the folder must be writable too.
        guard opened.writable, PlanFile.isWritable(path: PlanFile.folder(of: path)) else {
            return session(nil, .fileNotWritable(path: path))
        }
        do {
            return session(try Journal.open(planPath: path, planBytes: opened.bytes, hash: opened.hash), nil)
        } catch JournalError.inUse {
            return session(nil, .inUse(path: path))
        } catch {
            return session(nil, .noJournal(path: path, reason: strings.describe(error)))
        }
    }

    /// Whether an earlier session's changes wait for the user to replay or discard them.
    public var needsRecoveryDecision: Bool { journal?.found != nil }

    /// Ends the session: the journal is removed when nothing is unsaved, kept for next
    /// time when something is, set aside when the user chose to quit without saving.
    func close(unsaved: Bool) {
        journal?.close(unsaved: unsaved && !discardOnClose)
        journal = nil
    }

    // MARK: for the dashboard

    func replaceJournal(_ j: Journal?, stamp: FileStamp?) {
        if j == nil, let p = path { fileless = p }
        journal = j
        self.stamp = stamp
    }

    /// After the first save of a plan that had no file: from now on edits are journaled.
    func adopt(path: String, bytes: [UInt8], stamp: FileStamp?) {
        fileless = path
        self.stamp = stamp
        guard let j = try? Journal.open(planPath: path, planBytes: bytes) else { return }
        if j.found != nil {
            // Someone's unsaved changes to the file just overwritten: keep them, undecided,
            // for `duban recover`; this session goes on without a journal.
            j.close(unsaved: true)
            return
        }
        journal = j
    }
}
