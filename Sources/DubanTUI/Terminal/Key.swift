/// A key press, typed: printable characters as `.char`, control keys as `.ctrl`.
public enum Key: Hashable, CustomStringConvertible {
    case char(Character)
    /// Ctrl plus a letter, stored lower-case: `.ctrl("s")`.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)

    /// The name used in the config file, the help screen and docs/keys.md:
    /// `j`, `C-r`, `Up`, `PgDn`, `Enter`, `S-Tab`, `Space`, `F5`.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-" + String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        }
    }

    public var description: String { name }

    /// Parses a key name as written in the config file (case-insensitive for named keys).
    public init?(name: String) {
        let named: [String: Key] = [
            "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "s-tab": .backTab, "backtab": .backTab, "backspace": .backspace, "bs": .backspace,
            "del": .delete, "delete": .delete, "ins": .insert, "insert": .insert, "space": .char(" "),
        ]
        if let k = named[name.lowercased()] { self = k; return }
        if name.count == 1, let c = name.first { self = .char(c); return }
        let lower = name.lowercased()
        if lower.hasPrefix("c-"), name.count == 3, let c = lower.last, c.isLetter || "[]\\^_@".contains(c) {
            self = .ctrl(c); return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { self = .function(n); return }
        return nil
    }
}

public enum MouseButton: Hashable { case left, wheelUp, wheelDown }

public struct MouseEvent: Hashable {
    public var x: Int, y: Int
    public var button: MouseButton
    public var isDoubleClick: Bool
    public init(x: Int, y: Int, button: MouseButton, isDoubleClick: Bool = false) {
        self.x = x; self.y = y; self.button = button; self.isDoubleClick = isDoubleClick
    }
}

public enum Event: Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal changed size (already known to the terminal object).
    case resize
    /// Back from a suspension (Ctrl-Z then fg): redraw everything.
    case resumed
    /// issue 15, pgtui: no key, but the loop was woken: a shared plan's server said that
    /// something changed (the wake pipe), or the wait the loop asked for ran out (a retry,
    /// a row's change marker to take away).
    case wake
}
