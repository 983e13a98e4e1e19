import ArgumentParser
import DubanCore
import DubanSheets
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write each unit's ledger (台账) as .xlsx or .csv, to send out and merge back.",
        discussion: """
        The sheet has 序号, 任务, 牵头领导, 牵头单位, 协同单位, 完成时限, 状态 (a drop-down of the four
        statuses), 进度, 本期进展, 备注 and the light (a coloured cell), the as-of date and period in
        its title row, and the task id in a hidden, locked column; a hidden sheet keeps what was
        exported, so `duban merge` tells a unit's edits from the plan's. CSV has a UTF-8 BOM and
        CR LF for Excel and WPS. See docs/sheets.md.

        Examples:
          duban export plan.json --unit 市发展改革委 -o 发改委.xlsx --as-of 2020-09-01
          duban export plan.json --per-unit 台账/ --period 2020-09
          duban export plan.json --format csv -o all.csv
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: "The plan file.") var plan: String
    @Option(help: "xlsx (default) or csv.") var format: String?
    @Option(help: "Only the tasks this unit leads (any of its names).") var unit: String?
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: "The date the lights are counted against (YYYY-MM-DD); today by default.")
    var asOf: String?
    @Option(parsing: .unconditional, help: "The reporting period the sheet is for (2020-09, 2020Q3); the as-of month by default.")
    var period: String?
    @Option(name: .shortAndLong, help: "The file to write.") var output: String?
    @Option(name: .customLong("per-unit"), help: "A folder: one file per lead unit, named after the unit.") var perUnit: String?

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
