/// A rectangle of cells.
public struct Rect: Equatable, CustomStringConvertible {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
    /// The rectangle inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
    public func intersection(_ o: Rect) -> Rect {
        let nx = max(x, o.x), ny = max(y, o.y)
        return Rect(x: nx, y: ny, width: min(maxX, o.maxX) - nx, height: min(maxY, o.maxY) - ny)
    }
    public var description: String { "\(x),\(y) \(width)x\(height)" }
}

/// One screen cell, eight bytes: a glyph (one scalar inline, or a cluster's number),
/// its width, and its role. The right half of a wide glyph is a continuation cell
/// (width 0, no glyph) that the terminal backend skips.
public struct Cell: Equatable {
    public var glyph: Glyph
    public var width: UInt8
    public var role: Role

    @inline(__always)
    public init(glyph: Glyph, width: UInt8, role: Role) {
        self.glyph = glyph; self.width = width; self.role = role
    }

    public init(text: String, width: UInt8, role: Role) {
        self.init(glyph: Glyph(text), width: width, role: role)
    }

    public static let blank = Cell(glyph: .space, width: 1, role: .normal)
    public var isContinuation: Bool { width == 0 }
    /// What the cell shows ("" for a continuation cell).
    public var text: String { glyph.string }
}

/// A grid of cells that widgets draw into. No write leaves its clip rectangle and
/// no write splits a wide glyph: a half-covered glyph is replaced by a space.
public struct Canvas: Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (the one-line editor), else hidden.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Replaces the glyph of every one-cell glyph `f` gives another for (widths and roles
    /// kept): the ambiguous-width substitution (`NarrowGlyphs`).
    public mutating func replaceNarrowGlyphs(_ f: (Glyph) -> Glyph?) {
        for i in cells.indices where cells[i].width == 1 {
            if let g = f(cells[i].glyph) { cells[i].glyph = g }
        }
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Sets one cell, keeping wide glyphs whole around it.
    @inline(__always)
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        let old = cells[i]
        // Overwriting the right half of a wide glyph: blank its left half.
        if old.width == 0, x > 0 { cells[i - 1] = Cell(glyph: .space, width: 1, role: cells[i - 1].role) }
        // Overwriting the left half of a wide glyph: blank its right half.
        if old.width == 2, x + 1 < width, cell.width != 2 {
            cells[i + 1] = Cell(glyph: .space, width: 1, role: cells[i + 1].role)
        }
        cells[i] = cell
        if cell.width == 2, x + 1 < width {
            let j = i + 1
            if cells[j].width == 2, x + 2 < width { cells[j + 1] = Cell(glyph: .space, width: 1, role: cells[j + 1].role) }
            cells[j] = Cell(glyph: .empty, width: 0, role: cell.role)
        }
    }

    /// Fills a rectangle (clipped to the canvas) with a character and role.
    public mutating func fill(_ r: Rect, _ ch: String = " ", role: Role) {
        let c = r.intersection(bounds)
        guard !c.isEmpty else { return }
        let cell = Cell(glyph: ch == " " ? .space : Glyph(ch), width: 1, role: role)
        for y in c.y..<c.maxY {
            let row = y * width
            // Only the edges can cut a wide glyph in half: a continuation at the left
            // edge loses its left half, a wide glyph at the right edge its right half.
            // (Cell by cell, `set` would do the same: what it blanks inside the
            // rectangle is overwritten with the same cell.)
            if cells[row + c.x].width == 0, c.x > 0 {
                cells[row + c.x - 1] = Cell(glyph: .space, width: 1, role: cells[row + c.x - 1].role)
            }
            if cells[row + c.maxX - 1].width == 2, c.maxX < width {
                cells[row + c.maxX] = Cell(glyph: .space, width: 1, role: cells[row + c.maxX].role)
            }
            for x in c.x..<c.maxX { cells[row + x] = cell }
        }
    }

    /// Changes the role of the cells of a rectangle, keeping their text.
    public mutating func paint(_ r: Rect, role: Role) {
        let c = r.intersection(bounds)
        guard !c.isEmpty else { return }
        for y in c.y..<c.maxY { for x in c.x..<c.maxX { cells[y * width + x].role = role } }
    }

    /// Writes display units from (x, y), never past `clip` (nor the canvas). A wide
    /// glyph that would straddle the clip's right edge becomes a space. Placeholders
    /// take the placeholder role. Returns the x after the last cell written.
    @discardableResult
    public mutating func put(_ units: [DisplayUnit], x: Int, y: Int, role: Role, clip: Rect? = nil) -> Int {
        let c = (clip ?? bounds).intersection(bounds)
        guard y >= c.y, y < c.maxY else { return x }
        var cx = x
        for u in units {
            if !put(u, &cx, y, role, c) { break }
        }
        return cx
    }

    /// One unit of `put`: false when nothing more fits.
    @inline(__always)
    private mutating func put(_ u: DisplayUnit, _ cx: inout Int, _ y: Int, _ role: Role, _ c: Rect) -> Bool {
        if cx >= c.maxX { return false }
        if u.width == 0 { return true }
        if cx < c.x { cx += u.width; return true }
        if u.width == 2 && cx + 1 >= c.maxX {
            set(cx, y, Cell(glyph: .space, width: 1, role: role)); cx += 1; return false
        }
        set(cx, y, Cell(glyph: u.glyph, width: UInt8(clamping: u.width), role: u.isPlaceholder ? .placeholder : role))
        cx += u.width
        return true
    }

    /// Writes a string (sanitised) from (x, y), clipped to `width` cells from x and to
    /// `clip`; when it is longer it ends with `…`. Returns the x after it.
    ///
    /// The same as `put(Display.fit(Display.units(s), width: width), ...)`, but the
    /// units go straight into cells as they are found, and the scan stops at the clip.
    @discardableResult
    public mutating func text(_ s: String, x: Int, y: Int, width: Int, role: Role, clip: Rect? = nil) -> Int {
        guard width > 0 else { return x }
        let box = Rect(x: x, y: y, width: width, height: 1).intersection(clip ?? bounds).intersection(bounds)
        guard y >= box.y, y < box.maxY else { return x }
        var it = DisplayUnitIterator(s)
        var cx = x
        var used = 0
        var pending = it.next()
        while let u = pending {
            let next = it.next()
            if used + u.width > width - 1 {
                // Past the room before the `…`: the text ends here only if this is its
                // last unit and it fits (every unit is at least one cell wide).
                if next == nil && used + u.width <= width {
                    _ = put(u, &cx, y, role, box)
                } else {
                    _ = put(Display.ellipsis, &cx, y, role, box)
                }
                break
            }
            if !put(u, &cx, y, role, box) { break }
            used += u.width
            pending = next
        }
        return cx
    }

    /// A box-drawn border around `r` with an optional title on the top edge.
    public mutating func box(_ r: Rect, role: Role, title: String = "", titleRole: Role = .paneTitle) {
        guard r.width >= 2, r.height >= 2 else { return }
        let top = r.y, bottom = r.maxY - 1, left = r.x, right = r.maxX - 1
        for x in (left + 1)..<right {
            putChar(Self.horizontal, x, top, role); putChar(Self.horizontal, x, bottom, role)
        }
        for y in (top + 1)..<bottom {
            putChar(Self.vertical, left, y, role); putChar(Self.vertical, right, y, role)
        }
        putChar(Self.topLeft, left, top, role); putChar(Self.topRight, right, top, role)
        putChar(Self.bottomLeft, left, bottom, role); putChar(Self.bottomRight, right, bottom, role)
        if !title.isEmpty, r.width > 4 {
            let end = text(" " + title + " ", x: left + 1, y: top, width: r.width - 2, role: titleRole)
            _ = end
        }
    }

    static let horizontal = Glyph("─"), vertical = Glyph("│")
    static let topLeft = Glyph("┌"), topRight = Glyph("┐"), bottomLeft = Glyph("└"), bottomRight = Glyph("┘")

    private mutating func putChar(_ g: Glyph, _ x: Int, _ y: Int, _ role: Role) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        set(x, y, Cell(glyph: g, width: 1, role: role))
    }

    /// The rows as strings, continuation cells skipped: what a terminal would show.
    public var lines: [String] {
        (0..<height).map { line($0) }
    }

    public func line(_ y: Int) -> String {
        var s = ""
        s.reserveCapacity(width)
        for x in 0..<width where !cells[y * width + x].isContinuation { cells[y * width + x].glyph.append(to: &s) }
        return s
    }

    /// The rows as one letter per cell naming its role's class, for tests that check
    /// colours without a terminal: see `Role.letter`.
    public var roleLines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s.append(cells[y * width + x].role.letter) }
            return s
        }
    }
}

extension Role {
    /// A one-letter name for role snapshots.
    public var letter: Character {
        switch self {
        case .normal: return "."
        case .border, .borderFocused, .popupBorder: return "#"
        case .red, .statusLagging: return "R"
        case .yellow: return "Y"
        case .green, .statusDone: return "G"
        case .selection, .popupSelection: return "S"
        case .selectionInactive: return "s"
        case .match: return "M"
        case .placeholder: return "P"
        case .error: return "E"
        default: return "-"
        }
    }
}
