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
}
