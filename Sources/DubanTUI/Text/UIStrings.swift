import DubanCore

/// The dashboard's own words, in the TUI's own table (issue 12): Chinese and English,
/// looked up through the same `Strings` value as the core's messages. A call site reads
/// `s[.uiSomething]` or `s.format(.uiSomething, x)` whichever table the key lives in.
/// The core keeps its own messages (errors, report columns, history notes) in
/// DubanCore/Text/Strings.swift; everything only the dashboard says belongs here.
public enum UIKey: String, CaseIterable, Sendable {
    // (keys are added in groups, each under a comment naming its issue and files)
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
    // issue 12, shape: the dashboard's words moved from DubanCore/Text/Strings.swift
    case tuiNotATerminal, tuiTermUnset, tuiTermUnknown, tuiTermNoCursor, tuiSaveBusy, tuiSavedNoBackup
    case ctxGlobal, ctxList, ctxChapters, ctxTasks, ctxDetail, ctxWorkload
    case ctxTaskEdit, ctxEditor, ctxMenu, ctxConfirm, ctxHelp, helpHelp
    case helpQuit, helpInterrupt, helpSave, helpUndo, helpRedo, helpSearch
    case helpNextMatch, helpPrevMatch, helpFilterMenu, helpClearFilters, helpNextPane, helpPrevPane
    case helpPaneLeft, helpPaneRight, helpRedraw, helpSuspend, helpMoveUp, helpMoveDown
    case helpPageUp, helpPageDown, helpTop, helpBottom, helpOpen, helpBack
    case helpToggleFold, helpCycleTaskSort, helpCycleWorkloadSort, helpToggleUnitsLeaders, helpCycleStatus, helpSetNotStarted
    case helpSetInProgress, helpSetDone, helpSetLagging, helpSetProgress, helpAddNote, helpEditDeadline
    case helpEditorAccept, helpEditorCancel, helpEditorLeft, helpEditorRight, helpEditorHome, helpEditorEnd
    case helpEditorBackspace, helpEditorDelete, helpEditorKillToEnd, helpEditorKillToStart, helpMenuUp, helpMenuDown
    case helpMenuToggle, helpMenuClose, helpConfirmYes, helpConfirmNo, helpConfirmCancel, helpHelpClose
    case hintHelp, hintQuit, hintSave, hintUndo, hintSearch, hintFilter
    case hintPane, hintMove, hintOpen, hintFold, hintSort, hintUnitsLeaders
    case hintStatus, hintProgress, hintNote, hintDeadline, hintAccept, hintCancel
    case hintClose, hintToggle, hintYes, hintNo, tuiAppName, tuiAllTasks
    case tuiAndOthers, tuiCoUnits, tuiColDue, tuiColRed, tuiColYellow, tuiDeadlineAssumed
    case tuiDetail, tuiDisabledReadOnly, tuiFilterClear, tuiFilterDueSoon, tuiFilterLeader, tuiFilterOverdue
    case tuiFilterRed, tuiFilterRedYellow, tuiFilterSet, tuiFilterTitle, tuiFilterUnit, tuiFiltersCleared
    case tuiHelpTitle, tuiHistory, tuiHistoryCount, tuiLight, tuiMatchPosition, tuiMatches
    case tuiMoreProblems, tuiNoChange, tuiNoDeadline, tuiNoHistory, tuiNoMatch, tuiNoSearch
    case tuiNoTasks, tuiNothingToRedo, tuiNothingToUndo, tuiPromptDeadline, tuiPromptNote, tuiPromptProgress
    case tuiPromptSaveAs, tuiQuitDiscard, tuiQuitQuestion, tuiQuitSave, tuiQuitTitle, tuiReadOnlyRefused
    case tuiGoal, tuiMainTasks, tuiRedone, tuiRemarks, tuiSaveFailed, tuiSortDocument
    case tuiSortName, tuiSortUnitCount, tuiSortedBy, tuiStatusInferred, tuiTitleAsOf, tuiTitleDone
    case tuiTitleFilter, tuiTitleFilterCount, tuiTitleOverdue, tuiTitleReadOnly, tuiTitleTasks, tuiTitleUnsaved
    case tuiTooSmall, tuiUndone, tuiRecoverTitle, tuiRecoverIntro, tuiRecoverChanged, tuiRecoverNotes
    case tuiRecoverUndo, tuiRecoverRedo, tuiRecoverMore, tuiRecoverReplay, tuiRecoverMerge, tuiRecoverDiscard
    case tuiRecoverReadOnly, tuiRecoverQuit, tuiRecovered, tuiRecoverRebuilt, tuiDiscarded, tuiJournalFailed
    case tuiChangedTitle, tuiChangedIntro, tuiChangedKept, tuiChangedMerge, tuiChangedReload, tuiChangedSaveAs
    case tuiChangedCancel, tuiReloadTitle, tuiReloadQuestion, tuiReloadYes, tuiReloadNo, tuiReloaded
    case tuiMerged, tuiMergeSkipped, tuiMergeFailed, tuiSaveElsewhere, tuiSaveRefused, tuiTitleReadOnlyFile
    case tuiTitleReadOnlyInUse, tuiTitleReadOnlyNoJournal, tuiTitleReadOnlyPending, tuiReadOnlyFile, tuiReadOnlyInUse, tuiReadOnlyNoJournal
    case tuiReadOnlyPending, tuiWaitingInJournal
    // issue 12, shape: the dialog and picker keys in the binding table (Keys/), disabled reasons
    case ctxPicker, ctxDialog, ctxRecover, ctxChanged, ctxReload
    case helpPickerUp, helpPickerDown, helpPickerAccept, helpPickerBack
    case hintPickerMove, hintPickerChoose, hintPickerBack
    case helpDialogUp, helpDialogDown, helpDialogChoose, hintDialogChoose
    case helpRecoverReplay, helpRecoverDiscard, helpRecoverReadOnly, helpRecoverQuit
    case hintRecoverReplay, hintRecoverDiscard, hintRecoverReadOnly, hintRecoverQuit
    case helpChangedMerge, helpChangedReload, helpChangedSaveElsewhere, helpChangedCancel
    case hintChangedMerge, hintChangedReload, hintChangedSaveElsewhere, hintChangedCancel
    case helpReloadConfirm, helpReloadBack, hintReloadConfirm, hintReloadBack
    case uiDisabledNoTask, uiDisabledNothingToSave, uiNoTaskSelected, uiNothingToSave
    // issue 12, shape: marking rows, and changes to every marked task
    case helpToggleMark, hintToggleMark, uiMarkedCount, uiMarksCleared, uiEditedMarked
    // issue 12, conv: the `:` command line, overdue only, the sort by any column
    case ctxCommand, helpCommandLine, hintCommandLine, helpCommandComplete, hintCommandComplete
    case uiCommandUnknown, uiCommandNeedsName, uiCommandNoUnit, uiCommandNoLeader, uiCommandBadDate
    case uiCommandAsOfUnsaved, uiCommandBadSort, uiAsOfChanged
    case helpToggleOverdue, hintToggleOverdue, uiOverdueOnly, uiOverdueOff
    case helpReverseTaskSort, hintReverseTaskSort, uiSortDaysOverdue
    // issue 14, sheetsdash: a merge's conflicts in the dashboard (State/MergeConflicts.swift, Widgets/ConflictPane.swift)
    case ctxConflicts
    case uiHelpConflictKeepPlan, uiHintConflictKeepPlan, uiHelpConflictTakeSheet, uiHintConflictTakeSheet
    case uiHelpConflictSkip, uiHintConflictSkip, uiHelpConflictNextSheet, uiHintConflictNextSheet, uiHelpConflictPrevSheet
    case uiHelpConflictBack, uiHintConflictBack, uiHelpConflictFinish, uiHintConflictFinish
    case uiMergeOpened, uiMergeResolved, uiMergeKeptPlanNote
    case uiConflictTitle, uiConflictTwoSheets, uiConflictPlanAndSheet, uiConflictField, uiConflictExported
    case uiConflictPlan, uiConflictChosen, uiConflictChoicePlan, uiConflictChoiceSheet, uiConflictChoiceSkip
    // issue 13, tuicycle: 未报送 in the workload pane, extensions and milestones in the detail, their keys, trends
    case tcUnreported, tcUnreportedTitle, tcNoDeadline, tcOriginalDeadline, tcExtensions, tcMilestones
    case tcExtLine, tcExtDecided, tcMilestoneDone, tcMilestoneOpen, tcMilestoneNoDate
    case tcNothingPending, tcDisabledNothingPending, tcPromptExtDate, tcPromptExtReason, tcBadExtDate
    case tcHelpRequestExt, tcHintRequestExt, tcHelpApproveExt, tcHintApproveExt, tcHelpRefuseExt, tcHintRefuseExt
    case tcHelpTrends, tcHintTrends, tcTrendsOn, tcTrendsOff, tcTrendsNoCycle, tcTrendsTitle, tcTrendsPlan
    // issue 15, pgtui: the dashboard on a shared plan (Shared/, Dashboard.swift)
    case pgTitleOffline, pgTitleUnsent, pgAccessInspector, pgAccessUnit, pgAccessLeader, pgTitleLeader, pgLeaderRefused
    case pgAlreadySaved, pgMerged, pgSomeone, pgUnchanged, pgKept, pgKeepFailed, pgUnitNotLead, pgUnitOnlyReports
    case pgChangedBy, pgChangedMany, pgBackOnline, pgWentOffline, pgNoInverse, pgUndone, pgRedone, pgSendRefused
    case pgQuitUnsent, pgSendingKept, pgSentKept
    // issue 15, pgloop: the database calls on a worker thread (Shared/SharedLink.swift, SharedWorker.swift)
    case plTitleWaiting, plSending, plArrived, plArrivedMany, plJournalFailed
}

extension UIKey {
    /// (Chinese, English) for every key; the switch makes the compiler check both.
    var texts: (String, String) {
        switch self {
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
        // issue 12, shape: the dashboard's words moved from DubanCore/Text/Strings.swift
        case .tuiNotATerminal: return ("仪表盘需要在终端中运行（标准输入和标准输出都须是终端），未启动；不在终端中时请用 duban report 输出报表", "the dashboard needs a terminal (standard input and output must both be one); not started. Without a terminal, use duban report")
        case .tuiTermUnset: return ("未设置 TERM：仪表盘需要能定位光标的终端，未启动；请设置 TERM=xterm-256color，或用 duban report 输出报表", "TERM is not set: the dashboard needs a terminal with cursor addressing; not started. Set TERM=xterm-256color, or use duban report")
        case .tuiTermUnknown: return ("TERM={0} 不是已知的终端类型（terminfo 中没有），仪表盘未启动；请设置 TERM=xterm-256color，或用 duban report 输出报表", "TERM={0} is not a terminal type terminfo knows; the dashboard did not start. Set TERM=xterm-256color, or use duban report")
        case .tuiTermNoCursor: return ("TERM={0} 的终端不能定位光标，仪表盘无法显示，未启动；请设置 TERM=xterm-256color，或用 duban report 输出报表", "TERM={0} is a terminal without cursor addressing, which the dashboard needs; not started. Set TERM=xterm-256color, or use duban report")
        case .tuiSaveBusy: return ("没有保存，修改仍在：{0}", "not saved, your changes are kept: {0}")
        case .tuiSavedNoBackup: return ("已保存：{0}；{1}", "saved: {0}; {1}")
        case .ctxGlobal: return ("全局", "Everywhere")
        case .ctxList: return ("列表（章节、任务、单位）", "Lists (chapters, tasks, units)")
        case .ctxChapters: return ("章节", "Chapters pane")
        case .ctxTasks: return ("任务", "Tasks pane")
        case .ctxDetail: return ("详情", "Detail pane")
        case .ctxWorkload: return ("单位工作量", "Workload pane")
        case .ctxTaskEdit: return ("修改所选任务（任务、详情）", "Editing the selected task (tasks, detail)")
        case .ctxEditor: return ("单行编辑", "One-line editor")
        case .ctxMenu: return ("菜单与选择", "Menus and pickers")
        case .ctxConfirm: return ("退出确认", "Quit question")
        case .ctxHelp: return ("帮助", "Help screen")
        case .helpHelp: return ("显示按键帮助", "show the keys")
        case .helpQuit: return ("退出（有未保存修改时先询问）", "quit (asks first when there are unsaved changes)")
        case .helpInterrupt: return ("同 q：退出前询问", "as q: quit, asking first")
        case .helpSave: return ("保存到文件", "save the plan")
        case .helpUndo: return ("撤销上一处修改", "undo the last change")
        case .helpRedo: return ("重做", "redo")
        case .helpSearch: return ("搜索全部任务（边输边筛）；在章节或单位窗格中按名称缩小该列表", "search all tasks as you type; in the chapters or workload pane, narrow that list by name")
        case .helpNextMatch: return ("下一个匹配", "next match")
        case .helpPrevMatch: return ("上一个匹配", "previous match")
        case .helpFilterMenu: return ("筛选：状态、逾期、临期、灯、单位、领导", "filter by status, overdue, due soon, light, unit, leader")
        case .helpClearFilters: return ("清除全部筛选和搜索", "clear every filter and the search")
        case .helpNextPane: return ("下一个窗格", "next pane")
        case .helpPrevPane: return ("上一个窗格", "previous pane")
        case .helpPaneLeft: return ("左边的窗格", "pane to the left")
        case .helpPaneRight: return ("右边的窗格", "pane to the right")
        case .helpRedraw: return ("重绘屏幕", "redraw the screen")
        case .helpSuspend: return ("挂起（fg 返回）", "suspend (fg to return)")
        case .helpMoveUp: return ("上移", "up")
        case .helpMoveDown: return ("下移", "down")
        case .helpPageUp: return ("上一页", "page up")
        case .helpPageDown: return ("下一页", "page down")
        case .helpTop: return ("到开头", "first row")
        case .helpBottom: return ("到末尾", "last row")
        case .helpOpen: return ("打开：章节的任务、任务详情、按单位筛选任务", "open: a chapter's tasks, a task's detail, a unit's tasks")
        case .helpBack: return ("返回", "back")
        case .helpToggleFold: return ("展开或折叠章节", "fold or unfold a chapter")
        case .helpCycleTaskSort: return ("切换排序：文档顺序、完成时限、状态、单位数", "sort by document order, deadline, status, number of units")
        case .helpCycleWorkloadSort: return ("切换排序：任务数、逾期、完成率、红灯、名称", "sort by tasks, overdue, % done, red, name")
        case .helpToggleUnitsLeaders: return ("在单位和牵头领导之间切换", "switch between units and lead leaders")
        case .helpCycleStatus: return ("轮换状态", "cycle the status")
        case .helpSetNotStarted: return ("设为未启动", "set 未启动 (not started)")
        case .helpSetInProgress: return ("设为推进中", "set 推进中 (in progress)")
        case .helpSetDone: return ("设为已完成", "set 已完成 (done)")
        case .helpSetLagging: return ("设为滞后", "set 滞后 (lagging)")
        case .helpSetProgress: return ("设置进度（0-100）", "set progress (0-100)")
        case .helpAddNote: return ("添加进展情况", "add a progress note")
        case .helpEditDeadline: return ("修改完成时限（YYYY-MM-DD，空为无）", "edit the deadline (YYYY-MM-DD, empty for none)")
        case .helpEditorAccept: return ("确认", "accept")
        case .helpEditorCancel: return ("取消", "cancel")
        case .helpEditorLeft: return ("左移一个字", "one character left")
        case .helpEditorRight: return ("右移一个字", "one character right")
        case .helpEditorHome: return ("到行首", "start of line")
        case .helpEditorEnd: return ("到行尾", "end of line")
        case .helpEditorBackspace: return ("删除前一个字", "delete the character before")
        case .helpEditorDelete: return ("删除后一个字", "delete the character under")
        case .helpEditorKillToEnd: return ("删除到行尾", "delete to the end")
        case .helpEditorKillToStart: return ("删除到行首", "delete to the start")
        case .helpMenuUp: return ("上移", "up")
        case .helpMenuDown: return ("下移", "down")
        case .helpMenuToggle: return ("选中或切换", "choose or toggle")
        case .helpMenuClose: return ("关闭", "close")
        case .helpConfirmYes: return ("保存并退出", "save and quit")
        case .helpConfirmNo: return ("不保存，退出", "quit without saving")
        case .helpConfirmCancel: return ("不退出", "do not quit")
        case .helpHelpClose: return ("关闭帮助", "close the help")
        case .hintHelp: return ("帮助", "help")
        case .hintQuit: return ("退出", "quit")
        case .hintSave: return ("保存", "save")
        case .hintUndo: return ("撤销", "undo")
        case .hintSearch: return ("搜索", "search")
        case .hintFilter: return ("筛选", "filter")
        case .hintPane: return ("切换窗格", "pane")
        case .hintMove: return ("移动", "move")
        case .hintOpen: return ("打开", "open")
        case .hintFold: return ("折叠", "fold")
        case .hintSort: return ("排序", "sort")
        case .hintUnitsLeaders: return ("单位/领导", "units/leaders")
        case .hintStatus: return ("状态", "status")
        case .hintProgress: return ("进度", "progress")
        case .hintNote: return ("进展", "note")
        case .hintDeadline: return ("时限", "deadline")
        case .hintAccept: return ("确认", "accept")
        case .hintCancel: return ("取消", "cancel")
        case .hintClose: return ("关闭", "close")
        case .hintToggle: return ("选择", "toggle")
        case .hintYes: return ("保存并退出", "save and quit")
        case .hintNo: return ("不保存退出", "quit, discard")
        case .tuiAppName: return ("督办", "duban")
        case .tuiAllTasks: return ("全部任务", "All tasks")
        case .tuiAndOthers: return ("{0}等", "{0} et al.")
        case .tuiCoUnits: return ("协同单位", "Co-units")
        case .tuiColDue: return ("时限", "Due")
        case .tuiColRed: return ("红", "Red")
        case .tuiColYellow: return ("黄", "Yel")
        case .tuiDeadlineAssumed: return ("（未写明，按年底）", "(not written; year end assumed)")
        case .tuiDetail: return ("详情", "Detail")
        case .tuiDisabledReadOnly: return ("（只读时不可用）", "(not with --read-only)")
        case .tuiFilterClear: return ("清除全部筛选", "clear all filters")
        case .tuiFilterDueSoon: return ("临期", "due soon")
        case .tuiFilterLeader: return ("牵头领导…", "lead leader…")
        case .tuiFilterOverdue: return ("逾期", "overdue")
        case .tuiFilterRed: return ("红灯", "red light")
        case .tuiFilterRedYellow: return ("红灯和黄灯", "red or yellow light")
        case .tuiFilterSet: return ("筛选：{0}", "filter: {0}")
        case .tuiFilterTitle: return ("筛选", "Filter")
        case .tuiFilterUnit: return ("单位…", "unit…")
        case .tuiFiltersCleared: return ("已清除筛选", "filters cleared")
        case .tuiHelpTitle: return ("按键（Esc 关闭）", "Keys (Esc to close)")
        case .tuiHistory: return ("历史", "History")
        case .tuiHistoryCount: return ("共{0}条，最新在前", "{0} entries, newest first")
        case .tuiLight: return ("灯", "Light")
        case .tuiMatchPosition: return ("匹配 {0}/{1}", "match {0}/{1}")
        case .tuiMatches: return ("{0}项匹配；n/N 跳转", "{0} matches; n/N to move")
        case .tuiMoreProblems: return ("（另有{0}个问题，退出后列出）", " (and {0} more, listed on exit)")
        case .tuiNoChange: return ("没有变化", "nothing changed")
        case .tuiNoDeadline: return ("无", "none")
        case .tuiNoHistory: return ("无记录", "none yet")
        case .tuiNoMatch: return ("没有匹配“{0}”的任务", "no task matches \"{0}\"")
        case .tuiNoSearch: return ("没有搜索；按 / 搜索", "no search; press / to search")
        case .tuiNoTasks: return ("没有任务", "no tasks")
        case .tuiNothingToRedo: return ("没有可重做的修改", "nothing to redo")
        case .tuiNothingToUndo: return ("没有可撤销的修改", "nothing to undo")
        case .tuiPromptDeadline: return ("完成时限 YYYY-MM-DD：", "Deadline YYYY-MM-DD:")
        case .tuiPromptNote: return ("进展情况：", "Progress note:")
        case .tuiPromptProgress: return ("进度 0-100：", "Progress 0-100:")
        case .tuiPromptSaveAs: return ("保存为：", "Save as:")
        case .tuiQuitDiscard: return ("不保存，退出", "quit without saving")
        case .tuiQuitQuestion: return ("有{0}处修改尚未保存。", "{0} changes are not saved.")
        case .tuiQuitSave: return ("保存并退出", "save and quit")
        case .tuiQuitTitle: return ("退出", "Quit")
        case .tuiReadOnlyRefused: return ("只读模式：不能修改", "read-only: nothing can be changed")
        case .tuiGoal: return ("年度目标", "Annual goal")
        case .tuiMainTasks: return ("主要任务", "Main tasks")
        case .tuiRedone: return ("已重做：{0}", "redone: {0}")
        case .tuiRemarks: return ("备注", "Remarks")
        case .tuiSaveFailed: return ("保存失败，修改仍在：{0}", "not saved, your changes are kept: {0}")
        case .tuiSortDocument: return ("文档顺序", "document order")
        case .tuiSortName: return ("名称", "name")
        case .tuiSortUnitCount: return ("单位数", "number of units")
        case .tuiSortedBy: return ("排序：{0}", "sorted by {0}")
        case .tuiStatusInferred: return ("（由完成情况推断）", "(inferred from the report)")
        case .tuiTitleAsOf: return ("截至{0}", "as of {0}")
        case .tuiTitleDone: return ("完成{0}", "done {0}")
        case .tuiTitleFilter: return ("筛选：{0}", "filter: {0}")
        case .tuiTitleFilterCount: return ("筛选{0}项", "{0} filters")
        case .tuiTitleOverdue: return ("逾期{0}", "overdue {0}")
        case .tuiTitleReadOnly: return ("只读", "READ-ONLY")
        case .tuiTitleTasks: return ("任务{0}", "tasks {0}")
        case .tuiTitleUnsaved: return ("未保存{0}", "unsaved {0}")
        case .tuiTooSmall: return ("终端太小：至少需要{0}x{1}，现在是{2}x{3}", "terminal too small: needs {0}x{1}, is {2}x{3}")
        case .tuiUndone: return ("已撤销：{0}", "undone: {0}")
        case .tuiRecoverTitle: return ("恢复未保存的修改", "Unsaved changes found")
        case .tuiRecoverIntro: return ("{0}：上次会话未保存就结束了，日志中有{1}处修改：", "{0}: a session ended without saving; its journal holds {1} changes:")
        case .tuiRecoverChanged: return ("此后文件已被他人修改：恢复时把这些修改作为命令合并到新版本。", "The file changed since: replaying merges them as commands onto the new version.")
        case .tuiRecoverNotes: return ("日志有{0}行无法读取，已跳过：{1}", "{0} journal lines could not be read and are skipped: {1}")
        case .tuiRecoverUndo: return ("撤销", "undo")
        case .tuiRecoverRedo: return ("重做", "redo")
        case .tuiRecoverMore: return ("……另有{0}处", "… and {0} more")
        case .tuiRecoverReplay: return ("恢复这些修改", "replay them")
        case .tuiRecoverMerge: return ("合并到新版本", "merge them onto the new version")
        case .tuiRecoverDiscard: return ("丢弃（留存为 {0}）", "discard them (kept as {0})")
        case .tuiRecoverReadOnly: return ("只读打开（修改留待下次）", "open read-only (keep them for later)")
        case .tuiRecoverQuit: return ("退出（修改留待下次）", "quit (keep them for later)")
        case .tuiRecovered: return ("已恢复{0}处修改；按 w 保存", "{0} changes replayed; press w to save")
        case .tuiRecoverRebuilt: return ("（按日志中的任务快照恢复，不能撤销）", " (restored from the journal's snapshots; cannot be undone)")
        case .tuiDiscarded: return ("已丢弃上次的修改（留存为 {0}）", "the earlier changes were discarded (kept as {0})")
        case .tuiJournalFailed: return ("修改未做，日志写不进：{0}", "change not made, the journal cannot be written: {0}")
        case .tuiChangedTitle: return ("文件已被他人修改", "The file changed on disk")
        case .tuiChangedIntro: return ("{0} 在你打开后已被他人保存；你有{1}处修改未保存。", "{0} was saved by someone else since you opened it; you have {1} unsaved changes.")
        case .tuiChangedKept: return ("没有覆盖它。你的修改都在日志中，不会丢失。", "It was not overwritten. Your changes are safe in the journal.")
        case .tuiChangedMerge: return ("合并：把你的修改重放到新版本上，再保存", "merge: replay your changes onto the new version, then save")
        case .tuiChangedReload: return ("重新载入新版本（放弃你的修改，先确认）", "reload the new version (drop your changes; asks first)")
        case .tuiChangedSaveAs: return ("另存为其他文件…", "save to another file…")
        case .tuiChangedCancel: return ("取消（暂不保存）", "cancel (do not save now)")
        case .tuiReloadTitle: return ("重新载入", "Reload")
        case .tuiReloadQuestion: return ("放弃你的{0}处修改，载入 {1} 的新版本？", "Drop your {0} changes and load the new version of {1}?")
        case .tuiReloadYes: return ("放弃并重新载入", "drop them and reload")
        case .tuiReloadNo: return ("返回", "go back")
        case .tuiReloaded: return ("已载入新版本；你的修改留存在 {0}", "reloaded; your changes are kept in {0}")
        case .tuiMerged: return ("已把{0}处修改合并到新版本", "{0} changes merged onto the new version")
        case .tuiMergeSkipped: return ("；{0}处无法合并，未保存，请检查后按 w：{1}", "; {0} could not be merged, not saved yet, check and press w: {1}")
        case .tuiMergeFailed: return ("合并失败，你的修改仍在：{0}", "merge failed, your changes are kept: {0}")
        case .tuiSaveElsewhere: return ("另存为：{0}", "saved elsewhere: {0}")
        case .tuiSaveRefused: return ("没有保存：{0}", "not saved: {0}")
        case .tuiTitleReadOnlyFile: return ("只读：文件不可写", "READ-ONLY: file not writable")
        case .tuiTitleReadOnlyInUse: return ("只读：另一督办正在编辑", "READ-ONLY: open in another duban")
        case .tuiTitleReadOnlyNoJournal: return ("只读：无法建立日志", "READ-ONLY: no journal")
        case .tuiTitleReadOnlyPending: return ("只读：有未恢复的修改", "READ-ONLY: unsaved changes wait")
        case .tuiReadOnlyFile: return ("{0} 不可写（文件或所在文件夹没有写权限），已只读打开：不能修改", "{0} is not writable (no write permission on the file or its folder); opened read-only: nothing can be changed")
        case .tuiReadOnlyInUse: return ("{0}：另一个督办正在编辑此计划，已只读打开：不能修改；请在那边保存并退出", "{0}: another duban is editing this plan; opened read-only: nothing can be changed; save and quit there first")
        case .tuiReadOnlyNoJournal: return ("{0}：无法建立修改日志，已只读打开：不能修改（{1}）", "{0}: cannot keep a journal of changes, opened read-only: nothing can be changed ({1})")
        case .tuiReadOnlyPending: return ("{0}：上次会话的{1}处修改尚未恢复，已只读打开：不能修改；重新打开以恢复或丢弃", "{0}: {1} changes of an earlier session wait to be recovered; opened read-only: nothing can be changed; open it again to replay or discard them")
        case .tuiWaitingInJournal: return ("{0} 的日志中有上次会话未保存的{1}处修改：可写时打开（不加 --read-only）或用 duban recover 恢复", "the journal of {0} holds {1} unsaved changes of an earlier session: open it for editing (without --read-only) or run duban recover to replay them")
        // issue 12, shape: the dialog and picker keys, disabled reasons
        case .ctxPicker: return ("选择单位或领导（输入文字缩小范围）", "Unit or leader picker (typing narrows it)")
        case .ctxDialog: return ("对话框（恢复、文件已修改、重新载入）", "Dialogs (recovery, changed on disk, reload)")
        case .ctxRecover: return ("恢复未保存的修改", "Unsaved changes found")
        case .ctxChanged: return ("文件已被他人修改", "The file changed on disk")
        case .ctxReload: return ("确认重新载入", "Confirm reload")
        case .helpPickerUp: return ("上一个", "previous name")
        case .helpPickerDown: return ("下一个", "next name")
        case .helpPickerAccept: return ("按所选名称筛选", "filter by the selected name")
        case .helpPickerBack: return ("返回筛选菜单", "back to the filter menu")
        case .hintPickerMove: return ("移动", "move")
        case .hintPickerChoose: return ("选定", "choose")
        case .hintPickerBack: return ("返回", "back")
        case .helpDialogUp: return ("上一个选项", "previous answer")
        case .helpDialogDown: return ("下一个选项", "next answer")
        case .helpDialogChoose: return ("选定高亮的选项", "choose the highlighted answer")
        case .hintDialogChoose: return ("选定", "choose")
        case .helpRecoverReplay: return ("恢复（或合并）这些修改", "replay (or merge) the changes")
        case .helpRecoverDiscard: return ("丢弃这些修改（留存一份副本）", "discard the changes (a copy is kept)")
        case .helpRecoverReadOnly: return ("只读打开，修改留待下次", "open read-only, keep the changes for later")
        case .helpRecoverQuit: return ("退出，修改留待下次", "quit, keep the changes for later")
        case .hintRecoverReplay: return ("恢复", "replay")
        case .hintRecoverDiscard: return ("丢弃", "discard")
        case .hintRecoverReadOnly: return ("只读", "read-only")
        case .hintRecoverQuit: return ("退出", "quit")
        case .helpChangedMerge: return ("合并：把你的修改重放到新版本上，再保存", "merge your changes onto the new version, then save")
        case .helpChangedReload: return ("重新载入新版本（放弃你的修改，先确认）", "reload the new version (drops your changes; asks first)")
        case .helpChangedSaveElsewhere: return ("另存为其他文件", "save to another file")
        case .helpChangedCancel: return ("取消，暂不保存", "cancel, do not save now")
        case .hintChangedMerge: return ("合并", "merge")
        case .hintChangedReload: return ("重新载入", "reload")
        case .hintChangedSaveElsewhere: return ("另存", "save elsewhere")
        case .hintChangedCancel: return ("取消", "cancel")
        case .helpReloadConfirm: return ("放弃修改并重新载入", "drop the changes and reload")
        case .helpReloadBack: return ("返回上一个问题", "back to the previous question")
        case .hintReloadConfirm: return ("重新载入", "reload")
        case .hintReloadBack: return ("返回", "back")
        case .uiDisabledNoTask: return ("（未选中任务时不可用）", "(needs a selected task)")
        case .uiDisabledNothingToSave: return ("（没有未保存的修改时不可用）", "(only with unsaved changes)")
        case .uiNoTaskSelected: return ("没有选中的任务", "no task is selected")
        case .uiNothingToSave: return ("没有未保存的修改", "nothing to save: no unsaved changes")
        // issue 12, shape: marking rows
        case .helpToggleMark: return ("标记或取消标记；修改作用于全部已标记任务，一次撤销", "mark or unmark; changes then apply to every marked task, one undo")
        case .hintToggleMark: return ("标记", "mark")
        case .uiMarkedCount: return ("已标记{0}", "{0} marked")
        case .uiMarksCleared: return ("已清除标记", "marks cleared")
        case .uiEditedMarked: return ("已修改{0}项已标记的任务（u 一次撤销）", "{0} marked tasks changed (u undoes them at once)")
        // issue 12, conv: the `:` command line, overdue only, the sort by any column
        case .ctxCommand: return ("命令行（:）", "Command line (:)")
        case .helpCommandLine: return ("命令行：:unit 单位 :leader :overdue :asof 日期 :sort :done 说明 :w :q", "command line: :unit NAME, :leader, :overdue, :asof DATE, :sort, :done NOTE, :w, :q, ...")
        case .hintCommandLine: return ("命令", "command")
        case .helpCommandComplete: return ("补全命令名、单位名或领导名（再按换下一个）", "complete the command, unit or leader name (again: the next one)")
        case .hintCommandComplete: return ("补全", "complete")
        case .uiCommandUnknown: return ("没有命令\"{0}\"；可用：unit leader overdue asof sort done clear w q wq help", "no command \"{0}\"; there are: unit leader overdue asof sort done clear w q wq help")
        case .uiCommandNeedsName: return ("{0} 后面要写名称（Tab 补全）", "{0} needs a name after it (Tab completes)")
        case .uiCommandNoUnit: return ("没有单位\"{0}\"（或不止一个单位包含它；Tab 补全）", "no unit \"{0}\" (or more than one holds it; Tab completes)")
        case .uiCommandNoLeader: return ("没有领导\"{0}\"（或不止一位包含它；Tab 补全）", "no leader \"{0}\" (or more than one holds it; Tab completes)")
        case .uiCommandBadDate: return ("\"{0}\"不是日期，应为 YYYY-MM-DD，如 :asof 2020-09-01", "\"{0}\" is not a date; expected YYYY-MM-DD, as in :asof 2020-09-01")
        case .uiCommandAsOfUnsaved: return ("先保存（w）再按 {0} 查看：有未保存的修改", "save (w) before judging the plan as of {0}: there are unsaved changes")
        case .uiCommandBadSort: return ("不能按\"{0}\"排序；可用：number overdue light deadline unit status units", "cannot sort by \"{0}\"; there are: number overdue light deadline unit status units")
        case .uiAsOfChanged: return ("截至 {0}：逾期{1}项", "as of {0}: {1} overdue")
        case .helpToggleOverdue: return ("只看逾期任务（再按恢复）", "overdue tasks only (again: all)")
        case .hintToggleOverdue: return ("逾期", "overdue")
        case .uiOverdueOnly: return ("只看逾期：{0}项", "overdue only: {0}")
        case .uiOverdueOff: return ("已取消只看逾期", "all tasks again, not only overdue")
        case .helpReverseTaskSort: return ("反转任务排序（表头 ↓ 变 ↑）", "reverse the task sort (↓ in the header becomes ↑)")
        case .hintReverseTaskSort: return ("反序", "reverse")
        case .uiSortDaysOverdue: return ("逾期天数", "days overdue")
        // issue 14, sheetsdash: a merge's conflicts in the dashboard
        case .ctxConflicts: return ("合并冲突", "Merge conflicts")
        case .uiHelpConflictKeepPlan: return ("保留计划的值（在任务记录中注明未采用的表格值）", "keep the plan's value (the task's history notes the sheet value not taken)")
        case .uiHintConflictKeepPlan: return ("保留计划", "keep plan")
        case .uiHelpConflictTakeSheet: return ("采用所选表格的值", "take the selected sheet's value")
        case .uiHintConflictTakeSheet: return ("采用表格", "take sheet")
        case .uiHelpConflictSkip: return ("跳过：不改（下次合并该表格时再提示）", "skip: change nothing (asked again at the next merge of that sheet)")
        case .uiHintConflictSkip: return ("跳过", "skip")
        case .uiHelpConflictNextSheet: return ("选下一个表格的值", "select the next sheet's value")
        case .uiHintConflictNextSheet: return ("选表格", "sheet")
        case .uiHelpConflictPrevSheet: return ("选上一个表格的值", "select the previous sheet's value")
        case .uiHelpConflictBack: return ("回到上一处冲突重新选择", "back to the previous conflict to choose again")
        case .uiHintConflictBack: return ("上一处", "back")
        case .uiHelpConflictFinish: return ("其余跳过，结束处理冲突", "skip the rest and finish")
        case .uiHintConflictFinish: return ("结束", "finish")
        case .uiMergeOpened: return ("合并 {0} 个表格：已应用 {1} 处改动，{2} 处冲突待处理；按 w 保存，u 撤销整个合并", "merged {0} sheets: {1} changes applied, {2} conflicts to resolve; w saves, u undoes the whole merge")
        case .uiMergeResolved: return ("冲突处理完毕：采用表格 {0} 处，保留计划 {1} 处，跳过 {2} 处；按 w 保存，u 撤销整个合并", "conflicts resolved: {0} taken from sheets, {1} kept from the plan, {2} skipped; w saves, u undoes the whole merge")
        case .uiMergeKeptPlanNote: return ("合并冲突：{0}保留计划值“{1}”，未采用 {2}", "merge conflict: {0} kept the plan's \"{1}\", not taken: {2}")
        case .uiConflictTitle: return ("合并冲突 {0}/{1}", "Merge conflict {0}/{1}")
        case .uiConflictTwoSheets: return ("两个表格改得不同", "two sheets changed it differently")
        case .uiConflictPlanAndSheet: return ("导出后计划和表格都改了", "changed in the plan and in the sheet since the export")
        case .uiConflictField: return ("字段：{0}", "field: {0}")
        case .uiConflictExported: return ("导出时：{0}", "exported: {0}")
        case .uiConflictPlan: return ("计划", "plan")
        case .uiConflictChosen: return ("已选：{0}", "chosen: {0}")
        case .uiConflictChoicePlan: return ("保留计划", "keep the plan's")
        case .uiConflictChoiceSheet: return ("采用 {0}", "take {0}")
        case .uiConflictChoiceSkip: return ("跳过", "skip")
        // issue 13, tuicycle
        case .tcUnreported: return ("未报送", "unreported")
        case .tcUnreportedTitle: return ("{0}期未报送{1}", "{0}: {1} unreported")
        case .tcNoDeadline: return ("长期", "ongoing")
        case .tcOriginalDeadline: return ("原定时限", "Original deadline")
        case .tcExtensions: return ("延期申请", "Extensions")
        case .tcMilestones: return ("时间节点", "Milestones")
        case .tcExtLine: return ("{0}申请延期至{1}，{2}", "{0} asked for {1}: {2}")
        case .tcExtDecided: return ("（{0} {1}）", " ({0} {1})")
        case .tcMilestoneDone: return ("已完成", "done")
        case .tcMilestoneOpen: return ("未完成", "not done")
        case .tcMilestoneNoDate: return ("无日期", "no date")
        case .tcNothingPending: return ("该任务没有待审批的延期申请", "this task has no pending extension request")
        case .tcDisabledNothingPending: return ("（仅当有待审批的延期申请）", "(only with a pending extension request)")
        case .tcPromptExtDate: return ("延期至：", "Extend to: ")
        case .tcPromptExtReason: return ("延期至{0}的理由：", "Reason for {0}: ")
        case .tcBadExtDate: return ("\"{0}\"不是日期，应为晚于现完成时限{1}的日期，如 2020-10-31、10月15日、6月底", "\"{0}\": expected a day after the current deadline {1}, as 2020-10-31, 10月15日 or 6月底")
        case .tcHelpRequestExt: return ("为选中任务提出延期申请（先填新时限，再填理由）", "file an extension request for the selected task (the new date, then the reason)")
        case .tcHintRequestExt: return ("延期", "extend")
        case .tcHelpApproveExt: return ("同意选中任务待审批的延期申请", "approve the selected task's pending extension request")
        case .tcHintApproveExt: return ("同意延期", "approve")
        case .tcHelpRefuseExt: return ("不同意选中任务待审批的延期申请", "refuse the selected task's pending extension request")
        case .tcHintRefuseExt: return ("不同意延期", "refuse")
        case .tcHelpTrends: return ("在单位窗格显示／隐藏各期趋势图（完成、逾期、红灯）", "show or hide the per-period trend chart (done, overdue, red) in the workload pane")
        case .tcHintTrends: return ("趋势", "trends")
        case .tcTrendsOn: return ("趋势图：各期完成／逾期／红灯", "trends: done / overdue / red per period")
        case .tcTrendsOff: return ("已关闭趋势图", "trend chart off")
        case .tcTrendsNoCycle: return ("计划没有报送周期（reporting 键），按月显示趋势", "the plan has no reporting cycle (the reporting key): trends by month")
        case .tcTrendsTitle: return ("趋势 {0}", "Trends {0}")
        case .tcTrendsPlan: return ("全部", "plan")
        // issue 15, pgtui
        case .pgTitleOffline: return ("服务器断开", "SERVER GONE")
        case .pgTitleUnsent: return ("{0}项未发送", "{0} unsent")
        case .pgAccessInspector: return ("督查员", "inspector")
        case .pgAccessUnit: return ("单位 {0}", "unit {0}")
        case .pgAccessLeader: return ("领导：只读", "leader: read-only")
        case .pgTitleLeader: return ("领导：只读", "READ-ONLY: leader")
        case .pgLeaderRefused: return ("{0}：以领导身份登录，只能查看，不能修改", "{0}: signed in as a leader, who only reads: nothing can be changed")
        case .pgAlreadySaved: return ("每项修改都已存入数据库，无需保存", "every change is already saved in the database")
        case .pgMerged: return ("任务 {0} 刚被 {1} 修改；你的修改已记在其后", "task {0} was just changed by {1}; your change is recorded after theirs")
        case .pgSomeone: return ("他人", "someone else")
        case .pgUnchanged: return ("任务 {0} 已是如此（他人刚做了同样的修改）", "task {0} is already so (someone just made the same change)")
        case .pgKept: return ("服务器断开：修改已记在本机（{0}项未发送），恢复后自动发送", "server gone: the change is kept here ({0} unsent) and sent when it is back")
        case .pgKeepFailed: return ("服务器断开，修改也无法记在本机（{0}）：未修改", "server gone, and the change could not be kept here ({0}): nothing changed")
        case .pgUnitNotLead: return ("单位 {0} 只能报送其牵头的任务；任务 {1} 不由其牵头", "unit {0} reports only on the tasks it leads: task {1} is not one of them")
        case .pgUnitOnlyReports: return ("单位 {0} 只能报送进展、状态和情况，不能修改任务 {1} 的其他内容", "unit {0} may only report progress, status and notes: it cannot change anything else of task {1}")
        case .pgChangedBy: return ("任务 {0} 刚被 {1} 修改", "task {0} was just changed by {1}")
        case .pgChangedMany: return ("{0}项任务刚被他人修改", "{0} tasks were just changed by others")
        case .pgBackOnline: return ("服务器已恢复：已发送{0}项修改", "server back: {0} kept changes sent")
        case .pgWentOffline: return ("服务器断开（{0}）：计划照常显示，修改记在本机，恢复后发送", "server gone ({0}): the plan stays on screen, changes are kept here and sent when it is back")
        case .pgNoInverse: return ("情况记录和延期申请已存入数据库，不能撤销；可再写一条情况", "a note or an extension request is in the database and cannot be undone: add another note")
        case .pgUndone: return ("已撤销（作为新的修改存入数据库）：{0}", "undone (saved in the database as a new change): {0}")
        case .pgRedone: return ("已重做：{0}", "redone: {0}")
        case .pgSendRefused: return ("服务器拒绝了一项未发送的修改：{0}", "the server refused a kept change: {0}")
        case .pgQuitUnsent: return ("{0}项修改尚未发送到服务器，已保存在 {1}；下次打开本计划时发送（或运行 duban recover）", "{0} changes were not sent to the server; they are kept in {1} and sent the next time the plan is opened (or by duban recover)")
        case .pgSentKept: return ("已发送上次未发送的{0}项修改", "{0} changes kept last time sent")
        case .pgSendingKept: return ("上次有{0}项修改未发送，正在发送", "{0} changes kept last time are being sent")
        case .plTitleWaiting: return ("服务器未应答", "server not answering")
        case .plSending: return ("修改已记在本机，正在发送（服务器尚未应答）", "the change is kept here and on its way (the server has not answered yet)")
        case .plArrived: return ("任务 {0} 的修改已送达服务器", "the change of task {0} reached the server")
        case .plArrivedMany: return ("{0}项修改已送达服务器", "{0} changes reached the server")
        case .plJournalFailed: return ("修改正在发送，但无法记在本机（{0}）：送达前退出会丢失", "the change is on its way but could not be kept here ({0}): quitting before it arrives loses it")
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
