/// A task as it stood on an earlier day, rebuilt from what the plan already holds: its
/// history entries and its deadline and extension records. Nothing is stored twice.
///
/// - status and progress: those of the last history entry dated on or before the day;
///   before its first entry a task with a history was not started, 0%; a task with no
///   history at all is taken as it is now on every day;
/// - the deadline: `deadline(inForceOn:)`;
/// - extensions: those requested on or before the day, a decision made after it shown as
///   still pending;
/// - milestones are taken as they are now (their `done` carries no date).
extension PlanTask {
    public func state(on day: PlanDate) -> PlanTask {
        var t = self
        if !history.isEmpty {
            let kept = history.filter { $0.date <= day }
            t.history = kept
            if let last = kept.last {
                t.status = last.status
                t.progress = last.progress
            } else {
                t.status = .notStarted
                t.progress = 0
            }
        }
        t.deadline = deadline(inForceOn: day)
        t.extensions = extensions.compactMap { e in
            guard e.requestedOn <= day else { return nil }
            var e = e
            if let on = e.decidedOn, on > day { e.decision = .pending; e.decidedBy = nil; e.decidedOn = nil }
            return e
        }
        return t
    }

    /// The status on a day, as `state(on:)` gives it, without rebuilding the task.
    public func status(on day: PlanDate) -> TaskStatus {
        guard !history.isEmpty else { return status }
        return history.last { $0.date <= day }?.status ?? .notStarted
    }

    /// The day an approved extension took effect: its decision day, else its request day.
    static func effective(_ e: Extension) -> PlanDate { e.decidedOn ?? e.requestedOn }

    /// The deadline in force on a day. The current deadline, unless an approved extension
    /// took effect after the day: then the last approved one's new date that took effect
    /// on or before it, else the original deadline. (A deadline moved by a plain edit has
    /// no date of its own on record: it counts from before the extensions approved later.)
    public func deadline(inForceOn day: PlanDate) -> PlanDate? {
        let approved = extensions.filter { $0.decision == .approved }
        guard approved.contains(where: { PlanTask.effective($0) > day }) else { return deadline }
        let before = approved.filter { PlanTask.effective($0) <= day }
            .max { PlanTask.effective($0) < PlanTask.effective($1) }
        return before?.to ?? originalDeadline ?? deadline
    }

    /// A request made after the deadline in force on the day it was made (延期申请 must
    /// come before the deadline); a request on the deadline day itself is in time.
    public func isLate(_ e: Extension) -> Bool {
        guard let d = deadline(inForceOn: e.requestedOn) else { return false }
        return e.requestedOn > d
    }

    /// The index of the last pending extension request, if any.
    public var pendingExtension: Int? { extensions.lastIndex { $0.decision == .pending } }
}
