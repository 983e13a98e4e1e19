/// One top-level value of a plan file, found without decoding the rest (issue 16: `duban
/// import -o plan.json` reads the corrections a plan keeps from the plan it replaces; it
/// decoded all of a province's 100 MB plan for that one key, 6% of the import's time).
extension PlanJSON {
    /// The value of `key` in the file's top-level object; nil when the key is not there or
    /// the bytes are no JSON object (whatever a full decode would say about them).
    /// The other values are skipped by their brackets and strings, not checked.
    public static func topLevelField(_ key: String, in bytes: [UInt8]) -> JSONValue? {
        bytes.withUnsafeBufferPointer { buf -> JSONValue? in
            var s = JSONScanner(buf)
            if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { s.pos = 3 }
            guard s.take(0x7B) else { return nil }
            let want = Array(key.utf8)
            if s.take(0x7D) { return nil }
            repeat {
                guard s.peek() == 0x22, let (range, decoded) = try? s.stringBytes(),
                      (try? s.expect(0x3A, .k(.pjWhatColon))) != nil else { return nil }
                let same = range.map { buf[$0].elementsEqual(want) } ?? (decoded == want)
                if same { return try? s.value() }
                guard s.skipValue() else { return nil }
            } while s.take(0x2C)
            return nil
        }
    }
}

extension JSONScanner {
    /// Moves past the value at the cursor by its brackets and strings alone (no number,
    /// literal or UTF-8 is checked); false when the bytes end inside it.
    mutating func skipValue() -> Bool {
        var depth = 0
        skipSpace()
        while pos < buf.count {
            let c = buf[pos]
            switch c {
            case 0x22:
                pos += 1
                while true {
                    pos = stringStop(from: pos)
                    guard pos < buf.count else { return false }
                    if buf[pos] == 0x22 { pos += 1; break }
                    pos += buf[pos] == 0x5C ? 2 : 1
                }
                if depth == 0 { return true }
                continue
            case 0x7B, 0x5B:
                depth += 1
            case 0x7D, 0x5D:
                if depth == 0 { return true }  // the end of the enclosing value: a bare value ended here
                depth -= 1
                if depth == 0 { pos += 1; return true }
            case 0x2C where depth == 0:
                return true
            default:
                break
            }
            pos += 1
        }
        return depth == 0
    }
}
