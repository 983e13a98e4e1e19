/// Phase 6, the plan's region: from the top chapter of the first task to the end of the last task.
extension OutlineParser {
    /// False when there is no task (the drafts stay without a region).
    func regionPhase(_ d: inout Decision, into drafts: inout Drafts) -> Bool {
        guard let firstTask = d.pending.first, let lastTask = d.pending.last else { return false }
        var start = firstTask.line
        if let c = firstTask.task.chapter {
            var cc: Int? = c
            while let x = cc { start = min(start, drafts.chapters[x].line); cc = drafts.chapters[x].parent }
        }
        let end = d.pending.map(\.lastLine).max() ?? lastTask.lastLine
        drafts.firstLine = start
        drafts.lastLine = end
        d.start = start
        d.end = end
        return true
    }
}
