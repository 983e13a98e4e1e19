import XCTest
@testable import DubanTUI

/// The one wrapper's line breaks (issue 12, item 9 and 12): 避头尾, no cut inside a
/// number or a word, and LazyWrap and Display.wrap giving the same lines.
final class LineBreakingTests: XCTestCase {
    func text(_ lines: [[DisplayUnit]]) -> [String] { lines.map { $0.map(\.text).joined() } }

    func testClosingPunctuationNeverStartsALine() {
        // Nine ideographs fill 18 cells: the 。 would start line 2; the 九 goes down with it.
        XCTAssertEqual(text(Display.wrap("一二三四五六七八九。十", width: 18)), ["一二三四五六七八", "九。十"])
        XCTAssertEqual(text(Display.wrap("一二三四五六七八九，十", width: 18)), ["一二三四五六七八", "九，十"])
        XCTAssertEqual(text(Display.wrap("一二三四五六七八九」。", width: 18)), ["一二三四五六七八", "九」。"])
        XCTAssertEqual(text(Display.wrap("一二三四五六七八九,x", width: 18)), ["一二三四五六七八", "九,x"])
        // An opening bracket does not end a line.
        XCTAssertEqual(text(Display.wrap("一二三四五六七八《九》", width: 18)), ["一二三四五六七八", "《九》"])
        let forbidden = Set("。，、；：？！）》」』,.;:?!)")
        let sample = String(repeating: "督办落实到位。抓紧推进，确保完成（年度）目标、任务；", count: 12)
        for w in 6...80 {
            for line in text(Display.wrap(sample, width: w)).dropFirst() {
                XCTAssertFalse(line.first.map { forbidden.contains($0) } ?? false, "width \(w): \(line)")
            }
            XCTAssertEqual(text(Display.wrap(sample, width: w)), text(LazyWrap(sample, width: w, chunkScalars: 7).allLines), "width \(w)")
        }
    }

    func testNumbersAndWordsStayWhole() {
        let msg = "终端太小：至少需要24x6，现在是20x5"
        for w in 8...30 {
            let lines = text(Display.wrap(msg, width: w))
            XCTAssertTrue(lines.contains { $0.contains("24x6") }, "width \(w): \(lines)")
            XCTAssertTrue(lines.contains { $0.contains("20x5") }, "width \(w): \(lines)")
        }
        XCTAssertEqual(text(Display.wrap("hello world again", width: 12)), ["hello world", "again"])
        // A word longer than the line is cut where the line is full.
        XCTAssertEqual(text(Display.wrap("abcdefghij", width: 4)), ["abcd", "efgh", "ij"])
    }
}
