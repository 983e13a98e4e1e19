import DubanCore

enum Look {
    static func lightRole(_ l: Light) -> Role {
        switch l {
        case .red: return .red
        case .yellow: return .yellow
        case .green: return .green
        }
    }

    /// The light as a character, so it reads without colour too.
    static func marker(_ l: Light) -> String {
        switch l {
        case .red: return "!"
        case .yellow: return "~"
        case .green: return "+"
        }
    }

    static func statusRole(_ s: TaskStatus) -> Role {
        switch s {
        case .notStarted: return .statusNotStarted
        case .inProgress: return .statusInProgress
        case .done: return .statusDone
        case .lagging: return .statusLagging
        }
    }

    /// Right-aligns `s` in `width` cells ending at x + width.
    @discardableResult
    static func right(_ c: inout Canvas, _ s: String, x: Int, y: Int, width: Int, role: Role, clip: Rect? = nil) -> Int {
        let w = min(Display.width(s, upTo: width), width)
        return c.text(s, x: x + width - w, y: y, width: w, role: role, clip: clip)
    }

    /// A bar of `width` cells, `percent` of it filled.
    static func bar(_ c: inout Canvas, percent: Int, x: Int, y: Int, width: Int, clip: Rect?) {
        guard width > 0 else { return }
        let filled = min(width, max(0, (percent * width + 50) / 100))
        c.text(String(repeating: "|", count: filled), x: x, y: y, width: filled, role: .barDone, clip: clip)
        c.text(String(repeating: ".", count: width - filled), x: x + filled, y: y, width: width - filled, role: .barEmpty, clip: clip)
    }

    /// Draws `text` fitted to `width` cells and marks the cells of the first match of
    /// `needle` (ASCII case-insensitive, as the store searches).
    static func highlighted(_ c: inout Canvas, _ text: String, needle: String, x: Int, y: Int, width: Int,
                            role: Role, matchRole: Role, clip: Rect) {
        c.text(text, x: x, y: y, width: width, role: role, clip: clip)
        guard !needle.isEmpty, width > 0 else { return }
        // Only the characters that can be on screen (each takes a cell at least) and a
        // match that starts among them: a 200 MB text is not lowercased whole.
        let hay = Array(String(text.prefix(width + needle.count)).lowercasedASCII)
        let nd = Array(needle.lowercasedASCII)
        guard nd.count <= hay.count else { return }
        var start: Int? = nil
        var i = 0
        while i + nd.count <= hay.count {
            if hay[i] == nd[0] && Array(hay[i..<(i + nd.count)]) == nd { start = i; break }
            i += 1
        }
        guard let s = start else { return }
        // Cell offset of character k: the width of the characters before it.
        var cellStart = 0
        for k in 0..<s { cellStart += Display.units(String(hay[k])).reduce(0) { $0 + $1.width } }
        var cellLen = 0
        for k in s..<(s + nd.count) { cellLen += Display.units(String(hay[k])).reduce(0) { $0 + $1.width } }
        let limit = Display.width(text, upTo: width) > width ? width - 1 : width
        let from = cellStart, to = min(cellStart + cellLen, limit)
        if from < to { c.paint(Rect(x: x + from, y: y, width: to - from, height: 1).intersection(clip), role: matchRole) }
    }

    /// The selection role for a row of a pane.
    static func selectionRole(focused: Bool) -> Role { focused ? .selection : .selectionInactive }
}

extension DashboardState {
    /// How keys are shown: the first letter key if any, else the first key.
    func keyLabel(_ b: Binding) -> String { keymap.label(b) }

    /// The bindings the hint line shows now, most specific first, `?` last; none that
    /// is disabled now (read-only, nothing selected, nothing to save).
    func hintBindings() -> [Binding] {
        let chain = keyChain
        let can = availability
        var out: [Binding] = []
        var helpBinding: Binding?
        for ctx in chain {
            for b in keymap.bindings where b.context == ctx && b.onHintBar && !b.keys.isEmpty {
                if can.disabledReason(b) != nil { continue }
                if b.action == .help { helpBinding = b; continue }
                // Skip a key shadowed by an earlier context.
                if out.contains(where: { $0.action == b.action }) { continue }
                out.append(b)
            }
        }
        if let h = helpBinding { out.append(h) }
        return out
    }
}
