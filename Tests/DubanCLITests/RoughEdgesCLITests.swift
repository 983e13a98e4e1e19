import XCTest
import Foundation
import DubanCore

/// Issue 12, part 2, on the command line: validate's rule checks, `set` with the
/// importer's deadlines and the 100% rule, --help in the interface language and wrapped
/// once, --lang checked, --version, and README's own `set` example on the demo.
final class RoughEdgesCLITests: CLITestCase {
    override class var folderPrefix: String { "duban-rough" }

    func testValidateFlagsHistoryOrderAndStatusContradictionsWithTheirPaths() throws {
        let plan = dir.appendingPathComponent("p.json").path
        try """
        {"formatVersion": 1, "title": "t", "year": 2020, "chapters": [], "tasks": [
         {"id": "a", "text": "a", "status": "done", "progress": 60},
         {"id": "b", "text": "b", "status": "inProgress", "progress": 40, "history": [
          {"date": "2020-04-17", "status": "inProgress", "progress": 40, "note": "x"},
          {"date": "2020-03-28", "status": "inProgress", "progress": 20, "note": "y"}]}]}
        """.write(toFile: plan, atomically: true, encoding: .utf8)
        let r = try duban(["validate", plan])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, """
            \(plan): tasks[0].status: 状态为已完成，进度却是60%：已完成即100%
            \(plan): tasks[1].history[1].date: 历史记录的日期2020-03-28早于上一条的2020-04-17：历史应按日期从旧到新排列

            """)
        XCTAssertTrue(r.err.contains("2处不一致"), r.err)
        XCTAssertTrue(try duban(["validate", plan, "--lang", "en"]).out.contains("done means 100%"))
        // The demo validates.
        XCTAssertEqual(try duban(["demo", "-o", "demo.json"]).status, 0)
        XCTAssertEqual(try duban(["validate", "demo.json"]).status, 0)
    }

    func testSetReadsTheImportersDeadlinesAndHundredIsDone() throws {
        XCTAssertEqual(try duban(["demo", "-o", "demo.json"]).status, 0)
        let path = dir.appendingPathComponent("demo.json").path
        for (typed, want) in [("10月15日", "2020-10-15"), ("6月底", "2020-06-30"), ("2020.6.30", "2020-06-30"), ("年底", "2020-12-31")] {
            let r = try duban(["set", "demo.json", "t12", "--deadline", typed, "--as-of", "2020-09-01"])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(try PlanFile.load(path: path).tasks[11].deadline?.iso, want, typed)
        }
        let bad = try duban(["set", "demo.json", "t12", "--deadline", "下个月"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.err.contains("时限“下个月”无法识别"), bad.err)
        XCTAssertEqual(try duban(["set", "demo.json", "t12", "--progress", "100", "--as-of", "2020-09-01"]).status, 0)
        XCTAssertEqual(try PlanFile.load(path: path).tasks[11].status, .done)
        XCTAssertEqual(try duban(["validate", "demo.json"]).status, 0, "what set writes validates")
    }

    /// README's own example, as it is written there, after README's `duban demo` line.
    func testReadmeSetExampleWorksOnTheDemo() throws {
        let readme = try String(contentsOf: repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = readme.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1).first.map(String.init) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let demo = try XCTUnwrap(commands.first { $0.hasPrefix("duban demo -o ") }, "README writes the demo")
        let set = try XCTUnwrap(commands.first { $0.hasPrefix("duban set ") }, "README has a set example")
        func words(_ line: String) -> [String] {
            // Shell words: spaces outside double quotes.
            var out: [String] = [], cur = "", quoted = false
            for ch in line.dropFirst("duban ".count) {
                if ch == "\"" { quoted.toggle() } else if ch == " " && !quoted { if !cur.isEmpty { out.append(cur); cur = "" } } else { cur.append(ch) }
            }
            if !cur.isEmpty { out.append(cur) }
            return out
        }
        XCTAssertEqual(try duban(words(demo)).status, 0)
        let r = try duban(words(set))
        XCTAssertEqual(r.status, 0, "\(set): \(r.err)")
        XCTAssertTrue(r.out.contains("已完成"), r.out)
    }

    func testHelpIsInTheInterfaceLanguageWrappedOnceAndLangIsChecked() throws {
        for cols in [50, 80, 120] {
            let zh = try duban(["report", "--help"], env: ["LANG": "C.UTF-8", "COLUMNS": "\(cols)"])
            XCTAssertEqual(zh.status, 0)
            XCTAssertTrue(zh.out.contains("名称按拼音排序"), zh.out)
            for line in zh.out.split(separator: "\n") where !line.hasPrefix("USAGE:") {
                XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), cols, "fits \(cols) columns: \(line)")
            }
            let en = try duban(["report", "--help"], env: ["LANG": "en_US.UTF-8", "COLUMNS": "\(cols)"])
            XCTAssertTrue(en.out.contains("Names are in pinyin order"), en.out)
            // Wrapped once: within a paragraph, the next line's first word never fitted
            // on the line before (a second wrap leaves a short line: `the` / `tasks…`).
            // (The overview's first line has its label; examples are one command a line.)
            let all = en.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var lines: [String] = []
            var inExamples = false
            for l in all.drop(while: { !$0.isEmpty }) {
                if l == "Examples:" { inExamples = true } else if l.isEmpty { inExamples = false }
                lines.append(inExamples ? "" : l)
            }
            func indent(_ l: String) -> Int { l.prefix { $0 == " " }.count }
            for (a, b) in zip(lines, lines.dropFirst()) where !a.isEmpty && !b.isEmpty && indent(a) == indent(b)
                && !a.hasSuffix("\\") && !a.hasSuffix(":") && !a.hasPrefix("USAGE") && !a.trimmingCharacters(in: .whitespaces).hasPrefix("-") {
                let word = b.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
                XCTAssertGreaterThan(DisplayWidth.of(a) + 1 + DisplayWidth.of(word), cols - 1, "\"\(word)\" fitted after \"\(a)\" at \(cols)")
            }
            XCTAssertEqual(try duban(["report", "--help", "--lang", "en"], env: ["LANG": "C.UTF-8", "COLUMNS": "\(cols)"]).out, en.out)
        }
        for args in [["--lang", "fr", "--help"], ["report", "--help", "--lang", "fr"], ["--lang=fr"]] {
            let r = try duban(args)
            XCTAssertEqual(r.status, 64, "\(args)")
            XCTAssertTrue(r.err.contains("--lang fr"), r.err)
            XCTAssertTrue(r.out.isEmpty, "no help printed for \(args)")
        }
        let root = try duban(["--help"])
        XCTAssertTrue(root.out.contains("--generate-completion-script"), "completions are mentioned")
        XCTAssertEqual(try duban(["--version"]).out, "0.12.0\n")
        // The manual page names the same version.
        let man = try String(contentsOf: repoRoot.appendingPathComponent("docs/duban.1"), encoding: .utf8)
        XCTAssertTrue(man.contains("\"duban 0.12.0\""))
        XCTAssertTrue(try String(contentsOf: repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
            .contains("--generate-completion-script"))
    }
}
