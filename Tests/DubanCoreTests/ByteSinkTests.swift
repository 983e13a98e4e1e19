import XCTest
@testable import DubanCore

/// Issue 16: the encoder writes into a `ByteSink` (a pointer, not `[UInt8].append`) and
/// the decoder's halves are joined by moving (`Gather.joined`). Both must hand over
/// exactly what was put in, across every growth.
final class ByteSinkTests: XCTestCase {
    func testEveryAppendSurvivesGrowth() {
        var sink = ByteSink(capacity: 1)
        var expected: [UInt8] = []
        var rng = SystemRandomNumberGenerator()
        for k in 0..<3000 {
            switch k % 4 {
            case 0:
                let b = UInt8(truncatingIfNeeded: k)
                sink.append(b); expected.append(b)
            case 1:
                let a = (0..<Int.random(in: 0...300, using: &rng)).map { UInt8(truncatingIfNeeded: $0 &+ k) }
                sink.append(contentsOf: a); expected += a
            case 2:
                let s = "任务\(k)第二行"
                sink.append(contentsOf: s); expected += Array(s.utf8)
            default:
                let a: [UInt8] = Array(repeating: 0x20, count: k % 70)
                a.withUnsafeBufferPointer { sink.append(contentsOf: $0) }
                expected += a
            }
            if k % 500 == 0 { sink.reserveCapacity(sink.count + 10_000) }
        }
        XCTAssertEqual(sink.count, expected.count)
        XCTAssertEqual(sink.bytes, expected)
        XCTAssertEqual(sink.withUnsafeBytes { Array($0) }, expected)
        let owned = sink.take()
        XCTAssertEqual(owned.count, expected.count)
        XCTAssertEqual(owned.withUnsafeBytes { Array($0) }, expected)
    }

    func testJoinedMovesEveryElementInOrder() {
        let a = Gather<PlanTask>(capacity: 2), b = Gather<PlanTask>(capacity: 2), empty = Gather<PlanTask>(capacity: 1)
        for i in 0..<100 { a.append(PlanTask(id: "a\(i)", text: String(repeating: "文", count: i % 9))) }
        for i in 0..<37 { b.append(PlanTask(id: "b\(i)", text: "后半")) }
        b.reserve(5000)
        let all = Gather<PlanTask>.joined(a, empty, b)
        XCTAssertEqual(all.map(\.id), (0..<100).map { "a\($0)" } + (0..<37).map { "b\($0)" })
        XCTAssertEqual(all[8].text, String(repeating: "文", count: 8))
        XCTAssertEqual(a.count, 0)
        XCTAssertEqual(b.count, 0)
        XCTAssertEqual(Gather<PlanTask>.joined(a, b), [])
        // The buffers are usable again after.
        a.append(PlanTask(id: "again", text: ""))
        XCTAssertEqual(a.take().map(\.id), ["again"])
    }
}
