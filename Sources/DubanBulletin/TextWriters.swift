import DubanCore

/// The bulletin's three file formats, chosen by the output's extension or `--format`.
public enum BulletinFormat: String, CaseIterable, Sendable {
    case docx, md, txt

    /// `--format` words: docx, md / markdown, txt / text.
    public init?(word: String) {
        switch word.lowercased() {
        case "docx", "word": self = .docx
        case "md", "markdown": self = .md
        case "txt", "text": self = .txt
        default: return nil
        }
    }

    /// By the file name's extension (case-insensitive); nil for any other.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(word: String(path[path.index(after: dot)...]))
        if self == .docx, !path.lowercased().hasSuffix(".docx") { return nil }
    }
}

public enum BulletinWriter {
    public static func bytes(_ blocks: [BulletinBlock], _ format: BulletinFormat, asOf: PlanDate) throws -> [UInt8] {
        switch format {
        case .md: return Array(markdown(blocks).utf8)
        case .txt: return Array(text(blocks).utf8)
        case .docx: return try DocxWriter.docx(blocks, asOf: asOf)
        }
    }

    /// Markdown: the title as `#`, sections as `##`, tables as pipe tables (`|` escaped,
    /// line breaks as `<br>`). Nothing is cut. The chart's figures are in the table after it.
    public static func markdown(_ blocks: [BulletinBlock]) -> String {
        var out: [String] = []
        func cell(_ s: String) -> String {
            s.replacingAll("\\", with: "\\\\").replacingAll("|", with: "\\|").replacingAll("\r\n", with: "<br>").replacingAll("\n", with: "<br>")
        }
        func para(_ s: String) -> String { s.replacingAll("\n", with: "  \n") }
        for b in blocks {
            switch b {
            case .title(let s): out.append("# " + para(s)); out.append("")
            case .asOf(let s): out.append(para(s)); out.append("")
            case .heading(let s): out.append("## " + para(s)); out.append("")
            case .paragraph(let s): out.append(para(s)); out.append("")
            case .table(let header, let rows):
                out.append("| " + header.map(cell).joined(separator: " | ") + " |")
                out.append("|" + header.map { _ in " --- |" }.joined())
                for r in rows { out.append("| " + r.map(cell).joined(separator: " | ") + " |") }
                out.append("")
            case .chart: break
            }
        }
        return out.joined(separator: "\n")
    }

    /// Plain text: sections as lines, tables as columns aligned by display cells
    /// (`DisplayWidth.of`), a rule under the header. Nothing is cut or wrapped.
    public static func text(_ blocks: [BulletinBlock]) -> String {
        var out: [String] = []
        for b in blocks {
            switch b {
            case .title(let s), .asOf(let s): out.append(s)
            case .heading(let s): out.append(""); out.append(s)
            case .paragraph(let s): out.append(s)
            case .table(let header, let rows):
                let all = [header] + rows
                let n = header.count
                var widths = [Int](repeating: 0, count: n)
                for r in all { for (i, c) in r.enumerated() where i < n { widths[i] = max(widths[i], DisplayWidth.of(flat(c))) } }
                func line(_ r: [String]) -> String {
                    var s = ""
                    for (i, c) in r.enumerated() {
                        let f = flat(c)
                        s += f
                        if i < r.count - 1 { s += String(repeating: " ", count: widths[i] - DisplayWidth.of(f) + 2) }
                    }
                    return s
                }
                out.append(line(header))
                out.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * max(0, n - 1)))
                for r in rows { out.append(line(r)) }
            case .chart: break
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func flat(_ s: String) -> String { s.replacingAll("\r\n", with: " ").replacingAll("\n", with: " ").replacingAll("\t", with: " ") }
}
