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
        var failed = false
        for path in plans {
            do {
                let plan = try PlanFile.load(path: path)
                print(S.format(.validOK, path, plan.tasks.count))
            } catch let e as PlanLoadError {
                failed = true
                print(e.description)
                printError(S.format(.problemsFound, path, e.problems.count))
            } catch {
                failed = true
                print(S.describe(error))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
