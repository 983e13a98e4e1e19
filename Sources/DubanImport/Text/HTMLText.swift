/// Text that arrives as HTML (a saved web page, or a notice pasted from one)
/// is read as its text: tags dropped, block ends and table cells become line
/// breaks (so a table reads one cell a line), entities decoded, scripts and
/// styles skipped.
enum HTMLText {
    /// True when the text looks like markup rather than a notice with a stray `<`.
    static func looksLikeHTML(_ text: String) -> Bool {
        var tags = 0
        var scanned = 0
        var it = text.unicodeScalars.makeIterator()
        var prevLT = false
        while let s = it.next(), scanned < 200_000 {
            scanned += 1
            if prevLT, s.properties.isAlphabetic || s == "/" || s == "!" {
                tags += 1
                if tags >= 4 { return true }
            }
            prevLT = s == "<"
        }
        return false
    }

    private static let blockTags: Set<String> = [
        "p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "tbody", "thead", "ul", "ol", "section", "article", "header", "footer",
        "title", "hr", "dt", "dd", "caption", "blockquote", "pre",
    ]

    static func text(of html: String) -> String {
        let chars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(chars.count)
        var i = 0
        let n = chars.count
        var skipUntil: String? = nil
        while i < n {
            let c = chars[i]
            if c == "<" {
                // Comment.
                if i + 3 < n, chars[i + 1] == "!", chars[i + 2] == "-", chars[i + 3] == "-" {
                    var j = i + 4
                    while j + 2 < n, !(chars[j] == "-" && chars[j + 1] == "-" && chars[j + 2] == ">") { j += 1 }
                    i = min(n, j + 3)
                    continue
                }
                var j = i + 1
                var closing = false
                if j < n, chars[j] == "/" { closing = true; j += 1 }
                var name = ""
                while j < n, chars[j].properties.isAlphabetic || ("0"..."9").contains(chars[j]) {
                    name.unicodeScalars.append(chars[j]); j += 1
                }
                if name.isEmpty && !(j < n && (chars[j] == "!" || chars[j] == "?")) {
                    if skipUntil == nil { out.append(c) }
                    i += 1
                    continue
                }
                // Find the tag's end, honouring quoted attribute values.
                var quote: Unicode.Scalar? = nil
                while j < n {
                    let d = chars[j]
                    if let q = quote { if d == q { quote = nil } } else if d == "\"" || d == "'" { quote = d } else if d == ">" { break }
                    j += 1
                }
                i = min(n, j + 1)
                let lower = name.lowercased()
                if let s = skipUntil {
                    if closing && lower == s { skipUntil = nil }
                    continue
                }
                if !closing && (lower == "script" || lower == "style") {
                    skipUntil = lower
                    continue
                }
                if blockTags.contains(lower) { out.append("\n") }
                continue
            }
            if skipUntil != nil { i += 1; continue }
            if c == "&" {
                var j = i + 1
                var entity = ""
                while j < n, j - i <= 10, chars[j] != ";", chars[j] != "&", chars[j] != "<", !chars[j].properties.isWhitespace {
                    entity.unicodeScalars.append(chars[j]); j += 1
                }
                if j < n, chars[j] == ";", let decoded = decodeEntity(entity) {
                    out.append(decoded)
                    i = j + 1
                    continue
                }
                out.append(c)
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        // Collapse the blank lines the markup leaves behind: at most one in a row.
        var lines: [Substring] = []
        var blank = 0
        for line in String(out).split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if isBlank { blank += 1; if blank > 1 { continue } } else { blank = 0 }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func decodeEntity(_ e: String) -> Unicode.Scalar? {
        switch e {
        case "nbsp": return "\u{A0}"
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        case "ldquo": return "\u{201C}"
        case "rdquo": return "\u{201D}"
        case "lsquo": return "\u{2018}"
        case "rsquo": return "\u{2019}"
        case "mdash": return "\u{2014}"
        case "ndash": return "\u{2013}"
        case "hellip": return "\u{2026}"
        case "middot": return "\u{B7}"
        case "emsp", "ensp", "thinsp": return " "
        default: break
        }
        if e.hasPrefix("#x") || e.hasPrefix("#X") {
            if let v = UInt32(e.dropFirst(2), radix: 16) { return Unicode.Scalar(v) }
        } else if e.hasPrefix("#") {
            if let v = UInt32(e.dropFirst()) { return Unicode.Scalar(v) }
        }
        return nil
    }
}
