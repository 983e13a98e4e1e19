/// A streaming XML reader for the parts of a Word file, on the UTF-8 bytes.
///
/// Why not Foundation's XMLParser (and so not SWXMLHash or XMLCoder, which are built on
/// it): on Linux it read a 100 MB document.xml at 9 MB/s, then failed at column 85 million
/// (Word writes the whole body on one line), and it returns true for a document whose tags
/// do not match or that ends inside an element (DECISIONS.md). This reader is what a Word
/// part needs and no more: elements (told by their qualified name, hashed), attributes read
/// on demand, text with the five entities and character references, CDATA, comments and
/// processing instructions skipped. It checks what makes XML well formed for this use:
/// every tag closed by its own name, attribute values quoted, entities known, nothing after
/// the end; a DTD is refused (Word never writes one, and one could only define entities to
/// expand). Errors carry the byte offset; the line and column are counted only then.
enum XMLScanner {
    /// What is wrong with a part, at an offset.
    struct Failure: Error { var offset: Int; var problem: XMLProblem }

    /// Element names the readers know; everything else is `.other`.
    enum Tag: Equatable {
        case t, r, rPr, vanish, specVanish, tab, br, cr, noBreakHyphen
        case p, pPr, pStyle, numId, ilvl
        case tbl, tr, trPr, tblHeader, gridBefore, tc, tcPr, gridSpan, vMerge, hMerge
        case skipped     // mc:Fallback, w:moveFrom, w:sdtPr, w:rt, w:fldData, w:txbxContent, w:instrText, w:delText
        case style, basedOn
        case abstractNum, num, abstractNumId, lvlOverride, startOverride, lvl, start, numFmt, lvlText
        case lvlRestart, isLgl, suff, numStyleLink
        case other
    }

    /// The known names by hash, open addressing in 512 slots (no Hasher in the hot loop).
    static let slots: [(UInt64, Tag)] = {
        var t = [(UInt64, Tag)](repeating: (0, .other), count: 512)
        for (h, tag) in tagsByHash {
            var i = Int(h & 511)
            while t[i].0 != 0 { i = (i + 1) & 511 }
            t[i] = (h, tag)
        }
        return t
    }()

    @inline(__always)
    static func tag(_ h: UInt64) -> Tag {
        slots.withUnsafeBufferPointer { t in
            var i = Int(h & 511)
            while true {
                let e = t[i]
                if e.0 == h { return e.1 }
                if e.0 == 0 { return .other }
                i = (i + 1) & 511
            }
        }
    }

    static let tagsByHash: [UInt64: Tag] = {
        var m: [UInt64: Tag] = [:]
        let names: [(String, Tag)] = [
            ("w:t", .t), ("w:r", .r), ("w:rPr", .rPr), ("w:vanish", .vanish), ("w:specVanish", .specVanish),
            ("w:tab", .tab), ("w:br", .br), ("w:cr", .cr), ("w:noBreakHyphen", .noBreakHyphen),
            ("w:p", .p), ("w:pPr", .pPr), ("w:pStyle", .pStyle), ("w:numId", .numId), ("w:ilvl", .ilvl),
            ("w:tbl", .tbl), ("w:tr", .tr), ("w:trPr", .trPr), ("w:tblHeader", .tblHeader), ("w:gridBefore", .gridBefore),
            ("w:tc", .tc), ("w:tcPr", .tcPr), ("w:gridSpan", .gridSpan), ("w:vMerge", .vMerge), ("w:hMerge", .hMerge),
            ("mc:Fallback", .skipped), ("w:moveFrom", .skipped), ("w:sdtPr", .skipped), ("w:rt", .skipped),
            ("w:fldData", .skipped), ("w:txbxContent", .skipped), ("w:instrText", .skipped), ("w:delText", .skipped),
            ("w:style", .style), ("w:basedOn", .basedOn),
            ("w:abstractNum", .abstractNum), ("w:num", .num), ("w:abstractNumId", .abstractNumId),
            ("w:lvlOverride", .lvlOverride), ("w:startOverride", .startOverride), ("w:lvl", .lvl), ("w:start", .start),
            ("w:numFmt", .numFmt), ("w:lvlText", .lvlText), ("w:lvlRestart", .lvlRestart), ("w:isLgl", .isLgl),
            ("w:suff", .suff), ("w:numStyleLink", .numStyleLink),
        ]
        for (n, t) in names { m[hash(Array(n.utf8)[...])] = t }
        return m
    }()

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// A start tag's attributes, read when asked for.
    struct Attributes {
        let p: UnsafeBufferPointer<UInt8>
        let from: Int, to: Int

        /// The value of attribute `name` (qualified, e.g. `w:val`), entities decoded.
        func value(_ name: StaticString) -> String? {
            let n = name.utf8CodeUnitCount
            let np = name.utf8Start
            var i = from
            while i < to {
                // At an attribute's name.
                while i < to, XMLScanner.isSpace(p[i]) { i += 1 }
                let start = i
                while i < to, p[i] != 0x3D, !XMLScanner.isSpace(p[i]) { i += 1 }
                let nameEnd = i
                while i < to, p[i] != 0x22, p[i] != 0x27 { i += 1 }
                guard i < to else { return nil }
                let q = p[i]; i += 1
                let vStart = i
                while i < to, p[i] != q { i += 1 }
                let vEnd = i
                i += 1
                if nameEnd - start == n, (0..<n).allSatisfy({ p[start + $0] == np[$0] }) {
                    var out: [UInt8] = []
                    XMLScanner.decode(p, vStart, vEnd, into: &out)
                    return String(decoding: out, as: UTF8.self)
                }
            }
            return nil
        }

        var val: String? { value("w:val") }
        /// `w:val` as an on/off flag: present without a value, or anything but 0/false/off, is on.
        var on: Bool {
            guard let v = val else { return true }
            return !(v == "0" || v == "false" || v == "off")
        }
        /// A whole number, held to ±10⁹ (a list's start cannot make its counter overflow).
        func int(_ name: StaticString = "w:val") -> Int? {
            value(name).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { max(-1_000_000_000, min(1_000_000_000, $0)) }
        }
        /// A list level, 0 to 8.
        func level(_ name: StaticString = "w:val") -> Int? { int(name).map { max(0, min(8, $0)) } }
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x3A || b == 0x5F || b == 0x2D || b == 0x2E || b >= 0x80
    }

    /// Text between `from` and `to` with entities and character references decoded, appended to `out`.
    /// Returns the offset of a bad reference, if any.
    @discardableResult
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout [UInt8]) -> Int? {
        var i = from
        var runStart = from
        var bad: Int? = nil
        while i < to {
            if p[i] != 0x26 { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i]))
            var j = i + 1
            while j < to, j - i <= 12, p[j] != 0x3B { j += 1 }
            guard j < to, p[j] == 0x3B else { if bad == nil { bad = i }; out.append(0x26); i += 1; runStart = i; continue }
            let ref = UnsafeBufferPointer(rebasing: p[(i + 1)..<j])
            if let scalar = reference(ref) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                if bad == nil { bad = i }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i...j]))
            }
            i = j + 1
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<to]))
        return bad
    }

    private static func reference(_ r: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch Array(r) {
        case Array("amp".utf8): return "&"
        case Array("lt".utf8): return "<"
        case Array("gt".utf8): return ">"
        case Array("quot".utf8): return "\""
        case Array("apos".utf8): return "'"
        default: break
        }
        guard r.count >= 2, r[0] == 0x23 else { return nil }
        var v: UInt32 = 0
        if r[1] == 0x78 || r[1] == 0x58 {
            guard r.count >= 3 else { return nil }
            for b in r.dropFirst(2) {
                guard let d = hexValue(b), v < 0x11_0000 else { return nil }
                v = v * 16 + d
            }
        } else {
            for b in r.dropFirst() {
                guard b >= 0x30, b <= 0x39, v < 0x11_0000 else { return nil }
                v = v * 10 + UInt32(b - 0x30)
            }
        }
        return Unicode.Scalar(v)
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// Line and column (1-based; the column in characters) of a byte offset.
    static func place(of offset: Int, in p: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        let end = min(offset, p.count)
        for i in 0..<end where p[i] == 0x0A { line += 1; lineStart = i + 1 }
        var column = 1
        for i in lineStart..<end where p[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    /// Reads `p`, calling `sink` for each start tag, end tag and run of text.
    static func scan<S: XMLSink>(_ p: UnsafeBufferPointer<UInt8>, into sink: S) throws(Failure) {
        let n = p.count
        var i = 0
        // A byte order mark.
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        var stack: [UInt64] = []
        var names: [Range<Int>] = []
        var rootClosed = false
        var textBuf: [UInt8] = []
        while i < n {
            if p[i] != 0x3C {
                // Text up to the next tag.
                var j = i
                var amp = false
                while j < n, p[j] != 0x3C { if p[j] == 0x26 { amp = true }; j += 1 }
                if stack.isEmpty {
                    if !(i..<j).allSatisfy({ isSpace(p[$0]) }) { throw Failure(offset: i, problem: .textOutside) }
                } else if amp {
                    textBuf.removeAll(keepingCapacity: true)
                    if let bad = decode(p, i, j, into: &textBuf) {
                        var k = bad + 1
                        while k < j, k - bad < 12, p[k] != 0x3B { k += 1 }
                        throw Failure(offset: bad, problem: .badEntity(String(decoding: UnsafeBufferPointer(rebasing: p[(bad + 1)..<k]), as: UTF8.self)))
                    }
                    textBuf.withUnsafeBufferPointer { sink.text($0) }
                } else {
                    sink.text(UnsafeBufferPointer(rebasing: p[i..<j]))
                }
                i = j
                continue
            }
            let lt = i
            guard i + 1 < n else { throw Failure(offset: lt, problem: .endsInsideTag) }
            let c = p[i + 1]
            if c == 0x3F {
                // <? … ?>
                guard let e = find(p, from: i + 2, "?>") else { throw Failure(offset: lt, problem: .endsInsideTag) }
                i = e + 2
                continue
            }
            if c == 0x21 {
                if starts(p, at: i, "<!--") {
                    guard let e = find(p, from: i + 4, "-->") else { throw Failure(offset: lt, problem: .endsInsideComment) }
                    i = e + 3
                    continue
                }
                if starts(p, at: i, "<![CDATA[") {
                    guard let e = find(p, from: i + 9, "]]>") else { throw Failure(offset: lt, problem: .endsInsideComment) }
                    if stack.isEmpty { throw Failure(offset: lt, problem: .textOutside) }
                    sink.text(UnsafeBufferPointer(rebasing: p[(i + 9)..<e]))
                    i = e + 3
                    continue
                }
                if starts(p, at: i, "<!DOCTYPE") { throw Failure(offset: lt, problem: .doctype) }
                throw Failure(offset: lt, problem: .badTag)
            }
            let closing = c == 0x2F
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < n, isNameByte(p[j]) { j += 1 }
            let nameEnd = j
            guard nameEnd > nameStart else { throw Failure(offset: lt, problem: .badTag) }
            let h = hash(UnsafeBufferPointer(rebasing: p[nameStart..<nameEnd]))
            if closing {
                while j < n, isSpace(p[j]) { j += 1 }
                guard j < n else { throw Failure(offset: lt, problem: .endsInsideTag) }
                guard p[j] == 0x3E else { throw Failure(offset: lt, problem: .badTag) }
                guard let top = stack.last else { throw Failure(offset: lt, problem: .textOutside) }
                if top != h {
                    let open = names.last!
                    throw Failure(offset: lt, problem: .mismatch(found: string(p, nameStart..<nameEnd), open: string(p, open)))
                }
                stack.removeLast(); names.removeLast()
                sink.end(tag(h))
                if stack.isEmpty { rootClosed = true }
                i = j + 1
                continue
            }
            if rootClosed { throw Failure(offset: lt, problem: .textOutside) }
            // Attributes: name = "value" or 'value', up to > or />.
            let attrStart = j
            var selfClosing = false
            while true {
                while j < n, isSpace(p[j]) { j += 1 }
                guard j < n else { throw Failure(offset: lt, problem: .endsInsideTag) }
                if p[j] == 0x3E { break }
                if p[j] == 0x2F {
                    guard j + 1 < n else { throw Failure(offset: lt, problem: .endsInsideTag) }
                    guard p[j + 1] == 0x3E else { throw Failure(offset: j, problem: .badTag) }
                    selfClosing = true; j += 1; break
                }
                let an = j
                while j < n, isNameByte(p[j]) { j += 1 }
                guard j > an else { throw Failure(offset: j, problem: .badAttribute) }
                while j < n, isSpace(p[j]) { j += 1 }
                guard j < n, p[j] == 0x3D else { throw Failure(offset: j < n ? j : lt, problem: j < n ? .badAttribute : .endsInsideTag) }
                j += 1
                while j < n, isSpace(p[j]) { j += 1 }
                guard j < n, p[j] == 0x22 || p[j] == 0x27 else { throw Failure(offset: j < n ? j : lt, problem: j < n ? .badAttribute : .endsInsideTag) }
                let q = p[j]
                j += 1
                while j < n, p[j] != q {
                    if p[j] == 0x3C { throw Failure(offset: j, problem: .badAttribute) }
                    j += 1
                }
                guard j < n else { throw Failure(offset: lt, problem: .endsInsideTag) }
                j += 1
            }
            let tag = tag(h)
            sink.start(tag, Attributes(p: p, from: attrStart, to: selfClosing ? j - 1 : j))
            if selfClosing {
                sink.end(tag)
                if stack.isEmpty { rootClosed = true }
            } else {
                stack.append(h); names.append(nameStart..<nameEnd)
            }
            i = j + 1
        }
        if let open = names.last { throw Failure(offset: n, problem: .unclosed(string(p, open))) }
        if !rootClosed { throw Failure(offset: n, problem: .noRoot) }
    }

    private static func string(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self)
    }

    private static func starts(_ p: UnsafeBufferPointer<UInt8>, at i: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= p.count else { return false }
        let sp = s.utf8Start
        for k in 0..<n where p[i + k] != sp[k] { return false }
        return true
    }

    private static func find(_ p: UnsafeBufferPointer<UInt8>, from: Int, _ s: StaticString) -> Int? {
        let first = s.utf8Start[0]
        var i = from
        while i < p.count {
            if p[i] == first, starts(p, at: i, s) { return i }
            i += 1
        }
        return nil
    }
}

/// What the scanner finds in a part: start tags, end tags, text (entities decoded).
protocol XMLSink: AnyObject {
    func start(_ tag: XMLScanner.Tag, _ attributes: XMLScanner.Attributes)
    func end(_ tag: XMLScanner.Tag)
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// Why a part is no well-formed XML (worded in the strings table).
public enum XMLProblem: Sendable, Equatable {
    case doctype
    case mismatch(found: String, open: String)
    case unclosed(String)
    case badTag
    case badAttribute
    case badEntity(String)
    case endsInsideTag
    case endsInsideComment
    case textOutside
    case noRoot
}
