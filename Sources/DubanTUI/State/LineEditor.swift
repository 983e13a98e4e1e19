import DubanCore

/// A one-line editor that handles Chinese: the cursor moves by Character (a whole
/// grapheme, never half of one), the display is counted in cells, Backspace deletes
/// a whole Character.
public struct LineEditor: Equatable {
    public private(set) var chars: [Character]
    /// 0...chars.count
    public private(set) var cursor: Int
    /// The first character shown when the text is wider than the field (kept by
    /// `keepCursorVisible`, which the state calls when it changes; drawing only reads it).
    public private(set) var scroll = 0
    /// The whole text is selected (a value editor opens so: the old value, which typing
    /// replaces; a move keeps it, Backspace or Delete clears it).
    public private(set) var isSelected = false

    public init(_ text: String = "", selected: Bool = false) {
        chars = Array(text)
        cursor = chars.count
        isSelected = selected && !chars.isEmpty
    }

    public var text: String { String(chars) }

    private mutating func replaceSelection() {
        guard isSelected else { return }
        chars = []; cursor = 0; scroll = 0; isSelected = false
    }

    public mutating func insert(_ c: Character) {
        // Never let a control character into the text.
        if c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return }
        replaceSelection()
        chars.insert(c, at: cursor); cursor += 1
    }
    public mutating func insert(_ s: String) { for c in s { insert(c) } }
    public mutating func left() { isSelected = false; if cursor > 0 { cursor -= 1 } }
    public mutating func right() { isSelected = false; if cursor < chars.count { cursor += 1 } }
    public mutating func home() { isSelected = false; cursor = 0 }
    public mutating func end() { isSelected = false; cursor = chars.count }
    public mutating func backspace() {
        if isSelected { replaceSelection(); return }
        if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
    }
    public mutating func delete() {
        if isSelected { replaceSelection(); return }
        if cursor < chars.count { chars.remove(at: cursor) }
    }
    public mutating func killToEnd() { isSelected = false; chars.removeSubrange(cursor...) }
    public mutating func killToStart() { isSelected = false; chars.removeSubrange(..<cursor); cursor = 0; scroll = 0 }

    /// Applies an editor action; returns false for actions that are not editing.
    public mutating func apply(_ a: Action) -> Bool {
        switch a {
        case .editorLeft: left()
        case .editorRight: right()
        case .editorHome: home()
        case .editorEnd: end()
        case .editorBackspace: backspace()
        case .editorDelete: delete()
        case .editorKillToEnd: killToEnd()
        case .editorKillToStart: killToStart()
        default: return false
        }
        return true
    }

    private func cells(_ r: Range<Int>) -> Int { r.reduce(0) { $0 + max(0, DisplayWidth.of(String(chars[$1]))) } }

    /// Scrolls so the cursor stays visible in a field `width` cells wide, with a cell to
    /// spare at the right.
    public mutating func keepCursorVisible(width: Int) {
        guard width > 1 else { return }
        if cursor < scroll { scroll = cursor }
        while scroll < cursor && cells(scroll..<cursor) > width - 1 { scroll += 1 }
    }

    /// What to show in a field `width` cells wide from the kept scroll, and the cursor's
    /// cell offset in it. Changes nothing.
    public func view(width: Int) -> (units: [DisplayUnit], cursorX: Int) {
        guard width > 1 else { return ([], 0) }
        let from = min(scroll, cursor)
        var units: [DisplayUnit] = []
        var used = 0
        var i = from
        while i < chars.count {
            let us = Display.units(String(chars[i]))
            let w = us.reduce(0) { $0 + $1.width }
            if used + w > width { break }
            units += us; used += w; i += 1
        }
        return (units, min(cells(from..<cursor), width - 1))
    }
}
