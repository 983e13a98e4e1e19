import DubanCore

/// The binding table after the config file's `bind` and `unbind` lines: what
/// dispatch, the help screen and the hint line all read.
public struct Keymap {
    public private(set) var bindings: [Binding]
    private var table: [Context: [Key: Action]] = [:]

    public init(_ bindings: [Binding] = Bindings.defaults) {
        self.bindings = bindings
        rebuildTable()
    }

    private mutating func rebuildTable() {
        table = [:]
        for b in bindings { for k in b.keys where table[b.context, default: [:]][k] == nil { table[b.context, default: [:]][k] = b.action } }
    }

    /// The action for a key along a chain of contexts; nil when unbound.
    public func action(for key: Key, in chain: [Context]) -> Action? {
        for c in chain { if let a = table[c]?[key] { return a } }
        return nil
    }

    /// The keys bound to an action in a context.
    public func keys(for action: Action, in context: Context) -> [Key] {
        bindings.first { $0.action == action && $0.context == context }?.keys ?? []
    }

    /// `bind CONTEXT KEY ACTION`: the key now does the action in that context, and no
    /// longer does anything else there.
    public mutating func bind(_ key: Key, to action: Action, in context: Context, help: UIKey? = nil) {
        unbind(key, in: context)
        if let i = bindings.firstIndex(where: { $0.action == action && $0.context == context }) {
            bindings[i].keys.append(key)
        } else {
            let template = bindings.first { $0.action == action }
            bindings.append(Binding([key], action, context, hint: false, text: help.map { .ui($0) } ?? template?.help ?? .ui(.helpHelp),
                                    short: template?.hint))
        }
        rebuildTable()
    }

    public mutating func unbind(_ key: Key, in context: Context) {
        for i in bindings.indices where bindings[i].context == context { bindings[i].keys.removeAll { $0 == key } }
        rebuildTable()
    }
}
