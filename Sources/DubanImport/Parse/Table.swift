/// One table model for every reader: rows of cells, each cell with the place in the
/// source it came from. A saved web page's `<table>` (rowspan and colspan already
/// spread, so each row has every column's value) and a text table written one row a
/// line both arrive here; `TableParser.parse(table:)` recognises the columns.
struct Table {
    struct Cell {
        /// The cell's text: spaces collapsed, lines inside the cell joined.
        var text: String
        /// 1-based line and column of the cell in the source (its `<td>`, or its line).
        var line: Int
        var column: Int
        /// The cell spreads over every column of its row (a chapter row: colspan over the table).
        var spansRow: Bool = false
    }
    var rows: [[Cell]] = []
    /// Where the table starts and ends in the source, as UTF-8 offsets (web pages).
    var start = 0
    var end = 0
    /// Tables inside this table's cells, read as tables too (web pages): a page laid out in a
    /// table has its task table there. Read only when this table has no header of its own.
    var inner: [Table] = []
}

extension Table {
    /// One cell's lines (`<br>`, `<p>`, Word paragraphs), as both readers join them: units written
    /// one a line (or short names, leaders one a line: 王 嵘 / 方 勇) by 、; dated nodes one a line
    /// (`3月底前完成立项` / `6月底前开工`) by ；, so each stays a node; other lines run on.
    static func joinLines(_ lines: [String]) -> String {
        // A column's name broken over lines (牵头 / 单位, 完成 / 时限) is the name.
        if lines.count > 1, TableParser.column(for: lines.joined()) != nil { return lines.joined() }
        if lines.count > 1, lines.allSatisfy({ isShortName($0) }) {
            // Names a line each, spaced to the width of three characters (钱 宇): the names.
            return lines.map { $0.filter { !$0.isWhitespace } }.joined(separator: "、")
        }
        if lines.count > 1, lines.allSatisfy({ UnitNames.looksLikeUnitList(Folded($0)) || isShortName($0) }) {
            return lines.joined(separator: "、")
        }
        if lines.count > 1, lines.dropFirst().allSatisfy(startsWithDate) {
            var out = lines[0]
            for l in lines.dropFirst() {
                if let last = out.last, !"。；;，,".contains(last) { out += "；" }
                out += l
            }
            return out
        }
        return lines.joined()
    }

    /// Two to four Chinese characters, spaces aside: a person's name (钱 宇).
    static func isShortName(_ s: String) -> Bool {
        let cs = s.unicodeScalars.filter { !$0.properties.isWhitespace }
        return (2...4).contains(cs.count) && cs.allSatisfy { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
    }

    /// A line opening with a date: 6月底前…, 2025年3月…, 10月15日…, 一季度…, 第三季度…, 上半年…, 年底前….
    static func startsWithDate(_ s: String) -> Bool {
        let f = Folded(s).withoutSpaces
        guard f.count >= 2 else { return false }
        var i = 0
        while i < f.count, f[i].isASCIIDigit { i += 1 }
        if i > 0 { return i < f.count && (f[i] == "月" || f[i] == "年") }
        for w in dateOpenings where f.hasPrefix(w) { return true }
        return false
    }
    private static let dateOpenings: [Folded] = ["一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度",
                                                 "上半年", "下半年", "年底", "年内", "年末"]
}

extension Table {
    /// A cell that says "nothing here" in print: `/`, `-`, `—`, `——`, `无` (an empty 配合单位).
    static func isPlaceholder(_ f: Folded) -> Bool {
        let s = f.withoutSpaces
        guard s.count >= 1, s.count <= 3 else { return false }
        if s.count == 1, s[0] == "无" { return true }
        return s.allSatisfy { placeholderChars.contains($0) }
    }
    private static let placeholderChars: CharSet = "/-—–－─"
}
