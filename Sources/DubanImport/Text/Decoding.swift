import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// Bytes of a notice -> text. UTF-8 (with or without BOM), UTF-16 with a BOM,
/// otherwise GB18030 (which covers GBK and GB2312).
enum TextDecoding {
    enum Encoding: String, Sendable { case utf8 = "UTF-8", utf16 = "UTF-16", gb18030 = "GB18030" }

    enum Failure: Error { case empty, binary(String), undecodable }

    static func decode(_ bytes: [UInt8]) throws(Failure) -> (text: String, encoding: Encoding) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw .empty }

        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            let little = body.first == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = body.startIndex + 2
            while i + 1 < body.endIndex {
                let a = UInt16(body[i]), b = UInt16(body[i + 1])
                units.append(little ? (b << 8 | a) : (a << 8 | b))
                i += 2
            }
            let text = String(decoding: units, as: UTF16.self)
            try checkText(text)
            return (text, .utf16)
        }
        if containsBinaryControls(body) { throw .binary("control bytes (NUL and the like) where text was expected") }
        // A web page that says it is GB2312 / GBK / GB18030 is read so, even when its bytes happen to be valid UTF-8.
        if declaresGB(body), let text = decodeGB18030(Array(body)) {
            try checkText(text)
            return (text, .gb18030)
        }
        if let text = String(validating: body, as: UTF8.self) {
            try checkText(text)
            return (text, .utf8)
        }
        if let text = decodeGB18030(Array(body)) {
            try checkText(text)
            return (text, .gb18030)
        }
        throw .undecodable
    }

    /// `charset=gb2312` (or gbk, gb18030, cp936) in a `<meta>` near the start of the bytes.
    static func declaresGB(_ b: ArraySlice<UInt8>) -> Bool {
        let head = b.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        // Searched byte by byte: Foundation's generic `firstRange(of:)` cost 2.8 M instructions
        // for these 4 KB, 6% of importing the five seeds (callgrind, issue 11 chtext).
        guard head.count >= 8, let meta = firstIndex(of: Array("<meta".utf8), in: head, from: 0),
              let c = firstIndex(of: Array("charset".utf8), in: head, from: meta) else { return false }
        var k = c + 7
        while k < head.count, head[k] == 0x20 || head[k] == 0x3D || head[k] == 0x22 || head[k] == 0x27 { k += 1 }
        var name: [UInt8] = []
        while k < head.count, name.count < 16, head[k] > 0x20, head[k] != 0x22, head[k] != 0x27, head[k] != 0x3B, head[k] != 0x3E, head[k] != 0x2F { name.append(head[k]); k += 1 }
        return ["gb2312", "gbk", "gb18030", "cp936", "x-gbk", "gb_2312-80"].contains(String(decoding: name, as: UTF8.self))
    }

    private static func firstIndex(of p: [UInt8], in h: [UInt8], from start: Int) -> Int? {
        guard let first = p.first, p.count <= h.count else { return nil }
        var i = start
        while i + p.count <= h.count {
            if h[i] == first {
                var k = 1
                while k < p.count && h[i + k] == p[k] { k += 1 }
                if k == p.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Too many control bytes: a binary file, not a notice.
    private static func containsBinaryControls(_ b: ArraySlice<UInt8>) -> Bool {
        var bad = 0
        for c in b.prefix(65536) where c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C {
            if c == 0 { return true }
            bad += 1
        }
        return bad > 8
    }

    private static func checkText(_ text: String) throws(Failure) {
        var controls = 0, total = 0
        for s in text.unicodeScalars.prefix(65536) {
            total += 1
            if s.value == 0 { throw .binary("NUL characters in the text") }
            if s.value < 0x20 && s != "\n" && s != "\r" && s != "\t" && s.value != 0x0C { controls += 1 }
            if s.value == 0xFFFD { controls += 1 }
        }
        if total > 0 && controls * 20 > total { throw .binary("mostly control or undecodable characters") }
    }

    static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        #if canImport(CoreFoundation)
        // kCFStringEncodingGB_18030_2000
        let ns = CFStringConvertEncodingToNSStringEncoding(0x0632)
        return String(data: Data(bytes), encoding: String.Encoding(rawValue: ns))
        #else
        return nil
        #endif
    }

    /// Text -> GB18030 bytes (used by tests to build fixtures).
    static func encodeGB18030(_ text: String) -> [UInt8]? {
        #if canImport(CoreFoundation)
        let ns = CFStringConvertEncodingToNSStringEncoding(0x0632)
        return text.data(using: String.Encoding(rawValue: ns)).map { Array($0) }
        #else
        return nil
        #endif
    }
}
