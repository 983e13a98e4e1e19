import CNcursesw
import DubanCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw. Raw mode, so Ctrl-C, Ctrl-S and Ctrl-Z
/// reach the keymap; signal handlers that give the terminal back before dying.
public final class NcursesTerminal: Terminal {
    public private(set) var colorMode: ColorMode = .monochrome
    private var screen: OpaquePointer?
    private var restored = false
    private var last: Canvas?
    /// Attributes and colour pair of each role, by `roleIndex`.
    private var roleAttrs: [(attr: attr_t, pair: Int16)] = []
    private var scratch: [wchar_t] = []
    static let roleIndex: [Role: Int] = Dictionary(uniqueKeysWithValues: Role.allCases.enumerated().map { ($1, $0) })
    private var lastClick: (x: Int, y: Int, time: Double)?

    public var width: Int { Int(duban_cols()) }
    public var height: Int { Int(duban_lines()) }

    /// Why the dashboard cannot run here, or nil when it can: stdin and stdout are a
    /// terminal, and TERM names a terminfo entry with cursor addressing. Asked before
    /// anything is started, so a refusal writes nothing at all to stdout.
    public static func unavailable(environment: [String: String]) -> TerminalUnavailable? {
        guard isatty(0) == 1, isatty(1) == 1 else { return .notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { return .termUnset }
        switch duban_term_usable(term) {
        case 1: return nil
        case 2: return .noCursorAddressing(term)
        default: return .unknownTerm(term)
        }
    }

    /// nil when the terminal cannot be used (`unavailable`) or ncurses cannot start;
    /// `why` says which. Nothing is written to stdout then.
    public init?(environment: [String: String], why: inout String) {
        if let u = Self.unavailable(environment: environment) { why = u.description; return nil }
        CellWidth.setUpLocale()
        let term = environment["TERM"] ?? ""
        guard let scr = term.withCString({ newterm($0, stdout, stdin) }) else {
            why = TerminalUnavailable.unknownTerm(term).description
            return nil
        }
        screen = scr
        _ = set_term(scr)
        TerminalGuard.active = true
        TerminalGuard.install()
        raw()
        noecho()
        nonl()
        keypad(duban_stdscr(), true)
        meta(duban_stdscr(), true)
        duban_set_escdelay(25)
        _ = curs_set(0)
        _ = mousemask(duban_mouse_mask(), nil)
        _ = mouseinterval(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            colorMode = duban_colors() >= 256 ? .full256 : .eight
        }
    }

    deinit { restore() }

    public func use(_ theme: Theme) {
        roleAttrs = []
        let mono = colorMode == .monochrome || theme.monochrome
        let colors = Int(duban_colors())
        for (i, role) in Role.allCases.enumerated() {
            let st = theme.style(role)
            var pair: Int16 = 0
            if !mono && i + 1 < Int(duban_color_pairs()) {
                pair = Int16(i + 1)
                init_pair(pair, Int16(st.fg.index(colors: colors)), Int16(st.bg.index(colors: colors)))
            }
            roleAttrs.append((Self.attr(mono ? Theme.monoAttributes(role) : st.attrs), pair))
        }
        last = nil
    }

    static func attr(_ a: TextAttributes) -> attr_t {
        var v = duban_a_normal()
        if a.contains(.bold) { v |= duban_a_bold() }
        if a.contains(.dim) { v |= duban_a_dim() }
        if a.contains(.underline) { v |= duban_a_underline() }
        if a.contains(.reverse) { v |= duban_a_reverse() }
        if a.contains(.italic) { v |= duban_a_italic() }
        if a.contains(.standout) { v |= duban_a_standout() }
        return v
    }

    /// Sends only what changed since the last frame (`FrameDiff`), one ncurses call per
    /// run of changed cells of one role; everything after a theme change, a resize, a
    /// resume or when forced.
    public func present(_ canvas: Canvas, force: Bool) {
        guard !restored else { return }
        let win = duban_stdscr()
        let full = force || last == nil || last?.width != canvas.width || last?.height != canvas.height
        if full { clearok(win, true) }
        var writer = Writer(window: win, attrs: roleAttrs, scratch: scratch)
        FrameDiff.present(from: full ? nil : last, to: canvas, width: width, height: height, into: &writer)
        scratch = writer.scratch
        let h = min(canvas.height, height), w = min(canvas.width, width)
        if let cur = canvas.cursor, cur.x < w, cur.y < h {
            _ = curs_set(1)
            wmove(win, Int32(cur.y), Int32(cur.x))
        } else {
            _ = curs_set(0)
        }
        wnoutrefresh(win)
        doupdate()
        last = canvas
    }

    /// Writes runs into an ncurses window: plain glyphs as one wide-character string
    /// with the role's attributes, a cluster as one complex character.
    struct Writer: CellWriter {
        let window: UnsafeMutablePointer<WINDOW>?
        let attrs: [(attr: attr_t, pair: Int16)]
        var scratch: [wchar_t]

        init(window: UnsafeMutablePointer<WINDOW>?, attrs: [(attr: attr_t, pair: Int16)], scratch: [wchar_t]) {
            self.window = window; self.attrs = attrs; self.scratch = scratch
        }

        mutating func write(y: Int, x: Int, cells: ArraySlice<Cell>, role: Role) {
            let i = NcursesTerminal.roleIndex[role] ?? 0
            let (a, p) = i < attrs.count ? attrs[i] : (duban_a_normal(), 0)
            guard let first = cells.first else { return }
            if cells.count == 1 || (cells.count == 2 && first.width == 2), !FrameDiff.isRunSafe(first) {
                // One cell on its own: a cluster (base and marks in one complex
                // character, its first four scalars, as before) or an odd one.
                var cc = cchar_t()
                var wide: [wchar_t] = first.glyph.scalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
                if wide.isEmpty { wide = [32] }
                wide.append(0)
                setcchar(&cc, wide, a, p, nil)
                mvwadd_wch(window, Int32(y), Int32(x), &cc)
                return
            }
            scratch.removeAll(keepingCapacity: true)
            for c in cells where c.width != 0 {
                scratch.append(wchar_t(bitPattern: c.glyph.scalar?.value ?? 32))
            }
            wattr_set(window, a, p, nil)
            _ = scratch.withUnsafeBufferPointer { b in
                mvwaddnwstr(window, Int32(y), Int32(x), b.baseAddress, Int32(b.count))
            }
        }
    }

    public func nextEvent() -> Event? {
        var errors = 0
        while !restored {
            var ch: wint_t = 0
            let r = wget_wch(duban_stdscr(), &ch)
            if r == KEY_CODE_YES {
                errors = 0
                if let e = keyCode(Int32(ch)) { return e }
            } else if r == OK {
                errors = 0
                return .key(Self.key(forChar: UInt32(ch)))
            } else {
                // ERR: interrupted by a signal, or input gone (hang-up).
                errors += 1
                if errors > 50 { return nil }
                if isatty(0) != 1 { return nil }
            }
        }
        return nil
    }

    /// issue 15, pgtui: waits on the keyboard and a wake pipe at once. What ncurses has
    /// read already (the rest of a paste, a key after an Esc) is taken first without
    /// waiting; then poll(2) waits on stdin, the pipe and the timeout. A signal (SIGWINCH)
    /// ends the wait and the next read gives ncurses' KEY_RESIZE.
    public func nextEvent(wakeFD: Int32?, timeout: Double?) -> Event? {
        guard wakeFD != nil || timeout != nil else { return nextEvent() }
        let start = ProgressLine.monotonic()
        var errors = 0
        let win = duban_stdscr()
        while !restored {
            var ch: wint_t = 0
            wtimeout(win, 0)
            let r = wget_wch(win, &ch)
            wtimeout(win, -1)
            if r == KEY_CODE_YES {
                errors = 0
                if let e = keyCode(Int32(ch)) { return e }
                continue
            } else if r == OK {
                return .key(Self.key(forChar: UInt32(ch)))
            }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeFD ?? -1, events: Int16(POLLIN), revents: 0)]
            var ms: Int32 = -1
            if let timeout {
                let left = timeout - (ProgressLine.monotonic() - start)
                if left <= 0 { return .wake }
                ms = Int32(min(left * 1000 + 1, 3_600_000))
            }
            let n = poll(&fds, 2, ms)
            if n == 0 { return .wake }
            if n < 0 {
                if errno == EINTR { continue }
                errors += 1
                if errors > 50 { return nil }
                continue
            }
            if fds[1].revents & Int16(POLLIN) != 0 { return .wake }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds[0].revents & Int16(POLLIN) == 0 { return nil }
            // stdin is readable but ncurses read nothing: end of input after a few tries.
            errors += 1
            if errors > 50 || isatty(0) != 1 { return nil }
        }
        return nil
    }

    static func key(forChar v: UInt32) -> Key {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96) ?? "?"))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        default: return .char(Character(Unicode.Scalar(v) ?? "\u{FFFD}"))
        }
    }

    private func keyCode(_ k: Int32) -> Event? {
        switch k {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE: last = nil; return .resize
        case KEY_MOUSE: return mouse()
        case (KEY_F0 + 1)...(KEY_F0 + 24): return .key(.function(Int(k - KEY_F0)))
        default: return nil
        }
    }

    private func mouse() -> Event? {
        var m = MEVENT()
        guard getmouse(&m) == OK else { return nil }
        let x = Int(m.x), y = Int(m.y)
        if m.bstate & duban_button4_pressed() != 0 { return .mouse(MouseEvent(x: x, y: y, button: .wheelUp)) }
        if m.bstate & duban_button5_pressed() != 0 { return .mouse(MouseEvent(x: x, y: y, button: .wheelDown)) }
        if m.bstate & (duban_button1_pressed() | duban_button1_clicked()) != 0 {
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            let now = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
            let double = lastClick.map { $0.x == x && $0.y == y && now - $0.time < 0.4 } ?? false
            lastClick = double ? nil : (x, y, now)
            return .mouse(MouseEvent(x: x, y: y, button: .left, isDoubleClick: double || m.bstate & duban_button1_double_clicked() != 0))
        }
        return nil
    }

    public func suspend() {
        guard !restored else { return }
        def_prog_mode()
        endwin()
        TerminalGuard.writeResetSequences()
        signal(SIGTSTP, SIG_DFL)
        // The whole process group, as vim and less do: started through `make run`,
        // `swift run` or a script, the shell only gets the terminal back when its own
        // child stops too.
        kill(0, SIGTSTP)
        // Stopped here until `fg`.
        reset_prog_mode()
        _ = mousemask(duban_mouse_mask(), nil)
        last = nil
        wrefresh(duban_stdscr())
    }

    public func restore() {
        // A failed init runs deinit too: with no screen started there is nothing to
        // give back, and not a byte may go to a stdout that is not a terminal.
        guard !restored, screen != nil else { return }
        restored = true
        TerminalGuard.active = false
        endwin()
        TerminalGuard.writeResetSequences()
        if let s = screen { delscreen(s); screen = nil }
    }
}

/// Why the dashboard does not start: it needs a terminal on stdin and stdout, and
/// one that can address the cursor (not TERM=dumb, unset or unknown to terminfo).
public enum TerminalUnavailable: Error, Equatable, LocalizedMessage, CustomStringConvertible {
    case notATerminal
    case termUnset
    case unknownTerm(String)
    case noCursorAddressing(String)

    public func message(_ S: Strings) -> String {
        switch self {
        case .notATerminal: return S[.tuiNotATerminal]
        case .termUnset: return S[.tuiTermUnset]
        case .unknownTerm(let t): return S.format(.tuiTermUnknown, Self.clean(t))
        case .noCursorAddressing(let t): return S.format(.tuiTermNoCursor, Self.clean(t))
        }
    }

    public var description: String { message(Strings(.en)) }

    /// TERM as the screen may show it (controls as placeholders), at most 60 cells.
    static func clean(_ t: String) -> String {
        var out = ""
        for u in Display.fit(Display.units(String(t.prefix(200))), width: 60) { u.glyph.append(to: &out) }
        return out
    }
}

/// Signal handlers that give the terminal back first, then let the signal do what
/// it would have done (as htop's CRT_handleSIGSEGV).
enum TerminalGuard {
    static var active = false
    static let signals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    static func install() {
        for s in signals { signal(s, terminalGuardHandler) }
    }

    /// Mouse reporting off, cursor visible: what endwin may leave behind.
    static func writeResetSequences() {
        let seq = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[?25h"
        _ = seq.withCString { write(1, $0, strlen($0)) }
    }
}

private func terminalGuardHandler(_ sig: Int32) {
    if TerminalGuard.active {
        TerminalGuard.active = false
        endwin()
        TerminalGuard.writeResetSequences()
    }
    signal(sig, SIG_DFL)
    raise(sig)
}
