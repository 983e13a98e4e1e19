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
    private let c = Condition()
    private var job: (() -> SharedAnswer)?
    private var answer: SharedAnswer?
    private var notified = false
    private var stopped = false
    private var last: (() -> Void)?
    private var ended = false
    private let wakeWrite: Int32

    init(wakeWrite: Int32) {
        self.wakeWrite = wakeWrite
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

    /// Starts a call; the loop gives one only when the last one was answered and taken.
    func give(_ call: @escaping () -> SharedAnswer) {
        if noThread { answer = call(); return }
        c.lock()
        job = call
        answer = nil
        c.broadcast()
        c.unlock()
    }

    /// The answer, when it came.
    func take() -> SharedAnswer? {
        c.lock(); defer { c.unlock() }
        let a = answer
        answer = nil
        return a
    }

    /// The answer, waiting for it up to `seconds` (real time; `.infinity`: until it comes).
    func wait(_ seconds: Double) -> SharedAnswer? {
        c.locked {
            if seconds == .infinity {
                while answer == nil && !stopped { c.wait() }
            } else if seconds > 0 {
                let deadline = ProgressLine.monotonic() + seconds
                while answer == nil && !stopped && c.wait(until: deadline) {}
            }
            let a = answer
            answer = nil
            return a
        }
    }

    /// The listen callback: the server said someone committed.
    func notify() {
        c.lock()
        if !stopped {
            notified = true
            wake()
        }
        c.unlock()
    }

    /// Whether the server said something changed since the last look (cleared).
    func takeNotified() -> Bool {
        c.lock(); defer { c.unlock() }
        let n = notified
        notified = false
        return n
    }

    /// No more calls and no more bytes in the pipe; `finally` runs on the thread after the
    /// call it is in (a call given but not begun is dropped).
    func stop(finally: (() -> Void)? = nil) {
        if noThread { finally?(); ended = true; return }
        c.lock()
        stopped = true
        job = nil
        last = finally
        c.broadcast()
        c.unlock()
    }

    /// Waits up to `seconds` for the thread to end after `stop`; whether it did.
    func waitEnded(_ seconds: Double) -> Bool {
        let deadline = ProgressLine.monotonic() + seconds
        return c.locked {
            while !ended && c.wait(until: deadline) {}
            return ended
        }
    }

    /// With the lock held.
    private func wake() {
        var b: UInt8 = 1
        _ = write(wakeWrite, &b, 1)
    }

    private func main() {
        c.lock()
        while true {
            if let j = job {
                job = nil
                c.unlock()
                let a = j()
                c.lock()
                if !stopped {
                    answer = a
                    wake()
                }
                c.broadcast()
                continue
            }
            if stopped {
                let f = last
                last = nil
                c.unlock()
                f?()
                c.lock()
                ended = true
                c.broadcast()
                c.unlock()
                return
            }
            c.wait()
        }
    }
}
