// The importer: notice text -> Plan. (issue 4)
import DubanCore
import Foundation

/// How an import behaves.
public struct ImportOptions: Sendable {
    /// The plan year; found in the notice when nil.
    public var year: Int?
    /// Fail when there is any warning.
    public var strict: Bool
    /// Extra alias files (`--aliases FILE`), read after the shipped table.
    public var aliasFiles: [String]
    /// Also read the user's alias file ($DUBAN_ALIASES or ~/.config/duban/aliases.txt) when it exists.
    public var useUserAliasFile: Bool
    /// Alias text given directly (name for messages, text), e.g. by tests.
    public var aliasTexts: [(name: String, text: String)]
    /// The converters run on .doc, .wps and .pdf files (Readers/Converters.swift).
    public var converters = ConverterSettings()

    public init(year: Int? = nil, strict: Bool = false, aliasFiles: [String] = [],
                useUserAliasFile: Bool = true, aliasTexts: [(name: String, text: String)] = []) {
        self.year = year; self.strict = strict; self.aliasFiles = aliasFiles
        self.useUserAliasFile = useUserAliasFile; self.aliasTexts = aliasTexts
    }
}

/// The families of notices the importer understands.
public enum ImportLayout: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A table flattened one cell per line: 序号 / 任务 / 牵头责任单位 / 责任单位 (Wuhu 2020).
    case flatTable
    /// A flattened table with a completion column: 完成情况 / 备注 (Wuhu 2023 report).
    case completionTable
    /// An outline whose items carry 牵头负责领导 / 牵头责任单位 / 协同责任单位 lines (Jieshou 2020).
    case outline
    /// Numbered items, each with one 责任单位 line: lead units before the comma (Xuchang 2020).
    case numberedItems
    /// Items with 年度目标 and 主要任务 (Tunxi 2020).
    case goalItems
    /// Items with their responsibility inline in brackets: （牵头单位：X；责任单位：Y）.
    case inlineResponsibility
    /// A table given as a table: a saved web page's `<table>` (and Word's, a sheet's), spans spread.
    case table
    /// A flattened table whose every cell is followed by a line holding only `|` (Wujiang 2024).
    case pipeCells
    /// A table flattened one row a line: `N text. units`, ASCII `.` as the stop (Changshu 2018).
    case rowPerLine
    /// A flattened table with no 序号 column: 项目 / 分值 / 目标任务 / 监考单位, rows told by their cells (Deyang 2016).
    case scoreTable
    /// A text table, one row a line, cells split by tabs or runs of spaces, under a header line.
    case tabbedRows

    /// The layout's name in the interface language.
    public func name(_ S: Strings) -> String {
        switch self {
        case .flatTable: return S[.ilFlatTable]
        case .completionTable: return S[.ilCompletionTable]
        case .outline: return S[.ilOutline]
        case .numberedItems: return S[.ilNumberedItems]
        case .goalItems: return S[.ilGoalItems]
        case .inlineResponsibility: return S[.ilInline]
        case .table: return S[.ilTable]
        case .pipeCells: return S[.ilPipeCells]
        case .rowPerLine: return S[.ilRowPerLine]
        case .scoreTable: return S[.ilScoreTable]
        case .tabbedRows: return S[.ilTabbedRows]
        }
    }

    public var description: String {
        switch self {
        case .flatTable: return "flattened table, one cell a line (序号 / 任务 / 牵头责任单位 / 责任单位)"
        case .completionTable: return "completion report table (任务 / 牵头责任单位 / 完成情况 / 备注)"
        case .outline: return "outline with responsibility lines (牵头负责领导 / 牵头责任单位 / 协同责任单位)"
        case .numberedItems: return "numbered items with one 责任单位 line (lead before the comma)"
        case .goalItems: return "items with 年度目标 / 主要任务"
        case .inlineResponsibility: return "items with inline responsibility (牵头单位：…；责任单位：…)"
        case .table: return "table of a web page or document (rowspan and colspan spread; 序号 / 任务 / 单位 columns by meaning)"
        case .pipeCells: return "flattened table, one cell a line between | lines (序号 | 项目 | 任务 | 领导 | 单位)"
        case .rowPerLine: return "flattened table, one row a line (N 任务. 单位)"
        case .scoreTable: return "flattened table without numbers (项目 / 分值 / 目标任务 / 单位), rows told by their cells"
        case .tabbedRows: return "table one row a line, cells split by tabs or spaces"
        }
    }
}

/// A line of the notice (or of an alias file) that was not understood, or a guess the
/// importer made there (a row boundary, a unit split, a lead by position, a column's meaning).
public struct ImportWarning: Sendable, Hashable, CustomStringConvertible {
    /// An argument of the warning's text: words of the notice, or words of the strings table.
    public enum Arg: Sendable, Hashable {
        case text(String)
        case words([Strings.Key])
    }
    /// The file the warning is about when it is not the notice itself (an alias file).
    public var file: String?
    /// 1-based.
    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    /// The words, in English (`message(_:)` gives them in the interface language); rendered when
    /// asked (an outline read of a table notice makes warnings that are then dropped).
    public var message: String {
        get { key == nil ? text : message(Strings(.en)) }
        set { text = newValue; key = nil; args = [] }
    }
    private var text: String
    /// The strings-table entry and its arguments, when the warning has one.
    public var key: Strings.Key?
    public var args: [Arg]
    /// The importer guessed here (the plan may be right, but nobody said so).
    public var isGuess: Bool

    public init(file: String? = nil, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.text = message
        self.key = nil; self.args = []; self.isGuess = false
    }

    public init(file: String? = nil, line: Int, column: Int, _ key: Strings.Key, _ args: Arg..., guess: Bool = false) {
        self.file = file; self.line = line; self.column = column
        self.key = key; self.args = args; self.isGuess = guess
        self.text = ""
    }

    /// The warning in the interface language.
    public func message(_ S: Strings) -> String {
        guard let key else { return text }
        var s = S[key]
        for (i, a) in args.enumerated() {
            let v: String
            switch a {
            case .text(let t): v = t
            case .words(let ks): v = ks.map { S[$0] }.joined(separator: S.lang == .zh ? "、" : ", ")
            }
            s = s.replacingAll("{\(i)}", with: v)
        }
        return s
    }

    /// `line:column: message`, with the file in front when there is one.
    public var description: String {
        (file.map { "\($0):" } ?? "") + "\(line):\(column): \(message)"
    }
}

/// Counts of what was imported.
public struct ImportSummary: Sendable, Hashable {
    public var chapters: Int
    public var topLevelChapters: Int
    public var tasks: Int
    public var units: Int
    public var leadUnits: Int
    public var leaders: Int
    public var tasksWithoutLeadUnit: Int
    public var statusesInferred: Int
    public var deadlinesAssumed: Int
    public var warnings: Int
}

public struct ImportResult: Sendable {
    public var plan: Plan
    public var layout: ImportLayout
    public var warnings: [ImportWarning]
    public var summary: ImportSummary
    /// The encoding the notice was read in: UTF-8, UTF-16 or GB18030 (or Word (.docx)).
    public var encoding: String
    /// What each line of the notice became (chapter, task, continuation, units, leaders,
    /// deadline, detail, ignored, blank), in line order, with the task or chapter id.
    public var trace: [SourceLineRole] = []
    /// The command that converted the notice before it was read (.doc, .wps, .pdf), if any,
    /// and what the notice was.
    public var convertedWith: String? = nil
    public var convertedFrom: NoticeFormat? = nil

    /// The summary for standard error: layout, counts, then every warning as `file:line:column: message`,
    /// in the interface language (English by default).
    public func report(file: String, strings S: Strings = Strings(.en)) -> String {
        let s = summary
        var out = S.format(.isLine1, file, layout.name(S), encoding) + "\n"
        out += S.format(.isLine2Counts, s.tasks, s.chapters, s.topLevelChapters, s.units, s.leadUnits, s.leaders) + "\n"
        if let y = plan.year { out += S.format(.isYear, y) } else { out += S[.isYearUnknown] }
        if s.deadlinesAssumed > 0 { out += S.format(.isDeadlinesAssumed, s.deadlinesAssumed) }
        if s.statusesInferred > 0 { out += S.format(.isStatusesInferred, s.statusesInferred) }
        if s.tasksWithoutLeadUnit > 0 { out += S.format(.isWithoutLead, s.tasksWithoutLeadUnit) }
        out += "\n"
        for w in warnings { out += "\(w.file ?? file):\(w.line):\(w.column): \(S[.isWarning]): \(w.message(S))\n" }
        if !warnings.isEmpty { out += S.format(.isWarningCount, warnings.count) + "\n" }
        return out
    }
}

/// Inputs that give no plan at all. Each names the file and what was expected.
public enum ImportError: Error, Sendable, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case notText(file: String, reason: String)
    case noTasks(file: String)
    case strict(file: String, warnings: [ImportWarning])
    /// Word, WPS, PDF or a spreadsheet (told by its first bytes): to be converted first.
    case needsConversion(file: String, format: NoticeFormat)
    /// A Word (.docx) file that cannot be read (Readers/Docx.swift).
    case word(DocxError)
    /// A converter that was run but gave nothing to import (Readers/Converters.swift).
    case converter(ConvertError)

    public var description: String {
        switch self {
        case .unreadable(let f, let r): return "\(f): cannot read the file: \(r)"
        case .empty(let f): return "\(f): the file is empty; expected the text of a task decomposition notice"
        case .notText(let f, let r): return "\(f): not a text file (\(r)); expected a notice as UTF-8 or GB18030 text (save a Word or PDF notice as text first)"
        case .noTasks(let f):
            return "\(f): no tasks found; expected numbered items (1. / (一) / 一、) with responsibility lines (牵头单位：… / 责任单位：…), "
                + "items with 年度目标/主要任务, or a table with a header such as 序号 / 工作任务 / 牵头责任单位. See docs/import.md"
        case .needsConversion(let f, let format):
            return "\(f): this is a \(format.kind(Strings(.en))) file, not text or a web page; convert it first, then import the result: \(format.converter(for: f))"
        case .word(let e): return e.description
        case .converter(let e): return e.description
        case .strict(let f, let ws):
            return "\(f): \(ws.count) warning\(ws.count == 1 ? "" : "s") with --strict:\n" + ws.map { "\($0.file ?? f):\($0.line):\($0.column): \($0.message)\($0.isGuess ? " (guessed)" : "")" }.joined(separator: "\n")
        }
    }
}

/// Turns the text of a task decomposition notice into a plan.
public struct NoticeImporter: Sendable {
    public let options: ImportOptions

    public init(options: ImportOptions = .init()) { self.options = options }

    /// Reads and imports a file.
    public func importNotice(path: String) throws(ImportError) -> ImportResult {
        let bytes: [UInt8]
        do { bytes = try SafeOpen.read(path, as: .notice).bytes } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
        return try importNotice(bytes: consume bytes, source: path)
    }

    /// Imports the bytes of a notice; `source` names it in messages and in the plan.
    /// The bytes are consumed: once decoded they are let go (issue 16: a 50 MB notice's
    /// bytes no longer sit beside its text, its lines and its plan).
    public func importNotice(bytes: consuming [UInt8], source: String) throws(ImportError) -> ImportResult {
        try importNotice(bytes: consume bytes, source: source, converted: false)
    }

    func importNotice(bytes: consuming [UInt8], source: String, converted: Bool) throws(ImportError) -> ImportResult {
        if let format = NoticeFormat.sniff(bytes, name: source) {
            // Word files are read here; .doc, .wps and .pdf through their converter when it is installed.
            return try importForeign(format, bytes: bytes, source: source, converted: converted)
        }
        // The text alone in its variable (no tuple keeping a second reference), so that it
        // is given back once split into lines.
        var text: String
        let encoding: TextDecoding.Encoding
        do { (text, encoding) = try TextDecoding.decode(bytes) } catch {
            switch error {
            case .empty: throw .empty(file: source)
            case .binary(let r):
                if NoticeFormat.named(source) == .docx { throw .word(.notZip(file: source)) }
                throw .notText(file: source, reason: r)
            case .undecodable:
                if NoticeFormat.named(source) == .docx { throw .word(.notZip(file: source)) }
                throw .notText(file: source, reason: "neither UTF-8 nor GB18030")
            }
        }
        _ = consume bytes
        var pageTable: NoticeReader.PageTable? = nil
        if HTMLText.looksLikeHTML(text) {
            // A web page: its task tables read as tables; the text around them (title, issuer,
            // attachments) as text. A page with no table of tasks is read as text.
            if let found = TableParser.parse(tables: HTMLTable.tables(in: text)) {
                let utf8 = Array(text.utf8)
                let before = HTMLText.text(of: String(decoding: utf8[..<found.start], as: UTF8.self))
                let after = HTMLText.text(of: String(decoding: utf8[found.end...], as: UTF8.self))
                let beforeLines = before.isEmpty ? 0 : Lines.split(before).count
                pageTable = .init(drafts: found.result.drafts, header: found.result.header, textLine: beforeLines + 1)
                text = before + "\n\n" + after
            } else {
                text = HTMLText.text(of: text)
            }
        }
        return try read(text: consume text, pageTable: pageTable, encoding: encoding.rawValue, source: source)
    }

    /// Decoded text (and a table already read as a table) -> the plan, with aliases and --strict.
    /// `text` is given up once split into lines (the caller passes it with `consume`).
    func read(text: consuming String, pageTable: NoticeReader.PageTable?, encoding: String, source: String) throws(ImportError) -> ImportResult {
        var table = AliasTable()
        let aliasWarnings = loadAliases(into: &table)
        let lines = Lines.split(text)
        _ = consume text
        var result = try NoticeReader(lines: lines, source: source, options: options, aliases: table, pageTable: pageTable).read()
        result.encoding = encoding
        result.warnings = aliasWarnings + result.warnings
        result.summary.warnings = result.warnings.count
        if options.strict && !result.warnings.isEmpty { throw .strict(file: source, warnings: result.warnings) }
        return result
    }

    private func loadAliases(into table: inout AliasTable) -> [ImportWarning] {
        let (shipped, w0) = AliasTable.shipped()
        table = shipped
        var warnings = w0
        var files = options.aliasFiles
        if options.useUserAliasFile, let user = AliasTable.userFilePath(), FileManager.default.fileExists(atPath: user) {
            files.insert(user, at: 0)
        }
        for f in files {
            let data: [UInt8]
            do { data = try SafeOpen.read(f, as: .aliases).bytes } catch {
                warnings.append(ImportWarning(file: f, line: 0, column: 0, .iwAliasUnreadable, .text(error.reason)))
                continue
            }
            guard let (text, _) = try? TextDecoding.decode(data) else { continue }
            warnings += table.load(text, file: f)
        }
        for (name, text) in options.aliasTexts { warnings += table.load(text, file: name) }
        return warnings
    }
}
