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
    @Option(name: .customLong("as-of"), help: "The date overdue is counted against (YYYY-MM-DD); today by default.")
    var asOf: String?
    @Option(help: "table, csv, json or markdown.") var format: ReportFormat = .table

    func run() throws {
        let S = common.strings
        let date = try parseAsOf(asOf, S)
        DisplayWidth.prepareLocale()
        let p = try loadPlanOrExit(plan, S)
        let store = PlanStore(plan: p, rules: Rules(asOf: date), strings: S)
        print(Reports(store).render(by: by, overdue: overdue, format: format), terminator: "")
    }
}
