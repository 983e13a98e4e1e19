/// Tables flattened one cell per line (a web page's table copied as text):
/// a header of column names (序号 / 目标与任务 / 牵头责任单位 / 责任单位 / 完成情况 / 备注),
/// then the cells row after row. Rows are found from the sequence-number cells,
/// even when the number was lost or split by spaces ("1 22"); unit cells are told
/// from text cells by their form; an empty cell is a line of spaces.
/// A header on one line with cells separated by tabs gives one row a line.
struct TableParser {
    enum Column: Equatable {
        case number, text, leaders, lead, co, units, deadline, completion, remarks, goal, other
        /// A short name of the task (名称, 项目): kept as its title, the task text when no text column says more.
        case title
        /// A score (分值), kept with the task.
        case score
        /// What the task must meet (要求, 标准, 工作要求, 验收标准): kept with the task's remarks.
        case requirement
        var isUnits: Bool { self == .lead || self == .co || self == .units }
    }

    struct Header {
        var columns: [Column]
        /// Index in the lines of the first line after the header.
        var bodyStart: Int
        var line: Int
        var oneRowPerLine: Bool
        /// Which reader found the table: the layout the import summary names.
        var reader: ImportLayout = .flatTable
    }

    static func column(for name: String) -> Column? {
        if name.utf8.count > 64 { return nil }
        return column(folded: Folded(name))
    }

    /// `column(for: line.string)`.
    static func column(for line: SourceLine) -> Column? {
        if line.text.utf8Count(limit: 64) > 64 { return nil }
        return column(folded: line.folded)
    }


    private static let numberNames: [Folded] = ["序号", "编号", "序", "No.", "NO.", "No"]
    private static let coPrefixes: [Folded] = ["协同", "配合", "协办", "参与", "协助"]
    private static let textNames: [Folded] = ["工作内容", "具体内容", "内容", "目标与任务", "任务名称", "项目名称"]
    private static let textSuffixes: [Folded] = ["任务", "工作", "事项", "措施", "内容", "问题"]
    private static let requirementSuffixes: [Folded] = ["要求", "标准"]
    private static let completionSuffixes: [Folded] = ["完成情况", "进展情况", "推进情况", "落实情况"]
    private static let unitSuffixes: [Folded] = ["单位", "部门"]
    /// The words, each made once (an enum of statics: a tuple of `Folded` is copied through
    /// the runtime's generic tuple witness at every use, 6% of a 2 MB import).
    private enum P {
        static let 备注: Folded = "备注"
        static let 领导: Folded = "领导"
        static let 牵头: Folded = "牵头"
        static let 责任单位: Folded = "责任单位"
        static let 责任部门: Folded = "责任部门"
        static let 责任主体: Folded = "责任主体"
        static let 承办单位: Folded = "承办单位"
        static let 时限: Folded = "时限"
        static let 完成时间: Folded = "完成时间"
        static let 时间节点: Folded = "时间节点"
        static let 完成期限: Folded = "完成期限"
        static let 年度目标: Folded = "年度目标"
        static let 目标: Folded = "目标"
        static let 工作目标: Folded = "工作目标"
        static let 名称: Folded = "名称"
        static let 分值: Folded = "分值"
        static let 项目: Folded = "项目"
        static let 目标值: Folded = "目标值"
    }

    /// The column a (folded) name stands for.
    static func column(folded: Folded) -> Column? {
        let s = folded.withoutSpaces
        if s.isEmpty || s.count > 16 { return nil }
        if numberNames.contains(s) { return .number }
        if s == P.备注 { return .remarks }
        // A short name (名称) beside a task-text column repeats the text's opening; a 分值 column
        // holds the task's score. Both are read past, never taken as text or units.
        if s == P.名称 || s == P.项目 { return .title }
        if s == P.分值 { return .score }
        if s.hasSuffix(P.领导) { return .leaders }
        let namesUnits = s.suffix(among: unitSuffixes) != nil
        if s.includes(P.牵头) && namesUnits { return .lead }
        if s.prefix(among: coPrefixes) != nil { return namesUnits ? .co : nil }
        if s.hasSuffix(P.责任单位) || s.hasSuffix(P.责任部门) || s == P.责任主体 || s == P.承办单位 { return .units }
        // Any other name of units (实施单位, 落实单位, 监考单位, 考核部门): one unit column.
        if namesUnits && s.count <= 6 { return .units }
        if s.includes(P.时限) || s == P.完成时间 || s == P.时间节点 || s == P.完成期限 { return .deadline }
        if s.suffix(among: completionSuffixes) != nil { return .completion }
        if s.suffix(among: requirementSuffixes) != nil { return .requirement }
        if s == P.年度目标 || s == P.目标 || s == P.工作目标 { return .goal }
        // 预期目标, 具体目标, 目标值: what the task must reach.
        if s.count <= 6, s.hasSuffix(P.目标) || s.hasSuffix(P.目标值) { return .goal }
        if s.suffix(among: textSuffixes) != nil || textNames.contains(s) { return .text }
        // 工程项目, 实事项目, 指标名称: the item's own name is its text.
        if s.count <= 6, s.hasSuffix(P.项目) || s.hasSuffix(P.名称) { return .text }
        return nil
    }

    /// Finds the first header of a table: at least three column names in a row (one a line,
    /// or on one line split by tabs), with a task column and a unit or number column.
    static func findHeader(_ lines: [SourceLine]) -> Header? {
        var i = 0
        while i < lines.count {
            let l = lines[i]
            if l.isBlank { i += 1; continue }
            // One line, cells split by tabs or wide spaces.
            let cells = l.text.count <= 120 && mayHoldCells(l.text) ? splitRowCells(l.text) : []
            if cells.count >= 3 {
                let cols = cells.map { cell -> Column? in
                    cell.utf8Count(limit: 64) > 64 ? nil : column(folded: cell.folded)
                }
                if cols.allSatisfy({ $0 != nil }) {
                    let c = cols.compactMap { $0 }
                    if valid(c) { return Header(columns: c, bodyStart: i + 1, line: l.number, oneRowPerLine: true) }
                }
            }
            guard column(for: l) != nil else { i += 1; continue }
            var cols: [Column] = []
            var j = i
            while j < lines.count {
                let m = lines[j]
                if m.isBlank { j += 1; continue }
                // A line of cells (tabs, runs of spaces) is a header of its own, not one column's name.
                if j > i, mayHoldCells(m.text), splitRowCells(m.text).count >= 3 { break }
                guard let c = column(for: m) else { break }
                cols.append(c)
                j += 1
            }
            if cols.count >= 3, valid(cols) { return Header(columns: cols, bodyStart: j, line: l.number, oneRowPerLine: false) }
            i = max(i + 1, j)
        }
        return nil
    }

    static func valid(_ cols: [Column]) -> Bool {
        cols.contains(.text) && (cols.contains(where: { $0.isUnits }) || cols.contains(.number)) && Set(cols.map { "\($0)" }).count >= 3
    }

    static func splitRowLine(_ s: String) -> [String] { splitRowCells(Printed(s)).map(\.string) }

    /// Whether the line may hold several cells: a tab, or two spaces in a row.
    static func mayHoldCells(_ t: Printed) -> Bool { t.mayHoldCells }

    /// The cells of a line split by tabs, or by two or more spaces (ASCII or ideographic), each trimmed.
    static func splitRowCells(_ t: Printed) -> [Printed] { t.cells }

    // MARK: cells

    enum CellKind { case empty, number(Int), units, text }

    struct Cell {
        /// The characters as printed, and folded.
        var t: Printed
        var f: Folded
        var line: Int
        var column: Int
        var kind: CellKind
        var text: String { t.string }
        var folded: String { f.string }
    }

    static func classify(folded: Folded) -> CellKind {
        let f = folded.trimmed()
        if f.isEmpty || Table.isPlaceholder(f) { return .empty }
        let digits = f.keeping { $0 != " " }
        if digits.count <= 5, digits.isDigits, let v = Int(digits.string) { return .number(v) }
        // 1. / 1、 alone (a sequence cell with its stop)
        if f.count <= 5, let last = f.last, last == "." || last == "、", let v = Int(f.dropLast().withoutSpaces.string) { return .number(v) }
        if f.last != "。", UnitNames.looksLikeUnitList(f) { return .units }
        return .text
    }

    /// The cells after the header. With blank lines between the cells, a blank line only
    /// separates and a line of spaces is an empty cell; without them, both are empty cells.
    static func cells(_ lines: ArraySlice<SourceLine>) -> [Cell] {
        var empty = 0
        for l in lines where l.isEmpty { empty += 1 }
        let nonEmpty = lines.count - empty
        let separated = empty * 3 >= nonEmpty
        var out: [Cell] = []
        var rest = lines[...]
        // The table ends at the signature: the issuing body and the date under it (某市人民政府 / 2020年3月1日).
        if let sig = signature(lines) { rest = lines[..<sig] }
        for l in rest {
            if l.isEmpty && separated { continue }
            if PageChrome.isChrome(l) { continue }
            out.append(Cell(t: l.text, f: l.folded, line: l.number, column: l.column, kind: classify(folded: l.folded)))
        }
        return out
    }

    /// An issuing body as it signs: …人民政府 / …办公室 / …委员会, short.
    static func isIssuer(_ f: Folded) -> Bool {
        f.count <= 30 && (f.hasSuffix(S.人民政府) || f.hasSuffix(S.办公室) || f.hasSuffix(S.委员会))
    }

    /// The index of a signature line: an issuing body (…人民政府 / …办公室 / …委员会) whose next
    /// non-blank line is a date and nothing else.
    static func signature(_ lines: ArraySlice<SourceLine>) -> Int? {
        var i = lines.startIndex
        while i < lines.endIndex {
            let f = lines[i].folded
            if f.count <= 30, f.hasSuffix(S.人民政府) || f.hasSuffix(S.办公室) || f.hasSuffix(S.委员会) {
                var j = i + 1
                while j < lines.endIndex, lines[j].isBlank { j += 1 }
                if j < lines.endIndex, isDateLine(lines[j].folded) { return i }
            }
            i += 1
        }
        return nil
    }

    /// 2020年3月1日 / 二○二○年三月一日, alone on its line.
    static func isDateLine(_ f: Folded) -> Bool {
        let s = f.withoutSpaces
        guard s.count >= 6, s.count <= 12, s.last == "日", let y = s.firstIndex(of: S.年), let m = s.firstIndex(of: S.月), y < m else { return false }
        return s.allSatisfy { $0.isASCIIDigit || $0.isChineseNumeral || $0 == "○" || $0 == "O" || $0 == "年" || $0 == "月" || $0 == "日" }
    }

    /// The words, each made once (an enum of statics: a tuple of `Folded` is copied through
    /// the runtime's generic tuple witness at every use, 6% of a 2 MB import).
    private enum S {
        static let 人民政府: Folded = "人民政府"
        static let 办公室: Folded = "办公室"
        static let 委员会: Folded = "委员会"
        static let 年: Folded = "年"
        static let 月: Folded = "月"
    }

    // MARK: rows

    struct Result {
        var drafts: Drafts
        var header: Header
    }

    static func parse(_ lines: [SourceLine]) -> Result? {
        if let r = PipeCells.parse(lines) { return r }
        guard let header = findHeader(lines) else { return SpacedRows.parse(lines) ?? ScoreTable.parse(lines) }
        // A score table with no 序号 (项目 / 分值 / 目标任务 / 监考单位): rows are told by their score.
        if !header.oneRowPerLine, header.columns.contains(.score), !header.columns.contains(.number), let r = ScoreTable.parse(lines) { return r }
        var d = Drafts()
        d.firstLine = header.line
        let body = lines[header.bodyStart...]
        if header.oneRowPerLine {
            // One row a line: the lines are a table (the one table model), read by position.
            // Aligned with spaces (pdftotext -layout): wrapped cells joined, each piece under its column.
            var table = header.bodyStart > 0 ? AlignedRows.table(header: lines[header.bodyStart - 1], body: body, columns: header.columns) ?? Table() : Table()
            if table.rows.isEmpty {
                for l in body where !l.isBlank && !PageChrome.isChrome(l) {
                    table.rows.append(splitRowCells(l.text).map { Table.Cell(text: $0.string, line: l.number, column: l.column) })
                }
            }
            rows(of: table, from: 0, columns: header.columns, headerTexts: [], into: &d, tableNumber: nil)
        } else {
            var cells = cells(body)
            joinSplitUnitNames(&cells, header.columns)
            parseCells(cells, header.columns, &d)
        }
        var h = header
        if h.oneRowPerLine { h.reader = .tabbedRows }
        return d.tasks.isEmpty ? nil : Result(drafts: d, header: h)
    }

    /// "市退役军人" + "事务局" in a units column: one name broken over two cells.
    private static func joinSplitUnitNames(_ cells: inout [Cell], _ cols: [Column]) {
        guard cols.contains(where: { $0.isUnits }) else { return }
        var i = 0
        while i + 1 < cells.count {
            let a = cells[i], b = cells[i + 1]
            if case .text = a.kind, case .units = b.kind, a.f.count <= 12, b.f.count <= 8,
               !a.f.contains(where: { UnitNames.stopCharacters.contains($0) || cellStops.contains($0) }),
               !UnitNames.startsLikeUnit(b.f), UnitNames.startsLikeUnit(a.f) || a.f.count <= 6 {
                // Joined as strings, then read again: characters may combine where the two meet.
                let joined = Folded(asIs: a.f.withoutSpaces.string + b.f.withoutSpaces.string)
                if UnitNames.looksLikeUnit(joined) {
                    cells[i] = Cell(t: Printed(a.text + b.text), f: joined, line: a.line, column: a.column, kind: .units)
                    cells.remove(at: i + 1)
                    continue
                }
            }
            i += 1
        }
    }
    private static let cellStops: CharSet = ",、。"

    private static func parseCells(_ cells: [Cell], _ cols: [Column], _ d: inout Drafts) {
        var i = 0
        var lastNumber = 0
        var rows = 0
        func plausible(_ v: Int) -> Bool {
            let base = max(lastNumber, rows)
            return v > base && v <= base + 30
        }
        var chapter: Int? = nil
        while i < cells.count {
            // Skip empty cells between rows.
            while i < cells.count, case .empty = cells[i].kind { i += 1 }
            guard i < cells.count else { break }
            // Where a row's number should stand, a heading of the notice's own (一、稳增长, 第二部分…):
            // a chapter row (its cell spanned the table) that the copy left on a line of its own.
            if cols.first == .number, case .text = cells[i].kind, let m = Headings.marker(cells[i].f), m.kind <= .cn,
               cells[i].f.count <= 40 {
                let c = cells[i]
                let title = String(c.f[min(m.titleStart, c.f.count)...]).trimmed()
                d.chapters.append(DraftChapter(label: m.label, title: title, parent: nil, line: c.line))
                chapter = d.chapters.count - 1
                i += 1
                continue
            }
            let rowStart = i
            var t = DraftTask(number: nil, chapter: chapter, text: "", line: cells[i].line, column: cells[i].column)
            var unitCells: [(Column, Cell)] = []
            for (ci, col) in cols.enumerated() {
                guard i < cells.count else { break }
                let cell = cells[i]
                let nextIsUnits = ci + 1 < cols.count && cols[ci + 1].isUnits
                switch col {
                case .number:
                    if case .number(let v) = cell.kind, plausible(v) {
                        t.number = String(v); lastNumber = v; i += 1
                        t.line = cell.line; t.column = cell.column
                    }
                case .text:
                    if case .number(let v) = cell.kind, plausible(v), i > rowStart { break }
                    var parts: [Cell] = []
                    while i < cells.count {
                        let c = cells[i]
                        if case .empty = c.kind { if parts.isEmpty { i += 1; continue } else { break } }
                        if case .number(let v) = c.kind, plausible(v) { break }
                        if !parts.isEmpty {
                            // More text lines only while the next column is not a unit cell.
                            if case .units = c.kind { break }
                            if !nextIsUnits { break }
                        }
                        parts.append(c); i += 1
                        if !nextIsUnits { break }
                    }
                    t.text = parts.map(\.text).joined()
                    if let first = parts.first, t.number == nil { t.line = first.line; t.column = first.column }
                case .lead, .co, .units, .leaders:
                    let lastUnitColumn = !(ci + 1 < cols.count && (cols[ci + 1].isUnits || cols[ci + 1] == .leaders))
                    if lastUnitColumn {
                        var took = false
                        while i < cells.count {
                            let c = cells[i]
                            if case .units = c.kind { unitCells.append((col, c)); i += 1; took = true; continue }
                            if case .empty = c.kind, !took { i += 1; took = true; break }
                            if col == .leaders, case .text = c.kind, !took, c.f.count <= 20 { unitCells.append((col, c)); i += 1; took = true; continue }
                            break
                        }
                    } else {
                        switch cell.kind {
                        case .units: unitCells.append((col, cell)); i += 1
                        case .empty: i += 1
                        case .text where col == .leaders && cell.f.count <= 20: unitCells.append((col, cell)); i += 1
                        default: break
                        }
                    }
                case .completion:
                    var parts: [String] = []
                    while i < cells.count {
                        let c = cells[i]
                        if case .empty = c.kind { if parts.isEmpty { i += 1 }; break }
                        if case .number(let v) = c.kind, plausible(v) { break }
                        parts.append(c.text); i += 1
                    }
                    if !parts.isEmpty { t.completion = parts.joined(separator: "\n") }
                case .deadline, .remarks, .goal, .other, .title, .score, .requirement:
                    switch cell.kind {
                    case .empty: i += 1
                    case .number(let v) where plausible(v) && col != .score: break
                    default:
                        if col == .deadline { t.fields.append(Field(kind: .deadline, value: cell.folded, line: cell.line, column: cell.column, written: cell.text.trimmed())) }
                        else if col == .remarks || col == .requirement { t.remarks = [t.remarks, cell.text].compactMap { $0 }.joined(separator: "\n") }
                        else if col == .goal { t.goal = cell.text }
                        else if col == .title { t.title = cell.text }
                        else if col == .score { t.score = cell.text }
                        i += 1
                    }
                }
            }
            if i == rowStart { i += 1; continue }   // nothing taken: skip the cell
            for (col, c) in unitCells {
                let kind: FieldKind
                switch col {
                case .lead: kind = .leadUnits
                case .co: kind = .coUnits
                case .leaders: kind = .leaders
                default: kind = .units
                }
                t.fields.append(Field(kind: kind, value: c.folded, line: c.line, column: c.column))
            }
            if t.text.isEmpty {
                d.warnings.append(ImportWarning(line: t.line, column: t.column, .iwRowWithoutText))
                continue
            }
            rows += 1
            d.tasks.append(t)
            d.lastLine = max(d.lastLine, cells[max(rowStart, i - 1)].line)
        }
    }

    /// A row whose cells came on one line: by position.
    static func rowByPosition(_ row: [Cell], _ cols: [Column], _ d: inout Drafts) -> DraftTask? {
        guard let first = row.first else { return nil }
        var t = DraftTask(number: nil, chapter: nil, text: "", line: first.line, column: first.column)
        for (c, col) in zip(row, cols) {
            let vs = c.f.trimmed()
            if vs.isEmpty || Table.isPlaceholder(vs) { continue }
            let v = vs.string
            switch col {
            case .number: if case .number(let n) = c.kind { t.number = String(n) }
            case .text:
                // Several text columns (任务 / 内容 / 措施 …) are joined in order; the first is the title.
                if t.text.isEmpty { t.text = c.text }
                else if !t.text.contains(c.text) {
                    if t.title == nil { t.title = t.text }
                    let stop = t.text.last.map { "。；;，,：:".contains($0) } ?? true
                    t.text = c.text.hasPrefix(t.text) ? c.text : t.text + (stop ? "" : "；") + c.text
                }
            case .title: t.title = c.text
            case .score: t.score = c.text
            case .requirement: t.remarks = [t.remarks, c.text].compactMap { $0 }.joined(separator: "\n")
            case .lead: t.fields.append(Field(kind: .leadUnits, value: v, line: c.line, column: c.column))
            case .co: t.fields.append(Field(kind: .coUnits, value: v, line: c.line, column: c.column))
            case .units: t.fields.append(Field(kind: .units, value: v, line: c.line, column: c.column))
            case .leaders: t.fields.append(Field(kind: .leaders, value: v, line: c.line, column: c.column))
            case .deadline: t.fields.append(Field(kind: .deadline, value: v, line: c.line, column: c.column, written: c.text.trimmed()))
            case .completion: t.completion = c.text
            case .remarks: t.remarks = c.text
            case .goal: t.goal = c.text
            case .other: break
            }
        }
        if t.text.isEmpty, let title = t.title { t.text = title; t.title = nil }
        if t.text.isEmpty { return nil }
        d.lastLine = max(d.lastLine, first.line)
        return t
    }
}
