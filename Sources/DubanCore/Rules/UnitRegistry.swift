/// Resolves any name a unit is written under to its canonical name, so that
/// 市发改委 and 市发展改革委 count as one unit.
public struct UnitRegistry: Sendable {
    public private(set) var units: [Unit]
    private var canonicalByName: [String: String] = [:]
    private var indexByCanonical: [String: Int] = [:]

    public init(_ units: [Unit]) {
        self.units = units
        for (i, u) in units.enumerated() {
            indexByCanonical[u.name] = i
            canonicalByName[u.name] = u.name
        }
        for u in units {
            for a in u.aliases where canonicalByName[a] == nil { canonicalByName[a] = u.name }
        }
    }

    /// The canonical name for a name as written; the name itself when unknown.
    public func canonical(_ name: String) -> String { canonicalByName[name] ?? name }

    public func unit(named name: String) -> Unit? {
        indexByCanonical[canonical(name)].map { units[$0] }
    }

    public func isGroup(_ name: String) -> Bool { unit(named: name)?.isGroup ?? false }

    /// The canonical names of a list, each once, in first-seen order.
    public func canonicalSet(_ names: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for n in names {
            let c = canonical(n)
            if seen.insert(c).inserted { out.append(c) }
        }
        return out
    }
}
