import ArgumentParser
import DubanCore
import DubanSheets

struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: HelpText.abstract(.rptAbstract, command: "report"),
            discussion: HelpText.discussion([.rptIntro, .planAddressIntro], examples: [
                "duban report plan.json --by unit",
                "duban report plan.json --by chapter --format markdown",
                "duban report plan.json --overdue --as-of 2020-10-01 --format json",
                "duban report plan.json --overdue --by unit",
                "duban report plan.json --unit 市发改委",
                "duban report plan.json --leader 张三 --overdue",
                "duban report plan.json --overdue --excel > 逾期.csv",
                "duban report plan.json --unreported",
                "duban report plan.json --unreported --period 2020-06",
                "duban report plan.json --since 2020-06-30",
                "duban report plan.json --period 2020Q2",
                "duban report plan.json --by unit --format xlsx -o 工作量.xlsx"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlanOrAddress)) var plan: String
    @Option(help: helpArg(.rptBy)) var by: String?
    @Flag(help: helpArg(.rptOverdue)) var overdue = false
    @Option(help: helpArg(.rptUnit)) var unit: String?
    @Option(help: helpArg(.rptLeader)) var leader: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: helpArg(.optAsOf))
    var asOf: String?
    @Option(help: helpArg(.rptFormat)) var format: String?
    @Flag(help: helpArg(.rptExcel)) var excel = false
    @Flag(help: helpArg(.rptWide)) var wide = false
    @Flag(help: helpArg(.rptUnreported)) var unreported = false
    @Option(parsing: .unconditional, help: helpArg(.rptPeriod)) var period: String?
    @Option(parsing: .unconditional, help: helpArg(.rptSince)) var since: String?

    /// `--unreported`, `--since` or `--period`: the office's cycle, not the workload.
    var cycleAsked: Bool { unreported || since != nil || period != nil }

    func runCycle(_ S: Strings) throws {
        let fmt: ReportFormat
        var sinceDate: PlanDate?
        do {
            fmt = try format.map(Reports.format) ?? (excel ? .csv : .table)
            if excel && fmt != .csv { throw ReportError.excelNotCSV(format: fmt.rawValue) }
            let main = unreported ? "--unreported" : since != nil ? "--since" : "--period"
            for (given, name) in [(overdue, "--overdue"), (by != nil, "--by"), (unit != nil, "--unit"), (leader != nil, "--leader"),
                                  (unreported && since != nil, "--since"), (since != nil && period != nil, "--period")] where given {
                throw CycleError.combination(main, name)
            }
            if let since {
                guard let d = PlanDate(iso: since.trimmingSpaces) else { throw ValidationError(S.format(.badDate, since)) }
                sinceDate = d
            }
        } catch let e as ValidationError {
            throw e
        } catch {
            throw ValidationError(S.describe(error))
        }
        var date = try parseAsOf(asOf, S)
        DisplayWidth.prepareLocale()
        let (p, name) = try loadNamedPlanOrExit(plan, S)
        var request: CycleReport
        if unreported {
            request = .unreported(period: period)
        } else if let sinceDate {
            request = .since(sinceDate)
        } else {
            // --period alone: the changes over the period, from the day before it started
            // to its end (or the as-of date, when that comes first).
            let probe = Reports(PlanStore(plan: p, rules: Rules(asOf: date), strings: S))
            do {
                let per = try probe.period(period, planName: name)
                if per.end < date { date = per.end }
                request = .since(per.start.adding(days: -1))
            } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
        }
        let store = PlanStore(plan: p, rules: Rules(asOf: date), strings: S)
        var text: String
        do {
            text = try Reports(store).render(request, planName: name, format: fmt, width: terminalColumns(), wide: wide, excel: excel)
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        if fmt == .csv && stdoutIsTerminal { text = TerminalText.clean(text, .lines) }
        print(text, terminator: "")
    }
    @Option(name: .shortAndLong, help: helpArg(.rptOutput)) var output: String?

    func run() throws {
        let S = common.strings
        if cycleAsked { return try runCycle(S) }
        let request: ReportRequest
        let fmt: ReportFormat
        let xlsx = format?.lowercased() == "xlsx"
        if xlsx && output == nil { throw ValidationError(S[.shNeedXlsxOutput]) }
        do {
            let g = try by.map(Reports.grouping)
            fmt = xlsx ? .csv : try format.map(Reports.format) ?? (excel ? .csv : .table)
            if excel && fmt != .csv { throw ReportError.excelNotCSV(format: fmt.rawValue) }
            request = ReportRequest(grouping: g, overdue: overdue, unit: unit, leader: leader)
            try Reports.check(request)
        } catch {
            throw ValidationError(S.describe(error))
        }
        let date = try parseAsOf(asOf, S)
        DisplayWidth.prepareLocale()
        installProgress(S)
        let p = try loadPlanOrExit(plan, S)
        // A workload (by unit, leader, chapter or status) reads the counts only: the task
        // indexes are built for the lists of one unit, one leader and the overdue tasks.
        let listsTasks = request.unit != nil || request.leader != nil || request.overdue
        let store = PlanStore(plan: p, rules: Rules(asOf: date), strings: S, extent: listsTasks ? .full : .counts)
        // Tables and Markdown are clean always (the cleaner runs on every cell), JSON escapes
        // what it holds; CSV keeps the data exact, so it is cleaned only for a terminal.
        var text: String
        do {
            text = try Reports(store).render(request, format: fmt, width: terminalColumns(), wide: wide, excel: excel)
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        if xlsx, let output {
            // The report's CSV rows as a sheet: bold header, frozen, widths fitted, wrapped.
            do {
                let book = try CSVTable.read(text: text, file: output)
                try OutputFile.write(try SheetReport.workbook(rows: book.sheets[0].texts, title: p.title + " " + S.format(.rptAsOf, date.components.year, date.components.month, date.components.day, date.iso)).data(), to: output)
            } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
            printError(S.format(.savedTo, output))
            return
        }
        if fmt == .csv && stdoutIsTerminal { text = TerminalText.clean(text, .lines) }
        print(text, terminator: "")
        withExtendedLifetime(store) { exitFlushed() }
    }
}
