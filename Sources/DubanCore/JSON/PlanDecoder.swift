import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Reads the plan file format (docs/plan-format.md) straight from bytes into a `Plan`.
/// Syntax errors stop the read; problems of meaning are collected (up to a limit) so
/// that `duban validate` can list them all.
public enum PlanJSON {
    /// The most problems reported from one file; the rest are summed up in one line.
    public static let problemLimit = 200
    /// Files with at least this many bytes after the tasks key decode their tasks on two
    /// cores (DECISIONS.md, "Parser"). A variable so that tests can lower it.
    nonisolated(unsafe) static var parallelDecodeBytes = 8 << 20
    /// How many decodes used the second core's half (for tests).
    nonisolated(unsafe) static var twoCoreDecodes = 0

    public static func decode(_ bytes: [UInt8], file: String) throws -> Plan {
        try bytes.withUnsafeBufferPointer { try decode($0, file: file) }
    }

    public static func decode(_ buffer: UnsafeBufferPointer<UInt8>, file: String) throws -> Plan {
        var d = PlanDecoder(JSONScanner(buffer), file: file)
        return try d.decodePlan()
    }

    /// Decodes bytes that nobody will read again, giving their pages back to the system
    /// as the decode leaves them behind when there are enough of them (`ByteRelease`:
    /// issue 16, the open's peak memory). `ready`: false while another thread still
    /// reads the bytes (the journal's hash). Whenever a message needs the bytes already
    /// given back, `reread` reads the file again for an ordinary decode, so the plan and
    /// every message are those of `decode`. Afterwards `bytes` holds zeros in places.
    static func decodeReleasing(_ bytes: [UInt8], file: String, ready: @escaping () -> Bool = { true },
                                reread: () throws -> [UInt8]) throws -> Plan {
        guard bytes.count >= ByteRelease.minimumBytes else { return try decode(bytes, file: file) }
        do {
            return try bytes.withUnsafeBufferPointer { buf in
                var d = PlanDecoder(JSONScanner(buf), file: file)
                d.release = ByteRelease(buf, ready: ready)
                let plan = try d.decodePlan()
                if d.release?.used == true { ByteRelease.releasedDecodes += 1 }
                return plan
            }
        } catch is ByteRelease.Needed {
            ByteRelease.rereads += 1
            return try decode(try reread(), file: file)
        }
    }
}

/// Tasks decoded by another core from a guessed split point to the end of the tasks
/// array (see `PlanDecoder.tasksArray`). Written by that core, read after `done`.
final class SecondHalf: @unchecked Sendable {
    let scanner: JSONScanner
    let start: Int
    let file: String
    /// Moved, not copied, into the plan's array when this half is used.
    let tasks = Gather<PlanTask>(capacity: 1024)
    var chapterAt: [Int] = []
    var ids = Set<String>()
    var end = 0
    var ok = false
    let done = DispatchSemaphore(value: 0)

    init(scanner: JSONScanner, start: Int, file: String) {
        self.scanner = scanner; self.start = start; self.file = file
    }

    func run() {
        defer { done.signal() }
        var d = PlanDecoder(scanner, file: file)
        d.s.pos = start
        do {
            var k = 0
            repeat {
                guard let (t, _, at) = try d.task(k), ids.insert(t.id).inserted else { return }
                tasks.append(t)
                chapterAt.append(at)
                if k == 255, let n = PlanDecoder.expectedTasks(from: start, at: d.s.pos, seen: 256, end: d.s.buf.count) {
                    tasks.reserve(n)
                    ids.reserveCapacity(n)
                }
                k += 1
            } while d.s.take(0x2C)
            try d.s.expect(0x5D, .k(.pjWhatCommaBracket))
            end = d.s.pos
            ok = d.pending.isEmpty && d.dropped == 0 && d.s.duplicates.isEmpty
        } catch {
            ok = false
        }
    }
}

struct PlanDecoder {
    var s: JSONScanner
    let file: String
    /// (byte offset, path, message); turned into line and column at the end.
    var pending: [(offset: Int, path: String, words: Words)] = []
    var dropped = 0
    /// One copy of each unit, leader and author name.
    var names = StringInterner()
    /// Set when the bytes behind the decoder may be given back (`decodeReleasing`).
    var release: ByteRelease?
    /// Where the elements of a string array and of a task's history are collected, to be
    /// handed over at their exact size (`Gather`, issue 16).
    let gatheredStrings = Gather<String>()
    let gatheredHistory = Gather<HistoryEntry>()

    init(_ s: JSONScanner, file: String) { self.s = s; self.file = file }

    // MARK: problems

    mutating func problem(_ offset: Int, _ path: String, _ words: Words) {
        if pending.count < PlanJSON.problemLimit {
            pending.append((offset, path, words))
        } else {
            dropped += 1
        }
    }

    func located() -> [PlanProblem] {
        // One pass over the buffer for all offsets, in order.
        let order = pending.indices.sorted { pending[$0].offset < pending[$1].offset }
        var lc = Array(repeating: (1, 1), count: pending.count)
        var line = 1, lineStart = 0, i = 0
        for k in order {
            let target = min(pending[k].offset, s.buf.count)
            while i < target {
                if s.buf[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
            }
            var col = 1
            var j = lineStart
            while j < target { if s.buf[j] & 0xC0 != 0x80 { col += 1 }; j += 1 }
            lc[k] = (line, col)
        }
        var out = pending.indices.map { k in
            PlanProblem(file: file, line: lc[k].0, column: lc[k].1, path: pending[k].path, words: pending[k].words)
        }
        if dropped > 0, let last = out.last {
            out.append(PlanProblem(file: file, line: last.line, column: last.column, path: "",
                                   words: .k(.pjMoreProblems, .t(dropped))))
        }
        return out
    }

    /// Skips a value of the wrong type (its first byte `c`) and records what was expected
    /// there instead.
    mutating func skipWrongValue(_ c: UInt8, _ path: String, expected: Words) throws {
        let at = s.here()
        let what = found(c, at: at)
        _ = try s.value()
        problem(at, path, .k(.pjExpectedFound, expected, what))
    }

    /// What kind of value starts at `at` (its first byte `c`), for "found ...": a word
    /// that is no JSON value (`hello`) is named as such, never called a number.
    func found(_ c: UInt8, at: Int) -> Words {
        func starts(_ lit: StaticString) -> Bool {
            let n = lit.utf8CodeUnitCount
            return at + n <= s.buf.count && s.keyIs(at..<(at + n), lit)
        }
        switch c {
        case 0x22: return .k(.pjFoundString)
        case 0x7B: return .k(.pjFoundObject)
        case 0x5B: return .k(.pjFoundArray)
        case 0x74 where starts("true"), 0x66 where starts("false"): return .k(.pjFoundBool)
        case 0x6E where starts("null"): return .k(.pjFoundNull)
        case 0x2D, 0x30...0x39: return .k(.pjFoundNumber)
        case 0 where at >= s.buf.count: return .k(.pjFoundNothing)
        default: return s.found(at: at)
        }
    }

    // MARK: typed values

    /// A string; nil (with a problem, the value skipped) when it is not one.
    mutating func string(_ path: @autoclosure () -> String, nullable: Bool = false) throws -> String? {
        let c = s.peek()
        if c == 0x22 { return try s.string() }
        if c == 0x6E, nullable { try s.literal("null"); return nil }
        try skipWrongValue(c, path(), expected: nullable ? .k(.pjWantStringOrNull) : .k(.pjFoundString))
        return nil
    }

    /// A string from a field whose values repeat (names): shared through the interner.
    mutating func name(_ path: @autoclosure () -> String, nullable: Bool = false) throws -> String? {
        if s.peek() == 0x22, let v = try internedString() { return v }
        return try string(path(), nullable: nullable)
    }

    /// The string at the cursor through the interner; nil (nothing consumed) when it has
    /// escapes, which the ordinary path decodes.
    mutating func internedString() throws -> String? {
        let start = s.pos
        let stop = s.stringStop(from: start + 1)
        guard stop < s.buf.count, s.buf[stop] == 0x22 else { return nil }
        guard let v = names.string(s.buf, (start + 1)..<stop) else {
            throw JSONScanner.SyntaxError(offset: start, .k(.pjBadUTF8String))
        }
        s.pos = stop + 1
        return v
    }

    mutating func stringArray(_ path: @autoclosure () -> String) throws -> [String] {
        let c = s.peek()
        guard c == 0x5B else {
            try skipWrongValue(c, path(), expected: .k(.pjWantStringArray))
            return []
        }
        s.pos += 1
        if s.take(0x5D) { return [] }
        let out = gatheredStrings
        out.reset()
        var k = 0
        repeat {
            if s.peek() == 0x22 {
                out.append(try internedString() ?? s.string())
            } else {
                let c = s.peek(), at = s.pos
                let what = found(c, at: at)
                _ = try s.value()
                let base = path()
                problem(at, "\(base)[\(k)]", .k(.pjExpectedFound, .k(.pjFoundString), what))
            }
            k += 1
        } while s.take(0x2C)
        try s.expect(0x5D, .k(.pjWhatCommaBracket))
        return out.take()
    }

    mutating func bool(_ path: @autoclosure () -> String) throws -> Bool? {
        let c = s.peek()
        if c == 0x74 { try s.literal("true"); return true }
        if c == 0x66 { try s.literal("false"); return false }
        try skipWrongValue(c, path(), expected: .k(.pjWantBool))
        return nil
    }

    mutating func int(_ path: @autoclosure () -> String, _ range: ClosedRange<Int>, what: Strings.Key) throws -> Int? {
        let c = s.peek()
        let at = s.here()
        guard c == 0x2D || (c >= 0x30 && c <= 0x39) else {
            try skipWrongValue(c, path(), expected: .k(what))
            return nil
        }
        // Fast path: a few plain digits followed by something that cannot continue a number.
        if c != 0x2D, let (v, end) = s.plainInt(), range.contains(v) { s.pos = end; return v }
        let text = try s.numberText()
        guard let v = Int(text), range.contains(v) else {
            let where_ = path()
            problem(at, where_, .k(.pjExpectedFound, .k(what), .text(text)))
            return nil
        }
        return v
    }

    mutating func date(_ path: @autoclosure () -> String, nullable: Bool) throws -> PlanDate? {
        let c = s.peek()
        let at = s.here()
        if c == 0x6E, nullable { try s.literal("null"); return nil }
        guard c == 0x22 else {
            try skipWrongValue(c, path(), expected: nullable ? .k(.pjWantDateOrNull) : .k(.pjWantDate))
            return nil
        }
        let (range, decoded) = try s.stringBytes()
        let d: PlanDate?
        if let range {
            d = PlanDate(isoBytes: UnsafeBufferPointer(rebasing: s.buf[range]))
        } else {
            d = decoded.withUnsafeBufferPointer { PlanDate(isoBytes: $0) }
        }
        guard let d else {
            let text = range.map { String(decoding: UnsafeBufferPointer(rebasing: s.buf[$0]), as: UTF8.self) }
                ?? String(decoding: decoded, as: UTF8.self)
            let shape = text.utf8.count == 10 && text.utf8.enumerated().allSatisfy { i, c in
                (i == 4 || i == 7) ? c == 0x2D : (c >= 0x30 && c <= 0x39)
            }
            let where_ = path()
            problem(at, where_, shape ? .k(.pjNotARealDay, .text(text))
                                      : .k(.pjExpectedFound, nullable ? .k(.pjWantDateOrNull) : .k(.pjWantDate), .text("\"\(text)\"")))
            return nil
        }
        return d
    }

    mutating func status(_ path: @autoclosure () -> String) throws -> TaskStatus? {
        let at = s.here()
        if s.peek() == 0x22 {
            // Fast path: compare the bytes with the four codes; anything else (escapes,
            // unknown words) takes the ordinary path below from the same place.
            let stop = s.stringStop(from: at + 1)
            if stop < s.buf.count, s.buf[stop] == 0x22 {
                let r = (at + 1)..<stop
                let st: TaskStatus?
                switch r.count {
                case 4: st = s.keyIs(r, "done") ? .done : nil
                case 7: st = s.keyIs(r, "lagging") ? .lagging : nil
                case 10: st = s.keyIs(r, "inProgress") ? .inProgress : s.keyIs(r, "notStarted") ? .notStarted : nil
                default: st = nil
                }
                if let st { s.pos = stop + 1; return st }
            }
        }
        guard let text = try string(path()) else { return nil }
        guard let st = TaskStatus(rawValue: text) else {
            let where_ = path()
            problem(at, where_, .k(.pjUnknownStatus, .text(text)))
            return nil
        }
        return st
    }

    /// Walks an object's keys; `body` reads the value of each key it knows and returns
    /// true, or returns false to keep the value as an unknown key.
    mutating func object(_ path: @autoclosure () -> String, _ body: (inout PlanDecoder, Range<Int>, Int) throws -> Bool) throws -> [JSONField]? {
        var none: Void = ()
        return try object(path(), into: &none) { d, _, k, at in try body(&d, k, at) }
    }

    /// The same, the value being read passed to `body` in place (issue 16): a struct the
    /// closure captured could not be moved out afterwards, so every task and history entry
    /// was copied (a retain and a release of each of its strings) on its way into the plan.
    mutating func object<T>(_ path: @autoclosure () -> String, into value: inout T,
                            _ body: (inout PlanDecoder, inout T, Range<Int>, Int) throws -> Bool) throws -> [JSONField]? {
        let c = s.peek()
        guard c == 0x7B else {
            try skipWrongValue(c, path(), expected: .k(.pjFoundObject))
            return nil
        }
        s.pos += 1
        var extra: [JSONField] = []
        if s.take(0x7D) { return extra }
        // A key given twice: a 64-bit mask of a hash of each key (length, first, middle and
        // last byte; no two keys of the plan format share a bit) finds candidates; only then
        // is the object read again from its start to compare (checkDuplicate).
        let objectStart = s.pos
        var mask: UInt64 = 0
        repeat {
            let keyAt = s.here()
            let (range, decoded) = try s.stringBytes()
            let bit = range.map { PlanDecoder.keyBit(UnsafeBufferPointer(rebasing: s.buf[$0])) }
                ?? decoded.withUnsafeBufferPointer { PlanDecoder.keyBit($0) }
            if mask & bit != 0 || range == nil { checkDuplicate(keyAt, objectStart: objectStart) }
            mask |= bit
            try s.expect(0x3A, .k(.pjWhatColon))
            let known: Bool
            if let range { known = try body(&self, &value, range, keyAt) } else { known = false }
            if !known {
                guard let key = range.map({ String(validating: UnsafeBufferPointer(rebasing: s.buf[$0]), as: UTF8.self) })
                        ?? String(validating: decoded, as: UTF8.self) else {
                    throw JSONScanner.SyntaxError(offset: keyAt, .k(.pjBadUTF8Key))
                }
                extra.append(JSONField(key, try s.value()))
            }
        } while s.take(0x2C)
        try s.expect(0x7D, .k(.pjWhatCommaBrace))
        return extra
    }

    /// One bit of 64 for a key's raw bytes.
    @inline(__always) static func keyBit(_ k: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = k.count
        guard n > 0 else { return 1 }
        var x = UInt64(n) &* 0x91b7_584a_2265_b1f5
        x ^= UInt64(k[0]) &* 0xcd61_3e30_d8f1_6adf
        x ^= UInt64(k[n - 1]) &* 0x1027_c4d1_c386_bbc5
        x ^= UInt64(k[n / 2]) &* 0x9E37_79B9_7F4A_7C15
        return 1 << ((x &* 0xD6E8_FEB8_6659_FD93) >> 58)
    }

    /// Records the key at `keyAt` (its opening quote) when an earlier key of the object
    /// whose keys start at `objectStart` is the same (compared decoded): reads the object
    /// again up to it. Only called when the key's bit was already set, or it has escapes.
    mutating func checkDuplicate(_ keyAt: Int, objectStart: Int) {
        // The object's start may have been given back: decode again from a fresh read.
        if let r = release, r.used { r.spoiled = true; return }
        func key(_ sc: inout JSONScanner) -> [UInt8]? {
            guard let (range, decoded) = try? sc.stringBytes() else { return nil }
            return range.map { Array(s.buf[$0]) } ?? decoded
        }
        var mine = s
        mine.pos = keyAt
        guard let k = key(&mine) else { return }
        var sc = s
        sc.pos = objectStart
        while sc.here() < keyAt {
            let at = sc.pos
            guard let other = key(&sc) else { return }
            if other == k {
                s.duplicates.append((keyAt, at, String(decoding: k, as: UTF8.self)))
                return
            }
            guard (try? sc.expect(0x3A, .k(.pjWhatColon))) != nil, (try? sc.value()) != nil, sc.take(0x2C) else { return }
        }
    }

    // MARK: the plan

    mutating func decodePlan() throws -> Plan {
        do {
            let plan = try decodePlanThrowingSyntax()
            // Placing a problem reads the file from its start: not what was given back.
            if let r = release, r.used, r.spoiled || !s.duplicates.isEmpty || !pending.isEmpty || dropped > 0 {
                throw ByteRelease.Needed()
            }
            if !s.duplicates.isEmpty { reportDuplicates() }
            if !pending.isEmpty { throw PlanLoadError(located()) }
            return plan
        } catch let e as JSONScanner.SyntaxError {
            if let r = release, r.used { throw ByteRelease.Needed() }
            // A file cut short says in which value it ends and what should have come.
            if e.offset >= s.buf.count, case .key(.pjExpectedFound, let args) = e.words, let what = args.first,
               let inside = containerPaths(at: [s.buf.count]).first ?? nil {
                pending.append((e.offset, "", .k(.pjEndsInside, inside.isEmpty ? .k(.pjThePlanObject) : .text(inside), what)))
            } else {
                pending.append((e.offset, "", e.words))
            }
            throw PlanLoadError(located())
        }
    }

    /// Every key given twice in one object, at the second, naming the first's line; the
    /// path is that of the object holding them.
    mutating func reportDuplicates() {
        let dups = s.duplicates.sorted { $0.second < $1.second }
        let paths = containerPaths(at: dups.map(\.second))
        let firstLines = lines(of: dups.map(\.first))
        for (k, d) in dups.enumerated() {
            problem(d.second, paths[k] ?? "", .k(.pjDuplicateKey, .text(d.key), .t(firstLines[k])))
        }
    }

    /// The line (from 1) of each offset, in one pass.
    func lines(of offsets: [Int]) -> [Int] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var out = Array(repeating: 1, count: offsets.count)
        var line = 1, i = 0
        for k in order {
            let target = min(offsets[k], s.buf.count)
            while i < target { if s.buf[i] == 0x0A { line += 1 }; i += 1 }
            out[k] = line
        }
        return out
    }

    /// The JSON path of the innermost object or array open at each offset (ascending),
    /// `tasks[12].history[0]`, "" for the plan object itself, nil outside every value: one
    /// walk over the structure up to the last offset. Only used to report a problem, so
    /// the decoder's own walk pays nothing for it.
    func containerPaths(at offsets: [Int]) -> [String?] {
        enum Level { case object(key: String?), array(index: Int) }
        var stack: [Level] = []
        var out: [String?] = []
        var expectKey = false
        var lastString: String?
        var p = 0
        let n = s.buf.count
        func path() -> String? {
            guard !stack.isEmpty else { return nil }
            var text = ""
            for level in stack.dropLast() {
                switch level {
                case .object(let key): text += text.isEmpty ? (key ?? "") : "." + (key ?? "")
                case .array(let index): text += "[\(index)]"
                }
            }
            return text
        }
        for target in offsets {
            while p < min(target, n) {
                let c = s.buf[p]
                switch c {
                case 0x22:
                    var e = p + 1
                    while e < n, s.buf[e] != 0x22 { e += s.buf[e] == 0x5C ? 2 : 1 }
                    let end = min(e, n)
                    lastString = expectKey ? String(decoding: UnsafeBufferPointer(rebasing: s.buf[(p + 1)..<max(p + 1, end)]), as: UTF8.self) : nil
                    p = end
                case 0x3A:
                    if case .object = stack.last, expectKey { stack[stack.count - 1] = .object(key: lastString); expectKey = false }
                case 0x7B: stack.append(.object(key: nil)); expectKey = true
                case 0x5B: stack.append(.array(index: 0))
                case 0x7D, 0x5D: if !stack.isEmpty { stack.removeLast() }; expectKey = false
                case 0x2C:
                    switch stack.last {
                    case .array(let i): stack[stack.count - 1] = .array(index: i + 1)
                    case .object: expectKey = true
                    case nil: break
                    }
                default: break
                }
                p += 1
            }
            out.append(path())
        }
        return out
    }

    /// What the file is when it is no UTF-8 text: UTF-16 or UTF-32 (by the byte order
    /// mark or the pattern of zero bytes JSON text gives in them), or binary data.
    func notUTF8Text() -> Words? {
        let b = s.buf, n = b.count
        func at(_ i: Int) -> UInt8 { i < n ? b[i] : 0xAA }
        let encoding: (Strings.Key, String)?
        if n >= 4, at(0) == 0xFF, at(1) == 0xFE, at(2) == 0, at(3) == 0 { encoding = (.pjUTF32LE, "UTF-32LE") }
        else if n >= 4, at(0) == 0, at(1) == 0, at(2) == 0xFE, at(3) == 0xFF { encoding = (.pjUTF32BE, "UTF-32BE") }
        else if n >= 2, at(0) == 0xFF, at(1) == 0xFE { encoding = (.pjUTF16LE, "UTF-16LE") }
        else if n >= 2, at(0) == 0xFE, at(1) == 0xFF { encoding = (.pjUTF16BE, "UTF-16BE") }
        else if n >= 4, at(0) != 0, at(1) == 0, at(2) == 0, at(3) == 0 { encoding = (.pjUTF32LE, "UTF-32LE") }
        else if n >= 4, at(0) == 0, at(1) == 0, at(2) == 0, at(3) != 0 { encoding = (.pjUTF32BE, "UTF-32BE") }
        else if n >= 2, at(0) != 0, at(1) == 0, n == 2 || at(3) == 0 { encoding = (.pjUTF16LE, "UTF-16LE") }
        else if n >= 2, at(0) == 0, at(1) != 0, n == 2 || at(2) == 0 { encoding = (.pjUTF16BE, "UTF-16BE") }
        else { encoding = nil }
        if let (key, name) = encoding { return .k(.pjEncoding, .k(key), .text(name)) }
        // Binary: a control byte other than white space near the start.
        var i = 0
        while i < min(n, 4096) {
            let c = b[i]
            if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C) || c == 0x7F {
                return .k(.pjBinary, .text((c < 16 ? "0" : "") + String(c, radix: 16)), .t(i))
            }
            i += 1
        }
        return nil
    }

    mutating func decodePlanThrowingSyntax() throws -> Plan {
        if let what = notUTF8Text() {
            pending.append((0, "", what))
            throw PlanLoadError(located())
        }
        // A UTF-8 byte order mark is tolerated.
        if s.buf.count >= 3, s.buf[0] == 0xEF, s.buf[1] == 0xBB, s.buf[2] == 0xBF { s.pos = 3 }
        if s.peek() == 0 && s.atEnd {
            pending.append((s.pos, "", .k(.pjEmpty)))
            throw PlanLoadError(located())
        }
        let topAt = s.pos
        guard s.peek() == 0x7B else {
            throw JSONScanner.SyntaxError(offset: s.pos, .k(.pjExpectedFound, .k(.pjWhatPlanObject), found(s.peek(), at: s.pos)))
        }
        var plan = Plan(title: "")
        var seen = (version: false, title: false, chapters: false, tasks: false)
        var versionAt = 0
        var chapterParentAt: [Int] = []
        var taskChapterAt: [Int] = []
        var taskIDs = Set<String>()
        var chapterIDs = Set<String>()

        let extra = try object("") { d, k, keyAt in
            if d.s.keyIs(k, "formatVersion") {
                seen.version = true
                versionAt = d.s.here()
                if let v = try d.int("formatVersion", 1...Int.max, what: .pjWantFormatVersion) {
                    plan.formatVersion = v
                }
            } else if d.s.keyIs(k, "title") {
                seen.title = true
                plan.title = try d.string("title") ?? ""
            } else if d.s.keyIs(k, "issuer") {
                plan.issuer = try d.string("issuer", nullable: true)
            } else if d.s.keyIs(k, "documentNumber") {
                plan.documentNumber = try d.string("documentNumber", nullable: true)
            } else if d.s.keyIs(k, "issueDate") {
                plan.issueDate = try d.date("issueDate", nullable: true)
            } else if d.s.keyIs(k, "year") {
                if d.s.peek() == 0x6E { try d.s.literal("null") } else {
                    plan.year = try d.int("year", 1...9999, what: .pjWantYear)
                }
            } else if d.s.keyIs(k, "source") {
                plan.source = try d.string("source", nullable: true)
            } else if d.s.keyIs(k, "reporting") {
                if d.s.peek() == 0x6E { try d.s.literal("null"); plan.reporting = nil }
                else { plan.reporting = try d.reporting() }
            } else if d.s.keyIs(k, "chapters") {
                seen.chapters = true
                try d.array("chapters") { d, i in
                    let at = d.s.here()
                    if let c = try d.chapter(i, parentAt: &chapterParentAt) {
                        if !chapterIDs.insert(c.id).inserted {
                            d.problem(at, "chapters[\(i)].id", .k(.pjDuplicateChapter, .text(c.id)))
                        }
                        plan.chapters.append(c)
                    }
                }
            } else if d.s.keyIs(k, "tasks") {
                seen.tasks = true
                try d.tasksArray(into: &plan.tasks, chapterAt: &taskChapterAt, ids: &taskIDs)
            } else if d.s.keyIs(k, "units") {
                try d.array("units") { d, i in
                    if let u = try d.unit(i) { plan.units.append(u) }
                }
            } else {
                return false
            }
            return true
        }
        plan.extra = extra ?? []
        if s.peek() != 0 || !s.atEnd {
            throw JSONScanner.SyntaxError(offset: s.pos, .k(.pjExpectedFound, .k(.pjWhatEndAfterPlan), s.describe(s.peek())))
        }
        for (key, present) in [("formatVersion", seen.version), ("title", seen.title),
                               ("chapters", seen.chapters), ("tasks", seen.tasks)] where !present {
            problem(topAt, "", .k(.pjMissingKey, .text(key)))
        }
        if plan.formatVersion > Plan.currentFormatVersion {
            problem(versionAt, "formatVersion", .k(.pjNewerFormat, .t(plan.formatVersion), .t(Plan.currentFormatVersion)))
        }
        // References between chapters and tasks.
        for (i, c) in plan.chapters.enumerated() {
            guard let p = c.parent else { continue }
            if !chapterIDs.contains(p) {
                problem(chapterParentAt[i], "chapters[\(i)].parent", .k(.pjNoSuchChapter, .text(p)))
            }
        }
        for cyc in cycles(plan.chapters) {
            problem(chapterParentAt[cyc], "chapters[\(cyc)].parent", .k(.pjOwnAncestor, .text(plan.chapters[cyc].id)))
        }
        // Each task's chapter read in place: `for t in plan.tasks` copied every task.
        plan.tasks.withUnsafeBufferPointer { tasks in
            for i in tasks.indices {
                if let c = tasks[i].chapter, !chapterIDs.contains(c) {
                    problem(taskChapterAt[i], "tasks[\(i)].chapter", .k(.pjNoSuchChapter, .text(c)))
                }
            }
        }
        return plan
    }

    /// For every loop in the chapters' parent links, the first chapter (in order) on it.
    /// Linear: each chapter is walked once, marking the chapters on the current path; a
    /// walk that meets its own path has found a loop, one that meets an earlier walk's
    /// chapters or an unknown parent has not. A chapter leading into a loop without being
    /// on it is not reported; the loop's own chapters are.
    func cycles(_ chapters: [Chapter]) -> [Int] {
        var node: [String: Int] = Dictionary(minimumCapacity: chapters.count)
        for (i, c) in chapters.enumerated() { node[c.id] = i }
        let parent = chapters.map { c in c.parent.flatMap { node[$0] } ?? -1 }
        // 0: not walked, 1: on the current walk, 2: finished
        var state = [UInt8](repeating: 0, count: chapters.count)
        var found: [Int] = []
        var path: [Int] = []
        for start in chapters.indices where state[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var x = start
            while x >= 0 && state[x] == 0 {
                state[x] = 1
                path.append(x)
                x = parent[x]
            }
            if x >= 0 && state[x] == 1, let k = path.firstIndex(of: x) {
                found.append(path[k...].min() ?? x)
            }
            for y in path { state[y] = 2 }
        }
        return found.sorted()
    }

    /// The tasks array. In a large file the second half is decoded on another core at the
    /// same time: the split is guessed (the first `,\n    {\n      "id": ` past the middle
    /// of what is left, where duban's layout starts a task) and only used if this decoder,
    /// walking the array, lands exactly on it, and the other core found no problem and no
    /// id this half already has. Otherwise its work is dropped and this core goes on alone,
    /// so the result and every message are the same as from one core (a test checks).
    mutating func tasksArray(into tasks: inout [PlanTask], chapterAt: inout [Int], ids: inout Set<String>) throws {
        let arrayStart = s.here()
        // `gathered`: where the tasks go on two cores (moved into `tasks` at the end).
        func one(_ d: inout PlanDecoder, _ i: Int, _ gathered: Gather<PlanTask>?) throws {
            if let (t, idAt, at) = try d.task(i) {
                if !ids.insert(t.id).inserted {
                    d.problem(idAt, "tasks[\(i)].id", .k(.pjDuplicateTask, .text(t.id)))
                }
                if let gathered { gathered.append(t) } else { tasks.append(t) }
                chapterAt.append(at)
            }
            // Nothing is given back once a problem waits to be placed (it will be decoded again).
            if let r = d.release, d.pending.isEmpty, d.s.duplicates.isEmpty { r.behind(d.s.pos) }
            // Room for every task, guessed from the first 256 (issue 16): growing by doubling
            // copied the array four times over at the end of a large file's decode, the old
            // and the new array alive together at the open's peak.
            if i == 255, let n = PlanDecoder.expectedTasks(from: arrayStart, at: d.s.pos, seen: 256, end: d.s.buf.count) {
                if let gathered { gathered.reserve(n) } else if n > tasks.capacity { tasks.reserveCapacity(n) }
                ids.reserveCapacity(n)
            }
        }
        // The progress line (issue 16): every 512 tasks, the bytes read so far; on two
        // cores this half's share scaled to the whole array.
        let progress = ProgressLine.current
        guard s.peek() == 0x5B, let half = startSecondHalf() else {
            try array("tasks") { d, i in
                try one(&d, i, nil)
                if i & 511 == 511, let p = progress { p.advance(to: d.s.pos) }
            }
            return
        }
        // The other core reads from its start on: nothing there is given back.
        release?.limit = half.start
        let from = s.pos, split = max(half.start - s.pos, 1), rest = s.buf.count - s.pos
        // Whatever happens here, the other core stops reading the buffer before we return.
        var joined = false
        defer { if !joined { half.done.wait() } }
        s.pos += 1
        if s.take(0x5D) { return }
        let mine = Gather<PlanTask>(capacity: 1024)
        // This half's tasks and the other's (when used), moved into the plan's array.
        func finish(_ other: Gather<PlanTask>?) {
            let all = other.map { Gather.joined(mine, $0) } ?? Gather.joined(mine)
            if tasks.isEmpty { tasks = all } else { tasks.append(contentsOf: all) }
        }
        var i = 0
        repeat {
            if !joined, s.here() == half.start {
                half.done.wait()
                joined = true
                // No id of the other half may be one of this half's; the union itself is not
                // needed (nothing reads `ids` after the array), so it is not made (issue 16).
                if half.ok && half.ids.allSatisfy({ !ids.contains($0) }) {
                    finish(half.tasks)
                    chapterAt.append(contentsOf: half.chapterAt)
                    s.pos = half.end
                    PlanJSON.twoCoreDecodes += 1
                    return
                }
            }
            try one(&self, i, mine)
            if i & 511 == 511, let p = progress { p.advance(to: from + Int(Double(s.pos - from) * Double(rest) / Double(split))) }
            i += 1
        } while s.take(0x2C)
        finish(nil)
        try s.expect(0x5D, .k(.pjWhatCommaBracket))
    }

    /// The room to reserve for the tasks of `from..<end` when `seen` tasks took `from..<at`:
    /// a little more than the guess (an array too large costs address space; its pages are
    /// only used when written).
    static func expectedTasks(from: Int, at: Int, seen: Int, end: Int) -> Int? {
        guard at > from else { return nil }
        let guess = Int(Double(end - from) / Double(at - from) * Double(seen) * 1.05) + 16
        return min(guess, (end - from) / 16)
    }

    /// Starts decoding tasks from a guessed split point on another core; nil for small files
    /// or when no split point is found.
    func startSecondHalf() -> SecondHalf? {
        let rest = s.buf.count - s.pos
        guard rest >= PlanJSON.parallelDecodeBytes, Cores.online > 1,
              let base = s.buf.baseAddress else { return nil }
        let pattern = Array(",\n    {\n      \"id\": ".utf8)
        let from = s.pos + rest / 2
        guard let hit = pattern.withUnsafeBufferPointer({ p -> UnsafeMutableRawPointer? in
            guard let pp = p.baseAddress else { return nil }
            return c_memmem(base + from, s.buf.count - from, pp, p.count)
        }) else { return nil }
        let start = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 6
        let half = SecondHalf(scanner: s, start: start, file: file)
        DispatchQueue.global().async { half.run() }
        return half
    }

    mutating func array(_ path: @autoclosure () -> String, _ element: (inout PlanDecoder, Int) throws -> Void) throws {
        let c = s.peek()
        guard c == 0x5B else {
            try skipWrongValue(c, path(), expected: .k(.pjFoundArray))
            return
        }
        s.pos += 1
        if s.take(0x5D) { return }
        var i = 0
        repeat {
            try element(&self, i)
            i += 1
        } while s.take(0x2C)
        try s.expect(0x5D, .k(.pjWhatCommaBracket))
    }

    mutating func chapter(_ i: Int, parentAt: inout [Int]) throws -> Chapter? {
        let at = s.here()
        var c = Chapter(id: "", label: "", title: "")
        var hasID = false, sawID = false
        var pAt = at
        guard let extra = try object("chapters[\(i)]", { d, k, _ in
            if d.s.keyIs(k, "id") { sawID = true; if let v = try d.string("chapters[\(i)].id") { c.id = v; hasID = true } }
            else if d.s.keyIs(k, "label") { c.label = try d.string("chapters[\(i)].label") ?? "" }
            else if d.s.keyIs(k, "title") { c.title = try d.string("chapters[\(i)].title") ?? "" }
            else if d.s.keyIs(k, "parent") { pAt = d.s.here(); c.parent = try d.string("chapters[\(i)].parent", nullable: true) }
            else if d.s.keyIs(k, "goal") { c.goal = try d.string("chapters[\(i)].goal", nullable: true) }
            else if d.s.keyIs(k, "mainTasks") { c.mainTasks = try d.string("chapters[\(i)].mainTasks", nullable: true) }
            else { return false }
            return true
        }) else { return nil }
        c.extra = extra
        // A wrongly typed id was reported as such: it is not also "missing".
        if !hasID { if !sawID { problem(at, "chapters[\(i)]", .k(.pjMissingKey, .text("id"))) }; return nil }
        parentAt.append(pAt)
        return c
    }

    mutating func task(_ i: Int) throws -> (PlanTask, Int, Int)? {
        let at = s.here()
        var t = PlanTask(id: "", text: "")
        var hasID = false, sawID = false, hasText = false
        var idAt = at, chapterAt = at
        guard let extra = try object("tasks[\(i)]", into: &t, { d, t, k, _ in
            switch k.count {
            case 2 where d.s.keyIs(k, "id"):
                sawID = true
                idAt = d.s.here()
                if let v = try d.string("tasks[\(i)].id") { t.id = v; hasID = true }
            case 4 where d.s.keyIs(k, "text"):
                hasText = true
                t.text = try d.string("tasks[\(i)].text") ?? ""
            case 4 where d.s.keyIs(k, "goal"):
                t.goal = try d.string("tasks[\(i)].goal", nullable: true)
            case 9 where d.s.keyIs(k, "mainTasks"):
                t.mainTasks = try d.string("tasks[\(i)].mainTasks", nullable: true)
            case 6 where d.s.keyIs(k, "number"):
                if d.s.peek() != 0x22 && d.s.peek() != 0x6E && d.s.peek() != 0x7B && d.s.peek() != 0x5B
                    && d.s.peek() != 0x74 && d.s.peek() != 0x66 {
                    t.number = try d.s.numberText()  // a bare number is taken as its text
                } else {
                    t.number = try d.string("tasks[\(i)].number", nullable: true)
                }
            case 7 where d.s.keyIs(k, "chapter"):
                chapterAt = d.s.here()
                t.chapter = try d.string("tasks[\(i)].chapter", nullable: true)
            case 7 where d.s.keyIs(k, "leaders"):
                t.leaders = try d.stringArray("tasks[\(i)].leaders")
            case 9 where d.s.keyIs(k, "leadUnits"):
                t.leadUnits = try d.stringArray("tasks[\(i)].leadUnits")
            case 7 where d.s.keyIs(k, "coUnits"):
                t.coUnits = try d.stringArray("tasks[\(i)].coUnits")
            case 8 where d.s.keyIs(k, "deadline"):
                t.deadline = try d.date("tasks[\(i)].deadline", nullable: true)
            case 16 where d.s.keyIs(k, "originalDeadline"):
                t.originalDeadline = try d.date("tasks[\(i)].originalDeadline", nullable: true)
            case 10 where d.s.keyIs(k, "extensions"):
                try d.array("tasks[\(i)].extensions") { d, j in
                    if let e = try d.extensionRequest(i, j) { t.extensions.append(e) }
                }
            case 12 where d.s.keyIs(k, "deadlineText"):
                t.deadlineText = try d.string("tasks[\(i)].deadlineText", nullable: true)
            case 10 where d.s.keyIs(k, "milestones"):
                try d.array("tasks[\(i)].milestones") { d, j in
                    if let m = try d.milestone(i, j) { t.milestones.append(m) }
                }
            case 12 where d.s.keyIs(k, "statusReason"):
                t.statusReason = try d.string("tasks[\(i)].statusReason", nullable: true)
            case 6 where d.s.keyIs(k, "origin"):
                if d.s.peek() == 0x6E { try d.s.literal("null"); t.origin = nil }
                else { t.origin = try d.sourcePlace(i) }
            case 15 where d.s.keyIs(k, "deadlineAssumed"):
                t.deadlineAssumed = try d.bool("tasks[\(i)].deadlineAssumed") ?? false
            case 9 where d.s.keyIs(k, "startDate"):
                t.startDate = try d.date("tasks[\(i)].startDate", nullable: true)
            case 6 where d.s.keyIs(k, "status"):
                t.status = try d.status("tasks[\(i)].status") ?? .notStarted
            case 14 where d.s.keyIs(k, "statusInferred"):
                t.statusInferred = try d.bool("tasks[\(i)].statusInferred") ?? false
            case 8 where d.s.keyIs(k, "progress"):
                t.progress = try d.int("tasks[\(i)].progress", 0...100, what: .pjWantPercent) ?? 0
            case 7 where d.s.keyIs(k, "remarks"):
                t.remarks = try d.name("tasks[\(i)].remarks") ?? ""
            case 7 where d.s.keyIs(k, "history"):
                let gathered = d.gatheredHistory
                gathered.reset()
                try d.array("tasks[\(i)].history") { d, j in
                    if let e = try d.historyEntry(i, j) { gathered.append(e) }
                }
                t.history = gathered.take()
            default:
                return false
            }
            return true
        }) else { return nil }
        t.extra = extra
        if !hasID { if !sawID { problem(at, "tasks[\(i)]", .k(.pjMissingKey, .text("id"))) }; return nil }
        if !hasText { problem(at, "tasks[\(i)]", .k(.pjMissingKey, .text("text"))) }
        return (t, idAt, chapterAt)
    }

    mutating func historyEntry(_ i: Int, _ j: Int) throws -> HistoryEntry? {
        let at = s.here()
        var e = HistoryEntry(date: PlanDate(dayNumber: 0), status: .notStarted, progress: 0)
        var hasDate = false, sawDate = false
        // The path is only spelled out when there is a problem to report.
        func p() -> String { "tasks[\(i)].history[\(j)]" }
        guard let extra = try object(p(), into: &e, { d, e, k, _ in
            switch k.count {
            case 4 where d.s.keyIs(k, "date"):
                sawDate = true
                if let v = try d.date(p() + ".date", nullable: false) { e.date = v; hasDate = true }
            case 6 where d.s.keyIs(k, "status"): e.status = try d.status(p() + ".status") ?? .notStarted
            case 8 where d.s.keyIs(k, "progress"):
                e.progress = try d.int(p() + ".progress", 0...100, what: .pjWantPercent) ?? 0
            // Notes repeat (正在推进。): through the interner, like names (issue 16).
            case 4 where d.s.keyIs(k, "note"): e.note = try d.name(p() + ".note") ?? ""
            case 6 where d.s.keyIs(k, "author"): e.author = try d.name(p() + ".author", nullable: true)
            case 6 where d.s.keyIs(k, "period"): e.period = try d.name(p() + ".period", nullable: true)
            default: return false
            }
            return true
        }) else { return nil }
        e.extra = extra
        if !hasDate { if !sawDate { problem(at, p(), .k(.pjMissingKey, .text("date"))) }; return nil }
        return e
    }

    mutating func milestone(_ i: Int, _ j: Int) throws -> Milestone? {
        let at = s.here()
        var m = Milestone(date: nil, text: "")
        var sawText = false
        func p() -> String { "tasks[\(i)].milestones[\(j)]" }
        guard let extra = try object(p(), { d, k, _ in
            switch k.count {
            case 4 where d.s.keyIs(k, "date"): m.date = try d.date(p() + ".date", nullable: true)
            case 4 where d.s.keyIs(k, "text"): sawText = true; m.text = try d.string(p() + ".text") ?? ""
            case 4 where d.s.keyIs(k, "done"): m.done = try d.bool(p() + ".done") ?? false
            default: return false
            }
            return true
        }) else { return nil }
        m.extra = extra
        if !sawText { problem(at, p(), .k(.pjMissingKey, .text("text"))); return nil }
        return m
    }

    mutating func extensionRequest(_ i: Int, _ j: Int) throws -> Extension? {
        let at = s.here()
        var e = Extension(requestedOn: PlanDate(dayNumber: 0), to: PlanDate(dayNumber: 0), reason: "")
        var sawOn = false, sawTo = false, hasOn = false, hasTo = false
        func p() -> String { "tasks[\(i)].extensions[\(j)]" }
        guard let extra = try object(p(), { d, k, _ in
            switch k.count {
            case 11 where d.s.keyIs(k, "requestedOn"):
                sawOn = true
                if let v = try d.date(p() + ".requestedOn", nullable: false) { e.requestedOn = v; hasOn = true }
            case 2 where d.s.keyIs(k, "to"):
                sawTo = true
                if let v = try d.date(p() + ".to", nullable: false) { e.to = v; hasTo = true }
            case 6 where d.s.keyIs(k, "reason"): e.reason = try d.string(p() + ".reason") ?? ""
            case 8 where d.s.keyIs(k, "decision"):
                let vAt = d.s.here()
                if let v = try d.string(p() + ".decision") {
                    if let dec = ExtensionDecision(rawValue: v) { e.decision = dec }
                    else { d.problem(vAt, p() + ".decision", .k(.pjUnknownDecision, .text(v))) }
                }
            case 9 where d.s.keyIs(k, "decidedBy"): e.decidedBy = try d.name(p() + ".decidedBy", nullable: true)
            case 9 where d.s.keyIs(k, "decidedOn"): e.decidedOn = try d.date(p() + ".decidedOn", nullable: true)
            default: return false
            }
            return true
        }) else { return nil }
        e.extra = extra
        if !sawOn { problem(at, p(), .k(.pjMissingKey, .text("requestedOn"))); return nil }
        if !sawTo { problem(at, p(), .k(.pjMissingKey, .text("to"))); return nil }
        guard hasOn, hasTo else { return nil }
        return e
    }

    /// The plan's `reporting` object: `{"every": "month", "day": 28}`, `{"every": "quarter"}`
    /// (optionally with `day`), or `{"dates": [...]}`.
    mutating func reporting() throws -> ReportingCycle? {
        let at = s.here()
        var every: String?, everyAt = at
        var day: Int?
        var dates: [PlanDate]?
        var bad = false
        guard let extra = try object("reporting", { d, k, _ in
            if d.s.keyIs(k, "every") {
                everyAt = d.s.here()
                if let v = try d.string("reporting.every") { every = v } else { bad = true }
            } else if d.s.keyIs(k, "day") {
                if let v = try d.int("reporting.day", 1...31, what: .pjWantDay) { day = v } else { bad = true }
            } else if d.s.keyIs(k, "dates") {
                var out: [PlanDate] = []
                try d.array("reporting.dates") { d, j in
                    if let v = try d.date("reporting.dates[\(j)]", nullable: false) { out.append(v) } else { bad = true }
                }
                dates = out
            } else { return false }
            return true
        }) else { return nil }
        if bad { return nil }
        switch (every, dates) {
        case ("month"?, nil):
            guard let day else { problem(at, "reporting", .k(.pjMissingKey, .text("day"))); return nil }
            return ReportingCycle(.monthly(day: day), extra: extra)
        case ("quarter"?, nil):
            return ReportingCycle(.quarterly(day: day), extra: extra)
        case (let e?, nil):
            problem(everyAt, "reporting.every", .k(.pjUnknownEvery, .text(e)))
            return nil
        case (nil, let ds?) where day == nil && !ds.isEmpty:
            return ReportingCycle(.dates(ds), extra: extra)
        default:
            problem(at, "reporting", .k(.pjReportingShape))
            return nil
        }
    }

    mutating func sourcePlace(_ i: Int) throws -> SourcePlace? {
        var o = SourcePlace()
        func p() -> String { "tasks[\(i)].origin" }
        guard let extra = try object(p(), { d, k, _ in
            switch k.count {
            case 4 where d.s.keyIs(k, "line"): o.line = try d.int(p() + ".line", 1...Int(Int32.max), what: .pjWantCount)
            case 5 where d.s.keyIs(k, "table"): o.table = try d.int(p() + ".table", 1...Int(Int32.max), what: .pjWantCount)
            case 3 where d.s.keyIs(k, "row"): o.row = try d.int(p() + ".row", 1...Int(Int32.max), what: .pjWantCount)
            case 6 where d.s.keyIs(k, "column"): o.column = try d.int(p() + ".column", 1...Int(Int32.max), what: .pjWantCount)
            default: return false
            }
            return true
        }) else { return nil }
        o.extra = extra
        return o
    }

    mutating func unit(_ i: Int) throws -> Unit? {
        let at = s.here()
        var u = Unit(name: "")
        var hasName = false, sawName = false
        let p = "units[\(i)]"
        guard let extra = try object(p, { d, k, _ in
            if d.s.keyIs(k, "name") { sawName = true; if let v = try d.string(p + ".name") { u.name = v; hasName = true } }
            else if d.s.keyIs(k, "aliases") { u.aliases = try d.stringArray(p + ".aliases") }
            else if d.s.keyIs(k, "group") { u.isGroup = try d.bool(p + ".group") ?? false }
            else if d.s.keyIs(k, "members") { u.members = try d.stringArray(p + ".members") }
            else { return false }
            return true
        }) else { return nil }
        u.extra = extra
        if !hasName { if !sawName { problem(at, p, .k(.pjMissingKey, .text("name"))) }; return nil }
        return u
    }
}
