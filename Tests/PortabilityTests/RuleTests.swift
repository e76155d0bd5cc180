import XCTest
@testable import Portability

final class RuleTests: XCTestCase {
    private func messages(_ source: String) -> [String] {
        Checker.check(source).map(\.message)
    }

    func testEachRule() {
        let cases: [(String, Int)] = [
            ("let s = info.\(Spelling.mtim).tv_sec", 0),
            ("let u = URL(fileURLWithPath: \"\(Spelling.proc)self/exe\")", 1),
            (Spelling.importGlibc, 2),
            ("@preconcurrency " + Spelling.importGlibc, 2),
            ("let s = " + Spelling.glibcQualified, 3),
            (Spelling.importNetworking, 4),
            ("let p = " + Spelling.epoll, 5),
            ("let w = " + Spelling.rawValue, 6),
        ]
        for (line, rule) in cases {
            XCTAssertEqual(Checker.check(line), [Problem(line: 1, message: Rule.all[rule].message)], line)
        }
    }

    func testFirstRuleWins() {
        // /proc (rule 2) before the stat field (rule 1) on the same line: rule 1 is reported, once.
        XCTAssertEqual(messages("let a = \"\(Spelling.proc)\" + \(Spelling.mtim)"), [Rule.all[0].message])
    }

    func testWordBoundariesArePython() {
        // `_` and letters are word characters; `²` is one too in Python's `\w` (ICU's `\w` says no).
        XCTAssertEqual(messages("let a = _\(Spelling.mtim)"), [])
        XCTAssertEqual(messages("let a = é\(Spelling.mtim)"), [])
        XCTAssertEqual(messages("let a = ²\(Spelling.mtim)"), [])
        XCTAssertEqual(messages("let a = (\(Spelling.mtim))"), [Rule.all[0].message])
    }

    func testSimilarPortableSpellingsPass() {
        XCTAssertEqual(messages("let s = info.st_mtimespec.tv_sec"), [])
        XCTAssertEqual(messages("let u = URL(string: \"https://example.com/api\")"), [])
        XCTAssertEqual(messages("import Foundation"), [])
        XCTAssertEqual(messages("let v = Kind.rawValue"), [])
    }
}
