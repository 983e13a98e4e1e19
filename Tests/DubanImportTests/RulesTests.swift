import Foundation
import XCTest
@testable import DubanImport
import DubanCore

final class UnitNameTests: XCTestCase {
    func testListsSplitOnEveryStopAndDropEtc() {
        let cases: [(String, [String])] = [
            ("市发改委、市财政局等", ["市发改委", "市财政局"]),
            ("市发改委,市财政局;市商务局", ["市发改委", "市财政局", "市商务局"]),
            ("市经济和信息化局、市商务粮食局等相关单位", ["市经济和信息化局", "市商务粮食局"]),
            ("各县(市、区)政府(管委会)", ["各县(市、区)政府(管委会)"]),
            ("市行政审批局(政务服务管理局、数据资源局)", ["市行政审批局"]),
            ("市医疗保障局及市直有关部门", ["市医疗保障局", "市直有关部门"]),
            ("市公安局 市司法局", ["市公安局", "市司法局"]),
            ("★市住建局、市财政局", ["市住建局", "市财政局"]),
        ]
        for (text, names) in cases {
            XCTAssertEqual(UnitNames.parseList(text).units.map(\.name), names, text)
        }
    }

    func testBracketsAliasesAndMarks() {
        let (u, _) = UnitNames.parseList("安徽阜阳界首高新技术产业开发区管委会(以下简称高新区管委会),市财政局(国资委)、界首市质量强市工作领导小组(见附件)、★市住建局")
        XCTAssertEqual(u.map(\.name), ["安徽阜阳界首高新技术产业开发区管委会", "市财政局", "界首市质量强市工作领导小组", "市住建局"])
        XCTAssertEqual(u[0].definedAlias, "高新区管委会")
        XCTAssertEqual(u[1].alternates, ["市国资委", "国资委"])
        XCTAssertEqual(u[1].commaGroup, 1)
        XCTAssertTrue(u[2].seeAppendix)
        XCTAssertTrue(u[3].marked)
    }

    func testNamesWithNumbersAreLeftOutAndReported() {
        let (u, problems) = UnitNames.parseList("市发改委、2023年")
        XCTAssertEqual(u.map(\.name), ["市发改委"])
        XCTAssertEqual(problems, [.hasNumber("2023年")])
    }

    func testGroups() {
        for g in ["各县(市)区政府", "市直相关单位", "各乡镇街道", "市政府各部门", "市环境保护委员会成员单位", "相关乡镇"] {
            XCTAssertTrue(UnitNames.isGroup(g), g)
        }
        for u in ["市发改委", "开发区管委会", "市交通运输局"] { XCTAssertFalse(UnitNames.isGroup(u), u) }
    }

    func testUnitFormVersusText() {
        for u in ["市发改委", "三山经开区", "自贸区芜湖片区", "机场公司", "市科协", "中国人民银行界首支行"] { XCTAssertTrue(UnitNames.looksLikeUnit(u), u) }
        for t in ["已完成", "各项工作正稳步推进中", "实施33项民生工程", "推进撤县设区", "建设市体育中心"] { XCTAssertFalse(UnitNames.looksLikeUnit(t), t) }
    }

    func testLeaders() {
        XCTAssertEqual(UnitNames.parseLeaders("应鹏飞、滕敏。"), ["应鹏飞", "滕敏"])
    }
}

final class AliasTableTests: XCTestCase {
    func testPlacesCarryOver() {
        var t = AliasTable()
        XCTAssertEqual(t.load("发改委 = 发展改革委 = 发展和改革委员会\nprefix 人行 = 人民银行\n", file: "a.txt"), [])
        XCTAssertEqual(t.key(for: "市发改委"), t.key(for: "市发展和改革委员会"))
        XCTAssertNotEqual(t.key(for: "市发改委"), t.key(for: "区发改委"))
        XCTAssertEqual(t.key(for: "芜湖市发改委"), t.key(for: "芜湖市发展改革委"))
        XCTAssertTrue(t.equivalents(of: "区发改委").contains("区发展和改革委员会"))
        XCTAssertTrue(t.equivalents(of: "人行许昌市中心支行").contains("人民银行许昌市中心支行"))
        XCTAssertNil(t.key(for: "市财政局"))
    }

    func testProblemsNameTheFileAndLineAndLoadingGoesOn() {
        var t = AliasTable()
        let w = t.load("# comment\n发改委 = \nprefix 人行\n卫健委 = 卫生健康委\n2号局 = 某局\n", file: "my.txt")
        XCTAssertEqual(w.map(\.line), [2, 3, 5])
        XCTAssertEqual(w.first?.description.hasPrefix("my.txt:2:1: "), true)
        XCTAssertEqual(t.key(for: "市卫健委"), t.key(for: "市卫生健康委"))
    }

    func testTheShippedTableLoadsCleanly() {
        let (t, w) = AliasTable.shipped()
        XCTAssertEqual(w, [])
        XCTAssertEqual(t.key(for: "市人社局"), t.key(for: "市人力资源和社会保障局"))
    }

    func testUserAliasesMergeUnitsInAnImport() throws {
        let text = "1.修路。\n牵头单位：市城建委\n2.修桥。\n牵头单位：市城乡建设委员会\n"
        let plain = try NoticeImporter(options: .init(year: 2020, useUserAliasFile: false)).importNotice(bytes: Array(text.utf8), source: "n")
        XCTAssertEqual(plain.plan.units.count, 2)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-alias-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("aliases.txt").path
        try "城建委 = 城乡建设委员会\n".write(toFile: file, atomically: true, encoding: .utf8)
        let merged = try NoticeImporter(options: .init(year: 2020, aliasFiles: [file], useUserAliasFile: false)).importNotice(bytes: Array(text.utf8), source: "n")
        XCTAssertEqual(merged.plan.units.count, 1)
        XCTAssertEqual(merged.plan.tasks.map(\.leadUnits), [["市城建委"], ["市城建委"]])
        XCTAssertEqual(merged.plan.units.first?.aliases, ["市城乡建设委员会"])
        XCTAssertEqual(AliasTable.userFilePath(environment: ["HOME": "/home/x"]), "/home/x/.config/duban/aliases.txt")
        XCTAssertEqual(AliasTable.userFilePath(environment: ["HOME": "/home/x", "DUBAN_ALIASES": "/a.txt"]), "/a.txt")
    }
}

final class DeadlineTests: XCTestCase {
    func testPhrases() {
        let cases: [(String, String?)] = [
            ("6月底前", "2020-06-30"), ("六月底前", "2020-06-30"), ("年底前", "2020-12-31"), ("上半年", "2020-06-30"),
            ("一季度", "2020-03-31"), ("第三季度", "2020-09-30"), ("年内", "2020-12-31"), ("2023年9月30日前", "2023-09-30"),
            ("9月30日", "2020-09-30"), ("2021年底", "2021-12-31"), ("2月份", "2020-02-29"), ("长期坚持", nil),
        ]
        for (text, iso) in cases { XCTAssertEqual(Deadlines.parse(text, year: 2020)?.iso, iso, text) }
    }

    func testInTextOnlyPhrasesThatSayBy() {
        XCTAssertEqual(Deadlines.find(inText: "6月底前完成规划编制", year: 2020)?.iso, "2020-06-30")
        XCTAssertEqual(Deadlines.find(inText: "2023年9月30日前建成", year: 2023)?.iso, "2023-09-30")
        XCTAssertNil(Deadlines.find(inText: "较2019年增长10%，上半年实现开门红", year: 2020))
        XCTAssertNil(Deadlines.find(inText: "截至6月底", year: 2020))
    }
}

final class StatusInferenceTests: XCTestCase {
    func testSuggestedStatuses() {
        let cases: [(String, TaskStatus)] = [
            ("已完成。", .done), ("已 完成。", .done), ("已于2023年12月29日全线建成通车。", .done), ("全面完成年度任务", .done),
            ("正稳步推进中 。", .inProgress), ("项目正在加快建设", .inProgress), ("龙窝湖公园正在有序推进。50个口袋公园已全部建成", .inProgress),
            ("尚未开工，进度滞后", .lagging), ("开展企业家接待日活动2期", .inProgress), ("", .notStarted),
        ]
        for (text, s) in cases { XCTAssertEqual(StatusInference.infer(text), s, text) }
    }
}

final class RobustnessTests: XCTestCase {
    let importer = NoticeImporter(options: .init(useUserAliasFile: false))

    func testEmptyInputIsAClearError() {
        for bytes in [[UInt8](), Array(" \n\r\n\t".utf8), [0xEF, 0xBB, 0xBF]] {
            XCTAssertThrowsError(try importer.importNotice(bytes: bytes, source: "empty.txt")) { e in
                XCTAssertEqual(e as? ImportError, .empty(file: "empty.txt"))
                XCTAssertTrue(String(describing: e).hasPrefix("empty.txt: "))
            }
        }
    }

    func testBinaryInputIsAClearError() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        for i in 0..<4000 { bytes.append(UInt8((i * 73 + 11) & 0xFF)) }
        XCTAssertThrowsError(try importer.importNotice(bytes: bytes, source: "x.png")) { e in
            guard case ImportError.notText(let f, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(f, "x.png")
        }
    }

    func testTextWithoutTasksIsAClearError() {
        XCTAssertThrowsError(try importer.importNotice(bytes: Array("各位同事：\n明天下午开会。\n".utf8), source: "memo.txt")) { e in
            XCTAssertEqual(e as? ImportError, .noTasks(file: "memo.txt"))
            XCTAssertTrue(String(describing: e).contains("序号"))
        }
    }

    func testPseudoRandomBytesNeverCrash() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        let alphabet = Array("1一(（)）.．、:：,，;；牵头单位责任领导完成情况序号市局委各等★\n\n  \u{00A0}<>&".utf8)
        for round in 0..<200 {
            let n = Int(next() % 600)
            let bytes: [UInt8] = (0..<n).map { _ in round % 2 == 0 ? UInt8(next() & 0xFF) : alphabet[Int(next() % UInt64(alphabet.count))] }
            _ = try? importer.importNotice(bytes: bytes, source: "r\(round)")
        }
    }

    func testMutatedSeedsNeverCrash() throws {
        guard let p = Seeds.path("001"), let d = FileManager.default.contents(atPath: p) else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Tests/Fixtures/seeds"]) }
        let lines = String(decoding: d, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for cut in stride(from: 0, to: lines.count, by: 97) {
            let text = (lines[cut...] + lines[..<cut]).joined(separator: "\n")
            _ = try? importer.importNotice(bytes: Array(text.utf8), source: "m")
            _ = try? importer.importNotice(bytes: Array(text.utf8.prefix(cut * 31)), source: "t")
        }
    }

    func testTenMegabytesGivesAPlan() throws {
        guard let p = Seeds.path("004"), let d = FileManager.default.contents(atPath: p) else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Tests/Fixtures/seeds"]) }
        var big = [UInt8]()
        big.reserveCapacity(10_100_000)
        while big.count < 10_000_000 { big += Array(d) }
        let r = try importer.importNotice(bytes: big, source: "big.txt")
        XCTAssertGreaterThan(r.plan.tasks.count, 30_000)
    }
}

final class DemoPlanTests: XCTestCase {
    func testDemoPlanIsDeterministicAndVaried() throws {
        let a = NoticeImporter.demoPlan()
        let b = NoticeImporter.demoPlan()
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.tasks.count, 147)
        XCTAssertEqual(a.year, 2020)
        let counts = Dictionary(grouping: a.tasks, by: \.status).mapValues(\.count)
        for s in TaskStatus.allCases { XCTAssertGreaterThan(counts[s] ?? 0, 5, "\(s)") }
        XCTAssertTrue(a.tasks.contains { !$0.history.isEmpty && $0.history.count >= 2 })
        // Overdue on 2020-09-01: a deadline before it and not done.
        let asOf = try XCTUnwrap(PlanDate(iso: "2020-09-01"))
        let overdue = a.tasks.filter { ($0.deadline ?? asOf) < asOf && $0.status != .done }
        XCTAssertGreaterThan(overdue.count, 10)
        XCTAssertTrue(a.tasks.allSatisfy { !$0.statusInferred && !$0.deadlineAssumed })
        for t in a.tasks { XCTAssertEqual(t.status == .done, t.progress == 100) }
    }
}
