import ArgumentParser
import DubanCore
import DubanPostgres
#if canImport(Glibc)
import Glibc
#endif

// issue 15, the PostgreSQL adapter (pgdb): `duban db init`, `duban db user add`,
// `duban push`, `duban pull`.

/// A database address from the command line, or the message and exit 2.
func databaseAddress(_ text: String, _ S: Strings) throws -> PostgresAddress {
    guard PlanAddress(text).isDatabase else {
        throw CommandRefusal(S.format(.sharedBadAddress, PostgresAddress.redacted(text), "scheme: expected postgres:// or postgresql://"))
    }
    return try PostgresAddress.parse(text)
}

/// Runs a database command's body: its troubles printed in the interface language, exit 1.
func databaseCommand(_ S: Strings, _ body: () throws -> Void) throws {
    do { try body() } catch let e as ExitCode { throw e } catch {
        printError(S.describe(error))
        throw ExitCode(1)
    }
}

struct DbCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "db",
            abstract: HelpText.abstract(.dbAbstract, command: "db"),
            discussion: HelpText.discussion([.dbIntro], examples: [
                "duban db init postgres://admin@db.office.local/duban",
                "duban db user add fgw --role unit --unit 市发改委 postgres://admin@db.office.local/duban --password-stdin",
            ]),
            subcommands: [DbInitCommand.self, DbUserCommand.self])
    }

    @OptionGroup var common: CommonOptions
}

struct DbInitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "init", abstract: HelpText.abstract(.dbInitAbstract, command: "db"),
                             discussion: HelpText.discussion([.dbInitIntro], examples: ["duban db init postgres://admin@db.office.local/duban"]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.dbURL)) var url: String

    func run() throws {
        let S = common.strings
        try databaseCommand(S) {
            let a = try databaseAddress(url, S)
            let r = try PostgresAdmin.initialize(a)
            if r.from == r.to { printOut(S.format(.pgInitAlready, a.display, r.to)) }
            else { printOut(S.format(.pgInitApplied, a.display, r.from, r.to)) }
        }
    }
}

struct DbUserCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "user", abstract: HelpText.abstract(.dbUserAbstract, command: "db"),
                             subcommands: [DbUserAddCommand.self])
    }
}

struct DbUserAddCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: HelpText.abstract(.dbUserAddAbstract, command: "db"),
                             discussion: HelpText.discussion([.dbUserAddIntro], examples: [
                                "echo 'secret' | duban db user add fgw --role unit --unit 市发改委 postgres://admin@db/duban --password-stdin",
                                "duban db user add zhang --role inspector postgres://admin@db/duban",
                             ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.dbLogin)) var login: String
    @Option(name: .long, help: helpArg(.dbRole)) var role: String
    @Option(name: .long, help: helpArg(.dbUnit)) var unit: String?
    @Flag(name: .long, help: helpArg(.dbPasswordStdin)) var passwordStdin = false
    @Argument(help: helpArg(.dbURL)) var url: String

    func run() throws {
        let S = common.strings
        guard let r = PostgresAdmin.Role(rawValue: role) else {
            throw ValidationError(S.format(.pgBadRole, role))
        }
        try databaseCommand(S) {
            let a = try databaseAddress(url, S)
            var password: String?
            if passwordStdin {
                var line = readLine(strippingNewline: true) ?? ""
                if line.hasSuffix("\r") { line.removeLast() }
                guard !line.isEmpty else { throw CommandRefusal(S[.pgEmptyPassword]) }
                password = line
            }
            try PostgresAdmin.addUser(a, login: login, role: r, unit: unit, password: password)
            let what = r == .unit ? "\(r.rawValue) \(unit ?? "")" : r.rawValue
            printOut(S.format(.pgUserAdded, a.display, login, what))
        }
    }
}

struct PushCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "push", abstract: HelpText.abstract(.pushAbstract, command: "push"),
                             discussion: HelpText.discussion([.pushIntro], examples: [
                                "duban push plan.json postgres://zhang@db.office.local/duban",
                                "duban push plan.json postgres://zhang@db.office.local/duban --as 2020年度 --replace",
                             ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.pushPlan)) var plan: String
    @Argument(help: helpArg(.dbURL)) var url: String
    @Option(name: .customLong("as"), help: helpArg(.pushAs)) var name: String?
    @Flag(name: .long, help: helpArg(.pushReplace)) var replace = false

    func run() throws {
        let S = common.strings
        installProgress(S)
        try databaseCommand(S) {
            let a = try databaseAddress(url, S)
            let bytes = try PlanFile.read(path: plan)
            let decoded = try PlanJSON.decode(bytes, file: plan)
            let planName = name ?? a.plan ?? PushCommand.stem(plan)
            let r = try PostgresAdmin.push(a, plan: decoded, bytes: bytes, name: planName, replace: replace)
            printOut(S.format(.pgPushed, a.with(plan: .some(planName)).display, planName, r.tasks)
                     + (r.keptOriginal ? " " + S[.pgPushedKept] : ""))
        }
    }

    /// The file's name without its folder and its last extension.
    static func stem(_ path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { return String(base[..<dot]) }
        return base
    }
}

struct PullCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "pull", abstract: HelpText.abstract(.pullAbstract, command: "pull"),
                             discussion: HelpText.discussion([.pullIntro], examples: [
                                "duban pull 'postgres://zhang@db.office.local/duban?plan=2020年度' -o plan.json",
                             ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.dbURL)) var url: String
    @Option(name: .shortAndLong, help: helpArg(.pullOutput)) var output: String?

    func run() throws {
        let S = common.strings
        installProgress(S)
        try databaseCommand(S) {
            let a = try databaseAddress(url, S)
            var name = a.plan
            if name == nil {
                let names = try PostgresAdmin.planNames(a)
                guard names.count == 1 else {
                    throw CommandRefusal(S.format(.pgNoPlanNamed, a.display, names.isEmpty ? S[.pgPlanList] : names.joined(separator: "、")))
                }
                name = names[0]
            }
            let bytes = try PostgresAdmin.pull(a, name: name!)
            if let output, output != "-" {
                _ = try OutputFile.write(bytes, to: output)
                printError(S.format(.pgPulled, a.with(plan: .some(name!)).display, name!, output))
            } else {
                bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
                fflush(stdout)
            }
        }
    }
}
