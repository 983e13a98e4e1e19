import DubanCore
import DubanSheets
import Foundation
import XCTest

/// Export a unit's ledger, edit it with a second spreadsheet library (openpyxl), merge it back.
final class LedgerRoundTripTests: XCTestCase {
    func testOpenpyxlReadsBackEveryCellOfTheExport() throws {
        let dir = try scratch("cells")
        let plan = fixturePlan()
        let path = try exportLedger(plan, unit: "市发展改革委", to: dir, name: "发改委.xlsx")
        let json = try python("""
        import sys, json, openpyxl, datetime
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {"sheets": wb.sheetnames, "states": [ws.sheet_state for ws in wb.worksheets], "cells": {}}
        ws = wb.worksheets[0]
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None: continue
                if isinstance(v, datetime.datetime): v = v.date().isoformat()
                out["cells"][c.coordinate] = v
        out["freeze"] = ws.freeze_panes
        out["hiddenL"] = ws.column_dimensions["L"].hidden
        out["protected"] = ws.protection.sheet
        out["lockedG3"] = ws["G3"].protection.locked
        out["lockedB3"] = ws["B3"].protection.locked
        out["wrapB3"] = ws["B3"].alignment.wrap_text
        out["fillK3"] = ws["K3"].fill.fgColor.rgb
        out["fillK6"] = ws["K6"].fill.fgColor.rgb
        out["fillK4"] = ws["K4"].fill.fgColor.rgb
        dv = ws.data_validations.dataValidation[0]
        out["dv"] = [dv.type, str(dv.sqref), dv.formula1]
        out["widthB"] = ws.column_dimensions["B"].width
        out["widthA"] = ws.column_dimensions["A"].width
        out["merged"] = [str(r) for r in ws.merged_cells.ranges]
        print(json.dumps(out, ensure_ascii=False))
        """, [path])
        let o = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        XCTAssertEqual(o["sheets"] as? [String], ["台账", "_duban"])
        XCTAssertEqual(o["states"] as? [String], ["visible", "hidden"])
        let cells = o["cells"] as! [String: Any]
        // Every cell the writer wrote, and nothing else.
        let tasks = Ledger.tasks(of: plan, unit: "市发展改革委")
        XCTAssertEqual(tasks.map(\.id), ["t1", "t2", "t4", "t6"])
        var expected: [String: String] = [
            "A1": "测试市2020年重点工作任务 台账（市发展改革委）　截至 2020-09-01　期别 2020-09",
        ]
        let headers = ["序号", "任务", "牵头领导", "牵头单位", "协同单位", "完成时限", "状态", "进度", "本期进展", "备注", "灯", "任务编号（请勿修改）"]
        for (i, h) in headers.enumerated() { expected[CellRef.name(row: 2, column: i + 1)] = h }
        let rules = Rules(asOf: asOf, periodStart: plan.periodStart)
        for (k, t) in tasks.enumerated() {
            let r = k + 3
            let light = rules.assess(t).light
            let values = [t.number!, t.text, t.leaders.joined(separator: "、"), t.leadUnits.joined(separator: "、"),
                          t.coUnits.joined(separator: "、"), t.deadline!.iso, t.status.chineseLabel, "\(t.progress)", "",
                          t.remarks, Strings(.zh).light(light), t.id]
            for (i, v) in values.enumerated() where !v.isEmpty { expected[CellRef.name(row: r, column: i + 1)] = v }
        }
        var got: [String: String] = [:]
        for (k, v) in cells { got[k] = (v as? String) ?? (v as? NSNumber).map { "\($0.intValue)" } ?? "\(v)" }
        XCTAssertEqual(got, expected)
        XCTAssertEqual(o["freeze"] as? String, "A3")
        XCTAssertEqual(o["hiddenL"] as? Bool, true)
        XCTAssertEqual(o["protected"] as? Bool, true)
        XCTAssertEqual(o["lockedG3"] as? Bool, false, "状态 is editable")
        XCTAssertEqual(o["lockedB3"] as? Bool, true, "任务 is not")
        XCTAssertEqual(o["wrapB3"] as? Bool, true)
        XCTAssertEqual(o["fillK3"] as? String, "FFFF9999", "t1 is overdue on 2020-09-01: red")
        XCTAssertEqual(o["fillK6"] as? String, "FFFF9999", "t6 was due 2020-08-31: red")
        XCTAssertEqual(o["fillK4"] as? String, "FFA9D08E", "t2 is done: green")
        XCTAssertEqual(o["dv"] as? [String], ["list", "G3:G6", "\"未启动,推进中,已完成,滞后\""])
        // 任务 is as wide as its longest text in display cells (Chinese counts two), capped at 60.
        let longest = tasks.map { DisplayWidth.of($0.text) }.max()!
        XCTAssertEqual(o["widthB"] as? Double, Double(min(longest, 60) + 2))
        XCTAssertEqual(o["widthA"] as? Double, Double(4 + 2))
        XCTAssertEqual(o["merged"] as? [String], ["A1:L1"])
    }

    func testEditedCellsArriveExactlyWithHistoryAuthorAndPeriod() throws {
        let plan = fixturePlan()
        let (path, back) = try ledgerToReturn("edit", plan, unit: "市发展改革委", name: "发改委.xlsx", back: "returned.xlsx")
        // As a unit would: a status in its own words, progress as text, a note, remarks, a date as text.
        try editWithOpenpyxl(path, back, """
        ws["G3"] = "正在推进"
        ws["H3"] = "70%"
        ws["I3"] = "已完成立项，正在招标"
        ws["J4"] = "资料已报送"
        ws["G5"] = "完成"
        ws["F6"] = "2020.11.30"
        """)
        let r = try merge(plan, [back])
        XCTAssertTrue(r.conflicts.isEmpty)
        let got = r.changes.map { "\($0.taskID) \($0.field.rawValue) \($0.old) → \($0.new) @\($0.place.ref)" }
        XCTAssertEqual(got, [
            "t1 progress 40% → 70% @H3",
            "t1 note — → 已完成立项，正在招标 @I3",
            "t2 remarks 已验收 → 资料已报送 @J4",
            "t4 status 滞后 → 已完成 @G5",
            "t6 deadline 2020-08-31 → 2020-11-30 @F6",
        ], "正在推进 is 推进中, what t1 had: no change")
        let after = r.plan
        for (a, b) in zip(plan.tasks, after.tasks) where !["t1", "t2", "t4", "t6"].contains(a.id) { XCTAssertEqual(a, b) }
        let t1 = after.tasks[0]
        XCTAssertEqual(t1.progress, 70)
        XCTAssertEqual(t1.history.count, 2)
        XCTAssertEqual(t1.history.map(\.author), ["市发展改革委", "市发展改革委"])
        XCTAssertEqual(t1.history.map(\.period), ["2020-09", "2020-09"])
        XCTAssertEqual(t1.history[1].note, "已完成立项，正在招标")
        XCTAssertEqual(t1.history[0].date.iso, "2020-09-20")
        XCTAssertEqual(after.tasks[3].status, .done)
        XCTAssertEqual(after.tasks[3].progress, 100)
        XCTAssertEqual(after.tasks[5].deadline?.iso, "2020-11-30")
        XCTAssertEqual(after.tasks[1].remarks, "资料已报送")
        // The same sheet merged again into the merged plan: nothing more.
        let again = try merge(after, [back])
        XCTAssertEqual(again.changes.count, 0)
        XCTAssertEqual(again.plan, after)
    }

    func testUntouchedSheetMergesToNoChange() throws {
        let plan = fixturePlan()
        let (path, resaved) = try ledgerToReturn("untouched", plan, unit: "市财政局", name: "财政局.xlsx", back: "resaved.xlsx")
        try editWithOpenpyxl(path, resaved, "pass")
        for f in [path, resaved] {
            let r = try merge(plan, [f])
            XCTAssertEqual(r.changes.count, 0, f)
            XCTAssertEqual(r.conflicts.count, 0, f)
            XCTAssertEqual(r.plan, plan)
        }
    }

    func testAChangeInThePlanAndInTheSheetIsAConflictNotApplied() throws {
        var plan = fixturePlan()
        let (path, back) = try ledgerToReturn("conflict", plan, unit: "市财政局", name: "财政局.xlsx", back: "back.xlsx")
        try editWithOpenpyxl(path, back, """
        ws["H3"] = 50
        ws["G4"] = "推进中"
        """)
        // Since the export the inspector set t3's progress to 20 in the plan.
        plan.tasks[2].progress = 20
        let r = try merge(plan, [back])
        XCTAssertEqual(r.conflicts.count, 1)
        let c = r.conflicts[0]
        XCTAssertEqual(c.taskID, "t3"); XCTAssertEqual(c.field, .progress); XCTAssertEqual(c.kind, .planAndSheet)
        XCTAssertEqual(c.exported, "0%"); XCTAssertEqual(c.plan, "20%"); XCTAssertEqual(c.sheets.map(\.value), ["50%"])
        XCTAssertEqual(r.plan.tasks[2].progress, 20, "not applied")
        XCTAssertEqual(r.changes.map { "\($0.taskID) \($0.field.rawValue)" }, ["t4 status"])
    }

    func testTwoSheetsChangingOneTaskDifferentlyIsAConflict() throws {
        let dir = try scratch("two")
        let plan = fixturePlan()
        // t4 is led by both units: it is in both ledgers.
        let a = try exportLedger(plan, unit: "市发展改革委", to: dir, name: "a.xlsx")
        let b = try exportLedger(plan, unit: "市财政局", to: dir, name: "b.xlsx")
        let a2 = dir.appendingPathComponent("a2.xlsx").path, b2 = dir.appendingPathComponent("b2.xlsx").path
        try editWithOpenpyxl(a, a2, #"ws["H5"] = "30%""#)   // t4 is the third row of a
        try editWithOpenpyxl(b, b2, #"ws["H4"] = "45%""#)   // and the second of b
        let r = try merge(plan, [a2, b2])
        XCTAssertEqual(r.conflicts.count, 1)
        XCTAssertEqual(r.conflicts[0].kind, .twoSheets)
        XCTAssertEqual(r.conflicts[0].sheets.map(\.value), ["30%", "45%"])
        XCTAssertEqual(r.conflicts[0].sheets.map(\.place.ref), ["H5", "H4"])
        XCTAssertEqual(r.plan.tasks[3].progress, 15)
        XCTAssertTrue(r.changes.isEmpty)
    }

    func testLibreOfficePDFOfAnExportedSheetShowsItsChineseText() throws {
        let dir = try scratch("pdf")
        let plan = fixturePlan()
        let path = try exportLedger(plan, unit: "市财政局", to: dir, name: "ledger.xlsx")
        let home = try scratch("lohome")
        let conv = try runProgram("libreoffice", ["-env:UserInstallation=file://\(home.path)", "--headless", "--convert-to", "pdf", "--outdir", dir.path, path])
        XCTAssertEqual(conv.status, 0, conv.err)
        let text = try runProgram("pdftotext", ["-layout", dir.appendingPathComponent("ledger.pdf").path, "-"])
        XCTAssertEqual(text.status, 0, text.err)
        let flat = text.out.filter { !$0.isWhitespace }
        for s in ["台账（市财政局）", "序号", "完成时限", "实施减税降费政策。", "市税务局", "未启动", "长期"] {
            XCTAssertTrue(flat.contains(s.filter { !$0.isWhitespace }), "\(s) not in the PDF text:\n\(text.out)")
        }
    }
}
