/// A plan in pieces, for a store that keeps each task apart (issue 15, the PostgreSQL
/// adapter): the frame (everything but the tasks) and each task's own bytes, written by the
/// same writer as the file, so that the pieces joined are byte for byte what `encode`
/// writes for the whole plan.
extension PlanJSON {
    /// The plan's bytes without its tasks' items: `bytes[..<split]` ends with the tasks
    /// array's `[`, `bytes[split...]` starts with its closing line `\n  ]`.
    public struct Frame: Sendable, Hashable {
        public var bytes: [UInt8]
        public var split: Int
        public init(bytes: [UInt8], split: Int) { self.bytes = bytes; self.split = split }
    }

    /// The frame of `plan` (its tasks are not looked at).
    public static func frame(_ plan: Plan) -> Frame {
        var w = PlanWriter()
        w.splitTasks = true
        w.splitEmpty = true
        w.plan(plan)
        return Frame(bytes: w.out.bytes, split: w.taskSplit)
    }

    /// One task as an item of the plan's tasks array writes it: `{` … `}` with the inner
    /// lines indented for depth 2 (valid JSON on its own).
    public static func encodeTask(_ task: PlanTask) -> [UInt8] {
        var w = PlanWriter()
        w.depth = 2
        w.objectItem { $0.task(task) }
        return w.out.bytes
    }

    /// The bytes before each task's item inside the array: a comma unless first, a newline
    /// and the item's indent.
    public static func taskSeparator(first: Bool) -> [UInt8] {
        first ? sepFirst : sepNext
    }

    /// Frame and task items (as `encodeTask` writes them) joined: the plan file's bytes.
    public static func assemble(_ frame: Frame, tasks: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(frame.bytes.count + tasks.reduce(0) { $0 + $1.count + 6 })
        assemble(frame, into: &out) { emit in for t in tasks { t.withUnsafeBytes { emit($0) } } }
        return out
    }

    /// The same, with the items handed over one by one by `items` (as rows arrive).
    public static func assemble(_ frame: Frame, into out: inout [UInt8],
                                items: ((UnsafeRawBufferPointer) -> Void) throws -> Void) rethrows {
        out.append(contentsOf: frame.bytes[..<frame.split])
        var n = 0
        try items { b in
            out.append(contentsOf: n == 0 ? sepFirst : sepNext)
            out.append(contentsOf: b)
            n += 1
        }
        if n == 0 {
            // `[]`: the frame's closing line `\n  ]` becomes the `]` right after `[`.
            out.append(contentsOf: frame.bytes[(frame.split + 3)...])
        } else {
            out.append(contentsOf: frame.bytes[frame.split...])
        }
    }

    private static let sepFirst = Array("\n    ".utf8)
    private static let sepNext = Array(",\n    ".utf8)

    /// One task from its bytes (what `encodeTask` writes, or any JSON object of a task);
    /// `file` names where it came from in the problems.
    public static func decodeTask(_ bytes: [UInt8], file: String) throws -> PlanTask {
        try bytes.withUnsafeBufferPointer { buf in
            var d = PlanDecoder(JSONScanner(buf), file: file)
            do {
                guard let (t, _, _) = try d.task(0) else { throw PlanLoadError(d.located()) }
                if !d.s.duplicates.isEmpty { d.reportDuplicates() }
                if !d.pending.isEmpty { throw PlanLoadError(d.located()) }
                return t
            } catch let e as JSONScanner.SyntaxError {
                d.pending.append((e.offset, "", e.words))
                throw PlanLoadError(d.located())
            }
        }
    }
}
