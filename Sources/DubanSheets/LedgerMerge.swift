import DubanCore

/// Returned ledgers merged back into a plan. Each returned sheet is read (its header
/// found by meaning, so a renamed or moved column still counts), each row matched to a
/// task (by the hidden id, else by number and text), and each edited cell (状态, 进度,
/// 本期进展, 备注, 完成时限) compared with what the export wrote (the hidden `_duban` sheet)
/// and with the plan now:
///
/// - the sheet equals what was exported: the unit left it, nothing to do;
/// - the plan still has what was exported: the unit's value is a change;
/// - the plan changed since the export too (to something else): a conflict, not applied;
/// - two sheets changed it differently: a conflict, not applied.
///
/// A note (本期进展) is added to the task's history, never overwrites; the same note by the
/// same unit for the same period is not added twice. Every change is made through
/// `PlanTask.applying` (its history entry, author = the sheet's unit, period = the sheet's
/// period), on a copy: `changes` is exactly what applying does. Any error in any sheet
/// throws before anything is applied.
public struct LedgerMerge {
    /// The fields a unit edits (one enum with the errors that name them); `allCases` is
    /// the order a task's changes are applied in.
    public typealias Field = SheetError.Field

    /// Where a value came from: a cell of a returned sheet.
    public struct Place: Sendable, Hashable {
        public var file: String
        public var sheet: String
        public var row: Int
        public var column: Int
        public var ref: String { CellRef.name(row: row, column: column) }
    }

    public struct Change: Sendable {
        public var taskID: String
        public var number: String
        public var field: Field
        public var old: String
        public var new: String
        public var place: Place
        public var author: String?
        public var period: String?
        /// The edit that makes this change (for the dashboard's `merge --resolve`).
        public var edit: Edit? = nil
    }

    public struct Conflict: Sendable {
        public enum Kind: Sendable { case planAndSheet, twoSheets }
        public var kind: Kind
        public var taskID: String
        public var number: String
        public var field: Field
        /// What the export wrote (nil without a record).
        public var exported: String?
        /// The plan's value now.
        public var plan: String
        public var sheets: [(place: Place, value: String)]
        /// Each sheet's value as the edit that takes it (author and period its sheet's),
        /// in the order of `sheets`: the dashboard's conflict dialog applies the one chosen.
        public var edits: [Edit?] = []
    }

    public struct Result: Sendable {
        public var plan: Plan
        public var changes: [Change]
        public var conflicts: [Conflict]
        /// Remarks for standard error: a sheet without its record, columns read past.
        public var notes: [String]
        public var sheets: Int
    }

    /// A value a sheet gives for a field, normalised for comparing.
    enum Value: Hashable {
        case status(TaskStatus), progress(Int), date(PlanDate), text(String)
    }

    struct Proposal {
        var value: Value
        var display: String
        var base: Value?
        var place: Place
        var author: String?
        var period: String?
    }

    public let strings: Strings
    /// The day the changes are dated with.
    public var date: PlanDate
    /// The author of every change instead of each sheet's unit.
    public var author: String?
    /// The period when a sheet has no record of its own.
    public var period: String?

    private var proposals: [String: [Field: [Proposal]]] = [:]
    private var taskOrder: [String] = []
    private var notes: [String] = []
    private var sheetCount = 0
    private let plan: Plan
    private let indexByID: [String: Int]

    public init(plan: Plan, date: PlanDate, author: String? = nil, period: String? = nil, strings: Strings) {
        self.plan = plan; self.date = date; self.author = author; self.period = period; self.strings = strings
        var idx: [String: Int] = [:]
        for (i, t) in plan.tasks.enumerated() where idx[t.id] == nil { idx[t.id] = i }
        indexByID = idx
    }

    // MARK: reading a returned workbook

    /// The ledger's own record, when the workbook kept it.
    struct Record {
        var unit: String?
        var period: String?
        var rows: [String: [String: String]] = [:]  // id -> column -> value
        var idByRow: [Int: String] = [:]
        var idsByNumberText: [String: [String]] = [:]
        var idsByNumber: [String: [String]] = [:]
    }

    static func record(in book: SheetBook) -> Record? {
        guard let sh = book.sheets.first(where: { $0.sheet == Ledger.recordSheet }),
              sh.rows.first?.first?.text == Ledger.recordMagic else { return nil }
        var r = Record()
        var header: [String] = []
        for row in sh.rows.dropFirst() {
            let xs = row.map(\.text)
            guard let k = xs.first else { continue }
            if header.isEmpty {
                if k == "unit" { r.unit = xs.count > 1 && !xs[1].isEmpty ? xs[1] : nil }
                else if k == "period" { r.period = xs.count > 1 && !xs[1].isEmpty ? xs[1] : nil }
                else if xs == Array(Ledger.recordHeader.prefix(xs.count)) && k == "id" { header = xs }
                continue
            }
            var values: [String: String] = [:]
            for (i, name) in header.enumerated() { values[name] = i < xs.count ? xs[i] : "" }
            guard let id = values["id"], !id.isEmpty else { continue }
            r.rows[id] = values
            if let row = values["row"].flatMap({ Int($0) }) { r.idByRow[row] = id }
            let n = values["number"] ?? "", t = (values["text"] ?? "").trimmingSpaces
            r.idsByNumberText[n + "\u{1}" + t, default: []].append(id)
            r.idsByNumber[n, default: []].append(id)
        }
        return r
    }

    /// Header texts by meaning: the ledger's own in both languages and the names units
    /// rename them to.
    static let headerNames: [(Ledger.Column, [String])] = [
        (.id, ["任务编号（请勿修改）", "任务编号(请勿修改)", "任务编号", "taskid(donotedit)", "taskid", "id", "编号id"]),
        (.number, ["序号", "编号", "序", "no.", "no", "number"]),
        (.text, ["任务", "工作任务", "重点工作任务", "任务内容", "工作内容", "目标任务", "目标与任务", "主要任务", "任务名称", "task"]),
        (.leaders, ["牵头领导", "责任领导", "牵头负责领导", "分管领导", "市领导", "leadleaders", "leaders"]),
        (.lead, ["牵头单位", "牵头责任单位", "牵头部门", "责任单位", "leadunits"]),
        (.co, ["协同单位", "协同责任单位", "配合单位", "协办单位", "参与单位", "co-units", "counits"]),
        (.deadline, ["完成时限", "完成时间", "时限", "完成期限", "时间节点", "deadline"]),
        (.status, ["状态", "完成状态", "当前状态", "推进状态", "进展状态", "任务状态", "status"]),
        (.progress, ["进度", "完成进度", "进度(%)", "完成比例", "完成率", "完成百分比", "进度百分比", "progress", "progress(%)"]),
        (.note, ["本期进展", "进展情况", "本月进展", "本季度进展", "本期进展情况", "推进情况", "完成情况", "工作进展", "进展", "落实情况", "progressthisperiod"]),
        (.remarks, ["备注", "说明", "remarks", "notes"]),
        (.light, ["灯", "亮灯", "预警", "红黄绿灯", "light"]),
    ]

    static func normalise(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            switch ch {
            case " ", "\u{3000}", "\n", "\r", "\t", "*": continue
            case "（": out.append("(")
            case "）": out.append(")")
            case "％": out.append("%")
            default: out.append(ch)
            }
        }
        return out
    }

    static let columnByName: [String: Ledger.Column] = {
        var m: [String: Ledger.Column] = [:]
        for (c, names) in headerNames { for n in names { m[normalise(n)] = c } }
        return m
    }()

    static func column(named text: String) -> Ledger.Column? {
        let n = normalise(text)
        if let c = columnByName[n] { return c }
        // 进度（%） / 完成时限（月底前）: the name before a bracket.
        if let p = n.firstIndex(of: "("), p > n.startIndex, let c = columnByName[String(n[..<p])] { return c }
        return nil
    }

    /// The header: the first of the first 20 rows naming a task column and two more ledger
    /// columns. The columns by index (1-based), and the row.
    static func header(of sheet: SheetTable) -> (row: Int, columns: [Ledger.Column: Int], extra: [(Int, String)])? {
        for (i, row) in sheet.rows.prefix(20).enumerated() {
            var cols: [Ledger.Column: Int] = [:]
            var extra: [(Int, String)] = []
            for cell in row where !cell.isBlank {
                if let c = column(named: cell.text) {
                    if cols[c] == nil { cols[c] = cell.column }
                    // 责任单位 after a 牵头单位 is the co-units.
                    else if c == .lead, cols[.co] == nil { cols[.co] = cell.column }
                } else { extra.append((cell.column, cell.text)) }
            }
            if cols[.text] != nil, cols.count >= 3 { return (i + 1, cols, extra) }
        }
        return nil
    }

    /// Reads one returned workbook (or CSV) and keeps what it proposes. Throws the first
    /// error with its file, sheet, row and column; then nothing of it was kept.
    public mutating func add(_ book: SheetBook) throws {
        let S = strings
        let record = Self.record(in: book)
        if record == nil { notes.append(S.format(.shMergeNoRecord, book.file)) }
        let unitAuthor = author ?? record?.unit
        let sheetPeriod = record?.period ?? period
        var found = false
        var kept = proposals
        var order = taskOrder
        for sheet in book.sheets where !sheet.hidden && sheet.sheet != Ledger.recordSheet {
            guard let h = Self.header(of: sheet) else { continue }
            found = true
            sheetCount += 1
            for (c, t) in h.extra { notes.append(S.format(.shMergeExtraColumn, book.file, sheet.sheet, CellRef.letters(c), t)) }
            var seen: [String: Int] = [:]
            let year = plan.year ?? date.year
            for r in (h.row + 1)...max(h.row + 1, sheet.rows.count) where r <= sheet.rows.count {
                let row = sheet.rows[r - 1]
                func cell(_ c: Ledger.Column) -> SheetCell? {
                    guard let k = h.columns[c], k <= row.count else { return nil }
                    return row[k - 1]
                }
                let number = cell(.number)?.text.trimmingSpaces ?? ""
                let text = cell(.text)?.text.trimmingSpaces ?? ""
                let idText = cell(.id)?.text.trimmingSpaces ?? ""
                if row.allSatisfy(\.isBlank) { continue }
                // No task text and no id: a line the unit added (填报人：…, 合计), said and read past.
                if text.isEmpty && idText.isEmpty {
                    notes.append(S.format(.shMergeIgnored, book.file, sheet.sheet, r))
                    continue
                }
                // A title or chapter row: one merged cell over the row.
                if row.count > 1, row.allSatisfy({ $0.originRow == row[0].originRow && $0.originColumn == row[0].originColumn }) { continue }
                // The task.
                var taskIndex: Int?
                if !idText.isEmpty {
                    guard let i = indexByID[idText] else {
                        throw SheetError.unknownID(file: book.file, sheet: sheet.sheet, row: r, column: h.columns[.id]!, id: idText)
                    }
                    taskIndex = i
                } else {
                    taskIndex = match(number: number, text: text, row: r, record: record)
                }
                guard let ti = taskIndex else {
                    throw SheetError.noTask(file: book.file, sheet: sheet.sheet, row: r, number: number, text: String(text.prefix(40)))
                }
                let task = plan.tasks[ti]
                if let first = seen[task.id] {
                    throw SheetError.twice(file: book.file, sheet: sheet.sheet, row: r, task: task.id, firstRow: first)
                }
                seen[task.id] = r
                let base = record?.rows[task.id]
                func propose(_ f: Field, _ v: Value, _ display: String, _ b: Value?, _ c: SheetCell) {
                    let p = Proposal(value: v, display: display, base: b,
                                     place: Place(file: book.file, sheet: sheet.sheet, row: r, column: c.column),
                                     author: unitAuthor, period: sheetPeriod)
                    if kept[task.id] == nil { order.append(task.id); kept[task.id] = [:] }
                    kept[task.id]![f, default: []].append(p)
                }
                func bad(_ f: SheetError.Field, _ c: SheetCell) -> SheetError {
                    let head = sheet.rows[h.row - 1][c.column - 1].text
                    return .badCell(file: book.file, sheet: sheet.sheet, row: r, column: c.column, header: head, field: f, value: c.text)
                }
                if let c = cell(.status), !c.isBlank {
                    guard let s = CellValues.status(c.text) else { throw bad(.status, c) }
                    propose(.status, .status(s), S.status(s), base?["status"].flatMap { TaskStatus(rawValue: $0) }.map { .status($0) }, c)
                }
                if let c = cell(.progress), !c.isBlank {
                    guard let p = CellValues.progress(c) else { throw bad(.progress, c) }
                    propose(.progress, .progress(p), "\(p)%", base?["progress"].flatMap { Int($0) }.map { .progress($0) }, c)
                }
                if let c = cell(.deadline), !c.isBlank {
                    let exported = base?["deadline"] ?? ""
                    if let d = CellValues.date(c, year: year) {
                        propose(.deadline, .date(d), d.iso, PlanDate(iso: exported).map { .date($0) } ?? (base == nil ? nil : .text(exported)), c)
                    } else if c.text.trimmingSpaces != (base == nil ? (task.deadlineText ?? "") : exported).trimmingSpaces {
                        throw bad(.deadline, c)
                    }
                }
                if let c = cell(.remarks), !(c.isBlank && base == nil) {
                    let t = c.text.trimmingSpaces
                    propose(.remarks, .text(t), t, base.map { .text(($0["remarks"] ?? "").trimmingSpaces) }, c)
                }
                if let c = cell(.note), !c.isBlank {
                    let t = c.text.trimmingSpaces
                    propose(.note, .text(t), t, .text(""), c)
                }
            }
        }
        guard found else {
            let name = book.sheets.first(where: { !$0.hidden })?.sheet ?? ""
            if name.isEmpty { throw SheetError.noSheet(file: book.file) }
            throw SheetError.noHeader(file: book.file, sheet: name, rows: 20)
        }
        proposals = kept
        taskOrder = order
    }

    private func match(number: String, text: String, row: Int, record: Record?) -> Int? {
        func one(_ ids: [String]?) -> Int? {
            guard let ids, ids.count == 1 else { return nil }
            return indexByID[ids[0]]
        }
        if let r = record {
            if let i = one(r.idsByNumberText[number + "\u{1}" + text]) { return i }
            // The unit edited the text: the number alone, when the sheet had it once; or the row.
            if !number.isEmpty, let i = one(r.idsByNumber[number]) { return i }
        }
        var byBoth: [Int] = [], byText: [Int] = []
        for (i, t) in plan.tasks.enumerated() {
            let tt = t.text.trimmingSpaces
            if tt == text {
                byText.append(i)
                if (t.number ?? "") == number { byBoth.append(i) }
            }
        }
        if byBoth.count == 1 { return byBoth[0] }
        if byBoth.isEmpty, byText.count == 1 { return byText[0] }
        return nil
    }

    // MARK: deciding

    func planValue(_ t: PlanTask, _ f: Field) -> Value {
        switch f {
        case .status: return .status(t.status)
        case .progress: return .progress(t.progress)
        case .deadline: return t.deadline.map { .date($0) } ?? .text(t.deadlineText ?? "")
        case .remarks: return .text(t.remarks.trimmingSpaces)
        case .note: return .text("")
        }
    }

    func display(_ v: Value) -> String {
        switch v {
        case .status(let s): return strings.status(s)
        case .progress(let p): return "\(p)%"
        case .date(let d): return d.iso
        case .text(let t): return t.isEmpty ? "—" : t
        }
    }

    func command(_ f: Field, _ v: Value) -> EditCommand? {
        switch (f, v) {
        case (.status, .status(let s)): return .setStatus(s)
        case (.progress, .progress(let p)): return .setProgress(p)
        case (.deadline, .date(let d)): return .setDeadline(d)
        case (.remarks, .text(let t)): return .setRemarks(t)
        case (.note, .text(let t)): return .addNote(t)
        default: return nil
        }
    }

    /// What merging every sheet added does: the plan after, the changes and the conflicts.
    public func result() throws -> Result {
        var out = plan
        var changes: [Change] = []
        var conflicts: [Conflict] = []
        for id in taskOrder {
            guard let ti = indexByID[id], let fields = proposals[id] else { continue }
            let original = plan.tasks[ti]
            for f in Field.allCases {
                guard let ps = fields[f] else { continue }
                let now = planValue(original, f)
                if f == .note {
                    for p in ps {
                        guard case .text(let t) = p.value, !t.isEmpty else { continue }
                        let dup = out.tasks[ti].history.contains { $0.note == t && $0.author == p.author && $0.period == p.period }
                        if dup { continue }
                        if try apply(&out.tasks[ti], f, p, old: "") { changes.append(change(original, f, p, old: "—")) }
                    }
                    continue
                }
                // The edited cells: those that differ from what was exported (from the plan, without a record).
                let edited = ps.filter { $0.value != ($0.base ?? now) }
                guard !edited.isEmpty else { continue }
                let values = Set(edited.map(\.value))
                let base = edited[0].base
                if values.count > 1 {
                    conflicts.append(Conflict(kind: .twoSheets, taskID: id, number: original.number ?? "", field: f,
                                              exported: base.map(display), plan: display(now),
                                              sheets: edited.map { ($0.place, $0.display) }, edits: edited.map { edit(id, f, $0) }))
                    continue
                }
                let v = edited[0].value
                if v == now { continue }
                if let b = base, b != now {
                    conflicts.append(Conflict(kind: .planAndSheet, taskID: id, number: original.number ?? "", field: f,
                                              exported: display(b), plan: display(now), sheets: edited.map { ($0.place, $0.display) },
                                              edits: edited.map { edit(id, f, $0) }))
                    continue
                }
                let old = display(planValue(out.tasks[ti], f))
                if try apply(&out.tasks[ti], f, edited[0], old: old) { changes.append(change(original, f, edited[0], old: old)) }
            }
        }
        return Result(plan: out, changes: changes, conflicts: conflicts, notes: notes, sheets: sheetCount)
    }

    private func change(_ t: PlanTask, _ f: Field, _ p: Proposal, old: String) -> Change {
        Change(taskID: t.id, number: t.number ?? "", field: f, old: old, new: p.display, place: p.place, author: p.author, period: p.period,
               edit: edit(t.id, f, p))
    }

    /// The edit a proposal makes: its sheet's author and period, dated `date`.
    private func edit(_ id: String, _ f: Field, _ p: Proposal) -> Edit? {
        command(f, p.value).map { Edit(taskID: id, command: $0, date: date, author: p.author, period: p.period) }
    }

    /// Applies one proposal through `PlanTask.applying` and stamps its period on the new
    /// history entry. false when it changes nothing (a status of 已完成 already set 100%).
    private func apply(_ t: inout PlanTask, _ f: Field, _ p: Proposal, old: String) throws -> Bool {
        guard let c = command(f, p.value) else { return false }
        guard var next = try t.applying(Edit(taskID: t.id, command: c, date: date, author: p.author), strings: strings) else { return false }
        if !next.history.isEmpty { next.history[next.history.count - 1].period = p.period }
        t = next
        return true
    }
}
