#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One mutex and one condition variable on the monotonic clock, on the heap (their
/// addresses never move), for the threads that hand work to each other: the streamed
/// save's slices (`SliceQueue`) and the dashboard's database worker. Not a
/// `DispatchSemaphore`: libdispatch traps when a semaphore is freed below its initial
/// value, which a window of waits can leave it at.
public final class Condition: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let cond: UnsafeMutablePointer<pthread_cond_t>

    public init() {
        mutex = .allocate(capacity: 1)
        cond = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        var attr = pthread_condattr_t()
        pthread_condattr_init(&attr)
        #if os(Linux)
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(cond, &attr)
        pthread_condattr_destroy(&attr)
    }

    deinit {
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        cond.deallocate()
    }

    public func lock() { pthread_mutex_lock(mutex) }
    public func unlock() { pthread_mutex_unlock(mutex) }

    public func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// With the lock held: waits for a `broadcast` (or a spurious wake: callers loop on
    /// their own condition).
    public func wait() { pthread_cond_wait(cond, mutex) }

    /// With the lock held: waits for a `broadcast` until `deadline`, seconds on
    /// `ProgressLine.monotonic`; false once the deadline has passed.
    @discardableResult
    public func wait(until deadline: Double) -> Bool {
        let now = ProgressLine.monotonic()
        guard deadline > now else { return false }
        var until = timespec()
        clock_gettime(CLOCK_MONOTONIC, &until)
        let left = min(deadline - now, 86_400)
        let whole = left.rounded(.down)
        until.tv_sec += Int(whole)
        until.tv_nsec += Int((left - whole) * 1e9)
        if until.tv_nsec >= 1_000_000_000 { until.tv_sec += 1; until.tv_nsec -= 1_000_000_000 }
        return pthread_cond_timedwait(cond, mutex, &until) != ETIMEDOUT
    }

    public func broadcast() { pthread_cond_broadcast(cond) }
}
