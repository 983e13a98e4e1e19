/// One problem in a theme or config file, with its place: `path:line:col: message`.
public struct FileProblem: Equatable, CustomStringConvertible, Error, Sendable {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The whole problem in the interface language, when it has no place in a file (a
    /// theme that does not exist): shown instead of `path:line:col: message`.
    public var text: String?
    public init(path: String, line: Int, column: Int, message: String, text: String? = nil) {
        self.path = path; self.line = line; self.column = column; self.message = message; self.text = text
    }
    public var description: String {
        if let text { return text }
        return line > 0 ? "\(path):\(line):\(column): \(message)" : "\(path): \(message)"
    }
}
