import XCTest
@testable import DatadogCodegen

/// Lines, front matter and the body handed to cmark.
final class SourceTextTests: XCTestCase {
    func testLinesFrontMatterAndBody() {
        let source = SourceText(text: "---\r\ntitle: \"Hé\"\r\n---\r\n# Title\r\n\r\n| a | b |\nlast")
        XCTAssertEqual(source.lines, ["---", "title: \"Hé\"", "---", "# Title", "", "| a | b |", "last"])
        XCTAssertEqual(source.frontMatter, ["title": "Hé"])
        XCTAssertEqual(source.frontMatterLineCount, 3)
        XCTAssertEqual(source.line(4), "# Title")
        XCTAssertEqual(source.line(99), "")
        let body = String(decoding: source.markdownBody(), as: UTF8.self)
        XCTAssertEqual(source.markdownBody().filter { $0 == 0x0A }.count, 6, "line numbers are kept")
        XCTAssertFalse(body.contains("title"), "the front matter is blanked")
        XCTAssertTrue(body.hasSuffix("# Title\r\n\r\n| a | b |\nlast"))
    }

    func testEmptyAndInvalidInput() {
        XCTAssertEqual(SourceText(text: "").lines, [""])
        XCTAssertEqual(SourceText(text: "\n").lines, ["", ""])
        let invalid = SourceText(data: Data([0x61, 0xFF, 0x0A, 0x62]))
        XCTAssertEqual(invalid.lines, ["a\u{FFFD}", "b"])
        XCTAssertEqual(invalid.frontMatterLineCount, 0)
    }
}
