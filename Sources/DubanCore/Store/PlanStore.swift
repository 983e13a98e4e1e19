import Dispatch

/// The plan in memory with every index and count the views need, kept up to date
/// on each edit: no edit and no query walks the whole plan unless asked to search
/// all of it. Views read; only `apply`, `undo` and `redo` change anything.
public final class PlanStore {
    public private(set) var plan: Plan
    public let rules: Rules
    public let strings: Strings
    public private(set) var registry: UnitRegistry
    /// The rules' verdict on each task, by task index.
    public private(set) var assessments: [Assessment]

    // Indexes.
    private var indexByID: [String: Int] = [:]
    /// nil until the first look-up by number (`numberIndex`).
    private var indexesByNumber: [String: [Int]]? = nil
    public private(set) var chapterIndexByID: [String: Int] = [:]
    /// Child chapter indexes of each chapter id; "" holds the top level.
    public private(set) var childChapters: [String: [Int]] = [:]
    /// Each chapter's ancestors, nearest first.
    /// (By chapter index, as `chapterIndexByID` gives it: ids are unique in a plan that
    /// loaded. Indexes, not ids, since issue 16: the build hashed every ancestor's id.)
    private var ancestorIndexes: [[Int]] = []
    /// Task indexes directly in each chapter ("" for tasks with no chapter), in document order.
    public private(set) var tasksByChapter: [String: [Int]] = [:]
    /// Task indexes by canonical unit name: led, and shared without leading. Sorted.
    private var ledByUnit: [String: [Int]] = [:]
    private var sharedByUnit: [String: [Int]] = [:]
    private var tasksByLeader: [String: [Int]] = [:]
    private var tasksByStatus: [TaskStatus: Set<Int>] = [:]
    private var overdueSet = Set<Int>()

    // Counts.
    public private(set) var unitTallies: [String: Tally] = [:]
    public private(set) var leaderTallies: [String: Tally] = [:]
    /// Rolled up through the tree: a chapter counts its own tasks and its descendants'.
    public private(set) var chapterTallies: [String: Tally] = [:]
    public private(set) var statusCounts: [TaskStatus: Int] = [:]
    public private(set) var totals = Tally()
    /// Display cells of the widest task number label (`(二十二)` is 8): the number column's width.
    public private(set) var widestNumber = 0

    // Search.
    /// Every task's search text, one after another, each ended by a 0 byte; built on the
    /// first search. A task edited since has its text in `searchOverride` instead.
    private var corpus: [UInt8] = []
    private var corpusStart: [Int] = []
    private var searchOverride: [Int: [UInt8]] = [:]

    // Undo.
    public struct AppliedEdit: Sendable {
        public let serial: Int
        public let edit: Edit
        public let index: Int
        public let before: PlanTask
        public let after: PlanTask
    }
    public private(set) var undoStack: [AppliedEdit] = []
    public private(set) var redoStack: [AppliedEdit] = []
    private var serial = 0
    private var savedSerial = 0
    /// Goes up by one on every change (edit, undo, redo): views cache against it.
    public private(set) var revision = 0

    /// What a store is built with (issue 16, speed2). `.counts`: the tallies (units,
    /// leaders, chapters, statuses, totals), the chapter tree and the assessments, what a
    /// workload report reads, without the task indexes and lists (ids, numbers, tasks by
    /// unit, leader, chapter and status, the overdue set) that queries, look-ups and edits
    /// need; such a store refuses them (a precondition). `.full`: everything.
    public enum Extent: Sendable { case full, counts }
    public let extent: Extent

    public init(plan: Plan, rules: Rules, strings: Strings = Strings(.zh), extent: Extent = .full) {
        self.plan = plan
        self.extent = extent
        var r = rules
        if r.periodStart == nil { r.periodStart = plan.periodStart }
        self.rules = r
        self.strings = strings
        self.registry = UnitRegistry(plan.units)
        self.assessments = []
        let progress = ProgressLine.current
        progress?.begin(.index, count: plan.tasks.count)
        rebuild()
        progress?.end()
    }

    /// Builds every index and count from scratch: once, on open.
    private func rebuild() {
        let tasks = plan.tasks
        let indexed = extent == .full
        // The id index and the widest number on another core while this one assesses and
        // counts (issue 16: a tenth of a 100k open's wall time was this build, on one core).
        let ids = IDIndexBuild(tasks, run: indexed && tasks.count >= PlanStore.parallelBuildTasks && Cores.online > 1)
        let chapters = plan.chapters
        chapterIndexByID = Dictionary(minimumCapacity: chapters.count)
        for (i, c) in chapters.enumerated() {
            chapterIndexByID[c.id] = i
        }
        // Walks up by index; a chapter id stands for the index the dictionary gives it, so
        // "seen" is a stamp per index instead of a Set of ids per chapter.
        let parentIndex: [Int?] = chapters.map { c in c.parent.flatMap { chapterIndexByID[$0] } }
        var seenBy = [Int](repeating: -1, count: chapters.count)
        ancestorIndexes.reserveCapacity(chapters.count)
        for (i, c) in chapters.enumerated() {
            let parent = parentIndex[i] != nil ? (c.parent ?? "") : ""
            childChapters[parent, default: []].append(i)
            var chain: [Int] = []
            seenBy[i] = i
            var k = parentIndex[i]
            while let pk = k, seenBy[pk] != i {
                seenBy[pk] = i
                chain.append(pk)
                k = parentIndex[pk]
            }
            ancestorIndexes.append(chain)
        }
        for s in TaskStatus.allCases { tasksByStatus[s] = []; statusCounts[s] = 0 }
        addAll(lists: indexed)
        if indexed {
            let (byID, widest) = ids.result()
            indexByID = byID
            widestNumber = widest
        }
    }

    /// The id index and the widest number label's cells, built on a thread of the global
    /// queue when `run` (else where `result` is asked for). The number index is built on
    /// the first look-up by number (`numberIndex`), which the first frame never needs.
    final class IDIndexBuild: @unchecked Sendable {
        private let tasks: [PlanTask]
        private var built: ([String: Int], Int)?
        private let done = DispatchSemaphore(value: 0)
        private let started: Bool

        init(_ tasks: [PlanTask], run: Bool) {
            self.tasks = tasks
            started = run
            if run { DispatchQueue.global().async { self.built = IDIndexBuild.build(tasks); self.done.signal() } }
        }

        func result() -> ([String: Int], Int) {
            if started { done.wait() } else { built = IDIndexBuild.build(tasks) }
            return built ?? ([:], 0)
        }

        static func build(_ tasks: [PlanTask]) -> ([String: Int], Int) {
            var byID = Dictionary<String, Int>(minimumCapacity: tasks.count)
            var widest = 0
            tasks.withUnsafeBufferPointer { tasks in
                for i in tasks.indices {
                    let t = UnsafePointer(tasks.baseAddress.unsafelyUnwrapped + i)
                    byID[t.pointee.id] = i
                    if let n = t.pointee.number { widest = max(widest, DisplayWidth.of(n)) }
                }
            }
            return (byID, widest)
        }
    }

    /// Task indexes by number label, built on the first look-up by number and kept up
    /// to date by edits from then on.
    private var numberIndex: [String: [Int]] {
        if let n = indexesByNumber { return n }
        var byNumber: [String: [Int]] = [:]
        for (i, t) in plan.tasks.enumerated() { if let n = t.number { byNumber[n, default: []].append(i) } }
        indexesByNumber = byNumber
        return byNumber
    }

    /// Queries, look-ups and edits read the indexes a `.counts` store does not build.
    @inline(__always) private func requireIndexes() {
        precondition(extent == .full, "PlanStore(extent: .counts) has counts only, no task indexes")
    }

    /// What `add(i)` for every task in order would give, built in arrays indexed by
    /// numbered names and chapters, then turned into the dictionaries once: the same
    /// keys, counts and sorted lists, without hashing a Chinese name for every task.
    ///
    /// `lists`: false for a `.counts` store, which keeps the tallies only.
    private func addAll(lists: Bool) {
        let chapters = plan.chapters
        let none = chapters.count
        // A large plan's two halves are assessed and counted on two cores, then merged
        // (issue 16: the build was a quarter of a second on one core at 100k tasks, after
        // the decode). Each half numbers its names as it meets them; the merge renumbers
        // the second's, and its task lists follow the first's, so they stay sorted.
        let job = CountJob(tasks: plan.tasks, rules: rules, registry: registry, chapters: chapters,
                           chapterIndexByID: chapterIndexByID, ancestorIndexes: ancestorIndexes, lists: lists)
        let n = job.tasks.count
        var c: Counts
        if n >= PlanStore.parallelBuildTasks && Cores.online > 1 {
            let mid = n / 2
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async { job.second = job.count(mid..<n); done.signal() }
            c = job.count(0..<mid)
            done.wait()
            if let second = job.second { c.merge(second) }
        } else {
            c = job.count(0..<n)
        }
        assessments = c.assessments

        for (k, name) in c.units.names.enumerated() {
            unitTallies[name] = c.unitTally[k]
            guard lists else { continue }
            if !c.led[k].isEmpty { ledByUnit[name] = c.led[k] }
            if !c.shared[k].isEmpty { sharedByUnit[name] = c.shared[k] }
        }
        for (k, name) in c.leaders.names.enumerated() {
            leaderTallies[name] = c.leaderTally[k]
            if lists { tasksByLeader[name] = c.byLeader[k] }
        }
        for k in 0...none where c.chapterTallied[k] {
            let id = k == none ? "" : chapters[k].id
            chapterTallies[id] = c.chapterTally[k]
            if lists, !c.byChapter[k].isEmpty { tasksByChapter[id] = c.byChapter[k] }
        }
        for s in TaskStatus.allCases {
            let k = Counted.slot(s)
            guard lists else { statusCounts[s] = c.statusTally[k]; continue }
            statusCounts[s] = c.byStatus[k].count
            tasksByStatus[s] = Set(c.byStatus[k])
        }
        if lists { overdueSet = Set(c.overdue) }
        totals = c.total
    }

    /// What the tasks of a range add up to: their assessments, tallies by numbered unit,
    /// leader and chapter index (the last slot for "" no chapter), and their lists.
    private struct Counts {
        var units = NameNumbering(), leaders = NameNumbering()
        var unitTally: [Tally] = [], led: [[Int]] = [], shared: [[Int]] = []
        var leaderTally: [Tally] = [], byLeader: [[Int]] = []
        var chapterTally: [Tally], chapterTallied: [Bool], byChapter: [[Int]]
        var byStatus = [[Int]](repeating: [], count: 4)
        var statusTally = [Int](repeating: 0, count: 4)
        var overdue: [Int] = []
        var total = Tally()
        var assessments: [Assessment] = []

        init(chapters n: Int) {
            chapterTally = [Tally](repeating: Tally(), count: n + 1)
            chapterTallied = [Bool](repeating: false, count: n + 1)
            byChapter = [[Int]](repeating: [], count: n + 1)
        }

        /// Adds the counts of the range that follows this one.
        mutating func merge(_ b: Counts) {
            for (kb, name) in b.units.names.enumerated() {
                let k = units.id(ofCanonical: name)
                while unitTally.count < units.names.count { unitTally.append(Tally()); led.append([]); shared.append([]) }
                unitTally[k].add(b.unitTally[kb])
                led[k] += b.led[kb]
                shared[k] += b.shared[kb]
            }
            for (kb, name) in b.leaders.names.enumerated() {
                let k = leaders.id(ofCanonical: name)
                while leaderTally.count < leaders.names.count { leaderTally.append(Tally()); byLeader.append([]) }
                leaderTally[k].add(b.leaderTally[kb])
                byLeader[k] += b.byLeader[kb]
            }
            for k in chapterTally.indices where b.chapterTallied[k] {
                chapterTally[k].add(b.chapterTally[k])
                chapterTallied[k] = true
                byChapter[k] += b.byChapter[k]
            }
            for k in 0..<4 { byStatus[k] += b.byStatus[k]; statusTally[k] += b.statusTally[k] }
            overdue += b.overdue
            total.add(b.total)
            assessments += b.assessments
        }
    }

    /// The inputs of a count, for the thread that counts the second half.
    /// Plans of at least this many tasks are assessed and counted on two cores, their id
    /// index built beside (a variable so that tests can lower it).
    nonisolated(unsafe) static var parallelBuildTasks = 20_000

    private final class CountJob: @unchecked Sendable {
        let tasks: [PlanTask]
        let rules: Rules
        let registry: UnitRegistry
        let chapters: [Chapter]
        let chapterIndexByID: [String: Int]
        let ancestorIndexes: [[Int]]
        let lists: Bool
        var second: Counts?

        init(tasks: [PlanTask], rules: Rules, registry: UnitRegistry, chapters: [Chapter],
             chapterIndexByID: [String: Int], ancestorIndexes: [[Int]], lists: Bool) {
            self.tasks = tasks; self.rules = rules; self.registry = registry; self.chapters = chapters
            self.chapterIndexByID = chapterIndexByID; self.ancestorIndexes = ancestorIndexes; self.lists = lists
        }

        /// What `add(i)` for every task of `range` in order would give, built in arrays
        /// indexed by numbered names and chapters (turned into the store's dictionaries
        /// once, by `addAll`): the same keys, counts and sorted lists, without hashing a
        /// Chinese name for every task.
        func count(_ range: Range<Int>) -> Counts {
            let none = chapters.count
            var c = Counts(chapters: none)
            var leadIDs: [Int] = [], coIDs: [Int] = [], leaderIDs: [Int] = []
            let registry = self.registry, rules = self.rules, lists = self.lists
            let canonical: (String) -> String = { registry.canonical($0) }
            let sameName: (String) -> String = { $0 }
            c.assessments.reserveCapacity(range.count)
            // Fields are read in place: copying a whole PlanTask retains every string and
            // array in it, a cache miss each on a 100k-task plan.
            tasks.withUnsafeBufferPointer { tasks in
            for i in range {
                let t = UnsafePointer(tasks.baseAddress.unsafelyUnwrapped + i)
                let assessment = rules.assess(t.pointee)
                c.assessments.append(assessment)
                let a = Counted(status: t.pointee.status, assessment)
                leadIDs.removeAll(keepingCapacity: true)
                coIDs.removeAll(keepingCapacity: true)
                leaderIDs.removeAll(keepingCapacity: true)
                for u in t.pointee.leadUnits {
                    let k = c.units.id(of: u, canonical: canonical)
                    if !leadIDs.contains(k) { leadIDs.append(k) }
                }
                for u in t.pointee.coUnits {
                    let k = c.units.id(of: u, canonical: canonical)
                    if !leadIDs.contains(k) && !coIDs.contains(k) { coIDs.append(k) }
                }
                for l in t.pointee.leaders {
                    let k = c.leaders.id(of: l, canonical: sameName)
                    if !leaderIDs.contains(k) { leaderIDs.append(k) }
                }
                while c.unitTally.count < c.units.names.count { c.unitTally.append(Tally()); c.led.append([]); c.shared.append([]) }
                while c.leaderTally.count < c.leaders.names.count { c.leaderTally.append(Tally()); c.byLeader.append([]) }
                for k in leadIDs { a.add(to: &c.unitTally[k]); if lists { c.led[k].append(i) } }
                for k in coIDs { c.unitTally[k].shared += 1; if lists { c.shared[k].append(i) } }
                for k in leaderIDs { a.add(to: &c.leaderTally[k]); if lists { c.byLeader[k].append(i) } }

                let ck = t.pointee.chapter.flatMap { chapterIndexByID[$0] } ?? none
                if lists { c.byChapter[ck].append(i) }
                a.add(to: &c.chapterTally[ck])
                c.chapterTallied[ck] = true
                if ck != none {
                    for anc in ancestorIndexes[ck] {
                        a.add(to: &c.chapterTally[anc])
                        c.chapterTallied[anc] = true
                    }
                }
                if lists {
                    c.byStatus[a.statusSlot].append(i)
                    if a.isOverdue { c.overdue.append(i) }
                } else {
                    c.statusTally[a.statusSlot] += 1
                }
                a.add(to: &c.total)
            }
            }
            return c
        }
    }

    /// What a task adds to a tally, copied out of its assessment so the build does not
    /// retain the assessment's reasons array per count.
    private struct Counted {
        let status: TaskStatus
        let light: Light
        let isOverdue: Bool
        let hasNoDeadline: Bool

        init(status: TaskStatus, _ a: Assessment) {
            self.status = status; light = a.light; isOverdue = a.isOverdue; hasNoDeadline = a.hasNoDeadline
        }

        /// Tally.count(status, assessment, sign: 1), field for field.
        @inline(__always) func add(to t: inout Tally) {
            t.led += 1
            if status == .done { t.done += 1 }
            if status == .lagging { t.lagging += 1 }
            if isOverdue { t.overdue += 1 }
            if hasNoDeadline { t.noDeadline += 1 }
            switch light {
            case .red: t.red += 1
            case .yellow: t.yellow += 1
            case .green: break
            }
        }

        static func slot(_ s: TaskStatus) -> Int {
            switch s {
            case .notStarted: return 0
            case .inProgress: return 1
            case .done: return 2
            case .lagging: return 3
            }
        }
        var statusSlot: Int { Counted.slot(status) }
    }

    // MARK: contributions

    private func chapterKey(_ t: PlanTask) -> String {
        if let c = t.chapter, chapterIndexByID[c] != nil { return c }
        return ""
    }

    /// The canonical lead units, and the canonical co-units that do not also lead.
    public func unitSets(of t: PlanTask) -> (lead: [String], co: [String]) {
        let lead = registry.canonicalSet(t.leadUnits)
        let leadSet = Set(lead)
        let co = registry.canonicalSet(t.coUnits).filter { !leadSet.contains($0) }
        return (lead, co)
    }

    private func leaderSet(_ t: PlanTask) -> [String] {
        var seen = Set<String>()
        return t.leaders.filter { seen.insert($0).inserted }
    }

    private func add(_ i: Int) { contribute(i, sign: 1) }
    private func remove(_ i: Int) { contribute(i, sign: -1) }

    private func contribute(_ i: Int, sign: Int) {
        let t = plan.tasks[i]
        let a = assessments[i]
        let (lead, co) = unitSets(of: t)
        for u in lead {
            unitTallies[u, default: Tally()].count(t.status, a, sign: sign)
            update(&ledByUnit[u, default: []], i, sign)
        }
        for u in co {
            unitTallies[u, default: Tally()].shared += sign
            update(&sharedByUnit[u, default: []], i, sign)
        }
        for l in leaderSet(t) {
            leaderTallies[l, default: Tally()].count(t.status, a, sign: sign)
            update(&tasksByLeader[l, default: []], i, sign)
        }
        let ck = chapterKey(t)
        update(&tasksByChapter[ck, default: []], i, sign)
        chapterTallies[ck, default: Tally()].count(t.status, a, sign: sign)
        for anc in ancestors(ofChapter: ck) {
            chapterTallies[anc, default: Tally()].count(t.status, a, sign: sign)
        }
        statusCounts[t.status, default: 0] += sign
        if sign > 0 { tasksByStatus[t.status, default: []].insert(i) } else { tasksByStatus[t.status]?.remove(i) }
        if a.isOverdue { if sign > 0 { overdueSet.insert(i) } else { overdueSet.remove(i) } }
        totals.count(t.status, a, sign: sign)
        if sign < 0 {
            for u in lead where unitTallies[u]?.isEmpty == true { unitTallies[u] = nil }
            for u in co where unitTallies[u]?.isEmpty == true { unitTallies[u] = nil }
            for l in leaderSet(t) where leaderTallies[l]?.led == 0 { leaderTallies[l] = nil }
        }
    }

    /// Keeps a sorted index list: appends when building in order, inserts or removes by
    /// binary search when editing.
    private func update(_ list: inout [Int], _ i: Int, _ sign: Int) {
        if sign > 0 {
            if list.last.map({ $0 < i }) ?? true { list.append(i); return }
            let p = lowerBound(list, i)
            if p < list.count, list[p] == i { return }
            list.insert(i, at: p)
        } else {
            let p = lowerBound(list, i)
            if p < list.count, list[p] == i { list.remove(at: p) }
        }
    }

    private func lowerBound(_ list: [Int], _ x: Int) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: lookups

    public var taskCount: Int { plan.tasks.count }
    public func task(at i: Int) -> PlanTask { plan.tasks[i] }
    public func index(ofID id: String) -> Int? { requireIndexes(); return indexByID[id] }

    /// A task by id, else by its number label (an error when a number is not unique);
    /// `Plan.lookup` is the same rule without the indexes.
    public typealias Lookup = TaskLookup
    public func lookup(_ key: String) -> Lookup {
        requireIndexes()
        if let i = indexByID[key] { return .found(i) }
        let matches = numberIndex[key] ?? []
        if matches.count == 1 { return .found(matches[0]) }
        if matches.isEmpty { return .notFound }
        return .ambiguous(matches.map { plan.tasks[$0].id })
    }

    public func chapter(_ id: String) -> Chapter? { chapterIndexByID[id].map { plan.chapters[$0] } }
    public func ancestors(ofChapter id: String) -> [String] {
        guard let k = chapterIndexByID[id] else { return [] }
        return ancestorIndexes[k].map { plan.chapters[$0].id }
    }
    public func tally(forChapter id: String) -> Tally { chapterTallies[id] ?? Tally() }
    /// Tasks with no chapter.
    public var unchapteredTally: Tally { chapterTallies[""] ?? Tally() }

    /// Units with at least one task, each with its counts, by the given order.
    public enum WorkloadSort: String, CaseIterable, Sendable { case name, led, overdue, percentDone, red }
    public func unitWorkload(sortedBy sort: WorkloadSort = .led) -> [(name: String, tally: Tally)] {
        sorted(unitTallies, by: sort)
    }
    public func leaderWorkload(sortedBy sort: WorkloadSort = .led) -> [(name: String, tally: Tally)] {
        sorted(leaderTallies, by: sort)
    }

    /// Largest first for the counts (`led`: the tasks led, then those shared), and for
    /// percent done the units that lead nothing last (0 of 0 is no rate, not the worst
    /// one); names in pinyin order (`NameOrder`) between equals and for `.name`.
    private func sorted(_ d: [String: Tally], by sort: WorkloadSort) -> [(name: String, tally: Tally)] {
        let rows = NameOrder.sorted(d.map { (name: $0.key, tally: $0.value) }) { $0.name }
        guard sort != .name else { return rows }
        func key(_ t: Tally) -> (Int, Int, Int) {
            switch sort {
            case .name: return (0, 0, 0)
            case .led: return (-t.led, -t.shared, 0)
            case .overdue: return (-t.overdue, -t.red, 0)
            case .percentDone: return (t.led == 0 ? 1 : 0, -t.percentDone, -t.led)
            case .red: return (-t.red, -t.yellow, 0)
            }
        }
        // Stable on the pinyin order: equal keys keep it.
        return rows.enumerated().sorted { a, b in
            let ka = key(a.element.tally), kb = key(b.element.tally)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    public func tally(forUnit name: String) -> Tally { unitTallies[registry.canonical(name)] ?? Tally() }
    public func tally(forLeader name: String) -> Tally { leaderTallies[name] ?? Tally() }

    // MARK: queries

    /// Task indexes matching the filter, in the given order. `within` narrows an earlier
    /// result (typing one more character of a search only looks at the last matches).
    public func query(_ f: TaskFilter, sort: TaskSort = .documentOrder, within: [Int]? = nil) -> [Int] {
        requireIndexes()
        var candidates: [Int]
        if let within {
            candidates = within
        } else if let u = f.unit {
            let c = registry.canonical(u)
            switch f.unitRole {
            case .lead: candidates = ledByUnit[c] ?? []
            case .co: candidates = sharedByUnit[c] ?? []
            case .either: candidates = merge(ledByUnit[c] ?? [], sharedByUnit[c] ?? [])
            }
        } else if let l = f.leader {
            candidates = tasksByLeader[l] ?? []
        } else if let ch = f.chapter {
            candidates = tasks(inChapterTree: ch)
        } else if f.overdueOnly {
            candidates = overdueSet.sorted()
        } else if f.statuses.count == 1, let s = f.statuses.first {
            candidates = (tasksByStatus[s] ?? []).sorted()
        } else if !f.text.isEmpty {
            // Free text over the whole plan: one pass over the search corpus.
            var rest = f
            rest.text = ""
            let hits = textMatches(Array(f.text.lowercasedASCII.utf8).filter { $0 != 0 })
            return rest.isEmpty ? ordered(hits, by: sort) : query(rest, sort: sort, within: hits)
        } else {
            candidates = Array(plan.tasks.indices)
        }
        let needle = Array(f.text.lowercasedASCII.utf8).filter { $0 != 0 }
        let unitCanon = f.unit.map { registry.canonical($0) }
        let chapterTree: Set<String>? = f.chapter.map { Set(chapterIDs(inTree: $0)) }
        let result = candidates.filter { i in
            let t = plan.tasks[i]
            let a = assessments[i]
            if !f.statuses.isEmpty, !f.statuses.contains(t.status) { return false }
            if f.overdueOnly, !a.isOverdue { return false }
            if f.dueSoonOnly, !a.isDueSoon { return false }
            if let m = f.minimumLight, a.light < m { return false }
            if let l = f.leader, !t.leaders.contains(l) { return false }
            if let tree = chapterTree, !tree.contains(chapterKey(t)) { return false }
            if let c = unitCanon, within != nil {
                let (lead, co) = unitSets(of: t)
                switch f.unitRole {
                case .lead: if !lead.contains(c) { return false }
                case .co: if !co.contains(c) { return false }
                case .either: if !lead.contains(c) && !co.contains(c) { return false }
                }
            }
            if !needle.isEmpty, !matches(i, needle) { return false }
            return true
        }
        return ordered(result, by: sort)
    }

    public func ordered(_ indexes: [Int], by sort: TaskSort) -> [Int] {
        switch sort {
        case .documentOrder:
            return indexes
        case .deadline:
            return indexes.sorted { a, b in
                let da = plan.tasks[a].deadline?.dayNumber ?? Int.max
                let db = plan.tasks[b].deadline?.dayNumber ?? Int.max
                return da != db ? da < db : a < b
            }
        case .status:
            return indexes.sorted { a, b in
                let ra = plan.tasks[a].status.sortRank, rb = plan.tasks[b].status.sortRank
                return ra != rb ? ra < rb : a < b
            }
        case .unitCount:
            return indexes.sorted { a, b in
                let ta = plan.tasks[a], tb = plan.tasks[b]
                let na = ta.leadUnits.count + ta.coUnits.count, nb = tb.leadUnits.count + tb.coUnits.count
                return na != nb ? na > nb : a < b
            }
        case .daysOverdue:
            return indexes.sorted { a, b in
                let xa = assessments[a], xb = assessments[b]
                if xa.daysOverdue != xb.daysOverdue { return xa.daysOverdue > xb.daysOverdue }
                return xa.light != xb.light ? xa.light > xb.light : a < b
            }
        case .light:
            return indexes.sorted { a, b in
                let la = assessments[a].light, lb = assessments[b].light
                return la != lb ? la > lb : a < b
            }
        case .unit:
            let tasks = plan.tasks
            return indexes.sorted { a, b in
                let na = tasks[a].leadUnits.first ?? "", nb = tasks[b].leadUnits.first ?? ""
                if na.isEmpty != nb.isEmpty { return !na.isEmpty }
                if na != nb { return na.unicodeScalars.lexicographicallyPrecedes(nb.unicodeScalars) }
                return a < b
            }
        }
    }

    /// The chapter and all its descendants' ids.
    public func chapterIDs(inTree id: String) -> [String] {
        var out: [String] = []
        var stack = [id]
        var seen = Set<String>()
        while let c = stack.popLast() {
            guard seen.insert(c).inserted else { continue }
            out.append(c)
            for k in childChapters[c] ?? [] { stack.append(plan.chapters[k].id) }
        }
        return out
    }

    /// Task indexes in a chapter and its descendants, in document order.
    public func tasks(inChapterTree id: String) -> [Int] {
        requireIndexes()
        let ids = chapterIDs(inTree: id)
        if ids.count == 1 { return tasksByChapter[id] ?? [] }
        return ids.flatMap { tasksByChapter[$0] ?? [] }.sorted()
    }

    private func merge(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { out.append(a[i]); i += 1 }
            else if i == a.count || b[j] < a[i] { out.append(b[j]); j += 1 }
            else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }

    /// What the free-text search looks through: number, text, units and leaders, with a
    /// 1 byte between fields, lower-cased ASCII.
    private static func appendSearchText(_ t: PlanTask, to buf: inout [UInt8]) {
        appendSearchText(number: t.number, text: t.text, lead: t.leadUnits, co: t.coUnits, leaders: t.leaders, to: &buf)
    }

    @inline(__always)
    private static func appendSearchText(number: String?, text: String, lead: [String], co: [String], leaders: [String],
                                         to buf: inout [UInt8]) {
        if let n = number { appendUTF8(n, to: &buf) }
        buf.append(1)
        appendUTF8(text, to: &buf)
        for name in lead { buf.append(1); appendUTF8(name, to: &buf) }
        for name in co { buf.append(1); appendUTF8(name, to: &buf) }
        for name in leaders { buf.append(1); appendUTF8(name, to: &buf) }
    }

    @inline(__always)
    private static func appendUTF8(_ s: String, to buf: inout [UInt8]) {
        var s = s
        s.withUTF8 { buf.append(contentsOf: $0) }
    }

    private static func lowercaseASCII(_ buf: inout [UInt8], from start: Int = 0) {
        buf.withUnsafeMutableBufferPointer { b in
            var i = start
            while i < b.count {
                let c = b[i]
                if c &- 0x41 < 26 { b[i] = c | 0x20 }
                i += 1
            }
        }
    }

    /// Builds the corpus on the first search: appends of each task's UTF-8 bytes, no
    /// intermediate strings (≈ 20 MB for 100k tasks).
    private func buildCorpusIfNeeded() {
        guard corpusStart.isEmpty else { return }
        var buf: [UInt8] = []
        buf.reserveCapacity(plan.tasks.count * 200)
        var starts: [Int] = []
        starts.reserveCapacity(plan.tasks.count + 1)
        plan.tasks.withUnsafeBufferPointer { tasks in
            for i in tasks.indices {
                starts.append(buf.count)
                // fields read in place: copying each PlanTask would retain a dozen objects
                PlanStore.appendSearchText(number: tasks[i].number, text: tasks[i].text, lead: tasks[i].leadUnits,
                                           co: tasks[i].coUnits, leaders: tasks[i].leaders, to: &buf)
                buf.append(0)
            }
        }
        starts.append(buf.count)
        PlanStore.lowercaseASCII(&buf)
        corpus = buf
        corpusStart = starts
        searchOverride = [:]
    }

    /// Whether task i's search text contains the needle (lower-cased, no 0 byte).
    private func matches(_ i: Int, _ needle: [UInt8]) -> Bool {
        buildCorpusIfNeeded()
        if let o = searchOverride[i] { return o.containsBytes(needle) }
        let start = corpusStart[i], end = corpusStart[i + 1] - 1
        guard end - start >= needle.count else { return false }
        return corpus.withUnsafeBufferPointer { c in
            needle.withUnsafeBufferPointer { nd in
                guard let base = c.baseAddress, let np = nd.baseAddress else { return false }
                return c_memmem(base + start, end - start, np, nd.count) != nil
            }
        }
    }

    /// Every task whose search text contains the needle, in document order: memmem runs
    /// over the whole corpus, jumping to the next task after each hit.
    private func textMatches(_ needle: [UInt8]) -> [Int] {
        buildCorpusIfNeeded()
        guard !needle.isEmpty else { return Array(plan.tasks.indices) }
        var out: [Int] = []
        corpus.withUnsafeBufferPointer { c in
            needle.withUnsafeBufferPointer { nd in
                guard let base = c.baseAddress, let np = nd.baseAddress else { return }
                var pos = 0
                var task = 0
                let n = plan.tasks.count
                while pos < c.count, let hit = c_memmem(base + pos, c.count - pos, np, nd.count) {
                    let off = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    // the task holding the hit: search forward from the last one
                    var lo = task, hi = n
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if corpusStart[mid + 1] <= off { lo = mid + 1 } else { hi = mid }
                    }
                    task = lo
                    if task >= n { break }
                    if searchOverride[task] == nil { out.append(task) }
                    pos = corpusStart[task + 1]
                    task += 1
                }
            }
        }
        guard !searchOverride.isEmpty else { return out }
        // Edited tasks: their own text decides.
        let edited = searchOverride.filter { $0.value.containsBytes(needle) }.map(\.key)
        return (out + edited).sorted()
    }

    // MARK: edits

    public var isDirty: Bool { (undoStack.last?.serial ?? 0) != savedSerial }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Applies an edit through the task's pure `applying`, updates every index and count
    /// touched, and records it for undo. Returns false when the edit changed nothing.
    @discardableResult
    public func apply(_ edit: Edit) throws -> Bool {
        requireIndexes()
        guard let i = indexByID[edit.taskID] else { throw EditError.noSuchTask(edit.taskID) }
        let before = plan.tasks[i]
        guard let after = try before.applying(edit, strings: strings) else { return false }
        replace(i, with: after)
        serial += 1
        undoStack.append(AppliedEdit(serial: serial, edit: edit, index: i, before: before, after: after))
        redoStack.removeAll()
        return true
    }

    @discardableResult
    public func undo() -> AppliedEdit? {
        guard let e = undoStack.popLast() else { return nil }
        replace(e.index, with: e.before)
        redoStack.append(e)
        return e
    }

    @discardableResult
    public func redo() -> AppliedEdit? {
        guard let e = redoStack.popLast() else { return nil }
        replace(e.index, with: e.after)
        undoStack.append(e)
        return e
    }

    /// issue 15, pgtui: a task changed from outside (another inspector, through the shared
    /// plan's database) put in place of the task with its id: every index, count and
    /// assessment follows, as for an edit, but it is no edit of this store's: the undo and
    /// redo stacks and the unsaved state are left as they are. Returns the task's index;
    /// nil when the plan has no task with that id (nothing changed).
    @discardableResult
    public func replaceFromOutside(_ task: PlanTask) -> Int? {
        requireIndexes()
        guard let i = indexByID[task.id] else { return nil }
        replace(i, with: task)
        return i
    }

    /// The edits made since the plan was loaded or last saved, oldest first.
    public var unsavedEdits: [Edit] {
        guard let k = undoStack.firstIndex(where: { $0.serial > savedSerial }) else { return [] }
        return undoStack[k...].map(\.edit)
    }

    /// Call after the plan was written to disk.
    public func markSaved() { savedSerial = undoStack.last?.serial ?? 0 }

    private func replace(_ i: Int, with new: PlanTask) {
        remove(i)
        let old = plan.tasks[i]
        if old.number != new.number {
            if let n = old.number { indexesByNumber?[n]?.removeAll { $0 == i } }
            if let n = new.number { indexesByNumber?[n, default: []].append(i) }
        }
        plan.tasks[i] = new
        assessments[i] = rules.assess(new)
        if !corpusStart.isEmpty {
            var h: [UInt8] = []
            PlanStore.appendSearchText(new, to: &h)
            PlanStore.lowercaseASCII(&h)
            searchOverride[i] = h
            if searchOverride.count > 4096 { corpusStart = [] }  // rebuilt at the next search
        }
        add(i)
        revision += 1
    }
}

extension String {
    /// Lower-cases ASCII letters only; every other character stays as it is.
    public var lowercasedASCII: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 32 : $0 }, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes contain the needle: the C library's memmem (SIMD two-way search),
    /// which scans a 100k-task plan's haystacks several times faster than a byte loop.
    func containsBytes(_ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard n <= count else { return false }
        return withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { nd in
                c_memmem(h.baseAddress!, h.count, nd.baseAddress!, n) != nil  // both non-empty here
            }
        }
    }
}

/// The C library's memmem; Glibc hides it unless _GNU_SOURCE is defined.
@_silgen_name("memmem")
func c_memmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int,
              _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?

extension Tally {
    /// Adds another tally's counts (the store's build merging two halves).
    fileprivate mutating func add(_ b: Tally) {
        led += b.led; shared += b.shared; done += b.done; overdue += b.overdue
        lagging += b.lagging; red += b.red; yellow += b.yellow; noDeadline += b.noDeadline
    }
}
