import DubanCore

/// The trend chart (issue 13) the workload pane shows instead of its table when `t` is
/// on: for the plan and each unit (or leader) listed, one line a period with three bars,
/// done, overdue and red, drawn with eighth blocks (▏▎▍▌▋▊▉█) and each followed by its
/// count. Every bar of a kind is scaled to the largest count of that kind in the chart,
/// so a unit's bars compare with the others'. Pure: lines of exactly `width` cells
/// (Chinese names cut by display cells), at most `height` of them.
enum TrendChart {
    typealias Line = [(text: String, role: Role)]

    /// One entity's series: its name and one point per period.
    struct Series {
        var name: String
        var points: [Trend.Point]
    }

    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value` out of `max` in `cells` cells, in eighths: at least ▏ for a value
    /// above zero, nothing for zero.
    static func bar(_ value: Int, max m: Int, cells: Int) -> String {
        guard value > 0, m > 0, cells > 0 else { return "" }
        var eighthsLong = (value * cells * 8 + m / 2) / m
        eighthsLong = Swift.min(Swift.max(eighthsLong, 1), cells * 8)
        let full = eighthsLong / 8, rest = eighthsLong % 8
        return String(repeating: "█", count: full) + (rest > 0 ? String(eighths[rest - 1]) : "")
    }

    /// `s` cut to at most `w` cells and padded with spaces to exactly `w`.
    static func fit(_ s: String, _ w: Int) -> String {
        guard w > 0 else { return "" }
        var out = "", used = 0
        for ch in s {
            let cw = CellWidth.of(ch)
            if used + cw > w { break }
            out.append(ch); used += cw
        }
        return out + String(repeating: " ", count: w - used)
    }

    /// The chart's lines: a header (period, done, overdue, red), then per series its
    /// name and one line a period. `periods` are the period ids, oldest first.
    /// When the height holds fewer periods than there are, the latest ones are shown.
    static func lines(periods all: [String], series allSeries: [Series], width: Int, height: Int, strings S: Strings) -> [Line] {
        guard width > 0, height > 0 else { return [] }
        let shown = min(all.count, max(height - 2, 1))
        let periods = Array(all.suffix(shown))
        let series = allSeries.map { Series(name: $0.name, points: Array($0.points.suffix(shown))) }
        var out: [Line] = []
        let idW = min(periods.map { CellWidth.of($0) }.max() ?? 7, max(width - 12, 1))
        // Three equal parts after the id: a bar, a space, the count (up to 3 digits), a gap.
        let partW = max((width - idW - 1) / 3, 0)
        let countW = min(3, max(partW - 3, 0))
        let barW = max(partW - countW - 2, 0)
        let maxOf: [KeyPath<Trend.Point, Int>: Int] = [
            \.done: series.flatMap(\.points).map(\.done).max() ?? 0,
            \.overdue: series.flatMap(\.points).map(\.overdue).max() ?? 0,
            \.red: series.flatMap(\.points).map(\.red).max() ?? 0,
        ]
        func finish(_ l: Line) -> Line {
            let used = l.reduce(0) { $0 + CellWidth.of($1.text) }
            return used < width ? l + [(String(repeating: " ", count: width - used), .normal)] : l
        }
        var head: Line = [(fit("", idW + 1), .header)]
        for key in [Strings.Key.colDone, .colOverdue, .colRed] where partW > 0 {
            head.append((fit(S[key], partW), .header))
        }
        out.append(finish(head))
        let kinds: [(KeyPath<Trend.Point, Int>, Role)] = [(\.done, .green), (\.overdue, .red), (\.red, .red)]
        for s in series {
            guard out.count < height else { break }
            out.append(finish([(fit(s.name, width), .label)]))
            for (k, id) in periods.enumerated() where k < s.points.count {
                guard out.count < height else { break }
                let p = s.points[k]
                var l: Line = [(fit(id, idW) + " ", .dim)]
                for (kp, role) in kinds where partW > 0 {
                    let v = p[keyPath: kp]
                    // A block is one cell, or two where ambiguous-width characters are wide.
                    let b = bar(v, max: maxOf[kp] ?? 0, cells: barW / max(CellWidth.of("█" as Character), 1))
                    let n = v == 0 ? "·" : String(v)
                    let count = countW > 0 ? String(repeating: " ", count: max(countW - n.count, 0)) + String(n.prefix(countW)) : ""
                    l.append((fit(b, barW), role))
                    l.append((fit(" " + count + " ", partW - barW), v == 0 ? .dim : .normal))
                }
                out.append(finish(l))
            }
        }
        return Array(out.prefix(height))
    }

    /// The lines as plain text (tests): one string a line.
    static func plain(_ ls: [Line]) -> [String] { ls.map { $0.map(\.text).joined() } }
}

extension TrendChart {
    /// The workload pane with the chart: the plan first, then the rows listed from the
    /// list's top row on (the selection scrolls it). A plan without a reporting cycle has
    /// no periods: the pane says so.
    static func draw(_ c: inout Canvas, _ s: DashboardState, _ r: Rect, focused: Bool) {
        let S = s.strings
        let trend = s.cycleCache.trend(s.store)
        let title = S.format(.tcTrendsTitle, trend.periods.first.map { a in a + (trend.periods.count > 1 ? "–" + trend.periods[trend.periods.count - 1] : "") } ?? "")
        let inner = Renderer.frame(&c, r, title: title, focused: focused)
        guard !inner.isEmpty else { return }
        guard !trend.isEmpty else {
            c.text(S[.tcTrendsNoCycle], x: inner.x, y: inner.y, width: inner.width, role: .dim, clip: inner)
            return
        }
        let byName = s.workloadMode == .units ? trend.units : trend.leaders
        var series = [Series(name: S[.tcTrendsPlan], points: trend.plan)]
        let rows = s.workloadRows
        let from = min(s.workloadList.selected, max(rows.count - 1, 0))
        for (name, _) in rows.dropFirst(from) {
            series.append(Series(name: name, points: byName[name] ?? Array(repeating: Trend.Point(done: 0, overdue: 0, red: 0), count: trend.periods.count)))
            if series.count * (trend.periods.count + 1) > inner.height + trend.periods.count + 1 { break }
        }
        for (y, line) in lines(periods: trend.periods, series: series, width: inner.width, height: inner.height, strings: S).enumerated() {
            var x = inner.x
            for seg in line {
                let w = CellWidth.of(seg.text)
                c.text(seg.text, x: x, y: inner.y + y, width: w, role: seg.role, clip: inner)
                x += w
            }
        }
    }
}
