import XCTest
@testable import DubanImport
import DubanCore

/// Each guess is a warning with its place, in the interface language; --strict means "nothing guessed".
/// A notice that leaves its units to an attachment says so.
final class GuessWarningTests: XCTestCase {
    static let strict = NoticeImporter(options: ImportOptions(strict: true, useUserAliasFile: false))

    func testTunxiNamesTheAttachmentThatHoldsItsUnits() throws {
        let r = try Seeds.result("002")
        XCTAssertEqual(r.warnings.count, 1)
        let w = r.warnings[0]
        XCTAssertEqual(w.key, .iwAttachment)
        XCTAssertEqual(w.line, 165)
        XCTAssertEqual(w.message(Strings(.zh)), "通知没有给出这 22 项任务的责任单位、完成时限、责任领导；它们大概在附件“2020年区政府工作报告重点工作要点分解责任清单.xls”中，而附件不在本文中")
        XCTAssertTrue(r.report(file: "tunxi.txt", strings: Strings(.en)).contains("tunxi.txt:165:1: warning: the notice gives no units, deadlines, leaders for its 22 tasks"))
        // --strict refuses it, naming the attachment.
        XCTAssertThrowsError(try Self.strict.importNotice(path: Seeds.path("002")!)) { e in
            guard case ImportError.strict(_, let ws) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(ws.map(\.line), [165])
            XCTAssertTrue(Strings(.zh).describe(e).contains("责任清单.xls"), Strings(.zh).describe(e))
        }
    }

    func testAnAttachmentIsNotWarnedAboutWhenTheUnitsAreThere() throws {
        let text = """
        某市2021年重点工作任务
        附件：某市2021年重点工作任务分解表.xls
        1.建设城市公园。
        责任单位：市园林局
        """
        let r = try importText(text)
        XCTAssertFalse(r.warnings.contains { $0.key == .iwAttachment })
        let bare = try importText("某市2021年重点工作任务\n附件：2021年重点工作责任清单.xlsx\n一、经济发展\n1.建设城市公园。\n年度目标：建成公园3个\n主要任务：完成选址\n2.改造老旧小区。\n年度目标：改造10个\n主要任务：完成设计\n")
        XCTAssertEqual(bare.warnings.filter { $0.key == .iwAttachment }.map(\.line), [2])
    }

    func testGuessesOfTheDeyangTableAreWarnedAndStrictRefusesThem() throws {
        let r = try Notices.result("01")
        let guesses = r.warnings.filter(\.isGuess)
        XCTAssertEqual(guesses.filter { $0.key == .iwMergedUnitCell }.count, 9)
        XCTAssertEqual(guesses.filter { $0.key == .iwGluedUnits }.count, 5)
        XCTAssertEqual(guesses.filter { $0.key == .iwRowsByCells }.count, 1)
        XCTAssertTrue(guesses.allSatisfy { $0.line > 0 })
        let path = Notices.folder.appendingPathComponent("01_jingyang.txt").path
        XCTAssertThrowsError(try Self.strict.importNotice(path: path)) { e in
            guard case ImportError.strict(_, let ws) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(ws.count, r.warnings.count)
            XCTAssertTrue(Strings(.en).describe(e).contains("01_jingyang.txt:18:1: \"区发改局区统计局\" read as the units 区发改局、区统计局"), Strings(.en).describe(e))
        }
    }

    func testALeadByPositionIsAGuessAndAMarkedLeadIsNot() throws {
        let text = """
        某市2021年重点工作任务
        1.建设城市公园。
        责任单位：市园林局、市财政局
        2.改造老旧小区。
        牵头单位：市住建局
        责任单位：市财政局
        3.推进垃圾分类。
        责任单位：★市城管局、市财政局
        """
        let r = try importText(text)
        XCTAssertEqual(r.warnings.map(\.line), [3])
        XCTAssertEqual(r.warnings.first?.key, .iwLeadByPosition)
        XCTAssertEqual(r.plan.tasks[0].leadUnits, ["市园林局"])
        XCTAssertEqual(r.plan.tasks[2].leadUnits, ["市城管局"])
    }

    func testTheSummaryIsInTheInterfaceLanguage() throws {
        let r = try Notices.result("04")
        let zh = r.report(file: "wujiang.txt", strings: Strings(.zh))
        XCTAssertTrue(zh.hasPrefix("wujiang.txt：展平的表格，每格一行，格间以“|”行分隔"), zh)
        XCTAssertTrue(zh.contains("项任务"), zh)
        let en = r.report(file: "wujiang.txt", strings: Strings(.en))
        XCTAssertTrue(en.hasPrefix("wujiang.txt: flattened table, one cell a line between | lines"), en)
        // Every key of the importer has both texts.
        for k in Strings.Key.allCases where k.rawValue.hasPrefix("iw") || k.rawValue.hasPrefix("is") || k.rawValue.hasPrefix("il") {
            XCTAssertFalse(Strings(.zh)[k].isEmpty, k.rawValue); XCTAssertFalse(Strings(.en)[k].isEmpty, k.rawValue)
            XCTAssertNotEqual(Strings(.zh)[k], Strings(.en)[k], k.rawValue)
        }
    }
}
