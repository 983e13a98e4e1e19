import DubanCore

/// The outline as a tree: each chapter with its task count, percent done, and how
/// many of its tasks are red (`!`) and yellow (`~`).
enum ChaptersPane {
    static func draw(_ c: inout Canvas, _ s: DashboardState, _ r: Rect, focused: Bool) {
        let rows = s.chapterRows
        let title = s.strings[.colChapter] + " " + "\(rows.count - 1)" + (s.narrowing[.chapters].map { " /" + $0 } ?? "")
        let inner = Renderer.frame(&c, r, title: title, focused: focused)
        guard !inner.isEmpty else { return }
        let list = s.chapterList
        let showRY = inner.width >= 30
        let showCount = inner.width >= 30
        let rightW = showRY ? 18 : 5
        for row in 0..<inner.height {
            let i = list.offset + row
            guard i < rows.count else { break }
            let y = inner.y + row
            let cr = rows[i]
            let selected = i == list.selected
            let base: Role = selected ? Look.selectionRole(focused: focused) : .normal
            if selected { c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: base) }
            let t = s.tally(for: cr.scope)
            var name: String
            switch cr.scope {
            case .all: name = s.strings[.tuiAllTasks]
            case .unchaptered: name = s.strings[.noChapter]
            case .chapter(let id):
                let ch = s.store.chapter(id)
                name = (ch.map { label($0) + $0.title } ?? id)
            }
            let mark = cr.hasChildren ? (cr.folded ? "+ " : "- ") : "  "
            let indent = String(repeating: " ", count: min(cr.depth * 2, 12))
            let nameW = max(inner.width - rightW - 1, 4)
            c.text(indent + mark + name, x: inner.x, y: y, width: nameW, role: base, clip: inner)
            var x = inner.x + nameW + 1
            let numW = min(rightW, inner.maxX - x)
            guard numW > 0 else { continue }
            let counts = String(t.led)
            let pct = "\(t.percentDone)%"
            if showCount {
                Look.right(&c, counts, x: x, y: y, width: 4, role: selected ? base : .dim, clip: inner)
                x += 4
            }
            Look.right(&c, pct, x: x, y: y, width: 5, role: base, clip: inner)
            x += 5
            if showRY {
                if t.red > 0 { Look.right(&c, "!\(t.red)", x: x, y: y, width: 5, role: .red, clip: inner) }
                if t.yellow > 0 { Look.right(&c, "~\(t.yellow)", x: x + 5, y: y, width: 4, role: .yellow, clip: inner) }
            }
        }
    }

    /// 一、 / (三) / 2. : the label with the stop its level uses.
    static func label(_ ch: Chapter) -> String {
        let l = ch.label
        if l.isEmpty { return "" }
        if l.hasSuffix(")") || l.hasSuffix("）") { return l + " " }
        if l.allSatisfy({ $0.isASCII && $0.isNumber }) { return l + ". " }
        return l + "、"
    }
}

/// The tasks of the selected chapter (or all of them), one line each, in columns.
enum TasksPane {
    struct Columns {
        var number = 0, unit = 0, deadline = 0, shortDate = false, status = 0, progress = 0, text = 0
    }

    static func columns(width w: Int, strings: Strings) -> Columns {
        var k = Columns()
        let statusW = TaskStatus.allCases.map { CellWidth.of(strings.status($0)) }.max() ?? 6
        k.number = w >= 40 ? 5 : 3
        k.status = w >= 36 ? statusW : 0
        k.deadline = w >= 56 ? 10 : (w >= 44 ? 5 : 0)
        k.shortDate = k.deadline == 5
        k.progress = w >= 64 ? 4 : 0
        k.unit = w >= 84 ? min(24, max(12, (w - 60) / 3)) : 0
        var used = 2 + k.number + 1
        for col in [k.unit, k.deadline, k.status, k.progress] where col > 0 { used += col + 1 }
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
        let k = columns(width: inner.width, strings: s.strings)
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
        col(sorted(S[.colNumber], [.documentOrder]), k.number); col(S[.colText], k.text)
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
        var x = body.x + 2
        func put(_ text: String, _ w: Int, _ role: Role, right: Bool = false) {
            guard w > 0 else { return }
            if right { Look.right(&c, text, x: x, y: y, width: w, role: sel ?? role, clip: body) }
            else { c.text(text, x: x, y: y, width: w, role: sel ?? role, clip: body) }
            x += w + 1
        }
        put(t.number ?? "", k.number, .normal)
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
