import ArgumentParser
import DubanCore

struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "File an extension request (延期申请) for a task, and approve or refuse it.",
        discussion: """
        TASK is a task id (t12) or its number as printed (12). Without --approve or
        --refuse the request is filed as pending: --to (the new deadline) and --reason are
        needed. With --approve or --refuse the pending request for the same --to date is
        decided (or, without --to, the last pending one); with --to and --reason and no such
        request, the request is filed and decided at once.

        An approved request moves the deadline; the first deadline stays on record as
        originalDeadline, and overdue counts against the approved date. A request made after
        the deadline then in force is marked late. Each step adds a history entry, dated
        --on (today by default), by --author (else the config's author, else the login name).
        The plan is saved atomically through the plan's lock, like duban set.

        Examples:
          duban extend plan.json 12 --to 2020-09-30 --reason "征迁未完成"
          duban extend plan.json 12 --approve --author 督查室
          duban extend plan.json 12 --refuse --on 2020-07-05
          duban extend plan.json t3 --to 2020-10-31 --reason "资金未到位" --approve --on 2020-06-20
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: "The plan file.") var plan: String
    @Argument(help: "The task: its id or its number.") var task: String
    @Option(parsing: .unconditional, help: "The new deadline asked for, YYYY-MM-DD.") var to: String?
    @Option(parsing: .unconditional, help: "Why the unit asks for more time.") var reason: String?
    @Flag(help: "Approve the request: the deadline moves to its date.") var approve = false
    @Flag(help: "Refuse the request: the deadline stays.") var refuse = false
    @Option(parsing: .unconditional, help: "Who files or decides (recorded in the history).") var author: String?
    @Option(parsing: .unconditional, help: "The day of the request or decision (YYYY-MM-DD); today by default.") var on: String?
    @Option(help: "Seconds to wait while another writer saves the plan (DUBAN_LOCK_WAIT, 10 by default).")
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
