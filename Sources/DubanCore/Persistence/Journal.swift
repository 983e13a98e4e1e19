#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Another duban holds the journal: it has this plan open for editing.
    case inUse(journal: String, plan: String)
    case cannotCreate(journal: String, reason: String)
    case cannotWrite(journal: String, reason: String)
    case cannotRead(journal: String, reason: String)
    /// `recover` or `discard` must come first: the journal holds changes not yet decided on.
    case undecided(journal: String)
    case closed(journal: String)

    public var description: String {
        switch self {
        case .inUse(let j, let p):
            return "\(p): another duban is editing this plan (its journal \(j) is locked); save and quit there first"
        case .cannotCreate(let j, let r):
            return "\(j): cannot create the journal: \(r); changes could not be kept safe until saved"
        case .cannotWrite(let j, let r):
            return "\(j): cannot record the change in the journal: \(r); the change was not made"
        case .cannotRead(let j, let r): return "\(j): cannot read the journal: \(r)"
        case .undecided(let j):
            return "\(j): the journal holds unsaved changes from an earlier session; recover or discard them first"
        case .closed(let j): return "\(j): the journal is closed"
        }
    }
}

/// Where a plan's journal stands, for commands that write the plan without the dashboard.
public enum JournalStatus: Hashable, Sendable {
    /// No journal, or nothing in it that the plan does not already have.
    case clear
    /// Changes not in the plan file. `inUse`: a running duban holds them (not yet saved);
    /// otherwise a session ended without saving and `duban recover` can replay them.
    case pending(count: Int, inUse: Bool, journal: String)
    /// A running duban has the plan open, with nothing unsaved.
    case openElsewhere(journal: String)
    /// The journal exists but cannot be read.
    case unreadable(journal: String, reason: String)
}

/// The write-ahead journal of a plan being edited: `PLAN.json.journal` beside the plan.
///
/// Every change (an edit, an undo, a redo) is appended as one JSON line and flushed to
/// disk before the store makes it, so no change shown on screen can be lost to a crash, a
/// kill or a closed window. A save writes a marker, saves the plan atomically, then
/// empties the journal. The next session finds what was not saved and replays it
/// (`recover`), or sets it aside (`discard`). While a session has the journal open it
/// holds an exclusive lock (flock) on it, so a second duban on the same plan is told.
///
/// The dashboard's part:
///
///     let opened = try PlanFile.loadForEditing(path: path)         // plan, bytes, stamp, writable
///     let journal = try Journal.open(planPath: path, planBytes: opened.bytes)
///     if let found = journal.found { ... ask: replay or discard ...
///         let r = try journal.recover(into: store)       // or: try journal.discard()
///         store = r.store }
///     try journal.apply(edit, to: store)     // instead of store.apply(edit)
///     try journal.undo(in: store)            // instead of store.undo()
///     try journal.redo(in: store)            // instead of store.redo()
///     stamp = try journal.save(store.plan, expecting: stamp); store.markSaved()
///     journal.close(unsaved: store.isDirty)  // on quit
public final class Journal {
    /// The journal's path for a plan: `PLAN.json.journal` in the plan's folder.
    public static func path(forPlan planPath: String) -> String { planPath + ".journal" }

    /// Where a discarded journal is kept (one generation), in case it was discarded by mistake.
    public static func discardedPath(forPlan planPath: String) -> String { planPath + ".journal.discarded" }

    /// Keeps discarded changes once, as `PLAN.json.journal.discarded` (the newest replaces
    /// the one before). A link there is removed, never followed, so its target is untouched;
    /// anything else that is not a regular file (a folder, a FIFO) is left and nothing kept.
    static func setAside(_ bytes: [UInt8], planPath: String) {
        let aside = discardedPath(forPlan: planPath)
        var st = stat()
        if lstat(aside, &st) == 0 {
            let kind = st.st_mode & S_IFMT
            if kind == S_IFLNK { unlink(aside) } else if kind != S_IFREG { return }
        }
        _ = try? PlanFile.write(bytes, to: aside, expecting: nil, backup: false)
    }

    public private(set) var planPath: String
    public var path: String { Journal.path(forPlan: planPath) }
    /// What the journal held when opened that the plan file does not have: nil when there
    /// was nothing. Until `recover` or `discard`, changes are refused.
    public private(set) var found: JournalPending?
    /// Changes journaled since the plan was last saved (or the session started).
    public private(set) var unsavedCount = 0
    /// Why the last save kept no `PLAN.json.bak` (the save succeeded): nil when it did.
    public private(set) var lastBackupProblem: BackupProblem?

    private enum State { case undecided, recording, broken(String), closed }
    private var state: State
    private var fd: Int32
    /// Bytes of complete lines: appends go here; a failed append is cut back to it.
    private var length: Int
    /// The plan version the journal's changes apply to: the plan as loaded, then as saved.
    private var base: ContentHash

    /// The clock, in seconds since 1970; tests pin it.
    var clock: () -> Int = { Int(time(nil)) }

    private init(planPath: String, fd: Int32, base: ContentHash, length: Int, state: State) {
        self.planPath = planPath; self.fd = fd; self.base = base; self.length = length; self.state = state
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }

    // MARK: opening

    /// Opens (creating if needed) and locks the journal of a plan just loaded from
    /// `planBytes`. When the journal holds changes the plan does not have, they are in
    /// `found` and the caller must `recover` or `discard` before editing; otherwise the
    /// journal is emptied and ready.
    ///
    /// Throws `.inUse` when another duban has the plan open (open it read-only then), and
    /// `.cannotCreate` when the journal cannot be created (a read-only folder: open the plan
    /// read-only, or edit without a journal after telling the user).
    ///
    /// `hash`: `ContentHash(planBytes)` when the caller has it already (`PlanFile.Opened.hash`).
    public static func open(planPath: String, planBytes: [UInt8], hash: ContentHash? = nil) throws -> Journal {
        let jpath = path(forPlan: planPath)
        let fd = try openJournal(jpath)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = errnoText()
            Glibc.close(fd)
            throw busy ? JournalError.inUse(journal: jpath, plan: planPath) : JournalError.cannotWrite(journal: jpath, reason: reason)
        }
        // Readable by whoever may read the plan, writable by its owner.
        var st = stat()
        if stat(planPath, &st) == 0 { fchmod(fd, (st.st_mode & 0o666) | 0o600) }
        let bytes: [UInt8]
        do { bytes = try readAll(fd, path: jpath) } catch { Glibc.close(fd); throw error }
        let planHash = hash ?? ContentHash(planBytes)
        let contents = JournalContents(bytes, path: jpath)
        let j = Journal(planPath: planPath, fd: fd, base: planHash, length: contents.goodLength, state: .recording)
        // A journal of format 1 names plan versions by FNV-1a: worked out for it alone,
        // from the bytes if they are still here, else from the file (given back, issue 16).
        let hashOf = { (kind: ContentHash.Kind) -> ContentHash? in
            if kind == planHash.kind { return planHash }
            if planBytes.count == planHash.size { return ContentHash.of(planBytes, kind: kind) }
            return (try? PlanFile.read(path: planPath)).map { ContentHash.of($0, kind: kind) }
        }
        if let p = contents.pending(plan: hashOf, path: jpath) {
            j.found = p
            j.state = .undecided
        } else {
            do { try j.restart(base: planHash) } catch { Glibc.close(fd); j.fd = -1; throw error }
            syncFolder(of: jpath)
        }
        return j
    }

    /// Where the journal of a plan stands, without locking it or changing anything: what
    /// `duban set` checks before writing the plan behind the dashboard's back.
    public static func status(planPath: String) -> JournalStatus {
        let jpath = path(forPlan: planPath)
        var lst = stat()
        if lstat(jpath, &lst) != 0 {
            return errno == ENOENT ? .clear : .unreadable(journal: jpath, reason: errnoText())
        }
        // Not followed through a link, never waited on as a FIFO.
        let fd: Int32
        do { fd = try SafeOpen.open(jpath, as: .journal).fd } catch {
            return .unreadable(journal: jpath, reason: error.description)
        }
        defer { Glibc.close(fd) }
        var inUse = false
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { flock(fd, LOCK_UN) } else { inUse = errno == EWOULDBLOCK }
        let bytes: [UInt8]
        do { bytes = try readAll(fd, path: jpath) } catch { return .unreadable(journal: jpath, reason: "\(error)") }
        guard let plan = try? PlanFile.read(path: planPath) else {
            return .unreadable(journal: jpath, reason: "the plan \(planPath) cannot be read")
        }
        let contents = JournalContents(bytes, path: jpath)
        if let p = contents.pending(plan: { ContentHash.of(plan, kind: $0) }, path: jpath) {
            if p.entries.isEmpty {
                return .unreadable(journal: jpath, reason: p.notes.first ?? "damaged")
            }
            return .pending(count: p.entries.count, inUse: inUse, journal: jpath)
        }
        return inUse ? .openElsewhere(journal: jpath) : .clear
    }

    /// Whether the plan's journal holds changes the plan file does not have (from a
    /// running dashboard or from a session that ended without saving).
    public static func hasPending(planPath: String) -> Bool {
        switch status(planPath: planPath) {
        case .pending, .unreadable: return true
        case .clear, .openElsewhere: return false
        }
    }

    /// The message a command that writes the plan prints when it must not, or nil when
    /// it may go ahead.
    public static func refusal(planPath: String, strings S: Strings = Strings(.en)) -> String? {
        blockingStatus(planPath: planPath).map { S.journalRefusal(planPath: planPath, $0) }
    }

    /// The journal's state when it must stop a writer (unsaved changes of a running or an
    /// ended session, or a journal that cannot be read); nil when a writer may go on.
    public static func blockingStatus(planPath: String) -> JournalStatus? {
        let s = status(planPath: planPath)
        switch s {
        case .clear, .openElsewhere: return nil
        default: return s
        }
    }

    // MARK: deciding on what was found

    /// Replays what `found` holds onto `store` (the plan as loaded), exactly when the plan
    /// is the version the changes were made on, else merged as commands (see `replay`).
    /// The journal keeps the changes, so they stay safe until the plan is saved.
    public func recover(into store: PlanStore) throws -> JournalReplay {
        guard case .undecided = state, let p = found else { throw JournalError.closed(journal: path) }
        // Cut a torn last line so the next append starts on a line of its own.
        guard ftruncate(fd, off_t(length)) == 0, fsync(fd) == 0 else {
            throw JournalError.cannotWrite(journal: path, reason: errnoText())
        }
        let r = Journal.replay(p.entries, onto: store, exact: p.baseMatches)
        unsavedCount = p.entries.count
        state = .recording
        found = nil
        return r
    }

    /// Sets aside what `found` holds (kept once as `PLAN.json.journal.discarded`) and
    /// starts an empty journal for the plan as loaded.
    public func discard() throws {
        guard case .undecided = state else { throw JournalError.closed(journal: path) }
        if let old = try? Journal.readAll(fd, path: path) {
            Journal.setAside(old, planPath: planPath)
        }
        try restart(base: base)
        found = nil
    }

    // MARK: recording changes

    /// Applies an edit through the journal: the task after the edit is worked out, the
    /// change is appended and flushed, then the store makes it. Returns false (and
    /// journals nothing) when the edit changes nothing. When the journal cannot be
    /// written, throws and the store is unchanged.
    @discardableResult
    public func apply(_ edit: Edit, to store: PlanStore) throws -> Bool {
        try checkRecording()
        guard let i = store.index(ofID: edit.taskID) else { throw EditError.noSuchTask(edit.taskID) }
        guard let after = try store.task(at: i).applying(edit, strings: store.strings) else { return false }
        try append(.entry(JournalEntry(kind: .edit, edit: edit, after: after, time: clock())))
        unsavedCount += 1
        return try store.apply(edit)
    }

    /// Undoes the store's last edit, journaled first; nil when there is nothing to undo.
    @discardableResult
    public func undo(in store: PlanStore) throws -> PlanStore.AppliedEdit? {
        try checkRecording()
        guard let top = store.undoStack.last else { return nil }
        try append(.entry(JournalEntry(kind: .undo, edit: top.edit, after: top.before, time: clock())))
        unsavedCount += 1
        return store.undo()
    }

    /// Redoes the store's last undone edit, journaled first; nil when there is nothing to redo.
    @discardableResult
    public func redo(in store: PlanStore) throws -> PlanStore.AppliedEdit? {
        try checkRecording()
        guard let top = store.redoStack.last else { return nil }
        try append(.entry(JournalEntry(kind: .redo, edit: top.edit, after: top.after, time: clock())))
        unsavedCount += 1
        return store.redo()
    }

    // MARK: saving

    /// Saves the plan atomically to the journal's plan file (refusing, like `PlanFile.save`,
    /// when the file changed on disk since `expecting`), then empties the journal. Returns
    /// the new stamp. On failure the journal is unchanged and every change stays in it.
    @discardableResult
    public func save(_ plan: Plan, expecting: FileStamp?) throws -> FileStamp? {
        try checkRecording()
        let before = length
        // The marker makes a death between the rename and the emptying harmless. The file
        // is encoded and written piece by piece (issue 16), so its hash is known once the
        // last piece is flushed: the marker is written then, before the rename.
        var marked = false
        let stamp: FileStamp?
        let hash: ContentHash
        do {
            let (saved, h) = try PlanFile.saveHashing(plan, to: planPath, expecting: expecting, backup: true) { h in
                marked = (try? append(.saving(h, time: clock()))) != nil
            }
            hash = h
            stamp = saved.stamp
            lastBackupProblem = saved.backupProblem
        } catch {
            if marked { cutBack(to: before) }
            throw error
        }
        unsavedCount = 0
        do { try restart(base: hash) } catch { state = .broken("\(error)") }
        return stamp
    }

    /// Saves to another file ("save as"); from then on the journal is that file's, and the
    /// old plan's journal is removed (its changes are in the new file).
    @discardableResult
    public func save(_ plan: Plan, to newPath: String, expecting: FileStamp? = nil) throws -> FileStamp? {
        if newPath == planPath { return try save(plan, expecting: expecting) }
        try checkRecording()
        let newJournal = Journal.path(forPlan: newPath)
        let nfd = try Journal.openJournal(newJournal)
        guard flock(nfd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = errnoText()
            Glibc.close(nfd)
            throw busy ? JournalError.inUse(journal: newJournal, plan: newPath) : JournalError.cannotWrite(journal: newJournal, reason: reason)
        }
        let stamp: FileStamp?
        let hash: ContentHash
        do {
            let (saved, h) = try PlanFile.saveHashing(plan, to: newPath, expecting: expecting, backup: true)
            hash = h
            stamp = saved.stamp
            lastBackupProblem = saved.backupProblem
        } catch {
            // Leave no empty journal behind for a file that was not written.
            var st = stat()
            if fstat(nfd, &st) == 0, st.st_size == 0 { unlink(newJournal) }
            Glibc.close(nfd)
            throw error
        }
        unlink(path)
        Glibc.close(fd)
        fd = nfd
        planPath = newPath
        unsavedCount = 0
        do { try restart(base: hash) } catch { state = .broken("\(error)") }
        Journal.syncFolder(of: newJournal)
        return stamp
    }

    /// Ends the session. With nothing unsaved the journal file is removed; otherwise it is
    /// kept for the next session to recover (pass `unsaved: false` when the user chose to
    /// quit without saving: the journal is then set aside as `.journal.discarded`).
    public func close(unsaved: Bool) {
        guard fd >= 0 else { return }
        if case .undecided = state {
            // Nothing decided: keep what was found for next time.
        } else if unsaved && unsavedCount > 0 {
            // Kept for recovery.
        } else {
            if unsavedCount > 0, let old = try? Journal.readAll(fd, path: path) {
                Journal.setAside(old, planPath: planPath)
            }
            unlink(path)
        }
        Glibc.close(fd)
        fd = -1
        state = .closed
    }

    // MARK: internals

    /// Tests: closes the descriptor (releasing the lock, as a killed process does) and
    /// uses `new` instead (-1 for none).
    func debugReplaceDescriptor(_ new: Int32) {
        if fd >= 0 { Glibc.close(fd) }
        fd = new
    }

    private func checkRecording() throws {
        switch state {
        case .recording: return
        case .undecided: throw JournalError.undecided(journal: path)
        case .broken(let why): throw JournalError.cannotWrite(journal: path, reason: why)
        case .closed: throw JournalError.closed(journal: path)
        }
    }

    /// Empties the journal and writes a header for `base`. A death in between leaves an
    /// empty file, which holds nothing: right, since this follows a save or a discard.
    private func restart(base: ContentHash) throws {
        guard ftruncate(fd, 0) == 0 else { throw JournalError.cannotWrite(journal: path, reason: errnoText()) }
        length = 0
        self.base = base
        state = .recording
        let name = planPath.split(separator: "/").last.map(String.init) ?? planPath
        try append(.header(plan: name, base: base, started: clock()))
    }

    /// Appends one line and flushes it; on failure cuts the file back so that no partial
    /// line is left for the next append to run into.
    private func append(_ line: JournalLine) throws {
        let bytes = line.bytes
        var off = 0
        var failure: String? = nil
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while off < bytes.count {
                let n = pwrite(fd, base + off, bytes.count - off, off_t(length + off))
                if n < 0 { if errno == EINTR { continue }; failure = errnoText(); return }
                if n == 0 { failure = String(cString: strerror(ENOSPC)); return }
                off += n
            }
        }
        if failure == nil, fdatasync(fd) != 0 { failure = errnoText() }
        if let failure {
            cutBack(to: length)
            throw JournalError.cannotWrite(journal: path, reason: failure)
        }
        length += bytes.count
    }

    private func cutBack(to n: Int) {
        if ftruncate(fd, off_t(n)) == 0 { length = n; _ = fdatasync(fd) }
    }

    /// The whole journal from its start (pread), at most `FileKind.journal.limit` bytes.
    static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        return try SafeOpen.readAll(fd, path: path, kind: .journal, size: size)
    }

    /// Opens (creating) a journal for writing: never through a symbolic link (its target
    /// would be overwritten), never a FIFO or device (`SafeOpenError.notRegular`, which
    /// names the file and what it is). Other failures are `.cannotCreate`.
    static func openJournal(_ jpath: String) throws -> Int32 {
        do {
            return try SafeOpen.open(jpath, as: .journal, flags: O_RDWR | O_CREAT, mode: 0o600).fd
        } catch {
            if case .cannotOpen(_, _, let reason) = error { throw JournalError.cannotCreate(journal: jpath, reason: reason) }
            throw error
        }
    }

    static func syncFolder(of path: String) {
        let dfd = Glibc.open(PlanFile.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); Glibc.close(dfd) }
    }
}
