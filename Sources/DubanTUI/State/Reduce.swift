import DubanCore

/// The dashboard's one pure step: an input in, the state changed, the effects the loop
/// must run out. Nothing here touches a file, the journal, the store or the terminal:
///
///     var s = state
///     let effects = reduce(&s, .event(.key(.char("3"))))   // [.edit(Edit(..., .setStatus(.done)))]
///
/// A key becomes an action through the binding table (`keymap`, along `keyChain`);
/// characters typed into an editor or the picker are text. Effects come back as an
/// `Outcome` (`reduce(&s, .outcome(...))`), which may ask for more (a merge, then a save).
public func reduce(_ state: inout DashboardState, _ input: Input) -> [Effect] {
    state.reduce(input)
}

extension DashboardState {
    static let paneOrder: [Pane] = [.chapters, .tasks, .detail, .workload]

    public mutating func reduce(_ input: Input) -> [Effect] {
        let effects: [Effect]
        switch input {
        case .event(.key(let k)):
            message = nil
            effects = key(k)
        case .event(.mouse(let m)):
            effects = mouse(m)
        case .event(.resize), .event(.resumed):
            effects = [.redraw]
        case .event(.wake):
            // issue 15, pgtui: only a shared plan has anything to do when the loop wakes.
            selectionBeforeSync = selectedTask.map { store.task(at: $0).id }
            effects = shared == nil ? [] : [.sync]
        case .action(let a):
            message = nil
            effects = dispatch(a)
        case .outcome(let o):
            effects = outcome(o)
        }
        relayout()
        refresh()
        return effects
    }

    /// The facts the bindings' disabled reasons are judged on.
    public var availability: Availability {
        Availability(readOnly: readOnlyReason, hasSelectedTask: selectedTask != nil,
                     hasUnsavedChanges: hasUnsavedChanges, hasNoFile: savePath == nil,
                     hasPendingExtension: selectedTask.map { store.task(at: $0).pendingExtension != nil } ?? false)
    }

    /// The contexts a key is looked up in now: the focused pane's chain, or the open
    /// modal's own contexts.
    public var keyChain: [Context] {
        switch modal {
        case .none: return focus.chain
        case .editor(.command, _): return [.command, .editor]
        case .editor: return [.editor]
        case .filterMenu: return [.menu]
        case .picker: return [.picker, .editor]
        case .confirmQuit: return [.confirm]
        case .help: return [.help]
        case .dialog(let d): return [d.kind.context, .dialog]
        case .conflicts: return [.conflicts]
        }
    }

    // MARK: keys

    mutating func key(_ key: Key) -> [Effect] {
        if let a = keymap.action(for: key, in: keyChain) { return dispatch(a) }
        // Text typed into the one-line editor or the picker's field.
        guard case .char(let c) = key else { return [] }
        switch modal {
        case .editor(let purpose, var ed):
            ed.insert(c)
            modal = .editor(purpose, ed)
            if case .search = purpose { searchChanged(ed.text) }
            if case .narrow(let pane, _) = purpose { narrowChanged(pane, ed.text) }
        case .picker(var ps):
            ps.editor.insert(c)
            ps.list = ListState()
            modal = .picker(ps)
        default:
            break
        }
        return []
    }

    /// An action of the binding table in the current modal (or pane).
    mutating func dispatch(_ a: Action) -> [Effect] {
        switch modal {
        case .none: return perform(a)
        case .editor(let purpose, var ed):
            switch a {
            case .editorAccept: return acceptEditor(purpose, ed)
            case .commandComplete:
                guard case .command = purpose else { return [] }
                // Tab again on a line Tab gave: the next of the same candidates.
                if let at = commandCycle.firstIndex(of: ed.text), commandCycle.count > 1 {
                    modal = .editor(.command, LineEditor(commandCycle[(at + 1) % commandCycle.count]))
                    return []
                }
                let (line, shown) = completeCommand(ed.text)
                modal = .editor(.command, LineEditor(line))
                commandCycle = []
                if !shown.isEmpty {
                    message = StatusMessage(text: shown.joined(separator: " "), isError: false)
                    let (word, _) = Self.splitCommand(line)
                    let hasArg = line.contains(" ") || line.contains("　")
                    commandCycle = shown.map { hasArg ? word + " " + $0 : $0 }
                }
            case .editorCancel:
                if case .search(let previous) = purpose { searchText = previous; taskListState = ListState() }
                if case .narrow(let pane, let previous) = purpose { narrowChanged(pane, previous) }
                modal = .none
            default:
                if ed.apply(a) {
                    modal = .editor(purpose, ed)
                    if case .search = purpose { searchChanged(ed.text) }
                    if case .narrow(let pane, _) = purpose { narrowChanged(pane, ed.text) }
                }
            }
            return []
        case .filterMenu(var ls):
            let n = FilterItem.allCases.count
            switch a {
            case .menuUp: ls.selected = (ls.selected + n - 1) % n
            case .menuDown: ls.selected = (ls.selected + 1) % n
            case .menuToggle:
                ls.clamp(count: n, visible: filterMenuRows)
                modal = .filterMenu(ls)
                toggleFilterItem(FilterItem.allCases[ls.selected])
                return []
            case .menuClose: modal = .none; return []
            default: break
            }
            ls.clamp(count: n, visible: filterMenuRows)
            modal = .filterMenu(ls)
            return []
        case .picker(var ps):
            let matches = ps.matches
            switch a {
            case .pickerAccept:
                if !matches.isEmpty {
                    let name = matches[min(ps.list.selected, matches.count - 1)]
                    if ps.kind == .unit { filter.unit = name } else { filter.leader = name }
                    taskListState = ListState()
                    message = StatusMessage(text: strings.format(.tuiFilterSet, name), isError: false)
                }
                modal = .none
                return []
            case .pickerBack:
                let item: FilterItem = ps.kind == .unit ? .unit : .leader
                var ls = ListState(selected: FilterItem.allCases.firstIndex(of: item) ?? 0)
                ls.clamp(count: FilterItem.allCases.count, visible: filterMenuRows)
                modal = .filterMenu(ls)
                return []
            case .pickerUp: ps.list.move(by: -1, count: matches.count, visible: pickerRows)
            case .pickerDown: ps.list.move(by: 1, count: matches.count, visible: pickerRows)
            default:
                if ps.editor.apply(a) { ps.list = ListState() }
            }
            modal = .picker(ps)
            return []
        case .confirmQuit:
            switch a {
            case .confirmYes:
                modal = .none
                if let p = savePath { return [.save(path: p, thenQuit: true, merged: nil)] }
                modal = .editor(.saveAs(thenQuit: true), LineEditor(suggestedSavePath))
                return []
            case .confirmNo:
                quitRequested = true
                return [.discardJournalOnClose, .quit(0)]
            case .confirmCancel:
                modal = .none
            default: break
            }
            return []
        case .dialog(let d):
            return answerDialog(a, d)
        case .conflicts(let st):
            return answerConflicts(a, st)
        case .help(var off):
            let total = helpLines().count
            let page = max(layout.body.height - 2, 1)
            switch a {
            case .helpClose: modal = .none; return []
            case .helpUp: off -= 1
            case .helpDown: off += 1
            case .helpPageUp: off -= page
            case .helpPageDown: off += page
            default: break
            }
            modal = .help(offset: min(max(off, 0), max(total - page, 0)))
            return []
        }
    }

    /// The search text changed while typing: the list follows at once.
    mutating func searchChanged(_ text: String) {
        guard searchText != text else { return }
        searchText = text
        taskListState = ListState()
        detailOffset = 0
    }

    /// The text `/` narrows a list by changed while typing: the list follows at once, its
    /// cursor on the first match.
    mutating func narrowChanged(_ pane: Pane, _ text: String) {
        guard (narrowing[pane] ?? "") != text else { return }
        narrowing[pane] = text.isEmpty ? nil : text
        switch pane {
        case .workload: workloadList = ListState()
        case .chapters:
            chapterList = ListState(selected: text.isEmpty ? 0 : 1)
            taskListState = ListState()
        default: break
        }
    }

    mutating func acceptEditor(_ purpose: EditorPurpose, _ ed: LineEditor) -> [Effect] {
        let text = ed.text.trimmingSpaces
        switch purpose {
        case .narrow(let pane, _):
            modal = .none
            narrowChanged(pane, text)
            refresh()
            if !text.isEmpty {
                let n = pane == .workload ? workloadRows.count : max(chapterRows.count - 1, 0)
                message = n == 0 ? StatusMessage(text: strings.format(.tuiNoMatch, text), isError: true)
                    : StatusMessage(text: strings.format(.tuiMatches, n), isError: false)
            }
        case .search:
            modal = .none
            searchText = ed.text
            taskListState = ListState()
            if !searchText.isEmpty {
                setFocus(.tasks)
                refresh()
                let n = taskList.count
                message = n == 0 ? StatusMessage(text: strings.format(.tuiNoMatch, searchText), isError: true)
                    : StatusMessage(text: strings.format(.tuiMatches, n), isError: false)
            }
        case .progress(let id):
            var digits = text
            if digits.hasSuffix("%") || digits.hasSuffix("％") { digits.removeLast() }
            guard let p = Int(digits), (0...100).contains(p) else {
                message = StatusMessage(text: strings.format(.badProgress, text), isError: true)
                return []  // keep the editor open
            }
            modal = .none
            return edit(.setProgress(p), taskID: id)
        case .note(let id):
            modal = .none
            if text.isEmpty { return [] }
            return edit(.addNote(text), taskID: id)
        case .extensionDate, .extensionReason:
            return acceptCycleEditor(purpose, ed)
        case .deadline(let id):
            if text.isEmpty || text == "-" {
                modal = .none
                return edit(.setDeadline(nil), taskID: id)
            }
            // The same reader as the importer's and `duban set --deadline`: 2020-06-30,
            // 2020.6.30, 10月15日, 6月底, 年底 (a form without a year takes the plan's).
            guard let d = DeadlineText.read(text, year: store.plan.year ?? editDate.year) else {
                message = StatusMessage(text: strings.format(.badDeadline, text), isError: true)
                return []
            }
            modal = .none
            return edit(.setDeadline(d), taskID: id)
        case .command:
            return runCommand(ed.text)
        case .saveAs(let thenQuit):
            guard !text.isEmpty else { return [] }
            modal = .none
            return [.save(path: text, thenQuit: thenQuit, merged: nil)]
        }
        return []
    }

    // MARK: actions

    mutating func perform(_ a: Action) -> [Effect] {
        // issue 15, pgtui: a shared plan has no save: every edit was a commit.
        if a == .save, shared != nil {
            message = StatusMessage(text: strings[.pgAlreadySaved], isError: false)
            return []
        }
        if let why = availability.disabledReason(a) {
            message = StatusMessage(text: why.refusal(strings), isError: why != .nothingToSave)
            return []
        }
        // issue 15, pgtui: a unit's login, on a task it does not lead (before any editor opens).
        if let why = sharedRefusal(a) {
            message = StatusMessage(text: why, isError: true)
            return []
        }
        switch a {
        case .quit, .interrupt:
            if hasUnsavedChanges { modal = .confirmQuit; return [] }
            quitRequested = true
            return [.quit(0)]
        case .save:
            if let p = savePath { return [.save(path: p, thenQuit: false, merged: nil)] }
            modal = .editor(.saveAs(thenQuit: false), LineEditor(suggestedSavePath))
        case .undo: return [.undo(undoGroups.last ?? 1)]
        case .redo: return [.redo(redoGroups.last ?? 1)]
        case .toggleMark:
            if let i = selectedTask {
                let id = store.task(at: i).id
                if marked.contains(id) { marked.remove(id) } else { marked.insert(id) }
                move(by: 1)
                message = StatusMessage(text: strings.format(.uiMarkedCount, marked.count), isError: false)
            }
        case .help: modal = .help(offset: 0)
        case .search:
            if focus == .workload || focus == .chapters {
                let previous = narrowing[focus] ?? ""
                modal = .editor(.narrow(focus, previous: previous), LineEditor(previous))
            } else {
                modal = .editor(.search(previous: searchText), LineEditor(searchText))
            }
        case .filterMenu: modal = .filterMenu(ListState())
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
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .nextMatch, .prevMatch:
            guard !searchText.isEmpty else { message = StatusMessage(text: strings[.tuiNoSearch], isError: false); return [] }
            let n = taskList.count
            guard n > 0 else { message = StatusMessage(text: strings.format(.tuiNoMatch, searchText), isError: true); return [] }
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
            setTaskSort(all[((all.firstIndex(of: taskSort) ?? 0) + 1) % all.count], reversed: false)
        case .reverseTaskSort:
            setTaskSort(taskSort, reversed: !taskSortReversed)
        case .toggleOverdue:
            filter.overdueOnly.toggle()
            taskListState = ListState()
            if focus != .tasks && focus != .detail { setFocus(.tasks) }
            refresh()
            message = StatusMessage(text: filter.overdueOnly ? strings.format(.uiOverdueOnly, taskList.count)
                                    : strings[.uiOverdueOff], isError: false)
        case .commandLine:
            modal = .editor(.command, LineEditor())
        case .commandComplete:
            break
        case .cycleWorkloadSort:
            let all = PlanStore.WorkloadSort.allCases
            workloadSort = all[((all.firstIndex(of: workloadSort) ?? 0) + 1) % all.count]
            workloadList = ListState()
            message = StatusMessage(text: strings.format(.tuiSortedBy, workloadSortName(workloadSort)), isError: false)
        case .toggleUnitsLeaders:
            workloadMode = workloadMode == .units ? .leaders : .units
            workloadList = ListState()
        case .cycleStatus:
            if !marked.isEmpty {
                // Each marked task to its own next status.
                let edits = markedIndexes.map { Edit(taskID: store.task(at: $0).id, command: .setStatus(store.task(at: $0).status.next), date: editDate, author: author) }
                return [.editAll(edits)]
            }
            if let i = selectedTask { return edit(.setStatus(store.task(at: i).status.next), taskID: store.task(at: i).id) }
        case .setNotStarted: return setStatus(.notStarted)
        case .setInProgress: return setStatus(.inProgress)
        case .setDone: return setStatus(.done)
        case .setLagging: return setStatus(.lagging)
        case .setProgress:
            if let i = selectedTask {
                let t = store.task(at: i)
                // The old value selected: typing replaces it (`p 70` on a task at 50% gives 70).
                modal = .editor(.progress(taskID: t.id), LineEditor(String(t.progress), selected: true))
            }
        case .addNote:
            if let i = selectedTask { modal = .editor(.note(taskID: store.task(at: i).id), LineEditor()) }
        case .requestExtension, .approveExtension, .refuseExtension, .toggleTrends:
            return cycleAction(a)
        case .editDeadline:
            if let i = selectedTask {
                let t = store.task(at: i)
                modal = .editor(.deadline(taskID: t.id), LineEditor(t.deadline?.iso ?? "", selected: true))
            }
        default:
            break
        }
        return []
    }

    mutating func setStatus(_ s: TaskStatus) -> [Effect] {
        guard let i = selectedTask else { return [] }
        return edit(.setStatus(s), taskID: store.task(at: i).id)
    }

    /// An edit of a task, as an effect (the loop journals it, then the store makes it).
    mutating func edit(_ cmd: EditCommand, taskID: String) -> [Effect] {
        if let why = availability.reason(.writable) {
            message = StatusMessage(text: why.refusal(strings), isError: true)
            return []
        }
        // issue 15, pgtui: a unit's login reports only on the tasks it leads; said before
        // the server is asked (which refuses too).
        if let why = sharedRefusal(cmd, tasks: marked.isEmpty ? store.index(ofID: taskID).map { [$0] } ?? [] : markedIndexes) {
            message = StatusMessage(text: why, isError: true)
            return []
        }
        if !marked.isEmpty {
            return [.editAll(markedIndexes.map { Edit(taskID: store.task(at: $0).id, command: cmd, date: editDate, author: author) })]
        }
        return [.edit(Edit(taskID: taskID, command: cmd, date: editDate, author: author))]
    }

    /// The marked tasks, in plan order.
    var markedIndexes: [Int] { marked.compactMap { store.index(ofID: $0) }.sorted() }

    mutating func setFocus(_ p: Pane) {
        if p != .detail { lastList = p }
        focus = p
    }

    mutating func move(by n: Int) {
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
            let step = max(min(n, 100_000), -100_000)
            detailOffset = max(0, detailOffset + step)
            // No further than one step past the lines counted so far: a huge field is
            // counted as it is scrolled, never all at once by key repeat.
            if let known = detailKnownCount {
                detailOffset = min(detailOffset, max(0, known - visibleRows(.detail)) + max(step, 0))
            }
        }
    }

    mutating func open() {
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

    mutating func back() {
        switch focus {
        case .detail: setFocus(.tasks)
        case .tasks:
            if !marked.isEmpty { marked = []; message = StatusMessage(text: strings[.uiMarksCleared], isError: false) }
            else if !searchText.isEmpty { searchText = ""; taskListState = ListState() }
            else if cameFrom == .workload && (filter.unit != nil || filter.leader != nil) {
                filter.unit = nil; filter.leader = nil; taskListState = ListState(); setFocus(.workload)
            } else { setFocus(cameFrom) }
        case .chapters, .workload:
            // Esc drops what `/` narrowed the list to.
            if narrowing[focus] != nil { narrowChanged(focus, "") }
        }
    }

    // MARK: mouse

    mutating func mouse(_ m: MouseEvent) -> [Effect] {
        guard case .none = modal, let pane = layout.pane(atX: m.x, y: m.y), let r = layout.panes[pane] else { return [] }
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
            guard row >= 0, row < visibleRows(pane) else { return [] }
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
            if m.isDoubleClick { refresh(); open() }
        }
        return []
    }

    // MARK: what effects did

    mutating func outcome(_ o: Outcome) -> [Effect] {
        let S = strings
        switch o {
        case .editedAll(let changed):
            // A merge's edits (`merge --resolve`) keep the merge's own message.
            if mergeJoining { mergeEdited(changed); break }
            if changed > 0 { undoGroups.append(changed); redoGroups = [] }
            message = StatusMessage(text: changed > 0 ? S.format(.uiEditedMarked, changed) : S[.tuiNoChange], isError: false)
        case .edited(let id, let changed):
            if changed { undoGroups.append(1); redoGroups = [] }
            if changed, let i = store.index(ofID: id) {
                refresh()
                if !select(taskIndex: i) { taskListState.clamp(count: taskList.count, visible: visibleRows(.tasks)) }
                message = StatusMessage(text: store.task(at: i).history.last?.note ?? "", isError: false)
            } else {
                message = StatusMessage(text: S[.tuiNoChange], isError: false)
            }
        case .undone(let list):
            if !list.isEmpty { if !undoGroups.isEmpty { undoGroups.removeLast() }; redoGroups.append(list.count) }
            if let e = list.last {
                select(taskIndex: e.index)
                message = StatusMessage(text: S.format(.tuiUndone, e.after.history.last?.note ?? ""), isError: false)
            } else { message = StatusMessage(text: S[.tuiNothingToUndo], isError: false) }
        case .redone(let list):
            if !list.isEmpty { if !redoGroups.isEmpty { redoGroups.removeLast() }; undoGroups.append(list.count) }
            if let e = list.last {
                select(taskIndex: e.index)
                message = StatusMessage(text: S.format(.tuiRedone, e.after.history.last?.note ?? ""), isError: false)
            } else { message = StatusMessage(text: S[.tuiNothingToRedo], isError: false) }
        case .saved(let path, let backupProblem, let thenQuit, let merged):
            savePath = path
            var text = S.format(.savedTo, path)
            if let merged { text = S.format(.tuiMerged, merged) + "；" + text }
            message = StatusMessage(text: text, isError: false)
            if let backupProblem {
                message = StatusMessage(text: S.format(.tuiSavedNoBackup, path, S.describe(backupProblem)), isError: true)
            }
            if thenQuit { quitRequested = true; return [.quit(0)] }
        case .changedOnDisk(let thenQuit):
            modal = .dialog(DialogState(kind: .changedOnDisk(thenQuit: thenQuit)))
        case .recovered(let r):
            replaceStore(r.store)
            var text = S.format(.tuiRecovered, r.replayed)
            if r.rebuilt { text += S[.tuiRecoverRebuilt] }
            if let first = r.skipped.first { text += S.format(.tuiMergeSkipped, r.skipped.count, first) }
            message = StatusMessage(text: text, isError: !r.skipped.isEmpty)
        case .discarded(let path):
            message = StatusMessage(text: S.format(.tuiDiscarded, Journal.discardedPath(forPlan: path)), isError: false)
        case .keptForLater:
            message = StatusMessage(text: readOnlyReason?.refusal(S) ?? "", isError: false)
        case .merged(let store, let replayed, let skipped, let thenQuit):
            replaceStore(store)
            if let first = skipped.first {
                message = StatusMessage(text: S.format(.tuiMerged, replayed) + S.format(.tuiMergeSkipped, skipped.count, first), isError: true)
                return []
            }
            guard let path = session.path else { return [] }
            return [.save(path: path, thenQuit: thenQuit, merged: replayed)]
        case .reloaded(let store, let path):
            replaceStore(store)
            message = StatusMessage(text: S.format(.tuiReloaded, Journal.discardedPath(forPlan: path)), isError: false)
        case .suggested(let path, let thenQuit):
            modal = .editor(.saveAs(thenQuit: thenQuit), LineEditor(path))
        case .asOfChanged(let s, let d):
            replaceStore(s)
            message = StatusMessage(text: S.format(.uiAsOfChanged, d.iso, store.totals.overdue), isError: false)
        case .shared(let r):
            if let id = r.taskIDs.first ?? selectionBeforeSync, let i = store.index(ofID: id) {
                if !select(taskIndex: i) { taskListState.clamp(count: taskList.count, visible: visibleRows(.tasks)) }
            }
            selectionBeforeSync = nil
            if let t = r.text, !t.isEmpty { message = StatusMessage(text: t, isError: r.isError) }
        case .failed(let kind, let reason):
            let text: String
            switch kind {
            case .journal: text = S.format(.tuiJournalFailed, reason)
            case .save: text = S.format(.tuiSaveFailed, reason)
            case .saveBusy: text = S.format(.tuiSaveBusy, reason)
            case .saveRefused: text = S.format(.tuiSaveRefused, reason)
            case .merge: text = S.format(.tuiMergeFailed, reason)
            case .edit: text = reason
            }
            message = StatusMessage(text: text, isError: true)
        }
        return []
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

    mutating func toggleFilterItem(_ item: FilterItem) {
        func toggle(_ s: TaskStatus, _ f: inout TaskFilter) { if f.statuses.contains(s) { f.statuses.remove(s) } else { f.statuses.insert(s) } }
        switch item {
        case .notStarted: toggle(.notStarted, &filter)
        case .inProgress: toggle(.inProgress, &filter)
        case .done: toggle(.done, &filter)
        case .lagging: toggle(.lagging, &filter)
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
        case .daysOverdue: return strings[.uiSortDaysOverdue]
        case .light: return strings[.tuiLight]
        case .unit: return strings[.colLeadUnits]
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
