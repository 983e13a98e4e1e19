import XCTest
import DubanCore

final class PlanDateTests: XCTestCase {
    func testParsesAndFormatsISO() {
        let cases: [(String, (Int, Int, Int)?)] = [
            ("2020-02-29", (2020, 2, 29)), ("2021-02-29", nil), ("2020-13-01", nil), ("2020-00-10", nil),
            ("2020-04-31", nil), ("1900-02-29", nil), ("2000-02-29", (2000, 2, 29)), ("2020-1-01", nil),
            ("20200101", nil), ("2020/01/01", nil), ("1970-01-01", (1970, 1, 1)), ("2026-11-23", (2026, 11, 23)),
        ]
        for (text, want) in cases {
            let d = PlanDate(iso: text)
            if let want {
                XCTAssertEqual(d?.components.year, want.0, text)
                XCTAssertEqual(d?.components.month, want.1, text)
                XCTAssertEqual(d?.components.day, want.2, text)
                XCTAssertEqual(d?.iso, text)
            } else {
                XCTAssertNil(d, text)
            }
        }
    }

    func testDayArithmetic() {
        XCTAssertEqual(PlanDate(iso: "1970-01-01")?.dayNumber, 0)
        XCTAssertEqual(PlanDate(iso: "2020-01-01")!.days(to: PlanDate(iso: "2020-12-31")!), 365)
        XCTAssertEqual(PlanDate(iso: "2021-01-01")!.days(to: PlanDate(iso: "2021-12-31")!), 364)
        XCTAssertEqual(PlanDate(iso: "2020-02-28")!.adding(days: 1).iso, "2020-02-29")
        XCTAssertEqual(PlanDate(iso: "2020-12-31")!.adding(days: 1).iso, "2021-01-01")
        XCTAssertLessThan(PlanDate(iso: "2020-06-30")!, PlanDate(iso: "2020-07-01")!)
    }
}
