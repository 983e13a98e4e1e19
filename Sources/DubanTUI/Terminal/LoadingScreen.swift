import CNcursesw
import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard's first screen while a big plan loads (issue 16): a province's plan takes
/// a second or more to read, decode and index, and the terminal must not sit blank or
/// show the shell meanwhile. `duban PLAN` installs it before the plan is opened: once the
/// load has taken `ProgressLine`'s delay, the terminal switches to its alternate screen
/// (as ncurses will) and the top line says what is being done, "正在打开 plan.json：45%（…）…",
/// redrawn in place; the index build follows on the same line. From the moment ncurses
/// has the terminal (its screen exists) the line draws nothing more: the dashboard's own
/// frame replaces it. A load that fails leaves the alternate screen before its error is
/// printed. Small plans never show it (nothing is drawn before the delay).
public final class LoadingScreen: @unchecked Sendable {
    private let fd: Int32
    private var entered = false
    private var reporter: ProgressLine?

    /// Installs the loading screen's reporter as `ProgressLine.current`.
    public init(strings: Strings, fd: Int32 = 1, clock: @escaping () -> Double = ProgressLine.monotonic) {
        self.fd = fd
        let p = ProgressLine(strings: strings, clock: clock) { [weak self] line in self?.draw(line) }
        reporter = p
        ProgressLine.current = p
    }

    /// Whether anything was drawn (the alternate screen entered).
    public var shown: Bool { entered }

    /// The dashboard is over, or never started (the plan failed to open, no terminal): the
    /// reporter is removed, and when ncurses never took the terminal the alternate screen
    /// is left, so that a message printed next is read on the normal screen.
    public func finish() {
        if ProgressLine.current === reporter { ProgressLine.current = nil }
        reporter = nil
        if entered && duban_stdscr() == nil {
            emit("\u{1B}[?25h\u{1B}[?1049l")
            entered = false
        }
    }

    private func draw(_ line: String?) {
        // ncurses owns the terminal now: its frame is what the user sees.
        guard duban_stdscr() == nil, let line else { return }
        var out = ""
        if !entered {
            out += "\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J"
            entered = true
        }
        var ws = winsize()
        let columns = ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0 && ws.ws_col > 0 ? Int(ws.ws_col) : 80
        out += "\u{1B}[H " + DisplayWidth.truncate(line, to: max(1, columns - 2)) + "\u{1B}[K"
        emit(out)
    }

    private func emit(_ s: String) {
        var bytes = Array(s.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            off += n
        }
    }
}
