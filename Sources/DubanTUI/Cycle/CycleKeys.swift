import DubanCore

/// The keys of the office's cycle (issue 13) on the selected task: `x` files an extension
/// request (an editor for the new date, then one for the reason), `A` / `R` approve or
/// refuse its pending request; `t` toggles the trend chart in the workload pane. Each
/// change is one `Edit` effect (one undo step) written by the dashboard's author; the
/// binding table's availability refuses them read-only, with nothing selected, or with
/// nothing pending.
extension DashboardState {
    mutating func cycleAction(_ a: Action) -> [Effect] {
        switch a {
        case .toggleTrends:
            workloadTrends.toggle()
            let text = !workloadTrends ? strings[.tcTrendsOff]
                : (store.plan.reporting == nil ? strings[.tcTrendsNoCycle] : strings[.tcTrendsOn])
            message = StatusMessage(text: text, isError: false)
            return []
        case .requestExtension:
            guard let i = selectedTask else { return [] }
            let t = store.task(at: i)
            modal = .editor(.extensionDate(taskID: t.id), LineEditor())
            return []
        case .approveExtension, .refuseExtension:
            guard let i = selectedTask else { return [] }
            let t = store.task(at: i)
            guard let k = t.pendingExtension else {
                message = StatusMessage(text: strings[.tcNothingPending], isError: true)
                return []
            }
            return cycleEdit(.decideExtension(index: k, approve: a == .approveExtension), taskID: t.id)
        default:
            return []
        }
    }

    /// Enter in one of the extension request's editors.
    mutating func acceptCycleEditor(_ purpose: EditorPurpose, _ ed: LineEditor) -> [Effect] {
        let text = ed.text.trimmingSpaces
        switch purpose {
        case .extensionDate(let id):
            guard let i = store.index(ofID: id) else { modal = .none; return [] }
            let current = store.task(at: i).deadline
            // The deadline editor's reader: 2020-10-31, 2020.10.31, 10月15日, 6月底, 年底.
            guard let d = DeadlineText.read(text, year: store.plan.year ?? editDate.year),
                  d > (current ?? editDate) else {
                message = StatusMessage(text: strings.format(.tcBadExtDate, text, (current ?? editDate).iso), isError: true)
                return []  // keep the editor open
            }
            modal = .editor(.extensionReason(taskID: id, to: d), LineEditor())
            return []
        case .extensionReason(let id, let to):
            guard !text.isEmpty else {
                message = StatusMessage(text: strings[.errExtNeedsReason], isError: true)
                return []
            }
            modal = .none
            return cycleEdit(.requestExtension(to: to, reason: text), taskID: id)
        default:
            return []
        }
    }

    /// One edit of the one task (marks do not spread an extension: each task has its own
    /// requests), refused when the plan cannot be changed.
    mutating func cycleEdit(_ cmd: EditCommand, taskID: String) -> [Effect] {
        if let why = availability.reason(.writable) {
            message = StatusMessage(text: why.refusal(strings), isError: true)
            return []
        }
        return [.edit(Edit(taskID: taskID, command: cmd, date: editDate, author: author))]
    }
}
