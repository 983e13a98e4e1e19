import Foundation

/// One character of a notice as the importer compares it: a `Character`, in four bytes.
///
/// Almost every character of a notice is one Unicode scalar that stands alone (ASCII,
/// Han, CJK and full-width punctuation, ...): such a character is kept as its scalar
/// value, and comparing two of them is comparing two integers. Any other character
/// (several scalars such as a letter with a combining mark, or a scalar outside those
/// ranges) is "exotic": it is kept in a process-wide table with its canonical key, so
/// that `==` and hashing follow `Character` equality (canonical equivalence) exactly:
/// U+2000 equals U+2002, a compatibility ideograph equals its unified form, and so on.
/// Building a `String` from `Ch`s gives back the characters as printed.
struct Ch: Hashable, Sendable, ExpressibleByUnicodeScalarLiteral {
    /// A simple scalar's value, or `exoticBit | id` into `Exotics.shared`.
    let v: UInt32

    static let exoticBit: UInt32 = 0x8000_0000

    @inline(__always) init(v: UInt32) { self.v = v }
    /// Literals in this module are all simple scalars.
    @inline(__always) init(unicodeScalarLiteral s: Unicode.Scalar) { v = s.value }

    @inline(__always) var isExotic: Bool { v & Ch.exoticBit != 0 }

    /// A CJK unified ideograph of the basic block (U+4E00…U+9FFF), as unit and person names are written.
    @inline(__always) var isBasicHan: Bool { v >= 0x4E00 && v <= 0x9FFF }

    /// Equal keys exactly when the characters are equal (canonically equivalent).
    @inline(__always) var key: UInt32 { isExotic ? Exotics.shared.key(v) : v }

    @inline(__always) static func == (a: Ch, b: Ch) -> Bool {
        if a.v == b.v { return true }
        if (a.v | b.v) & Ch.exoticBit == 0 { return false }
        return a.key == b.key
    }

    func hash(into h: inout Hasher) { h.combine(key) }

    /// Whether the scalar, standing alone, is a character of its own whatever is around it
    /// (no combining, joining or prepending behaviour) and is its own canonical form.
    @inline(__always) static func isSimple(_ v: UInt32) -> Bool {
        if v < 0x100 { return v != 0x0D }
        if v >= 0x4E00 {
            return v <= 0x9FFF || (v >= 0xFF01 && v <= 0xFF65) || (v >= 0xFE50 && v <= 0xFE6B) || v == 0xFEFF || v == 0xFFFD
        }
        if v >= 0x3400 { return v <= 0x4DBF }
        if v >= 0x3000 { return v <= 0x3029 || (v >= 0x3030 && v <= 0x303F) }
        if v >= 0x2000 {
            if v < 0x2010 { return v == 0x2002 || v == 0x2003 || v == 0x2009 || v == 0x200B }
            if v <= 0x2027 { return true }
            if v < 0x2030 { return v == 0x202F }
            if v <= 0x205E { return true }
            return (v >= 0x2460 && v <= 0x24FF) || (v >= 0x2500 && v <= 0x27BF)
        }
        return false
    }

    /// The character.
    var character: Character {
        if isExotic { return Exotics.shared.character(v) }
        return Character(Unicode.Scalar(v) ?? "\u{FFFD}")
    }

    /// The first scalar's value, as `Character.unicodeScalars.first` gives it.
    var firstScalarValue: UInt32 {
        if isExotic { return Exotics.shared.firstScalar(v) }
        return v
    }

    /// `("0"..."9").contains(character)`.
    @inline(__always) var isASCIIDigit: Bool {
        if !isExotic { return v >= 0x30 && v <= 0x39 }
        return character.isASCIIDigit
    }

    var isHan: Bool {
        let v = firstScalarValue
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FA1F).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    /// The value of an ASCII digit (Character.wholeNumberValue for the digits 0-9).
    var digitValue: Int? {
        if !isExotic { return v >= 0x30 && v <= 0x39 ? Int(v - 0x30) : nil }
        return character.wholeNumberValue
    }

    /// The characters of a string, one `Ch` per `Character`.
    static func array(_ s: String) -> [Ch] {
        var out: [Ch] = []
        out.reserveCapacity(s.utf8.count)
        var simple = true
        for u in s.unicodeScalars {
            guard isSimple(u.value) else { simple = false; break }
            out.append(Ch(v: u.value))
        }
        if simple { return out }
        out.removeAll(keepingCapacity: true)
        for c in s { out.append(Exotics.shared.ch(for: c)) }
        return out
    }
}

/// The characters that are not simple scalars, with their canonical keys. Grows with the
/// number of distinct such characters ever seen (a handful in real notices).
final class Exotics: @unchecked Sendable {
    static let shared = Exotics()
    private let lock = NSLock()
    private var originals: [[Unicode.Scalar]] = []
    private var keys: [UInt32] = []
    private var idByScalars: [[UInt32]: UInt32] = [:]
    private var canonicalIds: [Character: UInt32] = [:]

    func ch(for c: Character) -> Ch {
        let scalars = Array(c.unicodeScalars)
        if scalars.count == 1, Ch.isSimple(scalars[0].value) { return Ch(v: scalars[0].value) }
        let raw = scalars.map(\.value)
        lock.lock(); defer { lock.unlock() }
        if let id = idByScalars[raw] { return Ch(v: Ch.exoticBit | id) }
        // Its key: the scalar it is canonically equivalent to when there is one, else an id per class.
        var key: UInt32? = nil
        let nfc = Array(String(c).precomposedStringWithCanonicalMapping.unicodeScalars)
        if nfc.count == 1, Character(nfc[0]) == c { key = nfc[0].value }
        if key == nil {
            if let k = canonicalIds[c] { key = k } else {
                let k = 0x4000_0000 | UInt32(canonicalIds.count)
                canonicalIds[c] = k
                key = k
            }
        }
        let id = UInt32(originals.count)
        originals.append(scalars)
        keys.append(key ?? 0x4000_0000)
        idByScalars[raw] = id
        return Ch(v: Ch.exoticBit | id)
    }

    func key(_ v: UInt32) -> UInt32 {
        let id = Int(v & ~Ch.exoticBit)
        lock.lock(); defer { lock.unlock() }
        return id < keys.count ? keys[id] : v
    }

    func scalars(_ v: UInt32) -> [Unicode.Scalar] {
        let id = Int(v & ~Ch.exoticBit)
        lock.lock(); defer { lock.unlock() }
        return id < originals.count ? originals[id] : []
    }

    func character(_ v: UInt32) -> Character {
        var u = String.UnicodeScalarView()
        u.append(contentsOf: scalars(v))
        return String(u).first ?? "\u{FFFD}"
    }

    func firstScalar(_ v: UInt32) -> UInt32 { scalars(v).first?.value ?? 0 }
}

extension String {
    /// The characters as printed.
    init<S: Sequence>(_ chs: S) where S.Element == Ch {
        if let s = chs.withContiguousStorageIfAvailable({ String.make($0) }) { self = s; return }
        self = String.make(Array(chs))
    }

    private static func make(_ cs: [Ch]) -> String { cs.withUnsafeBufferPointer { make($0) } }

    private static func make(_ cs: UnsafeBufferPointer<Ch>) -> String {
        var n = 0
        var exotic = false
        for c in cs {
            let v = c.v
            if v & Ch.exoticBit != 0 { exotic = true; break }
            n += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        if exotic {
            var u = String.UnicodeScalarView()
            for c in cs {
                if c.isExotic { u.append(contentsOf: Exotics.shared.scalars(c.v)) }
                else if let s = Unicode.Scalar(c.v) { u.append(s) }
            }
            return String(u)
        }
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n) { out in
            var i = 0
            for c in cs {
                let v = c.v
                if v < 0x80 { out[i] = UInt8(v); i += 1 }
                else if v < 0x800 { out[i] = UInt8(0xC0 | v >> 6); out[i + 1] = UInt8(0x80 | v & 0x3F); i += 2 }
                else if v < 0x10000 {
                    out[i] = UInt8(0xE0 | v >> 12); out[i + 1] = UInt8(0x80 | (v >> 6) & 0x3F); out[i + 2] = UInt8(0x80 | v & 0x3F); i += 3
                } else {
                    out[i] = UInt8(0xF0 | v >> 18); out[i + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    out[i + 2] = UInt8(0x80 | (v >> 6) & 0x3F); out[i + 3] = UInt8(0x80 | v & 0x3F); i += 4
                }
            }
            return i
        }
    }
}

/// A string as a set or dictionary key, equal exactly when the strings are (canonical
/// equivalence), but hashed on its characters' keys and compared byte for byte when every
/// scalar is simple, instead of normalising the string for every hash and comparison.
struct TextKey: Hashable {
    let string: String
    let simple: Bool

    init(_ s: String) { string = s; simple = s.isSimpleText }

    static func == (a: TextKey, b: TextKey) -> Bool {
        if a.simple && b.simple { return a.string.utf8.elementsEqual(b.string.utf8) }
        return a.string == b.string
    }

    func hash(into h: inout Hasher) {
        if simple {
            for u in string.unicodeScalars { h.combine(u.value) }
        } else {
            for c in Ch.array(string) { h.combine(c.key) }
        }
    }
}

/// One line of the notice. `text` is the line as printed without its edges;
/// `folded` is the same characters with full-width punctuation, digits and
/// letters folded to ASCII, character for character, so an index into one is
/// an index into the other.
struct SourceLine: Sendable {
    /// 1-based.
    let number: Int
    /// 1-based column (in characters) of the first printed character.
    let column: Int
    /// The characters as printed and folded (kept as arrays: a line costs one word each).
    private let printedChs: [Ch]
    private let foldedChs: [Ch]
    /// The line holds nothing at all.
    let isEmpty: Bool
    /// `PageChrome.isChrome`, worked out once when the line is made (issue 16: the
    /// parsers asked it of every line, several passes each, 15% of a 50 MB import).
    let chrome: Bool

    fileprivate init(number: Int, column: Int, printed: [Ch], folded: [Ch], isEmpty: Bool, chrome: Bool) {
        self.number = number
        self.column = column
        printedChs = printed
        foldedChs = folded
        self.isEmpty = isEmpty
        self.chrome = chrome
    }

    /// The characters as printed.
    var text: Printed { Printed(chars: printedChs[...]) }
    /// The characters folded, index for index with `text`.
    var folded: Folded { Folded(chars: foldedChs[...]) }
    /// The line holds only spaces (a table's empty cell written as a line of spaces).
    var isSpaceOnly: Bool { !isEmpty && printedChs.isEmpty }
    var isBlank: Bool { printedChs.isEmpty }

    var string: String { String(printedChs) }
    var foldedString: String { String(foldedChs) }

    /// The characters from `a` to `b` as a line of their own (a row cut out of a line that
    /// holds several), at its place in the line.
    func cut(_ r: Range<Int>) -> SourceLine {
        let f = Array(foldedChs[r])
        return SourceLine(number: number, column: column + r.lowerBound, printed: Array(printedChs[r]), folded: f,
                          isEmpty: r.isEmpty, chrome: PageChrome.isChrome(folded: f))
    }
}

enum Lines {
    /// Splits on LF, CRLF, CR, U+2028 and U+2029 (and VT, FF); trims spaces (ASCII, ideographic,
    /// no-break) at both ends. Each separator is always a character of its own, so lines are
    /// found on scalars; a line holding anything but simple scalars is read by characters.
    static func split(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var text = text
        text.withUTF8 { buf in
            let n = buf.count
            var current: [Ch] = []
            var simple = true
            var lineStart = 0
            var number = 1
            var i = 0
            func flush(end: Int) {
                if simple {
                    out.append(make(number: number, raw: current))
                } else {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: buf[lineStart..<end]), as: UTF8.self)
                    out.append(make(number: number, raw: s.map { Exotics.shared.ch(for: $0) }))
                }
                number += 1
                current.removeAll(keepingCapacity: true)
                simple = true
            }
            while i < n {
                let b0 = buf[i]
                var v: UInt32
                var len: Int
                if b0 < 0x80 { v = UInt32(b0); len = 1 }
                else if b0 < 0xE0 { v = UInt32(b0 & 0x1F); len = 2 }
                else if b0 < 0xF0 { v = UInt32(b0 & 0x0F); len = 3 }
                else { v = UInt32(b0 & 0x07); len = 4 }
                if i + len > n { len = n - i }
                var k = 1
                while k < len { v = v << 6 | UInt32(buf[i + k] & 0x3F); k += 1 }
                let start = i
                i += len
                switch v {
                case 0x0A, 0x0B, 0x0C, 0x2028, 0x2029:
                    flush(end: start); lineStart = i
                case 0x0D:
                    flush(end: start)
                    if i < n, buf[i] == 0x0A { i += 1 }
                    lineStart = i
                default:
                    if simple {
                        if Ch.isSimple(v) { current.append(Ch(v: v)) } else { simple = false }
                    }
                }
            }
            if lineStart < n { flush(end: n) }
        }
        return out
    }

    static func make(number: Int, raw: [Ch]) -> SourceLine {
        var start = 0
        var end = raw.count
        while start < end, isSpace(raw[start]) { start += 1 }
        while end > start, isSpace(raw[end - 1]) { end -= 1 }
        // A copy of exactly the line's size (`raw` may be a reused buffer with room to spare).
        // (Array(raw[start..<end]) would share raw's buffer when the slice is all of it.)
        var text: [Ch] = []
        text.reserveCapacity(end - start)
        text.append(contentsOf: raw[start..<end])
        var folded = text
        var changed = false
        for (i, c) in text.enumerated() {
            let f = fold(c)
            if f.v != c.v {
                if !changed { changed = true }
                folded[i] = f
            }
        }
        let f = changed ? folded : text
        return SourceLine(number: number, column: start + 1, printed: text, folded: f,
                          isEmpty: raw.isEmpty, chrome: PageChrome.isChrome(folded: f))
    }

    @inline(__always) static func isSpace(_ c: Ch) -> Bool {
        switch c.key {
        case 0x20, 0x09, 0x3000, 0xA0, 0xFEFF, 0x2002, 0x2003, 0x2009, 0x200B, 0x202F: return true
        default: return false
        }
    }

    static func isSpace(_ c: Character) -> Bool {
        switch c {
        case " ", "\t", "\u{3000}", "\u{A0}", "\u{FEFF}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{200B}", "\u{202F}": return true
        default: return false
        }
    }

    /// Full-width ASCII (U+FF01...U+FF5E) to ASCII; ideographic and no-break spaces to a space;
    /// a few look-alike brackets and stops to their ASCII forms.
    @inline(__always) static func fold(_ c: Ch) -> Ch {
        let v = c.v
        if v < 0xA0 || c.isExotic { return c }
        return foldedValue(v).map { Ch(v: $0) } ?? c
    }

    static func fold(_ c: Character) -> Character {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first,
              let f = foldedValue(s.value), let a = Unicode.Scalar(f) else { return c }
        return Character(a)
    }

    /// The one table of both folds: the scalar a character folds to, nil when it stays.
    @inline(__always) static func foldedValue(_ v: UInt32) -> UInt32? {
        if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFEE0 }
        switch v {
        case 0x3000, 0xA0, 0x2002, 0x2003, 0x2009, 0x202F: return 0x20
        case 0xFE59: return 0x28   // ﹙ -> (
        case 0xFE5A: return 0x29   // ﹚ -> )
        case 0xFE50, 0xFE51: return 0x2C
        case 0xFE54: return 0x3B
        case 0xFE55: return 0x3A
        default: return nil
        }
    }

    static func fold(_ s: String) -> String { String(foldedChs(s)) }

    /// The folded characters of a string.
    static func foldedChs(_ s: String) -> [Ch] {
        var cs = Ch.array(s)
        for i in cs.indices { cs[i] = fold(cs[i]) }
        return cs
    }
}

/// What the text layer's own scanners (page chrome, trimming) read on a line's characters;
/// everything outside `Text/` reads them through `Folded` / `Printed` (Folded.swift).
extension Array where Element == Ch {
    /// Whether `p` occurs at `start`.
    @inline(__always) func hasPrefix(_ p: [Ch], at start: Int = 0) -> Bool {
        guard start >= 0, p.count <= count - start else { return false }
        var k = 0
        while k < p.count { if self[start + k] != p[k] { return false }; k += 1 }
        return true
    }

    var hasExotic: Bool { contains(where: { $0.isExotic }) }

    /// Without spaces at both ends nor the given extra characters (String.trimmed).
    func trimmed(extra: CharSet = .none) -> [Ch] { Array(Folded(self).trimmed(extra: extra).chars) }

}

/// The characters again as a string would have them after pieces were joined: only
/// characters that are not simple scalars can combine with their neighbours.
func resegmented(_ cs: [Ch]) -> [Ch] { cs.hasExotic ? Ch.array(String(cs)) : cs }

/// Literal patterns as characters, made once.
func chs(_ s: String) -> [Ch] { Ch.array(s) }

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isHan: Bool {
        guard let s = unicodeScalars.first else { return false }
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FA1F).contains(v) || (0xF900...0xFAFF).contains(v)
    }
}

extension String {
    /// Whether every scalar is simple, so that each is a character of its own.
    var isSimpleText: Bool {
        for u in unicodeScalars where !Ch.isSimple(u.value) { return false }
        return true
    }

    /// Trims spaces (ASCII, ideographic, no-break) and the given extra characters at both ends.
    func trimmed(extra: Set<Character> = []) -> String {
        let cs = Printed(self)
        let t = cs.trimmed(extra: extra.isEmpty ? .none : CharSet(extra))
        return t.count == cs.count ? self : t.string
    }

    /// Removes every space inside the string (for numbers split by spaces and unit names).
    var withoutSpaces: String {
        let cs = Printed(self)
        let w = cs.withoutSpaces
        return w.count == cs.count ? self : w.string
    }

    /// The number of characters (`count`), without breaking graphemes when every scalar is simple.
    var charCount: Int {
        var n = 0
        for u in unicodeScalars {
            guard Ch.isSimple(u.value) else { return count }
            n += 1
        }
        return n
    }
}

extension String {
    /// Whether `p` occurs in the string: a byte search over UTF-8 (Foundation's `contains`
    /// folds character clusters and is many times slower on long texts).
    func includes(_ p: String) -> Bool {
        var a = self
        var b = p
        return a.withUTF8 { hay in
            b.withUTF8 { needle in
                let n = needle.count, h = hay.count
                guard n > 0 else { return true }
                guard n <= h, let first = needle.first else { return false }
                var i = 0
                while i + n <= h {
                    if hay[i] == first {
                        var k = 1
                        while k < n && hay[i + k] == needle[k] { k += 1 }
                        if k == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
