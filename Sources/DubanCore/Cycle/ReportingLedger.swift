/// Who reported for a period and who did not (报送 / 未报送).
///
/// - A unit owes a report for a period on every task it leads (its canonical name; group
///   names such as 各县(市)区政府 owe none of their own) that was not done the day before
///   the period started (the task's `state(on:)`).
/// - A unit has reported for the period when a history entry with that `period` is on a
///   task it leads (whoever typed it in: the office often enters a unit's report for it),
///   or is written by the unit (`author` is one of its names) on any task.
public struct UnitReport: Hashable, Sendable {
    /// The unit's canonical name.
    public var unit: String
    /// Task indexes the unit leads that owe a report for the period, in plan order.
    public var tasks: [Int]
    /// Those of `tasks` that have a report for the period.
    public var reportedTasks: [Int]
    public var reported: Bool
}

public struct ReportingLedger: Sendable {
    public let plan: Plan
    public let registry: UnitRegistry

    public init(plan: Plan) {
        self.plan = plan
        self.registry = UnitRegistry(plan.units)
    }

    /// Every unit that owes a report for the period, in the order the plan first names it
    /// as a lead unit, with whether it reported.
    public func status(for period: ReportingPeriod) -> [UnitReport] {
        var order: [String] = []
        var owed: [String: [Int]] = [:]
        var reportedOn: [String: [Int]] = [:]
        var authored = Set<String>()
        let dayBefore = period.start.adding(days: -1)
        let id = period.id
        for (i, t) in plan.tasks.enumerated() {
            var hasReport = false
            for e in t.history where e.period == id {
                hasReport = true
                if let a = e.author { authored.insert(registry.canonical(a)) }
            }
            guard !t.leadUnits.isEmpty, t.status(on: dayBefore) != .done else { continue }
            let lead = registry.canonicalSet(t.leadUnits).filter { !registry.isGroup($0) }
            for u in lead {
                if owed[u] == nil { order.append(u) }
                owed[u, default: []].append(i)
                if hasReport { reportedOn[u, default: []].append(i) }
            }
        }
        return order.map { u in
            let r = reportedOn[u] ?? []
            return UnitReport(unit: u, tasks: owed[u] ?? [], reportedTasks: r, reported: !r.isEmpty || authored.contains(u))
        }
    }

    /// The units that did not report for the period, with their tasks.
    public func unreported(for period: ReportingPeriod) -> [UnitReport] {
        status(for: period).filter { !$0.reported }
    }
}
