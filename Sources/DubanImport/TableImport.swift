// A task table given as a table (a spreadsheet's sheet, a CSV file), imported through the
// same column recognition as web pages (issue 14: `duban import TABLE.xlsx|TABLE.csv`).
import DubanCore

/// A table handed to the importer by another reader (DubanSheets): rows of cells, each
/// with its 1-based place and, for a merged cell, the merged range's first cell.
public struct ImportTable: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var row: Int
        public var column: Int
        public var originRow: Int
        public var originColumn: Int
        public init(text: String, row: Int, column: Int, originRow: Int? = nil, originColumn: Int? = nil) {
            self.text = text; self.row = row; self.column = column
            self.originRow = originRow ?? row; self.originColumn = originColumn ?? column
        }
    }
    public var name: String
    public var rows: [[Cell]]
    public init(name: String, rows: [[Cell]]) { self.name = name; self.rows = rows }
}

extension NoticeImporter {
    /// The column names `--columns` may map a header to (the names the recognition knows).
    public static let tableColumnNames = ["序号", "任务", "牵头领导", "牵头单位", "协同单位", "责任单位", "完成时限", "完成情况", "备注", "年度目标"]

    /// Imports task tables (one a sheet) as a plan: the header found by meaning, as for a
    /// web page's table; `columns` renames header texts first (`工作事项` → `任务`). The rows
    /// above the first header (a title) are read as the notice's text for its metadata.
    public func importTable(_ tables: [ImportTable], source: String, columns: [String: String] = [:]) throws(ImportError) -> ImportResult {
        func norm(_ s: String) -> String { s.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\n" } }
        let mapping = Dictionary(columns.map { (norm($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        var converted: [Table] = []
        for t in tables {
            var table = Table()
            for (r, row) in t.rows.enumerated() {
                let spans = row.count > 1 && row.allSatisfy { $0.originRow == row[0].originRow && $0.originColumn == row[0].originColumn }
                table.rows.append(row.map { c in
                    var text = c.text.trimmingSpaces
                    if r < 10, let m = mapping[norm(text)] { text = m }
                    return Table.Cell(text: text, line: c.originRow, column: c.originColumn, spansRow: spans)
                })
            }
            if table.rows.contains(where: { $0.contains { !$0.text.isEmpty } }) { converted.append(table) }
        }
        guard !converted.isEmpty else { throw .empty(file: source) }
        guard let found = TableParser.parse(tables: converted) else { throw .noTasks(file: source) }
        // The title rows above the header, one text line each.
        var before: [String] = []
        if let first = converted.first, let (_, at) = TableParser.findHeader(in: first) {
            for row in first.rows.prefix(at) {
                var seen = Set<String>()
                let texts = row.map(\.text).filter { !$0.isEmpty && seen.insert($0).inserted }
                if !texts.isEmpty { before.append(texts.joined(separator: " ")) }
            }
        }
        let text = before.joined(separator: "\n")
        let page = NoticeReader.PageTable(drafts: found.result.drafts, header: found.result.header, textLine: before.count + 1)
        // --aliases and the user's alias file, as for a text notice (read() loads them).
        return try read(text: text + "\n", pageTable: page, encoding: "xlsx/csv", source: source)
    }

    /// Text bytes (a CSV file) decoded as the importer decodes notices: UTF-8 with or
    /// without BOM, UTF-16 with BOM, or GB18030 (as WPS and a Chinese Excel save CSV).
    public static func decodeText(_ bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "" }
        return try? TextDecoding.decode(bytes).text
    }
}
