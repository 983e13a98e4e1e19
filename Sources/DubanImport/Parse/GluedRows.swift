/// A whole table on one line (a crawled page: no line breaks and no separator between cells):
///
///     …请认真组织实施. 序号 工作任务 牵头单位 1 城镇新增就业1.2万人. 县人社局 2 地区生产总值增长6.5%左右. 县发改委、县统计局 3 …
///
/// The line is cut into the lines `SpacedRows` reads (the notice with its glued header, then one
/// row a line): a row starts at the next task number (1, 2, 3 … in order) standing alone between
/// spaces, right after a word that reads as a unit list (the units ending the row before), or
/// right after the header for the first row. Each piece keeps its place on the original line.
enum GluedRows {
    static func unglue(_ lines: [SourceLine]) -> (lines: [SourceLine], warning: ImportWarning)? {
        for (li, l) in lines.enumerated() where l.folded.count >= 40 {
            guard let pieces = split(l) else { continue }
            var out = Array(lines[..<li])
            out += pieces
            out += lines[(li + 1)...]
            return (out, ImportWarning(line: l.number, column: l.column, .iwRowsOnOneLine, guess: true))
        }
        return nil
    }

    private static func split(_ l: SourceLine) -> [SourceLine]? {
        let f = l.folded
        let ws = f.wordRanges
        // The header: 序号 and at least two more column names, with a text and a unit column.
        guard let w0 = ws.firstIndex(where: { TableParser.column(folded: f[$0]) == .number }) else { return nil }
        var cols: [TableParser.Column] = [.number]
        var wh = w0
        while wh + 1 < ws.count, ws[wh + 1].count <= 8, let c = TableParser.column(folded: f[ws[wh + 1]]), c != .number {
            cols.append(c); wh += 1
        }
        guard cols.count >= 3, cols.contains(.text), cols.contains(where: { $0.isUnits }), wh + 1 < ws.count else { return nil }
        // The rows: each next number after the units of the row before. A chapter row (一、稳增长)
        // stands where a row would, after the header or the units of the row before, and before the
        // next number; it is a piece of its own.
        var starts: [Int] = []
        var expected = 1
        var boundary = wh          // the last word that may end a row: the header, units, a chapter
        var end = f.count
        for j in (wh + 1)..<ws.count {
            let w = f[ws[j]]
            if j == boundary + 1, j + 1 < ws.count, String(f[ws[j + 1]]) == String(expected),
               let m = Headings.marker(w), m.kind <= .cn, w.count <= 30 {
                starts.append(ws[j].lowerBound); boundary = j
                continue
            }
            // The signature after the last row (某县人民政府办公室 2024年2月23日): the table ends there.
            if expected > 1, j == boundary + 1 || UnitNames.looksLikeUnitList(f[ws[j - 1]]),
               j + 1 < ws.count, TableParser.isDateLine(f[ws[j + 1]]), TableParser.isIssuer(w) {
                end = ws[j].lowerBound
                break
            }
            guard String(w) == String(expected) else {
                if UnitNames.looksLikeUnitList(w) { boundary = j }
                continue
            }
            if j == boundary + 1 || UnitNames.looksLikeUnitList(f[ws[j - 1]]) {
                starts.append(ws[j].lowerBound); expected += 1
            }
        }
        guard expected > 2 else { return nil }
        func piece(_ r: Range<Int>) -> SourceLine {
            var a = r.lowerBound, b = r.upperBound
            while a < b, f[a] == " " { a += 1 }
            while b > a, f[b - 1] == " " { b -= 1 }
            return l.cut(a..<b)
        }
        var out = [piece(0..<ws[wh].upperBound)]
        for (k, s) in starts.enumerated() {
            out.append(piece(s..<(k + 1 < starts.count ? starts[k + 1] : end)))
        }
        // The signature, its date and what follows (the page's footer), each a line as printed.
        if end < f.count, let sig = ws.firstIndex(where: { $0.lowerBound == end }) {
            out.append(piece(ws[sig]))
            out.append(piece(ws[sig + 1]))
            if sig + 2 < ws.count { out.append(piece(ws[sig + 2].lowerBound..<f.count)) }
        }
        return out
    }
}
