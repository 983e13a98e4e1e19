/// A table flattened with each cell on its own lines and a line of `|` after it (Wujiang 2024):
///
///     序号 | 项目 | 重点工作目标任务 | 牵头领导 | 责任单位 |      (one a line, each followed by `|`)
///     一、2024年全区经济社会发展主要预期目标 | |||| 1 | 主要预期目标 |
///     1.地区生产总值增长5%以上。 | 钱 宇 | ★区发改委、统计局 |
///     2.一般公共预算收入同口径增长6%以上。 | ★区财政局、税务局 | |||
///
/// Merged cells were dropped and empty cells became extra `|`, so positions mean nothing:
/// a cell is read by its form. A `1.` item is a task (the table's own 序号 numbers the group,
/// not the task); short names of people after it are its leaders (one cell may hold several,
/// a line each); a unit list is its units (★ marks the lead, else the first listed leads);
/// `一、` is a chapter; a bare number or a short group name between tasks is passed over.
enum PipeCells {
    struct Cell { var lines: [SourceLine] }

    /// Whether the notice is written this way: many lines that hold only `|`.
    static func applies(_ lines: [SourceLine]) -> Bool {
        var pipes = 0, other = 0
        for l in lines where !l.isBlank {
            if isSeparator(l) { pipes += 1 } else { other += 1 }
        }
        return pipes >= 8 && pipes * 3 >= other
    }

    static func isSeparator(_ l: SourceLine) -> Bool { !l.text.isEmpty && l.text.allSatisfy { $0 == "|" || $0 == " " } }

    static func cells(_ lines: [SourceLine]) -> [Cell] {
        var out: [Cell] = []
        var cur: [SourceLine] = []
        for l in lines {
            if l.isBlank { continue }
            if isSeparator(l) { if !cur.isEmpty { out.append(Cell(lines: cur)); cur = [] }; continue }
            cur.append(l)
        }
        if !cur.isEmpty { out.append(Cell(lines: cur)) }
        return out
    }

    static func parse(_ lines: [SourceLine]) -> TableParser.Result? {
        guard applies(lines) else { return nil }
        let all = cells(lines)
        // The header: the first run of cells that are column names, with a task column.
        var cols: [TableParser.Column] = []
        var start = 0
        var headerLine = 0
        var k = 0
        while k < all.count {
            guard all[k].lines.count == 1, let c = TableParser.column(for: all[k].lines[0]) else { k += 1; continue }
            var run: [TableParser.Column] = [c]
            var j = k + 1
            while j < all.count, all[j].lines.count == 1, let c2 = TableParser.column(for: all[j].lines[0]) { run.append(c2); j += 1 }
            if run.count >= 3, run.contains(.text) { cols = run; start = j; headerLine = all[k].lines[0].number; break }
            k = j
        }
        guard !cols.isEmpty else { return nil }
        var d = Drafts()
        d.firstLine = headerLine
        var chapter: Int?
        var last = 0
        var current: DraftTask?
        var leadersTaken = false, unitsTaken = false
        func finish() { if let t = current { d.tasks.append(t) }; current = nil }
        for cell in all[start...] {
            let first = cell.lines[0]
            let f = first.folded
            d.lastLine = cell.lines.last!.number
            if let m = Headings.marker(f), m.kind <= .cn {
                finish()
                let title = String(first.text[min(m.titleStart, first.text.count)...]).trimmed()
                d.chapters.append(DraftChapter(label: m.label, title: title, parent: nil, line: first.number))
                chapter = d.chapters.count - 1
                continue
            }
            if let m = Headings.marker(f), m.kind == .num, m.value > last, m.value <= last + 30 {
                finish()
                last = m.value
                let text = cell.lines.enumerated().map { i, l in
                    i == 0 ? String(l.text[min(m.titleStart, l.text.count)...]) : l.string
                }.joined()
                current = DraftTask(number: String(m.value), chapter: chapter, text: text.trimmed(), line: first.number, column: first.column)
                leadersTaken = false; unitsTaken = false
                continue
            }
            guard current != nil else { continue }   // a group's 序号 or name before its first task
            let joined = cell.lines.map { String($0.folded) }.joined(separator: "、")
            let unmarked = Folded(asIs: joined.replacingOccurrences(of: "★", with: ""))
            if !unitsTaken, UnitNames.looksLikeUnitList(unmarked) {
                current!.fields.append(Field(kind: .units, value: joined, line: first.number, column: first.column))
                unitsTaken = true
            } else if !leadersTaken, !unitsTaken, cell.lines.allSatisfy({ isPersonName($0.folded) }) {
                let names = cell.lines.map { String($0.folded.withoutSpaces) }.joined(separator: "、")
                current!.fields.append(Field(kind: .leaders, value: names, line: first.number, column: first.column))
                leadersTaken = true
            } else if first.folded.allSatisfy({ $0.isASCIIDigit }) || f.count <= 8 {
                continue   // the next group's 序号 or name
            } else {
                d.warnings.append(ImportWarning(line: first.number, column: first.column,
                                                .iwCellNotAttached, .text(String(first.text.prefix(30)))))
            }
        }
        finish()
        guard !d.tasks.isEmpty else { return nil }
        return TableParser.Result(drafts: d, header: TableParser.Header(columns: cols, bodyStart: 0, line: headerLine, oneRowPerLine: false, reader: .pipeCells))
    }

    /// 2 to 4 Chinese characters, maybe with a space inside (`钱 宇`): a person's name.
    static func isPersonName(_ f: Folded) -> Bool {
        let s = f.withoutSpaces
        return (2...4).contains(s.count) && s.allSatisfy(\.isBasicHan) && !UnitNames.looksLikeUnit(s)
    }
}
