import XCTest
import DubanSynthetic
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: a large plan's store is built on two cores (the id index beside the counts,
/// the counts of the two halves merged) and a large file is read in two halves. Neither
/// may change anything a view or a report reads: every figure, list and look-up is the
/// one the single-core build gives.
final class StoreBuildTests: XCTestCase {
    override func tearDown() {
        PlanStore.parallelBuildTasks = 20_000
        SafeOpen.parallelReadBytes = 16 << 20
    }

    /// A generated plan whose units have aliases used under both spellings in both halves.
    func plan() -> Plan {
        var p = PlanGenerator(tasks: 2500, units: 30, seed: 11).generate()
        let names = Array(Set(p.tasks.flatMap { $0.leadUnits + $0.coUnits })).sorted()
        XCTAssertGreaterThan(names.count, 6)
        p.units = names.prefix(6).enumerated().map { k, n in Unit(name: n, aliases: ["别名\(k)"]) }
        for i in p.tasks.indices where i % 7 == 0 {
            if let u = p.tasks[i].leadUnits.first, let k = names.prefix(6).firstIndex(of: u) {
                p.tasks[i].leadUnits[0] = "别名\(k)"
            }
            if i % 14 == 0 { p.tasks[i].coUnits.append(p.tasks[i].leadUnits.first ?? "") }  // named twice: counted once
        }
        // A unit met only in the second half, and a leader too.
        p.tasks[p.tasks.count - 3].leadUnits = ["只在后半的单位"]
        p.tasks[p.tasks.count - 2].leaders = ["只在后半的领导"]
        p.tasks[5].chapter = nil
        return p
    }

    func build(_ p: Plan, twoCores: Bool, extent: PlanStore.Extent = .full) -> PlanStore {
        PlanStore.parallelBuildTasks = twoCores ? 0 : Int.max
        return PlanStore(plan: p, rules: Rules(asOf: PlanDate(year: 2020, month: 9, day: 1)!), extent: extent)
    }

    func testTwoCoresBuildTheSameStore() {
        let p = plan()
        let one = build(p, twoCores: false), two = build(p, twoCores: true)
        XCTAssertEqual(two.assessments, one.assessments)
        XCTAssertEqual(two.unitTallies, one.unitTallies)
        XCTAssertEqual(two.leaderTallies, one.leaderTallies)
        XCTAssertEqual(two.chapterTallies, one.chapterTallies)
        XCTAssertEqual(two.statusCounts, one.statusCounts)
        XCTAssertEqual(two.totals, one.totals)
        XCTAssertEqual(two.tasksByChapter, one.tasksByChapter)
        XCTAssertEqual(two.widestNumber, one.widestNumber)
        XCTAssertGreaterThan(one.widestNumber, 0)
        XCTAssertEqual(two.tally(forUnit: "只在后半的单位").led, 1)
        XCTAssertEqual(two.tally(forLeader: "只在后半的领导").led, 1)
        XCTAssertEqual(two.tally(forUnit: "别名0"), one.tally(forUnit: p.units[0].name))
        XCTAssertEqual(two.unitWorkload().map(\.name), one.unitWorkload().map(\.name))
        XCTAssertEqual(two.unitWorkload().map(\.tally), one.unitWorkload().map(\.tally))
        XCTAssertEqual(two.leaderWorkload().map(\.name), one.leaderWorkload().map(\.name))
        for (name, _) in one.unitWorkload() {
            for role in TaskFilter.UnitRole.allCases {
                let f = TaskFilter(unit: name, unitRole: role)
                XCTAssertEqual(two.query(f), one.query(f), "\(name) \(role)")
            }
        }
        for (name, _) in one.leaderWorkload() {
            XCTAssertEqual(two.query(TaskFilter(leader: name)), one.query(TaskFilter(leader: name)), name)
        }
        for s in TaskStatus.allCases {
            XCTAssertEqual(two.query(TaskFilter(statuses: [s])), one.query(TaskFilter(statuses: [s])), "\(s)")
        }
        XCTAssertEqual(two.query(TaskFilter(overdueOnly: true)), one.query(TaskFilter(overdueOnly: true)))
        XCTAssertFalse(one.query(TaskFilter(overdueOnly: true)).isEmpty)
        for i in stride(from: 0, to: p.tasks.count, by: 97) {
            XCTAssertEqual(two.index(ofID: p.tasks[i].id), i)
            if let n = p.tasks[i].number { XCTAssertEqual(two.lookup(n), one.lookup(n), n) }
        }
        // The counts-only store of a report, likewise.
        let c1 = build(p, twoCores: false, extent: .counts), c2 = build(p, twoCores: true, extent: .counts)
        XCTAssertEqual(c2.unitTallies, c1.unitTallies)
        XCTAssertEqual(c2.statusCounts, c1.statusCounts)
        XCTAssertEqual(c2.chapterTallies, c1.chapterTallies)
        XCTAssertEqual(c2.unitTallies, one.unitTallies)
    }

    /// The number index is built on the first look-up by number and follows edits after.
    func testTheNumberIndexIsBuiltWhenFirstAskedAndFollowsEdits() throws {
        var p = plan()
        p.tasks[0].number = "甲1"
        p.tasks[1].number = "甲1"
        p.tasks[2].number = "乙9"
        let s = build(p, twoCores: true)
        XCTAssertEqual(s.lookup("乙9"), .found(2))
        XCTAssertEqual(s.lookup("甲1"), .ambiguous([p.tasks[0].id, p.tasks[1].id]))
        var t = s.task(at: 1)
        t.number = "丙3"
        XCTAssertNotNil(s.replaceFromOutside(t))
        XCTAssertEqual(s.lookup("甲1"), .found(0))
        XCTAssertEqual(s.lookup("丙3"), .found(1))
        // An edit before any look-up: the index, built later, sees it.
        let s2 = build(p, twoCores: true)
        XCTAssertNotNil(s2.replaceFromOutside(t))
        XCTAssertEqual(s2.lookup("丙3"), .found(1))
        XCTAssertEqual(s2.lookup("甲1"), .found(0))
    }

    /// A file read in two halves is the file; one that is not what fstat said (here: no
    /// longer a regular file's size) is read the ordinary way.
    func testALargeFileReadInTwoHalvesIsTheFile() throws {
        var template = Array("/tmp/duban-halves-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.flatMap { mkdtemp($0) } }
        let dir = String(cString: try XCTUnwrap(made))
        defer { _ = system("rm -rf '\(dir)'") }
        let path = dir + "/plan.json"
        let bytes = PlanJSON.encode(plan())
        _ = try PlanFile.write(bytes, to: path)
        for threshold in [Int.max, 0, 4096, bytes.count, bytes.count + 1] {
            SafeOpen.parallelReadBytes = threshold
            let before = SafeOpen.halvesRead
            let read = try SafeOpen.read(path, as: .plan).bytes
            XCTAssertEqual(read, bytes, "threshold \(threshold)")
            XCTAssertEqual(SafeOpen.halvesRead - before, threshold <= bytes.count ? 1 : 0, "threshold \(threshold)")
        }
        // Odd sizes: the split is on a page boundary below the middle.
        for n in [4095, 4096, 4097, 12_289, 1] {
            SafeOpen.parallelReadBytes = 0
            let b = Array(bytes.prefix(n))
            _ = try PlanFile.write(b, to: path)
            XCTAssertEqual(try SafeOpen.read(path, as: .plan).bytes, b, "\(n) bytes")
        }
        SafeOpen.parallelReadBytes = 0
        XCTAssertThrowsError(try PlanFile.load(path: path), "a one-byte file is no plan")
    }
}
