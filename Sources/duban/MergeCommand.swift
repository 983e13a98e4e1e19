import ArgumentParser
import DubanCore
import DubanImport
import DubanSheets
import DubanTUI

struct MergeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "merge",
            abstract: HelpText.abstract(.mrgAbstract, command: "merge"),
            discussion: HelpText.discussion([.mrgIntro, .planAddressIntro], examples: [
                "duban merge plan.json 台账/*.xlsx --dry-run",
                "duban merge plan.json 发改委.xlsx --as-of 2020-09-30"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlanOrAddress)) var plan: String
    @Argument(help: helpArg(.mrgSheets)) var sheets: [String]
    @Flag(name: .customLong("dry-run"), help: helpArg(.mrgDryRun)) var dryRun = false
    @Option(parsing: .unconditional, help: helpArg(.mrgAuthor)) var author: String?
    @Option(parsing: .unconditional, help: helpArg(.mrgPeriod)) var period: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: helpArg(.mrgAsOf))
    var asOf: String?
    @Option(help: helpArg(.setWait)) var wait: Double?
    @Flag(help: helpArg(.mergeResolve)) var resolve = false

    func validate() throws {
        if resolve && dryRun { throw ValidationError(common.strings[.shResolveDryRun]) }
    }

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
        let address = PlanAddress(plan)
        if resolve {
            if address.isDatabase { printError(S[.sharedResolveNeedsFile]); printError(S[.shMergeFailed]); throw ExitCode(1) }
            return try runResolve(books, date: date, S)
        }
        func merged(_ p: Plan) throws -> LedgerMerge.Result {
            var m = LedgerMerge(plan: p, date: date, author: author, period: period, strings: S)
            for b in books { try m.add(b) }
            return try m.result()
        }
        if case .database(let a) = address { return try runDatabase(a, merged, S) }
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
        try report(r, name: plan, S)
    }

    /// The merge's changes and conflicts as `duban merge` prints them; exit status 2 with conflicts.
    func report(_ r: LedgerMerge.Result, name: String, _ S: Strings) throws {
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
        if dryRun { printOut(S[.shMergeDryRun]) } else if !r.changes.isEmpty { printOut(S.format(.shMergeSaved, name)) }
        if !r.conflicts.isEmpty { throw ExitCode(2) }
    }

    /// `duban merge ADDRESS …` (issue 15): the sheets compared with the plan as read, then
    /// each change committed as its own edit, expecting the version read (a task changed in
    /// between takes the change after the other's, and the command says who changed it);
    /// conflicts as for a file, not applied. The server lost mid-run is waited for up to
    /// 10 s, then the changes not made are named and the exit status is 1.
    func runDatabase(_ address: String, _ merged: (Plan) throws -> LedgerMerge.Result, _ S: Strings) throws {
        let run = try SharedEditRun.open(address, S)
        defer { run.close() }
        let r: LedgerMerge.Result
        do { r = try merged(run.snapshot.plan) } catch {
            printError(S.describe(error)); printError(S[.shMergeFailed]); throw ExitCode(1)
        }
        if !dryRun {
            let edits = r.changes.compactMap(\.edit)
            for (k, e) in edits.enumerated() {
                do {
                    if let told = run.changedBetween(try run.commit(e, checked: true)) { printError(told) }
                } catch {
                    throw run.refusal(error, notMade: Array(edits[k...]))
                }
            }
        }
        try report(r, name: run.name, S)
    }
}

extension MergeCommand {
    /// `--resolve`: the dashboard on the plan with the merge's changes applied (one undo
    /// step) and its conflicts asked one by one; `w` saves through the dashboard's session.
    func runResolve(_ books: [SheetBook], date: PlanDate, _ S: Strings) throws {
        let env = environment()
        if let why = NcursesTerminal.unavailable(environment: env) {
            printError("duban: " + S.describe(why)); throw ExitCode(1)
        }
        let session: PlanSession
        do { session = try PlanSession.open(path: plan, readOnly: false, strings: S) } catch {
            printError(S.describe(error)); printError(S[.shMergeFailed]); throw ExitCode(1)
        }
        if session.needsRecoveryDecision {
            session.close(unsaved: true)
            printError(S.format(.shResolveRecoverFirst, plan)); printError(S[.shMergeFailed]); throw ExitCode(1)
        }
        if let why = session.readOnly {
            session.close(unsaved: false)
            printError(S.format(.shResolveReadOnly, plan, why.refusal(S))); printError(S[.shMergeFailed]); throw ExitCode(1)
        }
        let result: LedgerMerge.Result
        do {
            var m = LedgerMerge(plan: session.plan, date: date, author: author, period: period, strings: S)
            for b in books { try m.add(b) }
            result = try m.result()
        } catch {
            session.close(unsaved: false)
            printError(S.describe(error)); printError(S[.shMergeFailed]); throw ExitCode(1)
        }
        for n in result.notes { printError(n) }
        var options = DashboardOptions(asOf: date, lang: S.lang, savePath: plan, suggestedSavePath: plan, environment: env)
        options.merge = pendingMerge(result, plan: session.plan, S)
        let code = runDashboard(session: session, options: options)
        if code != 0 { throw ExitCode(code) }
    }

    /// The merge's result as the dashboard takes it: changes as edits, conflicts side by side.
    func pendingMerge(_ r: LedgerMerge.Result, plan: Plan, _ S: Strings) -> PendingMerge {
        var byID: [String: PlanTask] = [:]
        for t in plan.tasks where byID[t.id] == nil { byID[t.id] = t }
        let conflicts = r.conflicts.map { c -> MergeConflict in
            let last = byID[c.taskID]?.history.last
            let planSide = ConflictSide(source: S[.shSidePlan], value: c.plan, who: last?.author, when: last?.date.iso)
            let sheets = c.sheets.enumerated().map { (i, s) -> ConflictSide in
                let e = i < c.edits.count ? c.edits[i] : nil
                // The file's own name (a column is narrow; the folder is the user's).
                let name = s.place.file.split(separator: "/").last.map(String.init) ?? s.place.file
                return ConflictSide(source: "\(name) \(s.place.sheet)!\(s.place.ref)", value: s.value,
                                    who: e?.author, when: e?.period ?? e?.date.iso, edit: e)
            }
            return MergeConflict(taskID: c.taskID, number: c.number, field: c.field.name(S), exported: c.exported, plan: planSide, sheets: sheets)
        }
        return PendingMerge(sources: sheets, edits: r.changes.compactMap(\.edit), conflicts: conflicts)
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
