import XCTest
@testable import Portability

final class BranchTests: XCTestCase {
    private let use = "let s = info.\(Spelling.mtim)"

    func testInsideOsLinuxPassesOutsideFails() {
        XCTAssertEqual(Checker.check(text("#if os(Linux)", use, "#endif")), [])
        XCTAssertEqual(Checker.check(text("#if os(Linux)", "#endif", use)), [Problem(line: 3, message: Rule.all[0].message)])
        XCTAssertEqual(Checker.check(text("#if !os(Linux)", use, "#endif")), [Problem(line: 2, message: Rule.all[0].message)])
    }

    func testElseOfCanImportDarwin() {
        XCTAssertEqual(Checker.check(text("#if canImport(Darwin)", "let a = 1", "#else", use, "#endif")), [])
        XCTAssertEqual(Checker.check(text("#if canImport(Darwin)", use, "#else", "#endif")), [Problem(line: 2, message: Rule.all[0].message)])
        XCTAssertEqual(Checker.check(text("#if canImport(Darwin)", "#elseif os(Linux)", use, "#endif")), [])
        // The #else of a test that is not Darwin's is compiled on Darwin too.
        XCTAssertEqual(Checker.check(text("#if DEBUG", "#else", use, "#endif")), [Problem(line: 3, message: Rule.all[0].message)])
        XCTAssertEqual(Checker.check(text("#if !canImport(Darwin)", use, "#endif")), [])
    }

    func testOrConditions() {
        XCTAssertEqual(Condition.classify(" os(Linux) || os(macOS)").linuxOnly, false)
        XCTAssertEqual(Condition.classify(" os(Linux) || os(Android)").linuxOnly, true)
        XCTAssertEqual(Condition.classify(" !os(Linux) || canImport(Darwin)").darwinOnly, true)
        XCTAssertEqual(Checker.check(text("#if os(Linux) || os(macOS)", use, "#endif")), [Problem(line: 2, message: Rule.all[0].message)])
        XCTAssertEqual(Checker.check(text("#if os(Linux) || os(Android)", use, "#endif")), [])
    }

    func testNestedBranches() {
        XCTAssertEqual(Checker.check(text("#if os(Linux)", "#if DEBUG", use, "#endif", "#endif")), [])
        XCTAssertEqual(Checker.check(text("#if DEBUG", "#if os(Linux)", "#endif", use, "#endif")), [Problem(line: 4, message: Rule.all[0].message)])
    }

    func testUnbalancedDirectives() {
        // Reported on the last line; a final newline makes an empty last line, as Python's split does.
        XCTAssertEqual(Checker.check(text("#if os(Linux)", use, "")), [Problem(line: 3, message: "#if without #endif")])
        XCTAssertEqual(Checker.check(text("let a = 1", "#endif")), [Problem(line: 2, message: "#endif without #if")])
        XCTAssertEqual(Checker.check("#else"), [Problem(line: 1, message: "#else without #if")])
        XCTAssertEqual(Checker.check(" # elseif os(Linux)"), [Problem(line: 1, message: "#elseif without #if")])
        XCTAssertEqual(Checker.check("#ifdef X"), [])
    }
}
