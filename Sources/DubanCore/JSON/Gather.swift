/// A reusable buffer that collects the elements of one JSON array and hands them over as
/// an array of exactly their number (issue 16): appending to a fresh array grows it one,
/// two, four, eight elements, a malloc and a move each time, and leaves it up to twice
/// as large as it needs (a task's six history entries sat in room for eight). Elements
/// are moved in, and copied out once (see `take`).
/// Not for nested arrays of the same kind (the decoder has one per kind, used in turn).
final class Gather<T> {
    private var buf: UnsafeMutablePointer<T>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        buf = UnsafeMutablePointer<T>.allocate(capacity: self.capacity)
    }

    deinit {
        buf.deinitialize(count: count)
        buf.deallocate()
    }

    /// Drops whatever an array that failed half way left behind.
    @inline(__always) func reset() {
        if count > 0 { buf.deinitialize(count: count); count = 0 }
    }

    @inline(__always) func append(_ x: consuming T) {
        if count == capacity { grow() }
        (buf + count).initialize(to: x)
        count += 1
    }

    private func grow() { resize(capacity * 2) }

    private func resize(_ n: Int) {
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: n)
        bigger.moveInitialize(from: buf, count: count)
        buf.deallocate()
        buf = bigger
        capacity = n
    }

    /// Room for `n` elements in all.
    func reserve(_ n: Int) {
        if n > capacity { resize(n) }
    }

    /// The elements of `parts`, in order, moved (not copied) into one array; the buffers
    /// are empty after. For the decode's two halves of a large plan's tasks (issue 16):
    /// `append(contentsOf:)` of the second half's array copied each of its tasks (a
    /// retain of every string and array in it) and then freed the originals, ~50 ms of
    /// the joining core at 100k tasks. One array, so the stdlib's slower allocation (see
    /// `take`) is paid once.
    static func joined(_ parts: Gather<T>...) -> [T] {
        let total = parts.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        return Array(unsafeUninitializedCapacity: total) { out, n in
            var at = out.baseAddress!
            for p in parts where p.count > 0 {
                at.moveInitialize(from: p.buf, count: p.count)
                at += p.count
                p.count = 0
            }
            n = total
        }
    }

    /// The elements gathered, in order, as an array of their number; the buffer is empty after.
    @inline(__always) func take() -> [T] {
        let n = count
        guard n > 0 else { return [] }
        count = 0
        // Copied out through `Array(_:)` of the buffer, then dropped here: that path is
        // specialised in this module (the array's storage type known when compiled).
        // `Array(unsafeUninitializedCapacity:)` allocates through a stdlib function that
        // is never inlined and looks the storage type up at run time: ~800 instructions an
        // array, 4% of a plan's decode (issue 16's callgrind profile), against a retain and
        // a release of each element here.
        let out = Array(UnsafeBufferPointer(start: buf, count: n))
        buf.deinitialize(count: n)
        return out
    }
}
