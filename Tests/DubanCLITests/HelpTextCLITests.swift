import DubanCore
import Foundation
import XCTest

/// Issue 12 item 14: `--help` of EVERY command (as the binary's own `duban --help` lists
/// them) is in the interface language, abstract and each option, and wrapped once; the
/// manual page and README name the same commands.
final class HelpTextCLITests: CLITestCase {
    override class var folderPrefix: String { "duban-helptext" }

    /// The commands `duban --help` lists under SUBCOMMANDS (`open (default)` is `open`).
    func listedCommands(_ env: [String: String]) throws -> [String] {
        let root = try duban(["--help"], env: env)
        XCTAssertEqual(root.status, 0, root.err)
        let lines = root.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { XCTFail("no SUBCOMMANDS in \(root.out)"); return [] }
        var out: [String] = []
        for l in lines[(start + 1)...] {
            if l.isEmpty { break }
            // A command's line is indented 2; its wrapped abstract deeper.
            guard l.hasPrefix("  "), !l.hasPrefix("   "), let name = l.split(separator: " ").first else { continue }
            out.append(String(name))
        }
        return out
    }

    static func hasHan(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// Han characters against Latin letters: English text may quote Chinese data
    /// (未启动, 工作事项=任务, 通报) but is mostly Latin words.
    static func isEnglish(_ s: String) -> Bool {
        let han = s.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        let latin = s.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }.count
        return latin >= 4 && han * 2 < latin
    }

    /// The OVERVIEW's text (its wrapped lines joined).
    static func overview(_ help: String) -> String {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let i = lines.firstIndex(where: { $0.hasPrefix("OVERVIEW: ") }) else { return "" }
        var text = String(lines[i].dropFirst("OVERVIEW: ".count))
        for l in lines[(i + 1)...] { if l.isEmpty { break }; text += l }
        return text
    }

    /// Each entry of the ARGUMENTS and OPTIONS sections: (name column, help text), the
    /// help's wrapped lines joined. ArgumentParser's own -h/--help and --version entries
    /// are left out: their words are ArgumentParser's, like OVERVIEW and USAGE.
    static func entries(_ help: String) -> [(name: String, help: String)] {
        var out: [(String, String)] = []
        var inSection = false
        for l in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if l == "ARGUMENTS:" || l == "OPTIONS:" { inSection = true; continue }
            if l.isEmpty || !l.hasPrefix(" ") { inSection = false; continue }
            guard inSection else { continue }
            let indent = l.prefix { $0 == " " }.count
            if indent == 2 {
                let body = l.dropFirst(2)
                if let r = body.range(of: "  ") {
                    out.append((String(body[..<r.lowerBound]), String(body[r.upperBound...]).trimmingCharacters(in: .whitespaces)))
                } else {
                    out.append((String(body), ""))
                }
            } else if !out.isEmpty {
                out[out.count - 1].1 += (out[out.count - 1].1.isEmpty ? "" : " ") + l.trimmingCharacters(in: .whitespaces)
            }
        }
        return out.filter { !$0.0.contains("--help") && !$0.0.contains("--version") }
    }

    /// Wrapped once: within a paragraph, the next line's first word never fitted on the
    /// line before (a second wrap leaves a short line: `the` / `tasks…`). Examples,
    /// option-name lines and the usage are not prose. A Chinese line may break before any
    /// Han character (and moves one to keep 避头尾), so only a Latin word is checked there.
    func assertWrappedOnce(_ help: String, cols: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let all = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        var inExamples = false
        for l in all {
            if l == "Examples:" || l == "示例：" { inExamples = true } else if l.isEmpty { inExamples = false }
            lines.append(inExamples || l.hasPrefix("USAGE") || l.hasPrefix("OVERVIEW") ? "" : l)
        }
        func indent(_ l: String) -> Int { l.prefix { $0 == " " }.count }
        for l in all where !l.hasPrefix("USAGE:") {
            XCTAssertLessThanOrEqual(DisplayWidth.of(l), cols, "\(what): fits \(cols) columns: \(l)", file: file, line: line)
        }
        // (An entry of ARGUMENTS, OPTIONS or SUBCOMMANDS starts at indent 2: not a wrap.)
        for (a, b) in zip(lines, lines.dropFirst()) where !a.isEmpty && !b.isEmpty && indent(a) == indent(b) && indent(b) != 2
            && !a.hasSuffix("\\") && !a.hasSuffix(":") && !a.hasSuffix("：") && !a.trimmingCharacters(in: .whitespaces).hasPrefix("-") {
            let word = b.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            guard let first = word.unicodeScalars.first, first.isASCII, !Self.hasHan(word) else { continue }
            XCTAssertGreaterThan(DisplayWidth.of(a) + 1 + DisplayWidth.of(word), cols - 1,
                                 "\(what): \"\(word)\" fitted after \"\(a)\" at \(cols)", file: file, line: line)
        }
    }

    func testEveryCommandsHelpIsInTheInterfaceLanguageAndWrappedOnce() throws {
        let zhEnv = ["LANG": "C.UTF-8", "COLUMNS": "80"]
        let commands = try listedCommands(zhEnv)
        // The commands added by later issues are among them (the list is the binary's).
        for c in ["open", "import", "validate", "report", "bulletin", "set", "extend", "recover", "demo", "generate", "export", "merge"] {
            XCTAssertTrue(commands.contains(c), "\(c) in \(commands)")
        }
        XCTAssertEqual(try listedCommands(["LANG": "en_US.UTF-8", "COLUMNS": "80"]), commands)
        for cmd in [nil] + commands.map(Optional.some) {
            let args = (cmd.map { [$0] } ?? []) + ["--help"]
            let name = cmd ?? "duban"
            let zh = try duban(args, env: zhEnv)
            XCTAssertEqual(zh.status, 0, "\(name): \(zh.err)")
            let en = try duban(args + ["--lang", "en"], env: zhEnv)
            XCTAssertEqual(en.status, 0, "\(name): \(en.err)")
            XCTAssertEqual(try duban(args, env: ["LANG": "en_US.UTF-8", "COLUMNS": "80"]).out, en.out, "\(name): LANG=en* is --lang en")

            let zhAbstract = Self.overview(zh.out), enAbstract = Self.overview(en.out)
            XCTAssertTrue(Self.hasHan(zhAbstract), "\(name): Chinese abstract: \(zhAbstract)")
            XCTAssertTrue(Self.isEnglish(enAbstract), "\(name): English abstract: \(enAbstract)")
            XCTAssertNotEqual(zhAbstract, enAbstract, name)

            let zhEntries = Self.entries(zh.out), enEntries = Self.entries(en.out)
            if cmd != nil { XCTAssertFalse(zhEntries.isEmpty, "\(name) has options") }
            XCTAssertEqual(zhEntries.map(\.name), enEntries.map(\.name), "\(name): the same options in both languages")
            for e in zhEntries {
                XCTAssertTrue(Self.hasHan(e.help), "\(name) \(e.name): Chinese help, got \"\(e.help)\"")
            }
            for e in enEntries {
                XCTAssertTrue(Self.isEnglish(e.help), "\(name) \(e.name): English help, got \"\(e.help)\"")
            }
            XCTAssertTrue(zh.out.contains("示例："), "\(name): examples")
            XCTAssertTrue(en.out.contains("Examples:"), "\(name): examples")
            // The discussion (the text before the examples) is in the language too.
            let enDiscussion = en.out.components(separatedBy: "Examples:").first ?? ""
            let zhDiscussion = zh.out.components(separatedBy: "示例：").first ?? ""
            XCTAssertTrue(Self.hasHan(zhDiscussion.components(separatedBy: "OPTIONS:").first ?? ""), name)
            XCTAssertTrue(Self.isEnglish(enDiscussion), name)

            assertWrappedOnce(zh.out, cols: 80, "\(name) zh")
            assertWrappedOnce(en.out, cols: 80, "\(name) en")
        }
    }

    func testAnUnknownLanguageIsRefusedForEveryCommandsHelp() throws {
        for cmd in try listedCommands(["LANG": "C.UTF-8"]) {
            let r = try duban([cmd, "--help", "--lang", "fr"])
            XCTAssertEqual(r.status, 64, cmd)
            XCTAssertTrue(r.err.contains("--lang fr"), "\(cmd): \(r.err)")
            XCTAssertTrue(r.out.isEmpty, "\(cmd): no help printed")
        }
    }

    /// The manual page's COMMANDS are the binary's, and it names every long option of
    /// every command; README's command list names every command.
    func testManPageAndReadmeNameEveryCommandAndOption() throws {
        let commands = try listedCommands(["LANG": "en_US.UTF-8"])
        let man = try String(contentsOf: repoRoot.appendingPathComponent("docs/duban.1"), encoding: .utf8)
        let manLines = man.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var manCommands: [String] = []
        if let start = manLines.firstIndex(of: ".SH COMMANDS") {
            var afterTP = false
            for l in manLines[(start + 1)...] {
                if l.hasPrefix(".SH") { break }
                if l == ".TP" { afterTP = true; continue }
                if afterTP, let sp = l.firstIndex(of: " ") {
                    let rest = l[l.index(after: sp)...].replacingOccurrences(of: "\"", with: "")
                    if let w = rest.split(separator: " ").first { manCommands.append(String(w)) }
                }
                afterTP = false
            }
        }
        XCTAssertEqual(manCommands.sorted(), commands.sorted(), "docs/duban.1 COMMANDS against duban --help")
        let plainMan = man.replacingOccurrences(of: "\\-", with: "-")
        for cmd in commands {
            let help = try duban([cmd, "--help"], env: ["LANG": "en_US.UTF-8", "COLUMNS": "200"]).out
            for e in Self.entries(help) {
                for token in e.name.split(whereSeparator: { $0 == " " || $0 == "," }) where token.hasPrefix("--") {
                    XCTAssertTrue(plainMan.contains(String(token)), "docs/duban.1 names \(cmd) \(token)")
                }
            }
        }
        let readme = try String(contentsOf: repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for cmd in commands {
            XCTAssertTrue(readme.contains("duban \(cmd) "), "README names duban \(cmd)")
        }
    }
}
