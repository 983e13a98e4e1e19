import Foundation
import XCTest
@testable import DubanImport
import DubanCore

/// The five real notices. The expected counts below were worked out by reading the
/// documents (line numbers are those of the seed files), not by running the importer.
final class SeedTests: XCTestCase {

    private func tasksPerTopChapter(_ plan: Plan) -> [Int] {
        var top: [String: String] = [:]
        for c in plan.chapters {
            var root = c
            while let p = root.parent, let parent = plan.chapters.first(where: { $0.id == p }) { root = parent }
            top[c.id] = root.id
        }
        let tops = plan.chapters.filter { $0.parent == nil }.map(\.id)
        return tops.map { id in plan.tasks.filter { $0.chapter.flatMap { top[$0] } == id }.count }
    }

    // MARK: 000 — Wuhu 2020, a table flattened one cell per line

    func testWuhu2020Table() throws {
        let r = try Seeds.result("000")
        let p = r.plan
        XCTAssertEqual(r.layout, .flatTable)
        // Reading: the attachment table (after the header 序号/目标与任务/牵头责任单位/责任单位
        // at lines 32-38) has nine rows whose numbers were lost (lines 40-92: each a text cell,
        // a lead cell and a co cell), then rows numbered 10 (line 94) to 120 (line 974) with
        // none missing: 9 + 111 = 120 tasks. No chapters. Agrees with the issue's table.
        XCTAssertEqual(p.tasks.count, 120)
        XCTAssertEqual(p.chapters.count, 0)
        XCTAssertEqual(p.tasks.filter { $0.number == nil }.count, 9)
        XCTAssertEqual(p.tasks[9].number, "10")
        XCTAssertEqual(p.tasks.last?.number, "120")
        XCTAssertEqual(p.tasks.first?.leadUnits, ["市自然资源和规划局"])
        XCTAssertEqual(p.tasks.first?.coUnits, ["各县(市)区政府", "开发区管委会"])
        // Row 15 (line 134): co cell empty (a line holding a no-break space).
        let row15 = try XCTUnwrap(p.tasks.first { $0.number == "15" })
        XCTAssertEqual(row15.leadUnits, ["市自然资源和规划局", "市城管局"])
        XCTAssertEqual(row15.coUnits, [])
        // Row 62: 市交通运输局(市港航局) is one unit with a second name.
        let ship = try XCTUnwrap(p.units.first { $0.name == "市交通运输局" })
        XCTAssertTrue(ship.aliases.contains("市港航局"))
        // Distinct lead units as printed: 53 by reading the lead cells (the issue says about 53).
        // Two of them are the same unit written with a second name in brackets
        // (市交通运输局(市港航局) = 市交通运输局, 市委政法委(市扫黑办) = 市委政法委): 51 units.
        XCTAssertEqual(Set(p.tasks.flatMap(\.leadUnits)).count, 51)
        XCTAssertTrue(p.tasks.allSatisfy { !$0.leadUnits.isEmpty && !$0.text.isEmpty })
        XCTAssertEqual(p.title, "芜湖市人民政府办公室关于分解下达2020年度市政府重点工作任务的通知")
        XCTAssertEqual(p.issuer, "芜湖市人民政府办公室")
        XCTAssertEqual(p.issueDate?.iso, "2020-02-23")
        XCTAssertEqual(p.year, 2020)
        XCTAssertTrue(p.units.first { $0.name == "各县(市)区政府" }?.isGroup ?? false)
        XCTAssertTrue(p.units.first { $0.name == "沿江各县(市)区政府" }?.isGroup ?? false)
        XCTAssertTrue(r.warnings.isEmpty, r.warnings.map(\.description).joined(separator: "\n"))
        assertCleanUnits(p); assertNoChrome(p)
    }

    // MARK: 001 — Jieshou 2020, an outline of up to four levels

    func testJieshou2020Outline() throws {
        let r = try Seeds.result("001")
        let p = r.plan
        XCTAssertEqual(r.layout, .outline)
        // Reading, chapter by chapter (every task carries 牵头负责领导/牵头责任单位 lines):
        // 一 (line 31): (一) 1 + 5 + 3 + 6 = 15, (二) 3 + 5 + 4 = 12, (三) 4 + 6 + 3 = 13,
        //    (四) 5 + 5 + 4 = 14: 54.
        // 二 (line 495): (一) 3 + 10 + 7 = 20, (二) 1 (the paragraph under 1.推进就业创业)
        //    + 8 + 7 + 4 ((1),(2),(4),(5): there is no (3) under 4.涵养文化自信) = 20,
        //    (三) 4 + 6 + 6 = 16: 56.
        // 三 (line 971): (一) 7, (二) 1 + 4 + 4 + 4 = 13, (三) 7: 27.
        // 四 (line 1201): (一) one paragraph with its own lines, (二) 6, (三) 2, (四) one paragraph: 10.
        // 147 tasks in 4 top-level chapters, as the issue says. The 一、/二、 paragraphs of the
        // covering notice (lines 11, 13) and the appendix lists (lines 1294, 1298) are not chapters.
        XCTAssertEqual(p.tasks.count, 147)
        XCTAssertEqual(p.chapters.filter { $0.parent == nil }.count, 4)
        XCTAssertEqual(tasksPerTopChapter(p), [54, 56, 27, 10])
        XCTAssertEqual(p.chapters.first?.title, "聚焦推进更高质量发展,优化经济治理")
        let first = p.tasks[0]
        XCTAssertEqual(first.number, "1")
        XCTAssertEqual(first.leaders, ["滕敏"])
        XCTAssertEqual(first.leadUnits, ["安徽阜阳界首高新技术产业开发区管委会", "市发展改革委", "市经济和信息化局", "市科技局"])
        XCTAssertEqual(first.coUnits, ["市直相关单位"])
        // (以下简称高新区管委会): an alias used for the rest of the document.
        let zone = try XCTUnwrap(p.units.first { $0.name == "安徽阜阳界首高新技术产业开发区管委会" })
        XCTAssertEqual(zone.aliases, ["高新区管委会"])
        XCTAssertEqual(p.tasks[1].leadUnits, ["安徽阜阳界首高新技术产业开发区管委会"])
        // Four levels: 一 > (一) > 2 > (1).
        let t2chapter = try XCTUnwrap(p.chapters.first { $0.id == p.tasks[1].chapter })
        XCTAssertEqual(t2chapter.label, "2")
        XCTAssertEqual(t2chapter.title, "高标准建设创新平台")
        // The unnumbered paragraph under 1.推进就业创业 is a task of that heading.
        let jobs = try XCTUnwrap(p.tasks.first { $0.text.hasPrefix("支持外出务工人员返乡下乡创业创新") })
        XCTAssertNil(jobs.number)
        XCTAssertEqual(p.chapters.first { $0.id == jobs.chapter }?.title, "推进就业创业")
        // 四(一): 责任单位 only: the first unit listed leads.
        let gov = try XCTUnwrap(p.tasks.first { $0.text.hasPrefix("坚持党对一切工作的领导") })
        XCTAssertEqual(gov.leaders, ["何逢阳"])
        XCTAssertEqual(gov.leadUnits, ["各乡镇街道"])
        // Appendix lists attached to the groups that name them.
        let group = try XCTUnwrap(p.units.first { $0.name == "界首市创建安徽省质量强市工作领导小组" })
        XCTAssertTrue(group.isGroup)
        XCTAssertEqual(group.members.count, 16)
        let env = try XCTUnwrap(p.units.first { $0.name == "市环境保护委员会成员单位" })
        XCTAssertEqual(env.members.count, 36)
        // Distinct lead units as printed: 59 by reading (the issue says about 59). As units, 51:
        // 高新区管委会 is the defined short name of the zone's committee, and 市财政局 (4 ways with
        // brackets), 市市场监管局(知识产权局), 市行政审批局 (2 ways), 市自然资源和规划局(林业局) and
        // 市发展改革委(公共资源交易监管局) each count once.
        XCTAssertEqual(Set(p.tasks.flatMap(\.leadUnits)).count, 51)
        XCTAssertEqual(Set(p.tasks.flatMap(\.leaders)).count, 9)
        XCTAssertTrue(p.tasks.allSatisfy { !$0.leadUnits.isEmpty && !$0.text.isEmpty && !$0.leaders.isEmpty })
        XCTAssertEqual(p.documentNumber, "界政发〔2020〕11号")
        XCTAssertEqual(p.issuer, "界首市人民政府")
        XCTAssertEqual(p.issueDate?.iso, "2020-07-30")
        XCTAssertEqual(p.year, 2020)
        // Two guesses: a 责任单位 line with no lead line and no mark (lines 1209, 1285): the first listed leads.
        XCTAssertEqual(r.warnings.map(\.line), [1209, 1285], r.warnings.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(r.warnings.allSatisfy { $0.isGuess && $0.key == .iwLeadByPosition })
        assertCleanUnits(p); assertNoChrome(p)
    }

    // MARK: 002 — Tunxi 2020, items with 年度目标 and 主要任务

    func testTunxi2020Points() throws {
        let r = try Seeds.result("002")
        let p = r.plan
        XCTAssertEqual(r.layout, .goalItems)
        // Reading: eight chapters 一..八 (lines 12-152), 22 items (一)..(二十二) numbered through
        // the document, each with a 年度目标 and a 主要任务 line and nothing else; the unit
        // table was an attached spreadsheet. 3+3+3+3+3+3+3+1 = 22 tasks, 8 top-level chapters.
        XCTAssertEqual(p.tasks.count, 22)
        XCTAssertEqual(p.chapters.count, 8)
        XCTAssertEqual(tasksPerTopChapter(p), [3, 3, 3, 3, 3, 3, 3, 1])
        XCTAssertEqual(p.tasks.first?.number, "(一)")
        XCTAssertEqual(p.tasks.first?.text, "巩固重点改革成果")
        XCTAssertEqual(p.tasks.last?.number, "(二十二)")
        let goal = p.tasks.first?.goal
        XCTAssertEqual(goal, "完成既定改革任务")
        XCTAssertNotNil(p.tasks.first?.mainTasks)
        // No units in the text.
        XCTAssertEqual(p.units.count, 0)
        XCTAssertTrue(p.tasks.allSatisfy { $0.leadUnits.isEmpty })
        XCTAssertEqual(p.issuer, "屯溪区人民政府")
        XCTAssertEqual(p.issueDate?.iso, "2020-02-14")
        // …and the plan says so: one warning naming the attachment that holds them, at its line.
        XCTAssertEqual(r.warnings.count, 1, r.warnings.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.warnings.first?.line, 165)
        XCTAssertTrue(r.warnings.first?.message.contains("2020年区政府工作报告重点工作要点分解责任清单.xls") == true, "\(r.warnings)")
        XCTAssertTrue(r.warnings.first?.message.contains("units") == true)
        assertNoChrome(p)
    }

    // MARK: 003 — Wuhu 2023, the completion report

    func testWuhu2023CompletionReport() throws {
        let r = try Seeds.result("003")
        let p = r.plan
        XCTAssertEqual(r.layout, .completionTable)
        // Reading: rows numbered 1 to 130 (line 22 to line 1556), several numbers split by
        // spaces ("1 0" line 150, "4 6" line 580, "1 00" .. "1 26"); 111 is missing
        // (110 at line 1316 is followed by "1 12" at line 1326): 129 tasks. No chapters.
        XCTAssertEqual(p.tasks.count, 129)
        XCTAssertEqual(p.chapters.count, 0)
        XCTAssertEqual(p.tasks.compactMap(\.number).count, 129)
        XCTAssertFalse(p.tasks.contains { $0.number == "111" })
        XCTAssertEqual(p.tasks.first { $0.number == "10" }?.leadUnits, ["市发改委", "市商务局"])
        XCTAssertEqual(p.tasks.first { $0.number == "122" }?.leadUnits, ["市司法局", "市委编办"])
        // 87 (line 1050): the unit 市退役军人事务局 is split over two cells.
        XCTAssertEqual(p.tasks.first { $0.number == "87" }?.leadUnits, ["市退役军人事务局"])
        // Every task has its completion text in its history and an inferred status.
        for t in p.tasks {
            XCTAssertEqual(t.history.count, 1, "task \(t.number ?? t.id)")
            XCTAssertFalse(t.history.first?.note.isEmpty ?? true)
            XCTAssertTrue(t.statusInferred)
            XCTAssertFalse(t.leadUnits.isEmpty, "task \(t.number ?? t.id) has no lead unit")
        }
        XCTAssertEqual(p.tasks.first { $0.number == "30" }?.status, .done)        // 已于...全线建成通车
        XCTAssertEqual(p.tasks.first { $0.number == "72" }?.status, .inProgress)  // 各项工作正稳步推进中
        XCTAssertEqual(p.tasks.first { $0.number == "59" }?.status, .done)        // 已完成。
        XCTAssertEqual(p.tasks.first { $0.number == "72" }?.history.first?.note, "各项工作正稳步推进中 。")
        // Distinct lead units: about 46 in the issue; 46 by reading the unit cells.
        XCTAssertEqual(Set(p.tasks.flatMap(\.leadUnits)).count, 46)
        XCTAssertEqual(p.title, "2023年度重点工作任务完成情况")
        XCTAssertEqual(p.year, 2023)
        XCTAssertEqual(p.issueDate?.iso, "2024-02-05")
        XCTAssertNil(p.documentNumber)   // 芜战新〔2023〕2号 in a completion text is not the notice's
        XCTAssertTrue(r.warnings.isEmpty, r.warnings.map(\.description).joined(separator: "\n"))
        assertCleanUnits(p); assertNoChrome(p)
    }

    // MARK: 004 — Xuchang 2020, numbered tasks with one 责任单位 line

    func testXuchang2020NumberedItems() throws {
        let r = try Seeds.result("004")
        let p = r.plan
        XCTAssertEqual(r.layout, .numberedItems)
        // Reading: nine chapters 一..九; tasks 1-3, 4-20, 21-27, 28-40, 41-49, 50-61, 62-72,
        // 73-108, 109-115, each followed by one 责任单位 line: 115 tasks, as the issue says.
        XCTAssertEqual(p.tasks.count, 115)
        XCTAssertEqual(p.chapters.count, 9)
        XCTAssertEqual(tasksPerTopChapter(p), [3, 17, 7, 13, 9, 12, 11, 36, 7])
        // Lead units before the comma, the county governments after it; 等 dropped.
        XCTAssertEqual(p.tasks[0].leadUnits, ["市疫情防控指挥部办公室", "市卫生健康委"])
        XCTAssertEqual(p.tasks[0].coUnits, ["各县(市、区)政府(管委会)"])
        XCTAssertTrue(p.units.first { $0.name == "各县(市、区)政府(管委会)" }?.isGroup ?? false)
        // 49: 市医疗保障局及市直有关部门.
        let t49 = try XCTUnwrap(p.tasks.first { $0.number == "49" })
        XCTAssertEqual(t49.leadUnits, ["市公安局", "市教育局", "市卫生健康委", "市医疗保障局", "市直有关部门"])
        // 80: 市住房和城乡建设局(市供热办)等.
        XCTAssertTrue(p.units.first { $0.name == "市住房和城乡建设局" }?.aliases.contains("市供热办") ?? false)
        // Distinct lead units as printed: 78 by reading (the issue says about 78). As units, 75:
        // 市政务服务和大数据局 = 市政务服务和大数据管理局 and 人行许昌市中心支行 = 人民银行许昌市中心支行
        // (alias table), 市住房和城乡建设局(市供热办) = 市住房和城乡建设局.
        XCTAssertEqual(Set(p.tasks.flatMap(\.leadUnits)).count, 75)
        XCTAssertTrue(p.tasks.allSatisfy { !$0.leadUnits.isEmpty && !$0.coUnits.isEmpty })
        XCTAssertEqual(p.documentNumber, "许政〔2020〕20号")
        XCTAssertEqual(p.issuer, "许昌市人民政府")
        XCTAssertEqual(p.year, 2020)
        XCTAssertTrue(r.warnings.isEmpty, r.warnings.map(\.description).joined(separator: "\n"))
        assertCleanUnits(p); assertNoChrome(p)
    }

    // MARK: all five

    func testEveryTaskGetsTheYearEndWhenNoDeadlineIsWritten() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let p = try Seeds.result(prefix).plan
            let end = try XCTUnwrap(p.year.flatMap { PlanDate.endOfYear($0) })
            XCTAssertTrue(p.tasks.allSatisfy { $0.deadline == end && $0.deadlineAssumed }, prefix)
            XCTAssertEqual(p.tasks.map(\.id), (1...p.tasks.count).map { "t\($0)" })
            XCTAssertEqual(p.chapters.map(\.id), (0..<p.chapters.count).map { "c\($0 + 1)" })
        }
    }

    func testTheFiveSeedsImportQuickly() throws {
        var bytes: [(String, [UInt8])] = []
        for prefix in ["000", "001", "002", "003", "004"] {
            guard let p = Seeds.path(prefix), let d = FileManager.default.contents(atPath: p) else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Tests/Fixtures/seeds"]) }
            bytes.append((prefix, Array(d)))
        }
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for (name, b) in bytes { _ = try Seeds.importer.importNotice(bytes: b, source: name) }
        }
        // Well under a second in a release build; generous here for debug builds on a busy machine.
        XCTAssertLessThan(elapsed, .seconds(5))
    }
}

final class RoundTripTests: XCTestCase {
    func testImportedPlansSurviveTheFileFormat() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let plan = try Seeds.result(prefix).plan
            let back = try PlanJSON.decode(PlanJSON.encode(plan), file: prefix)
            XCTAssertEqual(back, plan, prefix)
        }
        let demo = NoticeImporter.demoPlan()
        XCTAssertEqual(try PlanJSON.decode(PlanJSON.encode(demo), file: "demo"), demo)
    }

    func testUnreadableFilesAreClearErrors() {
        XCTAssertThrowsError(try Seeds.importer.importNotice(path: "/nonexistent/notice.txt")) { e in
            guard case ImportError.unreadable(let f, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(f, "/nonexistent/notice.txt")
        }
        XCTAssertThrowsError(try Seeds.importer.importNotice(path: "/tmp")) { e in
            XCTAssertTrue(String(describing: e).contains("folder"), "\(e)")
        }
    }
}
