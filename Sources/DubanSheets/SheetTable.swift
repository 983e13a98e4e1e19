import DubanCore

/// One cell of a sheet as read: its text (numbers in their shortest form, dates as
/// YYYY-MM-DD), its place, and, for a cell inside a merged range, the range's first cell
/// (whose value it carries).
public struct SheetCell: Sendable, Hashable {
    public var text: String
    /// 1-based.
    public var row: Int
    public var column: Int
    /// The merged range's top-left cell; the cell itself when it is not merged.
    public var originRow: Int
    public var originColumn: Int
    /// The number the cell held, when it held one (a date: its serial).
    public var number: Double?
    /// true when the cell held a number shown as a date (or an ISO date, `t="d"`).
    public var isDate: Bool
    /// The cell's number format showed it as a percentage.
    public var isPercent: Bool

    public init(text: String, row: Int, column: Int, originRow: Int? = nil, originColumn: Int? = nil,
                number: Double? = nil, isDate: Bool = false, isPercent: Bool = false) {
        self.text = text; self.row = row; self.column = column
        self.originRow = originRow ?? row; self.originColumn = originColumn ?? column
        self.number = number; self.isDate = isDate; self.isPercent = isPercent
    }

    /// `B12`.
    public var ref: String { CellRef.name(row: row, column: column) }
    public var isMerged: Bool { originRow != row || originColumn != column }
    public var isBlank: Bool { text.trimmingSpaces.isEmpty }
}

/// A sheet read as a neutral table: every row from the first to the last that holds a
/// value, each with every column up to the widest (blank cells have empty text).
public struct SheetTable: Sendable {
    /// The file it was read from, for messages.
    public var file: String
    public var sheet: String
    /// A sheet the workbook hides (the ledger's record of what was exported).
    public var hidden: Bool
    public var rows: [[SheetCell]]

    public init(file: String, sheet: String, hidden: Bool = false, rows: [[SheetCell]]) {
        self.file = file; self.sheet = sheet; self.hidden = hidden; self.rows = rows
    }

    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// The cell at a 1-based row and column; nil outside the table.
    public func cell(row: Int, column: Int) -> SheetCell? {
        guard row >= 1, row <= rows.count, column >= 1, column <= rows[row - 1].count else { return nil }
        return rows[row - 1][column - 1]
    }

    /// The rows as plain strings.
    public var texts: [[String]] { rows.map { $0.map(\.text) } }
}

/// Every sheet of a workbook (or the one table of a CSV file), in order.
public struct SheetBook: Sendable {
    public var file: String
    public var sheets: [SheetTable]
    public init(file: String, sheets: [SheetTable]) { self.file = file; self.sheets = sheets }
}
