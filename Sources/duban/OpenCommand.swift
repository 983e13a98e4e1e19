import ArgumentParser
import DubanCore
import DubanImport
import DubanTUI

/// `duban [PLAN]`: the dashboard. The root's default command.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the dashboard on a plan (the built-in demo plan when none is given).",
        discussion: """
        PLAN.json opens a plan file; PLAN.txt imports a notice first (save it as .json with w).
        Keys: press ? in the dashboard, or see docs/keys.md.

        Examples:
          duban
          duban plan.json --as-of 2020-09-01
          duban plan.json --read-only --theme high-contrast
        """)

    @Argument(help: "A plan file (.json), or a notice (.txt) to import.") var plan: String?
    @Option(name: .customLong("as-of"), help: "The date overdue is counted against (YYYY-MM-DD); today by default.")
    var asOf: String?
    @Flag(name: .customLong("read-only"), help: "View only: no key changes the plan.") var readOnly = false
    @Option(name: .long, help: "Theme: default, light, high-contrast, mono, or a .theme file.") var theme: String?
    @Option(name: .long, help: "Interface language: zh (default) or en. LANG=en* also gives English.") var lang: String?
    @Option(name: .long, help: "Config file (theme and key bindings); default ~/.config/duban/config.") var config: String?

    func run() throws {
        let env = environment()
        let S = Strings(Lang.resolve(flag: lang, environment: env))
        let asOfDate = try parseAsOf(asOf, S)
        var loaded: Plan
        var savePath: String? = nil
        var suggested = "duban-demo.json"
        if let path = plan {
            if path.lowercased().hasSuffix(".txt") {
                do {
                    let result = try NoticeImporter().importNotice(path: path)
                    loaded = result.plan
                } catch {
                    printError(String(describing: error))
                    throw ExitCode(1)
                }
                suggested = String(path.dropLast(4)) + ".json"
            } else {
                loaded = try loadPlanOrExit(path)
                savePath = path
                suggested = path
            }
        } else {
            loaded = NoticeImporter.demoPlan()
        }
        var stamp = savePath.flatMap { PlanFile.stamp(path: $0) }
        let openedPath = savePath
        let options = DashboardOptions(
            asOf: asOfDate, readOnly: readOnly, lang: S.lang, theme: theme, configPath: config,
            savePath: savePath, suggestedSavePath: suggested, environment: env)
        let code = runDashboard(plan: loaded, options: options) { plan, path in
            // Refuse to overwrite the opened file if someone else saved it meanwhile.
            let expecting = path == openedPath ? stamp : nil
            let newStamp = try PlanFile.save(plan, to: path, expecting: expecting)
            if path == openedPath { stamp = newStamp }
        }
        if code != 0 { throw ExitCode(code) }
    }
}
