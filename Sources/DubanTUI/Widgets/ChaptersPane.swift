import DubanCore

/// The outline as a tree: each chapter with its task count, percent done, and how
/// many of its tasks are red (`!`) and yellow (`~`).
enum ChaptersPane {
    static func draw(_ c: inout Canvas, _ s: DashboardState, _ r: Rect, focused: Bool) {
        let rows = s.chapterRows
        let title = s.strings[.colChapter] + " " + "\(rows.count - 1)" + (s.narrowing[.chapters].map { " /" + $0 } ?? "")
        let inner = Renderer.frame(&c, r, title: title, focused: focused)
        guard !inner.isEmpty else { return }
        let list = s.chapterList
        let showRY = inner.width >= 30
        let showCount = inner.width >= 30
        let rightW = showRY ? 18 : 5
        for row in 0..<inner.height {
            let i = list.offset + row
            guard i < rows.count else { break }
            let y = inner.y + row
            let cr = rows[i]
            let selected = i == list.selected
            let base: Role = selected ? Look.selectionRole(focused: focused) : .normal
            if selected { c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: base) }
            let t = s.tally(for: cr.scope)
            var name: String
            switch cr.scope {
            case .all: name = s.strings[.tuiAllTasks]
            case .unchaptered: name = s.strings[.noChapter]
            case .chapter(let id):
                let ch = s.store.chapter(id)
                name = (ch.map { label($0) + $0.title } ?? id)
            }
            let mark = cr.hasChildren ? (cr.folded ? "+ " : "- ") : "  "
            let indent = String(repeating: " ", count: min(cr.depth * 2, 12))
            let nameW = max(inner.width - rightW - 1, 4)
            c.text(indent + mark + name, x: inner.x, y: y, width: nameW, role: base, clip: inner)
            var x = inner.x + nameW + 1
            let numW = min(rightW, inner.maxX - x)
            guard numW > 0 else { continue }
            let counts = String(t.led)
            let pct = "\(t.percentDone)%"
            if showCount {
                Look.right(&c, counts, x: x, y: y, width: 4, role: selected ? base : .dim, clip: inner)
                x += 4
            }
            Look.right(&c, pct, x: x, y: y, width: 5, role: base, clip: inner)
            x += 5
            if showRY {
                if t.red > 0 { Look.right(&c, "!\(t.red)", x: x, y: y, width: 5, role: .red, clip: inner) }
                if t.yellow > 0 { Look.right(&c, "~\(t.yellow)", x: x + 5, y: y, width: 4, role: .yellow, clip: inner) }
            }
        }
    }

    /// 一、 / (三) / 2. : the label with the stop its level uses.
    static func label(_ ch: Chapter) -> String {
        let l = ch.label
        if l.isEmpty { return "" }
        if l.hasSuffix(")") || l.hasSuffix("）") { return l + " " }
        if l.allSatisfy({ $0.isASCII && $0.isNumber }) { return l + ". " }
        return l + "、"
    }
}
