import DubanCore

/// Why a binding does nothing now: the first of its `requires` that does not hold. The
/// one place the read-only rule (and the others) is written: dispatch refuses with
/// `refusal`, the hint line leaves the binding out, the help screen adds `note`.
public enum DisabledReason: Equatable {
    case readOnly(ReadOnlyReason)
    case noTask
    case nothingToSave
    case nothingPending

    /// What pressing the key says.
    public func refusal(_ S: Strings) -> String {
        switch self {
        case .readOnly(let why): return why.refusal(S)
        case .noTask: return S[.uiNoTaskSelected]
        case .nothingToSave: return S[.uiNothingToSave]
        case .nothingPending: return S[.tcNothingPending]
        }
    }

    /// The help screen's note after the binding's text.
    public func note(_ S: Strings) -> String {
        switch self {
        case .readOnly: return S[.tuiDisabledReadOnly]
        case .noTask: return S[.uiDisabledNoTask]
        case .nothingToSave: return S[.uiDisabledNothingToSave]
        case .nothingPending: return S[.tcDisabledNothingPending]
        }
    }
}

/// What the reasons are judged on: a few facts of the state, so the rule reads the same
/// in dispatch, the hint line and the help screen.
public struct Availability: Equatable {
    public var readOnly: ReadOnlyReason?
    public var hasSelectedTask: Bool
    public var hasUnsavedChanges: Bool
    /// A plan with no file behind it yet (the demo, an imported notice): `w` asks for a name.
    public var hasNoFile: Bool
    /// The selected task has a pending extension request.
    public var hasPendingExtension: Bool

    public init(readOnly: ReadOnlyReason?, hasSelectedTask: Bool, hasUnsavedChanges: Bool, hasNoFile: Bool,
                hasPendingExtension: Bool = false) {
        self.readOnly = readOnly; self.hasSelectedTask = hasSelectedTask
        self.hasUnsavedChanges = hasUnsavedChanges; self.hasNoFile = hasNoFile
        self.hasPendingExtension = hasPendingExtension
    }

    public func reason(_ r: Requirement) -> DisabledReason? {
        switch r {
        case .writable: return readOnly.map { .readOnly($0) }
        case .taskSelected: return hasSelectedTask ? nil : .noTask
        case .somethingToSave: return hasUnsavedChanges || hasNoFile ? nil : .nothingToSave
        case .extensionPending: return hasPendingExtension ? nil : .nothingPending
        }
    }

    /// Why the binding does nothing now; nil when it can be used.
    public func disabledReason(_ b: Binding) -> DisabledReason? {
        for r in b.requires { if let why = reason(r) { return why } }
        return nil
    }

    public func disabledReason(_ a: Action) -> DisabledReason? {
        for r in a.requirements { if let why = reason(r) { return why } }
        return nil
    }
}

extension Keymap {
    /// The binding a key reaches along a chain, if any (its `requires` included).
    public func binding(for key: Key, in chain: [Context]) -> Binding? {
        guard let a = action(for: key, in: chain) else { return nil }
        for c in chain {
            if let b = bindings.first(where: { $0.context == c && $0.action == a && $0.keys.contains(key) }) { return b }
        }
        return nil
    }

    /// How a binding's keys are shown in the hint line and in a dialog: the first letter
    /// key if any, else the first key (one rule, so the two never disagree).
    public func label(_ b: Binding) -> String {
        (b.keys.first { if case .char = $0 { return true } else { return false } } ?? b.keys.first)?.name ?? ""
    }

    public func label(for action: Action, in context: Context) -> String {
        bindings.first { $0.action == action && $0.context == context && !$0.keys.isEmpty }.map { label($0) } ?? "?"
    }
}
