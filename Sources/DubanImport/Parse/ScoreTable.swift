/// An annual target table with no 序号 column (Deyang Jingyang 2016), flattened one cell a line:
///
///     项 目 / 分值 / 目标任务 / 监考单位          (the header, one name a line)
///     宏观调控                                    (a category row)
///     地区生产总值增长率 / 3 / 年终根据全省平均水平综合考核 / 区发改局区统计局
///     社会消费品零售总额增长率 / 3               (target and unit merged with the row above)
///
/// A row is a name cell followed by its score (a small number); the cells after the score
/// are its target and then, when one reads as a unit list, its units (two names glued with
/// no separator are split at the second place prefix). A text cell followed by another
/// text cell and then a score is a category. A row without a unit cell inherits the row
/// above's (a merged cell): a guess, so a warning with its place.
enum ScoreTable {
    static func parse(_ lines: [SourceLine]) -> TableParser.Result? {
        // The header: 分值 among three or more column names in a row, one a line.
        let body = lines.filter { !$0.isBlank && !PageChrome.isChrome($0) }
        guard let s = body.firstIndex(where: { $0.folded.withoutSpaces == P.分值 }) else { return nil }
        var a = s, b = s + 1
        while a > 0, isColumnName(body[a - 1]) { a -= 1 }
        while b < body.count, isColumnName(body[b]) { b += 1 }
        guard b - a >= 3, body[a..<b].contains(where: { UnitNames.looksLikeUnit($0.folded.withoutSpaces) || TableParser.column(for: $0)?.isUnits == true }) else { return nil }
        var d = Drafts()
        d.firstLine = body[a].number
        let cells = Array(body[b...])
        var i = 0
        var lastUnits: Field?
        func isScore(_ k: Int) -> Bool {
            guard k < cells.count else { return false }
            let f = cells[k].folded.withoutSpaces
            guard (1...4).contains(f.count), let v = Double(String(f)) else { return false }
            return v > 0 && v <= 20
        }
        func isUnitCell(_ k: Int) -> Bool { UnitNames.looksLikeUnitList(cells[k].folded.withoutSpaces) }
        while i < cells.count {
            // A category: text, then text, then a score.
            if !isScore(i), i + 2 < cells.count, !isScore(i + 1), isScore(i + 2), !isUnitCell(i) { i += 1; continue }
            guard !isScore(i), isScore(i + 1), !isUnitCell(i) else {
                d.warnings.append(ImportWarning(line: cells[i].number, column: cells[i].column,
                                                .iwRowCellNotAttached, .text(String(cells[i].text.prefix(30)))))
                i += 1; continue
            }
            let name = cells[i]
            var t = DraftTask(number: String(d.tasks.count + 1), chapter: nil, text: name.string, line: name.number, column: name.column)
            t.remarks = "分值 " + cells[i + 1].string
            i += 2
            // Target and units until the next row (a name followed by a score).
            var units: Field?
            while i < cells.count, !(isScore(i + 1) && !isScore(i)), !(i + 2 < cells.count && isScore(i + 2) && !isScore(i) && !isScore(i + 1) && !isUnitCell(i)) {
                let c = cells[i]
                if units == nil, isUnitCell(i) {
                    let (value, glued) = splitGlued(String(c.folded.withoutSpaces))
                    units = Field(kind: .units, value: value, line: c.number, column: c.column)
                    if glued {
                        d.warnings.append(ImportWarning(line: c.number, column: c.column, .iwGluedUnits, .text(c.string), .text(value), guess: true))
                    }
                } else if t.goal == nil, units == nil {
                    t.goal = c.string
                }
                i += 1
            }
            if let u = units { t.fields.append(u); lastUnits = u }
            else if let u = lastUnits, i < cells.count {
                // A merged unit cell: the row above's. (The last row, cut off, invents none.)
                t.fields.append(u)
                d.warnings.append(ImportWarning(line: name.number, column: name.column, .iwMergedUnitCell, .text(name.string), guess: true))
            }
            d.tasks.append(t)
            d.lastLine = cells[max(0, i - 1)].number
        }
        guard d.tasks.count >= 2 else { return nil }
        // With no 序号 column, every row boundary is inferred: one warning says so, at the header.
        d.warnings.append(ImportWarning(line: body[a].number, column: body[a].column, .iwRowsByCells, guess: true))
        return TableParser.Result(drafts: d, header: TableParser.Header(columns: [.text, .other, .goal, .units], bodyStart: b, line: body[a].number, oneRowPerLine: false, reader: .scoreTable))
    }

    private static func isColumnName(_ l: SourceLine) -> Bool {
        let f = l.folded.withoutSpaces
        return f.count <= 6 && (TableParser.column(folded: f) != nil || f == P.项目 || f.hasSuffix(P.单位) || f.hasSuffix(P.部门))
    }

    /// `区发改局区统计局` -> `区发改局、区统计局`: split where the first name's place prefix starts a second unit.
    static func splitGlued(_ s: String) -> (String, Bool) {
        let cs = Array(s)
        guard let p = cs.first, "区市县镇".contains(p), cs.count >= 6 else { return (s, false) }
        var parts: [String] = []
        var start = 0
        var i = 3
        while i < cs.count - 2 {
            if cs[i] == p, UnitNames.looksLikeUnit(String(cs[start..<i])), UnitNames.looksLikeUnit(String(cs[i...])) {
                parts.append(String(cs[start..<i])); start = i
            }
            i += 1
        }
        if parts.isEmpty { return (s, false) }
        parts.append(String(cs[start...]))
        return (parts.joined(separator: "、"), true)
    }

    /// The words, each made once (an enum of statics: a tuple of `Folded` is copied through
    /// the runtime's generic tuple witness at every use, 6% of a 2 MB import).
    private enum P {
        static let 分值: Folded = "分值"
        static let 项目: Folded = "项目"
        static let 单位: Folded = "单位"
        static let 部门: Folded = "部门"
    }
}
