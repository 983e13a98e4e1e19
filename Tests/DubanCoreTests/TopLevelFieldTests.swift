import XCTest
@testable import DubanCore

/// Issue 16: one top-level value of a plan file read without decoding the rest
/// (`duban import -o` takes the corrections of the plan it replaces this way).
final class TopLevelFieldTests: XCTestCase {
    func field(_ text: String, _ key: String = "want") -> JSONValue? {
        PlanJSON.topLevelField(key, in: Array(text.utf8))
    }

    func testTheValueIsFoundPastValuesOfEveryKind() {
        let text = #"""
        {"a": 1.5e3, "b": "x\"}]\\", "c": [1, {"d": "]"}, [[]]], "e": {"want": 9, "f": "{"},
         "t": true, "n": null, "s": "引号\"与括号]}", "want": [{"op": "year", "value": 2021}], "z": 0}
        """#
        XCTAssertEqual(field(text), .array([.object([JSONField("op", .string("year")), JSONField("value", .number("2021"))])]))
        XCTAssertEqual(field(text, "z"), .number("0"))
        XCTAssertEqual(field(text, "a"), .number("1.5e3"))
        XCTAssertNil(field(text, "f"), "a key inside another value is not a top-level key")
        XCTAssertNil(field(text, "missing"))
        XCTAssertEqual(field("\u{FEFF}{\"want\": \"有\"}"), .string("有"))
        XCTAssertEqual(field("  {\n\"x\":{}, \"want\" : false }  "), .bool(false))
    }

    func testBrokenBytesGiveNothing() {
        for text in ["", "[1, 2]", "{", "{\"a\": [1, 2", "{\"a\": \"unclosed", "{\"a\" 1, \"want\": 2}", "{\"want\": ", "\"want\""] {
            XCTAssertNil(field(text), text)
        }
        // The key after a value cut in the middle of the file is not found.
        XCTAssertNil(field("{\"a\": {\"b\": [1, 2}, \"want\": 3"))
    }

    func testAGeneratedPlanKeepsItsExtraKeyFoundThisWay() {
        var plan = Plan(title: "计划")
        plan.tasks = (0..<300).map { PlanTask(id: "t\($0)", text: "任务\($0)，含\"引号\"与[括号]") }
        plan.extra = [JSONField("importCorrections", .array([.object([JSONField("op", .string("drop")), JSONField("text", .string("第3项"))])]))]
        let bytes = PlanJSON.encode(plan)
        XCTAssertEqual(PlanJSON.topLevelField("importCorrections", in: bytes), plan.extra[0].value)
        XCTAssertEqual(PlanJSON.topLevelField("title", in: bytes), .string("计划"))
    }
}
