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
    /// issue 15, pgloop: a call has been on its way longer than `SharedLink.slowAfter`
    /// (the server is slow or hangs): the title says the server is not answering.
    public var waiting = false
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
/// the change log, the edits not acknowledged yet (`UnsentEdits`), its own undo steps (an
/// undo is a new edit: the inverse, committed), the rows recently changed by others, and
/// the wake pipe.
///
/// issue 15, pgloop: no call to the server is made on the loop's thread. The calls (a
/// commit, `changes(since:)`, `listen`) are made one at a time on `SharedWorker`'s thread;
/// the loop gives the next one when the last one's answer was taken, and takes the answers
/// on its own thread (an edit key waits `answerWait` for its answer, a wake takes what came)
/// and puts them in the store. An edit is shown at once (pending, `^`) and written to the
/// file of unsent edits before it is given to the worker, so an edit not acknowledged yet
/// is on disk (a kill loses nothing); edits made meanwhile wait behind it in that file, in
/// the order typed, and go one after the other; the acknowledgement takes it out.
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
    /// issue 15, pgloop: how long (real seconds) an edit key waits for the server's answer
    /// before the loop goes on with the row shown pending: a server that answers (loopback:
    /// a few milliseconds) shows its answer on the key itself, as before the worker.
    public var answerWait = 0.15
    /// How long a wake waits for the answer of the call in flight (0: its own wake brings
    /// it). Tests set both waits to `.infinity`: every call answered before a key returns.
    public var wakeWait = 0.0
    /// A call on its way longer than this (seconds on `clock`): the title says the server
    /// is not answering.
    public var slowAfter = 1.0
    /// How long closing waits (real seconds) for the call in flight and the connection's end.
    public var closeWait = 1.5
    var nextRetry = 0.0
    var nextHeartbeat = 0.0
    var marks: [String: Double] = [:]

    /// One undo step: the edits made, each with the task as it was just before, and the
    /// number of its entry among the unsent edits (taken out of the step if refused).
    struct Step { var edits: [(edit: Edit, before: PlanTask, seq: Int)] }
    var undoSteps: [Step] = []
    var redoSteps: [Step] = []

    /// The read end of the wake pipe (the loop waits on it) and the write end (the worker
    /// writes to it when an answer came or the server said something changed).
    public let wakeFD: Int32
    let wakeWrite: Int32
    let worker: SharedWorker

    /// The call the worker is making, and since when (on `clock`).
    enum Call { case listen, probe, commit, pull }
    var inFlight: Call?
    var inFlightSince = 0.0
    /// The listening is to be (re)started; others' changes are to be asked for.
    var wantListen = true
    var wantPull = false
    /// An editor is open: others' changes wait, nothing new is sent.
    var holding = false

    /// Beside each unsent edit (same order): its number, and whether it was made while the
    /// server answered (its answer is said as the edit's own) or kept (said in a count).
    struct Entry { var seq: Int; var live: Bool }
    var entries: [Entry] = []
    var nextSeq = 1
    /// The tasks with unsent edits: each as the server last said it (the row shows it with
    /// those edits made on it).
    var confirmed: [String: PlanTask] = [:]
    /// Kept edits being sent (the server came back, or an earlier session kept them): said
    /// once they are sent and the changes since are in.
    struct Round { var wasOffline: Bool; var sent = 0; var notes: [String] = []; var errors: [String] = [] }
    var round: Round?

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
        worker = SharedWorker(wakeWrite: fds[1])
        for _ in unsent.items { entries.append(Entry(seq: nextSeq, live: false)); nextSeq += 1 }
        nextHeartbeat = clock() + heartbeat
        // The listening starts on the worker at once; its answer comes at a wake.
        _ = dispatch()
    }

    deinit {
        worker.stop()
        if wakeFD >= 0 { Glibc.close(wakeFD) }
        if wakeWrite >= 0 { Glibc.close(wakeWrite) }
    }

    public var facts: SharedFacts {
        var f = SharedFacts(address: plan.displayAddress, planName: plan.planName, access: plan.access)
        f.offline = offline != nil
        f.waiting = offline == nil && inFlight != nil && clock() - inFlightSince >= slowAfter
        f.unsent = unsent.count
        f.changed = Set(marks.keys)
        f.pending = Set(unsent.items.map(\.edit.taskID))
        return f
    }

    /// Whether a call is on its way.
    public var busy: Bool { inFlight != nil }

    /// How long an edit key waits for answers: `answerWait`, or nothing when the call on
    /// its way is slow already (the server hangs: the key would only wait for it).
    var keyWait: Double { inFlight != nil && clock() - inFlightSince >= slowAfter ? 0 : answerWait }

    /// How long the loop may wait for a key before it must wake (a call to give, a retry, a
    /// heartbeat, the title to say a call is slow, a marker to take away). An answer wakes
    /// it through the pipe.
    public func timeout() -> Double {
        let now = clock()
        var until = nextHeartbeat
        if inFlight != nil {
            until = inFlightSince + slowAfter > now ? inFlightSince + slowAfter : now + 3600
        } else if offline != nil {
            until = nextRetry
        } else if !holding && (wantListen || wantPull || !unsent.isEmpty) {
            until = now
        }
        if let m = marks.values.min() { until = min(until, m) }
        return min(3600, max(0, until - now))
    }

    /// Edits an earlier session kept (the server was gone when it quit) are shown as
    /// pending and sent at the loop's first wakes.
    func showKept(in store: PlanStore) {
        for item in unsent.items {
            guard let i = store.index(ofID: item.edit.taskID) else { continue }
            if confirmed[item.edit.taskID] == nil { confirmed[item.edit.taskID] = store.task(at: i) }
        }
        for id in confirmed.keys { settle(id, in: store) }
        round = Round(wasOffline: false)
        wantPull = true
        nextRetry = 0
    }

    // MARK: what one call of the loop said

    /// What the answers taken in one call of the loop said.
    struct Tally {
        /// The numbers of the edits this key made: their answers are said as theirs.
        var mine: Set<Int> = []
        var answered: Set<Int> = []
        /// Tasks changed by this key's edits (the first is selected).
        var ids: [String] = []
        var texts: [String] = []
        var errors: [String] = []
        /// Texts worth saying even when several tasks changed at once (merged, kept here).
        var special: Set<String> = []
        /// Later answers to edits of earlier keys.
        var arrived: [String] = []
        var wentOffline: String?
        /// What a pull or a round of kept edits said.
        var other: String?
        var otherIsError = false
    }

    // MARK: edits

    /// One edit of the user's: made on the row at once, written to the file of unsent edits,
    /// then sent (behind the edits before it). Returns whether the task changed, and the
    /// edit's number.
    func queue(_ edit: Edit, in store: PlanStore, tally: inout Tally) -> (changed: Bool, seq: Int) {
        guard let i = store.index(ofID: edit.taskID) else {
            tally.errors.append(strings.describe(EditError.noSuchTask(edit.taskID)))
            return (false, 0)
        }
        let before = store.task(at: i)
        let after: PlanTask
        do {
            guard let a = try before.applying(edit, strings: strings) else {
                tally.texts.append(strings[.tuiNoChange])
                return (false, 0)
            }
            after = a
        } catch {
            tally.errors.append(strings.describe(error))
            return (false, 0)
        }
        if !unsent.items.contains(where: { $0.edit.taskID == edit.taskID }) { confirmed[edit.taskID] = before }
        do {
            try unsent.append(UnsentEdits.Item(edit: edit, expecting: versions[edit.taskID], after: after, time: Int(time(nil)),
                                               id: Self.newID()))
        } catch {
            // Kept in memory only: it is still sent, but a kill before then loses it.
            let t = strings.format(.plJournalFailed, strings.describe(error))
            tally.special.insert(t)
            tally.texts.append(t)
        }
        let seq = nextSeq
        nextSeq += 1
        entries.append(Entry(seq: seq, live: offline == nil))
        store.replaceFromOutside(after)
        tally.mine.insert(seq)
        return (true, seq)
    }

    /// An edit's name for the server: sent again after a lost answer (or by the next
    /// dashboard, after a kill), it is not made twice.
    static func newID() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(g.next() as UInt64, radix: 16) }.joined(separator: "-")
    }

    /// Edits of the user's (one, or one per marked task): one undo step.
    public func run(_ edits: [Edit], store: PlanStore) -> SharedReport {
        holding = false
        var tally = Tally()
        var step = Step(edits: [])
        for e in edits {
            guard let i = store.index(ofID: e.taskID) else { continue }
            let before = store.task(at: i)
            let (changed, seq) = queue(e, in: store, tally: &tally)
            if changed { step.edits.append((e, before, seq)); tally.ids.append(e.taskID) }
        }
        if !step.edits.isEmpty { undoSteps.append(step); redoSteps = [] }
        work(store: store, wait: keyWait, tally: &tally)
        return keyReport(tally, count: edits.count)
    }

    /// What a key's edits say: each one's answer when it came in time, else that it is on
    /// its way (or kept here, the server gone).
    func keyReport(_ t: Tally, count: Int) -> SharedReport {
        var tally = t
        let waiting = tally.mine.subtracting(tally.answered)
        if !waiting.isEmpty {
            let text = offline != nil ? strings.format(.pgKept, unsent.count) : strings[.plSending]
            tally.special.insert(text)
            for _ in waiting { tally.texts.append(text) }
        }
        if let e = tally.errors.first { return SharedReport(taskIDs: tally.ids, text: e, isError: true) }
        if count == 1 || tally.texts.count == 1 {
            return SharedReport(taskIDs: tally.ids, text: tally.texts.first ?? tally.arrived.first ?? strings[.tuiNoChange])
        }
        // Several tasks: the count, and what was special (merged, kept) after it.
        var text = strings.format(.uiEditedMarked, tally.ids.count)
        if let special = tally.texts.first(where: { tally.special.contains($0) }) { text += "；" + special }
        return SharedReport(taskIDs: tally.ids, text: text)
    }

    /// Undo: the last step's edits taken back by committing their inverse, newest first,
    /// as new edits (the same rules: merged when the task changed in between, kept here
    /// when the server is gone, queued behind the step's own edits while they are on their
    /// way). A note or an extension request has no inverse.
    public func undo(store: PlanStore) -> SharedReport {
        holding = false
        guard let step = undoSteps.popLast() else { return SharedReport(text: strings[.tuiNothingToUndo]) }
        var inverses: [Edit] = []
        for (e, before, _) in step.edits.reversed() {
            guard let cmd = e.command.inverse(before: before) else {
                undoSteps.append(step)
                return SharedReport(taskIDs: [e.taskID], text: strings[.pgNoInverse], isError: true)
            }
            inverses.append(Edit(taskID: e.taskID, command: cmd, date: e.date, author: e.author, period: e.period))
        }
        var tally = Tally()
        for inv in inverses {
            if queue(inv, in: store, tally: &tally).changed { tally.ids.append(inv.taskID) }
        }
        redoSteps.append(step)
        work(store: store, wait: keyWait, tally: &tally)
        var r = keyReport(tally, count: inverses.count)
        if !r.isError { r.text = strings.format(.pgUndone, r.text ?? "") }
        return r
    }

    /// Redo: the undone step's edits made again.
    public func redo(store: PlanStore) -> SharedReport {
        holding = false
        guard let step = redoSteps.popLast() else { return SharedReport(text: strings[.tuiNothingToRedo]) }
        var tally = Tally()
        var again = Step(edits: [])
        for (e, _, _) in step.edits {
            guard let i = store.index(ofID: e.taskID) else { continue }
            let before = store.task(at: i)
            let (changed, seq) = queue(e, in: store, tally: &tally)
            if changed { tally.ids.append(e.taskID); again.edits.append((e, before, seq)) }
        }
        if !again.edits.isEmpty { undoSteps.append(again) }
        work(store: store, wait: keyWait, tally: &tally)
        var r = keyReport(tally, count: step.edits.count)
        if !r.isError { r.text = strings.format(.pgRedone, r.text ?? "") }
        return r
    }

    // MARK: the worker

    /// Takes the answers and gives the next calls until nothing is left to give, or no
    /// answer came within `wait` real seconds.
    func work(store: PlanStore, wait: Double, tally: inout Tally) {
        let end = wait == .infinity ? .infinity : ProgressLine.monotonic() + wait
        while true {
            if inFlight != nil {
                let left = end == .infinity ? .infinity : end - ProgressLine.monotonic()
                guard let a = left > 0 ? worker.wait(left) : worker.take() else { return }
                take(a, store: store, tally: &tally)
            }
            if worker.takeNotified() { wantPull = true }
            guard !holding, dispatch() else { return }
        }
    }

    /// Gives the worker its next call, if there is one: the cheap question when the server
    /// was gone (and the retry is due), the listening, the first unsent edit, then others'
    /// changes (notified, or the heartbeat due).
    func dispatch() -> Bool {
        guard inFlight == nil else { return false }
        let now = clock()
        let plan = self.plan, strings = self.strings
        if offline != nil {
            guard now >= nextRetry else { return false }
            nextRetry = now + retryInterval
            let p = position
            start(.probe) {
                do { _ = try plan.changes(since: p); return .probed(nil) } catch { return .probed(error) }
            }
            return true
        }
        if wantListen {
            let w = worker
            start(.listen) {
                do { try plan.listen { w.notify() }; return .listened(nil) } catch { return .listened(error) }
            }
            return true
        }
        if let item = unsent.items.first, let entry = entries.first {
            let seq = entry.seq
            start(.commit) {
                .committed(seq: seq, Result { try plan.commit(item.edit, expecting: item.expecting, strings: strings, editID: item.id) })
            }
            return true
        }
        if wantPull || now >= nextHeartbeat {
            wantPull = false
            nextHeartbeat = now + heartbeat
            let p = position
            start(.pull) { .pulled(Result { try plan.changes(since: p) }) }
            return true
        }
        return false
    }

    func start(_ call: Call, _ body: @escaping () -> SharedAnswer) {
        inFlight = call
        inFlightSince = clock()
        worker.give(body)
    }

    /// One answer put in the store and the tally.
    func take(_ a: SharedAnswer, store: PlanStore, tally: inout Tally) {
        inFlight = nil
        switch a {
        case .listened(nil):
            wantListen = false
            // What was committed before the listening was in place is asked for.
            wantPull = true
        case .listened(let e?):
            goOffline(e, tally: &tally)
        case .probed(nil):
            offline = nil
            wantListen = true
            wantPull = true
            if round == nil { round = Round(wasOffline: true) } else { round?.wasOffline = true }
        case .probed(let e?):
            goOffline(e, tally: &tally)
        case .committed(let seq, let result):
            guard let entry = entries.first, entry.seq == seq, let item = unsent.items.first else { return }
            let id = item.edit.taskID
            switch result {
            case .success(let r):
                let c = r.change
                do { try unsent.dropFirst(committedAt: c.version) } catch { tally.errors.append(strings.describe(error)) }
                entries.removeFirst()
                versions[id] = c.version
                confirmed[id] = c.task
                settle(id, in: store)
                var text: String? = nil
                var special = false
                switch r {
                case .committed(let c): text = c.task.history.last?.note ?? ""
                case .merged(let c, let others): text = mergedText(c.task, others); special = true
                case .unchanged(let c): text = strings.format(.pgUnchanged, label(c.task))
                }
                if tally.mine.contains(seq) {
                    tally.answered.insert(seq)
                    if let text { tally.texts.append(text); if special { tally.special.insert(text) } }
                } else if entry.live {
                    if special, let text { tally.arrived.insert(text, at: 0) }
                    else { tally.arrived.append(strings.format(.plArrived, label(c.task))) }
                } else {
                    if round == nil { round = Round(wasOffline: false) }
                    round?.sent += 1
                    if special, let text { round?.notes.append(text) }
                }
            case .failure(SharedPlanError.unreachable(let a, let why)):
                goOffline(SharedPlanError.unreachable(address: a, reason: why), tally: &tally)
            case .failure(let error):
                // Refused for good (not permitted, gone): said, dropped, and the row shown
                // as the server has it (with the edits still to go made on it).
                do { try unsent.dropFirst() } catch { tally.errors.append(strings.describe(error)) }
                entries.removeFirst()
                for k in undoSteps.indices { undoSteps[k].edits.removeAll { $0.seq == seq } }
                for k in redoSteps.indices { redoSteps[k].edits.removeAll { $0.seq == seq } }
                undoSteps.removeAll { $0.edits.isEmpty }
                redoSteps.removeAll { $0.edits.isEmpty }
                settle(id, in: store)
                if tally.mine.contains(seq) { tally.answered.insert(seq) }
                if entry.live {
                    tally.errors.append(strings.describe(error))
                } else {
                    let t = strings.format(.pgSendRefused, strings.describe(error))
                    if round != nil { round?.errors.append(t) } else { tally.errors.append(t) }
                }
            }
        case .pulled(.success(let changes)):
            if holding { wantPull = true; return }
            var others: [SharedChange] = []
            for c in changes {
                position = max(position, c.position)
                if versions[c.task.id].map({ $0 >= c.version }) ?? false { continue }
                versions[c.task.id] = c.version
                if confirmed[c.task.id] != nil {
                    confirmed[c.task.id] = c.task
                    settle(c.task.id, in: store)
                } else {
                    store.replaceFromOutside(c.task)
                }
                marks[c.task.id] = clock() + markSeconds
                others.append(c)
            }
            var text: String? = nil
            if others.count == 1, let c = others.first {
                text = strings.format(.pgChangedBy, label(c.task), c.author ?? strings[.pgSomeone])
            } else if others.count > 1 {
                text = strings.format(.pgChangedMany, others.count)
            }
            if let r = round, unsent.isEmpty {
                round = nil
                var t = r.wasOffline ? strings.format(.pgBackOnline, r.sent)
                    : r.sent > 0 ? strings.format(.pgSentKept, r.sent) : (text ?? "")
                if let n = r.notes.first { t += "；" + n }
                if let e = r.errors.first { t += "；" + e; tally.otherIsError = true }
                tally.other = t
            } else if let text {
                tally.other = text
            }
        case .pulled(.failure(let e)):
            goOffline(e, tally: &tally)
        }
    }

    /// The row of a task with unsent edits: the task as the server last said it, with
    /// those edits made on it.
    func settle(_ id: String, in store: PlanStore) {
        guard var task = confirmed[id] else { return }
        let waiting = unsent.items.filter { $0.edit.taskID == id }
        if waiting.isEmpty { confirmed[id] = nil }
        for item in waiting {
            if let next = (try? task.applying(item.edit, strings: strings)) ?? nil { task = next }
        }
        store.replaceFromOutside(task)
    }

    func label(_ t: PlanTask) -> String { t.number.map { "\($0)" } ?? t.id }

    func mergedText(_ t: PlanTask, _ others: [SharedChange]) -> String {
        var names: [String] = []
        for o in others { let n = o.author ?? strings[.pgSomeone]; if !names.contains(n) { names.append(n) } }
        if names.isEmpty { names = [strings[.pgSomeone]] }
        return strings.format(.pgMerged, label(t), names.joined(separator: "、"))
    }

    /// The server did not answer: the title says so, the edits not sent are kept (and said
    /// in a count when they go), and it is tried again after `retryInterval`.
    func goOffline(_ error: Error, tally: inout Tally) {
        let first = offline == nil
        if case SharedPlanError.unreachable(_, let why) = error { offline = why } else { offline = strings.describe(error) }
        nextRetry = clock() + retryInterval
        for k in entries.indices { entries[k].live = false }
        if first { tally.wentOffline = offline }
    }

    // MARK: the loop's wakes

    /// The loop woke: takes the answers that came, gives the next call (others' changes
    /// when the server said something changed or the heartbeat is due, the unsent edits,
    /// the cheap question to a server that was gone), takes away markers whose time is up.
    /// nil when nothing happened.
    ///
    /// `takeChanges` false (an editor is open on a task): others' changes wait until it
    /// closes, so the row does not change under the user's typing and the commit, expecting
    /// the version the user started from, is merged and says who changed it meanwhile.
    public func sync(store: PlanStore, takeChanges: Bool = true) -> SharedReport? {
        let now = clock()
        var something = false
        let expired = marks.filter { $0.value <= now }.map(\.key)
        for k in expired { marks[k] = nil; something = true }
        drainWake()
        holding = !takeChanges
        if holding {
            // Asked again when the editor closes or later: the loop must not wake at once
            // again and again meanwhile.
            nextHeartbeat = now + heartbeat
            if nextRetry <= now { nextRetry = now + retryInterval }
        }
        let wasWaiting = offline == nil && inFlight != nil && now - inFlightSince >= slowAfter
        var tally = Tally()
        let wasOffline = offline != nil
        work(store: store, wait: wakeWait, tally: &tally)
        if let e = tally.errors.first { return SharedReport(text: e, isError: true) }
        if let o = tally.other { return SharedReport(text: o, isError: tally.otherIsError) }
        if let why = tally.wentOffline, !wasOffline { return SharedReport(text: strings.format(.pgWentOffline, why), isError: true) }
        if !tally.arrived.isEmpty {
            return SharedReport(text: tally.arrived.count == 1 ? tally.arrived[0] : strings.format(.plArrivedMany, tally.arrived.count))
        }
        let isWaiting = offline == nil && inFlight != nil && clock() - inFlightSince >= slowAfter
        return something || wasWaiting != isWaiting || wasOffline != (offline != nil) ? SharedReport() : nil
    }

    /// Empties the wake pipe (the answers and notifications are in the worker).
    func drainWake() {
        var buf = [UInt8](repeating: 0, count: 64)
        while read(wakeFD, &buf, buf.count) > 0 {}
    }

    /// The dashboard closes: the call in flight is given `closeWait` to be answered (an
    /// edit acknowledged then leaves the file), then the connection ends on the worker,
    /// waited for no longer than what is left of it. What was not acknowledged stays in the
    /// file of unsent edits.
    public func close(store: PlanStore? = nil) {
        let end = ProgressLine.monotonic() + closeWait
        if inFlight != nil, let a = worker.wait(closeWait) {
            var tally = Tally()
            if let store { take(a, store: store, tally: &tally) } else { inFlight = nil }
        }
        let plan = self.plan
        worker.stop { plan.close() }
        _ = worker.waitEnded(max(0, end - ProgressLine.monotonic()))
    }
}
