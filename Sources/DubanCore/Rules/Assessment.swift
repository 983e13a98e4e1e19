/// The traffic light inspectors read a task by.
public enum Light: Int, Comparable, Sendable, CaseIterable {
    case green = 0, yellow = 1, red = 2
    public static func < (a: Light, b: Light) -> Bool { a.rawValue < b.rawValue }
}

/// Why a task has its light; `Strings.reason` turns it into words.
public enum LightReason: Hashable, Sendable {
    case done
    case onTrack
    case overdue(days: Int)
    case lagging
    case dueSoon(daysLeft: Int)
    case behindSchedule(expected: Int, actual: Int)
    /// A dated node (时间节点) past its day and not done: 节点“6月底前完成招标”逾期12天.
    case milestoneMissed(text: String, days: Int)
    /// Not done and no deadline (`长期`, `常态化`, or none given): never overdue, never due
    /// soon or behind schedule.
    case noDeadline
}

/// Tunable thresholds of the rules.
public struct RuleSettings: Hashable, Sendable {
    /// A task is due soon when its deadline is within this many days of the as-of date.
    public var dueSoonDays: Int
    /// A task is behind schedule when its progress is more than this many points below
    /// the share of its period already elapsed.
    public var behindSchedulePoints: Int
    /// A missed milestone turns the task yellow; red once it is more than this many days late.
    public var milestoneRedDays: Int
    public init(dueSoonDays: Int = 7, behindSchedulePoints: Int = 20, milestoneRedDays: Int = 30) {
        self.dueSoonDays = dueSoonDays; self.behindSchedulePoints = behindSchedulePoints
        self.milestoneRedDays = milestoneRedDays
    }
}

/// What the rules say of one task on one day.
public struct Assessment: Hashable, Sendable {
    public var light: Light
    /// Most serious first; never empty.
    public var reasons: [LightReason]
    public var isOverdue: Bool
    public var isDueSoon: Bool
    public var isBehindSchedule: Bool
    /// Days past the deadline; 0 unless overdue.
    public var daysOverdue: Int
    /// Not done and without a deadline: counted apart ("no deadline"), never overdue.
    public var hasNoDeadline: Bool = false
    /// Milestones past their day and not done (before the deadline in force).
    public var missedMilestones: Int = 0
}

/// The pure rules: overdue, due soon, behind schedule, and the light they give.
/// The as-of date is always a parameter.
public struct Rules: Hashable, Sendable {
    public var asOf: PlanDate
    public var settings: RuleSettings
    /// Where a task's period starts when it has none of its own (the plan's start).
    public var periodStart: PlanDate?

    public init(asOf: PlanDate, settings: RuleSettings = .init(), periodStart: PlanDate? = nil) {
        self.asOf = asOf; self.settings = settings; self.periodStart = periodStart
    }

    /// A deadline strictly before the as-of date and a status other than done.
    public func isOverdue(_ t: PlanTask) -> Bool {
        guard t.status != .done, let d = t.deadline else { return false }
        return d < asOf
    }

    /// Not done, and the deadline is today or within `dueSoonDays` days.
    public func isDueSoon(_ t: PlanTask) -> Bool {
        guard t.status != .done, let d = t.deadline else { return false }
        let left = asOf.days(to: d)
        return left >= 0 && left <= settings.dueSoonDays
    }

    /// The share (0...100) of the task's period elapsed on the as-of date, or nil
    /// when the period is unknown or empty.
    public func expectedProgress(_ t: PlanTask) -> Int? {
        guard let end = t.deadline, let start = t.startDate ?? periodStart, start < end else { return nil }
        let total = start.days(to: end)
        let gone = min(max(start.days(to: asOf), 0), total)
        return Percent.of(gone, total)
    }

    public func isBehindSchedule(_ t: PlanTask) -> Bool {
        guard t.status != .done, let expected = expectedProgress(t) else { return false }
        return expected - t.progress > settings.behindSchedulePoints
    }

    /// The milestones past their day on the as-of date and not done, with the days each is
    /// late, most late first; none when the task is done. A node on or after the deadline
    /// is the deadline's own (overdue says it), so only nodes before it count.
    public func missedMilestones(_ t: PlanTask) -> [(milestone: Milestone, days: Int)] {
        guard t.status != .done, !t.milestones.isEmpty else { return [] }
        var out: [(milestone: Milestone, days: Int)] = []
        for m in t.milestones where !m.done {
            guard let d = m.date, d < asOf else { continue }
            if let end = t.deadline, d >= end { continue }
            out.append((m, d.days(to: asOf)))
        }
        return out.enumerated().sorted { a, b in
            a.element.days != b.element.days ? a.element.days > b.element.days : a.offset < b.offset
        }.map(\.element)
    }

    public func assess(_ t: PlanTask) -> Assessment {
        let overdue = isOverdue(t)
        let dueSoon = !overdue && isDueSoon(t)
        let expected = t.status == .done ? nil : expectedProgress(t)
        let behind = expected.map { $0 - t.progress > settings.behindSchedulePoints } ?? false
        var reasons: [LightReason] = []
        var days = 0
        if overdue, let d = t.deadline {
            days = d.days(to: asOf)
            reasons.append(.overdue(days: days))
        }
        if t.status == .lagging { reasons.append(.lagging) }
        if dueSoon, let d = t.deadline { reasons.append(.dueSoon(daysLeft: asOf.days(to: d))) }
        if behind, let e = expected { reasons.append(.behindSchedule(expected: e, actual: t.progress)) }
        let missed = missedMilestones(t)
        for m in missed { reasons.append(.milestoneMissed(text: m.milestone.text, days: m.days)) }
        let noDeadline = t.status != .done && t.deadline == nil
        let light: Light
        if overdue || t.status == .lagging || (missed.first?.days ?? 0) > settings.milestoneRedDays { light = .red }
        else if dueSoon || behind || !missed.isEmpty { light = .yellow }
        else { light = .green }
        if reasons.isEmpty { reasons.append(t.status == .done ? .done : noDeadline ? .noDeadline : .onTrack) }
        return Assessment(light: light, reasons: reasons, isOverdue: overdue, isDueSoon: dueSoon,
                          isBehindSchedule: behind, daysOverdue: days, hasNoDeadline: noDeadline,
                          missedMilestones: missed.count)
    }
}
