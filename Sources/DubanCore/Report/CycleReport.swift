/// The office's cycle in `duban report` (issue 13): the units that did not report for a
/// period (`--unreported [--period P]`), and what changed since a day (`--since DATE`).
public enum CycleReport: Sendable, Equatable {
    /// nil: the period holding the as-of date.
    case unreported(period: String?)
    case since(PlanDate)
}

/// A cycle report that cannot be made as asked, in the interface language.
public enum CycleError: Error, LocalizedMessage, Equatable {
    case noCycle(plan: String)
    case badPeriod(String, shape: String)
    case periodNeedsCycle(String)
    case sinceAfterAsOf(since: PlanDate, asOf: PlanDate)
    /// Two options that do not go together: `--unreported` with `--overdue`, ...
    case combination(String, String)

    public func message(_ S: Strings) -> String {
        switch self {
        case .noCycle(let p): return S.format(.cycNoCycle, p)
        case .badPeriod(let v, let shape): return S.format(.cycBadPeriod, v, shape)
        case .periodNeedsCycle(let v): return S.format(.cycPeriodNeedsCycle, v)
        case .sinceAfterAsOf(let a, let b): return S.format(.cycErrSinceAfter, a.iso, b.iso)
        case .combination(let a, let b): return S.format(.cycErrCombo, a, b)
        }
    }
}

extension Reports {
    /// The period a report is for: `--period` read by the plan's cycle, else the period
    /// holding the as-of date.
    public func period(_ text: String?, planName: String) throws -> ReportingPeriod {
        guard let cycle = store.plan.reporting else {
            if let text { throw CycleError.periodNeedsCycle(text) }
            throw CycleError.noCycle(plan: planName)
        }
        if let text {
            guard let p = cycle.period(id: text) else { throw CycleError.badPeriod(text, shape: cycle.idShape) }
            return p
        }
        guard let p = cycle.current(asOf: store.rules.asOf) else {
            throw CycleError.badPeriod(store.rules.asOf.iso, shape: cycle.idShape)
        }
        return p
    }

    /// The units that did not report for the period, each with the tasks it owes a report
    /// on (a grouped table: unit, number, deadline, status, text), and the ledger's rows.
    public func unreportedTable(_ period: ReportingPeriod) -> (table: ReportTable, units: [UnitReport]) {
        let S = strings
        let units = ReportingLedger(plan: store.plan).unreported(for: period)
        let cols: [ReportTable.Column] = [.init(S[.colUnit]), .init(S[.colNumber]), .init(S[.colDeadline]),
                                          .init(S[.colStatus]), .init(S[.colText], limit: 60)]
        var rows: [[String]] = []
        for u in units {
            for i in u.tasks {
                let t = store.task(at: i)
                rows.append([u.unit, t.number ?? t.id, t.deadline?.iso ?? "", S.status(t.status), t.text])
            }
        }
        var table = ReportTable(columns: cols, rows: rows)
        table.grouped = true
        table.groupHeadingFormat = S[.rptGroupCount]
        return (table, units)
    }

    /// `{"period": {...}, "units": [{"unit": NAME, "tasks": [task objects]}]}`.
    public func unreportedJSON(_ period: ReportingPeriod) -> String {
        let units = unreportedTable(period).units
        var w = PlanWriter()
        w.objectItem { w in
            var first = true
            w.key("period", first: &first)
            w.objectItem { w in
                var first = true
                w.key("id", first: &first); w.string(period.id)
                w.key("start", first: &first); w.date(period.start)
                w.key("end", first: &first); w.date(period.end)
                w.key("due", first: &first); w.date(period.due)
            }
            w.key("units", first: &first)
            w.objectArray(units) { w, u in
                var first = true
                w.key("unit", first: &first); w.string(u.unit)
                w.key("tasks", first: &first)
                w.objectArray(u.tasks) { w, i in w.task(store.task(at: i)) }
            }
        }
        w.out.append(0x0A)
        return String(decoding: w.out.bytes, as: UTF8.self)
    }

    /// Per lead unit, how many tasks became overdue, stopped being overdue, were done,
    /// stayed red between the two days; the total last.
    public func comparisonTable(_ c: Comparison) -> ReportTable {
        let S = strings
        let cols: [ReportTable.Column] = [.init(S[.colUnit]), .init(S[.cmpColNewlyOverdue], numeric: true),
                                          .init(S[.cmpColCleared], numeric: true), .init(S[.cmpColNewlyDone], numeric: true),
                                          .init(S[.cmpColStillRed], numeric: true)]
        func row(_ name: String, _ x: Comparison.Changes) -> [String] {
            [name, String(x.newlyOverdue.count), String(x.cleared.count), String(x.newlyDone.count), String(x.stillRed.count)]
        }
        return ReportTable(columns: cols, rows: c.units.map { row($0.unit, $0.changes) } + [row(S[.cmpTotal], c.total)])
    }

    /// `{"from", "to", "total": {...}, "units": [{"unit", "newlyOverdue": [task ids], ...}]}`.
    public func comparisonJSON(_ c: Comparison) -> String {
        func changes(_ w: inout PlanWriter, _ x: Comparison.Changes, _ first: inout Bool) {
            let ids: ([Int]) -> [String] = { $0.map { store.task(at: $0).id } }
            w.key("newlyOverdue", first: &first); w.stringArray(ids(x.newlyOverdue))
            w.key("cleared", first: &first); w.stringArray(ids(x.cleared))
            w.key("newlyDone", first: &first); w.stringArray(ids(x.newlyDone))
            w.key("stillRed", first: &first); w.stringArray(ids(x.stillRed))
        }
        var w = PlanWriter()
        w.objectItem { w in
            var first = true
            w.key("from", first: &first); w.date(c.from)
            w.key("to", first: &first); w.date(c.to)
            w.key("total", first: &first)
            w.objectItem { w in var first = true; changes(&w, c.total, &first) }
            w.key("units", first: &first)
            w.objectArray(c.units) { w, u in
                var first = true
                w.key("unit", first: &first); w.string(u.unit)
                changes(&w, u.changes, &first)
            }
        }
        w.out.append(0x0A)
        return String(decoding: w.out.bytes, as: UTF8.self)
    }

    /// A cycle report as text: table and Markdown start with the plan's title, what the
    /// report holds and the as-of line; CSV and JSON hold only the data.
    public func render(_ r: CycleReport, planName: String, format: ReportFormat, width: Int? = nil, wide: Bool = false,
                       excel: Bool = false) throws -> String {
        let S = strings
        let asOf = store.rules.asOf
        var head: [String] = []
        if !store.plan.title.isEmpty { head.append(store.plan.title) }
        let table: ReportTable
        switch r {
        case .unreported(let text):
            let p = try period(text, planName: planName)
            if format == .json { return TerminalText.escapingForJSON(unreportedJSON(p)) }
            let (t, units) = unreportedTable(p)
            table = t
            head.append(S.format(.cycPeriodLine, p.id, p.start.iso, p.end.iso, p.due.iso))
            head.append(units.isEmpty ? S[.cycAllReported] : S.format(.cycUnreported, units.count))
        case .since(let from):
            guard from <= asOf else { throw CycleError.sinceAfterAsOf(since: from, asOf: asOf) }
            let c = Comparison(store.plan, from: from, to: asOf, settings: store.rules.settings)
            if format == .json { return TerminalText.escapingForJSON(comparisonJSON(c)) }
            table = comparisonTable(c)
            head.append(S.format(.cmpTitle, from.iso, asOf.iso))
        }
        head.append(asOfLine)
        return framed(head, table, format: format, width: width, wide: wide, excel: excel)
    }
}
