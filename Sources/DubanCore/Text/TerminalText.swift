/// The one cleaner for text that reaches a terminal: the dashboard's placeholders and every
/// line the command line prints (report tables and markdown, messages, warnings, problems)
/// come from here, so nothing in a plan or a notice can reach the terminal as a control.
///
/// The rule, one scalar at a time:
///
/// | scalar | shown as |
/// | --- | --- |
/// | C0 controls U+0000-U+001F (ESC is `^[`) | `^@` ... `^_` |
/// | DEL U+007F | `^?` |
/// | C1 controls U+0080-U+009F | `<80>` ... `<9F>` |
/// | invisible format characters (`isInvisibleFormat`: bidi marks, embeddings, overrides and isolates, zero-width space, word joiner, BOM, soft hyphen, tags, ...) | `<U+202E>` |
/// | a tab | one space on a line, kept in a message |
/// | a line break (LF, CR LF, CR, U+2028, U+2029) | `↵` on a line; a message keeps LF and shows a lone CR as `↵` |
///
/// Every placeholder is ASCII (one cell a letter), except `↵`. A Swift `String` cannot hold an
/// unpaired surrogate or a malformed byte: bytes are decoded with `�` (U+FFFD) in their place
/// (`clean(bytes:)`), and `�` is printable, so it passes.
public enum TerminalText {
    /// How line breaks and tabs are shown.
    public enum Mode: Sendable {
        /// A field on one line (a table cell, a name in a message): tabs become a space,
        /// line breaks `↵`.
        case line
        /// A message of several lines: LF and tabs stay; CR LF becomes LF; a lone CR (which
        /// would let a line overwrite itself) shows as `↵`; U+2028/U+2029 become LF.
        case lines
    }

    /// How a line break in a one-line field is shown.
    public static let lineBreakMark = "↵"

    /// The text made safe for a terminal. Returns `s` itself (no copy) when nothing changes.
    public static func clean(_ s: String, _ mode: Mode = .line) -> String {
        if isClean(s, mode) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        let us = s.unicodeScalars
        var i = us.startIndex
        while i < us.endIndex {
            let u = us[i]
            let v = u.value
            let j = us.index(after: i)
            switch v {
            case 0x0D:
                if j < us.endIndex && us[j].value == 0x0A {
                    out += mode == .lines ? "\n" : lineBreakMark
                    i = us.index(after: j)
                    continue
                }
                out += lineBreakMark
            case 0x0A, 0x2028, 0x2029:
                out += mode == .lines ? "\n" : lineBreakMark
            case 0x09:
                out += mode == .lines ? "\t" : " "
            default:
                if let p = placeholder(v) { out += p } else { out.unicodeScalars.append(u) }
            }
            i = j
        }
        return out
    }

    /// Bytes (a file's, a pipe's) as clean text: malformed UTF-8 becomes `�`.
    public static func clean(bytes: [UInt8], _ mode: Mode = .lines) -> String {
        clean(String(decoding: bytes, as: UTF8.self), mode)
    }

    /// Whether `clean` would return the text unchanged: the fast path for the common case.
    public static func isClean(_ s: String, _ mode: Mode = .line) -> Bool {
        for u in s.utf8 {
            // Any byte from 0x80 up may start a C1 or format character: look at scalars.
            if u >= 0x7F { return isCleanScalars(s, mode) }
            if u < 0x20 && !(mode == .lines && (u == 0x0A || u == 0x09)) { return false }
        }
        return true
    }

    static func isCleanScalars(_ s: String, _ mode: Mode) -> Bool {
        for u in s.unicodeScalars {
            let v = u.value
            if v == 0x0A || v == 0x09 { if mode == .lines { continue } else { return false } }
            if v == 0x2028 || v == 0x2029 { return false }
            if placeholder(v) != nil { return false }
        }
        return true
    }

    /// The placeholder for a scalar that must not reach a terminal as it is (tab and line
    /// breaks included: `^I`, `^J`, `^M`; `clean` handles those per mode first), or nil when
    /// the scalar is safe.
    @inline(__always)
    public static func placeholder(_ v: UInt32) -> String? {
        if v < 0x20 { return "^" + String(UnicodeScalar(UInt8(v + 0x40))) }
        if v < 0x7F { return nil }
        if v == 0x7F { return "^?" }
        if v < 0xA0 { return "<" + hex(v) + ">" }
        if isInvisibleFormat(v) { return "<U+" + codePoint(v) + ">" }
        return nil
    }

    /// The number of cells (all ASCII) of `placeholder(v)`, without making it.
    @inline(__always)
    public static func placeholderWidth(_ v: UInt32) -> Int? {
        if v < 0x20 || v == 0x7F { return 2 }
        if v < 0x7F { return nil }
        if v < 0xA0 { return 4 }
        if isInvisibleFormat(v) { return v > 0xFFFF ? 9 : 8 }
        return nil
    }

    /// Characters that draw nothing and would make a line look different from what it holds:
    /// every format character (General_Category Cf: the bidi marks U+200E/U+200F/U+061C,
    /// embeddings and overrides U+202A-U+202E, isolates U+2066-U+2069, the zero-width space,
    /// the word joiner and invisible operators U+2060-U+2064, the deprecated U+206A-U+206F,
    /// the BOM U+FEFF, the soft hyphen U+00AD, U+180E, interlinear annotation U+FFF9-U+FFFB,
    /// the tags U+E0001 and U+E0020-U+E007F, ...), and the unassigned U+2065 among them.
    /// Kept, because text needs them and they cannot hide or reorder anything: the joiners
    /// ZWNJ U+200C and ZWJ U+200D (emoji, Indic and Arabic scripts), and the prepended
    /// concatenation marks (U+0600-U+0605, U+06DD, U+070F, U+0890-U+0891, U+08E2, U+110BD,
    /// U+110CD), which are drawn.
    public static func isInvisibleFormat(_ v: UInt32) -> Bool {
        if v < 0xAD { return false }
        if v == 0xAD { return true }
        if v < 0x600 { return false }
        // No format character in these ranges (Han, kana, Hangul, most scripts): no lookup.
        if (v >= 0x900 && v < 0x180E) || (v >= 0x1810 && v < 0x200B) || (v >= 0x2070 && v < 0xFEFF) { return false }
        if v == 0x200C || v == 0x200D { return false }
        if (0x600...0x605).contains(v) || v == 0x6DD || v == 0x70F || v == 0x890 || v == 0x891 || v == 0x8E2
            || v == 0x110BD || v == 0x110CD { return false }
        if v == 0x2065 { return true }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.generalCategory == .format
    }

    /// Two hex digits for a C1 code: `9B`.
    public static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count < 2 ? "0" + s : s
    }

    /// A code point as U+ notation writes it, four digits or more: `00AD`, `202E`, `E0041`.
    public static func codePoint(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// JSON text with every scalar that `clean` would replace written as `\uXXXX` (a
    /// surrogate pair above U+FFFF), so JSON stays exact data and safe to show. Valid only on
    /// text whose such scalars are all inside strings, as in JSON whose structure is ASCII
    /// and whose C0 controls are escaped already.
    public static func escapingForJSON(_ json: String) -> String {
        if isClean(json, .lines) { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for u in json.unicodeScalars {
            let v = u.value
            if v >= 0x7F && (v == 0x2028 || v == 0x2029 || placeholder(v) != nil) {
                if v > 0xFFFF {
                    let w = v - 0x10000
                    out += "\\u" + hex4(0xD800 + (w >> 10)) + "\\u" + hex4(0xDC00 + (w & 0x3FF))
                } else {
                    out += "\\u" + hex4(v)
                }
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
