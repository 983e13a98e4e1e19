import ArgumentParser
import DubanCore

struct SetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "set",
            abstract: HelpText.abstract(.setAbstract, command: "set"),
            discussion: HelpText.discussion([.setIntro, .setRule], examples: [
                "duban set demo.json t12 --status done",
                "duban set demo.json t7 --status 推进中 --progress 60 --note \"已完成立项\"",
                "duban set demo.json t3 --deadline 10月15日",
                "duban set demo.json t5 --progress 40 --note \"完成招标\" --period 2020-06 --author 市教育局"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlan)) var plan: String
    @Argument(help: helpArg(.setTask)) var task: String
    // Every value is taken as given, even when it starts with '-' (`--progress -1`), so
    // that a wrong one gets a message saying what is expected, never "missing value".
    @Option(parsing: .unconditional, help: helpArg(.setStatus)) var status: String?
    @Option(parsing: .unconditional, help: helpArg(.setProgress)) var progress: String?
    @Option(parsing: .unconditional, help: helpArg(.setNote)) var note: String?
    @Option(parsing: .unconditional, help: helpArg(.setDeadline)) var deadline: String?
    @Option(parsing: .unconditional, help: helpArg(.setAuthor)) var author: String?
    @Option(parsing: .unconditional, help: helpArg(.setPeriod)) var period: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: helpArg(.setAsOf))
    var asOf: String?
    @Option(help: helpArg(.setWait))
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
        // The deadline as the importer and the dashboard read it (2020-06-30, 2020.6.30,
        // 10月15日, 6月底, 年底...): forms without a year take the plan's, known once it is open.
        var deadlineText: String?
        if let deadline {
            if deadline.lowercased() == "none" { commands.append(.setDeadline(nil)) } else { deadlineText = deadline }
        }
        let noteCommand = note.map { EditCommand.addNote($0) }
        guard !commands.isEmpty || deadlineText != nil || noteCommand != nil || period != nil else { throw ValidationError(S[.nothingToChange]) }
        if let text = deadlineText, DeadlineText.read(text, year: date.year) == nil {
            throw ValidationError(S.format(.badDeadline, text))
        }
        let who = Author.resolve(flag: author, environment: environment())
        installProgress(S)

        // One writer at a time: PlanSession.edit holds the plan's lock from the read to the
        // rename (PlanEditor); inside it a dashboard's unsaved (journaled) changes refuse
        // the save, and so does a plan with no write bit.
        var index = 0
        let store: PlanStore
        do {
            let waitFor = wait ?? PlanLock.defaultWait
            let edited = try PlanSession.edit(path: plan, command: "duban set", rules: Rules(asOf: date), strings: S,
                                              wait: waitFor, waiting: { printWaiting(plan, $0, waitFor, S) }) { store in
                switch store.lookup(task) {
                case .found(let i): index = i
                case .notFound: throw CommandRefusal(S.format(.taskNotFound, task))
                case .ambiguous(let ids): throw CommandRefusal(S.format(.taskAmbiguous, task, ids.joined(separator: ", ")))
                }
                let id = store.task(at: index).id
                var commands = commands
                if let text = deadlineText {
                    guard let d = DeadlineText.read(text, year: store.plan.year ?? date.year) else {
                        throw CommandRefusal(S.format(.badDeadline, text))
                    }
                    commands.append(.setDeadline(d))
                }
                var periodID: String?
                if let period {
                    guard let cycle = store.plan.reporting else { throw CommandRefusal(S.format(.cycPeriodNeedsCycle, period)) }
                    guard let p = cycle.period(id: period) else { throw CommandRefusal(S.format(.cycBadPeriod, period, cycle.idShape)) }
                    periodID = p.id
                }
                if let noteCommand { commands.append(noteCommand) }
                else if let periodID { commands.append(.addNote(S.format(.notePeriodReport, periodID))) }
                for c in commands { try store.apply(Edit(taskID: id, command: c, date: date, author: who, period: periodID)) }
            }
            store = edited.store
            if let b = edited.outcome.backupProblem { printError(S.describe(b)) }
        } catch let e as PlanLoadError {
            printError(e.description)
            throw ExitCode(1)
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        let t = store.task(at: index)
        printOut(S.format(.setDone, t.number ?? t.id, S.status(t.status), "\(t.progress)%"))
        withExtendedLifetime(store) { exitFlushed() }
    }
}
