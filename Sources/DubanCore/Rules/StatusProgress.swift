/// How status and progress go together: 已完成 (done) means 100%, and 100% means done;
/// 未启动 (not started) means nothing done yet. One rule, in the core, so the dashboard,
/// `duban set` and `validate` agree:
///
/// - setting status done sets progress 100; setting not started sets 0;
/// - taking a task out of done (in progress, lagging) at 100% gives back the progress it
///   had before it was done (its last history entry below 100%), else 0;
/// - setting progress 100 sets done; setting less than 100 on a done task reopens it
///   (in progress, or not started at 0); setting more than 0 on a not-started task sets
///   in progress;
/// - `validate` flags a file where they contradict (`contradiction`).
public enum StatusProgress {
    /// The progress a task has after its status is set to `s`.
    public static func progress(afterSetting s: TaskStatus, on t: PlanTask) -> Int {
        switch s {
        case .done: return 100
        case .notStarted: return 0
        case .inProgress, .lagging:
            guard t.progress >= 100 else { return t.progress }
            return t.history.last(where: { $0.progress < 100 })?.progress ?? 0
        }
    }

    /// The status a task has after its progress is set to `p`.
    public static func status(afterSetting p: Int, on t: PlanTask) -> TaskStatus {
        if p >= 100 { return .done }
        switch t.status {
        case .done: return p == 0 ? .notStarted : .inProgress
        case .notStarted: return p > 0 ? .inProgress : .notStarted
        case .inProgress, .lagging: return t.status
        }
    }

    /// What is wrong when a status and a progress contradict each other; nil when they
    /// agree. The problem sits on `status` (done, not started) or on `progress` (100%).
    public static func contradiction(_ s: TaskStatus, _ p: Int) -> (onStatus: Bool, words: Words)? {
        switch s {
        case .done where p != 100:
            return (true, .k(.chkDoneNotFull, .t(p)))
        case .notStarted where p > 0:
            return (true, .k(.chkNotStartedWithProgress, .t(p)))
        case .inProgress where p >= 100, .lagging where p >= 100:
            return (false, .k(.chkFullNotDone, .text(s.rawValue)))
        default:
            return nil
        }
    }
}
