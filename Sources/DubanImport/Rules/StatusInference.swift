import DubanCore

/// A suggested status from a completion or progress text. The importer marks
/// every status it guesses this way as inferred, so the inspector sees which
/// ones were not set by a person.
enum StatusInference {
    static let lagging = ["未完成", "尚未完成", "尚未开工", "尚未启动", "未启动", "未开工", "滞后", "进度缓慢", "未达到", "未达", "没有完成", "难以完成", "暂停", "停滞"]
    static let inProgress = ["正在", "推进中", "进行中", "正稳步", "稳步推进", "有序推进", "加快推进", "加紧", "加快", "持续推进", "积极推进", "仍在", "尚在", "启动实施", "初步完成", "基本完成"]
    static let done = ["已完成", "已建成", "全面完成", "已全部完成", "全部完成", "已竣工", "竣工验收", "建成通车", "全线建成", "已投产", "全面投产", "已开工", "已获批", "获批", "已实现", "完成年度任务", "完成目标任务", "完成全年任务", "任务已完成", "已落实", "顺利开学", "已印发", "已出台", "建成开馆", "建成上线", "已交付", "竣工交付", "完成率100%", "完工率100%", "全部建成", "圆满完成"]

    /// The status a text suggests; in progress when it reports work without saying it is done.
    /// Every word of the three lists by its first character: (list, word), lists 0 lagging, 1 in progress, 2 done.
    private static let byFirst: [Ch: [(Int, [Ch])]] = {
        var d: [Ch: [(Int, [Ch])]] = [:]
        for (k, list) in [lagging, inProgress, done].enumerated() {
            for w in list { let c = chs(w); if let f = c.first { d[f, default: []].append((k, c)) } }
        }
        return d
    }()

    static func infer(_ text: String) -> TaskStatus {
        let f = Lines.foldedChs(text).withoutSpaces
        if f.isEmpty { return .notStarted }
        if f.hasExotic { return inferSlowly(text) }
        // One pass: which lists have a word in the text.
        var found = [false, false, false]
        for i in f.indices {
            guard let words = byFirst[f[i]] else { continue }
            for (k, w) in words where !found[k] && f.hasPrefix(w, at: i) {
                found[k] = true
                if k == 0 { return .lagging }
            }
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
