import DubanCore

/// The units of one import, in first-seen order: resolves every name a unit is
/// written under (document aliases, bracketed second names, the alias table) to
/// one canonical name, the first form printed in the document.
struct UnitBook {
    private(set) var units: [Unit] = []
    private var indexByName: [TextKey: Int] = [:]
    private var indexByKey: [TextKey: Int] = [:]
    let table: AliasTable

    init(table: AliasTable) { self.table = table }

    /// Resolves a written unit, registering it (and what it teaches) when new.
    mutating func resolve(_ w: WrittenUnit) -> String {
        let idx = index(for: w.name)
        for alt in w.alternates { attach(alias: alt, to: idx) }
        if let a = w.definedAlias { attach(alias: a, to: idx) }
        // (A group name was marked when the unit was made, and nothing unmarks it.)
        return units[idx].name
    }

    mutating func index(for name: String) -> Int {
        let nameKey = TextKey(name)
        if let i = indexByName[nameKey] { return i }
        if let key = table.key(for: name), let i = indexByKey[TextKey(key)] {
            indexByName[TextKey(name)] = i
            addAlias(name, to: i)
            return i
        }
        let i = units.count
        units.append(Unit(name: name, isGroup: UnitNames.isGroup(name)))
        indexByName[TextKey(name)] = i
        if let key = table.key(for: name) { indexByKey[TextKey(key)] = i }
        for e in table.equivalents(of: name) {
            if indexByName[TextKey(e)] == nil { indexByName[TextKey(e)] = i }
            addAlias(e, to: i)
        }
        return i
    }

    private mutating func attach(alias: String, to i: Int) {
        guard alias != units[i].name else { return }
        if let existing = indexByName[TextKey(alias)], existing != i {
            // The alias was already its own unit (printed before it was defined): keep both, note the alias.
            addAlias(alias, to: i)
            return
        }
        indexByName[TextKey(alias)] = i
        addAlias(alias, to: i)
        // Only a name with its place in front brings its table equivalents (国资委 alone would be any 国资委).
        guard UnitNames.placePrefix(of: alias) != nil else { return }
        if let key = table.key(for: alias), indexByKey[TextKey(key)] == nil { indexByKey[TextKey(key)] = i }
        for e in table.equivalents(of: alias) where indexByName[TextKey(e)] == nil {
            indexByName[TextKey(e)] = i
            addAlias(e, to: i)
        }
    }

    private mutating func addAlias(_ a: String, to i: Int) {
        if a != units[i].name && !units[i].aliases.contains(a) { units[i].aliases.append(a) }
    }

    /// The unit a name refers to, if known.
    func unitIndex(named name: String) -> Int? { indexByName[TextKey(name)] }

    mutating func setMembers(_ members: [String], ofUnitAt i: Int) {
        units[i].isGroup = true
        for m in members where !units[i].members.contains(m) { units[i].members.append(m) }
    }

    /// Adds a group that appears only in an appendix.
    mutating func addGroup(_ name: String, members: [String]) -> Int {
        let i = index(for: name)
        setMembers(members, ofUnitAt: i)
        return i
    }

    var allNames: [String] { units.map(\.name) }
}
