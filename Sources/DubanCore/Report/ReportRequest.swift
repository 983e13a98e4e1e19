/// What `duban report` was asked for, beyond the format (issue 13: reports an office can
/// paste). `grouping` nil means the workload by unit, or the overdue list ungrouped.
public struct ReportRequest: Sendable {
    public var grouping: ReportGrouping?
    public var overdue: Bool
    /// One unit's report (any of its names), or one leader's.
    public var unit: String?
    public var leader: String?
    public init(grouping: ReportGrouping? = nil, overdue: Bool = false, unit: String? = nil, leader: String? = nil) {
        self.grouping = grouping; self.overdue = overdue; self.unit = unit; self.leader = leader
    }
}

/// A report that cannot be made as asked: said in the interface language.
public enum ReportError: Error, LocalizedMessage, Equatable {
    /// `--by foo`, `--format foo`: the option, the value given, the values allowed.
    case badChoice(option: String, value: String, allowed: [String])
    case unknownUnit(String, close: [String])
    case unknownLeader(String, close: [String])
    case unitAndLeader
    case byWithOne(option: String)
    case excelNotCSV(format: String)

    public func message(_ S: Strings) -> String {
        let sep = S.lang == .zh ? "、" : ", "
        switch self {
        case .badChoice(let o, let v, let allowed): return S.format(.rptErrBadChoice, o, v, allowed.joined(separator: sep))
        case .unknownUnit(let n, let close):
            return close.isEmpty ? S.format(.rptErrNoUnit, n) : S.format(.rptErrNoUnitClose, n, close.joined(separator: sep))
        case .unknownLeader(let n, let close):
            return close.isEmpty ? S.format(.rptErrNoLeader, n) : S.format(.rptErrNoLeaderClose, n, close.joined(separator: sep))
        case .unitAndLeader: return S[.rptErrUnitAndLeader]
        case .byWithOne(let o): return S.format(.rptErrByWithOne, o)
        case .excelNotCSV(let f): return S.format(.rptErrExcel, f)
        }
    }
}

extension Reports {
    /// `--by` and `--format` read strictly: an unknown value is an error naming the allowed ones.
    public static func grouping(_ text: String) throws -> ReportGrouping {
        guard let g = ReportGrouping(rawValue: text) else {
            throw ReportError.badChoice(option: "--by", value: text, allowed: ReportGrouping.allCases.map(\.rawValue))
        }
        return g
    }

    public static func format(_ text: String) throws -> ReportFormat {
        guard let f = ReportFormat(rawValue: text) else {
            throw ReportError.badChoice(option: "--format", value: text, allowed: ReportFormat.allCases.map(\.rawValue))
        }
        return f
    }

    /// Checks the combination before the plan is read.
    public static func check(_ r: ReportRequest) throws {
        if r.unit != nil && r.leader != nil { throw ReportError.unitAndLeader }
        if r.grouping != nil, r.unit != nil || r.leader != nil {
            throw ReportError.byWithOne(option: r.unit != nil ? "--unit" : "--leader")
        }
    }

    // MARK: names

    /// The canonical unit for a name as written (any of its aliases), or an error listing
    /// close names when no task names the unit.
    public func resolveUnit(_ name: String) throws -> String {
        let c = store.registry.canonical(name)
        if store.unitWorkload(sortedBy: .name).contains(where: { $0.name == c }) { return c }
        var names = store.unitWorkload(sortedBy: .name).map(\.name)
        var canonicalOf: [String: String] = [:]
        for n in names { canonicalOf[n] = n }
        for u in store.registry.units { for a in u.aliases { canonicalOf[a] = u.name; names.append(a) } }
        let close = Reports.closeNames(name, among: names).map { canonicalOf[$0] ?? $0 }
        var seen = Set<String>()
        throw ReportError.unknownUnit(name, close: close.filter { seen.insert($0).inserted })
    }

    public func resolveLeader(_ name: String) throws -> String {
        let names = store.leaderWorkload(sortedBy: .name).map(\.name)
        if names.contains(name) { return name }
        throw ReportError.unknownLeader(name, close: Reports.closeNames(name, among: names))
    }

    /// Names that hold the one given or are held by it, or differ from it by a few
    /// characters (edit distance up to half the longer name, at least 1); closest first
    /// (then the longer common beginning), at most five.
    public static func closeNames(_ name: String, among names: [String]) -> [String] {
        let a = Array(name)
        guard !a.isEmpty else { return [] }
        var scored: [(Int, Int, String)] = []
        for n in names {
            let b = Array(n)
            let d = editDistance(a, b)
            let prefix = zip(a, b).prefix { $0 == $1 }.count
            if n.contains(name) || name.contains(n) { scored.append((min(d, 1), -prefix, n)); continue }
            if d <= max(1, max(a.count, b.count) / 2) { scored.append((d, -prefix, n)) }
        }
        scored.sort { ($0.0, $0.1) != ($1.0, $1.1) ? ($0.0, $0.1) < ($1.0, $1.1)
                      : $0.2.unicodeScalars.lexicographicallyPrecedes($1.2.unicodeScalars) }
        var seen = Set<String>()
        return Array(scored.map(\.2).filter { seen.insert($0).inserted }.prefix(5))
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    // MARK: the header

    /// 截至2020年7月1日 / as of 2020-07-01.
    public var asOfLine: String {
        let d = store.rules.asOf
        let (y, m, day) = d.components
        return strings.format(.rptAsOf, y, m, day, d.iso)
    }

    /// The lines above a table or a Markdown report: the plan's title (when it has one),
    /// what the report holds (for one unit, one leader, the overdue tasks), the as-of line.
    public func header(_ r: ReportRequest, rowCount: Int) -> [String] {
        var out: [String] = []
        if !store.plan.title.isEmpty { out.append(store.plan.title) }
        if let u = r.unit { out.append(strings.format(r.overdue ? .rptUnitOverdue : .rptUnit, u, rowCount)) }
        else if let l = r.leader { out.append(strings.format(r.overdue ? .rptLeaderOverdue : .rptLeader, l, rowCount)) }
        else if r.overdue { out.append(strings.format(.rptOverdue, rowCount)) }
        out.append(asOfLine)
        return out
    }

    // MARK: overdue tasks grouped

    /// The overdue tasks under each unit (lead and co-units, with the role), each leader,
    /// each chapter (the task's own, in outline order) or each status: the first column
    /// holds the group (`ReportTable.grouped`). Groups with the most overdue tasks they
    /// lead first for units and leaders, then by name; within a group most overdue first.
    public func groupedOverdueTable(by g: ReportGrouping) -> ReportTable { groupedOverdue(by: g).table }

    /// The grouped table and the task index of each of its rows.
    func groupedOverdue(by g: ReportGrouping) -> (table: ReportTable, indexes: [Int]) {
        let S = strings
        let idx = overdueIndexes()
        var groups: [String: [(Int, String?)]] = [:]
        var order: [String] = []
        func add(_ key: String, _ i: Int, _ role: String?) {
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((i, role))
        }
        switch g {
        case .unit:
            for i in idx {
                let (lead, co) = store.unitSets(of: store.task(at: i))
                if lead.isEmpty && co.isEmpty { add(S[.unassigned], i, nil) }
                for u in lead { add(u, i, S[.rptRoleLead]) }
                for u in co { add(u, i, S[.rptRoleCo]) }
            }
            let lead = S[.rptRoleLead]
            var led: [String: Int] = [:]
            for (k, v) in groups { led[k] = v.reduce(0) { $0 + ($1.1 == lead ? 1 : 0) } }
            order = NameOrder.sorted(order)
            order = order.enumerated().sorted { a, b in
                let la = led[a.element]!, lb = led[b.element]!
                return la != lb ? la > lb : a.offset < b.offset
            }.map(\.element)
        case .leader:
            for i in idx {
                var seen = Set<String>()
                let ls = store.task(at: i).leaders.filter { seen.insert($0).inserted }
                if ls.isEmpty { add(S[.unassigned], i, nil) }
                for l in ls { add(l, i, nil) }
            }
            order = NameOrder.sorted(order)
            order = order.enumerated().sorted { a, b in
                let la = groups[a.element]!.count, lb = groups[b.element]!.count
                return la != lb ? la > lb : a.offset < b.offset
            }.map(\.element)
        case .chapter:
            var byChapter: [String: [Int]] = [:]
            for i in idx {
                let c = store.task(at: i).chapter.flatMap { store.chapter($0) }?.id ?? ""
                byChapter[c, default: []].append(i)
            }
            for r in chapterRows() {
                for i in byChapter[r.id ?? ""] ?? [] { add(r.id == nil ? S[.noChapter] : Reports.chapterName(store.chapter(r.id!)!), i, nil) }
            }
        case .status:
            for s in TaskStatus.allCases {
                for i in idx where store.task(at: i).status == s { add(S.status(s), i, nil) }
            }
        }
        var cols: [ReportTable.Column] = [.init(S[groupTitleKey(g)])]
        if g == .unit { cols.append(.init(S[.rptColRole])) }
        cols += [.init(S[.colNumber]), .init(S[.colDaysOverdue], numeric: true), .init(S[.colDeadline]),
                 .init(S[.colStatus]), .init(S[.colLeadUnits]), .init(S[.colText], limit: 60)]
        var rows: [[String]] = []
        var indexes: [Int] = []
        for key in order {
            for (i, role) in groups[key]! {
                indexes.append(i)
                let t = store.task(at: i)
                var row = [key]
                if g == .unit { row.append(role ?? "") }
                row += [t.number ?? t.id, String(store.assessments[i].daysOverdue), t.deadline?.iso ?? "",
                        S.status(t.status), t.leadUnits.joined(separator: "、"), t.text]
                rows.append(row)
            }
        }
        var table = ReportTable(columns: cols, rows: rows)
        table.grouped = true
        table.groupHeadingFormat = S[.rptGroupCount]
        return (table, indexes)
    }

    func groupTitleKey(_ g: ReportGrouping) -> Strings.Key {
        switch g {
        case .unit: return .colUnit
        case .leader: return .colLeader
        case .chapter: return .colChapter
        case .status: return .colStatus
        }
    }

    /// The grouped overdue tasks as JSON: one object a group (`unit`, `leader`, `chapter`
    /// or `status`, and `tasks`: task objects with `daysOverdue`, and `role` for units).
    public func groupedOverdueJSON(by g: ReportGrouping) -> String {
        let (t, idx) = groupedOverdue(by: g)
        var runs: [(String, [Int])] = []
        for (k, row) in t.rows.enumerated() {
            if runs.last?.0 != row[0] { runs.append((row[0], [])) }
            runs[runs.count - 1].1.append(k)
        }
        var w = PlanWriter()
        w.objectArray(runs) { w, run in
            var first = true
            w.key(g.rawValue, first: &first); w.string(run.0)
            w.key("tasks", first: &first)
            w.objectArray(run.1) { w, k in
                w.task(store.task(at: idx[k]))
                var first = false
                if g == .unit { w.key("role", first: &first); w.string(t.rows[k][1] == strings[.rptRoleLead] ? "lead" : "co") }
                w.key("daysOverdue", first: &first); w.int(store.assessments[idx[k]].daysOverdue)
            }
        }
        w.out.append(0x0A)
        return String(decoding: w.out.bytes, as: UTF8.self)
    }

    // MARK: one unit, one leader

    /// The tasks one unit leads or shares (with the role), or one leader answers for, in
    /// the plan's order; with `overdue` only the overdue ones, most overdue first.
    public func oneTable(unit: String?, leader: String?, overdue: Bool) -> (ReportTable, [Int], [String?]) {
        let S = strings
        var f = TaskFilter(unit: unit, unitRole: .either, leader: leader, overdueOnly: overdue)
        if unit == nil { f.unit = nil }
        var idx = store.query(f)
        if overdue {
            idx.sort {
                let a = store.assessments[$0].daysOverdue, b = store.assessments[$1].daysOverdue
                return a != b ? a > b : $0 < $1
            }
        }
        let roles: [String?] = idx.map { i in
            guard let unit else { return nil }
            return store.unitSets(of: store.task(at: i)).lead.contains(unit) ? "lead" : "co"
        }
        var cols: [ReportTable.Column] = []
        if unit != nil { cols.append(.init(S[.rptColRole])) }
        cols += [.init(S[.colNumber]), .init(S[.colDeadline]), .init(S[.colStatus]), .init(S[.colProgress], numeric: true),
                 .init(S[.rptColLight]), .init(S[.colDaysOverdue], numeric: true), .init(S[.colText], limit: 60)]
        let rows = zip(idx, roles).map { i, role -> [String] in
            let t = store.task(at: i)
            let a = store.assessments[i]
            var row: [String] = []
            if let role { row.append(S[role == "lead" ? .rptRoleLead : .rptRoleCo]) }
            row += [t.number ?? t.id, t.deadline?.iso ?? "", S.status(t.status), "\(t.progress)%",
                    S.light(a.light), a.isOverdue ? String(a.daysOverdue) : "", t.text]
            return row
        }
        return (ReportTable(columns: cols, rows: rows), idx, roles)
    }

    public func oneJSON(unit: String?, leader: String?, overdue: Bool) -> String {
        let (_, idx, roles) = oneTable(unit: unit, leader: leader, overdue: overdue)
        var w = PlanWriter()
        w.objectArray(Array(zip(idx, roles))) { w, item in
            let (i, role) = item
            w.task(store.task(at: i))
            var first = false
            if let role { w.key("role", first: &first); w.string(role) }
            w.key("light", first: &first); w.string(["green", "yellow", "red"][store.assessments[i].light.rawValue])
            w.key("daysOverdue", first: &first); w.int(store.assessments[i].daysOverdue)
        }
        w.out.append(0x0A)
        return String(decoding: w.out.bytes, as: UTF8.self)
    }

    // MARK: the whole report

    /// The report asked for, as text: table and Markdown with the header (title, what it
    /// holds, as-of line); CSV and JSON only the data. `excel`: CSV with a UTF-8 BOM first
    /// (its lines already end CR LF), which Excel and WPS need to read it as UTF-8.
    public func render(_ r: ReportRequest, format: ReportFormat, width: Int? = nil, wide: Bool = false,
                       excel: Bool = false) throws -> String {
        try Reports.check(r)
        var req = r
        if let u = r.unit { req.unit = try resolveUnit(u) }
        if let l = r.leader { req.leader = try resolveLeader(l) }
        let table: ReportTable
        if req.unit != nil || req.leader != nil {
            if format == .json { return TerminalText.escapingForJSON(oneJSON(unit: req.unit, leader: req.leader, overdue: req.overdue)) }
            table = oneTable(unit: req.unit, leader: req.leader, overdue: req.overdue).0
        } else if req.overdue, let g = req.grouping {
            if format == .json { return TerminalText.escapingForJSON(groupedOverdueJSON(by: g)) }
            table = groupedOverdueTable(by: g)
        } else {
            if format == .json { return render(by: req.grouping ?? .unit, overdue: req.overdue, format: .json) }
            table = req.overdue ? overdueTable() : self.table(by: req.grouping ?? .unit)
        }
        let count = req.overdue && req.grouping != nil ? overdueIndexes().count : table.rows.count
        let head = header(req, rowCount: count)
        return framed(head, table, format: format, width: width, wide: wide, excel: excel)
    }

    /// Text outside a Markdown table with the characters Markdown would read escaped.
    static func markdownText(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

extension Reports {
    /// A report's head lines (title, as-of line) and its table in one format: on a terminal
    /// table the head lines are cleaned and cut to the width (unless `wide`); in Markdown the
    /// first is the `#` title when the plan has one; CSV has no head (a BOM with `excel`);
    /// JSON is written by each report itself, so nothing here.
    func framed(_ head: [String], _ table: ReportTable, format: ReportFormat, width: Int?, wide: Bool, excel: Bool) -> String {
        switch format {
        case .table:
            let lines = head.map { l -> String in
                let c = TerminalText.clean(l)
                if !wide, let width, width > 0 { return DisplayWidth.truncate(c, to: width) }
                return c
            }
            return lines.joined(separator: "\n") + "\n\n" + table.renderTable(width: width, wide: wide)
        case .markdown:
            func md(_ s: String) -> String { Reports.markdownText(TerminalText.clean(s)) }
            var out = ""
            var rest = head[...]
            if !store.plan.title.isEmpty, let t = rest.first { out += "# " + md(t) + "\n\n"; rest = rest.dropFirst() }
            for l in rest { out += md(l) + "\n\n" }
            return out + table.renderMarkdown()
        case .csv:
            return (excel ? "\u{FEFF}" : "") + table.renderCSV()
        case .json:
            return ""
        }
    }
}
