import ArgumentParser
import DubanCore
import DubanSheets
import Foundation

struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: HelpText.abstract(.expAbstract, command: "export"),
            discussion: HelpText.discussion([.expIntro, .planAddressIntro], examples: [
                "duban export plan.json --unit 市发展改革委 -o 发改委.xlsx --as-of 2020-09-01",
                "duban export plan.json --per-unit 台账/ --period 2020-09",
                "duban export plan.json --format csv -o all.csv"
            ]))
    }

    @OptionGroup var common: CommonOptions
    @Argument(help: helpArg(.argPlanOrAddress)) var plan: String
    @Option(help: helpArg(.expFormat)) var format: String?
    @Option(help: helpArg(.expUnit)) var unit: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: helpArg(.expAsOf))
    var asOf: String?
    @Option(parsing: .unconditional, help: helpArg(.expPeriod))
    var period: String?
    @Option(name: .shortAndLong, help: helpArg(.expOutput)) var output: String?
    @Option(name: .customLong("per-unit"), help: helpArg(.expPerUnit)) var perUnit: String?

    func run() throws {
        let S = common.strings
        let fmt = (format ?? (output?.lowercased().hasSuffix(".csv") == true ? "csv" : "xlsx")).lowercased()
        guard fmt == "xlsx" || fmt == "csv" else { throw ValidationError(S.format(.shBadFormat, format ?? "")) }
        guard output != nil || perUnit != nil else { throw ValidationError(S[.shNeedOutput]) }
        let date = try parseAsOf(asOf, S)
        let p = try loadPlanOrExit(plan, S)
        let per = period?.trimmingSpaces ?? Ledger.defaultPeriod(date)
        func bytes(_ tasks: [PlanTask], _ unit: String?) throws -> [UInt8] {
            let h = Ledger.Header(unit: unit, period: per, asOf: date, planTitle: p.title)
            if fmt == "csv" { return try Ledger.csv(plan: p, tasks: tasks, header: h, strings: S) }
            return try Ledger.workbook(plan: p, tasks: tasks, header: h, strings: S).data()
        }
        do {
            if let dir = perUnit {
                var isDir: ObjCBool = false
                if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
                    do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                        throw CommandRefusal(S.format(.shTooManyFiles, dir, error.localizedDescription))
                    }
                } else if !isDir.boolValue {
                    throw CommandRefusal(S.format(.shTooManyFiles, dir, S[.openIsUnknown]))
                }
                let groups = Ledger.tasksByLeadUnit(p).filter { unit == nil || $0.unit == UnitRegistry(p.units).canonical(unit!) }
                if let unit, groups.isEmpty { throw CommandRefusal(S.format(.shUnknownUnit, unit)) }
                var used = Set<String>()
                for g in groups {
                    var name = Ledger.fileName(unit: g.unit, ext: fmt)
                    var k = 2
                    while !used.insert(name).inserted { name = Ledger.fileName(unit: g.unit + "-\(k)", ext: fmt); k += 1 }
                    try OutputFile.write(try bytes(g.tasks, g.unit), to: (dir as NSString).appendingPathComponent(name))
                }
                printError(S.format(.shExportedUnits, groups.count, dir))
            }
            if let output {
                let tasks = Ledger.tasks(of: p, unit: unit)
                if let unit, tasks.isEmpty { throw CommandRefusal(S.format(.shUnknownUnit, unit)) }
                let canonical = unit.map { UnitRegistry(p.units).canonical($0) }
                try OutputFile.write(try bytes(tasks, canonical), to: output)
                printError(S.format(.shExported, output, tasks.count))
            }
        } catch {
            printError(S.describe(error))
            throw ExitCode(1)
        }
    }
}
