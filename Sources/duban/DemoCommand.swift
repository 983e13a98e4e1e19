import ArgumentParser
import DubanCore
import DubanImport

struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "demo",
            abstract: HelpText.abstract(.demoAbstract, command: "demo"),
            discussion: HelpText.discussion([], examples: [
                "duban demo -o demo.json",
                "duban demo > demo.json"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Option(name: .shortAndLong, help: helpArg(.demoOutput)) var output: String?

    func run() throws {
        let plan = DemoPlan.make()
        if let output {
            do { try OutputFile.write(PlanJSON.encode(plan), to: output) } catch {
                printError(common.strings.describe(error))
                throw ExitCode(1)
            }
        } else {
            print(PlanJSON.encodeString(plan), terminator: "")
        }
    }
}

/// The built-in demo plan: the Jieshou 2020 notice imported by DubanImport, with
/// statuses, progress and notes made varied (and deterministic) for a good first look.
enum DemoPlan {
    static func make() -> Plan { NoticeImporter.demoPlan() }
}
