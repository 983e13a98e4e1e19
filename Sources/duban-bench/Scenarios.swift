#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DubanCore
import DubanSynthetic
#if canImport(DubanTUI)
import DubanTUI
#endif
#if canImport(DubanImport)
import DubanImport
#endif

let benchAsOf = PlanDate(year: 2020, month: 9, day: 1)!
/// `--child-open PATH --trace`: print resident memory after each part of the open.
nonisolated(unsafe) var traceMemory = false
func trace(_ what: String) {
    if traceMemory { fputs("\(what): VmRSS \(Machine.field("/proc/self/status", "VmRSS") ?? "?"), VmHWM \(Machine.field("/proc/self/status", "VmHWM") ?? "?")\n", stderr) }
}
let frameWidth = 200, frameHeight = 60

#if canImport(DubanTUI)
let haveFrame = true
/// An opened plan: the dashboard, as the real loop holds it.
typealias Opened = Dashboard
func store(of o: Opened) -> PlanStore { o.state.store }
#else
let haveFrame = false
typealias Opened = PlanStore
func store(of o: Opened) -> PlanStore { o }
#endif

/// The parts of one open: read, parse, build the store (every index, count and the
/// workload) and draw the first frame into the in-memory screen.
struct OpenTimes {
    var read = 0.0, parse = 0.0, index = 0.0, frame = 0.0
    var total: Double { read + parse + index + frame }
}

/// Opens a plan file the way `duban PLAN.json` does, timing each part.
func openPlan(path: String) throws -> (OpenTimes, Opened) {
    var t = OpenTimes()
    var plan: Plan
    do {
        // As PlanFile.load: the bytes live only until the plan is decoded.
        var t0 = now()
        let bytes = try PlanFile.read(path: path)
        t.read = now() - t0
        trace("read")
        t0 = now()
        plan = try PlanJSON.decode(bytes, file: path)
        t.parse = now() - t0
        trace("parsed")
    }
    return try openDecoded(plan, times: t)
}

func openDecoded(_ plan: Plan, times: OpenTimes = OpenTimes()) throws -> (OpenTimes, Opened) {
    var t = times
    var t0 = now()
    #if canImport(DubanTUI)
    let dashboard = Dashboard(plan: plan, options: DashboardOptions(asOf: benchAsOf, environment: [:]),
                              saver: { _, _ in })
    t.index = now() - t0
    trace("store and dashboard")
    t0 = now()
    dashboard.state.resize(width: frameWidth, height: frameHeight)
    let canvas = Renderer.render(dashboard.state)
    t.frame = now() - t0
    trace("first frame")
    precondition(canvas.width == frameWidth && canvas.height == frameHeight)
    return (t, dashboard)
    #else
    let s = PlanStore(plan: plan, rules: Rules(asOf: benchAsOf))
    _ = s.unitWorkload(sortedBy: .led)
    t.index = now() - t0
    t.frame = 0  // TODO: no DubanTUI in this build: the first frame is not measured.
    return (t, s)
    #endif
}

/// Medians of keystrokes on an opened plan, each with the frame redrawn after it.
struct KeyTimes {
    var move = [Double](), searchFirst = [Double](), searchNext = [Double](), status = [Double]()
    var listLength = 0
    var searchHits: [String] = []
}

let searchWords = ["市发展改革委", "高新区管委会", "质量强市", "滕敏", "生态环境分局", "基础设施"]

func keystrokes(_ o: Opened, presses: Int) -> KeyTimes {
    var k = KeyTimes()
    #if canImport(DubanTUI)
    let s = o
    func press(_ key: Key) -> Double {
        timed {
            _ = s.handle(.key(key))
            _ = Renderer.render(s.state)
        }
    }
    k.listLength = s.state.taskList.count
    let steps = max(1, min(presses, k.listLength - 1))
    for _ in 0..<steps { k.move.append(press(.down)) }
    for _ in 0..<steps { k.move.append(press(.up)) }
    for word in searchWords {
        _ = press(.char("/"))
        for (i, c) in word.enumerated() {
            let t = press(.char(c))
            if i == 0 { k.searchFirst.append(t) } else { k.searchNext.append(t) }
        }
        k.searchHits.append("\(word):\(s.state.taskList.count)")
        _ = press(.escape)
    }
    let before = s.state.store.revision
    for _ in 0..<presses { k.status.append(press(.char("s"))) }
    precondition(s.state.store.revision == before + presses, "every s changed a status")
    #else
    let st = o
    k.listLength = st.taskCount
    for word in searchWords {
        var previous: [Int]? = nil
        var text = ""
        for (i, c) in word.enumerated() {
            text.append(c)
            var result: [Int] = []
            let t = timed { result = st.query(TaskFilter(text: text), within: previous) }
            previous = result
            if i == 0 { k.searchFirst.append(t) } else { k.searchNext.append(t) }
        }
        k.searchHits.append("\(word):\(previous?.count ?? 0)")
    }
    var r = Xoshiro256(seed: 3)
    for _ in 0..<presses {
        let i = r.below(st.taskCount)
        let t = st.task(at: i)
        k.status.append(timed { _ = try? st.apply(Edit(taskID: t.id, command: .setStatus(t.status.next), date: benchAsOf)) })
    }
    #endif
    return k
}

/// The five seed notices through the importer, once; nil without DubanImport.
func importSeeds(_ paths: [String]) -> (seconds: Double, tasks: Int)? {
    #if canImport(DubanImport)
    var tasks = 0
    let t = timed {
        for p in paths {
            if let r = try? NoticeImporter(options: ImportOptions(useUserAliasFile: false)).importNotice(path: p) {
                tasks += r.plan.tasks.count
            }
        }
    }
    return (t, tasks)
    #else
    return nil
    #endif
}

/// The CPU seconds of the last `importLargeNotice` (its import only, not the notice's generation).
nonisolated(unsafe) var lastLargeNoticeCPU = 0.0

/// A generated notice of about `megabytes` MB (chapters over numbered items, each with a
/// 责任单位 line and a 完成时限 line, some with a bracketed responsibility), imported from memory.
func importLargeNotice(megabytes: Int) -> (seconds: Double, bytes: Int, tasks: Int)? {
    #if canImport(DubanImport)
    let units = ["市发展改革委", "市财政局", "市住房城乡建设局", "市交通运输局", "市生态环境局", "市教育局", "市卫生健康委", "市商务局"]
    var s = "示范市人民政府关于印发2021年重点工作任务分解方案的通知\n示政〔2021〕7号\n\n"
    var n = 0, c = 0
    let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    while s.utf8.count < megabytes * 1_000_000 {
        c += 1
        let cn = c < 10 ? digits[c] : (c / 10 == 1 ? "" : digits[(c / 10) % 10]) + "十" + digits[c % 10]
        s += "\(cn)、第\(c)方面重点工作\n"
        for k in 1...600 {
            n += 1
            s += "\(k).加快推进第\(n)项城市更新改造项目，新建公共停车泊位\(n % 900 + 100)个，确保各项指标达到年度目标要求。\n"
            if k % 3 == 0 {
                s += "（牵头单位：\(units[n % units.count])；责任单位：\(units[(n + 3) % units.count])）\n"
            } else {
                s += "责任单位：\(units[n % units.count])、\(units[(n + 5) % units.count]),各县（市、区）政府\n完成时限：\(n % 12 + 1)月底前\n"
            }
        }
        if c >= 99 { break }
    }
    let bytes = Array(s.utf8)
    var tasks = 0
    let c0 = cpuNow()
    let t = timed {
        if let r = try? NoticeImporter(options: ImportOptions(useUserAliasFile: false)).importNotice(bytes: bytes, source: "large.txt") {
            tasks = r.plan.tasks.count
        }
    }
    lastLargeNoticeCPU = cpuNow() - c0
    return (t, bytes.count, tasks)
    #else
    return nil
    #endif
}

/// The built-in demo to its first frame; nil without DubanImport.
func openDemo() -> OpenTimes? {
    #if canImport(DubanImport)
    let t0 = now()
    let plan = NoticeImporter.demoPlan()
    let importTime = now() - t0
    guard let (t, _) = try? openDecoded(plan, times: OpenTimes(read: 0, parse: importTime)) else { return nil }
    return t
    #else
    return nil
    #endif
}

/// Issue 10: selecting a task whose remark is `megabytes` MB and redrawing, and paging
/// down inside that remark (detail pane focused) and redrawing: medians of `runs`.
/// Each selection starts cold: another task is selected and drawn between two runs,
/// so the detail of the huge task is laid out anew every time.
struct HugeFieldTimes { var select = [Double](), normal = [Double](), page = [Double](), megabytes = 0, tasks = 0 }

func hugeRemark(megabytes: Int, runs: Int) -> HugeFieldTimes? {
    #if canImport(DubanTUI)
    var r = HugeFieldTimes()
    var plan = PlanGenerator(tasks: 1000, seed: 1).generate()
    let piece = "督办进展情况，第一阶段 "
    let target = plan.tasks.count / 2
    plan.tasks[target].remarks = String(repeating: piece, count: megabytes * 1_000_000 / piece.utf8.count)
    r.megabytes = plan.tasks[target].remarks.utf8.count / 1_000_000
    r.tasks = plan.tasks.count
    let dashboard = Dashboard(plan: plan, options: DashboardOptions(asOf: benchAsOf, environment: [:]), saver: { _, _ in })
    plan = Plan(title: "", chapters: [], tasks: [])
    let d = dashboard
    d.state.resize(width: frameWidth, height: frameHeight)
    guard d.state.select(taskIndex: target - 1) else { return nil }
    _ = Renderer.render(d.state)
    for _ in 0..<runs {
        _ = d.state.select(taskIndex: target - 1)
        _ = Renderer.render(d.state)
        r.select.append(timed {
            _ = d.state.select(taskIndex: target)
            _ = Renderer.render(d.state)
        })
        // The same step between two normal tasks, for comparison.
        _ = d.state.select(taskIndex: target - 2)
        _ = Renderer.render(d.state)
        r.normal.append(timed {
            _ = d.state.select(taskIndex: target - 1)
            _ = Renderer.render(d.state)
        })
    }
    _ = d.handle(.key(.tab))  // tasks -> detail
    for _ in 0..<runs {
        r.page.append(timed {
            _ = d.handle(.key(.pageDown))
            _ = Renderer.render(d.state)
        })
    }
    return r
    #else
    return nil
    #endif
}

/// The rows of the huge-field figures, in the "once per run" table's columns.
func hugeRemarkRows(_ h: HugeFieldTimes?) -> [String] {
    guard let h, !h.select.isEmpty else { return ["| select a task with a 200 MB remark and redraw | n/a (no DubanTUI) | < 50 ms | |"] }
    let sel = median(h.select), page = median(h.page)
    func v(_ ok: Bool) -> String { ok ? "met" : "MISSED" }
    return [
        "| select a task with a \(h.megabytes) MB remark and redraw (\(h.tasks) tasks, median of \(h.select.count)) | \(seconds(sel)) | < 50 ms | \(v(sel < 0.050)) |",
        "| the same between two normal tasks (for comparison) | \(seconds(median(h.normal))) | | |",
        "| page down inside that remark and redraw (median of \(h.page.count)) | \(seconds(page)) | < 50 ms | \(v(page < 0.050)) |",
    ]
}
