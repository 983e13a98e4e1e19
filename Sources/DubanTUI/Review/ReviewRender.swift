// Issue 11, item 6: the review screen drawn from its state (pure: state in, canvas out).
import DubanCore
import DubanImport

/// The review screen: a title line, the notice's lines (warnings first) on the left with
/// what each became, the plan they give on the right, the message or prompt line and the
/// key hints.
///
///     审阅导入 notice.txt  任务 5  章 2  年度 2020  警告 1  更正 0
///     ┌ 通知 ──────────────────────┐┌ 计划 ─────────────────────┐
///     │! 15 "某市人民政府" ...      ││一 稳增长                   │
///     │  4 章 一、稳增长            ││  1 全年地区生产总值增长6%… │
///     │  5 任 1.全年地区生产总值…   ││    牵头 市发展改革委 …     │
public enum ReviewRender {
    /// Rows of the notice pane given the screen size (lines after the warnings).
    static func noticeRows(height: Int, warnings: Int) -> Int {
        let inner = max(0, height - 5)   // title, message and hint lines, the pane's two borders
        return max(1, inner - warningRows(inner: inner, warnings: warnings))
    }

    static func warningRows(inner: Int, warnings: Int) -> Int {
        warnings == 0 ? 0 : min(warnings, max(1, inner / 3)) + 1
    }

    /// Lays the state out for a screen (the notice pane's scroll keeps the cursor in view).
    public static func fit(_ s: ReviewState, width: Int, height: Int) {
        let rows = noticeRows(height: height, warnings: s.warnings.count)
        s.pageRows = rows
        if s.cursor < s.scroll { s.scroll = s.cursor }
        if s.cursor >= s.scroll + rows { s.scroll = s.cursor - rows + 1 }
        s.scroll = max(1, min(s.scroll, max(1, s.lineCount - rows + 1)))
    }

    public static func render(_ s: ReviewState, width: Int, height: Int) -> Canvas {
        var c = Canvas(width: width, height: height)
        let S = s.strings
        guard width >= 40, height >= 8 else {
            c.fill(c.bounds, role: .tooSmall)
            c.text(S[.rvTooSmall], x: 0, y: 0, width: width, role: .tooSmall)
            return c
        }
        title(&c, s, width: width)
        let paneH = height - 3
        let leftW = width * 11 / 20
        let left = Rect(x: 0, y: 1, width: leftW, height: paneH)
        let right = Rect(x: leftW, y: 1, width: width - leftW, height: paneH)
        notice(&c, s, left)
        planPane(&c, s, right)
        bottom(&c, s, width: width, height: height)
        if s.showHelp { help(&c, s) }
        return c
    }

    // MARK: parts

    private static func title(_ c: inout Canvas, _ s: ReviewState, width: Int) {
        let S = s.strings
        c.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .titleBar)
        let p = s.review.plan
        var t = S.format(.rvTitle, s.review.source, p.tasks.count, p.chapters.count,
                         p.year.map(String.init) ?? S[.rvYearUnknown], s.warnings.count, s.review.corrections.count)
        if s.unsaved { t += "  " + S[.rvUnsaved] }
        let x = c.text(t, x: 0, y: 0, width: width, role: .titleBar)
        _ = x
    }

    /// The mark of a role: two cells, so the column lines up in both languages.
    static func mark(_ r: LineRole, _ S: Strings) -> String {
        switch r {
        case .chapter: return S[.rvMarkChapter]
        case .task: return S[.rvMarkTask]
        case .continuation: return S[.rvMarkContinuation]
        case .units: return S[.rvMarkUnits]
        case .deadline: return S[.rvMarkDeadline]
        case .detail: return S[.rvMarkDetail]
        case .ignored: return S[.rvMarkIgnored]
        case .blank: return "  "
        }
    }

    static func role(of r: LineRole) -> Role {
        switch r {
        case .chapter: return .header
        case .task: return .green
        case .continuation: return .normal
        case .units: return .yellow
        case .deadline: return .statusInProgress
        case .detail: return .label
        case .ignored, .blank: return .dim
        }
    }

    private static func notice(_ c: inout Canvas, _ s: ReviewState, _ r: Rect) {
        let S = s.strings
        c.box(r, role: .borderFocused, title: S.format(.rvNoticePane, s.review.lines.count), titleRole: .paneTitleFocused)
        let inner = r.inner
        let ws = s.warnings
        var y = inner.y
        // Warnings first.
        let wRows = warningRows(inner: inner.height, warnings: ws.count)
        if wRows > 0 {
            let shown = wRows - 1
            for (k, w) in ws.prefix(shown).enumerated() {
                let more = k == shown - 1 && ws.count > shown ? S.format(.rvMoreWarnings, ws.count - shown) : ""
                let text = (w.line >= 1 ? S.format(.rvWarningAt, w.line) : "") + w.message(S) + more
                c.text("! " + text, x: inner.x, y: y, width: inner.width, role: .error)
                y += 1
            }
            for x in inner.x..<inner.maxX { c.text("╌", x: x, y: y, width: 1, role: .border) }
            y += 1
        }
        let warned = Set(ws.map(\.line))
        let digits = String(s.lineCount).count
        var n = s.scroll
        while y < inner.maxY, n <= s.review.trace.lines.count {
            guard let l = s.review.trace.line(n) else { break }
            let selected = n == s.cursor
            let rowRole: Role = selected ? .selection : role(of: l.role)
            if selected { c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selection) }
            var x = inner.x
            let num = String(repeating: " ", count: digits - String(n).count) + String(n)
            x = c.text(warned.contains(n) ? "!" : " ", x: x, y: y, width: 1, role: selected ? .selection : .error)
            x = c.text(num + " ", x: x, y: y, width: digits + 1, role: selected ? .selection : (warned.contains(n) ? .error : .dim))
            x = c.text(mark(l.role, S), x: x, y: y, width: 2, role: rowRole)
            x = c.text(" ", x: x, y: y, width: 1, role: rowRole)
            c.text(l.text, x: x, y: y, width: inner.maxX - x, role: rowRole)
            y += 1; n += 1
        }
    }

    /// One row of the plan pane.
    struct PlanRow { var text: String; var role: Role; var indent: Int; var task: String? }

    static func planRows(_ s: ReviewState, width: Int) -> [PlanRow] {
        let S = s.strings
        let p = s.review.plan
        let trace = s.review.trace
        var depth: [String: Int] = [:]
        for ch in p.chapters { depth[ch.id] = ch.parent.flatMap { depth[$0] }.map { $0 + 1 } ?? 0 }
        // Chapters and tasks in the order of their lines.
        enum Item { case chapter(Chapter), task(PlanTask) }
        var items: [(line: Int, order: Int, item: Item)] = []
        var starts: [String: Int] = [:]
        var heads: [String: Int] = [:]
        for l in trace.lines {
            if l.role == .task, let t = l.task, starts[t] == nil { starts[t] = l.number }
            if l.role == .chapter, let ch = l.chapter, heads[ch] == nil { heads[ch] = l.number }
        }
        var last = 0
        for (k, ch) in p.chapters.enumerated() { let n = heads[ch.id] ?? last; last = n; items.append((n, k, .chapter(ch))) }
        last = 0
        for (k, t) in p.tasks.enumerated() { let n = starts[t.id] ?? last; last = n; items.append((n, p.chapters.count + k, .task(t))) }
        items.sort { ($0.line, $0.order) < ($1.line, $1.order) }
        let selected = trace.owner(at: s.cursor)
        var rows: [PlanRow] = []
        for it in items {
            switch it.item {
            case .chapter(let ch):
                let d = depth[ch.id] ?? 0
                rows.append(PlanRow(text: [ch.label, ch.title].filter { !$0.isEmpty }.joined(separator: " "), role: .header, indent: d * 2, task: nil))
            case .task(let t):
                let d = (t.chapter.flatMap { depth[$0] }.map { $0 + 1 } ?? 0) * 2
                let head = (t.number.map { $0 + " " } ?? "") + t.text
                if t.id == selected {
                    for part in wrap(head, width: max(4, width - d)) { rows.append(PlanRow(text: part, role: .selection, indent: d, task: t.id)) }
                } else {
                    rows.append(PlanRow(text: head, role: .normal, indent: d, task: t.id))
                }
                let units = unitsLine(t, S)
                rows.append(PlanRow(text: units, role: t.leadUnits.isEmpty ? .error : .yellow, indent: d + 2, task: t.id))
                rows.append(PlanRow(text: deadlineLine(t, S), role: t.statusInferred && t.status == .done ? .statusDone : (t.deadlineAssumed ? .dim : .statusInProgress),
                                    indent: d + 2, task: t.id))
            }
        }
        return rows
    }

    static func unitsLine(_ t: PlanTask, _ S: Strings) -> String {
        var parts: [String] = []
        parts.append(S[.rvLead] + (t.leadUnits.isEmpty ? S[.rvNone] : t.leadUnits.joined(separator: "、")))
        if !t.coUnits.isEmpty { parts.append(S[.rvCo] + t.coUnits.joined(separator: "、")) }
        if !t.leaders.isEmpty { parts.append(S[.rvLeaders] + t.leaders.joined(separator: "、")) }
        return parts.joined(separator: "  ")
    }

    static func deadlineLine(_ t: PlanTask, _ S: Strings) -> String {
        var s = S[.rvDeadline]
        if let d = t.deadline { s += d.iso } else { s += S[.rvNoDeadline] }
        if let w = t.deadlineText, !w.isEmpty { s += "（" + w + "）" }
        if t.deadlineAssumed { s += " " + S[.rvAssumed] }
        if t.statusInferred {
            s += "  " + S.format(.rvStatus, S.status(t.status)) + (t.statusReason.map { "（" + $0 + "）" } ?? "")
        }
        return s
    }

    /// Splits text into pieces of at most `width` cells.
    static func wrap(_ s: String, width: Int) -> [String] {
        var out: [String] = []
        var cur = ""
        var w = 0
        for ch in s {
            let cw = max(1, DisplayWidth.of(ch))
            if w + cw > width, !cur.isEmpty { out.append(cur); cur = ""; w = 0 }
            cur.append(ch); w += cw
        }
        if !cur.isEmpty || out.isEmpty { out.append(cur) }
        return out
    }

    private static func planPane(_ c: inout Canvas, _ s: ReviewState, _ r: Rect) {
        let S = s.strings
        let p = s.review.plan
        c.box(r, role: .border, title: S.format(.rvPlanPane, p.tasks.count), titleRole: .paneTitle)
        let inner = r.inner
        let rows = planRows(s, width: inner.width)
        // The selected task a third of the way down.
        let selected = s.review.trace.owner(at: s.cursor)
        var top = 0
        if let first = rows.firstIndex(where: { $0.task == selected && selected != nil }) {
            top = max(0, min(first - inner.height / 3, rows.count - inner.height))
        }
        for (k, row) in rows.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + k
            if row.role == .selection { c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selection) }
            c.text(row.text, x: inner.x + row.indent, y: y, width: max(0, inner.width - row.indent), role: row.role)
        }
    }

    private static func bottom(_ c: inout Canvas, _ s: ReviewState, width: Int, height: Int) {
        let S = s.strings
        let my = height - 2
        if let p = s.prompt {
            let label = p.kind == .year ? S[.rvPromptYear] : S[.rvPromptPath]
            let x = c.text(label, x: 0, y: my, width: width, role: .label)
            let end = c.text(p.text, x: x, y: my, width: width - x - 1, role: .editor)
            c.cursor = (min(end, width - 1), my)
        } else if let m = s.message {
            c.text(m.text, x: 0, y: my, width: width, role: m.isError ? .error : .message)
        } else if let l = s.review.trace.line(s.cursor) {
            // What the line is, in words: the role and the task it belongs to.
            var what = S.format(.rvLineIs, l.number, ReviewState.roleName(l.role, S))
            if let t = l.task, let task = s.review.plan.tasks.first(where: { $0.id == t }) {
                what += "  " + S.format(.rvOfTask, task.number ?? task.id)
            }
            c.text(what, x: 0, y: my, width: width, role: .dim)
        }
        let context: ReviewContext = s.prompt == nil ? .review : .prompt
        var x = 0
        let hy = height - 1
        var shown = s.bindings.filter { $0.context == context && $0.onHintBar }
        // Opened before the dashboard: Enter (on to it) comes first.
        if context == .review, s.mode == .beforeDashboard, let enter = s.bindings.first(where: { $0.action == .openDashboard }) {
            shown.insert(enter, at: 0)
        }
        for b in shown {
            guard let key = b.keys.first(where: { if case .char = $0 { return true } else { return false } }) ?? b.keys.first else { continue }
            let label = S[b.hint ?? b.help]
            let need = DisplayWidth.of(key.name) + 1 + DisplayWidth.of(label) + 2
            if x + need > width { break }
            x = c.text(key.name, x: x, y: hy, width: width - x, role: .hintKey)
            x = c.text(" " + label + "  ", x: x, y: hy, width: width - x, role: .hint)
        }
    }

    private static func help(_ c: inout Canvas, _ s: ReviewState) {
        let S = s.strings
        let r = Rect(x: 2, y: 1, width: c.width - 4, height: c.height - 2)
        c.fill(r, role: .popup)
        c.box(r, role: .popupBorder, title: S[.rvHelpTitle], titleRole: .paneTitleFocused)
        let inner = r.inner
        var y = inner.y
        for b in s.bindings where y < inner.maxY {
            if b.action == .openDashboard && s.mode != .beforeDashboard { continue }
            let keys = b.keys.map(\.name).joined(separator: " ")
            let x = c.text(keys, x: inner.x + 1, y: y, width: 22, role: .hintKey)
            _ = x
            c.text(S[b.help], x: inner.x + 24, y: y, width: max(0, inner.width - 25), role: .popup)
            y += 1
        }
    }
}
