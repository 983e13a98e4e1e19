import XCTest
import DubanCore
@testable import DubanTUI

/// `--ambiguous-wide` (or `ambiguous-wide yes` in the config): the frame, markers and
/// ambiguous punctuation go to the terminal as characters one cell wide everywhere.
final class AmbiguousWideTests: XCTestCase {
    /// East Asian Width "A" scalars the dashboard draws: none may reach the terminal.
    static let ambiguous: Set<Unicode.Scalar> = ["…", "─", "│", "┌", "┐", "└", "┘", "├", "┤", "·", "“", "”", "‘", "’", "↓", "↑", "↵", "—"]

    func testTheFrameAndMarkersAreASCIIAndTheLayoutIsTheSame() throws {
        let (d, t) = Fixture.dashboard(width: 100, height: 30)
        d.state.resize(width: 100, height: 30)
        let plain = Renderer.render(d.state)
        XCTAssertTrue(plain.lines.joined().unicodeScalars.contains { Self.ambiguous.contains($0) }, "the probe can fail: the normal frame has them")
        let opts = DashboardOptions(asOf: Fixture.asOf, lang: .zh, theme: "default", configPath: nil, savePath: "plan.json",
                                    environment: [:], ambiguousWide: true)
        let wide = Dashboard(plan: Fixture.plan(), options: opts, saver: { _, _ in })
        wide.state.resize(width: 100, height: 30)
        _ = wide.send(.action(.cycleTaskSort))  // ↓ in the header
        let frame = wide.frame()
        let text = frame.lines.joined(separator: "\n")
        for u in text.unicodeScalars { XCTAssertFalse(Self.ambiguous.contains(u), "\(u) reached the terminal:\n\(text)") }
        XCTAssertTrue(text.contains("+---"), text)
        XCTAssertTrue(text.contains("|"), text)
        XCTAssertTrue(text.contains("\"六稳\""), "“ ” in the data drawn as \" :\n\(text)")
        // Same cells, same widths: only the glyphs changed.
        let ref = Renderer.render(wide.state)
        XCTAssertEqual(ref.width, frame.width)
        for y in 0..<ref.height { for x in 0..<ref.width { XCTAssertEqual(ref[x, y].width, frame[x, y].width) } }
        _ = t
    }

    func testTheConfigFileSettingAndItsProblems() {
        let (cfg, problems) = DashboardConfig.parse("ambiguous-wide yes\n", path: "cfg")
        XCTAssertEqual(cfg.ambiguousWide, true)
        XCTAssertTrue(problems.isEmpty)
        let (_, bad) = DashboardConfig.parse("ambiguous-wide maybe\n", path: "cfg", strings: Strings(.en))
        XCTAssertEqual(bad.map(\.description), ["cfg:1:16: expected: ambiguous-wide yes (or no)"])
        XCTAssertEqual(NarrowGlyphs.substitute(Glyph("市")), nil, "Han is wide everywhere: kept")
        XCTAssertEqual(NarrowGlyphs.substitute(Glyph("a")), nil)
        XCTAssertEqual(NarrowGlyphs.substitute(Glyph("…"))?.string, ".")
    }
}
