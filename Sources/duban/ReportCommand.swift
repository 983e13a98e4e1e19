import ArgumentParser
import DubanCore

struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: HelpText.abstract(.rptAbstract, command: "report"),
            discussion: HelpText.discussion([.rptIntro], examples: [
                "duban report plan.json --by unit",
                "duban report plan.json --by chapter --format markdown",
                "duban report plan.json --overdue --as-of 2020-10-01 --format json",
                "duban report plan.json --overdue --by unit",
                "duban report plan.json --unit 市发改委",
                "duban report plan.json --leader 张三 --overdue",
                "duban report plan.json --overdue --excel > 逾期.csv"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlan)) var plan: String
    @Option(help: helpArg(.rptBy)) var by: String?
    @Flag(help: helpArg(.rptOverdue)) var overdue = false
    @Option(help: helpArg(.rptUnit)) var unit: String?
    @Option(help: helpArg(.rptLeader)) var leader: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: helpArg(.optAsOf))
    var asOf: String?
    @Option(help: helpArg(.rptFormat)) var format: String?
    @Flag(help: helpArg(.rptExcel)) var excel = false
    @Flag(help: helpArg(.rptWide)) var wide = false

    func run() throws {
        let S = common.strings
        let request: ReportRequest
        let fmt: ReportFormat
        do {
            let g = try by.map(Reports.grouping)
            fmt = try format.map(Reports.format) ?? (excel ? .csv : .table)
            if excel && fmt != .csv { throw ReportError.excelNotCSV(format: fmt.rawValue) }
            request = ReportRequest(grouping: g, overdue: overdue, unit: unit, leader: leader)
            try Reports.check(request)
        } catch {
            throw ValidationError(S.describe(error))
        }
        let date = try parseAsOf(asOf, S)
        DisplayWidth.prepareLocale()
        let p = try loadPlanOrExit(plan, S)
        let store = PlanStore(plan: p, rules: Rules(asOf: date), strings: S)
        // Tables and Markdown are clean always (the cleaner runs on every cell), JSON escapes
        // what it holds; CSV keeps the data exact, so it is cleaned only for a terminal.
        var text: String
        do {
            text = try Reports(store).render(request, format: fmt, width: terminalColumns(), wide: wide, excel: excel)
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        if fmt == .csv && stdoutIsTerminal { text = TerminalText.clean(text, .lines) }
        print(text, terminator: "")
    }
}
