import DubanCore

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
