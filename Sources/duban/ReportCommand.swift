import ArgumentParser
import DubanCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Workload by unit, leader, chapter or status; the overdue tasks; one unit's or one leader's tasks.",
        discussion: """
        Done, overdue, lagging and % done count the tasks a unit leads; "shared" counts the
        tasks it shares without leading. A unit's other names count toward it. Tables and
        Markdown start with the plan's title and the as-of line.

        Examples:
          duban report plan.json --by unit
          duban report plan.json --by chapter --format markdown
          duban report plan.json --overdue --as-of 2020-10-01 --format json
          duban report plan.json --overdue --by unit        the overdue tasks under each unit, lead or co
          duban report plan.json --unit 市发改委              one unit's tasks (any of its names)
          duban report plan.json --leader 张三 --overdue
          duban report plan.json --overdue --excel > 逾期.csv   CSV for Excel and WPS (UTF-8 BOM, CRLF)
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: "The plan file.") var plan: String
    @Option(help: "Group by: unit, leader, chapter or status (with --overdue: the overdue tasks under each).") var by: String?
    @Flag(help: "List the overdue tasks instead of the workload.") var overdue = false
    @Option(help: "One unit's tasks (lead and co), under any of its names.") var unit: String?
    @Option(help: "The tasks one leader answers for.") var leader: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: "The date overdue is counted against (YYYY-MM-DD); today by default.")
    var asOf: String?
    @Option(help: "table, csv, json or markdown.") var format: String?
    @Flag(help: "CSV for Excel and WPS: a UTF-8 BOM first, CRLF line ends (implies --format csv).") var excel = false
    @Flag(help: "Do not cut a table's long texts or lines (CSV, JSON and Markdown never cut).") var wide = false

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
        installProgress(S)
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
        withExtendedLifetime(store) { exitFlushed() }
    }
}
