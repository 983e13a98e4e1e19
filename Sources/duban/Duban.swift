import ArgumentParser
import DubanCore
import DubanPostgres
#if canImport(Glibc)
import Glibc
#endif

@main
struct Duban: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "duban",
            abstract: HelpText.abstract(.rootAbstract, command: "duban"),
            discussion: HelpText.discussion([.rootIntro, .rootCompletion, .rootVersion], examples: [
                "duban",
                "duban plan.json --as-of 2020-09-01",
                "duban import notice.txt -o plan.json",
                "duban report plan.json --by unit",
                "duban set demo.json t12 --status done --note \"已完成验收\"",
                "duban --generate-completion-script bash > /etc/bash_completion.d/duban",
            ]),
            version: DubanVersion.string,
            subcommands: Duban.commands,
            defaultSubcommand: Duban.defaultCommand
        )
    }

    /// ArgumentParser's `main`, with every message it prints (help, usage errors, which
    /// echo the arguments given) going through the cleaner like every other output.
    static func main() {
        // An unknown --lang is refused before anything is parsed (also with --help, which
        // would otherwise print and exit before any check).
        if let bad = CommandLine.arguments.dropFirst().langValues.first(where: { Lang(code: $0) == nil }) {
            printError("Error: " + Strings(Lang.resolve(flag: nil, environment: environment())).format(.errBadLang, bad))
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
        // issue 15 (pgdb): every command reaches a database address through this opener.
        SharedPlans.opener = { try PostgresPlan.open(address: $0, strings: $1) }
        do {
            var command = try parseAsRoot(rootArguments(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { printOut(message) } else { printError(message) }
            }
            Glibc.exit(code.rawValue)
        }
    }
}

/// The arguments ArgumentParser parses. `duban --help --lang en` asks for the root's help
/// in English; ArgumentParser would give the default command (open) the --lang and print
/// open's help instead. The language is already chosen (`cliStrings`), so when help is
/// asked for and no command is named, --lang is taken out.
func rootArguments(_ args: [String]) -> [String] {
    let names = Set(Duban.commands.map { $0._commandName })
    let prefix = args.prefix { $0 != "--" }
    guard prefix.contains(where: { $0 == "--help" || $0 == "-h" }), !prefix.contains(where: { names.contains($0) }) else { return args }
    var out: [String] = []
    var i = 0
    while i < args.count {
        let a = args[i]
        if a == "--" { out += args[i...]; break }
        if a == "--lang" { i += 2; continue }
        if a.hasPrefix("--lang=") { i += 1; continue }
        out.append(a); i += 1
    }
    return out
}

extension Sequence where Element == String {
    /// The values given to --lang (`--lang en`, `--lang=en`), before any `--`.
    var langValues: [String] {
        var out: [String] = []
        var it = makeIterator()
        while let a = it.next() {
            if a == "--" { break }
            if a == "--lang" { if let v = it.next() { out.append(v) } }
            else if a.hasPrefix("--lang=") { out.append(String(a.dropFirst(7))) }
        }
        return out
    }
}

/// Ends a command once its output is out (issue 16): standard output and error flushed,
/// then the process exits from where it stands, so the plan and the store it leaves (a
/// province's plan is some 400 MB of small objects) are not freed one by one on the way
/// back up: the kernel takes the pages back at once. Only after the last byte a command
/// owes is written (the plan saved, the report printed).
func exitFlushed(_ code: Int32 = 0) -> Never {
    fflush(stdout)
    fflush(stderr)
    Glibc.exit(code)
}

/// Installs the progress line of a long load, save or import (`ProgressLine.current`) on
/// standard error when that is a terminal: a command on a province's plan never sits
/// silent. Nothing is installed for a pipe or a file (scripts get no stray lines).
func installProgress(_ S: Strings) {
    guard isatty(2) == 1 else { return }
    var ws = winsize()
    let columns = ioctl(2, UInt(TIOCGWINSZ), &ws) == 0 && ws.ws_col > 0 ? Int(ws.ws_col) : 80
    ProgressLine.current = ProgressLine(strings: S, sink: ProgressLine.terminalLine(fd: 2, columns: columns))
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: helpArg(.optLang))
    var lang: String?

    var strings: Strings { Strings(Lang.resolve(flag: lang, environment: environment())) }

    func validate() throws { try validateLang(lang) }
}

/// `--lang` must name a language duban speaks: zh or en (as `Lang(code:)` reads them).
func validateLang(_ lang: String?) throws {
    guard let lang, Lang(code: lang) == nil else { return }
    throw ValidationError(Strings(Lang.resolve(flag: nil, environment: environment())).format(.errBadLang, lang))  // not cliStrings(): its --lang is the bad one
}

/// The interface language of this run, for helpers called without one: `--lang` from the
/// command line (already checked by the command), else the environment.
func cliStrings() -> Strings {
    let args = CommandLine.arguments
    var flag: String?
    for (i, a) in args.enumerated() {
        if a == "--lang", i + 1 < args.count { flag = args[i + 1] }
        else if a.hasPrefix("--lang=") { flag = String(a.dropFirst(7)) }
    }
    return Strings(Lang.resolve(flag: flag, environment: environment()))
}

func environment() -> [String: String] {
    var env: [String: String] = [:]
    var p = environ
    while let entry = p.pointee {
        let s = String(cString: entry)
        if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
        p += 1
    }
    return env
}

/// Prints to standard error, through the cleaner (`TerminalText`, messages keep their line
/// breaks and tabs): a name or a value in a message never reaches the terminal as a control.
func printError(_ s: String) {
    var text = TerminalText.clean(s, .lines)
    if !text.hasSuffix("\n") { text += "\n" }
    _ = text.withCString { fputs($0, stderr) }
}

/// Prints a message to standard output, through the cleaner as `printError` does.
func printOut(_ s: String, terminator: String = "\n") {
    print(TerminalText.clean(s, .lines), terminator: terminator)
}

/// Whether standard output is a terminal.
var stdoutIsTerminal: Bool { isatty(1) == 1 }

/// The terminal's columns when standard output is one, else nil.
func terminalColumns() -> Int? {
    guard stdoutIsTerminal else { return nil }
    var ws = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
    return Int(ws.ws_col)
}

/// Parses `--as-of`; today when nil.
func parseAsOf(_ text: String?, _ S: Strings) throws -> PlanDate {
    guard let text else { return PlanDate.today() }
    guard let d = PlanDate(iso: text) else { throw ValidationError(S.format(.badDate, text)) }
    return d
}

/// Loads a plan, printing every problem and exiting 1 when it does not load.
func loadPlanOrExit(_ argument: String, _ S: Strings = cliStrings()) throws -> Plan {
    try loadNamedPlanOrExit(argument, S).plan
}

/// The plan a read-only command names (issue 15): a file as it always was, or a database
/// address (`postgres://…?plan=NAME`) loaded whole through `SharedPlans.open` (a server
/// that is down is said within a few seconds; one lost mid-load is retried, `SharedWriter`).
/// `name` is what messages call it: the path, or the address without its password.
func loadPlan(_ argument: String, _ S: Strings) throws -> (plan: Plan, name: String) {
    switch PlanAddress(argument) {
    case .file(let path):
        return (try PlanFile.load(path: path), path)
    case .database(let address):
        let writer = try SharedWriter(address: address, strings: S)
        defer { writer.close() }
        writer.onRetry = { [unowned writer] in printError(S.format(.sharedRetrying, writer.plan.displayAddress, $0, Int(writer.patience))) }
        let snapshot = try writer.load(progress: ProgressLine.current)
        return (snapshot.plan, writer.plan.displayAddress)
    }
}

/// `loadPlan`, printing the problem in the interface language and exiting 1.
func loadNamedPlanOrExit(_ argument: String, _ S: Strings = cliStrings()) throws -> (plan: Plan, name: String) {
    do {
        return try loadPlan(argument, S)
    } catch {
        printError(S.describe(error))
        throw ExitCode(1)
    }
}

/// A command's refusal, already in the interface language.
struct CommandRefusal: Error, LocalizedMessage {
    var text: String
    init(_ text: String) { self.text = text }
    func message(_ S: Strings) -> String { text }
}

/// The one line a writer prints on standard error when another holds the plan's lock.
func printWaiting(_ plan: String, _ holder: PlanLockHolder?, _ wait: Double, _ S: Strings) {
    printError(S.format(.lockWaiting, plan, holder?.describe(S) ?? S[.lockHolderUnknown], PlanLockError.seconds(wait)))
}
