#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DubanCore

// Issue 16: whole processes, as a user times them. The built `duban` (the release binary
// beside this one) on the largest plan, each command started, run and waited for:
// the dashboard to its first frame in tmux, `report --by unit --format json`,
// `validate`, `set` (load, edit, durable save), and on the same bytes `jq length`,
// python's `json.load`, a simdjson program that walks every task (compiled in this run
// from bench/simdjson-floor.cpp against libsimdjson-dev: the floor) and `dd conv=fsync`
// (the disk's own flushed write of the file). Medians of N runs; the ratios in one table.

/// One whole-process figure: the times of its runs and the peak memory of one of them.
struct WholeFigure {
    var times: [Double] = []
    /// CPU seconds (user + system) of each run.
    var cpus: [Double] = []
    var peak = 0
    var missing: String? = nil
    var have: Bool { !times.isEmpty }
}

extension WholeFigure {
    var mid: Double { median(times) }
}

struct WholeResults {
    var file = 0
    var tasks = 0
    var floor = WholeFigure(), jq = WholeFigure(), python = WholeFigure()
    var frame = WholeFigure(), report = WholeFigure(), validate = WholeFigure()
    var set = WholeFigure(), dd = WholeFigure()
    var notice = WholeFigure()
    var noticeBytes = 0
    var noticeTasks = 0
}

/// The `duban` binary beside this benchmark (both are products of the same build).
func dubanBinary() -> String? {
    // `--duban PATH`: another build (an earlier commit's, to compare).
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: "--duban"), i + 1 < args.count { return access(args[i + 1], X_OK) == 0 ? args[i + 1] : nil }
    let me = String(cString: realpath(CommandLine.arguments[0], nil) ?? strdup(CommandLine.arguments[0]))
    guard let slash = me.lastIndex(of: "/") else { return nil }
    let p = String(me[..<slash]) + "/duban"
    return access(p, X_OK) == 0 ? p : nil
}

/// bench/simdjson-floor.cpp, found from this source file's place in the repository.
func floorSource() -> String? {
    var p = #filePath
    for _ in 0..<3 { if let s = p.lastIndex(of: "/") { p = String(p[..<s]) } }
    let src = p + "/bench/simdjson-floor.cpp"
    return access(src, R_OK) == 0 ? src : nil
}

/// Compiles the simdjson floor program into `folder`; nil (with why) when g++ or
/// libsimdjson-dev is missing.
func compileFloor(into folder: String) -> (path: String?, why: String?) {
    guard let src = floorSource() else { return (nil, "bench/simdjson-floor.cpp not found") }
    guard access("/usr/include/simdjson.h", R_OK) == 0 else { return (nil, "libsimdjson-dev not installed (scripts/setup.sh bench)") }
    guard onPath("g++") else { return (nil, "no g++") }
    let out = folder + "/simdjson-floor"
    guard spawn(["g++", "-O2", "-std=c++17", "-o", out, src, "-lsimdjson"], quiet: false)?.ok == true else {
        return (nil, "g++ failed")
    }
    return (out, nil)
}

/// Peak resident memory of a command run to its end: through a small python wrapper that
/// reads RUSAGE_CHILDREN (wait4's own figure would be this process's: see main.swift).
func peakOf(_ argv: [String], folder: String) -> Int? {
    let wrapper = """
    import resource, subprocess, sys
    r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, r.returncode)
    """
    let out = "\(folder)/peak-wrapper.txt"
    let cmd = ["python3", "-c", wrapper] + argv
    let quoted = cmd.map(shellQuote).joined(separator: " ")
    guard spawn(["sh", "-c", quoted + " > '\(out)'"], quiet: false)?.ok == true else { return nil }
    let f = Machine.text(out).split(whereSeparator: { $0 == " " || $0 == "\n" })
    unlink(out)
    guard f.count >= 2, f[1] == "0", let m = Int(f[0]) else { return nil }
    return m
}

func shellQuote(_ s: String) -> String { "'" + s.replacingAll("'", with: "'\\''") + "'" }

/// Runs a command `runs` times (standard output to /dev/null), timing each whole process.
func timeRuns(_ argv: [String], runs: Int, quietErrors: Bool = true) -> WholeFigure {
    var f = WholeFigure()
    for _ in 0..<runs {
        guard let r = spawn(argv, quiet: true, quietErrors: quietErrors) else { f.missing = "cannot start \(argv[0])"; return f }
        guard r.ok else { f.missing = "\(argv[0]) exited \(r.status)"; return f }
        f.times.append(r.seconds)
        f.cpus.append(r.cpu)
    }
    return f
}

/// The dashboard in tmux (a private socket, 200x60): from `new-session` to the first
/// capture of the pane whose title line shows the plan's task count, polled every 15 ms
/// (each poll is a tmux client process: polled every 2 ms, the poller took most of a
/// core from duban on two). CPU: utime + stime of the pane's process at that moment.
/// Then the peak memory of the dashboard (VmHWM of the pane's process), and `q`.
func dashboardFirstFrame(duban: String, plan: String, tasks: Int, runs: Int, folder: String) -> WholeFigure {
    var f = WholeFigure()
    guard onPath("tmux") else { f.missing = "tmux not installed"; return f }
    let socket = "duban-bench-\(getpid())"
    func tmux(_ args: [String]) -> (out: String, ok: Bool) {
        let r = spawnCapture(["tmux", "-L", socket, "-f", "/dev/null"] + args)
        return (r.out, r.status == 0)
    }
    defer {
        _ = tmux(["kill-server"])
        unlink("/tmp/tmux-\(getuid())/\(socket)")
    }
    // The server and a session that holds it, started before the clock, as a user's
    // terminal is there before the command.
    guard spawn(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "hold", "-x", "\(frameWidth)",
                 "-y", "\(frameHeight)", "sleep 100000"], quiet: true)?.ok == true else {
        f.missing = "tmux new-session failed"; return f
    }
    let count = "\(tasks)"
    for k in 0..<runs {
        let session = "open\(k)"
        let cmd = ["exec", "env", "-u", "NO_COLOR", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=screen-256color",
                   "HOME=\(folder)", duban, plan, "--as-of", benchAsOf.iso].map { $0 == "exec" ? $0 : shellQuote($0) }
            .joined(separator: " ")
        let t0 = now()
        guard spawn(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(frameWidth)",
                     "-y", "\(frameHeight)", cmd], quiet: true)?.ok == true else { f.missing = "tmux new-session failed"; return f }
        var seen = false
        while now() - t0 < 120 {
            let screen = tmux(["capture-pane", "-p", "-t", session]).out
            let first = screen.prefix { $0 != "\n" }
            if first.contains(count) && first.contains("督办") { seen = true; break }
            usleep(15_000)
        }
        let t = now() - t0
        guard seen else { f.missing = "no first frame within 120 s"; _ = tmux(["kill-session", "-t", session]); return f }
        f.times.append(t)
        let pid = tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).out.filter { $0.isNumber }
        // Fields 14 and 15 of /proc/PID/stat (after the command name in parentheses): clock ticks.
        let stat = Machine.text("/proc/\(pid)/stat")
        if let close = stat.lastIndex(of: ")") {
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 13, let u = Double(fields[11]), let s = Double(fields[12]) {
                f.cpus.append((u + s) / Double(sysconf(Int32(_SC_CLK_TCK))))
            }
        }
        if let hwm = Machine.field("/proc/\(pid)/status", "VmHWM"), let kb = Int(hwm.split(separator: " ").first ?? "") {
            f.peak = max(f.peak, kb * 1024)
        }
        _ = tmux(["send-keys", "-t", session, "q"])
        let end = now()
        while now() - end < 10, tmux(["has-session", "-t", session]).ok { usleep(10_000) }
        if tmux(["has-session", "-t", session]).ok { _ = tmux(["kill-session", "-t", session]) }
    }
    return f
}

/// A notice of about `megabytes` MB in the numbered-items layout (一、 chapters, 1. items,
/// a 责任单位 line under each), as the big provinces write them.
func generatedNotice(megabytes: Int) -> String {
    let units = ["市发展改革委", "市财政局", "市住房城乡建设局", "市交通运输局", "市生态环境局", "市教育局",
                 "市卫生健康委", "市市场监管局", "市商务局", "市科技局", "市人社局", "市农业农村局"]
    let verbs = ["加快推进", "全面完成", "扎实开展", "持续深化", "统筹推进", "积极实施"]
    let objects = ["城市更新改造项目", "重点交通基础设施建设", "生态环境综合治理", "义务教育优质均衡发展",
                   "公共卫生服务体系建设", "营商环境优化提升"]
    let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    func cn(_ n: Int) -> String { n < 10 ? digits[n] : (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10] }
    var s = "示范省人民政府关于印发2021年重点工作任务分解方案的通知\n示政〔2021〕7号\n\n"
    let target = megabytes * 1_000_000
    var n = 0
    var chapter = 0
    while s.utf8.count < target && chapter < 99 {
        chapter += 1
        s += "\(cn(chapter))、第\(chapter)方面重点工作\n"
        var k = 0
        while k < 999 && s.utf8.count < target * chapter / 99 + 1 {
            k += 1; n += 1
            s += "\(k).\(verbs[n % verbs.count])\(objects[(n / 7) % objects.count])，第\(n)项工作力争取得明显成效，"
                + "确保各项指标达到年度目标要求，形成一批可复制可推广的经验做法，建立健全长效机制，"
                + "加强统筹协调和督促检查，压紧压实工作责任，细化分解目标任务，明确时间节点和推进措施，"
                + "定期调度工作进展，及时协调解决存在问题，确保按期保质完成，6月底前完成阶段性任务。\n"
            s += "责任单位：\(units[n % units.count])、\(units[(n + 5) % units.count])，各县（市、区）政府\n"
        }
    }
    return s
}

/// Every whole-process figure on `plan` (the largest plan of the run).
func wholeProcesses(plan: String, bytes: Int, tasks: Int, runs: Int, folder: String, noticeMB: Int) -> WholeResults {
    var w = WholeResults()
    w.file = bytes; w.tasks = tasks
    guard let duban = dubanBinary() else {
        let why = "no duban binary beside duban-bench (swift build -c release)"
        for kp in [\WholeResults.frame, \.report, \.validate, \.set, \.notice] { w[keyPath: kp].missing = why }
        return w
    }
    let asOf = ["--as-of", benchAsOf.iso]
    // Warm the page cache for everyone alike: every program reads the file once first.
    _ = spawn(["cat", plan], quiet: true)

    let (floorBinary, why) = compileFloor(into: folder)
    if floorBinary == nil { w.floor.missing = why }
    if !onPath("jq") { w.jq.missing = "jq not installed" }
    let py = ["python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", plan]
    let report = [duban, "report", plan, "--by", "unit", "--format", "json"] + asOf
    let validate = [duban, "validate", plan]
    let copy = "\(folder)/set-plan.json"
    if spawn(["cp", plan, copy], quiet: true)?.ok != true { w.set.missing = "cannot copy the plan" }
    func add(_ f: inout WholeFigure, _ r: WholeFigure) {
        if let m = r.missing { f.missing = m; return }
        f.times += r.times; f.cpus += r.cpus
        if r.peak > f.peak { f.peak = r.peak }
    }
    // Round by round, every program once a round (issue 16): the machine's speed drifts
    // by tens of percent within minutes here, and a figure taken minutes after its
    // baseline compared the drift, not the programs.
    for k in 0..<runs {
        note("whole processes: round \(k + 1) of \(runs) (floor, jq, python, report, validate, set and dd, the dashboard) ...")
        if let fb = floorBinary { add(&w.floor, timeRuns([fb, plan], runs: 1)) }
        if w.jq.missing == nil { add(&w.jq, timeRuns(["jq", "length", plan], runs: 1)) }
        add(&w.python, timeRuns(py, runs: 1))
        add(&w.report, timeRuns(report, runs: 1))
        add(&w.validate, timeRuns(validate, runs: 1))
        if w.set.missing == nil {
            // Each run a real change: t1 turns done, then back in progress.
            let status = k % 2 == 0 ? "done" : "inProgress"
            add(&w.set, timeRuns([duban, "set", copy, "t1", "--status", status] + asOf, runs: 1))
            add(&w.dd, timeRuns(["dd", "if=\(copy)", "of=\(folder)/dd-copy.json", "bs=8M", "conv=fsync", "status=none"], runs: 1))
        }
        add(&w.frame, dashboardFirstFrame(duban: duban, plan: plan, tasks: tasks, runs: 1, folder: folder))
    }
    unlink(copy); unlink(copy + ".bak"); unlink(copy + ".lock"); unlink("\(folder)/dd-copy.json")
    note("whole processes: peak memory ...")
    if let fb = floorBinary { w.floor.peak = peakOf([fb, plan], folder: folder) ?? 0 }
    if w.jq.missing == nil { w.jq.peak = peakOf(["jq", "length", plan], folder: folder) ?? 0 }
    w.python.peak = peakOf(py, folder: folder) ?? 0
    w.report.peak = peakOf(report, folder: folder) ?? 0
    w.validate.peak = peakOf(validate, folder: folder) ?? 0

    if noticeMB > 0 {
        note("whole processes: import of a \(noticeMB) MB notice ...")
        let text = generatedNotice(megabytes: noticeMB)
        let path = "\(folder)/notice-\(noticeMB)mb.txt"
        if let f = fopen(path, "w") { fputs(text, f); fclose(f) }
        w.noticeBytes = text.utf8.count
        let out = "\(folder)/notice-plan.json"
        let imp = [duban, "import", path, "-o", out, "--no-user-aliases"]
        w.notice = timeRuns(imp, runs: max(1, min(runs, 3)))
        w.notice.peak = peakOf(imp, folder: folder) ?? 0
        if let p = try? PlanFile.load(path: out) { w.noticeTasks = p.tasks.count }
        unlink(path); unlink(out)
    }
    return w
}

/// The table of issue 16: every figure with its ratio and the target.
func wholeRows(_ w: WholeResults) -> [String] {
    func cell(_ f: WholeFigure) -> String {
        guard f.have else { return "n/a (\(f.missing ?? "not run"))" }
        return seconds(f.mid) + (f.cpus.isEmpty ? "" : " (CPU \(seconds(median(f.cpus))))")
    }
    func peak(_ f: WholeFigure) -> String { f.peak > 0 ? "\(megabytes(f.peak)) (\(fixed(Double(f.peak) / Double(max(1, w.file)), 2))× file)" : "" }
    func ratio(_ a: WholeFigure, _ b: WholeFigure) -> Double? { a.have && b.have ? a.mid / b.mid : nil }
    func v(_ ok: Bool?) -> String { ok.map { $0 ? "met" : "MISSED" } ?? "" }
    func x(_ r: Double?) -> String { r.map { fixed($0, 2) + "×" } ?? "n/a" }
    func c(_ a: WholeFigure, _ b: WholeFigure) -> String {
        a.cpus.isEmpty || b.cpus.isEmpty ? "" : " (CPU " + fixed(median(a.cpus) / median(b.cpus), 2) + "×)"
    }
    var rows = [
        "| whole process (\(w.tasks / 1000)k tasks, \(megabytes(w.file)), median of \(max(w.frame.times.count, w.report.times.count))) | time (CPU) | peak memory | ratio (CPU ratio) | target | |",
        "|---|---:|---:|---:|---|---|",
        "| simdjson floor: parse, walk every task (C++, -O2) | \(cell(w.floor)) | \(peak(w.floor)) | 1× | | |",
        "| `jq length` | \(cell(w.jq)) | \(peak(w.jq)) | \(x(ratio(w.jq, w.floor))) floor\(c(w.jq, w.floor)) | | |",
        "| python `json.load` | \(cell(w.python)) | \(peak(w.python)) | \(x(ratio(w.python, w.floor))) floor\(c(w.python, w.floor)) | | |",
    ]
    let frameFloor = ratio(w.frame, w.floor), jqFrame = ratio(w.jq, w.frame), jqReport = ratio(w.jq, w.report)
    rows.append("| `duban PLAN`: first frame in tmux 200x60 | \(cell(w.frame)) | \(peak(w.frame)) | \(x(frameFloor)) floor\(c(w.frame, w.floor)) | ≤ 1.5× floor | \(v(frameFloor.map { $0 <= 1.5 })) |")
    rows.append("|   jq / first frame | | | \(x(jqFrame)) faster\(c(w.jq, w.frame)) | ≥ 8× faster | \(v(jqFrame.map { $0 >= 8 })) |")
    rows.append("|   peak memory of the open / file | | | \(w.frame.peak > 0 ? fixed(Double(w.frame.peak) / Double(max(1, w.file)), 2) + "×" : "n/a") | ≤ 2× | \(v(w.frame.peak > 0 ? Double(w.frame.peak) <= 2 * Double(w.file) : nil)) |")
    rows.append("| `duban report --by unit --format json` | \(cell(w.report)) | \(peak(w.report)) | \(x(jqReport)) faster than jq\(c(w.jq, w.report)) | ≥ 8× faster | \(v(jqReport.map { $0 >= 8 })) |")
    rows.append("| `duban validate` | \(cell(w.validate)) | \(peak(w.validate)) | \(x(ratio(w.validate, w.floor))) floor\(c(w.validate, w.floor)) | | |")
    rows.append("| `dd bs=8M conv=fsync` of the file | \(cell(w.dd)) | | | | |")
    var setRatio: Double? = nil
    if w.set.have && w.dd.have && w.validate.have { setRatio = w.set.mid / (w.dd.mid + w.validate.mid) }
    rows.append("| `duban set` (load, edit, durable save) | \(cell(w.set)) | | \(x(setRatio)) (dd + validate) | ≤ 1.3× | \(v(setRatio.map { $0 <= 1.3 })) |")
    if w.noticeBytes > 0 {
        let mem = w.notice.peak > 0 ? Double(w.notice.peak) / Double(w.noticeBytes) : nil
        rows.append("| `duban import` of a \(fixed(Double(w.noticeBytes) / 1e6, 1)) MB notice (\(fixed(Double(w.noticeBytes) / 1_048_576, 1)) MiB, \(w.noticeTasks) tasks) | \(cell(w.notice)) | \(w.notice.peak > 0 ? megabytes(w.notice.peak) + " (" + fixed(mem!, 2) + "× notice)" : "") | | < 5 s, < 10× notice | \(v(w.notice.have ? w.notice.mid < 5 && (mem ?? 0) < 10 : nil)) |")
    }
    return rows
}
