import DubanCore

/// The dashboard's own words, in the TUI's own table (issue 12): Chinese and English,
/// looked up through the same `Strings` value as the core's messages. A call site reads
/// `s[.uiSomething]` or `s.format(.uiSomething, x)` whichever table the key lives in.
/// The core keeps its own messages (errors, report columns, history notes) in
/// DubanCore/Text/Strings.swift; everything only the dashboard says belongs here.
public enum UIKey: String, CaseIterable, Sendable {
    // (keys are added in groups, each under a comment naming its issue and files)
    case uiPlaceholderUnused
    // issue 12, rough edges (engineer rough): history authors, themes, the ! ~ + legend
    case uiHistoryNoAuthor, uiThemeMissing, uiThemeUnreadable
    case uiLegendTitle, uiLegendRed, uiLegendYellow, uiLegendGreen, uiLegendCounts, uiHintRedMarker, uiTitleRed
}

extension UIKey {
    /// (Chinese, English) for every key; the switch makes the compiler check both.
    var texts: (String, String) {
        switch self {
        case .uiPlaceholderUnused: return ("", "")
        // issue 12, rough edges (engineer rough)
        case .uiHistoryNoAuthor: return ("未署名", "unsigned")
        case .uiThemeMissing: return ("没有名为“{0}”的主题（内置：{1}；也可给 .theme 文件的路径，或放在 {2}），已改用默认主题", "no theme named \"{0}\" (built in: {1}; or give a .theme file's path, or put it in {2}); using the default theme")
        case .uiThemeUnreadable: return ("主题文件 {0} 无法读取：{1}，已改用默认主题", "cannot read the theme file {0}: {1}; using the default theme")
        case .uiLegendTitle: return ("标记", "Markers")
        case .uiLegendRed: return ("红灯：逾期或滞后", "red: overdue or lagging")
        case .uiLegendYellow: return ("黄灯：临近时限或落后于序时进度", "yellow: due soon or behind schedule")
        case .uiLegendGreen: return ("绿灯：已完成或按计划推进", "green: done or on track")
        case .uiLegendCounts: return ("章节、单位窗格中 !N、~N 为红灯、黄灯任务数；标题栏“红灯N”与之同数", "!N and ~N in the chapter and unit panes count red and yellow tasks; the title's \"red N\" is the same count")
        case .uiHintRedMarker: return ("红=逾期或滞后", "red=overdue or lagging")
        case .uiTitleRed: return ("红灯{0}", "red {0}")
        }
    }
}

extension Strings {
    public subscript(_ key: UIKey) -> String {
        let (zh, en) = key.texts
        return lang == .zh ? zh : en
    }

    /// The text of a key with `{0}`, `{1}`, ... replaced by the arguments.
    public func format(_ key: UIKey, _ args: CustomStringConvertible...) -> String {
        var s = self[key]
        for (i, a) in args.enumerated() { s = s.replacingAll("{\(i)}", with: a.description) }
        return s
    }
}
