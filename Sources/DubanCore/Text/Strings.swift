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
        case .milestoneMissed(let text, let d): return format(.reasonMilestone, text, d)
        case .noDeadline: return self[.reasonNoDeadline]
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
        // (the dashboard's own words are DubanTUI's UIKey: Sources/DubanTUI/Text/UIStrings.swift)
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
        // issue 11, part importer: the import's warnings (each with its place; a guess is one too, so --strict means "nothing guessed") and its summary
        case iwCellNotAttached, iwRowCellNotAttached, iwTextNotAttached, iwFieldNotAttached, iwNoResponsibilityLine, iwNoResponsibilityAtAll
        case iwHeadingWithoutTasks, iwRowWithoutText, iwUnitHasNumber, iwNotAUnit, iwDeadlineNotUnderstood, iwTaskWithoutText
        case iwGluedUnits, iwMergedUnitCell, iwAliasUnreadable, iwAliasPrefixNeedsTwo, iwAliasExpectedEquals, iwAliasHasNumber
        case iwAttachment, iwWhatUnits, iwWhatDeadlines, iwWhatLeaders, iwLeadByPosition, iwRowsByCells, iwRowCellsBySentence, iwRowsOnOneLine
        case isLine1, isLine2Counts, isYear, isYearUnknown, isDeadlinesAssumed, isStatusesInferred, isWithoutLead, isWarningCount, isWarning
        case ilFlatTable, ilCompletionTable, ilOutline, ilNumberedItems, ilGoalItems, ilInline, ilTable, ilPipeCells, ilRowPerLine, ilScoreTable, ilTabbedRows
        // issue 11, docx: Word files read (Readers/Docx.swift) and converters run (Readers/Converters.swift)
        case errDocxNotZip, errDocxDamaged, errDocxMissingPart, errDocxTooLarge, errDocxBomb, errDocxXML
        case errConvertFailed, errConvertTimeout, errConvertNoOutput, importConverted
        case xmlDoctype, xmlMismatch, xmlUnclosed, xmlBadTag, xmlBadAttribute, xmlBadEntity, xmlEndsInsideTag
        case xmlEndsInsideComment, xmlTextOutside, xmlNoRoot
        case errTooManyTasks, errTooManyUnits, errBadNumber, errWantSeed, errWantYear, errBadLang
        // issue 10, the dashboard's smaller promises: no terminal, a terminal it cannot drive, a huge field
        // issue 10, one writer: the plan lock, read-only plans, backups (PlanLock.swift, PlanEditor.swift)
        case lockHolder, lockHolderUnknown, lockWaiting, lockBusy, lockCannot
        // issue 15, a plan in a database (Session/SharedPlan.swift)
        case sharedNoAdapter, sharedUnreachable, sharedBadAddress, sharedNoSuchPlan, sharedNotPermitted, sharedRefused
        // issue 15, pgcli: the commands on a database address (Sources/duban, Session/SharedWriter.swift)
        case sharedRetrying, sharedEditsMade, sharedEditsRefused, sharedChangedBetween, sharedResolveNeedsFile
        case recSharedNone, recSharedList, recSharedDryRun, recSharedDiscarded, recSharedSent, recSharedDropped, recSharedStillWaiting, recSharedNotDropped
        // issue 15, the PostgreSQL adapter (pgdb): db init, db user add, push, pull
        case pgNotInitialized, pgPlanExists, pgUnitNeeded, pgUnitOnlyForUnits
        case pgInitApplied, pgInitAlready, pgUserAdded, pgPushed, pgPushedKept, pgPulled, pgNoPlanNamed, pgPlanList, pgBadRole, pgEmptyPassword
        // issue 15, pgattack: the database roles under attack (DubanPostgres/PostgresAdmin.swift)
        case pgNoAccount, pgBadLogin, pgBadUnit
        case jrRunning, jrEnded, jrUnreadable
        case writeReadOnly, writeNotFlushed, backupNotKept
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
        // issue 11, item 6, the review: corrections of an import (DubanImport/Review, duban import --review)
        case reviewNoSuchLine, reviewLineChanged, reviewNoTaskAbove, reviewNothingToSwap
        case reviewApplied, reviewBadCorrections, reviewNoCorrections
        case reviewWantList, reviewWantObject, reviewWantOp, reviewWantYear, reviewWantLine, reviewWantRole, reviewUnknownOp
        // issue 13, the office's cycle (model): milestones, no deadline, extensions, periods, comparison
        case reasonMilestone, reasonNoDeadline
        case noteExtRequest, noteExtLate, noteExtApproved, noteExtRefused, notePeriodReport
        case errExtNeedsReason, errExtNoSuch, errExtDecided, errExtNoPending, errExtApproveRefuse, errExtNeedsTo
        case extPending, extApproved, extRefused, extDone, extOriginally, extLateMark
        case cycNoCycle, cycBadPeriod, cycPeriodNeedsCycle, cycUnreported, cycAllReported, cycPeriodLine
        case cycColTasks, cycColTaskCount, cycErrCombo, cycErrSinceAfter
        case cmpTitle, cmpColNewlyOverdue, cmpColCleared, cmpColNewlyDone, cmpColStillRed, cmpTotal
        case colNoDeadline
        case pjUnknownDecision, pjUnknownEvery, pjWantDay, pjReportingShape
        // issue 14, spreadsheets both ways (DubanSheets, duban export / merge, import of .xlsx and .csv)
        case shNotZip, shOldExcel, shTooLarge, shMissingPart, shBadXML, shBadXMLNoPlace, shTooManyCells, shBadCSV
        case shNoHeader, shNoSheet, shBadStatus, shBadProgress, shBadDate, shNoTask, shUnknownID, shTwice
        case shColNumber, shColText, shColLeaders, shColLead, shColCo, shColDeadline, shColStatus, shColProgress
        case shColNote, shColRemarks, shColLight, shColID, shTitle, shSheetName, shNoUnit
        case shExported, shExportedUnits, shBadFormat, shNeedOutput, shUnknownUnit, shTooManyFiles
        case shMergeChange, shMergeConflictPlan, shMergeConflictSheets, shMergeSide, shMergeSummary
        case shMergeDryRun, shMergeSaved, shMergeNothing, shMergeNoRecord, shMergeIgnored, shMergeExtraColumn
        case shMergeFailed, shBadColumnsOption, shColumnsUnknown, shSideExported, shSidePlan, shNeedXlsxOutput
        // issue 14, sheetsdash: `duban merge … --resolve` (the conflicts in the dashboard)
        case shResolveDryRun, shResolveRecoverFirst, shResolveReadOnly
        // issue 12, rough edges (engineer rough): validate's rule checks, status and progress, dates, help
        case chkDoneNotFull, chkNotStartedWithProgress, chkFullNotDone, chkHistoryOrder, chkProblemsFound
        case noteAlso, badDeadline
        // issue 13, the 通报 (bulletin): Bulletin/BulletinDocument.swift, duban bulletin
        case bulTitle, bulAsOf, bulHTotals, bulTotals, bulHRanking, bulColRank, bulColUnit, bulColLed, bulColDone
        case bulColOverdue, bulColRed, bulTied, bulNoUnits, bulHRed, bulNoRed, bulRedUnit, bulTaskLine, bulTaskDeadline
        case bulHUnreported, bulNoCycle, bulUnreportedLine, bulAllReported, bulHExtensions, bulExtWindow, bulNoExtensions
        case bulColTask, bulColFrom, bulColTo, bulColReason, bulHChanges, bulNoSince, bulChangesLine, bulNewlyOverdue
        case bulHTrend, bulTrendLine, bulColPeriod, bulChartTitle, bulNoTrend, bulUnitTrend, bulNoNumber
        case bulErrFormat, bulErrSinceAfter, bulWritten
        // issue 16, progress lines of long loads, saves, imports and merges (Text/Progress.swift)
        case progLoad, progIndex, progEncode, progSave, progImport, progMerge, progAmount, progEllipsis
        // tidy: the config file's problems (Config/ConfigFile.swift, DubanTUI's DashboardConfig), after `path:line:col: `
        case cfgExpectedTheme, cfgExpectedAmbiguous, cfgExpectedAuthor, cfgExpectedBind, cfgExpectedUnbind
        case cfgUnknownSetting, cfgUnknownContext, cfgUnknownKey, cfgUnknownAction, cfgCannotRead
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
        case .taskNotFound: return ("找不到任务“{0}”（按编号或序号查找；编号见详情窗格的方括号，如 t12）", "no task \"{0}\" (looked up by id and by number; the id is in brackets in the detail pane, like t12)")
        case .taskAmbiguous: return ("序号“{0}”对应多项任务：{1}；请用编号", "number \"{0}\" matches several tasks: {1}; use the id")
        case .savedTo: return ("已保存：{0}", "saved: {0}")
        case .generatedTo: return ("{0}：{1}项任务，{2}个章节，{3}字节", "{0}: {1} tasks, {2} chapters, {3} bytes")
        case .nothingToChange: return ("未指定修改（--status、--progress、--note 或 --deadline）", "nothing to change (give --status, --progress, --note or --deadline)")
        case .badDate: return ("日期“{0}”无效，应为 YYYY-MM-DD", "invalid date \"{0}\", expected YYYY-MM-DD")
        case .badStatus: return ("状态“{0}”无效，应为 notStarted、inProgress、done、lagging 或 未启动、推进中、已完成、滞后", "invalid status \"{0}\", expected notStarted, inProgress, done, lagging or 未启动, 推进中, 已完成, 滞后")
        case .badProgress: return ("进度“{0}”无效，应为 0 到 100 的整数", "invalid progress \"{0}\", expected a whole number from 0 to 100")
        case .setDone: return ("{0} {1}：{2}", "{0} {1}: {2}")
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
        case .jlHexDigits: return ("应为 xxh3: 加16位十六进制数字，实际是 \"{0}\"", "expected xxh3: and 16 hex digits, found \"{0}\"")
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
        // issue 11, part importer: warnings and summary of an import
        case .iwCellNotAttached: return ("表格单元格不属于任何任务：“{0}”", "table cell not attached to any task: \"{0}\"")
        case .iwRowCellNotAttached: return ("表格单元格不属于任何一行：“{0}”", "table cell not attached to any row: \"{0}\"")
        case .iwTextNotAttached: return ("文字不属于任何任务：“{0}”", "text not attached to any task: \"{0}\"")
        case .iwFieldNotAttached: return ("这一栏不属于任何任务", "field not attached to any task")
        case .iwNoResponsibilityLine: return ("第 {0} 项没有责任行（同级各项都有）；导入时没有单位", "item {0} has no responsibility line (its siblings do); imported without units")
        case .iwNoResponsibilityAtAll: return ("没有找到责任行（牵头单位/责任单位）：把 {0} 个编号条目当作任务导入，没有单位", "no responsibility lines (牵头单位/责任单位) found: {0} numbered items taken as tasks without units")
        case .iwHeadingWithoutTasks: return ("标题 {0}“{1}”下没有任务", "heading {0} \"{1}\" has no tasks under it")
        case .iwRowWithoutText: return ("表格行没有任务文字：已跳过", "table row without task text: skipped")
        case .iwUnitHasNumber: return ("“{0}”不是单位名称（含有数字）：未采用", "\"{0}\" is not a unit name (it carries a number): left out")
        case .iwNotAUnit: return ("“{0}”不是单位名称：未采用", "\"{0}\" is not a unit name: left out")
        case .iwDeadlineNotUnderstood: return ("看不懂完成时限“{0}”：按计划年度年底计", "deadline \"{0}\" not understood: the plan year's end is assumed")
        case .iwTaskWithoutText: return ("任务没有文字", "task without text")
        case .iwGluedUnits: return ("“{0}”读作单位 {1}（名称连写，没有分隔）", "\"{0}\" read as the units {1} (names glued with no separator)")
        case .iwMergedUnitCell: return ("“{0}”一行没有单位格：沿用上一行的单位（合并单元格）", "row \"{0}\" has no unit cell: the units of the row above are assumed (a merged cell)")
        case .iwAliasUnreadable: return ("无法读取别名文件：{0}", "cannot read alias file: {0}")
        case .iwAliasPrefixNeedsTwo: return ("前缀行需要两个名称：prefix 人行 = 人民银行", "a prefix line needs two names: prefix 人行 = 人民银行")
        case .iwAliasExpectedEquals: return ("应为用“=”分开的名称：发改委 = 发展改革委", "expected names separated by '=': 发改委 = 发展改革委")
        case .iwAliasHasNumber: return ("单位名称“{0}”含有数字", "unit name \"{0}\" carries a number")
        case .iwAttachment: return ("通知没有给出这 {2} 项任务的{1}；它们大概在附件“{0}”中，而附件不在本文中", "the notice gives no {1} for its {2} tasks; they are probably in the attachment \"{0}\", which is not in this text")
        case .iwWhatUnits: return ("责任单位", "units")
        case .iwWhatDeadlines: return ("完成时限", "deadlines")
        case .iwWhatLeaders: return ("责任领导", "leaders")
        case .iwLeadByPosition: return ("“{0}”没有标明牵头单位：按排列顺序，取第一个单位“{1}”牵头", "\"{0}\" does not say which unit leads: the first listed, {1}, is taken as the lead")
        case .iwRowsByCells: return ("表格没有序号列：各行按单元格的样子分开（名称格跟在单位格之后即为新的一行）", "the table has no 序号 column: rows are told apart by their cells (a name cell after a unit cell starts a row)")
        case .iwRowCellsBySentence: return ("表格每行一行、格间没有分隔符：任务文字与单位在单位名称前的最后一个空格处分开", "the table gives each row on one line with no separator between cells: the task text and its units are split at the last space before the unit names")
        case .iwRowsOnOneLine: return ("表格整个在一行里：在单位名称之后的下一个序号处分行", "the whole table is on one line: rows are split before each next number that follows a unit name")
        case .isLine1: return ("{0}：{1}，{2}", "{0}: {1}, {2}")
        case .isLine2Counts: return ("  {0} 项任务，{1} 个章节（顶层 {2} 个），{3} 个单位（牵头 {4} 个），{5} 位领导", "  {0} tasks, {1} chapters ({2} top-level), {3} units ({4} leading), {5} leaders")
        case .isYear: return ("  计划年度 {0}", "  plan year {0}")
        case .isYearUnknown: return ("  计划年度不明", "  plan year unknown")
        case .isDeadlinesAssumed: return ("；{0} 个完成时限按年底计", "; {0} deadlines assumed (year end)")
        case .isStatusesInferred: return ("；{0} 个状态由完成情况推断", "; {0} statuses inferred from completion text")
        case .isWithoutLead: return ("；{0} 项任务没有牵头单位", "; {0} tasks without a lead unit")
        case .isWarningCount: return ("  {0} 条警告", "  {0} warning(s)")
        case .isWarning: return ("警告", "warning")
        case .ilFlatTable: return ("展平的表格，每格一行（序号 / 任务 / 牵头责任单位 / 责任单位）", "flattened table, one cell a line (序号 / 任务 / 牵头责任单位 / 责任单位)")
        case .ilCompletionTable: return ("完成情况表（任务 / 牵头责任单位 / 完成情况 / 备注）", "completion report table (任务 / 牵头责任单位 / 完成情况 / 备注)")
        case .ilOutline: return ("带责任行的提纲（牵头负责领导 / 牵头责任单位 / 协同责任单位）", "outline with responsibility lines (牵头负责领导 / 牵头责任单位 / 协同责任单位)")
        case .ilNumberedItems: return ("编号条目，各带一行责任单位（逗号前为牵头）", "numbered items with one 责任单位 line (lead before the comma)")
        case .ilGoalItems: return ("带年度目标 / 主要任务的条目", "items with 年度目标 / 主要任务")
        case .ilInline: return ("责任写在条目末尾括号中的条目（牵头单位：…；责任单位：…）", "items with inline responsibility (牵头单位：…；责任单位：…)")
        case .ilTable: return ("网页或文档中的表格（跨行跨列已展开；序号 / 任务 / 单位各列按含义识别）", "table of a web page or document (rowspan and colspan spread; 序号 / 任务 / 单位 columns by meaning)")
        case .ilPipeCells: return ("展平的表格，每格一行，格间以“|”行分隔（序号 | 项目 | 任务 | 领导 | 单位）", "flattened table, one cell a line between | lines (序号 | 项目 | 任务 | 领导 | 单位)")
        case .ilRowPerLine: return ("展平的表格，每行一行（编号 任务. 单位）", "flattened table, one row a line (N 任务. 单位)")
        case .ilScoreTable: return ("没有序号的展平表格（项目 / 分值 / 目标任务 / 单位），按单元格分行", "flattened table without numbers (项目 / 分值 / 目标任务 / 单位), rows told by their cells")
        case .ilTabbedRows: return ("每行一行的表格，各格以制表符或空格分开", "table one row a line, cells split by tabs or spaces")
        // issue 11, docx: Word files and converters
        case .errDocxNotZip: return ("{0}：不是有效的 Word（.docx）文件：.docx 应为 ZIP 压缩包，此文件不是（也不是文本）", "{0}: not a Word (.docx) file: a .docx is a zip archive and this is not one (nor text)")
        case .errDocxDamaged: return ("{0}：Word 文件已损坏，{1}无法读取（{2}）", "{0}: the Word file is damaged; {1} cannot be read ({2})")
        case .errDocxMissingPart: return ("{0}：Word 文件缺少 {1}；应为 Word 保存的 .docx", "{0}: the Word file has no {1}; expected a .docx as Word saves it")
        case .errDocxTooLarge: return ("{0}：{1} 解压后超过 {2}，已停止读取", "{0}: {1} inflates to more than {2}; reading stopped there")
        case .errDocxBomb: return ("{0}：{1} 解压后膨胀超过 {2} 倍，文字不会如此，疑似压缩炸弹，已停止读取", "{0}: {1} inflates more than {2} times, which no text does (a zip bomb); reading stopped there")
        case .errDocxXML: return ("{0}：{1}:{2}:{3}：XML 格式错误（{4}）", "{0}: {1}:{2}:{3}: malformed XML ({4})")
        case .errConvertFailed: return ("{0}：用 {1} 转换失败（{2}）；可手动转换后再导入：{3}", "{0}: converting with {1} failed ({2}); convert it by hand, then import the result: {3}")
        case .errConvertTimeout: return ("{0}：{1} 超过 {2} 秒仍未完成转换，已停止；可手动转换后再导入：{3}", "{0}: {1} did not finish converting within {2} s and was stopped; convert it by hand, then import the result: {3}")
        case .errConvertNoOutput: return ("{0}：{1} 运行结束但没有生成文件；可手动转换后再导入：{2}", "{0}: {1} ended without writing a file; convert it by hand, then import the result: {2}")
        case .importConverted: return ("{0}：{1}文件，已用 {2} 转换后导入", "{0}: a {1} file, converted with {2} and imported")
        case .xmlDoctype: return ("含有 DTD（<!DOCTYPE>），Word 文件不会有", "a DTD (<!DOCTYPE>), which no Word file has")
        case .xmlMismatch: return ("</{0}> 与未关闭的 <{1}> 不配对", "</{0}> where </{1}> was expected")
        case .xmlUnclosed: return ("文件在 </{0}> 之前就结束了", "the part ends before </{0}>")
        case .xmlBadTag: return ("标签写法不对", "a malformed tag")
        case .xmlBadAttribute: return ("属性写法不对（应为 名称=\"值\"）", "a malformed attribute (expected name=\"value\")")
        case .xmlBadEntity: return ("未知的实体 &{0};", "unknown entity &{0};")
        case .xmlEndsInsideTag: return ("文件在标签中间结束", "the part ends inside a tag")
        case .xmlEndsInsideComment: return ("文件在注释或 CDATA 中间结束", "the part ends inside a comment or CDATA section")
        case .xmlTextOutside: return ("根元素之外还有内容", "content outside the root element")
        case .xmlNoRoot: return ("没有根元素", "no root element")
        case .errTooManyTasks: return ("--tasks {0}：应为 0 到 {1} 之间的整数（一个省的计划也不过几万项任务）", "--tasks {0}: expected a whole number from 0 to {1} (a province's plan has tens of thousands of tasks)")
        case .errTooManyUnits: return ("--units {0}：应为 1 到 {1} 之间的整数", "--units {0}: expected a whole number from 1 to {1}")
        case .errBadNumber: return ("{0} {1}：应为{2}", "{0} {1}: expected {2}")
        case .errWantSeed: return ("从 0 起的整数", "a whole number from 0")
        case .errWantYear: return ("年份，如 2020", "a year such as 2020")
        case .errBadLang: return ("--lang {0}：不支持此语言；可选 zh（中文）或 en（英文）", "--lang {0}: not a language duban speaks; use zh (Chinese) or en (English)")
        // issue 10, the dashboard's smaller promises
        // issue 10, one writer
        case .jrRunning: return ("{0}：一个正在运行的督办对此计划有{1}处未保存的修改（日志 {2}）；请先在那里保存或退出。未做任何修改。", "{0}: a running duban has {1} unsaved change(s) to this plan (journal {2}); save or quit there first. Nothing was changed.")
        case .jrEnded: return ("{0}：日志 {2} 中有{1}处上次未保存就结束的会话留下的修改；请先运行 `duban recover {0}` 恢复（或用 `--discard` 丢弃）。未做任何修改。", "{0}: the journal {2} holds {1} unsaved change(s) from a session that ended without saving; run `duban recover {0}` to replay them (or `--discard` them) first. Nothing was changed.")
        case .jrUnreadable: return ("{0}：它的日志 {1} 无法读取（{2}）；请运行 `duban recover {0}` 查看，或用 `--discard` 丢弃。未做任何修改。", "{0}: its journal {1} cannot be read ({2}); run `duban recover {0}` to look at it, or `--discard` it. Nothing was changed.")
        case .lockHolder: return ("{0}（进程 {1}，{2}）自 {3} 起", "{0} (pid {1}, {2}) since {3}")
        case .lockHolderUnknown: return ("另一个督办", "another duban")
        case .lockWaiting: return ("{0} 正在被 {1} 保存；等待中（最多 {2} 秒）……", "{0} is being saved by {1}; waiting (up to {2} s)...")
        case .lockBusy: return ("{0} 正在被 {1} 保存，等待 {2} 秒后仍未释放；未做任何修改，请稍后重试", "{0} is being saved by {1}; still held after waiting {2} s; nothing was changed, try again later")
        case .sharedNoAdapter: return ("{0}：这个版本的 duban 不能连接数据库", "{0}: this build of duban cannot reach databases")
        case .sharedUnreachable: return ("{0}：连不上数据库服务器（{1}）", "{0}: cannot reach the database server ({1})")
        case .sharedBadAddress: return ("{0}：数据库地址有误：{1}（应为 postgres://用户@主机:端口/库名?plan=计划名）", "{0}: bad database address: {1} (expected postgres://user@host:port/db?plan=NAME)")
        case .sharedNoSuchPlan: return ("{1}：数据库里没有名为“{0}”的计划", "{1}: the database has no plan named \"{0}\"")
        case .sharedNotPermitted: return ("任务 {0}：数据库拒绝了这项修改（{1}）", "task {0}: the database refused this change ({1})")
        case .sharedRefused: return ("{0}：数据库拒绝：{1}", "{0}: the database refused: {1}")
        // issue 15, pgcli
        case .sharedRetrying: return ("{0}：与数据库服务器的连接中断（{1}）；重试中（最多 {2} 秒）……", "{0}: lost the database server ({1}); retrying (up to {2} s)...")
        case .sharedEditsMade: return ("{0}：已提交的修改：{1}", "{0}: edits made: {1}")
        case .sharedEditsRefused: return ("{0}：以下修改未提交：{1}", "{0}: edits not made: {1}")
        case .sharedChangedBetween: return ("任务 {0}：读取之后已被 {1} 修改；你的修改已记在其后", "task {0}: changed by {1} since it was read; your change was made after theirs")
        case .sharedResolveNeedsFile: return ("--resolve 需要计划文件；数据库上的计划请直接在仪表盘中打开（duban 地址）", "--resolve needs a plan file; open a database plan in the dashboard (duban ADDRESS)")
        case .recSharedNone: return ("{0}：没有未发送的修改", "{0}: no unsent edits")
        case .recSharedList: return ("{0}：{1} 中有 {2} 项未发送的修改", "{0}: {2} unsent edit(s) in {1}")
        case .recSharedDryRun: return ("（试运行：未发送，也未丢弃）", "(dry run: nothing sent, nothing dropped)")
        case .recSharedDiscarded: return ("{0}：已丢弃 {1} 项未发送的修改", "{0}: dropped {1} unsent edit(s)")
        case .recSharedSent: return ("{0}：已发送 {1} 项修改", "{0}: sent {1} edit(s)")
        case .recSharedDropped: return ("{0}：数据库拒绝了这项修改，已从未发送的修改中移除：{1}", "{0}: the database refused this edit; it is dropped from the unsent edits: {1}")
        case .recSharedStillWaiting: return ("{0} 项修改仍未发送，保留在 {1}", "{0} edit(s) still unsent, kept in {1}")
        case .recSharedNotDropped: return ("{0}：已发送，但无法从 {1} 中移除（{2}）；再次运行 recover 前请先检查", "{0}: sent, but it could not be removed from {1} ({2}); check before running recover again")
        // issue 15, the PostgreSQL adapter (pgdb)
        case .pgNotInitialized: return ("{0}：数据库尚未初始化（结构版本 {1}，需要 {2}）；请先运行 `duban db init {0}`", "{0}: the database is not set up for duban (schema version {1}, {2} needed); run `duban db init {0}` first")
        case .pgPlanExists: return ("{1}：数据库里已有名为“{0}”的计划；要替换它请加 --replace，或用 --as 另起名字。未做任何修改。", "{1}: the database already has a plan named \"{0}\"; add --replace to replace it, or --as to give another name. Nothing was changed.")
        case .pgUnitNeeded: return ("{0}：单位账号需要 --unit 单位名称", "{0}: a unit's account needs --unit NAME")
        case .pgUnitOnlyForUnits: return ("{0}：--unit 只用于单位账号（--role unit）", "{0}: --unit is only for a unit's account (--role unit)")
        // issue 15, pgattack
        case .pgNoAccount: return ("{0}：登录名 {1} 在这个数据库里没有 duban 账号，看不到任何计划；请管理员运行 `duban db user add`", "{0}: login {1} has no duban account in this database and sees no plan; the office adds it with `duban db user add`")
        case .pgBadLogin: return ("登录名“{0}”不可用：须为 1 到 63 字节（现为 {1} 字节），且不含控制字符", "login \"{0}\" cannot be used: it must be 1 to 63 bytes ({1} now) with no control characters")
        case .pgBadUnit: return ("{0}：单位名称不能含 NUL 字符", "{0}: a unit's name cannot hold a NUL character")
        case .pgInitApplied: return ("{0}：数据库结构已从版本 {1} 升级到 {2}", "{0}: database schema brought from version {1} to {2}")
        case .pgInitAlready: return ("{0}：数据库结构已是版本 {1}，无需改动", "{0}: already at version {1}; nothing to do")
        case .pgUserAdded: return ("{0}：账号 {1}（{2}）已就绪", "{0}: login {1} ({2}) is ready")
        case .pgPushed: return ("{0}：已放入计划“{1}”，{2} 项任务", "{0}: plan \"{1}\" is in, {2} tasks")
        case .pgPushedKept: return ("（文件不是 duban 写出的格式：原样保存，计划未改动前 pull 原样取回）", "(the file is not in the form duban writes: its bytes are kept, and pull gives them back while the plan is unchanged)")
        case .pgPulled: return ("{0}：已取出计划“{1}”到 {2}", "{0}: plan \"{1}\" written to {2}")
        case .pgNoPlanNamed: return ("{0}：请在地址中用 ?plan=计划名 指明计划；数据库里有：{1}", "{0}: name the plan in the address with ?plan=NAME; the database has: {1}")
        case .pgPlanList: return ("（无）", "(none)")
        case .pgBadRole: return ("--role {0}：应为 inspector（督查员）、unit（单位）或 leader（领导）", "--role {0}: expected inspector, unit or leader")
        case .pgEmptyPassword: return ("--password-stdin：标准输入没有给出密码", "--password-stdin: no password on standard input")
        case .lockCannot: return ("{0}：无法锁定计划（锁文件 {1}：{2}）；未做任何修改", "{0}: cannot lock the plan (lock file {1}: {2}); nothing was changed")
        case .writeReadOnly: return ("{0}：文件只读（没有写权限），未做任何修改", "{0}: the file is read-only (no write permission); nothing was changed")
        case .writeNotFlushed: return ("{0}：已改名替换，但无法把文件夹写入磁盘（{1}）；断电后可能丢失此次保存", "{0}: renamed into place but the folder could not be flushed to disk ({1}); a power loss may undo this save")
        case .backupNotKept: return ("注意：没有保留备份 {0}（{1}）；新版本已保存", "warning: no backup was kept as {0} ({1}); the new version was saved")
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
        case .reviewNoSuchLine: return ("第{0}行：通知只有{1}行，此项更正未用", "line {0}: the notice has {1} lines; this correction is not applied")
        case .reviewLineChanged: return ("第{0}行：更正时此行为“{1}”，现在为“{2}”（通知已改），此项更正未用", "line {0}: read \"{1}\" when corrected, now \"{2}\" (the notice changed); this correction is not applied")
        case .reviewNoTaskAbove: return ("第{0}行：上方没有任务可并入", "line {0}: there is no task above it to join")
        case .reviewNothingToSwap: return ("第{0}行：该任务没有单位可互换", "line {0}: the task has no units to swap")
        case .reviewApplied: return ("已按 {1} 中保存的更正修改 {0} 处：任务{2}项，章节{3}个", "{0} corrections kept in {1} applied: {2} tasks, {3} chapters")
        case .reviewBadCorrections: return ("{0}：importCorrections 有误：{1}", "{0}: importCorrections: {1}")
        case .reviewWantList: return ("{0}：应为更正的列表", "{0}: expected a list of corrections")
        case .reviewWantObject: return ("{0}：应为对象", "{0}: expected an object")
        case .reviewWantOp: return ("{0}：应为字符串", "{0}: expected a string")
        case .reviewWantYear: return ("{0}：应为年份（1900至2100）", "{0}: expected a year (1900-2100)")
        case .reviewWantLine: return ("{0}：应为行号（1或更大）", "{0}: expected a line number (1 or more)")
        case .reviewWantRole: return ("{0}：应为以下之一：{1}", "{0}: expected one of {1}")
        case .reviewUnknownOp: return ("{0}：“{1}”不是更正；应为 mark、split、join、swap 或 year", "{0}: \"{1}\" is not a correction; expected mark, split, join, swap or year")
        case .reviewNoCorrections: return ("{0}：没有保存的导入更正（importCorrections）", "{0}: no import corrections (importCorrections) kept in it")
        // issue 13, the office's cycle (model)
        case .reasonMilestone: return ("节点“{0}”逾期{1}天", "milestone \"{0}\" {1} days late")
        case .reasonNoDeadline: return ("无完成时限", "no deadline")
        case .noteExtRequest: return ("申请延期至{0}：{1}", "extension requested to {0}: {1}")
        case .noteExtLate: return ("（逾期后申请）", " (requested after the deadline)")
        case .noteExtApproved: return ("同意延期：完成时限{0} → {1}", "extension approved: deadline {0} → {1}")
        case .noteExtRefused: return ("不同意延期至{0}", "extension to {0} refused")
        case .notePeriodReport: return ("报送{0}期进展", "report for {0}")
        case .errExtNeedsReason: return ("延期申请须写明理由（--reason）", "an extension request needs a reason (--reason)")
        case .errExtNoSuch: return ("没有第{0}项延期申请", "there is no extension request number {0}")
        case .errExtDecided: return ("第{0}项延期申请已审批，不能再改", "extension request number {0} is already decided")
        case .errExtNoPending: return ("任务{0}没有待审批的延期申请；提出申请请给出 --to 和 --reason", "task {0} has no pending extension request; to file one give --to and --reason")
        case .errExtApproveRefuse: return ("--approve 与 --refuse 只能选一个", "give --approve or --refuse, not both")
        case .errExtNeedsTo: return ("延期申请须给出新的完成时限（--to YYYY-MM-DD）", "an extension request needs the new deadline (--to YYYY-MM-DD)")
        case .extPending: return ("待审批", "pending")
        case .extApproved: return ("已同意", "approved")
        case .extRefused: return ("未同意", "refused")
        case .extDone: return ("任务{0}：延期至{1}，{2}；完成时限{3}", "task {0}: extension to {1}, {2}; deadline {3}")
        case .extOriginally: return ("（原定{0}）", " (originally {0})")
        case .extLateMark: return ("逾期后申请", "requested late")
        case .cycNoCycle: return ("{0}：计划没有报送周期（reporting 键）；见 docs/plan-format.md", "{0}: the plan has no reporting cycle (the reporting key); see docs/plan-format.md")
        case .cycBadPeriod: return ("--period {0}：不是本计划报送周期中的一期；应为 {1}，或一个日期 YYYY-MM-DD", "--period {0}: not a period of the plan's reporting cycle; expected {1}, or a day YYYY-MM-DD")
        case .cycPeriodNeedsCycle: return ("--period {0}：计划没有报送周期（reporting 键），无法记为定期报送", "--period {0}: the plan has no reporting cycle (the reporting key), so no periodic report can be recorded")
        case .cycUnreported: return ("未报送单位（{0}个）", "Units that have not reported ({0})")
        case .cycAllReported: return ("本期各单位均已报送", "Every unit has reported for this period")
        case .cycPeriodLine: return ("报送期：{0}（{1}至{2}，{3}前报送）", "period {0} ({1} to {2}, due {3})")
        case .cycColTasks: return ("应报任务", "Tasks to report on")
        case .cycColTaskCount: return ("任务数", "Tasks")
        case .cycErrCombo: return ("{0} 不能与 {1} 同用", "{0} cannot be used with {1}")
        case .cycErrSinceAfter: return ("--since {0} 晚于 --as-of {1}", "--since {0} is after --as-of {1}")
        case .cmpTitle: return ("{0}至{1}的变化", "Changes from {0} to {1}")
        case .cmpColNewlyOverdue: return ("新增逾期", "Newly overdue")
        case .cmpColCleared: return ("逾期销除", "Cleared")
        case .cmpColNewlyDone: return ("新完成", "Newly done")
        case .cmpColStillRed: return ("持续红灯", "Still red")
        case .cmpTotal: return ("合计", "Total")
        case .colNoDeadline: return ("无时限", "No deadline")
        case .pjUnknownDecision: return ("未知审批结果 \"{0}\"（应为 pending、approved 或 refused）", "unknown decision \"{0}\" (expected pending, approved or refused)")
        case .pjUnknownEvery: return ("未知报送周期 \"{0}\"（应为 month 或 quarter）", "unknown reporting cycle \"{0}\" (expected month or quarter)")
        case .pjWantDay: return ("1 至 31 的日", "a day of the month from 1 to 31")
        case .pjReportingShape: return ("应为 {\"every\": \"month\", \"day\": 1–31}、{\"every\": \"quarter\"} 或 {\"dates\": [日期, …]}", "expected {\"every\": \"month\", \"day\": 1-31}, {\"every\": \"quarter\"} or {\"dates\": [dates, ...]}")
        // issue 14, spreadsheets both ways
        case .shNotZip: return ("{0}：不是 .xlsx 工作簿（不是 zip 压缩包）：{1}；应为 Excel、WPS 或 LibreOffice 保存的 .xlsx 文件", "{0}: not an .xlsx workbook (not a zip archive): {1}; expected an .xlsx file saved by Excel, WPS or LibreOffice")
        case .shOldExcel: return ("{0}：这是旧版 Excel（.xls）二进制文件，duban 不读；请先转换为 .xlsx：libreoffice --headless --convert-to xlsx {0}", "{0}: this is an old binary Excel (.xls) file, which duban does not read; convert it to .xlsx first: libreoffice --headless --convert-to xlsx {0}")
        case .shTooLarge: return ("{0}：{1} 解压后超过 {2} MB，已停止读取（可能是压缩炸弹）", "{0}: {1} inflates to more than {2} MB; reading stopped (a zip bomb?)")
        case .shMissingPart: return ("{0}：工作簿缺少 {1}", "{0}: the workbook has no {1}")
        case .shBadXML: return ("{0}：{1} 第{2}行第{3}列：XML 格式错误（{4}）", "{0}: {1} line {2}, column {3}: malformed XML ({4})")
        case .shBadXMLNoPlace: return ("{0}：{1}：XML 格式错误（{2}）", "{0}: {1}: malformed XML ({2})")
        case .shTooManyCells: return ("{0}：工作表“{1}”单元格 {2}：表格过大（超过 {3} 个单元格）", "{0}: sheet \"{1}\" cell {2}: the table is too large (more than {3} cells)")
        case .shBadCSV: return ("{0}：第{1}行：CSV 格式错误（{2}）", "{0}: row {1}: malformed CSV ({2})")
        case .shNoHeader: return ("{0}：工作表“{1}”：前{2}行中没有表头；应有“任务”列及“序号”“状态”“进度”等列", "{0}: sheet \"{1}\": no header in the first {2} rows; expected a 任务 (task) column with 序号, 状态, 进度 and the like")
        case .shNoSheet: return ("{0}：没有可读的工作表（应有一个带表头的任务表）", "{0}: no sheet to read (expected a sheet with a header and tasks)")
        case .shBadStatus: return ("{0}：工作表“{1}”第{2}行第{3}列（{4}，{5}）：状态“{6}”无法识别；应为 未启动、推进中、已完成 或 滞后", "{0}: sheet \"{1}\" row {2}, column {3} ({4}, {5}): status \"{6}\" not understood; expected 未启动, 推进中, 已完成 or 滞后")
        case .shBadProgress: return ("{0}：工作表“{1}”第{2}行第{3}列（{4}，{5}）：进度“{6}”无法识别；应为 0 到 100 的百分比（70%、0.7 或 70）", "{0}: sheet \"{1}\" row {2}, column {3} ({4}, {5}): progress \"{6}\" not understood; expected a percentage from 0 to 100 (70%, 0.7 or 70)")
        case .shBadDate: return ("{0}：工作表“{1}”第{2}行第{3}列（{4}，{5}）：完成时限“{6}”无法识别；应为日期（2020-06-30、2020.6.30、2020年6月30日 或 6月30日）", "{0}: sheet \"{1}\" row {2}, column {3} ({4}, {5}): deadline \"{6}\" not understood; expected a date (2020-06-30, 2020.6.30, 2020年6月30日 or 6月30日)")
        case .shNoTask: return ("{0}：工作表“{1}”第{2}行：计划中找不到这个任务（序号“{3}”，任务“{4}”）；应与导出时的序号和任务内容一致", "{0}: sheet \"{1}\" row {2}: no such task in the plan (number \"{3}\", task \"{4}\"); expected the number and text as exported")
        case .shUnknownID: return ("{0}：工作表“{1}”第{2}行第{3}列（{4}）：计划中没有编号为“{5}”的任务", "{0}: sheet \"{1}\" row {2}, column {3} ({4}): the plan has no task with id \"{5}\"")
        case .shTwice: return ("{0}：工作表“{1}”第{2}行：任务 {3} 已在第{4}行出现", "{0}: sheet \"{1}\" row {2}: task {3} already appears in row {4}")
        case .shColNumber: return ("序号", "No.")
        case .shColText: return ("任务", "Task")
        case .shColLeaders: return ("牵头领导", "Lead leaders")
        case .shColLead: return ("牵头单位", "Lead units")
        case .shColCo: return ("协同单位", "Co-units")
        case .shColDeadline: return ("完成时限", "Deadline")
        case .shColStatus: return ("状态", "Status")
        case .shColProgress: return ("进度", "Progress")
        case .shColNote: return ("本期进展", "Progress this period")
        case .shColRemarks: return ("备注", "Remarks")
        case .shColLight: return ("灯", "Light")
        case .shColID: return ("任务编号（请勿修改）", "Task id (do not edit)")
        case .shTitle: return ("{0} 台账（{1}）　截至 {2}　期别 {3}", "{0} ledger ({1})   as of {2}   period {3}")
        case .shSheetName: return ("台账", "Ledger")
        case .shNoUnit: return ("全部单位", "all units")
        case .shExported: return ("已导出 {0}：{1} 个任务", "exported {0}: {1} tasks")
        case .shExportedUnits: return ("已导出 {0} 个单位的台账到 {1}", "exported {0} units' ledgers to {1}")
        case .shBadFormat: return ("格式“{0}”无效；应为 xlsx 或 csv", "invalid format \"{0}\"; expected xlsx or csv")
        case .shNeedOutput: return ("请用 -o FILE 指定输出文件，或用 --per-unit DIR 按单位导出", "name the output with -o FILE, or export one file per unit with --per-unit DIR")
        case .shUnknownUnit: return ("计划中没有单位“{0}”牵头的任务", "no task in the plan is led by \"{0}\"")
        case .shTooManyFiles: return ("--per-unit：{0} 不是可写的文件夹（{1}）", "--per-unit: {0} is not a folder that can be written ({1})")
        case .shMergeChange: return ("{0} {1}!{2}  任务 {3}（{4}）{5}：{6} → {7}", "{0} {1}!{2}  task {3} ({4}) {5}: {6} → {7}")
        case .shMergeConflictPlan: return ("冲突：任务 {0}（{1}）{2}：导出后计划和表格都改了，未合并", "conflict: task {0} ({1}) {2}: changed both in the plan and in a sheet since the export; not merged")
        case .shMergeConflictSheets: return ("冲突：任务 {0}（{1}）{2}：两个表格改得不同，未合并", "conflict: task {0} ({1}) {2}: two sheets changed it differently; not merged")
        case .shMergeSide: return ("    {0}：{1}", "    {0}: {1}")
        case .shMergeSummary: return ("{0} 个表格：{1} 处修改，{2} 处冲突（未合并）", "{0} sheets: {1} changes, {2} conflicts (not merged)")
        case .shMergeDryRun: return ("试运行：以上修改未保存", "dry run: nothing above was saved")
        case .shMergeSaved: return ("已合并到 {0}", "merged into {0}")
        case .shMergeNothing: return ("没有需要合并的修改", "nothing to merge")
        case .shMergeNoRecord: return ("{0}：没有导出记录（隐藏的 _duban 工作表）；以计划当前的值为准比较", "{0}: no record of the export (the hidden _duban sheet); compared with the plan as it is")
        case .shMergeIgnored: return ("{0}：工作表“{1}”第{2}行：空行或没有任务内容，已跳过", "{0}: sheet \"{1}\" row {2}: blank or without a task, skipped")
        case .shMergeExtraColumn: return ("{0}：工作表“{1}”第{2}列“{3}”不是台账的列，已忽略", "{0}: sheet \"{1}\" column {2} \"{3}\" is not a ledger column; ignored")
        case .shMergeFailed: return ("没有合并任何修改（计划未改动）", "nothing was merged (the plan is unchanged)")
        case .shBadColumnsOption: return ("--columns“{0}”无效；应为 表头=列名，以逗号分隔，例如 工作事项=任务,责任处室=牵头单位", "--columns \"{0}\" is invalid; expected HEADER=COLUMN pairs separated by commas, e.g. 工作事项=任务,责任处室=牵头单位")
        case .shSideExported: return ("导出时", "as exported")
        case .shSidePlan: return ("计划现在", "the plan now")
        case .shNeedXlsxOutput: return ("--format xlsx 需要 -o FILE（工作簿不输出到终端）", "--format xlsx needs -o FILE (a workbook is not written to the terminal)")
        case .shColumnsUnknown: return ("--columns：列名“{0}”无效；应为 {1} 之一", "--columns: unknown column \"{0}\"; expected one of {1}")
        // issue 14, sheetsdash: `duban merge … --resolve`
        case .shResolveDryRun: return ("--resolve 与 --dry-run 不能同时使用", "--resolve and --dry-run cannot be used together")
        case .shResolveRecoverFirst: return ("{0} 有上次未保存的修改：先用 duban {0} 打开并处理，再合并", "{0} has unsaved changes from an earlier session: open it with duban {0} and settle them first, then merge")
        case .shResolveReadOnly: return ("{0} 现在不能写入（{1}）：不能在仪表盘中合并", "{0} cannot be written now ({1}): the merge cannot be resolved in the dashboard")
        // issue 12, rough edges (engineer rough)
        case .chkDoneNotFull: return ("状态为已完成，进度却是{0}%：已完成即100%", "status is done but progress is {0}%: done means 100%")
        case .chkNotStartedWithProgress: return ("状态为未启动，进度却是{0}%：未启动即0%", "status is not started but progress is {0}%: not started means 0%")
        case .chkFullNotDone: return ("进度为100%，状态却不是已完成", "progress is 100% but the status is not done")
        case .chkHistoryOrder: return ("历史记录的日期{0}早于上一条的{1}：历史应按日期从旧到新排列", "history date {0} is before the previous entry's {1}: history is kept oldest first")
        case .chkProblemsFound: return ("{0}：可以读取，但有{1}处不一致", "{0}: readable, but {1} inconsistencies")
        case .noteAlso: return ("{0}；{1}", "{0}; {1}")
        case .badDeadline: return ("时限“{0}”无法识别，可写 2020-06-30、2020.6.30、6月30日、10月15日、6月底、年底", "cannot read the deadline \"{0}\"; write 2020-06-30, 2020.6.30, 6月30日, 10月15日, 6月底 or 年底")
        // issue 13, the 通报 (bulletin)
        case .bulTitle: return ("关于{0}推进情况的通报", "Circular on the progress of {0}")
        case .bulAsOf: return ("（截至{0}年{1}月{2}日）", "(as of {0})")
        case .bulHTotals: return ("一、总体进展情况", "1. Overall progress")
        case .bulTotals: return ("纳入督办的重点工作任务共{0}项。其中，已完成{1}项，占{2}；按时序推进{3}项，占{4}；进度滞后{5}项，占{6}；逾期未完成{7}项，占{8}；无完成时限{9}项，占{10}。亮红灯任务{11}项。", "The plan holds {0} tasks: {1} done ({2}), {3} on schedule ({4}), {5} lagging ({6}), {7} overdue ({8}), {9} with no deadline ({10}). {11} tasks are red.")
        case .bulHRanking: return ("二、各牵头单位逾期及红灯情况排名", "2. Lead units ranked by overdue and red tasks")
        case .bulColRank: return ("名次", "Rank")
        case .bulColUnit: return ("牵头单位", "Lead unit")
        case .bulColLed: return ("牵头任务", "Tasks led")
        case .bulColDone: return ("已完成", "Done")
        case .bulColOverdue: return ("逾期", "Overdue")
        case .bulColRed: return ("红灯", "Red")
        case .bulTied: return ("（并列）", " (tied)")
        case .bulNoUnits: return ("本计划没有牵头单位。", "The plan names no lead units.")
        case .bulHRed: return ("三、亮红灯单位及逾期任务", "3. Red units and their overdue tasks")
        case .bulNoRed: return ("没有亮红灯的单位。", "No unit is red.")
        case .bulRedUnit: return ("{0}：红灯任务{1}项，其中逾期{2}项。", "{0}: {1} red tasks, {2} of them overdue.")
        case .bulTaskLine: return ("{0}. {1}（{2}）", "{0}. {1} ({2})")
        case .bulTaskDeadline: return ("完成时限{0}", "deadline {0}")
        case .bulHUnreported: return ("四、未按时报送进展情况的单位", "4. Units that did not report")
        case .bulNoCycle: return ("本计划未设报送周期，不统计报送情况。", "The plan has no reporting cycle: reports are not counted.")
        case .bulUnreportedLine: return ("{0}期（{1}前报送）未报送的单位{2}个：{3}。", "{2} units did not report for {0} (due {1}): {3}.")
        case .bulAllReported: return ("{0}期各单位均已报送。", "Every unit reported for {0}.")
        case .bulHExtensions: return ("五、延期审批情况", "5. Extensions granted")
        case .bulExtWindow: return ("{0}至{1}同意延期{2}项。", "{2} extensions granted from {0} to {1}.")
        case .bulNoExtensions: return ("{0}至{1}没有同意延期的任务。", "No extension was granted from {0} to {1}.")
        case .bulColTask: return ("任务", "Task")
        case .bulColFrom: return ("原完成时限", "Deadline before")
        case .bulColTo: return ("延期至", "Extended to")
        case .bulColReason: return ("理由", "Reason")
        case .bulHChanges: return ("六、与上期相比的变化", "6. Changes since the last period")
        case .bulNoSince: return ("没有可比的上期（用 --since 指定对比日期）。", "There is no earlier period to compare with (give --since).")
        case .bulChangesLine: return ("与{0}相比：新增逾期{1}项，逾期销除{2}项，新完成{3}项，持续红灯{4}项。", "Since {0}: {1} newly overdue, {2} cleared, {3} newly done, {4} still red.")
        case .bulNewlyOverdue: return ("新增逾期任务：", "Newly overdue tasks:")
        case .bulHTrend: return ("七、各期趋势", "7. Trend by period")
        case .bulTrendLine: return ("各期末已完成、逾期、红灯任务数如下。", "Done, overdue and red tasks at the end of each period.")
        case .bulColPeriod: return ("报送期", "Period")
        case .bulChartTitle: return ("各期已完成、逾期、红灯任务数", "Done, overdue and red tasks by period")
        case .bulNoTrend: return ("本计划未设报送周期，没有分期趋势。", "The plan has no reporting cycle: there is no trend by period.")
        case .bulUnitTrend: return ("各牵头单位逾期任务数（按期）", "Overdue tasks per lead unit, by period")
        case .bulNoNumber: return ("—", "-")
        case .bulErrFormat: return ("{0}：无法判断通报格式（扩展名应为 .docx、.md 或 .txt，或给出 --format docx|md|txt）", "{0}: cannot tell the bulletin's format (the name should end in .docx, .md or .txt, or give --format docx|md|txt)")
        case .bulErrSinceAfter: return ("--since {0} 不早于 --as-of {1}", "--since {0} is not before --as-of {1}")
        case .bulWritten: return ("通报已写入 {0}（{1}）", "bulletin written to {0} ({1})")
        case .progLoad: return ("正在打开 {0}", "opening {0}")
        case .progIndex: return ("正在建立索引（{0}项任务）", "indexing {0} tasks")
        case .progEncode: return ("正在整理待保存的{0}项任务", "encoding {0} tasks for saving")
        case .progSave: return ("正在保存 {0}", "saving {0}")
        case .progImport: return ("正在导入 {0}", "importing {0}")
        case .progMerge: return ("正在合并 {0}", "merging {0}")
        case .progAmount: return ("：{0}%（{1}/{2}）", ": {0}% ({1} of {2})")
        case .progEllipsis: return ("…", "…")
        // tidy: the config file's problems
        case .cfgExpectedTheme: return ("应为：theme 主题名", "expected: theme NAME")
        case .cfgExpectedAmbiguous: return ("应为：ambiguous-wide yes（或 no）", "expected: ambiguous-wide yes (or no)")
        case .cfgExpectedAuthor: return ("应为：author 姓名或单位", "expected: author NAME")
        case .cfgExpectedBind: return ("应为：bind 场景 按键 动作", "expected: bind CONTEXT KEY ACTION")
        case .cfgExpectedUnbind: return ("应为：unbind 场景 按键", "expected: unbind CONTEXT KEY")
        case .cfgUnknownSetting: return ("未知设置“{0}”（应为 theme、ambiguous-wide、author、bind 或 unbind）", "unknown setting \"{0}\" (theme, ambiguous-wide, author, bind or unbind)")
        case .cfgUnknownContext: return ("未知场景“{0}”（可用：{1}）", "unknown context \"{0}\" (one of: {1})")
        case .cfgUnknownKey: return ("未知按键“{0}”", "unknown key \"{0}\"")
        case .cfgUnknownAction: return ("未知动作“{0}”", "unknown action \"{0}\"")
        case .cfgCannotRead: return ("配置文件不存在或无法读取", "cannot read the file")
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
