import DubanCore

/// A report (`duban report … --format xlsx`) as a workbook: a title row, the report's
/// header in bold and frozen, its rows, widths fitted to the text (display cells), wrapped.
public enum SheetReport {
    public static func workbook(rows: [[String]], title: String, sheetName: String = "Report") -> XLSXWorkbook {
        var sh = XLSXWorkbook.Sheet(name: sheetName)
        let width = rows.map(\.count).max() ?? 1
        sh.rows.append([XLSXWorkbook.Cell(.text(title), .title)])
        if width > 1 { sh.merges.append("A1:\(CellRef.name(row: 1, column: width))") }
        var widths = Array(repeating: 4, count: width)
        for (i, r) in rows.enumerated() {
            sh.rows.append(r.map { t in
                if i > 0, let v = Double(t), t.first != "+" { return XLSXWorkbook.Cell(.number(v), .locked) }
                return XLSXWorkbook.Cell(.text(t), i == 0 ? .header : .locked)
            })
            for (k, t) in r.enumerated() { widths[k] = max(widths[k], DisplayWidth.of(t)) }
        }
        sh.widths = widths.map { Double(min($0, 60) + 2) }
        sh.frozenRows = 2
        var b = XLSXWorkbook()
        b.sheets = [sh]
        return b
    }
}
