import DubanCore
import Foundation

extension NoticeImporter {
    /// A plan for demonstrations and screenshots: the Jieshou 2020 notice
    /// (Resources/demo-notice.txt, a copy of seed 001) imported, then given
    /// deadlines, statuses, progress and history so that, looked at between
    /// April and December 2020, some tasks are done, some lagging and some overdue.
    /// Everything is computed from the task's position: the same plan every time.
    ///
    /// The plan ships ready-made as Resources/demo-plan.json so that the dashboard opens
    /// it in a few milliseconds; `DemoPlanTests` checks that the file is exactly what
    /// `importedDemoPlan()` makes from the notice (re-record with RECORD_SNAPSHOTS=1).
    public static func demoPlan() -> Plan {
        if let url = ImportResources.url(named: "demo-plan.json"),
           let bytes = try? PlanFile.read(path: url.path),
           let plan = try? PlanJSON.decode(bytes, file: url.path) {
            return plan
        }
        return importedDemoPlan()
    }

    /// The demo plan made from the notice itself (what demo-plan.json must hold).
    public static func importedDemoPlan() -> Plan {
        let importer = NoticeImporter(options: ImportOptions(useUserAliasFile: false))
        var plan: Plan
        if let url = ImportResources.url(named: "demo-notice.txt"),
           let data = try? SafeOpen.read(url.path, as: .notice).bytes,
           let result = try? importer.importNotice(bytes: data, source: "demo-notice.txt") {
            plan = result.plan
        } else if let result = try? importer.importNotice(bytes: Array(fallbackNotice.utf8), source: "demo-notice.txt") {
            plan = result.plan
        } else {
            plan = Plan(title: "示例计划", year: 2020)
        }
        plan.source = "demo"
        decorate(&plan)
        return plan
    }

    /// Deadlines by position: the end of March, June, September, October or December 2020.
    static let demoDeadlines: [(Int, Int)] = [(3, 31), (6, 30), (9, 30), (12, 31), (6, 30), (10, 31), (12, 31), (4, 30)]

    static let progressNotes: [String] = [
        "已制定工作方案，明确责任分工和时间节点",
        "完成前期调研，正在组织专家论证",
        "项目已开工建设，完成投资约三成",
        "已召开专题推进会，协调解决用地问题",
        "主体工程基本完工，正在进行验收准备",
        "受疫情影响进度放缓，已制定赶超措施",
        "资金尚未到位，前期手续仍在办理",
        "已完成年度目标任务，形成长效机制",
    ]

    static func decorate(_ plan: inout Plan) {
        let year = plan.year ?? 2020
        func day(_ m: Int, _ d: Int) -> PlanDate? { PlanDate(year: year, month: m, day: d) }
        for i in plan.tasks.indices {
            var t = plan.tasks[i]
            let (m, d) = demoDeadlines[i % demoDeadlines.count]
            if let dl = day(m, d) { t.deadline = dl; t.deadlineAssumed = false }
            t.statusInferred = false
            t.history = []
            // A fixed pattern over ten tasks, shifted by the chapter so neighbours differ.
            let slot = (i * 7 + (t.chapter.map { $0.count } ?? 0)) % 10
            switch slot {
            case 0, 1, 2:
                // Done: reported in stages.
                t.status = .done; t.progress = 100
                // The stage report comes before the day it was done (history is oldest first).
                let b = day(min(m, 11), min(d, 28)) ?? day(7, 10)
                if let a = day(4, 15 + slot).map({ a in b.map { $0 <= a ? $0.adding(days: -20) : a } ?? a }) {
                    t.history.append(HistoryEntry(date: a, status: .inProgress, progress: 40, note: progressNotes[i % 4], author: "督查室"))
                }
                if let b {
                    t.history.append(HistoryEntry(date: b, status: .done, progress: 100, note: progressNotes[7], author: "督查室"))
                }
            case 3:
                // Lagging, behind its schedule.
                t.status = .lagging; t.progress = 15
                if let a = day(5, 20) { t.history.append(HistoryEntry(date: a, status: .lagging, progress: 15, note: progressNotes[5 + (i % 2)], author: "督查室")) }
            case 4, 5, 6:
                // In progress with a note or two.
                t.status = .inProgress; t.progress = 30 + (i % 5) * 10
                if let a = day(4, 10 + (i % 15)) { t.history.append(HistoryEntry(date: a, status: .inProgress, progress: t.progress / 2, note: progressNotes[i % 4], author: "督查室")) }
                if slot == 5, let b = day(7, 5 + (i % 20)) {
                    t.history.append(HistoryEntry(date: b, status: .inProgress, progress: t.progress, note: progressNotes[(i + 1) % 5], author: "督查室"))
                }
            case 7:
                // In progress, little done: overdue when its deadline is early.
                t.status = .inProgress; t.progress = 20
                if let a = day(6, 1) { t.history.append(HistoryEntry(date: a, status: .inProgress, progress: 20, note: progressNotes[1], author: "督查室")) }
            default:
                t.status = .notStarted; t.progress = 0
            }
            plan.tasks[i] = t
        }
    }

    /// A small notice kept in the program for when Resources/ is missing.
    static let fallbackNotice = """
    界首市人民政府关于印发2020年市政府重点工作的通知
    界政发〔2020〕11号
    一、聚焦推进更高质量发展，优化经济治理
    （一）以创新提升产业能级
    1．坚持创新驱动发展战略，获批国家高新区
    牵头负责领导：滕敏。
    牵头责任单位：市发展改革委、市科技局。
    协同责任单位：市直相关单位。
    2．力争国家高新技术企业达100家。
    牵头负责领导：滕敏。
    牵头责任单位：市科技局。
    协同责任单位：市直相关单位。
    二、聚焦实现美好生活向往，创新城市治理
    1．开工建设通用机场。
    牵头负责领导：应鹏飞。
    牵头责任单位：市发展改革委。
    协同责任单位：大黄镇、市直相关单位。
    """
}
