import Foundation

/// A command's hold on a shared plan (issue 15: `duban set`, `extend`, `merge` and the
/// read-only commands on a `postgres://` address): the connection, opened and reopened
/// through `SharedPlans.open`, and every call retried while the server is away.
///
/// - Opening: a server that is down is said within a few seconds (`connectPatience`, a
///   restart's gap is bridged, a stopped server is not waited for).
/// - Once open, a call that loses the server (`SharedPlanError.unreachable`) is retried on a
///   fresh connection with backoff for up to `patience` seconds, then the last error is
///   thrown: the caller refuses with a message and a non-zero exit.
/// - A commit is retried so that it lands once: a connection lost before the COMMIT was
///   acknowledged may or may not have committed (PostgresPlan's commit finds its own first
///   try by an edit id while it retries inside one call; across calls), so before sending
///   the edit again the writer asks the change log (`changes(since:)`) whether the task already holds it
///   (`SharedWriter.landed`): a note, an extension request or decision is found by its
///   words, author, day and period among the entries the task gained since it was read;
///   every other edit sets a value, so sending it again changes nothing (`.unchanged`).
public final class SharedWriter {
    public let address: String
    public let strings: Strings
    /// The connection now (replaced after a loss).
    public private(set) var plan: SharedPlan
    /// Seconds a call is retried for after the server went away.
    public var patience: Double
    /// Told once per call that lost the server, before its first retry, with the reason
    /// the adapter gave (the command prints a line).
    public var onRetry: ((String) -> Void)?
    private let opener: (String, Strings) throws -> SharedPlan
    private let sleep: (Double) -> Void
    private let now: () -> Double
    private var lost = false

    /// The pauses between tries: 0.1 s, doubling, at most 1 s.
    public static func pause(afterTry k: Int) -> Double { min(1.0, 0.1 * pow(2.0, Double(k))) }

    /// Opens `address`; an unreachable server is tried again for `connectPatience` seconds.
    public init(address: String, strings: Strings, connectPatience: Double = 3, patience: Double = 10,
                opener: @escaping (String, Strings) throws -> SharedPlan = { try SharedPlans.open($0, strings: $1) },
                sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
                now: @escaping () -> Double = { Date().timeIntervalSinceReferenceDate }) throws {
        self.address = address; self.strings = strings; self.patience = patience
        self.opener = opener; self.sleep = sleep; self.now = now
        let start = now()
        var k = 0
        while true {
            do { plan = try opener(address, strings); break } catch let e as SharedPlanError {
                guard case .unreachable = e else { throw e }
                let pause = Self.pause(afterTry: k)
                guard now() - start + pause <= connectPatience else { throw e }
                sleep(pause); k += 1
            }
        }
    }

    public func close() { plan.close() }

    /// An address as a message may show it before any connection (the adapter's
    /// `displayAddress` once connected): `postgres://user:secret@host/db?password=x&plan=p`
    /// without the password, `postgres://user@host/db?plan=p`.
    public static func withoutPassword(_ address: String) -> String {
        var s = address
        if let scheme = s.range(of: "://") {
            let rest = s[scheme.upperBound...]
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                s.removeSubrange(colon..<at)
            }
        }
        guard let q = s.firstIndex(of: "?") else { return s }
        let kept = s[s.index(after: q)...].split(separator: "&", omittingEmptySubsequences: false)
            .filter { !$0.lowercased().hasPrefix("password=") }
        return String(s[..<q]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// `body` on the connection, retried on a fresh one while the server is away: for up to
    /// `patience` seconds from the call (an adapter that retries inside a call, as
    /// PostgresPlan's commit does, spends part of it).
    public func retrying<T>(_ body: (SharedPlan) throws -> T) throws -> T {
        let start = now()
        var told = false
        var k = 0
        while true {
            do {
                if lost { plan = try opener(address, strings); lost = false }
                return try body(plan)
            } catch let e as SharedPlanError {
                guard case .unreachable(_, let reason) = e else { throw e }
                if !lost { plan.close(); lost = true }
                if !told { told = true; onRetry?(reason) }
                let pause = Self.pause(afterTry: k)
                guard now() - start + pause <= patience else { throw e }
                sleep(pause); k += 1
            }
        }
    }

    /// The whole plan, retried.
    public func load(progress: ProgressLine?) throws -> SharedSnapshot {
        try retrying { try $0.load(progress: progress) }
    }

    /// One edit committed once, retried while the server is away. `known` is the task as
    /// the caller read it at `position` of the change log (the snapshot's, or the last
    /// commit's): after a lost connection the edit is looked for among what the task
    /// gained since, before it is sent again.
    public func commit(_ edit: Edit, expecting version: Int?, known: PlanTask?, position: Int64) throws -> SharedCommit {
        var uncertain = false
        return try retrying { plan in
            if uncertain, let known {
                let current = try plan.changes(since: position).last { $0.task.id == edit.taskID }
                if let current, Self.landed(edit, on: known, now: current.task) { return .committed(current) }
            }
            uncertain = true
            return try plan.commit(edit, expecting: version, strings: strings)
        }
    }

    /// Whether `now` (the task as the log holds it) already has `edit`, made after `known`:
    /// an entry the edit would add, among those added since. Only edits that add (a note,
    /// an extension request, a decision) can land twice; the others set a value, and are
    /// never reported landed (sent again they change nothing).
    public static func landed(_ edit: Edit, on known: PlanTask, now: PlanTask) -> Bool {
        let added = now.history.count > known.history.count ? now.history[known.history.count...] : []
        switch edit.command {
        case .addNote(let text):
            let note = text.trimmingSpaces
            return added.contains { $0.note == note && $0.author == edit.author && $0.date == edit.date && $0.period == edit.period }
        case .requestExtension(let to, let reason):
            let r = reason.trimmingSpaces
            let new = now.extensions.count > known.extensions.count ? now.extensions[known.extensions.count...] : []
            return new.contains { $0.requestedOn == edit.date && $0.to == to && $0.reason == r }
        case .decideExtension(let k, let approve):
            guard known.extensions.indices.contains(k), now.extensions.indices.contains(k),
                  known.extensions[k].decision == .pending else { return false }
            let e = now.extensions[k]
            return e.decision == (approve ? .approved : .refused) && e.decidedBy == edit.author && e.decidedOn == edit.date
        case .setStatus, .setProgress, .setDeadline, .setText, .setUnits, .setLeaders, .setRemarks:
            return false
        }
    }
}
