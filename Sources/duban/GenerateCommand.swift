import ArgumentParser
import DubanCore
import DubanSynthetic

struct GenerateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "generate",
            abstract: HelpText.abstract(.genAbstract, command: "generate"),
            discussion: HelpText.discussion([.genIntro], examples: [
                "duban generate --tasks 1000 -o plan-1k.json",
                "duban generate --tasks 100000 --units 400 --seed 7 -o province.json"
            ]))
    }

    @OptionGroup var common: CommonOptions
    // Numbers are read as text (and `-1` taken as a value, not an option) so that a
    // negative, huge or mistyped one gets a message saying what is expected.
    @Option(parsing: .unconditional, help: helpArg(.genTasks)) var tasks: String
    @Option(parsing: .unconditional, help: helpArg(.genUnits, default: "300")) var units: String = "300"
    @Option(parsing: .unconditional, help: helpArg(.genSeed, default: "1")) var seed: String = "1"
    @Option(name: .shortAndLong, help: helpArg(.genOutput))
    var output: String?

    func validate() throws {
        let S = common.strings
        guard let t = Int(tasks.trimmingSpaces), (0...PlanGenerator.maxTasks).contains(t) else {
            throw ValidationError(S.format(.errTooManyTasks, tasks, PlanGenerator.maxTasks))
        }
        guard let u = Int(units.trimmingSpaces), (1...PlanGenerator.maxUnits).contains(u) else {
            throw ValidationError(S.format(.errTooManyUnits, units, PlanGenerator.maxUnits))
        }
        guard UInt64(seed.trimmingSpaces) != nil else {
            throw ValidationError(S.format(.errBadNumber, "--seed", seed, S[.errWantSeed]))
        }
    }

    func run() throws {
        let S = common.strings
        let tasks = Int(tasks.trimmingSpaces) ?? 0, units = Int(units.trimmingSpaces) ?? 300
        let plan = PlanGenerator(tasks: tasks, units: units, seed: UInt64(seed.trimmingSpaces) ?? 1).generate()
        let bytes = PlanJSON.encode(plan)
        if let output, output != "-" {
            do { try OutputFile.write(bytes, to: output) } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
            printError(S.format(.generatedTo, output, plan.tasks.count, plan.chapters.count, bytes.count))
        } else {
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
        }
    }
}
