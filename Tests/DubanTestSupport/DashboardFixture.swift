import XCTest
import DubanCore
import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// DubanTUITests' `Fixture`: a small plan with what the dashboard must get right: a nested outline, Chinese
/// everywhere, overdue, due-soon and done tasks, long unit names, a control character
/// and an escape sequence in the data.
public enum DashboardFixture {
    public static let asOf = PlanDate(year: 2020, month: 9, day: 1) ?? PlanDate(dayNumber: 18506)

    public static func plan() -> Plan {
        func d(_ s: String) -> PlanDate? { PlanDate(iso: s) }
        let chapters = [
            Chapter(id: "c1", label: "一", title: "扎实做好“六稳”工作"),
            Chapter(id: "c1.1", label: "(一)", title: "稳就业保民生", parent: "c1"),
            Chapter(id: "c1.2", label: "(二)", title: "扩大有效投资", parent: "c1"),
            Chapter(id: "c2", label: "二", title: "生态环境保护"),
            Chapter(id: "c3", label: "三", title: "Digital government"),
        ]
        let tasks = [
            PlanTask(id: "t1", number: "1", chapter: "c1.1", text: "全年城镇新增就业1.2万人，城镇登记失业率控制在4%以内。",
                     leaders: ["张伟"], leadUnits: ["市人力资源和社会保障局"], coUnits: ["各县(市)区政府"],
                     deadline: d("2020-06-30"), status: .inProgress, progress: 40,
                     history: [HistoryEntry(date: d("2020-05-01") ?? asOf, status: .inProgress, progress: 40, note: "已完成年度目标的40%")]),
            PlanTask(id: "t2", number: "2", chapter: "c1.1", text: "做好高校毕业生、退役军人、农民工等重点群体就业工作。",
                     leaders: ["张伟"], leadUnits: ["市人力资源和社会保障局"], coUnits: ["市教育局", "市退役军人事务局"],
                     deadline: d("2020-12-31"), deadlineAssumed: true, status: .inProgress, progress: 70),
            PlanTask(id: "t3", number: "3", chapter: "c1.2", text: "实施重点项目400个以上，完成投资500亿元。",
                     leaders: ["李娜"], leadUnits: ["市发展和改革委员会"], coUnits: ["市财政局"],
                     deadline: d("2020-09-05"), status: .notStarted, progress: 0),
            PlanTask(id: "t4", number: "4", chapter: "c1.2", text: "推进老旧小区改造，开工改造小区120个。",
                     leaders: ["李娜"], leadUnits: ["市住房和城乡建设局"], deadline: d("2020-08-31"),
                     status: .done, progress: 100),
            PlanTask(id: "t5", number: "5", chapter: "c2", text: "打好蓝天保卫战，PM2.5平均浓度下降5%。",
                     leaders: ["王芳"], leadUnits: ["市生态环境局"], coUnits: ["市公安局", "市交通运输局(市港航局)"],
                     deadline: d("2020-07-31"), status: .lagging, progress: 20, remarks: "二季度未报送进展"),
            PlanTask(id: "t6", number: "6", chapter: "c2", text: "河长制\u{1B}[31m 注入\u{07}测试：全面落实河长制、湖长制。",
                     leaders: ["王芳"], leadUnits: ["市水务局"], deadline: d("2020-11-30"), status: .inProgress, progress: 10),
            PlanTask(id: "t7", number: "7", chapter: "c3", text: "Build the one-stop online service portal (一网通办).",
                     leaders: ["Chen Jie"], leadUnits: ["市数据资源管理局"], deadline: d("2020-10-31"), status: .inProgress, progress: 60),
        ]
        return Plan(title: "2020年市政府重点工作任务分解", issuer: "示例市人民政府", year: 2020,
                    chapters: chapters, tasks: tasks)
    }

    /// A dashboard on the fixture, in a memory terminal of the given size.
    public static func dashboard(width: Int = 80, height: Int = 24, lang: Lang = .zh, readOnly: Bool = false,
                          savePath: String? = "plan.json",
                          saver: @escaping (Plan, String) throws -> Void = { _, _ in }) -> (Dashboard, MemoryTerminal) {
        CellWidth.setUpLocale()
        let opts = DashboardOptions(asOf: asOf, readOnly: readOnly, lang: lang, theme: "default",
                                    configPath: "/nonexistent-duban-config", savePath: savePath, environment: [:])
        var o = opts
        o.configPath = nil
        let d = Dashboard(plan: plan(), options: o, saver: saver)
        return (d, MemoryTerminal(width: width, height: height))
    }
}

/// Compares text with `Snapshots/<name>.txt` next to this file. With
/// RECORD_SNAPSHOTS=1, or when the file is missing, writes it and fails, so a
/// recording is never mistaken for a pass.
public func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let dir = String(describing: file).split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    let path = dir + "/Snapshots/" + name + ".txt"
    let expected = try? String(contentsOfFile: path, encoding: .utf8)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let body = text.hasSuffix("\n") ? text : text + "\n"
    if record || expected == nil {
        try? body.write(toFile: path, atomically: true, encoding: .utf8)
        XCTFail("recorded snapshot \(name); run again to compare", file: file, line: line)
        return
    }
    if expected != body {
        let e = (expected ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        let a = body.split(separator: "\n", omittingEmptySubsequences: false)
        var diff = ""
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? String(e[i]) : "<none>"
            let r = i < a.count ? String(a[i]) : "<none>"
            if l != r { diff += "line \(i + 1):\n  expected: \(l)\n  actual:   \(r)\n" }
        }
        XCTFail("snapshot \(name) differs (RECORD_SNAPSHOTS=1 to re-record):\n\(diff)", file: file, line: line)
    }
}

extension MemoryTerminal {
    /// The last frame with a border of dots marking the terminal's edges, trailing
    /// spaces kept, so widths are visible in the snapshot file.
    public var framed: String {
        (lastFrame?.lines ?? []).map { "|" + $0 + "|" }.joined(separator: "\n")
    }
}
