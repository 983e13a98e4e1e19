import Dispatch
#if canImport(Glibc)
import Glibc
#endif

extension PlanJSON {
    /// The plan as the file format's bytes: fixed key order, two-space indent, one line
    /// per scalar, UTF-8 text unescaped, a newline at the end. Keys the program does not
    /// know follow the known ones in the order they were read.
    public static func encode(_ plan: Plan) -> [UInt8] {
        let progress = ProgressLine.current
        progress?.begin(.encode, count: plan.tasks.count)
        defer { progress?.end() }
        return encode(plan, parallelAbove: 4000)
    }

    /// The cores the slices are encoded on (at most 8), for `encode` and `encodePieces` alike.
    static var encodingCores: Int { min(Cores.online, 8) }

    /// A plan too small to split: one writer, sized by the estimate.
    static func encodedByOneWriter(_ plan: Plan) -> [UInt8] {
        var w = PlanWriter()
        w.out.reserveCapacity(estimatedSize(plan))
        w.plan(plan)
        return w.out.bytes
    }

    /// Plans with more tasks than `parallelAbove` have their tasks encoded in slices on
    /// every core, then joined: the bytes are the same as from one writer (a test checks).
    static func encode(_ plan: Plan, parallelAbove: Int) -> [UInt8] {
        let cores = encodingCores
        let n = plan.tasks.count
        guard n > parallelAbove, cores > 1, n >= 2 else { return encodedByOneWriter(plan) }
        // The plan without its tasks, and where they go.
        var head = PlanWriter()
        head.splitTasks = true
        head.plan(plan)
        let split = head.taskSplit
        let slices = min(cores * 2, n)
        let chunks = SliceResults(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { k in
            let lo = n * k / slices, hi = n * (k + 1) / slices
            var w = PlanWriter()
            w.out.reserveCapacity((hi - lo) * 2200)
            w.taskItems(plan.tasks[lo..<hi], first: lo == 0)
            chunks.set(k, w.out.take())
        }
        var out: [UInt8] = []
        out.reserveCapacity(head.out.count + chunks.totalCount)
        head.out.withUnsafeBytes { out.append(contentsOf: $0[0..<split]) }
        for k in 0..<slices { chunks.get(k).withUnsafeBytes { out.append(contentsOf: $0) } }
        head.out.withUnsafeBytes { out.append(contentsOf: $0[split...]) }
        return out
    }

    /// A little more than the encoded size for plans without unknown keys, so the
    /// output is written without reallocating (a 200 MB plan otherwise copies itself
    /// once or twice): the layout's fixed bytes per object plus the strings' bytes.
    static func estimatedSize(_ plan: Plan) -> Int {
        // Read in place through the buffers: `for t in plan.tasks` copied every task (a
        // retain and a release of each of its strings and arrays), a tenth of a 100k
        // plan's `set` (issue 16).
        var n = 4096
        plan.chapters.withUnsafeBufferPointer { cs in
            for i in cs.indices {
                n += 160 + cs[i].id.utf8.count + cs[i].label.utf8.count + cs[i].title.utf8.count + (cs[i].parent?.utf8.count ?? 4)
                    + (cs[i].goal?.utf8.count ?? 0) + (cs[i].mainTasks?.utf8.count ?? 0)
            }
        }
        plan.tasks.withUnsafeBufferPointer { ts in
            for i in ts.indices {
                let t = ts.baseAddress! + i
                n += 420 + t.pointee.id.utf8.count + (t.pointee.number?.utf8.count ?? 0) + (t.pointee.chapter?.utf8.count ?? 0)
                    + t.pointee.text.utf8.count + t.pointee.remarks.utf8.count
                    + (t.pointee.goal.map { 16 + $0.utf8.count } ?? 0) + (t.pointee.mainTasks.map { 24 + $0.utf8.count } ?? 0)
                n += strings(t.pointee.leaders, 12) + strings(t.pointee.leadUnits, 12) + strings(t.pointee.coUnits, 12)
                t.pointee.history.withUnsafeBufferPointer { hs in
                    for j in hs.indices {
                        n += 150 + hs[j].note.utf8.count + (hs[j].author.map { 24 + $0.utf8.count } ?? 0)
                            + (hs[j].period.map { 24 + $0.utf8.count } ?? 0)
                    }
                }
                t.pointee.milestones.withUnsafeBufferPointer { ms in for j in ms.indices { n += 80 + ms[j].text.utf8.count } }
                t.pointee.extensions.withUnsafeBufferPointer { es in
                    for j in es.indices { n += 220 + es[j].reason.utf8.count + (es[j].decidedBy?.utf8.count ?? 0) }
                }
                if t.pointee.originalDeadline != nil { n += 40 }
                n += (t.pointee.deadlineText.map { 24 + $0.utf8.count } ?? 0) + (t.pointee.statusReason.map { 24 + $0.utf8.count } ?? 0)
                if t.pointee.origin != nil { n += 120 }
            }
        }
        for u in plan.units { n += 120 + u.name.utf8.count + u.aliases.count * 40 + u.members.count * 40 }
        return n + n / 64
    }

    /// The bytes of `list`'s strings, each with `each` more.
    @inline(__always) private static func strings(_ list: [String], _ each: Int) -> Int {
        list.withUnsafeBufferPointer { b in
            var n = 0
            for i in b.indices { n += each + b[i].utf8.count }
            return n
        }
    }

    /// The same bytes as `encode`, handed to `emit` in order, piece by piece, as they are
    /// ready (issue 16): the tasks are encoded in slices by workers on every core while
    /// the pieces before them are written, so a save writes while it encodes, and no
    /// piece outlives its `emit` (no 200 MB array joined from the slices). When `emit`
    /// throws, the workers stop taking slices and are waited for before it is rethrown.
    public static func encodePieces(_ plan: Plan, _ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        try encodePieces(plan, parallelAbove: 4000, emit)
    }

    /// `onQueue`: for tests, the slices' queue once the encoding is over (its `peakAlive`).
    static func encodePieces(_ plan: Plan, parallelAbove: Int, sliceTasks: Int = 5000,
                             onQueue: ((SliceQueue) -> Void)? = nil,
                             _ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let progress = ProgressLine.current
        progress?.begin(.encode, count: plan.tasks.count)
        defer { progress?.end() }
        let cores = encodingCores
        let n = plan.tasks.count
        guard n > parallelAbove, cores > 1, n >= 2 else {
            var w = PlanWriter()
            w.out.reserveCapacity(estimatedSize(plan))
            w.plan(plan)
            try w.out.withUnsafeBytes { try emit($0) }
            return
        }
        var head = PlanWriter()
        head.splitTasks = true
        head.plan(plan)
        let split = head.taskSplit
        let slices = max(cores * 2, min(n, (n + sliceTasks - 1) / sliceTasks))
        let work = SliceQueue(count: slices, window: 2 * cores)
        defer { onQueue?(work) }
        let group = DispatchGroup()
        for _ in 0..<cores {
            DispatchQueue.global().async(group: group) {
                while let k = work.next() {
                    let lo = n * k / slices, hi = n * (k + 1) / slices
                    var w = PlanWriter()
                    w.out.reserveCapacity((hi - lo) * 2200)
                    w.taskItems(plan.tasks[lo..<hi], first: lo == 0)
                    work.finish(k, w.out.take())
                }
            }
        }
        do {
            try head.out.withUnsafeBytes { try emit(UnsafeRawBufferPointer(rebasing: $0[0..<split])) }
            for k in 0..<slices {
                // The piece is dropped before `done` makes room for another.
                try work.take(k).withUnsafeBytes { try emit($0) }
                work.done(k)
            }
            try head.out.withUnsafeBytes { try emit(UnsafeRawBufferPointer(rebasing: $0[split...])) }
        } catch {
            work.cancel()
            group.wait()
            throw error
        }
        group.wait()
    }

    public static func encodeString(_ plan: Plan) -> String {
        String(decoding: encode(plan), as: UTF8.self)
    }
}

/// Each slice's bytes, filled by one worker each (distinct indexes, so no two threads
/// touch the same element; the lock only orders the writes before the reads).
final class SliceResults: @unchecked Sendable {
    private var items: [OwnedBytes?]
    private let lock = NSLockless()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ bytes: OwnedBytes) { lock.locked { items[k] = bytes } }
    func get(_ k: Int) -> OwnedBytes { lock.locked { items[k]! } }
    var totalCount: Int { lock.locked { items.reduce(0) { $0 + ($1?.count ?? 0) } } }
}

/// The slices of `encodePieces`: handed out in order to the workers, taken in order by
/// the writer, dropped once written. At most `window` slices are alive at once (handed
/// out and not yet written: being encoded, waiting, or being written), so workers faster
/// than the disk wait instead of piling encoded slices up in memory (issue 16: a 50 MB
/// notice's import peaked at 11x its size behind a busy disk), counted by hand under one
/// `Condition`.
final class SliceQueue: @unchecked Sendable {
    private var items: [OwnedBytes?]
    private var isReady: [Bool]
    private var nextIndex = 0
    /// Slices written and dropped (`done`), all of them below this index.
    private var released = 0
    private var cancelled = false
    let window: Int
    /// The most slices alive at once so far (tests assert it stays within `window`).
    private(set) var peakAlive = 0
    private let changed = Condition()

    init(count: Int, window: Int) {
        items = Array(repeating: nil, count: count)
        isReady = Array(repeating: false, count: count)
        self.window = max(1, window)
    }

    private func locked<T>(_ body: () -> T) -> T { changed.locked(body) }

    /// The next slice to encode, once the window has room for it; nil when all are
    /// handed out or the write failed.
    func next() -> Int? {
        locked {
            while !cancelled, nextIndex < items.count, nextIndex - released >= window {
                changed.wait()
            }
            guard !cancelled, nextIndex < items.count else { return nil }
            defer { nextIndex += 1 }
            peakAlive = max(peakAlive, nextIndex + 1 - released)
            return nextIndex
        }
    }

    func finish(_ k: Int, _ bytes: OwnedBytes) {
        locked {
            items[k] = bytes
            isReady[k] = true
            changed.broadcast()
        }
    }

    /// Slice `k`'s bytes once encoded; the writer calls `done(k)` after writing them.
    func take(_ k: Int) -> OwnedBytes {
        locked {
            while !isReady[k] { changed.wait() }
            let b = items[k]!
            items[k] = nil
            return b
        }
    }

    /// Slice `k` is written and its bytes dropped: room for one more.
    func done(_ k: Int) {
        locked {
            released = k + 1
            changed.broadcast()
        }
    }

    func cancel() {
        locked {
            cancelled = true
            changed.broadcast()
        }
    }
}

/// A pthread mutex (DubanCore does not import Foundation).
final class NSLockless: @unchecked Sendable {
    private var m = pthread_mutex_t()
    init() { pthread_mutex_init(&m, nil) }
    deinit { pthread_mutex_destroy(&m) }
    func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&m)
        defer { pthread_mutex_unlock(&m) }
        return body()
    }
}

/// Writes JSON in the one layout duban uses. Not copyable: its `ByteSink` is its own.
struct PlanWriter: ~Copyable {
    var out = ByteSink()
    /// When set, `plan` writes the tasks array empty and records in `taskSplit` where
    /// its items go (after the `[`), for the parallel encoder.
    var splitTasks = false
    /// With `splitTasks`, a plan without tasks is split too (the frame of a shared plan).
    var splitEmpty = false
    var taskSplit = 0
    var depth = 0

    @inline(__always) mutating func raw(_ s: StaticString) {
        out.append(s.utf8Start, count: s.utf8CodeUnitCount)
    }

    static let spaces = [UInt8](repeating: 0x20, count: 64)

    @inline(__always) mutating func indent() {
        let n = 2 * depth
        if n <= PlanWriter.spaces.count {
            PlanWriter.spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
        } else {
            for _ in 0..<depth { out.append(0x20); out.append(0x20) }
        }
    }

    /// Whether the bytes need no escaping: no '"', '\\', control byte or DEL. Eight bytes
    /// at a time (the same SWAR test as the scanner's, plus DEL).
    @inline(__always) static func isClean(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let q = w ^ 0x2222_2222_2222_2222, s = w ^ 0x5C5C_5C5C_5C5C_5C5C, d = w ^ 0x7F7F_7F7F_7F7F_7F7F
            if ((q &- ones) & ~q | (s &- ones) & ~s | (d &- ones) & ~d | (w &- 0x2020_2020_2020_2020) & ~w) & highs != 0 {
                return false
            }
            i += 8
        }
        while i < n {
            let c = base[i]
            if c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F { return false }
            i += 1
        }
        return true
    }

    mutating func string(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            if PlanWriter.isClean(b) { out.append(contentsOf: b); return }
            for c in b {
                switch c {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x08: out.append(0x5C); out.append(0x62)
                case 0x0C: out.append(0x5C); out.append(0x66)
                case 0..<0x20, 0x7F:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]])
                default: out.append(c)
                }
            }
        }
        out.append(0x22)
    }

    mutating func int(_ v: Int) {
        if v >= 0 && v < 1000 {
            // Progress and years: digits straight into the output.
            if v >= 100 { out.append(0x30 + UInt8(v / 100)) }
            if v >= 10 { out.append(0x30 + UInt8(v / 10 % 10)) }
            out.append(0x30 + UInt8(v % 10))
            return
        }
        out.append(contentsOf: String(v))
    }

    /// `"YYYY-MM-DD"`, as `string(d.iso)` writes it, without building the string.
    mutating func date(_ d: PlanDate) {
        let (y, m, day) = d.components
        guard (0...9999).contains(y) else { string(d.iso); return }
        out.append(0x22)
        out.append(0x30 + UInt8(y / 1000)); out.append(0x30 + UInt8(y / 100 % 10))
        out.append(0x30 + UInt8(y / 10 % 10)); out.append(0x30 + UInt8(y % 10))
        out.append(0x2D)
        out.append(0x30 + UInt8(m / 10)); out.append(0x30 + UInt8(m % 10))
        out.append(0x2D)
        out.append(0x30 + UInt8(day / 10)); out.append(0x30 + UInt8(day % 10))
        out.append(0x22)
    }

    /// Opens `"key": ` on a new line at the current depth, after a comma unless first.
    mutating func key(_ k: StaticString, first: inout Bool) {
        if !first { out.append(0x2C) }
        first = false
        out.append(0x0A)
        indent()
        out.append(0x22)
        raw(k)
        raw("\": ")
    }

    mutating func key(_ k: String, first: inout Bool) {
        if !first { out.append(0x2C) }
        first = false
        out.append(0x0A)
        indent()
        string(k)
        raw(": ")
    }

    mutating func optionalString(_ s: String?) { if let s { string(s) } else { raw("null") } }
    mutating func optionalDate(_ d: PlanDate?) { if let d { date(d) } else { raw("null") } }
    mutating func bool(_ b: Bool) { if b { raw("true") } else { raw("false") } }

    /// An array in the one layout: `[]` when empty, else one item a line, one level in.
    @inline(__always)
    mutating func items(count: Int, _ item: (inout PlanWriter, Int) -> Void) {
        if count == 0 { raw("[]"); return }
        out.append(0x5B)
        depth += 1
        for i in 0..<count {
            if i > 0 { out.append(0x2C) }
            out.append(0x0A)
            indent()
            item(&self, i)
        }
        depth -= 1
        out.append(0x0A)
        indent()
        out.append(0x5D)
    }

    /// `{`, the fields one level in, `}` on its own line.
    @inline(__always)
    mutating func objectItem(_ fields: (inout PlanWriter) -> Void) {
        out.append(0x7B)
        depth += 1
        fields(&self)
        depth -= 1
        out.append(0x0A)
        indent()
        out.append(0x7D)
    }

    mutating func stringArray(_ a: [String]) {
        items(count: a.count) { w, i in w.string(a[i]) }
    }

    mutating func objectArray<T>(_ list: [T], _ body: (inout PlanWriter, T) -> Void) {
        items(count: list.count) { w, i in w.objectItem { body(&$0, list[i]) } }
    }

    mutating func extras(_ fields: [JSONField], first: inout Bool) {
        for f in fields {
            key(f.key, first: &first)
            value(f.value)
        }
    }

    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): bool(b)
        case .number(let n): out.append(contentsOf: n)
        case .string(let s): string(s)
        case .array(let list):
            items(count: list.count) { w, i in w.value(list[i]) }
        case .object(let fields):
            if fields.isEmpty { raw("{}"); return }
            objectItem { w in
                var first = true
                w.extras(fields, first: &first)
            }
        }
    }

    mutating func plan(_ p: Plan) {
        out.append(0x7B)
        depth = 1
        var first = true
        key("formatVersion", first: &first); int(p.formatVersion)
        key("title", first: &first); string(p.title)
        if let v = p.issuer { key("issuer", first: &first); string(v) }
        if let v = p.documentNumber { key("documentNumber", first: &first); string(v) }
        if let v = p.issueDate { key("issueDate", first: &first); date(v) }
        if let v = p.year { key("year", first: &first); int(v) }
        if let v = p.source { key("source", first: &first); string(v) }
        if let r = p.reporting {
            key("reporting", first: &first)
            objectItem { w in
                var first = true
                switch r.kind {
                case .monthly(let day):
                    w.key("every", first: &first); w.string("month")
                    w.key("day", first: &first); w.int(day)
                case .quarterly(let day):
                    w.key("every", first: &first); w.string("quarter")
                    if let day { w.key("day", first: &first); w.int(day) }
                case .dates(let ds):
                    w.key("dates", first: &first)
                    w.stringArray(ds.map(\.iso))
                }
                w.extras(r.extra, first: &first)
            }
        }
        key("chapters", first: &first)
        objectArray(p.chapters) { w, c in
            var first = true
            w.key("id", first: &first); w.string(c.id)
            w.key("label", first: &first); w.string(c.label)
            w.key("title", first: &first); w.string(c.title)
            w.key("parent", first: &first); w.optionalString(c.parent)
            if let g = c.goal { w.key("goal", first: &first); w.string(g) }
            if let m = c.mainTasks { w.key("mainTasks", first: &first); w.string(m) }
            w.extras(c.extra, first: &first)
        }
        key("tasks", first: &first)
        if splitTasks && (!p.tasks.isEmpty || splitEmpty) {
            // "[" items "\n  ]", as objectArray writes them at this depth.
            out.append(0x5B)
            taskSplit = out.count
            out.append(0x0A)
            indent()
            out.append(0x5D)
        } else {
            objectArray(p.tasks) { w, t in w.task(t) }
        }
        if !p.units.isEmpty {
            key("units", first: &first)
            objectArray(p.units) { w, u in
                var first = true
                w.key("name", first: &first); w.string(u.name)
                w.key("aliases", first: &first); w.stringArray(u.aliases)
                w.key("group", first: &first); w.bool(u.isGroup)
                w.key("members", first: &first); w.stringArray(u.members)
                w.extras(u.extra, first: &first)
            }
        }
        extras(p.extra, first: &first)
        depth = 0
        out.append(0x0A)
        out.append(0x7D)
        out.append(0x0A)
    }

    /// Task objects as items of the plan's tasks array (depth 2), each after a comma
    /// unless it is the array's first: what `objectArray` writes for them, in slices.
    mutating func taskItems(_ tasks: ArraySlice<PlanTask>, first: Bool) {
        depth = 2
        var isFirst = first
        for t in tasks {
            if !isFirst { out.append(0x2C) }
            isFirst = false
            out.append(0x0A)
            indent()
            objectItem { $0.task(t) }
        }
    }

    mutating func task(_ t: PlanTask) {
        var first = true
        key("id", first: &first); string(t.id)
        key("number", first: &first); optionalString(t.number)
        key("chapter", first: &first); optionalString(t.chapter)
        key("text", first: &first); string(t.text)
        if let g = t.goal { key("goal", first: &first); string(g) }
        if let m = t.mainTasks { key("mainTasks", first: &first); string(m) }
        key("leaders", first: &first); stringArray(t.leaders)
        key("leadUnits", first: &first); stringArray(t.leadUnits)
        key("coUnits", first: &first); stringArray(t.coUnits)
        key("deadline", first: &first); optionalDate(t.deadline)
        if let o = t.originalDeadline { key("originalDeadline", first: &first); date(o) }
        if let d = t.deadlineText { key("deadlineText", first: &first); string(d) }
        key("deadlineAssumed", first: &first); bool(t.deadlineAssumed)
        if !t.extensions.isEmpty {
            key("extensions", first: &first)
            objectArray(t.extensions) { w, e in
                var first = true
                w.key("requestedOn", first: &first); w.date(e.requestedOn)
                w.key("to", first: &first); w.date(e.to)
                w.key("reason", first: &first); w.string(e.reason)
                w.key("decision", first: &first); w.string(e.decision.rawValue)
                if let b = e.decidedBy { w.key("decidedBy", first: &first); w.string(b) }
                if let o = e.decidedOn { w.key("decidedOn", first: &first); w.date(o) }
                w.extras(e.extra, first: &first)
            }
        }
        if !t.milestones.isEmpty {
            key("milestones", first: &first)
            objectArray(t.milestones) { w, m in
                var first = true
                w.key("date", first: &first); w.optionalDate(m.date)
                w.key("text", first: &first); w.string(m.text)
                w.key("done", first: &first); w.bool(m.done)
                w.extras(m.extra, first: &first)
            }
        }
        if let s = t.startDate { key("startDate", first: &first); date(s) }
        key("status", first: &first); string(t.status.rawValue)
        if t.statusInferred { key("statusInferred", first: &first); bool(true) }
        if let r = t.statusReason { key("statusReason", first: &first); string(r) }
        key("progress", first: &first); int(t.progress)
        key("remarks", first: &first); string(t.remarks)
        key("history", first: &first)
        objectArray(t.history) { w, e in
            var first = true
            w.key("date", first: &first); w.date(e.date)
            w.key("status", first: &first); w.string(e.status.rawValue)
            w.key("progress", first: &first); w.int(e.progress)
            w.key("note", first: &first); w.string(e.note)
            if let a = e.author { w.key("author", first: &first); w.string(a) }
            if let p = e.period { w.key("period", first: &first); w.string(p) }
            w.extras(e.extra, first: &first)
        }
        if let o = t.origin {
            key("origin", first: &first)
            if o.isEmpty { raw("{}") } else {
                objectItem { w in
                    var first = true
                    if let v = o.line { w.key("line", first: &first); w.int(v) }
                    if let v = o.table { w.key("table", first: &first); w.int(v) }
                    if let v = o.row { w.key("row", first: &first); w.int(v) }
                    if let v = o.column { w.key("column", first: &first); w.int(v) }
                    w.extras(o.extra, first: &first)
                }
            }
        }
        extras(t.extra, first: &first)
    }
}
