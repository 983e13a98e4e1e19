import XCTest
import DubanSynthetic
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: a large plan's bytes are given back to the system as the decoder leaves them
/// behind (`ByteRelease`), and the dashboard's and the journal's saves are encoded and
/// written piece by piece. Neither may change what is decoded, which message a broken
/// file gets, or what the journal records.
final class ByteReleaseTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/duban-release-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.flatMap { mkdtemp($0) } }
        XCTAssertNotNil(made)
        dir = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // Small enough for a test plan to give pages back, many times over.
        ByteRelease.minimumBytes = 0
        ByteRelease.step = 64 << 10
    }

    override func tearDown() {
        ByteRelease.minimumBytes = 32 << 20
        ByteRelease.step = 4 << 20
        PlanJSON.parallelDecodeBytes = 8 << 20
        _ = system("rm -rf '\(dir)'")
    }

    let plan = PlanGenerator(tasks: 3000, units: 40, seed: 5).generate()

    /// A copy with storage of its own: the release writes zeros into the one it is given.
    func fresh(_ b: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: b.count) { out, n in
            b.withUnsafeBufferPointer { src in
                if let d = out.baseAddress, let s = src.baseAddress { memcpy(d, s, b.count) }
            }
            n = b.count
        }
    }

    /// The plan or the problems, decoded the ordinary way and giving pages back.
    func both(_ bytes: [UInt8]) -> (plain: Result<Plan, PlanLoadError>, released: Result<Plan, PlanLoadError>, reread: Bool, gave: Bool) {
        func run(_ f: () throws -> Plan) -> Result<Plan, PlanLoadError> {
            do { return .success(try f()) } catch let e as PlanLoadError { return .failure(e) } catch {
                XCTFail("\(error)"); return .failure(PlanLoadError([]))
            }
        }
        let plain = run { try PlanJSON.decode(bytes, file: "p.json") }
        let rereads = ByteRelease.rereads, gave = ByteRelease.releasedDecodes
        let released = run { try PlanJSON.decodeReleasing(fresh(bytes), file: "p.json") { fresh(bytes) } }
        return (plain, released, ByteRelease.rereads > rereads, ByteRelease.releasedDecodes > gave)
    }

    func same(_ r: (plain: Result<Plan, PlanLoadError>, released: Result<Plan, PlanLoadError>, reread: Bool, gave: Bool),
              file: StaticString = #filePath, line: UInt = #line) {
        switch (r.plain, r.released) {
        case (.success(let a), .success(let b)): XCTAssertEqual(a, b, file: file, line: line)
        case (.failure(let a), .failure(let b)): XCTAssertEqual(a.problems, b.problems, file: file, line: line)
        default: XCTFail("the two decodes disagree", file: file, line: line)
        }
    }

    func testPagesAreGivenBackAndThePlanIsTheSame() throws {
        for twoCores in [false, true] {
            PlanJSON.parallelDecodeBytes = twoCores ? 0 : Int.max
            let r = both(PlanJSON.encode(plan))
            XCTAssertTrue(r.gave, "pages were given back (two cores: \(twoCores))")
            XCTAssertFalse(r.reread)
            same(r)
            XCTAssertEqual(try r.released.get(), plan)
        }
    }

    func testTheGivenBackBytesReadAsZeros() throws {
        PlanJSON.parallelDecodeBytes = Int.max
        let bytes = fresh(PlanJSON.encode(plan))
        _ = try PlanJSON.decodeReleasing(bytes, file: "p.json") { XCTFail("no reread"); return [] }
        // The first step's pages are zeros now (what the system gave back); the last
        // bytes (after the tasks) are not touched.
        XCTAssertTrue(bytes[8192..<(32 << 10)].allSatisfy { $0 == 0 })
        XCTAssertEqual(bytes.last, 0x0A)
    }

    /// A problem late in the tasks needs the bytes given back to say its line: the file is
    /// read again, and the message is the ordinary one.
    func testAProblemAfterTheReleaseIsReportedAsWithout() throws {
        PlanJSON.parallelDecodeBytes = Int.max
        var text = PlanJSON.encodeString(plan)
        let last = try XCTUnwrap(text.range(of: "\"status\": \"", options: .backwards))
        text.insert(contentsOf: "x", at: last.upperBound)
        let r = both(Array(text.utf8))
        XCTAssertTrue(r.reread)
        same(r)
        guard case .failure(let e) = r.released else { return XCTFail("expected a problem") }
        XCTAssertGreaterThan(e.problems[0].line, 1000)
    }

    func testADuplicateIdAndACutFileAreReportedAsWithout() {
        for twoCores in [false, true] {
            PlanJSON.parallelDecodeBytes = twoCores ? 0 : Int.max
            var p = plan
            p.tasks[p.tasks.count - 1].id = p.tasks[0].id
            let dup = both(PlanJSON.encode(p))
            same(dup)
            if case .success = dup.released { XCTFail("a duplicate id is a problem") }
            let bytes = PlanJSON.encode(plan)
            let cut = both(Array(bytes[0..<(bytes.count - bytes.count / 5)]))
            same(cut)
            XCTAssertTrue(cut.reread)
            let early = both(Array(bytes[0..<(bytes.count / 4)]))
            same(early)
        }
    }

    /// A key of the plan given twice, after the tasks: found by reading the plan object
    /// again from its start, which was given back.
    func testAKeyGivenTwiceAfterTheTasks() throws {
        PlanJSON.parallelDecodeBytes = Int.max
        var text = PlanJSON.encodeString(plan)
        let close = try XCTUnwrap(text.range(of: "}", options: .backwards))
        text.insert(contentsOf: ",\n  \"title\": \"又一个标题\"\n", at: close.lowerBound)
        let r = both(Array(text.utf8))
        same(r)
        guard case .failure(let e) = r.released else { return XCTFail("expected a problem") }
        XCTAssertTrue(e.problems.contains { $0.message.contains("title") }, "\(e.problems)")
    }

    /// A plan file opened for editing: nothing kept of its bytes, the hash still that of the file.
    func testOpenedForEditingKeepsNoBytesAndTheHash() throws {
        let path = dir + "/big.json"
        try PlanFile.save(plan, to: path, backup: false)
        let before = ByteRelease.releasedDecodes
        let opened = try PlanFile.loadForEditing(path: path)
        XCTAssertEqual(opened.plan, plan)
        XCTAssertGreaterThan(ByteRelease.releasedDecodes, before)
        XCTAssertTrue(opened.bytes.isEmpty)
        XCTAssertEqual(opened.hash, ContentHash(try PlanFile.read(path: path)))
        // Without a hashing thread (`duban set`) the bytes are kept whole.
        let writer = try PlanFile.loadForEditing(path: path, hashing: false)
        XCTAssertEqual(writer.bytes, try PlanFile.read(path: path))
        XCTAssertEqual(writer.hash, ContentHash(writer.bytes))
        XCTAssertEqual(try PlanFile.load(path: path), plan)
    }

    // MARK: streamed saves

    /// The journal's save, now piece by piece: the file is `encode`'s bytes, and the
    /// journal starts again from their hash.
    func testTheJournalsStreamedSaveRecordsTheFilesHash() throws {
        let path = dir + "/plan.json"
        try PlanFile.save(plan, to: path, backup: false)
        let opened = try PlanFile.loadForEditing(path: path)
        let journal = try Journal.open(planPath: path, planBytes: opened.bytes, hash: opened.hash)
        let store = PlanStore(plan: opened.plan, rules: Rules(asOf: PlanDate(year: 2020, month: 9, day: 1)!))
        let edit = Edit(taskID: plan.tasks[7].id, command: .setProgress(61), date: PlanDate(year: 2020, month: 9, day: 1)!, author: "王五")
        XCTAssertTrue(try journal.apply(edit, to: store))
        try journal.save(store.plan, expecting: opened.stamp)
        let written = try PlanFile.read(path: path)
        XCTAssertEqual(written, PlanJSON.encode(store.plan))
        let text = String(decoding: try PlanFile.read(path: Journal.path(forPlan: path)), as: UTF8.self)
        XCTAssertTrue(text.contains(ContentHash(written).text), text)
        XCTAssertEqual(text.split(separator: "\n").count, 1, "only the header")
        journal.close(unsaved: false)
    }

    /// The first save of a plan with no file (the dashboard's `w` on the demo): written
    /// piece by piece, and the journal it adopts is based on the file's hash.
    func testTheFirstSaveOfAnUnsavedPlanAdoptsAJournalOfTheFile() throws {
        let path = dir + "/new.json"
        let session = PlanSession.unsaved(plan: plan)
        _ = try session.save(plan, to: path)
        let written = try PlanFile.read(path: path)
        XCTAssertEqual(written, PlanJSON.encode(plan))
        let journal = try XCTUnwrap(session.journal)
        let text = String(decoding: try PlanFile.read(path: Journal.path(forPlan: path)), as: UTF8.self)
        XCTAssertTrue(text.contains(ContentHash(written).text), text)
        journal.close(unsaved: false)
    }
}
