import XCTest
@testable import DubanImport
import DubanCore

/// Notices of a couple of megabytes, generated: the import takes them whole and gives the
/// plan they describe (no timing here; the figures are in DECISIONS.md, "Importer").
final class LargeNoticeTests: XCTestCase {
    static let units = ["市发展改革委", "市财政局", "市住房城乡建设局", "市交通运输局", "市生态环境局", "市教育局",
                        "市卫生健康委", "市市场监管局", "市商务局", "市科技局", "市人社局", "市农业农村局"]
    static let verbs = ["加快推进", "全面完成", "扎实开展", "持续深化", "统筹推进", "积极实施"]
    static let objects = ["城市更新改造项目", "重点交通基础设施建设", "生态环境综合治理", "义务教育优质均衡发展",
                          "公共卫生服务体系建设", "营商环境优化提升"]

    static func cn(_ n: Int) -> String {
        let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return d[n] }
        return (n / 10 == 1 ? "" : d[n / 10]) + "十" + d[n % 10]
    }

    static func text(_ i: Int) -> String {
        "\(verbs[i % verbs.count])\(objects[(i / 7) % objects.count])，第\(i)项工作力争取得明显成效，确保各项指标达到年度目标要求，"
            + "形成一批可复制可推广的经验做法，6月底前完成阶段性任务。"
    }

    /// 一、 chapters over numbered items, each followed by one 责任单位 line (the Xuchang layout);
    /// items are numbered afresh in each chapter (a heading number has at most three digits).
    static func numberedNotice(chapters: Int, perChapter: Int) -> String {
        var s = "示范市人民政府关于印发2021年重点工作任务分解方案的通知\n示政〔2021〕7号\n\n"
        var n = 0
        for c in 1...chapters {
            s += "\(cn(c))、第\(c)方面重点工作\n"
            for k in 1...perChapter {
                n += 1
                s += "\(k).\(text(n))\n"
                s += "责任单位：\(units[n % units.count])、\(units[(n + 5) % units.count]),各县（市、区）政府\n"
            }
        }
        return s
    }

    /// A table flattened one cell per line, blank lines between the cells (the Wuhu layout).
    static func tableNotice(rows: Int) -> String {
        var s = "附件\n2021年度市政府重点工作任务分解表\n\n序号\n\n目标与任务\n\n牵头责任单位\n\n责任单位\n\n"
        for r in 1...rows {
            s += "\(r)\n\n\(text(r))\n\n\(units[r % units.count])\n\n\(units[(r + 3) % units.count])、\(units[(r + 7) % units.count])\n\n"
        }
        return s
    }

    func testTwoMegabytesOfNumberedItems() throws {
        let text = Self.numberedNotice(chapters: 40, perChapter: 200)
        XCTAssertGreaterThan(text.utf8.count, 2_000_000)
        let r = try importText(text)
        let p = r.plan
        XCTAssertEqual(r.layout, .numberedItems)
        XCTAssertEqual(p.tasks.count, 8000)
        XCTAssertEqual(p.chapters.count, 40)
        XCTAssertEqual(p.tasks.map(\.number), (0..<8000).map { String($0 % 200 + 1) })
        XCTAssertEqual(p.tasks[7999].chapter, p.chapters[39].id)
        XCTAssertEqual(p.tasks[0].text, Self.text(1))
        XCTAssertEqual(p.tasks[7999].text, Self.text(8000))
        XCTAssertEqual(p.tasks[41].leadUnits, [Self.units[42 % 12], Self.units[47 % 12]])
        XCTAssertEqual(p.tasks[41].coUnits, ["各县(市、区)政府"])
        XCTAssertTrue(p.tasks.allSatisfy { $0.leadUnits.count == 2 && $0.deadline == PlanDate(year: 2021, month: 6, day: 30) })
        XCTAssertEqual(p.units.count, Self.units.count + 1)
        XCTAssertEqual(p.year, 2021)
        XCTAssertEqual(p.documentNumber, "示政〔2021〕7号")
        XCTAssertEqual(r.warnings, [])
        assertCleanUnits(p)
    }

    func testTwoMegabytesOfTableRows() throws {
        let text = Self.tableNotice(rows: 7500)
        XCTAssertGreaterThan(text.utf8.count, 2_000_000)
        let r = try importText(text)
        let p = r.plan
        XCTAssertEqual(r.layout, .flatTable)
        XCTAssertEqual(p.tasks.count, 7500)
        XCTAssertEqual(p.tasks.map(\.number), (1...7500).map { String($0) })
        XCTAssertEqual(p.tasks[7499].text, Self.text(7500))
        XCTAssertEqual(p.tasks[9].leadUnits, [Self.units[10]])
        XCTAssertEqual(p.tasks[9].coUnits, [Self.units[13 % 12], Self.units[17 % 12]])
        XCTAssertEqual(p.units.count, Self.units.count)
        XCTAssertEqual(r.warnings, [])
        assertCleanUnits(p)
    }
}
