import Foundation
import XCTest
@testable import DatadogCodegen

final class UpToDateStampTests: XCTestCase {
    func testStampIsCurrentUntilAnInputOrOutputChanges() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-\(UUID().uuidString)")
        let pages = root.appendingPathComponent("pages"), templates = root.appendingPathComponent("templates"), output = root.appendingPathComponent("out")
        for folder in [pages, templates, output.appendingPathComponent("M")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("page".utf8).write(to: pages.appendingPathComponent("a.md"))
        try Data("t".utf8).write(to: templates.appendingPathComponent("model.mustache"))
        try Data("x".utf8).write(to: output.appendingPathComponent("M/A.swift"))

        func inputs() -> String { UpToDateStamp.inputs(pages: pages, pageFiles: ["a.md"], templates: templates, options: ["tags "]) }
        let stamp = UpToDateStamp(inputs: inputs(), outputs: UpToDateStamp.outputs(in: output, files: ["M/A.swift"]), summary: "s", diagnostics: [])
        try stamp.save(to: output)
        XCTAssertEqual(UpToDateStamp.load(from: output), stamp)
        XCTAssertTrue(stamp.isCurrent(inputs: inputs(), directory: output))

        // A page edited: not current.
        try Data("page, edited".utf8).write(to: pages.appendingPathComponent("a.md"))
        XCTAssertFalse(stamp.isCurrent(inputs: inputs(), directory: output))

        // An extra generated file: not current.
        let fresh = UpToDateStamp(inputs: inputs(), outputs: UpToDateStamp.outputs(in: output, files: ["M/A.swift"]), summary: "s", diagnostics: [])
        XCTAssertTrue(fresh.isCurrent(inputs: inputs(), directory: output))
        try Data("y".utf8).write(to: output.appendingPathComponent("M/B.swift"))
        XCTAssertFalse(fresh.isCurrent(inputs: inputs(), directory: output))
    }

    /// The stamp sees a change of size alone and of modification time alone, down to a fraction of a second.
    func testFileStampFollowsSizeAndSubSecondModificationTime() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-file-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertEqual(UpToDateStamp.fileStamp(file.path), "-")
        try Data("abc".utf8).write(to: file)
        let base = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: base], ofItemAtPath: file.path)
        let first = UpToDateStamp.fileStamp(file.path)
        XCTAssertTrue(first.hasPrefix("3:"), first)
        XCTAssertEqual(UpToDateStamp.fileStamp(file.path), first)

        // Same size, modification time 0.25 s later.
        try FileManager.default.setAttributes([.modificationDate: base.addingTimeInterval(0.25)], ofItemAtPath: file.path)
        let later = UpToDateStamp.fileStamp(file.path)
        XCTAssertNotEqual(later, first)

        // Same modification time, other size.
        try Data("abcd".utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: base.addingTimeInterval(0.25)], ofItemAtPath: file.path)
        let longer = UpToDateStamp.fileStamp(file.path)
        XCTAssertTrue(longer.hasPrefix("4:"), longer)
        XCTAssertNotEqual(longer, later)
    }

    func testRunningExecutableExists() {
        let executable = UpToDateStamp.runningExecutable()
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: executable.path), executable.path)
        XCTAssertNotEqual(UpToDateStamp.fileStamp(executable.path), "-")
    }
}
