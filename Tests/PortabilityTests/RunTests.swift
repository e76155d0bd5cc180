import Foundation
import XCTest
@testable import Portability

final class RunTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testFixtureSelfTest() throws {
        let fixtures = root.appendingPathComponent(".ci/portability-fixtures").path
        XCTAssertNil(try Portability.selfTest(fixtures: fixtures))
        let bad = try FileWalk.read(fixtures + "/linux-only.swift.txt")
        let expected = CodeLines.lines(bad).enumerated()
            .filter { String(String.UnicodeScalarView($0.element)).hasSuffix("// EXPECT") }
            .map { $0.offset + 1 }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(Checker.check(bad).map(\.line), expected)
        XCTAssertEqual(Checker.check(try FileWalk.read(fixtures + "/portable.swift.txt")), [])
    }

    func testTheCheckerPassesItself() throws {
        let paths = FileWalk.files([root.appendingPathComponent("Sources/Portability").path,
                                    root.appendingPathComponent("Sources/datadog-codegen-portability").path,
                                    root.appendingPathComponent("Tests/PortabilityTests").path])
        XCTAssertGreaterThanOrEqual(paths.count, 10)
        for path in paths {
            XCTAssertEqual(Checker.check(try FileWalk.read(path)), [], path)
        }
    }

    func testFileWalkOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portability-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["b/x.swift", "a/y.mustache", "a/.hidden/z.swift", ".git/w.swift", "B.swift", "a.swift.in", "c.txt", "_.swift"] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("let a = 1\n".utf8).write(to: url)
        }
        let files = FileWalk.files([folder.path, folder.appendingPathComponent("c.txt").path, folder.appendingPathComponent("missing").path])
        XCTAssertEqual(files.map { String($0.dropFirst(folder.path.count)) },
                       ["/B.swift", "/_.swift", "/a.swift.in", "/a/y.mustache", "/b/x.swift", "/c.txt"])
    }
}
