import DubanCore

/// Everything the dashboard shows, and the one place that changes it. Derived
/// lists (chapter rows, the task list, workload rows) are cached against the
/// store's revision and the inputs they depend on, so a key press costs the
/// rows on screen, not the size of the plan.
public final class DashboardState {
    /// Replaced (not only changed) by a recovery, a reload or a merge: `replaceStore`.
    public private(set) var store: PlanStore
    public let strings: Strings
    public var keymap: Keymap
    /// The plan file, its journal and why it is read-only; nil in tests that pass a saver.
    public var session: PlanSession?
    /// Why nothing can be changed, when nothing can.
    public var readOnlyReason: ReadOnlyReason?
    public var readOnly: Bool { readOnlyReason != nil }
    /// Where `w` saves; nil asks for a file name.
    public var savePath: String?
    /// Offered when asking for a file name.
    public var suggestedSavePath: String
    /// Writes the plan; throws an error whose description is shown.
    public var saver: (Plan, String) throws -> Void

    public var focus: Pane = .tasks
    /// The last list pane focused (for the two-pane layout and Esc from the detail).
    public var lastList: Pane = .tasks
    /// The pane Enter came from into the tasks pane, for Esc.
    public var cameFrom: Pane = .chapters
    public var layout: Layout

    public var chapterList = ListState()
    public var taskListState = ListState()
    public var workloadList = ListState()
    public var detailOffset = 0
    public var folded = Set<String>()

    public var filter = TaskFilter()
    public var searchText = ""
    public var taskSort: TaskSort = .documentOrder
    public var workloadMode: WorkloadMode = .units
    public var workloadSort: PlanStore.WorkloadSort = .led

    public var modal: Modal = .none
    public var message: StatusMessage?
    /// Who the dashboard's edits are written by in the history (DUBAN_AUTHOR, else the login name).
    public var author: String?
    /// How long a save waits for the plan's lock while another writer (a `duban set`)
    /// saves it; then it says who holds it and keeps every edit.
    public var planLockWait: Double = 2
    public var quitRequested = false
    public var problems: [FileProblem] = []
    var detailCache: (task: Int, width: Int, revision: Int, layout: DetailLayout)?

    public init(store: PlanStore, strings: Strings, keymap: Keymap = Keymap(), readOnly: Bool = false,
                savePath: String? = nil, suggestedSavePath: String = "duban-plan.json",
                saver: @escaping (Plan, String) throws -> Void, width: Int = 80, height: Int = 24) {
        self.store = store; self.strings = strings; self.keymap = keymap; self.readOnlyReason = readOnly ? .requested : nil
        self.savePath = savePath; self.suggestedSavePath = suggestedSavePath; self.saver = saver
        self.layout = Layout.compute(width: width, height: height, focus: .tasks)
    }

    public var editDate: PlanDate { store.rules.asOf }

    /// Whether anything is not saved: the store's edits, or changes replayed into a
    /// rebuilt store (which has no undo history to count them by).
    public var hasUnsavedChanges: Bool { store.isDirty || (session?.recoveredUnsaved ?? 0) > 0 }

    /// How many changes are not saved, for the title line and the quit question.
    public var unsavedCount: Int { store.unsavedEdits.count + (session?.recoveredUnsaved ?? 0) }

    /// Puts another store in place (recovered, reloaded or merged) and forgets every list
    /// derived from the old one; the selection stays where it was, clamped.
    func replaceStore(_ s: PlanStore) {
        store = s
        chapterRowsCache = nil
        scopeCandidates = [:]
        taskListCache = nil
        workloadCache = nil
        detailCache = nil
        clampAll()
    }

    // MARK: chapter rows

    private var chapterRowsCache: [ChapterRow]?
    private var chapterRowsFolded: Set<String> = []

    public var chapterRows: [ChapterRow] {
        if let c = chapterRowsCache, chapterRowsFolded == folded { return c }
        var rows = [ChapterRow(scope: .all, depth: 0, hasChildren: false, folded: false)]
        let chapters = store.plan.chapters
        func walk(_ parent: String, _ depth: Int) {
            for k in store.childChapters[parent] ?? [] {
                let c = chapters[k]
                let kids = !(store.childChapters[c.id] ?? []).isEmpty
                let isFolded = folded.contains(c.id)
                rows.append(ChapterRow(scope: .chapter(c.id), depth: depth, hasChildren: kids, folded: isFolded))
                if kids && !isFolded && depth < 16 { walk(c.id, depth + 1) }
            }
        }
        walk("", 0)
        if store.unchapteredTally.led > 0 && !chapters.isEmpty {
            rows.append(ChapterRow(scope: .unchaptered, depth: 0, hasChildren: false, folded: false))
        }
        chapterRowsCache = rows
        chapterRowsFolded = folded
        return rows
    }

    public var scope: Scope {
        let rows = chapterRows
        guard chapterList.selected < rows.count else { return .all }
        return rows[chapterList.selected].scope
    }

    public func tally(for scope: Scope) -> Tally {
        switch scope {
        case .all: return store.totals
        case .chapter(let id): return store.tally(forChapter: id)
        case .unchaptered: return store.unchapteredTally
        }
    }

    // MARK: the task list

    private var scopeCandidates: [Scope: [Int]] = [:]

    /// The tasks of a scope in document order; cached for good, since no edit moves
    /// a task to another chapter.
    func candidates(_ s: Scope) -> [Int] {
        if let c = scopeCandidates[s] { return c }
        let c: [Int]
        switch s {
        case .all: c = Array(0..<store.taskCount)
        case .chapter(let id): c = store.tasks(inChapterTree: id)
        case .unchaptered: c = store.tasksByChapter[""] ?? []
        }
        scopeCandidates[s] = c
        return c
    }

    private struct TaskListKey: Equatable {
        var scope: Scope
        var filter: TaskFilter
        var sort: TaskSort
    }
    private var taskListCache: (key: TaskListKey, revision: Int, list: [Int])?

    /// The filter the list is computed with: the filters, plus the search text.
    public var effectiveFilter: TaskFilter {
        var f = filter
        f.text = searchText
        return f
    }

    /// The search covers every task; otherwise the list shows the selected chapter.
    public var effectiveScope: Scope { searchText.isEmpty ? scope : .all }

    /// Whether the list must be recomputed after an edit: only if what it depends on
    /// can change with a status, progress or deadline.
    private func dependsOnEdits(_ k: TaskListKey) -> Bool {
        let f = k.filter
        return !f.statuses.isEmpty || f.overdueOnly || f.dueSoonOnly || f.minimumLight != nil
            || k.sort == .deadline || k.sort == .status
    }

    public var taskList: [Int] {
        let key = TaskListKey(scope: effectiveScope, filter: effectiveFilter, sort: taskSort)
        if let c = taskListCache, c.key == key, c.revision == store.revision || !dependsOnEdits(key) {
            return c.list
        }
        let base = candidates(key.scope)
        var list: [Int]
        if key.filter.isEmpty {
            list = store.ordered(base, by: key.sort)
        } else if let c = taskListCache, c.revision == store.revision, c.key.scope == key.scope, c.key.sort == key.sort,
                  narrows(c.key.filter, to: key.filter) {
            // One more character typed into the search: look only at the last matches.
            list = store.query(key.filter, sort: key.sort, within: c.list)
        } else {
            // The whole plan: let the store start from its own indexes (unit, leader, status).
            list = key.scope == .all ? store.query(key.filter, sort: key.sort)
                : store.query(key.filter, sort: key.sort, within: base)
        }
        taskListCache = (key, store.revision, list)
        return list
    }

    private func narrows(_ a: TaskFilter, to b: TaskFilter) -> Bool {
        var a2 = a; a2.text = b.text
        return a2 == b && b.text.hasPrefix(a.text) && !a.text.isEmpty
    }

    /// The index (into the plan) of the selected task, if the list is not empty.
    public var selectedTask: Int? {
        let l = taskList
        guard !l.isEmpty else { return nil }
        return l[min(max(taskListState.selected, 0), l.count - 1)]
    }

    /// Selects a task in the list by its plan index; false when it is not listed.
    @discardableResult
    public func select(taskIndex: Int) -> Bool {
        guard let p = taskList.firstIndex(of: taskIndex) else { return false }
        taskListState.selected = p
        detailOffset = 0
        return true
    }

    // MARK: workload rows

    private var workloadCache: (revision: Int, mode: WorkloadMode, sort: PlanStore.WorkloadSort, rows: [(name: String, tally: Tally)])?

    public var workloadRows: [(name: String, tally: Tally)] {
        if let c = workloadCache, c.revision == store.revision, c.mode == workloadMode, c.sort == workloadSort { return c.rows }
        let rows = workloadMode == .units ? store.unitWorkload(sortedBy: workloadSort) : store.leaderWorkload(sortedBy: workloadSort)
        workloadCache = (store.revision, workloadMode, workloadSort, rows)
        return rows
    }

    // MARK: sizes

    /// Rows of content a pane shows now (inside its border, below its header).
    public func visibleRows(_ pane: Pane) -> Int {
        guard let r = layout.panes[pane] else { return max(layout.body.height - 3, 1) }
        let header = (pane == .tasks || pane == .workload) ? 1 : 0
        return max(r.height - 2 - header, 1)
    }

    public func resize(width: Int, height: Int) {
        layout = Layout.compute(width: width, height: height, focus: focus, lastList: lastList)
        clampAll()
    }

    func relayout() {
        layout = Layout.compute(width: layout.titleBar.width, height: layout.hintBar.maxY, focus: focus, lastList: lastList)
    }

    func clampAll() {
        chapterList.clamp(count: chapterRows.count, visible: visibleRows(.chapters))
        taskListState.clamp(count: taskList.count, visible: visibleRows(.tasks))
        workloadList.clamp(count: workloadRows.count, visible: visibleRows(.workload))
    }

    public var activeFilterCount: Int {
        var n = filter.statuses.count
        if filter.overdueOnly { n += 1 }
        if filter.dueSoonOnly { n += 1 }
        if filter.minimumLight != nil { n += 1 }
        if filter.unit != nil { n += 1 }
        if filter.leader != nil { n += 1 }
        return n
    }
}
