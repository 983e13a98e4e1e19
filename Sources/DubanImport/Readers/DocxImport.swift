import DubanCore

extension NoticeFormat {
    /// The format a file's name claims (its extension), for bytes that turned out to be neither.
    static func named(_ name: String) -> NoticeFormat? {
        guard let dot = name.lastIndex(of: "."), !name[name.index(after: dot)...].contains("/") else { return nil }
        return NoticeFormat(rawValue: name[name.index(after: dot)...].lowercased())
    }
}

extension NoticeImporter {
    /// A file that is no text: a Word file read here; .doc, .wps and .pdf converted when the
    /// converter is installed (and the result imported); anything else the message naming
    /// its converter.
    func importForeign(_ format: NoticeFormat, bytes: [UInt8], source: String, converted: Bool) throws(ImportError) -> ImportResult {
        switch format {
        case .docx:
            return try importWord(bytes, source: source, encoding: format.kind(Strings(.en)))
        case .zip where NoticeFormat.named(source) == .docx:
            // A zip named .docx without Word's folder in its first megabyte: read as Word, so the
            // message names the part that is missing.
            return try importWord(bytes, source: source, encoding: NoticeFormat.docx.kind(Strings(.en)))
        case .doc, .wps, .pdf:
            guard !converted, let program = Converters.program(for: format, settings: options.converters) else { break }
            let out: Converters.Output
            do { out = try Converters.run(program, format: format, bytes: bytes, source: source, settings: options.converters) } catch {
                throw .converter(error)
            }
            var r = try importNotice(bytes: out.bytes, source: source, converted: true)
            r.convertedWith = out.command
            r.convertedFrom = format
            r.encoding = format.kind(Strings(.en)) + " via " + out.command + ", " + r.encoding
            return r
        default:
            break
        }
        throw .needsConversion(file: source, format: format)
    }

    /// The text of a Word file as the importer reads it (numbering labels in front, a table cell
    /// a line) and the number of its tables: what `sourceLine` counts in.
    public static func wordText(bytes: [UInt8], source: String) throws(ImportError) -> (text: String, tables: Int) {
        do {
            let d = try DocxReader.read(bytes, file: source)
            return (d.text, d.tables.count)
        } catch { throw .word(error) }
    }

    /// A Word file: its task table read as a table (as a web page's is) with the text around
    /// it read as text; without a task table, the whole document as text, a table a cell a line.
    func importWord(_ bytes: [UInt8], source: String, encoding: String) throws(ImportError) -> ImportResult {
        let doc: DocxDocument
        do { doc = try DocxReader.read(bytes, file: source) } catch { throw .word(error) }
        var text = doc.text
        var pageTable: NoticeReader.PageTable? = nil
        if let found = TableParser.parse(tables: doc.tables) {
            let utf8 = Array(doc.text.utf8)
            let before = String(decoding: utf8[..<found.start], as: UTF8.self)
            let after = String(decoding: utf8[found.end...], as: UTF8.self)
            // The task table, unless the paragraphs around it hold far more tasks (a small table
            // of contacts or targets beside an outline of tasks): the rule NoticeReader applies to text.
            let around = OutlineParser.parse(Lines.split(before + "\n\n" + after)).tasks.count
            if found.result.drafts.tasks.count * 2 >= around {
                let beforeLines = before.isEmpty ? 0 : Lines.split(before).count
                pageTable = .init(drafts: found.result.drafts, header: found.result.header, textLine: beforeLines + 1)
                text = before + "\n\n" + after
            }
        }
        guard pageTable != nil || !text.allSatisfy({ $0.isWhitespace }) else { throw .empty(file: source) }
        return try read(text: text, pageTable: pageTable, encoding: encoding, source: source)
    }
}
