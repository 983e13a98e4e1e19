import ArgumentParser
import DubanCore
import DubanImport
import Foundation

struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: HelpText.abstract(.impAbstract, command: "import"),
            discussion: HelpText.discussion([.impIntro, .impAliasesIntro], examples: [
                "duban import notice.txt -o plan.json",
                "duban import notice.txt --year 2020 --strict > plan.json",
                "duban import notice.txt --aliases my-units.txt -o plan.json"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.impNotice)) var notice: String
    @Option(name: .shortAndLong, help: helpArg(.impOutput)) var output: String?
    @Option(name: .long, parsing: .unconditional, help: helpArg(.impYear)) var year: String?
    @Flag(name: .long, help: helpArg(.impStrict)) var strict = false
    @Option(name: .long, help: helpArg(.impAliases))
    var aliases: [String] = []
    @Flag(name: .long, help: helpArg(.impNoUserAliases)) var noUserAliases = false

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
        let result: ImportResult
        do {
            result = try NoticeImporter(options: options).importNotice(bytes: bytes, source: notice)
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
    }
}
