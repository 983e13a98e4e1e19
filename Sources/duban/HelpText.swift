import ArgumentParser
import DubanCore
import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// `--help` in the interface language (issue 12): every abstract, discussion and option
/// help of the commands comes from this table, in Chinese by default and in English with
/// `--lang en` or `LANG=en*`, chosen before ArgumentParser parses anything (an unknown
/// `--lang` is refused first, `Duban.main`). ArgumentParser's own words (OVERVIEW,
/// USAGE, OPTIONS) stay as it prints them.
///
/// Texts are wrapped here, once, by the dashboard's wrapper (display cells, 避头尾, no cut
/// inside a word) to the width ArgumentParser wraps to (COLUMNS, else the terminal, else
/// 80): each line then fits, and ArgumentParser, which counts characters and breaks only
/// at spaces, keeps the lines as they are.
enum HelpKey: String, CaseIterable {
    // issue 12, rough edges (engineer rough): the commands' --help
    case rootAbstract, rootIntro, rootCompletion, rootVersion
    case openAbstract, openIntro, openKeys
    case impAbstract, impIntro, impAliasesIntro
    case valAbstract, valIntro
    case rptAbstract, rptIntro
    case setAbstract, setIntro, setRule
    case recAbstract, recIntro, recMerge2
    case demoAbstract, genAbstract, genIntro
    case examples
    // options and arguments
    case demoOutput, optLang, genTasks, genUnits, genSeed, genOutput, impNotice, impOutput, impYear, impStrict, impAliases, impNoUserAliases, openPlan, optAsOf, openReadOnly, openTheme, openConfig, argPlan, recDiscard, recDryRun, recMerge, rptBy, rptOverdue, rptUnit, rptLeader, rptFormat, rptExcel, rptWide, setTask, setStatus, setProgress, setNote, setDeadline, setAuthor, setAsOf, setWait, valPlans
    // issue 12 item 14 (engineer helptext): the commands and options added since, out of
    // their inline English into this table
    case extAbstract, extIntro, extDecide, expAbstract, expIntro, mrgAbstract, mrgIntro, bulAbstract, bulIntro
    case extTo, extReason, extApprove, extRefuse, extAuthor, extOn
    case expFormat, expUnit, expAsOf, expPeriod, expOutput, expPerUnit
    case mrgSheets, mrgDryRun, mrgAuthor, mrgPeriod, mrgAsOf
    case bulAsOf, bulSince, bulOutput, bulFormat
    case impReview, impCorrections, impNoCorrections, impColumns
    case rptUnreported, rptPeriod, rptSince, rptOutput, setPeriod, openAmbiguousWide
    // issue 14, sheetsdash: duban merge --resolve
    case mergeResolve
    // issue 15, pgcli: a plan argument that may be a database address
    case argPlanOrAddress, valPlansOrAddress, planAddressIntro, recShared
    // issue 15, the PostgreSQL adapter (pgdb): db init, db user add, push, pull
    case dbAbstract, dbIntro, dbInitAbstract, dbInitIntro, dbUserAbstract, dbUserAddAbstract, dbUserAddIntro
    case dbURL, dbLogin, dbRole, dbUnit, dbPasswordStdin
    case pushAbstract, pushIntro, pushPlan, pushAs, pushReplace, pullAbstract, pullIntro, pullOutput
}

extension HelpKey {
    /// (Chinese, English); the switch makes the compiler check both.
    var texts: (String, String) {
        switch self {
        case .rootAbstract: return ("督办：重点工作任务督办的终端仪表盘。", "督办 (duban): a terminal dashboard for supervising key work tasks.")
        case .rootIntro: return ("不带命令时打开仪表盘（没有给文件时打开内置演示计划）。每个命令都有 --help 和示例；界面默认中文，--lang en 或 LANG=en* 为英文。", "With no command, opens the dashboard (on the built-in demo plan when no file is given). Every command has --help with examples; the interface is Chinese by default, English with --lang en or LANG=en*.")
        case .rootCompletion: return ("命令行补全：duban --generate-completion-script bash（或 zsh、fish）输出补全脚本；make install 会把它们装好。", "Shell completions: duban --generate-completion-script bash (or zsh, fish) prints the script; make install installs them.")
        case .rootVersion: return ("duban --version 显示版本；man duban 为手册页（make install 安装）。", "duban --version prints the version; man duban is the manual page (make install installs it).")
        case .openAbstract: return ("打开仪表盘（没有给计划时打开内置演示计划）。", "Open the dashboard on a plan (the built-in demo plan when none is given).")
        case .openIntro: return ("PLAN.json 打开计划文件；NOTICE.txt（或保存的网页 .html、Word 文件 .docx）先导入，通知与所得计划并排核对（用键更正，w 写入 NOTICE.json），再按 Enter 打开仪表盘。", "PLAN.json opens a plan file; NOTICE.txt (or a saved web page, .html, or a Word file, .docx) is imported and shown beside its plan for review (correct lines with keys, w writes NOTICE.json), then Enter opens the dashboard on it.")
        case .openKeys: return ("按键：在仪表盘中按 ? 查看，或见 docs/keys.md。", "Keys: press ? in the dashboard, or see docs/keys.md.")
        case .impAbstract: return ("把任务分解通知（文本、网页、Word 文件或任务表格）转成计划。", "Turn a task decomposition notice (text, a web page, a Word file or a task table) into a plan.")
        case .impIntro: return ("可读 UTF-8（带或不带 BOM）、UTF-16、GB18030/GBK 文本，CRLF 或 LF，半角或全角标点，保存的网页、Word 文件（.docx；.doc、.wps、.pdf 在装有 libreoffice 或 pdftotext 时先转换），或任务表格（.xlsx、.csv）。在核对界面（--review）所作的更正保存在计划中（importCorrections），用 -o PLAN 或 --corrections PLAN 再次导入即得更正后的计划。计划写到标准输出，或 -o FILE（原子写入）。识别出的格式、计数，以及每一行未能识别的内容及其行号，写到标准错误。", "Reads UTF-8 (with or without BOM), UTF-16 or GB18030/GBK text, CRLF or LF, ASCII or full-width punctuation, a saved web page, a Word file (.docx; .doc, .wps and .pdf through libreoffice or pdftotext when installed) or a task table (.xlsx, .csv). Corrections made on the review screen (--review) are kept in the plan (importCorrections): importing again with -o PLAN or --corrections PLAN gives the corrected plan. The plan goes to standard output, or to -o FILE (written atomically). The layout found, the counts and a warning with its line for every line not understood go to standard error.")
        case .impAliasesIntro: return ("单位简称：先用内置表，再用 ~/.config/duban/aliases.txt（或 $DUBAN_ALIASES），再用每个 --aliases FILE。见 docs/import.md。", "Unit aliases: the shipped table, then ~/.config/duban/aliases.txt (or $DUBAN_ALIASES), then each --aliases FILE. See docs/import.md.")
        case .valAbstract: return ("检查计划文件；逐条列出问题及其行、列和 JSON 路径。", "Check plan files; list every problem with its line, column and JSON path.")
        case .valIntro: return ("还检查每项任务的历史是否按日期排列，状态与进度是否一致（已完成即 100%）。全部有效时退出码为 0，否则为 1。", "Also checks that each history is in date order and that status and progress agree (done is 100%). Exit status 0 when every file is valid, 1 otherwise.")
        case .rptAbstract: return ("统计工作量与逾期任务，或列出某单位、某领导的任务。", "Workload by unit, leader, chapter or status; the overdue tasks; one unit's or one leader's tasks.")
        case .rptIntro: return ("完成、逾期、滞后和完成率按单位牵头的任务计；“协同”为它参与而不牵头的任务。单位的其他名称计入同一单位。名称按拼音排序；百分比四舍五入；不牵头任何任务的单位完成率为“—”。表格和 Markdown 以计划标题和统计日期开头。", "Done, overdue, lagging and % done count the tasks a unit leads; \"shared\" counts the tasks it shares without leading. A unit's other names count toward it. Names are in pinyin order; percentages are rounded half up; a unit that leads no task has \"—\" for % done. Tables and Markdown start with the plan's title and the as-of line.")
        case .setAbstract: return ("在脚本中修改一项任务：状态、进度、进展、完成时限。", "Change one task from a script: status, progress, a progress note, the deadline.")
        case .setIntro: return ("TASK 是任务编号（t12，见详情窗格方括号），或只有一项任务用的序号。每次修改都记入任务历史，日期为 --as-of（默认今天），计划原子保存（上一版保留为 PLAN.json.bak）。", "TASK is a task id (t12, shown in brackets in the detail pane) or a number label only one task has. Every change is added to the task's history, dated with --as-of (today by default), and the plan is saved atomically (the previous version is kept as PLAN.json.bak).")
        case .setRule: return ("已完成即 100%：--status done 把进度设为 100，--progress 100 把状态设为已完成。", "Done means 100%: --status done sets progress 100, and --progress 100 sets the status to done.")
        case .recAbstract: return ("重放（或丢弃）仪表盘会话留在计划日志中的未保存修改。", "Replay (or discard) the unsaved changes a dashboard session left in the plan's journal.")
        case .recIntro: return ("仪表盘中的每次修改在显示之前先写入 PLAN.json.journal。duban 在保存前被中止时，修改留在那里：本命令列出并把它们存入计划（原子保存，上一版保留为 PLAN.json.bak）。", "Every change made in the dashboard is written to PLAN.json.journal before it is shown. If duban is stopped before saving, the changes wait there: this lists them and saves them into the plan (atomically; the previous version is kept as PLAN.json.bak).")
        case .recMerge2: return ("如果这些修改之后计划又被他人保存过，只能把修改作为命令合并到新版本上：加 --merge。", "If the plan changed on disk since the changes were made (someone else saved it), the changes can only be merged, as commands, onto the new version: pass --merge.")
        case .demoAbstract: return ("把内置演示计划写到文件。", "Write the built-in demo plan to a file.")
        case .genAbstract: return ("生成任意规模的合成计划，用于基准测试和试用。", "Write a synthetic plan of any size, for benchmarks and trials.")
        case .genIntro: return ("章节最多四级，任务文本取自真实通知的短语，单位按偏斜分布抽取，状态混合，每项任务约六条进展。相同的 --tasks、--units 和 --seed 总是生成相同的文件。", "Chapters four levels deep, task texts made of phrases from real notices, units drawn with a skewed distribution, mixed statuses and about six progress notes per task. The same --tasks, --units and --seed always give the same file.")
        case .examples: return ("示例：", "Examples:")
        case .demoOutput: return ("写到哪个文件；默认标准输出。", "Where to write it; standard output by default.")
        case .optLang: return ("界面语言：zh（默认）或 en；LANG=en* 也给英文。", "Interface language: zh (default) or en. LANG=en* also gives English.")
        case .genTasks: return ("任务数，0 到 1000000。", "How many tasks, 0 to 1000000.")
        case .genUnits: return ("从多少个单位中抽取牵头和协同单位，1 到 100000。", "How many units to draw lead and co-units from, 1 to 100000.")
        case .genSeed: return ("随机种子（从 0 起的整数）。", "The random seed (a whole number from 0).")
        case .genOutput: return ("计划写到哪个文件；省略或为 - 时写到标准输出。", "Where to write the plan; standard output when omitted or '-'.")
        case .impNotice: return ("通知：文本文件、保存的网页、Word 文件或任务表格（.xlsx、.csv）。", "The notice: a text file, a saved web page, a Word file or a task table (.xlsx, .csv).")
        case .impOutput: return ("计划（JSON）写到哪个文件；默认标准输出。", "Where to write the plan (JSON); standard output by default.")
        case .impYear: return ("计划年度，通知没写（或写错）时给出。", "The plan year, when the notice does not say it (or says it wrong).")
        case .impStrict: return ("有任何警告即失败（退出码 1）。", "Fail (exit 1) on any warning.")
        case .impAliases: return ("另加的单位简称表，可重复（一行一个：发改委 = 发展改革委）。", "An extra unit alias file (one unit a line: 发改委 = 发展改革委). May be repeated.")
        case .impNoUserAliases: return ("不读 ~/.config/duban/aliases.txt。", "Do not read ~/.config/duban/aliases.txt.")
        case .openPlan: return ("计划文件（.json），或要导入的通知（.txt、.html、.docx）。", "A plan file (.json), or a notice (.txt, .html, .docx) to import.")
        case .optAsOf: return ("按哪一天计算逾期（YYYY-MM-DD）；默认今天。", "The date overdue is counted against (YYYY-MM-DD); today by default.")
        case .openReadOnly: return ("只读查看：任何按键都不改计划。", "View only: no key changes the plan.")
        case .openTheme: return ("主题：default、light、high-contrast、mono，或 .theme 文件。", "Theme: default, light, high-contrast, mono, or a .theme file.")
        case .openConfig: return ("配置文件（主题和按键）；默认 ~/.config/duban/config。", "Config file (theme and key bindings); default ~/.config/duban/config.")
        case .argPlan: return ("计划文件。", "The plan file.")
        case .recDiscard: return ("丢弃未保存的修改，而不是重放。", "Drop the unsaved changes instead of replaying them.")
        case .recDryRun: return ("只列出未保存的修改，什么也不改。", "Only list the unsaved changes; change nothing.")
        case .recMerge: return ("重放到修改之后又被他人保存过的计划上。", "Replay onto a plan that changed on disk since the changes were made.")
        case .rptBy: return ("分组：unit、leader、chapter 或 status（与 --overdue 同用：逐组列出逾期任务）。", "Group by: unit, leader, chapter or status (with --overdue: the overdue tasks under each).")
        case .rptOverdue: return ("列出逾期任务，而不是工作量。", "List the overdue tasks instead of the workload.")
        case .rptUnit: return ("一个单位的任务（牵头和协同），用它的任一名称。", "One unit's tasks (lead and co), under any of its names.")
        case .rptLeader: return ("一位牵头领导负责的任务。", "The tasks one leader answers for.")
        case .rptFormat: return ("table、csv、json、markdown，或 xlsx（需 -o）。", "table, csv, json, markdown, or xlsx (with -o).")
        case .rptExcel: return ("给 Excel 和 WPS 的 CSV：以 UTF-8 BOM 开头，CRLF 换行（即 --format csv）。", "CSV for Excel and WPS: a UTF-8 BOM first, CRLF line ends (implies --format csv).")
        case .rptWide: return ("表格中的长文本和长行不截断（CSV、JSON 和 Markdown 从不截断）。", "Do not cut a table's long texts or lines (CSV, JSON and Markdown never cut).")
        case .setTask: return ("任务：任务编号（如 t12，详情窗格方括号中），或只有一项任务用的序号。", "The task: its id or its number.")
        case .setStatus: return ("未启动、推进中、已完成、滞后，或 notStarted、inProgress、done、lagging。", "notStarted, inProgress, done, lagging, or 未启动, 推进中, 已完成, 滞后.")
        case .setProgress: return ("进度百分比，0 到 100（100 即已完成）。", "Progress in percent, 0 to 100.")
        case .setNote: return ("一条进展情况。", "A progress note (进展情况).")
        case .setDeadline: return ("完成时限：2020-06-30、2020.6.30、10月15日、6月底、年底（计划年度），或 none。", "The deadline: 2020-06-30, 2020.6.30, 10月15日, 6月底, 年底 (the plan's year), or 'none'.")
        case .setAuthor: return ("修改人（记入历史）。", "Who made the change (recorded in the history).")
        case .setAsOf: return ("修改日期（YYYY-MM-DD）；默认今天。", "The date of the change (YYYY-MM-DD); today by default.")
        case .setWait: return ("他人正在保存计划时等待的秒数（DUBAN_LOCK_WAIT，默认 10）。", "Seconds to wait while another writer saves the plan (DUBAN_LOCK_WAIT, 10 by default).")
        case .valPlans: return ("计划文件（JSON）。", "Plan files (JSON).")
        // issue 12 item 14 (engineer helptext)
        case .extAbstract: return ("为一项任务提出延期申请，并批准或驳回。", "File an extension request (延期申请) for a task, and approve or refuse it.")
        case .extIntro: return ("TASK 是任务编号（t12）或显示的序号（12）。不带 --approve 或 --refuse 时提出待审的申请：需要 --to（申请的新时限）和 --reason。带 --approve 或 --refuse 时审定 --to 日期相同的待审申请（不带 --to 时为最后一条待审申请）；给了 --to 和 --reason 而没有这样的申请时，当即提出并审定。", "TASK is a task id (t12) or its number as printed (12). Without --approve or --refuse the request is filed as pending: --to (the new deadline) and --reason are needed. With --approve or --refuse the pending request for the same --to date is decided (or, without --to, the last pending one); with --to and --reason and no such request, the request is filed and decided at once.")
        case .extDecide: return ("批准的申请改动完成时限；原时限记为 originalDeadline，逾期按批准的日期计算。在当时有效的时限之后提出的申请标为逾期申请。每一步都记入任务历史，日期为 --on（默认今天），修改人为 --author（否则为配置文件的 author，再否则为登录名）。计划经计划锁原子保存，与 duban set 相同。", "An approved request moves the deadline; the first deadline stays on record as originalDeadline, and overdue counts against the approved date. A request made after the deadline then in force is marked late. Each step adds a history entry, dated --on (today by default), by --author (else the config's author, else the login name). The plan is saved atomically through the plan's lock, like duban set.")
        case .expAbstract: return ("各单位的台账写成 .xlsx 或 .csv，供下发和收回合并。", "Write each unit's ledger (台账) as .xlsx or .csv, to send out and merge back.")
        case .expIntro: return ("表中有序号、任务、牵头领导、牵头单位、协同单位、完成时限、状态（四种状态的下拉列表）、进度、本期进展、备注和灯（彩色单元格），标题行写统计日期和报送期，任务编号在隐藏并锁定的列中；一张隐藏的表保存导出时的内容，duban merge 据此区分单位的修改和计划的修改。CSV 以 UTF-8 BOM 开头、CRLF 换行，供 Excel 和 WPS 使用。见 docs/sheets.md。", "The sheet has 序号, 任务, 牵头领导, 牵头单位, 协同单位, 完成时限, 状态 (a drop-down of the four statuses), 进度, 本期进展, 备注 and the light (a coloured cell), the as-of date and period in its title row, and the task id in a hidden, locked column; a hidden sheet keeps what was exported, so duban merge tells a unit's edits from the plan's. CSV has a UTF-8 BOM and CR LF for Excel and WPS. See docs/sheets.md.")
        case .mrgAbstract: return ("把收回的台账（.xlsx、.csv）合并进计划：每个改过的单元格成为一条带历史的修改。", "Merge returned ledgers (.xlsx, .csv) into the plan: each edited cell a change with its history.")
        case .mrgIntro: return ("改过的状态、进度、本期进展、备注或完成时限单元格，各成为任务历史中的一条修改（修改人为表的单位或 --author；报送期为表的报送期）。行按隐藏的任务编号对应，没有时按序号和任务文本。导出后在计划和表中都改过、或在两张表中改得不同的任务为冲突：并排列出，不合并（退出码 2）。任何一张表有错误则什么也不合并（退出码 1）。计划在计划锁下原子保存一次（保留 PLAN.json.bak）。见 docs/sheets.md。", "Each edited 状态, 进度, 本期进展, 备注 or 完成时限 cell becomes a change in the task's history (author: the sheet's unit, or --author; period: the sheet's period). Rows are matched by the hidden task id, else by number and text. A task changed both in the plan and in a sheet since the export, or differently in two sheets, is a conflict: listed side by side and not merged (exit status 2). Any error in any sheet merges nothing (exit status 1). The plan is saved once, under its lock, atomically (PLAN.json.bak kept). See docs/sheets.md.")
        case .bulAbstract: return ("写通报稿：总数、单位排名、红灯单位及其逾期任务、未报送单位、延期、变化、趋势。", "Write the 通报 draft: totals, units ranked, red units and their overdue tasks, who did not report, extensions, changes, trend.")
        case .bulIntro: return ("格式按输出文件的扩展名（.docx、.md、.txt），除非用 --format 指定。不带 --since 时与上一报送期末的计划比较（计划有报送周期时）。见 docs/bulletin.md。", "The format follows the output's extension (.docx, .md, .txt) unless --format names it. Without --since the bulletin compares with the end of the previous reporting period (when the plan has a cycle). See docs/bulletin.md.")
        case .extTo: return ("申请的新完成时限，YYYY-MM-DD。", "The new deadline asked for, YYYY-MM-DD.")
        case .extReason: return ("单位申请延期的理由。", "Why the unit asks for more time.")
        case .extApprove: return ("批准申请：完成时限改为申请的日期。", "Approve the request: the deadline moves to its date.")
        case .extRefuse: return ("驳回申请：完成时限不变。", "Refuse the request: the deadline stays.")
        case .extAuthor: return ("申请人或审定人（记入历史）。", "Who files or decides (recorded in the history).")
        case .extOn: return ("申请或审定的日期（YYYY-MM-DD）；默认今天。", "The day of the request or decision (YYYY-MM-DD); today by default.")
        case .expFormat: return ("xlsx（默认）或 csv。", "xlsx (default) or csv.")
        case .expUnit: return ("只导出这个单位牵头的任务（用它的任一名称）。", "Only the tasks this unit leads (any of its names).")
        case .expAsOf: return ("按哪一天计算灯（YYYY-MM-DD）；默认今天。", "The date the lights are counted against (YYYY-MM-DD); today by default.")
        case .expPeriod: return ("表所属的报送期（2020-09、2020Q3）；默认统计日期所在的月。", "The reporting period the sheet is for (2020-09, 2020Q3); the as-of month by default.")
        case .expOutput: return ("写到哪个文件。", "The file to write.")
        case .expPerUnit: return ("一个文件夹：每个牵头单位一个文件，以单位命名。", "A folder: one file per lead unit, named after the unit.")
        case .mrgSheets: return ("收回的表（.xlsx 或 .csv）。", "The returned sheets (.xlsx or .csv).")
        case .mrgDryRun: return ("只列出会改什么；什么也不保存。", "Print what would change; save nothing.")
        case .mrgAuthor: return ("所有修改的修改人（代替每张表的单位）。", "The author of every change (instead of each sheet's unit).")
        case .mrgPeriod: return ("没写报送期的表所属的报送期（2020-09）。", "The period for sheets that do not say theirs (2020-09).")
        case .mrgAsOf: return ("修改日期（YYYY-MM-DD）；默认今天。", "The date of the changes (YYYY-MM-DD); today by default.")
        case .bulAsOf: return ("通报的统计日期（YYYY-MM-DD）；默认今天。", "The day the bulletin is made as of (YYYY-MM-DD); today by default.")
        case .bulSince: return ("与这一天的计划比较（YYYY-MM-DD）：此后的变化。", "Compare with the plan on this day (YYYY-MM-DD): what changed since.")
        case .bulOutput: return ("写到哪个文件（.docx、.md 或 .txt）。", "The file to write (.docx, .md or .txt).")
        case .bulFormat: return ("docx、md 或 txt（代替扩展名）。", "docx, md or txt (instead of the extension).")
        case .impReview: return ("把通知与所得计划并排显示，用键更正（w 写入计划）。见 docs/keys.md。", "Show the notice beside the plan it gives and correct it with keys (w writes the plan). See docs/keys.md.")
        case .impCorrections: return ("应用哪个计划文件中的导入更正（importCorrections）；默认为 -o 计划中的。", "A plan file whose import corrections (importCorrections) to apply; by default those of the -o plan.")
        case .impNoCorrections: return ("不用 -o 计划保存的更正：给出导入程序读出的计划。", "Ignore the corrections the -o plan keeps: the importer's plan as it reads the notice.")
        case .impColumns: return ("表格（.xlsx、.csv）的表头手工对应，表头=列,…（工作事项=任务,责任处室=牵头单位）。", "For a spreadsheet (.xlsx, .csv): header texts mapped by hand, HEADER=COLUMN,… (工作事项=任务,责任处室=牵头单位).")
        case .rptUnreported: return ("本报送期（或 --period）未报送的单位及其任务。", "The units that have not reported for the period (the current one unless --period), with their tasks.")
        case .rptPeriod: return ("计划报送周期中的一期（2020-06、2020Q2，或其中的一天）：与 --unreported 同用为要检查的报送期；单独使用时列出该期内的变化。", "A reporting period of the plan's cycle (2020-06, 2020Q2, or a day in it): with --unreported, the period to check; alone, the changes over it.")
        case .rptSince: return ("把这一天（YYYY-MM-DD）的计划与统计日期比较：逐单位列出新逾期、已消除、新完成、仍为红灯的任务。", "Compare the plan on this day (YYYY-MM-DD) with the as-of date: per unit newly overdue, cleared, newly done, still red.")
        case .rptOutput: return ("与 --format xlsx 同用：要写的工作簿。", "With --format xlsx: the workbook to write.")
        case .setPeriod: return ("这是单位哪一报送期的报送（2020-06、2020Q2，或其中的一天）。", "The reporting period this is a unit's report for (2020-06, 2020Q2, or a day in it).")
        case .openAmbiguousWide: return ("终端把宽度不定的字符（… ─ │ · “ ”）画成两格宽：边框和标记改用 ASCII。", "The terminal draws ambiguous-width characters (… ─ │ · “ ”) two cells wide: draw the frame and markers in ASCII.")
        // issue 14, sheetsdash
        // issue 15, the PostgreSQL adapter (pgdb)
        case .dbAbstract: return ("准备放计划的 PostgreSQL 数据库：结构、角色与账号。", "Prepare a PostgreSQL database for plans: its schema, roles and logins.")
        case .dbIntro: return ("先用数据库的管理账号运行 db init，再为每位督查员、每个单位、每位领导运行 db user add。地址为 postgres://用户:密码@主机:端口/库名；未写的部分取自 PGHOST、PGPORT、PGUSER、PGPASSWORD、PGDATABASE、PGSSLMODE，密码也可放在 ~/.pgpass（权限须为 0600）。", "Run db init with the database's admin login first, then db user add for each inspector, unit and leader. An address is postgres://user:password@host:port/db; the parts left out come from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE, and the password can be kept in ~/.pgpass (mode 0600).")
        case .dbInitAbstract: return ("建立或升级数据库结构与角色（可重复运行）。", "Create or upgrade the schema and roles (safe to run again).")
        case .dbInitIntro: return ("按编号依次应用尚未应用的迁移，每个迁移一个事务；已是最新版本时不做任何改动。建立组角色 duban_inspector、duban_unit、duban_leader 和行级安全策略。", "Applies the numbered migrations the database has not had, each in one transaction; at the latest version it changes nothing. Creates the group roles duban_inspector, duban_unit and duban_leader and the row-level security policies.")
        case .dbUserAbstract: return ("管理数据库账号。", "Manage the database's logins.")
        case .dbUserAddAbstract: return ("添加（或更新）一个登录账号：督查员、单位或领导。", "Add (or update) a login: an inspector, a unit or a leader.")
        case .dbUserAddIntro: return ("督查员可改任何任务；单位账号看全部任务，但只能为本单位牵头的任务报送进展、进度和状态；领导只读。由数据库的角色和行级安全保证，用 psql 直连也一样。", "An inspector changes any task; a unit's login sees every task but only reports (history, progress, status) on the tasks it leads; a leader only reads. The database enforces it with roles and row-level security, through psql too.")
        case .dbURL: return ("数据库地址 postgres://用户@主机:端口/库名（?plan=计划名 指明计划）。", "The database address postgres://user@host:port/db (?plan=NAME names the plan).")
        case .dbLogin: return ("登录名。", "The login name.")
        case .dbRole: return ("inspector（督查员）、unit（单位）或 leader（领导）。", "inspector, unit or leader.")
        case .dbUnit: return ("单位账号所属单位，与计划中的牵头单位名称一致。", "A unit login's unit, as the plan names it among the lead units.")
        case .dbPasswordStdin: return ("从标准输入读一行作为密码。", "Read the password from standard input (one line).")
        case .pushAbstract: return ("把计划文件放进数据库。", "Put a plan file into a database.")
        case .pushIntro: return ("计划名默认为文件名（不含扩展名），或取地址中的 ?plan=，或 --as。同名计划已在时拒绝，除非加 --replace。之后 pull 取回的文件与放入的逐字节相同（计划未改动时）。", "The plan's name is the file's name without its extension, or the address's ?plan=, or --as. A name already taken is refused unless --replace. A later pull gives back the same bytes as the file pushed (while the plan is unchanged).")
        case .pushPlan: return ("计划文件（JSON）。", "The plan file (JSON).")
        case .pushAs: return ("计划在数据库中的名字。", "The plan's name in the database.")
        case .pushReplace: return ("替换同名计划（连同其修改记录）。", "Replace a plan of the same name (and its change log).")
        case .pullAbstract: return ("把数据库中的计划取出为文件。", "Take a plan out of a database as a file.")
        case .pullIntro: return ("地址中的 ?plan= 指明计划；数据库只有一个计划时可省略。-o 原子写入文件；省略时写到标准输出。", "The address's ?plan= names the plan (optional when the database holds one). -o writes the file atomically; standard output without it.")
        case .pullOutput: return ("写到哪个文件；默认标准输出。", "Where to write it; standard output by default.")
        case .mergeResolve: return ("在仪表盘中合并：改动先应用（u 一步撤销整个合并），冲突逐一并排显示（计划值、表格值、修改人和时间），p 保留计划、t 采用表格、x 跳过，w 保存。", "Merge in the dashboard: the changes applied (u undoes the whole merge as one step), each conflict shown side by side (the plan's value, the sheet's, who and when): p keeps the plan's, t takes the sheet's, x skips; w saves.")
        // issue 15, pgcli
        case .argPlanOrAddress: return ("计划文件，或数据库地址 postgres://用户@主机:端口/库名?plan=计划名。", "The plan file, or a database address postgres://user@host:port/db?plan=NAME.")
        case .valPlansOrAddress: return ("计划文件（JSON），或数据库地址 postgres://…?plan=计划名。", "Plan files (JSON), or database addresses postgres://…?plan=NAME.")
        case .planAddressIntro: return ("PLAN 也可以是数据库地址 postgres://用户@主机:端口/库名?plan=计划名（PG* 环境变量和 ~/.pgpass 补足其余部分）：读取数据库中的计划，结果与 duban pull 所得文件相同；每项修改是一个事务，不加锁、不保存，多人可同时修改。服务器不可用时几秒内报错；运行中断开时最多重试 10 秒（同一修改不会记两次），之后列出已提交和未提交的修改，退出码为 1。", "PLAN may also be a database address postgres://user@host:port/db?plan=NAME (the PG* environment variables and ~/.pgpass give the rest): the plan is read as the database holds it, with the same output as the file duban pull gives; each change is one transaction, with no lock and no save, so several people may change the plan at once. A server that is down is said within a few seconds; one lost mid-run is retried for up to 10 s (a change is never made twice), then the changes made and not made are listed and the exit status is 1.")
        case .recShared: return ("PLAN 为数据库地址时：发送仪表盘在服务器断开期间保存在本机（$XDG_STATE_HOME/duban/unsent/）、尚未发送的修改，按先后逐项提交（其间他人改过的任务照常合并并说明）；--dry-run 只列出，--discard 丢弃。请在没有仪表盘打开此计划时运行。", "When PLAN is a database address: sends the edits a dashboard kept on this machine while the server was gone ($XDG_STATE_HOME/duban/unsent/), oldest first, each its own commit (a task changed meanwhile is merged and said, as always); --dry-run only lists them, --discard drops them. Run it while no dashboard has the plan open.")
        }
    }
}

/// The strings of this run's --help: `--lang` (already checked), else LANG.
let helpStrings: Strings = cliStrings()

extension Strings {
    subscript(_ key: HelpKey) -> String {
        let (zh, en) = key.texts
        return lang == .zh ? zh : en
    }
}

enum HelpText {
    /// The width ArgumentParser wraps help to: COLUMNS, else the terminal, else 80.
    static let width: Int = {
        if let c = environment()["COLUMNS"].flatMap({ Int($0) }), c > 0 { return c }
        var ws = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return 80
    }()

    /// A text wrapped to `width` cells, its lines joined by line breaks.
    static func wrapped(_ text: String, width: Int) -> String {
        Display.wrap(text, width: max(width - 1, 10)).map { line in
            var s = ""
            for u in line { s += u.text }
            return s
        }.joined(separator: "\n")
    }

    /// An example command line, indented; one too long for the width is broken at a
    /// space, its next lines indented further (a shell reads them as one with `\`).
    static func example(_ line: String) -> String {
        let limit = max(width - 1, 20)
        var out: [String] = []
        var current = "  "
        for word in line.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let next = current.hasSuffix(" ") || current.isEmpty ? current + word : current + " " + word
            if DisplayWidth.of(next) + 2 > limit && current.trimmingSpaces.count > 0 {
                out.append(current + " \\")
                current = "      " + word
            } else {
                current = next
            }
        }
        out.append(current)
        return out.joined(separator: "\n")
    }

    /// The command whose help is printed: the first argument naming one, else the root.
    static let helpTarget: String = {
        // Spelled out: asking the commands' configurations would come back here.
        let names = ["open", "import", "validate", "report", "bulletin", "set", "extend", "recover", "demo", "generate", "export", "merge",
                     // issue 15, the PostgreSQL adapter (pgdb)
                     "db", "push", "pull"]
        return CommandLine.arguments.dropFirst().first { names.contains($0) } ?? "duban"
    }()

    /// A command's abstract: after `OVERVIEW: ` in its own help, in the column after the
    /// names in its parent's list of commands; wrapped for whichever is printed.
    static func abstract(_ k: HelpKey, command: String) -> String {
        wrapped(helpStrings[k], width: command == helpTarget ? width - 10 : width - 26)
    }

    /// Whether this run prints help (`-h`, `--help`, `help`, a completion script, the
    /// dump ArgumentParser's tools read). Only then are the discussions wrapped and the
    /// options' helps wrapped to their column (issue 16: ArgumentParser reads every
    /// command's configuration, several times, on every start; wrapping them all was
    /// ~80 M instructions, ~25 ms, of each `duban` process before it did anything).
    static let printsHelp: Bool = CommandLine.arguments.dropFirst().contains { a in
        a == "-h" || a == "--help" || a == "help" || a.hasPrefix("--experimental-dump-help")
            || a.hasPrefix("--generate-completion-script")
    }

    /// A command's discussion: its paragraphs wrapped once, then the examples as they are
    /// (empty when this run prints no help: nothing else shows it).
    static func discussion(_ paragraphs: [HelpKey], examples: [String]) -> String {
        guard printsHelp else { return "" }
        var parts = paragraphs.map { wrapped(helpStrings[$0], width: width) }
        if !examples.isEmpty {
            parts.append(helpStrings[.examples] + "\n" + examples.map { example($0) }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }
}

/// An option's or argument's help, wrapped to the column ArgumentParser gives it.
/// `default` is the value ArgumentParser appends as ` (default: VALUE)`: room is kept
/// for it on the last line, which ArgumentParser (counting characters, not cells)
/// would not wrap again.
func helpArg(_ k: HelpKey, default value: String? = nil) -> ArgumentHelp {
    // A usage error names the argument with its help on a line of its own: unwrapped.
    guard HelpText.printsHelp else { return ArgumentHelp(helpStrings[k]) }
    let reserve = value.map { " (default: \($0))".count } ?? 0
    return ArgumentHelp(HelpText.wrapped(helpStrings[k], width: HelpText.width - 26 - reserve))
}
