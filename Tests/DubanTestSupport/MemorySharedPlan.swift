import Foundation
import DubanCore

/// DubanCore's `SharedPlan` in memory, for tests without a server: one plan, row versions,
/// a change log, the adapter's commit rule (applied on the task as it stands; `.merged` with
/// the changes in between when the caller expected an older version), and faults to inject:
/// `down` (every call unreachable) and `loseAcks` (the next commits are made, then their
/// answer is lost, as when the server goes away before the COMMIT is acknowledged), and
/// `hold` (every call waits until `release`, as a server that hangs).
/// Several `MemorySharedPlan` connections may share one `MemorySharedPlan.Store`.
public final class MemorySharedPlan: SharedPlan, @unchecked Sendable {
    /// The "server": the plan and its log, shared by every connection made on it.
    public final class Store: @unchecked Sendable {
        let lock = NSLock()
        public fileprivate(set) var plan: Plan
        public fileprivate(set) var versions: [String: Int] = [:]
        public fileprivate(set) var log: [SharedChange] = []
        /// Every call of every connection fails with `.unreachable`.
        public var down = false
        /// The next this many commits are made, then answered with `.unreachable`.
        public var loseAcks = 0
        /// Commits made (not counting `.unchanged`).
        public var commits: Int { lock.lock(); defer { lock.unlock() }; return log.count }
        var listeners: [ObjectIdentifier: @Sendable () -> Void] = [:]
        /// issue 15, pgloop: the commits made under a name (`commit(…, editID:)`).
        var named: [String: SharedChange] = [:]

        public init(plan: Plan) {
            self.plan = plan
            for t in plan.tasks { versions[t.id] = 1 }
        }

        public func setDown(_ d: Bool) { lock.lock(); down = d; lock.unlock() }

        // issue 15, pgloop: a server that hangs (stopped with SIGSTOP, packets dropped):
        // while held, every call of every connection waits until `release`.
        let gate = NSCondition()
        var held = false
        var waitingCalls = 0
        /// Every call from now on waits (as a stopped server's) until `release`.
        public func hold() { gate.lock(); held = true; gate.unlock() }
        /// The waiting calls go on, in the order they came.
        public func release() { gate.lock(); held = false; gate.broadcast(); gate.unlock() }
        /// Waits (up to `seconds`, a safety net) until `n` calls are waiting at the gate;
        /// whether they are.
        @discardableResult
        public func waitUntilWaiting(_ n: Int = 1, seconds: Double = 10) -> Bool {
            let end = Date().addingTimeInterval(seconds)
            gate.lock(); defer { gate.unlock() }
            while waitingCalls < n { if !gate.wait(until: end) { return waitingCalls >= n } }
            return true
        }
        /// The calls waiting at the gate now.
        public var waiting: Int { gate.lock(); defer { gate.unlock() }; return waitingCalls }
        func pass() {
            gate.lock()
            if held {
                waitingCalls += 1
                gate.broadcast()
                while held { gate.wait() }
                waitingCalls -= 1
            }
            gate.unlock()
        }
        /// The answers of the next `n` more commits are lost.
        public func loseAnswers(_ n: Int) { lock.lock(); loseAcks += n; lock.unlock() }
    }

    public let store: Store
    public let displayAddress: String
    public var planName: String
    public var access: SharedAccess
    public private(set) var closed = false

    public init(store: Store, address: String = "postgres://memory/test?plan=test", access: SharedAccess = .inspector) {
        self.store = store; self.displayAddress = address; self.access = access
        self.planName = address.components(separatedBy: "plan=").last ?? "test"
    }

    public convenience init(plan: Plan, access: SharedAccess = .inspector) {
        self.init(store: Store(plan: plan), access: access)
    }

    private func check() throws {
        if closed || store.down { throw SharedPlanError.unreachable(address: displayAddress, reason: "memory store down") }
    }

    public func load(progress: ProgressLine?) throws -> SharedSnapshot {
        store.pass()
        store.lock.lock(); defer { store.lock.unlock() }
        try check()
        return SharedSnapshot(plan: store.plan, versions: store.versions, position: Int64(store.log.count))
    }

    public func commit(_ edit: Edit, expecting version: Int?, strings: Strings) throws -> SharedCommit {
        try commit(edit, expecting: version, strings: strings, editID: nil)
    }

    /// An edit sent again under a name already committed is answered with that commit.
    public func commit(_ edit: Edit, expecting version: Int?, strings: Strings, editID: String?) throws -> SharedCommit {
        store.pass()
        store.lock.lock()
        let result: SharedCommit
        var lost = false
        do {
            defer { store.lock.unlock() }
            try check()
            if let editID, let done = store.named[editID] { return .committed(done) }
            guard let i = store.plan.tasks.firstIndex(where: { $0.id == edit.taskID }) else { throw EditError.noSuchTask(edit.taskID) }
            if case .leader = access { throw SharedPlanError.notPermitted(task: edit.taskID, reason: "leader") }
            if case .unit(let u) = access, !store.plan.tasks[i].leadUnits.contains(u) {
                throw SharedPlanError.notPermitted(task: edit.taskID, reason: "not led by \(u)")
            }
            let current = store.versions[edit.taskID] ?? 1
            guard let next = try store.plan.tasks[i].applying(edit, strings: strings) else {
                return .unchanged(SharedChange(task: store.plan.tasks[i], version: current, author: edit.author, position: Int64(store.log.count)))
            }
            store.plan.tasks[i] = next
            store.versions[edit.taskID] = current + 1
            let change = SharedChange(task: next, version: current + 1, author: edit.author, position: Int64(store.log.count + 1))
            let others = version.map { v in store.log.filter { $0.task.id == edit.taskID && $0.version > v } } ?? []
            store.log.append(change)
            if let editID { store.named[editID] = change }
            result = version == nil || version == current ? .committed(change) : .merged(change, others: others)
            if store.loseAcks > 0 { store.loseAcks -= 1; lost = true }
        }
        store.lock.lock(); let listeners = Array(store.listeners.values); store.lock.unlock()
        for l in listeners { l() }
        if lost { throw SharedPlanError.unreachable(address: displayAddress, reason: "answer lost") }
        return result
    }

    public func changes(since position: Int64) throws -> [SharedChange] {
        store.pass()
        store.lock.lock(); defer { store.lock.unlock() }
        try check()
        var latest: [String: Int] = [:]
        for (k, c) in store.log.enumerated() where c.position > position { latest[c.task.id] = k }
        return latest.values.sorted().map { store.log[$0] }
    }

    public func listen(_ notify: @escaping @Sendable () -> Void) throws {
        store.pass()
        store.lock.lock(); defer { store.lock.unlock() }
        try check()
        store.listeners[ObjectIdentifier(self)] = notify
    }

    public func close() {
        closed = true
        store.lock.lock(); store.listeners[ObjectIdentifier(self)] = nil; store.lock.unlock()
    }
}
