/// Where a backend writes cells. `NcursesTerminal` writes into ncurses' screen; tests
/// record the calls (see `FrameDiff.present`).
public protocol CellWriter {
    /// Writes `cells` from column `x` of row `y`, all in one role. Continuation cells
    /// are in the slice after their wide glyph and are not written: the terminal
    /// advances two columns for the glyph. Either every cell written is a plain glyph
    /// (`FrameDiff.isRunSafe`), or the run is a single cell (plus its continuation).
    mutating func write(y: Int, x: Int, cells: ArraySlice<Cell>, role: Role)
}

/// Which cells of a frame to send: the ones that differ from the frame the terminal
/// shows, in runs of neighbouring cells of one role, so a backend makes one call per
/// run instead of one per cell, and none for a row that did not change.
public enum FrameDiff {
    /// Writes into `writer` what turns the screen showing `old` into `new`: every cell
    /// of `new` when `old` is nil or of another size. Only the top-left `width` x
    /// `height` cells (the terminal's size) are written. Returns the cells written.
    @discardableResult
    public static func present<W: CellWriter>(from old: Canvas?, to new: Canvas, width: Int, height: Int,
                                              into writer: inout W) -> Int {
        let w = min(new.width, width), h = min(new.height, height)
        guard w > 0, h > 0 else { return 0 }
        let full = old == nil || old?.width != new.width || old?.height != new.height
        let oldCells = full ? [] : (old?.cells ?? [])
        let cells = new.cells
        var written = 0
        oldCells.withUnsafeBufferPointer { before in
            cells.withUnsafeBufferPointer { after in
                for y in 0..<h {
                    let row = y * new.width
                    @inline(__always) func unchanged(_ x: Int) -> Bool { !full && same(before[row + x], after[row + x]) }
                    var x = 0
                    while x < w {
                        if unchanged(x) { x += 1; continue }
                        var start = x
                        // A changed right half: write its wide glyph again (it carries both).
                        if after[row + x].width == 0 {
                            if x > 0 && after[row + x - 1].width == 2 { start = x - 1 } else { x += 1; continue }
                        }
                        let lead = after[row + start]
                        var end = start + 1
                        if lead.width == 2 && end < w && after[row + end].width == 0 { end += 1 }
                        if isRunSafe(lead) {
                            // Extend over changed plain cells of the same role.
                            while end < w {
                                let d = after[row + end]
                                if d.role != lead.role || !isRunSafe(d) || unchanged(end) { break }
                                end += 1
                                if d.width == 2 && end < w && after[row + end].width == 0 { end += 1 }
                            }
                        }
                        writer.write(y: y, x: start, cells: cells[(row + start)..<(row + end)], role: lead.role)
                        written += end - start
                        x = end
                    }
                }
            }
        }
        return written
    }

    @inline(__always)
    static func same(_ a: Cell, _ b: Cell) -> Bool {
        a.glyph.raw == b.glyph.raw && a.width == b.width && a.role == b.role
    }

    /// A cell a run may carry: one scalar of width 1 or 2 that the terminal's own
    /// width table measures the same (the plain scalars of `DisplayUnitIterator`).
    /// Clusters and anything unusual are written on their own, at their own column.
    @inline(__always)
    public static func isRunSafe(_ c: Cell) -> Bool {
        guard c.width == 1 || c.width == 2, let s = c.glyph.scalar else { return false }
        return DisplayUnitIterator.isPlain(s.value)
    }
}
