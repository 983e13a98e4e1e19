import DubanCore

/// Deadlines written in words, resolved against the plan year:
/// 6月底前, 年底前, 上半年, 一季度, 年内, 2023年9月30日前, 9月30日, 2020年底.
enum Deadlines {
    /// Reads a 完成时限 value (the whole value is about the deadline).
    static func parse(_ value: String, year: Int?) -> PlanDate? {
        let f = Lines.foldedChs(value)
        return scan(f, year: year, requireMarker: false)
    }

    /// Looks for a deadline phrase inside a task's text: only phrases that say
    /// "by" (前, 之前, 年内, 底前) count, so 较上半年 or 2019年 do not.
    static func find(inText text: String, year: Int?) -> PlanDate? {
        let f = Lines.foldedChs(text)
        return scan(f, year: year, requireMarker: true)
    }

    /// Words that say a task has no date: 长期, 常态化, 持续推进, 按年度 (and a few kin), read in a
    /// 完成时限 value. A task that says so has no deadline; it is never the year's end. (In a task's
    /// own text the words describe the work, 常态化疫情防控 or 长效机制, and say nothing of a date.)
    static func saysNoDate(_ text: String) -> Bool {
        let f = Lines.foldedChs(text).withoutSpaces
        return noDateWords.contains { f.includes($0) }
    }

    private static let noDateWords: [[Ch]] = ["长期", "常态化", "持续推进", "按年度", "持续开展", "每年", "长年"].map(chs)

    private static func number(_ f: [Ch], _ i: inout Int) -> Int? {
        var j = i
        if j < f.count, f[j].isASCIIDigit {
            var v = 0
            while j < f.count, f[j].isASCIIDigit, j - i < 4 {
                guard let d = f[j].digitValue else { break }
                v = v * 10 + d; j += 1
            }
            i = j
            return v
        }
        while j < f.count, Headings.isCNNumeral(f[j]), j - i < 3 { j += 1 }
        if j > i, let v = Headings.chineseNumber(f[i..<j]) { i = j; return v }
        return nil
    }

    private static func endOfMonth(_ y: Int, _ m: Int) -> PlanDate? {
        guard (1...12).contains(m) else { return nil }
        return PlanDate(year: y, month: m, day: PlanDate.daysIn(month: m, year: y))
    }

    private static let markers: [[Ch]] = ["前", "之前", "底前", "末前", "内", "以前", "完成", "止"].map(chs)
    private static let W = (第: chs("第"), 前: chs("前"), 上半年: chs("上半年"), 下半年: chs("下半年"),
                            年底前: chs("年底前"), 年末前: chs("年末前"), 今年内: chs("今年内"), 年内: chs("年内"),
                            年底: chs("年底"), 年末: chs("年末"), 全年: chs("全年"), 十二月: chs("12月"))

    private static func hasMarker(_ f: [Ch], at i: Int) -> Bool {
        var j = i
        while j < f.count, f[j] == " " { j += 1 }
        for m in markers where f.hasPrefix(m, at: j) { return true }
        return false
    }

    private static func scan(_ f: [Ch], year: Int?, requireMarker: Bool) -> PlanDate? {
        let n = f.count
        var i = 0
        while i < n {
            // 2023年9月30日(前) / 2023年9月(底)(前) / 2023年底(前) / 2023年
            if f[i].isASCIIDigit {
                var j = i
                guard let first = number(f, &j) else { i += 1; continue }
                if j < n, f[j] == "年", first >= 1900, first <= 2100 {
                    var k = j + 1
                    if k < n, f[k] == "底" || f[k] == "末" {
                        if !requireMarker || hasMarker(f, at: k + 1) { return PlanDate.endOfYear(first) }
                    }
                    if let m = number(f, &k), k < n, f[k] == "月" {
                        var d = k + 1
                        if let day = number(f, &d), d < n, f[d] == "日" || f[d] == "号" {
                            if !requireMarker || hasMarker(f, at: d + 1) { return PlanDate(year: first, month: m, day: day) }
                        } else if !requireMarker || hasMarker(f, at: k + 1) || (k + 1 < n && (f[k + 1] == "底" || f[k + 1] == "末")) {
                            return endOfMonth(first, m)
                        }
                    }
                    i = j + 1
                    continue
                }
                // 6月30日前 / 6月底前 / 6月前
                if j < n, f[j] == "月", (1...12).contains(first), let y = year {
                    var d = j + 1
                    if let day = number(f, &d), d < n, f[d] == "日" || f[d] == "号" {
                        if !requireMarker || hasMarker(f, at: d + 1) { return PlanDate(year: y, month: first, day: day) }
                    } else {
                        var k = j + 1
                        if k < n, f[k] == "份" { k += 1 }
                        let atEnd = k < n && (f[k] == "底" || f[k] == "末")
                        if atEnd { k += 1 }
                        if !requireMarker || hasMarker(f, at: k) {
                            return endOfMonth(y, first)
                        }
                    }
                }
                i = max(j, i + 1)
                continue
            }
            guard let y = year else { i += 1; continue }
            // Nothing below starts with any other character.
            switch f[i] {
            case "第", "前", "上", "下", "年", "今", "全", "1": break
            default: if !Headings.isCNNumeral(f[i]) { i += 1; continue }
            }
            /// Whether a word (at most 6 characters) starts at i.
            func rest(_ w: [Ch]) -> Bool { f.hasPrefix(w, at: i) }
            // 六月底前
            if Headings.isCNNumeral(f[i]) {
                var j = i
                if let m = number(f, &j), j < n, f[j] == "月", (1...12).contains(m) {
                    var k = j + 1
                    if k < n, f[k] == "份" { k += 1 }
                    if k < n, f[k] == "底" || f[k] == "末" { k += 1 }
                    if !requireMarker || hasMarker(f, at: k) { return endOfMonth(y, m) }
                }
                // 一季度 / 二季度末
                if j < n, f[j] == "季", j + 1 < n, f[j + 1] == "度", let q = Headings.chineseNumber(f[i..<j]), (1...4).contains(q) {
                    // A quarter names a time even without 前 (一季度启动…), unless it is compared with (较一季度).
                    let compared = i > 0 && (f[i - 1] == "较" || f[i - 1] == "比" || f[i - 1] == "与")
                    if !requireMarker || !compared { return endOfMonth(y, q * 3) }
                }
            }
            if rest(W.第) || rest(W.前) {
                var j = i + 1
                if let q = number(f, &j), j + 1 < n, f[j] == "季", f[j + 1] == "度", (1...4).contains(q) {
                    if !requireMarker || rest(W.前) || hasMarker(f, at: j + 2) || (j + 2 < n && f[j + 2] == "末") {
                        return endOfMonth(y, q * 3)
                    }
                }
            }
            if rest(W.上半年) {
                if !requireMarker || hasMarker(f, at: i + 3) || (i + 3 < n && f[i + 3] == "底") { return endOfMonth(y, 6) }
            }
            if rest(W.下半年) && !requireMarker { return PlanDate.endOfYear(y) }
            if rest(W.年底前) || rest(W.年末前) || rest(W.今年内) || rest(W.年内) {
                return PlanDate.endOfYear(y)
            }
            if !requireMarker && (rest(W.年底) || rest(W.年末) || rest(W.全年) || rest(W.十二月)) {
                return PlanDate.endOfYear(y)
            }
            i += 1
        }
        return nil
    }
}
