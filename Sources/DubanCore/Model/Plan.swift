/// One entry of a task's history: what was reported or changed on a day.
public struct HistoryEntry: Hashable, Sendable {
    public var date: PlanDate
    public var status: TaskStatus
    public var progress: Int
    public var note: String
    public var author: String?
    /// The reporting period this entry reports for (`2020-06`, `2020Q2`, or a date),
    /// when it is a unit's periodic report; nil for an ordinary change.
    public var period: String?
    /// Keys of this entry the program does not know, kept through a save.
    public var extra: [JSONField]

    public init(date: PlanDate, status: TaskStatus, progress: Int, note: String = "",
                author: String? = nil, period: String? = nil, extra: [JSONField] = []) {
        self.date = date; self.status = status; self.progress = progress
        self.note = note; self.author = author; self.period = period; self.extra = extra
    }
}

/// A dated node of a task (时间节点): `6月底前完成招标`. The task's deadline is its last.
public struct Milestone: Hashable, Sendable {
    /// nil when the node names no day the program can read.
    public var date: PlanDate?
    /// The node as written.
    public var text: String
    public var done: Bool
    public var extra: [JSONField]

    public init(date: PlanDate?, text: String, done: Bool = false, extra: [JSONField] = []) {
        self.date = date; self.text = text; self.done = done; self.extra = extra
    }
}

/// What the office decided on an extension request (延期申请).
public enum ExtensionDecision: String, Hashable, Sendable, CaseIterable {
    case pending, approved, refused
}

/// One extension request: the unit asks on `requestedOn` to move the deadline to `to`,
/// for `reason`; the office approves or refuses it (`decidedBy`, `decidedOn`). An approved
/// request moves the task's `deadline`; `originalDeadline` keeps the first one.
public struct Extension: Hashable, Sendable {
    public var requestedOn: PlanDate
    public var to: PlanDate
    public var reason: String
    public var decision: ExtensionDecision
    public var decidedBy: String?
    public var decidedOn: PlanDate?
    public var extra: [JSONField]

    public init(requestedOn: PlanDate, to: PlanDate, reason: String, decision: ExtensionDecision = .pending,
                decidedBy: String? = nil, decidedOn: PlanDate? = nil, extra: [JSONField] = []) {
        self.requestedOn = requestedOn; self.to = to; self.reason = reason; self.decision = decision
        self.decidedBy = decidedBy; self.decidedOn = decidedOn; self.extra = extra
    }
}

/// Where a task came from in the notice it was imported from: a line of text, or a
/// table's row and column (all counted from 1). Every part is optional.
public struct SourcePlace: Hashable, Sendable {
    public var line: Int?
    public var table: Int?
    public var row: Int?
    public var column: Int?
    public var extra: [JSONField]

    public init(line: Int? = nil, table: Int? = nil, row: Int? = nil, column: Int? = nil,
                extra: [JSONField] = []) {
        self.line = line; self.table = table; self.row = row; self.column = column; self.extra = extra
    }

    public var isEmpty: Bool { line == nil && table == nil && row == nil && column == nil && extra.isEmpty }
}

/// A node of the plan's outline: 一、 / (三) / 2. / (1) with its title.
public struct Chapter: Hashable, Sendable {
    public var id: String
    /// The label as printed, without its stop: 一, (三), 2, (1).
    public var label: String
    public var title: String
    /// The id of the enclosing chapter, nil for a top-level chapter.
    public var parent: String?
    /// 年度目标, when the document gives one for this chapter.
    public var goal: String?
    /// 主要任务, when the document gives one for this chapter.
    public var mainTasks: String?
    public var extra: [JSONField]

    public init(id: String, label: String, title: String, parent: String? = nil,
                goal: String? = nil, mainTasks: String? = nil, extra: [JSONField] = []) {
        self.id = id; self.label = label; self.title = title; self.parent = parent
        self.goal = goal; self.mainTasks = mainTasks; self.extra = extra
    }
}

/// One numbered item of the plan. (Not `Task`: that is Swift's concurrency type.)
public struct PlanTask: Hashable, Sendable {
    /// Stable identity: never reused, survives renumbering.
    public var id: String
    /// The number as printed (may be missing).
    public var number: String?
    /// The chapter the task belongs to.
    public var chapter: String?
    public var text: String
    /// 年度目标, where the item gives its own annual goal.
    public var goal: String?
    /// 主要任务, where the item gives its own main-task text.
    public var mainTasks: String?
    /// 牵头负责领导: people.
    public var leaders: [String]
    public var leadUnits: [String]
    public var coUnits: [String]
    public var deadline: PlanDate?
    /// The deadline before it first moved (by an approved extension or any edit of the
    /// deadline); set once, never overwritten. nil while the deadline never moved.
    public var originalDeadline: PlanDate?
    /// Extension requests (延期申请), in the order they were made.
    public var extensions: [Extension]
    /// The deadline's words as the notice wrote them (`6月底前`, `三季度`, `长期`), when imported.
    /// A task with words but no date (`长期`, `常态化`) has no deadline: never overdue.
    public var deadlineText: String?
    /// true when the deadline was not written in the document but assumed (plan year's end).
    public var deadlineAssumed: Bool
    /// Dated nodes (时间节点) in document order; the deadline is the last one's date.
    public var milestones: [Milestone]
    /// When the task's period starts, for 序时进度; the plan's start when nil.
    public var startDate: PlanDate?
    public var status: TaskStatus
    /// true when the status was guessed by the importer from a completion text.
    public var statusInferred: Bool
    /// Why the importer inferred the status: the phrase, or the two figures compared.
    public var statusReason: String?
    /// 0...100
    public var progress: Int
    public var remarks: String
    public var history: [HistoryEntry]
    /// Where the importer found the task in its notice; nil for a task made by hand.
    public var origin: SourcePlace?
    public var extra: [JSONField]

    public init(id: String, number: String? = nil, chapter: String? = nil, text: String,
                goal: String? = nil, mainTasks: String? = nil, leaders: [String] = [], leadUnits: [String] = [], coUnits: [String] = [],
                deadline: PlanDate? = nil, originalDeadline: PlanDate? = nil, extensions: [Extension] = [],
                deadlineText: String? = nil, deadlineAssumed: Bool = false,
                milestones: [Milestone] = [], startDate: PlanDate? = nil,
                status: TaskStatus = .notStarted, statusInferred: Bool = false, statusReason: String? = nil,
                progress: Int = 0, remarks: String = "", history: [HistoryEntry] = [],
                origin: SourcePlace? = nil, extra: [JSONField] = []) {
        self.id = id; self.number = number; self.chapter = chapter; self.text = text
        self.goal = goal; self.mainTasks = mainTasks
        self.leaders = leaders; self.leadUnits = leadUnits; self.coUnits = coUnits
        self.deadline = deadline; self.originalDeadline = originalDeadline; self.extensions = extensions
        self.deadlineText = deadlineText; self.deadlineAssumed = deadlineAssumed
        self.milestones = milestones; self.startDate = startDate
        self.status = status; self.statusInferred = statusInferred; self.statusReason = statusReason
        self.progress = progress; self.remarks = remarks; self.history = history
        self.origin = origin; self.extra = extra
    }
}

/// A unit known to the plan: its canonical name, other names, and whether it
/// stands for a group of units (各县(市)区政府).
public struct Unit: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var isGroup: Bool
    public var members: [String]
    public var extra: [JSONField]

    public init(name: String, aliases: [String] = [], isGroup: Bool = false,
                members: [String] = [], extra: [JSONField] = []) {
        self.name = name; self.aliases = aliases; self.isGroup = isGroup
        self.members = members; self.extra = extra
    }
}

/// A plan: the decomposition of a year's key work tasks.
public struct Plan: Hashable, Sendable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var title: String
    /// 发文机关
    public var issuer: String?
    /// 文号: 界政发〔2020〕11号
    public var documentNumber: String?
    public var issueDate: PlanDate?
    public var year: Int?
    /// Where the plan was imported from.
    public var source: String?
    /// The outline, parents before children.
    public var chapters: [Chapter]
    /// In document order.
    public var tasks: [PlanTask]
    public var units: [Unit]
    /// The office's reporting cycle (报送周期): monthly by a day, quarterly, or dates.
    public var reporting: ReportingCycle?
    public var extra: [JSONField]

    public init(formatVersion: Int = Plan.currentFormatVersion, title: String, issuer: String? = nil,
                documentNumber: String? = nil, issueDate: PlanDate? = nil, year: Int? = nil,
                source: String? = nil, chapters: [Chapter] = [], tasks: [PlanTask] = [],
                units: [Unit] = [], reporting: ReportingCycle? = nil, extra: [JSONField] = []) {
        self.formatVersion = formatVersion; self.title = title; self.issuer = issuer
        self.documentNumber = documentNumber; self.issueDate = issueDate; self.year = year
        self.source = source; self.chapters = chapters; self.tasks = tasks
        self.units = units; self.reporting = reporting; self.extra = extra
    }

    /// The day a task's period starts when it has no start date of its own:
    /// the first of January of the plan year, else the issue date.
    public var periodStart: PlanDate? {
        if let year, let d = PlanDate.startOfYear(year) { return d }
        return issueDate
    }
}
