import DubanCore
import Foundation
import XMLCoder
import ZIPFoundation

/// Reads an .xlsx workbook into neutral tables (`SheetBook`): shared and inline strings,
/// numbers, dates (by the cell's number format), booleans, merged cells (the value spread
/// over the range), every sheet. The zip is opened with ZIPFoundation and each part
/// decoded with XMLCoder; a part is inflated only up to a limit (a zip bomb stops there).
public struct XLSXReader: Sendable {
    /// The most bytes one part may inflate to.
    public var partLimit = 128 << 20
    /// The most bytes all parts together may inflate to.
    public var totalLimit = 256 << 20
    /// The most cells a sheet's table may hold (rows × columns up to its last value).
    public var cellLimit = 5_000_000
    /// How the worksheets and shared strings are parsed: Foundation's streaming XMLParser
    /// (the default), or XMLCoder like the small parts (kept for the benchmark's comparison).
    public enum Engine: Sendable { case stream, xmlCoder }
    public var engine = Engine.stream

    public init() {}

    /// Reads a file named by the user (through `SafeOpen`).
    public func read(path: String) throws -> SheetBook {
        let bytes = try SafeOpen.read(path, as: .notice).bytes
        return try read(bytes: bytes, file: path)
    }

    public func read(bytes: [UInt8], file: String) throws -> SheetBook {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw SheetError.oldExcel(file: file) }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw SheetError.notZip(file: file, reason: bytes.isEmpty ? "empty" : "no PK signature")
        }
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw SheetError.notZip(file: file, reason: "\(error)")
        }
        var budget = totalLimit
        func part(_ path: String, required: Bool = true) throws -> Data? {
            guard let entry = archive[path] else {
                if required { throw SheetError.missingPart(file: file, part: path) }
                return nil
            }
            var out = Data()
            let limit = min(partLimit, budget)
            struct Over: Error {}
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    if out.count + chunk.count > limit { throw Over() }
                    out.append(chunk)
                }
            } catch is Over {
                throw SheetError.tooLarge(file: file, part: path, limitMB: limit >> 20)
            } catch {
                throw SheetError.notZip(file: file, reason: "\(path): \(error)")
            }
            budget -= out.count
            return out
        }
        func decode<T: Decodable>(_ type: T.Type, _ path: String, _ data: Data) throws -> T {
            let d = XMLDecoder()
            d.trimValueWhitespaces = false
            d.removeWhitespaceElements = true
            d.shouldProcessNamespaces = false
            d.errorContextLength = 20
            do { return try d.decode(T.self, from: data) } catch {
                throw Self.xmlError(file: file, part: path, error)
            }
        }

        guard let wbData = try part("xl/workbook.xml") else { throw SheetError.missingPart(file: file, part: "xl/workbook.xml") }
        let workbook = try decode(WorkbookXML.self, "xl/workbook.xml", wbData)
        var targets: [String: String] = [:]
        if let relData = try part("xl/_rels/workbook.xml.rels", required: false) {
            let rels = try decode(RelsXML.self, "xl/_rels/workbook.xml.rels", relData)
            for r in rels.relationship ?? [] { targets[r.id] = r.target }
        }
        var shared: [String] = []
        if let sstData = try part("xl/sharedStrings.xml", required: false) {
            if engine == .stream {
                let sax = SharedStringsSAX()
                try Self.stream(sstData, sax, file: file, part: "xl/sharedStrings.xml")
                shared = sax.strings
            } else {
                let sst = try decode(SharedStringsXML.self, "xl/sharedStrings.xml", sstData)
                shared = (sst.si ?? []).map { $0.text }
            }
        }
        var formats = NumberFormats()
        if let stData = try part("xl/styles.xml", required: false) {
            formats = NumberFormats(try decode(StylesXML.self, "xl/styles.xml", stData))
        }
        var tables: [SheetTable] = []
        for (i, sh) in (workbook.sheets.sheet ?? []).enumerated() {
            var path = "xl/worksheets/sheet\(i + 1).xml"
            if let rid = sh.rid, let t = targets[rid] {
                path = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
            }
            guard let data = try part(path) else { continue }
            let ws: WorksheetXML
            if engine == .stream {
                let sax = WorksheetSAX()
                try Self.stream(data, sax, file: file, part: path)
                ws = WorksheetXML(sheetData: .init(row: sax.rows), mergeCells: .init(mergeCell: sax.merges.map { .init(ref: $0) }))
            } else {
                ws = try decode(WorksheetXML.self, path, data)
            }
            tables.append(try table(ws, name: sh.name, hidden: sh.state != nil && sh.state != "visible",
                                    shared: shared, formats: formats, file: file))
        }
        return SheetBook(file: file, sheets: tables)
    }

    private func table(_ ws: WorksheetXML, name: String, hidden: Bool, shared: [String],
                       formats: NumberFormats, file: String) throws -> SheetTable {
        var cells: [(Int, Int, SheetCell)] = []
        var maxRow = 0, maxCol = 0
        var rowNumber = 0
        for row in ws.sheetData?.row ?? [] {
            rowNumber = row.r ?? rowNumber + 1
            var colNumber = 0
            for c in row.c ?? [] {
                if let r = c.r, let p = CellRef.parse(r) { colNumber = p.column; rowNumber = p.row } else { colNumber += 1 }
                var cell = SheetCell(text: "", row: rowNumber, column: colNumber)
                let raw = c.v?.value ?? ""
                switch c.t ?? "n" {
                case "s":
                    if let k = Int(raw.trimmingSpaces), k >= 0, k < shared.count { cell.text = shared[k] }
                case "inlineStr": cell.text = c.inline?.text ?? ""
                case "str", "e": cell.text = raw
                case "b": cell.text = raw.trimmingSpaces == "1" ? "TRUE" : "FALSE"
                case "d":
                    cell.text = String(raw.trimmingSpaces.prefix(10)); cell.isDate = true
                default:
                    let t = raw.trimmingSpaces
                    if t.isEmpty { break }
                    guard let v = Double(t) else { cell.text = t; break }
                    cell.number = v
                    let kind = formats.kind(ofStyle: c.s ?? 0)
                    if kind == .date, let d = CellValues.date(serial: v) {
                        cell.text = d.iso; cell.isDate = true
                    } else {
                        cell.text = CellValues.shortest(v)
                        cell.isPercent = kind == .percent
                    }
                }
                if cell.text.isEmpty && cell.number == nil { continue }
                maxRow = max(maxRow, rowNumber); maxCol = max(maxCol, colNumber)
                if maxRow * maxCol > cellLimit {
                    throw SheetError.tooManyCells(file: file, sheet: name, ref: CellRef.name(row: rowNumber, column: colNumber), limit: cellLimit)
                }
                cells.append((rowNumber, colNumber, cell))
            }
        }
        // Merged ranges reach as far as they go, even past the last value.
        var merges: [(Int, Int, Int, Int)] = []
        for m in ws.mergeCells?.mergeCell ?? [] {
            let parts = m.ref.split(separator: ":")
            guard parts.count == 2, let a = CellRef.parse(String(parts[0])), let b = CellRef.parse(String(parts[1])) else { continue }
            let r0 = min(a.row, b.row), r1 = max(a.row, b.row), c0 = min(a.column, b.column), c1 = max(a.column, b.column)
            merges.append((r0, c0, r1, c1))
        }
        var grid: [[SheetCell]] = []
        grid.reserveCapacity(maxRow)
        for r in 0..<maxRow {
            grid.append((0..<maxCol).map { SheetCell(text: "", row: r + 1, column: $0 + 1) })
        }
        for (r, c, cell) in cells { grid[r - 1][c - 1] = cell }
        for (r0, c0, r1, c1) in merges where r0 <= maxRow && c0 <= maxCol {
            let origin = grid[r0 - 1][c0 - 1]
            for r in r0...min(r1, maxRow) {
                for c in c0...min(c1, maxCol) where !(r == r0 && c == c0) {
                    var copy = origin
                    copy.row = r; copy.column = c
                    copy.originRow = r0; copy.originColumn = c0
                    grid[r - 1][c - 1] = copy
                }
            }
        }
        return SheetTable(file: file, sheet: name, hidden: hidden, rows: grid)
    }

    /// XMLCoder's failure as the part, line and column where the parser gave them.
    static func xmlError(file: String, part: String, _ error: Error) -> SheetError {
        var text = "\(error)"
        if case DecodingError.dataCorrupted(let ctx) = error { text = ctx.debugDescription }
        var line: Int?, column: Int?
        if let r = text.range(of: "line ") {
            let rest = text[r.upperBound...]
            line = Int(rest.prefix { $0.isNumber })
            if let c = rest.range(of: "column ") { column = Int(rest[c.upperBound...].prefix { $0.isNumber }) }
        }
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        return .badXML(file: file, part: part, line: line, column: column, detail: String(firstLine.prefix(160)))
    }
}

// MARK: the parts, as XMLCoder decodes them (unknown elements and attributes are read past)

struct TextNode: Decodable {
    var value: String?
    enum CodingKeys: String, CodingKey { case value = "" }
    init(value: String?) { self.value = value }
    init(from decoder: Decoder) throws {
        if let c = try? decoder.container(keyedBy: CodingKeys.self), let v = try? c.decodeIfPresent(String.self, forKey: .value) {
            value = v
        } else if let s = try? decoder.singleValueContainer().decode(String.self) {
            value = s
        } else {
            value = nil
        }
    }
}

struct RichText: Decodable {
    struct Run: Decodable { var t: TextNode? }
    var t: TextNode?
    var r: [Run]?
    var text: String {
        if let runs = r, !runs.isEmpty { return (t?.value ?? "") + runs.map { $0.t?.value ?? "" }.joined() }
        return t?.value ?? ""
    }
}

struct WorkbookXML: Decodable {
    struct Sheets: Decodable { var sheet: [SheetXML]? }
    struct SheetXML: Decodable {
        var name: String
        var state: String?
        var rid: String?
        enum CodingKeys: String, CodingKey { case name, state, rid = "r:id" }
    }
    var sheets: Sheets
}

struct RelsXML: Decodable {
    struct Relationship: Decodable {
        var id: String
        var target: String
        enum CodingKeys: String, CodingKey { case id = "Id", target = "Target" }
    }
    var relationship: [Relationship]?
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
}

struct SharedStringsXML: Decodable {
    var si: [RichText]?
}

struct StylesXML: Decodable {
    struct NumFmts: Decodable { var numFmt: [NumFmt]? }
    struct NumFmt: Decodable { var numFmtId: Int; var formatCode: String }
    struct CellXfs: Decodable { var xf: [Xf]? }
    struct Xf: Decodable { var numFmtId: Int? }
    var numFmts: NumFmts?
    var cellXfs: CellXfs?
}

struct WorksheetXML: Decodable {
    struct SheetData: Decodable { var row: [Row]? }
    struct Row: Decodable { var r: Int?; var c: [C]? }
    struct C: Decodable {
        var r: String?
        var t: String?
        var s: Int?
        var v: TextNode?
        var inline: RichText?
        enum CodingKeys: String, CodingKey { case r, t, s, v, inline = "is" }
    }
    struct MergeCells: Decodable { var mergeCell: [MergeCell]? }
    struct MergeCell: Decodable { var ref: String }
    var sheetData: SheetData?
    var mergeCells: MergeCells?
}

/// Which cell formats show a number as a date or a percentage.
struct NumberFormats {
    enum Kind { case number, date, percent }
    private var byStyle: [Kind] = []

    init() {}

    init(_ styles: StylesXML) {
        var custom: [Int: String] = [:]
        for f in styles.numFmts?.numFmt ?? [] { custom[f.numFmtId] = f.formatCode }
        byStyle = (styles.cellXfs?.xf ?? []).map { xf in
            let id = xf.numFmtId ?? 0
            if let code = custom[id] { return Self.kind(code: code) }
            if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return .date }
            if id == 9 || id == 10 { return .percent }
            return .number
        }
    }

    func kind(ofStyle s: Int) -> Kind { s >= 0 && s < byStyle.count ? byStyle[s] : .number }

    /// A custom format code is a date when, outside quotes and brackets, it has y, m or d
    /// (and is not only elapsed time), a percentage when it has %.
    static func kind(code: String) -> Kind {
        var inQuote = false, inBracket = false, date = false, percent = false
        for ch in code.lowercased() {
            if ch == "\"" { inQuote.toggle(); continue }
            if inQuote { continue }
            if ch == "[" { inBracket = true; continue }
            if ch == "]" { inBracket = false; continue }
            if inBracket { continue }
            if ch == "y" || ch == "d" || ch == "m" { date = true }
            if ch == "%" { percent = true }
        }
        return date ? .date : percent ? .percent : .number
    }
}
