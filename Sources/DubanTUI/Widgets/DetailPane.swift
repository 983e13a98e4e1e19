import DubanCore

/// The selected task in full: wrapped text, people, units, deadline, status,
/// progress, the light with its reasons in words, remarks and the whole history.
enum DetailPane {
    typealias Segment = (units: [DisplayUnit], role: Role)
    typealias Line = [Segment]

    static func draw(_ c: inout Canvas, _ s: DashboardState, _ r: Rect, focused: Bool) {
        let inner = Renderer.frame(&c, r, title: s.strings[.tuiDetail], focused: focused)
        guard !inner.isEmpty else { return }
        guard let detail = s.detail else {
            c.text(s.strings[.tuiNoTasks], x: inner.x + 1, y: inner.y, width: inner.width - 1, role: .dim, clip: inner)
            return
        }
        // Only the lines shown were laid out (by the state, when it changed); the total is
        // counted a bounded way ahead, so a 200 MB remark costs a screenful.
        let off = detail.offset
        let lines = detail.lines
        for (row, line) in lines.enumerated() {
            var x = inner.x
            for seg in line { x = c.put(seg.units, x: x, y: inner.y + row, role: seg.role, clip: inner) }
        }
        let count = detail.knownCount
        if count > inner.height || !detail.isComplete {
            let total = detail.isComplete ? "\(count)" : "\(count)+"
            let mark = "\(off + 1)-\(off + lines.count)/" + total
            Look.right(&c, " " + mark + " ", x: r.x + 1, y: r.maxY - 1, width: r.width - 3, role: .dim)
        }
    }

    /// The detail as lines for a given width: every line (small tasks and tests).
    static func lines(_ s: DashboardState, task i: Int, width: Int) -> [Line] {
        layout(s, task: i, width: width).lines(0..<Int.max)
    }

    /// The detail for a given width (cached by the state): small rows built at once,
    /// every free-text value (task text, goal, main tasks, people and units, remarks,
    /// history notes) wrapped lazily.
    static func layout(_ s: DashboardState, task i: Int, width: Int) -> DetailLayout {
        let S = s.strings
        let t = s.store.task(at: i)
        let a = s.store.assessments[i]
        // Labels of the rows this task shows: the value column starts after the widest.
        let labels: [UIText] = [.colNumber, .colChapter, .colText, .colLeader, .colLeadUnits, .tuiCoUnits,
                                     .colDeadline, .colStatus, .colProgress, .tuiLight, .tuiRemarks, .tuiHistory]
            + (t.goal == nil ? [] : [.tuiGoal]) + (t.mainTasks == nil ? [] : [.tuiMainTasks])
            + CycleDetail.labels(t)
        let labelW = min((labels.map { CellWidth.of(S[text: $0]) }.max() ?? 8) + 2, max(width / 3, 4))
        let valueW = max(width - labelW, 4)
        let out = DetailLayout()
        func field(_ key: UIText, parts: [String], _ role: Role = .normal, extra: [Segment] = []) {
            let empty = parts.allSatisfy { $0.isEmpty }
            let wrap = LazyWrap(parts: empty ? ["—"] : parts, width: valueW)
            let label: Segment = (Display.fit(Display.units(S[text: key]), width: labelW - 1), .label)
            let pad = labelW - label.units.reduce(0) { $0 + $1.width }
            let first: Line = [label, (Display.units(String(repeating: " ", count: max(pad, 0))), .normal)]
            let rest: Line = [(Display.fit(Display.units(""), width: labelW - 1), .label),
                              (Display.units(String(repeating: " ", count: max(labelW, 0))), .normal)]
            guard !extra.isEmpty else {
                out.add(.wrapped(wrap, first: first, rest: rest, role: empty ? .dim : role))
                return
            }
            // A short value with more after it on its last line (the progress bar).
            var lines: [Line] = wrap.allLines.enumerated().map { n, w in (n == 0 ? first : rest) + [(w, empty ? .dim : role)] }
            if !lines.isEmpty {
                let used = lines[lines.count - 1].reduce(0) { $0 + $1.units.reduce(0) { $0 + $1.width } }
                var left = width - used
                for e in extra where left > 0 {
                    let u = Display.fit(e.units, width: left)
                    lines[lines.count - 1].append((u, e.role))
                    left -= u.reduce(0) { $0 + $1.width }
                }
            }
            out.add(.fixed(lines))
        }
        func field(_ key: UIText, _ value: String, _ role: Role = .normal, extra: [Segment] = []) {
            field(key, parts: [value], role, extra: extra)
        }
        /// A list joined by a separator, as parts (nothing is copied).
        func joined(_ xs: [String], _ sep: String) -> [String] {
            var parts: [String] = []
            for (k, x) in xs.enumerated() { if k > 0 { parts.append(sep) }; parts.append(x) }
            return parts
        }
        let sep = S.lang == .zh ? "、" : ", "
        field(.colNumber, [t.number, "[\(t.id)]"].compactMap { $0 }.joined(separator: " "))
        if let cid = t.chapter, s.store.chapter(cid) != nil {
            let path = (s.store.ancestors(ofChapter: cid).reversed() + [cid]).compactMap { s.store.chapter($0) }
                .map { ChaptersPane.label($0) + $0.title }
            field(.colChapter, parts: joined(path, " › "), .dim)
        }
        field(.colText, t.text)
        if let g = t.goal { field(.tuiGoal, g) }
        if let m = t.mainTasks { field(.tuiMainTasks, m) }
        field(.colLeader, parts: joined(t.leaders, sep))
        field(.colLeadUnits, parts: joined(t.leadUnits, sep))
        field(.tuiCoUnits, parts: joined(t.coUnits, sep))
        var due = t.deadline?.iso ?? S[.tcNoDeadline]
        if t.deadlineAssumed { due += " " + S[.tuiDeadlineAssumed] }
        field(.colDeadline, due, a.isOverdue ? .red : (a.isDueSoon ? .yellow : .normal))
        CycleDetail.add(s, task: t, width: width, labelW: labelW, to: out)
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
            let noteIndent: Line = [(Display.units(String(repeating: " ", count: indent + 2)), .normal)]
            // Newest first by date, whatever order the file keeps them in (a later entry
            // of the same day first); each says who wrote it.
            for h in newestFirst(t.history) {
                let who = h.author.map { $0.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 } ?? S[.uiHistoryNoAuthor]
                let head = "\(h.date.iso) \(S.status(h.status)) \(h.progress)% · \(who)"
                out.add(.fixed([[(Display.units(String(repeating: " ", count: indent)), .normal),
                                 (Display.fit(prefixOf: head, width: width - indent), .dim)]]))
                out.add(.wrapped(LazyWrap(parts: [h.note], width: max(width - indent - 2, 4)),
                                 first: noteIndent, rest: noteIndent, role: .normal))
            }
        }
        return out
    }

    static func format3(_ n: Int) -> String { String(n) }

    /// A task's history newest first by date; entries of one day, the later in the file first.
    static func newestFirst(_ h: [HistoryEntry]) -> [HistoryEntry] {
        h.indices.sorted { a, b in h[a].date != h[b].date ? h[a].date > h[b].date : a > b }.map { h[$0] }
    }
}
