/// The words of a message whose text lives in the strings table: a key with its arguments
/// (themselves words, or data shown as it is), rendered in the interface language when
/// shown. The core keeps these, never finished sentences, so one problem reads right in
/// Chinese and in English.
public indirect enum Words: Hashable, Sendable {
    /// Data (a key name, a value from the file, a number): shown as it is.
    case text(String)
    /// A phrase of the strings table with its `{0}`, `{1}`, ... arguments.
    case key(Strings.Key, [Words])

    public static func k(_ key: Strings.Key, _ args: Words...) -> Words { .key(key, args) }
    public static func t(_ value: CustomStringConvertible) -> Words { .text(value.description) }

    public func render(_ S: Strings) -> String {
        switch self {
        case .text(let s): return s
        case .key(let key, let args):
            var s = S[key]
            for (i, a) in args.enumerated() { s = s.replacingAll("{\(i)}", with: a.render(S)) }
            return s
        }
    }

    /// The English text (logs and tests).
    public var english: String { render(Strings(.en)) }
}

/// One thing wrong with a plan file, with its place: the file, line and column,
/// and the JSON path of the value (`tasks[12].deadline`).
public struct PlanProblem: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    public var file: String
    public var line: Int
    public var column: Int
    /// `tasks[12].deadline`; empty for the document itself.
    public var path: String
    /// What is wrong, as words of the strings table.
    public var words: Words

    public init(file: String, line: Int, column: Int, path: String, words: Words) {
        self.file = file; self.line = line; self.column = column; self.path = path; self.words = words
    }

    /// What is wrong, in English.
    public var message: String { words.english }

    /// `plan.json:12:17: tasks[3].deadline: expected ...` (the `path:line:col: message` form
    /// editors jump to), in English.
    public var description: String { message(Strings(.en)) }

    /// The same in the interface language; the place stays as it is.
    public func message(_ S: Strings) -> String {
        "\(file):\(line):\(column): " + (path.isEmpty ? "" : "\(path): ") + words.render(S)
    }
}

/// Every problem found while loading a plan; loading stops at the first syntax error
/// but collects every problem of meaning (wrong types, bad dates, duplicate ids, ...).
public struct PlanLoadError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    public var problems: [PlanProblem]
    public init(_ problems: [PlanProblem]) { self.problems = problems }
    public var description: String { message(Strings(.en)) }
    public func message(_ S: Strings) -> String { problems.map { $0.message(S) }.joined(separator: "\n") }
}
