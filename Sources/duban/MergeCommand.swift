import ArgumentParser
import DubanCore
import DubanImport
import DubanSheets

struct MergeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "merge",
            abstract: HelpText.abstract(.mrgAbstract, command: "merge"),
            discussion: HelpText.discussion([.mrgIntro], examples: [
                "duban merge plan.json 台账/*.xlsx --dry-run",
                "duban merge plan.json 发改委.xlsx --as-of 2020-09-30"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlan)) var plan: String
    @Argument(help: helpArg(.mrgSheets)) var sheets: [String]
    @Flag(name: .customLong("dry-run"), help: helpArg(.mrgDryRun)) var dryRun = false
    @Option(parsing: .unconditional, help: helpArg(.mrgAuthor)) var author: String?
    @Option(parsing: .unconditional, help: helpArg(.mrgPeriod)) var period: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: helpArg(.mrgAsOf))
    var asOf: String?
    @Option(help: helpArg(.setWait)) var wait: Double?

    func run() throws {
        let S = common.strings
        let date = try parseAsOf(asOf, S)
        guard !sheets.isEmpty else { throw ValidationError(S.format(.shNoSheet, "duban merge")) }
        // Every sheet is read before anything else; any error merges nothing.
        var books: [SheetBook] = []
        var failed = false
        for f in sheets {
            do { books.append(try readSheetFile(f)) } catch {
                printError(S.describe(error)); failed = true
            }
        }
        if failed { printError(S[.shMergeFailed]); throw ExitCode(1) }
        func merged(_ p: Plan) throws -> LedgerMerge.Result {
            var m = LedgerMerge(plan: p, date: date, author: author, period: period, strings: S)
            for b in books { try m.add(b) }
            return try m.result()
        }
        var result: LedgerMerge.Result?
        do {
            if dryRun {
                result = try merged(try PlanFile.load(path: plan))
            } else {
                let w = wait ?? PlanLock.defaultWait
                let outcome = try PlanEditor.edit(path: plan, command: "duban merge", wait: w,
                                                  waiting: { printWaiting(plan, $0, w, S) }) { opened in
                    let r = try merged(opened.plan)
                    result = r
                    return r.changes.isEmpty ? nil : r.plan
                }
                if let b = outcome.backupProblem { printError(S.describe(b)) }
            }
        } catch let e as PlanLoadError {
            printError(e.description); printError(S[.shMergeFailed]); throw ExitCode(1)
        } catch {
            printError(S.describe(error)); printError(S[.shMergeFailed]); throw ExitCode(1)
        }
        guard let r = result else { throw ExitCode(1) }
        for n in r.notes { printError(n) }
        for c in r.changes {
            printOut(S.format(.shMergeChange, c.place.file, c.place.sheet, c.place.ref, c.number.isEmpty ? c.taskID : c.number,
                              c.taskID, c.field.name(S), c.old, c.new))
        }
        for c in r.conflicts {
            let key: Strings.Key = c.kind == .planAndSheet ? .shMergeConflictPlan : .shMergeConflictSheets
            printOut(S.format(key, c.number.isEmpty ? c.taskID : c.number, c.taskID, c.field.name(S)))
            if let e = c.exported { printOut(S.format(.shMergeSide, S[.shSideExported], e)) }
            printOut(S.format(.shMergeSide, S[.shSidePlan], c.plan))
            for (place, v) in c.sheets { printOut(S.format(.shMergeSide, "\(place.file) \(place.sheet)!\(place.ref)", v)) }
        }
        printOut(S.format(.shMergeSummary, r.sheets, r.changes.count, r.conflicts.count))
        if r.changes.isEmpty && r.conflicts.isEmpty { printOut(S[.shMergeNothing]) }
        if dryRun { printOut(S[.shMergeDryRun]) } else if !r.changes.isEmpty { printOut(S.format(.shMergeSaved, plan)) }
        if !r.conflicts.isEmpty { throw ExitCode(2) }
    }
}

/// A spreadsheet named by the user, read through SafeOpen: .xlsx, or .csv decoded as the
/// importer decodes text; an old .xls is refused with the converter's command.
func readSheetFile(_ path: String) throws -> SheetBook {
    let bytes = try SafeOpen.read(path, as: .notice).bytes
    switch SheetFile.kind(bytes: bytes, name: path) {
    case .xls: throw SheetError.oldExcel(file: path)
    case .csv:
        guard let text = NoticeImporter.decodeText(bytes) else { throw SheetError.badCSV(file: path, row: 1, detail: "neither UTF-8 nor GB18030") }
        return try CSVTable.read(text: text, file: path)
    case .xlsx, .none:
        return try XLSXReader().read(bytes: bytes, file: path)
    }
}
