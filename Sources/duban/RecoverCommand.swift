import ArgumentParser
import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// `duban recover PLAN.json`: the journaled changes a session left unsaved (killed, crashed,
/// window closed), listed, then replayed into the plan with an atomic save, or discarded.
struct RecoverCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "recover",
            abstract: HelpText.abstract(.recAbstract, command: "recover"),
            discussion: HelpText.discussion([.recIntro, .recMerge2, .recShared], examples: [
                "duban recover plan.json --dry-run",
                "duban recover plan.json",
                "duban recover plan.json --merge",
                "duban recover plan.json --discard"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlanOrAddress)) var plan: String
    @Flag(help: helpArg(.recDiscard)) var discard = false
    @Flag(name: .customLong("dry-run"), help: helpArg(.recDryRun)) var dryRun = false
    @Flag(help: helpArg(.recMerge)) var merge = false

    func validate() throws {
        if discard && merge { throw ValidationError("--discard and --merge cannot be used together") }
    }

    func run() throws {
        let S = common.strings
        if case .database(let address) = PlanAddress(plan) { return try runShared(address, S) }
        if dryRun { return try runLocked(S) }
        // One writer at a time: the plan's lock is held from the read to the rename.
        do {
            try PlanEditor.withLock(path: plan, command: "duban recover",
                                    waiting: { printWaiting(plan, $0, PlanLock.defaultWait, S) }) { try runLocked(S) }
        } catch let e as PlanLockError {
            printError(S.describe(e))
            throw ExitCode(1)
        }
    }

    func runLocked(_ S: Strings) throws {
        let zh = S.lang == .zh
        // The plan and its journal through the session the dashboard uses (no read-only
        // fallback here: any trouble is said).
        let session: PlanSession
        let writable: Bool
        do { (session, writable) = try PlanSession.openForRecovery(path: plan) } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        guard let found = session.journal?.found else {
            session.close(unsaved: false)
            printOut(zh ? "\(plan)：日志中没有未保存的修改" : "\(plan): no unsaved changes in the journal")
            return
        }
        list(found, S)

        if dryRun {
            session.close(unsaved: true)
            printOut(zh ? "（试运行：未做任何修改）" : "(dry run: nothing changed)")
            return
        }
        if discard {
            do { try session.discardJournal() } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
            session.close(unsaved: false)
            let kept = Journal.discardedPath(forPlan: plan)
            printOut(zh ? "已丢弃 \(found.entries.count) 项未保存的修改（副本保留为 \(kept)）"
                     : "discarded \(found.entries.count) unsaved change(s) (a copy is kept as \(kept))")
            return
        }
        guard !found.entries.isEmpty else {
            session.close(unsaved: true)
            printError(zh ? "\(found.journalPath)：没有可读的修改；用 --discard 丢弃此日志"
                          : "\(found.journalPath): no readable changes; use --discard to drop this journal")
            throw ExitCode(1)
        }
        guard found.baseMatches || merge else {
            session.close(unsaved: true)
            printError(zh
                ? "\(plan)：这些修改之后文件已被他人保存过；用 --merge 把它们作为命令合并到当前版本，或用 --discard 丢弃。未做任何修改。"
                : "\(plan): the file was saved by someone else after these changes were made; --merge replays them as commands onto the current version, --discard drops them. Nothing was changed.")
            throw ExitCode(1)
        }
        guard writable else {
            session.close(unsaved: true)
            printError(zh ? "\(plan)：文件只读，无法保存恢复的修改；修改仍保留在日志中"
                          : "\(plan): the file is read-only, so the recovered changes cannot be saved; they stay in the journal")
            throw ExitCode(1)
        }
        let store = PlanStore(plan: session.plan, rules: Rules(asOf: PlanDate.today()), strings: S)
        let r: JournalReplay
        do { r = try session.recover(into: store) } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        for s in r.skipped { printError(Sanitized.text(s)) }
        if r.store.plan == session.plan {
            session.close(unsaved: false)
            printOut(zh ? "\(plan)：这些修改相互抵消，计划未变" : "\(plan): the changes cancel out; the plan is unchanged")
            return
        }
        let saved: PlanSession.Saved
        do { saved = try session.save(r.store.plan, to: plan, strings: S, lockHeld: !dryRun) } catch {
            session.close(unsaved: true)
            printError(S.describe(error) + (zh ? "（修改仍保留在日志中）" : " (the changes stay in the journal)"))
            throw ExitCode(1)
        }
        if let b = saved.backupProblem { printError(S.describe(b)) }
        session.close(unsaved: false)
        printOut(zh ? "已将 \(r.replayed) 项修改恢复到 \(plan)（原版本保留为 \(plan).bak）"
                 : "replayed \(r.replayed) change(s) into \(plan) (the previous version is kept as \(plan).bak)")
    }

    func list(_ found: JournalPending, _ S: Strings) {
        let zh = S.lang == .zh
        let n = found.entries.count
        let since = found.started > 0 ? (zh ? "，始于 " : ", started ") + Self.localTime(found.started) : ""
        printOut(zh ? "\(plan)：\(found.journalPath) 中有 \(n) 项未保存的修改\(since)"
                 : "\(plan): \(n) unsaved change(s) in \(found.journalPath)\(since)")
        if !found.baseMatches {
            printOut(zh ? "  注意：这些修改之后，文件已被他人保存过" : "  note: the file was saved by someone else after these changes were made")
        }
        for e in found.entries {
            let kind: String
            switch e.kind {
            case .edit: kind = zh ? "修改" : "edit"
            case .undo: kind = zh ? "撤销" : "undo"
            case .redo: kind = zh ? "重做" : "redo"
            }
            let who = e.edit.author.map { " (\(Sanitized.text($0, limit: 20)))" } ?? ""
            printOut("  \(e.line)  \(Self.localTime(e.time))  \(Sanitized.text(e.edit.taskID, limit: 20))  \(kind)  "
                  + Self.describe(e.edit.command, S) + who)
        }
        for note in found.notes { printError(Sanitized.text(note)) }
    }

    static func describe(_ c: EditCommand, _ S: Strings) -> String {
        let zh = S.lang == .zh
        func q(_ s: String) -> String { "“" + Sanitized.text(s, limit: 40) + "”" }
        switch c {
        case .setStatus(let s): return (zh ? "状态 → " : "status → ") + S.status(s)
        case .setProgress(let p): return (zh ? "进度 → " : "progress → ") + "\(p)%"
        case .addNote(let n): return (zh ? "进展 " : "note ") + q(n)
        case .setDeadline(let d): return (zh ? "完成时限 → " : "deadline → ") + (d?.iso ?? (zh ? "无" : "none"))
        case .setText(let t): return (zh ? "内容 → " : "text → ") + q(t)
        case .setUnits(let lead, let co):
            return (zh ? "责任单位 → " : "units → ") + q(lead.joined(separator: "、") + (co.isEmpty ? "" : "；" + co.joined(separator: "、")))
        case .setLeaders(let l): return (zh ? "责任领导 → " : "leaders → ") + q(l.joined(separator: "、"))
        case .setRemarks(let r): return (zh ? "备注 → " : "remarks → ") + q(r)
        case .requestExtension(let to, let r): return (zh ? "申请延期至 " : "extension requested to ") + to.iso + " " + q(r)
        case .decideExtension(let k, let a):
            return (zh ? "延期申请\(k + 1) → " : "extension request \(k + 1) → ") + S[a ? .extApproved : .extRefused]
        }
    }

    /// `2020-07-02 10:01`, local time.
    static func localTime(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var tm = tm()
        guard localtime_r(&t, &tm) != nil else { return "\(seconds)" }
        var buf = [CChar](repeating: 0, count: 32)
        let n = strftime(&buf, buf.count, "%Y-%m-%d %H:%M", &tm)
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Text from a journal or a plan made safe to print: `TerminalText` on one line (controls
/// and escape sequences shown as `^[`, never sent to the terminal raw); long text cut.
enum Sanitized {
    static func text(_ s: String, limit: Int = Int.max) -> String {
        guard limit < Int.max, s.unicodeScalars.count > limit else { return TerminalText.clean(s) }
        return TerminalText.clean(String(String.UnicodeScalarView(s.unicodeScalars.prefix(limit)))) + "…"
    }
}
