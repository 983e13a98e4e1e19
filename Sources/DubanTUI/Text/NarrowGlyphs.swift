/// For terminals that draw East Asian ambiguous-width characters (… ─ │ · “ ”) two cells
/// wide, as many Chinese terminal setups do (`--ambiguous-wide`, or `ambiguous-wide yes`
/// in the config file): every one-cell glyph of the frame, the markers and the common
/// ambiguous punctuation is replaced, just before the frame goes to the terminal, by a
/// character that is one cell everywhere (ASCII), so nothing a row draws can push the rest
/// of the row out of place. `DisplayWidth` (the one width function) is untouched: the
/// layout is the same, only what each cell shows changes.
public enum NarrowGlyphs {
    /// The ASCII stand-in for an ambiguous-width scalar the dashboard draws, or nil.
    public static func substitute(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u.value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: return "|"
        case 0x2500...0x257F: return "+"          // corners, tees, crosses
        case 0x2580...0x259F: return "#"          // blocks (bars)
        case 0x2026: return "."                   // …  (one cell: a dot; ... would not fit)
        case 0x00B7, 0x2027, 0x2022: return "."   // · ‧ •
        case 0x201C, 0x201D, 0x2033: return "\""  // “ ” ″
        case 0x2018, 0x2019, 0x2032: return "'"   // ‘ ’ ′
        case 0x2014, 0x2015, 0x2013, 0x2010: return "-"  // — ― – ‐
        case 0x2191: return "^"                   // ↑
        case 0x2193: return "v"                   // ↓
        case 0x2190: return "<"                   // ←
        case 0x2192: return ">"                   // →
        case 0x21B5: return "$"                   // ↵ (a line break in a one-line field)
        case 0x00D7: return "x"                   // ×
        case 0x00B0: return "o"                   // °
        case 0x25A0, 0x25A1, 0x25CF, 0x25CB, 0x2605, 0x2606, 0x25B2, 0x25BC, 0x25C6, 0x25C7: return "*"
        case 0x203B: return "*"                   // ※
        default: return nil
        }
    }

    /// The stand-in glyph for a cell's glyph, or nil to keep it.
    public static func substitute(_ g: Glyph) -> Glyph? {
        guard let u = g.scalar, u.value >= 0xA0, let s = substitute(u) else { return nil }
        return Glyph(s)
    }

    /// The frame as an ambiguous-wide terminal should get it.
    public static func apply(_ canvas: Canvas) -> Canvas {
        var c = canvas
        c.replaceNarrowGlyphs(substitute)
        return c
    }
}
