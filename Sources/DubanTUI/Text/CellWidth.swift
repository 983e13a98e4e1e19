import DubanCore

/// Display widths in terminal cells, as every widget counts them. The measure itself
/// is the core's `DisplayWidth` (the C library's `wcwidth` under a UTF-8 locale, the
/// same table tmux and ncursesw use), so the dashboard and the reports never disagree.
public enum CellWidth {
    /// Sets the locale from the environment, falling back to C.UTF-8 when its codeset
    /// is not UTF-8. Must run before `initscr` and before any width is measured.
    @discardableResult
    public static func setUpLocale() -> Bool {
        if let r = localeResult { return r }
        let r = DisplayWidth.prepareLocale()
        localeResult = r
        return r
    }

    private static var localeResult: Bool?

    /// The width of one scalar: `DisplayWidth.of`, the one definition (a control or an
    /// invisible format character counts as its placeholder).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        setUpLocale()
        return DisplayWidth.of(scalar)
    }

    /// The width of a character (a grapheme cluster): `DisplayWidth.of`.
    public static func of(_ c: Character) -> Int {
        setUpLocale()
        return DisplayWidth.of(c)
    }

    /// The width of a string as the screen shows it (after `Display.units`).
    public static func of(_ s: String) -> Int {
        // All plain scalars (nearly every name and label): each is a character of its own.
        var n = 0
        for u in s.unicodeScalars {
            let v = u.value
            guard DisplayUnitIterator.isPlain(v) else { return unitsWidth(s) }
            n += plainWidth(u)
        }
        return n
    }

    static func unitsWidth(_ s: String) -> Int {
        var n = 0
        var it = DisplayUnitIterator(s)
        while let u = it.next() { n += u.width }
        return n
    }

    /// The width of a plain scalar (`DisplayUnitIterator.isPlain`). Han ideographs and
    /// full-width forms take two cells in glibc's table and in `DisplayWidth`'s fallback
    /// alike (pinned in `UnitTests`), so they skip the call to `wcwidth`.
    @inline(__always)
    static func plainWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x7F { return 1 }
        if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xFF01 && v <= 0xFF60) { return 2 }
        return of(u)
    }
}

/// One thing drawn: a printable character with its width, or a visible placeholder
/// standing for a control character, an escape or an invisible format character.
/// Its glyph is four bytes (see `Glyph`), so making units allocates nothing per unit.
public struct DisplayUnit: Equatable {
    public var glyph: Glyph
    public var width: Int
    public var isPlaceholder: Bool

    public init(glyph: Glyph, width: Int, isPlaceholder: Bool) {
        self.glyph = glyph; self.width = width; self.isPlaceholder = isPlaceholder
    }

    public init(text: String, width: Int, isPlaceholder: Bool) {
        self.init(glyph: Glyph(text), width: width, isPlaceholder: isPlaceholder)
    }

    public var text: String { glyph.string }
}

/// The display units of a string, one at a time, without building an array: what
/// `Display.units` returns, and what `Canvas.text` writes straight into cells.
///
/// Characters are grapheme clusters, as Swift's `Character`, but the common case does
/// not ask Swift to find the boundary: between two scalars that have no grapheme
/// property (`Grapheme_Cluster_Break=Other`: printable ASCII and Latin, Han, CJK and
/// general punctuation, full-width forms, box drawing, arrows and other symbols) there
/// is always a boundary, so such a scalar followed by another such scalar is a
/// character of its own. Anything else (combining marks, joiners, controls, Hangul
/// jamo, regional indicators, emoji) goes through `String.index(after:)`.
public struct DisplayUnitIterator: IteratorProtocol {
    private let string: String
    private let scalars: String.UnicodeScalarView
    private var i: String.Index
    /// A unit that a following zero-width character may still join.
    private var held: DisplayUnit?
    /// Units ready to return (placeholder pieces), in order, from `queueAt`.
    private var queue: [DisplayUnit] = []
    private var queueAt = 0

    public init(_ s: String) {
        string = s
        scalars = s.unicodeScalars
        i = scalars.startIndex
    }

    /// Scalars that never join a neighbour into one grapheme cluster, are not controls
    /// or invisible format characters, and take at least one cell.
    @inline(__always)
    static func isPlain(_ v: UInt32) -> Bool {
        if v < 0x300 { return (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v != 0xAD) }
        if v >= 0x4E00 { return v <= 0x9FFF || (v >= 0xFF01 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) }
        if v >= 0x3400 { return v <= 0x4DBF }
        if v >= 0x3000 { return v <= 0x3029 || (v >= 0x3030 && v <= 0x303F) }
        if v >= 0x2100 { return v <= 0x27BF }
        return (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E)
    }

    public mutating func next() -> DisplayUnit? {
        while true {
            if queueAt < queue.count {
                let u = queue[queueAt]
                queueAt += 1
                if queueAt == queue.count { queue.removeAll(keepingCapacity: true); queueAt = 0 }
                return u
            }
            guard i < scalars.endIndex else {
                let h = held
                held = nil
                return h
            }
            let s = scalars[i]
            let v = s.value
            let j = scalars.index(after: i)
            if Self.isPlain(v) && (j == scalars.endIndex || Self.isPlain(scalars[j].value)) {
                // A character of one plain scalar.
                i = j
                let u = DisplayUnit(glyph: Glyph(s), width: CellWidth.plainWidth(s), isPlaceholder: false)
                if let h = held { held = u; return h }
                held = u
                continue
            }
            let k = string.index(after: i)
            let c = scalars[i..<k]
            i = k
            if let u = character(c) {
                if let h = held { held = u; return h }
                held = u
            }
        }
    }

    /// One character that is not a plain scalar: a unit to hold, or nil when it went
    /// into the queue (placeholders) or joined the held unit.
    private mutating func character(_ c: Substring.UnicodeScalarView) -> DisplayUnit? {
        guard let first = c.first else { return nil }
        let v = first.value
        let single = c.index(after: c.startIndex) == c.endIndex
        if single {
            if v >= 0x20 && v < 0x7F { return DisplayUnit(glyph: Glyph(first), width: 1, isPlaceholder: false) }
            if v == 0x09 { return DisplayUnit(glyph: .space, width: 1, isPlaceholder: false) }
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 {
                flush([DisplayUnit(glyph: Display.lineBreakGlyph, width: 1, isPlaceholder: true)])
                return nil
            }
        } else if v == 0x0D, c.count == 2, c.last?.value == 0x0A {
            flush([DisplayUnit(glyph: Display.lineBreakGlyph, width: 1, isPlaceholder: true)])
            return nil
        }
        if let p = Display.placeholder(scalars: c) {
            flush(Display.pieces(p))
            return nil
        }
        CellWidth.setUpLocale()
        var w = 0
        for s in c { w += DisplayWidth.of(s) }
        if w == 0 {
            // A lone combining mark or other zero-width character: attach it to the
            // previous unit so it never starts a cell of its own.
            if let h = held {
                held = DisplayUnit(glyph: h.glyph.appending(c), width: h.width, isPlaceholder: false)
            } else {
                flush(Display.pieces("<U+\(Display.hex(v))>"))
            }
            return nil
        }
        return DisplayUnit(glyph: Glyph(scalars: c), width: w, isPlaceholder: false)
    }

    /// Queues placeholder units after the held unit (which no later mark may join).
    private mutating func flush(_ units: [DisplayUnit]) {
        if let h = held { queue.append(h); held = nil }
        queue.append(contentsOf: units)
    }
}

public enum Display {
    /// How a line break inside a single-line field is shown.
    public static let lineBreakMark = TerminalText.lineBreakMark
    static let lineBreakGlyph = Glyph("↵")
    static let ellipsis = DisplayUnit(glyph: Glyph("…"), width: 1, isPlaceholder: false)

    /// Splits text into what the terminal will show. Nothing here can reach the
    /// terminal as a control: C0/C1 controls become `^X` or `<9B>`, ESC becomes `^[`,
    /// bidi and other invisible format characters `<U+202E>`, unprintable ones `�`.
    /// Tabs show as one space; line breaks as `↵` (wrapping handles them first where
    /// text is shown on several lines). A zero-width character joins the unit before
    /// it; with nothing to join it shows as `<U+0301>`, one cell per letter.
    public static func units(_ s: String) -> [DisplayUnit] {
        var out: [DisplayUnit] = []
        out.reserveCapacity(s.utf8.count)
        var it = DisplayUnitIterator(s)
        while let u = it.next() { out.append(u) }
        return out
    }

    /// The placeholder pieces (one per cell) for a character that must not reach the
    /// terminal as it is, or nil when it is safe.
    static func placeholder(for c: Character) -> [String]? {
        placeholder(scalars: c.unicodeScalars).map { Array($0).map(String.init) }
    }

    /// The placeholder text (one cell per letter, all ASCII) for a character given as
    /// its scalars, or nil when it is safe: `TerminalText.placeholder` of its first scalar
    /// that must not reach the terminal (the cleaner in DubanCore is the one definition).
    static func placeholder<S: Sequence>(scalars: S) -> String? where S.Element == Unicode.Scalar {
        for s in scalars {
            if let p = TerminalText.placeholder(s.value) { return p }
        }
        return nil
    }

    /// Placeholder text as units, one cell per (ASCII) letter.
    static func pieces(_ text: String) -> [DisplayUnit] {
        text.unicodeScalars.map { DisplayUnit(glyph: Glyph($0), width: 1, isPlaceholder: true) }
    }

    /// A code point as the `<U+0301>` placeholder writes it (`TerminalText.codePoint`).
    static func hex(_ v: UInt32) -> String { TerminalText.codePoint(v) }

    /// The units that fit in `width` cells; when the text is longer it is cut at a
    /// character boundary and ends with `…`.
    public static func fit(_ units: [DisplayUnit], width: Int) -> [DisplayUnit] {
        guard width > 0 else { return [] }
        var total = 0
        for u in units { total += u.width }
        if total <= width { return units }
        var out: [DisplayUnit] = []
        var used = 0
        for u in units {
            if used + u.width > width - 1 { break }
            out.append(u); used += u.width
        }
        out.append(ellipsis)
        return out
    }

    /// The string fitted to `width` cells (`…` when cut).
    public static func fit(_ s: String, width: Int) -> String {
        var out = ""
        for u in fit(units(s), width: width) { u.glyph.append(to: &out) }
        return out
    }

    /// Text wrapped to lines of at most `width` cells. Line breaks in the text start
    /// new lines; lines break between characters (Chinese has no spaces), preferring a
    /// space when an ASCII word would be split.
    public static func wrap(_ s: String, width: Int) -> [[DisplayUnit]] {
        // One wrapper (LazyWrap: LineBreaking's rules, 避头尾) for every text.
        LazyWrap(s, width: width).allLines
    }

    /// The text between line breaks (`\n`, `\r\n`, `\r`, U+2028, U+2029). Each of these
    /// is a grapheme cluster of its own (controls break on both sides), so looking at
    /// scalars finds the same places as looking at characters.
    static func paragraphs(_ s: String) -> [String] {
        var out: [String] = []
        let us = s.unicodeScalars
        var start = us.startIndex
        var i = start
        while i < us.endIndex {
            let v = us[i].value
            let j = us.index(after: i)
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 {
                out.append(String(us[start..<i]))
                i = (v == 0x0D && j < us.endIndex && us[j].value == 0x0A) ? us.index(after: j) : j
                start = i
            } else {
                i = j
            }
        }
        out.append(String(us[start..<us.endIndex]))
        return out
    }
}
