import DubanCore

/// A table laid out with spaces, one row a line, its cells wrapped over the lines below (what
/// `pdftotext -layout` writes, and a table typed with spaces):
///
///      序号      工作任务                     牵头单位        配合单位          完成时限
///                         一、稳定经济增长
///       1    全社会固定资产投资增长6%，其中工     市发展改革委    市财政局、市统计    6月底前
///            业投资增长10%以上                                    局
///
/// Each line is cut into pieces at runs of two or more spaces, each piece with the place it
/// starts (in display columns). A line whose first piece is the next number under 序号 starts
/// a row; its pieces go to the columns in order when there is one a column, else each to the
/// column whose name it stands under. A line with no number continues the row above: each
/// piece goes to the cell it is aligned with (the one above it starting nearest) and runs on
/// from that cell's text (`市统计` + `局`). A heading alone on its line (一、…) is a chapter row.
/// Lines split by tabs keep their cells in order (a tab says nothing of where a cell stands).
enum AlignedRows {
    struct Piece {
        var text: String
        /// Display column where it starts, and its width.
        var x: Int
        var width: Int
        /// 1-based column in characters.
        var column: Int
    }

    /// The pieces of a line: runs of two or more spaces (ASCII or ideographic) separate them.
    /// `indent`: the spaces the line had before its first character (a source line is kept without them).
    static func pieces(_ s: String, indent: Int = 0) -> [Piece] {
        var out: [Piece] = []
        var cur = "", curX = 0, curCol = 0, x = indent, col = 0, spaces = 0
        func flush() {
            let t = cur.trimmed()
            if !t.isEmpty { out.append(Piece(text: t, x: curX, width: DisplayWidth.of(t), column: curCol + 1)) }
            cur = ""
        }
        for c in s {
            let w = c == "\t" ? 1 : max(1, DisplayWidth.of(c))
            if c == " " || c == "\u{3000}" || c == "\u{A0}" {
                spaces += c == "\u{3000}" ? 2 : 1
            } else {
                if spaces >= 2 { flush() }
                else if spaces == 1 { cur.append(" ") }
                spaces = 0
                if cur.isEmpty { curX = x; curCol = col }
                cur.append(c)
            }
            x += w; col += 1
        }
        flush()
        return out
    }

    /// A page's number as a PDF prints it: — 3 —, - 3 -, －3－, 第3页, 3/12.
    static func isPageNumber(_ s: String) -> Bool {
        var t = s.filter { !$0.isWhitespace && !"-—－–".contains($0) }
        if t.hasPrefix("第") && t.hasSuffix("页") { t = String(t.dropFirst().dropLast()) }
        if let slash = t.firstIndex(of: "/") { t.remove(at: slash) }
        return !t.isEmpty && t.count <= 6 && t.allSatisfy(\.isASCII) && t.allSatisfy(\.isNumber) && s != t
    }

    /// The rows of the table under `header` (a line of column names split by spaces), wrapped
    /// cells joined; nil when the header or the lines are split by tabs (read cell by cell instead).
    static func table(header: SourceLine, body: ArraySlice<SourceLine>, columns: [TableParser.Column]) -> Table? {
        let hs = pieces(header.text.string, indent: header.column - 1)
        guard hs.count == columns.count, !header.text.string.contains("\t") else { return nil }
        let centers = hs.map { $0.x + $0.width / 2 }
        let numberColumn = columns.firstIndex(of: .number)
        var table = Table()
        // Where each cell of the last row starts (display column), to place the wrapped lines.
        var starts: [Int?] = []
        var lastIsRow = false
        func nearest(_ x: Int, among xs: [Int?]) -> Int {
            var best = 0, bestD = Int.max
            for (k, v) in xs.enumerated() {
                let d = abs((v ?? centers[k]) - x)
                if d < bestD { best = k; bestD = d }
            }
            return best
        }
        let headerTexts = hs.map { $0.text.filter { !$0.isWhitespace } }
        for l in body where !l.isBlank && !PageChrome.isChrome(l) {
            let line = l.text.string
            if line.contains("\t") { return nil }
            let ps = pieces(line.filter { $0 != "\u{0C}" }, indent: l.column - 1)
            guard let first = ps.first else { continue }
            // The header again at a page break, and the page's number (— 3 —, - 3 -, 第3页).
            if ps.map({ $0.text.filter { !$0.isWhitespace } }) == headerTexts { continue }
            if ps.count == 1, isPageNumber(first.text) { continue }
            func cell(_ p: Piece) -> Table.Cell { Table.Cell(text: p.text, line: l.number, column: l.column + p.column - 1) }
            if ps.count == 1, let m = Headings.marker(Folded(first.text)), m.kind <= .cn, first.text.count <= 40 {
                table.rows.append([cell(first)])
                starts = []; lastIsRow = false
                continue
            }
            let numbered: Bool = {
                guard let nc = numberColumn else { return true }
                guard case .number = TableParser.classify(folded: Folded(first.text)) else { return false }
                return nearest(first.x + first.width / 2, among: Array(repeating: nil, count: columns.count)) <= nc
            }()
            if !numbered, lastIsRow, var row = table.rows.popLast() {
                // A wrapped line: each piece runs on from the cell it is aligned with.
                for p in ps {
                    let k = nearest(p.x, among: starts)
                    if row[k].text.isEmpty { row[k] = cell(p); starts[k] = p.x } else { row[k].text += p.text }
                }
                table.rows.append(row)
                continue
            }
            var row = [Table.Cell](repeating: Table.Cell(text: "", line: l.number, column: l.column), count: columns.count)
            starts = [Int?](repeating: nil, count: columns.count)
            if ps.count == columns.count {
                for (k, p) in ps.enumerated() { row[k] = cell(p); starts[k] = p.x }
            } else {
                // Fewer pieces than columns (an empty cell): each under the column it stands under,
                // in order (never two in one column, never before the piece to its left).
                var next = 0
                for p in ps {
                    var k = max(next, nearest(p.x + p.width / 2, among: Array(repeating: nil, count: columns.count)))
                    k = min(k, columns.count - 1)
                    if !row[k].text.isEmpty { row[k].text += p.text } else { row[k] = cell(p); starts[k] = p.x }
                    next = k + 1
                }
            }
            table.rows.append(row)
            lastIsRow = true
        }
        return table
    }
}
