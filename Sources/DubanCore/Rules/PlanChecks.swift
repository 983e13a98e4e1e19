/// What `duban validate` checks beyond the file's syntax and types: rules a plan can
/// load with but should not hold (the dashboard still opens it). Each problem names the
/// file and the JSON path of the value, in the strings table's words.
public struct PlanCheck: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    public var file: String
    /// `tasks[3].history[1].date`
    public var path: String
    public var words: Words

    public init(file: String, path: String, words: Words) { self.file = file; self.path = path; self.words = words }

    public func message(_ S: Strings) -> String { "\(file): \(path): " + words.render(S) }
    public var description: String { message(Strings(.en)) }
}

public enum PlanChecks {
    /// Every rule problem of a loaded plan, in task order: history entries out of date
    /// order (a history is kept oldest first, as edits append it), and a status that
    /// contradicts the progress (`StatusProgress`).
    public static func check(_ plan: Plan, file: String) -> [PlanCheck] {
        var out: [PlanCheck] = []
        for (i, t) in plan.tasks.enumerated() {
            if let (onStatus, words) = StatusProgress.contradiction(t.status, t.progress) {
                out.append(PlanCheck(file: file, path: "tasks[\(i)]." + (onStatus ? "status" : "progress"), words: words))
            }
            for k in t.history.indices.dropFirst() where t.history[k].date < t.history[k - 1].date {
                out.append(PlanCheck(file: file, path: "tasks[\(i)].history[\(k)].date",
                                     words: .k(.chkHistoryOrder, .t(t.history[k].date.iso), .t(t.history[k - 1].date.iso))))
            }
        }
        return out
    }
}
