/// Word's automatic numbering (word/numbering.xml, with the paragraph styles of
/// word/styles.xml), resolved to the labels Word shows: `一、`, `（一）`, `1.`, as typed text
/// would have them.
///
/// The model: an abstract numbering (`w:abstractNum`) defines up to nine levels (`w:lvl`:
/// start value, number format, label text `%1、`, restart rule); a numbering instance
/// (`w:num`, the `w:numId` paragraphs name) points at one abstract numbering and may
/// override a level's start (`w:lvlOverride/w:startOverride`) or the level itself.
/// Instances of one abstract numbering share their counters (as Word counts), except that
/// an instance with a start override starts its level again the first time it is used.
struct DocxNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text: String? = nil
        /// `w:lvlRestart`: the level restarts after a use of a level above this 1-based one;
        /// nil is the default (after any higher level), 0 never.
        var restart: Int? = nil
        /// `w:isLgl`: every number in the label as a decimal (1.1 under 一).
        var legal = false
        /// `w:suff`: what follows the label (tab, space, nothing).
        var suffix = "tab"
        /// `w:pStyle`: the paragraph style this level is linked to.
        var style: String? = nil
    }
    struct Abstract {
        var levels: [Int: Level] = [:]
        /// `w:numStyleLink`: the numbering lives in a numbering style's instance.
        var styleLink: String? = nil
    }
    struct Instance {
        var abstract: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }
    /// A paragraph style: its base (`w:basedOn`) and numbering (`w:numPr`).
    struct Style {
        var basedOn: String? = nil
        var numId: String? = nil
        var level: Int? = nil
    }

    var abstracts: [String: Abstract] = [:]
    var instances: [String: Instance] = [:]
    var styles: [String: Style] = [:]
    /// The style Word uses for a paragraph that names none (`w:default="1"`).
    var defaultStyle: String? = nil

    // Counting state.
    private var counters: [String: [Int?]] = [:]
    private var startedInstances: Set<String> = []

    /// The numbering of a paragraph from its style: (numId, level) along `w:basedOn`.
    func styleNumbering(_ styleId: String?) -> (numId: String, level: Int?)? {
        var id = styleId ?? defaultStyle
        var seen = Set<String>()
        while let s = id, let st = styles[s], seen.insert(s).inserted {
            if let n = st.numId { return (n, st.level) }
            id = st.basedOn
        }
        return nil
    }

    /// The abstract numbering an instance stands for, following a numbering style's link.
    private func abstractId(of numId: String) -> String? {
        guard var a = instances[numId]?.abstract else { return nil }
        var hops = 0
        while let link = abstracts[a]?.styleLink, hops < 4,
              let n = styleNumbering(link)?.numId, let next = instances[n]?.abstract, next != a {
            a = next; hops += 1
        }
        return a
    }

    private func level(_ l: Int, numId: String, abstract: String) -> Level {
        if let o = instances[numId]?.levelOverrides[l] { return o }
        return abstracts[abstract]?.levels[l] ?? Level()
    }

    /// The label of the next paragraph numbered by instance `numId` at `level` (nil for a
    /// style-linked level: the level whose `w:pStyle` is the paragraph's style), counting it.
    /// Nil when the instance is unknown or numbers nothing (`numId` 0).
    mutating func label(numId: String, level given: Int?, style: String?) -> (text: String, space: Bool)? {
        guard numId != "0", let a = abstractId(of: numId), abstracts[a] != nil else { return nil }
        var lvl = given ?? 0
        if given == nil, let s = style, let found = abstracts[a]?.levels.first(where: { $0.value.style == s })?.key { lvl = found }
        lvl = max(0, min(8, lvl))
        var c = counters[a] ?? Array(repeating: nil, count: 9)
        if startedInstances.insert(numId).inserted, let inst = instances[numId] {
            for (l, v) in inst.startOverrides { c[l] = v - 1; for k in (l + 1)..<9 where k < 9 { c[k] = nil } }
            for (l, o) in inst.levelOverrides where inst.startOverrides[l] == nil { c[l] = o.start - 1 }
        }
        let me = level(lvl, numId: numId, abstract: a)
        c[lvl] = (c[lvl] ?? (me.start - 1)) + 1
        // Lower levels restart after this one (unless their rule says otherwise).
        for k in (lvl + 1)..<9 where k < 9 {
            let r = level(k, numId: numId, abstract: a).restart
            if r == nil || (r! > 0 && lvl < r!) { c[k] = nil }
        }
        counters[a] = c
        guard var text = me.text else { return nil }
        if me.format == "bullet" { return nil }
        // %1 … %9: each level's current number in that level's format.
        var out = ""
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "%", i + 1 < chars.count, let d = chars[i + 1].wholeNumberValue, (1...9).contains(d) {
                let k = d - 1
                let lk = level(k, numId: numId, abstract: a)
                let n = c[k] ?? lk.start
                out += Self.format(n, me.legal && k < lvl ? "decimal" : lk.format)
                i += 2
                continue
            }
            out.append(chars[i]); i += 1
        }
        text = out
        chars = Array(text)
        if text.isEmpty { return nil }
        let space = me.suffix != "nothing" && (chars.last.map { $0.isASCII } ?? false)
        return (text, space)
    }

    // MARK: number formats

    static let chineseDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let legalDigits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let stems: [Character] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    static let branches: [Character] = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]

    /// `n` written in a `w:numFmt`. Formats not known here are written as decimals.
    static func format(_ n: Int, _ fmt: String) -> String {
        switch fmt {
        case "decimal", "ordinal", "cardinalText", "ordinalText": return String(n)
        case "decimalZero": return n < 10 && n >= 0 ? "0\(n)" : String(n)
        case "none": return ""
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
             "japaneseCounting", "koreanCounting":
            return chineseCounting(n, digits: chineseDigits, units: ["十", "百", "千", "万"], zero: "零")
        case "chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal":
            return chineseCounting(n, digits: legalDigits, units: ["拾", "佰", "仟", "万"], zero: "零", legal: true)
        case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
            return n <= 0 ? String(n) : String(String(n).map { chineseDigits[$0.wholeNumberValue!] })
        case "ideographTraditional": return (1...10).contains(n) ? String(stems[n - 1]) : String(n)   // as LibreOffice: 11 past 癸
        case "ideographZodiac": return n >= 1 ? String(branches[(n - 1) % 12]) : String(n)
        case "ideographZodiacTraditional":
            return n >= 1 ? String(stems[(n - 1) % 10]) + String(branches[(n - 1) % 12]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            if (1...20).contains(n) { return String(Character(Unicode.Scalar(0x2460 + UInt32(n - 1))!)) }
            return String(n)
        case "decimalEnclosedParen":
            if (1...20).contains(n) { return String(Character(Unicode.Scalar(0x2474 + UInt32(n - 1))!)) }
            return "(\(n))"
        case "decimalEnclosedFullstop":
            if (1...20).contains(n) { return String(Character(Unicode.Scalar(0x2488 + UInt32(n - 1))!)) }
            return "\(n)."
        case "ideographEnclosedCircle":
            if (1...10).contains(n) { return String(Character(Unicode.Scalar(0x3280 + UInt32(n - 1))!)) }
            return String(n)
        case "ideographParenthesized": // ㈠
            if (1...10).contains(n) { return String(Character(Unicode.Scalar(0x3220 + UInt32(n - 1))!)) }
            return String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            guard n >= 0 else { return String(n) }
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        case "upperLetter": return letters(n)
        case "lowerLetter": return letters(n).lowercased()
        default: return String(n)
        }
    }

    /// 1 一, 10 十, 11 十一, 20 二十, 101 一百零一, 110 一百一十 (legal: 壹拾 for 10).
    static func chineseCounting(_ n: Int, digits: [Character], units: [Character], zero: Character, legal: Bool = false) -> String {
        guard n > 0, n < 100_000 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        let ds = String(n).map { $0.wholeNumberValue! }
        var out = ""
        var pendingZero = false
        for (i, d) in ds.enumerated() {
            let place = ds.count - 1 - i  // 0 ones, 1 tens, 2 hundreds, 3 thousands, 4 ten-thousands
            if d == 0 { if !out.isEmpty { pendingZero = true }; continue }
            if pendingZero { out.append(zero); pendingZero = false }
            // 十一 rather than 一十一 when the tens lead.
            if !(place == 1 && d == 1 && out.isEmpty && !legal) { out.append(digits[d]) }
            if place > 0 { out.append(units[place - 1]) }
        }
        return out
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    /// A, B, … Z, AA, BB (Word repeats the letter).
    static func letters(_ n: Int) -> String {
        guard n > 0, n <= 26 * 30 else { return String(n) }
        let letter = Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
        return String(repeating: String(letter), count: (n - 1) / 26 + 1)
    }
}
