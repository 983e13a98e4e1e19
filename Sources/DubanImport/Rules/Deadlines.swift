import DubanCore

/// Deadlines written in words, resolved against the plan year: the core's one reader
/// (`DeadlineText`, also the dashboard's deadline editor and `duban set --deadline`) on
/// the importer's folded text: 6月底前, 年底前, 上半年, 一季度, 年内, 2023年9月30日前, 9月30日, 2020年底.
enum Deadlines {
    /// Reads a 完成时限 value (the whole value is about the deadline).
    static func parse(_ value: String, year: Int?) -> PlanDate? {
        DeadlineText.read(Lines.fold(value), year: year)
    }

    /// Looks for a deadline phrase inside a task's text: only phrases that say
    /// "by" (前, 之前, 年内, 底前) count, so 较上半年 or 2019年 do not.
    static func find(inText text: String, year: Int?) -> PlanDate? {
        DeadlineText.find(inText: Lines.fold(text), year: year)
    }

    /// Words that say a task has no date: 长期, 常态化, 持续推进, 按年度 (and a few kin), read in a
    /// 完成时限 value. A task that says so has no deadline; it is never the year's end. (In a task's
    /// own text the words describe the work, 常态化疫情防控 or 长效机制, and say nothing of a date.)
    static func saysNoDate(_ text: String) -> Bool {
        let f = Lines.foldedChs(text).withoutSpaces
        return noDateWords.contains { f.includes($0) }
    }

    private static let noDateWords: [[Ch]] = ["长期", "常态化", "持续推进", "按年度", "持续开展", "每年", "长年"].map(chs)
}
