import DubanCore

/// Deadlines written in words, resolved against the plan year. The phrases are read by the core's one
/// reader (`DeadlineText.scan`, also the dashboard's deadline editor and `duban set --deadline`) on the
/// importer's folded text: 6月底前, 年底前, 上半年, 一季度, 年内, 2023年9月30日前, 9月30日, 2020年底, and a
/// whole value 2020.6.30; what the importer adds on top is its own: the milestones of a value with several
/// dated nodes, the words as written, and the words that say "no date".
enum Deadlines {
    /// Reads a 完成时限 value (the whole value is about the deadline).
    static func parse(_ value: String, year: Int?) -> PlanDate? {
        let f = Folded(value)
        return scan(f, year: year, requireMarker: false)?.date ?? DeadlineText.numericDate(value)
    }

    /// Looks for a deadline phrase inside a task's text: only phrases that say
    /// "by" (前, 之前, 年内, 底前) count, so 较上半年 or 2019年 do not.
    static func find(inText text: String, year: Int?) -> PlanDate? {
        let f = Folded(text)
        return scan(f, year: year, requireMarker: true)?.date
    }

    /// Every deadline phrase of a text, in order (a 完成时限 value: `requireMarker` false).
    static func all(_ f: Folded, year: Int?, requireMarker: Bool) -> [Match] {
        DeadlineText.all(f.scalarKeys, year: year, requireMarker: requireMarker)
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
        let f = Folded(written)
        let ms = all(f, year: year, requireMarker: false)
        if ms.isEmpty {
            if let d = DeadlineText.numericDate(written) { return Reading(date: d, text: written) }
            return Reading(date: nil, text: written, noDate: saysNoDate(written))
        }
        return Reading(date: ms.map(\.date).max(), text: written, milestones: nodes(ms, in: Printed(written)))
    }

    /// Reads the deadline words inside a task's own text: phrases that say "by" (6月底前, 年底前,
    /// 一季度), each kept as written; a last clause that says "no date" (…，长期坚持。, （常态化）).
    static func read(text: String, year: Int?) -> Reading {
        let printed = Printed(text)
        let f = Folded(text)
        let ms = all(f, year: year, requireMarker: true)
        // The words as written where the folded characters stand for them one for one, else folded.
        func written(_ r: Range<Int>) -> String { printed.count == f.count ? printed[r].string : f[r].string }
        if ms.isEmpty {
            return noDateClause(f).map { Reading(date: nil, text: written($0).trimmed(), noDate: true) } ?? Reading()
        }
        let phrase = ms.count == 1 ? written(ms[0].start..<ms[0].end) : ms.map { written($0.start..<$0.end) }.joined(separator: "；")
        let src = printed.count == f.count ? printed : Printed(sameCharacters: f)
        return Reading(date: ms.map(\.date).max(), text: phrase, milestones: nodes(ms, in: src))
    }

    /// Two or more distinct dated nodes: each with its clause (the words between stops around it).
    private static func nodes(_ ms: [Match], in src: Printed) -> [Milestone] {
        guard ms.count >= 2, Set(ms.map(\.date)).count >= 2 else { return [] }
        return ms.map { m in
            var a = m.start, b = m.end
            while a > 0, !clauseStops.contains(src[a - 1]) { a -= 1 }
            while b < src.count, !clauseStops.contains(src[b]) { b += 1 }
            return Milestone(date: m.date, text: String(src[a..<b]).trimmed())
        }
    }
    private static let clauseStops: CharSet = "，,；;。\n、"

    /// The last clause of a task's text, when it is short and says "no date" (长期坚持, 常态化推进),
    /// or a bracket saying so (（长期）): its range. 常态化疫情防控 at the head of a task is work, not time.
    private static func noDateClause(_ f: Folded) -> Range<Int>? {
        var end = (f.lastIndex { !clauseEnds.contains($0) } ?? -1) + 1
        var bracketed = false
        if end > 0, f[end - 1] == ")" || f[end - 1] == "）" { bracketed = true; end -= 1 }
        var start = end
        while start > 0 {
            let c = f[start - 1]
            if bracketed ? (c == "(" || c == "（") : (c == "," || c == "，" || c == ";" || c == "；" || c == "。") { break }
            start -= 1
        }
        guard start > 0 || bracketed, end - start <= 8, end > start else { return nil }
        let clause = f[start..<end]
        return noDateWords.contains { clause.includes($0) } ? start..<end : nil
    }

    /// Words that say a task has no date: 长期, 常态化, 持续推进, 按年度 (and a few kin), read in a
    /// 完成时限 value. A task that says so has no deadline; it is never the year's end. (In a task's
    /// own text the words describe the work, 常态化疫情防控 or 长效机制, and say nothing of a date.)
    static func saysNoDate(_ text: String) -> Bool {
        let f = Folded(text).withoutSpaces
        return noDateWords.contains { f.includes($0) }
    }

    private static let noDateWords: [Folded] = ["长期", "常态化", "持续推进", "按年度", "持续开展", "每年", "长年"]
    private static let clauseEnds: CharSet = " 。.;；"

    /// A deadline phrase found: its date and where it stands in the folded text.
    typealias Match = DeadlineText.Match

    /// The core's reader on the importer's folded characters (their canonical keys: a compatibility
    /// ideograph reads as its unified form, as the text layer compares characters).
    private static func scan(_ f: Folded, year: Int?, requireMarker: Bool, from start: Int = 0) -> Match? {
        DeadlineText.scan(f.scalarKeys, year: year, requireMarker: requireMarker, from: start)
    }
}
