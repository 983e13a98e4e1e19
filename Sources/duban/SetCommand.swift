import ArgumentParser
import DubanCore

struct SetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "set",
            abstract: HelpText.abstract(.setAbstract, command: "set"),
            discussion: HelpText.discussion([.setIntro, .setRule, .planAddressIntro], examples: [
                "duban set demo.json t12 --status done",
                "duban set demo.json t7 --status 推进中 --progress 60 --note \"已完成立项\"",
                "duban set demo.json t3 --deadline 10月15日",
                "duban set demo.json t5 --progress 40 --note \"完成招标\" --period 2020-06 --author 市教育局"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlanOrAddress)) var plan: String
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

        let planned = Planned(commands: commands, deadlineText: deadlineText, noteCommand: noteCommand, date: date, who: who)
        if case .database(let address) = PlanAddress(plan) { return try runDatabase(address, planned, S) }

        // One writer at a time: PlanSession.edit holds the plan's lock from the read to the
        // rename (PlanEditor); inside it a dashboard's unsaved (journaled) changes refuse
        // the save, and so does a plan with no write bit.
        var index = 0
        let saved: Plan
        do {
            let waitFor = wait ?? PlanLock.defaultWait
            let edited = try PlanSession.edit(path: plan, command: "duban set", strings: S,
                                              wait: waitFor, waiting: { printWaiting(plan, $0, waitFor, S) }) { opened in
                let (i, edits) = try self.edits(in: opened.plan, lookup: { opened.lookup($0) }, planned, S)
                index = i
                for e in edits { try opened.apply(e) }
            }
            saved = edited.plan
            if let b = edited.outcome.backupProblem { printError(S.describe(b)) }
        } catch let e as PlanLoadError {
            printError(e.description)
            throw ExitCode(1)
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        let t = saved.tasks[index]
        printOut(S.format(.setDone, t.number ?? t.id, S.status(t.status), "\(t.progress)%"))
        withExtendedLifetime(saved) { exitFlushed() }
    }

    /// What the options ask, before the plan is read.
    struct Planned {
        var commands: [EditCommand]
        var deadlineText: String?
        var noteCommand: EditCommand?
        var date: PlanDate
        var who: String?
    }

    /// The task the argument names and the edits the options make on it, in order: the
    /// same for a plan file and a database (the deadline's year is the plan's, the period
    /// its cycle's).
    func edits(in plan: Plan, lookup: (String) -> TaskLookup, _ p: Planned, _ S: Strings) throws -> (index: Int, edits: [Edit]) {
        let index: Int
        switch lookup(task) {
        case .found(let i): index = i
        case .notFound: throw CommandRefusal(S.format(.taskNotFound, task))
        case .ambiguous(let ids): throw CommandRefusal(S.format(.taskAmbiguous, task, ids.joined(separator: ", ")))
        }
        let id = plan.tasks[index].id
        var commands = p.commands
        if let text = p.deadlineText {
            guard let d = DeadlineText.read(text, year: plan.year ?? p.date.year) else {
                throw CommandRefusal(S.format(.badDeadline, text))
            }
            commands.append(.setDeadline(d))
        }
        var periodID: String?
        if let period {
            guard let cycle = plan.reporting else { throw CommandRefusal(S.format(.cycPeriodNeedsCycle, period)) }
            guard let per = cycle.period(id: period) else { throw CommandRefusal(S.format(.cycBadPeriod, period, cycle.idShape)) }
            periodID = per.id
        }
        if let noteCommand = p.noteCommand { commands.append(noteCommand) }
        else if let periodID { commands.append(.addNote(S.format(.notePeriodReport, periodID))) }
        return (index, commands.map { Edit(taskID: id, command: $0, date: p.date, author: p.who, period: periodID) })
    }

    /// `duban set ADDRESS …` (issue 15): each edit one transaction, absolute (no version
    /// expected: the command says what the task is to be); the server lost mid-run is
    /// waited for up to 10 s, then the edits not made are named and the exit status is 1.
    func runDatabase(_ address: String, _ p: Planned, _ S: Strings) throws {
        // Named when the plan cannot be read: the task as given, each change as asked.
        var asked = p.commands
        if let text = p.deadlineText { asked.append(.setDeadline(DeadlineText.read(text, year: p.date.year))) }
        if let n = p.noteCommand { asked.append(n) } else if let period { asked.append(.addNote(S.format(.notePeriodReport, period))) }
        let run = try SharedEditRun.open(address, S, planned: asked.map { Sanitized.text(task, limit: 20) + " " + RecoverCommand.describe($0, S) })
        defer { run.close() }
        let store = PlanStore(plan: run.snapshot.plan, rules: Rules(asOf: p.date), strings: S)
        let index: Int, edits: [Edit]
        do { (index, edits) = try self.edits(in: store.plan, lookup: store.lookup, p, S) } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        for (k, e) in edits.enumerated() {
            do { try run.commit(e) } catch { throw run.refusal(error, notMade: Array(edits[k...])) }
        }
        let id = store.task(at: index).id
        guard let t = run.task(id) else { throw ExitCode(1) }
        printOut(S.format(.setDone, t.number ?? t.id, S.status(t.status), "\(t.progress)%"))
        withExtendedLifetime(store) { exitFlushed() }
    }
}
