/// Column recognition for a table given as a table (`Table`): a saved web page's
/// `<table>`, or a text table written one row a line. The header is the first row whose
/// cells are all column names (`TableParser.column(folded:)`, the same recognition the
/// flattened tables use); a later row equal to it (the header repeated at a page break)
/// is dropped; a row whose one cell spans every column is a chapter; every other row is
/// a task read by position.
extension TableParser {
    /// The tables of a page, read as one plan: each table with a header of its own, or,
    /// without one, the previous table's header when it has as many columns (a table
    /// broken at a page). Nil when no table has a header.
    static func parse(tables: [Table]) -> (result: Result, start: Int, end: Int)? {
        var d = Drafts()
        var header: Header? = nil
        var headerTexts: [Folded] = []
        var start: Int? = nil, end = 0
        for (number, table) in laidOut(tables).enumerated() {
            var from = 0
            if let (h, at) = findHeader(in: table) {
                header = h; from = at + 1
                headerTexts = table.rows[at].prefix(h.columns.count).map { Folded($0.text).withoutSpaces }
            } else if header == nil || table.rows.first?.count != header!.columns.count {
                continue
            }
            guard let h = header else { continue }
            if start == nil { start = table.start; d.firstLine = h.line }
            end = table.end
            rows(of: table, from: from, columns: h.columns, headerTexts: headerTexts, into: &d, tableNumber: number + 1)
        }
        guard var h = header, let s = start, !d.tasks.isEmpty else { return nil }
        h.reader = .table
        return (Result(drafts: d, header: h), s, end)
    }

    /// The tables in reading order, a layout table (no header of its own, tables in its cells) read
    /// as the tables inside it: a government site often sets its whole page in one table.
    static func laidOut(_ tables: [Table]) -> [Table] {
        guard tables.contains(where: { !$0.inner.isEmpty }) else { return tables }
        var out: [Table] = []
        for t in tables {
            if !t.inner.isEmpty, findHeader(in: t) == nil { out += laidOut(t.inner) } else { out.append(t) }
        }
        return out
    }

    /// The first row (of the first ten) whose non-empty cells all name columns and make a valid
    /// header. A two-row header — a cell spanning several columns (责任单位) over cells naming
    /// its parts (牵头 / 配合) — reads the lower names, each read with the upper one after it
    /// (牵头 + 责任单位 = 牵头责任单位); the header is then both rows.
    static func findHeader(in table: Table) -> (Header, Int)? {
        func same(_ a: Table.Cell, _ b: Table.Cell) -> Bool { a.line == b.line && a.column == b.column }
        let rows = table.rows
        for (r, row) in rows.prefix(10).enumerated() {
            let named = row.filter { !$0.text.isEmpty }
            guard named.count >= 3, !row.allSatisfy({ $0.spansRow }) else { continue }
            var cols: [Column?] = row.map { $0.text.isEmpty ? .other : column(for: $0.text) }
            var last = r
            let spread = row.indices.dropFirst().contains { same(row[$0], row[$0 - 1]) }
            if spread, r + 1 < rows.count, rows[r + 1].count == row.count {
                let below = rows[r + 1]
                var two = cols
                var used = false
                for k in row.indices {
                    let spans = (k > 0 && same(row[k], row[k - 1])) || (k + 1 < row.count && same(row[k], row[k + 1]))
                    guard spans, !same(below[k], row[k]), !below[k].text.isEmpty else { continue }
                    two[k] = column(for: below[k].text) ?? column(for: below[k].text + row[k].text)
                    used = true
                }
                if used, two.allSatisfy({ $0 != nil }) { cols = two; last = r + 1 }
            }
            guard cols.allSatisfy({ $0 != nil }) else { continue }
            var cs = cols.map { $0! }
            // A column spread by colspan over several columns names only the first.
            let names = rows[last]
            for k in cs.indices.dropFirst() where same(names[k], names[k - 1]) { cs[k] = .other }
            if valid(cs) {
                return (Header(columns: cs, bodyStart: last + 1, line: row[0].line, oneRowPerLine: true), last)
            }
        }
        return nil
    }

    /// The rows of a table from `from`, read by position into tasks and chapters.
    /// `tableNumber` (1-based, the table's place among the tables given) is kept with each task's
    /// row and column as its origin; nil for a text table written one row a line (its lines say where).
    static func rows(of table: Table, from: Int, columns: [Column], headerTexts: [Folded], into d: inout Drafts, tableNumber: Int?) {
        for (r, whole) in table.rows.enumerated().dropFirst(from) {
            // Cells past the header's columns have no meaning.
            let row = whole.count > columns.count ? Array(whole.prefix(columns.count)) : whole
            if row.allSatisfy({ $0.text.isEmpty }) { continue }
            let folded = row.map { Folded($0.text) }
            // The header again, at a page break.
            if !headerTexts.isEmpty, folded.map(\.withoutSpaces) == headerTexts { continue }
            // Either row of a two-row header again: three or more cells, every one a column name.
            let filled = row.filter { !$0.text.isEmpty }
            if filled.count >= 3, filled.allSatisfy({ column(for: $0.text) != nil }) { continue }
            // A chapter: one cell over the whole row; or a heading of the notice's own (一、稳增长,
            // 第二部分) alone in its row, the other cells left empty rather than merged.
            let alone = filled.count == 1 ? filled[0] : nil
            let aloneHeading = alone.flatMap { c -> Folded? in
                let f = Folded(c.text)
                guard f.count <= 40, let m = Headings.marker(f), m.kind <= .cn else { return nil }
                return f
            }
            if let f = aloneHeading, let first = alone {
                let m = Headings.marker(f)
                d.chapters.append(DraftChapter(label: m?.label ?? "", title: String(f[(m?.titleStart ?? 0)...]).trimmed(),
                                               parent: nil, line: first.line))
                continue
            }
            if row.count > 1, row.allSatisfy({ $0.spansRow }), let first = row.first {
                let f = folded[0]
                // A note under the table (注:请于…报送 / 备注: / 说明:) is the sheet's, not a chapter.
                if f.hasPrefix(NoteWords.注) || f.hasPrefix(NoteWords.备注) || f.hasPrefix(NoteWords.说明) { continue }
                var label = "", title = String(f.trimmed())
                if let m = Headings.marker(f) {
                    label = m.label
                    title = String(f[m.titleStart...]).trimmed()
                }
                d.chapters.append(DraftChapter(label: label, title: title, parent: nil, line: first.line))
                continue
            }
            let cells = zip(row, folded).map { c, f in
                Cell(t: Printed(c.text), f: f, line: c.line, column: c.column, kind: classify(folded: f))
            }
            if var t = rowByPosition(cells, columns, &d) {
                if !d.chapters.isEmpty { t.chapter = d.chapters.count - 1 }
                if let n = tableNumber {
                    t.table = n; t.row = r + 1
                    t.tableColumn = columns.firstIndex(of: .text).map { $0 + 1 }
                }
                d.tasks.append(t)
            }
        }
    }

    private enum NoteWords {
        static let 注: Folded = "注:"
        static let 备注: Folded = "备注"
        static let 说明: Folded = "说明:"
    }
}
