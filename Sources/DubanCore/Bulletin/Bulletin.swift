/// The content of a 通报 (circular) on a plan, as data: every figure its sections print,
/// worked out from the plan on the as-of day (and, for "since the last period", on the
/// earlier day). Writers (Sources/DubanBulletin) turn it into .md, .txt or .docx; nothing
/// here knows about a file format.
public struct Bulletin {
    /// The five exclusive classes of the totals: every task is in exactly one.
    /// done; overdue (not done, deadline in force passed); lagging (not done, not overdue,
    /// status 滞后 or behind 序时进度); no deadline (not done, none of the above, no date);
    /// on schedule (the rest). Total, done, overdue and red are the plan's `Tally` as the
    /// store keeps it (`PlanStore.totals`); the tally's own lagging and no-deadline counts
    /// overlap overdue and each other, so the two exclusive classes are counted here.
    public struct Totals: Hashable, Sendable {
        /// The whole plan's counts (`PlanStore.totals`).
        public var tally = Tally()
        /// Not done, not overdue, and 滞后 or behind 序时进度.
        public var lagging = 0
        /// Not done, not overdue, not lagging, and no deadline.
        public var noDeadline = 0
        public init() {}
        public init(tally: Tally, lagging: Int, noDeadline: Int) {
            self.tally = tally; self.lagging = lagging; self.noDeadline = noDeadline
        }
        public var total: Int { tally.total }
        public var done: Int { tally.done }
        public var overdue: Int { tally.overdue }
        public var red: Int { tally.red }
        /// The rest: not done, not overdue, not lagging, with a deadline.
        public var onSchedule: Int { total - done - overdue - lagging - noDeadline }
        /// A share of the total in tenths of a percent, rounded half up (0 when empty).
        public static func permille(_ n: Int, of total: Int) -> Int { total == 0 ? 0 : (n * 2000 + total) / (2 * total) }
        /// `37.5%`
        public static func share(_ n: Int, of total: Int) -> String {
            let p = permille(n, of: total)
            return "\(p / 10).\(p % 10)%"
        }
    }

    /// One lead unit in the ranking: by overdue, then red, most first. Units with the same
    /// two counts share a rank (1, 1, 3: 并列), in the order the plan first names them.
    public struct RankRow: Hashable, Sendable {
        public var rank: Int
        public var tied: Bool
        public var unit: String
        public var led: Int
        public var done: Int
        public var overdue: Int
        public var red: Int
    }

    /// A task named in full text, with why it is red.
    public struct TaskLine: Hashable, Sendable {
        public var index: Int
        public var number: String?
        public var text: String
        public var deadline: PlanDate?
        public var daysOverdue: Int
        public var reasons: [LightReason]
    }

    /// A unit with red tasks: its overdue tasks first (most days first), then its other red ones.
    public struct RedUnit: Hashable, Sendable {
        public var unit: String
        public var tasks: [TaskLine]
        public var overdueCount: Int { tasks.filter { $0.daysOverdue > 0 }.count }
    }

    /// An extension approved in the bulletin's window.
    public struct Granted: Hashable, Sendable {
        public var index: Int
        public var number: String?
        public var text: String
        public var units: [String]
        /// The deadline in force the day before the approval took effect.
        public var from: PlanDate?
        public var to: PlanDate
        public var reason: String
        public var decidedOn: PlanDate?
    }

    /// One row of "since the last period", per unit (or the total row).
    public struct ChangeRow: Hashable, Sendable {
        public var unit: String?
        public var newlyOverdue: Int
        public var cleared: Int
        public var newlyDone: Int
        public var stillRed: Int
    }

    public var title: String
    public var issuer: String?
    public var asOf: PlanDate
    public var totals: Totals
    public var ranking: [RankRow]
    public var redUnits: [RedUnit]
    /// nil when the plan has no reporting cycle.
    public var period: ReportingPeriod?
    public var unreported: [UnitReport]
    /// The first day of the window extensions are looked for in (`since`, else the plan's start).
    public var extensionsFrom: PlanDate
    public var granted: [Granted]
    /// The day compared with, nil when there is none (no --since and no earlier period).
    public var since: PlanDate?
    public var changes: [ChangeRow]
    public var changesTotal: ChangeRow?
    /// The newly overdue tasks since `since`, in full text.
    public var newlyOverdue: [TaskLine]
    public var trend: Trend

    /// - since: the day to compare with; nil takes the end of the period before the current one
    ///   when the plan has a cycle, else no comparison.
    public init(plan: Plan, asOf: PlanDate, since: PlanDate? = nil, settings: RuleSettings = .init()) {
        let store = PlanStore(plan: plan, rules: Rules(asOf: asOf, settings: settings, periodStart: plan.periodStart))
        title = plan.title
        issuer = plan.issuer
        self.asOf = asOf

        // Totals: the store's tally, and the two classes it does not keep apart.
        var t = Totals(tally: store.totals, lagging: 0, noDeadline: 0)
        for (i, task) in plan.tasks.enumerated() where task.status != .done {
            let a = store.assessments[i]
            if a.isOverdue { continue }
            if task.status == .lagging || a.isBehindSchedule { t.lagging += 1 }
            else if a.hasNoDeadline || task.deadline == nil { t.noDeadline += 1 }
        }
        totals = t

        // Lead units in the order the plan first names them (groups owe nothing of their own).
        var order: [String] = []
        var seen = Set<String>()
        var redTasks: [String: [Int]] = [:]
        for (i, task) in plan.tasks.enumerated() {
            for u in store.unitSets(of: task).lead where !store.registry.isGroup(u) {
                if seen.insert(u).inserted { order.append(u) }
                if store.assessments[i].light == .red { redTasks[u, default: []].append(i) }
            }
        }
        let rows = order.map { u -> RankRow in
            let x = store.tally(forUnit: u)
            return RankRow(rank: 0, tied: false, unit: u, led: x.led, done: x.done, overdue: x.overdue, red: x.red)
        }
        // Stable: equal counts keep the plan's order.
        let sorted = rows.enumerated().sorted { a, b in
            if a.element.overdue != b.element.overdue { return a.element.overdue > b.element.overdue }
            if a.element.red != b.element.red { return a.element.red > b.element.red }
            return a.offset < b.offset
        }.map(\.element)
        var ranked: [RankRow] = []
        for (k, r) in sorted.enumerated() {
            var r = r
            if let prev = ranked.last, prev.overdue == r.overdue, prev.red == r.red {
                r.rank = prev.rank
                r.tied = true
                ranked[ranked.count - 1].tied = true
            } else {
                r.rank = k + 1
            }
            ranked.append(r)
        }
        ranking = ranked

        func line(_ i: Int, _ a: Assessment) -> TaskLine {
            let task = plan.tasks[i]
            return TaskLine(index: i, number: task.number, text: task.text, deadline: task.deadline,
                            daysOverdue: a.isOverdue ? a.daysOverdue : 0, reasons: a.reasons)
        }
        redUnits = ranked.compactMap { r in
            guard let idx = redTasks[r.unit], !idx.isEmpty else { return nil }
            let lines = idx.map { line($0, store.assessments[$0]) }
                .enumerated().sorted { a, b in
                    if a.element.daysOverdue != b.element.daysOverdue { return a.element.daysOverdue > b.element.daysOverdue }
                    return a.offset < b.offset
                }.map(\.element)
            return RedUnit(unit: r.unit, tasks: lines)
        }

        // Who did not report for the current period.
        let current = plan.reporting?.current(asOf: asOf)
        period = current
        unreported = current.map { ReportingLedger(plan: plan).unreported(for: $0) } ?? []

        // The day compared with.
        var compared = since
        if compared == nil, let cycle = plan.reporting, let current, let prev = cycle.previous(current), prev.end < asOf {
            compared = prev.end
        }
        self.since = compared

        // Extensions approved since then (else since the plan's start).
        let from = compared.map { $0.adding(days: 1) } ?? min(plan.periodStart ?? asOf, asOf)
        extensionsFrom = from
        granted = plan.extensionsDecided(from: from, through: asOf).compactMap { (ti, k) in
            let task = plan.tasks[ti]
            let e = task.extensions[k]
            guard e.decision == .approved else { return nil }
            let took = e.decidedOn ?? e.requestedOn
            return Granted(index: ti, number: task.number, text: task.text, units: store.unitSets(of: task).lead,
                           from: task.deadline(inForceOn: took.adding(days: -1)), to: e.to, reason: e.reason,
                           decidedOn: e.decidedOn)
        }

        if let compared, compared < asOf {
            let c = Comparison(plan, from: compared, to: asOf, settings: settings)
            func row(_ u: String?, _ x: Comparison.Changes) -> ChangeRow {
                ChangeRow(unit: u, newlyOverdue: x.newlyOverdue.count, cleared: x.cleared.count,
                          newlyDone: x.newlyDone.count, stillRed: x.stillRed.count)
            }
            changes = c.units.map { row($0.unit, $0.changes) }
            changesTotal = row(nil, c.total)
            newlyOverdue = c.total.newlyOverdue.map { line($0, c.after[$0]) }
        } else {
            changes = []
            changesTotal = nil
            newlyOverdue = []
        }

        trend = Trend(plan: plan, asOf: asOf, settings: settings)
    }
}
