import Foundation
import XCTest
@testable import DubanImport
import DubanCore

/// Small hand-made notices, one family at a time, in ASCII and full-width punctuation,
/// GB18030, CRLF and HTML.
final class FamilyTests: XCTestCase {

    // MARK: outline with responsibility lines

    static let outlineFullWidth = """
    首页 > 政务公开 > 文件
    示范市人民政府关于印发2021年市政府重点工作的通知
    示政发〔2021〕3号
    发布时间：2021-03-01 阅读次数：12
    一、做好总体工作
    （一）以创新提升产业能级
    1．坚持创新驱动发展战略，获批国家高新区
    牵头负责领导：张三、李四。
    牵头责任单位：示范高新技术产业开发区管委会（以下简称高新区管委会），市发展改革委、市科技局。
    协同责任单位：市直相关单位。
    2．高标准建设创新平台
    （1）统筹推进机构设置。
    牵头领导：张三。
    牵头单位：高新区管委会。
    配合单位：市委编办、市交通运输局（市港航局）、各乡镇街道等。
    （2）做好国库运营。
    责任领导：李四
    牵头责任单位：市财政局★
    二、保障民生
    1．推进就业创业
    支持外出务工人员返乡创业，提供就业岗位1.6万个。
    牵头负责领导：王五。
    牵头责任单位：市人社局。
    协同责任单位：界首市就业工作领导小组（见附件）。
    附件
    界首市就业工作领导小组成员名单
    市人社局、市财政局、市教育局。
    主办：示范市人民政府 电话：0558-1234567
    """

    func testOutlineWithFullWidthPunctuation() throws {
        let r = try importText(Self.outlineFullWidth)
        let p = r.plan
        XCTAssertEqual(r.layout, .outline)
        XCTAssertEqual(p.tasks.count, 4)
        XCTAssertEqual(p.chapters.filter { $0.parent == nil }.map(\.label), ["一", "二"])
        XCTAssertEqual(p.chapters.map(\.label), ["一", "(一)", "2", "二", "1"])
        let t1 = p.tasks[0]
        XCTAssertEqual(t1.number, "1")
        XCTAssertEqual(t1.text, "坚持创新驱动发展战略，获批国家高新区")   // task text keeps the printed punctuation
        XCTAssertEqual(t1.leaders, ["张三", "李四"])
        XCTAssertEqual(t1.leadUnits, ["示范高新技术产业开发区管委会", "市发展改革委", "市科技局"])
        XCTAssertEqual(t1.coUnits, ["市直相关单位"])
        let t2 = p.tasks[1]
        XCTAssertEqual(t2.number, "(1)")
        XCTAssertEqual(t2.leadUnits, ["示范高新技术产业开发区管委会"])   // the defined alias resolves
        XCTAssertEqual(t2.coUnits, ["市委编办", "市交通运输局", "各乡镇街道"])
        XCTAssertEqual(p.tasks[2].leaders, ["李四"])
        XCTAssertEqual(p.tasks[2].leadUnits, ["市财政局"])
        let t4 = p.tasks[3]
        XCTAssertNil(t4.number)
        XCTAssertEqual(p.chapters.first { $0.id == t4.chapter }?.title, "推进就业创业")
        XCTAssertEqual(t4.coUnits, ["界首市就业工作领导小组"])
        let group = try XCTUnwrap(p.units.first { $0.name == "界首市就业工作领导小组" })
        XCTAssertTrue(group.isGroup)
        XCTAssertEqual(group.members, ["市人社局", "市财政局", "市教育局"])
        XCTAssertTrue(p.units.first { $0.name == "市交通运输局" }?.aliases.contains("市港航局") ?? false)
        XCTAssertEqual(p.documentNumber, "示政发〔2021〕3号")
        XCTAssertEqual(p.issuer, "示范市人民政府")
        XCTAssertEqual(p.year, 2021)
        XCTAssertEqual(r.warnings, [])
        assertCleanUnits(p); assertNoChrome(p)
    }

    func testSameOutlineInASCIIPunctuationGivesTheSamePlan() throws {
        let ascii = Self.outlineFullWidth
            .replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
            .replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "，", with: ",")
            .replacingOccurrences(of: "．", with: ".")
        let a = try importText(ascii).plan
        let b = try importText(Self.outlineFullWidth).plan
        XCTAssertEqual(a.tasks.map(\.leadUnits), b.tasks.map(\.leadUnits))
        XCTAssertEqual(a.tasks.map(\.coUnits), b.tasks.map(\.coUnits))
        XCTAssertEqual(a.chapters.map(\.label), b.chapters.map(\.label))
        XCTAssertEqual(a.tasks.map(\.number), b.tasks.map(\.number))
    }

    func testCRLFAndBOM() throws {
        let crlf = "\u{FEFF}" + Self.outlineFullWidth.replacingOccurrences(of: "\n", with: "\r\n")
        let r = try importText(crlf)
        XCTAssertEqual(r.plan.tasks.count, 4)
        XCTAssertEqual(r.plan.tasks[0].text, "坚持创新驱动发展战略，获批国家高新区")
        XCTAssertFalse(r.plan.tasks.contains { $0.text.contains("\r") })
        XCTAssertEqual(r.warnings, [])
    }

    func testGB18030() throws {
        let bytes = try XCTUnwrap(TextDecoding.encodeGB18030(Self.outlineFullWidth.replacingOccurrences(of: "\n", with: "\r\n")))
        XCTAssertNil(String(validating: bytes, as: UTF8.self), "the fixture must not be valid UTF-8")
        let r = try NoticeImporter(options: .init(useUserAliasFile: false)).importNotice(bytes: bytes, source: "gb.txt")
        XCTAssertEqual(r.encoding, "GB18030")
        XCTAssertEqual(r.plan.tasks.count, 4)
        XCTAssertEqual(r.plan.tasks[0].leadUnits, ["示范高新技术产业开发区管委会", "市发展改革委", "市科技局"])
        XCTAssertEqual(r.plan.title, "示范市人民政府关于印发2021年市政府重点工作的通知")
    }

    func testGB18030ByHand() throws {
        // "1.任务" / "牵头单位:市财政局" written byte by byte in GB2312 (a subset of GB18030).
        let bytes: [UInt8] = [0x31, 0x2E, 0xC8, 0xCE, 0xCE, 0xF1, 0x0D, 0x0A,          // 1.任务
                              0xC7, 0xA3, 0xCD, 0xB7, 0xB5, 0xA5, 0xCE, 0xBB, 0x3A,      // 牵头单位:
                              0xCA, 0xD0, 0xB2, 0xC6, 0xD5, 0xFE, 0xBE, 0xD6, 0x0D, 0x0A] // 市财政局
        let r = try NoticeImporter(options: .init(year: 2020, useUserAliasFile: false)).importNotice(bytes: bytes, source: "gb.txt")
        XCTAssertEqual(r.plan.tasks.map(\.text), ["任务"])
        XCTAssertEqual(r.plan.tasks.first?.leadUnits, ["市财政局"])
    }

    func testUTF16WithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "1.修路\n牵头单位:市交通运输局\n".utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        let r = try NoticeImporter(options: .init(year: 2020, useUserAliasFile: false)).importNotice(bytes: bytes, source: "u16.txt")
        XCTAssertEqual(r.plan.tasks.first?.leadUnits, ["市交通运输局"])
        XCTAssertEqual(r.encoding, "UTF-16")
    }

    // MARK: numbered items with one 责任单位 line

    func testNumberedItemsLeadBeforeTheComma() throws {
        let text = """
        许政〔2020〕20号
        一、抓好疫情防控
        1.坚持“外防输入、内防反弹”总体防控策略。
        责任单位：市卫生健康委、市疾控中心等，各县（市、区）政府（管委会）
        2.完善常态化防控举措。
        责任单位:市卫生健康委等,各县(市、区)政府(管委会)
        二、稳定经济增长
        3.着力稳定工业增长。
        责任单位:市工业和信息化局、市医疗保障局及市直有关部门,建安区政府
        """
        let r = try importText(text)
        let p = r.plan
        XCTAssertEqual(r.layout, .numberedItems)
        XCTAssertEqual(p.tasks.count, 3)
        XCTAssertEqual(p.chapters.count, 2)
        XCTAssertEqual(p.tasks[0].leadUnits, ["市卫生健康委", "市疾控中心"])
        XCTAssertEqual(p.tasks[0].coUnits, ["各县(市、区)政府(管委会)"])
        XCTAssertEqual(p.tasks[1].coUnits, ["各县(市、区)政府(管委会)"])
        XCTAssertEqual(p.tasks[2].leadUnits, ["市工业和信息化局", "市医疗保障局", "市直有关部门"])
        XCTAssertEqual(p.tasks[2].coUnits, ["建安区政府"])
        XCTAssertEqual(p.year, 2020)
        XCTAssertEqual(r.warnings, [])
        assertCleanUnits(p)
    }

    // MARK: goal items

    func testGoalItems() throws {
        let text = """
        屯溪区人民政府关于印发2020年重点工作要点及责任分解的通知
        一、深化改革创新
        (一)巩固重点改革成果
        年度目标:完成既定改革任务。
        主要任务:持续做好机构改革“后半篇文章”。
        (二)扩大融杭接沪实效
        年度目标：落实长三角一体化发展国家战略。
        主要任务：全面融入杭州都市圈。
        二、深化投资拉动
        (三)实施双百工程
        年度目标:实施项目100个以上。
        主要任务:精准谋划一批重大项目。
        """
        let r = try importText(text)
        XCTAssertEqual(r.layout, .goalItems)
        XCTAssertEqual(r.plan.tasks.map(\.number), ["(一)", "(二)", "(三)"])
        XCTAssertEqual(r.plan.tasks.map(\.text), ["巩固重点改革成果", "扩大融杭接沪实效", "实施双百工程"])
        XCTAssertEqual(r.plan.chapters.map(\.title), ["深化改革创新", "深化投资拉动"])
        XCTAssertEqual(r.plan.tasks[1].goal, "落实长三角一体化发展国家战略")
        XCTAssertEqual(r.warnings, [])
    }

    func testChapterGoalsWhenTheSectionHasItsOwnTasks() throws {
        let text = """
        一、生态环境
        年度目标：空气质量优良率达到80%。
        主要任务：打好蓝天保卫战。
        1.治理扬尘污染。
        牵头单位：市生态环境局
        2.整治黑臭水体。
        牵头单位：市住建局
        """
        let p = try importText(text, year: 2020).plan
        XCTAssertEqual(p.tasks.count, 2)
        XCTAssertEqual(p.chapters.first?.goal, "空气质量优良率达到80%")
        XCTAssertEqual(p.chapters.first?.mainTasks, "打好蓝天保卫战")
    }

    // MARK: inline responsibility

    func testInlineResponsibility() throws {
        let text = """
        关于印发2022年重点工作任务分工方案的通知
        一、推动高质量发展
        1.加快推进5G基站建设，新建基站500个。（牵头单位：市工信局；责任单位：市通信发展办、各县区政府）
        2.优化营商环境。(市发改委牵头，市市场监管局、市数据资源局按职责分工负责)
        3．完善公共文化服务体系，6月底前完成规划编制。（责任部门：市文旅局；配合部门：市财政局）
        4.建设智慧停车场。(市住建局负责)
        """
        let r = try importText(text)
        let p = r.plan
        XCTAssertEqual(r.layout, .inlineResponsibility)
        XCTAssertEqual(p.tasks.count, 4)
        XCTAssertEqual(p.tasks[0].text, "加快推进5G基站建设，新建基站500个。")
        XCTAssertEqual(p.tasks[0].leadUnits, ["市工信局"])
        XCTAssertEqual(p.tasks[0].coUnits, ["市通信发展办", "各县区政府"])
        XCTAssertEqual(p.tasks[1].text, "优化营商环境。")
        XCTAssertEqual(p.tasks[1].leadUnits, ["市发改委"])
        XCTAssertEqual(p.tasks[1].coUnits, ["市市场监管局", "市数据资源局"])
        XCTAssertEqual(p.tasks[2].leadUnits, ["市文旅局"])
        XCTAssertEqual(p.tasks[2].coUnits, ["市财政局"])
        XCTAssertEqual(p.tasks[2].deadline?.iso, "2022-06-30")
        XCTAssertFalse(p.tasks[2].deadlineAssumed)
        XCTAssertEqual(p.tasks[3].leadUnits, ["市住建局"])
        XCTAssertEqual(p.tasks[3].deadline?.iso, "2022-12-31")
        XCTAssertTrue(p.tasks[3].deadlineAssumed)
        XCTAssertEqual(r.warnings, [])
    }

    func testUnnumberedParagraphsWithInlineResponsibilityAreTasks() throws {
        let text = """
        一、重点任务
        加快推进城市更新。（牵头单位：市住建局）
        加强食品安全监管。（牵头单位：市市场监管局；责任单位：各县区政府）
        """
        let p = try importText(text, year: 2021).plan
        XCTAssertEqual(p.tasks.map(\.text), ["加快推进城市更新。", "加强食品安全监管。"])
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市住建局"], ["市市场监管局"]])
    }

    // MARK: tables flattened one cell per line

    func testFlatTableWithLostAndSplitNumbersAndEmptyCells() throws {
        let nbsp = "\u{00A0}"
        let text = """
        附件
        2020年度市政府重点工作任务分解表

        序号

        目标与任务

        牵头责任单位

        责任单位

        扎实打好污染防治攻坚战。

        市生态环境局

        各县(市)区政府、开发区管委会

        完善公墓建设。

        市民政局

        \(nbsp)

        1 3

        创新棚户区改造方式。

        ★市住建局、市财政局

        各县(市)区政府、市建投公司等

        14

        加大黑臭水体整治力度。

        市住建局

        市水务局,市城管局
        """
        let r = try importText(text, year: 2020)
        let p = r.plan
        XCTAssertEqual(r.layout, .flatTable)
        XCTAssertEqual(p.tasks.count, 4)
        XCTAssertEqual(p.tasks.map(\.number), [nil, nil, "13", "14"])
        XCTAssertEqual(p.tasks[1].leadUnits, ["市民政局"])
        XCTAssertEqual(p.tasks[1].coUnits, [])
        XCTAssertEqual(p.tasks[2].leadUnits, ["市住建局"])
        XCTAssertEqual(p.tasks[2].coUnits, ["市财政局", "各县(市)区政府", "市建投公司"])
        XCTAssertEqual(p.tasks[3].coUnits, ["市水务局", "市城管局"])
        XCTAssertEqual(r.warnings, [])
        assertCleanUnits(p)
    }

    func testCompletionReportTable() throws {
        let text = """
        logo
        联系我们:027-85695666
        2023年度重点工作任务完成情况
        2024-02-05 00:00 来源: 芜湖市人民政府
        【字体:
          序号
          工作任务
          牵头责任单位
          2023年全年完成情况
          备注
          1
          完成芜湖长江大桥升级改造。
          市重点处
          三山经开区
          2023年三季度已完成芜湖长江大桥升级改造工作。
        \u{00A0}
          2
          创建全国双拥模范城“五连冠”。
          市退役军人
          事务局
          1.完成创建迎检材料整理汇编。
          2.正在做好迎检准备。
        \u{00A0}
          1 0
          开展第五次全国经济普查。
          市统计局
          完成前三季度的电子台账填报。
          已报市政府
        """
        let r = try importText(text)
        let p = r.plan
        XCTAssertEqual(r.layout, .completionTable)
        XCTAssertEqual(p.tasks.map(\.number), ["1", "2", "10"])
        XCTAssertEqual(p.tasks[0].leadUnits, ["市重点处", "三山经开区"])
        XCTAssertEqual(p.tasks[0].status, .done)
        XCTAssertTrue(p.tasks[0].statusInferred)
        XCTAssertEqual(p.tasks[0].history.first?.note, "2023年三季度已完成芜湖长江大桥升级改造工作。")
        XCTAssertEqual(p.tasks[0].history.first?.date.iso, "2024-02-05")
        XCTAssertEqual(p.tasks[1].leadUnits, ["市退役军人事务局"])
        XCTAssertEqual(p.tasks[1].status, .inProgress)
        XCTAssertEqual(p.tasks[1].history.first?.note, "1.完成创建迎检材料整理汇编。\n2.正在做好迎检准备。")
        XCTAssertEqual(p.year, 2023)
        XCTAssertTrue(p.tasks.allSatisfy { $0.history.count == 1 && $0.statusInferred })
    }

    func testTableWithTabsOneRowALine() throws {
        let text = "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t建成城市书房10个\t市文旅局\t各县区政府\t9月底前\n2\t完成老旧小区改造\t市住建局\t\t年底前\n"
        let r = try importText(text, year: 2021)
        XCTAssertEqual(r.plan.tasks.map(\.text), ["建成城市书房10个", "完成老旧小区改造"])
        XCTAssertEqual(r.plan.tasks[0].coUnits, ["各县区政府"])
        XCTAssertEqual(r.plan.tasks[0].deadline?.iso, "2021-09-30")
        XCTAssertEqual(r.plan.tasks[1].deadline?.iso, "2021-12-31")
        XCTAssertFalse(r.plan.tasks[1].deadlineAssumed)
    }

    // MARK: HTML

    func testHTMLIsReadAsItsText() throws {
        let html = """
        <html><head><title>通知</title><style>p{color:red}</style><script>var a = "1.不是任务";</script></head><body>
        <div class="crumb">首页 &gt; 政务公开</div>
        <h1>关于印发2021年重点工作的通知</h1>
        <p>一、经济发展</p>
        <p>1&#46;推进&ldquo;双招双引&rdquo;工作。</p>
        <p>牵头单位&#xFF1A;市投资促进中心&nbsp;</p>
        <p>协同单位：市商务局、市发改委</p>
        <table><tr><td>序号</td></tr></table>
        </body></html>
        """
        let r = try importText(html)
        XCTAssertEqual(r.plan.tasks.count, 1)
        XCTAssertEqual(r.plan.tasks[0].text, "推进\u{201C}双招双引\u{201D}工作。")
        XCTAssertEqual(r.plan.tasks[0].leadUnits, ["市投资促进中心"])
        XCTAssertEqual(r.plan.tasks[0].coUnits, ["市商务局", "市发改委"])
        XCTAssertEqual(r.plan.title, "关于印发2021年重点工作的通知")
    }

    // MARK: warnings

    func testLinesNotUnderstoodAreWarnedWithTheirLine() throws {
        let text = """
        一、城市建设
        1.建成通用机场。
        牵头单位：市发改委
        这一行说明不了什么
        2.开工建设体育中心。
        牵头单位：市体育局
        3.完成道路改造。
        4.新建公园5个。
        牵头单位：市城管局
        """
        let r = try importText(text, year: 2020)
        XCTAssertEqual(r.plan.tasks.count, 4)
        XCTAssertEqual(r.plan.tasks[2].leadUnits, [])
        XCTAssertEqual(r.warnings.map(\.line), [4, 7])
        XCTAssertTrue(r.warnings[0].message.contains("not attached"))
        XCTAssertTrue(r.warnings[1].message.contains("no responsibility line"))
        XCTAssertThrowsError(try NoticeImporter(options: .init(year: 2020, strict: true, useUserAliasFile: false))
            .importNotice(bytes: Array(text.utf8), source: "n.txt")) { e in
            guard case ImportError.strict(let f, let ws) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(f, "n.txt"); XCTAssertEqual(ws.count, 2)
        }
    }
}
