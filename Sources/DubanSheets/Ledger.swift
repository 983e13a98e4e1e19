import CSV
import DubanCore
import Foundation

/// The 台账: one unit's tasks as a sheet it fills in and sends back. Columns 序号, 任务,
/// 牵头领导, 牵头单位, 协同单位, 完成时限, 状态, 进度, 本期进展, 备注, the light, and the task
/// id (hidden, locked). A hidden sheet `_duban` keeps what the export wrote, so a merge
/// tells what the unit changed from what changed in the plan since (docs/sheets.md).
public enum Ledger {
    /// The columns in order; `LedgerColumn.allCases` is the sheet's layout.
    public enum Column: Int, CaseIterable, Sendable {
        case number, text, leaders, lead, co, deadline, status, progress, note, remarks, light, id

        public func header(_ S: Strings) -> String {
            switch self {
            case .number: return S[.shColNumber]
            case .text: return S[.shColText]
            case .leaders: return S[.shColLeaders]
            case .lead: return S[.shColLead]
            case .co: return S[.shColCo]
            case .deadline: return S[.shColDeadline]
            case .status: return S[.shColStatus]
            case .progress: return S[.shColProgress]
            case .note: return S[.shColNote]
            case .remarks: return S[.shColRemarks]
            case .light: return S[.shColLight]
            case .id: return S[.shColID]
            }
        }

        /// The columns a unit fills in.
        public var isEditable: Bool {
            switch self {
            case .deadline, .status, .progress, .note, .remarks: return true
            default: return false
            }
        }

        /// Widths (display cells) a column may take at most; wrapped past it.
        var maxWidth: Int {
            switch self {
            case .text: return 60
            case .note, .remarks: return 40
            case .lead, .co: return 30
            default: return 24
            }
        }
    }

    /// The hidden sheet with what the export wrote.
    public static let recordSheet = "_duban"
    static let recordMagic = "duban-ledger"
    /// The record's columns, after its key rows.
    static let recordHeader = ["id", "row", "number", "text", "status", "progress", "remarks", "deadline"]

    /// What one ledger holds, besides the tasks.
    public struct Header: Sendable, Equatable {
        /// The lead unit the sheet is for; nil for a sheet of every task.
        public var unit: String?
        public var period: String
        public var asOf: PlanDate
        public var planTitle: String
        public init(unit: String?, period: String, asOf: PlanDate, planTitle: String) {
            self.unit = unit; self.period = period; self.asOf = asOf; self.planTitle = planTitle
        }
    }

    /// The default period of a ledger: the as-of date's month, `2020-09`.
    public static func defaultPeriod(_ asOf: PlanDate) -> String { String(asOf.iso.prefix(7)) }

    /// The lead units of the plan (canonical names, groups left out), in first-seen order.
    public static func leadUnits(of plan: Plan) -> [String] {
        let reg = UnitRegistry(plan.units)
        var seen = Set<String>(), out: [String] = []
        for t in plan.tasks {
            for u in t.leadUnits {
                let c = reg.canonical(u)
                if seen.insert(c).inserted { out.append(c) }
            }
        }
        return out
    }

    /// Each lead unit with its tasks, in one pass over the plan.
    public static func tasksByLeadUnit(_ plan: Plan) -> [(unit: String, tasks: [PlanTask])] {
        let reg = UnitRegistry(plan.units)
        var index: [String: Int] = [:]
        var out: [(unit: String, tasks: [PlanTask])] = []
        for t in plan.tasks {
            var seen = Set<String>()
            for u in t.leadUnits {
                let c = reg.canonical(u)
                guard seen.insert(c).inserted else { continue }
                if let i = index[c] { out[i].tasks.append(t) } else { index[c] = out.count; out.append((c, [t])) }
            }
        }
        return out
    }

    /// The tasks a unit leads (any of its names), or every task when `unit` is nil.
    public static func tasks(of plan: Plan, unit: String?) -> [PlanTask] {
        guard let unit else { return plan.tasks }
        let reg = UnitRegistry(plan.units)
        let c = reg.canonical(unit)
        return plan.tasks.filter { t in t.leadUnits.contains { reg.canonical($0) == c } }
    }

    /// The text a cell shows for a task's column (the light as 红灯 / 黄灯 / 绿灯).
    static func text(_ t: PlanTask, _ col: Column, _ light: Light, _ S: Strings) -> String {
        switch col {
        case .number: return t.number ?? ""
        case .text: return t.text
        case .leaders: return t.leaders.joined(separator: "、")
        case .lead: return t.leadUnits.joined(separator: "、")
        case .co: return t.coUnits.joined(separator: "、")
        case .deadline: return t.deadline?.iso ?? t.deadlineText ?? ""
        case .status: return S.status(t.status)
        case .progress: return "\(t.progress)%"
        case .note: return ""
        case .remarks: return t.remarks
        case .light: return S.light(light)
        case .id: return t.id
        }
    }

    /// The workbook of one ledger.
    public static func workbook(plan: Plan, tasks: [PlanTask], header h: Header, strings S: Strings,
                                settings: RuleSettings = .init()) -> XLSXWorkbook {
        let rules = Rules(asOf: h.asOf, settings: settings, periodStart: plan.periodStart)
        let cols = Column.allCases
        var sheet = XLSXWorkbook.Sheet(name: S[.shSheetName])
        let title = S.format(.shTitle, plan.title, h.unit ?? S[.shNoUnit], h.asOf.iso, h.period)
        sheet.rows.append([XLSXWorkbook.Cell(.text(title), .title)] + Array(repeating: XLSXWorkbook.Cell(.empty, .title), count: cols.count - 1))
        sheet.merges.append("A1:\(CellRef.name(row: 1, column: cols.count))")
        sheet.rowHeights[0] = 30
        sheet.rows.append(cols.map { XLSXWorkbook.Cell(.text($0.header(S)), .header) })
        var widths = cols.map { DisplayWidth.of($0.header(S)) }
        var record = XLSXWorkbook.Sheet(name: recordSheet)
        record.hidden = true
        record.landscape = false
        func rec(_ xs: [String]) -> [XLSXWorkbook.Cell] { xs.map { XLSXWorkbook.Cell(.text($0)) } }
        record.rows.append(rec([recordMagic, "1"]))
        record.rows.append(rec(["unit", h.unit ?? ""]))
        record.rows.append(rec(["period", h.period]))
        record.rows.append(rec(["asOf", h.asOf.iso]))
        record.rows.append(rec(["plan", plan.title]))
        record.rows.append(rec(recordHeader))
        for t in tasks {
            let light = rules.assess(t).light
            var row: [XLSXWorkbook.Cell] = []
            row.reserveCapacity(cols.count)
            for c in cols {
                let text = Self.text(t, c, light, S)
                let w = DisplayWidth.of(text)
                if w > widths[c.rawValue] { widths[c.rawValue] = w }
                switch c {
                case .deadline:
                    row.append(t.deadline.map { XLSXWorkbook.Cell(.date($0), .editableDate) } ?? XLSXWorkbook.Cell(.text(text), .editable))
                case .progress: row.append(XLSXWorkbook.Cell(.number(Double(t.progress)), .editableProgress))
                case .status, .note, .remarks: row.append(XLSXWorkbook.Cell(.text(text), .editable))
                case .light:
                    let st: XLSXWorkbook.Style = light == .red ? .lightRed : light == .yellow ? .lightYellow : .lightGreen
                    row.append(XLSXWorkbook.Cell(.text(text), st))
                case .id: row.append(XLSXWorkbook.Cell(.text(text), .hiddenID))
                default: row.append(XLSXWorkbook.Cell(.text(text), .locked))
                }
            }
            sheet.rows.append(row)
            record.rows.append(rec([t.id, String(sheet.rows.count), t.number ?? "", t.text, t.status.rawValue,
                                    String(t.progress), t.remarks, t.deadline?.iso ?? t.deadlineText ?? ""]))
        }
        // Excel's width unit is about one Latin character: a display cell. Two to spare.
        sheet.widths = cols.map { c in Double(min(max(widths[c.rawValue], 4), c.maxWidth) + 2) }
        sheet.widths[Column.deadline.rawValue] = max(sheet.widths[Column.deadline.rawValue], 12)
        sheet.hiddenColumns = [Column.id.rawValue]
        sheet.frozenRows = 2
        sheet.protected = true
        if !tasks.isEmpty {
            let c = CellRef.letters(Column.status.rawValue + 1)
            sheet.lists.append(("\(c)3:\(c)\(tasks.count + 2)", TaskStatus.allCases.map(\.chineseLabel)))
        }
        var book = XLSXWorkbook()
        book.sheets = [sheet, record]
        return book
    }

    /// The ledger as CSV for Excel and WPS: a UTF-8 BOM, CR LF, the header and one row a task
    /// (no title: CSV is data), written with CSV.swift.
    public static func csv(plan: Plan, tasks: [PlanTask], header h: Header, strings S: Strings,
                           settings: RuleSettings = .init()) throws -> [UInt8] {
        let rules = Rules(asOf: h.asOf, settings: settings, periodStart: plan.periodStart)
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: Column.allCases.map { $0.header(S) })
        for t in tasks {
            let light = rules.assess(t).light
            try writer.write(row: Column.allCases.map { text(t, $0, light, S) })
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return [0xEF, 0xBB, 0xBF] + [UInt8](data) + [13, 10]
    }

    /// A file name for a unit's ledger: the unit's name with the characters file systems
    /// refuse replaced, and the extension.
    public static func fileName(unit: String, ext: String) -> String {
        var name = ""
        for ch in unit {
            if "/\\:*?\"<>|".contains(ch) || ch.asciiValue.map({ $0 < 32 }) == true { name.append("_") } else { name.append(ch) }
        }
        if name.isEmpty || name == "." || name == ".." { name = "_" }
        if name.utf8.count > 200 { name = String(name.prefix(60)) }
        return name + "." + ext
    }
}
