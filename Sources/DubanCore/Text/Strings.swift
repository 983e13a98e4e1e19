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
        // (the dashboard's own words are DubanTUI's UIKey: Sources/DubanTUI/Text/UIStrings.swift)
        // issue 10, errors: the plan decoder's problems (PlanProblem, JSONScanner) and the core's errors
        case pjExpectedFound, pjWhatColon, pjWhatCommaBrace, pjWhatCommaBracket, pjWhatValue, pjWhatPlanObject
        case pjWhatEndAfterPlan, pjWhatEndOfLine, pjFoundEnd, pjFoundChar, pjFoundWord, pjFoundByte
        case pjFoundString, pjFoundObject, pjFoundArray, pjFoundBool, pjFoundNull, pjFoundNothing, pjFoundNumber
        case pjControlInString, pjControlChar, pjStringNotClosed, pjUnpairedSurrogate, pjBadUEscape, pjBadEscape
        case pjHex4, pjBadUTF8String, pjBadUTF8Key, pjLeadingZero, pjDigitsAfterPoint, pjDigitsInExponent, pjTooDeep
        case pjEndsInside, pjThePlanObject, pjEmpty, pjEncoding, pjUTF16LE, pjUTF16BE, pjUTF32LE, pjUTF32BE, pjBinary
        case pjWantStringOrNull, pjWantStringArray, pjWantBool, pjWantDate, pjWantDateOrNull, pjWantPercent
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
        // issue 10, one writer: the plan lock, read-only plans, backups (PlanLock.swift, PlanEditor.swift)
        case lockHolder, lockHolderUnknown, lockWaiting, lockBusy, lockCannot
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
