import DubanCore

/// DubanCoreTests' `Fixture`: a small plan whose every count was worked out by hand (see the comments), with the
/// as-of date 2020-07-01.
public enum CoreFixture {
    public static let asOf = PlanDate(year: 2020, month: 7, day: 1)!

    public static func date(_ s: String) -> PlanDate { PlanDate(iso: s)! }

    public static var plan: Plan {
        Plan(
            title: "2020年度重点工作任务", issuer: "示例市人民政府", year: 2020,
            chapters: [
                Chapter(id: "c1", label: "一", title: "生态环境"),
                Chapter(id: "c2", label: "(一)", title: "污染防治", parent: "c1"),
                Chapter(id: "c3", label: "二", title: "民生"),
            ],
            tasks: [
                // overdue by one day, red
                PlanTask(id: "t1", number: "1", chapter: "c2", text: "扎实打好污染防治攻坚战",
                         leaders: ["李四"], leadUnits: ["市生态环境局"], coUnits: ["各县(市)区政府"],
                         deadline: date("2020-06-30"), status: .inProgress, progress: 50),
                // deadline equals the as-of date: not overdue, due today, yellow; the
                // co-unit is the lead unit under another name: counted once, as led
                PlanTask(id: "t2", number: "2", chapter: "c2", text: "推进国土空间规划编制",
                         leaders: ["李四", "李四"], leadUnits: ["市发改委", "市生态环境局"], coUnits: ["市发展改革委"],
                         deadline: date("2020-07-01"), status: .notStarted, progress: 0),
                // done before its deadline: green
                PlanTask(id: "t3", number: "3", chapter: "c1", text: "完成5000亩长江岸线造林",
                         leadUnits: ["市发展和改革委员会"], deadline: date("2020-05-31"), status: .done, progress: 100),
                // lagging: red though not overdue
                PlanTask(id: "t4", number: "4", chapter: "c3", text: "新建改扩建中小学校",
                         leaders: ["张三"], leadUnits: ["市教育局"], coUnits: ["市财政局", "市发改委"],
                         deadline: date("2020-12-31"), status: .lagging, progress: 10),
                // due in 7 days and behind schedule (96% of its period gone, 60% done): yellow
                PlanTask(id: "t5", number: "5", chapter: "c3", text: "实施义务教育薄弱环节改善",
                         leaders: ["张三"], leadUnits: ["市教育局"],
                         deadline: date("2020-07-08"), status: .inProgress, progress: 60),
                // no chapter, no deadline: green
                PlanTask(id: "t6", number: nil, chapter: nil, text: "加强财政资金绩效管理",
                         leadUnits: ["市财政局"], status: .notStarted),
            ],
            units: [
                Unit(name: "市发展改革委", aliases: ["市发改委", "市发展和改革委员会"]),
                Unit(name: "各县(市)区政府", isGroup: true, members: ["镜湖区政府", "弋江区政府"]),
            ])
    }

    public static func store(asOf: PlanDate = asOf) -> PlanStore {
        PlanStore(plan: plan, rules: Rules(asOf: asOf))
    }
}
