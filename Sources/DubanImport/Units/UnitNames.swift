/// One unit as written in a list, before it is resolved against the plan's units.
struct WrittenUnit: Sendable, Equatable {
    var name: String
    /// Names given in brackets after it: 市交通运输局(市港航局).
    var alternates: [String] = []
    /// (以下简称高新区管委会)
    var definedAlias: String? = nil
    /// Marked ★ / * / (牵头) as the lead unit.
    var marked: Bool = false
    /// Index of the comma-separated group it belongs to (0 for the first).
    var commaGroup: Int = 0
    /// (见附件): its members are listed in an appendix.
    var seeAppendix: Bool = false
}

enum UnitNames {
    /// Endings of unit names (checked on the name without a trailing bracket).
    static let suffixes: [String] = [
        "局", "委", "办", "处", "室", "院", "会", "部", "中心", "公司", "集团", "政府", "区", "县", "市", "镇", "乡",
        "街道", "组", "队", "所", "站", "社", "行", "联", "校", "馆", "台", "团", "单位", "机构", "企业", "厅", "署",
        "关", "库", "场", "园", "庭", "军", "庭", "党组", "办事处", "片区", "分局", "支行", "银行", "协会", "大学",
        "科", "股", "中队", "大队", "支队", "总队", "港", "村", "协", "门", "盟",
    ]

    static let verbPrefixes: [String] = [
        "推进", "加快", "完成", "建设", "实施", "开展", "加强", "深化", "推动", "落实", "提升", "建成", "开工", "启动",
        "做好", "办好", "创建", "打造", "新增", "组织", "制定", "出台", "举办", "已", "正", "积极", "全面", "持续",
        "坚持", "按照", "通过", "截至", "根据", "围绕", "强化", "完善", "健全", "支持", "鼓励", "引导", "培育",
        "扩大", "优化", "着力", "大力", "力争", "确保", "争创", "申报", "召开", "印发", "编制", "对", "在", "将",
        "为", "与", "和", "目前", "今年", "全年", "累计", "共", "我市", "全市", "新建", "改造", "整治",
    ]

    static let stopCharacters: CharSet = "。!?:《》%\u{FF05}=…"

    private static let suffixPatterns: [Folded] = suffixes.map(Folded.init(asIs:))
    private static let verbPrefixPatterns: [Folded] = verbPrefixes.map(Folded.init(asIs:))
    private static let marks: CharSet = "★☆*※"
    private static let etcSuffixes: [Folded] = ["等相关单位", "等有关单位", "等相关部门", "等有关部门", "等成员单位", "等单位", "等部门", "等"]
    private static let connectives: [Folded] = ["以及", "及", "和", "由"]
    private static let unitStarts: [Folded] = ["市", "区", "县", "省", "各", "相关", "有关", "镇", "乡", "街道"]
    private static let groupPrefixes: [Folded] = ["相关", "有关", "市直", "区直", "县直", "沿江"]
    private static let groupSuffixes: [Folded] = ["成员单位", "相关单位", "有关单位", "相关部门", "有关部门", "领导小组", "联席会议", "委员会成员"]
    private static let aliasMarkers: [Folded] = ["以下简称", "以下称", "下称", "简称"]
    /// The words, each made once (an enum of statics: a tuple of `Folded` is copied through
    /// the runtime's generic tuple witness at every use, 6% of a 2 MB import).
    private enum AppendixWords {
        static let 各: Folded = "各"
        static let 见附件: Folded = "见附件"
        static let 附件: Folded = "附件"
        static let 详见附件: Folded = "详见附件"
        static let 名单附后: Folded = "名单附后"
        static let 牵头: Folded = "牵头"
        static let 牵头单位: Folded = "牵头单位"
    }
    /// Where a list splits: 、 / | between names; , ; 。 and a line break between groups.
    private static let nameSeparators: CharSet = "、/|"
    private static let groupSeparators: CharSet = ",;。\n"
    private static let opening: CharSet = "([【〔"
    private static let closing: CharSet = ")]】〕"
    private static let squareBrackets: CharSet = "[]【】"
    private static let aliasQuotes: CharSet = "\u{201C}\u{201D}\":"
    private static let leaderStops: CharSet = "。."

    /// Whether one name looks like a unit: short, no sentence punctuation, no digits,
    /// ends like a body (局, 委, 中心, 政府 ...) or is a group (各..., 市直...).
    static func looksLikeUnit(_ raw: String) -> Bool { looksLikeUnit(Folded(asIs: raw)) }

    static func looksLikeUnit(_ raw: Folded) -> Bool {
        let s = stripEtc(raw.trimmed(extra: marks))
        guard s.count >= 2, s.count <= 40 else { return false }
        if s.contains(where: { $0.isASCIIDigit || $0 == "," || $0 == ";" || stopCharacters.contains($0) }) { return false }
        if s.prefix(among: verbPrefixPatterns) != nil { return false }
        let base = stripTrailingBracket(s)
        guard base.count >= 2 else { return false }
        return base.suffix(among: suffixPatterns) != nil
    }

    /// Whether a whole cell or value looks like a list of units.
    static func looksLikeUnitList(_ value: String) -> Bool { looksLikeUnitList(Folded(asIs: value)) }

    static func looksLikeUnitList(_ value: Folded) -> Bool {
        let parts = splitTopLevel(value)
        guard !parts.isEmpty else { return false }
        for p in parts {
            let t = p.text.trimmed()
            if t.isEmpty { continue }
            if !looksLikeUnit(t) { return false }
        }
        return true
    }

    /// Group names standing for many units: 各县(市)区政府, 市直相关单位, 各乡镇街道, 市政府各部门, ...成员单位.
    static func isGroup(_ s: String) -> Bool { isGroup(Folded(asIs: s)) }

    static func isGroup(_ s: Folded) -> Bool {
        s.includes(AppendixWords.各) || s.prefix(among: groupPrefixes) != nil || s.suffix(among: groupSuffixes) != nil
    }

    static func stripEtc(_ s: String) -> String { stripEtc(Folded(asIs: s)).string }

    /// Without a trailing 等 / 等相关单位 ... (when something is left).
    static func stripEtc(_ s: Folded) -> Folded {
        for suf in etcSuffixes where s.hasSuffix(suf) && s.count > suf.count {
            return s.dropLast(suf.count).trimmed()
        }
        return s
    }

    static func stripTrailingBracket(_ s: String) -> Substring { Substring(stripTrailingBracket(Folded(asIs: s)).string) }

    /// The name before a bracket that ends it: 市交通运输局(市港航局) -> 市交通运输局.
    static func stripTrailingBracket(_ cs: Folded) -> Folded {
        guard cs.last == ")", let open = cs.openingBracket(ofCloseAt: cs.count - 1), open > 0 else { return cs }
        return cs[0..<open]
    }

    struct Part { var text: Folded; var commaGroup: Int }

    /// Splits a folded list at top level (not inside brackets or quotes) on 、 , ; / and 及 before a unit.
    static func splitTopLevel(_ value: String) -> [Part] { splitTopLevel(Folded(asIs: value)) }

    static func splitTopLevel(_ cs: Folded) -> [Part] {
        var parts: [Part] = []
        var depth = 0
        var quote = false
        var start = 0
        var group = 0
        func push(_ end: Int) {
            let t = cs[start..<end].trimmed()
            if !t.isEmpty { parts.append(Part(text: t, commaGroup: group)) }
        }
        var i = 0
        while i < cs.count {
            let c = cs[i]
            if opening.contains(c) { depth += 1 }
            else if closing.contains(c) { depth = max(0, depth - 1) }
            else if c == "\u{201C}" { quote = true } else if c == "\u{201D}" { quote = false }
            if depth == 0 && !quote {
                if nameSeparators.contains(c) {
                    push(i); i += 1; start = i; continue
                }
                if groupSeparators.contains(c) {
                    push(i)
                    if !parts.isEmpty { group = parts[parts.count - 1].commaGroup + 1 }
                    i += 1; start = i; continue
                }
                if c == "及" && i > start {
                    if looksLikeUnit(cs[start..<i]) && startsLikeUnit(cs[(i + 1)...]) { push(i); i += 1; start = i; continue }
                }
            }
            i += 1
        }
        push(cs.count)
        // Parts separated only by spaces: 市公安局 市司法局.
        var out: [Part] = []
        for p in parts {
            let words = p.text.split { $0 == " " }
            if words.count > 1 && words.allSatisfy({ looksLikeUnit($0) }) {
                for w in words { out.append(Part(text: w, commaGroup: p.commaGroup)) }
            } else {
                out.append(p)
            }
        }
        return out
    }

    static func startsLikeUnit(_ s: String) -> Bool { startsLikeUnit(Folded(asIs: s)) }

    static func startsLikeUnit(_ s: Folded) -> Bool { s.prefix(among: unitStarts) != nil }

    /// `glued`: two names with no separator split where the second begins (the list as written, the names read): a guess.
    enum Problem: Equatable { case hasNumber(String), notAUnit(String), glued(String, String) }

    /// Parses a folded list into written units; problems are names dropped.
    static func parseList(_ value: String) -> (units: [WrittenUnit], problems: [Problem]) { parseList(Folded(asIs: value)) }

    static func parseList(_ value: Folded) -> (units: [WrittenUnit], problems: [Problem]) {
        var out: [WrittenUnit] = []
        var problems: [Problem] = []
        typealias w = AppendixWords
        for part in splitTopLevel(value) {
            var s = part.text
            var u = WrittenUnit(name: "", commaGroup: part.commaGroup)
            if let f = s.first, marks.contains(f) { u.marked = true; s = s.dropFirst() }
            if let l = s.last, marks.contains(l) { u.marked = true; s = s.dropLast() }
            s = stripEtc(s.trimmed())
            // Leading connectives left by the split.
            for p in connectives where s.hasPrefix(p) && s.count > p.count + 1 { s = s.dropFirst(p.count); break }
            // Trailing brackets, innermost last: 市交通运输局(市港航局), ...(以下简称X), (见附件), (牵头)
            var guardCount = 0
            while s.last == ")", guardCount < 4 {
                guardCount += 1
                let base = stripTrailingBracket(s)
                guard base.count < s.count, !base.isEmpty else { break }
                let inner = s.dropFirst(base.count + 1).dropLast().trimmed()
                if let r = aliasDefinition(inner) {
                    u.definedAlias = r
                    s = base.trimmed()
                } else if inner.hasPrefix(w.见附件) || inner == w.附件 || inner.hasPrefix(w.详见附件) || inner.hasPrefix(w.名单附后) {
                    u.seeAppendix = true
                    s = base.trimmed()
                } else if inner == w.牵头 || inner == w.牵头单位 {
                    u.marked = true
                    s = base.trimmed()
                } else if !isGroup(base), inner.count >= 3,
                          splitTopLevel(inner).allSatisfy({ looksLikeUnit($0.text) }) {
                    u.alternates.append(contentsOf: splitTopLevel(inner).map { stripEtc($0.text).withoutSpaces.string })
                    s = base.trimmed()
                } else {
                    break
                }
                s = stripEtc(s)
            }
            s = s.withoutSpaces
            s = s.trimmed(extra: squareBrackets)
            if !balanced(s) {
                // A stray bracket left by the split: drop unmatched ones at the ends, then any left.
                while s.first == "(" && !balanced(s) { s = s.dropFirst() }
                while s.last == ")" && !balanced(s) { s = s.dropLast() }
                if !balanced(s) { s = s.removing("()") }
            }
            let name = s.string
            // A second name without its place takes the first name's: 市财政局(国资委) -> 市国资委.
            if let place = placePrefix(of: name) {
                u.alternates = u.alternates.flatMap { alt in placePrefix(of: alt) == nil && !alt.hasPrefix(place) ? [place + alt, alt] : [alt] }
            }
            if s.isEmpty { continue }
            if s.hasDigit { problems.append(.hasNumber(name)); continue }
            if s.count < 2 || s.count > 40 { problems.append(.notAUnit(name)); continue }
            let pieces = splitGlued(s)
            if pieces.count > 1 {
                // 区发改局区统计局: two names, the second starting with the first one's place.
                problems.append(.glued(name, pieces.map(\.string).joined(separator: "、")))
                for piece in pieces {
                    var v = u
                    v.name = piece.string
                    out.append(v)
                }
                continue
            }
            u.name = name
            out.append(u)
        }
        return (out, problems)
    }

    /// `区发改局区统计局` -> [区发改局, 区统计局]: split where the first name's place (区 市 县 镇) starts a
    /// second name, each half reading as a unit; otherwise the name alone. Allocates only on a split.
    static func splitGlued(_ s: Folded) -> [Folded] {
        guard s.count >= 6, let p = s.first, gluePlaces.contains(p) else { return [s] }
        var parts: [Folded] = []
        var start = 0
        var i = 3
        while i + 3 <= s.count {
            if s[i] == p, i - start >= 3, endsLikeBody(s[start..<i]), looksLikeUnit(s[start..<i]), looksLikeUnit(s[i...]) {
                parts.append(s[start..<i]); start = i; i += 3; continue
            }
            i += 1
        }
        if parts.isEmpty { return [s] }
        parts.append(s[start...])
        return parts
    }
    private static let gluePlaces: CharSet = "区市县镇"
    /// The end of a body's name: 局 委 办 院 部 中心 政府 公司 街道 ….
    private static func endsLikeBody(_ s: Folded) -> Bool {
        guard let l = s.last else { return false }
        return bodyEnds.contains(l) || s.hasSuffix(W.中心) || s.hasSuffix(W.政府) || s.hasSuffix(W.街道)
    }
    private static let bodyEnds: CharSet = "局委办院部厅处所站队会社行联"
    private enum W {
        static let 中心: Folded = "中心"
        static let 政府: Folded = "政府"
        static let 街道: Folded = "街道"
    }

    /// 市 / 区 / 县 / 省 at the start of a name (not 市委, 市直), or nil.
    static func placePrefix(of s: String) -> String? {
        guard let f = s.first, f == "市" || f == "区" || f == "县" || f == "省" else { return nil }
        let second = s.dropFirst().first
        if second == "委" || second == "直" || second == "属" { return nil }
        return String(f)
    }

    /// 以下简称X / 简称X / 下称X
    static func aliasDefinition(_ inner: String) -> String? { aliasDefinition(Folded(asIs: inner)) }

    static func aliasDefinition(_ inner: Folded) -> String? {
        guard let p = inner.prefix(among: aliasMarkers) else { return nil }
        let r = inner.dropFirst(p.count).trimmed(extra: aliasQuotes)
        return r.isEmpty ? nil : r.withoutSpaces.string
    }

    static func balanced(_ s: String) -> Bool { balanced(Folded(asIs: s)) }

    static func balanced(_ s: Folded) -> Bool {
        var d = 0
        for c in s {
            if c == "(" { d += 1 } else if c == ")" { d -= 1; if d < 0 { return false } }
        }
        return d == 0
    }

    /// People named on a leaders line: 应鹏飞、滕敏。
    static func parseLeaders(_ value: String) -> [String] {
        var out: [String] = []
        var seen = Set<TextKey>()
        for part in Folded(asIs: value).split(on: leaderSeparators) {
            let t = part.trimmed(extra: leaderStops).withoutSpaces
            if t.isEmpty || t.count > 20 { continue }
            if t.hasDigit { continue }
            let name = t.string
            if seen.insert(TextKey(name)).inserted { out.append(name) }
        }
        return out
    }
    private static let leaderSeparators: CharSet = "、,;。 /"
}
