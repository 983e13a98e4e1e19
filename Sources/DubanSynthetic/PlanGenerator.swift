#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DubanCore

/// Writes realistic synthetic plans for benchmarks and tests: an outline four levels
/// deep (一、 / (一) / 1. / (1)), Chinese task texts made of real phrases from the seed
/// notices, lead and co-units drawn with a skewed (Zipf) distribution from a few
/// hundred units, lead leaders, deadlines across the year, mixed statuses and on
/// average six progress notes per task. The same (tasks, units, seed) always gives the
/// same plan, byte for byte once encoded: the generator has its own random numbers and
/// never iterates a Set or a Dictionary.
public struct PlanGenerator: Sendable {
    public var tasks: Int
    public var units: Int
    public var seed: UInt64
    public var year: Int

    /// The most tasks and units a generated plan has: well above a province's plan (tens
    /// of thousands of tasks, a few thousand units); a million tasks is about 1 GB of JSON.
    public static let maxTasks = 1_000_000
    public static let maxUnits = 100_000

    public init(tasks: Int, units: Int = 300, seed: UInt64 = 1, year: Int = 2020) {
        self.tasks = max(0, tasks); self.units = max(1, units); self.seed = seed; self.year = year
    }

    public func generate() -> Plan {
        var g = Run(self)
        return g.plan()
    }
}

extension PlanGenerator {
    /// One generation: the random state and the pools it draws from.
    struct Run {
        let cfg: PlanGenerator
        var rng: Xoshiro256
        let unitPool: [String]
        let unitRecords: [Unit]
        /// A name each unit may also be written under (an alias), or nil.
        let unitAlias: [String?]
        let unitCDF: [Double]
        let leaderPool: [String]
        let leaderCDF: [Double]
        let authorPool: [String]
        let monthEnds: [PlanDate]
        let yearEnd: PlanDate

        init(_ cfg: PlanGenerator) {
            self.cfg = cfg
            rng = Xoshiro256(seed: cfg.seed)
            (unitPool, unitRecords, unitAlias) = Run.makeUnits(cfg.units)
            unitCDF = Run.zipfCDF(unitPool.count, exponent: 1.05)
            let leaderCount = max(Phrases.leaders.count, min(400, cfg.tasks / 250))
            leaderPool = Phrases.leaders + Run.names(leaderCount - Phrases.leaders.count, salt: 7)
            leaderCDF = Run.zipfCDF(leaderPool.count, exponent: 0.9)
            authorPool = Run.names(24, salt: 11).map { "督查室 " + $0 }
            let y = cfg.year
            monthEnds = (1...12).map { m in PlanDate(year: y, month: m, day: PlanDate.daysIn(month: m, year: y)) ?? PlanDate(dayNumber: 0) }
            yearEnd = monthEnds[11]
        }

        // MARK: pools

        /// Cumulative weights of ranks 1...n under Zipf's law, normalised to end at 1.
        static func zipfCDF(_ n: Int, exponent s: Double) -> [Double] {
            var acc = 0.0
            var out = [Double]()
            out.reserveCapacity(n)
            for k in 1...max(1, n) {
                acc += 1 / pow(Double(k), s)
                out.append(acc)
            }
            return out.map { $0 / acc }
        }

        /// The unit names, most used first: the seed notices' units, then county and
        /// district departments, then a group that stands for the county governments.
        static func makeUnits(_ count: Int) -> ([String], [Unit], [String?]) {
            var names: [String] = []
            var seen = Set<String>()
            func add(_ n: String) { if names.count < count, seen.insert(n).inserted { names.append(n) } }
            for u in Phrases.units { add(u) }
            var k = 0
            while names.count < count && k < counties.count * departments.count {
                add(counties[k % counties.count] + departments[k / counties.count])
                k += 1
            }
            var serial = 1
            while names.count < count { add("第\(serial)专项工作组"); serial += 1 }
            var records: [Unit] = []
            var aliases: [String?] = []
            for n in names {
                // 市财政局(市政府金融办): the bracketed second name is an alias.
                var alias: String? = nil
                if let open = n.firstIndex(of: "("), n.hasSuffix(")") {
                    let inner = String(n[n.index(after: open)..<n.index(before: n.endIndex)])
                    if !inner.isEmpty, !seen.contains(inner) { alias = inner }
                }
                records.append(Unit(name: n, aliases: alias.map { [$0] } ?? []))
                aliases.append(alias)
            }
            let groupName = "各县(市、区)政府"
            let members = counties.prefix(8).map { $0 + "人民政府" }
            records.append(Unit(name: groupName, aliases: ["各县市区政府"], isGroup: true, members: Array(members)))
            return (names, records, aliases)
        }

        static let counties = ["许昌县", "鄢陵县", "襄城县", "禹州市", "长葛市", "魏都区", "建安区", "界首市",
                               "屯溪区", "镜湖区", "弋江区", "鸠江区", "湾沚区", "繁昌区", "南陵县", "无为市"]
        static let departments = ["发展改革委", "财政局", "教育局", "卫生健康委", "交通运输局", "住房和城乡建设局",
                                  "农业农村局", "生态环境分局", "自然资源和规划局", "商务局", "人力资源和社会保障局",
                                  "应急管理局", "市场监管局", "文化和旅游局", "水利局", "统计局", "政府办公室",
                                  "科技局", "民政局", "司法局", "城市管理局", "数据资源局"]
        static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢")
        static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红鹏飞林清辉玉超瑞扬阳国庆志宏建文斌")

        /// Deterministic two- and three-character names.
        static func names(_ n: Int, salt: UInt64) -> [String] {
            var r = Xoshiro256(seed: 0x5EED_0000 &+ salt)
            var out: [String] = []
            var seen = Set<String>(Phrases.leaders)
            while out.count < n {
                var s = String(surnames[r.below(surnames.count)]) + String(given[r.below(given.count)])
                if r.chance(0.6) { s.append(given[r.below(given.count)]) }
                if seen.insert(s).inserted { out.append(s) }
            }
            return out
        }

        @inline(__always) mutating func pick<T>(_ a: [T]) -> T { a[rng.below(a.count)] }

        mutating func skewed(_ cdf: [Double]) -> Int {
            let x = rng.unit()
            var lo = 0, hi = cdf.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cdf[mid] < x { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// `n` distinct skewed unit names; now and then written under an alias.
        mutating func unitNames(_ n: Int, avoiding: [Int] = []) -> ([String], [Int]) {
            var picked: [Int] = []
            var tries = 0
            while picked.count < n && tries < n * 8 {
                tries += 1
                let k = skewed(unitCDF)
                if !picked.contains(k) && !avoiding.contains(k) { picked.append(k) }
            }
            let names = picked.map { k -> String in
                if let a = unitAlias[k], rng.chance(0.2) { return a }
                return unitPool[k]
            }
            return (names, picked)
        }

        // MARK: the plan

        mutating func plan() -> Plan {
            var chapters: [Chapter] = []
            var tasks: [PlanTask] = []
            chapters.reserveCapacity(cfg.tasks / 2 + 8)
            tasks.reserveCapacity(cfg.tasks)
            var top = 0
            while tasks.count < cfg.tasks {
                top += 1
                let c1 = "c\(top)"
                chapters.append(Chapter(id: c1, label: Run.chineseNumeral(top), title: pick(Phrases.headings)))
                var number = 0
                let sections = 2 + rng.below(4)
                for s in 1...sections where tasks.count < cfg.tasks {
                    let c2 = c1 + ".\(s)"
                    var sec = Chapter(id: c2, label: "(" + Run.chineseNumeral(s) + ")", title: pick(Phrases.headings), parent: c1)
                    if rng.chance(0.1) {
                        sec.goal = pick(Phrases.clauses)
                        sec.mainTasks = pick(Phrases.clauses) + "，" + pick(Phrases.clauses) + "。"
                    }
                    chapters.append(sec)
                    let groups = 2 + rng.below(3)
                    for g in 1...groups where tasks.count < cfg.tasks {
                        let c3 = c2 + ".\(g)"
                        chapters.append(Chapter(id: c3, label: "\(g)", title: pick(Phrases.clauses), parent: c2))
                        if rng.chance(0.5) {
                            let items = 2 + rng.below(3)
                            for it in 1...items where tasks.count < cfg.tasks {
                                let c4 = c3 + ".\(it)"
                                chapters.append(Chapter(id: c4, label: "(\(it))", title: pick(Phrases.clauses), parent: c3))
                                leaf(c4, &tasks, &number)
                            }
                        } else {
                            leaf(c3, &tasks, &number)
                        }
                    }
                }
            }
            var units = unitRecords
            // Only the units the plan uses, as a notice's unit list would have.
            if cfg.tasks == 0 { units = [] }
            return Plan(title: "\(cfg.year)年度重点工作任务汇编（合成数据）", issuer: "督查考核中心（合成）",
                        documentNumber: "合成〔\(cfg.year)〕\(cfg.seed % 100)号",
                        issueDate: PlanDate(year: cfg.year, month: 2, day: 20), year: cfg.year,
                        source: "duban generate --tasks \(cfg.tasks) --units \(cfg.units) --seed \(cfg.seed)",
                        chapters: chapters, tasks: tasks, units: units)
        }

        mutating func leaf(_ chapter: String, _ tasks: inout [PlanTask], _ number: inout Int) {
            let n = 1 + rng.below(7)
            for _ in 0..<n where tasks.count < cfg.tasks {
                number += 1
                tasks.append(task(id: "t\(tasks.count + 1)", number: "\(number)", chapter: chapter))
            }
        }

        static let remarks = ["已纳入年度目标考核", "市政府重点督办事项", "需省级层面协调解决", "按季度通报",
                              "涉及多部门，建议联席会议推进", "资金缺口待落实", "列入民生实事"]
        static let deadlineMonths = [3, 4, 5, 6, 6, 6, 7, 8, 9, 9, 10, 11, 12, 12, 12, 12]

        mutating func task(id: String, number: String, chapter: String) -> PlanTask {
            var text = pick(Phrases.clauses)
            let extraClauses = rng.below(4)
            for _ in 0..<extraClauses { text += "，" + pick(Phrases.clauses) }
            text += "。"

            var leaders: [String] = []
            let lr = rng.unit()
            if lr < 0.7 { leaders = [leaderPool[skewed(leaderCDF)]] }
            else if lr < 0.8 {
                let a = skewed(leaderCDF), b = skewed(leaderCDF)
                leaders = a == b ? [leaderPool[a]] : [leaderPool[a], leaderPool[b]]
            }
            let (lead, leadIdx) = unitNames(1 + (rng.chance(0.35) ? 1 + rng.below(2) : 0))
            var (co, _) = unitNames(rng.below(6), avoiding: leadIdx)
            if rng.chance(0.3) { co.append(rng.chance(0.8) ? "各县(市、区)政府" : "各县市区政府") }

            var deadline: PlanDate? = nil
            var assumed = false
            let dr = rng.unit()
            if dr < 0.05 { deadline = nil }
            else if dr < 0.15 { deadline = yearEnd; assumed = true }
            else {
                let m = pick(Run.deadlineMonths)
                deadline = rng.chance(0.85) ? monthEnds[m - 1] : PlanDate(year: cfg.year, month: m, day: 1 + rng.below(28))
            }

            let sr = rng.unit()
            let status: TaskStatus = sr < 0.30 ? .done : sr < 0.75 ? .inProgress : sr < 0.90 ? .notStarted : .lagging
            let progress: Int
            switch status {
            case .done: progress = 100
            case .notStarted: progress = 0
            case .inProgress: progress = 5 * (2 + rng.below(17))
            case .lagging: progress = 5 * rng.below(11)
            }

            // 0...12 monthly notes: six on average.
            let notes = rng.below(13)
            var history: [HistoryEntry] = []
            history.reserveCapacity(notes)
            for k in 0..<notes {
                let last = k == notes - 1
                let p = last ? progress : progress * (k + 1) / (notes + 1)
                let st: TaskStatus = last ? status : (p == 0 ? .notStarted : .inProgress)
                let note = progressNote(month: k % 12 + 1, progress: p)
                let author: String? = rng.chance(0.4) ? pick(authorPool) : nil
                history.append(HistoryEntry(date: monthEnds[k % 12], status: st, progress: p, note: note, author: author))
            }

            return PlanTask(id: id, number: number, chapter: chapter, text: text, leaders: leaders,
                            leadUnits: lead, coUnits: co, deadline: deadline, deadlineAssumed: assumed,
                            startDate: rng.chance(0.05) ? monthEnds[rng.below(3)] : nil,
                            status: status, statusInferred: rng.chance(0.05), progress: progress,
                            remarks: rng.chance(0.15) ? pick(Run.remarks) : "", history: history)
        }

        static let shortNotes = ["已完成方案制定", "正在推进", "按序时进度推进", "已完成立项", "正在开展招标",
                                 "已召开专题推进会", "已报送阶段性进展", "已完成年度任务", "前期工作基本完成",
                                 "受疫情影响进度放缓", "资金已拨付到位", "已完成现场督查", "正在组织验收",
                                 "已列入督办清单", "已协调解决用地问题", "已完成主体工程"]

        /// A monthly progress note as units write them: short phrases, figures to date, or
        /// a sentence of a completion report.
        mutating func progressNote(month: Int, progress: Int) -> String {
            let r = rng.unit()
            if r < 0.45 { return pick(Run.shortNotes) + "。" }
            if r < 0.70 {
                let yi = 1 + rng.below(30), jiao = rng.below(10)
                return "1-\(month)月完成投资\(yi).\(jiao)亿元，占年度计划的\(progress)%。"
            }
            var note = pick(Phrases.notes)
            if rng.chance(0.2) { note += "；" + pick(Phrases.notes) }
            return note + "。"
        }

        /// 1 → 一, 12 → 十二, 105 → 一百零五 (up to 9999).
        static func chineseNumeral(_ n: Int) -> String {
            let digits = Array("零一二三四五六七八九")
            let units = ["", "十", "百", "千"]
            guard n > 0, n < 10000 else { return String(n) }
            if n < 20 && n >= 10 { return "十" + (n == 10 ? "" : String(digits[n - 10])) }
            var out = ""
            var zero = false
            var started = false
            for p in stride(from: 3, through: 0, by: -1) {
                var div = 1
                for _ in 0..<p { div *= 10 }
                let d = (n / div) % 10
                if d == 0 {
                    if started { zero = true }
                } else {
                    if zero { out.append("零"); zero = false }
                    out.append(digits[d]); out += units[p]
                    started = true
                }
            }
            return out
        }
    }
}
