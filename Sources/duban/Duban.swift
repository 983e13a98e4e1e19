import ArgumentParser
import DubanCore
#if canImport(Glibc)
import Glibc
#endif

@main
struct Duban: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duban",
        abstract: "督办: a terminal dashboard for supervising key work tasks (重点工作任务督办).",
        discussion: """
        With no command, opens the dashboard (on the built-in demo plan when no file is given).

        Examples:
          duban                           the dashboard on the demo plan
          duban plan.json --as-of 2020-09-01
          duban import notice.txt -o plan.json
          duban report plan.json --by unit
          duban set plan.json 12 --status done --note "已完成验收"
        """,
        subcommands: Duban.commands,
        defaultSubcommand: Duban.defaultCommand
    )
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Interface language: zh (default) or en. LANG=en* also gives English.")
    var lang: String?

    var strings: Strings { Strings(Lang.resolve(flag: lang, environment: environment())) }
}

func environment() -> [String: String] {
    var env: [String: String] = [:]
    var p = environ
    while let entry = p.pointee {
        let s = String(cString: entry)
        if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
        p += 1
    }
    return env
}

/// Prints to standard error.
func printError(_ s: String) {
    var text = s
    if !text.hasSuffix("\n") { text += "\n" }
    _ = text.withCString { fputs($0, stderr) }
}

/// Parses `--as-of`; today when nil.
func parseAsOf(_ text: String?, _ S: Strings) throws -> PlanDate {
    guard let text else { return PlanDate.today() }
    guard let d = PlanDate(iso: text) else { throw ValidationError(S.format(.badDate, text)) }
    return d
}

/// Loads a plan, printing every problem and exiting 1 when it does not load.
func loadPlanOrExit(_ path: String, _ S: Strings? = nil) throws -> Plan {
    do {
        return try PlanFile.load(path: path)
    } catch let e as PlanLoadError {
        printError(e.description)
        throw ExitCode(1)
    } catch {
        printError((S ?? Strings(Lang.resolve(flag: nil, environment: environment()))).describe(error))
        throw ExitCode(1)
    }
}
