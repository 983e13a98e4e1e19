import ArgumentParser
import DubanCore

extension ReportFormat: ExpressibleByArgument {}
extension ReportGrouping: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Workload by unit, leader, chapter or status; or the overdue tasks.",
        discussion: """
        Done, overdue, lagging and % done count the tasks a unit leads; "shared" counts the
        tasks it shares without leading. A unit's other names count toward it.

        Examples:
          duban report plan.json --by unit
          duban report plan.json --by chapter --format markdown
          duban report plan.json --overdue --as-of 2020-10-01 --format json
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: "The plan file.") var plan: String
    @Option(help: "Group by: unit, leader, chapter or status.") var by: ReportGrouping = .unit
    @Flag(help: "List the overdue tasks instead of the workload.") var overdue = false
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: "The date overdue is counted against (YYYY-MM-DD); today by default.")
    var asOf: String?
    @Option(help: "table, csv, json or markdown.") var format: ReportFormat = .table
    @Flag(help: "Do not cut a table's long texts or lines (CSV, JSON and Markdown never cut).") var wide = false

    func run() throws {
        let S = common.strings
        let date = try parseAsOf(asOf, S)
        DisplayWidth.prepareLocale()
        let p = try loadPlanOrExit(plan, S)
        let store = PlanStore(plan: p, rules: Rules(asOf: date), strings: S)
        // Tables and Markdown are clean always (the cleaner runs on every cell), JSON escapes
        // what it holds; CSV keeps the data exact, so it is cleaned only for a terminal.
        var text = Reports(store).render(by: by, overdue: overdue, format: format, width: terminalColumns(), wide: wide)
        if format == .csv && stdoutIsTerminal { text = TerminalText.clean(text, .lines) }
        print(text, terminator: "")
    }
}
