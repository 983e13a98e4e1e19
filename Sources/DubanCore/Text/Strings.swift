/// Every piece of interface text, in one table: Chinese by default, English with
/// `--lang en` or a `LANG=en*` environment. Data (task texts, unit names) is never
/// translated; only the program's own words live here.
public enum Lang: String, Sendable, CaseIterable {
    case zh, en

    /// `--lang` wins; otherwise LC_ALL, LC_MESSAGES or LANG starting with "en" gives English.
    public static func resolve(flag: String?, environment: [String: String]) -> Lang {
        if let flag, let l = Lang(code: flag) { return l }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[key], !v.isEmpty {
                return v.lowercased().hasPrefix("en") ? .en : .zh
            }
        }
        return .zh
    }

    public init?(code: String) {
        let c = code.lowercased()
        if c.hasPrefix("en") { self = .en } else if c.hasPrefix("zh") || c == "cn" { self = .zh } else { return nil }
    }
}

public struct Strings: Sendable {
    public let lang: Lang
    public init(_ lang: Lang) { self.lang = lang }

    public subscript(_ key: Key) -> String {
        let (zh, en) = key.texts
        return lang == .zh ? zh : en
    }

    /// The text of a key with `{0}`, `{1}`, ... replaced by the arguments.
    public func format(_ key: Key, _ args: CustomStringConvertible...) -> String {
        var s = self[key]
        for (i, a) in args.enumerated() { s = s.replacingAll("{\(i)}", with: a.description) }
        return s
    }

    public func status(_ s: TaskStatus) -> String { lang == .zh ? s.chineseLabel : s.englishLabel }

    public func light(_ l: Light) -> String {
        switch l {
        case .red: return self[.lightRed]
        case .yellow: return self[.lightYellow]
        case .green: return self[.lightGreen]
        }
    }

    /// A light's reason in words: 逾期12天, 序时进度60%, 实际30%.
    public func reason(_ r: LightReason) -> String {
        switch r {
        case .done: return self[.reasonDone]
        case .onTrack: return self[.reasonOnTrack]
        case .overdue(let d): return format(.reasonOverdue, d)
        case .lagging: return self[.reasonLagging]
        case .dueSoon(let d): return d == 0 ? self[.reasonDueToday] : format(.reasonDueSoon, d)
        case .behindSchedule(let e, let a): return format(.reasonBehind, e, a)
        }
    }

    public func reasons(_ a: Assessment) -> String {
        a.reasons.map(reason).joined(separator: lang == .zh ? "；" : "; ")
    }

    public enum Key: String, CaseIterable, Sendable {
        // lights and reasons
        case lightRed, lightYellow, lightGreen
        case reasonDone, reasonOnTrack, reasonOverdue, reasonLagging, reasonDueSoon, reasonDueToday, reasonBehind
        // history notes written by edits
        case noteStatus, noteProgress, noteDeadline, noteDeadlineCleared, noteText, noteUnits, noteLeaders, noteRemarks
        // report columns
        case colUnit, colLeader, colChapter, colStatus, colLed, colShared, colDone, colOverdue, colLagging
        case colPercentDone, colTasks, colRed, colYellow, colNumber, colText, colDeadline, colDaysOverdue, colLeadUnits
        case colProgress
        case unassigned, noChapter
        // CLI messages
        case validOK, problemsFound, taskNotFound, taskAmbiguous, savedTo, nothingToChange
        case badDate, badStatus, badProgress, setDone
    }
}

extension Strings.Key {
    /// (Chinese, English) for every key. The switch makes the compiler check that
    /// every key has both.
    var texts: (String, String) {
        switch self {
        case .lightRed: return ("红灯", "red")
        case .lightYellow: return ("黄灯", "yellow")
        case .lightGreen: return ("绿灯", "green")
        case .reasonDone: return ("已完成", "done")
        case .reasonOnTrack: return ("正常推进", "on track")
        case .reasonOverdue: return ("逾期{0}天", "{0} days overdue")
        case .reasonLagging: return ("标记为滞后", "marked lagging")
        case .reasonDueSoon: return ("{0}天后到期", "due in {0} days")
        case .reasonDueToday: return ("今天到期", "due today")
        case .reasonBehind: return ("序时进度{0}%, 实际{1}%", "expected {0}% by now, actual {1}%")
        case .noteStatus: return ("状态：{0} → {1}", "status: {0} → {1}")
        case .noteProgress: return ("进度：{0}% → {1}%", "progress: {0}% → {1}%")
        case .noteDeadline: return ("完成时限：{0} → {1}", "deadline: {0} → {1}")
        case .noteDeadlineCleared: return ("完成时限：{0} → 无", "deadline: {0} → none")
        case .noteText: return ("修改任务内容", "task text edited")
        case .noteUnits: return ("责任单位：{0} → {1}", "units: {0} → {1}")
        case .noteLeaders: return ("牵头领导：{0} → {1}", "leaders: {0} → {1}")
        case .noteRemarks: return ("修改备注", "remarks edited")
        case .colUnit: return ("单位", "Unit")
        case .colLeader: return ("牵头领导", "Leader")
        case .colChapter: return ("章节", "Chapter")
        case .colStatus: return ("状态", "Status")
        case .colLed: return ("牵头", "Led")
        case .colShared: return ("协同", "Shared")
        case .colDone: return ("完成", "Done")
        case .colOverdue: return ("逾期", "Overdue")
        case .colLagging: return ("滞后", "Lagging")
        case .colPercentDone: return ("完成率", "% done")
        case .colTasks: return ("任务", "Tasks")
        case .colRed: return ("红灯", "Red")
        case .colYellow: return ("黄灯", "Yellow")
        case .colNumber: return ("序号", "No.")
        case .colText: return ("任务", "Task")
        case .colDeadline: return ("完成时限", "Deadline")
        case .colDaysOverdue: return ("逾期天数", "Days overdue")
        case .colLeadUnits: return ("牵头单位", "Lead units")
        case .colProgress: return ("进度", "Progress")
        case .unassigned: return ("（未指定）", "(none)")
        case .noChapter: return ("（无章节）", "(no chapter)")
        case .validOK: return ("{0}：有效（{1}项任务）", "{0}: valid ({1} tasks)")
        case .problemsFound: return ("{0}：发现{1}个问题", "{0}: {1} problems found")
        case .taskNotFound: return ("找不到任务“{0}”（按编号或序号查找）", "no task \"{0}\" (looked up by id and by number)")
        case .taskAmbiguous: return ("序号“{0}”对应多项任务：{1}；请用编号", "number \"{0}\" matches several tasks: {1}; use the id")
        case .savedTo: return ("已保存：{0}", "saved: {0}")
        case .nothingToChange: return ("未指定修改（--status、--progress、--note 或 --deadline）", "nothing to change (give --status, --progress, --note or --deadline)")
        case .badDate: return ("日期“{0}”无效，应为 YYYY-MM-DD", "invalid date \"{0}\", expected YYYY-MM-DD")
        case .badStatus: return ("状态“{0}”无效，应为 notStarted、inProgress、done、lagging 或 未启动、推进中、已完成、滞后", "invalid status \"{0}\", expected notStarted, inProgress, done, lagging or 未启动, 推进中, 已完成, 滞后")
        case .badProgress: return ("进度“{0}”无效，应为 0 到 100 的整数", "invalid progress \"{0}\", expected a whole number from 0 to 100")
        case .setDone: return ("{0} {1}：{2}", "{0} {1}: {2}")
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(target) {
                return i..<index(i, offsetBy: target.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
