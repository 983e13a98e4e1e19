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

    private func grow() {
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: buf, count: count)
        buf.deallocate()
        buf = bigger
        capacity *= 2
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
