import XCTest
import DubanCore
@testable import DubanTUI

/// Issue 13's dashboard keys through `reduce` (no terminal): `x` files an extension request
/// (the new date, then the reason), `A` / `R` decide the pending one, `t` toggles the trend
/// chart; each edit one `Edit` effect with the author, refused read-only, with nothing
/// selected or nothing pending. The plan is Tests/Fixtures/cycle/plan.json on 2020-07-12.
final class CycleReduceTests: XCTestCase {
    static let asOf = PlanDate(iso: "2020-07-12")!

    func state(readOnly: Bool = false, pendingOnT1: Bool = false, empty: Bool = false) throws -> DashboardState {
        var plan = try PlanFile.load(path: FixtureFiles.folder.appendingPathComponent("cycle/plan.json").path)
        if pendingOnT1 {
            plan.tasks[0].extensions.append(Extension(requestedOn: PlanDate(iso: "2020-06-01")!, to: PlanDate(iso: "2020-08-15")!, reason: "设备未到"))
        }
        if empty { plan.tasks = [] }
        let store = PlanStore(plan: plan, rules: Rules(asOf: Self.asOf))
        var s = DashboardState(store: store, strings: Strings(.zh), readOnly: readOnly, savePath: "plan.json", width: 120, height: 40)
        s.author = "督查室"
        s.resize(width: 120, height: 40)
        return s
    }

    func press(_ s: inout DashboardState, _ keys: Key...) -> [Effect] {
        var out: [Effect] = []
        for k in keys { out += reduce(&s, .event(.key(k))) }
        return out
    }

    func type(_ s: inout DashboardState, _ text: String) -> [Effect] {
        var out: [Effect] = []
        for c in text { out += reduce(&s, .event(.key(.char(c)))) }
        return out
    }

    func testXAsksTheNewDateThenTheReasonAndMakesOneRequestByTheAuthor() throws {
        var s = try state()
        let i = try XCTUnwrap(s.selectedTask)
        XCTAssertEqual(s.store.task(at: i).id, "t1")
        XCTAssertEqual(press(&s, .char("x")), [])
        guard case .editor(.extensionDate(taskID: "t1"), _) = s.modal else { return XCTFail("the date editor: \(s.modal)") }
        // A day not after the current deadline (2020-06-15) is refused; the editor stays.
        _ = type(&s, "2020-06-01")
        XCTAssertEqual(press(&s, .enter), [])
        XCTAssertEqual(s.message?.isError, true)
        XCTAssertTrue(s.message?.text.contains("2020-06-15") ?? false, "\(String(describing: s.message))")
        guard case .editor(.extensionDate, _) = s.modal else { return XCTFail("still asking the date: \(s.modal)") }
        _ = press(&s, .ctrl("u"))
        _ = type(&s, "8月底")
        XCTAssertEqual(press(&s, .enter), [])
        let to = PlanDate(iso: "2020-08-31")!
        guard case .editor(.extensionReason(taskID: "t1", to: to), _) = s.modal else { return XCTFail("the reason editor: \(s.modal)") }
        XCTAssertEqual(s.editorPrompt, "延期至2020-08-31的理由：")
        // No reason: said, the editor stays.
        XCTAssertEqual(press(&s, .enter), [])
        XCTAssertEqual(s.message?.isError, true)
        _ = type(&s, "资金未到位")
        let effects = press(&s, .enter)
        XCTAssertEqual(effects, [.edit(Edit(taskID: "t1", command: .requestExtension(to: to, reason: "资金未到位"), date: Self.asOf, author: "督查室"))])
        XCTAssertEqual(s.modal, .none)
        XCTAssertEqual(s.store.task(at: i).extensions.count, 0, "reduce changes no store")
    }

    func testAApprovesAndRRefusesThePendingRequestOnly() throws {
        var s = try state(pendingOnT1: true)
        XCTAssertNil(s.availability.disabledReason(.approveExtension))
        XCTAssertEqual(press(&s, .char("A")),
                       [.edit(Edit(taskID: "t1", command: .decideExtension(index: 0, approve: true), date: Self.asOf, author: "督查室"))])
        XCTAssertEqual(press(&s, .char("R")),
                       [.edit(Edit(taskID: "t1", command: .decideExtension(index: 0, approve: false), date: Self.asOf, author: "督查室"))])
        // Task 2's requests are all decided: nothing pending, the key says so and does nothing.
        _ = press(&s, .char("j"))
        XCTAssertEqual(s.store.task(at: try XCTUnwrap(s.selectedTask)).id, "t2")
        XCTAssertEqual(s.availability.disabledReason(.approveExtension), .nothingPending)
        XCTAssertEqual(press(&s, .char("A")), [])
        XCTAssertEqual(s.message?.text, "该任务没有待审批的延期申请")
        XCTAssertEqual(press(&s, .char("R")), [])
    }

    func testTheKeysAreRefusedReadOnlyAndWithNothingSelected() throws {
        var ro = try state(readOnly: true, pendingOnT1: true)
        XCTAssertEqual(press(&ro, .char("x")), [])
        XCTAssertEqual(ro.modal, .none)
        XCTAssertEqual(ro.message?.isError, true)
        XCTAssertEqual(press(&ro, .char("A")), [])
        XCTAssertEqual(ro.availability.disabledReason(.approveExtension), .readOnly(.requested))
        var none = try state(empty: true)
        XCTAssertNil(none.selectedTask)
        XCTAssertEqual(press(&none, .char("x")), [])
        XCTAssertEqual(none.modal, .none)
        XCTAssertEqual(none.availability.disabledReason(.requestExtension), .noTask)
    }

    func testTTogglesTheTrendChartInTheWorkloadPane() throws {
        var s = try state()
        XCTAssertFalse(s.workloadTrends)
        s.setFocus(.workload)
        XCTAssertEqual(press(&s, .char("t")), [])
        XCTAssertTrue(s.workloadTrends)
        XCTAssertEqual(s.message?.text, "趋势图：各期完成／逾期／红灯")
        _ = press(&s, .char("t"))
        XCTAssertFalse(s.workloadTrends)
    }
}
