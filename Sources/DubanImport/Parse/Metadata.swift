import DubanCore

/// Title, issuing body, document number, issue date and plan year of a notice.
struct NoticeMetadata {
    var title: String?
    var titleLine: Int?
    var issuer: String?
    var documentNumber: String?
    var issueDate: PlanDate?
    var year: Int?
    /// Lines the metadata came from (understood, never warned about).
    var lines: Set<Int> = []
}

enum Metadata {
    static let titleEndings = [
        "通知", "通报", "意见", "方案", "决定", "批复", "分解表", "任务表", "重点工作", "工作要点", "任务清单", "责任清单",
        "完成情况", "任务分解", "责任分工", "分工方案", "实施方案", "要点", "清单", "进展情况", "落实情况", "台账",
    ]

    static func extract(_ lines: [SourceLine], before limit: Int, after end: Int) -> NoticeMetadata {
        var m = NoticeMetadata()
        // Document number: the first in the document.
        // Document number: before the plan, else on a short line after it (a footer, a file link).
        for l in lines where l.number < limit || (l.number > end && l.folded.count <= 80) {
            if let (num, _) = documentNumber(in: l.folded) { m.documentNumber = num; m.lines.insert(l.number); break }
        }
        // Title: a 关于...的通知 line first, else a line ending like a title, in the part before the plan.
        var best: (Int, SourceLine)? = nil
        for l in lines where l.number < limit && !l.isBlank && !PageChrome.isChrome(l) {
            let f = l.folded
            guard f.count >= 6, f.count <= 90, !f.contains("。"), !f.hasPrefix("附件") else { continue }
            if Headings.marker(f) != nil { continue }
            let s = String(f)
            var score = 0
            if s.includes("关于") && (s.hasSuffix("通知") || s.hasSuffix("通报") || s.hasSuffix("意见") || s.hasSuffix("方案") || s.hasSuffix("决定") || s.hasSuffix("批复")) { score = 3 }
            else if titleEndings.contains(where: { s.hasSuffix($0) }) && !s.hasSuffix(":") { score = 2 }
            if score > (best?.0 ?? 0) { best = (score, l) }
            if score == 3 { break }
        }
        if let (_, l) = best {
            m.title = l.string
            m.titleLine = l.number
            m.lines.insert(l.number)
            let f = String(l.folded)
            if let r = f.range(of: "关于") {
                let issuer = String(f[..<r.lowerBound]).trimmed()
                if issuer.count >= 3 && issuer.count <= 30 { m.issuer = issuer }
            }
        }
        // Issuer from "X文件" (a red header) or "来源: X".
        if m.issuer == nil {
            for l in lines.prefix(200) {
                let s = l.foldedString
                if let r = s.range(of: "人民政府文件") {
                    let before = String(s[..<r.lowerBound])
                    var place = trailingHan(before, max: 10)
                    // The place starts where the document number's first character does (许政 -> 许昌市),
                    // else it is two characters and its 市/县/区.
                    if let c = m.documentNumber?.first, let i = place.lastIndex(of: c) { place = String(place[i...]) }
                    else if place.count > 3 { place = String(place.suffix(3)) }
                    let name = place + "人民政府"
                    if place.count >= 2 { m.issuer = name; break }
                }
                if let r = s.range(of: "来源:") {
                    let after = String(s[r.upperBound...]).trimmed()
                    let name = String(after.prefix { $0.isHan })
                    if name.count >= 4 && (name.hasSuffix("政府") || name.hasSuffix("办公室") || name.hasSuffix("委员会")) { m.issuer = name; break }
                }
            }
        }
        // Issue date: a line that is only a date, else a 发布时间 / time stamp.
        for l in lines where !l.isBlank {
            if let d = standaloneDate(l.folded) { m.issueDate = d; m.lines.insert(l.number); break }
        }
        if m.issueDate == nil {
            for l in lines.prefix(60) {
                let f = l.folded
                if let i = isoDateIndex(f), let d = isoDate(f, at: i) { m.issueDate = d; break }
            }
        }
        // Signature line: the issuer again, just before the date.
        if m.issuer == nil, let d = m.issueDate {
            for (i, l) in lines.enumerated() where standaloneDate(l.folded) == d {
                var j = i - 1
                while j >= 0, lines[j].isBlank { j -= 1 }
                if j >= 0 {
                    let s = lines[j].foldedString
                    if s.count <= 30, s.hasSuffix("政府") || s.hasSuffix("办公室") || s.hasSuffix("委员会") { m.issuer = s; m.lines.insert(lines[j].number) }
                }
                break
            }
        }
        // Year: the title's, else a 20XX年 heading line before the plan, else the document number's, else the issue date's.
        if let t = m.title { m.year = yearIn(t) }
        if m.year == nil {
            for l in lines where l.number < limit && l.folded.count <= 40 && !PageChrome.isChrome(l) {
                let s = l.foldedString
                if s.includes("重点工作") || s.includes("重点任务") || s.includes("工作要点"), let y = yearIn(s) { m.year = y; break }
            }
        }
        if m.year == nil, let n = m.documentNumber { m.year = yearIn(n, marker: false) }
        if m.year == nil, let d = m.issueDate { m.year = d.year }
        return m
    }

    private static func trailingHan(_ s: String, max: Int) -> String {
        var out: [Character] = []
        for c in s.reversed() { if c.isHan && out.count < max { out.append(c) } else { break } }
        return String(out.reversed())
    }

    /// 2020年 / 2020年度 in a text.
    static func yearIn(_ s: String, marker: Bool = true) -> Int? {
        let cs = Array(s)
        var i = 0
        while i + 4 <= cs.count {
            if cs[i].isASCIIDigit, cs[i + 1].isASCIIDigit, cs[i + 2].isASCIIDigit, cs[i + 3].isASCIIDigit,
               i == 0 || !cs[i - 1].isASCIIDigit,
               let y = Int(String(cs[i..<(i + 4)])), (1990...2100).contains(y) {
                if !marker { return y }
                if i + 4 < cs.count, cs[i + 4] == "年" { return y }
            }
            i += 1
        }
        return nil
    }

    /// 界政发〔2020〕11号, 许政 [2020] 20号 -> normalised with 〔〕 and no spaces.
    static func documentNumber(in f: Folded) -> (String, Int)? {
        let opens: CharSet = "〔[(【［{"
        let closes: CharSet = "〕])】］}"
        var i = 0
        while i < f.count {
            guard opens.contains(f[i]) else { i += 1; continue }
            // prefix: Han characters (2..6) before, spaces allowed in between
            var p = i - 1
            while p >= 0, f[p] == " " { p -= 1 }
            var start = p + 1
            while start - 1 >= 0, f[start - 1].isHan, p - start + 2 <= 6 { start -= 1 }
            let prefix = String(f[start...max(start, p)]).filter { $0.isHan }
            var j = i + 1
            while j < f.count, f[j] == " " { j += 1 }
            let ys = j
            while j < f.count, f[j].isASCIIDigit { j += 1 }
            let yearText = String(f[ys..<j])
            while j < f.count, f[j] == " " { j += 1 }
            guard prefix.count >= 2, yearText.count == 4, j < f.count, closes.contains(f[j]) else { i += 1; continue }
            j += 1
            while j < f.count, f[j] == " " { j += 1 }
            let ns = j
            while j < f.count, f[j].isASCIIDigit { j += 1 }
            guard j > ns, j < f.count, f[j] == "号" else { i += 1; continue }
            return ("\(prefix)〔\(yearText)〕\(String(f[ns..<j]))号", start)
        }
        return nil
    }

    /// A line that is only a date: 2020年2月23日, 二〇二〇年二月十四日.
    static func standaloneDate(_ f: Folded) -> PlanDate? {
        guard f.count >= 8, f.count <= 14, f.last == "日" else { return nil }
        guard let yi = f.firstIndex(of: "年" as Folded), let mi = f.firstIndex(of: "月" as Folded), yi < mi, mi < f.count - 1 else { return nil }
        func value(_ s: Folded) -> Int? {
            if s.allSatisfy({ $0.isASCIIDigit }) { return Int(s.string) }
            if s.count == 4 || s.allSatisfy({ $0.chineseDigit != nil }) && s.count == 4 {
                var v = 0
                for c in s { guard let d = c.chineseDigit else { return nil }; v = v * 10 + d }
                return v
            }
            return Headings.chineseNumber(s)
        }
        guard let y = value(f[0..<yi]), let m = value(f[(yi + 1)..<mi]), let d = value(f[(mi + 1)..<(f.count - 1)]) else { return nil }
        return PlanDate(year: y, month: m, day: d)
    }

    private static func isoDateIndex(_ f: Folded) -> Int? {
        guard f.count >= 10 else { return nil }
        for i in 0...(f.count - 10) {
            if f[i].isASCIIDigit, f[i + 4] == "-", f[i + 7] == "-", (i == 0 || !f[i - 1].isASCIIDigit) { return i }
        }
        return nil
    }

    private static func isoDate(_ f: Folded, at i: Int) -> PlanDate? {
        PlanDate(iso: String(f[i..<(i + 10)]))
    }
}
