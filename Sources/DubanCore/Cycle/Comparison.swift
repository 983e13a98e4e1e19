extension Plan {
    /// The plan as it stood on a day: every task's `state(on:)`. With a `PlanStore` over it
    /// (`Rules(asOf: day)`) it gives that day's lights and every count (per unit, leader,
    /// chapter): what a trend per period is drawn from.
    public func state(on day: PlanDate) -> Plan {
        var p = self
        p.tasks = tasks.map { $0.state(on: day) }
        return p
    }
}

/// What changed between two days, per lead unit and in all (本期变化): newly overdue,
/// cleared (overdue before, not any more: done, or its deadline moved), newly done, and
/// still red (red on both days). Both days' states are rebuilt from the plan's history and
/// extension records (`PlanTask.state(on:)`), so the comparison of any two days can be made
/// later from the same file.
public struct Comparison: Sendable {
    public struct Changes: Hashable, Sendable {
        /// Task indexes, in plan order.
        public var newlyOverdue: [Int] = []
        public var cleared: [Int] = []
        public var newlyDone: [Int] = []
        public var stillRed: [Int] = []
        public init() {}
        public var isEmpty: Bool { newlyOverdue.isEmpty && cleared.isEmpty && newlyDone.isEmpty && stillRed.isEmpty }
    }

    public let from: PlanDate
    public let to: PlanDate
    /// Each task's assessment on `from` and on `to`, by task index.
    public let before: [Assessment]
    public let after: [Assessment]
    /// Counts on each day (as `PlanStore.totals`).
    public let totalsBefore: Tally
    public let totalsAfter: Tally
    public let total: Changes
    /// Every lead unit (canonical name) with a change or a still-red task, in the order the
    /// plan first names it as a lead unit; a task counts under each of its lead units.
    public let units: [(unit: String, changes: Changes)]

    public init(_ plan: Plan, from: PlanDate, to: PlanDate, settings: RuleSettings = .init()) {
        self.from = from; self.to = to
        let a = PlanStore(plan: plan.state(on: from), rules: Rules(asOf: from, settings: settings))
        let b = PlanStore(plan: plan.state(on: to), rules: Rules(asOf: to, settings: settings))
        before = a.assessments
        after = b.assessments
        totalsBefore = a.totals
        totalsAfter = b.totals
        var total = Changes()
        var byUnit: [String: Changes] = [:]
        var order: [String] = []
        for i in plan.tasks.indices {
            var c = Changes()
            let x = a.assessments[i], y = b.assessments[i]
            if y.isOverdue && !x.isOverdue { c.newlyOverdue.append(i) }
            if x.isOverdue && !y.isOverdue { c.cleared.append(i) }
            if b.task(at: i).status == .done && a.task(at: i).status != .done { c.newlyDone.append(i) }
            if x.light == .red && y.light == .red { c.stillRed.append(i) }
            total.add(c)
            for u in b.unitSets(of: b.task(at: i)).lead {
                if byUnit[u] == nil { order.append(u); byUnit[u] = Changes() }
                byUnit[u]!.add(c)
            }
        }
        self.total = total
        units = order.compactMap { u in byUnit[u].flatMap { $0.isEmpty ? nil : (u, $0) } }
    }
}

extension Comparison.Changes {
    mutating func add(_ c: Comparison.Changes) {
        newlyOverdue += c.newlyOverdue; cleared += c.cleared; newlyDone += c.newlyDone; stillRed += c.stillRed
    }
}
