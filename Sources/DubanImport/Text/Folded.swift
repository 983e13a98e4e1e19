import DubanCore

/// The characters of a line (or of a cell, a value, a pattern) as the recognisers read them.
///
/// The text layer keeps a notice's characters in its own four-byte form (`Ch`, Lines.swift),
/// the speed trick that makes comparing two characters comparing two integers. Everything
/// outside `Text/` reads characters through this value instead, with the predicates and cuts
/// a rule needs (starts with a label, ends like a unit, cut at a stop, the words between two
/// brackets, ...), so a rule reads as a rule and the character type can change in one place.
///
/// Positions are 0-based counts of characters, and a cut (`f[a..<b]`) counts from 0 again.
/// `Form` says how the characters were made from a string: `Folded` (full-width punctuation,
/// digits and letters folded to ASCII, character for character: an index into a line's folded
/// characters is an index into its printed ones) or `Printed` (as written). A string literal
/// is a pattern, its characters as written.
struct Chars<Form: CharsForm>: Hashable, Sendable, Sequence, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The characters. Only the text layer reads them.
    let chars: ArraySlice<Ch>

    @inline(__always) init(chars: ArraySlice<Ch>) { self.chars = chars }
    @inline(__always) init(_ chars: [Ch]) { self.chars = chars[...] }
    /// The characters of a string, made in this form (folded for `Folded`).
    init(_ s: String) { chars = Form.chars(of: s)[...] }
    /// The characters of a string as they are, not folded again (joined pieces of folded text).
    init(asIs s: String) { chars = Ch.array(s)[...] }
    init(stringLiteral s: String) { chars = Ch.array(s)[...] }
    /// The same characters, taken in this form (folded characters kept where printed ones are wanted).
    init<G>(sameCharacters other: Chars<G>) { chars = other.chars }

    @inline(__always) var count: Int { chars.count }
    @inline(__always) var isEmpty: Bool { chars.isEmpty }
    var indices: Range<Int> { 0..<chars.count }
    var first: Ch? { chars.first }
    var last: Ch? { chars.last }

    @inline(__always) subscript(i: Int) -> Ch { chars[chars.startIndex + i] }
    @inline(__always) subscript(r: Range<Int>) -> Chars {
        let b = chars.startIndex
        return Chars(chars: chars[(b + r.lowerBound)..<(b + r.upperBound)])
    }
    subscript(r: ClosedRange<Int>) -> Chars { self[r.lowerBound..<(r.upperBound + 1)] }
    subscript(r: PartialRangeFrom<Int>) -> Chars { self[r.lowerBound..<count] }
    subscript(r: PartialRangeUpTo<Int>) -> Chars { self[0..<r.upperBound] }

    /// The characters as printed.
    var string: String { String(self) }
    var description: String { string }

    func makeIterator() -> ArraySlice<Ch>.Iterator { chars.makeIterator() }
    var underestimatedCount: Int { chars.count }
    func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Ch>) throws -> R) rethrows -> R? {
        try chars.withContiguousStorageIfAvailable(body)
    }

    // MARK: cuts

    func prefix(_ n: Int) -> Chars { self[0..<Swift.min(Swift.max(0, n), count)] }
    func suffix(_ n: Int) -> Chars { self[Swift.max(0, count - n)..<count] }
    func dropFirst(_ n: Int = 1) -> Chars { self[Swift.min(Swift.max(0, n), count)..<count] }
    func dropLast(_ n: Int = 1) -> Chars { self[0..<Swift.max(0, count - n)] }

    /// Without spaces (and line breaks) at both ends nor the given extra characters.
    func trimmed(extra: CharSet = .none) -> Chars {
        var a = chars.startIndex, b = chars.endIndex
        @inline(__always) func drop(_ c: Ch) -> Bool { Lines.isSpace(c) || c == "\n" || c == "\r" || (!extra.isEmpty && extra.contains(c)) }
        while a < b, drop(chars[a]) { a += 1 }
        while b > a, drop(chars[b - 1]) { b -= 1 }
        return Chars(chars: chars[a..<b])
    }

    /// Every space removed (String.withoutSpaces; characters that meet where a space was
    /// taken out may combine, as they do in a string).
    var withoutSpaces: Chars {
        guard chars.contains(where: { Lines.isSpace($0) }) else { return self }
        return Chars(resegmented(chars.filter { !Lines.isSpace($0) }))
    }

    /// Without any of the given characters (joined again as a string would have them).
    func removing(_ set: CharSet) -> Chars {
        guard chars.contains(where: { set.contains($0) }) else { return self }
        return Chars(resegmented(chars.filter { !set.contains($0) }))
    }

    /// The characters that pass, in order (not joined again: a filter of the characters as they are).
    func keeping(where pred: (Ch) -> Bool) -> Chars { Chars(chars.filter(pred)) }

    /// Only the Han characters, in order (what a clause speaks of, its figures aside).
    var hanOnly: Chars { Chars(chars.filter { $0.isHan }) }

    /// The two runs one after the other.
    static func + (a: Chars, b: Chars) -> Chars {
        var out: [Ch] = []
        out.reserveCapacity(a.count + b.count)
        out.append(contentsOf: a.chars)
        out.append(contentsOf: b.chars)
        return Chars(out)
    }

    /// The pieces between the separators.
    func split(omittingEmpty: Bool = true, whereSeparator isSeparator: (Ch) -> Bool) -> [Chars] {
        chars.split(omittingEmptySubsequences: omittingEmpty, whereSeparator: isSeparator).map { Chars(chars: $0) }
    }

    func split(on set: CharSet, omittingEmpty: Bool = true) -> [Chars] { split(omittingEmpty: omittingEmpty) { set.contains($0) } }

    /// Whether a row line may hold several cells: a tab, or two spaces in a row.
    var mayHoldCells: Bool {
        var run = 0
        for c in chars {
            if c == "\t" { return true }
            if c == " " || c == "\u{3000}" { run += 1; if run >= 2 { return true } } else { run = 0 }
        }
        return false
    }

    /// The cells of a row line split by tabs, or by two or more spaces (ASCII or ideographic), each trimmed.
    var cells: [Chars] {
        if chars.contains(where: { $0 == "\t" }) {
            return split(omittingEmpty: false) { $0 == "\t" }.map { $0.trimmed() }
        }
        var cells: [Chars] = []
        var cur: [Ch] = []
        var spaces = 0
        for c in chars {
            if c == " " || c == "\u{3000}" { spaces += 1; continue }
            if spaces >= 2 { cells.append(Chars(cur)); cur = [] }
            else if spaces == 1 { cur.append(" ") }
            spaces = 0
            cur.append(c)
        }
        if !cur.isEmpty { cells.append(Chars(cur)) }
        return cells.map { $0.trimmed() }
    }

    /// The words between spaces: where each starts and ends.
    var wordRanges: [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < count {
            while i < count, self[i] == " " { i += 1 }
            let s = i
            while i < count, self[i] != " " { i += 1 }
            if i > s { out.append(s..<i) }
        }
        return out
    }

    // MARK: finding

    /// Whether `p` occurs at `start`.
    @inline(__always) func hasPrefix(_ p: Chars, at start: Int) -> Bool {
        guard start >= 0, p.count <= count - start else { return false }
        let b = chars.startIndex + start
        var k = 0
        while k < p.count { if chars[b + k] != p[k] { return false }; k += 1 }
        return true
    }

    @inline(__always) func hasPrefix(_ p: Chars) -> Bool { hasPrefix(p, at: 0) }
    @inline(__always) func hasSuffix(_ p: Chars) -> Bool { hasPrefix(p, at: count - p.count) }
    /// The first pattern of the list the characters start with.
    func prefix(among ps: [Chars]) -> Chars? { ps.first { hasPrefix($0) } }
    /// The first pattern of the list the characters end with.
    func suffix(among ps: [Chars]) -> Chars? { ps.first { hasSuffix($0) } }

    /// Where `p` first occurs at or after `start`.
    func firstIndex(of p: Chars, from start: Int = 0) -> Int? {
        guard let first = p.first, p.count <= count else { return nil }
        var i = Swift.max(0, start)
        while i + p.count <= count {
            if self[i] == first && hasPrefix(p, at: i) { return i }
            i += 1
        }
        return nil
    }

    func contains(_ p: Chars) -> Bool { firstIndex(of: p) != nil }

    func firstIndex(where pred: (Ch) -> Bool) -> Int? {
        var i = 0
        while i < count { if pred(self[i]) { return i }; i += 1 }
        return nil
    }

    func lastIndex(where pred: (Ch) -> Bool) -> Int? {
        var i = count - 1
        while i >= 0 { if pred(self[i]) { return i }; i -= 1 }
        return nil
    }

    /// Whether the UTF-8 of the string contains `p`'s (String.includes, without building the string).
    func includes(_ p: Chars) -> Bool { includes(form: p) }

    /// The same, for characters of another form (printed words in folded ones).
    func includes<G>(_ p: Chars<G>) -> Bool { includes(form: p) }

    private func includes<G>(form p: Chars<G>) -> Bool {
        if !isSimple || !p.isSimple { return string.includes(p.string) }
        guard let first = p.first else { return true }
        guard p.count <= count else { return false }
        var i = 0
        while i + p.count <= count {
            if self[i].v == first.v {
                var k = 1
                while k < p.count && self[i + k].v == p[k].v { k += 1 }
                if k == p.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The index after the run of spaces at `i`.
    func skippingSpaces(from i: Int) -> Int {
        var i = i
        while i < count, self[i] == " " { i += 1 }
        return i
    }

    /// The index after the run of ASCII digits at `i`.
    func skippingDigits(from i: Int) -> Int {
        var i = i
        while i < count, self[i].isASCIIDigit { i += 1 }
        return i
    }

    /// Whether every character is an ASCII digit (and there is one).
    var isDigits: Bool { !isEmpty && allSatisfy { $0.isASCIIDigit } }
    /// Whether any character is an ASCII digit.
    var hasDigit: Bool { contains { $0.isASCIIDigit } }

    /// Where the bracket that closes at `close` opens (brackets of the same kind nested
    /// inside counted), or nil.
    func openingBracket(ofCloseAt close: Int) -> Int? {
        let c = self[close]
        let open: Ch = c == ")" ? "(" : c == "】" ? "【" : c == "]" ? "[" : c == "）" ? "（" : c == "〕" ? "〔" : c
        var depth = 0
        var i = close
        while i >= 0 {
            if self[i] == c { depth += 1 } else if self[i] == open { depth -= 1; if depth == 0 { return i } }
            i -= 1
        }
        return nil
    }

    // MARK: what the text layer and the core read

    /// Every character a simple scalar (each is a character of its own; comparing is comparing scalars).
    var isSimple: Bool { !chars.contains(where: { $0.isExotic }) }

    /// Each character's comparison key (its scalar, or for an exotic one the scalar it is canonically
    /// equivalent to, else its class): equal exactly when the characters are. What the core's scanners
    /// (`DeadlineText`) and the alias table's stem lookup read.
    var scalarKeys: [UInt32] { chars.map(\.key) }

    /// The UTF-8 length of the characters, counted up to a little past `limit`.
    func utf8Count(limit: Int) -> Int {
        var n = 0
        for c in chars {
            if c.isExotic { n += String([c]).utf8.count }
            else { n += c.v < 0x80 ? 1 : c.v < 0x800 ? 2 : c.v < 0x10000 ? 3 : 4 }
            if n > limit { return n }
        }
        return n
    }
}

/// How a run of characters is made from a string.
protocol CharsForm { static func chars(of s: String) -> [Ch] }
/// Folded to ASCII where a full-width form has one (`Lines.fold`).
enum FoldedForm: CharsForm { static func chars(of s: String) -> [Ch] { Lines.foldedChs(s) } }
/// As written.
enum PrintedForm: CharsForm { static func chars(of s: String) -> [Ch] { Ch.array(s) } }

/// Folded characters: what the recognisers compare.
typealias Folded = Chars<FoldedForm>
/// Characters as printed: what a task keeps.
typealias Printed = Chars<PrintedForm>

extension Chars where Form == PrintedForm {
    /// The same characters folded (index for index).
    var folded: Folded { Folded(chars.map(Lines.fold)) }
}

/// A set of single characters: stops, brackets, marks. A literal lists its members.
/// Kept as a short list compared one by one: the sets hold a handful of characters, and
/// hashing each character of a line against a `Set` was 10% of importing the five seeds
/// (callgrind, issue 11 chtext).
struct CharSet: ExpressibleByStringLiteral, Sendable {
    /// Simple members by value; exotic ones (compared by key) apart.
    private let values: [UInt32]
    private let exotic: [Ch]
    init(stringLiteral s: String) { self.init(members: s.map { Exotics.shared.ch(for: $0) }) }
    init(_ characters: Set<Character>) { self.init(members: characters.map { Exotics.shared.ch(for: $0) }) }
    init(firstOf words: [String]) { self.init(members: words.compactMap { Ch.array($0).first }) }
    private init(members: [Ch]) {
        var v: [UInt32] = [], e: [Ch] = []
        for c in members {
            if c.isExotic { if !e.contains(c) { e.append(c) } } else if !v.contains(c.v) { v.append(c.v) }
        }
        values = v
        exotic = e
    }
    static let none: CharSet = ""
    @inline(__always) func contains(_ c: Ch) -> Bool {
        if !c.isExotic && exotic.isEmpty {
            for v in values where v == c.v { return true }
            return false
        }
        // Equality by canonical key: an exotic character may equal a simple one.
        for v in values where Ch(v: v) == c { return true }
        for e in exotic where e == c { return true }
        return false
    }
    var isEmpty: Bool { values.isEmpty && exotic.isEmpty }
    func union(_ o: CharSet) -> CharSet { CharSet(members: values.map { Ch(v: $0) } + exotic + o.values.map { Ch(v: $0) } + o.exotic) }
}

/// Words looked up where they stand in a text, by their first character: a label table, the
/// status words. In the order given (put the longer of two words that share a start first).
/// Each word carries a number (an index into the caller's own table): the table is not generic,
/// so its loop is never run through the runtime's generic copies (a generic table with a tuple
/// of word and value cost 7% of a 2 MB import in value-witness calls, callgrind, issue 11 chtext).
struct PhraseTable: Sendable {
    private let byFirst: [Ch: [(word: Folded, value: Int)]]
    /// The words' first characters.
    let firstCharacters: CharSet

    init(_ entries: [(String, Int)]) {
        var d: [Ch: [(word: Folded, value: Int)]] = [:]
        for (w, v) in entries {
            let p = Folded(asIs: w)
            if let f = p.first { d[f, default: []].append((p, v)) }
        }
        byFirst = d
        firstCharacters = CharSet(firstOf: entries.map(\.0))
    }

    /// Each word that stands at `i` of `f` with its number, in the table's order, until `body`
    /// says to stop (returns true).
    @inline(__always) func forEach(at i: Int, in f: Folded, _ body: (_ word: Folded, _ value: Int) -> Bool) {
        guard i >= 0, i < f.count, let ws = byFirst[f[i]] else { return }
        for w in ws where f.hasPrefix(w.word, at: i) {
            if body(w.word, w.value) { return }
        }
    }
}

extension Ch {
    /// The value of a Chinese digit (〇 零 一 二 两 三 … 九), as the core's deadline reader has it.
    @inline(__always) var chineseDigit: Int? { DeadlineText.cnDigit(key) }
    /// A Chinese digit, 十 or 百.
    @inline(__always) var isChineseNumeral: Bool { chineseDigit != nil || self == "十" || self == "百" }
    /// ⑴..⒇ (U+2474...U+2487): the number.
    var parenthesizedNumber: Int? {
        let s = firstScalarValue
        return (0x2474...0x2487).contains(s) ? Int(s - 0x2474 + 1) : nil
    }
    /// ①..⑳ (U+2460...U+2473): the number.
    var circledNumber: Int? {
        let s = firstScalarValue
        return (0x2460...0x2473).contains(s) ? Int(s - 0x2460 + 1) : nil
    }
}
