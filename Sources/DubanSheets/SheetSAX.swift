import DubanCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The two big parts of a workbook, the worksheets and the shared strings, read with
/// Foundation's streaming XMLParser (libxml2 underneath) instead of XMLCoder: the same
/// parts, the same result, without building a tree and decoding it through Codable, which
/// took XMLCoder 5 to 10 times as long on returned ledgers (DECISIONS.md has the figures).
/// The small parts (workbook, relationships, styles) stay with XMLCoder.
/// What every streaming delegate keeps: the first error and its place (Foundation on
/// Linux reports errors through the delegate and may still return true from parse()), and
/// the depth, so a part cut short is an error too.
class CheckedSAX: NSObject, XMLParserDelegate {
    var error: (line: Int, column: Int, code: Int)?
    var depth = 0
    var sawRoot = false

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code) }
    }

    // The protocol's methods live here (a subclass's own would not be the witnesses);
    // the subclasses override the hooks.
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1; sawRoot = true
        start(WorksheetSAX.local(elementName), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        end(WorksheetSAX.local(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { characters(string) }

    func start(_ name: Substring, _ attributes: [String: String]) {}
    func end(_ name: Substring) {}
    func characters(_ s: String) {}
}

final class WorksheetSAX: CheckedSAX {
    var rows: [WorksheetXML.Row] = []
    var merges: [String] = []
    private var row: WorksheetXML.Row?
    private var cell: WorksheetXML.C?
    private var text: String?
    private var inInline = false
    private var inlineText = ""
    private var inPhonetic = false

    static func local(_ name: String) -> Substring {
        if let i = name.lastIndex(of: ":") { return name[name.index(after: i)...] }
        return name[...]
    }

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "row": row = WorksheetXML.Row(r: attributes["r"].flatMap { Int($0) }, c: [])
        case "c": cell = WorksheetXML.C(r: attributes["r"], t: attributes["t"], s: attributes["s"].flatMap { Int($0) }, v: nil, inline: nil)
        case "v": if cell != nil { text = "" }
        case "is": inInline = true; inlineText = ""
        case "rPh": inPhonetic = true
        case "t": if inInline && !inPhonetic { text = "" }
        case "mergeCell": if let r = attributes["ref"] { merges.append(r) }
        default: break
        }
    }

    override func characters(_ string: String) {
        if text != nil { text! += string }
    }

    override func end(_ name: Substring) {
        switch name {
        case "v":
            if let t = text { cell?.v = TextNode(value: t) }
            text = nil
        case "t":
            if inInline, let t = text { inlineText += t }
            text = nil
        case "rPh": inPhonetic = false
        case "is":
            inInline = false
            cell?.inline = RichText(t: TextNode(value: inlineText), r: nil)
        case "c":
            if let c = cell { row?.c?.append(c) }
            cell = nil
        case "row":
            if let r = row { rows.append(r) }
            row = nil
        default: break
        }
    }
}

final class SharedStringsSAX: CheckedSAX {
    var strings: [String] = []
    private var current: String?
    private var text: String?
    private var inPhonetic = false

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": if current != nil && !inPhonetic { text = "" }
        default: break
        }
    }

    override func characters(_ string: String) {
        if text != nil { text! += string }
    }

    override func end(_ name: Substring) {
        switch name {
        case "t":
            if let t = text { current? += t }
            text = nil
        case "rPh": inPhonetic = false
        case "si":
            strings.append(current ?? "")
            current = nil
        default: break
        }
    }
}

extension XLSXReader {
    /// Runs a streaming parse; a failure as the part, line and column.
    static func stream(_ data: Data, _ delegate: CheckedSAX, file: String, part: String) throws {
        let p = XMLParser(data: data)
        p.shouldProcessNamespaces = false
        p.shouldResolveExternalEntities = false
        p.delegate = delegate
        let ok = p.parse()
        if let e = delegate.error {
            throw SheetError.badXML(file: file, part: part, line: e.line, column: e.column, detail: xmlErrorWords(e.code))
        }
        if !ok || p.parserError != nil {
            let code = (p.parserError as NSError?)?.code ?? 0
            throw SheetError.badXML(file: file, part: part, line: p.lineNumber, column: p.columnNumber, detail: xmlErrorWords(code))
        }
        if !delegate.sawRoot || delegate.depth != 0 {
            throw SheetError.badXML(file: file, part: part, line: p.lineNumber, column: p.columnNumber, detail: "the part ends inside an element")
        }
    }

    /// libxml2's error codes, the common ones in words.
    static func xmlErrorWords(_ code: Int) -> String {
        switch code {
        case 4: return "no document"
        case 5: return "content after the end of the document"
        case 26: return "an undeclared entity"
        case 38, 39, 40, 41: return "a malformed attribute"
        case 68, 73: return "a malformed tag"
        case 76: return "a closing tag that does not match the open one"
        case 77: return "an unclosed tag"
        case 9: return "a character XML does not allow"
        default: return "libxml2 error \(code)"
        }
    }
}
