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
}
