import Foundation
import XCTest
@testable import DubanCore
import DubanSynthetic

/// The progress line (issue 16): its throttling and its text, with an injected clock.
/// No timing: the clock is a variable the test moves.
final class ProgressLineTests: XCTestCase {
    final class Screen {
        var events: [String?] = []
        var lines: [String] { events.compactMap { $0 } }
    }

    func reporter(_ lang: Lang = .zh, clock: @escaping () -> Double, _ screen: Screen) -> ProgressLine {
        ProgressLine(strings: Strings(lang), clock: clock, delay: 0.3, interval: 0.1, grace: 0.1) { screen.events.append($0) }
    }

    func testShortWorkShowsNothing() {
        var t = 0.0
        let screen = Screen()
        let p = reporter(clock: { t }, screen)
        p.begin(.load, name: "plan.json", total: 1000)
        for k in 1...10 { t = Double(k) * 0.02; p.advance(to: k * 100) }  // done at 0.2 s
        p.end()
        XCTAssertTrue(screen.events.isEmpty, "\(screen.events)")
        XCTAssertEqual(p.linesShown, 0)
    }

    func testLongWorkIsThrottledAndClearedAtTheEnd() {
        var t = 0.0
        let screen = Screen()
        let p = reporter(clock: { t }, screen)
        p.begin(.load, name: "plan.json", total: 200_000_000)
        // 1000 reports over 1 s: shown from 0.3 s on, at most every 0.1 s.
        for k in 1...1000 { t = Double(k) / 1000; p.advance(to: k * 200_000) }
        p.end()
        XCTAssertEqual(screen.events.last!, nil, "the line is cleared at the end")
        let lines = screen.lines
        XCTAssertGreaterThanOrEqual(lines.count, 6)
        XCTAssertLessThanOrEqual(lines.count, 8, "about one line per 0.1 s from 0.3 s to 1 s: \(lines)")
        XCTAssertEqual(lines.first, "正在打开 plan.json：30%（60.0 MB/200 MB）…")
        XCTAssertEqual(Set(lines).count, lines.count, "no line drawn twice")
        XCTAssertEqual(screen.events.filter { $0 == nil }.count, 1)
    }

    func testSameTextIsNotRedrawn() {
        var t = 0.0
        let screen = Screen()
        let p = reporter(clock: { t }, screen)
        p.begin(.save, name: "p.json", total: 100_000_000)
        t = 0.5; p.advance(to: 50_000_000)
        t = 0.7; p.advance(to: 50_000_000)  // same text: nothing drawn
        t = 0.9; p.advance(to: 50_000_001)  // same percentage and megabytes: nothing
        t = 1.1; p.advance(to: 60_000_000)
        XCTAssertEqual(screen.lines, ["正在保存 p.json：50%（50.0 MB/100 MB）…", "正在保存 p.json：60%（60.0 MB/100 MB）…"])
    }

    func testNextPhaseContinuesTheRunAndShowsAtOnce() {
        var t = 0.0
        let screen = Screen()
        let p = reporter(.en, clock: { t }, screen)
        p.begin(.load, name: "big.json", total: 1000)
        t = 0.4; p.advance(to: 500)
        t = 0.45; p.end()
        // The index build starts right after: the run is already 0.45 s long, so its line
        // (which has no percentage to advance) is drawn at its begin.
        t = 0.46; p.begin(.index, count: 100_000)
        XCTAssertEqual(screen.events, ["opening big.json: 50% (0.0 MB of 0.0 MB)…", nil, "indexing 100000 tasks…"])
        p.end()
        // Much later, a new run: the delay counts again.
        t = 5; p.begin(.save, name: "big.json", total: 1000)
        t = 5.1; p.advance(to: 10)
        XCTAssertEqual(screen.events.count, 4)
        t = 5.35; p.advance(to: 900)
        XCTAssertEqual(screen.events.last!, "saving big.json: 90% (0.0 MB of 0.0 MB)…")
    }

    func testTextOfEveryPhaseInBothLanguages() {
        let zh = Strings(.zh), en = Strings(.en)
        XCTAssertEqual(ProgressLine.text(zh, .importing, name: "通知.txt", done: 25_000_000, total: 50_000_000, count: 0),
                       "正在导入 通知.txt：50%（25.0 MB/50.0 MB）…")
        XCTAssertEqual(ProgressLine.text(en, .importing, name: "notice.txt", done: 0, total: 0, count: 0), "importing notice.txt…")
        XCTAssertEqual(ProgressLine.text(en, .encode, name: "", done: 0, total: 0, count: 7), "encoding 7 tasks for saving…")
        XCTAssertEqual(ProgressLine.text(zh, .index, name: "", done: 0, total: 0, count: 7), "正在建立索引（7项任务）…")
        XCTAssertEqual(ProgressLine.text(en, .merge, name: "a.xlsx", done: 300, total: 200, count: 0), "merging a.xlsx: 100% (0.0 MB of 0.0 MB)…",
                       "done past the total says 100%")
        // A file name with a control character reaches the terminal cleaned.
        XCTAssertFalse(ProgressLine.text(en, .load, name: "a\u{1B}[2Jb.json", done: 0, total: 0, count: 0).contains("\u{1B}"))
    }

    func testTerminalLineOverwritesItselfAndFitsTheWidth() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let sink = ProgressLine.terminalLine(fd: fds[1], columns: 12)
        sink("正在打开 一个很长的文件名.json")
        sink(nil)
        close(fds[1])
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = read(fds[0], &buf, buf.count)
        close(fds[0])
        let out = String(decoding: buf[0..<max(0, n)], as: UTF8.self)
        let parts = out.components(separatedBy: "\u{1B}[K")
        XCTAssertEqual(parts.count, 3, out.debugDescription)
        XCTAssertTrue(parts[0].hasPrefix("\r"))
        XCTAssertLessThanOrEqual(DisplayWidth.of(String(parts[0].dropFirst())), 11)
        XCTAssertEqual(parts[1], "\r")
    }

    func testNoReporterInstalledByDefault() {
        XCTAssertNil(ProgressLine.current)
        let p = ProgressLine(strings: Strings(.en)) { _ in }
        ProgressLine.with(p) { XCTAssertTrue(ProgressLine.current === p) }
        XCTAssertNil(ProgressLine.current)
    }
}

/// The core's long work reports to the installed reporter: the load by bytes (on one
/// core and on two), the index build, the encode and the save; nothing when none is
/// installed. The clock moves a second per reading, so every report is due.
final class LoadProgressTests: XCTestCase {
    var dir = ""
    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "duban-progress-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
        PlanJSON.parallelDecodeBytes = 8 << 20
        ProgressLine.current = nil
    }

    func lines(_ body: () throws -> Void) rethrows -> [String?] {
        var t = 0.0
        var events: [String?] = []
        let p = ProgressLine(strings: Strings(.en), clock: { t += 1; return t }, delay: 0, interval: 0, grace: 0) { events.append($0) }
        try ProgressLine.with(p, body)
        return events
    }

    func percentages(_ events: [String?], _ prefix: String) -> [Int] {
        events.compactMap { $0 }.filter { $0.hasPrefix(prefix) }.compactMap { line in
            guard let colon = line.range(of: ": "), let pct = line.range(of: "%") else { return nil }
            return Int(line[colon.upperBound..<pct.lowerBound])
        }
    }

    func testLoadIndexAndSaveReportOnOneAndTwoCores() throws {
        let path = dir + "/p.json"
        let plan = PlanGenerator(tasks: 3000, seed: 1).generate()
        try PlanFile.save(plan, to: path, backup: false)
        for parallel in [Int.max, 0] {
            PlanJSON.parallelDecodeBytes = parallel
            let before = PlanJSON.twoCoreDecodes
            var loaded: Plan? = nil
            let events = try lines { loaded = try PlanFile.load(path: path) }
            XCTAssertEqual(loaded?.tasks.count, 3000)
            XCTAssertEqual(PlanJSON.twoCoreDecodes - before, parallel == 0 ? 1 : 0)
            let pcts = percentages(events, "opening \(path)")
            XCTAssertEqual(pcts.first, 0, "\(events)")
            XCTAssertGreaterThanOrEqual(pcts.count, 3, "a line every 512 tasks: \(events)")
            XCTAssertEqual(pcts, pcts.sorted(), "never going back")
            XCTAssertTrue(pcts.allSatisfy { $0 <= 100 })
            XCTAssertEqual(events.last!, nil, "cleared at the end")
        }
        let events = try lines {
            let store = PlanStore(plan: try PlanFile.load(path: path), rules: Rules(asOf: Fixture.asOf))
            try PlanFile.save(store.plan, to: path)
        }
        let shown = events.compactMap { $0 }
        XCTAssertTrue(shown.contains("indexing 3000 tasks…"), "\(shown)")
        XCTAssertTrue(shown.contains("encoding 3000 tasks for saving…"), "\(shown)")
        XCTAssertTrue(shown.contains { $0.hasPrefix("saving \(path): 0%") }, "\(shown)")
    }

    func testNothingReportedWithoutAReporter() throws {
        let path = dir + "/p.json"
        try PlanFile.save(Fixture.plan, to: path, backup: false)
        XCTAssertNil(ProgressLine.current)
        XCTAssertEqual(try PlanFile.load(path: path).tasks.count, Fixture.plan.tasks.count)
    }

    /// The hash worked out beside the decode is the hash of the bytes read.
    func testOpenedHashIsTheBytesHash() throws {
        let path = dir + "/p.json"
        try PlanFile.save(PlanGenerator(tasks: 1500, seed: 2).generate(), to: path, backup: false)
        let opened = try PlanFile.loadForEditing(path: path)
        XCTAssertGreaterThan(opened.bytes.count, 1 << 20, "large enough for the hashing thread")
        XCTAssertEqual(opened.hash, ContentHash(opened.bytes))
        let small = dir + "/s.json"
        try PlanFile.save(Fixture.plan, to: small, backup: false)
        let o2 = try PlanFile.loadForEditing(path: small)
        XCTAssertEqual(o2.hash, ContentHash(o2.bytes))
    }
}

/// Issue 16's streamed save: the pieces are the bytes `encode` gives, in order, on one
/// worker or several, and a save through them writes exactly those bytes.
final class StreamedSaveTests: XCTestCase {
    func testPiecesJoinToTheEncodedBytes() throws {
        let plan = PlanGenerator(tasks: 1200, seed: 3).generate()
        let whole = PlanJSON.encode(plan)
        for (above, slice) in [(100_000, 5000), (10, 7), (10, 1000), (10, 5000)] {
            var joined: [UInt8] = []
            var pieces = 0
            try PlanJSON.encodePieces(plan, parallelAbove: above, sliceTasks: slice) { joined.append(contentsOf: $0); pieces += 1 }
            XCTAssertEqual(joined, whole, "parallelAbove \(above), slices of \(slice)")
            XCTAssertGreaterThanOrEqual(pieces, above < 1200 ? 3 : 1)
        }
    }

    /// speed2: behind a slow disk the workers wait for room; at most the window of slices
    /// (2 x cores) is alive at once, and the bytes are still the encoder's.
    func testASlowWriterKeepsAtMostTheWindowOfSlicesAlive() throws {
        let plan = PlanGenerator(tasks: 1200, seed: 6).generate()
        let whole = PlanJSON.encode(plan)
        var joined: [UInt8] = []
        var queue: SliceQueue?
        try PlanJSON.encodePieces(plan, parallelAbove: 10, sliceTasks: 20, onQueue: { queue = $0 }) {
            joined.append(contentsOf: $0)
            usleep(2000)  // a disk slower than the encoding
        }
        XCTAssertEqual(joined, whole)
        let q = try XCTUnwrap(queue, "1200 tasks above 10 are encoded in slices")
        XCTAssertEqual(q.window, 2 * PlanJSON.encodingCores)
        XCTAssertGreaterThanOrEqual(q.peakAlive, 1)
        XCTAssertLessThanOrEqual(q.peakAlive, q.window, "60 slices, a window of \(q.window)")
    }

    /// The queue alone, one worker far ahead of the writer: it gets the window's slices
    /// and waits; each slice written makes room for one more.
    func testTheQueueHandsOutNoMoreThanItsWindow() {
        final class Handed: @unchecked Sendable {
            let lock = NSLock()
            var count = 0
        }
        let q = SliceQueue(count: 10, window: 3)
        let handed = Handed()
        let worker = Thread {
            while let k = q.next() {
                handed.lock.lock(); handed.count += 1; handed.lock.unlock()
                var sink = ByteSink()
                sink.append(UInt8(k))
                q.finish(k, sink.take())
            }
        }
        worker.start()
        var seen: [UInt8] = []
        for k in 0..<10 {
            let b = q.take(k)
            usleep(5000)  // time for the worker to run ahead if it could
            handed.lock.lock(); let ahead = handed.count; handed.lock.unlock()
            XCTAssertLessThanOrEqual(ahead, k + 3, "slice \(k) not yet written")
            seen += b.withUnsafeBytes { Array($0) }
            q.done(k)
        }
        XCTAssertEqual(seen, (0..<10).map(UInt8.init))
        XCTAssertEqual(q.peakAlive, 3)
        XCTAssertNil(q.next())
    }

    func testAFailingWriterStopsTheWorkers() {
        let plan = PlanGenerator(tasks: 800, seed: 4).generate()
        struct Full: Error {}
        var calls = 0
        XCTAssertThrowsError(try PlanJSON.encodePieces(plan, parallelAbove: 10, sliceTasks: 20) { _ in
            calls += 1
            if calls == 3 { throw Full() }
        }) { XCTAssertTrue($0 is Full) }
        XCTAssertEqual(calls, 3)
    }

    func testSaveWritesTheEncodedBytes() throws {
        let dir = NSTemporaryDirectory() + "duban-stream-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plan = PlanGenerator(tasks: 4500, seed: 5).generate()  // above the parallel threshold
        let path = dir + "/p.json"
        try PlanFile.save(plan, to: path, backup: false)
        XCTAssertEqual(try PlanFile.read(path: path), PlanJSON.encode(plan))
        // A full disk part-way leaves the old version untouched and no temporary behind.
        let old = try PlanFile.read(path: path)
        var changed = plan
        changed.title += "（修订）"
        XCTAssertThrowsError(try PlanFile.saveReporting(changed, to: path, expecting: nil, backup: false,
                                                        faults: PlanFile.Faults(diskFullAfter: 3_000_000)))
        XCTAssertEqual(try PlanFile.read(path: path), old)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["p.json"])
    }
}
