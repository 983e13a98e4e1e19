import XCTest
import DubanCore
import DubanSynthetic
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// A 100,000-task plan must answer a key as fast as a 100-task one: no key and no
/// frame walks all the tasks. Times one event plus one full frame.
final class ResponsivenessTests: XCTestCase {
    static let big: Plan = PlanGenerator(tasks: 100_000, units: 300, seed: 7).generate()
    static let small: Plan = PlanGenerator(tasks: 100, units: 30, seed: 7).generate()

    func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Milliseconds per key (event + render), worst of the keys.
    func timeKeys(_ plan: Plan, _ keys: [Key]) -> (worst: Double, mean: Double, each: [Double]) {
        CellWidth.setUpLocale()
        let opts = DashboardOptions(asOf: PlanDate(year: 2020, month: 9, day: 1) ?? PlanDate(dayNumber: 0), environment: [:])
        let d = Dashboard(plan: plan, options: opts, saver: { _, _ in })
        let t = MemoryTerminal(width: 160, height: 50)
        _ = d.run(on: t)
        // Warm the caches a first open builds (the scope lists), as any real session does.
        _ = Renderer.render(d.state)
        var worst = 0.0, total = 0.0
        var each: [Double] = []
        for k in keys {
            let t0 = now()
            _ = d.handle(.key(k))
            _ = Renderer.render(d.state)
            let ms = (now() - t0) * 1000
            worst = max(worst, ms); total += ms
            each.append(ms)
            if ms > 20 { print("  slow key \(k.name) on \(plan.tasks.count) tasks: \(ms) ms") }
        }
        return (worst, total / Double(keys.count), each)
    }

    func testKeysCostTheSameOn100AndOn100000Tasks() {
        var keys: [Key] = Array(repeating: .char("j"), count: 40)
        keys += [.char("s"), .char("s"), .char("3"), .char("u"), .ctrl("r"), .pageDown, .char("G"), .char("g")]
        keys += [.tab, .char("j"), .char("j"), .char("k"), .tab, .tab, .char("j"), .char("o"), .tab]
        let small = timeKeys(Self.small, keys)
        let big = timeKeys(Self.big, keys)
        print("responsiveness: 100 tasks worst \(small.worst) ms mean \(small.mean) ms; 100000 tasks worst \(big.worst) ms mean \(big.mean) ms")
        XCTAssertLessThan(big.mean, max(small.mean * 4, 8), "mean per key on 100,000 tasks")
        XCTAssertLessThan(big.worst, 100, "worst key on 100,000 tasks")
    }

    func testSearchAsYouTypeNarrows() {
        // The first character looks at every task (and the store builds its search text
        // once); each further character only looks at the last matches.
        let keys: [Key] = [.char("/"), .char("2"), .char("0"), .char("2"), .char("0"), .backspace, .enter, .char("n"), .char("n")]
        let big = timeKeys(Self.big, keys)
        print("search on 100000 tasks, ms per key: \(big.each.map { Int($0.rounded()) })")
        let narrowing = [big.each[2], big.each[3], big.each[4]]
        XCTAssertLessThan(narrowing.max() ?? 0, 150, "a further character only re-checks the last matches")
        XCTAssertLessThan(big.each[7] + big.each[8], 100, "n and N")
    }
}
