/// The three XML parts of a Word file read with `XMLScanner`: styles.xml and numbering.xml
/// into `DocxNumbering`, document.xml into text lines and tables. Elements are told by their
/// `w:` name (every Word, WPS and LibreOffice file binds the main namespace to `w`).
enum DocxXML {
    /// Runs `sink` over `data`; a malformed part fails with the place and the problem.
    static func parse<S: XMLSink>(_ data: [UInt8], _ sink: S) throws(DocxXMLFailure) {
        do {
            try data.withUnsafeBufferPointer { (p) throws(XMLScanner.Failure) in try XMLScanner.scan(p, into: sink) }
        } catch {
            let (line, column) = data.withUnsafeBufferPointer { XMLScanner.place(of: error.offset, in: $0) }
            throw DocxXMLFailure(line: line, column: column, problem: error.problem)
        }
    }
}

struct DocxXMLFailure: Error { var line: Int; var column: Int; var problem: XMLProblem }

/// styles.xml: paragraph styles with their base and numbering.
final class DocxStylesReader: XMLSink {
    var numbering: DocxNumbering
    private var style: String? = nil
    private var current = DocxNumbering.Style()
    private var inPPr = false

    init(_ n: DocxNumbering) { numbering = n }

    func start(_ tag: XMLScanner.Tag, _ a: XMLScanner.Attributes) {
        switch tag {
        case .style:
            let type = a.value("w:type") ?? "paragraph"
            style = type == "paragraph" || type == "numbering" ? a.value("w:styleId") : nil
            if type == "paragraph", let d = a.value("w:default"), d == "1" || d == "true" { numbering.defaultStyle = style }
            current = .init()
        case .basedOn: if style != nil { current.basedOn = a.val }
        case .pPr: inPPr = true
        case .numId: if style != nil, inPPr { current.numId = a.val }
        case .ilvl: if style != nil, inPPr { current.level = a.level() }
        default: break
        }
    }

    func end(_ tag: XMLScanner.Tag) {
        switch tag {
        case .style: if let s = style { numbering.styles[s] = current }; style = nil
        case .pPr: inPPr = false
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// numbering.xml: abstract numberings, their levels, and the instances naming them.
final class DocxNumberingReader: XMLSink {
    var numbering: DocxNumbering
    private var abstractId: String? = nil
    private var abstract = DocxNumbering.Abstract()
    private var numId: String? = nil
    private var instance = DocxNumbering.Instance(abstract: "")
    private var levelIndex: Int? = nil
    private var level = DocxNumbering.Level()
    private var overrideLevel: Int? = nil
    private var inLevel = false

    init(_ n: DocxNumbering) { numbering = n }

    func start(_ tag: XMLScanner.Tag, _ a: XMLScanner.Attributes) {
        switch tag {
        case .abstractNum: abstractId = a.value("w:abstractNumId"); abstract = .init()
        case .num: numId = a.value("w:numId"); instance = .init(abstract: "")
        case .abstractNumId: if numId != nil, let v = a.val { instance.abstract = v }
        case .lvlOverride: overrideLevel = a.level("w:ilvl")
        case .startOverride: if let l = overrideLevel, let v = a.int() { instance.startOverrides[l] = v }
        case .lvl:
            levelIndex = a.level("w:ilvl") ?? overrideLevel ?? 0
            level = .init(); inLevel = true
        case .start: if inLevel, let v = a.int() { level.start = v }
        case .numFmt: if inLevel, let v = a.val { level.format = v }
        case .lvlText: if inLevel { level.text = a.val ?? "" }
        case .lvlRestart: if inLevel { level.restart = a.int() }
        case .isLgl: if inLevel { level.legal = a.on }
        case .suff: if inLevel, let v = a.val { level.suffix = v }
        case .pStyle: if inLevel { level.style = a.val }
        case .numStyleLink: if abstractId != nil { abstract.styleLink = a.val }
        default: break
        }
    }

    func end(_ tag: XMLScanner.Tag) {
        switch tag {
        case .lvl:
            if let l = levelIndex {
                if numId != nil, let o = overrideLevel { instance.levelOverrides[o] = level }
                else if abstractId != nil { abstract.levels[l] = level }
            }
            inLevel = false; levelIndex = nil
        case .lvlOverride: overrideLevel = nil
        case .abstractNum: if let id = abstractId { numbering.abstracts[id] = abstract }; abstractId = nil
        case .num: if let id = numId, !instance.abstract.isEmpty { numbering.instances[id] = instance }; numId = nil
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// document.xml: the body's paragraphs as text lines (numbering labels in front) and its
/// tables both as text (one cell a line) and as `Table`s with spans spread.
final class DocxBodyReader: XMLSink {
    var numbering: DocxNumbering
    /// The document as text, UTF-8: a line per paragraph (and per manual line break), a line
    /// per table cell. Tables' places (`Table.start`/`end`) are offsets into it.
    private(set) var out: [UInt8] = []
    private(set) var tables: [Table] = []
    /// The next line's number (1-based).
    private var line = 1
    /// Copies spans may still make (gridSpan, hMerge), as for web pages: past it, spans no
    /// longer spread, so a file of many wide spans cannot fill the memory.
    private var spreadLeft = HTMLTable.maxSpreadCells

    // Where we are.
    private var skip = 0            // inside content that is no body text (alternatives, field codes, …)
    private var inRun = false
    private var runHidden = false
    private var inRPr = false
    private var inPPr = false
    private var inText = false

    // The open paragraph.
    private var inParagraph = 0
    private var para: [UInt8] = []
    private var pStyle: String? = nil
    private var pNumId: String? = nil
    private var pLevel: Int? = nil

    // Tables: only the outermost is a table; nested tables give their text to its cell.
    private var tableDepth = 0
    private struct OpenCell {
        /// The cell's lines, cleaned (spaces collapsed, ends trimmed), empty ones dropped.
        var lines: [String] = []
        var span = 1
        var vMerge: Bool? = nil      // nil: none; true: restart; false: continue
        var hMergeContinue = false
    }
    private struct OpenRow {
        var cells: [OpenCell] = []
        var header = false
        var gridBefore = 0
    }
    private var row: OpenRow? = nil
    private var cell: OpenCell? = nil
    private var tableStart = 0
    private var tableRows: [OpenRow] = []
    private var inTrPr = false, inTcPr = false

    init(_ n: DocxNumbering) { numbering = n }

    var text: String { String(decoding: out, as: UTF8.self) }

    private func emit(_ s: [UInt8]) {
        out.append(contentsOf: s); out.append(0x0A)
        line += 1
        for b in s where b == 0x0A { line += 1 }
    }

    func start(_ tag: XMLScanner.Tag, _ a: XMLScanner.Attributes) {
        if skip > 0 { skip += 1; return }
        switch tag {
        case .t: if inRun { inText = true }
        case .r: inRun = true; runHidden = false
        case .rPr: inRPr = true
        case .vanish, .specVanish: if inRun && inRPr && a.on { runHidden = true }
        case .tab: if inRun && !runHidden { para.append(0x09) }
        case .br, .cr: if inRun && !runHidden { para.append(0x0A) }
        case .noBreakHyphen: if inRun && !runHidden { para.append(0x2D) }
        case .p:
            inParagraph += 1
            if inParagraph == 1 { para.removeAll(keepingCapacity: true); pStyle = nil; pNumId = nil; pLevel = nil }
        case .pPr: inPPr = true
        case .pStyle: if inPPr && inParagraph == 1 { pStyle = a.val }
        case .numId: if inPPr && inParagraph == 1 { pNumId = a.val }
        case .ilvl: if inPPr && inParagraph == 1 { pLevel = a.level() }
        case .tbl:
            tableDepth += 1
            if tableDepth == 1 { tableStart = out.count; tableRows = [] }
        case .tr: if tableDepth == 1 { row = OpenRow() }
        case .trPr: inTrPr = true
        case .tblHeader: if tableDepth == 1 && inTrPr && a.on { row?.header = true }
        case .gridBefore: if tableDepth == 1 && inTrPr { row?.gridBefore = max(0, min(HTMLTable.maxColspan, a.int() ?? 0)) }
        case .tc: if tableDepth == 1 { cell = OpenCell() }
        case .tcPr: inTcPr = true
        case .gridSpan: if tableDepth == 1 && inTcPr { cell?.span = max(1, min(HTMLTable.maxColspan, a.int() ?? 1)) }
        case .vMerge: if tableDepth == 1 && inTcPr { cell?.vMerge = a.val == "restart" }
        case .hMerge: if tableDepth == 1 && inTcPr && a.val != "restart" { cell?.hMergeContinue = true }
        // Alternatives Word writes twice (text boxes as DrawingML and as VML), text moved away,
        // field codes, ruby annotations, properties: no body text.
        case .skipped: skip = 1
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inText && skip == 0 && !runHidden { para.append(contentsOf: bytes) }
    }

    func end(_ tag: XMLScanner.Tag) {
        if skip > 0 { skip -= 1; return }
        switch tag {
        case .t: inText = false
        case .r: inRun = false; runHidden = false
        case .rPr: inRPr = false
        case .pPr: inPPr = false
        case .trPr: inTrPr = false
        case .tcPr: inTcPr = false
        case .p:
            inParagraph -= 1
            guard inParagraph == 0 else { break }
            var s = para
            let num = pNumId.map { ($0, pLevel) } ?? numbering.styleNumbering(pStyle).map { ($0.numId, pLevel ?? $0.level) }
            if let (id, lvl) = num, let label = numbering.label(numId: id, level: lvl, style: pStyle) {
                s = Array(label.text.utf8) + (label.space && !s.isEmpty ? [0x20] : []) + s
            }
            if tableDepth >= 1 {
                if cell != nil {
                    for part in s.split(separator: 0x0A) {
                        let c = Self.clean(part)
                        if !c.isEmpty { cell!.lines.append(String(decoding: c, as: UTF8.self)) }
                    }
                }
            } else {
                emit(s)
            }
        case .tc:
            if tableDepth == 1, let c = cell { row?.cells.append(c); cell = nil }
        case .tr:
            if tableDepth == 1, let r = row { tableRows.append(r); row = nil }
        case .tbl:
            if tableDepth == 1 { closeTable() }
            tableDepth = max(0, tableDepth - 1)
        default: break
        }
    }

    /// The rows read into the table model (spans spread, later header rows dropped) and the
    /// table's text (a line per cell that starts there).
    private func closeTable() {
        var table = Table()
        table.start = tableStart
        var above: [Int: Table.Cell] = [:]    // grid column -> the cell a vMerge continues
        var seenBody = false
        for r in tableRows {
            // A header row again after the body (tblHeader further down): dropped.
            if r.header && seenBody { continue }
            if !r.header { seenBody = true }
            var cells: [Table.Cell] = []
            for _ in 0..<r.gridBefore { cells.append(Table.Cell(text: "", line: line, column: cells.count + 1)) }
            let single = r.cells.count == 1 && r.cells[0].span > 1 && r.cells[0].vMerge != false
            for c in r.cells {
                let col = cells.count
                if c.vMerge == false, let up = above[col] {
                    for k in 0..<spread(c.span) { cells.append(above[col + k] ?? up) }
                    continue
                }
                if c.hMergeContinue, let prev = cells.last {
                    for _ in 0..<spread(c.span) { cells.append(prev) }
                    continue
                }
                let joined = Table.joinLines(c.lines)
                if !joined.isEmpty { emit(Array(joined.utf8)) }
                var cellLine = line - 1
                if joined.isEmpty { cellLine = line }
                var tc = Table.Cell(text: joined, line: cellLine, column: col + 1)
                tc.spansRow = single
                for _ in 0..<spread(c.span) { cells.append(tc) }
            }
            for (k, c) in cells.enumerated() { above[k] = c }
            if cells.allSatisfy({ $0.text.isEmpty }) && r.cells.isEmpty { continue }
            table.rows.append(cells)
        }
        table.end = out.count
        if !table.rows.isEmpty { tables.append(table) }
        tableRows = []
    }

    /// How many columns a cell of `span` fills: all of them while copies are left, else one.
    private func spread(_ span: Int) -> Int {
        guard span > 1, spreadLeft >= span - 1 else { return 1 }
        spreadLeft -= span - 1
        return span
    }

    /// Runs of spaces become one, ends trimmed, on the UTF-8 bytes: ASCII spaces and controls,
    /// no-break space (U+00A0), the spaces U+2000…U+200A, U+202F, U+205F and the ideographic space.
    static func clean(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var space = false
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            let c = b[i]
            var w = 0
            if c <= 0x20 { w = 1 }
            else if c == 0xC2, i + 1 < end, b[i + 1] == 0xA0 { w = 2 }
            else if c == 0xE2, i + 2 < end, b[i + 1] == 0x80, (0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xAF { w = 3 }
            else if c == 0xE2, i + 2 < end, b[i + 1] == 0x81, b[i + 2] == 0x9F { w = 3 }
            else if c == 0xE3, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x80 { w = 3 }
            if w > 0 { space = true; i += w; continue }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(c)
            i += 1
        }
        return out
    }
}
