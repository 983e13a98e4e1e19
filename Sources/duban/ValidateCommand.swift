import ArgumentParser
import DubanCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check plan files; list every problem with its line, column and JSON path.",
        discussion: """
        Exit status 0 when every file is valid, 1 otherwise.

        Examples:
          duban validate plan.json
          duban validate 2020/*.json
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: "Plan files (JSON).") var plans: [String]

    func run() throws {
        let S = common.strings
        installProgress(S)
        var failed = false
        for (k, path) in plans.enumerated() {
            do {
                let plan = try PlanFile.load(path: path)
                printOut(S.format(.validOK, path, plan.tasks.count))
                // The last plan is not freed on the way out (exitFlushed).
                if k == plans.count - 1 { withExtendedLifetime(plan) { exitFlushed(failed ? 1 : 0) } }
            } catch let e as PlanLoadError {
                failed = true
                printOut(S.describe(e))
                printError(S.format(.problemsFound, path, e.problems.count))
            } catch {
                failed = true
                printOut(S.describe(error))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
