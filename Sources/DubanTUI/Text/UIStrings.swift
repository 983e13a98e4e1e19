import DubanCore

/// The dashboard's own words, in the TUI's own table (issue 12): Chinese and English,
/// looked up through the same `Strings` value as the core's messages. A call site reads
/// `s[.uiSomething]` or `s.format(.uiSomething, x)` whichever table the key lives in.
/// The core keeps its own messages (errors, report columns, history notes) in
/// DubanCore/Text/Strings.swift; everything only the dashboard says belongs here.
public enum UIKey: String, CaseIterable, Sendable {
    // (keys are added in groups, each under a comment naming its issue and files)
    case uiPlaceholderUnused
    // issue 11, item 6, the review screen (DubanTUI/Review)
    case rvHelpUp
    case rvHelpDown
    case rvHintMove
    case rvHelpPageUp
    case rvHelpPageDown
    case rvHelpTop
    case rvHelpBottom
    case rvHelpNextWarning
    case rvHelpMarkChapter
    case rvHintChapter
    case rvHelpMarkTask
    case rvHintTask
    case rvHelpMarkContinuation
    case rvHintContinuation
    case rvHelpMarkUnits
    case rvHintUnits
    case rvHelpMarkDeadline
    case rvHintDeadline
    case rvHelpMarkDetail
    case rvHintDetail
    case rvHelpMarkIgnored
    case rvHintIgnored
    case rvHelpSplit
    case rvHintSplit
    case rvHelpJoin
    case rvHintJoin
    case rvHelpSwap
    case rvHintSwap
    case rvHelpYear
    case rvHintYear
    case rvHelpUndo
    case rvHintUndo
    case rvHelpWrite
    case rvHintWrite
    case rvHelpOpenDashboard
    case rvHintOpenDashboard
    case rvHelpHelp
    case rvHintHelp
    case rvHelpQuit
    case rvHintQuit
    case rvHelpRedraw
    case rvHelpPromptAccept
    case rvHintAccept
    case rvHelpPromptCancel
    case rvHintCancel
    case rvHelpPromptBackspace
    case rvNoWarnings
    case rvUndone
    case rvNothingToUndo
    case rvEnterOnlyDashboard
    case rvQuitUnsaved
    case rvCorrected
    case rvBadYear
    case rvWritten
    case rvWriteFailed
    case rvRoleChapter
    case rvRoleTask
    case rvRoleContinuation
    case rvRoleUnits
    case rvRoleDeadline
    case rvRoleDetail
    case rvRoleIgnored
    case rvRoleBlank
    case rvStatus
    case rvTooSmall
    case rvTitle
    case rvYearUnknown
    case rvUnsaved
    case rvMarkChapter
    case rvMarkTask
    case rvMarkContinuation
    case rvMarkUnits
    case rvMarkDeadline
    case rvMarkDetail
    case rvMarkIgnored
    case rvNoticePane
    case rvMoreWarnings
    case rvWarningAt
    case rvLead
    case rvNone
    case rvCo
    case rvLeaders
    case rvDeadline
    case rvNoDeadline
    case rvAssumed
    case rvPlanPane
    case rvPromptYear
    case rvPromptPath
    case rvLineIs
    case rvOfTask
    case rvHelpTitle
    // issue 12, rough edges (engineer rough): history authors, themes, the ! ~ + legend
    case uiHistoryNoAuthor, uiThemeMissing, uiThemeUnreadable
    case uiLegendTitle, uiLegendRed, uiLegendYellow, uiLegendGreen, uiLegendCounts, uiHintRedMarker, uiTitleRed
}

extension UIKey {
    /// (Chinese, English) for every key; the switch makes the compiler check both.
    var texts: (String, String) {
        switch self {
        case .uiPlaceholderUnused: return ("", "")
        case .rvHelpUp: return ("上一行", "previous line")
        case .rvHelpDown: return ("下一行", "next line")
        case .rvHintMove: return ("移动", "move")
        case .rvHelpPageUp: return ("上一页", "page up")
        case .rvHelpPageDown: return ("下一页", "page down")
        case .rvHelpTop: return ("第一行", "first line")
        case .rvHelpBottom: return ("最后一行", "last line")
        case .rvHelpNextWarning: return ("下一个有警告的行", "next line with a warning")
        case .rvHelpMarkChapter: return ("此行标为章节标题（其下的任务归入此章）", "mark the line a chapter heading (the tasks below go under it)")
        case .rvHintChapter: return ("章", "chapter")
        case .rvHelpMarkTask: return ("此行标为一项任务的开头（拆分上方任务）", "mark the line the start of a task (splits the task above)")
        case .rvHintTask: return ("任务", "task")
        case .rvHelpMarkContinuation: return ("此行标为上方任务的续文（任务开头则并入上一任务）", "mark the line more text of the task above (a task start joins the one before)")
        case .rvHintContinuation: return ("续", "cont.")
        case .rvHelpMarkUnits: return ("此行标为上方任务的责任单位", "mark the line the units of the task above")
        case .rvHintUnits: return ("单位", "units")
        case .rvHelpMarkDeadline: return ("此行标为上方任务的完成时限", "mark the line the deadline of the task above")
        case .rvHintDeadline: return ("时限", "deadline")
        case .rvHelpMarkDetail: return ("此行标为上方任务的附注（备注，不作任务正文）", "mark the line a detail of the task above (kept as remarks, not its text)")
        case .rvHintDetail: return ("附注", "detail")
        case .rvHelpMarkIgnored: return ("此行不属于计划（忽略）", "mark the line not part of the plan (ignored)")
        case .rvHintIgnored: return ("忽略", "ignore")
        case .rvHelpSplit: return ("从此行拆出一项新任务", "split a new task off at this line")
        case .rvHintSplit: return ("拆分", "split")
        case .rvHelpJoin: return ("此行所在任务并入上一任务", "join the task of this line to the one before")
        case .rvHintJoin: return ("合并", "join")
        case .rvHelpSwap: return ("互换此行所在任务的牵头单位与协同单位", "swap the lead and co-units of the task of this line")
        case .rvHintSwap: return ("互换", "swap")
        case .rvHelpYear: return ("设定计划年度（时限随之重算）", "set the plan year (deadlines follow)")
        case .rvHintYear: return ("年度", "year")
        case .rvHelpUndo: return ("撤销上一次更正", "undo the last correction")
        case .rvHintUndo: return ("撤销", "undo")
        case .rvHelpWrite: return ("写入计划文件（连同更正）", "write the plan file (with its corrections)")
        case .rvHintWrite: return ("写入", "write")
        case .rvHelpOpenDashboard: return ("进入看板，查看更正后的计划", "go on to the dashboard on the corrected plan")
        case .rvHintOpenDashboard: return ("进入看板", "dashboard")
        case .rvHelpHelp: return ("按键说明", "key help")
        case .rvHintHelp: return ("帮助", "help")
        case .rvHelpQuit: return ("退出（有未写入的更正时需按两次）", "quit (twice when corrections are not written)")
        case .rvHintQuit: return ("退出", "quit")
        case .rvHelpRedraw: return ("重绘屏幕", "redraw the screen")
        case .rvHelpPromptAccept: return ("确认输入", "accept the input")
        case .rvHintAccept: return ("确认", "accept")
        case .rvHelpPromptCancel: return ("取消输入", "cancel the input")
        case .rvHintCancel: return ("取消", "cancel")
        case .rvHelpPromptBackspace: return ("删去前一个字符", "delete the character before")
        case .rvNoWarnings: return ("没有警告", "no warnings")
        case .rvUndone: return ("已撤销上一次更正", "last correction undone")
        case .rvNothingToUndo: return ("没有可撤销的更正", "nothing to undo")
        case .rvEnterOnlyDashboard: return ("Enter 仅在打开通知进入看板时可用；按 w 写入计划", "Enter goes on to the dashboard only when a notice is opened with duban NOTICE; w writes the plan")
        case .rvQuitUnsaved: return ("更正尚未写入：再按 q 放弃退出，按 w 写入", "corrections not written: q again quits without them, w writes them")
        case .rvCorrected: return ("第{0}行已改为：{1}", "line {0} is now: {1}")
        case .rvBadYear: return ("“{0}”不是年份：请输入1900至2100之间的四位年份", "\"{0}\" is not a year: type a year from 1900 to 2100")
        case .rvWritten: return ("已写入 {0}（更正 {1} 处）", "written to {0} ({1} corrections)")
        case .rvWriteFailed: return ("未能写入 {0}：{1}", "could not write {0}: {1}")
        case .rvRoleChapter: return ("章节标题", "chapter heading")
        case .rvRoleTask: return ("任务", "task")
        case .rvRoleContinuation: return ("任务续文", "more text of the task")
        case .rvRoleUnits: return ("责任单位", "units")
        case .rvRoleDeadline: return ("完成时限", "deadline")
        case .rvRoleDetail: return ("附注", "detail")
        case .rvRoleIgnored: return ("忽略", "ignored")
        case .rvRoleBlank: return ("空行", "blank line")
        case .rvStatus: return ("状态：{0}", "status: {0}")
        case .rvTooSmall: return ("终端太小：审阅需要至少40列8行", "terminal too small: the review needs 40 columns and 8 rows")
        case .rvTitle: return ("审阅导入 {0}  任务{1}  章节{2}  年度{3}  警告{4}  更正{5}", "review {0}  tasks {1}  chapters {2}  year {3}  warnings {4}  corrections {5}")
        case .rvYearUnknown: return ("未知", "unknown")
        case .rvUnsaved: return ("[未写入]", "[not written]")
        case .rvMarkChapter: return ("章", "Ch")
        case .rvMarkTask: return ("任", "Tk")
        case .rvMarkContinuation: return ("续", "+ ")
        case .rvMarkUnits: return ("单", "Un")
        case .rvMarkDeadline: return ("限", "Dl")
        case .rvMarkDetail: return ("附", "Dt")
        case .rvMarkIgnored: return ("略", "--")
        case .rvNoticePane: return ("通知（{0}行）", "notice ({0} lines)")
        case .rvMoreWarnings: return ("（另有{0}条，按 n 逐条查看）", " ({0} more: n goes through them)")
        case .rvWarningAt: return ("第{0}行：", "line {0}: ")
        case .rvLead: return ("牵头：", "lead: ")
        case .rvNone: return ("无", "none")
        case .rvCo: return ("协同：", "co: ")
        case .rvLeaders: return ("领导：", "leaders: ")
        case .rvDeadline: return ("时限：", "deadline: ")
        case .rvNoDeadline: return ("长期", "ongoing")
        case .rvAssumed: return ("（推定为年底）", "(assumed: year end)")
        case .rvPlanPane: return ("计划（{0}项任务）", "plan ({0} tasks)")
        case .rvPromptYear: return ("计划年度：", "plan year: ")
        case .rvPromptPath: return ("写入到：", "write to: ")
        case .rvLineIs: return ("第{0}行：{1}", "line {0}: {1}")
        case .rvOfTask: return ("属任务 {0}", "of task {0}")
        case .rvHelpTitle: return ("审阅按键（任意键关闭）", "review keys (any key closes)")
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
