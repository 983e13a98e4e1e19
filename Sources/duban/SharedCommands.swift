import ArgumentParser
import DubanCore

// issue 15 (pgcli): the writing commands (set, extend, merge) on a database address.

/// A writing command's run on a shared plan (`postgres://…?plan=NAME`): the connection
/// (`SharedWriter`: a down server said within a few seconds, one lost mid-run retried for
/// up to 10 s, an edit whose answer was lost not made twice), the plan as read, each task
/// as last seen, and the edits made so far. Every edit is its own transaction; when one
/// cannot be made the command says which were made and which were not, and exits 1.
final class SharedEditRun {
    let writer: SharedWriter
    let S: Strings
    let snapshot: SharedSnapshot
    private var known: [String: PlanTask] = [:]
    private var versions: [String: Int]
    private var position: Int64
    private(set) var made: [Edit] = []
    /// The address without its password.
    var name: String { writer.plan.displayAddress }

    private init(writer: SharedWriter, snapshot: SharedSnapshot, S: Strings) {
        self.writer = writer; self.snapshot = snapshot; self.S = S
        self.versions = snapshot.versions; self.position = snapshot.position
    }

    /// Opens `address` and reads the plan, or prints why not (and the edits `planned` not
    /// made) and exits 1.
    static func open(_ address: String, _ S: Strings, planned: [String] = []) throws -> SharedEditRun {
        do {
            let writer = try SharedWriter(address: address, strings: S)
            writer.onRetry = { [unowned writer] in
                printError(S.format(.sharedRetrying, writer.plan.displayAddress, $0, Int(writer.patience)))
            }
            return SharedEditRun(writer: writer, snapshot: try writer.load(progress: ProgressLine.current), S: S)
        } catch {
            printError(S.describe(error))
            if !planned.isEmpty {
                printError(S.format(.sharedEditsRefused, SharedWriter.withoutPassword(address), planned.joined(separator: S.lang == .zh ? "；" : "; ")))
            }
            throw ExitCode(1)
        }
    }

    /// The task as last seen: after this run's last commit on it, else as read.
    func task(_ id: String) -> PlanTask? {
        if let t = known[id] { return t }
        if read.isEmpty { for t in snapshot.plan.tasks where read[t.id] == nil { read[t.id] = t } }
        return read[id]
    }
    private var read: [String: PlanTask] = [:]

    /// One edit, one transaction. `checked`: expecting the version last seen (a merge,
    /// which compared the sheet with the plan as read, is told of changes in between);
    /// otherwise the edit is absolute (`duban set`: nil, whatever is there now).
    @discardableResult
    func commit(_ edit: Edit, checked: Bool = false) throws -> SharedCommit {
        let r = try writer.commit(edit, expecting: checked ? versions[edit.taskID] : nil, known: task(edit.taskID), position: position)
        let c = r.change
        known[edit.taskID] = c.task
        versions[edit.taskID] = c.version
        position = max(position, c.position)
        made.append(edit)
        return r
    }

    /// Prints why `error` stopped the run, the edits made and those not (`notMade`), and
    /// returns the exit status to throw.
    func refusal(_ error: Error, notMade: [Edit]) -> ExitCode {
        printError(S.describe(error))
        if !made.isEmpty { printError(S.format(.sharedEditsMade, name, describe(made))) }
        if !notMade.isEmpty { printError(S.format(.sharedEditsRefused, name, describe(notMade))) }
        return ExitCode(1)
    }

    /// `12 progress → 50%; 12 note “…”`.
    func describe(_ edits: [Edit]) -> String {
        edits.map { e in
            let t = task(e.taskID)
            return Sanitized.text(t?.number ?? e.taskID, limit: 20) + " " + RecoverCommand.describe(e.command, S)
        }.joined(separator: S.lang == .zh ? "；" : "; ")
    }

    /// The other changes made to a task between this run's read and its commit, for a
    /// `.merged` commit: "task 12: changed by 张三 since it was read…".
    func changedBetween(_ r: SharedCommit) -> String? { Self.changedBetween(r, S) }

    static func changedBetween(_ r: SharedCommit, _ S: Strings) -> String? {
        guard case .merged(let c, let others) = r, !others.isEmpty else { return nil }
        var who: [String] = []
        for o in others { let a = o.author ?? "?"; if !who.contains(a) { who.append(a) } }
        return S.format(.sharedChangedBetween, Sanitized.text(c.task.number ?? c.task.id, limit: 20),
                        who.map { Sanitized.text($0, limit: 20) }.joined(separator: S.lang == .zh ? "、" : ", "))
    }

    func close() { writer.close() }
}
