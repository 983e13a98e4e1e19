/// A plan that several inspectors work on at once (issue 15): it lives in a shared store
/// (PostgreSQL, through the DubanPostgres target), is loaded whole, and changes one edit at
/// a time, each edit one transaction checked against the task's row version. The core knows
/// only this contract, never where the plan is kept: the command line installs the opener
/// (`SharedPlans.opener`) and the dashboard and every command reach a database through it.

/// Where a plan lives: a JSON file (the default, nothing needs a server), or a database
/// named by an address `postgres://user@host:port/db?plan=NAME`.
public enum PlanAddress: Hashable, Sendable {
    case file(String)
    case database(String)

    /// `postgres://…` or `postgresql://…` (any case) is a database; anything else a file.
    public init(_ argument: String) {
        let lower = argument.prefix(16).lowercased()
        self = lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") ? .database(argument) : .file(argument)
    }

    public var isDatabase: Bool { if case .database = self { return true }; return false }
}

/// What the login may do, as the database enforces it (roles and row-level security);
/// the client only says so sooner.
public enum SharedAccess: Hashable, Sendable {
    /// Changes any task.
    case inspector
    /// A unit's account: sees every task, reports (history, progress, status) only on the
    /// tasks it leads.
    case unit(String)
    /// Reads only.
    case leader
}

/// One task as the database holds it now.
public struct SharedChange: Hashable, Sendable {
    public var task: PlanTask
    /// The row's version: 1 when pushed, one more for every committed edit.
    public var version: Int
    /// Who made the change (the edit's author), when known.
    public var author: String?
    /// Its place in the plan's change log (increasing; `changes(since:)` takes it).
    public var position: Int64

    public init(task: PlanTask, version: Int, author: String?, position: Int64) {
        self.task = task; self.version = version; self.author = author; self.position = position
    }
}

/// The whole plan as loaded, with every task's row version and where the change log stood.
public struct SharedSnapshot: Sendable {
    public var plan: Plan
    public var versions: [String: Int]
    public var position: Int64

    public init(plan: Plan, versions: [String: Int], position: Int64) {
        self.plan = plan; self.versions = versions; self.position = position
    }
}

/// What a commit did.
public enum SharedCommit: Sendable {
    /// Made on the version the caller expected.
    case committed(SharedChange)
    /// The task had changed since the version the caller expected: the edit was made on the
    /// task as it stood (both history entries kept, nothing lost), and `others` are the
    /// changes made in between, so the caller can tell the user whose change came first.
    case merged(SharedChange, others: [SharedChange])
    /// The edit changes nothing on the task as it stands now (someone made the same change).
    case unchanged(SharedChange)

    public var change: SharedChange {
        switch self {
        case .committed(let c), .merged(let c, _), .unchanged(let c): return c
        }
    }
}

/// A plan in a shared store. Implementations are thread-safe; every call may block on the
/// network and fails within a few seconds when the server is gone
/// (`SharedPlanError.unreachable`).
public protocol SharedPlan: AnyObject {
    /// The address without its password, for the title line and messages.
    var displayAddress: String { get }
    /// The plan's name in the store (`?plan=NAME`).
    var planName: String { get }
    /// What this login may do.
    var access: SharedAccess { get }

    /// The whole plan, every task's version and the change log's position.
    func load(progress: ProgressLine?) throws -> SharedSnapshot
    /// One edit as one transaction: one task row changed and one change-log row written,
    /// checked against `version` (nil: whatever is there now). History entries are written
    /// in `strings`' language.
    func commit(_ edit: Edit, expecting version: Int?, strings: Strings) throws -> SharedCommit
    /// issue 15, pgloop: the same, the edit named by `editID` (the caller's, kept with the
    /// edit until it is acknowledged): sent again under the same name after its answer was
    /// lost (the server went quiet after committing it, the dashboard was killed meanwhile),
    /// it is not made twice: the first commit is the answer. nil: a name of its own.
    func commit(_ edit: Edit, expecting version: Int?, strings: Strings, editID: String?) throws -> SharedCommit
    /// Every task changed after `position`, each once at its latest version, in log order.
    func changes(since position: Int64) throws -> [SharedChange]
    /// Calls `notify` (on another thread) soon after anyone commits to this plan; the caller
    /// then asks `changes(since:)`. Calling it again replaces the callback.
    func listen(_ notify: @escaping @Sendable () -> Void) throws
    /// Ends the connection (and the listening).
    func close()
}

extension SharedPlan {
    /// A store that does not know edits by name: the name is not used.
    public func commit(_ edit: Edit, expecting version: Int?, strings: Strings, editID: String?) throws -> SharedCommit {
        try commit(edit, expecting: version, strings: strings)
    }
}

/// The opener the command line installs at start-up (DubanPostgres); nil in a build or a
/// test that has no database adapter.
public enum SharedPlans {
    nonisolated(unsafe) public static var opener: ((_ address: String, _ strings: Strings) throws -> SharedPlan)?

    /// Opens a shared plan, or throws `SharedPlanError.noAdapter`.
    public static func open(_ address: String, strings: Strings) throws -> SharedPlan {
        guard let opener else { throw SharedPlanError.noAdapter(address: address) }
        return try opener(address, strings)
    }
}

/// A shared plan's troubles, in the interface language.
public enum SharedPlanError: Error, Hashable, Sendable, LocalizedMessage, CustomStringConvertible {
    /// This build cannot reach databases.
    case noAdapter(address: String)
    /// The server cannot be reached, or stopped answering (within a few seconds).
    case unreachable(address: String, reason: String)
    /// The address cannot be understood (`reason` says which part).
    case badAddress(address: String, reason: String)
    /// No plan of this name in the database.
    case noSuchPlan(name: String, address: String)
    /// The database refused: this login may not make this change (row-level security).
    case notPermitted(task: String, reason: String)
    /// Any other refusal of the server, its words kept.
    case refused(address: String, reason: String)

    public func message(_ S: Strings) -> String {
        switch self {
        case .noAdapter(let a): return S.format(.sharedNoAdapter, a)
        case .unreachable(let a, let r): return S.format(.sharedUnreachable, a, r)
        case .badAddress(let a, let r): return S.format(.sharedBadAddress, a, r)
        case .noSuchPlan(let n, let a): return S.format(.sharedNoSuchPlan, n, a)
        case .notPermitted(let t, let r): return S.format(.sharedNotPermitted, t, r)
        case .refused(let a, let r): return S.format(.sharedRefused, a, r)
        }
    }

    public var description: String { message(Strings(.en)) }
}
