/// The office's reporting cycle (报送周期), the plan's `reporting` key: every lead unit
/// reports on its tasks once a period, by the period's due day.
///
/// - `.monthly(day: 28)`: a period a calendar month (`2020-06`), due on day 28 of it (the
///   month's last day when it is shorter);
/// - `.quarterly(day: nil)`: a period a quarter (`2020Q2`), due on the quarter's last day,
///   or on `day` of the quarter's last month;
/// - `.dates([...])`: a period ends on each date and is due that day; its id is the date
///   (`2020-06-30`); the first starts on 1 January of its year.
public struct ReportingCycle: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case monthly(day: Int)
        case quarterly(day: Int?)
        case dates([PlanDate])
    }
    public var kind: Kind
    /// Keys of the `reporting` object the program does not know, kept through a save.
    public var extra: [JSONField]

    public init(_ kind: Kind, extra: [JSONField] = []) {
        if case .dates(let ds) = kind {
            self.kind = .dates(Array(Set(ds)).sorted())
        } else {
            self.kind = kind
        }
        self.extra = extra
    }

    /// The period holding a day; nil for a dates cycle after its last date.
    public func period(containing d: PlanDate) -> ReportingPeriod? {
        let (y, m, _) = d.components
        switch kind {
        case .monthly(let day):
            return ReportingCycle.month(y, m, day: day)
        case .quarterly(let day):
            return ReportingCycle.quarter(y, (m - 1) / 3 + 1, day: day)
        case .dates(let ds):
            guard let k = ds.firstIndex(where: { $0 >= d }) else { return nil }
            return dated(k)
        }
    }

    /// The current period on the as-of date: the one holding it.
    public func current(asOf: PlanDate) -> ReportingPeriod? { period(containing: asOf) }

    /// The period with this id (`2020-06`, `2020Q2`, or a date of a dates cycle); a day
    /// `YYYY-MM-DD` of any cycle names the period holding it. nil when there is none.
    public func period(id text: String) -> ReportingPeriod? {
        let t = text.trimmingSpaces
        if let d = PlanDate(iso: t) { return period(containing: d) }
        let b = Array(t.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count, !r.isEmpty else { return nil }
            var v = 0
            for i in r { guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }; v = v * 10 + Int(b[i] - 0x30) }
            return v
        }
        switch kind {
        case .monthly(let day):
            guard b.count == 7, b[4] == 0x2D, let y = num(0..<4), let m = num(5..<7), (1...12).contains(m), y >= 1 else { return nil }
            return ReportingCycle.month(y, m, day: day)
        case .quarterly(let day):
            guard b.count == 6, b[4] == 0x51 || b[4] == 0x71, let y = num(0..<4), let q = num(5..<6), (1...4).contains(q), y >= 1 else { return nil }
            return ReportingCycle.quarter(y, q, day: day)
        case .dates:
            return nil
        }
    }

    /// The period before this one; nil for a dates cycle's first.
    public func previous(_ p: ReportingPeriod) -> ReportingPeriod? {
        if case .dates(let ds) = kind {
            guard let k = ds.firstIndex(of: p.end), k > 0 else { return nil }
            return dated(k - 1)
        }
        return period(containing: p.start.adding(days: -1))
    }

    /// Every period from the one holding `from` to the one holding `through`, in order.
    public func periods(from: PlanDate, through: PlanDate) -> [ReportingPeriod] {
        var out: [ReportingPeriod] = []
        guard from <= through else { return out }
        var d = from
        if case .dates(let ds) = kind {
            for (k, e) in ds.enumerated() where e >= from {
                let p = dated(k)
                if p.start > through { break }
                out.append(p)
            }
            return out
        }
        while d <= through, let p = period(containing: d) {
            out.append(p)
            d = p.end.adding(days: 1)
        }
        return out
    }

    /// Ids the cycle reads, for messages: `2020-06`, `2020Q2`, or the dates.
    public var idShape: String {
        switch kind {
        case .monthly: return "YYYY-MM"
        case .quarterly: return "YYYYQn"
        case .dates(let ds): return ds.map(\.iso).joined(separator: ", ")
        }
    }

    func dated(_ k: Int) -> ReportingPeriod {
        guard case .dates(let ds) = kind else { fatalError("dated period of a calendar cycle") }
        let end = ds[k]
        let start = k == 0 ? (PlanDate.startOfYear(end.year) ?? end) : ds[k - 1].adding(days: 1)
        return ReportingPeriod(id: end.iso, start: start, end: end, due: end)
    }

    static func month(_ y: Int, _ m: Int, day: Int) -> ReportingPeriod? {
        let n = PlanDate.daysIn(month: m, year: y)
        guard let start = PlanDate(year: y, month: m, day: 1), let end = PlanDate(year: y, month: m, day: n),
              let due = PlanDate(year: y, month: m, day: min(max(day, 1), n)) else { return nil }
        let mm = m < 10 ? "0\(m)" : "\(m)"
        return ReportingPeriod(id: "\(y)-\(mm)", start: start, end: end, due: due)
    }

    static func quarter(_ y: Int, _ q: Int, day: Int?) -> ReportingPeriod? {
        let last = q * 3
        let n = PlanDate.daysIn(month: last, year: y)
        guard let start = PlanDate(year: y, month: last - 2, day: 1), let end = PlanDate(year: y, month: last, day: n),
              let due = PlanDate(year: y, month: last, day: min(max(day ?? n, 1), n)) else { return nil }
        return ReportingPeriod(id: "\(y)Q\(q)", start: start, end: end, due: due)
    }
}

/// One reporting period: its id (what a history entry's `period` holds), its days and the
/// day the units' reports are due.
public struct ReportingPeriod: Hashable, Sendable {
    public var id: String
    public var start: PlanDate
    public var end: PlanDate
    public var due: PlanDate
    public init(id: String, start: PlanDate, end: PlanDate, due: PlanDate) {
        self.id = id; self.start = start; self.end = end; self.due = due
    }
    public func contains(_ d: PlanDate) -> Bool { start <= d && d <= end }
}
