import DubanCore
import DubanSheets
import Foundation
import XCTest
import DubanTestSupport

/// A folder of its own for each test.
func scratch(_ name: String) throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("duban-sheets-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
}

/// Runs a program to its end (standard output and error read whole), found on PATH.
func runProgram(_ exe: String, _ args: [String], in dir: URL? = nil, env: [String: String]? = nil) throws -> Ran {
    try runToEnd(URL(fileURLWithPath: "/usr/bin/env"), [exe] + args, env: env ?? ProcessInfo.processInfo.environment, in: dir).text
}

/// Runs a Python script (openpyxl: the second spreadsheet library); fails the test when it fails.
@discardableResult
func python(_ script: String, _ args: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let dir = try scratch("py")
    let path = dir.appendingPathComponent("script.py").path
    try script.write(toFile: path, atomically: true, encoding: .utf8)
    let r = try runProgram("python3", [path] + args)
    XCTAssertEqual(r.status, 0, "python failed: \(r.err)", file: file, line: line)
    return r.out
}

/// The `duban` binary built beside the test bundle.
var dubanBinary: String { BuiltProducts.duban.path }

func duban(_ args: [String], in dir: URL) throws -> Ran {
    try runProgram(dubanBinary, args, in: dir, env: ["LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
}

/// A plan of six tasks under two lead units (one task led by both), hand-made.
func fixturePlan() -> Plan {
    func d(_ s: String) -> PlanDate { PlanDate(iso: s)! }
    return Plan(title: "测试市2020年重点工作任务", year: 2020, chapters: [Chapter(id: "c1", label: "一", title: "经济")], tasks: [
        PlanTask(id: "t1", number: "1", chapter: "c1", text: "推进重大项目建设，完成投资100亿元。", leaders: ["张三"],
                 leadUnits: ["市发展改革委"], coUnits: ["市财政局", "市自然资源局"], deadline: d("2020-06-30"),
                 status: .inProgress, progress: 40),
        PlanTask(id: "t2", number: "2", chapter: "c1", text: "优化营商环境，“一网通办”覆盖率达到90%。", leadUnits: ["市发展改革委"],
                 deadline: d("2020-12-31"), status: .done, progress: 100, remarks: "已验收"),
        PlanTask(id: "t3", number: "3", chapter: "c1", text: "实施减税降费政策。", leadUnits: ["市财政局"], coUnits: ["市税务局"],
                 deadline: d("2020-09-30"), status: .notStarted, progress: 0),
        PlanTask(id: "t4", number: "4", chapter: "c1", text: "扩大有效投资 & 稳定就业 <重点>。", leadUnits: ["市发展改革委", "市财政局"],
                 deadline: d("2020-10-31"), status: .lagging, progress: 15),
        PlanTask(id: "t5", number: "5", chapter: "c1", text: "长期坚持的常态化工作。", leadUnits: ["市财政局"], deadline: nil,
                 deadlineText: "长期", status: .inProgress, progress: 30),
        PlanTask(id: "t6", number: "6", chapter: "c1", text: "建设智慧城市平台。", leadUnits: ["市发展改革委"],
                 deadline: d("2020-08-31"), status: .inProgress, progress: 60),
    ])
}

let asOf = PlanDate(iso: "2020-09-01")!

/// One unit's ledger written to a file; its path.
func exportLedger(_ plan: Plan, unit: String?, to dir: URL, name: String, period: String = "2020-09",
                  strings: Strings = Strings(.zh)) throws -> String {
    let tasks = Ledger.tasks(of: plan, unit: unit)
    let book = Ledger.workbook(plan: plan, tasks: tasks, header: .init(unit: unit, period: period, asOf: asOf, planTitle: plan.title),
                               strings: strings)
    let path = dir.appendingPathComponent(name).path
    try OutputFile.write(try book.data(), to: path)
    return path
}

/// One unit's ledger of `plan` exported to a scratch folder of its own (`test` names it),
/// and the path beside it that the returned copy is saved to.
func ledgerToReturn(_ test: String, _ plan: Plan, unit: String, name: String, back: String) throws -> (path: String, back: String) {
    let dir = try scratch(test)
    return (try exportLedger(plan, unit: unit, to: dir, name: name), dir.appendingPathComponent(back).path)
}

/// Opens a ledger with openpyxl, runs `edits` (Python statements on `ws`, the first sheet),
/// saves it as `out`.
func editWithOpenpyxl(_ path: String, _ out: String, _ edits: String) throws {
    try python("""
    import sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    ws = wb.worksheets[0]
    \(edits.split(separator: "\n").joined(separator: "\n"))
    wb.save(sys.argv[2])
    """, [path, out])
}

func merge(_ plan: Plan, _ files: [String], author: String? = nil) throws -> LedgerMerge.Result {
    var m = LedgerMerge(plan: plan, date: PlanDate(iso: "2020-09-20")!, author: author, strings: Strings(.zh))
    for f in files { try m.add(try XLSXReader().read(path: f)) }
    return try m.result()
}
