import DubanCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The view of a plan (focused pane, filters, search, sort, folded chapters, the chapter
/// and the task selected) kept between sessions in the XDG state folder,
/// `$XDG_STATE_HOME/duban/` (default `~/.local/state/duban/`), one file per plan named by
/// a hash of its absolute path. The file is a few `name value` lines, the first
/// `duban-view 1`, the second the plan's path: a file that does not start so, names
/// another plan, or holds a value duban does not know is ignored (that line, or all of
/// it), never a crash. Nothing in it changes the plan.
public struct SavedView: Equatable {
    public var planPath: String
    public var focus: Pane = .tasks
    public var statuses: [TaskStatus] = []
    public var overdueOnly = false
    public var dueSoonOnly = false
    public var minimumLight: Light?
    public var unit: String?
    public var leader: String?
    public var search = ""
    public var sort: TaskSort = .documentOrder
    public var reversed = false
    public var folded: [String] = []
    public var chapter: String?
    public var task: String?
    public var workloadLeaders = false
    public var workloadSort: PlanStore.WorkloadSort = .led

    public init(planPath: String) { self.planPath = planPath }

    static let magic = "duban-view 1"

    /// The file's text.
    public var text: String {
        var out = [Self.magic, "plan " + planPath, "focus " + focus.rawValue, "sort " + sort.rawValue]
        func add(_ name: String, _ value: String?) {
            // A value on more than one line cannot be kept; it is left out.
            guard let v = value, !v.isEmpty, !v.contains(where: { $0 == "\n" || $0 == "\r" }) else { return }
            out.append(name + " " + v)
        }
        if reversed { out.append("reversed 1") }
        if overdueOnly { out.append("overdue 1") }
        if dueSoonOnly { out.append("dueSoon 1") }
        if let l = minimumLight { out.append("light " + (l == .red ? "red" : l == .yellow ? "yellow" : "green")) }
        for s in statuses { out.append("status " + s.rawValue) }
        add("unit", unit); add("leader", leader); add("search", search)
        for f in folded { add("fold", f) }
        add("chapter", chapter); add("task", task)
        if workloadLeaders { out.append("workload leaders") }
        out.append("workloadSort " + workloadSort.rawValue)
        return out.joined(separator: "\n") + "\n"
    }

    /// Reads a view back; nil when the text is not a view of `planPath`.
    public static func parse(_ text: String, planPath: String) -> SavedView? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2, lines[0] == magic, lines[1] == "plan " + planPath else { return nil }
        var v = SavedView(planPath: planPath)
        for line in lines.dropFirst(2) {
            guard let sp = line.firstIndex(of: " ") else { continue }
            let name = String(line[..<sp]), value = String(line[line.index(after: sp)...])
            switch name {
            case "focus": if let p = Pane(rawValue: value) { v.focus = p }
            case "sort": if let s = TaskSort(rawValue: value) { v.sort = s }
            case "reversed": v.reversed = value == "1"
            case "overdue": v.overdueOnly = value == "1"
            case "dueSoon": v.dueSoonOnly = value == "1"
            case "light": v.minimumLight = value == "red" ? .red : value == "yellow" ? .yellow : nil
            case "status": if let s = TaskStatus(rawValue: value), !v.statuses.contains(s) { v.statuses.append(s) }
            case "unit": v.unit = value
            case "leader": v.leader = value
            case "search": v.search = value
            case "fold": v.folded.append(value)
            case "chapter": v.chapter = value
            case "task": v.task = value
            case "workload": v.workloadLeaders = value == "leaders"
            case "workloadSort": if let s = PlanStore.WorkloadSort(rawValue: value) { v.workloadSort = s }
            default: continue
            }
        }
        return v
    }

    // MARK: the file

    /// The state folder: `$XDG_STATE_HOME/duban`, else `$HOME/.local/state/duban`; nil
    /// without either (then nothing is remembered).
    public static func folder(environment env: [String: String]) -> String? {
        if let x = env["XDG_STATE_HOME"], x.hasPrefix("/") { return x + "/duban" }
        if let h = env["HOME"], !h.isEmpty { return h + "/.local/state/duban" }
        return nil
    }

    /// The plan's absolute path (links resolved when it exists).
    public static func absolute(_ path: String) -> String {
        if let r = realpath(path, nil) { defer { free(r) }; return String(cString: r) }
        if path.hasPrefix("/") { return path }
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return path }
        return String(cString: buf) + "/" + path
    }

    /// The file for a plan: FNV-1a 64 of its absolute path, in hex (the same on every run,
    /// unlike Swift's seeded `Hasher`).
    public static func file(forPlan absolutePath: String, in folder: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in absolutePath.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return folder + "/" + String(repeating: "0", count: 16 - hex.count) + hex + ".view"
    }

    /// The view remembered for a plan, if there is one that is readable and its own.
    public static func load(planPath: String, environment: [String: String]) -> SavedView? {
        guard let dir = folder(environment: environment) else { return nil }
        let abs = absolute(planPath)
        guard let (bytes, _) = try? SafeOpen.read(file(forPlan: abs, in: dir), as: .config) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return parse(text, planPath: abs)
    }

    /// Writes the view (a temporary beside it, then renamed: never half a file); false
    /// when it could not be (the dashboard says nothing: the view is a convenience).
    @discardableResult
    public func save(environment: [String: String]) -> Bool {
        guard let dir = Self.folder(environment: environment) else { return false }
        var path = ""
        for part in dir.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o700) != 0 && errno != EEXIST { return false }
        }
        let target = Self.file(forPlan: planPath, in: dir)
        let tmp = target + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return false }
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard n == bytes.count, rename(tmp, target) == 0 else { unlink(tmp); return false }
        return true
    }
}

extension DashboardState {
    /// The view now, to remember for the plan at `planPath` (absolute).
    public func savedView(planPath: String) -> SavedView {
        var v = SavedView(planPath: planPath)
        v.focus = focus
        v.statuses = TaskStatus.allCases.filter { filter.statuses.contains($0) }
        v.overdueOnly = filter.overdueOnly; v.dueSoonOnly = filter.dueSoonOnly; v.minimumLight = filter.minimumLight
        v.unit = filter.unit; v.leader = filter.leader; v.search = searchText
        v.sort = taskSort; v.reversed = taskSortReversed
        v.folded = folded.sorted()
        if case .chapter(let id) = scope { v.chapter = id }
        v.task = selectedTask.map { store.task(at: $0).id }
        v.workloadLeaders = workloadMode == .leaders
        v.workloadSort = workloadSort
        return v
    }

    /// Puts a remembered view back: what no longer exists in the plan (a chapter, a task)
    /// is left as it is.
    public mutating func restore(_ v: SavedView) {
        filter.statuses = Set(v.statuses)
        filter.overdueOnly = v.overdueOnly; filter.dueSoonOnly = v.dueSoonOnly; filter.minimumLight = v.minimumLight
        filter.unit = v.unit; filter.leader = v.leader
        searchText = v.search
        taskSort = v.sort; taskSortReversed = v.reversed
        folded = Set(v.folded.filter { store.chapterIndexByID[$0] != nil })
        workloadMode = v.workloadLeaders ? .leaders : .units
        workloadSort = v.workloadSort
        refresh()
        if let c = v.chapter, let row = chapterRows.firstIndex(where: { $0.scope == .chapter(c) }) {
            chapterList = ListState(selected: row)
        }
        refresh()
        if let id = v.task, let i = store.index(ofID: id) { select(taskIndex: i) }
        setFocus(v.focus)
        relayout()
        refresh()
    }
}
