/// Done, overdue and red counts per reporting period (each period's end, or the as-of day
/// for the current one), for the plan, each chapter, lead unit and leader: the state at
/// each period end rebuilt from the history (`Plan.periodSnapshots`). Pure: the as-of day
/// is a parameter; a plan with no reporting cycle has no periods and empty series.
public struct Trend: Sendable {
    public struct Point: Hashable, Sendable {
        public var done: Int
        public var overdue: Int
        public var red: Int
        public init(done: Int, overdue: Int, red: Int) { self.done = done; self.overdue = overdue; self.red = red }
        init(_ t: Tally) { self.init(done: t.done, overdue: t.overdue, red: t.red) }
    }

    /// Period ids (`2020-06`, `2020Q2`), oldest first.
    public var periods: [String]
    /// The day each period is counted on.
    public var days: [PlanDate]
    public var plan: [Point]
    /// Chapter id -> one point per period (top-level and nested chapters alike).
    public var chapters: [String: [Point]]
    /// Canonical lead unit -> one point per period.
    public var units: [String: [Point]]
    public var leaders: [String: [Point]]

    public init(plan p: Plan, asOf: PlanDate, settings: RuleSettings = .init(), last: Int? = nil) {
        let snaps = p.periodSnapshots(asOf: asOf, settings: settings, last: last)
        periods = snaps.map(\.period.id)
        days = snaps.map(\.day)
        plan = snaps.map { Point($0.store.totals) }
        func series(_ pick: (PlanStore) -> [String: Tally]) -> [String: [Point]] {
            var keys = Set<String>()
            for s in snaps { keys.formUnion(pick(s.store).keys) }
            var out: [String: [Point]] = [:]
            for k in keys where !k.isEmpty {
                out[k] = snaps.map { Point(pick($0.store)[k] ?? Tally()) }
            }
            return out
        }
        chapters = series { $0.chapterTallies }
        units = series { $0.unitTallies }
        leaders = series { $0.leaderTallies }
    }

    public var isEmpty: Bool { periods.isEmpty }
}
