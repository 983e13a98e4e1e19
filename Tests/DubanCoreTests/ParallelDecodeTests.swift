import XCTest
import DubanSynthetic
@testable import DubanCore

/// Decoding a large file's tasks on two cores gives exactly what one core gives: the same
/// plan, and the same problems with the same places when something is wrong.
final class ParallelDecodeTests: XCTestCase {
    override func tearDown() { PlanJSON.parallelDecodeBytes = 8 << 20 }

    /// (plan or problems) decoded on one core and on two.
    func both(_ bytes: [UInt8]) -> (one: Result<Plan, PlanLoadError>, two: Result<Plan, PlanLoadError>, usedTwo: Bool) {
        func run() -> Result<Plan, PlanLoadError> {
            do { return .success(try PlanJSON.decode(bytes, file: "p.json")) } catch let e as PlanLoadError { return .failure(e) } catch {
                XCTFail("\(error)"); return .failure(PlanLoadError([]))
            }
        }
        PlanJSON.parallelDecodeBytes = Int.max
        let one = run()
        PlanJSON.parallelDecodeBytes = 0
        let before = PlanJSON.twoCoreDecodes
        let two = run()
        return (one, two, PlanJSON.twoCoreDecodes > before)
    }

    func same(_ r: (one: Result<Plan, PlanLoadError>, two: Result<Plan, PlanLoadError>, usedTwo: Bool), file: StaticString = #filePath, line: UInt = #line) {
        switch (r.one, r.two) {
        case (.success(let a), .success(let b)): XCTAssertEqual(a, b, file: file, line: line)
        case (.failure(let a), .failure(let b)): XCTAssertEqual(a.problems, b.problems, file: file, line: line)
        default: XCTFail("one core and two disagree", file: file, line: line)
        }
    }

    let plan = PlanGenerator(tasks: 3000, units: 40, seed: 5).generate()

    func testTheSecondHalfIsUsedAndGivesTheSamePlan() throws {
        let bytes = PlanJSON.encode(plan)
        let r = both(bytes)
        XCTAssertTrue(r.usedTwo, "the split was found and used")
        same(r)
        XCTAssertEqual(try r.two.get(), plan)
    }

    func testADuplicateIdAcrossTheHalvesIsReportedAsOnOneCore() {
        var p = plan
        p.tasks[p.tasks.count - 1].id = p.tasks[0].id
        let r = both(PlanJSON.encode(p))
        XCTAssertFalse(r.usedTwo)
        same(r)
        guard case .failure(let e) = r.two else { return XCTFail("expected a problem") }
        XCTAssertEqual(e.problems.map(\.path), ["tasks[2999].id"])
    }

    func testAProblemInTheSecondHalfIsReportedAsOnOneCore() throws {
        var text = PlanJSON.encodeString(plan)
        let last = try XCTUnwrap(text.range(of: "\"status\": \"", options: .backwards))
        text.insert(contentsOf: "x", at: last.upperBound)
        let r = both(Array(text.utf8))
        XCTAssertFalse(r.usedTwo)
        same(r)
    }

    func testASyntaxErrorInTheSecondHalf() {
        let bytes = PlanJSON.encode(plan)
        let cut = Array(bytes[0..<(bytes.count - bytes.count / 5)])
        let r = both(cut)
        same(r)
        if case .success = r.two { XCTFail("a cut file does not load") }
    }

    func testASplitGuessedOutsideTheTasksIsDropped() {
        // After a short tasks array, an unknown key holds thousands of task-like objects in
        // duban's layout, so the guessed split lands among them: it must not be used.
        var p = Plan(title: "归档", chapters: [],
                     tasks: (0..<50).map { PlanTask(id: "t\($0)", text: "任务\($0)") })
        p.extra = [JSONField("x-archive", .array((0..<4000).map {
            .object([JSONField("id", .string("a\($0)")), JSONField("text", .string("归档任务\($0)"))])
        }))]
        let r = both(PlanJSON.encode(p))
        XCTAssertFalse(r.usedTwo)
        same(r)
        XCTAssertEqual(try r.two.get(), p)
    }
}
