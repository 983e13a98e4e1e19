import XCTest
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

final class PlanFileTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/duban-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.flatMap { mkdtemp($0) } }
        XCTAssertNotNil(made)
        dir = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    override func tearDown() {
        _ = system("rm -rf '\(dir)'")
    }

    func files() -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { out.append(name) }
        }
        return out.sorted()
    }

    func testSaveLoadKeepsBackupAndPermissions() throws {
        let path = dir + "/plan.json"
        try PlanFile.save(Fixture.plan, to: path)
        chmod(path, 0o640)
        var edited = Fixture.plan
        edited.title = "改过的标题"
        try PlanFile.save(edited, to: path)
        XCTAssertEqual(try PlanFile.load(path: path), edited)
        XCTAssertEqual(try PlanFile.load(path: path + ".bak"), Fixture.plan)
        var st = stat()
        stat(path, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o640)
        XCTAssertEqual(files(), ["plan.json", "plan.json.bak"], "no temporary file is left behind")
    }

    func testFailedWriteLeavesTheOldFileWhole() throws {
        let path = dir + "/plan.json"
        try PlanFile.save(Fixture.plan, to: path)
        let old = try PlanFile.read(path: path)
        var big = Fixture.plan
        big.title = String(repeating: "大", count: 10_000)
        XCTAssertThrowsError(try PlanFile.write(PlanJSON.encode(big), to: path, expecting: nil, backup: true,
                                                faults: .init(diskFullAfter: 5000))) { e in
            XCTAssertEqual(String(describing: e), "\(path): cannot save: No space left on device; the file on disk was not changed")
        }
        XCTAssertEqual(try PlanFile.read(path: path), old)
        XCTAssertThrowsError(try PlanFile.write(PlanJSON.encode(big), to: path, expecting: nil, backup: true,
                                                faults: .init(failRename: true)))
        XCTAssertEqual(try PlanFile.read(path: path), old)
        XCTAssertEqual(files().filter { $0.contains("tmp") }, [], "the temporary file is removed")
    }

    func testSaveIntoMissingFolderFails() {
        XCTAssertThrowsError(try PlanFile.save(Fixture.plan, to: dir + "/no/such/plan.json")) { e in
            XCTAssertTrue(String(describing: e).contains("cannot save: No such file or directory"))
        }
    }

    func testRefusesToOverwriteAFileChangedOnDisk() throws {
        let path = dir + "/plan.json"
        try PlanFile.save(Fixture.plan, to: path)
        let stamp = PlanFile.stamp(path: path)
        var theirs = Fixture.plan
        theirs.title = "别人保存的"
        usleep(10_000)
        try PlanFile.save(theirs, to: path)
        XCTAssertThrowsError(try PlanFile.save(Fixture.plan, to: path, expecting: stamp)) {
            XCTAssertEqual($0 as? FileError, .changedOnDisk(path: path))
        }
        XCTAssertEqual(try PlanFile.load(path: path).title, "别人保存的")
    }

    func testLoadErrorsNameTheFile() {
        XCTAssertThrowsError(try PlanFile.load(path: dir + "/missing.json")) {
            XCTAssertEqual(String(describing: $0), "\(dir)/missing.json: cannot read: No such file or directory")
        }
        FileManagerless.write(dir + "/bad.json", "{\"title\": 3}")
        XCTAssertThrowsError(try PlanFile.load(path: dir + "/bad.json")) {
            XCTAssertTrue(String(describing: $0).hasPrefix("\(dir)/bad.json:1:11: title: expected a string, found a number"))
        }
    }
}

enum FileManagerless {
    static func write(_ path: String, _ text: String) {
        let f = fopen(path, "w")
        fputs(text, f)
        fclose(f)
    }
}
