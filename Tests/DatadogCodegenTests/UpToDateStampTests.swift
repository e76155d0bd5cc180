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
}
