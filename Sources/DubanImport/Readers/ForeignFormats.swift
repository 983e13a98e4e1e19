import DubanCore

/// Files that are no text and no web page — Word, WPS, PDF, spreadsheets — told by their
/// content (the first bytes), not by their name, each with the converter that turns it
/// into something the importer reads.
public enum NoticeFormat: String, Sendable, Equatable, CaseIterable {
    case doc, wps, docx, xls, xlsx, pdf, odf, zip

    /// The format of the bytes, or nil when they may be text (or a web page).
    static func sniff(_ bytes: [UInt8], name: String) -> NoticeFormat? {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // OLE2 compound file: Word 97-2003, WPS, Excel 97-2003. The name decides first, then the streams.
            switch ext {
            case "xls", "et": return .xls
            case "wps": return .wps
            case "doc", "dot": return .doc
            default:
                if contains(bytes, utf16: "Workbook") || contains(bytes, utf16: "Book") { return .xls }
                return .doc
            }
        }
        if let p = find(Array("%PDF-".utf8), in: bytes.prefix(1024)), p >= 0 { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            // A zip: the names of its members say what it holds (they are stored as plain bytes).
            let head = bytes.prefix(1 << 20), tail = bytes.suffix(1 << 16)
            func has(_ s: String) -> Bool { find(Array(s.utf8), in: head) != nil || find(Array(s.utf8), in: tail) != nil }
            if has("word/") { return .docx }
            if has("xl/") { return .xlsx }
            if has("application/vnd.oasis.opendocument") { return .odf }
            return .zip
        }
        return nil
    }

    /// What the file is, in the interface language.
    public func kind(_ S: Strings) -> String {
        switch self {
        case .doc: return S[.importKindDoc]
        case .wps: return S[.importKindWPS]
        case .docx: return S[.importKindDocx]
        case .xls: return S[.importKindXls]
        case .xlsx: return S[.importKindXlsx]
        case .pdf: return S[.importKindPDF]
        case .odf: return S[.importKindODF]
        case .zip: return S[.importKindZip]
        }
    }

    /// The commands that convert `file` and import the result. Word 97-2003 and WPS become .docx
    /// (read with its numbering and tables); OpenDocument text UTF-8 text; spreadsheets a web page
    /// (a table); PDF text laid out as on the page.
    func converter(for file: String) -> String {
        let q = Self.quote(file)
        let base = file.split(separator: "/").last.map(String.init) ?? file
        var stem = base
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        // The converted file never takes the name of the file converted (a PDF named notice.txt).
        func output(_ ext: String) -> (name: String, outdir: String) {
            stem + "." + ext == base ? ("converted/" + stem + "." + ext, " --outdir converted") : (stem + "." + ext, "")
        }
        switch self {
        case .doc, .wps:
            // To .docx, which the importer reads with its tables as tables.
            let o = output("docx")
            return "libreoffice --headless --convert-to docx\(o.outdir) \(q) && duban import \(Self.quote(o.name))"
        case .docx, .odf:
            let o = output("txt")
            return "libreoffice --headless --convert-to 'txt:Text (encoded):UTF8'\(o.outdir) \(q) && duban import \(Self.quote(o.name))"
        case .xls, .xlsx:
            let o = output("html")
            return "libreoffice --headless --convert-to html\(o.outdir) \(q) && duban import \(Self.quote(o.name))"
        case .pdf:
            let o = stem + ".txt" == base ? stem + "-text.txt" : stem + ".txt"
            return "pdftotext -layout -enc UTF-8 \(q) \(Self.quote(o)) && duban import \(Self.quote(o))"
        case .zip:
            return "unzip \(q)"
        }
    }

    static func quote(_ s: String) -> String {
        if !s.isEmpty, s.allSatisfy({ $0.isLetter || $0.isNumber || "._-/".contains($0) }) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func contains(_ bytes: [UInt8], utf16 s: String) -> Bool {
        var needle: [UInt8] = []
        for u in s.utf16 { needle.append(UInt8(u & 0xFF)); needle.append(UInt8(u >> 8)) }
        return find(needle, in: bytes.prefix(1 << 20)) != nil
    }
}
