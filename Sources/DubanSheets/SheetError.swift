import DubanCore

/// What a spreadsheet given to duban can be wrong with. Each names the file, and where
/// there is one the part, sheet, row and column, and says what was expected.
public enum SheetError: Error, Sendable, Hashable, LocalizedMessage, CustomStringConvertible {
    case notZip(file: String, reason: String)
    /// An old binary Excel workbook (OLE2): converted first with LibreOffice.
    case oldExcel(file: String)
    /// A part that inflates past the limit (MB): reading stopped there.
    case tooLarge(file: String, part: String, limitMB: Int)
    case missingPart(file: String, part: String)
    case badXML(file: String, part: String, line: Int?, column: Int?, detail: String)
    case tooManyCells(file: String, sheet: String, ref: String, limit: Int)
    case badCSV(file: String, row: Int, detail: String)
    case noHeader(file: String, sheet: String, rows: Int)
    case noSheet(file: String)
    /// A cell whose value is not understood: which field, the header text and the value.
    case badCell(file: String, sheet: String, row: Int, column: Int, header: String, field: Field, value: String)
    case noTask(file: String, sheet: String, row: Int, number: String, text: String)
    case unknownID(file: String, sheet: String, row: Int, column: Int, id: String)
    case twice(file: String, sheet: String, row: Int, task: String, firstRow: Int)

    /// The fields a unit edits; `allCases` is the order a merge applies a task's changes in
    /// (`LedgerMerge.Field`).
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case status, progress, deadline, remarks, note
        public func name(_ S: Strings) -> String {
            switch self {
            case .status: return S[.shColStatus]
            case .progress: return S[.shColProgress]
            case .note: return S[.shColNote]
            case .remarks: return S[.shColRemarks]
            case .deadline: return S[.shColDeadline]
            }
        }
    }

    public func message(_ S: Strings) -> String {
        switch self {
        case .notZip(let f, let r): return S.format(.shNotZip, f, r)
        case .oldExcel(let f): return S.format(.shOldExcel, f)
        case .tooLarge(let f, let p, let mb): return S.format(.shTooLarge, f, p, mb)
        case .missingPart(let f, let p): return S.format(.shMissingPart, f, p)
        case .badXML(let f, let p, let l, let c, let d):
            if let l, let c { return S.format(.shBadXML, f, p, l, c, d) }
            return S.format(.shBadXMLNoPlace, f, p, d)
        case .tooManyCells(let f, let s, let r, let n): return S.format(.shTooManyCells, f, s, r, n)
        case .badCSV(let f, let r, let d): return S.format(.shBadCSV, f, r, d)
        case .noHeader(let f, let s, let n): return S.format(.shNoHeader, f, s, n)
        case .noSheet(let f): return S.format(.shNoSheet, f)
        case .badCell(let f, let s, let r, let c, let h, let field, let v):
            let ref = CellRef.name(row: r, column: c)
            let key: Strings.Key
            switch field {
            case .status: key = .shBadStatus
            case .progress: key = .shBadProgress
            case .deadline: key = .shBadDate
            case .note, .remarks: key = .shBadStatus  // never thrown: any text is a note
            }
            return S.format(key, f, s, r, CellRef.letters(c), ref, h, v)
        case .noTask(let f, let s, let r, let n, let t): return S.format(.shNoTask, f, s, r, n, t)
        case .unknownID(let f, let s, let r, let c, let id): return S.format(.shUnknownID, f, s, r, CellRef.letters(c), CellRef.name(row: r, column: c), id)
        case .twice(let f, let s, let r, let t, let first): return S.format(.shTwice, f, s, r, t, first)
        }
    }

    public var description: String { message(Strings(.en)) }
}
