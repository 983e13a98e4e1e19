import DubanCore
import Foundation

/// Names of the same unit across documents: 市发改委 = 市发展改革委 = 市发展和改革委员会.
///
/// The file holds one unit a line, its names separated by `=`, written without the
/// place in front (发改委 = 发展改革委 = 发展和改革委员会); a name matches with any
/// place in front (市, 区, 县, 省, 芜湖市, 屯溪区...), and its equivalents keep that
/// place. A line `prefix 人行 = 人民银行` says a name may begin either way.
/// `#` starts a comment. Problems are reported as `path:line: message` and the
/// rest of the file is still read.
public struct AliasTable: Sendable {
    /// Each class: its names (stems), first the preferred one.
    private(set) var classes: [[String]] = []
    private var classOfStem: [String: Int] = [:]
    /// The same by the stems' characters (canonical keys), to look a name's endings up without making strings.
    private var classOfStemKeys: [[UInt32]: Int] = [:]
    private(set) var prefixPairs: [(String, String)] = []
    private var maxStemLength = 0

    public init() {}

    /// Parses alias text; problems come back as warnings naming `file` and the line.
    public mutating func load(_ text: String, file: String) -> [ImportWarning] {
        var warnings: [ImportWarning] = []
        for line in Lines.split(text) {
            var s = line.foldedString
            if let hash = s.firstIndex(of: "#") { s = String(s[..<hash]) }
            s = s.trimmed()
            if s.isEmpty { continue }
            if s.hasPrefix("prefix ") || s.hasPrefix("prefix\t") {
                let names = s.dropFirst(7).split(separator: "=").map { String($0).withoutSpaces }
                guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else {
                    warnings.append(ImportWarning(file: file, line: line.number, column: line.column,
                                                  .iwAliasPrefixNeedsTwo))
                    continue
                }
                prefixPairs.append((names[0], names[1]))
                continue
            }
            let names = s.split(separator: "=", omittingEmptySubsequences: false).map { String($0).withoutSpaces }
            if names.count == 1 { continue }   // a name on its own: nothing to join
            if names.contains(where: { $0.isEmpty }) {
                warnings.append(ImportWarning(file: file, line: line.number, column: line.column,
                                              .iwAliasExpectedEquals))
                continue
            }
            if let bad = names.first(where: { $0.contains(where: { $0.isASCIIDigit }) }) {
                warnings.append(ImportWarning(file: file, line: line.number, column: line.column,
                                              .iwAliasHasNumber, .text(bad)))
                continue
            }
            add(names)
        }
        return warnings
    }

    /// Adds a class, merging with any class that already holds one of the names.
    mutating func add(_ names: [String]) {
        var existing: Int? = nil
        for n in names { if let c = classOfStem[n] { existing = c; break } }
        let id = existing ?? classes.count
        if existing == nil { classes.append([]) }
        for n in names where !classes[id].contains(n) {
            classes[id].append(n)
            classOfStem[n] = id
            classOfStemKeys[Printed(n).scalarKeys] = id
            maxStemLength = max(maxStemLength, n.count)
        }
    }

    public var isEmpty: Bool { classes.isEmpty && prefixPairs.isEmpty }

    /// A key shared by every name of the same unit (same class and same place), or nil
    /// when the table does not know the name.
    func key(for name: String) -> String? {
        let name = applyPrefixRule(name)
        if let found = stem(of: name) {
            return found.map { "\($0.id)|\($0.place)" }
        }
        let cs = Array(name)
        let lo = max(0, cs.count - maxStemLength)
        for k in lo..<cs.count {
            let stem = String(cs[k...])
            guard let id = classOfStem[stem] else { continue }
            let place = String(cs[..<k])
            if k == 0 || isPlacePrefix(place) { return "\(id)|\(place)" }
        }
        return nil
    }

    /// Every other name the table gives for `name` (with the same place in front).
    func equivalents(of name: String) -> [String] {
        let canonical = applyPrefixRule(name)
        var out: [String] = []
        if canonical != name { out.append(canonical) }
        for (a, b) in prefixPairs where name.hasPrefix(b) { out.append(a + name.dropFirst(b.count)) }
        if let found = stem(of: canonical) {
            if let (id, place, stem) = found {
                for other in classes[id] where other != stem { out.append(place + other) }
            }
            return out.filter { $0 != name }
        }
        let cs = Array(canonical)
        let lo = max(0, cs.count - maxStemLength)
        for k in lo..<cs.count {
            let stem = String(cs[k...])
            guard let id = classOfStem[stem] else { continue }
            let place = String(cs[..<k])
            guard k == 0 || isPlacePrefix(place) else { continue }
            for other in classes[id] where other != stem { out.append(place + other) }
            break
        }
        return out.filter { $0 != name }
    }

    /// The longest known stem ending the name with a place (or nothing) before it: nil when the
    /// name holds characters that are not simple scalars (the string search above then decides),
    /// .some(nil) when no stem is found.
    private func stem(of name: String) -> (id: Int, place: String, stem: String)?? {
        let cs = Printed(name)
        if !cs.isSimple { return nil }
        let keys = cs.scalarKeys
        let lo = max(0, cs.count - maxStemLength)
        for k in lo..<cs.count {
            guard let id = classOfStemKeys[Array(keys[k...])] else { continue }
            let place = String(cs[..<k])
            if k == 0 || isPlacePrefix(place) { return .some((id, place, String(cs[k...]))) }
        }
        return .some(nil)
    }

    /// 人行许昌市中心支行 -> 人民银行许昌市中心支行
    private func applyPrefixRule(_ name: String) -> String {
        for (a, b) in prefixPairs where name.hasPrefix(a) && !name.hasPrefix(b) { return b + name.dropFirst(a.count) }
        return name
    }

    private static let places: [String] = ["市", "区", "县", "省", "州", "旗", "镇", "乡", "市级", "区级", "县级"]

    /// 市, 区, 县, 省, 芜湖市, 屯溪区, 市委 is not a place (市委办 is its own stem).
    func isPlacePrefix(_ p: String) -> Bool {
        if Self.places.contains(p) { return true }
        guard p.count >= 2, p.count <= 8, p.allSatisfy({ $0.isHan }) else { return false }
        guard let last = p.last else { return false }
        return last == "市" || last == "区" || last == "县" || last == "省" || last == "州" || last == "旗"
    }

    // MARK: - The shipped table and the user's own

    /// The table shipped with the program (Resources/unit-aliases.txt), read once.
    public static func shipped() -> (AliasTable, [ImportWarning]) { shippedOnce }

    private static let shippedOnce: (AliasTable, [ImportWarning]) = readShipped()

    private static func readShipped() -> (AliasTable, [ImportWarning]) {
        var t = AliasTable()
        guard let url = ImportResources.url(named: "unit-aliases.txt"),
              let bytes = try? SafeOpen.read(url.path, as: .aliases).bytes,
              let text = String(validating: bytes, as: UTF8.self) else {
            let w = t.load(fallbackText, file: "(built-in)")
            return (t, w)
        }
        let w = t.load(text, file: url.path)
        return (t, w)
    }

    /// The user's own file: $DUBAN_ALIASES, else $XDG_CONFIG_HOME/duban/aliases.txt, else ~/.config/duban/aliases.txt.
    public static func userFilePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let p = environment["DUBAN_ALIASES"], !p.isEmpty { return p }
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/duban/aliases.txt" }
        if let h = environment["HOME"], !h.isEmpty { return h + "/.config/duban/aliases.txt" }
        return nil
    }

    /// A few lines kept in the program for when the resource bundle is missing.
    static let fallbackText = """
    发改委 = 发展改革委 = 发展和改革委员会
    人社局 = 人力资源和社会保障局 = 人力资源社会保障局
    住建局 = 住房和城乡建设局 = 住房城乡建设局
    卫健委 = 卫生健康委 = 卫生健康委员会 = 卫生和健康委员会
    经信局 = 经济和信息化局 = 经济信息化局
    自规局 = 自然资源和规划局 = 自然资源规划局
    市场监管局 = 市场监督管理局
    prefix 人行 = 人民银行
    """
}
