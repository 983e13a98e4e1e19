/// Counts kept for a unit, a leader, a chapter, a status or the whole plan.
/// For a unit, `led` counts the tasks it leads and `shared` those it shares without
/// leading; done, overdue, lagging, red and yellow count the tasks it leads. For a
/// leader, a chapter or the whole plan, `led` is simply the number of tasks.
public struct Tally: Hashable, Sendable {
    public var led = 0
    public var shared = 0
    public var done = 0
    public var overdue = 0
    public var lagging = 0
    public var red = 0
    public var yellow = 0
    /// Tasks not done that have no deadline (长期, 常态化): counted apart, never overdue.
    public var noDeadline = 0

    public init() {}

    /// Done as a whole percentage of the tasks led, rounded half up (`Percent.of`);
    /// 0 when there are none: where 0 of 0 must not read as 0%, use `percentDoneIfAny`.
    public var percentDone: Int { Percent.of(done, led) ?? 0 }
    /// Done as a percentage of the tasks led, nil when it leads none (shown "—").
    public var percentDoneIfAny: Int? { Percent.of(done, led) }
    public var total: Int { led }
    public var isEmpty: Bool { led == 0 && shared == 0 }

    /// Adds (sign +1) or removes (sign -1) one led task with its assessment.
    mutating func count(_ status: TaskStatus, _ a: Assessment, sign: Int) {
        led += sign
        if status == .done { done += sign }
        if status == .lagging { lagging += sign }
        if a.isOverdue { overdue += sign }
        if a.hasNoDeadline { noDeadline += sign }
        switch a.light {
        case .red: red += sign
        case .yellow: yellow += sign
        case .green: break
        }
    }
}
