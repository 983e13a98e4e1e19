#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes a `PlanWriter` writes: appended through a pointer into memory it owns and
/// frees (issue 16: `[UInt8].append`, a call with a uniqueness and a capacity check for
/// each byte or piece, was a fifth of a 100k plan's save). Not copyable, so no two
/// writers ever share one; `bytes` copies the result out, `take` hands it over uncopied.
struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always) mutating func append(_ b: UInt8) {
        if count == capacity { grow(1) }
        base[count] = b
        count += 1
    }

    @inline(__always) mutating func append(_ p: UnsafePointer<UInt8>, count n: Int) {
        if count + n > capacity { grow(n) }
        (base + count).update(from: p, count: n)
        count += n
    }

    @inline(__always) mutating func append(contentsOf b: UnsafeBufferPointer<UInt8>) {
        guard let p = b.baseAddress else { return }
        append(p, count: b.count)
    }

    mutating func append(contentsOf a: [UInt8]) {
        a.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    mutating func append(contentsOf s: String) {
        var s = s
        s.withUTF8 { append(contentsOf: $0) }
    }

    mutating func reserveCapacity(_ n: Int) {
        if n > capacity { grow(n - count) }
    }

    @inline(never) private mutating func grow(_ extra: Int) {
        let wanted = Swift.max(capacity * 2, count + extra)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: wanted)
        p.update(from: base, count: count)
        base.deallocate()
        base = p
        capacity = wanted
    }

    /// A copy of the bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes, handed over without a copy (the sink is gone).
    consuming func take() -> OwnedBytes {
        let owned = OwnedBytes(base, count: count)
        discard self
        return owned
    }
}

/// Bytes in memory of their own, freed with the last reference: a `ByteSink`'s output
/// waiting to be written (the encoder's slices).
final class OwnedBytes: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    let count: Int
    init(_ base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }
    deinit { base.deallocate() }
    /// The bytes, valid inside `body` (which keeps them alive).
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(UnsafeRawBufferPointer(start: base, count: count)) }
    }
}
