import DubanCore

/// A suggested status from a completion or progress text. The importer marks
/// every status it guesses this way as inferred, so the inspector sees which
/// ones were not set by a person.
enum StatusInference {
    static let lagging = ["未完成", "尚未完成", "尚未开工", "尚未启动", "未启动", "未开工", "滞后", "进度缓慢", "未达到", "未达", "没有完成", "难以完成", "暂停", "停滞"]
    static let inProgress = ["正在", "推进中", "进行中", "正稳步", "稳步推进", "有序推进", "加快推进", "加紧", "加快", "持续推进", "积极推进", "仍在", "尚在", "启动实施", "初步完成", "基本完成"]
    static let done = ["已完成", "已建成", "全面完成", "已全部完成", "全部完成", "已竣工", "竣工验收", "建成通车", "全线建成", "已投产", "全面投产", "已开工", "已获批", "获批", "已实现", "完成年度任务", "完成目标任务", "完成全年任务", "任务已完成", "已落实", "顺利开学", "已印发", "已出台", "建成开馆", "建成上线", "已交付", "竣工交付", "完成率100%", "完工率100%", "全部建成", "圆满完成",
                       "已全面完成", "提前完成", "超额完成", "如期完成", "按期完成", "顺利完成", "已通过", "审议通过", "已投入运营", "投入使用", "已投用"]

    /// The status a text suggests; in progress when it reports work without saying it is done.
    /// Every word of the three lists by its first character: (list, word), lists 0 lagging, 1 in progress, 2 done.
    private static let byFirst = PhraseTable([lagging, inProgress, done].enumerated().flatMap { k, list in list.map { ($0, k) } })

    /// A status and why: the phrase that says so, or the target and the reported figure.
    struct Reading: Equatable {
        var status: TaskStatus
        var reason: String?
    }

    /// Reads a completion text against the task it reports on: a lagging or under-way word
    /// (正在, 推进中, 计划, 将于) wins; then a completion phrase in any form (已完成, 已于2023年二季度完成…,
    /// 提前完成); then a reported figure that meets or beats the task's target in the same unit
    /// (创建15家 asked, 21户企业获评; 3500个 asked, 3847个 built).
    static func read(_ text: String, task: String) -> Reading {
        let f = Folded(text).withoutSpaces
        if f.isEmpty { return Reading(status: .notStarted) }
        if !f.isSimple { return Reading(status: inferSlowly(text)) }
        let words = firstWords(in: f)
        if let w = words[0] { return Reading(status: .lagging, reason: w) }
        if let w = words[1] { return Reading(status: .inProgress, reason: w) }
        if let p = doneOnDate(f) { return Reading(status: .done, reason: p) }
        if let w = words[2] { return Reading(status: .done, reason: w) }
        if let r = Figures.met(target: Folded(task).withoutSpaces, report: f) { return Reading(status: .done, reason: r) }
        return Reading(status: .inProgress)
    }

    /// Plans, not facts: 计划, 将于, 拟, 争取, 力争 (the work is still ahead).
    static let notYet = ["计划于", "计划在", "将于", "将在", "拟于", "争取", "力争", "预计"]

    /// The first word of each list in the text (0 lagging, 1 under way, 2 done), in one pass.
    private static func firstWords(in f: Folded) -> [String?] {
        var found: [String?] = [nil, nil, nil]
        for i in f.indices {
            byFirstAll.forEach(at: i, in: f) { w, k in
                if found[k] == nil { found[k] = w.string }
                return false
            }
            if found[0] != nil { break }
        }
        return found
    }
    /// The lists' words by their first character, longest first within a list.
    private static let byFirstAll = PhraseTable([lagging, inProgress + notYet, done].enumerated().flatMap { k, list in
        list.sorted(by: { $0.count > $1.count }).map { ($0, k) }
    })

    /// 已于2023年二季度完成… / 已于12月29日全线建成通车: 已于, a time of at most 14 characters,
    /// then a completing verb. Returns the phrase as written (folded).
    static func doneOnDate(_ f: Folded) -> String? {
        var from = 0
        while let i = f.firstIndex(of: W.已于, from: from) {
            var j = i + 2
            while j < f.count, j - i <= 16 {
                for v in completingVerbs where f.hasPrefix(v, at: j) {
                    return String(f[i..<(j + v.count)])
                }
                if f[j] == "," || f[j] == "。" || f[j] == ";" { break }
                j += 1
            }
            from = i + 2
        }
        return nil
    }
    /// The words, each made once (an enum of statics: a tuple of `Folded` is copied through
    /// the runtime's generic tuple witness at every use, 6% of a 2 MB import).
    private enum W {
        static let 已于: Folded = "已于"
    }
    private static let completingVerbs: [Folded] = ["完成", "建成", "竣工", "通车", "投产", "投入运营", "印发", "出台", "通过", "获批", "开工"]

    static func infer(_ text: String) -> TaskStatus {
        let f = Folded(text).withoutSpaces
        if f.isEmpty { return .notStarted }
        if !f.isSimple { return inferSlowly(text) }
        // One pass: which lists have a word in the text.
        var found = [false, false, false]
        for i in f.indices {
            var lagging = false
            byFirst.forEach(at: i, in: f) { _, k in
                found[k] = true
                lagging = k == 0
                return lagging
            }
            if lagging { return .lagging }
        }
        // 初步完成 / 基本完成 say "not yet": they count before the done words they contain.
        if found[1] { return .inProgress }
        if found[2] { return .done }
        return .inProgress
    }

    /// The same on strings, for texts holding characters that are not simple scalars.
    static func inferSlowly(_ text: String) -> TaskStatus {
        let t = Lines.fold(text).withoutSpaces
        if t.isEmpty { return .notStarted }
        if lagging.contains(where: { t.includes($0) }) { return .lagging }
        // 初步完成 / 基本完成 say "not yet": check them before the done words they contain.
        if inProgress.contains(where: { t.includes($0) }) { return .inProgress }
        if done.contains(where: { t.includes($0) }) { return .done }
        return .inProgress
    }
}

/// Figures of a target and of a report: `15家`, `3847个`, `97.65公里`, `2.37万人`.
enum Figures {
    struct Amount: Equatable {
        var value: Double
        var unit: String
        var written: String
        /// The Han characters of the clause the figure stands in (what it counts).
        var about: Folded
    }

    /// Units that count the same things: 家 and 户 (enterprises), 个 and 处 (places).
    private static let sameAs: [String: String] = ["户": "家", "处": "个", "千米": "公里", "km": "公里"]
    /// Measure words read after a number, longest first.
    private static let units: [Folded] = (["平方公里", "平方米", "万平方米", "千米", "公里", "千瓦", "兆瓦", "万千瓦", "亿元", "万元", "元",
                                           "万人", "人次", "人", "家", "户", "个", "所", "项", "座", "套", "辆", "台", "条", "吨", "亩", "张",
                                           "间", "床", "场", "处", "栋", "公顷", "km"] as [Folded]).sorted { $0.count > $1.count }
    private static let tenThousandUnits: [Folded] = ["万元", "万人", "万平方米", "万千瓦"]
    /// Targets where less is better: not compared.
    private static let lowerIsBetter: [Folded] = ["控制在", "以内", "以下", "下降", "降低", "减少", "不超过", "低于", "压减", "削减"]
    private static let clauseStops: CharSet = ",，;；。:：\n"

    static func amounts(_ f: Folded) -> [Amount] {
        var out: [Amount] = []
        var i = 0
        while i < f.count {
            guard f[i].isASCIIDigit, i == 0 || !(f[i - 1].isASCIIDigit || f[i - 1] == ".") else { i += 1; continue }
            var j = i
            while j < f.count, f[j].isASCIIDigit || (f[j] == "." && j + 1 < f.count && f[j + 1].isASCIIDigit) { j += 1 }
            guard var v = Double(String(f[i..<j])) else { i = j; continue }
            var k = j
            if k < f.count, f[k] == "万", !tenThousandUnits.contains(where: { f.hasPrefix($0, at: k) }) { v *= 10_000; k += 1 }
            if let u = units.first(where: { f.hasPrefix($0, at: k) }) {
                let name = String(u)
                var a = i, b = k + u.count
                while a > 0, !clauseStops.contains(f[a - 1]) { a -= 1 }
                while b < f.count, !clauseStops.contains(f[b]) { b += 1 }
                let about = (f[a..<i] + f[(k + u.count)..<b]).hanOnly
                out.append(Amount(value: v, unit: sameAs[name] ?? name, written: String(f[i..<(k + u.count)]), about: about))
                i = k + u.count
            } else { i = max(k, i + 1) }
        }
        return out
    }

    /// Whether two clauses speak of the same thing: three Han characters in a row in common
    /// (工业设计中心, 公共停车泊位, 健身步道), the measure words aside.
    static func sameThing(_ a: Folded, _ b: Folded) -> Bool {
        guard a.count >= 3, b.count >= 3 else { return false }
        var grams = Set<Folded>()
        for i in 0...(a.count - 3) { grams.insert(a[i..<(i + 3)]) }
        for i in 0...(b.count - 3) where grams.contains(b[i..<(i + 3)]) { return true }
        return false
    }

    /// "15家 → 21户" when every target figure the report speaks of (same unit, same thing) is met
    /// or beaten, and at least one is; nil when one is missed, less is better, or nothing compares.
    static func met(target: Folded, report: Folded) -> String? {
        if lowerIsBetter.contains(where: { target.includes($0) }) { return nil }
        let asked = amounts(target)
        guard !asked.isEmpty else { return nil }
        let got = amounts(report)
        guard !got.isEmpty else { return nil }
        var pairs: [String] = []
        for a in asked {
            let same = got.filter { $0.unit == a.unit && sameThing(a.about, $0.about) }
            guard let best = same.max(by: { $0.value < $1.value }) else { continue }
            if best.value < a.value { return nil }
            pairs.append("\(a.written) → \(best.written)")
        }
        return pairs.isEmpty ? nil : pairs.joined(separator: "；")
    }
}
