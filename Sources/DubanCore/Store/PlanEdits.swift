/// A task named by a person (a command's argument): by id, else by its number label, an
/// error when that number is not unique.
public enum TaskLookup: Equatable, Sendable { case found(Int), notFound, ambiguous([String]) }

extension Plan {
    /// `PlanStore.lookup`'s rule in one pass over the tasks, for a plan without a store.
    public func lookup(_ key: String) -> TaskLookup {
        var numbered: [Int] = []
        for i in tasks.indices {
            if tasks[i].id == key { return .found(i) }
            if tasks[i].number == key { numbered.append(i) }
        }
        if numbered.count == 1 { return .found(numbered[0]) }
        if numbered.isEmpty { return .notFound }
        return .ambiguous(numbered.map { tasks[$0].id })
    }
}

/// A plan's tasks looked up and edited one at a time, without a store's indexes, counts
/// and assessments: what `duban set` and `duban extend` do to a plan file (issue 16:
/// building the store of a 100k-task plan was a sixth of `set`'s time, for the edit of one
/// task). The store's rules: `lookup` as `PlanStore.lookup`, `apply` as `PlanStore.apply`
/// (both through `PlanTask.applying`); a test holds the two to the same results.
public struct PlanEdits {
    public private(set) var plan: Plan
    /// Whether an edit changed a task.
    public private(set) var isDirty = false
    let strings: Strings
    private var lastIndex = 0

    public init(_ plan: Plan, strings: Strings = Strings(.zh)) {
        self.plan = plan
        self.strings = strings
    }

    public func lookup(_ key: String) -> TaskLookup { plan.lookup(key) }
    public func task(at i: Int) -> PlanTask { plan.tasks[i] }

    /// Applies the edit to its task; false when it changed nothing (as the store's).
    @discardableResult
    public mutating func apply(_ edit: Edit) throws -> Bool {
        let i: Int
        if lastIndex < plan.tasks.count, plan.tasks[lastIndex].id == edit.taskID { i = lastIndex }
        else if let k = plan.tasks.firstIndex(where: { $0.id == edit.taskID }) { i = k }
        else { throw EditError.noSuchTask(edit.taskID) }
        lastIndex = i
        guard let after = try plan.tasks[i].applying(edit, strings: strings) else { return false }
        plan.tasks[i] = after
        isDirty = true
        return true
    }
}
