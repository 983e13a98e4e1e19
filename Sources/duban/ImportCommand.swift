import ArgumentParser
import DubanCore
import DubanImport
import DubanSheets
import Foundation
import DubanTUI

struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: HelpText.abstract(.impAbstract, command: "import"),
            discussion: HelpText.discussion([.impIntro, .impAliasesIntro], examples: [
                "duban import notice.txt -o plan.json",
                "duban import notice.txt --year 2020 --strict > plan.json",
                "duban import notice.txt --aliases my-units.txt -o plan.json",
                "duban import notice.docx --review -o plan.json",
                "duban import notice.txt --corrections old-plan.json -o plan.json",
                "duban import 分解表.xlsx --columns 工作事项=任务,责任处室=牵头单位 -o plan.json"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.impNotice)) var notice: String
    @Option(name: .shortAndLong, help: helpArg(.impOutput)) var output: String?
    @Option(name: .long, parsing: .unconditional, help: helpArg(.impYear)) var year: String?
    @Flag(name: .long, help: helpArg(.impStrict)) var strict = false
    @Option(name: .long, help: helpArg(.impAliases))
    var aliases: [String] = []
    @Flag(name: .long, help: helpArg(.impNoUserAliases)) var noUserAliases = false
    @Flag(name: .long, help: helpArg(.impReview))
    var review = false
    @Option(name: .long, help: helpArg(.impCorrections))
    var corrections: String?
    @Flag(name: .long, help: helpArg(.impNoCorrections))
    var noCorrections = false
    @Option(name: .long, parsing: .unconditional, help: helpArg(.impColumns))
    var columns: String?

    func validate() throws {
        if let year, Int(year.trimmingSpaces).map({ (1900...2100).contains($0) }) != true {
            throw ValidationError(common.strings.format(.errBadNumber, "--year", year, common.strings[.errWantYear]))
        }
        for a in aliases where !FileManager.default.isReadableFile(atPath: a) {
            throw ValidationError("--aliases \(a): no such readable file")
        }
    }

    func run() throws {
        let S = common.strings
        let options = ImportOptions(year: year.flatMap { Int($0.trimmingSpaces) }, strict: strict, aliasFiles: aliases, useUserAliasFile: !noUserAliases)
        // A FIFO, a device or a notice above 256 MiB is refused at once, in words.
        let bytes: [UInt8]
        do { bytes = try SafeOpen.read(notice, as: .notice).bytes } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        // Corrections kept with a plan: --corrections PLAN, else the plan -o replaces.
        let kept: [KeptCorrection]
        do { kept = try keptCorrections(S) } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        if review {
            if let why = NcursesTerminal.unavailable(environment: environment()) {
                printError("duban: " + S.describe(why))
                throw ExitCode(1)
            }
            let opened: NoticeReview
            do { opened = try NoticeReview(bytes: bytes, source: notice, options: options, corrections: kept) } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
            let state = ReviewState(review: opened, strings: S, mode: .importing, savePath: output,
                                    suggestedPath: suggestedPlanPath(notice),
                                    writer: { plan, path in try writeImportedPlan(plan, to: path, S, quiet: true) })
            let code = runReview(state, options: DashboardOptions(asOf: PlanDate.today(), lang: S.lang, environment: environment()))
            if code != 0 { throw ExitCode(code) }
            return
        }
        installProgress(S)
        var result: ImportResult
        var applied: String?
        do {
            ProgressLine.current?.begin(.importing, name: notice, total: 0)
            defer { ProgressLine.current?.end() }
            if let kind = SheetFile.kind(bytes: bytes, name: notice) {
                // A task table as a spreadsheet (.xlsx, .csv): the same column recognition as web pages.
                result = try importSpreadsheet(bytes: bytes, kind: kind, options: options, S)
            } else if kept.isEmpty {
                // Handed over (`consume`): the importer gives the bytes back once decoded
                // (issue 16: kept here, they were a tenth of a 50 MB notice's peak).
                result = try NoticeImporter(options: options).importNotice(bytes: consume bytes, source: notice)
            } else {
                let corrected = try NoticeReview(bytes: bytes, source: notice, options: options, corrections: kept)
                result = corrected.base
                result.plan = corrected.savedPlan
                result.warnings = corrected.warnings(S)
                applied = S.format(.reviewApplied, corrected.corrections.count, corrections ?? output ?? "",
                                    corrected.plan.tasks.count, corrected.plan.chapters.count)
            }
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        if let command = result.convertedWith, let from = result.convertedFrom {
            printError(S.format(.importConverted, notice, from.kind(S), command))
        }
        printError(result.report(file: notice, strings: S))
        if let applied { printError(applied) }
        if let output {
            do { try writeImportedPlan(result.plan, to: output, S, quiet: false) } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
            printError(S.format(.savedTo, output))
        } else {
            // The plan as JSON: exact; on a terminal C1 and format characters escaped too.
            let json = PlanJSON.encodeString(result.plan)
            print(stdoutIsTerminal ? TerminalText.escapingForJSON(json) : json, terminator: "")
        }
        withExtendedLifetime(result) { exitFlushed() }
    }

    /// The corrections to apply: those --corrections names (an error when it keeps none),
    /// else those of the plan -o replaces (none when it is no plan).
    private func keptCorrections(_ S: Strings) throws -> [KeptCorrection] {
        if noCorrections { return [] }
        if let path = corrections {
            let plan = try PlanFile.load(path: path)
            let (cs, problems) = ImportCorrections.read(from: plan, S)
            if !problems.isEmpty { throw CommandRefusal(S.format(.reviewBadCorrections, path, problems.joined(separator: "; "))) }
            if cs.isEmpty { throw CommandRefusal(S.format(.reviewNoCorrections, path)) }
            return cs
        }
        // Only the one key of the plan being replaced is read (issue 16: decoding all of a
        // large plan for it was 6% of the import).
        guard let output, PlanEditor.isExistingFile(output), let bytes = try? PlanFile.read(path: output),
              let kept = PlanJSON.topLevelField(ImportCorrections.planKey, in: bytes) else { return [] }
        let (cs, problems) = ImportCorrections.read(kept, S)
        if !problems.isEmpty { printError(S.format(.reviewBadCorrections, output, problems.joined(separator: "; "))) }
        return cs
    }
}

/// Where a plan imported from a notice is written when no name is given: notice.json beside it.
func suggestedPlanPath(_ notice: String) -> String {
    var stem = notice
    if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") { stem = String(stem[..<dot]) }
    return stem + ".json"
}

/// Writes an imported plan the way `import -o` does: an existing plan replaced atomically
/// under its lock (one writer at a time); a new path too; a FIFO or device written into,
/// never replaced. `quiet`: nothing printed while waiting for the lock (a screen is shown).
func writeImportedPlan(_ plan: Plan, to output: String, _ S: Strings, quiet: Bool) throws {
    if PlanEditor.isExistingFile(output) {
        try PlanEditor.replace(path: output, with: plan, command: "duban import",
                               waiting: { if !quiet { printWaiting(output, $0, PlanLock.defaultWait, S) } })
    } else if SafeOpen.special(output) == nil {
        // A new file: encoded and written piece by piece (no second copy of a big plan in
        // memory); PlanFile refuses a special file that appears meanwhile.
        try PlanFile.saveReporting(plan, to: output, backup: false)
    } else {
        // A FIFO or device is written into, never replaced.
        try OutputFile.write(PlanJSON.encode(plan), to: output)
    }
}

extension ImportCommand {
    /// `--columns 工作事项=任务,责任处室=牵头单位`: header texts renamed to names the recognition knows.
    func columnMapping(_ S: Strings) throws -> [String: String] {
        guard let columns else { return [:] }
        var m: [String: String] = [:]
        for pair in columns.split(whereSeparator: { $0 == "," || $0 == "，" }) {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else { throw ValidationError(S.format(.shBadColumnsOption, columns)) }
            guard NoticeImporter.tableColumnNames.contains(kv[1]) else {
                throw ValidationError(S.format(.shColumnsUnknown, kv[1], NoticeImporter.tableColumnNames.joined(separator: "、")))
            }
            m[kv[0]] = kv[1]
        }
        if m.isEmpty { throw ValidationError(S.format(.shBadColumnsOption, columns)) }
        return m
    }

    func importSpreadsheet(bytes: [UInt8], kind: SheetFile.Kind, options: ImportOptions, _ S: Strings) throws -> ImportResult {
        let mapping = try columnMapping(S)
        let book: SheetBook
        switch kind {
        case .xls: throw SheetError.oldExcel(file: notice)
        case .csv:
            guard let text = NoticeImporter.decodeText(bytes) else { throw SheetError.badCSV(file: notice, row: 1, detail: "neither UTF-8 nor GB18030") }
            book = try CSVTable.read(text: text, file: notice)
        case .xlsx: book = try XLSXReader().read(bytes: bytes, file: notice)
        }
        let tables = book.sheets.filter { !$0.hidden }.map { sh in
            ImportTable(name: sh.sheet, rows: sh.rows.map { $0.map {
                // A date cell, or a date typed as text (2020.6.30), handed on as 2020年6月30日.
                ImportTable.Cell(text: CellValues.textForImport($0), row: $0.row, column: $0.column, originRow: $0.originRow, originColumn: $0.originColumn)
            } })
        }
        return try NoticeImporter(options: options).importTable(tables, source: notice, columns: mapping)
    }
}
