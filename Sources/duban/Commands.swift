extension Duban {
    static var commands: [ParsableCommand.Type] {
        [ValidateCommand.self, ReportCommand.self, SetCommand.self, DemoCommand.self]
    }
    static var defaultCommand: ParsableCommand.Type? { nil }
}
import ArgumentParser
