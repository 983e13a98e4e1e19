import ArgumentParser
import DubanCore
import DubanImport
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a task decomposition notice (text) into a plan.",
        discussion: """
        Reads UTF-8 (with or without BOM), UTF-16 or GB18030/GBK text, CRLF or LF, ASCII
        or full-width punctuation, or a saved web page. The plan goes to standard output,
        or to -o FILE (written atomically). The layout found, the counts and a warning
        with its line for every line not understood go to standard error.
        Unit aliases: the shipped table, then ~/.config/duban/aliases.txt (or
        $DUBAN_ALIASES), then each --aliases FILE. See docs/import.md.

        Examples:
          duban import notice.txt -o plan.json
          duban import notice.txt --year 2020 --strict > plan.json
          duban import notice.txt --aliases my-units.txt -o plan.json
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: "The notice, as a text file.") var notice: String
    @Option(name: .shortAndLong, help: "Where to write the plan (JSON); standard output by default.") var output: String?
    @Option(name: .long, parsing: .unconditional, help: "The plan year, when the notice does not say it (or says it wrong).") var year: String?
    @Flag(name: .long, help: "Fail (exit 1) on any warning.") var strict = false
    @Option(name: .long, help: "An extra unit alias file (one unit a line: 发改委 = 发展改革委). May be repeated.")
    var aliases: [String] = []
    @Flag(name: .long, help: "Do not read ~/.config/duban/aliases.txt.") var noUserAliases = false

    func validate() throws {
        if let year, Int(year.trimmingSpaces).map({ (1900...2100).contains($0) }) != true {
            throw ValidationError(common.strings.format(.errBadNumber, "--year", year, common.strings[.errWantYear]))
        }
        for a in aliases where !FileManager.default.isReadableFile(atPath: a) {
            throw ValidationError("--aliases \(a): no such readable file")
        }
    }

    func run() throws {
        let S = common.strings
        let options = ImportOptions(year: year.flatMap { Int($0.trimmingSpaces) }, strict: strict, aliasFiles: aliases, useUserAliasFile: !noUserAliases)
        // A FIFO, a device or a notice above 256 MiB is refused at once, in words.
        let bytes: [UInt8]
        do { bytes = try SafeOpen.read(notice, as: .notice).bytes } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        installProgress(S)
        let result: ImportResult
        do {
            ProgressLine.current?.begin(.importing, name: notice, total: 0)
            defer { ProgressLine.current?.end() }
            result = try NoticeImporter(options: options).importNotice(bytes: consume bytes, source: notice)
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
        printError(result.report(file: notice))
        if let output {
            do {
                // An existing plan is replaced atomically under its lock (one writer at a
                // time); a new path too; a FIFO or device is written into, never replaced.
                if PlanEditor.isExistingFile(output) {
                    try PlanEditor.replace(path: output, with: result.plan, command: "duban import",
                                           waiting: { printWaiting(output, $0, PlanLock.defaultWait, S) })
                } else if SafeOpen.special(output) == nil {
                    // A new file: encoded and written piece by piece (no second copy of a
                    // big plan in memory); PlanFile refuses a special file that appears meanwhile.
                    try PlanFile.saveReporting(result.plan, to: output, backup: false)
                } else {
                    try OutputFile.write(PlanJSON.encode(result.plan), to: output)
                }
            } catch {
                printError(S.describe(error))
                throw ExitCode(1)
            }
            printError(S.format(.savedTo, output))
        } else {
            // The plan as JSON: exact; on a terminal C1 and format characters escaped too.
            let json = PlanJSON.encodeString(result.plan)
            print(stdoutIsTerminal ? TerminalText.escapingForJSON(json) : json, terminator: "")
        }
        withExtendedLifetime(result) { exitFlushed() }
    }
}
