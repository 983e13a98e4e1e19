import DubanCore
/// The marker that opens an outline heading, by kind. Ranks follow the usual
/// order of Chinese official documents: 第一部分 > 一、 > (一) > 1. > (1) > ①.
enum HeadingKind: Int, Comparable, Sendable {
    case part = 0      // 第一部分 / 第一章
    case cn = 1        // 一、
    case cnParen = 2   // (一) （一）
    case num = 3       // 1. 1． 1、
    case numParen = 4  // (1) （1） ⑴
    case circled = 5   // ①

    static func < (a: HeadingKind, b: HeadingKind) -> Bool { a.rawValue < b.rawValue }
}

struct HeadingMarker: Sendable {
    let kind: HeadingKind
    /// As printed without its stop, brackets folded to ASCII: 一, (三), 2, (1), ①.
    let label: String
    /// The number the label stands for (1 for 一 / (1) / ①).
    let value: Int
    /// Index in the line where the title starts.
    let titleStart: Int
}

enum Headings {
    /// 一 .. 九十九 (and 一百..): nil when not a Chinese numeral.
    static func chineseNumber(_ cs: Folded) -> Int? {
        guard !cs.isEmpty, cs.count <= 5 else { return nil }
        var total = 0
        var current = 0
        var sawAny = false
        for c in cs {
            if let d = c.chineseDigit { current = d; sawAny = true }
            else if c == "十" { total += (current == 0 ? 1 : current) * 10; current = 0; sawAny = true }
            else if c == "百" { total += (current == 0 ? 1 : current) * 100; current = 0; sawAny = true }
            else { return nil }
        }
        return sawAny ? total + current : nil
    }

    /// Recognises the heading marker at the start of a folded line.
    static func marker(_ f: Folded) -> HeadingMarker? {
        guard let first = f.first else { return nil }
        let n = f.count
        // 第一部分 / 第一章 / 第一节 (节 deeper than we track: treated as part too).
        if first == "第" {
            var j = 1
            while j < n, f[j].isChineseNumeral { j += 1 }
            if j > 1, j < n, f[j] == "部" || f[j] == "章" || f[j] == "篇",
               let v = chineseNumber(f[1..<j]) {
                var t = j + 1
                if f[j] == "部", t < n, f[t] == "分" { t += 1 }
                while t < n, f[t] == " " || f[t] == "、" || f[t] == ":" { t += 1 }
                return HeadingMarker(kind: .part, label: String(f[0..<min(n, j + (f[j] == "部" ? 2 : 1))]), value: v, titleStart: t)
            }
            return nil
        }
        // 一、 / 一. / 一 (space)
        if first.isChineseNumeral {
            var j = 0
            while j < n, f[j].isChineseNumeral { j += 1 }
            guard j < n, j <= 4, let v = chineseNumber(f[0..<j]) else { return nil }
            if f[j] == "、" || f[j] == "." {
                return HeadingMarker(kind: .cn, label: String(f[0..<j]), value: v, titleStart: f.skippingSpaces(from: j + 1))
            }
            return nil
        }
        // (一) (1)
        if first == "(" {
            var j = 1
            while j < n, f[j] == " " { j += 1 }
            let s = j
            if j < n, f[j].isChineseNumeral {
                while j < n, f[j].isChineseNumeral { j += 1 }
                let e = j
                while j < n, f[j] == " " { j += 1 }
                if j < n, f[j] == ")", e - s <= 4, let v = chineseNumber(f[s..<e]) {
                    var t = j + 1
                    if t < n, f[t] == "、" || f[t] == "." { t += 1 }
                    return HeadingMarker(kind: .cnParen, label: "(" + String(f[s..<e]) + ")", value: v, titleStart: f.skippingSpaces(from: t))
                }
                return nil
            }
            if j < n, f[j].isASCIIDigit {
                while j < n, f[j].isASCIIDigit { j += 1 }
                let e = j
                while j < n, f[j] == " " { j += 1 }
                if j < n, f[j] == ")", e - s <= 3, let v = Int(String(f[s..<e])) {
                    var t = j + 1
                    if t < n, f[t] == "、" || f[t] == "." { t += 1 }
                    return HeadingMarker(kind: .numParen, label: "(" + String(f[s..<e]) + ")", value: v, titleStart: f.skippingSpaces(from: t))
                }
            }
            return nil
        }
        // 1. 1、 (not 1.5 and not 2020年)
        if first.isASCIIDigit {
            var j = 0
            while j < n, f[j].isASCIIDigit { j += 1 }
            guard j <= 3, let v = Int(String(f[0..<j])) else { return nil }
            var k = j
            while k < n, f[k] == " ", k - j < 2 { k += 1 }
            guard k < n, f[k] == "." || f[k] == "、" else { return nil }
            if k + 1 < n, f[k + 1].isASCIIDigit, f[k] == "." {
                // 1.5 is a number, but 1.6月底前 is item 1 and a date: the digits after the stop
                // are a month (1 to 12) followed by 月, or a year (19xx, 20xx) followed by 年 (19.2020年6月底前).
                var m = k + 1
                while m < n, f[m].isASCIIDigit, m - k <= 4 { m += 1 }
                guard m < n, let after = Int(String(f[(k + 1)..<m])),
                      (f[m] == "月" && (1...12).contains(after)) || (f[m] == "年" && (1900...2100).contains(after))
                else { return nil }
            } else if k + 1 < n, f[k + 1].isASCIIDigit { return nil }
            return HeadingMarker(kind: .num, label: String(f[0..<j]), value: v, titleStart: f.skippingSpaces(from: k + 1))
        }
        // ⑴..⒇ (U+2474..U+2487)
        if let v = first.parenthesizedNumber {
            return HeadingMarker(kind: .numParen, label: "(\(v))", value: v, titleStart: f.skippingSpaces(from: 1))
        }
        // ①..⑳ (U+2460..U+2473)
        if let v = first.circledNumber {
            return HeadingMarker(kind: .circled, label: f[0..<1].string, value: v, titleStart: f.skippingSpaces(from: 1))
        }
        return nil
    }
}
