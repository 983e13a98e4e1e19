import ArgumentParser
import DubanCore
#if canImport(Glibc)
import Glibc
#endif
import DubanImport
import DubanTUI

/// `duban [PLAN]`: the dashboard. The root's default command.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the dashboard on a plan (the built-in demo plan when none is given).",
        discussion: """
        PLAN.json opens a plan file; PLAN.txt (or a saved web page, .html) imports a notice first (save it as .json with w).
        Keys: press ? in the dashboard, or see docs/keys.md.

        Examples:
          duban
          duban plan.json --as-of 2020-09-01
          duban plan.json --read-only --theme high-contrast
        """)

    @Argument(help: "A plan file (.json), or a notice (.txt, .html) to import.") var plan: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: "The date overdue is counted against (YYYY-MM-DD); today by default.")
    var asOf: String?
    @Flag(name: .customLong("read-only"), help: "View only: no key changes the plan.") var readOnly = false
    @Option(name: .long, help: "Theme: default, light, high-contrast, mono, or a .theme file.") var theme: String?
    @Option(name: .long, help: "Interface language: zh (default) or en. LANG=en* also gives English.") var lang: String?
    @Option(name: .long, help: "Config file (theme and key bindings); default ~/.config/duban/config.") var config: String?

    func validate() throws { try validateLang(lang) }

    func run() throws {
        let env = environment()
        let S = Strings(Lang.resolve(flag: lang, environment: env))
        let asOfDate = try parseAsOf(asOf, S)
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
                savePath: path, suggestedSavePath: path, environment: env)
            let code = runDashboard(session: session, options: options)
            if code != 0 { throw ExitCode(code) }
            return
        }
        if let path = plan {
            do {
                let result = try NoticeImporter().importNotice(path: path)
                loaded = result.plan
            } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
            suggested = String(path.dropLast(4)) + ".json"
        } else {
            loaded = NoticeImporter.demoPlan()
        }
        // No file behind the plan yet: the first save (w asks for a name) gives it one,
        // and from then on edits are journaled.
        let options = DashboardOptions(
            asOf: asOfDate, readOnly: readOnly, lang: S.lang, theme: theme, configPath: config,
            savePath: nil, suggestedSavePath: suggested, environment: env)
        let code = runDashboard(session: PlanSession.unsaved(plan: loaded, readOnly: readOnly), options: options)
        if code != 0 { throw ExitCode(code) }
    }
}

/// A notice to import before it is shown (its text or a saved web page), not a plan file.
func isNotice(_ path: String) -> Bool {
    let p = path.lowercased()
    return [".txt", ".html", ".htm"].contains { p.hasSuffix($0) }
}
