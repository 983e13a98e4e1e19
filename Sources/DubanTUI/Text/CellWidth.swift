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

    /// The width of one printable scalar (controls are replaced before measuring).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        setUpLocale()
        return DisplayWidth.of(scalar)
    }

    /// The width of a printable character (a grapheme cluster).
    public static func of(_ c: Character) -> Int {
        if let a = c.asciiValue, a >= 0x20, a < 0x7F { return 1 }
        setUpLocale()
        return DisplayWidth.of(c)
    }

    /// The width of a string as the screen shows it (after `Display.units`).
    public static func of(_ s: String) -> Int {
        var n = 0
        for u in Display.units(s) { n += u.width }
        return n
    }
}

/// One thing drawn: a printable character with its width, or a visible placeholder
/// standing for a control character, an escape or an invisible format character.
public struct DisplayUnit: Equatable {
    public var text: String
    public var width: Int
    public var isPlaceholder: Bool
}

public enum Display {
    /// How a line break inside a single-line field is shown.
    public static let lineBreakMark = "↵"

    /// Splits text into what the terminal will show. Nothing here can reach the
    /// terminal as a control: C0/C1 controls become `^X` or `<9B>`, ESC becomes `^[`,
    /// bidi and other invisible format characters `<U+202E>`, unprintable ones `�`.
    /// Tabs show as one space; line breaks as `↵` (wrapping handles them first where
    /// text is shown on several lines).
    public static func units(_ s: String) -> [DisplayUnit] {
        var out: [DisplayUnit] = []
        out.reserveCapacity(s.utf8.count)
        for c in s {
            // Fast path: printable ASCII.
            if let a = c.asciiValue, a >= 0x20, a < 0x7F {
                out.append(DisplayUnit(text: String(c), width: 1, isPlaceholder: false)); continue
            }
            if c == "\t" { out.append(DisplayUnit(text: " ", width: 1, isPlaceholder: false)); continue }
            if c == "\n" || c == "\r\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" {
                out.append(DisplayUnit(text: lineBreakMark, width: 1, isPlaceholder: true)); continue
            }
            if let p = placeholder(for: c) {
                for piece in p { out.append(DisplayUnit(text: piece, width: CellWidth.of(Character(piece)) == 2 ? 2 : 1, isPlaceholder: true)) }
                continue
            }
            let w = CellWidth.of(c)
            if w == 0 {
                // A lone combining mark or other zero-width character: attach it to the
                // previous unit so it never starts a cell of its own.
                if let last = out.indices.last, !out[last].isPlaceholder {
                    out[last].text += String(c)
                } else {
                    out.append(DisplayUnit(text: "<U+\(hex(c.unicodeScalars.first?.value ?? 0))>", width: 0, isPlaceholder: true))
                    out[out.count - 1].width = out[out.count - 1].text.count
                }
                continue
            }
            out.append(DisplayUnit(text: String(c), width: w, isPlaceholder: false))
        }
        return out
    }

    /// The placeholder pieces (one per cell) for a character that must not reach the
    /// terminal as it is, or nil when it is safe.
    static func placeholder(for c: Character) -> [String]? {
        for s in c.unicodeScalars {
            let v = s.value
            if v == 0x1B { return ["^", "["] }
            if v < 0x20 { return ["^", String(UnicodeScalar(UInt8(v + 0x40)))] }
            if v == 0x7F { return ["^", "?"] }
            if v >= 0x80 && v < 0xA0 { return Array("<\(hex(v))>").map(String.init) }
            if isInvisibleFormat(v) { return Array("<U+\(hex(v))>").map(String.init) }
        }
        return nil
    }

    /// Bidi controls, zero-width joiners used alone, and similar characters that would
    /// make a line look different from what it is.
    static func isInvisibleFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2060...0x2064, 0xFFF9...0xFFFB, 0x061C:
            return true
        default:
            return false
        }
    }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count < 2 ? "0" + s : (s.count == 3 ? "0" + s : s)
    }

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
        out.append(DisplayUnit(text: "…", width: 1, isPlaceholder: false))
        return out
    }

    /// The string fitted to `width` cells (`…` when cut).
    public static func fit(_ s: String, width: Int) -> String {
        fit(units(s), width: width).map(\.text).joined()
    }

    /// Text wrapped to lines of at most `width` cells. Line breaks in the text start
    /// new lines; lines break between characters (Chinese has no spaces), preferring a
    /// space when an ASCII word would be split.
    public static func wrap(_ s: String, width: Int) -> [[DisplayUnit]] {
        guard width > 0 else { return [] }
        var lines: [[DisplayUnit]] = []
        for para in paragraphs(s) {
            let us = units(para)
            if us.isEmpty { lines.append([]); continue }
            var line: [DisplayUnit] = []
            var used = 0
            var lastSpace: Int? = nil
            for u in us {
                if used + u.width > width {
                    if let sp = lastSpace, sp > 0, u.text != " " {
                        let rest = Array(line[(sp + 1)...])
                        lines.append(Array(line[..<sp]))
                        line = rest
                        used = rest.reduce(0) { $0 + $1.width }
                    } else {
                        lines.append(line); line = []; used = 0
                    }
                    lastSpace = nil
                    if u.text == " " && line.isEmpty { continue }
                }
                if u.text == " " { lastSpace = line.count }
                else if u.width == 2 { lastSpace = nil }
                line.append(u); used += u.width
            }
            lines.append(line)
        }
        return lines
    }

    static func paragraphs(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for c in s {
            if c == "\n" || c == "\r\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" { out.append(cur); cur = "" }
            else { cur.append(c) }
        }
        out.append(cur)
        return out
    }
}
