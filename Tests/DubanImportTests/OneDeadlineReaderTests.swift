import XCTest
@testable import DubanImport
import DubanCore

/// The importer's deadline reading and the core's (the dashboard's deadline editor, `duban set --deadline`)
/// are one reader: every form gives the same date in both.
final class OneDeadlineReaderTests: XCTestCase {
    static let values: [(String, String?)] = [
        ("10月15日", "2020-10-15"), ("6月底", "2020-06-30"), ("6月底前", "2020-06-30"), ("三季度", "2020-09-30"),
        ("第三季度", "2020-09-30"), ("2020.6.30", "2020-06-30"), ("2020/6/30", "2020-06-30"), ("2020-06-30", "2020-06-30"),
        ("２０２０．６．３０", "2020-06-30"), ("2021年3月31日", "2021-03-31"), ("十月底", "2020-10-31"), ("年底前", "2020-12-31"),
        ("上半年", "2020-06-30"), ("年内", "2020-12-31"), ("2023年底", "2023-12-31"), ("长期坚持", nil), ("本周", nil),
    ]

    func testAValueReadsTheSameInTheCoreAndTheImporter() {
        for (text, want) in Self.values {
            XCTAssertEqual(DeadlineText.read(text, year: 2020)?.iso, want, "core: \(text)")
            XCTAssertEqual(Deadlines.parse(text, year: 2020)?.iso, want, "importer parse: \(text)")
            XCTAssertEqual(Deadlines.read(value: text, year: 2020).date?.iso, want, "importer value: \(text)")
        }
    }

    func testAPhraseInATaskReadsTheSameInTheCoreAndTheImporter() {
        let texts: [(String, String?)] = [
            ("力争6月底前完成验收", "2020-06-30"), ("三季度完成招标", "2020-09-30"), ("较三季度增长5%", nil),
            ("较上半年增长10%", nil), ("2021年9月30日前建成", "2021-09-30"), ("截至6月底", nil), ("年内建成投用", "2020-12-31"),
        ]
        for (text, want) in texts {
            XCTAssertEqual(DeadlineText.find(inText: text, year: 2020)?.iso, want, "core: \(text)")
            XCTAssertEqual(Deadlines.find(inText: text, year: 2020)?.iso, want, "importer: \(text)")
            XCTAssertEqual(Deadlines.read(text: text, year: 2020).date?.iso, want, "importer reading: \(text)")
        }
    }

    /// The core's phrase positions are the importer's milestones' anchors.
    func testTheCoreGivesWhereEachPhraseStands() {
        let f = DeadlineText.folded("3月底前完成设计，9月底前开工")
        let ms = DeadlineText.all(f, year: 2020, requireMarker: true)
        XCTAssertEqual(ms.map(\.date.iso), ["2020-03-31", "2020-09-30"])
        XCTAssertEqual(ms.map(\.start), [0, 9])
        XCTAssertEqual(ms.map(\.end), [4, 13])
        let r = Deadlines.read(value: "3月底前完成设计，9月底前开工", year: 2020)
        XCTAssertEqual(r.milestones.map(\.text), ["3月底前完成设计", "9月底前开工"])
        XCTAssertEqual(r.date?.iso, "2020-09-30")
    }
}
