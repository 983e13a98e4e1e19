#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line of a long load, index build, save, import or merge (issue 16): so a
/// province's plan never leaves a blank screen or a silent command.
///
/// Work in the core reports to `ProgressLine.current` (nil unless a front end installed one:
/// then reporting costs one load and a compare). A command installs a reporter whose sink
/// writes to standard error when that is a terminal (`ProgressLine.terminalLine`); the
/// dashboard installs one that draws on its first screen while the plan loads.
///
/// Throttled: nothing is shown until a run of work has taken `delay` seconds (a small
/// plan opens without a flicker), then the line is redrawn at most every `interval`
/// seconds and only when its text changes. A phase's `end` clears a line that was shown;
/// a phase that begins within `grace` seconds of the last one's end continues the same
/// run (the index build after a long load shows at once). Work reports from one thread
/// at a time (the thread that owns the load or save); the reporter holds a lock anyway.
public final class ProgressLine: @unchecked Sendable {
    /// What is being done: each has its line in the strings table.
    public enum Phase: Sendable, Equatable {
        case load, index, encode, save, importing, merge
    }

    /// A line to show, or nil: clear the line shown.
    public typealias Sink = (String?) -> Void

    /// The reporter the core's long work reports to; nil: nobody listens.
    nonisolated(unsafe) public static var current: ProgressLine?

    public let strings: Strings
    let clock: () -> Double
    let sink: Sink
    let delay: Double, interval: Double, grace: Double
    private var lock = pthread_mutex_t()

    private var phase: Phase = .load
    private var name = ""
    private var total = 0
    private var count = 0
    private var runStart: Double? = nil
    private var lastEnd: Double? = nil
    private var shownAt: Double? = nil
    private var shownText: String? = nil
    private var active = false

    /// The lines shown so far (for tests and the benchmark).
    public private(set) var linesShown = 0

    public init(strings: Strings, clock: @escaping () -> Double = ProgressLine.monotonic,
                delay: Double = 0.3, interval: Double = 0.1, grace: Double = 0.1, sink: @escaping Sink) {
        self.strings = strings; self.clock = clock; self.sink = sink
        self.delay = delay; self.interval = interval; self.grace = grace
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    /// Seconds on the monotonic clock.
    public static func monotonic() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// A phase starts. `name`: the file (shown cleaned); `total`: bytes to go through (0
    /// when unknown: no percentage); `count`: tasks, for the phases that say how many.
    public func begin(_ phase: Phase, name: String = "", total: Int = 0, count: Int = 0) {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        let t = clock()
        if runStart == nil || lastEnd.map({ t - $0 > grace }) ?? false { runStart = t }
        lastEnd = nil
        self.phase = phase; self.name = name; self.total = total; self.count = count
        active = true
        showIfDue(done: 0, at: t, force: true)
    }

    /// `done` of `total` bytes are through. Cheap enough to call every few hundred tasks.
    public func advance(to done: Int) {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        guard active else { return }
        showIfDue(done: done, at: clock(), force: false)
    }

    /// The phase is over: a line that was shown is cleared.
    public func end() {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        guard active else { return }
        active = false
        lastEnd = clock()
        if shownText != nil { sink(nil) }
        shownText = nil
        shownAt = nil
    }

    /// The line for a phase at `done` of `total` bytes, in the interface language.
    public func text(done: Int) -> String {
        ProgressLine.text(strings, phase, name: name, done: done, total: total, count: count)
    }

    public static func text(_ S: Strings, _ phase: Phase, name: String, done: Int, total: Int, count: Int) -> String {
        let shown = TerminalText.clean(name, .line)
        var line: String
        switch phase {
        case .load: line = S.format(.progLoad, shown)
        case .index: line = S.format(.progIndex, count)
        case .encode: line = S.format(.progEncode, count)
        case .save: line = S.format(.progSave, shown)
        case .importing: line = S.format(.progImport, shown)
        case .merge: line = S.format(.progMerge, shown)
        }
        if total > 0 {
            let d = min(max(done, 0), total)
            line += S.format(.progAmount, d * 100 / total, megabytes(d), megabytes(total))
        }
        return line + S[.progEllipsis]
    }

    /// 12.3 MB (decimal megabytes, one decimal below 100).
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return tenths >= 1000 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    private func showIfDue(done: Int, at t: Double, force: Bool) {
        guard let start = runStart, t - start >= delay else { return }
        if !force, let s = shownAt, t - s < interval { return }
        let line = text(done: done)
        guard line != shownText else { return }
        shownText = line
        shownAt = t
        linesShown += 1
        sink(line)
    }
}

extension ProgressLine {
    /// A sink for a terminal's standard error: the line drawn over itself (carriage
    /// return, the line cut to `columns` cells, erase to the end), cleared at the end.
    public static func terminalLine(fd: Int32 = 2, columns: Int) -> Sink {
        { line in
            var out = "\r"
            if let line { out += DisplayWidth.truncate(line, to: max(1, columns - 1)) }
            out += "\u{1B}[K"
            _ = out.withCString { p in write(fd, p, strlen(p)) }
        }
    }

    /// Runs `body` with `reporter` installed as `ProgressLine.current`, the previous one put
    /// back after it.
    public static func with<T>(_ reporter: ProgressLine?, _ body: () throws -> T) rethrows -> T {
        let previous = current
        current = reporter
        defer { current = previous }
        return try body()
    }
}
