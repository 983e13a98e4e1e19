import XCTest
import DubanSynthetic
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// Huge inputs load in bounded time and memory: a 50 MB plan (DUBAN_HUGE_MB to change it)
/// encodes, decodes to the same plan and is indexed and searched, each step timed and the
/// peak memory printed. A line of 1 MB goes through the codec, the store's search and the
/// journal unharmed.
final class ReliabilityHugeInputTests: XCTestCase {
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_MONOTONIC, &a)
        try body()
        clock_gettime(CLOCK_MONOTONIC, &b)
        return Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9
    }

    func peakRSSMegabytes() -> Int {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return u.ru_maxrss / 1024
    }

    func testAFiftyMegabytePlanLoadsInSecondsAndBoundedMemory() throws {
        let target = Int(getenv("DUBAN_HUGE_MB").flatMap { Int(String(cString: $0)) } ?? 50) * 1_000_000
        var plan = PlanGenerator(tasks: 1000, seed: 3).generate()
        let perTask = PlanJSON.encode(plan).count / 1000
        plan = PlanGenerator(tasks: target / max(perTask, 1), seed: 3).generate()
        var bytes: [UInt8] = []
        let encode = seconds { bytes = PlanJSON.encode(plan) }
        XCTAssertGreaterThan(bytes.count, target * 9 / 10)
        var back: Plan?
        let decode = try seconds { back = try PlanJSON.decode(bytes, file: "huge.json") }
        XCTAssertEqual(back, plan)
        var store: PlanStore?
        let index = seconds { store = PlanStore(plan: plan, rules: Rules(asOf: Fixture.asOf)) }
        var f = TaskFilter()
        f.text = "推进"
        var hits = 0
        let search = seconds { hits = store?.query(f).count ?? 0 }
        XCTAssertGreaterThan(hits, 0)
        let mb = Double(bytes.count) / 1e6
        XCTAssertLessThan(decode, 30, "no freeze: even a debug build decodes 50 MB in seconds")
        XCTAssertLessThan(peakRSSMegabytes(), 2000, "memory stays a small multiple of the file")
        print(String(format: "huge plan: %.1f MB, %d tasks: encode %.2f s, decode %.2f s, index %.2f s, search %.2f s; peak RSS %d MB",
                     mb, plan.tasks.count, encode, decode, index, search, peakRSSMegabytes()))
    }

    func testAOneMegabyteLineBreaksNothing() throws {
        let line = String(repeating: "推进重点项目建设，", count: 1_000_000 / 27 + 1) + "\u{1b}[2J\u{7}"
        XCTAssertGreaterThan(line.utf8.count, 1_000_000)
        var plan = Fixture.plan
        plan.tasks[0].text = line
        plan.tasks[1].remarks = line
        let bytes = PlanJSON.encode(plan)
        XCTAssertTrue(try PlanJSON.decode(bytes, file: "long.json") == plan, "the long text reads back")
        XCTAssertFalse(bytes.contains(0x1B), "control characters are escaped in the file")

        let store = PlanStore(plan: plan, rules: Rules(asOf: Fixture.asOf))
        var f = TaskFilter()
        f.text = "重点项目建设，推进"
        XCTAssertEqual(store.query(f), [0], "the search looks through the long text")
        XCTAssertEqual(DisplayWidth.truncate(line, to: 20).count, 10)

        let e = JournalEntry(kind: .edit, edit: Edit(taskID: "t1", command: .addNote(line), date: Fixture.asOf),
                             after: plan.tasks[0], time: 1)
        let journalLine = JournalLine.entry(e).bytes
        XCTAssertGreaterThan(journalLine.count, 2_000_000, "the note and the task snapshot")
        let contents = JournalContents(JournalLine.header(plan: "p", base: ContentHash([]), started: 0).bytes + journalLine, path: "j")
        var expected = e
        expected.line = 2
        XCTAssertTrue(contents.pending(plan: ContentHash([]), path: "j")?.entries == [expected], "the long entry reads back")
    }

    func testAFlatFileOfManyMegabytesIsRefusedWithAPlace() {
        // 8 MB of one long number and 2 MB of unclosed arrays: errors, each with a place.
        let digits = [UInt8](repeating: 0x31, count: 8_000_000)
        XCTAssertThrowsError(try PlanJSON.decode(digits, file: "digits.json")) {
            XCTAssertEqual(String(describing: $0), "digits.json:1:1: expected a plan object '{', found a number")
        }
        let deep = Array("{\"x\":".utf8) + [UInt8](repeating: 0x5B, count: 2_000_000)
        XCTAssertThrowsError(try PlanJSON.decode(deep, file: "deep.json")) {
            XCTAssertEqual(String(describing: $0), "deep.json:1:518: nested more than 512 levels deep")
        }
    }
}
