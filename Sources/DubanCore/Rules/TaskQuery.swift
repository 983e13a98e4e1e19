/// Which tasks to show: every condition given must hold.
public struct TaskFilter: Hashable, Sendable {
    public enum UnitRole: String, Hashable, Sendable, CaseIterable { case lead, co, either }

    /// Free text over number, text, units and leaders (ASCII case-insensitive).
    public var text: String
    /// Empty means any status.
    public var statuses: Set<TaskStatus>
    /// A unit under any of its names.
    public var unit: String?
    public var unitRole: UnitRole
    public var leader: String?
    /// The chapter and everything under it.
    public var chapter: String?
    public var overdueOnly: Bool
    public var dueSoonOnly: Bool
    /// Only tasks whose light is at least this (yellow: yellow or red).
    public var minimumLight: Light?

    public init(text: String = "", statuses: Set<TaskStatus> = [], unit: String? = nil,
                unitRole: UnitRole = .either, leader: String? = nil, chapter: String? = nil,
                overdueOnly: Bool = false, dueSoonOnly: Bool = false, minimumLight: Light? = nil) {
        self.text = text; self.statuses = statuses; self.unit = unit; self.unitRole = unitRole
        self.leader = leader; self.chapter = chapter; self.overdueOnly = overdueOnly
        self.dueSoonOnly = dueSoonOnly; self.minimumLight = minimumLight
    }

    public var isEmpty: Bool {
        text.isEmpty && statuses.isEmpty && unit == nil && leader == nil && chapter == nil
            && !overdueOnly && !dueSoonOnly && minimumLight == nil
    }
}

public enum TaskSort: String, Hashable, Sendable, CaseIterable {
    /// As in the document.
    case documentOrder
    /// Earliest deadline first; tasks without one last.
    case deadline
    /// Lagging, not started, in progress, done; document order within each.
    case status
    /// Most units (lead and co) first.
    case unitCount
    /// Most days overdue first; then red, yellow, green (the dashboard's 逾期 sort).
    case daysOverdue
    /// Red, yellow, green; document order within each.
    case light
    /// By the first lead unit's name (tasks without one last).
    case unit
}
