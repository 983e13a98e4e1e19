#!/usr/bin/env python3
"""Writes the notices of this folder and their expectations (expected.json, read by
Tests/DubanImportTests/MoreLayoutTests.swift; EXPECTED.md says the same in words).

Each notice is a different member of the families of issue 11 ("What real notices look like"),
written the way the offices write them; the task wordings and units come from pool.py.
Run: python3 make.py (from this folder). The files are committed; the script documents them."""
import json, os, zipfile
from pool import CITY, DISTRICT

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECT = {}

def write(name, data, expect):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    EXPECT[name] = expect

def sample(i, text, leads, cos, deadline=None, deadlineText=None, **more):
    d = {"index": i, "text": text, "leads": leads, "cos": cos, "deadline": deadline, "deadlineText": deadlineText}
    d.update(more)
    return d

CN = "一二三四五六七八九十"
DEADLINES_2025 = [("6月底前", "2025-06-30"), ("年底前", "2025-12-31"), ("第三季度末", "2025-09-30"),
                  ("10月15日前", "2025-10-15"), ("常态化", None), ("9月底前", "2025-09-30"),
                  ("上半年", "2025-06-30"), ("2025年11月底", "2025-11-30"), ("一季度", "2025-03-31"),
                  ("长期", None), ("12月底前", "2025-12-31"), ("三季度", "2025-09-30")]

# ---------------------------------------------------------------------------------------------
# 01 Word's "save as web page": GB2312, mso- styles, <span> and <o:p> in every cell, a 分值
# column, rowspan lead cells, chapter rows spanning the row, the header repeated after a page
# break (a second table), &nbsp; cells.
def word_html():
    def cell(text, extra="", bold=False):
        if text == "":
            inner = "<p class=MsoNormal><span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span></p>"
        else:
            lines = text.split("\n")
            ps = []
            for ln in lines:
                s = f"<span style='font-size:10.5pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>{ln}</span>"
                if bold: s = f"<b>{s}</b>"
                ps.append(f"<p class=MsoNormal align=left style='text-align:left;mso-pagination:widow-orphan'>{s}<span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span></p>")
            inner = "\n  ".join(ps)
        return f" <td {extra}valign=top style='border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n  {inner}\n  </td>\n"
    header = "<tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes;height:20.0pt'>\n" + "".join(
        cell(h, bold=True) for h in ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "分值"]) + "</tr>\n"
    tasks = CITY[:24]
    chapters = [("一、稳定经济增长", 8), ("二、推进城乡建设", 8), ("三、增进民生福祉", 8)]
    rows1, rows2 = [], []
    n = 0
    samples = []
    for ci, (title, k) in enumerate(chapters):
        target = rows1 if ci < 2 else rows2
        target.append("<tr style='height:18.0pt'>\n" + cell(title, extra="colspan=6 ", bold=True) + "</tr>\n")
        j = 0
        while j < k:
            text, leads, cos = tasks[n]
            # every third group: one lead cell over three rows (rowspan)
            span = 3 if (n % 8 == 2) else 1
            for s in range(span):
                t, l, c = tasks[n]
                dl, dd = DEADLINES_2025[n % len(DEADLINES_2025)]
                cells = cell(str(n + 1))
                cells += cell(t)
                if s == 0:
                    cells += cell("、".join(leads), extra=(f"rowspan={span} " if span > 1 else ""))
                cocell = "\n".join(c) if n % 4 == 1 else "、".join(c)
                if n % 7 == 5: cocell = ""; c = []
                cells += cell(cocell) + cell(dl) + cell(str(2 + n % 4))
                target.append("<tr style='height:30.0pt'>\n" + cells + "</tr>\n")
                if n in (0, 3, 4, 5, 13, 17, 23):
                    samples.append(sample(n, t, leads, c, dd, dl, score=str(2 + n % 4)))
                n += 1
                j += 1
    html = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>关于印发2025年市政府重点工作任务分解方案的通知</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>市政府办公室</o:Author>
  <o:Pages>6</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;mso-style-qformat:yes;margin:0cm;text-align:justify;text-justify:inter-ideograph;
	font-size:10.5pt;font-family:等线;}}
@page WordSection1 {{size:841.9pt 595.3pt;mso-page-orientation:landscape;}}
div.WordSection1 {{page:WordSection1;}}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>临江市人民政府办公室关于印发临江市2025年政府工作报告重点工作任务分解方案的通知<span lang=EN-US><o:p></o:p></span></span></b></p>
<p class=MsoNormal align=center style='text-align:center'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>临政办〔2025〕6号<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal><span style='font-size:16.0pt;font-family:仿宋_GB2312'>各区人民政府，市政府各部门：<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>现将《临江市2025年政府工作报告重点工作任务分解方案》印发给你们，请认真抓好落实，并于每季度末月25日前将进展情况报送市政府督查室。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal align=right style='text-align:right'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>临江市人民政府办公室<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal align=right style='text-align:right'><span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312'>2025</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>年<span lang=EN-US>2</span>月<span lang=EN-US>18</span>日<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal align=center style='text-align:center'><span style='font-size:18.0pt;font-family:方正小标宋简体'>临江市2025年政府工作报告重点工作任务分解方案<span lang=EN-US><o:p></o:p></span></span></p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=940
 style='width:705.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
{header}{''.join(rows1)}</table>
<span lang=EN-US style='font-size:10.5pt;font-family:等线'><br clear=all style='mso-special-character:line-break;page-break-before:always'>
</span>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=940
 style='width:705.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
{header}{''.join(rows2)}</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div>
</body>
</html>
"""
    write("01_word_export.html", html.replace("\n", "\r\n").encode("gb18030"), {
        "layout": "table", "tasks": 24, "topChapters": 3, "chapterTitles": ["稳定经济增长", "推进城乡建设", "增进民生福祉"],
        "samples": samples, "year": 2025})

# ---------------------------------------------------------------------------------------------
# Word files written by hand: the parts a .docx needs.
CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
DOCRELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"""
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def para(text, num=None, style=None, runs=None):
    ppr = ""
    if style: ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None: ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = '<w:pPr>' + ppr + '<w:spacing w:line="560" w:lineRule="exact"/></w:pPr>'
    rs = runs if runs is not None else [text]
    body = "".join(f'<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">{esc(r)}</w:t></w:r>' for r in rs)
    return f"<w:p>{ppr}{body}</w:p>"

def docx(name, body_xml, numbering_xml, expect):
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body_xml}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOCRELS)
        z.writestr("word/document.xml", doc)
        z.writestr("word/numbering.xml", numbering_xml)
        z.writestr("word/styles.xml", STYLES)
    EXPECT[name] = expect

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

# 02 A Word file whose numbers are all Word's: 一、 (level 0, by the heading style), （一） and 1.
# (levels 1 and 2 by numPr); each task followed by its label paragraphs.
def docx_numbering():
    body = []
    body.append(para("江州市2025年民生实事项目责任分解方案", runs=["江州市", "2025", "年民生实事项目责任分解方案"]))
    body.append(para("为确保2025年民生实事项目落到实处，经市政府同意，现将责任分解如下，请各牵头单位于2025年3月15日前制定具体实施方案报市政府督查室。"))
    groups = [("办好教育卫生实事", [("促进教育公平", 3), ("提升医疗服务", 3)]),
              ("办好城乡建设实事", [("改善居住条件", 4), ("完善交通设施", 2)]),
              ("办好社会保障实事", [("兜牢民生底线", 3), ("扩大就业岗位", 3)])]
    picks = [16, 17, 18, 19, 20, 21, 6, 7, 36, 45, 22, 23, 43, 30, 4, 42, 44, 5]
    n = 0
    samples = []
    dls = [("2025年6月底前", "2025-06-30"), ("2025年12月底前", "2025-12-31"), ("2025年9月底前", "2025-09-30"),
           ("持续推进", None), ("2025年10月15日前", "2025-10-15"), ("第三季度末", "2025-09-30")]
    for gi, (g, secs) in enumerate(groups):
        body.append(para(g, style="1"))
        for s, k in secs:
            body.append(para(s, num=(1, 1)))
            for j in range(k):
                t, leads, cos = CITY[picks[n] % len(CITY)]
                if n == 4:
                    t = "6月底前完成市第一人民医院新院区主体工程建设"
                body.append(para(t + "。", num=(1, 2)))
                dl, dd = dls[n % len(dls)]
                if n % 5 == 2:
                    body.append(para(f"牵头单位：{'、'.join(leads)}；配合单位：{'、'.join(cos)}"))
                else:
                    body.append(para(f"牵头单位：{'、'.join(leads)}"))
                    body.append(para(f"配合单位：{'、'.join(cos)}"))
                if n == 4:
                    dl, dd = None, "2025-06-30"
                else:
                    body.append(para(f"完成时限：{dl}"))
                if n in (0, 2, 4, 7, 11, 17):
                    samples.append(sample(n, t + "。", leads, cos, dd, dl if dl else "6月底前", number=str(j + 1)))
                n += 1
    body.append(para(""))
    body.append(para("江州市人民政府办公室"))
    body.append(para("2025年2月28日"))
    docx("02_word_numbering.docx", "".join(body), NUMBERING, {
        "layout": "outline", "tasks": 18, "topChapters": 3, "chapterTitles": [g for g, _ in groups],
        "samples": samples, "year": 2025})

# 03 A Word file with the task table: w:tblHeader header (Word repeats it on each page; here also
# typed again after a page break), chapter rows by w:gridSpan, lead cells by w:vMerge.
def docx_table():
    def tc(text, span=1, vmerge=None):
        pr = ""
        if span > 1: pr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge == "restart": pr += '<w:vMerge w:val="restart"/>'
        elif vmerge == "cont": pr += "<w:vMerge/>"
        ps = "".join(para(x) for x in (text.split("\n") if text else [""]))
        return '<w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/>' + pr + '</w:tcPr>' + ps + '</w:tc>'
    def tr(cells, header=False):
        pr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
        return f"<w:tr>{pr}{''.join(cells)}</w:tr>"
    heads = ["序号", "重点工作", "目标任务", "牵头单位", "配合单位", "完成时间"]
    rows = [tr([tc(h) for h in heads], header=True)]
    chapters = [("一、扩大有效投资", 7), ("二、推动产业升级", 7), ("三、守牢安全底线", 6)]
    picks = list(range(2, 22))
    n = 0
    samples = []
    dls = [("2025年6月", "2025-06-30"), ("2025年12月", "2025-12-31"), ("2025年9月底", "2025-09-30"),
           ("全年", "2025-12-31"), ("常态化推进", None)]
    works = ["项目建设", "城市更新", "产业培育", "科技创新", "安全发展"]
    for ci, (title, k) in enumerate(chapters):
        if ci == 2:
            rows.append(tr([tc(h) for h in heads]))   # the header typed again after a page break
        rows.append(tr([tc(title, span=6)]))
        for j in range(k):
            t, leads, cos = CITY[picks[n]]
            # the first two rows of each chapter share one lead cell (vMerge)
            if j == 1:
                leads = prev_leads
                lead_cell = tc("", vmerge="cont")
            elif j == 0:
                lead_cell = tc("\n".join(leads), vmerge="restart")
            else:
                lead_cell = tc("、".join(leads))
            dl, dd = dls[n % len(dls)]
            work = works[n % len(works)]
            cells = [tc(str(n + 1)), tc(work), tc(t), lead_cell, tc("\n".join(cos) if n % 3 == 0 else "、".join(cos)), tc(dl)]
            rows.append(tr(cells))
            if n in (0, 1, 7, 8, 14, 19):
                samples.append(sample(n, work, leads, cos, dd, dl, textContains=t))
            prev_leads = leads
            n += 1
    grid = '<w:gridCol w:w="1500"/>' * 6
    tbl = '<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr><w:tblGrid>' + grid + '</w:tblGrid>' + ''.join(rows) + '</w:tbl>'
    body = [para("附件"), para("清河县2025年重点项目和重点工作推进计划表"), tbl, para("")]
    docx("03_word_table.docx", "".join(body), NUMBERING, {
        "layout": "table", "tasks": 20, "topChapters": 3, "chapterTitles": ["扩大有效投资", "推动产业升级", "守牢安全底线"],
        "samples": samples, "year": 2025})

# ---------------------------------------------------------------------------------------------
# 04 A table flattened one cell a line (copied from a PDF or a page), GBK, CRLF; 序号 present,
# empty 配合单位 cells written as "/", the notice's own chapters as lines.
def cells_per_line():
    out = ["南湖区人民政府办公室关于印发2024年区政府重点工作责任分解的通知", "南府办〔2024〕5号",
           "各街道办事处，区政府各部门：", "经区政府同意，现将2024年区政府重点工作责任分解表印发给你们，请于7月5日前报送上半年工作进展。",
           "南湖区人民政府办公室", "2024年3月12日", "附件", "2024年区政府重点工作责任分解表",
           "序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    chapters = [("一、着力稳增长促转型", 6), ("二、着力抓建设优环境", 7), ("三、着力保民生促和谐", 7)]
    dls = [("6月底前", "2024-06-30"), ("年底前", "2024-12-31"), ("9月底前", "2024-09-30"), ("长期", None), ("11月底前", "2024-11-30")]
    n = 0
    samples = []
    for title, k in chapters:
        out.append(title)
        for j in range(k):
            t, lead, cos = DISTRICT[n]
            cocell = "、".join("区" + c if not c.startswith("各") else c for c in cos)
            cosx = ["区" + c if not c.startswith("各") else c for c in cos]
            if n in (8, 17):
                cocell = "/"; cosx = []
            dl, dd = dls[n % len(dls)]
            out += [str(n + 1), t, lead, cocell, dl]
            if n in (0, 5, 8, 12, 17, 19):
                samples.append(sample(n, t, [lead], cosx, dd, dl))
            n += 1
    text = "\r\n".join(out) + "\r\n"
    write("04_cells_per_line_gbk.txt", text.encode("gbk"), {
        "layout": "flatTable", "tasks": 20, "topChapters": 3, "chapterTitles": [c[2:] for c, _ in chapters],
        "samples": samples, "year": 2024})

# ---------------------------------------------------------------------------------------------
# 05 One row a line, ASCII '.' as the sentence stop, figures such as 47.1%, the header on a line
# of its own, chapter lines between rows, a number that skips (the office deleted two rows),
# UTF-8 with a BOM.
def row_per_line():
    out = ["\ufeff丰城市2023年国民经济和社会发展主要目标任务分解", "各乡镇人民政府,市政府各部门:",
           "现将2023年主要目标任务分解下达,请认真组织实施.", "序号 目标任务 责任单位"]
    rows = [
        ("一、经济发展", [
            ("地区生产总值增长6.5%左右.", ["发改委", "统计局"]),
            ("一般公共预算收入增长5%,税收占比达到73.5%.", ["财政局", "税务局"]),
            ("规模以上工业增加值增长8%.", ["工信局"]),
            ("固定资产投资增长7%,民间投资占比47.1%.", ["发改委"]),
            ("社会消费品零售总额增长7.5%.", ["商务局"]),
            ("实际利用外资1.2亿美元.", ["商务局", "招商中心"]),
            ("外贸进出口总额增长3%.", ["商务局"]),
            ("高新技术产业增加值占规上工业增加值比重达到40.5%.", ["科技局", "工信局"]),
        ]),
        ("二、社会民生", [
            ("城镇新增就业6500人,城镇登记失业率控制在4.5%以内.", ["人社局"]),
            ("城镇居民人均可支配收入增长6.5%.", ["统计局"]),
            ("农村居民人均可支配收入增长7.5%.", ["农业农村局", "统计局"]),
            ("居民消费价格涨幅控制在3%左右.", ["发改委", "市场监管局"]),
            ("人口自然增长率控制在6.5‰以内.", ["卫健委"]),
            ("九年义务教育巩固率达到98.5%.", ["教育局"]),
            ("基本医疗保险参保率稳定在95%以上.", ["医保局"]),
            ("新建农村公路提档升级120公里.", ["交通运输局"]),
        ]),
        ("三、生态环境", [
            ("单位GDP能耗下降2.6%.", ["发改委"]),
            ("PM2.5平均浓度控制在35微克/立方米以下.", ["生态环境局"]),
            ("森林覆盖率稳定在46.2%.", ["林业局"]),
            ("城市生活垃圾无害化处理率达到100%.", ["城管局"]),
            ("地表水考核断面水质达标率100%.", ["生态环境局", "水利局"]),
            ("完成营造林4.5万亩.", ["林业局"]),
        ]),
    ]
    n = 0
    number = 0
    samples = []
    for title, items in rows:
        out.append(title)
        for text, units in items:
            number += 1
            if number == 14:
                number = 16   # 14 and 15 were struck out in the final draft: 13 then 16
            out.append(f"{number} {text} {'、'.join(units)}")
            if n in (0, 1, 3, 12, 13, 21):
                samples.append(sample(n, text, units[:1], units[1:], None, None, number=str(number)))
            n += 1
    out += ["", "丰城市人民政府", "2023年1月30日"]
    write("05_row_per_line_bom.txt", ("\n".join(out) + "\n").encode("utf-8"), {
        "layout": "rowPerLine", "tasks": 22, "topChapters": 3, "chapterTitles": ["经济发展", "社会民生", "生态环境"],
        "samples": samples, "year": 2023, "note": "a single 责任单位 column: the first listed leads"})

# ---------------------------------------------------------------------------------------------
# 06 A crawled page: the whole page on one line, page chrome, the letter, the header, chapter
# rows and rows separated only by spaces, the footer glued after the last row.
def crawl():
    parts = ["首页 > 政务公开 > 通知公告", "关于印发《石门县2024年重点民生实事分解方案》的通知", "发布时间:2024-02-26 10:15",
             "来源:县政府办", "【字体:大 中 小】", "各乡镇人民政府、街道办事处,县直各单位:", "现将《石门县2024年重点民生实事分解方案》印发给你们,请认真组织实施.",
             "序号 工作任务 责任单位"]
    rows = [
        ("一、就业和社会保障", [("城镇新增就业3500人.", ["县人社局"]), ("新增农村劳动力转移就业4000人.", ["县人社局", "县农业农村局"]),
                         ("城乡居民基本养老保险参保率稳定在95%以上.", ["县人社局", "县税务局"]), ("发放城乡低保金1.2亿元.", ["县民政局"]),
                         ("建成村级互助养老服务点20个.", ["县民政局"]), ("完成困难残疾人家庭无障碍改造150户.", ["县残联"])]),
        ("二、教育和卫生健康", [("新建改扩建幼儿园3所,新增学位540个.", ["县教育局"]), ("完成农村义务教育学校薄弱环节改善项目12个.", ["县教育局", "县财政局"]),
                         ("为65岁以上老年人免费健康体检3.6万人次.", ["县卫健局"]), ("完成适龄妇女两癌免费筛查1.5万人.", ["县卫健局", "县妇联"]),
                         ("建成县域医共体信息平台.", ["县卫健局"]), ("新建乡镇卫生院发热门诊4个.", ["县卫健局"])]),
        ("三、城乡基础设施", [("改造农村公路危桥15座.", ["县交通运输局"]), ("新建农村安全饮水工程8处,惠及群众2.3万人.", ["县水利局"]),
                         ("改造城镇老旧小区6个.", ["县住建局"]), ("新增城区公共停车位800个.", ["县住建局", "县公安局"]),
                         ("完成农村户厕改造2000户.", ["县农业农村局"]), ("建设城区口袋公园5个.", ["县住建局"])]),
    ]
    n = 0
    samples = []
    for title, items in rows:
        parts.append(title)
        for text, units in items:
            parts.append(f"{n + 1} {text} {'、'.join(units)}")
            if n in (0, 1, 6, 9, 15, 17):
                samples.append(sample(n, text, units[:1], units[1:], None, None, number=str(n + 1)))
            n += 1
    parts += ["石门县人民政府办公室", "2024年2月23日", "主办:石门县人民政府办公室 地址:石门县宝峰街道 电话:0736-5322110 湘ICP备05001234号"]
    write("06_crawl_one_line.txt", " ".join(parts).encode("utf-8"), {
        "layout": "rowPerLine", "tasks": 18, "topChapters": 3, "chapterTitles": ["就业和社会保障", "教育和卫生健康", "城乡基础设施"],
        "samples": samples, "year": 2024, "warned": True})

# ---------------------------------------------------------------------------------------------
# 07 Prose responsibility at the end of each item: (X牵头，Y、Z配合), X牵头，各街道按职责分工负责,
# （责任单位：A、B、C）, units after the first without their 区, Z落实.
def prose():
    out = ["高新区2025年重点工作任务", "一、推动经济高质量发展"]
    samples = []
    n = 0
    forms = []
    for i, (t, lead, cos) in enumerate(DISTRICT):
        k = i % 5
        if k == 0:
            line, l, c = f"{t}。（{lead}牵头，{'、'.join(cos)}配合）", [lead], cos
        elif k == 1:
            line, l, c = f"{t}。{lead}牵头，{'、'.join(cos)}按职责分工负责。", [lead], cos
        elif k == 2:
            line, l, c = f"{t}。（责任单位：{lead}、{'、'.join(cos)}）", [lead], cos
        elif k == 3:
            line, l, c = f"{t}。（牵头单位：{lead}；配合单位：{'、'.join(cos)}）", [lead], cos
        else:
            line, l, c = f"{t}，{lead}负责。", [lead], []
        forms.append((line, l, c, t))
    chapters = [("一、推动经济高质量发展", 0), ("二、建设宜居城市", 5), ("三、增进民生福祉", 10), ("四、提升治理效能", 15)]
    out = ["高新区2025年重点工作任务"]
    for i, (line, l, c, t) in enumerate(forms):
        for title, start in chapters:
            if start == i: out.append(title)
        out.append(f"{i + 1}.{line}")
        if i in (0, 1, 2, 3, 4, 12, 19):
            text = line[:line.index("。") + 1] if i % 5 != 4 else None
            samples.append(sample(i, text if text else t, l, c, None, None, number=str(i + 1)))
    write("07_prose_responsibility.txt", ("\n".join(out) + "\n").encode("utf-8"), {
        "layout": "inlineResponsibility", "tasks": 20, "topChapters": 4, "chapterTitles": [c[2:] for c, _ in chapters],
        "samples": samples, "year": 2025, "textPrefixOnly": True})

# ---------------------------------------------------------------------------------------------
# 08 Labels glued on one line (牵头单位：X配合单位：Y完成时限：Z), full-width digits and spaces,
# CRLF, ideographic-space indentation.
FW = str.maketrans("0123456789", "０１２３４５６７８９")
def glued_labels():
    out = ["关于印发《云溪市２０２５年优化营商环境重点任务清单》的通知", "　　各区人民政府，市政府各部门：",
           "　　现将清单印发给你们，请各牵头单位于每月５日前报送上月进展。", "一、提升政务服务效能"]
    picks = [14, 15, 26, 27, 28, 12, 34, 35, 41, 42, 44, 45, 47, 48, 9]
    dls = [("２０２５年６月底前", "2025-06-30"), ("２０２５年１２月底前", "2025-12-31"), ("常态化", None), ("２０２５年９月３０日前", "2025-09-30"), ("第三季度末", "2025-09-30")]
    samples = []
    for i, p in enumerate(picks):
        if i == 5: out.append("二、优化市场环境")
        if i == 10: out.append("三、强化要素保障")
        t, leads, cos = CITY[p]
        num = str(i + 1).translate(FW)
        out.append(f"　　{num}．{t.translate(FW)}。")
        dl, dd = dls[i % len(dls)]
        out.append(f"　　牵头单位：{'、'.join(leads)}配合单位：{'、'.join(cos)}完成时限：{dl}")
        if i in (0, 2, 3, 7, 14):
            samples.append(sample(i, t.translate(FW) + "。", leads, cos, dd, dl))
    out += ["", "云溪市人民政府办公室", "２０２５年３月１日"]
    write("08_glued_labels_fullwidth.txt", ("\r\n".join(out) + "\r\n").encode("utf-8"), {
        "layout": "outline", "tasks": 15, "topChapters": 3, "chapterTitles": ["提升政务服务效能", "优化市场环境", "强化要素保障"],
        "samples": samples, "year": 2025})

# ---------------------------------------------------------------------------------------------
# 09 Every deadline form, in labels and in the text; dates in the covering letter; the signature
# and date line after the last task.
def deadlines():
    out = ["东阳市人民政府办公室关于分解落实2025年市政府重点工作的通知", "东政办发〔2025〕9号",
           "各镇人民政府、街道办事处，市政府各部门：", "请各责任单位于2025年6月30日前报送上半年落实情况，12月20日前报送全年落实情况。"]
    forms = [
        ("完成时限：6月底前", "2025-06-30", "6月底前", []),
        ("完成时限：6月底", "2025-06-30", "6月底", []),
        ("完成时限：年底前", "2025-12-31", "年底前", []),
        ("完成时限：2025年11月底", "2025-11-30", "2025年11月底", []),
        ("完成时限：三季度", "2025-09-30", "三季度", []),
        ("完成时限：第三季度末", "2025-09-30", "第三季度末", []),
        ("完成时限：一季度前", "2025-03-31", "一季度前", []),
        ("完成时限：上半年", "2025-06-30", "上半年", []),
        ("完成时限：10月15日前", "2025-10-15", "10月15日前", []),
        ("时间节点：3月底前完成方案设计；6月底前开工建设；11月底前建成投用", "2025-11-30", "3月底前完成方案设计；6月底前开工建设；11月底前建成投用", ["2025-03-31", "2025-06-30", "2025-11-30"]),
        ("完成时限：长期", None, "长期", []),
        ("完成时限：常态化", None, "常态化", []),
        ("完成时限：持续推进", None, "持续推进", []),
        ("完成时限：按年度", None, "按年度", []),
        (None, "2025-12-31", None, []),   # says nothing: assumed
        ("进度安排：一季度启动，三季度完成", "2025-09-30", "一季度启动，三季度完成", ["2025-03-31", "2025-09-30"]),
    ]
    out.append("一、重大项目")
    samples = []
    for i, (lab, dd, dtext, ms) in enumerate(forms):
        if i == 8: out.append("二、城市建设与民生")
        t, leads, cos = CITY[(i * 3) % len(CITY)]
        out.append(f"{i + 1}.{t}。")
        out.append(f"牵头单位：{'、'.join(leads)}")
        out.append(f"配合单位：{'、'.join(cos)}")
        if lab: out.append(lab)
        samples.append(sample(i, t + "。", leads, cos, dd, dtext, assumed=(lab is None), milestones=ms))
    out += ["东阳市人民政府办公室", "2025年3月20日"]
    write("09_every_deadline.txt", ("\n".join(out) + "\n").encode("utf-8"), {
        "layout": "outline", "tasks": 16, "topChapters": 2, "chapterTitles": ["重大项目", "城市建设与民生"],
        "samples": samples, "year": 2025})

# ---------------------------------------------------------------------------------------------
# 10 The units only in an attachment: items with no responsibility anywhere, an 附件 line naming
# the spreadsheet. A right import: the tasks, no units, one warning naming the attachment.
def attachment_units():
    out = ["宁海县2025年政府工作报告重点任务", "各乡镇人民政府、街道办事处，县政府各部门、各直属单位：",
           "现将2025年政府工作报告重点任务印发给你们，各项任务的责任单位和完成时限见附件，请认真抓好落实。",
           "附件：宁海县2025年政府工作报告重点任务责任分工表.xlsx"]
    items = [CITY[i][0] for i in (0, 2, 3, 6, 8, 9, 13, 16, 17, 20, 21, 23, 25, 36, 43)]
    out.append("一、稳增长")
    for i, t in enumerate(items):
        if i == 5: out.append("二、促发展")
        if i == 10: out.append("三、惠民生")
        out.append(f"{i + 1}.{t}。")
    out += ["宁海县人民政府", "2025年2月10日"]
    samples = [sample(0, items[0] + "。", [], [], None, None), sample(14, items[14] + "。", [], [], None, None)]
    write("10_units_in_attachment.txt", ("\n".join(out) + "\n").encode("utf-8"), {
        "layout": "outline", "tasks": 15, "topChapters": 3, "chapterTitles": ["稳增长", "促发展", "惠民生"],
        "samples": samples, "year": 2025, "warningContains": "宁海县2025年政府工作报告重点任务责任分工表.xlsx"})

# ---------------------------------------------------------------------------------------------
# 11 A long outline: sections ending with 。, numbers continuing across chapters and skipping
# (34 then 37), a chapter heading repeated at a page break (五、 twice, with （续）), 责任单位 lines
# putting the leads before the comma.
def long_outline():
    out = ["青阳市2025年政府工作报告重点工作责任分工", "一、经济发展"]
    samples = []
    number = 0
    n = 0
    chapter_plan = [("一、经济发展", 8), ("二、改革开放", 8), ("三、城乡建设", 8), ("四、生态环境", 8), ("五、民生保障", 8)]
    out = ["青阳市2025年政府工作报告重点工作责任分工"]
    for ci, (title, k) in enumerate(chapter_plan):
        out.append(title)
        out.append(f"（{CN[ci]}）{['着力扩大有效需求。', '持续深化改革。', '提升城市品质。', '建设美丽青阳。', '办好民生实事。'][ci]}")
        for j in range(k):
            number += 1
            if number == 35: number = 37
            if ci == 4 and j == 4:
                out.append("五、民生保障（续）")
            t, leads, cos = CITY[n % len(CITY)]
            out.append(f"{number}.{t}。")
            out.append(f"责任单位：{'、'.join(leads)}，{'、'.join(cos)}")
            if n in (0, 9, 33, 34, 36, 39):
                samples.append(sample(n, t + "。", leads, cos, None, None, number=str(number)))
            n += 1
    write("11_long_outline_repeat_skip.txt", ("\n".join(out) + "\n").encode("utf-8"), {
        "layout": "numberedItems", "tasks": 40, "topChapters": 5, "chapterTitles": [c[2:] for c, _ in chapter_plan],
        "samples": samples, "year": 2025})

# ---------------------------------------------------------------------------------------------
# 12 A government site's page: the content inside a layout table (the task table nested in it),
# GBK meta charset, <br> between units in a cell, &nbsp; cells, a 目标值 column of bare numbers.
def nested_html():
    rows = []
    targets = ["186", "6.5", "18.4", "5", "3500", "95", "1.2", "47.1", "30", "100", "12", "4.5", "2000", "98", "15", "350", "8"]
    samples = []
    names = [("地区生产总值", "亿元"), ("规上工业增加值增速", "%"), ("固定资产投资", "亿元"), ("社会消费品零售总额增速", "%"),
             ("城镇新增就业", "人"), ("城镇化率", "%"), ("实际利用外资", "亿美元"), ("服务业增加值占比", "%"),
             ("新增高新技术企业", "家"), ("集中式饮用水源地水质达标率", "%"), ("新增省级以上研发平台", "个"), ("城镇调查失业率", "%"),
             ("新增养老床位", "张"), ("食品抽检合格率", "%"), ("新建改建中小学", "所"), ("一般公共预算收入", "亿元"), ("新增上市企业", "家")]
    units = [["区发改局", "区统计局"], ["区工信局"], ["区发改局"], ["区商务局", "区统计局"], ["区人社局"], ["区住建局", "区统计局"], ["区商务局"],
             ["区发改局"], ["区科技局"], ["区生态环境分局"], ["区科技局"], ["区人社局"], ["区民政局"], ["区市场监管局"], ["区教育局"], ["区财政局", "区税务局"], ["区金融办"]]
    for i, ((name, unit), tg, us) in enumerate(zip(names, targets, units)):
        ucell = "<br>".join(us) if i % 2 == 0 else "、".join(us)
        remark = "&nbsp;" if i % 3 else "约束性指标"
        rows.append(f"<tr><td align=center>{i + 1}</td><td>{name}（{unit}）</td><td align=center>{tg}</td><td>{ucell}</td><td>{remark}</td></tr>")
        if i in (0, 2, 3, 7, 16):
            samples.append(sample(i, f"{name}（{unit}）", us[:1], us[1:], None, None, number=str(i + 1), goal=tg))
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" /><title>汉川区2025年主要经济社会发展指标分解表_通知公告_汉川区人民政府</title>
<link href="/css/style.css" rel="stylesheet" type="text/css" /><script type="text/javascript">var _hmt = _hmt || []; if (a < b && c > d) {{ }}</script></head>
<body><table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top"><tr><td><img src="/images/logo.png" /></td><td><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td class="lmdh">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></td></tr>
<tr><td class="content">
<div class="title">汉川区2025年主要经济社会发展指标分解表</div>
<div class="info">发布时间：2025-01-20&nbsp;&nbsp;信息来源：区发改局&nbsp;&nbsp;浏览次数：<span id="hits">386</span></div>
<p>&nbsp;&nbsp;&nbsp;&nbsp;根据区十八届人大四次会议审议通过的《政府工作报告》，现将2025年主要经济社会发展指标分解如下，请各责任单位认真落实。</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">
<tr><td align=center><strong>序号</strong></td><td align=center><strong>指标名称</strong></td><td align=center><strong>目标值</strong></td><td align=center><strong>责任单位</strong></td><td align=center><strong>备注</strong></td></tr>
{chr(10).join(rows)}
</table>
<p align="right">汉川区人民政府办公室<br />2025年1月18日</p>
</td></tr></table>
<table width="1000" border="0" align="center" class="foot"><tr><td>主办：汉川区人民政府办公室&nbsp;&nbsp;地址：汉川区人民路1号&nbsp;&nbsp;电话：0712-8888888<br />鄂ICP备12003456号&nbsp;&nbsp;网站标识码：4209840001</td></tr></table>
</body></html>
"""
    write("12_nested_layout_table.html", html.encode("gbk"), {
        "layout": "table", "tasks": 17, "topChapters": 0, "chapterTitles": [], "samples": samples, "year": 2025})

# ---------------------------------------------------------------------------------------------
# 13 A web page with a two-row header (责任单位 over 牵头 / 配合), a 责任领导 column and a
# 时间节点 column with several dated nodes in one cell (joined by <br>), UTF-8 with a BOM.
def two_row_header():
    rows = []
    samples = []
    picks = [6, 7, 9, 10, 21, 22, 23, 36, 37, 39, 45, 46, 48, 24, 29]
    leaders = ["张卫东", "李明华", "王 强", "陈晓燕", "刘建国"]
    chapters = {0: "一、城市建设", 8: "二、乡村振兴和文旅"}
    for i, p in enumerate(picks):
        if i in chapters:
            rows.append(f"<tr><td colspan=\"6\" style=\"font-weight:bold\">{chapters[i]}</td></tr>")
        t, leads, cos = CITY[p]
        if i % 3 == 0:
            node = "3月底前完成项目立项<br>6月底前开工建设<br>12月底前完工"
            dd, ms = "2025-12-31", ["2025-03-31", "2025-06-30", "2025-12-31"]
            dtext = "3月底前完成项目立项；6月底前开工建设；12月底前完工"
        elif i % 3 == 1:
            node, dd, ms, dtext = "2025年9月底前", "2025-09-30", [], "2025年9月底前"
        else:
            node, dd, ms, dtext = "持续推进", None, [], "持续推进"
        leader = leaders[i % len(leaders)]
        rows.append(f"<tr><td>{i + 1}</td><td>{t}</td><td>{leader}</td><td>{'、'.join(leads)}</td><td>{'<br>'.join(cos)}</td><td>{node}</td></tr>")
        if i in (0, 1, 2, 8, 14):
            samples.append(sample(i, t, leads, cos, dd, dtext, leaders=[leader.replace(" ", "")], milestones=ms))
    html = f"""\ufeff<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>2025年城建重点项目推进表</title></head>
<body>
<div class="article">
<h1>北仑市2025年城乡建设重点工作推进表</h1>
<p class="source">来源：市住建局 发布时间：2025-02-14</p>
<table class="MsoTable" border="1">
<thead>
<tr><td rowspan="2">序号</td><td rowspan="2">工作内容</td><td rowspan="2">责任领导</td><td colspan="2">责任单位</td><td rowspan="2">时间节点</td></tr>
<tr><td>牵头</td><td>配合</td></tr>
</thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
</div></body></html>
"""
    write("13_two_row_header_bom.html", html.encode("utf-8"), {
        "layout": "table", "tasks": 15, "topChapters": 2, "chapterTitles": ["城市建设", "乡村振兴和文旅"],
        "samples": samples, "year": 2025})

# ---------------------------------------------------------------------------------------------
# 14 一、 items that are themselves the tasks, each with 牵头单位 / 责任单位 lines (责任单位 after
# a 牵头 line are co-units), a covering letter numbered 一、二、 before the plan, GB18030 text.
def yi_items():
    out = ["关于做好2025年全市河湖长制重点工作的通知", "各县（市、区）河长办：",
           "一、高度重视。各地要把河湖长制工作摆上重要议事日程。", "二、按时报送。请于2025年4月10日前报送工作计划。",
           "附件", "2025年全市河湖长制重点工作任务"]
    tasks = [("开展河湖“清四乱”常态化规范化整治", ["市水利局"], ["市自然资源和规划局", "市生态环境局"], "常态化", None),
             ("完成幸福河湖建设12条", ["市水利局"], ["各县（市、区）政府"], "年底前", "2025-12-31"),
             ("推进入河排污口排查整治，完成整治率90%以上", ["市生态环境局"], ["市水利局", "市住建局"], "9月底前", "2025-09-30"),
             ("实施农业面源污染治理，化肥农药使用量零增长", ["市农业农村局"], ["市生态环境局"], "年底前", "2025-12-31"),
             ("开展饮用水水源地保护专项行动", ["市生态环境局"], ["市水利局", "市卫生健康委"], "6月底前", "2025-06-30"),
             ("推进河道采砂规范管理，严厉打击非法采砂", ["市水利局"], ["市公安局", "市交通运输局"], "长期", None),
             ("完成小型水库除险加固20座", ["市水利局"], ["市财政局"], "汛前", None),
             ("推进城市黑臭水体治理长效机制建设", ["市住建局"], ["市生态环境局", "市城管局"], "年底前", "2025-12-31"),
             ("建立河湖健康评价体系，完成重点河湖健康评价15条", ["市水利局"], ["市生态环境局"], "11月底前", "2025-11-30"),
             ("开展河湖长制工作考核和激励", ["市河长办"], ["市委组织部", "市财政局"], "按年度", None),
             ("加强河湖管理保护宣传，开展“河小青”志愿活动", ["市河长办"], ["团市委", "市教育局"], "持续推进", None),
             ("推进智慧河湖建设，建成河湖管理信息平台", ["市水利局"], ["市数据资源局"], "第三季度末", "2025-09-30"),
             ("完成河湖岸线保护利用规划编制", ["市水利局"], ["市自然资源和规划局"], "上半年", "2025-06-30"),
             ("落实河湖长巡河制度，县级河长每季度巡河不少于1次", ["市河长办"], ["各县（市、区）河长办"], "常态化", None),
             ("开展跨界河流联防联控", ["市河长办"], ["市水利局", "市生态环境局"], "长期", None)]
    samples = []
    for i, (t, leads, cos, dl, dd) in enumerate(tasks):
        out.append(f"{CN[i] if i < 10 else '十' + CN[i - 10]}、{t}")
        out.append(f"牵头单位：{'、'.join(leads)}")
        out.append(f"责任单位：{'、'.join(cos)}")
        out.append(f"完成时限：{dl}")
        if i in (0, 1, 6, 9, 14):
            samples.append(sample(i, t, leads, [c.replace("（", "(").replace("）", ")") for c in cos], dd or ("2025-12-31" if dl == "汛前" else None), dl, assumed=(dl == "汛前")))
    out += ["", "市河长制办公室", "2025年3月28日"]
    write("14_yi_items_are_tasks_gb18030.txt", ("\n".join(out) + "\n").encode("gb18030"), {
        "layout": "outline", "tasks": 15, "topChapters": 0, "chapterTitles": [], "samples": samples, "year": 2025,
        "note": "汛前 names no date the program can read: kept as written, year end assumed, warned"})

# ---------------------------------------------------------------------------------------------
# 15 A page whose chapter rows were not merged: the chapter in the 工作任务 cell, the others
# empty; <th> header; 序号 `1.`; one 责任单位 column with the lead marked （牵头） or ★, else first.
def unmerged_chapters():
    rows, samples = [], []
    picks = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    chapters = {0: "一、稳增长", 7: "二、促转型", 14: "三、惠民生"}
    dls = [("2025年6月30日", "2025-06-30"), ("年内", "2025-12-31"), ("长期", None), ("三季度", "2025-09-30"), ("2025年10月", "2025-10-31")]
    for i, p in enumerate(picks):
        if i in chapters:
            rows.append(f"<tr><td>&nbsp;</td><td><b>{chapters[i]}</b></td><td>&nbsp;</td><td>&nbsp;</td></tr>")
        t, leads, cos = CITY[p]
        if i % 3 == 0: cell = leads[0] + "（牵头）、" + "、".join(cos)
        elif i % 3 == 1: cell = "、".join(cos[:1]) + "、" + leads[0] + "★" + ("、" + "、".join(cos[1:]) if cos[1:] else "")
        else: cell = "、".join(leads + cos)
        want_cos = cos if i % 3 != 1 else cos[:1] + cos[1:]
        dl, dd = dls[i % len(dls)]
        rows.append(f"<tr><td>{i + 1}.</td><td>{t}</td><td>{cell}</td><td>{dl}</td></tr>")
        if i in (0, 1, 2, 7, 13, 19):
            samples.append(sample(i, t, leads, want_cos, dd, dl, number=str(i + 1)))
    html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>桐城市2025年重点工作任务分解表</title></head><body>\n"
            "<p>关于印发桐城市2025年重点工作任务分解表的通知</p>\n<p>各乡镇人民政府，市政府各部门：现将分解表印发给你们，请于2025年7月10日前报送半年进展。</p>\n"
            "<table border=\"1\" cellspacing=\"0\">\n<tr><th>序号</th><th>工作任务</th><th>责任单位</th><th>完成时限</th></tr>\n" + "\n".join(rows) + "\n</table>\n"
            "<p>桐城市人民政府办公室</p><p>2025年2月20日</p></body></html>\n")
    write("15_unmerged_chapter_rows.html", html.encode("gb2312"), {
        "layout": "table", "tasks": 20, "topChapters": 3, "chapterTitles": ["稳增长", "促转型", "惠民生"], "samples": samples, "year": 2025})

# 16 Text with one row a line, cells split by tabs (a table copied from a sheet), chapter lines
# between the rows, a title giving the year.
def tabbed_rows():
    out = ["梅州市2024年为民办实事项目责任分解表", "序号\t项目内容\t牵头单位\t配合单位\t完成时限"]
    samples = []
    chapters = {0: "一、教育医疗", 6: "二、住房交通", 12: "三、社会保障"}
    dls = [("6月底前", "2024-06-30"), ("年底前", "2024-12-31"), ("三季度", "2024-09-30"), ("常态化", None)]
    for i in range(18):
        if i in chapters: out.append(chapters[i])
        t, leads, cos = CITY[16 + i]
        dl, dd = dls[i % len(dls)]
        cocell = "、".join(cos) if i % 5 != 4 else ""
        out.append(f"{i + 1}\t{t}\t{'、'.join(leads)}\t{cocell}\t{dl}")
        if i in (0, 4, 6, 11, 17):
            samples.append(sample(i, t, leads, cos if cocell else [], dd, dl, number=str(i + 1)))
    write("16_tabbed_rows.txt", ("\n".join(out) + "\n").encode("utf-8"), {
        "layout": "tabbedRows", "tasks": 18, "topChapters": 3, "chapterTitles": ["教育医疗", "住房交通", "社会保障"], "samples": samples, "year": 2024})

# 17 Other offices' labels: 实施单位 / 落实单位 (units), 协助单位 (co), 主要责任单位 (lead);
# 完成时限 in 2025年6月30日前 and 全年 forms.
def other_labels():
    out = ["2025年安全生产重点工作任务分工", "一、压实责任"]
    samples = []
    forms = [("主要责任单位", "协助单位"), ("实施单位", None), ("牵头单位", "协助单位"), ("落实单位", None)]
    dls = [("2025年6月30日前", "2025-06-30"), ("全年", "2025-12-31"), ("2025年底", "2025-12-31"), ("长期坚持", None)]
    for i in range(16):
        if i == 8: out.append("二、治理隐患")
        t, leads, cos = CITY[(25 + i * 2) % len(CITY)]
        a, b = forms[i % 4]
        out.append(f"{i + 1}.{t}。")
        if b:
            out.append(f"{a}：{'、'.join(leads)}")
            out.append(f"{b}：{'、'.join(cos)}")
            want_l, want_c = leads, cos
        else:
            out.append(f"{a}：{'、'.join(leads + cos)}")
            want_l, want_c = leads, cos
        dl, dd = dls[i % 4]
        out.append(f"完成时限：{dl}")
        if i in (0, 1, 2, 3, 9, 15):
            samples.append(sample(i, t + "。", want_l, want_c, dd, dl, number=str(i + 1)))
    write("17_other_labels.txt", ("\n".join(out) + "\n").encode("utf-8"), {
        "layout": "outline", "tasks": 16, "topChapters": 2, "chapterTitles": ["压实责任", "治理隐患"], "samples": samples, "year": 2025})

# ---------------------------------------------------------------------------------------------
# 18 What `pdftotext -layout` writes for a PDF's table: cells aligned with spaces, long cells
# wrapped onto the lines below at the same place, chapter rows centred, empty cells as spaces,
# a page break repeating the header and a page number.
import unicodedata
def dw(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
def pad(s, w):
    return s + " " * max(1, w - dw(s))
def pdf_layout():
    widths = [8, 34, 18, 24, 12]   # display columns of 序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限
    def line(cells):
        return "".join(pad(c, w) if c else " " * w for c, w in zip(cells, widths)).rstrip()
    def wrap(s, w):
        out, cur = [], ""
        for c in s:
            if dw(cur + c) > w - 2: out.append(cur); cur = ""
            cur += c
        if cur: out.append(cur)
        return out
    header = line(["  序号", "        工作任务", "  牵头单位", "    配合单位", "完成时限"])
    out = ["                         湖州市2025年政府工作报告重点任务分解表", "", header]
    chapters = {0: "一、着力扩大有效需求", 8: "二、着力建设美丽城乡", 16: "三、着力保障改善民生"}
    dls = [("6月底前", "2025-06-30"), ("年底前", "2025-12-31"), ("三季度", "2025-09-30"), ("长期", None), ("10月底前", "2025-10-31")]
    samples = []
    for i in range(22):
        if i == 12:
            out += ["", "                                     — 3 —", "\f" + header]
        if i in chapters:
            out.append(" " * 30 + chapters[i])
        t, leads, cos = CITY[i + 2]
        cocell = "、".join(cos) if i % 6 != 5 else ""
        dl, dd = dls[i % len(dls)]
        cols = [["  " + str(i + 1)], wrap(t, widths[1]), wrap("、".join(leads), widths[2]), wrap(cocell, widths[3]) if cocell else [""], [dl]]
        n = max(len(c) for c in cols)
        for r in range(n):
            out.append(line([c[r] if r < len(c) else "" for c in cols]))
        if i in (0, 2, 5, 11, 12, 21):
            samples.append(sample(i, t, leads, cos if cocell else [], dd, dl, number=str(i + 1)))
    write("18_pdftotext_layout.txt", ("\n".join(out) + "\n").encode("utf-8"), {
        "layout": "tabbedRows", "tasks": 22, "topChapters": 3, "chapterTitles": ["着力扩大有效需求", "着力建设美丽城乡", "着力保障改善民生"],
        "samples": samples, "year": 2025})

# ---------------------------------------------------------------------------------------------
# 19 A spreadsheet saved as a web page by LibreOffice Calc (what the importer itself tells users
# to run for .xls): a title row and a date row spanning the sheet above the header, <font> in
# every cell, sdval numbers, 牵头单位 merged (rowspan) over rows, units one a line (<br>), and a
# closing 注 row spanning the sheet after the last task.
def calc_html():
    rows, samples = [], []
    def td(text, extra=""):
        return f'<td {extra}align="left" valign=middle><font face="宋体" size=2>{text}</font></td>'
    groups = [("市住建局", [36, 6, 7]), ("市交通运输局", [21, 22]), ("市生态环境局", [10, 11, 39]), ("市人社局", [4, 42, 44]), ("市民政局", [20, 43])]
    n = 0
    for lead, idxs in groups:
        for j, p in enumerate(idxs):
            t, _, cos = CITY[p]
            cells = f'<td height="40" align="center" valign=middle sdval="{n + 1}" sdnum="2052;"><font face="宋体" size=2>{n + 1}</font></td>' + td(t)
            if j == 0:
                cells += td(lead, extra=f'rowspan={len(idxs)} ' if len(idxs) > 1 else "")
            cells += td("<br>".join(cos)) + td("2025年12月31日" if n % 2 else "2025年6月30日")
            rows.append("<tr>" + cells + "</tr>")
            if n in (0, 1, 2, 5, 12):
                samples.append(sample(n, t, [lead], cos, "2025-12-31" if n % 2 else "2025-06-30", "2025年12月31日" if n % 2 else "2025年6月30日", number=str(n + 1)))
            n += 1
    html = ("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\n<HTML>\n<HEAD>\n\t<META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"text/html; charset=utf-8\">\n"
            "\t<TITLE></TITLE>\n\t<META NAME=\"GENERATOR\" CONTENT=\"LibreOffice 7.4 (Linux)\">\n\t<STYLE TYPE=\"text/css\">\n\tbody,div,table,thead,tbody,tfoot,tr,th,td,p { font-family:\"宋体\"; font-size:x-small }\n\t</STYLE>\n</HEAD>\n<BODY TEXT=\"#000000\">\n"
            "<A NAME=\"table0\"><H1>Sheet 1: <EM>Sheet1</EM></H1></A>\n<TABLE CELLSPACING=\"0\" COLS=\"5\" BORDER=\"0\">\n\t<COLGROUP WIDTH=\"40\"></COLGROUP>\n\t<COLGROUP WIDTH=\"300\"></COLGROUP>\n\t<COLGROUP SPAN=\"3\" WIDTH=\"120\"></COLGROUP>\n"
            "<tr><td colspan=5 height=\"50\" align=\"center\" valign=middle><b><font face=\"方正小标宋简体\" size=4>嘉禾市2025年重点民生工程责任分解表</font></b></td></tr>\n"
            "<tr><td colspan=5 align=\"right\" valign=middle><font face=\"宋体\">填报日期：2025年1月20日</font></td></tr>\n"
            "<tr>" + "".join(td(f"<b>{h}</b>") for h in ["序号", "工程项目", "牵头单位", "配合单位", "完成时间"]) + "</tr>\n" + "\n".join(rows) +
            "\n<tr><td colspan=5 align=\"left\" valign=middle><font face=\"宋体\">注：请各牵头单位于每季度末月20日前报送进展情况。</font></td></tr>\n</TABLE>\n</BODY>\n</HTML>\n")
    write("19_calc_export.html", html.encode("utf-8"), {
        "layout": "table", "tasks": 13, "topChapters": 0, "chapterTitles": [], "samples": samples, "year": 2025})

for f in (word_html, docx_numbering, docx_table, cells_per_line, row_per_line, crawl, prose, glued_labels,
          deadlines, attachment_units, long_outline, nested_html, two_row_header, yi_items,
          unmerged_chapters, tabbed_rows, other_labels, pdf_layout, calc_html):
    f()
with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(EXPECT, f, ensure_ascii=False, indent=1, sort_keys=True)
print("\n".join(f"{k}: {v['tasks']} tasks" for k, v in sorted(EXPECT.items())))
