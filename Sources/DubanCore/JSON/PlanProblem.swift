/// One thing wrong with a plan file, with its place: the file, line and column,
/// and the JSON path of the value (`tasks[12].deadline`).
public struct PlanProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// `tasks[12].deadline`; empty for the document itself.
    public var path: String
    public var message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file; self.line = line; self.column = column; self.path = path; self.message = message
    }

    /// `plan.json:12:17: tasks[3].deadline: expected ...` (the `path:line:col: message` form
    /// editors jump to).
    public var description: String {
        "\(file):\(line):\(column): " + (path.isEmpty ? "" : "\(path): ") + message
    }
}

/// Every problem found while loading a plan; loading stops at the first syntax error
/// but collects every problem of meaning (wrong types, bad dates, duplicate ids, ...).
public struct PlanLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [PlanProblem]
    public init(_ problems: [PlanProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
