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
        case validOK, problemsFound, taskNotFound, taskAmbiguous, savedTo, nothingToChange, generatedTo
        case badDate, badStatus, badProgress, setDone
        // dashboard (DubanTUI)
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
        case tuiGoal, tuiMainTasks
        case tuiRedone, tuiRemarks, tuiSaveFailed, tuiSortDocument, tuiSortName, tuiSortUnitCount
        case tuiSortedBy, tuiStatusInferred, tuiTitleAsOf, tuiTitleDone, tuiTitleFilter, tuiTitleFilterCount
        case tuiTitleOverdue, tuiTitleReadOnly, tuiTitleTasks, tuiTitleUnsaved, tuiTooSmall, tuiUndone
        // dashboard: the journal, recovery, a plan changed on disk, read-only files
        case tuiRecoverTitle, tuiRecoverIntro, tuiRecoverChanged, tuiRecoverNotes, tuiRecoverUndo, tuiRecoverRedo
        case tuiRecoverMore, tuiRecoverReplay, tuiRecoverMerge, tuiRecoverDiscard, tuiRecoverReadOnly, tuiRecoverQuit
        case tuiRecovered, tuiRecoverRebuilt, tuiDiscarded, tuiJournalFailed
        case tuiChangedTitle, tuiChangedIntro, tuiChangedKept, tuiChangedMerge, tuiChangedReload, tuiChangedSaveAs
        case tuiChangedCancel, tuiReloadTitle, tuiReloadQuestion, tuiReloadYes, tuiReloadNo, tuiReloaded, tuiMerged
        case tuiMergeSkipped, tuiMergeFailed, tuiSaveElsewhere, tuiSaveRefused
        case tuiTitleReadOnlyFile, tuiTitleReadOnlyInUse, tuiTitleReadOnlyNoJournal, tuiTitleReadOnlyPending
        case tuiReadOnlyFile, tuiReadOnlyInUse, tuiReadOnlyNoJournal, tuiReadOnlyPending, tuiWaitingInJournal
        // issue 10, errors: the plan decoder's problems (PlanProblem, JSONScanner) and the core's errors
        case pjExpectedFound, pjWhatColon, pjWhatCommaBrace, pjWhatCommaBracket, pjWhatValue, pjWhatPlanObject
        case pjWhatEndAfterPlan, pjWhatEndOfLine, pjFoundEnd, pjFoundChar, pjFoundWord, pjFoundByte
        case pjFoundString, pjFoundObject, pjFoundArray, pjFoundBool, pjFoundNull, pjFoundNothing, pjFoundNumber
        case pjControlInString, pjControlChar, pjStringNotClosed, pjUnpairedSurrogate, pjBadUEscape, pjBadEscape
        case pjHex4, pjBadUTF8String, pjBadUTF8Key, pjLeadingZero, pjDigitsAfterPoint, pjDigitsInExponent, pjTooDeep
        case pjEndsInside, pjThePlanObject, pjEmpty, pjEncoding, pjUTF16LE, pjUTF16BE, pjUTF32LE, pjUTF32BE, pjBinary
        case pjWantStringOrNull, pjWantStringArray, pjWantBool, pjWantDate, pjWantDateOrNull, pjWantPercent
        case pjWantCount
        case pjWantYear, pjWantFormatVersion, pjNotARealDay, pjUnknownStatus, pjMissingKey, pjNewerFormat
        case pjNoSuchChapter, pjOwnAncestor, pjDuplicateChapter, pjDuplicateTask, pjDuplicateKey, pjMoreProblems
        case jlWantVersion, jlWantBytes, jlWantTime, jlNewerFormat, jlHexDigits, jlUnknownOp, jlUnknownCommand, jlSnapshotMismatch
        case errFileRead, errFileWrite, errFileChanged
        case errJournalInUse, errJournalCreate, errJournalWrite, errJournalRead, errJournalUndecided, errJournalClosed
        case errNoSuchTask, errProgressRange, errEmptyText, errReadOnly
        case errImportUnreadable, errImportEmpty, errImportNotText, errImportNoTasks, errImportStrict
        // issue 11, the importer: files that are no text (Word, WPS, PDF, spreadsheets) and their converter
        case errImportConvert, importKindDoc, importKindWPS, importKindDocx, importKindXls, importKindXlsx, importKindPDF, importKindODF, importKindZip
        case errTooManyTasks, errTooManyUnits, errBadNumber, errWantSeed, errWantYear, errBadLang
        // issue 10, the dashboard's smaller promises: no terminal, a terminal it cannot drive, a huge field
        case tuiNotATerminal, tuiTermUnset, tuiTermUnknown, tuiTermNoCursor
        // issue 10, one writer: the plan lock, read-only plans, backups (PlanLock.swift, PlanEditor.swift)
        case lockHolder, lockHolderUnknown, lockWaiting, lockBusy, lockCannot
        case jrRunning, jrEnded, jrUnreadable
        case writeReadOnly, writeNotFlushed, backupNotKept, tuiSaveBusy, tuiSavedNoBackup
        // files opened for what they are (issue 10: SafeOpen, OutputFile)
        case openKindPlan, openKindJournal, openKindLock, openKindBackup, openKindTemporary, openKindNotice
        case openKindConfig, openKindTheme, openKindAliases, openKindOutput
        case openIsFifo, openIsCharDevice, openIsBlockDevice, openIsFolder, openIsSocket, openIsLink, openIsUnknown
        case openNotRegular, openRefusedLink, openTooLarge, openCannotRead, openOutputRefused, openNoReader, openCannotWrite
        // issue 13, reports an office can paste (Report/ReportRequest.swift, duban report)
        case rptAsOf, rptOverdue, rptUnit, rptUnitOverdue, rptLeader, rptLeaderOverdue, rptGroupCount
        case rptColRole, rptRoleLead, rptRoleCo, rptColLight
        case rptErrBadChoice, rptErrNoUnit, rptErrNoUnitClose, rptErrNoLeader, rptErrNoLeaderClose
        case rptErrUnitAndLeader, rptErrByWithOne, rptErrExcel
        // issue 16, progress lines of long loads, saves, imports and merges (Text/Progress.swift)
        case progLoad, progIndex, progEncode, progSave, progImport, progMerge, progAmount, progEllipsis
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
        case .generatedTo: return ("{0}：{1}项任务，{2}个章节，{3}字节", "{0}: {1} tasks, {2} chapters, {3} bytes")
        case .nothingToChange: return ("未指定修改（--status、--progress、--note 或 --deadline）", "nothing to change (give --status, --progress, --note or --deadline)")
        case .badDate: return ("日期“{0}”无效，应为 YYYY-MM-DD", "invalid date \"{0}\", expected YYYY-MM-DD")
        case .badStatus: return ("状态“{0}”无效，应为 notStarted、inProgress、done、lagging 或 未启动、推进中、已完成、滞后", "invalid status \"{0}\", expected notStarted, inProgress, done, lagging or 未启动, 推进中, 已完成, 滞后")
        case .badProgress: return ("进度“{0}”无效，应为 0 到 100 的整数", "invalid progress \"{0}\", expected a whole number from 0 to 100")
        case .setDone: return ("{0} {1}：{2}", "{0} {1}: {2}")
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
        case .helpSearch: return ("搜索全部任务（边输边筛）", "search all tasks as you type")
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
        case .tuiRedone: return ("已重做：{0}", "redone: {0}")
        case .tuiRemarks: return ("备注", "Remarks")
        case .tuiGoal: return ("年度目标", "Annual goal")
        case .tuiMainTasks: return ("主要任务", "Main tasks")
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
        case .tuiWaitingInJournal: return ("{0} 的日志中有上次会话未保存的{1}处修改：可写时打开（不加 --read-only）或用 duban recover 恢复", "the journal of {0} holds {1} unsaved changes of an earlier session: open it for editing (without --read-only) or run duban recover to replay them")
        case .tuiReadOnlyPending: return ("{0}：上次会话的{1}处修改尚未恢复，已只读打开：不能修改；重新打开以恢复或丢弃", "{0}: {1} changes of an earlier session wait to be recovered; opened read-only: nothing can be changed; open it again to replay or discard them")
        // issue 10, errors
        case .pjExpectedFound: return ("应为{0}，实际是{1}", "expected {0}, found {1}")
        case .pjWhatColon: return ("键后的“:”", "':' after a key")
        case .pjWhatCommaBrace: return ("“,”或“}”", "',' or '}'")
        case .pjWhatCommaBracket: return ("“,”或“]”", "',' or ']'")
        case .pjWhatValue: return ("一个值", "a value")
        case .pjWhatPlanObject: return ("计划对象“{”", "a plan object '{'")
        case .pjWhatEndAfterPlan: return ("计划对象之后的文件结尾", "the end of the file after the plan object")
        case .pjWhatEndOfLine: return ("行尾", "the end of the line")
        case .pjFoundEnd: return ("文件结尾", "the end of the file")
        case .pjFoundChar: return ("“{0}”", "'{0}'")
        case .pjFoundWord: return ("单词“{0}”", "the word '{0}'")
        case .pjFoundByte: return ("字节 0x{0}", "byte 0x{0}")
        case .pjFoundString: return ("字符串", "a string")
        case .pjFoundObject: return ("对象", "an object")
        case .pjFoundArray: return ("数组", "an array")
        case .pjFoundBool: return ("布尔值", "a boolean")
        case .pjFoundNull: return ("null", "null")
        case .pjFoundNothing: return ("空", "nothing")
        case .pjFoundNumber: return ("数字", "a number")
        case .pjControlInString: return ("字符串中有控制字符（应写作 \\u00{0}）", "control character in a string (write it as \\u00{0})")
        case .pjControlChar: return ("字符串中有控制字符", "control character in a string")
        case .pjStringNotClosed: return ("字符串直到文件结尾都没有闭合", "string not closed before the end of the file")
        case .pjUnpairedSurrogate: return ("不成对的代理项 \\u{0}", "unpaired surrogate \\u{0}")
        case .pjBadUEscape: return ("无效的 \\u 转义", "invalid \\u escape")
        case .pjBadEscape: return ("无效的转义 \\{0}", "invalid escape \\{0}")
        case .pjHex4: return ("\\u 之后应为四位十六进制数字", "expected four hex digits after \\u")
        case .pjBadUTF8String: return ("字符串中有无效的 UTF-8", "invalid UTF-8 in a string")
        case .pjBadUTF8Key: return ("键中有无效的 UTF-8", "invalid UTF-8 in a key")
        case .pjLeadingZero: return ("数字不能以 0 开头", "a number cannot start with 0")
        case .pjDigitsAfterPoint: return ("小数点后应有数字", "expected digits after the decimal point")
        case .pjDigitsInExponent: return ("指数中应有数字", "expected digits in the exponent")
        case .pjTooDeep: return ("嵌套超过512层", "nested more than 512 levels deep")
        case .pjEndsInside: return ("文件在{0}内部就结束了：应为{1}", "the file ends inside {0}: expected {1}")
        case .pjThePlanObject: return ("计划对象", "the plan object")
        case .pjEmpty: return ("文件是空的；应为一个计划：含 formatVersion、title、chapters 和 tasks 的对象", "the file is empty; expected a plan: an object with formatVersion, title, chapters and tasks")
        case .pjEncoding: return ("文件是 {0} 编码；计划应为 UTF-8：请用 iconv -f {1} -t UTF-8 转换", "the file is {0}; a plan is UTF-8: convert it with iconv -f {1} -t UTF-8")
        case .pjUTF16LE: return ("UTF-16（小端）", "UTF-16 little-endian")
        case .pjUTF16BE: return ("UTF-16（大端）", "UTF-16 big-endian")
        case .pjUTF32LE: return ("UTF-32（小端）", "UTF-32 little-endian")
        case .pjUTF32BE: return ("UTF-32（大端）", "UTF-32 big-endian")
        case .pjBinary: return ("文件是二进制数据（第{1}字节是 0x{0}），不是计划；计划应为 UTF-8 的 JSON 文本", "the file holds binary data (byte 0x{0} at offset {1}), not a plan; a plan is JSON text in UTF-8")
        case .pjWantStringOrNull: return ("字符串或 null", "a string or null")
        case .pjWantStringArray: return ("字符串数组", "an array of strings")
        case .pjWantBool: return ("true 或 false", "true or false")
        case .pjWantDate: return ("日期 \"YYYY-MM-DD\"", "a date \"YYYY-MM-DD\"")
        case .pjWantDateOrNull: return ("日期 \"YYYY-MM-DD\" 或 null", "a date \"YYYY-MM-DD\" or null")
        case .pjWantPercent: return ("0 到 100 的整数", "a whole number from 0 to 100")
        case .pjWantCount: return ("从 1 起的整数", "a whole number from 1")
        case .pjWantYear: return ("1 到 9999 的年份", "a year from 1 to 9999")
        case .pjWantFormatVersion: return ("格式版本（从 1 起的整数）", "a format version (a whole number from 1)")
        case .pjNotARealDay: return ("\"{0}\" 不是真实的日期（应为日期 \"YYYY-MM-DD\"）", "\"{0}\" is not a real day (expected a date \"YYYY-MM-DD\")")
        case .pjUnknownStatus: return ("未知状态 \"{0}\"（应为 notStarted、inProgress、done 或 lagging）", "unknown status \"{0}\" (expected notStarted, inProgress, done or lagging)")
        case .pjMissingKey: return ("缺少必需的键 \"{0}\"", "missing required key \"{0}\"")
        case .pjNewerFormat: return ("格式版本 {0} 比本督办能读的版本（{1}）新；请升级督办后再打开", "format version {0} is newer than this duban reads ({1}); upgrade duban to open it")
        case .pjNoSuchChapter: return ("没有编号为 \"{0}\" 的章节", "no chapter has the id \"{0}\"")
        case .pjOwnAncestor: return ("章节 \"{0}\" 是它自己的上级", "chapter \"{0}\" is its own ancestor")
        case .pjDuplicateChapter: return ("章节编号 \"{0}\" 重复", "duplicate chapter id \"{0}\"")
        case .pjDuplicateTask: return ("任务编号 \"{0}\" 重复", "duplicate task id \"{0}\"")
        case .pjDuplicateKey: return ("键 \"{0}\" 重复（第{1}行已有）；同一对象中每个键只能出现一次", "duplicate key \"{0}\" (first given at line {1}); a key may appear once in an object")
        case .pjMoreProblems: return ("另有{0}个问题未列出", "and {0} more problems not listed")
        case .jlWantVersion: return ("格式版本", "a format version")
        case .jlWantBytes: return ("字节数", "a byte count")
        case .jlWantTime: return ("时间", "a time")
        case .jlNewerFormat: return ("日志格式 {0} 比本督办能读的版本（{1}）新", "journal format {0} is newer than this duban reads ({1})")
        case .jlHexDigits: return ("应为16位十六进制数字，实际是 \"{0}\"", "expected 16 hex digits, found \"{0}\"")
        case .jlUnknownOp: return ("未知操作 \"{0}\"（应为 edit、undo、redo 或 saving）", "unknown operation \"{0}\" (expected edit, undo, redo or saving)")
        case .jlUnknownCommand: return ("未知命令 \"{0}\"", "unknown command \"{0}\"")
        case .jlSnapshotMismatch: return ("任务快照是 \"{0}\"，应为 \"{1}\"", "the task snapshot is \"{0}\", expected \"{1}\"")
        case .errFileRead: return ("{0}：无法读取：{1}", "{0}: cannot read: {1}")
        case .errFileWrite: return ("{0}：无法保存：{1}；磁盘上的文件未改动", "{0}: cannot save: {1}; the file on disk was not changed")
        case .errFileChanged: return ("{0}：打开后文件已被他人保存；没有覆盖它", "{0}: the file changed on disk since it was opened (someone else saved it); not overwritten")
        case .errJournalInUse: return ("{1}：另一个督办正在编辑此计划（其日志 {0} 已锁定）；请在那边保存并退出", "{1}: another duban is editing this plan (its journal {0} is locked); save and quit there first")
        case .errJournalCreate: return ("{0}：无法建立日志：{1}；保存前的修改无法得到保护", "{0}: cannot create the journal: {1}; changes could not be kept safe until saved")
        case .errJournalWrite: return ("{0}：修改写不进日志：{1}；修改未做", "{0}: cannot record the change in the journal: {1}; the change was not made")
        case .errJournalRead: return ("{0}：无法读取日志：{1}", "{0}: cannot read the journal: {1}")
        case .errJournalUndecided: return ("{0}：日志中有上次会话未保存的修改；请先恢复或丢弃", "{0}: the journal holds unsaved changes from an earlier session; recover or discard them first")
        case .errJournalClosed: return ("{0}：日志已关闭", "{0}: the journal is closed")
        case .errNoSuchTask: return ("没有编号为 \"{0}\" 的任务", "no task with id \"{0}\"")
        case .errProgressRange: return ("进度 {0} 不在 0 到 100 之间", "progress {0} is outside 0...100")
        case .errEmptyText: return ("任务内容不能为空", "a task's text cannot be empty")
        case .errReadOnly: return ("计划以只读方式打开", "the plan is open read-only")
        case .errImportUnreadable: return ("{0}：无法读取文件：{1}", "{0}: cannot read the file: {1}")
        case .errImportEmpty: return ("{0}：文件是空的；应为任务分解通知的文本", "{0}: the file is empty; expected the text of a task decomposition notice")
        case .errImportNotText: return ("{0}：不是文本文件（{1}）；应为 UTF-8 或 GB18030 文本的通知（Word 或 PDF 通知请先另存为文本）", "{0}: not a text file ({1}); expected a notice as UTF-8 or GB18030 text (save a Word or PDF notice as text first)")
        case .errImportNoTasks: return ("{0}：没有找到任务；应为带责任行（牵头单位：… / 责任单位：…）的编号条目（1. / (一) / 一、）、含年度目标/主要任务的条目，或表头如 序号 / 工作任务 / 牵头责任单位 的表格。见 docs/import.md", "{0}: no tasks found; expected numbered items (1. / (一) / 一、) with responsibility lines (牵头单位：… / 责任单位：…), items with 年度目标/主要任务, or a table with a header such as 序号 / 工作任务 / 牵头责任单位. See docs/import.md")
        case .errImportStrict: return ("{0}：--strict 下有{1}条警告：", "{0}: {1} warnings with --strict:")
        // issue 11, the importer: files that are no text and their converter
        case .errImportConvert: return ("{0}：这是{1}文件，不是文本或网页；请先转换再导入：{2}", "{0}: this is a {1} file, not text or a web page; convert it first, then import the result: {2}")
        case .importKindDoc: return ("Word（.doc）", "Word (.doc)")
        case .importKindWPS: return ("WPS 文字（.wps）", "WPS Writer (.wps)")
        case .importKindDocx: return ("Word（.docx）", "Word (.docx)")
        case .importKindXls: return ("Excel（.xls）", "Excel (.xls)")
        case .importKindXlsx: return ("Excel（.xlsx）", "Excel (.xlsx)")
        case .importKindPDF: return ("PDF", "PDF")
        case .importKindODF: return ("OpenDocument（.odt/.ods）", "OpenDocument (.odt/.ods)")
        case .importKindZip: return ("ZIP 压缩包", "zip archive")
        case .errTooManyTasks: return ("--tasks {0}：应为 0 到 {1} 之间的整数（一个省的计划也不过几万项任务）", "--tasks {0}: expected a whole number from 0 to {1} (a province's plan has tens of thousands of tasks)")
        case .errTooManyUnits: return ("--units {0}：应为 1 到 {1} 之间的整数", "--units {0}: expected a whole number from 1 to {1}")
        case .errBadNumber: return ("{0} {1}：应为{2}", "{0} {1}: expected {2}")
        case .errWantSeed: return ("从 0 起的整数", "a whole number from 0")
        case .errWantYear: return ("年份，如 2020", "a year such as 2020")
        case .errBadLang: return ("--lang {0}：不支持此语言；可选 zh（中文）或 en（英文）", "--lang {0}: not a language duban speaks; use zh (Chinese) or en (English)")
        // issue 10, the dashboard's smaller promises
        case .tuiNotATerminal: return ("仪表盘需要在终端中运行（标准输入和标准输出都须是终端），未启动；不在终端中时请用 duban report 输出报表", "the dashboard needs a terminal (standard input and output must both be one); not started. Without a terminal, use duban report")
        case .tuiTermUnset: return ("未设置 TERM：仪表盘需要能定位光标的终端，未启动；请设置 TERM=xterm-256color，或用 duban report 输出报表", "TERM is not set: the dashboard needs a terminal with cursor addressing; not started. Set TERM=xterm-256color, or use duban report")
        case .tuiTermUnknown: return ("TERM={0} 不是已知的终端类型（terminfo 中没有），仪表盘未启动；请设置 TERM=xterm-256color，或用 duban report 输出报表", "TERM={0} is not a terminal type terminfo knows; the dashboard did not start. Set TERM=xterm-256color, or use duban report")
        case .tuiTermNoCursor: return ("TERM={0} 的终端不能定位光标，仪表盘无法显示，未启动；请设置 TERM=xterm-256color，或用 duban report 输出报表", "TERM={0} is a terminal without cursor addressing, which the dashboard needs; not started. Set TERM=xterm-256color, or use duban report")
        // issue 10, one writer
        case .jrRunning: return ("{0}：一个正在运行的督办对此计划有{1}处未保存的修改（日志 {2}）；请先在那里保存或退出。未做任何修改。", "{0}: a running duban has {1} unsaved change(s) to this plan (journal {2}); save or quit there first. Nothing was changed.")
        case .jrEnded: return ("{0}：日志 {2} 中有{1}处上次未保存就结束的会话留下的修改；请先运行 `duban recover {0}` 恢复（或用 `--discard` 丢弃）。未做任何修改。", "{0}: the journal {2} holds {1} unsaved change(s) from a session that ended without saving; run `duban recover {0}` to replay them (or `--discard` them) first. Nothing was changed.")
        case .jrUnreadable: return ("{0}：它的日志 {1} 无法读取（{2}）；请运行 `duban recover {0}` 查看，或用 `--discard` 丢弃。未做任何修改。", "{0}: its journal {1} cannot be read ({2}); run `duban recover {0}` to look at it, or `--discard` it. Nothing was changed.")
        case .lockHolder: return ("{0}（进程 {1}，{2}）自 {3} 起", "{0} (pid {1}, {2}) since {3}")
        case .lockHolderUnknown: return ("另一个督办", "another duban")
        case .lockWaiting: return ("{0} 正在被 {1} 保存；等待中（最多 {2} 秒）……", "{0} is being saved by {1}; waiting (up to {2} s)...")
        case .lockBusy: return ("{0} 正在被 {1} 保存，等待 {2} 秒后仍未释放；未做任何修改，请稍后重试", "{0} is being saved by {1}; still held after waiting {2} s; nothing was changed, try again later")
        case .lockCannot: return ("{0}：无法锁定计划（锁文件 {1}：{2}）；未做任何修改", "{0}: cannot lock the plan (lock file {1}: {2}); nothing was changed")
        case .writeReadOnly: return ("{0}：文件只读（没有写权限），未做任何修改", "{0}: the file is read-only (no write permission); nothing was changed")
        case .writeNotFlushed: return ("{0}：已改名替换，但无法把文件夹写入磁盘（{1}）；断电后可能丢失此次保存", "{0}: renamed into place but the folder could not be flushed to disk ({1}); a power loss may undo this save")
        case .backupNotKept: return ("注意：没有保留备份 {0}（{1}）；新版本已保存", "warning: no backup was kept as {0} ({1}); the new version was saved")
        case .tuiSaveBusy: return ("没有保存，修改仍在：{0}", "not saved, your changes are kept: {0}")
        case .tuiSavedNoBackup: return ("已保存：{0}；{1}", "saved: {0}; {1}")
        // files opened for what they are (issue 10: SafeOpen, OutputFile)
        case .openKindPlan: return ("计划文件", "a plan file")
        case .openKindJournal: return ("修改日志", "a journal")
        case .openKindLock: return ("锁文件", "a lock file")
        case .openKindBackup: return ("备份文件", "a backup")
        case .openKindTemporary: return ("临时文件", "a temporary file")
        case .openKindNotice: return ("通知文本", "a notice")
        case .openKindConfig: return ("配置文件", "a config file")
        case .openKindTheme: return ("主题文件", "a theme file")
        case .openKindAliases: return ("单位简称文件", "an alias file")
        case .openKindOutput: return ("输出文件", "an output file")
        case .openIsFifo: return ("命名管道（FIFO）", "a FIFO (named pipe)")
        case .openIsCharDevice: return ("字符设备", "a character device")
        case .openIsBlockDevice: return ("块设备", "a block device")
        case .openIsFolder: return ("文件夹", "a folder")
        case .openIsSocket: return ("套接字", "a socket")
        case .openIsLink: return ("符号链接", "a symbolic link")
        case .openIsUnknown: return ("特殊文件", "a special file")
        case .openNotRegular: return ("{0}：是{1}，不是{2}；未读取", "{0}: is {1}, not {2}; not read")
        case .openRefusedLink: return ("{0}：是符号链接，{1}不跟随链接（以免改写链接指向的文件）；未打开，请删除或移走它", "{0}: is a symbolic link; {1} is never followed through a link (that would overwrite the link's target); not opened: remove or move it")
        case .openTooLarge: return ("{0}：超过{1}的上限 {2}；未读取", "{0}: larger than the limit of {2} for {1}; not read")
        case .openCannotRead: return ("{0}：无法读取：{2}", "{0}: cannot read: {2}")
        case .openOutputRefused: return ("{0}：是{1}，不能写入；未写入，也未替换它", "{0}: is {1}, which cannot be written to; nothing written, and it was not replaced")
        case .openNoReader: return ("{0}：是命名管道（FIFO），但没有进程在读；未写入", "{0}: is a FIFO (named pipe) that nobody reads; nothing written")
        case .openCannotWrite: return ("{0}：写入失败：{1}", "{0}: cannot write: {1}")
        // issue 13, reports an office can paste
        case .rptAsOf: return ("截至{0}年{1}月{2}日", "as of {3}")
        case .rptOverdue: return ("逾期任务（{0}项）", "Overdue tasks ({0})")
        case .rptUnit: return ("{0}的任务（{1}项）", "Tasks of {0} ({1})")
        case .rptUnitOverdue: return ("{0}的逾期任务（{1}项）", "Overdue tasks of {0} ({1})")
        case .rptLeader: return ("{0}牵头负责的任务（{1}项）", "Tasks {0} answers for ({1})")
        case .rptLeaderOverdue: return ("{0}牵头负责的逾期任务（{1}项）", "Overdue tasks {0} answers for ({1})")
        case .rptGroupCount: return ("{0}（{1}项）", "{0} ({1})")
        case .rptColRole: return ("角色", "Role")
        case .rptRoleLead: return ("牵头", "lead")
        case .rptRoleCo: return ("协同", "co")
        case .rptColLight: return ("灯", "Light")
        case .rptErrBadChoice: return ("{0} {1}：无效的值；可选 {2}", "{0} {1}: not a valid value; use one of {2}")
        case .rptErrNoUnit: return ("--unit {0}：计划中没有这个单位，也没有相近的名称；用 duban report --by unit 列出全部单位", "--unit {0}: no unit of the plan has this name, nor a close one; duban report --by unit lists them all")
        case .rptErrNoUnitClose: return ("--unit {0}：计划中没有这个单位；相近的名称：{1}", "--unit {0}: no unit of the plan has this name; close names: {1}")
        case .rptErrNoLeader: return ("--leader {0}：计划中没有这位牵头领导，也没有相近的名字；用 duban report --by leader 列出全部领导", "--leader {0}: no leader of the plan has this name, nor a close one; duban report --by leader lists them all")
        case .rptErrNoLeaderClose: return ("--leader {0}：计划中没有这位牵头领导；相近的名字：{1}", "--leader {0}: no leader of the plan has this name; close names: {1}")
        case .rptErrUnitAndLeader: return ("--unit 与 --leader 只能选一个", "give --unit or --leader, not both")
        case .rptErrByWithOne: return ("--by 不能与 {0} 同用：一个单位或一位领导的报表逐项列出其任务", "--by cannot be used with {0}: one unit's or one leader's report lists its tasks")
        case .rptErrExcel: return ("--excel 只用于 CSV，不能与 --format {0} 同用", "--excel is for CSV; it cannot be used with --format {0}")
        case .progLoad: return ("正在打开 {0}", "opening {0}")
        case .progIndex: return ("正在建立索引（{0}项任务）", "indexing {0} tasks")
        case .progEncode: return ("正在整理待保存的{0}项任务", "encoding {0} tasks for saving")
        case .progSave: return ("正在保存 {0}", "saving {0}")
        case .progImport: return ("正在导入 {0}", "importing {0}")
        case .progMerge: return ("正在合并 {0}", "merging {0}")
        case .progAmount: return ("：{0}%（{1}/{2}）", ": {0}% ({1} of {2})")
        case .progEllipsis: return ("…", "…")
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
