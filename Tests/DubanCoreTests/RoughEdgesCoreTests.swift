import XCTest
import Foundation
@testable import DubanCore

/// Issue 12, part 2, in the core: percentages half up, names in pinyin order, 已完成
/// means 100%, validate's rule checks, and the one deadline reader.
final class RoughEdgesCoreTests: XCTestCase {
    let asOf = PlanDate(iso: "2020-09-01") ?? PlanDate(dayNumber: 0)

    // MARK: 7. percentages

    func testPercentagesRoundHalfUp() {
        XCTAssertEqual(Percent.of(3, 8), 38)     // 37.5
        XCTAssertEqual(Percent.of(1, 3), 33)     // 33.3
        XCTAssertEqual(Percent.of(2, 3), 67)     // 66.7
        XCTAssertEqual(Percent.of(1, 8), 13)     // 12.5
        XCTAssertEqual(Percent.of(244, 365), 67) // 66.85: 序时进度 on 2020-09-01
        XCTAssertEqual(Percent.of(0, 5), 0)
        XCTAssertEqual(Percent.of(5, 5), 100)
        XCTAssertNil(Percent.of(0, 0), "0 of 0 is no percentage")
        XCTAssertEqual(Percent.rounded(66.5), 67)
        XCTAssertEqual(Percent.rounded(66.49), 66)
        var t = Tally()
        XCTAssertNil(t.percentDoneIfAny)
        t.led = 8; t.done = 3
        XCTAssertEqual(t.percentDone, 38)
        let rules = Rules(asOf: asOf, periodStart: PlanDate(iso: "2020-01-01"))
        let task = PlanTask(id: "x", text: "x", deadline: PlanDate(iso: "2020-12-31"), status: .inProgress, progress: 10)
        XCTAssertEqual(rules.expectedProgress(task), 67)
    }

    // MARK: 6, 8. workload order

    func testWorkloadByNameIsPinyinAndZeroOfZeroSortsLast() {
        func task(_ id: String, _ lead: [String], co: [String] = [], done: Bool = false) -> PlanTask {
            PlanTask(id: id, text: id, leadUnits: lead, coUnits: co, status: done ? .done : .inProgress, progress: done ? 100 : 10)
        }
        let plan = Plan(title: "p", year: 2020, tasks: [
            task("t1", ["东城街道"]), task("t2", ["中国人民银行界首市支行"]), task("t3", ["代桥镇"], co: ["市审计局"]),
            task("t4", ["市财政局"], done: true),
        ])
        let store = PlanStore(plan: plan, rules: Rules(asOf: asOf))
        // By code point 东 < 中 < 代 < 市; by pinyin 代 dài, 东 dōng, 市 shì, 中 zhōng.
        XCTAssertEqual(store.unitWorkload(sortedBy: .name).map(\.name), ["代桥镇", "东城街道", "市财政局", "市审计局", "中国人民银行界首市支行"])
        XCTAssertEqual(store.unitWorkload(sortedBy: .led).map(\.name), ["代桥镇", "东城街道", "市财政局", "中国人民银行界首市支行", "市审计局"])
        let byRate = store.unitWorkload(sortedBy: .percentDone).map(\.name)
        XCTAssertEqual(byRate.first, "市财政局")
        XCTAssertEqual(byRate.last, "市审计局", "a unit leading nothing has no rate and does not rank worst")
        let table = Reports(store).table(by: .unit)
        let audit = table.rows.first { $0.first == "市审计局" }
        XCTAssertEqual(audit?.last, "—")
        XCTAssertTrue(Reports(store).json(by: .unit).contains("\"percentDone\": null"))
    }

    func testNameOrderAgreesWithICUCollationAndCoversEveryIdeograph() {
        XCTAssertEqual(Set(NameOrder.ranks).count, 0x9FFF - 0x4E00 + 1, "every ideograph has its own place")
        // The committed table against this machine's ICU Chinese collation, on names.
        let names = ["东城街道", "中国人民银行界首市支行", "代桥镇", "市财政局", "市发展改革委", "阜阳市", "安徽", "长沙", "乐山",
                     "银行", "市自然资源和规划局", "市住房和城乡建设局", "砀山县", "亳州市", "蚌埠市", "颍上县"]
        let icu = names.sorted { $0.compare($1, locale: Locale(identifier: "zh_CN")) == .orderedAscending }
        XCTAssertEqual(NameOrder.sorted(names), icu)
        // Digits and Latin letters before Chinese, as spreadsheets sort (ICU's zh puts Han first).
        XCTAssertEqual(NameOrder.sorted(["安徽", "A区", "1号楼"]), ["1号楼", "A区", "安徽"])
        XCTAssertEqual(NameOrder.sorted(["张三", "李四", "王五", "赵六"]), ["李四", "王五", "张三", "赵六"])
    }

    // MARK: 5. 已完成 means 100%

    func testStatusAndProgressFollowEachOther() throws {
        let t = PlanTask(id: "t", text: "x", status: .inProgress, progress: 50,
                         history: [HistoryEntry(date: asOf, status: .inProgress, progress: 50)])
        func apply(_ t: PlanTask, _ c: EditCommand) throws -> PlanTask {
            try XCTUnwrap(try t.applying(Edit(taskID: "t", command: c, date: asOf)))
        }
        let full = try apply(t, .setProgress(100))
        XCTAssertEqual(full.status, .done)
        XCTAssertEqual(full.history.last?.note, "进度：50% → 100%；状态：推进中 → 已完成")
        let reopened = try apply(full, .setStatus(.inProgress))
        XCTAssertEqual(reopened.progress, 50, "back to the progress before it was done")
        let notStarted = try apply(full, .setStatus(.notStarted))
        XCTAssertEqual(notStarted.progress, 0, "never 未启动 100%")
        let done = try apply(t, .setStatus(.done))
        XCTAssertEqual(done.progress, 100)
        XCTAssertEqual(try apply(done, .setProgress(80)).status, .inProgress)
        XCTAssertEqual(try apply(PlanTask(id: "t", text: "x"), .setProgress(30)).status, .inProgress)
        XCTAssertEqual(try apply(t, .setProgress(70)).status, .inProgress)
    }

    // MARK: 4, 5. validate's checks

    func testChecksFlagHistoryOutOfOrderAndContradictions() {
        let h = [HistoryEntry(date: PlanDate(iso: "2020-04-17") ?? asOf, status: .inProgress, progress: 40),
                 HistoryEntry(date: PlanDate(iso: "2020-03-28") ?? asOf, status: .inProgress, progress: 20)]
        let plan = Plan(title: "p", tasks: [
            PlanTask(id: "a", text: "a", status: .inProgress, progress: 40, history: h),
            PlanTask(id: "b", text: "b", status: .inProgress, progress: 100),
            PlanTask(id: "c", text: "c", status: .done, progress: 60),
            PlanTask(id: "d", text: "d", status: .notStarted, progress: 10),
            PlanTask(id: "e", text: "e", status: .done, progress: 100),
        ])
        let checks = PlanChecks.check(plan, file: "p.json")
        XCTAssertEqual(checks.map { $0.message(Strings(.en)) }, [
            "p.json: tasks[0].history[1].date: history date 2020-03-28 is before the previous entry's 2020-04-17: history is kept oldest first",
            "p.json: tasks[1].progress: progress is 100% but the status is not done",
            "p.json: tasks[2].status: status is done but progress is 60%: done means 100%",
            "p.json: tasks[3].status: status is not started but progress is 10%: not started means 0%",
        ])
        XCTAssertEqual(checks[2].message(Strings(.zh)), "p.json: tasks[2].status: 状态为已完成，进度却是60%：已完成即100%")
    }

    // MARK: 16. one deadline reader

    func testDeadlineTextReadsWhatTheImporterReads() {
        let cases: [(String, String?)] = [
            ("2020-06-30", "2020-06-30"), ("2020.6.30", "2020-06-30"), ("2020/6/30", "2020-06-30"),
            ("２０２０．６．３０", "2020-06-30"), ("10月15日", "2020-10-15"), ("6月底", "2020-06-30"),
            ("6月底前", "2020-06-30"), ("十月底", "2020-10-31"), ("年底", "2020-12-31"), ("年底前", "2020-12-31"),
            ("上半年", "2020-06-30"), ("一季度", "2020-03-31"), ("第三季度", "2020-09-30"),
            ("2021年3月31日前", "2021-03-31"), ("2023年底", "2023-12-31"), ("9月30号", "2020-09-30"),
            ("2020-13-01", nil), ("下个月吧", nil), ("-3", nil), ("", nil),
        ]
        for (text, want) in cases {
            XCTAssertEqual(DeadlineText.read(text, year: 2020)?.iso, want, text)
        }
        XCTAssertNil(DeadlineText.read("10月15日", year: nil), "no year, no date")
        XCTAssertEqual(DeadlineText.find(inText: "力争6月底前完成验收", year: 2020)?.iso, "2020-06-30")
        XCTAssertNil(DeadlineText.find(inText: "较上半年增长10%", year: 2020))
    }
}
