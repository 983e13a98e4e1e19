import XCTest
import DubanCore
@testable import DubanTUI

final class KeymapTests: XCTestCase {
    func testEveryActionIsBound() {
        let bound = Set(Bindings.defaults.map(\.action))
        for a in Action.allCases { XCTAssertTrue(bound.contains(a), "\(a) has no key") }
    }

    func testNoKeyRepeatsWithinAContext() {
        for ctx in Context.allCases {
            var seen: [Key: Action] = [:]
            for b in Bindings.defaults where b.context == ctx {
                for k in b.keys {
                    XCTAssertNil(seen[k], "\(k) is bound twice in \(ctx): \(seen[k].map { "\($0)" } ?? "") and \(b.action)")
                    seen[k] = b.action
                }
            }
        }
    }

    func testNoKeyIsShadowedAlongAPaneChain() {
        for pane in Pane.allCases {
            var seen: [Key: Context] = [:]
            for ctx in pane.chain {
                for b in Bindings.defaults where b.context == ctx {
                    for k in b.keys {
                        XCTAssertNil(seen[k], "\(k) in \(ctx) is hidden by \(seen[k].map { "\($0)" } ?? "") for \(pane)")
                        seen[k] = ctx
                    }
                }
            }
        }
    }

    func testIssueDefaults() {
        let m = Keymap()
        let table: [(Key, Pane, Action)] = [
            (.char("j"), .tasks, .moveDown), (.down, .chapters, .moveDown), (.char("k"), .workload, .moveUp),
            (.char("h"), .tasks, .paneLeft), (.char("l"), .chapters, .paneRight), (.pageDown, .tasks, .pageDown),
            (.home, .tasks, .top), (.char("g"), .tasks, .top), (.char("G"), .tasks, .bottom), (.tab, .tasks, .nextPane),
            (.backTab, .tasks, .prevPane), (.enter, .workload, .open), (.escape, .detail, .back), (.char("/"), .tasks, .search),
            (.char("n"), .tasks, .nextMatch), (.char("N"), .tasks, .prevMatch), (.char("f"), .tasks, .filterMenu),
            (.char("F"), .tasks, .clearFilters), (.char("s"), .tasks, .cycleStatus), (.char("1"), .detail, .setNotStarted),
            (.char("4"), .tasks, .setLagging), (.char("p"), .tasks, .setProgress), (.char("a"), .detail, .addNote),
            (.char("e"), .tasks, .editDeadline), (.char("u"), .tasks, .undo), (.ctrl("r"), .tasks, .redo),
            (.char("w"), .tasks, .save), (.ctrl("s"), .tasks, .save), (.char("q"), .tasks, .quit), (.ctrl("c"), .tasks, .interrupt),
            (.char("?"), .chapters, .help), (.ctrl("z"), .tasks, .suspend),
        ]
        for (k, p, a) in table { XCTAssertEqual(m.action(for: k, in: p.chain), a, "\(k) in \(p)") }
        XCTAssertNil(m.action(for: .char("s"), in: Pane.chapters.chain), "edits only where a task is selected")
    }

    func testKeyNamesRoundTrip() {
        for b in Bindings.defaults { for k in b.keys { XCTAssertEqual(Key(name: k.name), k, k.name) } }
        XCTAssertNil(Key(name: "C-"))
        XCTAssertNil(Key(name: "Hyper-x"))
    }

    func testConfigParsingCollectsEveryProblem() {
        let text = """
        # comment
        theme light
        bind tasks x cycleStatus
        unbind global w
        bind nowhere x quit
        bind tasks Ctrl-Q quit
        bind tasks y
        colour red
        """
        let (cfg, problems) = DashboardConfig.parse(text, path: "cfg", strings: Strings(.en))
        XCTAssertEqual(cfg.theme, "light")
        XCTAssertEqual(cfg.rebindings, [.bind(.tasks, .char("x"), .cycleStatus), .unbind(.global, .char("w"))])
        XCTAssertEqual(problems.map(\.description), [
            "cfg:5:6: unknown context \"nowhere\" (one of: global, list, chapters, tasks, detail, workload, taskEdit, editor, menu, picker, confirm, help, dialog, recover, changed, reload, command, conflicts)",
            "cfg:6:12: unknown key \"Ctrl-Q\"",
            "cfg:7:13: expected: bind CONTEXT KEY ACTION",
            "cfg:8:1: unknown setting \"colour\" (theme, ambiguous-wide, author, bind or unbind)",
        ])
        var m = Keymap()
        cfg.apply(to: &m)
        XCTAssertEqual(m.action(for: .char("x"), in: Pane.tasks.chain), .cycleStatus)
        XCTAssertNil(m.action(for: .char("w"), in: Pane.tasks.chain))
        XCTAssertEqual(m.action(for: .ctrl("s"), in: Pane.tasks.chain), .save)
    }

    func testConfigProblemsInBothLanguagesNameTheFileAndLine() throws {
        let text = "bind nowhere x quit\nbind tasks Ctrl-Q quit\nbind tasks x nosuch\nunbind tasks\ntheme\nambiguous-wide 1\nauthor\ncolour red\n"
        let zh = DashboardConfig.parse(text, path: "cfg", strings: Strings(.zh)).problems.map(\.description)
        let contexts = Context.allCases.map(\.rawValue).joined(separator: ", ")
        XCTAssertEqual(zh, [
            "cfg:1:6: 未知场景“nowhere”（可用：\(contexts)）",
            "cfg:2:12: 未知按键“Ctrl-Q”",
            "cfg:3:14: 未知动作“nosuch”",
            "cfg:4:13: 应为：unbind 场景 按键",
            "cfg:5:6: 应为：theme 主题名",
            "cfg:6:16: 应为：ambiguous-wide yes（或 no）",
            "cfg:7:7: 应为：author 姓名或单位",
            "cfg:8:1: 未知设置“colour”（应为 theme、ambiguous-wide、author、bind 或 unbind）",
        ])
        let en = DashboardConfig.parse(text, path: "cfg", strings: Strings(.en)).problems.map(\.description)
        XCTAssertEqual(en, [
            "cfg:1:6: unknown context \"nowhere\" (one of: \(contexts))",
            "cfg:2:12: unknown key \"Ctrl-Q\"",
            "cfg:3:14: unknown action \"nosuch\"",
            "cfg:4:13: expected: unbind CONTEXT KEY",
            "cfg:5:6: expected: theme NAME",
            "cfg:6:16: expected: ambiguous-wide yes (or no)",
            "cfg:7:7: expected: author NAME",
            "cfg:8:1: unknown setting \"colour\" (theme, ambiguous-wide, author, bind or unbind)",
        ])
        // A --config file that is not there, and one that is a folder, in both languages.
        let missing = "/nonexistent-duban-config-\(getpid())"
        XCTAssertEqual(DashboardConfig.load(given: missing, environment: [:], strings: Strings(.zh)).problems.map(\.description),
                       ["\(missing): 配置文件不存在或无法读取"])
        XCTAssertEqual(DashboardConfig.load(given: missing, environment: [:], strings: Strings(.en)).problems.map(\.description),
                       ["\(missing): cannot read the file"])
        let folder = NSTemporaryDirectory() + "duban-config-folder-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for lang in Lang.allCases {
            let S = Strings(lang)
            let p = DashboardConfig.load(given: folder, environment: [:], strings: S).problems
            XCTAssertEqual(p.map(\.description), [S.format(.openNotRegular, folder, S[.openIsFolder], S[.openKindConfig])], "\(lang)")
        }
        // The dashboard shows the first in its language.
        try "bind tasks x nosuch\n".write(toFile: folder + "/config", atomically: true, encoding: .utf8)
        let d = Dashboard(plan: Fixture.plan(), options: DashboardOptions(asOf: Fixture.asOf, lang: .zh, configPath: folder + "/config", environment: [:]),
                          saver: { _, _ in })
        XCTAssertEqual(d.state.message?.text, "\(folder)/config:1:14: 未知动作“nosuch”")
    }

    func testKeysDocIsCurrent() {
        let path = String(describing: #filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/") + "/docs/keys.md"
        let generated = KeysDoc.markdown()
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? generated.write(toFile: path, atomically: true, encoding: .utf8)
            XCTFail("recorded docs/keys.md")
            return
        }
        XCTAssertEqual(try? String(contentsOfFile: path, encoding: .utf8), generated,
                       "docs/keys.md is out of date: RECORD_SNAPSHOTS=1 swift test --filter KeysDoc")
    }
}

final class ThemeTests: XCTestCase {
    func testBuiltinsParseCleanlyAndMatchTheFiles() {
        let root = String(describing: #filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        for name in ["default", "light", "high-contrast"] {
            guard let text = BuiltinThemes.text(name) else { return XCTFail(name) }
            let (theme, problems) = ThemeParser.parse(text, name: name, path: name)
            XCTAssertEqual(problems, [], name)
            XCTAssertEqual(theme.name, name)
            let file = try? String(contentsOfFile: root + "/Themes/\(name).theme", encoding: .utf8)
            XCTAssertEqual(file?.trimmingCharacters(in: .newlines), text.trimmingCharacters(in: .newlines),
                           "Themes/\(name).theme and BuiltinThemeTexts differ")
            // Every role is named in every shipped theme.
            let named = Set(text.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
            for r in Role.allCases { XCTAssertTrue(named.contains(r.rawValue), "\(name) lacks \(r)") }
        }
    }

    func testErrorsNameLineAndColumnAndFallBack() {
        let text = """
        # a broken theme
        red         rde        default   bold
        nosuchrole  red        default
        border      blue|67    default   blod,underline
        header      300        default
        selection   red
        """
        let (theme, problems) = ThemeParser.parse(text, name: "x", path: "Themes/x.theme")
        XCTAssertEqual(problems.map(\.description), [
            "Themes/x.theme:2:13: unknown colour \"rde\"",
            "Themes/x.theme:3:1: unknown role \"nosuchrole\"",
            "Themes/x.theme:4:34: unknown attribute \"blod\"",
            "Themes/x.theme:5:13: unknown colour \"300\"",
            "Themes/x.theme:6:16: expected: role fg bg [attributes]",
        ])
        XCTAssertEqual(theme, BuiltinThemes.defaultTheme)
    }

    func testColours() {
        XCTAssertEqual(ThemeParser.color("default"), .terminalDefault)
        XCTAssertEqual(ThemeParser.color("red"), .indexed(eight: 1, full: 1))
        XCTAssertEqual(ThemeParser.color("red|196"), .indexed(eight: 1, full: 196))
        XCTAssertEqual(ThemeParser.color("brightcyan"), .indexed(eight: 6, full: 14))
        XCTAssertEqual(ThemeParser.color("196"), .indexed(eight: 1, full: 196))
        XCTAssertEqual(ThemeParser.color("196")?.index(colors: 8), 1)
        XCTAssertEqual(ThemeParser.color("196")?.index(colors: 256), 196)
        XCTAssertNil(ThemeParser.color("red|"))
        XCTAssertNil(ThemeParser.color("256"))
    }

    func testLoadByNameAndMissing() {
        XCTAssertEqual(BuiltinThemes.load("light", environment: [:]).theme.name, "light")
        XCTAssertTrue(BuiltinThemes.load("mono", environment: [:]).theme.monochrome)
        let (t, p) = BuiltinThemes.load("nosuch", environment: [:])
        XCTAssertEqual(t, BuiltinThemes.defaultTheme)
        XCTAssertEqual(p.count, 1)
    }
}
