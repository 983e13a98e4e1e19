/// Why a plan is open read-only; the dashboard says so in its title line and when an
/// edit key is pressed (its words are the dashboard's: DubanTUI's ReadOnlyText).
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
    /// issue 15, pgtui: a shared plan opened with a leader's login, which only reads (the
    /// database refuses every change; the dashboard says so first). `address` without password.
    case sharedLeader(address: String)
}

/// A save refused before anything was written: another file the user named has
/// unsaved journaled changes of its own (a running duban's, a killed session's).
public struct SaveRefusal: Error, Equatable, Sendable {
    /// `Journal.refusal`'s words.
    public var reason: String
}

/// The one owner of "open a plan, change it, save it" for the dashboard and the
/// commands: where the file is, the version loaded (its stamp), the journal every edit
/// goes through, and why it is read-only when it is. The dashboard's loop runs its
/// effects (edit, undo, save, recover, merge, reload) through it; `duban set` edits
/// through `PlanSession.edit`, `duban recover` replays through `recover` and `save`.
/// Every write goes through `PlanEditor` (the plan's lock) and `PlanFile`/`Journal`
/// (stamp check, atomic rename).
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
    public var discardOnClose = false
    /// How long a save waits for the plan's lock while another writer (a `duban set`)
    /// saves it; then it says who holds it and keeps every edit.
    public var lockWait: Double = 2
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

    /// For `duban recover`: the plan and its journal, for replaying or discarding what an
    /// earlier session left (any trouble is thrown, never a read-only fallback). Also
    /// says whether the plan file can be written.
    public static func openForRecovery(path: String) throws -> (session: PlanSession, writable: Bool) {
        let opened = try PlanFile.loadForEditing(path: path)
        let journal = try Journal.open(planPath: path, planBytes: opened.bytes, hash: opened.hash)
        return (PlanSession(plan: opened.plan, path: path, journal: journal, stamp: opened.stamp, readOnly: nil), opened.writable)
    }

    /// Whether an earlier session's changes wait for the user to replay or discard them.
    public var needsRecoveryDecision: Bool { journal?.found != nil }

    /// Ends the session: the journal is removed when nothing is unsaved, kept for next
    /// time when something is, set aside when the user chose to quit without saving.
    public func close(unsaved: Bool) {
        journal?.close(unsaved: unsaved && !discardOnClose)
        journal = nil
    }

    // MARK: changing the store

    /// One edit, journaled (appended and flushed) before the store makes it.
    public func apply(_ edit: Edit, to store: PlanStore) throws -> Bool {
        if let j = journal { return try j.apply(edit, to: store) }
        return try store.apply(edit)
    }

    /// Undo, journaled first when there is a journal.
    public func undo(in store: PlanStore) throws -> PlanStore.AppliedEdit? {
        if let j = journal { return try j.undo(in: store) }
        return store.undo()
    }

    public func redo(in store: PlanStore) throws -> PlanStore.AppliedEdit? {
        if let j = journal { return try j.redo(in: store) }
        return store.redo()
    }

    // MARK: saving

    public struct Saved: Sendable {
        public var path: String
        /// Saved, but no `.bak` was kept.
        public var backupProblem: BackupProblem?
    }

    /// Writes the plan to `path` (the plan's own file, or another the user named) with
    /// the plan's lock held around the stamp check and the write. Through the journal
    /// (which empties it) when there is one; the first save of a plan with no file adopts
    /// it (from then on edits are journaled). Throws `FileError.changedOnDisk` when
    /// someone else saved the plan since it was loaded (nothing written), `PlanLockError`
    /// when another writer holds the lock past `lockWait`, `SaveRefusal` when the other
    /// file has unsaved journaled changes of its own.
    /// `lockHeld`: the caller holds the plan's lock already (`duban recover`, which lists
    /// and saves under one lock).
    public func save(_ plan: Plan, to path: String, strings: Strings = Strings(.en), lockHeld: Bool = false) throws -> Saved {
        let elsewhere = path != self.path
        if elsewhere, let why = Journal.refusal(planPath: path, strings: strings) {
            throw SaveRefusal(reason: why)
        }
        var backupProblem: BackupProblem? = nil
        func write() throws {
            if let j = journal {
                let stamp = elsewhere ? try j.save(plan, to: path) : try j.save(plan, expecting: self.stamp)
                backupProblem = j.lastBackupProblem
                replaceJournal(j, stamp: stamp)
            } else {
                // Encoded and written piece by piece (issue 16), hashed on the way for the journal.
                let (s, hash) = try PlanFile.saveHashing(plan, to: path, expecting: elsewhere ? nil : self.stamp, backup: true)
                backupProblem = s.backupProblem
                adopt(path: path, hash: hash, stamp: s.stamp)
            }
        }
        if lockHeld { try write() } else { try PlanEditor.withLock(path: path, command: "duban", wait: lockWait) { try write() } }
        recoveredUnsaved = 0
        return Saved(path: path, backupProblem: backupProblem)
    }

    // MARK: an earlier session's changes

    /// Replays the journal's changes into the store (the result may be a rebuilt store).
    public func recover(into store: PlanStore) throws -> JournalReplay {
        guard let journal else { throw JournalError.cannotWrite(journal: path ?? "", reason: "no journal") }
        let r = try journal.recover(into: store)
        recoveredUnsaved = r.rebuilt ? r.replayed : 0
        return r
    }

    /// Drops the journal's changes (kept once as `.journal.discarded`).
    public func discardJournal() throws {
        try journal?.discard()
    }

    /// Read-only for now: the journal is closed undecided, so its changes wait for the
    /// next session (or `duban recover`). Returns how many changes wait.
    @discardableResult
    public func keepJournalForLater() -> Int {
        let n = journal?.found?.entries.count ?? 0
        close(unsaved: true)
        replaceJournal(nil, stamp: stamp)
        if let p = path { readOnly = .pendingChanges(path: p, count: n) }
        return n
    }

    // MARK: a plan changed on disk

    /// A name for "save elsewhere": beside the plan, `PLAN-2.json` (the first that does not exist).
    public func elsewhereSuggestion(default fallback: String) -> String {
        let path = self.path ?? fallback
        let stem = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
        for n in 2..<100 where PlanFile.stamp(path: "\(stem)-\(n).json") == nil {
            return "\(stem)-\(n).json"
        }
        return stem + "-copy.json"
    }

    public struct Merged {
        public var store: PlanStore
        public var replayed: Int
        public var skipped: [String]
    }

    /// Replays the user's changes, as commands, onto the version now on disk (not saved:
    /// the caller saves when nothing was skipped). The journal does the merging: it is
    /// closed with its changes kept, reopened on the new version (which finds them made
    /// on another version) and recovered into a store of it, so the journal and the store
    /// agree from then on.
    public func merge(rules: Rules, strings: Strings) throws -> Merged {
        guard let path, let old = journal else { throw JournalError.cannotWrite(journal: self.path ?? "", reason: "no journal") }
        let opened = try PlanFile.loadForEditing(path: path)
        let fresh = PlanStore(plan: opened.plan, rules: rules, strings: strings)
        old.close(unsaved: true)
        let journal: Journal
        do { journal = try Journal.open(planPath: path, planBytes: opened.bytes, hash: opened.hash) } catch {
            // The old journal's changes are still in its file; the store still has them.
            replaceJournal(nil, stamp: stamp)
            throw error
        }
        var merged = Merged(store: fresh, replayed: 0, skipped: [])
        if journal.found != nil {
            do {
                let r = try journal.recover(into: fresh)
                merged = Merged(store: r.store, replayed: r.replayed, skipped: r.skipped)
            } catch {
                replaceJournal(journal, stamp: stamp)
                throw error
            }
        }
        replaceJournal(journal, stamp: opened.stamp)
        recoveredUnsaved = 0
        return merged
    }

    /// Drops the user's changes (the journal is set aside as `.journal.discarded`) and
    /// loads the version on disk. When no journal can be opened on it any more, the plan
    /// is read-only from then on (`readOnly` says why).
    public func reload(rules: Rules, strings: Strings) throws -> PlanStore {
        guard let path else { throw FileError.cannotRead(path: "", reason: "the plan has no file") }
        let opened = try PlanFile.loadForEditing(path: path)
        journal?.close(unsaved: false)
        var journal: Journal?
        do {
            journal = try Journal.open(planPath: path, planBytes: opened.bytes, hash: opened.hash)
            if journal?.found != nil { try journal?.discard() }
        } catch {
            // Nothing could be journaled from here on: view only, and say why.
            journal = nil
            readOnly = .noJournal(path: path, reason: strings.describe(error))
        }
        replaceJournal(journal, stamp: opened.stamp)
        recoveredUnsaved = 0
        return PlanStore(plan: opened.plan, rules: rules, strings: strings)
    }

    // MARK: internals

    func replaceJournal(_ j: Journal?, stamp: FileStamp?) {
        if j == nil, let p = path { fileless = p }
        journal = j
        self.stamp = stamp
    }

    /// After the first save of a plan that had no file: from now on edits are journaled.
    func adopt(path: String, hash: ContentHash, stamp: FileStamp?) {
        fileless = path
        self.stamp = stamp
        guard let j = try? Journal.open(planPath: path, planBytes: [], hash: hash) else { return }
        if j.found != nil {
            // Someone's unsaved changes to the file just overwritten: keep them, undecided,
            // for `duban recover`; this session goes on without a journal.
            j.close(unsaved: true)
            return
        }
        journal = j
    }
}

extension PlanSession {
    /// `duban set`'s and `duban extend`'s "open, change, save": the plan's lock held from
    /// the read to the rename (`PlanEditor.edit`), `body` changing the plan read through
    /// `PlanEdits` (no store: issue 16); the plan is saved when an edit changed it. Returns
    /// the plan as saved (or as read, when nothing changed) and what the save did.
    public static func edit(path: String, command: String, strings: Strings,
                            wait: Double = PlanLock.defaultWait, waiting: (PlanLockHolder?) -> Void = { _ in },
                            _ body: (inout PlanEdits) throws -> Void) throws -> (plan: Plan, outcome: PlanEditor.Outcome) {
        var result: Plan? = nil
        let outcome = try PlanEditor.edit(path: path, command: command, wait: wait, waiting: waiting) { opened in
            // The plan moved out of `opened`, so that the first edit changes the tasks in
            // place instead of copying the array the two would share.
            var plan = Plan(title: "")
            swap(&plan, &opened.plan)
            var edits = PlanEdits(consume plan, strings: strings)
            try body(&edits)
            result = edits.plan
            return edits.isDirty ? edits.plan : nil
        }
        guard let plan = result else { throw FileError.cannotRead(path: path, reason: "not read") }
        return (plan, outcome)
    }
}
