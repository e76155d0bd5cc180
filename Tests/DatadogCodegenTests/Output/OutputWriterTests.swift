import Foundation
import XCTest
@testable import DatadogCodegen

/// Writing the output folder: whole when new, only changes afterwards, stale files removed.
final class OutputWriterTests: XCTestCase {
    func testFreshFolderThenChangesOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("nested/Generated")
        let writer = OutputWriter(directory: output)

        let first = try writer.write(["A/One.swift": "one", "B/Two.swift": "two"])
        XCTAssertEqual(first.written, ["A/One.swift", "B/Two.swift"])
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("B/Two.swift"), encoding: .utf8), "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, ["Generated"], "no staging folder is left beside the output")

        let second = try writer.write(["A/One.swift": "one", "C/Three.swift": "three"])
        XCTAssertEqual(second.written, ["C/Three.swift"])
        XCTAssertEqual(second.removed, ["B/Two.swift"])
        XCTAssertEqual(second.unchanged, 1)
        XCTAssertEqual(writer.existingFiles(), ["A/One.swift", "C/Three.swift"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted(), ["A", "C"],
                       "a module no longer generated leaves no empty folder")

        // A folder that still holds other files (here, not generated ones) stays.
        try Data("notes".utf8).write(to: output.appendingPathComponent("C/README.md"))
        let third = try writer.write(["A/One.swift": "one", "D/Deep/Four.swift": "four"])
        XCTAssertEqual(third.removed, ["C/Three.swift"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("C/README.md").path))
        _ = try writer.write(["A/One.swift": "one"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("D").path))
    }

    func testOutputPathThatIsAFileIsAnError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("writer-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try OutputWriter(directory: file).write(["A.swift": "a"])) { error in
            XCTAssertTrue("\(error)".contains("error:"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "x", "the file is left alone")
    }

    /// One file that cannot be written (a name too long for the file system) does not lose the others.
    func testUnwritableFileIsReportedAndTheRestIsWritten() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("writer-fail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(directory: root.appendingPathComponent("Generated"))
        let tooLong = "M/Models/" + String(repeating: "N", count: 300) + ".swift"

        let fresh = try writer.write(["M/Models/A.swift": "a", tooLong: "long", "M/APIs/B.swift": "b"])
        XCTAssertEqual(fresh.written, ["M/APIs/B.swift", "M/Models/A.swift"])
        XCTAssertEqual(fresh.failures.map(\.path), [tooLong])
        XCTAssertTrue(fresh.failures[0].problem.contains("cannot write"), fresh.failures[0].problem)
        XCTAssertEqual(writer.existingFiles(), ["M/APIs/B.swift", "M/Models/A.swift"])

        // Into an existing folder: a file whose place is taken by a folder, and the long name again.
        try FileManager.default.createDirectory(at: writer.directory.appendingPathComponent("M/Models/C.swift/inside"), withIntermediateDirectories: true)
        let update = try writer.write(["M/Models/A.swift": "a2", tooLong: "long", "M/Models/C.swift": "c", "M/APIs/B.swift": "b"])
        XCTAssertEqual(update.written, ["M/Models/A.swift"])
        XCTAssertEqual(update.failures.map(\.path), ["M/Models/C.swift", tooLong])
        XCTAssertEqual(try String(contentsOf: writer.directory.appendingPathComponent("M/Models/A.swift"), encoding: .utf8), "a2")

        // Reported against the page the file comes from, else against the file.
        let diagnostics = writer.diagnostics(update, sources: ["M/Models/C.swift": SourceLocation(file: "tag/page.md", line: 12)])
        XCTAssertEqual(diagnostics.count, 2)
        XCTAssertTrue(diagnostics[0].description.hasPrefix("tag/page.md:12:1: error: "), diagnostics[0].description)
        XCTAssertTrue(diagnostics[1].description.contains("error: cannot write: "), diagnostics[1].description)
        XCTAssertEqual(diagnostics.map(\.severity), [.error, .error])
    }
}
