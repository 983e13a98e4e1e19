import DubanCore

/// What the loop must do after an event.
public enum Effect: Equatable {
    case none
    case quit(Int32)
    case suspend
    case redraw
}

extension DashboardState {
    static let paneOrder: [Pane] = [.chapters, .tasks, .detail, .workload]

    /// One event in, the state changed, and what the loop must do.
    public func handle(_ event: Event) -> Effect {
        let effect: Effect
        switch event {
        case .key(let k):
            message = nil
            effect = handleKey(k)
        case .mouse(let m):
            effect = handleMouse(m)
        case .resize, .resumed:
            effect = .redraw
        }
        relayout()
        clampAll()
        return effect
    }

    // MARK: keys

    func handleKey(_ key: Key) -> Effect {
        switch modal {
        case .none:
            guard let a = keymap.action(for: key, in: focus.chain) else { return .none }
            return perform(a)
        case .editor(let purpose, var ed):
            let a = keymap.action(for: key, in: [.editor])
            switch a {
            case .editorAccept?: return acceptEditor(purpose, ed)
            case .editorCancel?:
                if case .search(let previous) = purpose { searchText = previous; taskListState = ListState() }
                modal = .none
                return .none
            case let a? where ed.apply(a):
                break
            default:
                if case .char(let c) = key { ed.insert(c) } else { return .none }
            }
            modal = .editor(purpose, ed)
            if case .search = purpose, searchText != ed.text {
                searchText = ed.text
                taskListState = ListState()
                detailOffset = 0
            }
            return .none
        case .filterMenu(var sel):
            let items = filterMenuItems
            switch keymap.action(for: key, in: [.menu]) {
            case .menuUp?: sel = (sel + items.count - 1) % items.count
            case .menuDown?: sel = (sel + 1) % items.count
            case .menuToggle?: toggleFilterItem(items[sel]); if case .picker = modal { return .none }
            case .menuClose?: modal = .none; return .none
            default: break
            }
            modal = .filterMenu(selected: sel)
            return .none
        case .picker(var ps):
            let matches = ps.matches
            switch keymap.action(for: key, in: keyChain) {
            case .pickerAccept?:
                if !matches.isEmpty {
                    let name = matches[min(ps.list.selected, matches.count - 1)]
                    if ps.kind == .unit { filter.unit = name } else { filter.leader = name }
                    taskListState = ListState()
                    message = StatusMessage(text: strings.format(.tuiFilterSet, name), isError: false)
                }
                modal = .none
                return .none
            case .pickerBack?:
                modal = .filterMenu(selected: ps.kind == .unit ? FilterItem.allCases.firstIndex(of: .unit) ?? 0
                                    : FilterItem.allCases.firstIndex(of: .leader) ?? 0)
                return .none
            case .pickerUp?: ps.list.move(by: -1, count: matches.count, visible: 10)
            case .pickerDown?: ps.list.move(by: 1, count: matches.count, visible: 10)
            case let a? where ps.editor.apply(a): ps.list = ListState()
            default:
                if case .char(let c) = key { ps.editor.insert(c); ps.list = ListState() }
            }
            modal = .picker(ps)
            return .none
        case .confirmQuit:
            switch keymap.action(for: key, in: [.confirm]) {
            case .confirmYes?:
                modal = .none
                if let p = savePath {
                    if save(to: p, thenQuit: true) { quitRequested = true; return .quit(0) }
                    return .none
                }
                modal = .editor(.saveAs(thenQuit: true), LineEditor(suggestedSavePath))
                return .none
            case .confirmNo?:
                session?.discardOnClose = true
                quitRequested = true
                return .quit(0)
            case .confirmCancel?:
                modal = .none
            default: break
            }
            return .none
        case .dialog(let d):
            return handleDialog(key, d)
        case .help(var off):
            let total = helpLines().count
            let page = max(layout.body.height - 2, 1)
            switch keymap.action(for: key, in: [.help]) {
            case .helpClose?: modal = .none; return .none
            case .helpUp?: off -= 1
            case .helpDown?: off += 1
            case .helpPageUp?: off -= page
            case .helpPageDown?: off += page
            default: break
            }
            modal = .help(offset: min(max(off, 0), max(total - page, 0)))
            return .none
        }
    }

    func acceptEditor(_ purpose: EditorPurpose, _ ed: LineEditor) -> Effect {
        let text = ed.text.trimmingSpaces
        switch purpose {
        case .search:
            modal = .none
            searchText = ed.text
            taskListState = ListState()
            if !searchText.isEmpty {
                setFocus(.tasks)
                let n = taskList.count
                message = n == 0 ? StatusMessage(text: strings.format(.tuiNoMatch, searchText), isError: true)
                    : StatusMessage(text: strings.format(.tuiMatches, n), isError: false)
            }
        case .progress(let id):
            var digits = text
            if digits.hasSuffix("%") || digits.hasSuffix("％") { digits.removeLast() }
            guard let p = Int(digits), (0...100).contains(p) else {
                message = StatusMessage(text: strings.format(.badProgress, text), isError: true)
                return .none  // keep the editor open
            }
            modal = .none
            applyEdit(.setProgress(p), taskID: id)
        case .note(let id):
            modal = .none
            if text.isEmpty { return .none }
            applyEdit(.addNote(text), taskID: id)
        case .deadline(let id):
            if text.isEmpty || text == "-" {
                modal = .none
                applyEdit(.setDeadline(nil), taskID: id)
                return .none
            }
            guard let d = PlanDate(iso: text) else {
                message = StatusMessage(text: strings.format(.badDate, text), isError: true)
                return .none
            }
            modal = .none
            applyEdit(.setDeadline(d), taskID: id)
        case .saveAs(let thenQuit):
            guard !text.isEmpty else { return .none }
            modal = .none
            if save(to: text, thenQuit: thenQuit) {
                savePath = text
                if thenQuit { quitRequested = true; return .quit(0) }
            }
        }
        return .none
    }

    // MARK: actions

    /// The facts the bindings' disabled reasons are judged on.
    public var availability: Availability {
        Availability(readOnly: readOnlyReason, hasSelectedTask: selectedTask != nil,
                     hasUnsavedChanges: hasUnsavedChanges, hasNoFile: savePath == nil)
    }

    /// The contexts a key is looked up in now: the focused pane's chain, or the open
    /// modal's own contexts.
    public var keyChain: [Context] {
        switch modal {
        case .none: return focus.chain
        case .editor: return [.editor]
        case .filterMenu: return [.menu]
        case .picker: return [.picker, .editor]
        case .confirmQuit: return [.confirm]
        case .help: return [.help]
        case .dialog(let d): return [d.kind.context, .dialog]
        }
    }

    func perform(_ a: Action) -> Effect {
        if let why = availability.disabledReason(a) {
            message = StatusMessage(text: why.refusal(strings), isError: why != .nothingToSave)
            return .none
        }
        switch a {
        case .quit, .interrupt:
            if hasUnsavedChanges { modal = .confirmQuit; return .none }
            quitRequested = true
            return .quit(0)
        case .save:
            if let p = savePath { save(to: p) } else { modal = .editor(.saveAs(thenQuit: false), LineEditor(suggestedSavePath)) }
        case .undo:
            do {
                if let e = try journaledUndo() {
                    select(taskIndex: e.index)
                    message = StatusMessage(text: strings.format(.tuiUndone, e.after.history.last?.note ?? ""), isError: false)
                } else { message = StatusMessage(text: strings[.tuiNothingToUndo], isError: false) }
            } catch {
                message = StatusMessage(text: strings.format(.tuiJournalFailed, strings.describe(error)), isError: true)
            }
        case .redo:
            do {
                if let e = try journaledRedo() {
                    select(taskIndex: e.index)
                    message = StatusMessage(text: strings.format(.tuiRedone, e.after.history.last?.note ?? ""), isError: false)
                } else { message = StatusMessage(text: strings[.tuiNothingToRedo], isError: false) }
            } catch {
                message = StatusMessage(text: strings.format(.tuiJournalFailed, strings.describe(error)), isError: true)
            }
        case .help: modal = .help(offset: 0)
        case .search: modal = .editor(.search(previous: searchText), LineEditor(searchText))
        case .filterMenu: modal = .filterMenu(selected: 0)
        case .clearFilters:
            filter = TaskFilter(); searchText = ""; taskListState = ListState()
            message = StatusMessage(text: strings[.tuiFiltersCleared], isError: false)
        case .nextPane, .prevPane:
            let order = Self.paneOrder
            let i = order.firstIndex(of: focus) ?? 0
            setFocus(order[(i + (a == .nextPane ? 1 : order.count - 1)) % order.count])
        case .paneLeft, .paneRight:
            if layout.mode == .four, let p = layout.neighbour(of: focus, left: a == .paneLeft) { setFocus(p) }
            else if layout.mode != .four { return perform(a == .paneLeft ? .prevPane : .nextPane) }
        case .redraw: return .redraw
        case .suspend: return .suspend
        case .nextMatch, .prevMatch:
            guard !searchText.isEmpty else { message = StatusMessage(text: strings[.tuiNoSearch], isError: false); return .none }
            let n = taskList.count
            guard n > 0 else { message = StatusMessage(text: strings.format(.tuiNoMatch, searchText), isError: true); return .none }
            if focus != .tasks && focus != .detail { setFocus(.tasks) }
            taskListState.selected = (taskListState.selected + (a == .nextMatch ? 1 : n - 1)) % n
            detailOffset = 0
            message = StatusMessage(text: strings.format(.tuiMatchPosition, taskListState.selected + 1, n), isError: false)
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -visibleRows(focus))
        case .pageDown: move(by: visibleRows(focus))
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .open: open()
        case .back: back()
        case .toggleFold:
            let rows = chapterRows
            if chapterList.selected < rows.count, case .chapter(let id) = rows[chapterList.selected].scope,
               rows[chapterList.selected].hasChildren {
                if folded.contains(id) { folded.remove(id) } else { folded.insert(id) }
            }
        case .cycleTaskSort:
            let all = TaskSort.allCases
            taskSort = all[((all.firstIndex(of: taskSort) ?? 0) + 1) % all.count]
            let keep = selectedTask
            if let keep { select(taskIndex: keep) }
            message = StatusMessage(text: strings.format(.tuiSortedBy, taskSortName(taskSort)), isError: false)
        case .cycleWorkloadSort:
            let all = PlanStore.WorkloadSort.allCases
            workloadSort = all[((all.firstIndex(of: workloadSort) ?? 0) + 1) % all.count]
            workloadList = ListState()
            message = StatusMessage(text: strings.format(.tuiSortedBy, workloadSortName(workloadSort)), isError: false)
        case .toggleUnitsLeaders:
            workloadMode = workloadMode == .units ? .leaders : .units
            workloadList = ListState()
        case .cycleStatus:
            if let i = selectedTask { applyEdit(.setStatus(store.task(at: i).status.next), taskID: store.task(at: i).id) }
        case .setNotStarted: setStatus(.notStarted)
        case .setInProgress: setStatus(.inProgress)
        case .setDone: setStatus(.done)
        case .setLagging: setStatus(.lagging)
        case .setProgress:
            if let i = selectedTask {
                let t = store.task(at: i)
                modal = .editor(.progress(taskID: t.id), LineEditor(String(t.progress)))
            }
        case .addNote:
            if let i = selectedTask { modal = .editor(.note(taskID: store.task(at: i).id), LineEditor()) }
        case .editDeadline:
            if let i = selectedTask {
                let t = store.task(at: i)
                modal = .editor(.deadline(taskID: t.id), LineEditor(t.deadline?.iso ?? ""))
            }
        default:
            break
        }
        return .none
    }

    func setStatus(_ s: TaskStatus) {
        if let i = selectedTask { applyEdit(.setStatus(s), taskID: store.task(at: i).id) }
    }

    func applyEdit(_ cmd: EditCommand, taskID: String) {
        if let why = availability.reason(.writable) { message = StatusMessage(text: why.refusal(strings), isError: true); return }
        let edit = Edit(taskID: taskID, command: cmd, date: editDate)
        do {
            // Through the journal: appended and flushed before the store makes the change.
            let changed = try session?.journal.map { try $0.apply(edit, to: store) } ?? store.apply(edit)
            if changed, let i = store.index(ofID: taskID) {
                if !select(taskIndex: i) { taskListState.clamp(count: taskList.count, visible: visibleRows(.tasks)) }
                message = StatusMessage(text: store.task(at: i).history.last?.note ?? "", isError: false)
            } else {
                message = StatusMessage(text: strings[.tuiNoChange], isError: false)
            }
        } catch let e as JournalError {
            message = StatusMessage(text: strings.format(.tuiJournalFailed, strings.describe(e)), isError: true)
        } catch {
            message = StatusMessage(text: strings.describe(error), isError: true)
        }
    }

    /// Undo, journaled first when there is a journal.
    func journaledUndo() throws -> PlanStore.AppliedEdit? {
        if let j = session?.journal { return try j.undo(in: store) }
        return store.undo()
    }

    func journaledRedo() throws -> PlanStore.AppliedEdit? {
        if let j = session?.journal { return try j.redo(in: store) }
        return store.redo()
    }

    func setFocus(_ p: Pane) {
        if p != .detail { lastList = p }
        focus = p
    }

    func move(by n: Int) {
        switch focus {
        case .chapters:
            let before = scope
            chapterList.move(by: n, count: chapterRows.count, visible: visibleRows(.chapters))
            if scope != before { taskListState = ListState(); detailOffset = 0 }
        case .tasks:
            taskListState.move(by: n, count: taskList.count, visible: visibleRows(.tasks))
            detailOffset = 0
        case .workload:
            workloadList.move(by: n, count: workloadRows.count, visible: visibleRows(.workload))
        case .detail:
            detailOffset = max(0, detailOffset + max(min(n, 100_000), -100_000))
            // No further than one step past the lines counted so far: a huge field is
            // counted as it is scrolled, never all at once by key repeat.
            if let d = detailCache?.layout {
                detailOffset = min(detailOffset, max(0, d.knownCount - visibleRows(.detail)) + max(min(n, 100_000), 0))
            }
        }
    }

    func open() {
        switch focus {
        case .chapters:
            cameFrom = .chapters
            setFocus(.tasks)
        case .tasks:
            setFocus(.detail)
        case .workload:
            let rows = workloadRows
            guard workloadList.selected < rows.count else { return }
            let name = rows[workloadList.selected].name
            if workloadMode == .units { filter.unit = name; filter.leader = nil } else { filter.leader = name; filter.unit = nil }
            chapterList = ListState()
            taskListState = ListState()
            cameFrom = .workload
            setFocus(.tasks)
            message = StatusMessage(text: strings.format(.tuiFilterSet, name), isError: false)
        case .detail:
            break
        }
    }

    func back() {
        switch focus {
        case .detail: setFocus(.tasks)
        case .tasks:
            if !searchText.isEmpty { searchText = ""; taskListState = ListState() }
            else if cameFrom == .workload && (filter.unit != nil || filter.leader != nil) {
                filter.unit = nil; filter.leader = nil; taskListState = ListState(); setFocus(.workload)
            } else { setFocus(cameFrom) }
        case .chapters, .workload: break
        }
    }

    // MARK: mouse

    func handleMouse(_ m: MouseEvent) -> Effect {
        guard case .none = modal, let pane = layout.pane(atX: m.x, y: m.y), let r = layout.panes[pane] else { return .none }
        message = nil
        switch m.button {
        case .wheelUp, .wheelDown:
            let saved = focus
            focus = pane
            move(by: m.button == .wheelUp ? -3 : 3)
            focus = saved
        case .left:
            setFocus(pane)
            let header = (pane == .tasks || pane == .workload) ? 1 : 0
            let row = m.y - r.y - 1 - header
            guard row >= 0, row < visibleRows(pane) else { return .none }
            switch pane {
            case .chapters:
                let before = scope
                chapterList.selected = chapterList.offset + row
                chapterList.clamp(count: chapterRows.count, visible: visibleRows(.chapters))
                if scope != before { taskListState = ListState() }
            case .tasks:
                taskListState.selected = taskListState.offset + row
                taskListState.clamp(count: taskList.count, visible: visibleRows(.tasks))
                detailOffset = 0
            case .workload:
                workloadList.selected = workloadList.offset + row
                workloadList.clamp(count: workloadRows.count, visible: visibleRows(.workload))
            case .detail: break
            }
            if m.isDoubleClick { open() }
        }
        return .none
    }

    // MARK: filter menu

    public enum FilterItem: CaseIterable, Equatable {
        case notStarted, inProgress, done, lagging, overdue, dueSoon, redOnly, redOrYellow, unit, leader, clear
    }
    var filterMenuItems: [FilterItem] { FilterItem.allCases }

    public func isOn(_ item: FilterItem) -> Bool {
        switch item {
        case .notStarted: return filter.statuses.contains(.notStarted)
        case .inProgress: return filter.statuses.contains(.inProgress)
        case .done: return filter.statuses.contains(.done)
        case .lagging: return filter.statuses.contains(.lagging)
        case .overdue: return filter.overdueOnly
        case .dueSoon: return filter.dueSoonOnly
        case .redOnly: return filter.minimumLight == .red
        case .redOrYellow: return filter.minimumLight == .yellow
        case .unit: return filter.unit != nil
        case .leader: return filter.leader != nil
        case .clear: return false
        }
    }

    func toggleFilterItem(_ item: FilterItem) {
        func toggle(_ s: TaskStatus) { if filter.statuses.contains(s) { filter.statuses.remove(s) } else { filter.statuses.insert(s) } }
        switch item {
        case .notStarted: toggle(.notStarted)
        case .inProgress: toggle(.inProgress)
        case .done: toggle(.done)
        case .lagging: toggle(.lagging)
        case .overdue: filter.overdueOnly.toggle()
        case .dueSoon: filter.dueSoonOnly.toggle()
        case .redOnly: filter.minimumLight = filter.minimumLight == .red ? nil : .red
        case .redOrYellow: filter.minimumLight = filter.minimumLight == .yellow ? nil : .yellow
        case .unit:
            if filter.unit != nil { filter.unit = nil }
            else { modal = .picker(PickerState(kind: .unit, all: store.unitWorkload(sortedBy: .name).map(\.name))) }
        case .leader:
            if filter.leader != nil { filter.leader = nil }
            else { modal = .picker(PickerState(kind: .leader, all: store.leaderWorkload(sortedBy: .name).map(\.name))) }
        case .clear:
            filter = TaskFilter()
        }
        taskListState = ListState()
    }

    // MARK: names

    func taskSortName(_ s: TaskSort) -> String {
        switch s {
        case .documentOrder: return strings[.tuiSortDocument]
        case .deadline: return strings[.colDeadline]
        case .status: return strings[.colStatus]
        case .unitCount: return strings[.tuiSortUnitCount]
        }
    }

    func workloadSortName(_ s: PlanStore.WorkloadSort) -> String {
        switch s {
        case .name: return strings[.tuiSortName]
        case .led: return strings[.colTasks]
        case .overdue: return strings[.colOverdue]
        case .percentDone: return strings[.colPercentDone]
        case .red: return strings[.colRed]
        }
    }

    public func filterItemName(_ item: FilterItem) -> String {
        switch item {
        case .notStarted: return strings.status(.notStarted)
        case .inProgress: return strings.status(.inProgress)
        case .done: return strings.status(.done)
        case .lagging: return strings.status(.lagging)
        case .overdue: return strings[.tuiFilterOverdue]
        case .dueSoon: return strings[.tuiFilterDueSoon]
        case .redOnly: return strings[.tuiFilterRed]
        case .redOrYellow: return strings[.tuiFilterRedYellow]
        case .unit: return filter.unit.map { strings[.colUnit] + "：" + $0 } ?? strings[.tuiFilterUnit]
        case .leader: return filter.leader.map { strings[.colLeader] + "：" + $0 } ?? strings[.tuiFilterLeader]
        case .clear: return strings[.tuiFilterClear]
        }
    }

    /// The active filters in words, for the title line.
    public var filterSummary: String {
        var parts: [String] = []
        for s in TaskStatus.allCases where filter.statuses.contains(s) { parts.append(strings.status(s)) }
        if filter.overdueOnly { parts.append(strings[.tuiFilterOverdue]) }
        if filter.dueSoonOnly { parts.append(strings[.tuiFilterDueSoon]) }
        if filter.minimumLight == .red { parts.append(strings[.tuiFilterRed]) }
        if filter.minimumLight == .yellow { parts.append(strings[.tuiFilterRedYellow]) }
        if let u = filter.unit { parts.append(u) }
        if let l = filter.leader { parts.append(l) }
        if !searchText.isEmpty { parts.append("/" + searchText) }
        return parts.joined(separator: strings.lang == .zh ? "、" : ", ")
    }
}
