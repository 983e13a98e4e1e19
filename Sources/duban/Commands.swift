import ArgumentParser

extension Duban {
    /// Every command; `open` (the dashboard) is the default, so `duban` and
    /// `duban PLAN.json` reach it.
    static var commands: [ParsableCommand.Type] {
        [OpenCommand.self, ImportCommand.self, ValidateCommand.self, ReportCommand.self, BulletinCommand.self, SetCommand.self, ExtendCommand.self,
         RecoverCommand.self, DemoCommand.self, GenerateCommand.self, ExportCommand.self, MergeCommand.self,
         // issue 15, the PostgreSQL adapter (pgdb)
         DbCommand.self, PushCommand.self, PullCommand.self]
    }
    static var defaultCommand: ParsableCommand.Type? { OpenCommand.self }
}
