/// An error that can say what went wrong in the interface language. Every error the core
/// throws at a user conforms: its words live in the strings table (Strings.swift), never
/// in the error type; `description` stays for logs and tests that do not care.
public protocol LocalizedMessage: Error {
    func message(_ S: Strings) -> String
}

extension Strings {
    /// What a command or the dashboard shows for an error: its words in this language when
    /// it has them, otherwise its description.
    public func describe(_ error: Error) -> String {
        if let m = error as? LocalizedMessage { return m.message(self) }
        return String(describing: error)
    }
}
