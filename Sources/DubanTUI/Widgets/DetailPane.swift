import DubanCore

/// The selected task in full: wrapped text, people, units, deadline, status,
/// progress, the light with its reasons in words, remarks and the whole history.
enum DetailPane {
    typealias Segment = (units: [DisplayUnit], role: Role)
    typealias Line = [Segment]

    static func draw(_ c: inout Canvas, _ s: DashboardState, _ r: Rect, focused: Bool) {
        let inner = Renderer.frame(&c, r, title: s.strings[.tuiDetail], focused: focused)
        guard !inner.isEmpty else { return }
        guard let i = s.selectedTask else {
            c.text(s.strings[.tuiNoTasks], x: inner.x + 1, y: inner.y, width: inner.width - 1, role: .dim, clip: inner)
            return
        }
        let lines = s.detailLines(task: i, width: inner.width)
        let maxOff = max(0, lines.count - inner.height)
        let off = min(s.detailOffset, maxOff)
        for row in 0..<inner.height {
            let k = off + row
            guard k < lines.count else { break }
            var x = inner.x
            for seg in lines[k] { x = c.put(seg.units, x: x, y: inner.y + row, role: seg.role, clip: inner) }
        }
        if lines.count > inner.height {
            let mark = "\(off + 1)-\(min(off + inner.height, lines.count))/\(lines.count)"
            Look.right(&c, " " + mark + " ", x: r.x + 1, y: r.maxY - 1, width: r.width - 3, role: .dim)
        }
    }

    /// The detail as lines for a given width (cached by the state).
    static func lines(_ s: DashboardState, task i: Int, width: Int) -> [Line] {
        let S = s.strings
        let t = s.store.task(at: i)
        let a = s.store.assessments[i]
        // Labels of the rows this task shows: the value column starts after the widest.
        let labels: [Strings.Key] = [.colNumber, .colChapter, .colText, .colLeader, .colLeadUnits, .tuiCoUnits,
                                     .colDeadline, .colStatus, .colProgress, .tuiLight, .tuiRemarks, .tuiHistory]
            + (t.goal == nil ? [] : [.tuiGoal]) + (t.mainTasks == nil ? [] : [.tuiMainTasks])
        let labelW = min((labels.map { CellWidth.of(S[$0]) }.max() ?? 8) + 2, max(width / 3, 4))
        let valueW = max(width - labelW, 4)
        var out: [Line] = []
        func field(_ key: Strings.Key, _ value: String, _ role: Role = .normal, extra: [Segment] = []) {
            let wrapped = Display.wrap(value.isEmpty ? "—" : value, width: valueW)
            for (n, w) in wrapped.enumerated() {
                var line: Line = [(Display.fit(Display.units(n == 0 ? S[key] : ""), width: labelW - 1), .label)]
                let pad = labelW - line[0].units.reduce(0) { $0 + $1.width }
                line.append((Display.units(String(repeating: " ", count: max(pad, 0))), .normal))
                line.append((w, value.isEmpty ? .dim : role))
                out.append(line)
            }
            if !extra.isEmpty, !out.isEmpty {
                let used = out[out.count - 1].reduce(0) { $0 + $1.units.reduce(0) { $0 + $1.width } }
                let room = width - used
                var rest = room
                for e in extra where rest > 0 {
                    let u = Display.fit(e.units, width: rest)
                    out[out.count - 1].append((u, e.role))
                    rest -= u.reduce(0) { $0 + $1.width }
                }
            }
        }
        let sep = S.lang == .zh ? "、" : ", "
        field(.colNumber, [t.number, "[\(t.id)]"].compactMap { $0 }.joined(separator: " "))
        if let cid = t.chapter, s.store.chapter(cid) != nil {
            let path = (s.store.ancestors(ofChapter: cid).reversed() + [cid]).compactMap { s.store.chapter($0) }
                .map { ChaptersPane.label($0) + $0.title }.joined(separator: " › ")
            field(.colChapter, path, .dim)
        }
        field(.colText, t.text)
        if let g = t.goal { field(.tuiGoal, g) }
        if let m = t.mainTasks { field(.tuiMainTasks, m) }
        field(.colLeader, t.leaders.joined(separator: sep))
        field(.colLeadUnits, t.leadUnits.joined(separator: sep))
        field(.tuiCoUnits, t.coUnits.joined(separator: sep))
        var due = t.deadline?.iso ?? S[.tuiNoDeadline]
        if t.deadlineAssumed { due += " " + S[.tuiDeadlineAssumed] }
        field(.colDeadline, due, a.isOverdue ? .red : (a.isDueSoon ? .yellow : .normal))
        field(.colStatus, S.status(t.status) + (t.statusInferred ? " " + S[.tuiStatusInferred] : ""), Look.statusRole(t.status))
        let barW = min(20, max(valueW - 6, 0))
        let filled = barW == 0 ? 0 : min(barW, (t.progress * barW + 50) / 100)
        field(.colProgress, String(format3(t.progress)) + "%", .normal, extra: [
            (Display.units(" "), .normal),
            (Display.units(String(repeating: "|", count: filled)), .barDone),
            (Display.units(String(repeating: ".", count: barW - filled)), .barEmpty),
        ])
        field(.tuiLight, Look.marker(a.light) + " " + S.light(a.light) + "：" + S.reasons(a), Look.lightRole(a.light))
        field(.tuiRemarks, t.remarks)
        if t.history.isEmpty {
            field(.tuiHistory, S[.tuiNoHistory], .dim)
        } else {
            field(.tuiHistory, S.format(.tuiHistoryCount, t.history.count), .dim)
            let indent = 2
            for h in t.history.reversed() {
                let head = "\(h.date.iso) \(S.status(h.status)) \(h.progress)%"
                let body = h.note + (h.author.map { " — " + $0 } ?? "")
                out.append([(Display.units(String(repeating: " ", count: indent)), .normal), (Display.fit(Display.units(head), width: width - indent), .dim)])
                for w in Display.wrap(body, width: max(width - indent - 2, 4)) {
                    out.append([(Display.units(String(repeating: " ", count: indent + 2)), .normal), (w, .normal)])
                }
            }
        }
        return out
    }

    static func format3(_ n: Int) -> String { String(n) }
}

extension DashboardState {
    /// The detail lines of a task at a width, kept until the plan, task or width changes.
    func detailLines(task i: Int, width: Int) -> [DetailPane.Line] {
        if let c = detailCache, c.task == i, c.width == width, c.revision == store.revision { return c.lines }
        let lines = DetailPane.lines(self, task: i, width: width)
        detailCache = (i, width, store.revision, lines)
        return lines
    }
}

/// Units (or lead leaders) with their counts and a bar of percent done.
enum WorkloadPane {
    static func draw(_ c: inout Canvas, _ s: DashboardState, _ r: Rect, focused: Bool) {
        let S = s.strings
        let rows = s.workloadRows
        let title = (s.workloadMode == .units ? S[.colUnit] : S[.colLeader]) + " \(rows.count) ↓" + s.workloadSortName(s.workloadSort)
        let inner = Renderer.frame(&c, r, title: title, focused: focused)
        guard inner.height >= 1, inner.width >= 8 else { return }
        let w = inner.width
        // Numeric columns by priority; the name takes the rest, a bar what is left.
        var cols: [(Strings.Key, Int, (Tally) -> (String, Role))] = []
        cols.append((.colLed, 4, { (String($0.led), .normal) }))
        if w >= 44 { cols.append((.colShared, 4, { (String($0.shared), .dim) })) }
        if w >= 52 { cols.append((.colDone, 4, { (String($0.done), .normal) })) }
        cols.append((.colOverdue, 4, { ($0.overdue > 0 ? String($0.overdue) : "·", $0.overdue > 0 ? .red : .dim) }))
        if w >= 28 { cols.append((.tuiColRed, 3, { ($0.red > 0 ? "!\($0.red)" : "", .red) })) }
        if w >= 40 { cols.append((.tuiColYellow, 3, { ($0.yellow > 0 ? "~\($0.yellow)" : "", .yellow) })) }
        cols.append((.colPercentDone, 5, { ("\($0.percentDone)%", .normal) }))
        let numW = cols.reduce(0) { $0 + $1.1 + 1 }
        let longest = rows.prefix(200).map { CellWidth.of($0.name) }.max() ?? 8
        let nameW = max(min(longest, max(w - numW - 1, 6)), min(8, w - numW - 1))
        var barW = w - numW - nameW - 2
        if barW < 4 { barW = 0 }
        barW = min(barW, 20)
        // Header.
        c.fill(Rect(x: inner.x, y: inner.y, width: w, height: 1), role: .header)
        var x = inner.x
        c.text(s.workloadMode == .units ? S[.colUnit] : S[.colLeader], x: x, y: inner.y, width: nameW, role: .header, clip: inner)
        x += nameW + 1
        for col in cols { Look.right(&c, S[col.0], x: x, y: inner.y, width: col.1, role: .header, clip: inner); x += col.1 + 1 }
        let body = Rect(x: inner.x, y: inner.y + 1, width: w, height: inner.height - 1)
        guard body.height > 0 else { return }
        var ls = s.workloadList
        ls.clamp(count: rows.count, visible: body.height)
        for row in 0..<body.height {
            let p = ls.offset + row
            guard p < rows.count else { break }
            let y = body.y + row
            let (name, t) = rows[p]
            let sel: Role? = p == ls.selected ? Look.selectionRole(focused: focused) : nil
            if let sel { c.fill(Rect(x: body.x, y: y, width: w, height: 1), role: sel) }
            var x = body.x
            c.text(name, x: x, y: y, width: nameW, role: sel ?? .normal, clip: body)
            x += nameW + 1
            for col in cols {
                let (text, role) = col.2(t)
                let keep = role == .red || role == .yellow
                Look.right(&c, text, x: x, y: y, width: col.1, role: (keep && !text.isEmpty) ? role : (sel ?? role), clip: body)
                x += col.1 + 1
            }
            if barW > 0 { Look.bar(&c, percent: t.percentDone, x: x, y: y, width: barW, clip: body) }
        }
    }
}
