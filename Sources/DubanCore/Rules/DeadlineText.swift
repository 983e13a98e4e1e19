/// The one reader of deadlines (the importer's `Deadlines` reads milestones and no-date words on
/// top of `scan` / `all`) as people write them, used by the importer (完成时限 values
/// and phrases inside a task's text), the dashboard's deadline editor and `duban set
/// --deadline`: 2020-06-30, 2020.6.30, 2020/6/30, 2020年6月30日, 6月30日, 10月15日, 6月底(前),
/// 十月底, 年底(前), 年内, 上半年, 一季度, 第三季度, 2023年底. Forms without a year take
/// `year` (the plan's); without one they are not read. Full-width digits and
/// punctuation read as ASCII.
public enum DeadlineText {
    /// A whole value that is a deadline; nil when it is not one.
    public static func read(_ text: String, year: Int?) -> PlanDate? {
        let f = folded(text)
        if let d = numeric(f.filter { $0 != 0x20 }) { return d }
        return scan(f, year: year, requireMarker: false)?.date
    }

    /// A deadline phrase inside a longer text: only phrases that say "by" (前, 之前, 年内,
    /// 底前) count, so 较上半年 or 2019年 do not.
    public static func find(inText text: String, year: Int?) -> PlanDate? {
        scan(folded(text), year: year, requireMarker: true)?.date
    }

    /// A whole value written as numbers, 2020-06-30, 2020.6.30 or 2020/6/30 (spaces ignored).
    public static func numericDate(_ text: String) -> PlanDate? {
        numeric(folded(text).filter { $0 != 0x20 })
    }

    /// A deadline phrase found: its date and where it stands (from its first character to past its
    /// 底 / 末 and "by" word) in the folded text scanned.
    public struct Match: Sendable, Equatable {
        public var date: PlanDate
        public var start: Int
        public var end: Int
    }

    /// The first deadline phrase at or after `from` in a folded text: one value per character (Unicode
    /// scalar values, full-width forms folded to ASCII, as `folded` gives; the importer passes its own
    /// folded characters). `requireMarker`: only phrases that say "by" (a task's text); false for a
    /// 完成时限 value, whose every word is about time. Forms without a year take `year`.
    public static func scan(_ f: [UInt32], year: Int?, requireMarker: Bool, from start: Int = 0) -> Match? {
        scanPhrase(f, year: year, requireMarker: requireMarker, from: start)
    }

    /// Every deadline phrase of a folded text, in order.
    public static func all(_ f: [UInt32], year: Int?, requireMarker: Bool) -> [Match] {
        var out: [Match] = []
        var from = 0
        while from < f.count, let m = scan(f, year: year, requireMarker: requireMarker, from: from) {
            out.append(m)
            from = max(m.end, m.start + 1)
        }
        return out
    }

    // MARK: the reading

    typealias S = [UInt32]

    /// A text as `scan` reads it: full-width forms as ASCII, the odd spaces as one space, 。 as a stop.
    public static func folded(_ s: String) -> [UInt32] {
        s.unicodeScalars.map { u in
            let v = u.value
            if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFEE0 }
            switch v {
            case 0x3000, 0xA0, 0x2002, 0x2003, 0x2009, 0x202F, 0x09: return 0x20
            case 0x3002: return 0x2E  // 。 as a date's stop (2020。6。30 is a typing slip)
            default: return v
            }
        }
    }

    private static func c(_ s: String) -> S { s.unicodeScalars.map(\.value) }
    private static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// Y-M-D, Y.M.D, Y/M/D (one or two digits for month and day), and the same written
    /// with 年月日 is left to `scan`.
    private static func numeric(_ f: S) -> PlanDate? {
        var parts: [Int] = []
        var cur: Int? = nil
        var sep: UInt32? = nil
        for v in f {
            if isDigit(v) {
                cur = (cur ?? 0) * 10 + Int(v - 0x30)
                if (cur ?? 0) > 9999 { return nil }
            } else if v == 0x2D || v == 0x2E || v == 0x2F {
                guard let n = cur, sep == nil || sep == v else { return nil }
                sep = v; parts.append(n); cur = nil
            } else {
                return nil
            }
        }
        guard let last = cur else { return nil }
        parts.append(last)
        guard parts.count == 3, parts[0] >= 1900, parts[0] <= 2100 else { return nil }
        return PlanDate(year: parts[0], month: parts[1], day: parts[2])
    }

    /// A Chinese digit's value (〇/零 0 … 九 9, 两 2), by its scalar value; the importer's
    /// headings read their numerals through it too.
    public static func cnDigit(_ v: UInt32) -> Int? {
        switch v {
        case 0x3007, 0x96F6: return 0   // 〇 零
        case 0x4E00: return 1           // 一
        case 0x4E8C, 0x4E24: return 2   // 二 两
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    private static func isCNNumeral(_ v: UInt32) -> Bool { cnDigit(v) != nil || v == 0x5341 || v == 0x767E }

    private static func chineseNumber(_ cs: ArraySlice<UInt32>) -> Int? {
        guard !cs.isEmpty, cs.count <= 5 else { return nil }
        var total = 0, current = 0
        var sawAny = false
        for v in cs {
            if let d = cnDigit(v) { current = d; sawAny = true }
            else if v == 0x5341 { total += (current == 0 ? 1 : current) * 10; current = 0; sawAny = true }  // 十
            else if v == 0x767E { total += (current == 0 ? 1 : current) * 100; current = 0; sawAny = true } // 百
            else { return nil }
        }
        return sawAny ? total + current : nil
    }

    private static func number(_ f: S, _ i: inout Int) -> Int? {
        var j = i
        if j < f.count, isDigit(f[j]) {
            var v = 0
            while j < f.count, isDigit(f[j]), j - i < 4 { v = v * 10 + Int(f[j] - 0x30); j += 1 }
            i = j
            return v
        }
        while j < f.count, isCNNumeral(f[j]), j - i < 3 { j += 1 }
        if j > i, let v = chineseNumber(f[i..<j]) { i = j; return v }
        return nil
    }

    private static func endOfMonth(_ y: Int, _ m: Int) -> PlanDate? {
        guard (1...12).contains(m) else { return nil }
        return PlanDate(year: y, month: m, day: PlanDate.daysIn(month: m, year: y))
    }

    private static let markers: [S] = ["前", "之前", "底前", "末前", "内", "以前", "完成", "止"].map(c)
    private static let 年 = c("年")[0], 月 = c("月")[0], 日 = c("日")[0], 号 = c("号")[0], 底 = c("底")[0]
    private static let 末 = c("末")[0], 份 = c("份")[0], 季 = c("季")[0], 度 = c("度")[0]
    private static let 较 = c("较")[0], 比 = c("比")[0], 与 = c("与")[0]
    private static let W = (第: c("第"), 前: c("前"), 上半年: c("上半年"), 下半年: c("下半年"),
                            年底前: c("年底前"), 年末前: c("年末前"), 今年内: c("今年内"), 年内: c("年内"),
                            年底: c("年底"), 年末: c("年末"), 全年: c("全年"), 十二月: c("12月"))
    private static let starts: Set<UInt32> = Set(c("第前上下年今全1"))
    private static let endWords: [S] = ["之前", "以前", "为止", "前", "内", "止"].map(c)

    /// Where a phrase ends: past 份, 底 / 末 and a "by" word (前, 之前, 以前, 内, 止, 为止).
    private static func phraseEnd(_ f: S, _ k: Int) -> Int {
        var j = min(k, f.count)
        if j < f.count, f[j] == 份 { j += 1 }
        if j < f.count, f[j] == 底 || f[j] == 末 { j += 1 }
        for w in endWords where hasPrefix(f, w, at: j) { return j + w.count }
        return j
    }

    private static func hasPrefix(_ f: S, _ p: S, at start: Int) -> Bool {
        guard start >= 0, p.count <= f.count - start else { return false }
        for k in 0..<p.count where f[start + k] != p[k] { return false }
        return true
    }

    private static func hasMarker(_ f: S, at i: Int) -> Bool {
        var j = i
        while j < f.count, f[j] == 0x20 { j += 1 }
        return markers.contains { hasPrefix(f, $0, at: j) }
    }

    private static func scanPhrase(_ f: S, year: Int?, requireMarker: Bool, from start: Int) -> Match? {
        let n = f.count
        var i = start
        func hit(_ d: PlanDate?, _ end: Int) -> Match? { d.map { Match(date: $0, start: i, end: phraseEnd(f, end)) } }
        while i < n {
            // 2023年9月30日(前) / 2023年9月(底)(前) / 2023年底(前) / 2023年
            if isDigit(f[i]) {
                var j = i
                guard let first = number(f, &j) else { i += 1; continue }
                if j < n, f[j] == 年, first >= 1900, first <= 2100 {
                    var k = j + 1
                    if k < n, f[k] == 底 || f[k] == 末 {
                        if !requireMarker || hasMarker(f, at: k + 1) { return hit(PlanDate.endOfYear(first), k + 1) }
                    }
                    if let m = number(f, &k), k < n, f[k] == 月 {
                        var d = k + 1
                        if let day = number(f, &d), d < n, f[d] == 日 || f[d] == 号 {
                            if !requireMarker || hasMarker(f, at: d + 1) { return hit(PlanDate(year: first, month: m, day: day), d + 1) }
                        } else if !requireMarker || hasMarker(f, at: k + 1) || (k + 1 < n && (f[k + 1] == 底 || f[k + 1] == 末)) {
                            return hit(endOfMonth(first, m), k + 1)
                        }
                    }
                    i = j + 1
                    continue
                }
                // 6月30日前 / 6月底前 / 6月前
                if j < n, f[j] == 月, (1...12).contains(first), let y = year {
                    var d = j + 1
                    if let day = number(f, &d), d < n, f[d] == 日 || f[d] == 号 {
                        if !requireMarker || hasMarker(f, at: d + 1) { return hit(PlanDate(year: y, month: first, day: day), d + 1) }
                    } else {
                        var k = j + 1
                        if k < n, f[k] == 份 { k += 1 }
                        if k < n && (f[k] == 底 || f[k] == 末) { k += 1 }
                        if !requireMarker || hasMarker(f, at: k) { return hit(endOfMonth(y, first), k) }
                    }
                }
                i = max(j, i + 1)
                continue
            }
            guard let y = year else { i += 1; continue }
            // Nothing below starts with any other character.
            if !starts.contains(f[i]) && !isCNNumeral(f[i]) { i += 1; continue }
            func rest(_ w: S) -> Bool { hasPrefix(f, w, at: i) }
            // 六月底前
            if isCNNumeral(f[i]) {
                var j = i
                if let m = number(f, &j), j < n, f[j] == 月, (1...12).contains(m) {
                    var k = j + 1
                    if k < n, f[k] == 份 { k += 1 }
                    if k < n, f[k] == 底 || f[k] == 末 { k += 1 }
                    if !requireMarker || hasMarker(f, at: k) { return hit(endOfMonth(y, m), k) }
                }
                // 一季度 / 二季度末
                if j < n, f[j] == 季, j + 1 < n, f[j + 1] == 度, let q = chineseNumber(f[i..<j]), (1...4).contains(q) {
                    // A quarter names a time even without 前 (一季度启动…), unless it is compared with (较一季度).
                    let compared = i > 0 && (f[i - 1] == 较 || f[i - 1] == 比 || f[i - 1] == 与)
                    if !requireMarker || !compared { return hit(endOfMonth(y, q * 3), j + 2) }
                }
            }
            if rest(W.第) || rest(W.前) {
                var j = i + 1
                if let q = number(f, &j), j + 1 < n, f[j] == 季, f[j + 1] == 度, (1...4).contains(q) {
                    if !requireMarker || rest(W.前) || hasMarker(f, at: j + 2) || (j + 2 < n && f[j + 2] == 末) {
                        return hit(endOfMonth(y, q * 3), j + 2)
                    }
                }
            }
            if rest(W.上半年) {
                if !requireMarker || hasMarker(f, at: i + 3) || (i + 3 < n && f[i + 3] == 底) { return hit(endOfMonth(y, 6), i + 3) }
            }
            if rest(W.下半年) && !requireMarker { return hit(PlanDate.endOfYear(y), i + 3) }
            if rest(W.年底前) || rest(W.年末前) || rest(W.今年内) { return hit(PlanDate.endOfYear(y), i + 3) }
            if rest(W.年内) { return hit(PlanDate.endOfYear(y), i + 2) }
            if !requireMarker && (rest(W.年底) || rest(W.年末) || rest(W.全年)) { return hit(PlanDate.endOfYear(y), i + 2) }
            if !requireMarker && rest(W.十二月) { return hit(PlanDate.endOfYear(y), i + 3) }
            i += 1
        }
        return nil
    }
}
