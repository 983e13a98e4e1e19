import DubanCore

/// The tasks of the selected chapter (or all of them), one line each, in columns.
enum TasksPane {
    struct Columns {
        var number = 0, role = 0, unit = 0, deadline = 0, shortDate = false, status = 0, progress = 0, text = 0
    }

    /// The columns for a width. The number column is as wide as the widest number label
    /// (so `(二十二)` is never cut), up to a quarter of the pane; the role column (牵头 /
    /// 协同) shows when the list is one unit's tasks.
    static func columns(width w: Int, strings: Strings, widestNumber: Int = 4, unitRole: Bool = false) -> Columns {
        var k = Columns()
        let statusW = TaskStatus.allCases.map { CellWidth.of(strings.status($0)) }.max() ?? 6
        k.number = min(max(widestNumber, CellWidth.of(strings[.colNumber]), 2), max(3, w / 4))
        if unitRole && w >= 30 {
            k.role = max(CellWidth.of(strings[.rptRoleLead]), CellWidth.of(strings[.rptRoleCo]), CellWidth.of(strings[.rptColRole]))
        }
        k.status = w >= 36 ? statusW : 0
        k.deadline = w >= 56 ? 10 : (w >= 44 ? 5 : 0)
        k.shortDate = k.deadline == 5
        k.progress = w >= 64 ? 4 : 0
        k.unit = w >= 84 ? min(24, max(12, (w - 60) / 3)) : 0
        var used = 2 + k.number + 1
        for col in [k.role, k.unit, k.deadline, k.status, k.progress] where col > 0 { used += col + 1 }
        k.text = max(w - used, 4)
        return k
    }

    static func draw(_ c: inout Canvas, _ s: DashboardState, _ r: Rect, focused: Bool) {
        let list = s.taskList
        var title = s.strings[.colTasks] + " "
        title += list.isEmpty ? "0" : "\(min(s.taskListState.selected + 1, list.count))/\(list.count)"
        if !s.marked.isEmpty { title += " " + s.strings.format(.uiMarkedCount, s.marked.count) }
        let arrow = s.taskSortReversed ? "↑" : "↓"
        if s.taskSort != .documentOrder || s.taskSortReversed { title += " " + arrow + s.taskSortName(s.taskSort) }
        let inner = Renderer.frame(&c, r, title: title, focused: focused)
        guard inner.height >= 1, inner.width >= 4 else { return }
        let k = columns(width: inner.width, strings: s.strings, widestNumber: s.store.widestNumber,
                        unitRole: s.filter.unit != nil)
        let S = s.strings
        // Header.
        var x = inner.x + 2
        func col(_ text: String, _ w: Int, right: Bool = false) {
            guard w > 0 else { return }
            if right { Look.right(&c, text, x: x, y: inner.y, width: w, role: .header, clip: inner) }
            else { c.text(text, x: x, y: inner.y, width: w, role: .header, clip: inner) }
            x += w + 1
        }
        c.fill(Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), role: .header)
        // The sorted column says so (↓, or ↑ reversed): the marker column for the light.
        func sorted(_ text: String, _ sorts: [TaskSort]) -> String {
            (s.taskSort != .documentOrder || s.taskSortReversed) && sorts.contains(s.taskSort) ? text + arrow : text
        }
        if s.taskSort == .light { c.text(arrow, x: inner.x, y: inner.y, width: 1, role: .header, clip: inner) }
        col(sorted(S[.colNumber], [.documentOrder]), k.number); col(S[.rptColRole], k.role); col(S[.colText], k.text)
        col(sorted(S[.colLeadUnits], [.unit, .unitCount]), k.unit)
        col(sorted(k.shortDate ? S[.tuiColDue] : S[.colDeadline], [.deadline, .daysOverdue]), k.deadline)
        col(sorted(S[.colStatus], [.status]), k.status)
        col(S[.colProgress], k.progress, right: true)
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        guard body.height > 0 else { return }
        if list.isEmpty {
            c.text(s.searchText.isEmpty ? S[.tuiNoTasks] : S.format(.tuiNoMatch, s.searchText),
                   x: body.x + 2, y: body.y, width: body.width - 2, role: .dim, clip: body)
            return
        }
        let ls = s.taskListState
        for row in 0..<body.height {
            let p = ls.offset + row
            guard p < list.count else { break }
            drawRow(&c, s, index: list[p], y: body.y + row, in: body, columns: k,
                    selected: p == ls.selected, focused: focused)
        }
    }

    static func drawRow(_ c: inout Canvas, _ s: DashboardState, index i: Int, y: Int, in body: Rect,
                        columns k: Columns, selected: Bool, focused: Bool) {
        let t = s.store.task(at: i)
        let a = s.store.assessments[i]
        let sel: Role? = selected ? Look.selectionRole(focused: focused) : nil
        if let sel { c.fill(Rect(x: body.x, y: y, width: body.width, height: 1), role: sel) }
        c.text(Look.marker(a.light), x: body.x, y: y, width: 1, role: Look.lightRole(a.light), clip: body)
        if s.marked.contains(t.id) { c.text("*", x: body.x + 1, y: y, width: 1, role: sel ?? .match, clip: body) }
        // issue 15, pgtui: `>` a row someone else just changed, `^` an edit kept here, unsent
        // (ASCII: column 0's light markers are `!`, `~` and `+`).
        else if let sh = s.shared {
            if sh.pending.contains(t.id) { c.text("^", x: body.x + 1, y: y, width: 1, role: .yellow, clip: body) }
            else if sh.changed.contains(t.id) { c.text(">", x: body.x + 1, y: y, width: 1, role: .match, clip: body) }
        }
        var x = body.x + 2
        func put(_ text: String, _ w: Int, _ role: Role, right: Bool = false) {
            guard w > 0 else { return }
            if right { Look.right(&c, text, x: x, y: y, width: w, role: sel ?? role, clip: body) }
            else { c.text(text, x: x, y: y, width: w, role: sel ?? role, clip: body) }
            x += w + 1
        }
        put(t.number ?? "", k.number, .normal)
        if k.role > 0, let u = s.filter.unit {
            // Which tasks the unit leads and which it shares.
            let leads = s.store.unitSets(of: t).lead.contains(s.store.registry.canonical(u))
            put(leads ? s.strings[.rptRoleLead] : s.strings[.rptRoleCo], k.role, leads ? .normal : .dim)
        }
        Look.highlighted(&c, t.text, needle: s.searchText, x: x, y: y, width: k.text, role: sel ?? .normal,
                         matchRole: .match, clip: body)
        x += k.text + 1
        put(t.leadUnits.first.map { t.leadUnits.count > 1 ? s.strings.format(.tuiAndOthers, $0) : $0 } ?? "", k.unit, .dim)
        let dueRole: Role = a.isOverdue ? .red : (a.isDueSoon ? .yellow : .normal)
        let due = t.deadline.map { k.shortDate ? String($0.iso.dropFirst(5)) : $0.iso } ?? "—"
        if k.deadline > 0 {
            // The deadline keeps its light even on the selected row.
            c.text(due, x: x, y: y, width: k.deadline, role: (sel != nil && dueRole == .normal) ? (sel ?? .normal) : dueRole, clip: body)
            x += k.deadline + 1
        }
        put(s.strings.status(t.status), k.status, Look.statusRole(t.status))
        put("\(t.progress)%", k.progress, .normal, right: true)
    }
}

