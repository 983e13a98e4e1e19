#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a save kept no `PLAN.json.bak`. The save itself succeeded.
public struct BackupProblem: Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    public enum Reason: Hashable, Sendable {
        case isFolder
        case notAFile
        case failed(String)
    }
    public var backup: String
    public var reason: Reason

    public func message(_ S: Strings) -> String {
        let why: String
        switch reason {
        case .isFolder: why = S.lang == .zh ? "它是一个文件夹" : "it is a folder"
        case .notAFile: why = S.lang == .zh ? "它不是普通文件" : "it is not a regular file"
        case .failed(let r): why = r
        }
        return S.format(.backupNotKept, backup, why)
    }

    public var description: String { message(Strings(.en)) }
}

public enum PlanWriteError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    /// The plan has no write bit (or its folder cannot be written): read-only, even for root.
    case readOnly(path: String)
    /// A dashboard's journal holds changes the plan does not have (Journal.refusal's words).
    case journalPending(path: String, status: JournalStatus)
    /// Renamed into place, but the folder could not be flushed: not reported as saved.
    case notFlushed(path: String, reason: String)

    public func message(_ S: Strings) -> String {
        switch self {
        case .readOnly(let p): return S.format(.writeReadOnly, p)
        case .journalPending(let p, let st): return S.journalRefusal(planPath: p, st)
        case .notFlushed(let p, let r): return S.format(.writeNotFlushed, p, r)
        }
    }

    public var description: String { message(Strings(.en)) }
}

/// The one owner of "open a plan for change, change it, save it". Every writer of a plan
/// file goes through it: `duban set`, `duban recover`, `duban import -o` onto an existing
/// plan, the dashboard's save, and the commands to come (the spreadsheet merge, the
/// database). It holds the plan's lock (`PlanLock`, `PLAN.json.lock`) from the read to
/// the rename, so two writers take turns and neither loses the other's edit:
///
///     let saved = try PlanEditor.edit(path: p, command: "duban set") { opened in
///         let store = PlanStore(plan: opened.plan, ...)
///         try store.apply(edit)
///         return store.isDirty ? store.plan : nil       // nil: nothing to save
///     }
///     if let b = saved.backupProblem { print(S.describe(b)) }   // saved, but no .bak
///
/// Inside the lock, before reading: a plan with no write bit is refused (even for root),
/// and so is one whose dashboard journal holds unsaved changes (`Journal.refusal`).
/// `edit` returns only after the rename and the folder's flush.
public enum PlanEditor {
    /// What an edit did.
    public struct Outcome: Sendable {
        /// false when the body returned nil (nothing changed, nothing written).
        public var saved: Bool
        public var stamp: FileStamp?
        /// Set when the plan was saved but no `.bak` could be kept.
        public var backupProblem: BackupProblem?
    }

    /// Runs `body` with the plan's lock held: for writers that save their own way (the
    /// dashboard and `recover` save through the journal). `waiting` is told once, with
    /// the holder, when the lock is held by someone else.
    public static func withLock<T>(path: String, command: String, wait: Double = PlanLock.defaultWait,
                                   waiting: (PlanLockHolder?) -> Void = { _ in },
                                   _ body: () throws -> T) throws -> T {
        let lock = try PlanLock.acquire(planPath: path, command: command, wait: wait, waiting: waiting)
        defer { lock.release() }
        return try body()
    }

    /// Locks the plan, refuses a read-only one or one with a dashboard's unsaved changes,
    /// reads it, lets `body` change it, and saves what `body` returns (atomically, the old
    /// version kept as `.bak`), expecting the version read. Throws every failure; on
    /// return the new version is on disk.
    @discardableResult
    public static func edit(path: String, command: String, wait: Double = PlanLock.defaultWait,
                            waiting: (PlanLockHolder?) -> Void = { _ in },
                            checkJournal: Bool = true,
                            _ body: (inout PlanFile.Opened) throws -> Plan?) throws -> Outcome {
        try refuseReadOnly(path)
        return try withLock(path: path, command: command, wait: wait, waiting: waiting) {
            if checkJournal, let st = Journal.blockingStatus(planPath: path) {
                throw PlanWriteError.journalPending(path: path, status: st)
            }
            var opened = try PlanFile.loadForEditing(path: path, hashing: false)
            guard opened.writable else { throw PlanWriteError.readOnly(path: path) }
            guard let changed = try body(&opened) else { return Outcome(saved: false, stamp: opened.stamp, backupProblem: nil) }
            let s = try PlanFile.saveReporting(changed, to: path, expecting: opened.stamp, backup: true)
            return Outcome(saved: true, stamp: s.stamp, backupProblem: s.backupProblem)
        }
    }

    /// Replaces a plan file with `plan` (what `import -o` does to an existing plan), under
    /// the lock and with the same refusals as `edit`; no backup unless asked.
    @discardableResult
    public static func replace(path: String, with plan: Plan, command: String, backup: Bool = false,
                               wait: Double = PlanLock.defaultWait,
                               waiting: (PlanLockHolder?) -> Void = { _ in }) throws -> Outcome {
        try refuseReadOnly(path)
        return try withLock(path: path, command: command, wait: wait, waiting: waiting) {
            if let st = Journal.blockingStatus(planPath: path) {
                throw PlanWriteError.journalPending(path: path, status: st)
            }
            try refuseReadOnly(path)
            let s = try PlanFile.saveReporting(plan, to: path, expecting: nil, backup: backup)
            return Outcome(saved: true, stamp: s.stamp, backupProblem: s.backupProblem)
        }
    }

    /// Whether `path` names an existing regular file (through links): the files whose
    /// replacement goes through the lock.
    public static func isExistingFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    static func refuseReadOnly(_ path: String) throws {
        if !PlanFile.isWritable(path: path) { throw PlanWriteError.readOnly(path: path) }
    }
}
