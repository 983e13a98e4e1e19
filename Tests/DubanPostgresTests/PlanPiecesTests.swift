import XCTest
import DubanCore
import DubanSynthetic
import DubanImport

/// The plan in pieces (PlanJSON.frame, encodeTask, assemble, decodeTask): what the
/// database keeps joins back into the file's bytes. No server needed.
final class PlanPiecesTests: XCTestCase {
    func testPiecesJoinIntoTheWholeFilesBytes() throws {
        for plan in [PlanGenerator(tasks: 500, seed: 3).generate(), NoticeImporter.demoPlan(), Plan(title: "空"),
                     PlanGenerator(tasks: 1, seed: 4).generate()] {
            let docs = plan.tasks.map(PlanJSON.encodeTask)
            XCTAssertEqual(PlanJSON.assemble(PlanJSON.frame(plan), tasks: docs), PlanJSON.encode(plan), plan.title)
        }
    }

    func testATaskDecodesFromItsOwnBytes() throws {
        let plan = PlanGenerator(tasks: 50, seed: 5).generate()
        for t in plan.tasks {
            XCTAssertEqual(try PlanJSON.decodeTask(PlanJSON.encodeTask(t), file: "doc"), t)
        }
    }

    func testABrokenTaskDocIsAProblemNotACrash() {
        for text in ["", "{", "{\"id\": 3}", "[1]", "{\"id\": \"a\", \"text\": \"x\", \"progress\": 900}"] {
            XCTAssertThrowsError(try PlanJSON.decodeTask(Array(text.utf8), file: "doc"), text) { e in
                XCTAssertTrue(e is PlanLoadError, "\(text): \(e)")
            }
        }
    }

    func testTheFrameIsValidJSONOfThePlanWithoutTasks() throws {
        var plan = NoticeImporter.demoPlan()
        let frame = PlanJSON.frame(plan)
        plan.tasks = []
        let read = try PlanJSON.decode(frame.bytes, file: "frame")
        XCTAssertEqual(read, plan)
        XCTAssertEqual(Array(frame.bytes[(frame.split - 1)...].prefix(5)), Array("[\n  ]".utf8))
    }
}
