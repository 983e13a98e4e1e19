/// Where everything goes: a pure function of the terminal size and the focus.
public struct Layout: Equatable {
    public enum Mode: String, Equatable { case four, two, one, tooSmall }

    public var mode: Mode
    public var titleBar: Rect
    public var hintBar: Rect
    /// The panes shown, each with its rectangle (border included).
    public var panes: [Pane: Rect]
    public var body: Rect

    public static let fourPaneMinimum = (width: 80, height: 24)
    public static let twoPaneMinimum = (width: 40, height: 12)
    public static let onePaneMinimum = (width: 24, height: 6)

    /// - Parameters:
    ///   - focus: the focused pane.
    ///   - lastList: the list pane (chapters, tasks or workload) shown beside the detail
    ///     pane in the two-pane layout when the detail pane has the focus.
    public static func compute(width: Int, height: Int, focus: Pane, lastList: Pane = .tasks) -> Layout {
        let title = Rect(x: 0, y: 0, width: width, height: 1)
        let hint = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        if width < onePaneMinimum.width || height < onePaneMinimum.height {
            return Layout(mode: .tooSmall, titleBar: title, hintBar: hint, panes: [:], body: body)
        }
        if width >= fourPaneMinimum.width && height >= fourPaneMinimum.height {
            let leftW = min(max(width * 30 / 100, 26), 48)
            let rightW = width - leftW
            let chaptersH = max(body.height * 11 / 20, 6)
            let tasksH = max(body.height * 11 / 20, 6)
            return Layout(mode: .four, titleBar: title, hintBar: hint, panes: [
                .chapters: Rect(x: 0, y: body.y, width: leftW, height: chaptersH),
                .workload: Rect(x: 0, y: body.y + chaptersH, width: leftW, height: body.height - chaptersH),
                .tasks: Rect(x: leftW, y: body.y, width: rightW, height: tasksH),
                .detail: Rect(x: leftW, y: body.y + tasksH, width: rightW, height: body.height - tasksH),
            ], body: body)
        }
        if width >= twoPaneMinimum.width && height >= twoPaneMinimum.height {
            let list = focus == .detail ? (lastList == .detail ? .tasks : lastList) : focus
            if width >= 80 {
                // Short but wide: side by side.
                let lw = width * 55 / 100
                return Layout(mode: .two, titleBar: title, hintBar: hint, panes: [
                    list: Rect(x: 0, y: body.y, width: lw, height: body.height),
                    .detail: Rect(x: lw, y: body.y, width: width - lw, height: body.height),
                ], body: body)
            }
            let th = body.height * 11 / 20
            return Layout(mode: .two, titleBar: title, hintBar: hint, panes: [
                list: Rect(x: 0, y: body.y, width: width, height: th),
                .detail: Rect(x: 0, y: body.y + th, width: width, height: body.height - th),
            ], body: body)
        }
        return Layout(mode: .one, titleBar: title, hintBar: hint, panes: [focus: body], body: body)
    }

    /// The pane under a screen position.
    public func pane(atX x: Int, y: Int) -> Pane? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }

    /// The pane to the left or right of `pane` on screen, if any.
    public func neighbour(of pane: Pane, left: Bool) -> Pane? {
        guard let r = panes[pane] else { return nil }
        let midY = r.y + r.height / 2
        let candidates = panes.filter { other in
            other.key != pane && (left ? other.value.maxX <= r.x : other.value.x >= r.maxX)
        }
        return candidates.min { a, b in
            func dist(_ o: Rect) -> Int {
                let dy = midY < o.y ? o.y - midY : (midY >= o.maxY ? midY - o.maxY + 1 : 0)
                return dy * 1000 + (left ? r.x - o.maxX : o.x - r.maxX)
            }
            return dist(a.value) < dist(b.value)
        }?.key
    }
}
