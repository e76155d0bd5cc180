import XCTest
@testable import DatadogCodegen

/// The one tokenizer of the example bodies, per language: strings, comments and the statement's end.
final class ExampleTokensTests: XCTestCase {
    func testPythonTripleQuotedStringsCommentsAndTheLineEnd() {
        let tokens = ExampleSyntax.python.tokenize("X(a='''it's ) here''', # b(\n  c=1)\ny = 2")
        XCTAssertEqual(tokens, [.name("X"), .punct("("), .name("a"), .punct("="), .literal, .punct(","),
                                .name("c"), .punct("="), .literal, .punct(")"), .newline])
    }

    func testJavaNamesWithDollarBlockCommentsAndTheSemicolon() {
        let tokens = ExampleSyntax.java.tokenize("new $X(/* ; */ \"a\\\"; b\").v(1);\nnext;")
        XCTAssertEqual(tokens, [.name("new"), .name("$X"), .punct("("), .literal, .punct(")"), .punct("."), .name("v"),
                                .punct("("), .literal, .punct(")")])
    }

    func testGoRawStringsTakeNoEscapesAndTheStatementEndsAtTheLine() {
        let tokens = ExampleSyntax.go.tokenize("datadogV2.X{A: `c:\\`, // }\n B: 'x'}\nnext := 1")
        XCTAssertEqual(tokens, [.name("datadogV2"), .punct("."), .name("X"), .punct("{"), .name("A"), .punct(":"), .literal,
                                .punct(","), .name("B"), .punct(":"), .literal, .punct("}")])
    }

    func testAnUnterminatedStringEndsTheText() {
        XCTAssertEqual(ExampleSyntax.python.tokenize("X(a='open"), [.name("X"), .punct("("), .name("a"), .punct("="), .literal])
    }
}
