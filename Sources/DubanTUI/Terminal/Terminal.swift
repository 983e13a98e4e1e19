/// How many colours the terminal can show, after NO_COLOR.
public enum ColorMode: Equatable {
    case monochrome, eight, full256
}

/// The screen and keyboard, as the dashboard sees them. `MemoryTerminal` plays
/// scripted events and keeps frames for tests; `NcursesTerminal` is the real one.
public protocol Terminal: AnyObject {
    var width: Int { get }
    var height: Int { get }
    var colorMode: ColorMode { get }
    /// The next event, blocking; nil when input has ended.
    func nextEvent() -> Event?
    /// issue 15, pgtui: the next event, or `.wake` when `wakeFD` becomes readable or
    /// `timeout` seconds pass first (nil: no limit). A terminal without a way to wait on
    /// both (the memory terminal) plays its script as `nextEvent()` does.
    func nextEvent(wakeFD: Int32?, timeout: Double?) -> Event?
    /// Uses this theme from now on (colour pairs are allocated here, once per theme).
    func use(_ theme: Theme)
    /// Shows the canvas, sending only what changed unless `force`.
    func present(_ canvas: Canvas, force: Bool)
    /// Ctrl-Z: give the terminal back, stop, and on resume take it again.
    func suspend()
    /// Gives the terminal back as it was. Safe to call more than once.
    func restore()
}

extension Terminal {
    public func nextEvent(wakeFD: Int32?, timeout: Double?) -> Event? { nextEvent() }
}

/// A terminal in memory: events come from a script, frames are kept as text.
public final class MemoryTerminal: Terminal {
    public private(set) var width: Int
    public private(set) var height: Int
    public var colorMode: ColorMode
    public private(set) var script: [Event]
    public private(set) var frames: [Canvas] = []
    public private(set) var restored = false
    public private(set) var suspendCount = 0
    public private(set) var theme: Theme?
    /// Resizes the terminal when the script reaches a `.resize` event.
    private var pendingSizes: [(Int, Int)] = []

    public init(width: Int, height: Int, colorMode: ColorMode = .full256, events: [Event] = []) {
        self.width = width; self.height = height; self.colorMode = colorMode; self.script = events
    }

    /// Adds key presses to the script.
    public func type(_ keys: Key...) { script += keys.map { .key($0) } }
    public func type(_ keys: [Key]) { script += keys.map { .key($0) } }
    /// Adds every character of a string as a key press.
    public func type(text: String) { script += text.map { .key(.char($0)) } }
    public func send(_ e: Event) { script.append(e) }
    /// Adds a resize to the script.
    public func resize(width: Int, height: Int) { pendingSizes.append((width, height)); script.append(.resize) }

    public func nextEvent() -> Event? {
        guard !script.isEmpty else { return nil }
        let e = script.removeFirst()
        if e == .resize, !pendingSizes.isEmpty {
            let (w, h) = pendingSizes.removeFirst()
            width = w; height = h
        }
        return e
    }

    public func use(_ theme: Theme) { self.theme = theme }
    public func present(_ canvas: Canvas, force: Bool) { frames.append(canvas) }
    public func suspend() { suspendCount += 1 }
    public func restore() { restored = true }

    public var lastFrame: Canvas? { frames.last }
    /// The last frame's rows, trailing spaces removed.
    public var lines: [String] {
        (lastFrame?.lines ?? []).map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }
    public var screen: String { lines.joined(separator: "\n") }
}
