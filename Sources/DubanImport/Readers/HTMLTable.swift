/// A saved web page's `<table>`s as tables (the one table model, `Table`).
///
/// Read on the UTF-8 bytes in one pass, never copying the page: tags, attributes and
/// entities are ASCII. Rowspan and colspan are spread so each row has every column's
/// value; `<br>` and `<p>` inside a cell separate its lines (units written one a line
/// are joined by 、); Word's export markup (`<o:p>`, `<span style='mso-…'>`, conditional
/// comments) is read past as any other tag; scripts and styles are skipped. A table
/// inside a cell is read as the cell's text, and also, as a table of its own, into the outer
/// table's `inner` (a site that lays its page out in a table puts the task table in a cell).
enum HTMLTable {
    /// Spans larger than these are read as these: a page cannot make the grid blow up.
    static let maxColspan = 64
    static let maxRowspan = 10_000
    /// Cells a page's spans may copy in all: past it, spans are no longer spread (a page of
    /// `<td colspan=64 rowspan=10000>` and empty `<tr>`s cannot fill the memory).
    static let maxSpreadCells = 2_000_000
    /// How deep nested tables are read as tables (a layout table in a layout table is the most
    /// sites do); each level reads its outer table's bytes once more.
    static let maxNesting = 3

    static func tables(in html: String) -> [Table] {
        var html = html
        return html.withUTF8 { scan($0, base: 0, line0: 1, lineStart0: 0, nesting: maxNesting) }
    }

    private struct OpenCell {
        var parts: [[UInt8]] = [[]]
        var line: Int, column: Int
        var rowspan: Int, colspan: Int
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    /// `p` is the page from `base` on; `line0` / `lineStart0` the line there and where it starts (relative to `p`).
    private static func scan(_ p: UnsafeBufferPointer<UInt8>, base: Int, line0: Int, lineStart0: Int, nesting: Int) -> [Table] {
        let n = p.count
        var tables: [Table] = []
        var depth = 0
        var table = Table()
        var row: [Table.Cell]? = nil
        var cell: OpenCell? = nil
        // Rowspans still running: column -> (rows left, the cell).
        var pending: [Int: (left: Int, cell: Table.Cell)] = [:]
        var rowCells: [(cell: Table.Cell, colspan: Int, rowspan: Int)] = []
        var line = line0
        var lineStart = lineStart0
        var i = 0
        var spreadLeft = maxSpreadCells
        // The outer table holds tables of its own: where it starts (line, line start) to read them.
        var nested = false
        var tableLine = line0, tableLineStart = lineStart0, tableAt = 0

        func finishTable(end: Int) {
            table.end = base + end
            if nested, nesting > 1, tableAt + 1 < end {
                // The tables inside: read again from after the outer `<table`, with their places.
                table.inner = scan(UnsafeBufferPointer(rebasing: p[(tableAt + 1)..<end]), base: base + tableAt + 1,
                                   line0: tableLine, lineStart0: tableLineStart - (tableAt + 1), nesting: nesting - 1)
            }
            if !table.rows.isEmpty || !table.inner.isEmpty { tables.append(table) }
        }

        func newline(at j: Int) { line += 1; lineStart = j + 1 }

        func closeCell() {
            guard let c = cell, row != nil else { cell = nil; return }
            cell = nil
            let lines = c.parts.map(cleanText).filter { !$0.isEmpty }
            let text = lines.count == 1 ? lines[0] : Table.joinLines(lines)
            rowCells.append((Table.Cell(text: text, line: c.line, column: c.column), c.colspan, c.rowspan))
        }

        func closeRow() {
            closeCell()
            guard row != nil else { return }
            row = nil
            var out: [Table.Cell] = []
            func fillPending() {
                if spreadLeft <= 0 { pending = [:]; return }
                while let pend = pending[out.count] {
                    spreadLeft -= 1
                    out.append(pend.cell)
                    if pend.left <= 1 { pending[out.count - 1] = nil } else { pending[out.count - 1] = (pend.left - 1, pend.cell) }
                }
            }
            let single = rowCells.count == 1 && rowCells[0].colspan > 1 && pending.isEmpty
            for (c, colspan, rowspan) in rowCells {
                fillPending()
                var c = c
                c.spansRow = single
                for k in 0..<(spreadLeft > 0 ? colspan : 1) {
                    if rowspan > 1, spreadLeft > 0 { pending[out.count] = (rowspan - 1, c) }
                    if k > 0 { spreadLeft -= 1 }
                    out.append(c)
                }
            }
            fillPending()
            // Rowspans past the row's end (a short row) still fill their columns.
            if let last = pending.keys.max(), last >= out.count {
                while out.count <= last {
                    if pending[out.count] != nil { fillPending() } else { out.append(Table.Cell(text: "", line: line, column: 1)) }
                }
            }
            rowCells = []
            table.rows.append(out)
        }

        func appendText(_ b: UInt8) { if cell != nil { cell!.parts[cell!.parts.count - 1].append(b) } }
        func cellBreak() { if cell != nil { cell!.parts.append([]) } }

        while i < n {
            let b = p[i]
            if b == 0x0A { newline(at: i); appendText(0x20); i += 1; continue }
            if b == 0x26 /* & */ {
                // An entity: up to 10 characters and a ';'.
                var j = i + 1
                while j < n, j - i <= 10, p[j] != 0x3B, p[j] != 0x26, p[j] != 0x3C, p[j] > 0x20 { j += 1 }
                if j < n, p[j] == 0x3B, let s = HTMLText.decodeEntity(String(decoding: UnsafeBufferPointer(rebasing: p[(i + 1)..<j]), as: UTF8.self)) {
                    let scalar: Unicode.Scalar = s == "\u{A0}" ? " " : s
                    for u in String(scalar).utf8 { appendText(u) }
                    i = j + 1
                    continue
                }
                appendText(b); i += 1; continue
            }
            if b != 0x3C /* < */ { appendText(b); i += 1; continue }
            // A comment (Word's conditional comments included).
            if i + 3 < n, p[i + 1] == 0x21, p[i + 2] == 0x2D, p[i + 3] == 0x2D {
                var j = i + 4
                while j + 2 < n, !(p[j] == 0x2D && p[j + 1] == 0x2D && p[j + 2] == 0x3E) { if p[j] == 0x0A { newline(at: j) }; j += 1 }
                i = min(n, j + 3)
                continue
            }
            let tagStart = i, tagLine = line, tagColumn = i - lineStart + 1
            var j = i + 1
            var closing = false
            if j < n, p[j] == 0x2F { closing = true; j += 1 }
            let nameStart = j
            while j < n, (p[j] | 0x20) >= 0x61 && (p[j] | 0x20) <= 0x7A || (p[j] >= 0x30 && p[j] <= 0x39) || p[j] == 0x3A { j += 1 }
            let nameEnd = j
            if nameStart == nameEnd && !(j < n && (p[j] == 0x21 || p[j] == 0x3F)) { appendText(b); i += 1; continue }
            // The tag's end, honouring quoted attribute values.
            var quote: UInt8 = 0
            let attrStart = j
            while j < n {
                let d = p[j]
                if d == 0x0A { newline(at: j) }
                if quote != 0 { if d == quote { quote = 0 } } else if d == 0x22 || d == 0x27 { quote = d } else if d == 0x3E { break }
                j += 1
            }
            let attrs = UnsafeBufferPointer(rebasing: p[attrStart..<min(j, n)])
            i = min(n, j + 1)
            let name = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart..<nameEnd]), as: UTF8.self).lowercased()
            if !closing && (name == "script" || name == "style") {
                // Skip to the closing tag.
                let close = Array("</\(name)".utf8)
                var k = i
                while k + close.count <= n {
                    if p[k] == 0x0A { newline(at: k) }
                    if p[k] == 0x3C, (0..<close.count).allSatisfy({ lower(p[k + $0]) == close[$0] }) { break }
                    k += 1
                }
                i = k
                continue
            }
            switch name {
            case "table":
                if closing {
                    if depth == 1 {
                        closeRow()
                        finishTable(end: i)
                        table = Table(); pending = [:]
                    } else if depth > 1 { cellBreak() }
                    depth = max(0, depth - 1)
                } else {
                    depth += 1
                    if depth == 1 {
                        table = Table(); table.start = base + tagStart
                        nested = false; tableAt = tagStart; tableLine = tagLine; tableLineStart = tagStart - tagColumn + 1
                    } else { nested = true; cellBreak() }
                }
            case "tr" where depth == 1:
                closeRow()
                if !closing { row = [] }
            case "td" where depth == 1, "th" where depth == 1:
                closeCell()
                if !closing {
                    if row == nil { row = [] }
                    cell = OpenCell(line: tagLine, column: tagColumn,
                                    rowspan: min(maxRowspan, max(1, attribute("rowspan", in: attrs) ?? 1)),
                                    colspan: min(maxColspan, max(1, attribute("colspan", in: attrs) ?? 1)))
                }
            case "br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6":
                cellBreak()
            default:
                break
            }
        }
        if depth >= 1 { closeRow(); finishTable(end: n) }
        return tables
    }

    /// A numeric attribute: `rowspan=3`, `rowspan="3"`, `rowspan='3'`.
    private static func attribute(_ name: String, in a: UnsafeBufferPointer<UInt8>) -> Int? {
        let key = Array(name.utf8)
        var k = 0
        while k + key.count < a.count {
            if (0..<key.count).allSatisfy({ lower(a[k + $0]) == key[$0] }), k == 0 || a[k - 1] <= 0x20 || a[k - 1] == 0x22 || a[k - 1] == 0x27 {
                var m = k + key.count
                while m < a.count, a[m] == 0x20 { m += 1 }
                guard m < a.count, a[m] == 0x3D else { k += 1; continue }
                m += 1
                while m < a.count, a[m] == 0x20 || a[m] == 0x22 || a[m] == 0x27 { m += 1 }
                var v = 0, digits = 0
                while m < a.count, a[m] >= 0x30, a[m] <= 0x39, digits < 6 { v = v * 10 + Int(a[m] - 0x30); m += 1; digits += 1 }
                return digits > 0 ? v : nil
            }
            k += 1
        }
        return nil
    }

    /// Bytes of one line of a cell -> its text: runs of spaces become one, spaces between
    /// two wide characters (a line wrapped in the page's source) are dropped, ends trimmed.
    private static func cleanText(_ bytes: [UInt8]) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        var out = String.UnicodeScalarView()
        var space = false
        var prev: Unicode.Scalar? = nil
        for c in s.unicodeScalars {
            if c.properties.isWhitespace || c == "\u{A0}" || c == "\u{3000}" { space = true; continue }
            if space, let pv = prev, !(pv.value >= 0x2000 && c.value >= 0x2000) { out.append(" ") }
            space = false
            out.append(c)
            prev = c
        }
        return String(out)
    }
}
