import ArgumentParser
import DubanBulletin
import DubanCore

struct BulletinCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "bulletin",
            abstract: HelpText.abstract(.bulAbstract, command: "bulletin"),
            discussion: HelpText.discussion([.bulIntro, .planAddressIntro], examples: [
                "duban bulletin plan.json --as-of 2020-07-31 -o 通报.docx",
                "duban bulletin plan.json --as-of 2020-07-31 --since 2020-06-30 -o 通报.md",
                "duban bulletin plan.json --as-of 2020-07-31 --format txt -o /dev/stdout"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlanOrAddress)) var plan: String
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: helpArg(.bulAsOf))
    var asOf: String?
    @Option(parsing: .unconditional, help: helpArg(.bulSince)) var since: String?
    @Option(name: .shortAndLong, help: helpArg(.bulOutput)) var output: String
    @Option(help: helpArg(.bulFormat)) var format: String?

    func run() throws {
        let S = common.strings
        let fmt: BulletinFormat
        if let format {
            guard let f = BulletinFormat(word: format) else {
                throw ValidationError(S.format(.rptErrBadChoice, "--format", format, "docx, md, txt"))
            }
            fmt = f
        } else {
            guard let f = BulletinFormat(path: output) else { throw ValidationError(S.format(.bulErrFormat, output)) }
            fmt = f
        }
        let date = try parseAsOf(asOf, S)
        var sinceDate: PlanDate?
        if let since {
            guard let d = PlanDate(iso: since.trimmingSpaces) else { throw ValidationError(S.format(.badDate, since)) }
            guard d < date else { throw ValidationError(S.format(.bulErrSinceAfter, d.iso, date.iso)) }
            sinceDate = d
        }
        DisplayWidth.prepareLocale()
        let p = try loadPlanOrExit(plan, S)
        let bulletin = Bulletin(plan: p, asOf: date, since: sinceDate)
        do {
            let bytes = try BulletinWriter.bytes(bulletin.document(S), fmt, asOf: date)
            let written = try OutputFile.write(bytes, to: output)
            if case .saved = written { printError(S.format(.bulWritten, TerminalText.clean(output), fmt.rawValue)) }
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
    }
}
