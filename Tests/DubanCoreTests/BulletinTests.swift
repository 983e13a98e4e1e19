import XCTest
@testable import DubanCore

/// The 通报's content on a hand-made plan, every figure worked out by hand below.
///
/// Year 2020 (periods start 2020-01-01), monthly reports by the 25th; as of 2020-07-31,
/// compared with 2020-06-30 (the end of the period before 2020-07). Leads in brackets:
/// - t1 (甲局) deadline 06-30, in progress 50%, no history: overdue 31 days on 07-31; on
///   06-30 not yet overdue (strictly before) but 100% expected vs 50%: yellow.
/// - t2 (甲局) 12-31, in progress from 05-10, done 07-10 (report 2020-07 by 甲局).
/// - t3 (乙局, co 甲局) 06-20 extended to 07-20: asked 06-10, approved 07-05; 40%, no history.
///   On 06-30 the original 06-20 is in force (overdue); on 07-31 07-20 (overdue 11 days).
/// - t4 (丙局) 07-15, not started: overdue 16 days on 07-31; on 06-30 181/196 days = 92%
///   expected vs 0%: yellow. An extension asked 07-10 refused 07-12: not granted.
/// - t5 (丙局) no deadline, in progress.
/// - t6 (乙局) 12-31, 60% reported 07-20 for 2020-07 by 乙局: on 07-31 212/365 = 58%
///   expected vs 60%: on schedule, green.
/// - t7 (丁局) 12-31 (09-30 extended, approved 03-01: before the window), lagging 10%, no
///   history: red on every day.
/// - t8 (乙局) 05-31, not started: overdue 61 days on 07-31, overdue on 06-30 too; asked
///   07-01 (late) for 08-31, pending.
final class BulletinTests: XCTestCase {
    func d(_ s: String) -> PlanDate { PlanDate(iso: s)! }

    func plan() -> Plan {
        func h(_ day: String, _ s: TaskStatus, _ p: Int, period: String? = nil, author: String? = nil) -> HistoryEntry {
            HistoryEntry(date: d(day), status: s, progress: p, author: author, period: period)
        }
        var t3 = PlanTask(id: "t3", number: "3", text: "完成环城路<改造>&“拓宽”", leadUnits: ["乙局"], coUnits: ["甲局"],
                          deadline: d("2020-07-20"), status: .inProgress, progress: 40)
        t3.originalDeadline = d("2020-06-20")
        t3.extensions = [Extension(requestedOn: d("2020-06-10"), to: d("2020-07-20"), reason: "雨季停工",
                                   decision: .approved, decidedBy: "督查室", decidedOn: d("2020-07-05"))]
        var t4 = PlanTask(id: "t4", number: "4", text: "建成智慧教育平台", leadUnits: ["丙局"],
                          deadline: d("2020-07-15"), status: .notStarted)
        t4.extensions = [Extension(requestedOn: d("2020-07-10"), to: d("2020-09-30"), reason: "资金未到位",
                                   decision: .refused, decidedBy: "督查室", decidedOn: d("2020-07-12"))]
        var t7 = PlanTask(id: "t7", number: "7", text: "建设第二中学新校区", leadUnits: ["丁局"],
                          deadline: d("2020-12-31"), status: .lagging, progress: 10)
        t7.originalDeadline = d("2020-09-30")
        t7.extensions = [Extension(requestedOn: d("2020-02-20"), to: d("2020-12-31"), reason: "规划调整",
                                   decision: .approved, decidedBy: "督查室", decidedOn: d("2020-03-01"))]
        var t8 = PlanTask(id: "t8", number: "8", text: "改造老旧小区20个", leadUnits: ["乙局"],
                          deadline: d("2020-05-31"), status: .notStarted)
        t8.extensions = [Extension(requestedOn: d("2020-07-01"), to: d("2020-08-31"), reason: "逾期后申请")]
        let tasks = [
            PlanTask(id: "t1", number: "1", text: "完成产业园一期招商", leadUnits: ["甲局"],
                     deadline: d("2020-06-30"), status: .inProgress, progress: 50),
            PlanTask(id: "t2", number: "2", text: "出台营商环境十条", leadUnits: ["甲局"],
                     deadline: d("2020-12-31"), status: .done, progress: 100,
                     history: [h("2020-05-10", .inProgress, 50), h("2020-07-10", .done, 100, period: "2020-07", author: "甲局")]),
            t3, t4,
            PlanTask(id: "t5", number: "5", text: "常态化开展安全生产检查", leadUnits: ["丙局"],
                     deadline: nil, deadlineText: "长期", status: .inProgress, progress: 30),
            PlanTask(id: "t6", number: "6", text: "完成河道整治", leadUnits: ["乙局"],
                     deadline: d("2020-12-31"), status: .inProgress, progress: 60,
                     history: [h("2020-07-20", .inProgress, 60, period: "2020-07", author: "乙局")]),
            t7, t8,
        ]
        var p = Plan(title: "测试市2020年重点工作", year: 2020, tasks: tasks)
        p.reporting = ReportingCycle(.monthly(day: 25))
        return p
    }

    func testFiguresWorkedOutByHand() {
        let b = Bulletin(plan: plan(), asOf: d("2020-07-31"))
        let t = b.totals
        // done t2; overdue t1 t3 t4 t8; lagging t7; no deadline t5; on schedule t6; red t1 t3 t4 t7 t8.
        let figures: [(String, Int, Int)] = [
            ("total", t.total, 8), ("done", t.done, 1), ("overdue", t.overdue, 4), ("lagging", t.lagging, 1),
            ("noDeadline", t.noDeadline, 1), ("onSchedule", t.onSchedule, 1), ("red", t.red, 5),
        ]
        for (name, got, want) in figures { XCTAssertEqual(got, want, name) }
        // 1/8 = 12.5%, 4/8 = 50.0%, 1/7 = 14.285… → 14.3%, 2/3 = 66.66… → 66.7%.
        let shares: [(Int, Int, String)] = [(1, 8, "12.5%"), (4, 8, "50.0%"), (1, 7, "14.3%"), (2, 3, "66.7%"), (0, 0, "0.0%")]
        for (n, of, want) in shares { XCTAssertEqual(Bulletin.Totals.share(n, of: of), want, "\(n)/\(of)") }

        // 乙局 t3 t6 t8: overdue 2 (t3 t8), red 2; 甲局 t1 t2: 1, 1, done 1; 丙局 t4 t5: 1, 1;
        // 丁局 t7: 0 overdue, 1 red. 甲局 and 丙局 tie at second: 1, 2 (并列), 2 (并列), 4.
        let ranking: [(Int, Bool, String, Int, Int, Int, Int)] = [
            (1, false, "乙局", 3, 0, 2, 2), (2, true, "甲局", 2, 1, 1, 1), (2, true, "丙局", 2, 0, 1, 1), (4, false, "丁局", 1, 0, 0, 1),
        ]
        XCTAssertEqual(b.ranking.count, ranking.count)
        for (r, w) in zip(b.ranking, ranking) {
            XCTAssertEqual(r.rank, w.0, r.unit); XCTAssertEqual(r.tied, w.1, r.unit); XCTAssertEqual(r.unit, w.2)
            XCTAssertEqual(r.led, w.3, r.unit); XCTAssertEqual(r.done, w.4, r.unit)
            XCTAssertEqual(r.overdue, w.5, r.unit); XCTAssertEqual(r.red, w.6, r.unit)
        }

        // Red units in ranking order, overdue tasks most days first: 乙局 t8 (61 days) t3 (11).
        let red: [(String, [String], [Int])] = [
            ("乙局", ["8", "3"], [61, 11]), ("甲局", ["1"], [31]), ("丙局", ["4"], [16]), ("丁局", ["7"], [0]),
        ]
        XCTAssertEqual(b.redUnits.map(\.unit), red.map(\.0))
        for (u, w) in zip(b.redUnits, red) {
            XCTAssertEqual(u.tasks.map { $0.number ?? "" }, w.1, u.unit)
            XCTAssertEqual(u.tasks.map(\.daysOverdue), w.2, u.unit)
        }
        XCTAssertEqual(b.redUnits[0].tasks[1].text, "完成环城路<改造>&“拓宽”", "full text")
        XCTAssertEqual(b.redUnits[3].overdueCount, 0)

        // 2020-07: 甲局 (t2's report) and 乙局 (t6's) reported; 丙局 and 丁局 did not.
        XCTAssertEqual(b.period?.id, "2020-07")
        XCTAssertEqual(b.unreported.map(\.unit), ["丙局", "丁局"])

        // Compared with 06-30; granted from 07-01: t3 only (t7's was 03-01, t4's refused, t8's pending).
        XCTAssertEqual(b.since, d("2020-06-30"))
        XCTAssertEqual(b.extensionsFrom, d("2020-07-01"))
        XCTAssertEqual(b.granted.map(\.number), ["3"])
        XCTAssertEqual(b.granted.first?.from, d("2020-06-20"))
        XCTAssertEqual(b.granted.first?.to, d("2020-07-20"))
        XCTAssertEqual(b.granted.first?.units, ["乙局"])

        // Newly overdue t1 t4; cleared none; newly done t2; still red t3 t7 t8.
        let tot = b.changesTotal
        XCTAssertEqual([tot?.newlyOverdue, tot?.cleared, tot?.newlyDone, tot?.stillRed], [2, 0, 1, 3])
        XCTAssertEqual(b.newlyOverdue.map(\.number), ["1", "4"])
        let rows: [(String, [Int])] = [("甲局", [1, 0, 1, 0]), ("乙局", [0, 0, 0, 2]), ("丙局", [1, 0, 0, 0]), ("丁局", [0, 0, 0, 1])]
        XCTAssertEqual(b.changes.map { $0.unit ?? "" }, rows.map(\.0))
        for (r, w) in zip(b.changes, rows) {
            XCTAssertEqual([r.newlyOverdue, r.cleared, r.newlyDone, r.stillRed], w.1, r.unit ?? "")
        }
    }

    /// Done, overdue and red at each period's end (01-31 … 06-30, then the as-of 07-31):
    /// done: t2 from 07-10 only. Overdue: 06-30 t3 (06-20 in force) and t8; 07-31 t1 t3 t4 t8
    /// (t8 is not overdue on 05-31 itself). Red: t7 (lagging) always, plus the overdue ones.
    func testTrendPerPeriodFromHistory() {
        let tr = Trend(plan: plan(), asOf: d("2020-07-31"))
        XCTAssertEqual(tr.periods, ["2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06", "2020-07"])
        XCTAssertEqual(tr.days.last, d("2020-07-31"))
        XCTAssertEqual(tr.plan.map(\.done), [0, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(tr.plan.map(\.overdue), [0, 0, 0, 0, 0, 2, 4])
        XCTAssertEqual(tr.plan.map(\.red), [1, 1, 1, 1, 1, 3, 5])
        let units: [(String, [Int])] = [("甲局", [0, 0, 0, 0, 0, 0, 1]), ("乙局", [0, 0, 0, 0, 0, 2, 2]),
                                        ("丙局", [0, 0, 0, 0, 0, 0, 1]), ("丁局", [0, 0, 0, 0, 0, 0, 0])]
        for (u, w) in units { XCTAssertEqual(tr.units[u]?.map(\.overdue), w, u) }
        XCTAssertEqual(tr.units["甲局"]?.last?.done, 1)
        // No cycle: no periods.
        var p = plan(); p.reporting = nil
        XCTAssertTrue(Trend(plan: p, asOf: d("2020-07-31")).isEmpty)
    }

    /// The blocks say each section in order, with the figures in words.
    func testDocumentSectionsInOrder() {
        let S = Strings(.zh)
        let blocks = Bulletin(plan: plan(), asOf: d("2020-07-31")).document(S)
        XCTAssertEqual(blocks.first, .title("关于测试市2020年重点工作推进情况的通报"))
        XCTAssertEqual(blocks[1], .asOf("（截至2020年7月31日）"))
        let headings = blocks.compactMap { b -> String? in if case .heading(let s) = b { return s }; return nil }
        XCTAssertEqual(headings, [S[.bulHTotals], S[.bulHRanking], S[.bulHRed], S[.bulHUnreported], S[.bulHExtensions],
                                  S[.bulHChanges], S[.bulHTrend]])
        XCTAssertTrue(blocks.contains(.paragraph("纳入督办的重点工作任务共8项。其中，已完成1项，占12.5%；按时序推进1项，占12.5%；进度滞后1项，占12.5%；逾期未完成4项，占50.0%；无完成时限1项，占12.5%。亮红灯任务5项。")))
        XCTAssertTrue(blocks.contains(.paragraph("2020-07期（2020年7月25日前报送）未报送的单位2个：丙局、丁局。")))
        XCTAssertTrue(blocks.contains(.paragraph("与2020年6月30日相比：新增逾期2项，逾期销除0项，新完成1项，持续红灯3项。")))
        let en = Bulletin(plan: plan(), asOf: d("2020-07-31")).document(Strings(.en))
        XCTAssertEqual(en[1], .asOf("(as of 2020-07-31)"))
    }
}
