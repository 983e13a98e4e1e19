import DubanCore
import Foundation
import ZIPFoundation

/// A Word file (.docx) as the importer reads it: its text, a line per paragraph with Word's
/// automatic numbering written in front as typed text would have it, and its tables in the
/// one table model (`Table`), gridSpan and vMerge spread, repeated header rows dropped.
struct DocxDocument {
    /// A line per paragraph (and per manual line break), a line per table cell with text.
    var text: String
    /// The body's tables; `start`/`end` are UTF-8 offsets of their lines in `text`, each cell's
    /// `line` its line in `text` and `column` its column in the table.
    var tables: [Table]
}

/// A Word file that cannot be read, naming the file and the part.
public enum DocxError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedMessage {
    /// The bytes are no zip archive (nor text).
    case notZip(file: String)
    /// A zip whose directory or an entry cannot be read (cut short, damaged, a checksum wrong).
    case damaged(file: String, part: String, reason: String)
    /// A part Word always writes is missing (word/document.xml).
    case missingPart(file: String, part: String)
    /// A part larger, once inflated, than the limit (bytes).
    case tooLarge(file: String, part: String, limit: Int)
    /// A part that inflates far more than text does: a zip bomb.
    case bomb(file: String, part: String, ratio: Int)
    /// A part that is no well-formed XML, at the parser's line and column.
    case badXML(file: String, part: String, line: Int, column: Int, problem: XMLProblem)

    public func message(_ S: Strings) -> String {
        switch self {
        case .notZip(let f): return S.format(.errDocxNotZip, f)
        case .damaged(let f, let p, let r): return S.format(.errDocxDamaged, f, p, r)
        case .missingPart(let f, let p): return S.format(.errDocxMissingPart, f, p)
        case .tooLarge(let f, let p, let l): return S.format(.errDocxTooLarge, f, p, "\(l >> 20) MiB")
        case .bomb(let f, let p, let r): return S.format(.errDocxBomb, f, p, r)
        case .badXML(let f, let p, let l, let c, let x): return S.format(.errDocxXML, f, p, l, c, x.message(S))
        }
    }

    public var description: String { message(Strings(.en)) }
}

enum DocxReader {
    /// No part is inflated past this (the notice limit): reading stops there.
    static let maxPartBytes = 256 << 20
    /// Word's XML inflates 5 to 30 times; a part inflating more than this, past `ratioFloor`
    /// bytes, is a bomb, and reading stops there.
    static let maxRatio = 200
    static let ratioFloor = 4 << 20

    struct Limits { var partBytes = maxPartBytes; var ratio = maxRatio; var ratioFloor = DocxReader.ratioFloor }

    static func read(_ bytes: [UInt8], file: String, limits: Limits = Limits()) throws(DocxError) -> DocxDocument {
        guard bytes.starts(with: [0x50, 0x4B]) else { throw .notZip(file: file) }
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw .damaged(file: file, part: "", reason: reason(error))
        }
        let main = mainPart(archive, file: file, limits: limits) ?? "word/document.xml"
        guard archive[main] != nil else { throw .missingPart(file: file, part: main) }
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let prefix = folder.isEmpty ? "" : folder + "/"

        var numbering = DocxNumbering()
        if let styles = try part(prefix + "styles.xml", in: archive, file: file, limits: limits, required: false) {
            let r = DocxStylesReader(numbering)
            try parse(styles, r, file: file, part: prefix + "styles.xml")
            numbering = r.numbering
        }
        if let num = try part(prefix + "numbering.xml", in: archive, file: file, limits: limits, required: false) {
            let r = DocxNumberingReader(numbering)
            try parse(num, r, file: file, part: prefix + "numbering.xml")
            numbering = r.numbering
        }
        let body = try part(main, in: archive, file: file, limits: limits, required: true)!
        let r = DocxBodyReader(numbering)
        try parse(body, r, file: file, part: main)
        return DocxDocument(text: r.text, tables: r.tables)
    }

    private static func parse<S: XMLSink>(_ data: [UInt8], _ sink: S, file: String, part: String) throws(DocxError) {
        do { try DocxXML.parse(data, sink) } catch {
            throw .badXML(file: file, part: part, line: error.line, column: error.column, problem: error.problem)
        }
    }

    /// The main document's name from _rels/.rels (word/document.xml in every Word file).
    private static func mainPart(_ archive: Archive, file: String, limits: Limits) -> String? {
        guard archive["word/document.xml"] == nil,
              let rels = try? part("_rels/.rels", in: archive, file: file, limits: limits, required: false),
              case let s = String(decoding: rels, as: UTF8.self) else { return nil }
        // <Relationship Type="…/officeDocument" Target="word/document.xml"/>
        for rel in s.components(separatedBy: "<Relationship").dropFirst() where rel.contains("/officeDocument\"") {
            guard let r = rel.range(of: "Target=\"") else { continue }
            let rest = rel[r.upperBound...]
            guard let q = rest.firstIndex(of: "\"") else { continue }
            var t = String(rest[..<q])
            while t.hasPrefix("/") { t.removeFirst() }
            return t
        }
        return nil
    }

    /// One part inflated, never past the limits: the consumer stops the inflating as soon
    /// as the bytes pass the size limit or the ratio.
    static func part(_ name: String, in archive: Archive, file: String, limits: Limits, required: Bool) throws(DocxError) -> [UInt8]? {
        guard let entry = archive[name] else {
            if required { throw .missingPart(file: file, part: name) }
            return nil
        }
        let compressed = max(1, Int(clamping: entry.compressedSize))
        func checkRatio(_ n: Int) -> Bool { n <= limits.ratioFloor || n / compressed <= limits.ratio }
        // The sizes the archive states, first (they may lie; the inflating checks again).
        if entry.uncompressedSize > UInt64(limits.partBytes) { throw .tooLarge(file: file, part: name, limit: limits.partBytes) }
        if !checkRatio(Int(clamping: entry.uncompressedSize)) {
            throw .bomb(file: file, part: name, ratio: Int(clamping: entry.uncompressedSize) / compressed)
        }
        enum Stop: Error { case size, ratio(Int) }
        var out: [UInt8] = []
        out.reserveCapacity(min(Int(clamping: entry.uncompressedSize), limits.partBytes))
        do {
            var crc: UInt32 = 0
            _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: true) { chunk in
                if out.count + chunk.count > limits.partBytes { throw Stop.size }
                chunk.withUnsafeBytes { crc = ZipCRC32.update(crc, $0) }
                out.append(contentsOf: chunk)
                if !checkRatio(out.count) { throw Stop.ratio(out.count / compressed) }
            }
            if crc != entry.checksum { throw Archive.ArchiveError.invalidCRC32 }
        } catch let s as Stop {
            switch s {
            case .size: throw .tooLarge(file: file, part: name, limit: limits.partBytes)
            case .ratio(let r): throw .bomb(file: file, part: name, ratio: r)
            }
        } catch {
            throw .damaged(file: file, part: name, reason: reason(error))
        }
        return out
    }

    private static func reason(_ e: Error) -> String {
        if let a = e as? Archive.ArchiveError { return String(describing: a) }
        return String(describing: e)
    }
}

extension XMLProblem {
    func message(_ S: Strings) -> String {
        switch self {
        case .doctype: return S[.xmlDoctype]
        case .mismatch(let found, let open): return S.format(.xmlMismatch, found, open)
        case .unclosed(let open): return S.format(.xmlUnclosed, open)
        case .badTag: return S[.xmlBadTag]
        case .badAttribute: return S[.xmlBadAttribute]
        case .badEntity(let e): return S.format(.xmlBadEntity, e)
        case .endsInsideTag: return S[.xmlEndsInsideTag]
        case .endsInsideComment: return S[.xmlEndsInsideComment]
        case .textOutside: return S[.xmlTextOutside]
        case .noRoot: return S[.xmlNoRoot]
        }
    }
}

/// CRC-32 (IEEE), eight bytes a step. ZIPFoundation on Linux checks its CRC a byte at a time in
/// Swift (its zlib module is not the one `canImport(zlib)` looks for): a tenth of a Word
/// import's time; this is about four times faster.
enum ZipCRC32 {
    static let table: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[i] = c
        }
        for k in 1..<8 {
            for i in 0..<256 { let prev = t[(k - 1) * 256 + i]; t[k * 256 + i] = t[Int(prev & 0xFF)] ^ (prev >> 8) }
        }
        return t
    }()

    static func update(_ crc: UInt32, _ p: UnsafeRawBufferPointer) -> UInt32 {
        table.withUnsafeBufferPointer { t in
            var c = ~crc
            var i = 0
            let n = p.count
            while i + 8 <= n {
                let a = c ^ (UInt32(p[i]) | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2]) << 16 | UInt32(p[i + 3]) << 24)
                let b = UInt32(p[i + 4]) | UInt32(p[i + 5]) << 8 | UInt32(p[i + 6]) << 16 | UInt32(p[i + 7]) << 24
                c = t[7 * 256 + Int(a & 0xFF)] ^ t[6 * 256 + Int((a >> 8) & 0xFF)] ^ t[5 * 256 + Int((a >> 16) & 0xFF)] ^ t[4 * 256 + Int(a >> 24)]
                    ^ t[3 * 256 + Int(b & 0xFF)] ^ t[2 * 256 + Int((b >> 8) & 0xFF)] ^ t[256 + Int((b >> 16) & 0xFF)] ^ t[Int(b >> 24)]
                i += 8
            }
            while i < n { c = t[Int((c ^ UInt32(p[i])) & 0xFF)] ^ (c >> 8); i += 1 }
            return ~c
        }
    }
}
