import DubanCore

/// The detail pane's rows of the office's cycle (issue 13): the original deadline once it
/// moved, every extension request (date, new date, decision, who decided and when, late
/// or not, the reason) and every milestone (date, text, done or not, and a missed one's
/// reason in words: 节点“6月底前完成招标”逾期12天).
enum CycleDetail {
    /// The labels these rows use for this task (the value column starts after the widest).
    static func labels(_ t: PlanTask) -> [UIText] {
        (t.originalDeadline == nil ? [] : [.ui(.tcOriginalDeadline)])
            + (t.extensions.isEmpty ? [] : [.ui(.tcExtensions)])
            + (t.milestones.isEmpty ? [] : [.ui(.tcMilestones)])
    }

    /// The request in words: `2020-06-10申请延期至2020-07-20，已同意（督查室 2020-06-12） 逾期后申请：雨季停工`.
    static func describe(_ e: Extension, late: Bool, _ S: Strings) -> String {
        let decision: String
        switch e.decision {
        case .pending: decision = S[.extPending]
        case .approved: decision = S[.extApproved]
        case .refused: decision = S[.extRefused]
        }
        var line = S.format(.tcExtLine, e.requestedOn.iso, e.to.iso, decision)
        let by = e.decidedBy.map { $0.trimmingSpaces } ?? ""
        if e.decision != .pending, !by.isEmpty || e.decidedOn != nil {
            line += S.format(.tcExtDecided, by, e.decidedOn?.iso ?? "").replacingAll(" ）", with: "）").replacingAll("（ ", with: "（")
        }
        if late { line += (S.lang == .zh ? " " : ", ") + S[.extLateMark] }
        return line + (S.lang == .zh ? "：" : ": ") + e.reason
    }

    /// A milestone in words, with its role: red when missed (its reason said), dim when done.
    static func describe(_ m: Milestone, missedDays: Int?, _ S: Strings) -> (String, Role) {
        let head = (m.date?.iso ?? S[.tcMilestoneNoDate]) + " " + m.text + " · " + S[m.done ? .tcMilestoneDone : .tcMilestoneOpen]
        if let d = missedDays { return (head + " · " + S.format(.reasonMilestone, m.text, d), .red) }
        return (head, m.done ? .dim : .normal)
    }

    static func add(_ s: DashboardState, task t: PlanTask, width: Int, labelW: Int, to out: DetailLayout) {
        let S = s.strings
        let valueW = max(width - labelW, 4)
        func rows(_ key: UIText, _ items: [(String, Role)]) {
            let label: DetailPane.Segment = (Display.fit(Display.units(S[text: key]), width: labelW - 1), .label)
            let pad = labelW - label.units.reduce(0) { $0 + $1.width }
            let first: DetailPane.Line = [label, (Display.units(String(repeating: " ", count: max(pad, 0))), .normal)]
            let blank: DetailPane.Line = [(Display.units(String(repeating: " ", count: max(labelW, 0))), .normal)]
            for (k, (text, role)) in items.enumerated() {
                out.add(.wrapped(LazyWrap(parts: [text], width: valueW), first: k == 0 ? first : blank, rest: blank, role: role))
            }
        }
        if let o = t.originalDeadline { rows(.ui(.tcOriginalDeadline), [(o.iso, .dim)]) }
        if !t.extensions.isEmpty {
            rows(.ui(.tcExtensions), t.extensions.map { e in
                (describe(e, late: t.isLate(e), S), e.decision == .pending ? .yellow : (e.decision == .refused ? .dim : .normal))
            })
        }
        if !t.milestones.isEmpty {
            let missed = s.store.rules.missedMilestones(t)
            rows(.ui(.tcMilestones), t.milestones.map { m in
                describe(m, missedDays: missed.first { $0.milestone == m }?.days, S)
            })
        }
    }
}
