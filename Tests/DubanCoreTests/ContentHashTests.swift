import XCTest
import Foundation
import DubanSynthetic
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: the journal's fingerprint of a plan's bytes is XXH3-64 (Debian's libxxhash),
/// checked against a second implementation (`xxhsum -H3`, Debian's xxhash package, which
/// scripts/setup.sh installs); pieces give the hash of the whole; journals of format 1
/// (FNV-1a) still name the plan they were made on.
final class ContentHashTests: PlanFolderTestCase {
    override class var folderPrefix: String { "duban-hash" }
    override var initialPlan: Plan { Fixture.plan }

    /// Bytes that are the same on every run (SplitMix-like), `n` of them.
    func bytes(_ n: Int, seed: UInt64) -> [UInt8] {
        var x = seed &+ 0x9E37_79B9_7F4A_7C15
        return (0..<n).map { _ in
            x = x &+ 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
    }

    /// What `xxhsum -H3 FILE` prints for the file's bytes: 16 hex digits.
    func xxhsum(_ data: [UInt8]) throws -> String {
        let path = dir + "/hash-input"
        try Data(data).write(to: URL(fileURLWithPath: path))
        let places: [String] = ["/usr/bin/xxhsum", "/usr/local/bin/xxhsum"]
        guard let exe = places.first(where: { access($0, X_OK) == 0 }) else {
            XCTFail("xxhsum is not installed (Debian's xxhash package): run scripts/setup.sh")
            return ""
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = ["-H3", path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        // "XXH3 (path) = 2d06800538d394c2" (0.8.1) or "2d06800538d394c2  path" (the BSD form).
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        return String(words.first { $0.count == 16 && $0.allSatisfy(\.isHexDigit) } ?? "")
    }

    func testTheHashIsXXH3AsASecondImplementationComputesIt() throws {
        // Sizes across XXH3's internal paths: empty, 1-3, 4-8, 9-16, 17-128, 129-240, long.
        var inputs = [0, 1, 3, 4, 8, 9, 16, 17, 128, 129, 240, 241, 1024, 100_003, 1 << 20 | 7]
            .enumerated().map { k, n in bytes(n, seed: UInt64(k)) }
        inputs.append(PlanJSON.encode(PlanGenerator(tasks: 200, units: 20, seed: 3).generate()))
        for b in inputs {
            let h = ContentHash(b)
            XCTAssertEqual(h.size, b.count)
            XCTAssertEqual(h.kind, .xxh3)
            XCTAssertEqual(h.text, "xxh3:" + (try xxhsum(b)), "\(b.count) bytes")
        }
        XCTAssertNotEqual(ContentHash(bytes(1000, seed: 1)), ContentHash(bytes(1000, seed: 2)))
    }

    func testPiecesGiveTheHashOfTheWhole() {
        let b = bytes(300_001, seed: 9)
        let whole = ContentHash(b)
        for pieceSizes in [[b.count], [1, 2, 3, 300_000 - 5], [64, 64, 64], [4096], [100_000], [7, 250, 31]] {
            let s = ContentHash.Streamed()
            var at = 0, k = 0
            b.withUnsafeBytes { raw in
                while at < b.count {
                    let n = min(pieceSizes[k % pieceSizes.count], b.count - at)
                    s.add(UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)]))
                    at += n; k += 1
                }
            }
            XCTAssertEqual(s.result, whole, "\(pieceSizes)")
        }
        XCTAssertEqual(ContentHash.Streamed().result, ContentHash([]))
    }

    func testTheTextRoundTripsAndOtherTextIsRefused() {
        for h in [ContentHash(bytes(50, seed: 1)), ContentHash.fnv1a(bytes(50, seed: 1)), ContentHash(size: 3, value: 0)] {
            XCTAssertEqual(ContentHash(size: h.size, text: h.text), h)
        }
        XCTAssertEqual(ContentHash(size: 0, value: 0xab).text, "xxh3:00000000000000ab")
        XCTAssertEqual(ContentHash.fnv1a([]).text, "cbf29ce484222325", "FNV-1a's offset basis")
        XCTAssertEqual(ContentHash.fnv1a(Array("a".utf8)).text, "af63dc4c8601ec8c", "FNV-1a 64 of \"a\"")
        for bad in ["", "xxh3:", "xxh3:12345", "XXH3:00000000000000ab", "xxh3:00000000000000AB", "md5:00000000000000ab",
                    "0000000000000000a", "zz00000000000000", "xxh3:+0000000000000ab"] {
            XCTAssertNil(ContentHash(size: 1, text: bad), bad)
        }
    }

    /// A journal duban wrote before XXH3 (format 1: FNV-1a hashes, 16 digits alone) over
    /// the plan it was made on: its changes come back, as made on that version.
    func testAFormatOneJournalStillNamesItsPlan() throws {
        try recoversFormatOne(plan: Fixture.plan)
    }

    /// The same over a plan large enough to be decoded on two cores with its pages given
    /// back: the FNV-1a is worked out from the file read again.
    func testAFormatOneJournalOverAPlanWhoseBytesWereGivenBack() throws {
        ByteRelease.minimumBytes = 0
        ByteRelease.step = 64 << 10
        PlanJSON.parallelDecodeBytes = 0
        defer { ByteRelease.minimumBytes = 32 << 20; ByteRelease.step = 4 << 20; PlanJSON.parallelDecodeBytes = 8 << 20 }
        let before = ByteRelease.releasedDecodes
        try recoversFormatOne(plan: PlanGenerator(tasks: 3000, units: 40, seed: 5).generate())
        XCTAssertGreaterThan(ByteRelease.releasedDecodes, before, "the plan's bytes were given back")
    }

    func recoversFormatOne(plan: Plan) throws {
        try PlanFile.save(plan, to: planPath, backup: false)
        let planBytes = try PlanFile.read(path: planPath)
        let id = plan.tasks[1].id
        do {
            let opened = try PlanFile.loadForEditing(path: planPath)
            let journal = try Journal.open(planPath: planPath, planBytes: opened.bytes, hash: opened.hash)
            let store = PlanStore(plan: opened.plan, rules: Rules(asOf: Fixture.asOf))
            XCTAssertTrue(try journal.apply(Edit(taskID: id, command: .setProgress(77), date: Fixture.asOf, author: nil), to: store))
            journal.debugReplaceDescriptor(-1)  // killed: the journal stays
        }
        // Rewritten as format 1 wrote it.
        let jpath = Journal.path(forPlan: planPath)
        var text = String(decoding: try PlanFile.read(path: jpath), as: UTF8.self)
        let xxh = ContentHash(planBytes).text, fnv = ContentHash.fnv1a(planBytes).text
        XCTAssertTrue(text.contains("\"dubanJournal\": 2,"), text)
        XCTAssertTrue(text.contains("\"" + xxh + "\""), text)
        text = text.replacingOccurrences(of: "\"dubanJournal\": 2,", with: "\"dubanJournal\": 1,")
            .replacingOccurrences(of: "\"" + xxh + "\"", with: "\"" + fnv + "\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: jpath))
        XCTAssertEqual(Journal.status(planPath: planPath), .pending(count: 1, inUse: false, journal: jpath))

        let opened = try PlanFile.loadForEditing(path: planPath)
        let journal = try Journal.open(planPath: planPath, planBytes: opened.bytes, hash: opened.hash)
        let found = try XCTUnwrap(journal.found)
        XCTAssertTrue(found.baseMatches, "the format-1 hash names the plan on disk")
        XCTAssertEqual(found.entries.count, 1)
        let recovered = try journal.recover(into: PlanStore(plan: opened.plan, rules: Rules(asOf: Fixture.asOf))).store
        XCTAssertEqual(recovered.plan.tasks.first { $0.id == id }?.progress, 77)
        // Saved: the journal starts again in format 2.
        _ = try journal.save(recovered.plan, expecting: opened.stamp)
        journal.close(unsaved: false)
        XCTAssertEqual(Journal.status(planPath: planPath), .clear)

        // A format-1 journal over another version of the plan: every entry waits, to merge.
        try Data(text.replacingOccurrences(of: fnv, with: ContentHash.fnv1a(Array("other".utf8)).text).utf8)
            .write(to: URL(fileURLWithPath: jpath))
        let o2 = try PlanFile.loadForEditing(path: planPath)
        let j2 = try Journal.open(planPath: planPath, planBytes: o2.bytes, hash: o2.hash)
        XCTAssertEqual(j2.found?.baseMatches, false)
        XCTAssertEqual(j2.found?.entries.count, 1)
        j2.debugReplaceDescriptor(-1)
    }
}
