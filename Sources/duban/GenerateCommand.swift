import ArgumentParser
import DubanCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic plan of any size, for benchmarks and trials.",
        discussion: """
        Chapters four levels deep, task texts made of phrases from real notices, units drawn
        with a skewed distribution, mixed statuses and about six progress notes per task.
        The same --tasks, --units and --seed always give the same file.

        Examples:
          duban generate --tasks 1000 -o plan-1k.json
          duban generate --tasks 100000 --units 400 --seed 7 -o province.json
        """)

    @Option(help: "How many tasks.") var tasks: Int
    @Option(help: "How many units to draw lead and co-units from.") var units: Int = 300
    @Option(help: "The random seed (a whole number).") var seed: UInt64 = 1
    @Option(name: .shortAndLong, help: "Where to write the plan; standard output when omitted or '-'.")
    var output: String?

    func validate() throws {
        guard tasks >= 0 else { throw ValidationError("--tasks must be 0 or more") }
        guard units >= 1 else { throw ValidationError("--units must be 1 or more") }
    }

    func run() throws {
        let plan = PlanGenerator(tasks: tasks, units: units, seed: seed).generate()
        let bytes = PlanJSON.encode(plan)
        if let output, output != "-" {
            do { try OutputFile.write(bytes, to: output) } catch {
                printError(Strings(Lang.resolve(flag: nil, environment: environment())).describe(error))
                throw ExitCode(1)
            }
            printError("\(output): \(plan.tasks.count) tasks, \(plan.chapters.count) chapters, \(bytes.count) bytes")
        } else {
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
        }
    }
}
