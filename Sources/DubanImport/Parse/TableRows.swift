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
        var headerTexts: [[Ch]] = []
        var start: Int? = nil, end = 0
        for table in tables {
            var from = 0
            if let (h, at) = findHeader(in: table) {
                header = h; from = at + 1
                headerTexts = table.rows[at].map { Lines.foldedChs($0.text).withoutSpaces }
            } else if header == nil || table.rows.first?.count != header!.columns.count {
                continue
            }
            guard let h = header else { continue }
            if start == nil { start = table.start; d.firstLine = h.line }
            end = table.end
            rows(of: table, from: from, columns: h.columns, headerTexts: headerTexts, into: &d)
        }
        guard let h = header, let s = start, !d.tasks.isEmpty else { return nil }
        return (Result(drafts: d, header: h), s, end)
    }

    /// The first row (of the first ten) whose non-empty cells all name columns and make a valid header.
    static func findHeader(in table: Table) -> (Header, Int)? {
        for (r, row) in table.rows.prefix(10).enumerated() {
            let named = row.filter { !$0.text.isEmpty }
            guard named.count >= 3, !row.allSatisfy({ $0.spansRow }) else { continue }
            var cols: [Column] = []
            var ok = true
            for c in row {
                if c.text.isEmpty { cols.append(.other); continue }
                guard let col = column(for: c.text) else { ok = false; break }
                cols.append(col)
            }
            // A column spread by colspan over several columns names only the first.
            for k in cols.indices.dropFirst() where row[k].line == row[k - 1].line && row[k].column == row[k - 1].column {
                cols[k] = .other
            }
            if ok, valid(cols) {
                return (Header(columns: cols, bodyStart: r + 1, line: row[0].line, oneRowPerLine: true), r)
            }
        }
        return nil
    }

    /// The rows of a table from `from`, read by position into tasks and chapters.
    static func rows(of table: Table, from: Int, columns: [Column], headerTexts: [[Ch]], into d: inout Drafts) {
        for row in table.rows.dropFirst(from) {
            if row.allSatisfy({ $0.text.isEmpty }) { continue }
            let folded = row.map { Lines.foldedChs($0.text) }
            // The header again, at a page break.
            if !headerTexts.isEmpty, folded.map(\.withoutSpaces) == headerTexts { continue }
            // A chapter: one cell over the whole row.
            if row.count > 1, row.allSatisfy({ $0.spansRow }), let first = row.first {
                let f = folded[0]
                var label = "", title = String(f.trimmed())
                if let m = Headings.marker(f) {
                    label = m.label
                    title = String(f[m.titleStart...]).trimmed()
                }
                d.chapters.append(DraftChapter(label: label, title: title, parent: nil, line: first.line))
                continue
            }
            let cells = zip(row, folded).map { c, f in
                Cell(t: Ch.array(c.text), f: f, line: c.line, column: c.column, kind: classify(folded: f))
            }
            if var t = rowByPosition(cells, columns, &d) {
                if !d.chapters.isEmpty { t.chapter = d.chapters.count - 1 }
                d.tasks.append(t)
            }
        }
    }
}
