import DubanCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one call to the shared plan answered (issue 15, pgloop), taken by the loop.
enum SharedAnswer {
    case listened(Error?)
    /// The cheap question asked of a server that was gone (its changes are asked again later).
    case probed(Error?)
    case committed(seq: Int, Result<SharedCommit, Error>)
    case pulled(Result<[SharedChange], Error>)
}

/// The one thread the dashboard's calls to a shared plan are made on (issue 15, pgloop), so
/// a server that hangs never holds up the loop: the loop gives it one call at a time; the
/// answer is kept here and a byte written to the wake pipe, and the loop takes the answer
/// (`take`, or `wait` a moment for it) on its own thread. The listen callback, on the
/// adapter's thread, only notes that the server said something changed (`notify`).
///
/// Once stopped it writes nothing more to the pipe (the loop may close it), runs no call
/// given but not begun, and ends after the call it is in (which cannot be cut short: the
/// adapter's own timeouts end it).
final class SharedWorker: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var cond = pthread_cond_t()
    private var job: (() -> SharedAnswer)?
    private var answer: SharedAnswer?
    private var notified = false
    private var stopped = false
    private var last: (() -> Void)?
    private var ended = false
    private let wakeWrite: Int32

    init(wakeWrite: Int32) {
        self.wakeWrite = wakeWrite
        pthread_mutex_init(&mutex, nil)
        var attr = pthread_condattr_t()
        pthread_condattr_init(&attr)
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC)
        pthread_cond_init(&cond, &attr)
        pthread_condattr_destroy(&attr)
        var thread = pthread_t()
        let me = Unmanaged.passRetained(self).toOpaque()
        if pthread_create(&thread, nil, { p in
            let w = Unmanaged<SharedWorker>.fromOpaque(p!).takeRetainedValue()
            w.main()
            return nil
        }, me) == 0 {
            pthread_detach(thread)
        } else {
            // No thread: the calls are made where they are given (as before pgloop).
            Unmanaged<SharedWorker>.fromOpaque(me).release()
            noThread = true
        }
    }

    private var noThread = false

    deinit {
        pthread_cond_destroy(&cond)
        pthread_mutex_destroy(&mutex)
    }

    /// Starts a call; the loop gives one only when the last one was answered and taken.
    func give(_ call: @escaping () -> SharedAnswer) {
        if noThread { answer = call(); return }
        pthread_mutex_lock(&mutex)
        job = call
        answer = nil
        pthread_cond_broadcast(&cond)
        pthread_mutex_unlock(&mutex)
    }

    /// The answer, when it came.
    func take() -> SharedAnswer? {
        pthread_mutex_lock(&mutex); defer { pthread_mutex_unlock(&mutex) }
        let a = answer
        answer = nil
        return a
    }

    /// The answer, waiting for it up to `seconds` (real time; `.infinity`: until it comes).
    func wait(_ seconds: Double) -> SharedAnswer? {
        pthread_mutex_lock(&mutex)
        if answer == nil && !stopped && seconds > 0 {
            if seconds == .infinity {
                while answer == nil && !stopped { pthread_cond_wait(&cond, &mutex) }
            } else {
                var until = timespec()
                clock_gettime(CLOCK_MONOTONIC, &until)
                let whole = seconds.rounded(.down)
                until.tv_sec += Int(whole)
                until.tv_nsec += Int((seconds - whole) * 1e9)
                if until.tv_nsec >= 1_000_000_000 { until.tv_sec += 1; until.tv_nsec -= 1_000_000_000 }
                while answer == nil && !stopped {
                    if pthread_cond_timedwait(&cond, &mutex, &until) == ETIMEDOUT { break }
                }
            }
        }
        let a = answer
        answer = nil
        pthread_mutex_unlock(&mutex)
        return a
    }

    /// The listen callback: the server said someone committed.
    func notify() {
        pthread_mutex_lock(&mutex)
        if !stopped {
            notified = true
            wake()
        }
        pthread_mutex_unlock(&mutex)
    }

    /// Whether the server said something changed since the last look (cleared).
    func takeNotified() -> Bool {
        pthread_mutex_lock(&mutex); defer { pthread_mutex_unlock(&mutex) }
        let n = notified
        notified = false
        return n
    }

    /// No more calls and no more bytes in the pipe; `finally` runs on the thread after the
    /// call it is in (a call given but not begun is dropped).
    func stop(finally: (() -> Void)? = nil) {
        if noThread { finally?(); ended = true; return }
        pthread_mutex_lock(&mutex)
        stopped = true
        job = nil
        last = finally
        pthread_cond_broadcast(&cond)
        pthread_mutex_unlock(&mutex)
    }

    /// Waits up to `seconds` for the thread to end after `stop`; whether it did.
    func waitEnded(_ seconds: Double) -> Bool {
        let end = ProgressLine.monotonic() + seconds
        pthread_mutex_lock(&mutex); defer { pthread_mutex_unlock(&mutex) }
        while !ended {
            let left = end - ProgressLine.monotonic()
            if left <= 0 { return false }
            var until = timespec()
            clock_gettime(CLOCK_MONOTONIC, &until)
            until.tv_nsec += Int(min(left, 0.05) * 1e9)
            if until.tv_nsec >= 1_000_000_000 { until.tv_sec += 1; until.tv_nsec -= 1_000_000_000 }
            _ = pthread_cond_timedwait(&cond, &mutex, &until)
        }
        return true
    }

    /// With the mutex held.
    private func wake() {
        var b: UInt8 = 1
        _ = write(wakeWrite, &b, 1)
    }

    private func main() {
        pthread_mutex_lock(&mutex)
        while true {
            if let j = job {
                job = nil
                pthread_mutex_unlock(&mutex)
                let a = j()
                pthread_mutex_lock(&mutex)
                if !stopped {
                    answer = a
                    wake()
                }
                pthread_cond_broadcast(&cond)
                continue
            }
            if stopped {
                let f = last
                last = nil
                pthread_mutex_unlock(&mutex)
                f?()
                pthread_mutex_lock(&mutex)
                ended = true
                pthread_cond_broadcast(&cond)
                pthread_mutex_unlock(&mutex)
                return
            }
            pthread_cond_wait(&cond, &mutex)
        }
    }
}
