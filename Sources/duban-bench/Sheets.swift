// Issue 14's figures: forty returned ledgers of a 300-task plan merged, and a 100k-task
// plan exported one workbook per lead unit; each beside openpyxl doing the same reading or
// writing (python3, when it has openpyxl), in the same run. `duban-bench --only sheets`.
import DubanCore
import DubanSynthetic
import DubanSheets
import Foundation

struct SheetFigures {
    var mergeSheets = 0
    var mergeTasks = 0
    var mergeChanges = 0
    var merge: [Double] = []
    var mergeBaseline: Double?
    var readXMLCoder: [Double] = []
    var readStream: [Double] = []
    var exportTasks = 0
    var exportFiles = 0
    var exportBytes = 0
    var export: [Double] = []
    var exportCPU: [Double] = []
    var mergeCPU: [Double] = []
    var exportBaseline: Double?
}

func sheetsBench(folder: String, runs: Int, exportTasks: Int, baselines: Bool = true) -> SheetFigures {
    var f = SheetFigures()
    let S = Strings(.zh)
    let asOf = PlanDate(iso: "2020-09-01")!
    // 300 tasks, 40 of their lead units: each unit's ledger returned with a third of its rows edited.
    let plan = PlanGenerator(tasks: 300, units: 45, seed: 14).generate()
    let groups = Ledger.tasksByLeadUnit(plan)
    var books: [[UInt8]] = []
    for (k, g) in groups.prefix(40).enumerated() {
        var wb = Ledger.workbook(plan: plan, tasks: g.tasks, header: .init(unit: g.unit, period: "2020-09", asOf: asOf, planTitle: plan.title), strings: S)
        for r in stride(from: 2, to: wb.sheets[0].rows.count, by: 3) {
            wb.sheets[0].rows[r][Ledger.Column.progress.rawValue].value = .number(Double((r * 7 + k) % 101))
            wb.sheets[0].rows[r][Ledger.Column.note.rawValue].value = .text("第\(r)行：已完成阶段性工作，正在推进下一步")
        }
        books.append((try? wb.data()) ?? [])
    }
    f.mergeSheets = books.count
    f.mergeTasks = plan.tasks.count
    var paths: [String] = []
    for (i, b) in books.enumerated() {
        let p = "\(folder)/returned-\(i).xlsx"
        _ = try? OutputFile.write(b, to: p)
        paths.append(p)
    }
    for _ in 0..<runs {
        var changes = 0
        let c0 = cpuSeconds()
        let t = timed {
            do {
                var m = LedgerMerge(plan: plan, date: asOf, strings: S)
                for p in paths { try m.add(try XLSXReader().read(path: p)) }
                changes = try m.result().changes.count
            } catch { fputs("merge: \(error)\n", stderr) }
        }
        f.merge.append(t)
        f.mergeCPU.append(cpuSeconds() - c0)
        f.mergeChanges = changes
    }
    // The same files read only, with the streaming parser and with XMLCoder (DECISIONS.md).
    for _ in 0..<runs {
        for engine in [XLSXReader.Engine.stream, .xmlCoder] {
            var reader = XLSXReader()
            reader.engine = engine
            let t = timed { for p in paths { _ = try? reader.read(path: p) } }
            if engine == .stream { f.readStream.append(t) } else { f.readXMLCoder.append(t) }
        }
    }
    if baselines { f.mergeBaseline = python(["-c", "import sys, openpyxl\nfor p in sys.argv[1:]:\n    wb = openpyxl.load_workbook(p)\n    [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]"] + paths) }

    // 100k tasks, one workbook per lead unit.
    let big = PlanGenerator(tasks: exportTasks, seed: 7).generate()
    f.exportTasks = big.tasks.count
    let dir = "\(folder)/per-unit"
    mkdir(dir, 0o755)
    for _ in 0..<runs {
        var files = 0, bytes = 0
        let c0 = cpuSeconds()
        let t = timed {
            for g in Ledger.tasksByLeadUnit(big) {
                let wb = Ledger.workbook(plan: big, tasks: g.tasks, header: .init(unit: g.unit, period: "2020-09", asOf: asOf, planTitle: big.title), strings: S)
                guard let data = try? wb.data() else { continue }
                _ = try? OutputFile.write(data, to: "\(dir)/\(Ledger.fileName(unit: g.unit, ext: "xlsx"))")
                files += 1; bytes += data.count
            }
        }
        f.export.append(t); f.exportFiles = files; f.exportBytes = bytes
        f.exportCPU.append(cpuSeconds() - c0)
    }
    guard baselines else { return f }
    // openpyxl writing the same cells (values only: no styles, no record sheet).
    let cells = "\(folder)/cells.tsv"
    var tsv = ""
    for g in Ledger.tasksByLeadUnit(big) {
        tsv += "#\(g.unit)\n"
        for t in g.tasks { tsv += [t.number ?? "", t.text, t.leadUnits.joined(separator: "、"), t.coUnits.joined(separator: "、"), t.deadline?.iso ?? "", t.status.chineseLabel, "\(t.progress)", t.remarks, t.id].map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t") + "\n" }
    }
    try? tsv.write(toFile: cells, atomically: true, encoding: .utf8)
    mkdir("\(folder)/py", 0o755)
    f.exportBaseline = python(["-c", """
    import sys, openpyxl
    wb = None; n = 0
    def save():
        global wb, n
        if wb is not None: wb.save(sys.argv[2] + "/%d.xlsx" % n); n += 1
    for line in open(sys.argv[1], encoding="utf-8"):
        line = line.rstrip("\\n")
        if line.startswith("#"):
            save(); wb = openpyxl.Workbook(); ws = wb.active; ws.append(["序号","任务","牵头单位","协同单位","完成时限","状态","进度","备注","编号"])
        else: ws.append(line.split("\\t"))
    save()
    """, cells, "\(folder)/py"])
    return f
}

/// Seconds python3 takes to run, nil when it fails (no python3 or no openpyxl).
func python(_ args: [String]) -> Double? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3"] + args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    let t0 = now()
    do { try p.run() } catch { return nil }
    p.waitUntilExit()
    return p.terminationStatus == 0 ? now() - t0 : nil
}

func sheetRows(_ f: SheetFigures) -> [String] {
    let m = median(f.merge), e = median(f.export)
    func v(_ ok: Bool) -> String { ok ? "met" : "MISSED" }
    return [
        "| merge \(f.mergeSheets) returned sheets of a \(f.mergeTasks)-task plan (read, match, \(f.mergeChanges) changes; median of \(f.merge.count); CPU \(seconds(median(f.mergeCPU)))) | \(seconds(m)) | < 1 s | \(v(m < 1)) |",
        "| of which reading the \(f.mergeSheets) files (Foundation's XMLParser for sheets and strings) | \(seconds(median(f.readStream))) | | |",
        "| reading them with XMLCoder for every part instead | \(seconds(median(f.readXMLCoder))) | | |",
        "| baseline: openpyxl only loading the same \(f.mergeSheets) files | \(f.mergeBaseline.map(seconds) ?? "n/a (no openpyxl)") | | |",
        "| export a \(f.exportTasks)-task plan per lead unit (\(f.exportFiles) .xlsx, \(megabytes(f.exportBytes)); median of \(f.export.count); CPU \(seconds(median(f.exportCPU)))) | \(seconds(e)) | seconds (CPU < 10 s) | \(v(median(f.exportCPU) < 10)) |",
        "| baseline: openpyxl writing the same cells, values only | \(f.exportBaseline.map(seconds) ?? "n/a (no openpyxl)") | | |",
    ]
}

/// User and system CPU seconds of this process: what a figure costs whatever else runs.
func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
}

func removeFolder(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
