/// One line of the notice. `text` is the line as printed without its edges;
/// `folded` is the same characters with full-width punctuation, digits and
/// letters folded to ASCII, character for character, so an index into one is
/// an index into the other.
struct SourceLine: Sendable {
    /// 1-based.
    let number: Int
    /// 1-based column (in characters) of the first printed character.
    let column: Int
    let text: [Character]
    let folded: [Character]
    /// The line holds nothing at all.
    let isEmpty: Bool
    /// The line holds only spaces (a table's empty cell written as a line of spaces).
    var isSpaceOnly: Bool { !isEmpty && text.isEmpty }
    var isBlank: Bool { text.isEmpty }

    var string: String { String(text) }
    var foldedString: String { String(folded) }
}

enum Lines {
    /// Splits on LF, CRLF, CR, U+2028 and U+2029; trims spaces (ASCII, ideographic, no-break) at both ends.
    static func split(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var current: [Character] = []
        var number = 1
        func flush() {
            out.append(make(number: number, raw: current))
            number += 1
            current.removeAll(keepingCapacity: true)
        }
        for ch in text {
            if ch == "\n" || ch == "\r\n" || ch == "\r" || ch == "\u{2028}" || ch == "\u{2029}" || ch == "\u{0B}" || ch == "\u{0C}" {
                flush()
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { flush() }
        return out
    }

    static func make(number: Int, raw: [Character]) -> SourceLine {
        var start = 0
        var end = raw.count
        while start < end, isSpace(raw[start]) { start += 1 }
        while end > start, isSpace(raw[end - 1]) { end -= 1 }
        let text = Array(raw[start..<end])
        return SourceLine(number: number, column: start + 1, text: text, folded: text.map(fold),
                          isEmpty: raw.isEmpty)
    }

    static func isSpace(_ c: Character) -> Bool {
        switch c {
        case " ", "\t", "\u{3000}", "\u{A0}", "\u{FEFF}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{200B}", "\u{202F}": return true
        default: return false
        }
    }

    /// Full-width ASCII (U+FF01...U+FF5E) to ASCII; ideographic and no-break spaces to a space;
    /// a few look-alike brackets and stops to their ASCII forms.
    static func fold(_ c: Character) -> Character {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return c }
        let v = s.value
        if v >= 0xFF01 && v <= 0xFF5E, let a = Unicode.Scalar(v - 0xFEE0) { return Character(a) }
        switch v {
        case 0x3000, 0xA0, 0x2002, 0x2003, 0x2009, 0x202F: return " "
        case 0xFE59: return "("   // ﹙
        case 0xFE5A: return ")"
        case 0xFE50, 0xFE51: return ","
        case 0xFE54: return ";"
        case 0xFE55: return ":"
        case 0x2474...0x2487: return c // ⑴...⒇ stay
        default: return c
        }
    }

    static func fold(_ s: String) -> String { String(s.map(fold)) }
}

extension Array where Element == Character {
    func hasPrefix(_ p: String) -> Bool {
        var i = 0
        for ch in p {
            guard i < count, self[i] == ch else { return false }
            i += 1
        }
        return true
    }

    func hasSuffix(_ p: String) -> Bool {
        let pc = Array(p)
        guard pc.count <= count else { return false }
        return Array(self[(count - pc.count)...]) == pc
    }

    func firstIndex(of p: String, from start: Int = 0) -> Int? {
        let pc = Array(p)
        guard !pc.isEmpty, pc.count <= count else { return nil }
        var i = Swift.max(0, start)
        while i + pc.count <= count {
            if self[i] == pc[0] {
                var ok = true
                var k = 1
                while k < pc.count { if self[i + k] != pc[k] { ok = false; break }; k += 1 }
                if ok { return i }
            }
            i += 1
        }
        return nil
    }

    func contains(_ p: String) -> Bool { firstIndex(of: p) != nil }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isHan: Bool {
        guard let s = unicodeScalars.first else { return false }
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FA1F).contains(v) || (0xF900...0xFAFF).contains(v)
    }
}

extension String {
    /// Trims spaces (ASCII, ideographic, no-break) and the given extra characters at both ends.
    func trimmed(extra: Set<Character> = []) -> String {
        let cs = Array(self)
        var a = 0, b = cs.count
        while a < b, Lines.isSpace(cs[a]) || cs[a] == "\n" || cs[a] == "\r" || extra.contains(cs[a]) { a += 1 }
        while b > a, Lines.isSpace(cs[b - 1]) || cs[b - 1] == "\n" || cs[b - 1] == "\r" || extra.contains(cs[b - 1]) { b -= 1 }
        return String(cs[a..<b])
    }

    /// Removes every space inside the string (for numbers split by spaces and unit names).
    var withoutSpaces: String { String(filter { !Lines.isSpace($0) }) }
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
