/// One entry of a task's history: what was reported or changed on a day.
public struct HistoryEntry: Hashable, Sendable {
    public var date: PlanDate
    public var status: TaskStatus
    public var progress: Int
    public var note: String
    public var author: String?
    /// Keys of this entry the program does not know, kept through a save.
    public var extra: [JSONField]

    public init(date: PlanDate, status: TaskStatus, progress: Int, note: String = "",
                author: String? = nil, extra: [JSONField] = []) {
        self.date = date; self.status = status; self.progress = progress
        self.note = note; self.author = author; self.extra = extra
    }
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
    /// true when the deadline was not written in the document but assumed (plan year's end).
    public var deadlineAssumed: Bool
    /// When the task's period starts, for 序时进度; the plan's start when nil.
    public var startDate: PlanDate?
    public var status: TaskStatus
    /// true when the status was guessed by the importer from a completion text.
    public var statusInferred: Bool
    /// 0...100
    public var progress: Int
    public var remarks: String
    public var history: [HistoryEntry]
    public var extra: [JSONField]

    public init(id: String, number: String? = nil, chapter: String? = nil, text: String,
                goal: String? = nil, mainTasks: String? = nil, leaders: [String] = [], leadUnits: [String] = [], coUnits: [String] = [],
                deadline: PlanDate? = nil, deadlineAssumed: Bool = false, startDate: PlanDate? = nil,
                status: TaskStatus = .notStarted, statusInferred: Bool = false, progress: Int = 0,
                remarks: String = "", history: [HistoryEntry] = [], extra: [JSONField] = []) {
        self.id = id; self.number = number; self.chapter = chapter; self.text = text
        self.goal = goal; self.mainTasks = mainTasks
        self.leaders = leaders; self.leadUnits = leadUnits; self.coUnits = coUnits
        self.deadline = deadline; self.deadlineAssumed = deadlineAssumed; self.startDate = startDate
        self.status = status; self.statusInferred = statusInferred; self.progress = progress
        self.remarks = remarks; self.history = history; self.extra = extra
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
    public var extra: [JSONField]

    public init(formatVersion: Int = Plan.currentFormatVersion, title: String, issuer: String? = nil,
                documentNumber: String? = nil, issueDate: PlanDate? = nil, year: Int? = nil,
                source: String? = nil, chapters: [Chapter] = [], tasks: [PlanTask] = [],
                units: [Unit] = [], extra: [JSONField] = []) {
        self.formatVersion = formatVersion; self.title = title; self.issuer = issuer
        self.documentNumber = documentNumber; self.issueDate = issueDate; self.year = year
        self.source = source; self.chapters = chapters; self.tasks = tasks
        self.units = units; self.extra = extra
    }

    /// The day a task's period starts when it has no start date of its own:
    /// the first of January of the plan year, else the issue date.
    public var periodStart: PlanDate? {
        if let year, let d = PlanDate.startOfYear(year) { return d }
        return issueDate
    }
}
