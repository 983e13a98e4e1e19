import DubanCore

/// Deadlines written in words, resolved against the plan year: the core's one reader
/// (`DeadlineText`, also the dashboard's deadline editor and `duban set --deadline`) on
/// the importer's folded text: 6月底前, 年底前, 上半年, 一季度, 年内, 2023年9月30日前, 9月30日, 2020年底.
enum Deadlines {
    /// Reads a 完成时限 value (the whole value is about the deadline).
    static func parse(_ value: String, year: Int?) -> PlanDate? {
        let f = Lines.foldedChs(value)
        return scan(f, year: year, requireMarker: false)?.date
    }

    /// Looks for a deadline phrase inside a task's text: only phrases that say
    /// "by" (前, 之前, 年内, 底前) count, so 较上半年 or 2019年 do not.
    static func find(inText text: String, year: Int?) -> PlanDate? {
        let f = Lines.foldedChs(text)
        return scan(f, year: year, requireMarker: true)?.date
    }

    /// Every deadline phrase of a text, in order (a 完成时限 value: `requireMarker` false).
    static func all(_ f: [Ch], year: Int?, requireMarker: Bool) -> [Match] {
        var out: [Match] = []
        var from = 0
        while from < f.count, let m = scan(f, year: year, requireMarker: requireMarker, from: from) {
            out.append(m)
            from = max(m.end, m.start + 1)
        }
        return out
    }

    /// What a task's deadline words say: the date (the last node when there are several), the words
    /// as written, the dated nodes when there are two or more, and whether the words say "no date".
    struct Reading: Equatable {
        var date: PlanDate?
        var text: String?
        var milestones: [Milestone] = []
        var noDate = false
    }

    /// Reads a 完成时限 / 时间节点 value (its every word is about time).
    static func read(value: String, year: Int?) -> Reading {
        let written = value.trimmed()
        guard !written.isEmpty else { return Reading() }
        let f = Lines.foldedChs(written)
        let ms = all(f, year: year, requireMarker: false)
        if ms.isEmpty { return Reading(date: nil, text: written, noDate: saysNoDate(written)) }
        return Reading(date: ms.map(\.date).max(), text: written, milestones: nodes(ms, in: Ch.array(written)))
    }

    /// Reads the deadline words inside a task's own text: phrases that say "by" (6月底前, 年底前,
    /// 一季度), each kept as written; a last clause that says "no date" (…，长期坚持。, （常态化）).
    static func read(text: String, year: Int?) -> Reading {
        let printed = Ch.array(text)
        let f = Lines.foldedChs(text)
        let ms = all(f, year: year, requireMarker: true)
        if ms.isEmpty {
            return noDateClause(f).map { Reading(date: nil, text: String(printed.count == f.count ? printed[$0] : f[$0]).trimmed(), noDate: true) } ?? Reading()
        }
        let src = printed.count == f.count ? printed : f
        let phrase = ms.count == 1 ? String(src[ms[0].start..<ms[0].end]) : ms.map { String(src[$0.start..<$0.end]) }.joined(separator: "；")
        return Reading(date: ms.map(\.date).max(), text: phrase, milestones: nodes(ms, in: src))
    }

    /// Two or more distinct dated nodes: each with its clause (the words between stops around it).
    private static func nodes(_ ms: [Match], in src: [Ch]) -> [Milestone] {
        guard ms.count >= 2, Set(ms.map(\.date)).count >= 2 else { return [] }
        return ms.map { m in
            var a = m.start, b = m.end
            while a > 0, !clauseStops.contains(src[a - 1]) { a -= 1 }
            while b < src.count, !clauseStops.contains(src[b]) { b += 1 }
            return Milestone(date: m.date, text: String(src[a..<b]).trimmed())
        }
    }
    private static let clauseStops: Set<Ch> = ["，", ",", "；", ";", "。", "\n", "、"]

    /// The last clause of a task's text, when it is short and says "no date" (长期坚持, 常态化推进),
    /// or a bracket saying so (（长期）): its range. 常态化疫情防控 at the head of a task is work, not time.
    private static func noDateClause(_ f: [Ch]) -> Range<Int>? {
        var end = f.count
        while end > 0, [" ", "。", ".", ";", "；"].contains(f[end - 1]) { end -= 1 }
        var bracketed = false
        if end > 0, f[end - 1] == ")" || f[end - 1] == "）" { bracketed = true; end -= 1 }
        var start = end
        while start > 0 {
            let c = f[start - 1]
            if bracketed ? (c == "(" || c == "（") : (c == "," || c == "，" || c == ";" || c == "；" || c == "。") { break }
            start -= 1
        }
        guard start > 0 || bracketed, end - start <= 8, end > start else { return nil }
        let clause = Array(f[start..<end])
        return noDateWords.contains { clause.includes($0) } ? start..<end : nil
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

    /// A deadline phrase found: its date and where it stands in the folded text.
    struct Match { var date: PlanDate; var start: Int; var end: Int }

    /// Where a phrase ends: past 份, 底 / 末 and a "by" word (前, 之前, 以前, 内, 止, 为止).
    private static func phraseEnd(_ f: [Ch], _ k: Int) -> Int {
        var j = min(k, f.count)
        if j < f.count, f[j] == "份" { j += 1 }
        if j < f.count, f[j] == "底" || f[j] == "末" { j += 1 }
        for w in endWords where f.hasPrefix(w, at: j) { return j + w.count }
        return j
    }
    private static let endWords: [[Ch]] = ["之前", "以前", "为止", "前", "内", "止"].map(chs)

    private static func scan(_ f: [Ch], year: Int?, requireMarker: Bool, from start: Int = 0) -> Match? {
        let n = f.count
        var i = start
        func hit(_ d: PlanDate?, _ end: Int) -> Match? { d.map { Match(date: $0, start: i, end: phraseEnd(f, end)) } }
        while i < n {
            // 2023年9月30日(前) / 2023年9月(底)(前) / 2023年底(前) / 2023年
            if f[i].isASCIIDigit {
                var j = i
                guard let first = number(f, &j) else { i += 1; continue }
                if j < n, f[j] == "年", first >= 1900, first <= 2100 {
                    var k = j + 1
                    if k < n, f[k] == "底" || f[k] == "末" {
                        if !requireMarker || hasMarker(f, at: k + 1) { return hit(PlanDate.endOfYear(first), k + 1) }
                    }
                    if let m = number(f, &k), k < n, f[k] == "月" {
                        var d = k + 1
                        if let day = number(f, &d), d < n, f[d] == "日" || f[d] == "号" {
                            if !requireMarker || hasMarker(f, at: d + 1) { return hit(PlanDate(year: first, month: m, day: day), d + 1) }
                        } else if !requireMarker || hasMarker(f, at: k + 1) || (k + 1 < n && (f[k + 1] == "底" || f[k + 1] == "末")) {
                            return hit(endOfMonth(first, m), k + 1)
                        }
                    }
                    i = j + 1
                    continue
                }
                // 6月30日前 / 6月底前 / 6月前
                if j < n, f[j] == "月", (1...12).contains(first), let y = year {
                    var d = j + 1
                    if let day = number(f, &d), d < n, f[d] == "日" || f[d] == "号" {
                        if !requireMarker || hasMarker(f, at: d + 1) { return hit(PlanDate(year: y, month: first, day: day), d + 1) }
                    } else {
                        var k = j + 1
                        if k < n, f[k] == "份" { k += 1 }
                        let atEnd = k < n && (f[k] == "底" || f[k] == "末")
                        if atEnd { k += 1 }
                        if !requireMarker || hasMarker(f, at: k) {
                            return hit(endOfMonth(y, first), k)
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
                    if !requireMarker || hasMarker(f, at: k) { return hit(endOfMonth(y, m), k) }
                }
                // 一季度 / 二季度末
                if j < n, f[j] == "季", j + 1 < n, f[j + 1] == "度", let q = Headings.chineseNumber(f[i..<j]), (1...4).contains(q) {
                    // A quarter names a time even without 前 (一季度启动…), unless it is compared with (较一季度).
                    let compared = i > 0 && (f[i - 1] == "较" || f[i - 1] == "比" || f[i - 1] == "与")
                    if !requireMarker || !compared { return hit(endOfMonth(y, q * 3), j + 2) }
                }
            }
            if rest(W.第) || rest(W.前) {
                var j = i + 1
                if let q = number(f, &j), j + 1 < n, f[j] == "季", f[j + 1] == "度", (1...4).contains(q) {
                    if !requireMarker || rest(W.前) || hasMarker(f, at: j + 2) || (j + 2 < n && f[j + 2] == "末") {
                        return hit(endOfMonth(y, q * 3), j + 2)
                    }
                }
            }
            if rest(W.上半年) {
                if !requireMarker || hasMarker(f, at: i + 3) || (i + 3 < n && f[i + 3] == "底") { return hit(endOfMonth(y, 6), i + 3) }
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
