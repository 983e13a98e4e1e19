/// One change to one task, as the dashboard, `duban set` and the journal all make it.
public enum EditCommand: Hashable, Sendable {
    case setStatus(TaskStatus)
    case setProgress(Int)
    case addNote(String)
    case setDeadline(PlanDate?)
    case setText(String)
    case setUnits(lead: [String], co: [String])
    case setLeaders([String])
    case setRemarks(String)
}

public struct Edit: Hashable, Sendable {
    public var taskID: String
    public var command: EditCommand
    /// The day the change was made; it dates the history entry.
    public var date: PlanDate
    public var author: String?

    public init(taskID: String, command: EditCommand, date: PlanDate, author: String? = nil) {
        self.taskID = taskID; self.command = command; self.date = date; self.author = author
    }
}

public enum EditError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchTask(String)
    case progressOutOfRange(Int)
    case emptyText
    case readOnly

    public var description: String {
        switch self {
        case .noSuchTask(let id): return "no task with id \"\(id)\""
        case .progressOutOfRange(let p): return "progress \(p) is outside 0...100"
        case .emptyText: return "a task's text cannot be empty"
        case .readOnly: return "the plan is open read-only"
        }
    }
}

extension PlanTask {
    /// The task after the edit, with the change recorded in its history; nil when the
    /// edit changes nothing. Pure: the store and the tests share it.
    public func applying(_ edit: Edit, strings: Strings = Strings(.zh)) throws -> PlanTask? {
        var t = self
        var note: String
        switch edit.command {
        case .setStatus(let s):
            guard s != status else { return nil }
            t.status = s
            t.statusInferred = false
            // 已完成 means 100% (`StatusProgress`): the progress follows the status.
            t.progress = StatusProgress.progress(afterSetting: s, on: self)
            note = strings.format(.noteStatus, strings.status(status), strings.status(s))
            if t.progress != progress {
                note = strings.format(.noteAlso, note, strings.format(.noteProgress, progress, t.progress))
            }
        case .setProgress(let p):
            guard (0...100).contains(p) else { throw EditError.progressOutOfRange(p) }
            guard p != progress else { return nil }
            t.progress = p
            note = strings.format(.noteProgress, progress, p)
            // 100% means 已完成, and less reopens a done task (`StatusProgress`).
            let s = StatusProgress.status(afterSetting: p, on: self)
            if s != status {
                t.status = s
                t.statusInferred = false
                note = strings.format(.noteAlso, note, strings.format(.noteStatus, strings.status(status), strings.status(s)))
            }
        case .addNote(let text):
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty else { return nil }
            note = trimmed
        case .setDeadline(let d):
            guard d != deadline || deadlineAssumed else { return nil }
            t.deadline = d
            t.deadlineAssumed = false
            let old = deadline?.iso ?? "—"
            note = d.map { strings.format(.noteDeadline, old, $0.iso) } ?? strings.format(.noteDeadlineCleared, old)
        case .setText(let text):
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty else { throw EditError.emptyText }
            guard trimmed != self.text else { return nil }
            t.text = trimmed
            note = strings[.noteText]
        case .setUnits(let lead, let co):
            guard lead != leadUnits || co != coUnits else { return nil }
            t.leadUnits = lead
            t.coUnits = co
            func show(_ l: [String], _ c: [String]) -> String {
                (l.joined(separator: "、")) + (c.isEmpty ? "" : "；" + c.joined(separator: "、"))
            }
            note = strings.format(.noteUnits, show(leadUnits, coUnits), show(lead, co))
        case .setLeaders(let names):
            guard names != leaders else { return nil }
            t.leaders = names
            note = strings.format(.noteLeaders, leaders.joined(separator: "、"), names.joined(separator: "、"))
        case .setRemarks(let r):
            guard r != remarks else { return nil }
            t.remarks = r
            note = strings[.noteRemarks]
        }
        t.history.append(HistoryEntry(date: edit.date, status: t.status, progress: t.progress,
                                      note: note, author: edit.author))
        return t
    }
}
