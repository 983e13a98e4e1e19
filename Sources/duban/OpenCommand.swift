import ArgumentParser
import DubanCore
#if canImport(Glibc)
import Glibc
#endif
import DubanImport
import DubanTUI
import DubanPostgres

/// `duban [PLAN]`: the dashboard. The root's default command.
struct OpenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "open",
            abstract: HelpText.abstract(.openAbstract, command: "open"),
            discussion: HelpText.discussion([.openIntro, .openKeys], examples: [
                "duban",
                "duban plan.json --as-of 2020-09-01",
                "duban plan.json --read-only --theme high-contrast",
                "duban 'postgres://ana@db.office/duban?plan=2020'"
            ]))
    }

    @Argument(help: helpArg(.openPlan)) var plan: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: helpArg(.optAsOf))
    var asOf: String?
    @Flag(name: .customLong("read-only"), help: helpArg(.openReadOnly)) var readOnly = false
    @Option(name: .long, help: helpArg(.openTheme)) var theme: String?
    @Option(name: .long, help: helpArg(.optLang)) var lang: String?
    @Option(name: .long, help: helpArg(.openConfig)) var config: String?
    @Flag(name: .customLong("ambiguous-wide"), help: helpArg(.openAmbiguousWide))
    var ambiguousWide = false

    func validate() throws { try validateLang(lang) }

    func run() throws {
        let env = environment()
        let S = Strings(Lang.resolve(flag: lang, environment: env))
        let asOfDate = try parseAsOf(asOf, S)
        // issue 15, pgtui: a database address (`postgres://…?plan=NAME`): the dashboard on
        // the shared plan, every edit a commit.
        if let address = plan, PlanAddress(address).isDatabase {
            try openShared(address, asOf: asOfDate, S, env)
            return
        }
        // A plan or notice that is no regular file (a FIFO, a device, a folder) or cannot
        // be opened is said first, whatever the terminal: opened and checked, nothing read.
        if let path = plan {
            let kind: FileKind = isNotice(path) ? .notice : .plan
            do { Glibc.close(try SafeOpen.open(path, as: kind).fd) } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
        }
        // Before the plan is opened (its journal locked) or a byte is written: no
        // terminal, or one the dashboard cannot drive, is refused with a message.
        if let why = NcursesTerminal.unavailable(environment: env) {
            printError("duban: " + S.describe(why))
            throw ExitCode(1)
        }
        let loaded: Plan
        var suggested = "duban-demo.json"
        if let path = plan, !isNotice(path) {
            // A plan file: read with its stamp, its journal opened (an earlier session's
            // unsaved changes are offered back in the dashboard), read-only when the file
            // or its folder cannot be written or another duban is editing it.
            let session: PlanSession
            // A big plan's load and index build say how far they are on the first screen.
            let loading = LoadingScreen(strings: S)
            defer { loading.finish() }
            do {
                session = try PlanSession.open(path: path, readOnly: readOnly, strings: S)
            } catch {
                loading.finish()
                printError(S.describe(error))
                throw ExitCode(1)
            }
            let options = DashboardOptions(
                asOf: asOfDate, readOnly: readOnly, lang: S.lang, theme: theme, configPath: config,
                savePath: path, suggestedSavePath: path, environment: env, ambiguousWide: ambiguousWide)
            let code = runDashboard(session: session, options: options)
            if code != 0 { throw ExitCode(code) }
            return
        }
        if let path = plan {
            // A notice: the review screen first (the notice beside the plan it gives, keys to
            // correct it, w to write it), then Enter goes on to the dashboard on that plan.
            // A plan beside the notice (notice.json) that keeps corrections gives them again.
            suggested = suggestedPlanPath(path)
            let review: NoticeReview
            do {
                let bytes = try SafeOpen.read(path, as: .notice).bytes
                let beside = PlanEditor.isExistingFile(suggested) ? try? PlanFile.load(path: suggested) : nil
                let kept = beside.map { ImportCorrections.read(from: $0).corrections } ?? []
                review = try NoticeReview(bytes: bytes, source: path, corrections: kept)
            } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
            let state = ReviewState(review: review, strings: S, mode: .beforeDashboard, savePath: nil, suggestedPath: suggested,
                                    writer: { plan, out in try writeImportedPlan(plan, to: out, S, quiet: true) })
            let options = DashboardOptions(
                asOf: asOfDate, readOnly: readOnly, lang: S.lang, theme: theme, configPath: config,
                savePath: nil, suggestedSavePath: suggested, environment: env)
            let code = runReview(state, options: options)
            if code != 0 { throw ExitCode(code) }
            return
        } else {
            loaded = NoticeImporter.demoPlan()
        }
        // No file behind the plan yet: the first save (w asks for a name) gives it one,
        // and from then on edits are journaled.
        let options = DashboardOptions(
            asOf: asOfDate, readOnly: readOnly, lang: S.lang, theme: theme, configPath: config,
            savePath: nil, suggestedSavePath: suggested, environment: env, ambiguousWide: ambiguousWide)
        let code = runDashboard(session: PlanSession.unsaved(plan: loaded, readOnly: readOnly), options: options)
        if code != 0 { throw ExitCode(code) }
    }
}

extension OpenCommand {
    /// issue 15, pgtui: opens the shared plan through the opener the command line
    /// installed, loads it with the progress line on the first screen, and runs the
    /// dashboard on it.
    func openShared(_ address: String, asOf: PlanDate, _ S: Strings, _ env: [String: String]) throws {
        if let why = NcursesTerminal.unavailable(environment: env) {
            printError("duban: " + S.describe(why))
            throw ExitCode(1)
        }
        let loading = LoadingScreen(strings: S)
        defer { loading.finish() }
        let shared: SharedPlan
        let snapshot: SharedSnapshot
        do {
            shared = try SharedPlans.open(address, strings: S)
            // The dashboard keeps an edit it could not send and tries again itself: a
            // commit waits for a restarting server only a moment, not the commands' 6 s,
            // so the screen is never frozen long.
            (shared as? PostgresPlan)?.reconnectSeconds = 1
            snapshot = try shared.load(progress: ProgressLine.current)
        } catch {
            loading.finish()
            printError(S.describe(error))
            throw ExitCode(1)
        }
        let options = DashboardOptions(
            asOf: asOf, readOnly: readOnly, lang: S.lang, theme: theme, configPath: config,
            savePath: nil, suggestedSavePath: "duban-plan.json", environment: env, ambiguousWide: ambiguousWide)
        let code = runDashboard(shared: shared, snapshot: snapshot, options: options)
        if code != 0 { throw ExitCode(code) }
    }
}

/// A notice to import before it is shown (its text, a saved web page, a Word file), not a plan file.
func isNotice(_ path: String) -> Bool {
    let p = path.lowercased()
    return [".txt", ".html", ".htm", ".docx", ".doc", ".wps", ".pdf"].contains { p.hasSuffix($0) }
}
