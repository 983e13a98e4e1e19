import XCTest
import DubanTUI

/// README's key table is the binding table's, as docs/keys.md is.
final class ReadmeKeysTests: XCTestCase {
    func testReadmeKeyTableIsGeneratedFromTheBindings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try XCTUnwrap(readme.range(of: "<!-- keys:begin -->\n"))
        let end = try XCTUnwrap(readme.range(of: "\n<!-- keys:end -->"))
        let block = String(readme[begin.upperBound..<end.lowerBound])
        // docs/keys.md without its title and preamble, one heading level down.
        let doc = KeysDoc.markdown()
        let start = try XCTUnwrap(doc.range(of: "\n## "))
        let expected = doc[doc.index(after: start.lowerBound)...]
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("## ") ? "#" + $0 : String($0) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        XCTAssertEqual(block, expected, "README's key table is out of date: copy it from docs/keys.md (headings one level down)")
    }
}
