/// The plan at the end of each reporting period up to the as-of date, for trends (done,
/// overdue and red per period, for the plan, each chapter, unit and leader) and for the
/// bulletin's "since the last period". Each snapshot is the plan rebuilt on that day
/// (`Plan.state(on:)`) in a `PlanStore` assessed on that day, so every count the store
/// keeps (totals, unitTallies, leaderTallies, chapterTallies) is there per period.
public struct PeriodSnapshot {
    public let period: ReportingPeriod
    /// The period's end, or the as-of date for the current period.
    public let day: PlanDate
    public let store: PlanStore
}

extension Plan {
    /// One snapshot per period of the plan's cycle, from the period holding the plan's
    /// start (1 January of `year`, else `issueDate`, else the as-of date) through the one
    /// holding `asOf`, oldest first; empty without a cycle. `last` keeps only the latest n.
    public func periodSnapshots(asOf: PlanDate, settings: RuleSettings = .init(), last: Int? = nil) -> [PeriodSnapshot] {
        guard let cycle = reporting else { return [] }
        var periods = cycle.periods(from: min(periodStart ?? asOf, asOf), through: asOf)
        if let last, periods.count > last { periods = Array(periods.suffix(max(0, last))) }
        return periods.map { p in
            let day = min(p.end, asOf)
            return PeriodSnapshot(period: p, day: day,
                                  store: PlanStore(plan: state(on: day), rules: Rules(asOf: day, settings: settings)))
        }
    }

    /// Extension requests decided (approved or refused) between two days, both included:
    /// (task index, index in its `extensions`), in plan order. The bulletin's "extensions
    /// granted" are those with `.approved`.
    public func extensionsDecided(from: PlanDate, through: PlanDate) -> [(task: Int, index: Int)] {
        var out: [(task: Int, index: Int)] = []
        for (i, t) in tasks.enumerated() {
            for (k, e) in t.extensions.enumerated() where e.decision != .pending {
                let on = e.decidedOn ?? e.requestedOn
                if from <= on && on <= through { out.append((i, k)) }
            }
        }
        return out
    }
}
