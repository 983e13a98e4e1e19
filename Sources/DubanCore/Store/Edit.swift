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
    /// 延期申请: the unit asks (on the edit's date) for the deadline to move to `to`.
    case requestExtension(to: PlanDate, reason: String)
    /// The office decides the extension request at `index` (of the task's `extensions`),
    /// on the edit's date, by the edit's author. Approving moves the deadline.
    case decideExtension(index: Int, approve: Bool)
}

extension EditCommand {
    /// Whether the command only reports on a task (a note, its progress, its status): all a
    /// unit's login may do, and only on the tasks it leads (issue 15; the database's
    /// row-level security holds the same rule, the dashboard says it sooner).
    public var isReport: Bool {
        switch self {
        case .setStatus, .setProgress, .addNote: return true
        default: return false
        }
    }

    /// The command that takes this one back on a task that was `t` before it; nil for a
    /// note or an extension's request or decision, which have none (a shared plan's undo
    /// commits the inverse as a new edit).
    public func inverse(before t: PlanTask) -> EditCommand? {
        switch self {
        case .setStatus: return .setStatus(t.status)
        case .setProgress: return .setProgress(t.progress)
        case .setDeadline: return .setDeadline(t.deadline)
        case .setText: return .setText(t.text)
        case .setUnits: return .setUnits(lead: t.leadUnits, co: t.coUnits)
        case .setLeaders: return .setLeaders(t.leaders)
        case .setRemarks: return .setRemarks(t.remarks)
        case .addNote, .requestExtension, .decideExtension: return nil
        }
    }
}

public struct Edit: Hashable, Sendable {
    public var taskID: String
    public var command: EditCommand
    /// The day the change was made; it dates the history entry.
    public var date: PlanDate
    public var author: String?
    /// The reporting period the change reports for (a unit's periodic report), written on
    /// the history entry.
    public var period: String?

    public init(taskID: String, command: EditCommand, date: PlanDate, author: String? = nil, period: String? = nil) {
        self.taskID = taskID; self.command = command; self.date = date; self.author = author; self.period = period
    }
}

public enum EditError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchTask(String)
    case progressOutOfRange(Int)
    case emptyText
    case readOnly
    /// An extension request needs a reason.
    case emptyReason
    /// No extension request at this index of the task's list.
    case noSuchExtension(Int)
    /// The extension request at this index was already approved or refused.
    case extensionDecided(Int)

    public var description: String {
        switch self {
        case .noSuchTask(let id): return "no task with id \"\(id)\""
        case .progressOutOfRange(let p): return "progress \(p) is outside 0...100"
        case .emptyText: return "a task's text cannot be empty"
        case .readOnly: return "the plan is open read-only"
        case .emptyReason: return "an extension request needs a reason"
        case .noSuchExtension(let k): return "no extension request number \(k + 1)"
        case .extensionDecided(let k): return "extension request number \(k + 1) is already decided"
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
            // The first move of a real deadline keeps it (an assumed year's end, or no
            // deadline at all, is no deadline that moved).
            if t.originalDeadline == nil, let old = deadline, !deadlineAssumed, d != old { t.originalDeadline = old }
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
        case .requestExtension(let to, let reason):
            let r = reason.trimmingSpaces
            guard !r.isEmpty else { throw EditError.emptyReason }
            t.extensions.append(Extension(requestedOn: edit.date, to: to, reason: r))
            note = strings.format(.noteExtRequest, to.iso, r)
            if t.isLate(t.extensions[t.extensions.count - 1]) { note += strings[.noteExtLate] }
        case .decideExtension(let k, let approve):
            guard t.extensions.indices.contains(k) else { throw EditError.noSuchExtension(k) }
            guard t.extensions[k].decision == .pending else { throw EditError.extensionDecided(k) }
            t.extensions[k].decision = approve ? .approved : .refused
            t.extensions[k].decidedBy = edit.author
            t.extensions[k].decidedOn = edit.date
            let to = t.extensions[k].to
            if approve {
                let old = deadline
                if t.originalDeadline == nil, let old, old != to { t.originalDeadline = old }
                t.deadline = to
                t.deadlineAssumed = false
                note = strings.format(.noteExtApproved, old?.iso ?? "—", to.iso)
            } else {
                note = strings.format(.noteExtRefused, to.iso)
            }
        }
        t.history.append(HistoryEntry(date: edit.date, status: t.status, progress: t.progress,
                                      note: note, author: edit.author, period: edit.period))
        return t
    }
}
