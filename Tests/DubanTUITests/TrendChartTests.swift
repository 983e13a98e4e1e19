import XCTest
import DubanCore
@testable import DubanTUI

/// The trend chart's pure layout (issue 13): eighth-block bars, every line exactly the
/// width in cells beside Chinese names, the latest periods kept when the height is short,
/// and the pane's frame whole from 40x10 to 200x60.
final class TrendChartTests: XCTestCase {
    let S = Strings(.zh)
    let p = { (d: Int, o: Int, r: Int) in Trend.Point(done: d, overdue: o, red: r) }

    func testBarsAreEighthsOfTheLargestCount() {
        XCTAssertEqual(TrendChart.bar(0, max: 4, cells: 4), "")
        XCTAssertEqual(TrendChart.bar(4, max: 4, cells: 4), "████")
        XCTAssertEqual(TrendChart.bar(1, max: 4, cells: 4), "█")
        XCTAssertEqual(TrendChart.bar(1, max: 3, cells: 4), "█▍", "4/3 cells = 10.67 eighths, 11: one block and ▍(3/8)")
        XCTAssertEqual(TrendChart.bar(1, max: 100, cells: 4), "▏", "a count above zero shows at least ▏")
    }

    func testTheChartAsABox() {
        let series = [TrendChart.Series(name: "全部", points: [p(1, 0, 0), p(2, 3, 3)]),
                      TrendChart.Series(name: "市住房和城乡建设局", points: [p(0, 1, 1), p(1, 2, 0)])]
        let ls = TrendChart.plain(TrendChart.lines(periods: ["2020-06", "2020-07"], series: series, width: 38, height: 10, strings: S))
        let box = ls.map { "|" + $0 + "|" }.joined(separator: "\n")
        XCTAssertEqual(box, """
        |        完成      逾期      红灯      |
        |全部                                  |
        |2020-06 ██▌     1         ·         · |
        |2020-07 █████   2 █████   3 █████   3 |
        |市住房和城乡建设局                    |
        |2020-06         · █▋      1 █▋      1 |
        |2020-07 ██▌     1 ███▍    2         · |
        """)
        for l in ls { XCTAssertEqual(CellWidth.of(l), 38, l) }
    }

    func testAShortPaneKeepsTheLatestPeriodsAndCutsNamesByCells() {
        let series = [TrendChart.Series(name: "市住房和城乡建设局（市人防办）", points: [p(1, 0, 0), p(2, 0, 0), p(3, 1, 0)])]
        let ls = TrendChart.plain(TrendChart.lines(periods: ["2020-05", "2020-06", "2020-07"], series: series, width: 19, height: 4, strings: S))
        XCTAssertEqual(ls.count, 4)
        XCTAssertEqual(ls[1], "市住房和城乡建设局 ", "cut at 18 cells, padded to 19 (no half of （)")
        XCTAssertTrue(ls[2].hasPrefix("2020-06"), ls.joined(separator: "\n"))
        XCTAssertTrue(ls[3].hasPrefix("2020-07"), ls.joined(separator: "\n"))
        for l in ls { XCTAssertEqual(CellWidth.of(l), 19, l) }
    }

    func testTheWorkloadPaneWithTheChartKeepsItsFrameAtEverySize() throws {
        let plan = try PlanFile.load(path: FixtureFiles.folder.appendingPathComponent("cycle/plan.json").path)
        let store = PlanStore(plan: plan, rules: Rules(asOf: PlanDate(iso: "2020-09-01")!))
        for (w, h) in [(40, 10), (60, 15), (80, 24), (120, 40), (200, 60)] {
            var s = DashboardState(store: store, strings: S, width: w, height: h)
            s.resize(width: w, height: h)
            s.setFocus(.workload)
            _ = reduce(&s, .event(.key(.char("t"))))
            XCTAssertTrue(s.workloadTrends)
            s.resize(width: w, height: h)
            let r = try XCTUnwrap(s.layout.panes[.workload], "\(w)x\(h)")
            var c = Canvas(width: w, height: h)
            WorkloadPane.draw(&c, s, r, focused: true)
            let rows = c.lines
            for y in r.y..<r.maxY {
                let row = rows[y]
                XCTAssertEqual(CellWidth.of(row), w, "\(w)x\(h) row \(y): \(row)")
            }
            XCTAssertTrue(rows[r.y].contains("趋势"), "\(w)x\(h): \(rows[r.y])")
            XCTAssertTrue(rows[r.maxY - 1].hasPrefix(String(repeating: " ", count: r.x) + "└") && rows[r.maxY - 1].contains("┘"), "\(w)x\(h): the bottom edge whole")
            XCTAssertTrue(rows[r.y + 1...r.maxY - 2].allSatisfy { ($0.dropFirst(r.x).first == "│") }, "\(w)x\(h): the left edge whole")
        }
    }
}
