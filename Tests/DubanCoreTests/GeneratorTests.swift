import XCTest
@testable import DubanSynthetic
@testable import DubanCore

final class GeneratorTests: XCTestCase {
    /// FNV-1a, to pin the generator's output across processes (Swift seeds its hashing
    /// per process, so a Set iterated by mistake would change this from run to run).
    func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    func testSameSeedGivesTheSameBytes() {
        let a = PlanJSON.encode(PlanGenerator(tasks: 500, units: 120, seed: 9).generate())
        let b = PlanJSON.encode(PlanGenerator(tasks: 500, units: 120, seed: 9).generate())
        XCTAssertEqual(a, b)
        let c = PlanJSON.encode(PlanGenerator(tasks: 500, units: 120, seed: 10).generate())
        XCTAssertNotEqual(a, c)
    }

    func testOutputIsPinnedAcrossRuns() {
        // Update this value only when the generator is changed on purpose (BENCHMARKS.md
        // figures were measured on files from the generator as it was then).
        let bytes = PlanJSON.encode(PlanGenerator(tasks: 300, units: 200, seed: 42).generate())
        XCTAssertEqual(fingerprint(bytes), GeneratorTests.pinned, "fingerprint \(fingerprint(bytes))")
    }
    static let pinned: UInt64 = 16016670803014085286

    func testRandomNumbersArePinned() {
        var r = Xoshiro256(seed: 1)
        let first = (0..<3).map { _ in r.next() }
        var again = Xoshiro256(seed: 1)
        XCTAssertEqual(first, (0..<3).map { _ in again.next() })
        var b = Xoshiro256(seed: 2)
        XCTAssertNotEqual(first[0], b.next())
        for n in [1, 2, 7, 1000] { XCTAssertTrue((0..<n).contains(r.below(n))) }
    }

    func testExactTaskCountAndValidReferences() throws {
        for n in [0, 1, 7, 1234] {
            let plan = PlanGenerator(tasks: n, seed: 3).generate()
            XCTAssertEqual(plan.tasks.count, n)
            XCTAssertEqual(Set(plan.tasks.map(\.id)).count, n)
            let ids = Set(plan.chapters.map(\.id))
            XCTAssertEqual(ids.count, plan.chapters.count)
            for c in plan.chapters { if let p = c.parent { XCTAssertTrue(ids.contains(p), c.id) } }
            for t in plan.tasks { XCTAssertTrue(t.chapter.map(ids.contains) ?? false, t.id) }
            // It loads back without a single problem.
            let back = try PlanJSON.decode(PlanJSON.encode(plan), file: "gen.json")
            XCTAssertEqual(back, plan)
        }
    }

    func testOutlineIsFourLevelsWithTheUsualLabels() {
        let plan = PlanGenerator(tasks: 2000, seed: 5).generate()
        var depth: [String: Int] = [:]
        for c in plan.chapters { depth[c.id] = c.parent.map { (depth[$0] ?? 0) + 1 } ?? 1 }
        let byDepth = Dictionary(grouping: plan.chapters, by: { depth[$0.id] ?? 0 })
        XCTAssertEqual(Set(byDepth.keys), [1, 2, 3, 4])
        XCTAssertEqual(byDepth[1]?.first?.label, "一")
        XCTAssertTrue(byDepth[1]?.contains { $0.label == "十二" } ?? false)
        XCTAssertTrue(byDepth[2]?.allSatisfy { $0.label.hasPrefix("(") && $0.label.hasSuffix(")") && Int($0.label.dropFirst().dropLast()) == nil } ?? false)
        XCTAssertTrue(byDepth[3]?.allSatisfy { Int($0.label) != nil } ?? false)
        XCTAssertTrue(byDepth[4]?.allSatisfy { $0.label.hasPrefix("(") && Int($0.label.dropFirst().dropLast()) != nil } ?? false)
        // Tasks hang on the leaves: level 3 groups without items, and level 4 items.
        let hasChildren = Set(plan.chapters.compactMap(\.parent))
        for t in plan.tasks.prefix(300) {
            let c = t.chapter ?? ""
            XCTAssertFalse(hasChildren.contains(c), "\(t.id) sits on \(c), which has sub-chapters")
            XCTAssertGreaterThanOrEqual(depth[c] ?? 0, 3)
        }
    }

    func testChineseNumerals() {
        let cases: [(Int, String)] = [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"),
                                      (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1003, "一千零三")]
        for (n, s) in cases { XCTAssertEqual(PlanGenerator.Run.chineseNumeral(n), s, "\(n)") }
    }

    func testAboutSixNotesPerTaskAndRealisticTexts() {
        let plan = PlanGenerator(tasks: 5000, seed: 11).generate()
        let notes = plan.tasks.reduce(0) { $0 + $1.history.count }
        let mean = Double(notes) / Double(plan.tasks.count)
        XCTAssertEqual(mean, 6, accuracy: 0.3)
        let textLength = Double(plan.tasks.reduce(0) { $0 + $1.text.count }) / Double(plan.tasks.count)
        XCTAssertGreaterThan(textLength, 40)
        XCTAssertLessThan(textLength, 150)
        // Mostly Han characters: the texts come from the seed notices.
        let han = plan.tasks.prefix(100).flatMap { $0.text.unicodeScalars }.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        let all = plan.tasks.prefix(100).reduce(0) { $0 + $1.text.unicodeScalars.count }
        XCTAssertGreaterThan(Double(han) / Double(all), 0.7)
        // History is in date order and ends at the task's status and progress.
        for t in plan.tasks.prefix(500) {
            XCTAssertEqual(t.history.map(\.date), t.history.map(\.date).sorted())
            if let last = t.history.last {
                XCTAssertEqual(last.status, t.status)
                XCTAssertEqual(last.progress, t.progress)
            }
        }
        // Every status occurs, and deadlines spread over the year.
        XCTAssertEqual(Set(plan.tasks.map(\.status)), Set(TaskStatus.allCases))
        XCTAssertGreaterThanOrEqual(Set(plan.tasks.compactMap { $0.deadline?.components.month }).count, 8)
        XCTAssertTrue(plan.tasks.contains { $0.deadline == nil })
        XCTAssertTrue(plan.tasks.contains { $0.deadlineAssumed })
        XCTAssertGreaterThan(plan.tasks.filter { !$0.leaders.isEmpty }.count, plan.tasks.count / 2)
    }

    func testUnitsAreSkewedAndDrawnFromThePool() {
        let plan = PlanGenerator(tasks: 5000, units: 300, seed: 13).generate()
        let store = PlanStore(plan: plan, rules: Rules(asOf: PlanDate(year: 2020, month: 9, day: 1)!))
        let rows = store.unitWorkload(sortedBy: .led)
        let counts = rows.map { $0.tally.led + $0.tally.shared }.sorted(by: >)
        XCTAssertGreaterThan(counts.count, 150, "a few hundred units get work")
        XCTAssertLessThanOrEqual(counts.count, 302)
        let top = counts.prefix(counts.count / 10).reduce(0, +)
        let total = counts.reduce(0, +)
        XCTAssertGreaterThan(Double(top) / Double(total), 0.4, "the busiest tenth carries a large share")
        XCTAssertGreaterThan(counts[0], 20 * counts[counts.count / 2], "the busiest unit far above the median")
        // Aliases written in tasks resolve to their unit.
        let aliased = plan.units.filter { !$0.aliases.isEmpty && !$0.isGroup }
        XCTAssertFalse(aliased.isEmpty)
        let written = Set(plan.tasks.flatMap { $0.leadUnits + $0.coUnits })
        XCTAssertTrue(aliased.contains { u in u.aliases.contains(where: written.contains) })
        XCTAssertTrue(plan.units.contains { $0.isGroup && !$0.members.isEmpty })
    }
}
