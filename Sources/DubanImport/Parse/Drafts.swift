/// What the layout parsers find, before units are resolved and ids given.
struct DraftChapter {
    var label: String
    var title: String
    /// Index into the drafts' chapters.
    var parent: Int?
    var line: Int
    var goal: String?
    var mainTasks: String?
}

struct DraftTask {
    var number: String?
    /// Index into the drafts' chapters.
    var chapter: Int?
    var text: String
    var line: Int
    var column: Int
    /// For a task read from a table given as a table (a web page's, a Word file's, a sheet's):
    /// the table (1-based among the tables read), the row and the column of its text cell.
    var table: Int? = nil
    var row: Int? = nil
    var tableColumn: Int? = nil
    var fields: [Field] = []
    /// Unit cells of a table: lead / co / either, with their line.
    var goal: String?
    var mainTasks: String?
    var completion: String?
    var remarks: String?
    /// A 名称 / 项目 cell, or the first of several text columns: the task's short title.
    var title: String?
    /// A 分值 cell.
    var score: String?
}

struct Drafts {
    var chapters: [DraftChapter] = []
    var tasks: [DraftTask] = []
    var warnings: [ImportWarning] = []
    /// Lines understood as part of the plan (for the region and for warnings).
    var firstLine: Int = 0
    var lastLine: Int = 0
}
