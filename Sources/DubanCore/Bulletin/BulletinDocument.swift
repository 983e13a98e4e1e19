/// A bulletin laid out as blocks in the interface language: what every writer (.md, .txt,
/// .docx) prints, so the three say the same words and figures.
public enum BulletinBlock: Hashable, Sendable {
    case title(String)
    /// The 截至 line under the title.
    case asOf(String)
    case heading(String)
    case paragraph(String)
    /// A table with a header row; every cell is full text.
    case table(header: [String], rows: [[String]])
    /// A clustered bar chart: one group per category, one bar per series.
    case chart(BulletinChart)
}

public struct BulletinChart: Hashable, Sendable {
    public var title: String
    public var categories: [String]
    public var series: [(name: String, values: [Int])]
    public static func == (a: BulletinChart, b: BulletinChart) -> Bool {
        a.title == b.title && a.categories == b.categories
            && a.series.map(\.name) == b.series.map(\.name) && a.series.map(\.values) == b.series.map(\.values)
    }
    public func hash(into h: inout Hasher) { h.combine(title); h.combine(categories) }
}

extension Bulletin {
    /// `2020年9月1日` in Chinese, `2020-09-01` in English.
    public static func day(_ d: PlanDate, _ S: Strings) -> String {
        let c = d.components
        return S.lang == .zh ? "\(c.year)年\(c.month)月\(c.day)日" : d.iso
    }

    public func document(_ S: Strings) -> [BulletinBlock] {
        var out: [BulletinBlock] = []
        let c = asOf.components
        out.append(.title(S.format(.bulTitle, title)))
        out.append(.asOf(S.lang == .zh ? S.format(.bulAsOf, c.year, c.month, c.day) : S.format(.bulAsOf, asOf.iso)))

        // 一、totals
        let t = totals
        out.append(.heading(S[.bulHTotals]))
        out.append(.paragraph(S.format(.bulTotals, t.total,
                                       t.done, Totals.share(t.done, of: t.total),
                                       t.onSchedule, Totals.share(t.onSchedule, of: t.total),
                                       t.lagging, Totals.share(t.lagging, of: t.total),
                                       t.overdue, Totals.share(t.overdue, of: t.total),
                                       t.noDeadline, Totals.share(t.noDeadline, of: t.total), t.red)))

        // 二、ranking
        out.append(.heading(S[.bulHRanking]))
        if ranking.isEmpty {
            out.append(.paragraph(S[.bulNoUnits]))
        } else {
            out.append(.table(header: [S[.bulColRank], S[.bulColUnit], S[.bulColLed], S[.bulColDone], S[.bulColOverdue], S[.bulColRed]],
                              rows: ranking.map { r in
                                  ["\(r.rank)" + (r.tied ? S[.bulTied] : ""), r.unit, "\(r.led)", "\(r.done)", "\(r.overdue)", "\(r.red)"]
                              }))
        }

        // 三、red units with their tasks in full
        out.append(.heading(S[.bulHRed]))
        if redUnits.isEmpty { out.append(.paragraph(S[.bulNoRed])) }
        for u in redUnits {
            out.append(.paragraph(S.format(.bulRedUnit, u.unit, u.tasks.count, u.overdueCount)))
            for (k, l) in u.tasks.enumerated() { out.append(.paragraph(taskLine(k + 1, l, S))) }
        }

        // 四、unreported
        out.append(.heading(S[.bulHUnreported]))
        if let period {
            if unreported.isEmpty {
                out.append(.paragraph(S.format(.bulAllReported, period.id)))
            } else {
                let sep = S.lang == .zh ? "、" : ", "
                out.append(.paragraph(S.format(.bulUnreportedLine, period.id, Bulletin.day(period.due, S), unreported.count,
                                               unreported.map(\.unit).joined(separator: sep))))
            }
        } else {
            out.append(.paragraph(S[.bulNoCycle]))
        }

        // 五、extensions granted
        out.append(.heading(S[.bulHExtensions]))
        let a = Bulletin.day(extensionsFrom, S), b = Bulletin.day(asOf, S)
        if granted.isEmpty {
            out.append(.paragraph(S.format(.bulNoExtensions, a, b)))
        } else {
            out.append(.paragraph(S.format(.bulExtWindow, a, b, granted.count)))
            let sep = S.lang == .zh ? "、" : ", "
            out.append(.table(header: [S[.bulColTask], S[.bulColUnit], S[.bulColFrom], S[.bulColTo], S[.bulColReason]],
                              rows: granted.map { g in
                                  [(g.number.map { $0 + " " } ?? "") + g.text, g.units.joined(separator: sep),
                                   g.from?.iso ?? S[.bulNoNumber], g.to.iso, g.reason]
                              }))
        }

        // 六、changes since the last period
        out.append(.heading(S[.bulHChanges]))
        if let since, let tot = changesTotal {
            out.append(.paragraph(S.format(.bulChangesLine, Bulletin.day(since, S), tot.newlyOverdue, tot.cleared, tot.newlyDone, tot.stillRed)))
            if !changes.isEmpty {
                out.append(.table(header: [S[.bulColUnit], S[.cmpColNewlyOverdue], S[.cmpColCleared], S[.cmpColNewlyDone], S[.cmpColStillRed]],
                                  rows: changes.map { r in [r.unit ?? "", "\(r.newlyOverdue)", "\(r.cleared)", "\(r.newlyDone)", "\(r.stillRed)"] }
                                      + [[S[.cmpTotal], "\(tot.newlyOverdue)", "\(tot.cleared)", "\(tot.newlyDone)", "\(tot.stillRed)"]]))
            }
            if !newlyOverdue.isEmpty {
                out.append(.paragraph(S[.bulNewlyOverdue]))
                for (k, l) in newlyOverdue.enumerated() { out.append(.paragraph(taskLine(k + 1, l, S))) }
            }
        } else {
            out.append(.paragraph(S[.bulNoSince]))
        }

        // 七、trend
        out.append(.heading(S[.bulHTrend]))
        if trend.isEmpty {
            out.append(.paragraph(S[.bulNoTrend]))
        } else {
            out.append(.paragraph(S[.bulTrendLine]))
            let series: [(name: String, values: [Int])] = [
                (S[.bulColDone], trend.plan.map(\.done)),
                (S[.bulColOverdue], trend.plan.map(\.overdue)),
                (S[.bulColRed], trend.plan.map(\.red)),
            ]
            out.append(.chart(BulletinChart(title: S[.bulChartTitle], categories: trend.periods, series: series)))
            out.append(.table(header: [S[.bulColPeriod]] + series.map(\.name),
                              rows: trend.periods.indices.map { i in [trend.periods[i]] + series.map { "\($0.values[i])" } }))
            // Overdue per period for every ranked unit: is it catching up? The last six
            // periods, so the table keeps to the page's width.
            let units = ranking.map(\.unit).filter { trend.units[$0] != nil }
            if !units.isEmpty {
                let keep = min(6, trend.periods.count)
                out.append(.paragraph(S[.bulUnitTrend]))
                out.append(.table(header: [S[.bulColUnit]] + trend.periods.suffix(keep),
                                  rows: units.map { u in [u] + trend.units[u]!.suffix(keep).map { "\($0.overdue)" } }))
            }
        }
        return out
    }

    private func taskLine(_ k: Int, _ l: TaskLine, _ S: Strings) -> String {
        var why = l.reasons.map { S.reason($0) }
        if let d = l.deadline { why.insert(S.format(.bulTaskDeadline, d.iso), at: 0) }
        let text = (l.number.map { "[\($0)] " } ?? "") + l.text
        return S.format(.bulTaskLine, k, text, why.joined(separator: S.lang == .zh ? "，" : ", "))
    }
}
