import DubanCore

/// Units (or lead leaders) with their counts and a bar of percent done. The column the
/// rows are sorted by carries `↓` in the header and names the sort in the title; a zero
/// is `·` in every count column; a unit that leads nothing has `—` for percent done (0
/// of 0 is no rate) and sorts after the others by it. Names get their whole width
/// before the optional columns (shared, done, red, yellow) take room.
enum WorkloadPane {
    struct Column {
        var key: UIText
        var width: Int
        var sort: PlanStore.WorkloadSort?
        var cell: (Tally) -> (String, Role)
    }

    /// A count: `·` for zero, the same in every column.
    static func count(_ n: Int, _ role: Role, prefix: String = "") -> (String, Role) {
        n == 0 ? ("·", .dim) : (prefix + String(n), role)
    }

    static func percent(_ t: Tally) -> (String, Role) {
        t.percentDoneIfAny.map { ("\($0)%", Role.normal) } ?? ("—", .dim)
    }

    /// The columns for a pane width and the longest name: the led count, the overdue
    /// count and percent done always; shared, red, done and yellow while the names keep
    /// their width (or at least 18 cells).
    static func columns(width w: Int, longestName: Int, units: Bool, sort: PlanStore.WorkloadSort,
                        strings S: Strings, compact: Bool) -> (cols: [Column], nameW: Int) {
        func col(_ key: UIText, _ w: Int, _ sortKey: PlanStore.WorkloadSort?, _ cell: @escaping (Tally) -> (String, Role)) -> Column {
            // The sorted column has room for its arrow.
            let head = header(key, compact: compact, strings: S) + (sortKey == sort && !compact ? "↓" : "")
            return Column(key: key, width: max(w, CellWidth.of(head)), sort: sortKey, cell: cell)
        }
        let led = col(units ? .colLed : .colTasks, 4, .led) { count($0.led, .normal) }
        let overdue = col(.colOverdue, 4, .overdue) { count($0.overdue, .red) }
        let pct = col(.colPercentDone, 4, .percentDone) { percent($0) }
        var optional: [(Int, Column)] = []  // (position, column) in priority order
        if units { optional.append((1, col(.colShared, 4, nil) { count($0.shared, .dim) })) }
        optional.append((4, col(.tuiColRed, 3, .red) { count($0.red, .red, prefix: "!") }))
        optional.append((2, col(.colDone, 4, nil) { count($0.done, .normal) }))
        optional.append((5, col(.tuiColYellow, 3, nil) { count($0.yellow, .yellow, prefix: "~") }))
        var chosen: [(Int, Column)] = [(0, led), (3, overdue), (6, pct)]
        func used(_ cs: [(Int, Column)]) -> Int { cs.reduce(0) { $0 + $1.1.width + 1 } }
        let target = min(longestName, max(18, w / 2))
        for o in optional {
            // The sorted column is never dropped.
            let keep = o.1.sort == sort
            if keep || w - used(chosen + [o]) >= target { chosen.append(o) }
        }
        chosen.sort { $0.0 < $1.0 }
        let cols = chosen.map(\.1)
        let nameW = max(min(longestName, w - used(chosen)), min(6, max(w - used(chosen), 0)))
        return (cols, max(nameW, 1))
    }

    static func header(_ key: UIText, compact: Bool, strings S: Strings) -> String {
        compact && key == .colPercentDone ? "%" : S[text: key]
    }

    static func draw(_ c: inout Canvas, _ s: DashboardState, _ r: Rect, focused: Bool) {
        let S = s.strings
        let rows = s.workloadRows
        let units = s.workloadMode == .units
        let nameHead = units ? S[.colUnit] : S[.colLeader]
        let w = max(r.width - 2, 0)
        // 未报送 (issue 13): the title names the current period and how many have not
        // reported; each such unit gets the marker after its name, before any optional column.
        let cycle = units ? s.cycleFacts : CycleCache.Facts(period: nil, unreported: [])
        var markW = 0
        if cycle.period != nil, !cycle.unreported.isEmpty {
            let m = CellWidth.of(S[.tcUnreported])
            if w - m - 1 >= 24 { markW = m }
        }
        let longest = max(rows.prefix(500).map { Display.width($0.name, upTo: w) }.max() ?? 8, CellWidth.of(nameHead) + 1)
        // Short headers (no arrow: the title names the sort; `%` for 完成率) in a narrow
        // pane, or when they give the names the cells they need.
        var compact = w < 32
        var (cols, nameW) = columns(width: w - (markW > 0 ? markW + 1 : 0), longestName: longest, units: units, sort: s.workloadSort, strings: S, compact: compact)
        if !compact && nameW < longest {
            let short = columns(width: w - (markW > 0 ? markW + 1 : 0), longestName: longest, units: units, sort: s.workloadSort, strings: S, compact: true)
            if short.nameW > nameW { (cols, nameW, compact) = (short.cols, short.nameW, true) }
        }
        let sortName = s.workloadSort == .name ? S[.tuiSortName] : (cols.first { $0.sort == s.workloadSort }.map { S[text: $0.key] } ?? "")
        var title = nameHead + " \(rows.count) ↓" + sortName + (s.narrowing[.workload].map { " /" + $0 } ?? "")
        if let p = cycle.period { title += " · " + S.format(.tcUnreportedTitle, p.id, cycle.unreported.count) }
        if s.workloadTrends {
            TrendChart.draw(&c, s, r, focused: focused)
            return
        }
        let inner = Renderer.frame(&c, r, title: title, focused: focused)
        guard inner.height >= 1, inner.width >= 8 else { return }
        let numW = cols.reduce(0) { $0 + $1.width + 1 } + (markW > 0 ? markW + 1 : 0)
        var barW = w - numW - nameW - 2
        if barW < 4 { barW = 0 }
        barW = min(barW, 20)
        // Header: the sorted column marked with ↓.
        c.fill(Rect(x: inner.x, y: inner.y, width: w, height: 1), role: .header)
        var x = inner.x
        c.text(nameHead + (s.workloadSort == .name && !compact ? "↓" : ""), x: x, y: inner.y, width: nameW, role: .header, clip: inner)
        x += nameW + 1 + (markW > 0 ? markW + 1 : 0)
        for col in cols {
            let head = (col.sort == s.workloadSort && !compact ? "↓" : "") + header(col.key, compact: compact, strings: S)
            Look.right(&c, head, x: x, y: inner.y, width: col.width, role: .header, clip: inner)
            x += col.width + 1
        }
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
            if markW > 0 {
                if cycle.unreported.contains(name) { c.text(S[.tcUnreported], x: x, y: y, width: markW, role: .red, clip: body) }
                x += markW + 1
            }
            for col in cols {
                let (text, role) = col.cell(t)
                let keep = role == .red || role == .yellow
                Look.right(&c, text, x: x, y: y, width: col.width, role: keep ? role : (sel ?? role), clip: body)
                x += col.width + 1
            }
            if barW > 0, let pct = t.percentDoneIfAny { Look.bar(&c, percent: pct, x: x, y: y, width: barW, clip: body) }
        }
    }
}

