import XCTest
import Foundation
@testable import DubanCore

/// The one cleaner (`TerminalText`), tested once over whole code point ranges: every C0
/// control, DEL, every C1 code, every bidi mark, embedding, override and isolate, and every
/// format character Unicode has (General_Category Cf), then every other scalar.
final class TerminalTextTests: XCTestCase {
    /// The format characters kept on purpose (documented in `isInvisibleFormat`).
    static let keptFormat: Set<UInt32> = [0x200C, 0x200D, 0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F,
                                          0x890, 0x891, 0x8E2, 0x110BD, 0x110CD]

    static func s(_ v: UInt32) -> String { String(Character(Unicode.Scalar(v)!)) }

    func testEveryControlAndFormatCharacterHasItsPlaceholder() {
        // (range, what a one-line field shows, what a message shows); nil: same as one line.
        var table: [(ClosedRange<UInt32>, (UInt32) -> String, ((UInt32) -> String)?)] = [
            (0x00...0x08, { "^" + String(UnicodeScalar(UInt8($0 + 0x40))) }, nil),
            (0x09...0x09, { _ in " " }, { _ in "\t" }),
            (0x0A...0x0A, { _ in "↵" }, { _ in "\n" }),
            (0x0B...0x0C, { "^" + String(UnicodeScalar(UInt8($0 + 0x40))) }, nil),
            (0x0D...0x0D, { _ in "↵" }, nil),
            (0x0E...0x1F, { "^" + String(UnicodeScalar(UInt8($0 + 0x40))) }, nil),
            (0x7F...0x7F, { _ in "^?" }, nil),
            (0x80...0x9F, { "<" + String($0, radix: 16, uppercase: true) + ">" }, nil),
            (0x2028...0x2029, { _ in "↵" }, { _ in "\n" }),
        ]
        let u = { (v: UInt32) in "<U+" + String(format: "%04X", v) + ">" }
        // Bidi: the marks, embeddings and overrides, isolates.
        for r: ClosedRange<UInt32> in [0x200E...0x200F, 0x061C...0x061C, 0x202A...0x202E, 0x2066...0x2069] {
            table.append((r, u, nil))
        }
        var checked = 0
        for (range, line, message) in table {
            for v in range {
                for (prefix, suffix) in [("", ""), ("中", "a")] {
                    let text = prefix + Self.s(v) + suffix
                    XCTAssertEqual(TerminalText.clean(text, .line), prefix + line(v) + suffix, "U+\(String(v, radix: 16)) on a line")
                    XCTAssertEqual(TerminalText.clean(text, .lines), prefix + (message ?? line)(v) + suffix, "U+\(String(v, radix: 16)) in a message")
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 32 + 1 + 32 + 2 + 2 + 1 + 5 + 4)
        XCTAssertEqual(TerminalText.clean("\u{1B}", .line), "^[")
        XCTAssertEqual(TerminalText.clean("a\r\nb", .line), "a↵b", "CR LF is one break")
        XCTAssertEqual(TerminalText.clean("a\r\nb", .lines), "a\nb")
        XCTAssertEqual(TerminalText.clean("a\rb", .lines), "a↵b", "a lone CR cannot overwrite the line")
    }

    /// Every scalar from U+0000 to U+10FFFF: a placeholder exactly for C0, DEL, C1 and the
    /// format characters (less the documented few), and the text unchanged for the rest.
    func testEveryScalarIsEitherShownAsItIsOrReplaced() {
        var format = 0, kept = 0, plain = 0
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let isFormat = scalar.properties.generalCategory == .format
            let expected = v < 0x20 || (0x7F...0x9F).contains(v)
                || (isFormat && !Self.keptFormat.contains(v)) || v == 0x2065
            let p = TerminalText.placeholder(v)
            XCTAssertEqual(p != nil, expected, "U+\(String(v, radix: 16))")
            XCTAssertEqual(TerminalText.placeholderWidth(v), p.map { $0.unicodeScalars.count }, "U+\(String(v, radix: 16))")
            if let p {
                XCTAssertTrue(p.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "ASCII placeholder for U+\(String(v, radix: 16))")
                if isFormat { format += 1; XCTAssertEqual(p, "<U+" + String(format: "%04X", v) + ">") }
            } else if v != 0x2028 && v != 0x2029 {
                plain += 1
                let text = Self.s(v)
                XCTAssertTrue(TerminalText.isClean(text), "U+\(String(v, radix: 16))")
                if v % 97 == 0 { XCTAssertEqual(TerminalText.clean(text), text) }
                if isFormat { kept += 1 }
            }
        }
        XCTAssertGreaterThan(format, 150, "bidi, tags and the other format characters")
        XCTAssertEqual(kept, Self.keptFormat.count)
        XCTAssertGreaterThan(plain, 1_000_000)
        for v: UInt32 in [0xAD, 0x180E, 0x200B, 0x2060, 0x2064, 0x206A, 0x206F, 0xFEFF, 0xFFF9, 0xFFFB, 0xE0001, 0xE0041, 0xE007F] {
            XCTAssertNotNil(TerminalText.placeholder(v), "U+\(String(v, radix: 16)) hides text")
        }
        XCTAssertEqual(TerminalText.clean("tag\u{E0041}"), "tag<U+E0041>")
    }

    func testMalformedBytesBecomeTheReplacementCharacter() {
        let cleaned = TerminalText.clean(bytes: [0x61, 0xFF, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0x1B, 0x62])
        XCTAssertTrue(cleaned.hasPrefix("a\u{FFFD}"), cleaned)
        XCTAssertTrue(cleaned.hasSuffix("^[b"), cleaned)
        XCTAssertFalse(cleaned.unicodeScalars.contains { $0.value == 0x1B || ($0.value >= 0xD800 && $0.value <= 0xDFFF) })
    }

    func testCleanTextIsReturnedAsItIs() {
        for s in ["", "推进重点项目建设，完成投资500亿元。", "a\u{301}", "👨\u{200D}👩", "مرحبا", "\u{0600}١"] {
            XCTAssertTrue(TerminalText.isClean(s), s)
            XCTAssertEqual(TerminalText.clean(s), s)
        }
        XCTAssertTrue(TerminalText.isClean("two\nlines\tand a tab", .lines))
        XCTAssertFalse(TerminalText.isClean("two\nlines", .line))
    }

    /// JSON escaping keeps the data exact (a JSON parser gives back the same string) and
    /// leaves nothing a terminal would act on.
    func testJSONEscapingIsExactAndClean() throws {
        let nasty = "a\u{9B}31m\u{202E}b\u{2066}\u{2028}\u{E0041}\u{7F}中"
        var w = PlanWriter()
        w.string(nasty)
        let json = TerminalText.escapingForJSON("[" + String(decoding: w.out.bytes, as: UTF8.self) + "]")
        XCTAssertEqual(json, "[\"a\\u009b31m\\u202eb\\u2066\\u2028\\udb40\\udc41\\u007f中\"]")
        let back = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
        XCTAssertEqual(back, [nasty])
        XCTAssertTrue(TerminalText.isClean(json))
    }
}
