import ArgumentParser
import DubanCore

// issue 15 (pgcli): `duban recover` on a database address sends what a dashboard could not.

extension RecoverCommand {
    /// `duban recover ADDRESS`: the edits a dashboard on the shared plan kept while the
    /// server was gone (`UnsentEdits`, the file pgtui's dashboard writes, keyed by the
    /// address without its password and the plan's name), listed, then sent oldest first,
    /// each one commit expecting the version it was made on (a task changed in between takes
    /// it after the other's change, and who made that is said), each dropped from the file
    /// once committed. The server lost again stops the sending (the rest stay, exit 1); an
    /// edit the database refuses for good (a task gone, a login that may not) is said in full
    /// and dropped, and the exit status is 1. `--dry-run` lists, `--discard` drops them all.
    func runShared(_ address: String, _ S: Strings) throws {
        let writer: SharedWriter
        do { writer = try SharedWriter(address: address, strings: S) } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        defer { writer.close() }
        writer.onRetry = { [unowned writer] in printError(S.format(.sharedRetrying, writer.plan.displayAddress, $0, Int(writer.patience))) }
        let name = writer.plan.displayAddress
        var unsent = UnsentEdits(address: name, planName: writer.plan.planName, environment: environment())
        for n in unsent.notes { printError(Sanitized.text(n)) }
        let file = unsent.path ?? "—"
        guard !unsent.isEmpty else {
            printOut(S.format(.recSharedNone, name))
            return
        }
        func line(_ item: UnsentEdits.Item) -> String {
            let who = item.edit.author.map { " (\(Sanitized.text($0, limit: 20)))" } ?? ""
            return Sanitized.text(item.edit.taskID, limit: 20) + "  " + Self.describe(item.edit.command, S) + who
        }
        printOut(S.format(.recSharedList, name, file, unsent.count))
        for item in unsent.items { printOut("  \(Self.localTime(item.time))  " + line(item)) }
        if dryRun {
            printOut(S[.recSharedDryRun])
            return
        }
        if discard {
            let n = unsent.count
            do { while !unsent.isEmpty { try unsent.dropFirst() } } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
            printOut(S.format(.recSharedDiscarded, name, n))
            return
        }
        var sent = 0
        var dropped = 0
        while let item = unsent.items.first {
            do {
                let r = try writer.commit(item.edit, expecting: item.expecting, known: nil, position: 0)
                if let told = SharedEditRun.changedBetween(r, S) { printError(told) }
                sent += 1
            } catch {
                if case SharedPlanError.unreachable = error {
                    printError(S.describe(error))
                    if sent > 0 { printOut(S.format(.recSharedSent, name, sent)) }
                    printError(S.format(.recSharedStillWaiting, unsent.count, file))
                    throw ExitCode(1)
                }
                printError(S.format(.recSharedDropped, name, line(item)) + "\n  " + S.describe(error))
                dropped += 1
            }
            do { try unsent.dropFirst() } catch {
                printError(S.format(.recSharedNotDropped, line(item), file, S.describe(error)))
                throw ExitCode(1)
            }
        }
        printOut(S.format(.recSharedSent, name, sent))
        if dropped > 0 { throw ExitCode(1) }
    }
}
