#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// glibc's wcwidth; the Glibc module hides it unless _XOPEN_SOURCE is defined.
@_silgen_name("wcwidth")
func c_wcwidth(_ c: Int32) -> Int32

/// Display cells, the only measure of text on a terminal: a Han character takes two,
/// a combining mark none. Uses the C library's `wcwidth` (the table tmux and ncursesw
/// use here), so the process must run under a UTF-8 locale: call `prepareLocale()`
/// once at start-up.
public enum DisplayWidth {
    /// Sets the locale from the environment and falls back to C.UTF-8 when the
    /// environment's codeset is not UTF-8. Returns whether a UTF-8 locale is in force.
    @discardableResult
    public static func prepareLocale() -> Bool {
        _ = setlocale(LC_ALL, "")
        if isUTF8() { return true }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        if isUTF8() { return true }
        _ = setlocale(LC_CTYPE, "C.utf8")
        return isUTF8()
    }

    static func isUTF8() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Cells of one scalar as a terminal shows it after `TerminalText` on one line: the C
    /// library's `wcwidth` for every printable scalar (0, 1 or 2), and for the scalars the
    /// cleaner replaces, the width of what it shows instead: a tab one (a space), a line
    /// break one (`↵`), a control or an invisible format character its placeholder's
    /// (`^[` 2, `<9B>` 4, `<U+202E>` 8). The dashboard's `CellWidth` calls this; it is the
    /// one definition (`WidthAgreementTests`).
    @inline(__always)
    public static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0x09 || v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 { return 1 }
        if let p = TerminalText.placeholderWidth(v) { return p }
        let w = Int(c_wcwidth(Int32(bitPattern: v)))
        if w >= 0 { return w }
        // Not printable per the locale: a wide CJK scalar still takes two cells.
        return isWideFallback(v) ? 2 : 1
    }

    /// Cells of a string as `TerminalText.clean(s)` shows it on one line (CR LF is one `↵`).
    public static func of(_ s: String) -> Int {
        var n = 0
        var afterCR = false
        for u in s.unicodeScalars {
            if afterCR && u.value == 0x0A { afterCR = false; continue }
            afterCR = u.value == 0x0D
            n += of(u)
        }
        return n
    }

    public static func of(_ c: Character) -> Int {
        if c == "\r\n" { return 1 }
        var n = 0
        for u in c.unicodeScalars { n += of(u) }
        return n
    }

    /// `isWideFallback`, for the width tests of other modules.
    public static func isWideFallbackForTests(_ v: UInt32) -> Bool { isWideFallback(v) }

    /// The blocks that are wide in every East Asian Width table, for a C library that
    /// does not know a scalar.
    static func isWideFallback(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// The longest prefix that fits in `width` cells, ending with `ellipsis` when cut.
    /// Never splits a character.
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let ew = of(ellipsis)
        let room = max(0, width - ew)
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        return ew <= width ? out + ellipsis : out
    }

    /// Pads with spaces to exactly `width` cells (after truncating if longer).
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        let t = truncate(s, to: width)
        let gap = max(0, width - of(t))
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + t : t + spaces
    }
}
