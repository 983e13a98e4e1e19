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
    // Every value is taken as given, even when it starts with '-' (`--progress -1`), so
    // that a wrong one gets a message saying what is expected, never "missing value".
    @Option(parsing: .unconditional, help: "notStarted, inProgress, done, lagging, or 未启动, 推进中, 已完成, 滞后.") var status: String?
    @Option(parsing: .unconditional, help: "Progress in percent, 0 to 100.") var progress: String?
    @Option(parsing: .unconditional, help: "A progress note (进展情况).") var note: String?
    @Option(parsing: .unconditional, help: "The deadline, YYYY-MM-DD, or 'none'.") var deadline: String?
    @Option(parsing: .unconditional, help: "Who made the change (recorded in the history).") var author: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: "The date of the change (YYYY-MM-DD); today by default.")
    var asOf: String?
    @Option(help: "Seconds to wait while another writer saves the plan (DUBAN_LOCK_WAIT, 10 by default).")
    var wait: Double?

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
        installProgress(S)

        // One writer at a time: the plan's lock is held from the read to the rename
        // (PlanEditor); inside it a dashboard's unsaved (journaled) changes refuse the
        // save, and so does a plan with no write bit.
        var result: PlanStore? = nil
        var index = 0
        do {
            let outcome = try PlanEditor.edit(path: plan, command: "duban set", wait: wait ?? PlanLock.defaultWait,
                                              waiting: { printWaiting(plan, $0, wait ?? PlanLock.defaultWait, S) }) { opened in
                let store = PlanStore(plan: opened.plan, rules: Rules(asOf: date), strings: S)
                switch store.lookup(task) {
                case .found(let i): index = i
                case .notFound: throw CommandRefusal(S.format(.taskNotFound, task))
                case .ambiguous(let ids): throw CommandRefusal(S.format(.taskAmbiguous, task, ids.joined(separator: ", ")))
                }
                let id = store.task(at: index).id
                for c in commands { try store.apply(Edit(taskID: id, command: c, date: date, author: author)) }
                result = store
                return store.isDirty ? store.plan : nil
            }
            if let b = outcome.backupProblem { printError(S.describe(b)) }
        } catch let e as PlanLoadError {
            printError(e.description)
            throw ExitCode(1)
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        guard let store = result else { throw ExitCode(1) }
        let t = store.task(at: index)
        printOut(S.format(.setDone, t.number ?? t.id, S.status(t.status), "\(t.progress)%"))
        withExtendedLifetime(store) { exitFlushed() }
    }
}
