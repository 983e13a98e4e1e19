import DubanCore
import Foundation
import ZIPFoundation

/// A SpreadsheetML workbook (.xlsx) written from cells: the parts Excel, WPS and
/// LibreOffice need ([Content_Types].xml, the relationships, workbook.xml, styles.xml,
/// sharedStrings.xml, one worksheet a sheet), zipped with ZIPFoundation. XML is written
/// as text with every value escaped (it is never parsed here); see DECISIONS.md.
public struct XLSXWorkbook {
    /// The styles the ledger uses; `styles.xml` defines them in this order.
    public enum Style: Int, Sendable {
        case plain = 0, title, header, locked, editable, editableDate, editableProgress
        case lightRed, lightYellow, lightGreen, hiddenID
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case date(PlanDate)
        case empty
    }

    public struct Cell: Sendable {
        public var value: Value
        public var style: Style
        public init(_ value: Value, _ style: Style = .plain) { self.value = value; self.style = style }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]] = []
        /// Column widths in Excel's units (about one per display cell), by column index.
        public var widths: [Double] = []
        public var hiddenColumns: Set<Int> = []
        /// Rows above the frozen pane (the title and the header).
        public var frozenRows = 0
        /// Merged ranges, e.g. "A1:L1".
        public var merges: [String] = []
        /// (range, allowed values): a drop-down list.
        public var lists: [(range: String, values: [String])] = []
        public var rowHeights: [Int: Double] = [:]
        /// Locked cells cannot be edited (no password: a unit may lift it, the merge copes).
        public var protected = false
        public var hidden = false
        public var landscape = true
        public init(name: String) { self.name = name }
    }

    public var sheets: [Sheet] = []
    public init() {}

    // MARK: writing

    /// The .xlsx file's bytes.
    public func data() throws -> [UInt8] {
        var strings = SharedStrings()
        var parts: [(String, String)] = []
        for (i, s) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", sheetXML(s, &strings)))
        }
        var all: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", rootRels),
            ("docProps/app.xml", appXML),
            ("xl/workbook.xml", workbookXML()),
            ("xl/_rels/workbook.xml.rels", workbookRels()),
            ("xl/styles.xml", Self.stylesXML),
            ("xl/sharedStrings.xml", strings.xml()),
        ]
        all += parts
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in all {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let d = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](d)
    }

    private func contentTypes() -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        s += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        s += #"<Default Extension="xml" ContentType="application/xml"/>"#
        s += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for i in sheets.indices {
            s += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        s += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        s += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        s += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        s += "</Types>"
        return s
    }

    private let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    private let appXML = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>duban</Application></Properties>"#

    private func workbookXML() -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        s += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (i, sh) in sheets.enumerated() {
            s += #"<sheet name="\#(XML.escape(sh.name))" sheetId="\#(i + 1)""#
            if sh.hidden { s += #" state="hidden""# }
            s += #" r:id="rId\#(i + 1)"/>"#
        }
        s += "</sheets></workbook>"
        return s
    }

    private func workbookRels() -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in sheets.indices {
            s += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        let n = sheets.count
        s += #"<Relationship Id="rId\#(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        s += #"<Relationship Id="rId\#(n + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        s += "</Relationships>"
        return s
    }

    /// Fonts, fills (the lights), borders, wrap and the cell formats `Style` names.
    static let stylesXML: String = {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        s += #"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="0&quot;%&quot;"/></numFmts>"#
        s += #"<fonts count="3">"#
        s += #"<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        s += #"<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        s += #"<font><b/><sz val="14"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        s += "</fonts>"
        s += #"<fills count="6"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        for rgb in ["FFD9D9D9", "FFFF9999", "FFFFEB84", "FFA9D08E"] {
            s += #"<fill><patternFill patternType="solid"><fgColor rgb="\#(rgb)"/><bgColor indexed="64"/></patternFill></fill>"#
        }
        s += "</fills>"
        s += #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        s += #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#
        s += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        let top = #"<alignment vertical="top" wrapText="1"/>"#
        let center = #"<alignment horizontal="center" vertical="center" wrapText="1"/>"#
        let unlocked = #"<protection locked="0"/>"#
        let xfs: [String] = [
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
            #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center"/></xf>"#,
            #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">\#(center)</xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">\#(top)</xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1" applyProtection="1">\#(top)\#(unlocked)</xf>"#,
            #"<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1" applyProtection="1">\#(top)\#(unlocked)</xf>"#,
            #"<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1" applyProtection="1">\#(top)\#(unlocked)</xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1">\#(center)</xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="4" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1">\#(center)</xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="5" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1">\#(center)</xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>"#,
        ]
        s += #"<cellXfs count="\#(xfs.count)">"# + xfs.joined() + "</cellXfs>"
        s += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        s += "</styleSheet>"
        return s
    }()

    private func sheetXML(_ sh: Sheet, _ strings: inout SharedStrings) -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s.reserveCapacity(sh.rows.count * 400 + 2000)
        s += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        s += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        let width = sh.rows.map(\.count).max() ?? 0
        if width > 0, !sh.rows.isEmpty {
            s += #"<dimension ref="A1:\#(CellRef.name(row: sh.rows.count, column: width))"/>"#
        }
        s += #"<sheetViews><sheetView workbookViewId="0""#
        if sh.hidden { s += ">" } else { s += #" tabSelected="1">"# }
        if sh.frozenRows > 0 {
            let tl = "A\(sh.frozenRows + 1)"
            s += #"<pane ySplit="\#(sh.frozenRows)" topLeftCell="\#(tl)" activePane="bottomLeft" state="frozen"/>"#
            s += #"<selection pane="bottomLeft" activeCell="\#(tl)" sqref="\#(tl)"/>"#
        }
        s += "</sheetView></sheetViews>"
        s += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !sh.widths.isEmpty {
            s += "<cols>"
            for (i, w) in sh.widths.enumerated() {
                s += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(Self.number(w))" customWidth="1""#
                if sh.hiddenColumns.contains(i) { s += #" hidden="1""# }
                s += "/>"
            }
            s += "</cols>"
        }
        s += "<sheetData>"
        let letters = (0..<max(width, 1)).map { CellRef.letters($0 + 1) }
        for (r, row) in sh.rows.enumerated() {
            s += #"<row r="\#(r + 1)""#
            if let h = sh.rowHeights[r] { s += #" ht="\#(Self.number(h))" customHeight="1""# }
            s += ">"
            for (c, cell) in row.enumerated() {
                let ref = letters[c] + String(r + 1)
                let st = cell.style.rawValue
                let sAttr = st == 0 ? "" : #" s="\#(st)""#
                switch cell.value {
                case .empty:
                    if st != 0 { s += #"<c r="\#(ref)"\#(sAttr)/>"# }
                case .text(let t):
                    if t.isEmpty { s += #"<c r="\#(ref)"\#(sAttr)/>"#; continue }
                    s += #"<c r="\#(ref)"\#(sAttr) t="s"><v>\#(strings.index(of: t))</v></c>"#
                case .number(let v):
                    s += #"<c r="\#(ref)"\#(sAttr)><v>\#(Self.number(v))</v></c>"#
                case .date(let d):
                    s += #"<c r="\#(ref)"\#(sAttr)><v>\#(d.dayNumber + CellValues.serialOf1970)</v></c>"#
                }
            }
            s += "</row>"
        }
        s += "</sheetData>"
        if sh.protected {
            s += #"<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>"#
        }
        if !sh.merges.isEmpty {
            s += #"<mergeCells count="\#(sh.merges.count)">"#
            for m in sh.merges { s += #"<mergeCell ref="\#(m)"/>"# }
            s += "</mergeCells>"
        }
        if !sh.lists.isEmpty {
            s += #"<dataValidations count="\#(sh.lists.count)">"#
            for l in sh.lists {
                let formula = "\"" + l.values.joined(separator: ",") + "\""
                s += #"<dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="\#(l.range)"><formula1>\#(XML.escape(formula))</formula1></dataValidation>"#
            }
            s += "</dataValidations>"
        }
        s += #"<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        if sh.landscape { s += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"# }
        s += "</worksheet>"
        return s
    }

    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}

/// The shared-strings table: each text once, cells refer to it by index.
struct SharedStrings {
    /// A text keyed by its UTF-8 bytes: Swift's own String hashing normalises (NFC) every
    /// Chinese text first, which was the largest cost of a 100k-task export.
    struct Key: Hashable {
        var text: String
        func hash(into h: inout Hasher) {
            var t = text
            t.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        static func == (a: Key, b: Key) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    }
    private var indexByText: [Key: Int] = [:]
    private var texts: [String] = []
    private var uses = 0

    mutating func index(of t: String) -> Int {
        uses += 1
        let k = Key(text: t)
        if let i = indexByText[k] { return i }
        let i = texts.count
        texts.append(t); indexByText[k] = i
        return i
    }

    func xml() -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(uses)" uniqueCount="\#(texts.count)">"#
        for t in texts {
            let u = t.utf8
            let keep = u.first == 32 || u.last == 32 || u.contains(10) || u.contains(9)
            s += keep ? #"<si><t xml:space="preserve">"# : "<si><t>"
            s += XML.escape(t)
            s += "</t></si>"
        }
        s += "</sst>"
        return s
    }
}

enum XML {
    /// Text for an XML attribute or element: the five specials escaped, and the characters
    /// XML 1.0 cannot hold (C0 controls but tab, CR and LF; U+FFFE, U+FFFF) dropped.
    static func escape(_ t: String) -> String {
        var needs = false
        var prev1: UInt8 = 0, prev2: UInt8 = 0
        for u in t.utf8 {
            if u == 38 || u == 60 || u == 62 || u == 34 || u == 39 || (u < 32 && u != 9 && u != 10 && u != 13) { needs = true; break }
            // U+FFFE and U+FFFF: EF BF BE / EF BF BF (full-width punctuation, EF BC xx, is fine).
            if prev2 == 0xEF && prev1 == 0xBF && (u == 0xBE || u == 0xBF) { needs = true; break }
            prev2 = prev1; prev1 = u
        }
        if !needs { return t }
        var out = String.UnicodeScalarView()
        for c in t.unicodeScalars {
            switch c {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t", "\n", "\r": out.append(c)
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF { continue }
                out.append(c)
            }
        }
        return String(out)
    }
}

/// A1-style cell references.
public enum CellRef {
    /// `A`, `B`, … `Z`, `AA`: the letters of a 1-based column.
    public static func letters(_ column: Int) -> String {
        var n = column
        var s: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            s.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(s)
    }

    public static func name(row: Int, column: Int) -> String { letters(column) + String(row) }

    /// `B12` -> (row 12, column 2); nil when it is no reference.
    public static func parse(_ ref: String) -> (row: Int, column: Int)? {
        var col = 0, row = 0, digits = false
        for u in ref.utf8 {
            if !digits, (65...90).contains(u) { col = col * 26 + Int(u) - 64 }
            else if !digits, (97...122).contains(u) { col = col * 26 + Int(u) - 96 }
            else if (48...57).contains(u) { digits = true; row = row * 10 + Int(u) - 48 }
            else if u == 36 { continue }  // $A$1
            else { return nil }
            if col > 20_000 || row > 10_000_000 { return nil }
        }
        return col > 0 && row > 0 ? (row, col) : nil
    }
}
