@testable import Conformance
import DatadogRuntime
import Foundation
import XCTest

final class RoundTripJudgeTests: XCTestCase {
    func example(_ id: Int, _ json: String, type: String = "DatadogV2.Thing") -> RoundTripExamples.Example {
        RoundTripExamples.Example(id: id, page: "things/a.md", line: 10 + id, label: "response 200", operation: "v2 GetThing",
                                  module: "DatadogV2", element: false, type: type, harnessType: "Harness" + type, json: json)
    }

    func testJSONIsComparedAbsentAsNullNumbersByValue() {
        let parse = JSONComparison.parse
        XCTAssertNil(JSONComparison.difference(parse(#"{"a": 1, "b": null}"#), parse(#"{"a": 1.0}"#)))
        XCTAssertEqual(JSONComparison.difference(parse(#"{"a": {"b": [1, "x"]}}"#), parse(#"{"a": {"b": [1, "y"]}}"#)),
                       #"$.a.b[1]: "x" became "y""#)
        XCTAssertEqual(JSONComparison.difference(parse(#"{"a": 1, "z": true}"#), parse(#"{"z": true}"#)), "$.a: dropped (was 1)")
        XCTAssertEqual(JSONComparison.difference(parse(#"{"z": true}"#), parse(#"{"z": 1}"#)), "$.z: true became 1")
        XCTAssertEqual(JSONComparison.difference(parse("[1]"), parse("[1, 2]")), "$: array of 1 became 2")
        XCTAssertEqual(JSONComparison.difference(parse(#""5""#), parse("5")), #"$: "5" became 5"#)
        XCTAssertEqual(JSONComparison.text(parse(#"{"b": "é\n", "a": [1.5, null]}"#)), #"{"a": [1.5, null], "b": "\u00e9\n"}"#)
    }

    func testFailuresAreJudgedCategorizedAndCounted() {
        let examples = [
            example(0, #"{"id": "1"}"#),
            example(1, #"{"position": "integer"}"#),
            example(2, #"{"id": "2", "extra": 3}"#),
            example(3, #"{"id": "3"}"#, type: "DatadogV2.Broken"),
            example(4, #"{"id": "4"}"#),
        ]
        let outputs = [
            RoundTripJudge.Output(id: 0, json: #"{"id":"1"}"#, error: nil),
            RoundTripJudge.Output(id: 1, json: nil, error: "decode: typeMismatch at $.position: expected Int64: Expected to decode Int64 but found a string instead."),
            RoundTripJudge.Output(id: 2, json: #"{"id":"2"}"#, error: nil),
        ]
        let judge = RoundTripJudge(examples: examples, outputs: outputs, excluded: ["HarnessDatadogV2.Broken": "cannot find type"])
        XCTAssertEqual(judge.passed, 1)
        XCTAssertEqual(judge.failures.map(\.reason), [
            "decode: typeMismatch at $.position: expected Int64: Expected to decode Int64 but found a string instead.",
            "$.extra: dropped (was 3)",
            "harness: DatadogV2.Broken does not compile: cannot find type",
            "no result (harness crashed before it?)",
        ])
        XCTAssertEqual(judge.placeholderFailures, 1)
        XCTAssertEqual(judge.failing.first, FailingItem("things/a.md | v2 GetThing response 200", "DatadogV2.Thing: " + judge.failures[0].reason))
        let lines = judge.lines(build: "1.5", run: "0.2", crash: nil)
        XCTAssertEqual(lines.last, "roundtrip: 1 passed, 4 failed (1 of the failures are page-example placeholders no type could decode)")
        XCTAssertTrue(lines.contains("        1 example placeholder \"integer\" where Int64 is expected (page quirk)"), lines.joined(separator: "\n"))
        XCTAssertEqual(RoundTripJudge.category("$.a: \"12\" became 12", example: nil), "numeric-looking string re-encoded as a number")
        XCTAssertEqual(RoundTripJudge.category("decode: keyNotFound at $.a[3].b: x", example: nil), "decode keyNotFound: required key absent in the example")
    }
}
