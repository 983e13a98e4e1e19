import ArgumentParser
import DubanCore

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change one task from a script: status, progress, a progress note, the deadline.",
        discussion: """
        TASK is a task id (t12) or its number as printed (12). Every change is added to the
        task's history, dated with --as-of (today by default), and the plan is saved
        atomically (the previous version is kept as PLAN.json.bak).

        Examples:
          duban set plan.json 12 --status done
          duban set plan.json t7 --status 推进中 --progress 60 --note "已完成立项"
          duban set plan.json 3 --deadline 2020-09-30
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: "The plan file.") var plan: String
    @Argument(help: "The task: its id or its number.") var task: String
    @Option(help: "notStarted, inProgress, done, lagging, or 未启动, 推进中, 已完成, 滞后.") var status: String?
    @Option(help: "Progress in percent, 0 to 100.") var progress: String?
    @Option(help: "A progress note (进展情况).") var note: String?
    @Option(help: "The deadline, YYYY-MM-DD, or 'none'.") var deadline: String?
    @Option(help: "Who made the change (recorded in the history).") var author: String?
    @Option(name: .customLong("as-of"), help: "The date of the change (YYYY-MM-DD); today by default.")
    var asOf: String?

    func run() throws {
        let S = common.strings
        let date = try parseAsOf(asOf, S)
        var commands: [EditCommand] = []
        if let status {
            guard let s = TaskStatus(parsing: status) else { throw ValidationError(S.format(.badStatus, status)) }
            commands.append(.setStatus(s))
        }
        if let progress {
            guard let p = Int(progress.trimmingSpaces), (0...100).contains(p) else {
                throw ValidationError(S.format(.badProgress, progress))
            }
            commands.append(.setProgress(p))
        }
        if let deadline {
            if deadline.lowercased() == "none" { commands.append(.setDeadline(nil)) } else {
                guard let d = PlanDate(iso: deadline) else { throw ValidationError(S.format(.badDate, deadline)) }
                commands.append(.setDeadline(d))
            }
        }
        if let note { commands.append(.addNote(note)) }
        guard !commands.isEmpty else { throw ValidationError(S[.nothingToChange]) }

        // A dashboard's unsaved (journaled) changes must not be overwritten from a script.
        if let refusal = Journal.refusal(planPath: plan) {
            printError(refusal)
            throw ExitCode(1)
        }
        let stamp = PlanFile.stamp(path: plan)
        let p = try loadPlanOrExit(plan, S)
        let store = PlanStore(plan: p, rules: Rules(asOf: date), strings: S)
        let index: Int
        switch store.lookup(task) {
        case .found(let i): index = i
        case .notFound: printError(S.format(.taskNotFound, task)); throw ExitCode(1)
        case .ambiguous(let ids): printError(S.format(.taskAmbiguous, task, ids.joined(separator: ", "))); throw ExitCode(1)
        }
        let id = store.task(at: index).id
        do {
            for c in commands { try store.apply(Edit(taskID: id, command: c, date: date, author: author)) }
            if store.isDirty {
                try PlanFile.save(store.plan, to: plan, expecting: stamp)
                store.markSaved()
            }
        } catch {
            printError(String(describing: error))
            throw ExitCode(1)
        }
        let t = store.task(at: index)
        print(S.format(.setDone, t.number ?? t.id, S.status(t.status), "\(t.progress)%"))
    }
}
