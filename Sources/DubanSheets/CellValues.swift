import DubanCore

/// How the values units type into a returned sheet are read: statuses in their own words,
/// progress as `70%`, `0.7` or `70`, dates as serials or text (`2020.6.30`, `6月30日`).
public enum CellValues {
    /// The serial Excel gives 1970-01-01 (its 1900 date system, counted from 1899-12-30).
    public static let serialOf1970 = 25569

    public static func date(serial: Double) -> PlanDate? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }  // 1900-01-01 ... 9999-12-31
        return PlanDate(dayNumber: Int(serial.rounded(.down)) - serialOf1970)
    }

    /// A number in its shortest form: `70`, `0.7`.
    public static func shortest(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    /// Status words units write, beyond the four labels and their codes.
    static let statusWords: [(String, TaskStatus)] = [
        ("已完成", .done), ("完成", .done), ("已办结", .done), ("办结", .done), ("已完工", .done), ("完工", .done),
        ("已实现", .done), ("全面完成", .done), ("已全部完成", .done), ("提前完成", .done), ("已销号", .done), ("销号", .done),
        ("推进中", .inProgress), ("正在推进", .inProgress), ("进行中", .inProgress), ("正在进行", .inProgress),
        ("正在实施", .inProgress), ("实施中", .inProgress), ("在建", .inProgress), ("持续推进", .inProgress),
        ("按序时推进", .inProgress), ("序时推进", .inProgress), ("正常推进", .inProgress), ("有序推进", .inProgress), ("已启动", .inProgress),
        ("未启动", .notStarted), ("未开始", .notStarted), ("尚未启动", .notStarted), ("暂未启动", .notStarted), ("未开展", .notStarted),
        ("滞后", .lagging), ("进度滞后", .lagging), ("滞后序时", .lagging), ("落后", .lagging), ("延期", .lagging), ("逾期", .lagging),
        ("未完成", .lagging), ("推进缓慢", .lagging),
    ]

    /// A status as a unit wrote it; nil when it is none of the known words. The text is
    /// trimmed and a trailing stop dropped (`已完成。`).
    public static func status(_ text: String) -> TaskStatus? {
        var t = text.trimmingSpaces
        while let last = t.last, "。.，,！!；;".contains(last) { t.removeLast() }
        t = t.trimmingSpaces
        if t.isEmpty { return nil }
        if let s = TaskStatus(parsing: t) { return s }
        let lower = t.lowercased()
        if lower == "done" || lower == "completed" || lower == "complete" { return .done }
        if lower == "in progress" || lower == "ongoing" { return .inProgress }
        if lower == "not started" { return .notStarted }
        if lower == "lagging" || lower == "late" || lower == "delayed" { return .lagging }
        for (w, s) in statusWords where w == t { return s }
        return nil
    }

    /// Progress in percent: `70%`, `70％`, `0.7`, `70`, or a number cell (a percentage
    /// cell's 0.7 is 70; a plain 0.7 too: a fraction; a plain 1 is 1%). nil when unreadable
    /// or outside 0...100.
    public static func progress(_ cell: SheetCell) -> Int? {
        if let v = cell.number, !cell.isDate {
            let p = cell.isPercent || (v > 0 && v < 1) ? v * 100 : v
            return percent(p)
        }
        var t = cell.text.trimmingSpaces
        if t.isEmpty { return nil }
        var isPercent = false
        if t.hasSuffix("%") || t.hasSuffix("％") { t.removeLast(); isPercent = true; t = t.trimmingSpaces }
        guard let v = Double(t) else { return nil }
        if !isPercent, v > 0, v < 1 { return percent(v * 100) }
        return percent(v)
    }

    private static func percent(_ v: Double) -> Int? {
        guard v.isFinite else { return nil }
        let r = v.rounded()
        guard r >= 0, r <= 100 else { return nil }
        return Int(r)
    }

    /// A date as written: a date cell, an Excel serial, `2020-06-30`, `2020/6/30`,
    /// `2020.6.30`, `2020年6月30日`, or, with the year taken from `year`, `6月30日`,
    /// `6.30`, `6/30`. nil when it is none of these or no real day.
    public static func date(_ cell: SheetCell, year: Int?) -> PlanDate? {
        if cell.isDate, let d = PlanDate(iso: cell.text) { return d }
        if let v = cell.number, !cell.isDate {
            if v >= 1000 && v < 100_000 { return date(serial: v) }
        }
        return date(text: cell.text, year: year)
    }

    /// A cell's text for the importer: a date (a date cell, or text of a whole date such as
    /// `2020.6.30`) in the form notices write, `2020年6月30日`; any other text as it is.
    public static func textForImport(_ cell: SheetCell) -> String {
        let d = cell.isDate ? PlanDate(iso: cell.text) : date(text: cell.text, year: nil)
        guard let d else { return cell.text }
        let c = d.components
        return "\(c.year)年\(c.month)月\(c.day)日"
    }

    public static func date(text: String, year: Int?) -> PlanDate? {
        let t = text.trimmingSpaces
        if t.isEmpty { return nil }
        if let d = PlanDate(iso: t) { return d }
        // Runs of digits and of other characters, alternating: D (S D){1,2} [tail].
        var runs: [(digits: Bool, text: String)] = []
        for ch in t {
            let d = ch.isASCII && ch.isNumber
            if let last = runs.last, last.digits == d { runs[runs.count - 1].text.append(ch) } else { runs.append((d, String(ch))) }
            if runs.count > 6 { return nil }
        }
        guard let first = runs.first, first.digits else { return nil }
        var numbers: [Int] = []
        let allowedInner: Set<String> = ["-", "/", ".", "年", "月", "．", "－"]
        let allowedTail: Set<String> = ["日", "号", "日前", "前", "日之前"]
        for (i, r) in runs.enumerated() {
            if r.digits {
                guard r.text.count <= 4, let n = Int(r.text) else { return nil }
                numbers.append(n)
            } else if i == runs.count - 1 {
                guard allowedTail.contains(r.text.trimmingSpaces) else { return nil }
            } else {
                guard allowedInner.contains(r.text.trimmingSpaces) else { return nil }
            }
        }
        switch numbers.count {
        case 3:
            guard numbers[0] >= 1900, numbers[0] <= 2200 else { return nil }
            return PlanDate(year: numbers[0], month: numbers[1], day: numbers[2])
        case 2:
            guard let y = year else { return nil }
            return PlanDate(year: y, month: numbers[0], day: numbers[1])
        default:
            return nil
        }
    }
}
