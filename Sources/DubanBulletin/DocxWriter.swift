import DubanCore
import Foundation
import ZIPFoundation

/// The bulletin as a .docx: WordprocessingML parts in a ZIP archive (ZIPFoundation).
///
/// - Fonts as such circulars use them: the title in 方正小标宋简体 (二号, 22pt), headings in
///   黑体 (三号, 16pt), the body in 仿宋_GB2312 (三号), tables in 仿宋_GB2312 (小四, 12pt).
///   Every run names its eastAsia font; the font table gives each its fallback as Word
///   writes it (`w:altName`): 方正小标宋简体 → 宋体 (SimSun), 黑体 → SimHei,
///   仿宋_GB2312 → 仿宋 (FangSong), so a machine without the font shows a near one.
/// - Tables are real `w:tbl` with single borders on every edge and inside, the header row
///   repeated on each page (`w:tblHeader`), a grid sized by the columns' contents.
/// - The chart is a DrawingML chart part (word/charts/chart1.xml: clustered columns with
///   the figures cached in the part, no embedded workbook), which Word, WPS and
///   LibreOffice draw.
/// - Every text goes through `xml(_:)`: the five XML escapes, and characters XML 1.0
///   cannot hold replaced by U+FFFD.
public enum DocxWriter {
    static let titleFont = "方正小标宋简体", headingFont = "黑体", bodyFont = "仿宋_GB2312"
    static let latinFont = "Times New Roman"

    public static func docx(_ blocks: [BulletinBlock], asOf: PlanDate) throws -> [UInt8] {
        var charts: [BulletinChart] = []
        var body = ""
        for b in blocks {
            switch b {
            case .title(let s):
                body += paragraph(s, style: "BulletinTitle")
            case .asOf(let s):
                body += paragraph(s, style: "BulletinAsOf")
            case .heading(let s):
                body += paragraph(s, style: "Heading1")
            case .paragraph(let s):
                body += paragraph(s, style: nil)
            case .table(let header, let rows):
                body += table(header: header, rows: rows)
            case .chart(let c):
                charts.append(c)
                body += chartParagraph(charts.count)
            }
        }
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(nsW)" xmlns:r="\(nsR)" xmlns:wp="\(nsWP)" xmlns:a="\(nsA)" xmlns:c="\(nsC)">\
        <w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
        <w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>\
        </w:sectPr></w:body></w:document>
        """
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(charts: charts.count)),
            ("_rels/.rels", rootRels),
            ("docProps/core.xml", core(asOf: asOf)),
            ("docProps/app.xml", app),
            ("word/document.xml", document),
            ("word/styles.xml", styles),
            ("word/fontTable.xml", fontTable),
            ("word/settings.xml", settings),
            ("word/_rels/document.xml.rels", documentRels(charts: charts.count)),
        ]
        for (i, c) in charts.enumerated() { parts.append(("word/charts/chart\(i + 1).xml", chart(c))) }

        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed time (the as-of day, noon UTC) keeps the same bulletin byte-identical.
        let when = Date(timeIntervalSince1970: TimeInterval(asOf.dayNumber) * 86400 + 43200)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: when,
                                 compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        guard let out = archive.data else { throw DocxError.noArchive }
        return [UInt8](out)
    }

    enum DocxError: Error { case noArchive }

    // MARK: text

    /// The five XML escapes; characters XML 1.0 cannot carry become U+FFFD.
    public static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = u.value
                if v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000 {
                    out.unicodeScalars.append(u)
                } else {
                    out += "\u{FFFD}"
                }
            }
        }
        return out
    }

    /// Runs of one text: line breaks as `w:br`, tabs as `w:tab`.
    static func runs(_ s: String, props: String = "") -> String {
        var out = ""
        let lines = s.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            if i > 0 { out += "<w:r>\(props)<w:br/></w:r>" }
            let pieces = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (k, p) in pieces.enumerated() {
                if k > 0 { out += "<w:r>\(props)<w:tab/></w:r>" }
                if !p.isEmpty { out += "<w:r>\(props)<w:t xml:space=\"preserve\">\(xml(String(p)))</w:t></w:r>" }
            }
        }
        return out
    }

    static func paragraph(_ s: String, style: String?) -> String {
        let pPr = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(pPr)\(runs(s))</w:p>"
    }

    // MARK: tables

    /// A4 text width with the margins above: 11906 - 1588 - 1474 twips.
    static let textWidth = 8844

    static func table(header: [String], rows: [[String]]) -> String {
        let n = max(1, header.count)
        // Columns sized by their widest cell: 120 twips a display cell (小四, 12pt: a Chinese
        // character is two cells, 240 twips) plus the cell's margins. When they fit, the
        // spare width is shared in proportion; when not, the narrow columns (numbers, dates,
        // short names: 12 cells or less) keep their width and the wide ones share the rest.
        var cells = [Int](repeating: 2, count: n)
        for r in [header] + rows {
            for (i, c) in r.enumerated() where i < n { cells[i] = max(cells[i], DisplayWidth.of(c)) }
        }
        let need = cells.map { $0 * 120 + 240 }
        var grid: [Int]
        let total = need.reduce(0, +)
        let narrow = need.indices.filter { cells[$0] <= 12 }
        let fixed = narrow.reduce(0) { $0 + need[$1] }
        let wide = need.indices.filter { cells[$0] > 12 }
        if total <= textWidth || wide.isEmpty || textWidth - fixed < 1500 * wide.count {
            grid = need.map { $0 * textWidth / total }
        } else {
            grid = need
            let wideNeed = wide.reduce(0) { $0 + min(need[$1], 40 * 120 + 240) }
            for i in wide { grid[i] = min(need[i], 40 * 120 + 240) * (textWidth - fixed) / wideNeed }
        }
        grid[n - 1] += textWidth - grid.reduce(0, +)
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        var s = "<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        s += "<w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/>"
        s += "<w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
        s += "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar>"
        s += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
        s += "<w:tblGrid>" + grid.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        func row(_ cells: [String], head: Bool) -> String {
            var r = "<w:tr>" + (head ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            for i in 0..<n {
                let text = i < cells.count ? cells[i] : ""
                r += "<w:tc><w:tcPr><w:tcW w:w=\"\(grid[i])\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                r += "<w:p><w:pPr><w:pStyle w:val=\"\(head ? "TableHeader" : "TableText")\"/></w:pPr>\(runs(text))</w:p></w:tc>"
            }
            return r + "</w:tr>"
        }
        s += row(header, head: true)
        for r in rows { s += row(r, head: false) }
        return s + "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>"
    }

    // MARK: chart

    /// The chart in a paragraph of its own with single line spacing: the body's exact 28pt
    /// lines would clip an inline drawing to one line's height.
    static func chartParagraph(_ k: Int) -> String {
        // 15.5 cm x 8.5 cm
        """
        <w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/>\
        <w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">\
        <wp:extent cx="5580000" cy="3060000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>\
        <wp:docPr id="\(k)" name="Chart \(k)"/><wp:cNvGraphicFramePr/>\
        <a:graphic><a:graphicData uri="\(nsC)"><c:chart r:id="rIdChart\(k)"/></a:graphicData></a:graphic>\
        </wp:inline></w:drawing></w:r></w:p>
        """
    }

    static func col(_ i: Int) -> String { String(UnicodeScalar(UInt8(66 + i))) }  // B, C, D...

    static func chart(_ c: BulletinChart) -> String {
        let n = c.categories.count
        let colors = ["2E7D32", "C62828", "EF6C00", "1565C0", "6A1B9A"]
        func txPr(_ size: Int) -> String {
            "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(size)\"><a:latin typeface=\"\(latinFont)\"/><a:ea typeface=\"\(bodyFont)\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr>"
        }
        var cats = "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(n + 1)</c:f><c:strCache><c:ptCount val=\"\(n)\"/>"
        for (i, s) in c.categories.enumerated() { cats += "<c:pt idx=\"\(i)\"><c:v>\(xml(s))</c:v></c:pt>" }
        cats += "</c:strCache></c:strRef></c:cat>"
        var sers = ""
        for (k, s) in c.series.enumerated() {
            let L = col(k)
            sers += "<c:ser><c:idx val=\"\(k)\"/><c:order val=\"\(k)\"/>"
            sers += "<c:tx><c:strRef><c:f>Sheet1!$\(L)$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>\(xml(s.name))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
            sers += "<c:spPr><a:solidFill><a:srgbClr val=\"\(colors[k % colors.count])\"/></a:solidFill></c:spPr>"
            sers += "<c:invertIfNegative val=\"0\"/>"
            sers += "<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>\(txPr(900))<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
            sers += cats
            sers += "<c:val><c:numRef><c:f>Sheet1!$\(L)$2:$\(L)$\(n + 1)</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"\(n)\"/>"
            for (i, v) in s.values.enumerated() { sers += "<c:pt idx=\"\(i)\"><c:v>\(v)</c:v></c:pt>" }
            sers += "</c:numCache></c:numRef></c:val></c:ser>"
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <c:chartSpace xmlns:c="\(nsC)" xmlns:a="\(nsA)" xmlns:r="\(nsR)"><c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>\
        <c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"><a:latin typeface="\(latinFont)"/><a:ea typeface="\(headingFont)"/></a:defRPr></a:pPr>\
        <a:r><a:rPr lang="zh-CN" sz="1400" b="0"><a:latin typeface="\(latinFont)"/><a:ea typeface="\(headingFont)"/></a:rPr><a:t>\(xml(c.title))</a:t></a:r></a:p></c:rich></c:tx>\
        <c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>\
        <c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>\(sers)\
        <c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>\
        <c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>\
        <c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>\(txPr(1000))\
        <c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>\
        <c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>\
        <c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>\(txPr(1000))\
        <c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx></c:plotArea>\
        <c:legend><c:legendPos val="b"/><c:overlay val="0"/>\(txPr(1000))</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>\
        </c:chartSpace>
        """
    }

    // MARK: the fixed parts

    static let nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let nsWP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let nsA = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let nsC = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    static func contentTypes(charts: Int) -> String {
        var s = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
        """
        for k in stride(from: 1, through: charts, by: 1) {
            s += "<Override PartName=\"/word/charts/chart\(k).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
        }
        return s + "</Types>"
    }

    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
    </Relationships>
    """

    static func documentRels(charts: Int) -> String {
        var s = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
        """
        for k in stride(from: 1, through: charts, by: 1) {
            s += "<Relationship Id=\"rIdChart\(k)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"charts/chart\(k).xml\"/>"
        }
        return s + "</Relationships>"
    }

    static func core(asOf: PlanDate) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:creator>duban</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">\(asOf.iso)T12:00:00Z</dcterms:created>\
        </cp:coreProperties>
        """
    }

    static let app = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>duban</Application></Properties>
    """

    static let settings = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/>\
    <w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
    <w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>
    """

    static func rFonts(_ ea: String) -> String {
        "<w:rFonts w:ascii=\"\(latinFont)\" w:hAnsi=\"\(latinFont)\" w:eastAsia=\"\(ea)\" w:cs=\"\(latinFont)\" w:hint=\"eastAsia\"/>"
    }

    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
    <w:docDefaults><w:rPrDefault><w:rPr>\(rFonts(bodyFont))<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/>\
    <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr>\(rFonts(bodyFont))<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="BulletinTitle"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="BulletinAsOf"/><w:qFormat/>\
    <w:pPr><w:spacing w:before="240" w:after="120" w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>\
    <w:rPr>\(rFonts(titleFont))<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="BulletinAsOf"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:spacing w:after="240"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>\
    <w:rPr>\(rFonts(bodyFont))<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>\(rFonts(headingFont))<w:b w:val="0"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:spacing w:line="300" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>\
    <w:rPr>\(rFonts(bodyFont))<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="TableHeader"><w:name w:val="Table Header"/><w:basedOn w:val="TableText"/><w:qFormat/>\
    <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr>\(rFonts(headingFont))<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
    </w:styles>
    """

    /// Each font with the one Word falls back to (`w:altName`), its charset (86: GB2312) and family.
    static let fontTable: String = {
        func font(_ name: String, alt: String, family: String, panose: String) -> String {
            "<w:font w:name=\"\(name)\"><w:altName w:val=\"\(alt)\"/><w:panose1 w:val=\"\(panose)\"/><w:charset w:val=\"86\"/>"
                + "<w:family w:val=\"\(family)\"/><w:pitch w:val=\"variable\"/></w:font>"
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        \(font(titleFont, alt: "宋体", family: "script", panose: "02000000000000000000"))\
        \(font(headingFont, alt: "SimHei", family: "modern", panose: "02010609060101010101"))\
        \(font(bodyFont, alt: "仿宋", family: "modern", panose: "02010609030101010101"))\
        \(font("仿宋", alt: "FangSong", family: "modern", panose: "02010609060101010101"))\
        \(font("宋体", alt: "SimSun", family: "auto", panose: "02010600030101010101"))\
        <w:font w:name="\(latinFont)"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
        </w:fonts>
        """
    }()
}
