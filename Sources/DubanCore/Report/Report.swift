/// Workload and overdue reports, as tables, CSV, Markdown or JSON. Pure: the CLI only
/// prints what these return.
public enum ReportFormat: String, CaseIterable, Sendable { case table, csv, json, markdown }
public enum ReportGrouping: String, CaseIterable, Sendable { case unit, leader, chapter, status }

/// Rows of text with column titles; numbers align right. The rows hold the data whole:
/// only the table for a terminal cuts (`renderTable`), never CSV, JSON or Markdown.
public struct ReportTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var numeric: Bool
        /// The most cells this column takes in a table (cut with `…`), unless `--wide`.
        public var limit: Int?
        public init(_ title: String, numeric: Bool = false, limit: Int? = nil) {
            self.title = title; self.numeric = numeric; self.limit = limit
        }
    }
    public var columns: [Column]
    public var rows: [[String]]
    /// The first column names the group of each row (consecutive rows share it): CSV keeps
    /// it as a column, a table and Markdown show it as a heading over each group's rows.
    public var grouped = false
    public init(columns: [Column], rows: [[String]]) { self.columns = columns; self.rows = rows }

    /// The groups of a grouped table: each name with its rows, the group column removed.
    func groups() -> [(name: String, table: ReportTable)] {
        var out: [(name: String, table: ReportTable)] = []
        let cols = Array(columns.dropFirst())
        for r in rows {
            let name = r.first ?? ""
            if out.last?.name != name { out.append((name, ReportTable(columns: cols, rows: []))) }
            out[out.count - 1].table.rows.append(Array(r.dropFirst()))
        }
        return out
    }

    /// Columns aligned by display width (a Han character takes two cells), a rule under
    /// the titles. Every cell goes through `TerminalText` first (one line each: a control
    /// shows as `^[`, a line break as `↵`), so the table is safe on a terminal whether or
    /// not standard output is one. Unless `wide`, a column with a `limit` is cut to it, and
    /// with `width` (the terminal's columns) every line is cut to that width; `wide` cuts
    /// nothing.
    public func renderTable(width: Int? = nil, wide: Bool = false) -> String {
        if grouped { return renderGroupedTable(width: width, wide: wide) }
        let titles = columns.map { TerminalText.clean($0.title) }
        var cells = rows.map { r in r.map { TerminalText.clean($0) } }
        if !wide {
            for (i, col) in columns.enumerated() {
                guard let limit = col.limit else { continue }
                for k in cells.indices where i < cells[k].count { cells[k][i] = DisplayWidth.truncate(cells[k][i], to: limit) }
            }
        }
        var widths = titles.map { DisplayWidth.of($0) }
        for r in cells { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, col) in columns.enumerated() {
                let text = i < cells.count ? cells[i] : ""
                let last = i == columns.count - 1
                if last && !col.numeric { parts.append(text) } else {
                    parts.append(DisplayWidth.pad(text, to: widths[i], alignRight: col.numeric))
                }
            }
            let l = parts.joined(separator: "  ").trimmingTrailingSpaces
            if !wide, let width, width > 0 { return DisplayWidth.truncate(l, to: width) }
            return l
        }
        var out = [line(titles)]
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        out.append(!wide && width.map { $0 > 0 && rule.count > $0 } == true ? String(rule.prefix(width ?? 0)) : rule)
        out += cells.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// A grouped table: each group's name and count on a line of its own, then its rows
    /// under the column titles; the columns line up across all groups.
    func renderGroupedTable(width: Int?, wide: Bool) -> String {
        if rows.isEmpty { return "" }
        var flat = self
        flat.grouped = false
        flat.columns = Array(columns.dropFirst())
        flat.rows = rows.map { Array($0.dropFirst()) }
        let lines = flat.renderTable(width: width, wide: wide).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2 else { return "" }
        var out: [String] = []
        var k = 2
        for (i, g) in groups().enumerated() {
            if i > 0 { out.append("") }
            var head = TerminalText.clean(groupHeading(g.name, g.table.rows.count))
            if !wide, let width, width > 0 { head = DisplayWidth.truncate(head, to: width) }
            out += [head, lines[0], lines[1]] + lines[k..<(k + g.table.rows.count)]
            k += g.table.rows.count
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// 市教育局（2项） / 市教育局 (2): a group's heading, `{0}` the name, `{1}` the count.
    public var groupHeadingFormat = "{0} ({1})"
    func groupHeading(_ name: String, _ n: Int) -> String {
        groupHeadingFormat.replacingAll("{1}", with: String(n)).replacingAll("{0}", with: name)
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. The
    /// data is kept exactly, control characters included: a field holding any control, C1
    /// or invisible format character is quoted too, so such a character is always inside
    /// quotes. (The CLI cleans CSV only when it goes to a terminal.)
    public func renderCSV() -> String {
        func field(_ s: String) -> String {
            if s.contains(where: { $0 == "," || $0 == "\"" }) || !TerminalText.isClean(s) {
                return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
            }
            return s
        }
        return ([columns.map(\.title)] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A Markdown (GFM) table: each cell one line through `TerminalText` (controls as
    /// `^[`, line breaks as `↵`), `|` escaped as `\|`. Nothing is cut.
    public func renderMarkdown() -> String {
        if grouped {
            return groups().map { g in
                "## " + Reports.markdownText(TerminalText.clean(groupHeading(g.name, g.table.rows.count))) + "\n\n" + g.table.renderMarkdown()
            }.joined(separator: "\n")
        }
        func cell(_ s: String) -> String { TerminalText.clean(s).replacingAll("|", with: "\\|") }
        var out = "| " + columns.map { cell($0.title) }.joined(separator: " | ") + " |\n"
        out += "| " + columns.map { $0.numeric ? "---:" : "---" }.joined(separator: " | ") + " |\n"
        for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

public struct Reports {
    public let store: PlanStore
    public var strings: Strings { store.strings }
    public init(_ store: PlanStore) { self.store = store }

    /// Percent done as a table shows it: rounded half up, "—" for a row that leads no
    /// task (0 of 0 is no rate; JSON gives null).
    static func percentCell(_ t: Tally) -> String { t.percentDoneIfAny.map { "\($0)%" } ?? "—" }

    /// The workload table for a grouping.
    public func table(by g: ReportGrouping) -> ReportTable {
        let S = strings
        switch g {
        case .unit, .leader:
            let rows = g == .unit ? store.unitWorkload(sortedBy: .led) : store.leaderWorkload(sortedBy: .led)
            var cols = [ReportTable.Column(S[g == .unit ? .colUnit : .colLeader]), .init(S[.colLed], numeric: true)]
            if g == .unit { cols.append(.init(S[.colShared], numeric: true)) }
            cols += [.init(S[.colDone], numeric: true), .init(S[.colOverdue], numeric: true),
                     .init(S[.colLagging], numeric: true), .init(S[.colNoDeadline], numeric: true),
                     .init(S[.colPercentDone], numeric: true)]
            return ReportTable(columns: cols, rows: rows.map { r in
                var cells = [r.name, String(r.tally.led)]
                if g == .unit { cells.append(String(r.tally.shared)) }
                cells += [String(r.tally.done), String(r.tally.overdue), String(r.tally.lagging), String(r.tally.noDeadline),
                          Self.percentCell(r.tally)]
                return cells
            })
        case .chapter:
            let cols: [ReportTable.Column] = [.init(S[.colChapter]), .init(S[.colTasks], numeric: true),
                                              .init(S[.colDone], numeric: true), .init(S[.colOverdue], numeric: true),
                                              .init(S[.colRed], numeric: true), .init(S[.colYellow], numeric: true),
                                              .init(S[.colNoDeadline], numeric: true), .init(S[.colPercentDone], numeric: true)]
            let rows = chapterRows().map { r in
                [String(repeating: "  ", count: r.depth) + r.name, String(r.tally.led), String(r.tally.done),
                 String(r.tally.overdue), String(r.tally.red), String(r.tally.yellow), String(r.tally.noDeadline),
                 Self.percentCell(r.tally)]
            }
            return ReportTable(columns: cols, rows: rows)
        case .status:
            let cols: [ReportTable.Column] = [.init(S[.colStatus]), .init(S[.colTasks], numeric: true)]
            return ReportTable(columns: cols, rows: TaskStatus.allCases.map {
                [S.status($0), String(store.statusCounts[$0] ?? 0)]
            })
        }
    }

    /// Chapters in outline order with depth, then the tasks with no chapter if any.
    public func chapterRows() -> [(id: String?, depth: Int, name: String, tally: Tally)] {
        var out: [(id: String?, depth: Int, name: String, tally: Tally)] = []
        func walk(_ parent: String, _ depth: Int) {
            for k in store.childChapters[parent] ?? [] {
                let c = store.plan.chapters[k]
                out.append((c.id, depth, Reports.chapterName(c), store.tally(forChapter: c.id)))
                if depth < 64 { walk(c.id, depth + 1) }
            }
        }
        walk("", 0)
        if store.unchapteredTally.led > 0 { out.append((nil, 0, strings[.noChapter], store.unchapteredTally)) }
        return out
    }

    /// 一、 title / (一) title / 1. title, as the chapter is printed.
    public static func chapterName(_ c: Chapter) -> String {
        if c.label.isEmpty { return c.title }
        let l = c.label
        if l.hasPrefix("(") || l.hasPrefix("（") { return l + c.title }
        if l.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) { return l + ". " + c.title }
        return l + "、" + c.title
    }

    /// The overdue tasks, most overdue first.
    public func overdueIndexes() -> [Int] {
        store.query(TaskFilter(overdueOnly: true)).sorted {
            let a = store.assessments[$0].daysOverdue, b = store.assessments[$1].daysOverdue
            return a != b ? a > b : $0 < $1
        }
    }

    public func overdueTable() -> ReportTable {
        let S = strings
        let cols: [ReportTable.Column] = [.init(S[.colNumber]), .init(S[.colDaysOverdue], numeric: true),
                                          .init(S[.colDeadline]), .init(S[.colStatus]), .init(S[.colLeadUnits]),
                                          .init(S[.colText], limit: 60)]
        return ReportTable(columns: cols, rows: overdueIndexes().map { i in
            let t = store.task(at: i)
            return [t.number ?? t.id, String(store.assessments[i].daysOverdue), t.deadline?.iso ?? "",
                    S.status(t.status), t.leadUnits.joined(separator: "、"), t.text]
        })
    }

    // MARK: JSON

    public func json(by g: ReportGrouping) -> String {
        var w = PlanWriter()
        switch g {
        case .unit, .leader:
            let rows = g == .unit ? store.unitWorkload(sortedBy: .led) : store.leaderWorkload(sortedBy: .led)
            w.objectArray(rows) { w, r in
                var first = true
                w.key("name", first: &first); w.string(r.name)
                w.key("led", first: &first); w.int(r.tally.led)
                if g == .unit { w.key("shared", first: &first); w.int(r.tally.shared) }
                w.key("done", first: &first); w.int(r.tally.done)
                w.key("overdue", first: &first); w.int(r.tally.overdue)
                w.key("lagging", first: &first); w.int(r.tally.lagging)
                w.key("noDeadline", first: &first); w.int(r.tally.noDeadline)
                w.key("percentDone", first: &first); if let p = r.tally.percentDoneIfAny { w.int(p) } else { w.raw("null") }
            }
        case .chapter:
            w.objectArray(chapterRows()) { w, r in
                var first = true
                w.key("id", first: &first); w.optionalString(r.id)
                w.key("depth", first: &first); w.int(r.depth)
                w.key("name", first: &first); w.string(r.name)
                w.key("tasks", first: &first); w.int(r.tally.led)
                w.key("done", first: &first); w.int(r.tally.done)
                w.key("overdue", first: &first); w.int(r.tally.overdue)
                w.key("red", first: &first); w.int(r.tally.red)
                w.key("yellow", first: &first); w.int(r.tally.yellow)
                w.key("noDeadline", first: &first); w.int(r.tally.noDeadline)
                w.key("percentDone", first: &first); if let p = r.tally.percentDoneIfAny { w.int(p) } else { w.raw("null") }
            }
        case .status:
            w.objectArray(TaskStatus.allCases) { w, s in
                var first = true
                w.key("status", first: &first); w.string(s.rawValue)
                w.key("label", first: &first); w.string(strings.status(s))
                w.key("tasks", first: &first); w.int(store.statusCounts[s] ?? 0)
            }
        }
        w.out.append(0x0A)
        return String(decoding: w.out.bytes, as: UTF8.self)
    }

    /// The overdue tasks as task objects (the file's keys) with `daysOverdue` added.
    public func overdueJSON() -> String {
        var w = PlanWriter()
        w.objectArray(overdueIndexes()) { w, i in
            w.task(store.task(at: i))
            var first = false
            w.key("daysOverdue", first: &first); w.int(store.assessments[i].daysOverdue)
        }
        w.out.append(0x0A)
        return String(decoding: w.out.bytes, as: UTF8.self)
    }

    /// The report as text. A table is cut as `renderTable(width:wide:)` says; CSV, JSON and
    /// Markdown are never cut. JSON escapes every control, C1 and invisible format
    /// character as `\uXXXX` (exact data, safe to show).
    public func render(by g: ReportGrouping, overdue: Bool, format: ReportFormat, width: Int? = nil, wide: Bool = false) -> String {
        if format == .json { return TerminalText.escapingForJSON(overdue ? overdueJSON() : json(by: g)) }
        let t = overdue ? overdueTable() : table(by: g)
        switch format {
        case .table: return t.renderTable(width: width, wide: wide)
        case .csv: return t.renderCSV()
        case .markdown: return t.renderMarkdown()
        case .json: return ""
        }
    }
}
