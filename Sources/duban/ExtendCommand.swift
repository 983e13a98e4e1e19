import ArgumentParser
import DubanCore

struct ExtendCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "extend",
            abstract: HelpText.abstract(.extAbstract, command: "extend"),
            discussion: HelpText.discussion([.extIntro, .extDecide], examples: [
                "duban extend plan.json 12 --to 2020-09-30 --reason \"征迁未完成\"",
                "duban extend plan.json 12 --approve --author 督查室",
                "duban extend plan.json 12 --refuse --on 2020-07-05",
                "duban extend plan.json t3 --to 2020-10-31 --reason \"资金未到位\" --approve --on 2020-06-20"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlan)) var plan: String
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
        var result: PlanStore?
        var index = 0
        var decided = 0
        do {
            let w = wait ?? PlanLock.defaultWait
            let outcome = try PlanEditor.edit(path: plan, command: "duban extend", wait: w,
                                              waiting: { printWaiting(plan, $0, w, S) }) { opened in
                let store = PlanStore(plan: opened.plan, rules: Rules(asOf: date), strings: S)
                switch store.lookup(task) {
                case .found(let i): index = i
                case .notFound: throw CommandRefusal(S.format(.taskNotFound, task))
                case .ambiguous(let ids): throw CommandRefusal(S.format(.taskAmbiguous, task, ids.joined(separator: ", ")))
                }
                let t = store.task(at: index)
                let label = t.number ?? t.id
                var k: Int?
                if deciding {
                    k = t.extensions.lastIndex { $0.decision == .pending && (target == nil || $0.to == target) }
                }
                if k == nil {
                    guard let target else { throw CommandRefusal(S.format(.errExtNoPending, label)) }
                    guard let reason, !reason.trimmingSpaces.isEmpty else { throw CommandRefusal(S[.errExtNeedsReason]) }
                    try store.apply(Edit(taskID: t.id, command: .requestExtension(to: target, reason: reason), date: date, author: who))
                    k = store.task(at: index).extensions.count - 1
                }
                decided = k ?? 0
                if deciding, let k {
                    try store.apply(Edit(taskID: t.id, command: .decideExtension(index: k, approve: approve), date: date, author: who))
                }
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
