import DubanCore

/// What the dashboard shows of the office's reporting cycle (issue 13): the current
/// period and the units that have not reported for it (未报送), worked out once per plan
/// revision and as-of day (the ledger walks every task), shared by copies of the state.
final class CycleCache {
    struct Facts {
        /// nil when the plan has no `reporting` cycle (or a dates cycle is past its end).
        var period: ReportingPeriod?
        /// Canonical names of the units that owe a report for the period and made none.
        var unreported: Set<String>
    }
    private var key: (store: ObjectIdentifier, revision: Int, asOf: PlanDate)?
    private var trendKey: (store: ObjectIdentifier, revision: Int, asOf: PlanDate)?
    private var trendValue: Trend?

    /// The last six periods' trend (rebuilt from the history once per revision and day).
    func trend(_ store: PlanStore) -> Trend {
        let asOf = store.rules.asOf
        if let k = trendKey, k.store == ObjectIdentifier(store), k.revision == store.revision, k.asOf == asOf, let t = trendValue { return t }
        let t = Trend(plan: store.plan, asOf: asOf, settings: store.rules.settings, last: 6)
        trendValue = t
        trendKey = (ObjectIdentifier(store), store.revision, asOf)
        return t
    }
    private var facts = Facts(period: nil, unreported: [])

    func facts(_ store: PlanStore) -> Facts {
        let asOf = store.rules.asOf
        if let k = key, k.store == ObjectIdentifier(store), k.revision == store.revision, k.asOf == asOf { return facts }
        var f = Facts(period: nil, unreported: [])
        if let cycle = store.plan.reporting, let p = cycle.current(asOf: asOf) {
            f.period = p
            let ledger = ReportingLedger(plan: store.plan)
            f.unreported = Set(ledger.unreported(for: p).map(\.unit))
        }
        facts = f
        key = (ObjectIdentifier(store), store.revision, asOf)
        return f
    }
}

extension DashboardState {
    /// The current period and who has not reported for it (nil period: no cycle).
    var cycleFacts: CycleCache.Facts { cycleCache.facts(store) }

    /// Whether the workload pane's unit row `name` (a canonical name, as the store's
    /// workload lists units) has not reported this period.
    func isUnreported(_ name: String) -> Bool {
        workloadMode == .units && cycleFacts.unreported.contains(name)
    }
}
