// A Word notice of 10 MB (issue 11): a task table as Word writes it, every cell with its
// properties and every run with its fonts, zipped with ZIPFoundation, then imported.
#if canImport(DubanImport)
import DubanCore
import DubanSynthetic
import DubanImport
import Foundation
import ZIPFoundation

struct DocxTimes {
    var megabytes: Double       // the .docx
    var xmlMegabytes: Double    // word/document.xml inflated
    var tasks: Int
    var seconds: [Double]
    /// CPU time of each import (the machine may be shared), and of reading the Word file alone.
    var cpu: [Double]
    var readCPU: [Double]
}

func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The document.xml of a notice with a task table of `rows` rows, Word's markup around the text
/// (it inflates about 13 times, as the Word files LibreOffice and Word write do).
func docxBody(rows: Int, seed: UInt64 = 11) -> String {
    var rng = Xoshiro256(seed: seed)
    let verbs = ["推进", "完成", "实施", "建设", "开展", "落实", "提升", "加快", "深化", "启动", "统筹", "优化"]
    let things = ["老旧小区改造", "棚户区改造", "保障性租赁住房", "城市道路整治", "农村公路提档升级", "智慧城市平台",
                  "污水处理厂扩建", "医疗服务能力", "义务教育学校", "养老服务设施", "产业园区基础设施", "营商环境评价",
                  "数字政府建设", "河湖长制", "耕地保护", "科技创新平台"]
    let counts = ["个", "户", "公里", "亿元", "万平方米"]
    let units = ["市发改委", "市财政局", "市住建局", "市自然资源局", "市交通运输局", "市教育局", "市卫健委", "市民政局",
                 "市商务局", "市生态环境局", "市城管局", "市人社局", "市统计局", "市水利局"]
    let deadlines = ["3月底前", "6月底前", "9月底前", "年底前", "10月15日前", "上半年", "三季度"]
    func pick(_ a: [String]) -> String { a[Int(rng.next() % UInt64(a.count))] }
    // Word's revision ids: a paragraph and a run carry them, so no two cells' markup is the same.
    func rsid() -> String {
        let v = rng.next() & 0xFFFF_FFFF
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - h.count) + h
    }
    func clause() -> String { pick(verbs) + pick(things) + "，新增\(rng.next() % 9990 + 10)" + pick(counts) }
    func cell(_ text: String, width: Int) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
            + "<w:p w:rsidR=\"\(rsid())\" w:rsidRDefault=\"\(rsid())\" w:rsidP=\"\(rsid())\"><w:pPr><w:spacing w:line=\"320\" w:lineRule=\"exact\"/><w:jc w:val=\"left\"/>"
            + "<w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"24\"/></w:rPr></w:pPr>"
            + "<w:r w:rsidRPr=\"\(rsid())\"><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\" w:hAnsi=\"仿宋_GB2312\"/><w:sz w:val=\"24\"/></w:rPr>"
            + "<w:t>\(text)</w:t></w:r></w:p></w:tc>"
    }
    var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    s += "<w:p><w:r><w:t>某市人民政府关于印发2021年重点工作任务分解的通知</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:w=\"9000\" w:type=\"dxa\"/></w:tblPr>"
    s += "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"].map { cell($0, width: 1800) }.joined() + "</w:tr>"
    for i in 1...rows {
        if i % 100 == 1 { s += "<w:tr>" + "<w:tc><w:tcPr><w:gridSpan w:val=\"5\"/></w:tcPr><w:p><w:r><w:t>第\(i / 100 + 1)部分</w:t></w:r></w:p></w:tc>" + "</w:tr>" }
        let text = (0..<(2 + Int(rng.next() % 5))).map { _ in clause() }.joined(separator: "；") + "。"
        s += "<w:tr w:rsidR=\"\(rsid())\">" + cell(String(i), width: 800) + cell(text, width: 4200) + cell(pick(units), width: 1400)
            + cell(pick(units) + "、" + pick(units), width: 1600) + cell(pick(deadlines), width: 1000) + "</w:tr>"
    }
    s += "</w:tbl><w:p><w:r><w:t>某市人民政府办公室</w:t></w:r></w:p></w:body></w:document>"
    return s
}

func zipDocx(_ body: String) -> [UInt8]? {
    guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
    let parts = [("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                 ("word/document.xml", body)]
    for (name, text) in parts {
        let data = Data(text.utf8)
        do {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 bufferSize: 1 << 16) { pos, size in data.subdata(in: Int(pos)..<(Int(pos) + size)) }
        } catch { return nil }
    }
    return archive.data.map { [UInt8]($0) }
}

/// A .docx of at least `megabytes` MB, imported `runs` times (from memory: the figure is the reader's).
func docxImport(megabytes: Double = 10, runs: Int = 5) -> DocxTimes? {
    // Rows for the size: measured on a sample, then made.
    guard let sample = zipDocx(docxBody(rows: 2000)) else { return nil }
    let rows = Int(Double(2000) * megabytes * 1e6 / Double(sample.count) * 1.02) + 1
    let body = docxBody(rows: rows)
    guard let bytes = zipDocx(body) else { return nil }
    var times: [Double] = [], cpu: [Double] = [], readCPU: [Double] = []
    var tasks = 0
    for _ in 0..<runs {
        let r0 = threadCPU()
        guard (try? NoticeImporter.wordText(bytes: bytes, source: "bench.docx")) != nil else { return nil }
        readCPU.append(threadCPU() - r0)
        var o = ImportOptions(useUserAliasFile: false)
        o.converters.enabled = false
        let importer = NoticeImporter(options: o)
        var r: ImportResult? = nil
        var failure: Error? = nil
        let c0 = threadCPU()
        times.append(timed {
            do { r = try importer.importNotice(bytes: bytes, source: "bench.docx") } catch { failure = error }
        })
        cpu.append(threadCPU() - c0)
        guard let result = r else { fputs("docx: \(failure.map { Strings(.en).describe($0) } ?? "?")\n", stderr); return nil }
        tasks = result.plan.tasks.count
    }
    return DocxTimes(megabytes: Double(bytes.count) / 1e6, xmlMegabytes: Double(body.utf8.count) / 1e6, tasks: tasks, seconds: times, cpu: cpu, readCPU: readCPU)
}

func docxRows(_ d: DocxTimes?) -> [String] {
    guard let d else { return ["| import of a 10 MB Word file (.docx) | n/a | | |"] }
    return ["| import of a \(fixed(d.megabytes, 1)) MB Word file (.docx; document.xml \(fixed(d.xmlMegabytes, 0)) MB, \(d.tasks) tasks; median of \(d.seconds.count)) | \(seconds(median(d.seconds))) (CPU \(seconds(median(d.cpu)))) | | |",
            "|   of which reading the Word file (unzip, XML, numbering, tables), CPU | \(seconds(median(d.readCPU))) | | |"]
}
#else
struct DocxTimes {}
func docxImport(megabytes: Double = 10, runs: Int = 5) -> DocxTimes? { nil }
func docxRows(_ d: DocxTimes?) -> [String] { ["| import of a 10 MB Word file (.docx) | n/a (no DubanImport) | | |"] }
#endif
