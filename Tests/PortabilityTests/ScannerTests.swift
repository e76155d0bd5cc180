import XCTest
@testable import Portability

final class ScannerTests: XCTestCase {
    func testCommentsPassStringsFail() {
        XCTAssertEqual(Checker.check("let a = 1 // \(Spelling.proc)self/exe"), [])
        XCTAssertEqual(Checker.check("let a = 1 /* \(Spelling.mtim) */ + 2"), [])
        XCTAssertEqual(Checker.check(text("/* outer /* inner */", Spelling.importGlibc, "*/ let a = 1")), [])
        XCTAssertEqual(Checker.check("let a = \"\(Spelling.proc)self/exe\""), [Problem(line: 1, message: Rule.all[1].message)])
        // `//` inside a string is not a comment; an escaped quote does not end the string.
        XCTAssertEqual(Checker.check("let a = \"http://x\" + \"\(Spelling.proc)\""), [Problem(line: 1, message: Rule.all[1].message)])
        XCTAssertEqual(Checker.check("let a = \"\\\" // \(Spelling.proc)\""), [Problem(line: 1, message: Rule.all[1].message)])
    }

    func testCodeLines() {
        XCTAssertEqual(CodeLines.scan("a /* b */ c // d"), [CodeLine(code: "a  c ", startsInString: false)])
        XCTAssertEqual(CodeLines.scan(text("let s = \(Spelling.quotes)", "// kept", Spelling.quotes)).map(\.startsInString), [false, true, true])
        XCTAssertEqual(CodeLines.scan(text("let s = \(Spelling.quotes)", "// kept", Spelling.quotes))[1].code, "// kept")
    }

    func testMultiLineStringsHoldNoDirectives() {
        let source = text(
            "let s = \(Spelling.quotes)",
            "    #if os(Linux)",
            "    \(Spelling.quotes)",
            "let t = \"\(Spelling.proc)meminfo\""
        )
        XCTAssertEqual(Checker.check(source), [Problem(line: 4, message: Rule.all[1].message)])
        // A spelling inside the multi-line string is a real use.
        XCTAssertEqual(Checker.check(text("let s = \(Spelling.quotes)", Spelling.proc, Spelling.quotes)), [Problem(line: 2, message: Rule.all[1].message)])
        XCTAssertEqual(Checker.check(text("let s = \(Spelling.quotes)", "#endif", Spelling.quotes)), [])
    }

    func testUniversalNewlines() {
        XCTAssertEqual(FileWalk.universalNewlines("a\r\nb\rc\n"), "a\nb\nc\n")
        let source = FileWalk.universalNewlines("#if os(Linux)\r\n\(Spelling.importGlibc)\r\n#endif\r\n\(Spelling.importGlibc)\r")
        XCTAssertEqual(Checker.check(source), [Problem(line: 4, message: Rule.all[2].message)])
    }
}
