import XCTest
import DubanCore

final class RulesTests: XCTestCase {
    let rules = Rules(asOf: Fixture.asOf, periodStart: PlanDate(iso: "2020-01-01"))

    func task(_ deadline: String?, _ status: TaskStatus = .inProgress, progress: Int = 0) -> PlanTask {
        PlanTask(id: "x", text: "x", deadline: deadline.flatMap { PlanDate(iso: $0) }, status: status, progress: progress)
    }

    func testOverdueBoundaries() {
        // (deadline, status, overdue?) against as-of 2020-07-01
        let cases: [(String?, TaskStatus, Bool)] = [
            ("2020-06-30", .inProgress, true),   // the day before: overdue
            ("2020-07-01", .inProgress, false),  // the as-of day itself: not overdue
            ("2020-07-02", .notStarted, false),
            ("2019-12-31", .lagging, true),
            ("2020-06-30", .done, false),        // done is never overdue
            (nil, .notStarted, false),           // no deadline, never overdue
        ]
        for (d, s, want) in cases {
            XCTAssertEqual(rules.isOverdue(task(d, s)), want, "\(d ?? "nil") \(s)")
        }
        XCTAssertEqual(rules.assess(task("2020-06-19")).daysOverdue, 12)
    }

    func testDueSoonWindow() {
        let cases: [(String, TaskStatus, Bool)] = [
            ("2020-07-01", .inProgress, true),   // due today
            ("2020-07-08", .inProgress, true),   // 7 days: inside the default window
            ("2020-07-09", .inProgress, false),  // 8 days: outside
            ("2020-06-30", .inProgress, false),  // already overdue, not "soon"
            ("2020-07-03", .done, false),
        ]
        for (d, s, want) in cases {
            XCTAssertEqual(rules.isDueSoon(task(d, s)), want, "\(d) \(s)")
        }
        var wide = rules
        wide.settings.dueSoonDays = 10
        XCTAssertTrue(wide.isDueSoon(task("2020-07-09")))
    }

    func testBehindScheduleUsesElapsedShareOfPeriod() {
        // 2020-01-01 -> 2020-12-31 is 365 days; by 07-01, 182 have gone: 49.9%, rounded half up 50%.
        XCTAssertEqual(rules.expectedProgress(task("2020-12-31")), 50)
        XCTAssertTrue(rules.isBehindSchedule(task("2020-12-31", progress: 29)))   // 50 - 29 = 21 > 20
        XCTAssertFalse(rules.isBehindSchedule(task("2020-12-31", progress: 30)))  // 50 - 30 = 20, not more
        XCTAssertFalse(rules.isBehindSchedule(task("2020-12-31", .done)))
        // the task's own start date wins over the plan's
        var t = task("2020-12-31", progress: 0)
        t.startDate = PlanDate(iso: "2020-06-01")
        XCTAssertEqual(rules.expectedProgress(t), 14)  // 30 of 213 days
        XCTAssertFalse(rules.isBehindSchedule(t))
        XCTAssertNil(rules.expectedProgress(task(nil)))
    }

    func testLightsAndReasonsInWords() {
        let S = Strings(.zh)
        let overdue = rules.assess(task("2020-06-19", progress: 90))
        XCTAssertEqual(overdue.light, .red)
        XCTAssertEqual(S.reason(overdue.reasons[0]), "逾期12天")

        let lagging = rules.assess(task("2020-12-31", .lagging, progress: 40))
        XCTAssertEqual(lagging.light, .red)
        XCTAssertEqual(lagging.reasons, [.lagging])

        let behind = rules.assess(task("2020-12-31", progress: 20))
        XCTAssertEqual(behind.light, .yellow)
        XCTAssertEqual(S.reason(behind.reasons[0]), "序时进度50%, 实际20%")
        XCTAssertEqual(Strings(.en).reason(behind.reasons[0]), "expected 50% by now, actual 20%")

        let soon = rules.assess(task("2020-07-05", progress: 100))
        XCTAssertEqual(soon.light, .yellow)
        XCTAssertEqual(S.reason(soon.reasons[0]), "4天后到期")

        let fine = rules.assess(task("2020-12-31", progress: 60))
        XCTAssertEqual(fine.light, .green)
        XCTAssertEqual(fine.reasons, [.onTrack])
        XCTAssertEqual(rules.assess(task("2020-01-31", .done, progress: 100)).reasons, [.done])
    }
}
