import CSV
import DubanCore

/// A CSV file read into the same neutral table as a sheet (one sheet, named after the
/// file), with yaslab/CSV.swift. The text is given decoded (UTF-8 with or without BOM, or
/// GB18030 as WPS saves it: the caller decodes).
public enum CSVTable {
    public static func read(text: String, file: String, cellLimit: Int = 5_000_000) throws -> SheetBook {
        var t = text
        if t.hasPrefix("\u{FEFF}") { t.removeFirst() }
        let reader: CSVReader
        do { reader = try CSVReader(string: t) } catch {
            throw SheetError.badCSV(file: file, row: 1, detail: "\(error)")
        }
        var rows: [[SheetCell]] = []
        var width = 0
        while let fields = reader.next() {
            let r = rows.count + 1
            width = max(width, fields.count)
            if r * width > cellLimit {
                throw SheetError.tooManyCells(file: file, sheet: sheetName(file), ref: CellRef.name(row: r, column: width), limit: cellLimit)
            }
            rows.append(fields.enumerated().map { SheetCell(text: $1, row: r, column: $0 + 1) })
        }
        if let e = reader.error { throw SheetError.badCSV(file: file, row: rows.count + 1, detail: "\(e)") }
        // Every row as wide as the widest.
        for i in rows.indices where rows[i].count < width {
            for c in rows[i].count..<width { rows[i].append(SheetCell(text: "", row: i + 1, column: c + 1)) }
        }
        // Trailing blank rows are no rows.
        while let last = rows.last, last.allSatisfy(\.isBlank) { rows.removeLast() }
        return SheetBook(file: file, sheets: [SheetTable(file: file, sheet: sheetName(file), rows: rows)])
    }

    static func sheetName(_ file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        if let dot = base.lastIndex(of: "."), dot > base.startIndex { return String(base[..<dot]) }
        return base
    }
}

/// Which reader a spreadsheet file takes, told by its first bytes (and its name for CSV).
public enum SheetFile {
    public enum Kind: Sendable { case xlsx, xls, csv }

    public static func kind(bytes: [UInt8], name: String) -> Kind? {
        let lower = name.lowercased()
        // OLE2: an old Excel workbook, unless named as an old Word or WPS document.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return [".doc", ".dot", ".wps"].contains(where: { lower.hasSuffix($0) }) ? nil : .xls
        }
        // A zip is a workbook when named so, or when it holds xl/workbook.xml (its name is
        // stored as is in the zip's directory); a Word file (.docx) or another zip is not.
        if bytes.starts(with: [0x50, 0x4B]) {
            if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
            if lower.hasSuffix(".docx") || lower.hasSuffix(".docm") || lower.hasSuffix(".dotx") { return nil }
            return contains(bytes, Array("xl/workbook.xml".utf8)) ? .xlsx : nil
        }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") { return .csv }
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
        if lower.hasSuffix(".xls") { return .xls }
        return nil
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, hay.count >= needle.count else { return false }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
