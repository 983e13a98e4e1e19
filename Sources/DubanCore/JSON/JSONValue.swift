/// A JSON value kept as it was read, for keys the program does not know: a plan
/// file written by a newer duban or by another tool keeps them through a save.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number's text exactly as written, so it round-trips byte for byte.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONField])

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var intValue: Int? { if case .number(let s) = self { return Int(s) } else { return nil } }
}

/// One key and value of an object, in the order they were read.
public struct JSONField: Hashable, Sendable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) { self.key = key; self.value = value }
}
