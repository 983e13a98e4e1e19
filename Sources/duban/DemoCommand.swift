import ArgumentParser
import DubanCore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the built-in demo plan to a file.",
        discussion: """
        Examples:
          duban demo -o demo.json
          duban demo > demo.json
        """)

    @OptionGroup var common: CommonOptions
    @Option(name: .shortAndLong, help: "Where to write it; standard output by default.") var output: String?

    func run() throws {
        let plan = DemoPlan.make()
        if let output {
            do { try PlanFile.save(plan, to: output, backup: false) } catch {
                printError(String(describing: error))
                throw ExitCode(1)
            }
        } else {
            print(PlanJSON.encodeString(plan), terminator: "")
        }
    }
}

/// The built-in demo plan.
enum DemoPlan {
    static func make() -> Plan {
        // A small hand-made plan until the importer builds the demo from a seed notice.
        let d = { (s: String) in PlanDate(iso: s) }
        return Plan(title: "2020年度市政府重点工作任务（示例）", issuer: "示例市人民政府", year: 2020,
                    chapters: [Chapter(id: "c1", label: "一", title: "生态环境")],
                    tasks: [PlanTask(id: "t1", number: "1", chapter: "c1", text: "扎实打好污染防治攻坚战。",
                                     leadUnits: ["市生态环境局"], coUnits: ["各县(市)区政府"],
                                     deadline: d("2020-06-30"), status: .inProgress, progress: 40)])
    }
}
