import DubanCore

/// What the reduce knows of the plan file behind the dashboard: facts the loop copies
/// from the `PlanSession` after every effect (the reduce never touches the session).
public struct SessionFacts {
    /// The plan's file; nil for a plan not saved yet (or a dashboard without a session).
    public var path: String?
    /// An earlier session's unsaved changes waiting in the journal (the recovery dialog).
    public var pending: JournalPending?
    /// Changes replayed into a rebuilt store (which has no undo history to count them by).
    public var recoveredUnsaved = 0
    public init(path: String? = nil, pending: JournalPending? = nil, recoveredUnsaved: Int = 0) {
        self.path = path; self.pending = pending; self.recoveredUnsaved = recoveredUnsaved
    }

    public init(_ s: PlanSession) {
        self.init(path: s.path, pending: s.journal?.found, recoveredUnsaved: s.recoveredUnsaved)
    }
}

/// Everything the dashboard shows, as a value: `reduce` changes it (Reduce.swift), the
/// loop runs the effects it asks for (Dashboard.swift), `Renderer.render` only reads it.
/// Derived lists (chapter rows, the task list, workload rows, the detail lines on
/// screen) are computed by `refresh` when what they depend on changes, against the
/// store's revision, so a key press costs the rows on screen, not the size of the plan.
///
/// The store is a reference: only effects change it (through the session's journal),
/// and the reduce that follows refreshes what depends on it.
public struct DashboardState {
    /// Replaced (not only changed) by a recovery, a reload or a merge: `replaceStore`.
    public private(set) var store: PlanStore
    public let strings: Strings
    public var keymap: Keymap
    /// The plan file, as far as the reduce needs to know it.
    public var session = SessionFacts()
    /// issue 15, pgtui: the shared plan (a database) behind the dashboard, when it is one.
    public var shared: SharedFacts?
    /// The task selected when the loop woke, kept selected after the changes come in.
    var selectionBeforeSync: String?
    /// Why nothing can be changed, when nothing can.
    public var readOnlyReason: ReadOnlyReason?
    public var readOnly: Bool { readOnlyReason != nil }
    /// Where `w` saves; nil asks for a file name.
    public var savePath: String?
    /// Offered when asking for a file name.
    public var suggestedSavePath: String

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
    /// Tasks marked with Space (ids): edits apply to every one of them.
    public var marked = Set<String>()
    /// How many store edits each undo step holds (a change to marked tasks is one step of
    /// several edits), newest last; an edit the list does not know of is a step of one.
    var undoGroups: [Int] = []
    var redoGroups: [Int] = []
    /// issue 14, sheetsdash: a merge is open (`merge --resolve`): its edits and the
    /// conflicts' chosen values are one undo step (State/MergeConflicts.swift).
    var mergeJoining = false
    var mergeHasGroup = false
    /// What `/` narrowed the chapters and the workload pane to (by name), per pane.
    public var narrowing: [Pane: String] = [:]
    public var taskSort: TaskSort = .documentOrder
    /// The sort turned round (`O`): shown ↑ beside the column instead of ↓.
    public var taskSortReversed = false
    /// The lines Tab in the `:` command line goes through when a name had several matches.
    var commandCycle: [String] = []
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
    /// issue 13, tuicycle: the current period's 未报送 (cached per revision) and the trend chart toggle.
    let cycleCache = CycleCache()
    public var workloadTrends = false

    // MARK: derived (refresh)

    public private(set) var chapterRows: [ChapterRow] = []
    /// The tasks listed (plan indexes), for the selected chapter, filters and search.
    public private(set) var taskList: [Int] = []
    public private(set) var workloadRows: [(name: String, tally: Tally)] = []
    /// The detail pane's lines on screen, laid out for its width and offset.
    private(set) var detail: DetailView?

    private var storeID: ObjectIdentifier
    private var chapterRowsFolded: Set<String>?
    private var chapterRowsNarrowed = ""
    private var scopeCandidates: [Scope: [Int]] = [:]
    private var taskListKey: (key: TaskListKey, revision: Int)?
    private var workloadKey: (revision: Int, mode: WorkloadMode, sort: PlanStore.WorkloadSort, needle: String)?
    private var detailKey: (task: Int, width: Int, revision: Int)?
    private var detailLayoutCache: DetailLayout?

    public init(store: PlanStore, strings: Strings, keymap: Keymap = Keymap(), readOnly: Bool = false,
                savePath: String? = nil, suggestedSavePath: String = "duban-plan.json", width: Int = 80, height: Int = 24) {
        self.store = store; self.strings = strings; self.keymap = keymap; self.readOnlyReason = readOnly ? .requested : nil
        self.savePath = savePath; self.suggestedSavePath = suggestedSavePath
        self.layout = Layout.compute(width: width, height: height, focus: .tasks)
        self.storeID = ObjectIdentifier(store)
        refresh()
    }

    public var editDate: PlanDate { store.rules.asOf }

    /// Whether anything is not saved: the store's edits, or changes replayed into a
    /// rebuilt store (which has no undo history to count them by).
    public var hasUnsavedChanges: Bool { store.isDirty || session.recoveredUnsaved > 0 }

    /// How many changes are not saved, for the title line and the quit question.
    public var unsavedCount: Int { store.unsavedEdits.count + session.recoveredUnsaved }

    /// Puts another store in place (recovered, reloaded or merged) and forgets every list
    /// derived from the old one; the selection stays where it was, clamped.
    mutating func replaceStore(_ s: PlanStore) {
        store = s
        storeID = ObjectIdentifier(s)
        chapterRowsFolded = nil
        scopeCandidates = [:]
        taskListKey = nil
        workloadKey = nil
        detailKey = nil
        detailLayoutCache = nil
        undoGroups = []; redoGroups = []
        marked = marked.filter { s.index(ofID: $0) != nil }
        refresh()
    }

    // MARK: chapters

    public var scope: Scope {
        guard chapterList.selected < chapterRows.count else { return .all }
        return chapterRows[chapterList.selected].scope
    }

    public func tally(for scope: Scope) -> Tally {
        switch scope {
        case .all: return store.totals
        case .chapter(let id): return store.tally(forChapter: id)
        case .unchaptered: return store.unchapteredTally
        }
    }

    private mutating func refreshChapterRows() {
        let needle = (narrowing[.chapters] ?? "").lowercasedASCIIForPicker
        if chapterRowsFolded == folded && chapterRowsNarrowed == needle { return }
        var rows = [ChapterRow(scope: .all, depth: 0, hasChildren: false, folded: false)]
        let chapters = store.plan.chapters
        let store = self.store, folded = self.folded
        func walk(_ parent: String, _ depth: Int) {
            for k in store.childChapters[parent] ?? [] {
                let c = chapters[k]
                let kids = !(store.childChapters[c.id] ?? []).isEmpty
                let isFolded = folded.contains(c.id)
                // Narrowed by `/`: every chapter whose label or title holds the text, folds
                // opened, so a match is never hidden under a folded parent.
                if needle.isEmpty || (c.label + c.title).lowercasedASCIIForPicker.contains(needle) {
                    rows.append(ChapterRow(scope: .chapter(c.id), depth: depth, hasChildren: kids, folded: isFolded && needle.isEmpty))
                }
                if kids && (!isFolded || !needle.isEmpty) && depth < 16 { walk(c.id, depth + 1) }
            }
        }
        walk("", 0)
        if store.unchapteredTally.led > 0 && !chapters.isEmpty {
            rows.append(ChapterRow(scope: .unchaptered, depth: 0, hasChildren: false, folded: false))
        }
        chapterRows = rows
        chapterRowsFolded = folded
        chapterRowsNarrowed = needle
    }

    // MARK: the task list

    /// The tasks of a scope in document order; kept for good, since no edit moves a task
    /// to another chapter.
    private mutating func candidates(_ s: Scope) -> [Int] {
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
        var reversed: Bool
    }

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
    private static func dependsOnEdits(_ k: TaskListKey) -> Bool {
        let f = k.filter
        return !f.statuses.isEmpty || f.overdueOnly || f.dueSoonOnly || f.minimumLight != nil
            || k.sort == .deadline || k.sort == .status || k.sort == .daysOverdue || k.sort == .light
    }

    private mutating func refreshTaskList() {
        let key = TaskListKey(scope: effectiveScope, filter: effectiveFilter, sort: taskSort, reversed: taskSortReversed)
        if let c = taskListKey, c.key == key, c.revision == store.revision || !Self.dependsOnEdits(key) { return }
        let base = candidates(key.scope)
        var list: [Int]
        if key.filter.isEmpty {
            list = store.ordered(base, by: key.sort)
        } else if let c = taskListKey, c.revision == store.revision, c.key.scope == key.scope, c.key.sort == key.sort,
                  c.key.reversed == key.reversed, Self.narrows(c.key.filter, to: key.filter) {
            // One more character typed into the search: look only at the last matches.
            list = store.query(key.filter, sort: key.sort, within: key.reversed ? taskList.reversed() : taskList)
        } else {
            // The whole plan: let the store start from its own indexes (unit, leader, status).
            list = key.scope == .all ? store.query(key.filter, sort: key.sort)
                : store.query(key.filter, sort: key.sort, within: base)
        }
        taskList = key.reversed ? list.reversed() : list
        taskListKey = (key, store.revision)
    }

    private static func narrows(_ a: TaskFilter, to b: TaskFilter) -> Bool {
        var a2 = a; a2.text = b.text
        return a2 == b && b.text.hasPrefix(a.text) && !a.text.isEmpty
    }

    /// The index (into the plan) of the selected task, if the list is not empty.
    public var selectedTask: Int? {
        guard !taskList.isEmpty else { return nil }
        return taskList[min(max(taskListState.selected, 0), taskList.count - 1)]
    }

    /// Selects a task in the list by its plan index; false when it is not listed.
    @discardableResult
    public mutating func select(taskIndex: Int) -> Bool {
        refresh()
        guard let p = taskList.firstIndex(of: taskIndex) else { return false }
        taskListState.selected = p
        detailOffset = 0
        refresh()
        return true
    }

    // MARK: workload rows

    private mutating func refreshWorkloadRows() {
        let needle = (narrowing[.workload] ?? "").lowercasedASCIIForPicker
        if let c = workloadKey, c.revision == store.revision, c.mode == workloadMode, c.sort == workloadSort,
           c.needle == needle, storeID == ObjectIdentifier(store) { return }
        let all = workloadMode == .units ? store.unitWorkload(sortedBy: workloadSort) : store.leaderWorkload(sortedBy: workloadSort)
        // Narrowed by `/`: the units (or leaders) whose name holds the text.
        workloadRows = needle.isEmpty ? all : all.filter { $0.name.lowercasedASCIIForPicker.contains(needle) }
        workloadKey = (store.revision, workloadMode, workloadSort, needle)
    }

    // MARK: the detail

    /// Lays out the selected task's detail for the pane's width (kept until the plan,
    /// the task or the width changes) and takes the lines on screen at the offset, which
    /// it clamps: a huge field is counted only as far as the lines shown, no further.
    private mutating func refreshDetail() {
        guard let r = layout.panes[.detail], let i = selectedTask else { detail = nil; return }
        let inner = r.inner
        guard !inner.isEmpty else { detail = nil; return }
        if detailKey == nil || detailKey?.task != i || detailKey?.width != inner.width || detailKey?.revision != store.revision
            || detailLayoutCache == nil {
            detailLayoutCache = DetailPane.layout(self, task: i, width: inner.width)
            detailKey = (i, inner.width, store.revision)
        }
        guard let d = detailLayoutCache else { return }
        let off = d.clampedOffset(detailOffset, visible: inner.height)
        detailOffset = off
        let lines = d.lines(off..<(off + inner.height))
        detail = DetailView(task: i, offset: off, lines: lines, knownCount: d.knownCount, isComplete: d.isComplete)
    }

    /// The detail lines of a task at a width (all of them: tests and small tasks).
    func detailLines(task i: Int, width: Int) -> [DetailPane.Line] {
        DetailPane.layout(self, task: i, width: width).lines(0..<Int.max)
    }

    /// The selected task's lazily laid out detail (tests look at how much it laid out).
    var detailLayoutObject: DetailLayout? { detailLayoutCache }

    /// Lines of the detail known so far (for scrolling a step past them, never further).
    var detailKnownCount: Int? { detailLayoutCache?.knownCount }

    // MARK: sizes

    /// Rows of content a pane shows now (inside its border, below its header).
    public func visibleRows(_ pane: Pane) -> Int {
        guard let r = layout.panes[pane] else { return max(layout.body.height - 3, 1) }
        let header = (pane == .tasks || pane == .workload) ? 1 : 0
        return max(r.height - 2 - header, 1)
    }

    public mutating func resize(width: Int, height: Int) {
        layout = Layout.compute(width: width, height: height, focus: focus, lastList: lastList)
        refresh()
    }

    mutating func relayout() {
        layout = Layout.compute(width: layout.titleBar.width, height: layout.hintBar.maxY, focus: focus, lastList: lastList)
    }

    /// Brings every derived value up to date with the state, and keeps every selection
    /// inside its list and on screen. Cheap when nothing they depend on changed.
    public mutating func refresh() {
        if storeID != ObjectIdentifier(store) { replaceStore(store); return }
        refreshChapterRows()
        chapterList.clamp(count: chapterRows.count, visible: visibleRows(.chapters))
        refreshTaskList()
        taskListState.clamp(count: taskList.count, visible: visibleRows(.tasks))
        refreshWorkloadRows()
        workloadList.clamp(count: workloadRows.count, visible: visibleRows(.workload))
        refreshDetail()
        refreshModal()
    }

    /// The modal's own view state: the filter menu and picker lists clamped to the rows
    /// their boxes show, the editors scrolled so the cursor is in their field.
    private mutating func refreshModal() {
        switch modal {
        case .filterMenu(var ls):
            ls.clamp(count: FilterItem.allCases.count, visible: filterMenuRows)
            modal = .filterMenu(ls)
        case .picker(var ps):
            ps.list.clamp(count: ps.matches.count, visible: pickerRows)
            ps.editor.keepCursorVisible(width: pickerFieldWidth)
            modal = .picker(ps)
        case .editor(let purpose, var ed):
            ed.keepCursorVisible(width: editorFieldWidth)
            modal = .editor(purpose, ed)
        default:
            break
        }
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

/// The detail pane's lines on screen (what `DetailPane.draw` draws, nothing more).
struct DetailView {
    var task: Int
    var offset: Int
    var lines: [DetailPane.Line]
    /// Lines known (all of them when `isComplete`).
    var knownCount: Int
    var isComplete: Bool
}

// MARK: the boxes' sizes (the reduce and the widgets read the same numbers)

extension DashboardState {
    /// The filter menu's box: as tall as its items, never taller than the body.
    var filterMenuBox: Rect {
        let names = FilterItem.allCases.map { filterItemName($0) }
        let w = (names.map { DisplayWidth.of($0) }.max() ?? 10) + 10
        return Rect.centred(width: max(w, 30), height: FilterItem.allCases.count + 2, in: layout.body)
    }

    /// Rows of the filter menu shown at once (it scrolls when the screen is shorter).
    var filterMenuRows: Int { max(filterMenuBox.height - 2, 1) }

    var pickerBox: Rect { Rect.centred(width: 48, height: min(layout.body.height, 18), in: layout.body) }
    /// Names the picker shows at once (below its one-line field).
    var pickerRows: Int { max(pickerBox.height - 3, 1) }
    var pickerFieldWidth: Int { max(pickerBox.width - 4, 1) }

    /// The bottom line's prompt for the one-line editor.
    var editorPrompt: String {
        guard case .editor(let p, _) = modal else { return "" }
        switch p {
        case .search, .narrow: return "/"
        case .progress: return strings[.tuiPromptProgress]
        case .note: return strings[.tuiPromptNote]
        case .deadline: return strings[.tuiPromptDeadline]
        case .extensionDate: return strings[.tcPromptExtDate]
        case .extensionReason(_, let to): return strings.format(.tcPromptExtReason, to.iso)
        case .saveAs: return strings[.tuiPromptSaveAs]
        case .command: return ":"
        }
    }

    /// Where the one-line editor's field starts on the bottom line, and its width (room
    /// kept for an error message after it when there is one).
    var editorField: (x: Int, width: Int) {
        let r = layout.hintBar
        let x = r.x + min(Display.width(editorPrompt, upTo: r.width / 2), r.width / 2) + 1
        var w = r.maxX - x
        if let m = message, m.isError { w = max(w / 2, 8) }
        return (x, max(w, 2))
    }

    var editorFieldWidth: Int { editorField.width }
}

extension Rect {
    /// A box of at most that size, centred in `area`.
    static func centred(width: Int, height: Int, in area: Rect) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }
}
