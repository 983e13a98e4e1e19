import ArgumentParser
import DubanCore

struct ValidateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "validate",
            abstract: HelpText.abstract(.valAbstract, command: "validate"),
            discussion: HelpText.discussion([.valIntro, .planAddressIntro], examples: [
                "duban validate plan.json",
                "duban validate 2020/*.json"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.valPlansOrAddress)) var plans: [String]

    func run() throws {
        let S = common.strings
        installProgress(S)
        var failed = false
        for (k, path) in plans.enumerated() {
            do {
                // A file, or a database address (issue 15): the plan as the database holds it.
                let (plan, name) = try loadPlan(path, S)
                // Loadable; then the rules a plan should keep (history in date order,
                // status and progress agreeing): each with its JSON path.
                let checks = PlanChecks.check(plan, file: name)
                if checks.isEmpty {
                    printOut(S.format(.validOK, name, plan.tasks.count))
                } else {
                    failed = true
                    for c in checks { printOut(S.describe(c)) }
                    printError(S.format(.chkProblemsFound, name, checks.count))
                }
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
