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

    public var description: String {
        switch self {
        case .flatTable: return "flattened table (序号 / 任务 / 牵头责任单位 / 责任单位)"
        case .completionTable: return "completion report table (任务 / 牵头责任单位 / 完成情况 / 备注)"
        case .outline: return "outline with responsibility lines (牵头负责领导 / 牵头责任单位 / 协同责任单位)"
        case .numberedItems: return "numbered items with one 责任单位 line (lead before the comma)"
        case .goalItems: return "items with 年度目标 / 主要任务"
        case .inlineResponsibility: return "items with inline responsibility (牵头单位：…；责任单位：…)"
        }
    }
}

/// A line of the notice (or of an alias file) that was not understood.
public struct ImportWarning: Sendable, Hashable, CustomStringConvertible {
    /// The file the warning is about when it is not the notice itself (an alias file).
    public var file: String?
    /// 1-based.
    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    public var message: String

    public init(file: String? = nil, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
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
    /// The encoding the notice was read in: UTF-8, UTF-16 or GB18030.
    public var encoding: String

    /// The summary for standard error: layout, counts, then every warning as `file:line:column: message`.
    public func report(file: String) -> String {
        let s = summary
        var out = "\(file): \(layout.description), \(encoding)\n"
        out += "  \(s.tasks) tasks, \(s.chapters) chapters (\(s.topLevelChapters) top-level), \(s.units) units (\(s.leadUnits) leading), \(s.leaders) leaders\n"
        if let y = plan.year { out += "  plan year \(y)" } else { out += "  plan year unknown" }
        if s.deadlinesAssumed > 0 { out += "; \(s.deadlinesAssumed) deadlines assumed (year end)" }
        if s.statusesInferred > 0 { out += "; \(s.statusesInferred) statuses inferred from completion text" }
        if s.tasksWithoutLeadUnit > 0 { out += "; \(s.tasksWithoutLeadUnit) tasks without a lead unit" }
        out += "\n"
        for w in warnings { out += "\(w.file ?? file):\(w.line):\(w.column): warning: \(w.message)\n" }
        if !warnings.isEmpty { out += "  \(warnings.count) warning\(warnings.count == 1 ? "" : "s")\n" }
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
        case .strict(let f, let ws):
            return "\(f): \(ws.count) warning\(ws.count == 1 ? "" : "s") with --strict:\n" + ws.map { "\($0.file ?? f):\($0.line):\($0.column): \($0.message)" }.joined(separator: "\n")
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
        if let format = NoticeFormat.sniff(bytes, name: source) { throw .needsConversion(file: source, format: format) }
        let decoded: (text: String, encoding: TextDecoding.Encoding)
        do { decoded = try TextDecoding.decode(bytes) } catch {
            switch error {
            case .empty: throw .empty(file: source)
            case .binary(let r): throw .notText(file: source, reason: r)
            case .undecodable: throw .notText(file: source, reason: "neither UTF-8 nor GB18030")
            }
        }
        _ = consume bytes
        var text = decoded.text
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
        var table = AliasTable()
        let aliasWarnings = loadAliases(into: &table)
        var result = try NoticeReader(text: text, source: source, options: options, aliases: table, pageTable: pageTable).read()
        result.encoding = decoded.encoding.rawValue
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
                warnings.append(ImportWarning(file: f, line: 0, column: 0, message: "cannot read alias file: \(error.reason)"))
                continue
            }
            guard let (text, _) = try? TextDecoding.decode(data) else { continue }
            warnings += table.load(text, file: f)
        }
        for (name, text) in options.aliasTexts { warnings += table.load(text, file: name) }
        return warnings
    }
}
