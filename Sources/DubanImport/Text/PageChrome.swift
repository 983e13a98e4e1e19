/// Page chrome: what a web page puts around a notice (breadcrumbs, "发布时间",
/// font controls, share and print links, footers with telephone numbers,
/// attachment download links). Recognised and skipped silently.
enum PageChrome {
    private static let anywhere: [String] = [
        "发布时间", "发布日期", "发文日期:", "信息来源", "阅读次数", "浏览次数", "访问次数", "点击数:", "点击量",
        "字体:", "字体:【", "【字体", "字号:", "【大】", "【中】", "【小】", "[大]", "[中]", "[小]", "大 中 小",
        "文本下载", "【打印】", "【关闭】", "【打印本页】", "[打印]", "[关闭]", "打印本页", "关闭窗口",
        "分享到", "扫一扫", "上一篇", "下一篇", "返回顶部", "返回首页", "相关链接", "相关文章",
        "ICP备", "公网安备", "网站标识码", "累计访问", "版权所有", "Copyright", "copyright", "技术支持:",
        "运维电话", "联系电话:", "传真电话", "网站地图", "政务微博", "政务微信", "无障碍浏览",
    ]
    private static let prefixes: [String] = [
        "首页 >", "首页>", "首页 》", "首页》", "当前位置", "您的位置", "您现在的位置", "所在位置",
        "主办:", "承办:", "主办单位", "承办单位", "地址:", "联系我们", "电话:", "传真:", "邮编:", "邮箱:",
        "logo", "LOGO", "Logo", "来源:", "作者:", "编辑:", "责任编辑", "索引号", "主题分类", "发布机构",
        "【字体",
    ]
    /// Only when the line is short: content may begin with these words too.
    private static let shortPrefixes: [String] = ["字体", "打印", "收藏", "分享", "关闭", "附件下载", "下载"]
    private static let fileExtensions: [String] = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".zip", ".rar", ".ofd"]

    private static let anywhereChs: [[Ch]] = anywhere.map(chs)
    private static let prefixChs: [[Ch]] = prefixes.map(chs)
    private static let shortPrefixChs: [[Ch]] = shortPrefixes.map(chs)
    /// The `anywhere` words by their first character, to look for all of them in one pass.
    private static let anywhereByFirst: [Ch: [[Ch]]] = {
        var d: [Ch: [[Ch]]] = [:]
        for a in anywhereChs { if let f = a.first { d[f, default: []].append(a) } }
        return d
    }()

    /// Whether a line is page chrome (worked out when the line was made).
    @inline(__always) static func isChrome(_ line: SourceLine) -> Bool { line.chrome }

    /// A bit for every character below U+10000 that starts one of `words`: most
    /// characters of a line start none, and are passed over without hashing.
    private static func firstBits(_ words: [[Ch]]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 1024)
        for w in words { if let f = w.first, f.v < 0x10000 { bits[Int(f.v >> 6)] |= 1 << UInt64(f.v & 63) } }
        return bits
    }
    private static let anywhereFirst = firstBits(anywhereChs)
    private static let prefixFirst = firstBits(prefixChs + shortPrefixChs)
    /// Whether `c` may start one of the words of `bits` (an exotic character always may).
    @inline(__always) private static func mayStart(_ c: Ch, _ bits: [UInt64]) -> Bool {
        c.v >= 0x10000 || bits[Int(c.v >> 6)] & (1 << UInt64(c.v & 63)) != 0
    }

    /// Whether a line (folded form) is page chrome.
    static func isChrome(folded f: [Ch]) -> Bool {
        if f.isEmpty { return false }
        if f.count > 160 { return false }
        if mayStart(f[0], prefixFirst) {
            for p in prefixChs where f.hasPrefix(p) { return true }
            if f.count <= 24 { for p in shortPrefixChs where f.hasPrefix(p) { return true } }
        }
        if f.last != "。" && containsAnywhereWord(f) { return true }
        // Breadcrumbs: 新闻中心 > 长江经济带 > 文件政策
        if f.count <= 80 {
            var gt = 0
            for c in f where c == ">" { gt += 1 }
            if gt >= 2 { return true }
        }
        // Attachment download links: xxx.pdf, xxx.xls【70.00 KB】
        guard f.contains(where: { $0 == "." }) else { return isTimeStamp(f) }
        if hasFileExtension(f) { return true }
        // A bare time stamp: 2024-02-05 00:00
        if isTimeStamp(f) { return true }
        return false
    }

    /// Each extension, then followed by 【, [ and (.
    private static let extensionChs: [(ext: [Ch], followed: [[Ch]])] = fileExtensions.map { e in
        (chs(e), [chs(e + "【"), chs(e + "["), chs(e + "(")])
    }

    /// An attachment link: the lowercased line ends with a file extension or holds one followed by a bracket.
    private static func hasFileExtension(_ f: [Ch]) -> Bool {
        if f.hasExotic {
            let lower = String(f).lowercased()
            for ext in fileExtensions {
                if lower.hasSuffix(ext) { return true }
                if lower.includes(ext + "【") || lower.includes(ext + "[") || lower.includes(ext + "(") { return true }
            }
            return false
        }
        // Only ASCII letters matter: the patterns are ASCII and 【, and no other simple
        // character lowercases to one of those. Compared in place, letter by letter.
        @inline(__always) func lowered(_ c: Ch) -> UInt32 { c.v >= 0x41 && c.v <= 0x5A ? c.v + 0x20 : c.v }
        func matches(_ p: [Ch], at i: Int) -> Bool {
            guard i >= 0, i + p.count <= f.count else { return false }
            for k in p.indices where lowered(f[i + k]) != p[k].v { return false }
            return true
        }
        for (ext, _) in extensionChs where matches(ext, at: f.count - ext.count) { return true }
        for i in f.indices where f[i] == "." {
            for (_, followed) in extensionChs {
                for p in followed where matches(p, at: i) { return true }
            }
        }
        return false
    }

    /// Whether the UTF-8 of the line holds one of the `anywhere` words.
    private static func containsAnywhereWord(_ f: [Ch]) -> Bool {
        if f.hasExotic {
            let s = String(f)
            for a in anywhere where s.includes(a) { return true }
            return false
        }
        for i in f.indices where mayStart(f[i], anywhereFirst) {
            guard let cands = anywhereByFirst[f[i]] else { continue }
            for a in cands where f.hasPrefix(a, at: i) { return true }
        }
        return false
    }

    /// 2024-02-05 or 2024-02-05 00:00[:00], possibly followed by chrome words.
    static func isTimeStamp(_ f: [Ch]) -> Bool {
        guard f.count >= 10 else { return false }
        let head = Array(f.prefix(10))
        guard head[4] == "-" || head[4] == "/", head[7] == "-" || head[7] == "/" else { return false }
        for (i, c) in head.enumerated() where i != 4 && i != 7 { if !c.isASCIIDigit { return false } }
        let rest = Array(f.dropFirst(10)).trimmed()
        if rest.isEmpty { return true }
        return rest.allSatisfy { $0.isASCIIDigit || $0 == ":" || $0 == " " }
    }
}
