import DubanCore

/// issue 15, pgtui: what a shared plan's login may do, said by the dashboard before the
/// server is asked (the database's roles and row-level security decide in the end).
extension DashboardState {
    /// Why the login may not make this change on these tasks (plan indexes); nil when it may.
    func sharedRefusal(_ cmd: EditCommand, tasks: [Int]) -> String? {
        sharedRefusal(reports: cmd.isReport, tasks: tasks)
    }

    /// The same for an edit key, before its editor opens: the status and progress keys
    /// and `a` report; the others change more than a report may.
    func sharedRefusal(_ a: Action) -> String? {
        guard shared != nil, a.isEdit, a != .undo, a != .redo, let i = selectedTask else { return nil }
        let reports: Bool
        switch a {
        case .cycleStatus, .setNotStarted, .setInProgress, .setDone, .setLagging, .setProgress, .addNote: reports = true
        default: reports = false
        }
        return sharedRefusal(reports: reports, tasks: marked.isEmpty ? [i] : markedIndexes)
    }

    func sharedRefusal(reports: Bool, tasks: [Int]) -> String? {
        guard let sh = shared, case .unit(let unit) = sh.access else { return nil }
        let me = store.registry.canonical(unit)
        for i in tasks {
            let t = store.task(at: i)
            let label = t.number ?? t.id
            guard store.unitSets(of: t).lead.contains(me) else {
                return strings.format(.pgUnitNotLead, unit, label)
            }
            guard reports else { return strings.format(.pgUnitOnlyReports, unit, label) }
        }
        return nil
    }
}

extension SharedAccess {
    /// The login's access as the title line says it.
    func title(_ S: Strings) -> String {
        switch self {
        case .inspector: return S[.pgAccessInspector]
        case .unit(let u): return S.format(.pgAccessUnit, u)
        case .leader: return S[.pgAccessLeader]
        }
    }
}
