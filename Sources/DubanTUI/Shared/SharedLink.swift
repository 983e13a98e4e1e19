import DubanCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// issue 15, pgtui: what the dashboard knows of a shared plan (a plan in a database), as
/// facts the loop copies into the state after every effect (the reduce never talks to the
/// server): for the title line, the rows' markers and the edit rules.
public struct SharedFacts: Equatable {
    /// The address without its password.
    public var address: String
    public var planName: String
    public var access: SharedAccess
    /// The server could not be reached at the last try: the title says so.
    public var offline = false
    /// Edits kept here, not sent yet.
    public var unsent = 0
    /// Tasks changed by someone else a moment ago (marked for a few seconds).
    public var changed: Set<String> = []
    /// Tasks with an edit kept here, not sent yet.
    public var pending: Set<String> = []

    public init(address: String, planName: String, access: SharedAccess) {
        self.address = address; self.planName = planName; self.access = access
    }
}

/// What a shared-plan effect did, said on the message line.
public struct SharedReport {
    /// The tasks the effect's own edits were on (the first is selected); empty for a sync.
    public var taskIDs: [String] = []
    public var text: String?
    public var isError = false
    public init(taskIDs: [String] = [], text: String? = nil, isError: Bool = false) {
        self.taskIDs = taskIDs; self.text = text; self.isError = isError
    }
}

/// The dashboard's side of a shared plan: the row versions it holds, where it stands in
/// the change log, the edits kept while the server is gone (`UnsentEdits`), its own undo
/// steps (an undo is a new edit: the inverse, committed), the rows recently changed by
/// others, and the wake pipe the server's notifications write to. Every call is made on
/// the loop's thread; only the listen callback runs elsewhere, and it only writes a byte
/// to the pipe.
public final class SharedLink {
    public let plan: SharedPlan
    let strings: Strings
    public private(set) var versions: [String: Int]
    public private(set) var position: Int64
    public private(set) var unsent: UnsentEdits
    /// Why the server could not be reached at the last try; nil while it answers.
    public private(set) var offline: String?
    /// Seconds on the monotonic clock (tests set their own).
    public var clock: () -> Double = ProgressLine.monotonic
    /// How often a gone server is tried again, and how often a quiet one is asked for
    /// changes (in case a notification was lost).
    public var retryInterval = 3.0
    public var heartbeat = 2.0
    /// How long a row changed by someone else stays marked.
    public var markSeconds = 4.0
    var nextRetry = 0.0
    var nextHeartbeat = 0.0
    var marks: [String: Double] = [:]
    /// A notification came while changes were not being taken (an editor open).
    var heldNotification = false

    /// One undo step: the edits committed, each with the task as it was just before.
    struct Step { var edits: [(edit: Edit, before: PlanTask)] }
    var undoSteps: [Step] = []
    var redoSteps: [Step] = []

    /// The read end of the wake pipe (the loop waits on it) and the write end (the listen
    /// callback writes to it).
    public let wakeFD: Int32
    let wakeWrite: Int32

    public init(plan: SharedPlan, snapshot: SharedSnapshot, strings: Strings, environment: [String: String]) {
        self.plan = plan
        self.strings = strings
        self.versions = snapshot.versions
        self.position = snapshot.position
        self.unsent = UnsentEdits(address: plan.displayAddress, planName: plan.planName, environment: environment)
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        wakeFD = fds[0]
        wakeWrite = fds[1]
        nextHeartbeat = clock() + heartbeat
        startListening()
    }

    deinit {
        if wakeFD >= 0 { Glibc.close(wakeFD) }
        if wakeWrite >= 0 { Glibc.close(wakeWrite) }
    }

    /// Asks the server to say when anyone commits to the plan: a byte in the wake pipe.
    func startListening() {
        let fd = wakeWrite
        do {
            try plan.listen {
                var b: UInt8 = 1
                _ = write(fd, &b, 1)
            }
        } catch {
            goOffline(error)
        }
    }

    public var facts: SharedFacts {
        var f = SharedFacts(address: plan.displayAddress, planName: plan.planName, access: plan.access)
        f.offline = offline != nil
        f.unsent = unsent.count
        f.changed = Set(marks.keys)
        f.pending = Set(unsent.items.map(\.edit.taskID))
        return f
    }

    /// How long the loop may wait for a key before it must wake (a retry, a heartbeat, a
    /// marker to take away).
    public func timeout() -> Double {
        let now = clock()
        var until = (offline != nil || !unsent.isEmpty) ? nextRetry : nextHeartbeat
        if let m = marks.values.min() { until = min(until, m) }
        return max(0, until - now)
    }

    /// Edits an earlier session kept (the server was gone when it quit) are shown as
    /// pending and sent at the loop's first wake.
    func showKept(in store: PlanStore) {
        for item in unsent.items {
            guard let i = store.index(ofID: item.edit.taskID) else { continue }
            let after = (try? store.task(at: i).applying(item.edit, strings: strings)).flatMap { $0 } ?? item.after
            store.replaceFromOutside(after)
        }
        nextRetry = 0
    }

    // MARK: edits

    /// One edit as one commit, expecting the version the dashboard holds; kept here when
    /// the server is gone. Adds what happened to `report`; returns whether the task changed.
    func send(_ edit: Edit, to store: PlanStore, report: inout [String]) -> (changed: Bool, error: String?) {
        guard let i = store.index(ofID: edit.taskID) else {
            return (false, strings.describe(EditError.noSuchTask(edit.taskID)))
        }
        let before = store.task(at: i)
        if offline != nil || !unsent.isEmpty { return keep(edit, before: before, in: store, report: &report) }
        do {
            let r = try plan.commit(edit, expecting: versions[edit.taskID], strings: strings)
            took(r.change, into: store)
            switch r {
            case .committed(let c):
                report.append(c.task.history.last?.note ?? "")
            case .merged(let c, let others):
                let t = mergedText(c.task, others)
                special.insert(t)
                report.append(t)
            case .unchanged(let c):
                report.append(strings.format(.pgUnchanged, label(c.task)))
                return (false, nil)
            }
            return (true, nil)
        } catch SharedPlanError.unreachable(let a, let why) {
            goOffline(SharedPlanError.unreachable(address: a, reason: why))
            return keep(edit, before: before, in: store, report: &report)
        } catch {
            return (false, strings.describe(error))
        }
    }

    /// The server is gone: the edit is applied here (shown pending) and written to the
    /// file of unsent edits before the store shows it.
    func keep(_ edit: Edit, before: PlanTask, in store: PlanStore, report: inout [String]) -> (changed: Bool, error: String?) {
        let after: PlanTask
        do {
            guard let a = try before.applying(edit, strings: strings) else {
                report.append(strings[.tuiNoChange])
                return (false, nil)
            }
            after = a
        } catch {
            return (false, strings.describe(error))
        }
        do {
            try unsent.append(UnsentEdits.Item(edit: edit, expecting: versions[edit.taskID], after: after, time: Int(time(nil))))
        } catch {
            return (false, strings.format(.pgKeepFailed, strings.describe(error)))
        }
        store.replaceFromOutside(after)
        let t = strings.format(.pgKept, unsent.count)
        special.insert(t)
        report.append(t)
        return (true, nil)
    }

    /// Edits of the user's (one, or one per marked task): one undo step.
    public func run(_ edits: [Edit], store: PlanStore) -> SharedReport {
        var texts: [String] = []
        var step = Step(edits: [])
        var errors: [String] = []
        var ids: [String] = []
        for e in edits {
            guard let i = store.index(ofID: e.taskID) else { continue }
            let before = store.task(at: i)
            let (changed, error) = send(e, to: store, report: &texts)
            if let error { errors.append(error); continue }
            if changed { step.edits.append((e, before)); ids.append(e.taskID) }
        }
        if !step.edits.isEmpty { undoSteps.append(step); redoSteps = [] }
        return report(ids: ids, texts: texts, errors: errors, count: edits.count)
    }

    /// Texts worth saying even when several tasks changed at once (merged, kept here).
    var special: Set<String> = []

    func report(ids: [String], texts: [String], errors: [String], count: Int) -> SharedReport {
        defer { special = [] }
        if let e = errors.first { return SharedReport(taskIDs: ids, text: e, isError: true) }
        if count == 1 || texts.count == 1 { return SharedReport(taskIDs: ids, text: texts.first ?? strings[.tuiNoChange]) }
        // Several tasks: the count, and what was special (merged, kept) after it.
        var text = strings.format(.uiEditedMarked, ids.count)
        if let special = texts.first(where: { special.contains($0) }) { text += "；" + special }
        return SharedReport(taskIDs: ids, text: text)
    }

    /// Undo: the last step's edits taken back by committing their inverse, newest first,
    /// as new edits (the same rules: merged when the task changed in between, kept here
    /// when the server is gone). A note or an extension request has no inverse.
    public func undo(store: PlanStore) -> SharedReport {
        guard let step = undoSteps.popLast() else { return SharedReport(text: strings[.tuiNothingToUndo]) }
        var inverses: [Edit] = []
        for (e, before) in step.edits.reversed() {
            guard let cmd = Self.inverse(e.command, before: before) else {
                undoSteps.append(step)
                return SharedReport(taskIDs: [e.taskID], text: strings[.pgNoInverse], isError: true)
            }
            inverses.append(Edit(taskID: e.taskID, command: cmd, date: e.date, author: e.author, period: e.period))
        }
        var texts: [String] = [], errors: [String] = [], ids: [String] = []
        for inv in inverses {
            let (changed, error) = send(inv, to: store, report: &texts)
            if let error { errors.append(error) } else if changed { ids.append(inv.taskID) }
        }
        redoSteps.append(step)
        var r = report(ids: ids, texts: texts, errors: errors, count: inverses.count)
        if !r.isError { r.text = strings.format(.pgUndone, r.text ?? "") }
        return r
    }

    /// Redo: the undone step's edits committed again.
    public func redo(store: PlanStore) -> SharedReport {
        guard let step = redoSteps.popLast() else { return SharedReport(text: strings[.tuiNothingToRedo]) }
        var texts: [String] = [], errors: [String] = [], ids: [String] = []
        var again = Step(edits: [])
        for (e, _) in step.edits {
            guard let i = store.index(ofID: e.taskID) else { continue }
            let before = store.task(at: i)
            let (changed, error) = send(e, to: store, report: &texts)
            if let error { errors.append(error) } else if changed { ids.append(e.taskID); again.edits.append((e, before)) }
        }
        if !again.edits.isEmpty { undoSteps.append(again) }
        var r = report(ids: ids, texts: texts, errors: errors, count: step.edits.count)
        if !r.isError { r.text = strings.format(.pgRedone, r.text ?? "") }
        return r
    }

    /// The edit that takes `command` back on a task that was `before` it.
    static func inverse(_ command: EditCommand, before t: PlanTask) -> EditCommand? {
        switch command {
        case .setStatus: return .setStatus(t.status)
        case .setProgress: return .setProgress(t.progress)
        case .setDeadline: return .setDeadline(t.deadline)
        case .setText: return .setText(t.text)
        case .setUnits: return .setUnits(lead: t.leadUnits, co: t.coUnits)
        case .setLeaders: return .setLeaders(t.leaders)
        case .setRemarks: return .setRemarks(t.remarks)
        case .addNote, .requestExtension, .decideExtension: return nil
        }
    }

    // MARK: the server's side

    /// A change the server holds, put in the store (and its version kept).
    func took(_ c: SharedChange, into store: PlanStore) {
        store.replaceFromOutside(c.task)
        versions[c.task.id] = c.version
    }

    func label(_ t: PlanTask) -> String { t.number.map { "\($0)" } ?? t.id }

    func mergedText(_ t: PlanTask, _ others: [SharedChange]) -> String {
        var names: [String] = []
        for o in others { let n = o.author ?? strings[.pgSomeone]; if !names.contains(n) { names.append(n) } }
        if names.isEmpty { names = [strings[.pgSomeone]] }
        return strings.format(.pgMerged, label(t), names.joined(separator: "、"))
    }

    func goOffline(_ error: Error) {
        if case SharedPlanError.unreachable(_, let why) = error { offline = why } else { offline = strings.describe(error) }
        nextRetry = clock() + retryInterval
    }

    /// The loop woke: asks for the changes since its position when the server said
    /// something changed (or the heartbeat is due), sends what was kept when the server
    /// is back, takes away markers whose time is up. nil when nothing happened.
    ///
    /// `takeChanges` false (an editor is open on a task): others' changes wait until it
    /// closes, so the row does not change under the user's typing and the commit, expecting
    /// the version the user started from, is merged and says who changed it meanwhile.
    public func sync(store: PlanStore, takeChanges: Bool = true) -> SharedReport? {
        let now = clock()
        var something = false
        let expired = marks.filter { $0.value <= now }.map(\.key)
        for k in expired { marks[k] = nil; something = true }
        if drainWake() { heldNotification = true }
        guard takeChanges else {
            // Asked again when the editor closes (the held notification) or later: the
            // loop must not wake at once again and again meanwhile.
            nextHeartbeat = now + heartbeat
            if nextRetry <= now { nextRetry = now + retryInterval }
            return something ? SharedReport() : nil
        }
        let notified = heldNotification
        heldNotification = false
        if offline != nil || !unsent.isEmpty {
            heldNotification = false
            guard now >= nextRetry else { return something ? SharedReport() : nil }
            nextRetry = now + retryInterval
            return flush(store: store) ?? (something ? SharedReport() : nil)
        }
        guard notified || now >= nextHeartbeat else { return something ? SharedReport() : nil }
        nextHeartbeat = now + heartbeat
        return pull(store: store) ?? (something ? SharedReport() : nil)
    }

    /// Whether the listen callback wrote to the pipe since the last look (emptied).
    func drainWake() -> Bool {
        var buf = [UInt8](repeating: 0, count: 64)
        var any = false
        while read(wakeFD, &buf, buf.count) > 0 { any = true }
        return any
    }

    /// Every task changed since the position: replaced in the store and marked, unless it
    /// is at the version held already (the dashboard's own commit).
    func pull(store: PlanStore) -> SharedReport? {
        let changes: [SharedChange]
        do { changes = try plan.changes(since: position) } catch {
            goOffline(error)
            return SharedReport(text: strings.format(.pgWentOffline, offline ?? ""), isError: true)
        }
        var others: [SharedChange] = []
        for c in changes {
            position = max(position, c.position)
            if versions[c.task.id].map({ $0 >= c.version }) ?? false { continue }
            took(c, into: store)
            marks[c.task.id] = clock() + markSeconds
            others.append(c)
        }
        guard !others.isEmpty else { return nil }
        if others.count == 1, let c = others.first {
            return SharedReport(text: strings.format(.pgChangedBy, label(c.task), c.author ?? strings[.pgSomeone]))
        }
        return SharedReport(text: strings.format(.pgChangedMany, others.count))
    }

    /// The server is tried again: the kept edits are sent in order (each expecting the
    /// version it was made on: merged when the task changed meanwhile), then every change
    /// since the position is loaded. Stays offline when the server is still gone.
    func flush(store: PlanStore) -> SharedReport? {
        // A cheap question first: a server still gone fails it at once, where a commit
        // would wait for the adapter's reconnect.
        if offline != nil {
            do { _ = try plan.changes(since: position) } catch {
                goOffline(error)
                return nil
            }
        }
        var sent = 0
        var notes: [String] = []
        var errors: [String] = []
        while let item = unsent.items.first {
            do {
                let r = try plan.commit(item.edit, expecting: item.expecting, strings: strings)
                took(r.change, into: store)
                if case .merged(let c, let others) = r { notes.append(mergedText(c.task, others)) }
                sent += 1
            } catch SharedPlanError.unreachable(let a, let why) {
                let first = offline == nil
                goOffline(SharedPlanError.unreachable(address: a, reason: why))
                return first || sent > 0 ? SharedReport(text: strings.format(.pgWentOffline, why), isError: true) : nil
            } catch {
                // Refused for good (not permitted, gone): said, and dropped.
                errors.append(strings.format(.pgSendRefused, strings.describe(error)))
            }
            do { try unsent.dropFirst() } catch { errors.append(strings.describe(error)); break }
        }
        let wasOffline = offline != nil
        offline = nil
        if wasOffline { startListening() }
        nextHeartbeat = clock() + heartbeat
        let pulled = pull(store: store)
        if offline != nil { return pulled }
        var text = wasOffline ? strings.format(.pgBackOnline, sent)
            : sent > 0 ? strings.format(.pgSentKept, sent) : (pulled?.text ?? "")
        if let n = notes.first { text += "；" + n }
        if let e = errors.first { return SharedReport(text: text + "；" + e, isError: true) }
        return SharedReport(text: text)
    }

    /// The dashboard closes: the connection ends; the unsent edits stay in their file.
    public func close() { plan.close() }
}
