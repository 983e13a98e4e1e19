/// A one-line editor that handles Chinese: the cursor moves by Character (a whole
/// grapheme, never half of one), the display is counted in cells, Backspace deletes
/// a whole Character.
public struct LineEditor: Equatable {
    public private(set) var chars: [Character]
    /// 0...chars.count
    public private(set) var cursor: Int
    /// The first character shown when the text is wider than the field.
    public private(set) var scroll = 0

    public init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
    }

    public var text: String { String(chars) }

    public mutating func insert(_ c: Character) {
        // Never let a control character into the text.
        if c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return }
        chars.insert(c, at: cursor); cursor += 1
    }
    public mutating func insert(_ s: String) { for c in s { insert(c) } }
    public mutating func left() { if cursor > 0 { cursor -= 1 } }
    public mutating func right() { if cursor < chars.count { cursor += 1 } }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = chars.count }
    public mutating func backspace() { if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 } }
    public mutating func delete() { if cursor < chars.count { chars.remove(at: cursor) } }
    public mutating func killToEnd() { chars.removeSubrange(cursor...) }
    public mutating func killToStart() { chars.removeSubrange(..<cursor); cursor = 0; scroll = 0 }

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

    /// What to show in a field `width` cells wide, and the cursor's cell offset in it.
    /// Scrolls so the cursor stays visible, with a cell to spare at the right.
    public mutating func view(width: Int) -> (units: [DisplayUnit], cursorX: Int) {
        guard width > 1 else { return ([], 0) }
        if cursor < scroll { scroll = cursor }
        func cells(_ r: Range<Int>) -> Int { r.reduce(0) { $0 + max(0, CellWidth.of(String(chars[$1]))) } }
        while scroll < cursor && cells(scroll..<cursor) > width - 1 { scroll += 1 }
        var units: [DisplayUnit] = []
        var used = 0
        var i = scroll
        while i < chars.count {
            let us = Display.units(String(chars[i]))
            let w = us.reduce(0) { $0 + $1.width }
            if used + w > width { break }
            units += us; used += w; i += 1
        }
        return (units, cells(scroll..<cursor))
    }
}
