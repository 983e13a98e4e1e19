import ArgumentParser
import DubanCore

struct ExtendCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "extend",
            abstract: HelpText.abstract(.extAbstract, command: "extend"),
            discussion: HelpText.discussion([.extIntro, .extDecide, .planAddressIntro], examples: [
                "duban extend plan.json 12 --to 2020-09-30 --reason \"征迁未完成\"",
                "duban extend plan.json 12 --approve --author 督查室",
                "duban extend plan.json 12 --refuse --on 2020-07-05",
                "duban extend plan.json t3 --to 2020-10-31 --reason \"资金未到位\" --approve --on 2020-06-20"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlanOrAddress)) var plan: String
    @Argument(help: helpArg(.setTask)) var task: String
    @Option(parsing: .unconditional, help: helpArg(.extTo)) var to: String?
    @Option(parsing: .unconditional, help: helpArg(.extReason)) var reason: String?
    @Flag(help: helpArg(.extApprove)) var approve = false
    @Flag(help: helpArg(.extRefuse)) var refuse = false
    @Option(parsing: .unconditional, help: helpArg(.extAuthor)) var author: String?
    @Option(parsing: .unconditional, help: helpArg(.extOn)) var on: String?
    @Option(help: helpArg(.setWait))
    var wait: Double?

    func run() throws {
        let S = common.strings
        let date = try parseAsOf(on, S)
        if approve && refuse { throw ValidationError(S[.errExtApproveRefuse]) }
        var target: PlanDate?
        if let to {
            guard let d = PlanDate(iso: to.trimmingSpaces) else { throw ValidationError(S.format(.badDate, to)) }
            target = d
        }
        let deciding = approve || refuse
        if !deciding {
            guard target != nil else { throw ValidationError(S[.errExtNeedsTo]) }
            guard let reason, !reason.trimmingSpaces.isEmpty else { throw ValidationError(S[.errExtNeedsReason]) }
        }
        let who = Author.resolve(flag: author, environment: environment())
        if case .database(let address) = PlanAddress(plan) {
            return try runDatabase(address, date: date, who: who, target: target, deciding: deciding, S)
        }
        var index = 0
        var decided = 0
        let saved: Plan
        do {
            let w = wait ?? PlanLock.defaultWait
            let edited = try PlanSession.edit(path: plan, command: "duban extend", strings: S, wait: w,
                                              waiting: { printWaiting(plan, $0, w, S) }) { opened in
                index = try lookup({ opened.lookup($0) }, S)
                decided = try steps(opened.task(at: index), date: date, who: who, target: target, deciding: deciding, S) {
                    try opened.apply($0)
                    return opened.task(at: index)
                }
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
        printDone(saved.tasks[index], decided, S)
    }

    /// The task the argument names, by id or number.
    func lookup(_ find: (String) -> TaskLookup, _ S: Strings) throws -> Int {
        switch find(task) {
        case .found(let i): return i
        case .notFound: throw CommandRefusal(S.format(.taskNotFound, task))
        case .ambiguous(let ids): throw CommandRefusal(S.format(.taskAmbiguous, task, ids.joined(separator: ", ")))
        }
    }

    /// The request and/or the decision on task `t`, each made through `apply` (which gives
    /// the task after it): the same for a plan file and a database. Returns the index of
    /// the extension request filed or decided.
    func steps(_ t: PlanTask, date: PlanDate, who: String?, target: PlanDate?, deciding: Bool, _ S: Strings,
               apply: (Edit) throws -> PlanTask) throws -> Int {
        let label = t.number ?? t.id
        var k: Int?
        if deciding {
            k = t.extensions.lastIndex { $0.decision == .pending && (target == nil || $0.to == target) }
        }
        if k == nil {
            guard let target else { throw CommandRefusal(S.format(.errExtNoPending, label)) }
            guard let reason, !reason.trimmingSpaces.isEmpty else { throw CommandRefusal(S[.errExtNeedsReason]) }
            let after = try apply(Edit(taskID: t.id, command: .requestExtension(to: target, reason: reason), date: date, author: who))
            // Ours: the last pending request of these words (on a shared plan, another's may follow it).
            let r = reason.trimmingSpaces
            k = after.extensions.lastIndex { $0.requestedOn == date && $0.to == target && $0.reason == r && $0.decision == .pending }
                ?? after.extensions.count - 1
        }
        if deciding, let k {
            _ = try apply(Edit(taskID: t.id, command: .decideExtension(index: k, approve: approve), date: date, author: who))
        }
        return k ?? 0
    }

    /// `duban extend ADDRESS …` (issue 15): the request and the decision each one
    /// transaction; the server lost mid-run is waited for up to 10 s, then the steps not
    /// made are named and the exit status is 1.
    func runDatabase(_ address: String, date: PlanDate, who: String?, target: PlanDate?, deciding: Bool, _ S: Strings) throws {
        let run = try SharedEditRun.open(address, S)
        defer { run.close() }
        let store = PlanStore(plan: run.snapshot.plan, rules: Rules(asOf: date), strings: S)
        let index: Int
        do { index = try lookup(store.lookup, S) } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        var last = store.task(at: index)
        let id = last.id
        let decided: Int
        do {
            decided = try steps(last, date: date, who: who, target: target, deciding: deciding, S) { e in
                do { last = try run.commit(e).change.task } catch {
                    var notMade = [e]
                    if deciding, case .requestExtension = e.command {
                        notMade.append(Edit(taskID: id, command: .decideExtension(index: last.extensions.count, approve: approve), date: date, author: who))
                    }
                    throw run.refusal(error, notMade: notMade)
                }
                return last
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        printDone(last, decided, S)
    }

    /// `12: extension to 2020-09-30 approved, deadline 2020-09-30 (originally …)`.
    func printDone(_ t: PlanTask, _ decided: Int, _ S: Strings) {
        let e = t.extensions[decided]
        let decision: String
        switch e.decision {
        case .pending: decision = S[.extPending]
        case .approved: decision = S[.extApproved]
        case .refused: decision = S[.extRefused]
        }
        let late = t.isLate(e) ? (S.lang == .zh ? "，" : ", ") + S[.extLateMark] : ""
        printOut(S.format(.extDone, t.number ?? t.id, e.to.iso, decision + late, t.deadline?.iso ?? "—")
                 + (t.originalDeadline.map { S.format(.extOriginally, $0.iso) } ?? ""))
    }
}
