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
            let noteIndent: Line = [(Display.units(String(repeating: " ", count: indent + 2)), .normal)]
            for h in t.history.reversed() {
                let head = "\(h.date.iso) \(S.status(h.status)) \(h.progress)%"
                out.add(.fixed([[(Display.units(String(repeating: " ", count: indent)), .normal),
                                 (Display.fit(prefixOf: head, width: width - indent), .dim)]]))
                let body = [h.note] + (h.author.map { [" — ", $0] } ?? [])
                out.add(.wrapped(LazyWrap(parts: body, width: max(width - indent - 2, 4)),
                                 first: noteIndent, rest: noteIndent, role: .normal))
            }
        }
        return out
    }

    static func format3(_ n: Int) -> String { String(n) }
}

/// The detail pane's lines, laid out on demand: blocks of lines built at once (short
/// rows) and blocks wrapped lazily (`LazyWrap`), one after the other. A block's first
/// line is only known once every block before it is counted to its end, so a huge
/// value is counted as far as the lines asked for, no further.
final class DetailLayout {
    enum Block {
        case fixed([DetailPane.Line])
        /// A wrapped value after a prefix (its label on the first line, blanks after).
        case wrapped(LazyWrap, first: DetailPane.Line, rest: DetailPane.Line, role: Role)
    }
    private(set) var blocks: [Block] = []

    func add(_ b: Block) { blocks.append(b) }

    /// Lines known (all of them when `isComplete`).
    var knownCount: Int {
        var n = 0
        for b in blocks {
            switch b {
            case .fixed(let ls): n += ls.count
            case .wrapped(let w, _, _, _):
                n += w.knownCount
                if !w.isComplete { return n }
            }
        }
        return n
    }

    var isComplete: Bool {
        blocks.allSatisfy { if case .wrapped(let w, _, _, _) = $0 { return w.isComplete } else { return true } }
    }

    /// Display units laid out by the lazy blocks so far (what the laziness bounds).
    var unitsLaidOut: Int {
        blocks.reduce(0) { if case .wrapped(let w, _, _, _) = $1 { return $0 + w.unitsLaidOut } else { return $0 } }
    }

    /// Counts lines until `count` are known (or all are), then a bounded way further.
    func count(upTo count: Int, extraScalars: Int = 16_384) {
        var start = 0
        for b in blocks {
            switch b {
            case .fixed(let ls): start += ls.count
            case .wrapped(let w, _, _, _):
                w.count(upTo: max(count - start, 0), extraScalars: extraScalars)
                start += w.knownCount
                if !w.isComplete { return }
            }
        }
    }

    /// The first line to show for a wanted offset: no further than the last screenful.
    func clampedOffset(_ wanted: Int, visible: Int) -> Int {
        let want = max(wanted, 0)
        count(upTo: want + visible + 1)
        return min(want, max(0, knownCount - visible))
    }

    /// The lines in `range` that exist.
    func lines(_ range: Range<Int>) -> [DetailPane.Line] {
        var out: [DetailPane.Line] = []
        var start = 0
        for b in blocks {
            guard start < range.upperBound else { break }
            switch b {
            case .fixed(let ls):
                let lo = max(range.lowerBound - start, 0), hi = min(range.upperBound - start, ls.count)
                if lo < hi { out += ls[lo..<hi] }
                start += ls.count
            case .wrapped(let w, let first, let rest, let role):
                let lo = max(range.lowerBound - start, 0)
                let hi = range.upperBound == Int.max ? Int.max : range.upperBound - start
                for (k, units) in w.lines(lo..<hi).enumerated() {
                    out.append((lo + k == 0 ? first : rest) + [(units, role)])
                }
                // Lines after this block need its end: counted only as far as asked.
                if !w.isComplete { w.count(upTo: hi) }
                guard w.isComplete else { return out }
                start += w.knownCount
            }
        }
        return out
    }
}

/// Units (or lead leaders) with their counts and a bar of percent done.
enum WorkloadPane {
    static func draw(_ c: inout Canvas, _ s: DashboardState, _ r: Rect, focused: Bool) {
        let S = s.strings
        let rows = s.workloadRows
        let title = (s.workloadMode == .units ? S[.colUnit] : S[.colLeader]) + " \(rows.count) ↓" + s.workloadSortName(s.workloadSort)
            + (s.narrowing[.workload].map { " /" + $0 } ?? "")
        let inner = Renderer.frame(&c, r, title: title, focused: focused)
        guard inner.height >= 1, inner.width >= 8 else { return }
        let w = inner.width
        // Numeric columns by priority; the name takes the rest, a bar what is left.
        var cols: [(UIText, Int, (Tally) -> (String, Role))] = []
        cols.append((.colLed, 4, { (String($0.led), .normal) }))
        if w >= 44 { cols.append((.colShared, 4, { (String($0.shared), .dim) })) }
        if w >= 52 { cols.append((.colDone, 4, { (String($0.done), .normal) })) }
        cols.append((.colOverdue, 4, { ($0.overdue > 0 ? String($0.overdue) : "·", $0.overdue > 0 ? .red : .dim) }))
        if w >= 28 { cols.append((.tuiColRed, 3, { ($0.red > 0 ? "!\($0.red)" : "", .red) })) }
        if w >= 40 { cols.append((.tuiColYellow, 3, { ($0.yellow > 0 ? "~\($0.yellow)" : "", .yellow) })) }
        cols.append((.colPercentDone, 5, { ("\($0.percentDone)%", .normal) }))
        let numW = cols.reduce(0) { $0 + $1.1 + 1 }
        let longest = rows.prefix(200).map { Display.width($0.name, upTo: w) }.max() ?? 8
        let nameW = max(min(longest, max(w - numW - 1, 6)), min(8, w - numW - 1))
        var barW = w - numW - nameW - 2
        if barW < 4 { barW = 0 }
        barW = min(barW, 20)
        // Header.
        c.fill(Rect(x: inner.x, y: inner.y, width: w, height: 1), role: .header)
        var x = inner.x
        c.text(s.workloadMode == .units ? S[.colUnit] : S[.colLeader], x: x, y: inner.y, width: nameW, role: .header, clip: inner)
        x += nameW + 1
        for col in cols { Look.right(&c, S[text: col.0], x: x, y: inner.y, width: col.1, role: .header, clip: inner); x += col.1 + 1 }
        let body = Rect(x: inner.x, y: inner.y + 1, width: w, height: inner.height - 1)
        guard body.height > 0 else { return }
        let ls = s.workloadList
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
