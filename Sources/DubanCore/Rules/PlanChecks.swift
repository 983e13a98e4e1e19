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
        // Read in place (issue 16): `for t in plan.tasks` copied every task.
        plan.tasks.withUnsafeBufferPointer { tasks in
            for i in tasks.indices {
                let t = UnsafePointer(tasks.baseAddress.unsafelyUnwrapped + i)
                if let (onStatus, words) = StatusProgress.contradiction(t.pointee.status, t.pointee.progress) {
                    out.append(PlanCheck(file: file, path: "tasks[\(i)]." + (onStatus ? "status" : "progress"), words: words))
                }
                t.pointee.history.withUnsafeBufferPointer { h in
                    for k in h.indices.dropFirst() where h[k].date < h[k - 1].date {
                        out.append(PlanCheck(file: file, path: "tasks[\(i)].history[\(k)].date",
                                             words: .k(.chkHistoryOrder, .t(h[k].date.iso), .t(h[k - 1].date.iso))))
                    }
                }
            }
        }
        return out
    }
}
