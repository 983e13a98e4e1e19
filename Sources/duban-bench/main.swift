// The benchmark of issue 7: `make bench` (swift run -c release duban-bench).
//
// Generates plans of 1k, 10k and 100k tasks with the generator into a temporary
// folder, then measures in one run: open to the first frame, keystrokes, save, report,
// import, the demo, peak memory (in a child process that only opens the 100k plan),
// and the baselines `jq length` and python's json.load on the same 100k file.
// Prints one row per figure with the target and whether it is met.
import DubanCore
import DubanSynthetic
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

setvbuf(stdout, nil, _IOLBF, 0)
let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

// The child that measures peak memory: open one plan to its first frame, then exit.
if arguments.first == "--child-open", arguments.count >= 2 {
    if arguments.contains("--trace") { traceMemory = true }
    do { _ = try openPlan(path: arguments[1]) } catch { fputs("\(error)\n", stderr); exit(1) }
    // VmHWM of this process alone. (ru_maxrss from wait4 would not do: a child started
    // with posix_spawn shares the parent's memory until exec, and Linux carries that
    // high-water mark across exec, so it reports the bench's own size.)
    if let out = option("--report"), let f = fopen(out, "w") {
        fputs("\(Machine.peakResident)\n", f)
        fclose(f)
    }
    exit(0)
}

if arguments.contains("--help") || arguments.contains("-h") {
    print("""
    usage: duban-bench [--sizes 1000,10000,100000] [--runs N] [--presses N] [--seeds DIR]
                       [--keep DIR] [--no-baselines] [--no-candidates]
           duban-bench --only huge-remark [--megabytes 200] [--runs 11]
           duban-bench --only db [--tasks 100000] [--runs 5] [--edits 200] [--url postgres://…]
           duban-bench --only import [--seeds DIR] [--megabytes 10]
           duban-bench --only sheets [--tasks 100000] [--runs 3]
           duban-bench --only docx [--megabytes 10] [--runs 5]
           duban-bench --only name-order [--names 100000] [--runs 5]
           duban-bench --only notice [--megabytes 50] --out NOTICE.txt
           duban-bench --only whole [--plan PATH | --tasks 100000] [--whole-runs 3] [--notice-mb 50] [--duban PATH]
    Generates plans of each size, measures open, keystrokes, save, report, import, the
    demo and peak memory, and times jq and python on the largest file in the same run.
    """)
    exit(0)
}
// issue 15 (pgdb): `--only db [--tasks N] [--runs N] [--edits N] [--url URL]`: a plan in
// PostgreSQL against its JSON file, and the edit round trip.
if option("--only") == "db" {
    guard let f = databaseBench(tasks: Int(option("--tasks") ?? "") ?? 100_000, runs: Int(option("--runs") ?? "") ?? 5,
                                edits: Int(option("--edits") ?? "") ?? 200,
                                url: option("--url") ?? ProcessInfoEnv.get("DUBAN_BENCH_PG")) else { exit(1) }
    print("")
    print("Machine: \(Machine.description); load average \(Machine.load). PostgreSQL \(f.server) on loopback.")
    print("")
    print("| a plan in PostgreSQL | time | target | |")
    print("|---|---:|---|---|")
    for l in databaseRows(f) { print(l) }
    exit(0)
}
// `--only huge-remark [--megabytes N]`: only the figure of issue 10 (a few seconds).
if option("--only") == "huge-remark" {
    let mb = Int(option("--megabytes") ?? "") ?? 200
    let h = hugeRemark(megabytes: mb, runs: Int(option("--runs") ?? "") ?? 11)
    print("")
    print("Machine: \(Machine.description); load average \(Machine.load).")
    print("Release build, as of \(benchAsOf.iso); \(frameWidth)x\(frameHeight) frame.")
    print("")
    print("| once per run | time | target | |")
    print("|---|---:|---|---|")
    for l in hugeRemarkRows(h) { print(l) }
    exit(0)
}
// `--only import`: the importer's two figures (the five seeds together, a large notice).
if option("--only") == "import" {
    let dir = option("--seeds") ?? "Tests/Fixtures/seeds"
    let names = ["000_112df4394b09fca9.txt", "001_62242f2f62d00f55.txt", "002_a1abf0dc1ca748f1.txt",
                 "003_49da82af0a8ac836.txt", "004_7787839b41b45836.txt"]
    let paths: [String] = names.map { (n: String) -> String in dir + "/" + n }.filter { (p: String) -> Bool in access(p, R_OK) == 0 }
    var seedRuns: [Double] = [], seedTasks = 0
    if paths.count == 5 { for _ in 0..<11 { if let (t, k) = importSeeds(paths) { seedRuns.append(t); seedTasks = k } } }
    let mb = Int(option("--megabytes") ?? "") ?? 10
    var bigRuns: [Double] = [], info = (bytes: 0, tasks: 0)
    for _ in 0..<3 { if let (t, b, k) = importLargeNotice(megabytes: mb) { bigRuns.append(t); info = (b, k) } }
    print("")
    print("Machine: \(Machine.description); load average \(Machine.load).")
    print("")
    print("| once per run | time | target | |")
    print("|---|---:|---|---|")
    print("| import of the five seed notices (\(seedTasks) tasks, median of \(seedRuns.count)) | \(seedRuns.isEmpty ? "n/a (no seeds in \(dir))" : seconds(median(seedRuns))) | < 50 ms | \(seedRuns.isEmpty ? "" : median(seedRuns) < 0.050 ? "met" : "MISSED") |")
    print("| import of a generated notice of \(info.bytes / 1_000_000) MB (\(info.tasks) tasks, median of \(bigRuns.count)) | \(bigRuns.isEmpty ? "n/a" : seconds(median(bigRuns))) | < 2 s | \(bigRuns.isEmpty ? "" : median(bigRuns) < 2 ? "met" : "MISSED") |")
    exit(0)
}
// `--only docx [--megabytes N]`: only the Word import of issue 11.
if option("--only") == "docx" {
    let d = docxImport(megabytes: Double(option("--megabytes") ?? "") ?? 10, runs: Int(option("--runs") ?? "") ?? 5)
    print("")
    print("Machine: \(Machine.description); load average \(Machine.load).")
    print("")
    print("| once per run | time | target | |")
    print("|---|---:|---|---|")
    for l in docxRows(d) { print(l) }
    exit(0)
}
// `--only sheets [--tasks 100000]`: issue 14's spreadsheet figures.
if option("--only") == "sheets" {
    let dir = option("--keep") ?? "/tmp/duban-bench-sheets-\(getpid())"
    mkdir(dir, 0o755)
    let f = sheetsBench(folder: dir, runs: Int(option("--runs") ?? "") ?? 3, exportTasks: Int(option("--tasks") ?? "") ?? 100_000,
                        baselines: !arguments.contains("--no-baselines"))
    print("")
    print("Machine: \(Machine.description); load average \(Machine.load).")
    print("")
    print("| spreadsheets | time | target | |")
    print("|---|---:|---|---|")
    for l in sheetRows(f) { print(l) }
    if option("--keep") == nil { removeFolder(dir) }
    exit(0)
}
// `--only name-order [--names N]`: the pinyin sort key's cost (issue 12).
if option("--only") == "name-order" {
    let n = Int(option("--names") ?? "") ?? 100_000
    print("")
    print("Machine: \(Machine.description); load average \(Machine.load).")
    print("")
    print("| best of \(Int(option("--runs") ?? "") ?? 5) runs | time |")
    print("|---|---:|")
    for l in nameOrderRows(names: n, runs: Int(option("--runs") ?? "") ?? 5) { print(l) }
    exit(0)
}
// `--only notice --megabytes N --out PATH`: only write the generated notice (to profile
// the importer on it).
if option("--only") == "notice", let out = option("--out") {
    let text = generatedNotice(megabytes: Int(option("--megabytes") ?? "") ?? 50)
    guard let f = fopen(out, "w") else { fputs("cannot write \(out)\n", stderr); exit(1) }
    fputs(text, f)
    fclose(f)
    exit(0)
}
// `--only whole [--plan PATH | --tasks N] [--whole-runs N] [--notice-mb N]`: only the
// whole-process figures of issue 16, on a given plan or one generated here.
if option("--only") == "whole" {
    var dir = Array("/tmp/duban-bench-XXXXXX".utf8CString)
    guard let p = mkdtemp(&dir) else { fputs("cannot make a temporary folder\n", stderr); exit(1) }
    let folder = String(cString: p)
    var plan = option("--plan") ?? ""
    var tasks = 0
    if plan.isEmpty {
        tasks = Int(option("--tasks") ?? "") ?? 100_000
        plan = "\(folder)/plan-\(tasks).json"
        fputs("generating \(tasks) tasks ...\n", stderr)
        do { try PlanFile.write(PlanJSON.encode(PlanGenerator(tasks: tasks, seed: 1).generate()), to: plan) } catch {
            fputs("\(error)\n", stderr); exit(1)
        }
    } else {
        do { tasks = try PlanFile.load(path: plan).tasks.count } catch { fputs("\(error)\n", stderr); exit(1) }
    }
    var st = stat()
    stat(plan, &st)
    let load0 = Machine.load
    let w = wholeProcesses(plan: plan, bytes: Int(st.st_size), tasks: tasks,
                           runs: Int(option("--whole-runs") ?? "") ?? 3, folder: folder,
                           noticeMB: Int(option("--notice-mb") ?? "") ?? 50)
    print("")
    print("Machine: \(Machine.description); load average \(load0) at start, \(Machine.load) at end.")
    print("Release build, as of \(benchAsOf.iso); whole processes, medians.")
    print("")
    for l in wholeRows(w) { print(l) }
    if option("--plan") == nil { unlink(plan) }
    rmdir(folder)
    exit(0)
}
let sizes = (option("--sizes") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
let bigRuns = Int(option("--runs") ?? "") ?? 3
let presses = Int(option("--presses") ?? "") ?? 200
let seedsDir = option("--seeds") ?? "../shared/seeds"
let baselines = !arguments.contains("--no-baselines")
let wholeRuns = Int(option("--whole-runs") ?? "") ?? 3
let noticeMB = Int(option("--notice-mb") ?? "") ?? 50
let candidates = !arguments.contains("--no-candidates")

func note(_ s: String) { fputs(s + "\n", stderr) }

// MARK: files

var template = Array((option("--keep") ?? "/tmp/duban-bench-XXXXXX").utf8CString)
let folder: String
if option("--keep") != nil {
    folder = option("--keep")!
    mkdir(folder, 0o755)
} else {
    guard let p = mkdtemp(&template) else { note("cannot make a temporary folder"); exit(1) }
    folder = String(cString: p)
}

let loadAtStart = Machine.load
note("duban-bench: \(Machine.description); load \(loadAtStart); plans in \(folder)")

struct SizeResult {
    var tasks: Int
    var bytes = 0
    var generate = 0.0
    var open = OpenTimes()
    var keys = KeyTimes()
    var save = 0.0
    var encode = 0.0
    var report = 0.0
}

var results: [SizeResult] = []
var bigPath = ""
for n in sizes {
    var r = SizeResult(tasks: n)
    let path = "\(folder)/plan-\(n).json"
    note("generating \(n) tasks ...")
    var bytes: [UInt8] = []
    r.generate = timed { bytes = PlanJSON.encode(PlanGenerator(tasks: n, seed: 1).generate()) }
    r.bytes = bytes.count
    do { try PlanFile.write(bytes, to: path) } catch { note("\(error)"); exit(1) }
    bytes = []
    bigPath = path

    let runs = n >= 100_000 ? bigRuns : n >= 10_000 ? 7 : 21
    note("opening \(n) tasks \(runs)x ...")
    var opens: [OpenTimes] = []
    var opened: Opened? = nil
    for _ in 0..<runs {
        opened = nil  // free the previous copy first, as a fresh process would have it
        do {
            let (t, o) = try openPlan(path: path)
            opens.append(t)
            opened = o
        } catch { note("\(error)"); exit(1) }
    }
    r.open = OpenTimes(read: median(opens.map(\.read)), parse: median(opens.map(\.parse)),
                       index: median(opens.map(\.index)), frame: median(opens.map(\.frame)))
    let totals = opens.map(\.total)
    r.open.frame += median(totals) - r.open.total  // keep the parts summing to the median total
    guard let o = opened else { exit(1) }

    note("keystrokes on \(n) tasks ...")
    r.keys = keystrokes(o, presses: presses)

    note("save and report on \(n) tasks ...")
    let s = store(of: o)
    let saveRuns = n >= 100_000 ? 3 : 7
    var saves: [Double] = [], encodes: [Double] = [], reports: [Double] = []
    for _ in 0..<saveRuns {
        encodes.append(timed { _ = PlanJSON.encode(s.plan) })
        saves.append(timed { _ = try? PlanFile.save(s.plan, to: "\(folder)/saved-\(n).json") })
        reports.append(timed { _ = Reports(s).render(by: .unit, overdue: false, format: .table) })
    }
    r.save = median(saves); r.encode = median(encodes); r.report = median(reports)
    results.append(r)
}

// MARK: import, demo, memory

let seedFiles = (0..<5).compactMap { i -> String? in
    let names = ["000_112df4394b09fca9.txt", "001_62242f2f62d00f55.txt", "002_a1abf0dc1ca748f1.txt",
                 "003_49da82af0a8ac836.txt", "004_7787839b41b45836.txt"]
    let p = "\(seedsDir)/\(names[i])"
    return access(p, R_OK) == 0 ? p : nil
}
note("importing the seed notices ...")
var imports: [Double] = []
var importedTasks = 0
if seedFiles.count == 5 {
    for _ in 0..<5 {
        if let (t, k) = importSeeds(seedFiles) { imports.append(t); importedTasks = k }
    }
}
note("importing a 10 MB notice ...")
var largeImports: [Double] = []
var largeInfo: (bytes: Int, tasks: Int) = (0, 0)
for _ in 0..<3 {
    if let (t, b, k) = importLargeNotice(megabytes: 10) { largeImports.append(t); largeInfo = (b, k) }
}
note("opening the demo ...")
var demos: [OpenTimes] = []
for _ in 0..<11 { if let t = openDemo() { demos.append(t) } }

note("a task with a 200 MB remark: select and redraw ...")
let hugeField = hugeRemark(megabytes: 200, runs: 11)

note("a 10 MB Word file: import ...")
let docxTimes = docxImport(megabytes: 10, runs: 5)

note("peak memory: a child opens the \(sizes.last ?? 0)-task plan ...")
let selfPath = String(cString: realpath(CommandLine.arguments[0], nil) ?? strdup(CommandLine.arguments[0]))
let peakFile = "\(folder)/peak.txt"
let child = spawn([selfPath, "--child-open", bigPath, "--report", peakFile])
let childPeak = Int(Machine.text(peakFile).split(separator: "\n").first ?? "") ?? 0
unlink(peakFile)

// MARK: baselines and whole processes

let big0 = results.last

var jqRuns: [Double] = [], pyRuns: [Double] = []
var jqPeak = 0, pyPeak = 0
var whole: WholeResults? = nil
if baselines {
    // Issue 16: the whole processes on the largest plan, jq and python among them.
    let w = wholeProcesses(plan: bigPath, bytes: big0?.bytes ?? 0, tasks: big0?.tasks ?? 0,
                           runs: wholeRuns, folder: folder, noticeMB: noticeMB)
    jqRuns = w.jq.times; jqPeak = w.jq.peak
    pyRuns = w.python.times; pyPeak = w.python.peak
    whole = w
}
var serialization: Double? = nil, decoder: Double? = nil
#if canImport(Foundation)
if candidates {
    note("candidates on \(bigPath): Foundation JSONSerialization, JSONDecoder (once each) ...")
    serialization = Candidates.jsonSerialization(path: bigPath)
    decoder = Candidates.jsonDecoder(path: bigPath)
}
#endif

// MARK: the table

func verdict(_ ok: Bool?) -> String { ok.map { $0 ? "met" : "MISSED" } ?? "" }
var table: [[String]] = []
func row(_ name: String, _ values: [String], target: String = "", _ ok: Bool? = nil) {
    table.append([name] + values + [target, verdict(ok)])
}
let big = results.last
let cols = results.map { r -> String in r.tasks >= 1000 && r.tasks % 1000 == 0 ? "\(r.tasks / 1000)k tasks" : "\(r.tasks) tasks" }
func each(_ f: (SizeResult) -> String) -> [String] { results.map(f) }

row("file size", each { megabytes($0.bytes) })
row("generate + encode (not a target)", each { seconds($0.generate) })
row("open: read", each { seconds($0.open.read) })
row("open: parse", each { seconds($0.open.parse) })
row("open: indexes + counts + workload", each { seconds($0.open.index) })
row("open: first frame \(frameWidth)x\(frameHeight)", each { haveFrame ? seconds($0.open.frame) : "TODO: no DubanTUI" })
let jq = median(jqRuns), py = median(pyRuns)
let openBig = big?.open.total ?? .nan
row("open to first frame (total)", each { seconds($0.open.total) },
    target: "≤ jq/5 (aim jq/10)", jqRuns.isEmpty || !haveFrame ? nil : openBig * 5 <= jq)
row("open per 1k tasks (linear growth)", each { seconds($0.open.total / Double($0.tasks) * 1000) },
    target: "not rising with size", results.count >= 2 ? (results.last!.open.total / Double(results.last!.tasks))
        <= 1.25 * (results[results.count - 2].open.total / Double(results[results.count - 2].tasks)) : nil)
row("key: move selection (median)", each { haveFrame ? seconds(median($0.keys.move)) : "n/a" },
    target: "< 2 ms", haveFrame ? (big.map { median($0.keys.move) < 0.002 }) : nil)
row("key: search, first character (full scan)", each { seconds(median($0.keys.searchFirst)) })
row("key: search, one more character (within:)", each { seconds(median($0.keys.searchNext)) },
    target: "< 20 ms", big.map { median($0.keys.searchNext) < 0.020 })
row("key: status change + all counts (median)", each { seconds(median($0.keys.status)) },
    target: "< 5 ms", big.map { median($0.keys.status) < 0.005 })
row("save (encode + atomic write + fsync)", each { seconds($0.save) }, target: "< 0.5 s", big.map { $0.save < 0.5 })
row("  of which encode", each { seconds($0.encode) })
row("report by unit (table)", each { seconds($0.report) })
let peak = child?.ok == true ? childPeak : 0
row("peak memory, open of the largest plan (child)", results.map { $0.tasks == big?.tasks ? megabytes(peak) : "" },
    target: "< 2.5 × file", big.map { peak > 0 && Double(peak) < 2.5 * Double($0.bytes) })
if let b = big, peak > 0 {
    row("  peak / file size", results.map { $0.tasks == b.tasks ? fixed(Double(peak) / Double(b.bytes), 2) + "×" : "" })
}
var lines: [String] = []
lines.append("| figure | " + cols.joined(separator: " | ") + " | target | |")
lines.append("|---|" + cols.map { _ in "---:" }.joined(separator: "|") + "|---|---|")
for r in table { lines.append("| " + r.joined(separator: " | ") + " |") }

lines.append("")
lines.append("| once per run | time | target | |")
lines.append("|---|---:|---|---|")
let imp = median(imports)
lines.append("| import of the five seed notices (\(importedTasks) tasks) | \(imports.isEmpty ? "n/a (no DubanImport or seeds)" : seconds(imp)) | < 50 ms | \(verdict(imports.isEmpty ? nil : imp < 0.050)) |")
let largeImp = median(largeImports)
lines.append("| import of a generated notice of \(largeInfo.bytes / 1_000_000) MB (\(largeInfo.tasks) tasks, median of \(largeImports.count)) | \(largeImports.isEmpty ? "n/a (no DubanImport)" : seconds(largeImp)) | < 2 s | \(verdict(largeImports.isEmpty ? nil : largeImp < 2)) |")
let demo = median(demos.map(\.total))
lines.append("| demo (import built-in notice + open) to first frame | \(demos.isEmpty ? "n/a" : seconds(demo)) | < 50 ms | \(verdict(demos.isEmpty || !haveFrame ? nil : demo < 0.050)) |")
lines += hugeRemarkRows(hugeField)
lines += docxRows(docxTimes)
if let b = big {
    let name = "\(b.tasks / 1000)k"
    lines.append("| baseline `jq length` on the \(name) file (median of \(jqRuns.count)) | \(jqRuns.isEmpty ? "n/a" : seconds(jq)) (peak \(megabytes(jqPeak))) | | |")
    lines.append("| baseline python `json.load` on the \(name) file (median of \(pyRuns.count)) | \(pyRuns.isEmpty ? "n/a" : seconds(py)) (peak \(megabytes(pyPeak))) | | |")
    lines.append("| jq / duban open to first frame | \(jqRuns.isEmpty ? "n/a" : fixed(jq / openBig, 1) + "×") | ≥ 5× (aim 10×) | \(verdict(jqRuns.isEmpty || !haveFrame ? nil : jq / openBig >= 5)) |")
    lines.append("| python / duban open to first frame | \(pyRuns.isEmpty ? "n/a" : fixed(py / openBig, 1) + "×") | | |")
    if let t = serialization { lines.append("| candidate: Foundation JSONSerialization parse only (\(name)) | \(seconds(t)) | | |") }
    if let t = decoder { lines.append("| candidate: Foundation JSONDecoder into Codable mirrors (\(name)) | \(seconds(t)) | | |") }
}
print("")
print("Machine: \(Machine.description); load average \(loadAtStart) at start, \(Machine.load) at end.")
print("Release build, as of \(benchAsOf.iso); medians (open: \(bigRuns) runs at 100k, 7 at 10k, 21 at 1k; keys: \(presses) presses each way).")
if !haveFrame { print("TODO: built without DubanTUI, so the first frame is not measured and keystrokes are store-only.") }
print("")
for l in lines { print(l) }
if let w = whole {
    print("")
    for l in wholeRows(w) { print(l) }
}
if let b = big {
    print("")
    print("Search words (hits at \(b.tasks) tasks): " + b.keys.searchHits.joined(separator: ", ")
          + "; task list length when moving: \(b.keys.listLength).")
}

if option("--keep") == nil {
    for r in results {
        unlink("\(folder)/plan-\(r.tasks).json"); unlink("\(folder)/saved-\(r.tasks).json")
        unlink("\(folder)/saved-\(r.tasks).json.bak")
    }
    rmdir(folder)
}
