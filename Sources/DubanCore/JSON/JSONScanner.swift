#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte-level JSON scanner over a buffer: strings come out as Swift strings (UTF-8
/// validated), numbers as their text, and every position is a byte offset turned into
/// line and column only when something is wrong. Purpose-built for speed: see
/// DECISIONS.md for the measurements against Foundation's decoders.
struct JSONScanner {
    let buf: UnsafeBufferPointer<UInt8>
    var pos: Int = 0

    init(_ buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    struct SyntaxError: Error {
        var offset: Int
        var words: Words
        init(offset: Int, _ words: Words) { self.offset = offset; self.words = words }
        /// In English (journal notes, logs).
        var message: String { words.english }
    }

    /// Keys given twice in one object: (offset of the second, offset of the first, the key).
    var duplicates: [(second: Int, first: Int, key: String)] = []

    @inline(__always) var atEnd: Bool { pos >= buf.count }

    @inline(__always) mutating func skipSpace() {
        while pos < buf.count {
            let c = buf[pos]
            if c == 0x20 {
                // Indentation comes in runs of spaces: count them eight at a time.
                while pos + 8 <= buf.count {
                    let x = word(pos) ^ 0x2020_2020_2020_2020
                    if x != 0 { pos += x.trailingZeroBitCount >> 3; break }
                    pos += 8
                }
                while pos < buf.count, buf[pos] == 0x20 { pos += 1 }
            } else if c == 0x0A || c == 0x0D || c == 0x09 {
                pos += 1
            } else {
                return
            }
        }
    }

    /// The offset of the next value, after white space.
    @inline(__always) mutating func here() -> Int {
        skipSpace()
        return pos
    }

    /// The next byte after white space, without consuming it (0 at the end).
    @inline(__always) mutating func peek() -> UInt8 {
        skipSpace()
        return pos < buf.count ? buf[pos] : 0
    }

    /// What is at the cursor, for "found ..." (`c` is the byte there, 0 at the end).
    func describe(_ c: UInt8) -> Words { found(at: pos) }

    /// What is at `p`: the end of the file, a word (`hello`), a character or a byte.
    func found(at p: Int) -> Words {
        guard p < buf.count else { return .k(.pjFoundEnd) }
        let c = buf[p]
        func isWordByte(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x5F }
        if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A {
            var e = p
            while e < buf.count, e - p < 24, isWordByte(buf[e]) { e += 1 }
            if e - p > 1 { return .k(.pjFoundWord, .text(String(decoding: UnsafeBufferPointer(rebasing: buf[p..<e]), as: UTF8.self))) }
        }
        if c >= 0x20 && c < 0x7F { return .k(.pjFoundChar, .text(String(Character(Unicode.Scalar(c))))) }
        if c >= 0xC2 && c <= 0xF4 {
            let n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            if p + n <= buf.count, let ch = JSONScanner.validString(UnsafeBufferPointer(rebasing: buf[p..<(p + n)])) {
                return .k(.pjFoundChar, .text(ch))
            }
        }
        return .k(.pjFoundByte, .text(String(c, radix: 16)))
    }

    mutating func expect(_ c: UInt8, _ what: @autoclosure () -> Words) throws {
        let got = peek()
        guard got == c, pos < buf.count else { throw SyntaxError(offset: pos, .k(.pjExpectedFound, what(), describe(got))) }
        pos += 1
    }

    /// Consumes `c` if it is next.
    @inline(__always) mutating func take(_ c: UInt8) -> Bool {
        if peek() == c && pos < buf.count { pos += 1; return true }
        return false
    }

    /// Eight bytes from `offset` (which must leave eight in the buffer), first byte lowest.
    @inline(__always) func word(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(buf.baseAddress.unsafelyUnwrapped + offset).loadUnaligned(as: UInt64.self))
    }

    /// The offset of the first '"', '\\' or control byte at or after `from`, scanning eight
    /// bytes at a time; `buf.count` when there is none. (SWAR: a byte b is flagged when
    /// b ^ '"', b ^ '\\' or b itself is below the threshold; borrows can only flag bytes
    /// above the first true match, so the lowest flag is exact.)
    @inline(__always) func stringStop(from: Int) -> Int {
        var p = from
        let n = buf.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while p + 8 <= n {
            let w = word(p)
            let q = w ^ 0x2222_2222_2222_2222
            let b = w ^ 0x5C5C_5C5C_5C5C_5C5C
            let m = ((q &- ones) & ~q | (b &- ones) & ~b | (w &- 0x2020_2020_2020_2020) & ~w) & highs
            if m != 0 { return p + m.trailingZeroBitCount >> 3 }
            p += 8
        }
        while p < n {
            let c = buf[p]
            if c == 0x22 || c == 0x5C || c < 0x20 { return p }
            p += 1
        }
        return n
    }

    /// Reads a string's raw byte range when it has no escapes; nil range with the decoded
    /// bytes otherwise. The caller is at the opening quote.
    mutating func stringBytes() throws -> (range: Range<Int>?, decoded: [UInt8]) {
        let start = pos
        guard peek() == 0x22 else { throw SyntaxError(offset: pos, .k(.pjExpectedFound, .k(.pjFoundString), describe(peek()))) }
        pos += 1
        let contentStart = pos
        pos = stringStop(from: pos)
        while pos < buf.count {
            let c = buf[pos]
            if c == 0x22 { pos += 1; return (contentStart..<(pos - 1), []) }
            if c == 0x5C { break }
            if c < 0x20 { throw SyntaxError(offset: pos, .k(.pjControlInString, .text((c < 16 ? "0" : "") + String(c, radix: 16)))) }
            pos += 1
        }
        guard pos < buf.count else { throw SyntaxError(offset: start, .k(.pjStringNotClosed)) }
        // Slow path: escapes.
        var out = Array(buf[contentStart..<pos])
        while pos < buf.count {
            let c = buf[pos]
            if c == 0x22 { pos += 1; return (nil, out) }
            if c < 0x20 { throw SyntaxError(offset: pos, .k(.pjControlChar)) }
            if c != 0x5C { out.append(c); pos += 1; continue }
            pos += 1
            guard pos < buf.count else { break }
            let e = buf[pos]
            pos += 1
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard pos + 1 < buf.count, buf[pos] == 0x5C, buf[pos + 1] == 0x75 else {
                        throw SyntaxError(offset: pos, .k(.pjUnpairedSurrogate, .text(String(scalar, radix: 16))))
                    }
                    pos += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw SyntaxError(offset: pos - 6, .k(.pjUnpairedSurrogate, .text(String(scalar, radix: 16))))
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw SyntaxError(offset: pos - 6, .k(.pjUnpairedSurrogate, .text(String(scalar, radix: 16))))
                }
                guard let u = Unicode.Scalar(scalar) else { throw SyntaxError(offset: pos - 6, .k(.pjBadUEscape)) }
                out.append(contentsOf: UTF8.encode(u).map { Array($0) } ?? [])
            default:
                throw SyntaxError(offset: pos - 2, .k(.pjBadEscape, .text(String(Character(Unicode.Scalar(e))))))
            }
        }
        throw SyntaxError(offset: start, .k(.pjStringNotClosed))
    }

    private mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= buf.count else { throw SyntaxError(offset: pos, .k(.pjHex4)) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = buf[pos]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw SyntaxError(offset: pos, .k(.pjHex4))
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    /// A string value, UTF-8 validated.
    mutating func string() throws -> String {
        let start = pos
        let (range, decoded) = try stringBytes()
        let s: String?
        if let range {
            s = JSONScanner.validString(UnsafeBufferPointer(rebasing: buf[range]))
        } else {
            s = decoded.withUnsafeBufferPointer { JSONScanner.validString($0) }
        }
        guard let s else { throw SyntaxError(offset: start, .k(.pjBadUTF8String)) }
        return s
    }

    /// The bytes as a String, or nil when they are not valid UTF-8. Same verdict as
    /// `String(validating:as:)`, which is generic over the encoding and, unspecialised,
    /// spent more time looking up type metadata than validating. `String(decoding:)`
    /// takes the stdlib's specialised UTF-8 path and repairs bad input with U+FFFD; a
    /// repair always changes the bytes (the replacement is itself valid UTF-8, so it
    /// cannot stand where invalid bytes were), so comparing the result finds it.
    @inline(__always)
    static func validString(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: b, as: UTF8.self)
        let same = s.withUTF8 { u in
            u.count == b.count && (b.count == 0 || memcmp(u.baseAddress!, b.baseAddress!, b.count) == 0)
        }
        return same ? s : nil
    }

    /// A whole number of up to 18 digits at the cursor (after white space), with where it
    /// ends; nil when the number is anything else (sign, fraction, exponent, leading zero,
    /// more digits), which `numberText` then reads and judges. Does not move the cursor.
    @inline(__always) mutating func plainInt() -> (Int, Int)? {
        skipSpace()
        var p = pos
        var v = 0
        while p < buf.count, p - pos < 19 {
            let d = buf[p] &- 0x30
            if d > 9 { break }
            v = v &* 10 &+ Int(d)
            p += 1
        }
        let n = p - pos
        guard n > 0, n <= 18, n == 1 || buf[pos] != 0x30 else { return nil }
        if p < buf.count {
            let c = buf[p]
            if c == 0x2E || c == 0x65 || c == 0x45 { return nil }
        }
        return (v, p)
    }

    /// A number's text, checked against JSON's grammar.
    mutating func numberText() throws -> String {
        skipSpace()
        let start = pos
        if pos < buf.count, buf[pos] == 0x2D { pos += 1 }
        func digits() -> Int {
            let s = pos
            while pos < buf.count, buf[pos] >= 0x30, buf[pos] <= 0x39 { pos += 1 }
            return pos - s
        }
        let intDigits = digits()
        guard intDigits > 0 else { throw SyntaxError(offset: start, .k(.pjExpectedFound, .k(.pjWhatValue), describe(pos < buf.count ? buf[pos] : 0))) }
        if intDigits > 1, buf[pos - intDigits] == 0x30 { throw SyntaxError(offset: start, .k(.pjLeadingZero)) }
        if pos < buf.count, buf[pos] == 0x2E {
            pos += 1
            guard digits() > 0 else { throw SyntaxError(offset: pos, .k(.pjDigitsAfterPoint)) }
        }
        if pos < buf.count, buf[pos] == 0x65 || buf[pos] == 0x45 {
            pos += 1
            if pos < buf.count, buf[pos] == 0x2B || buf[pos] == 0x2D { pos += 1 }
            guard digits() > 0 else { throw SyntaxError(offset: pos, .k(.pjDigitsInExponent)) }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        guard pos + n <= buf.count, buf[pos..<(pos + n)].elementsEqual(w) else {
            throw SyntaxError(offset: pos, .k(.pjExpectedFound, .k(.pjWhatValue), describe(0)))
        }
        pos += n
    }

    /// Any value, kept as it was (for keys the program does not know).
    mutating func value(depth: Int = 0) throws -> JSONValue {
        guard depth < 512 else { throw SyntaxError(offset: pos, .k(.pjTooDeep)) }
        switch peek() {
        case 0x22: return .string(try string())
        case 0x7B:
            pos += 1
            var fields: [JSONField] = []
            if take(0x7D) { return .object(fields) }
            var keyAt: [Int] = []
            var index: [String: Int] = [:]
            repeat {
                let at = here()
                let k = try string()
                try expect(0x3A, .k(.pjWhatColon))
                // A key given twice is recorded (its first value would be lost on save).
                if fields.count < 16 {
                    if let j = fields.firstIndex(where: { $0.key == k }) { duplicates.append((at, keyAt[j], k)) }
                } else {
                    if index.isEmpty { for (j, f) in fields.enumerated() where index[f.key] == nil { index[f.key] = j } }
                    if let j = index[k] { duplicates.append((at, keyAt[j], k)) } else { index[k] = fields.count }
                }
                keyAt.append(at)
                fields.append(JSONField(k, try value(depth: depth + 1)))
            } while take(0x2C)
            try expect(0x7D, .k(.pjWhatCommaBrace))
            return .object(fields)
        case 0x5B:
            pos += 1
            var items: [JSONValue] = []
            if take(0x5D) { return .array(items) }
            repeat { items.append(try value(depth: depth + 1)) } while take(0x2C)
            try expect(0x5D, .k(.pjWhatCommaBracket))
            return .array(items)
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        case 0:
            if pos >= buf.count { throw SyntaxError(offset: pos, .k(.pjExpectedFound, .k(.pjWhatValue), .k(.pjFoundEnd))) }
            throw SyntaxError(offset: pos, .k(.pjExpectedFound, .k(.pjWhatValue), .k(.pjFoundByte, .text("0"))))
        default: return .number(try numberText())
        }
    }

    /// Whether the key at `range` equals the literal.
    @inline(__always) func keyIs(_ range: Range<Int>, _ lit: StaticString) -> Bool {
        let n = lit.utf8CodeUnitCount
        guard range.count == n else { return false }
        let p = lit.utf8Start
        var i = 0
        while i < n {
            if buf[range.lowerBound + i] != p[i] { return false }
            i += 1
        }
        return true
    }

    /// Line and column (both from 1; the column counts characters) of a byte offset.
    func lineColumn(of offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, buf.count)
        var i = 0
        while i < end {
            if buf[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        var col = 1
        i = lineStart
        while i < end {
            if buf[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return (line, col)
    }
}
