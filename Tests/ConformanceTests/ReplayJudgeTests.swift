@testable import Conformance
import Foundation
import XCTest

/// Figure 6 on small recorded scenarios: which calls are collected with which arguments, and the
/// verdicts, reasons and categories of the harness's output lines.
final class ReplayJudgeTests: XCTestCase {
    let dump = """
    {"modules": [{"name": "DatadogV2", "version": "v2", "types": ["Thing"]}],
     "pages": [{"file": "things/things.md", "operations": [
      {"version": "v2", "operation_id": "GetThing", "method": "GET", "path": "/api/v2/things/{thing_id}",
       "parameters": [{"name": "thing_id", "in": "path", "swift_type": "String"}, {"name": "include", "in": "query", "swift_type": "String"}]},
      {"version": "v2", "operation_id": "CreateThing", "method": "POST", "path": "/api/v2/things", "parameters": [],
       "request": {"swift_type": "Thing", "encoding": "json"}},
      {"version": "v2", "operation_id": "ListThings", "method": "GET", "path": "/api/v2/things",
       "parameters": [{"name": "page[offset]", "in": "query", "swift_type": "Int64"}]},
      {"version": "v2", "operation_id": "UploadThing", "method": "POST", "path": "/api/v2/things/upload",
       "parameters": [{"name": "file", "in": "form", "swift_type": "DatadogFile"}, {"name": "note", "in": "form", "swift_type": "String"}],
       "request": {"swift_type": "JSONValue", "encoding": "multipart"}}]}]}
    """

    /// An interaction of a recording.
    func interaction(_ index: Int, role: String, id: String, method: String, path: String, query: String = "{}",
                     request: String = #"{"headers": {}, "body_format": "empty"}"#, status: Int = 200, response: String) -> String {
        """
        {"index": \(index), "role": "\(role)", "operation_id": "\(id)", "operation_version": "v2", "method": "\(method)",
         "url": "https://api.datadoghq.com\(path)", "path_template": "\(path)", "path_params": {"thing_id": "t1"},
         "query_params": \(query), "request": \(request),
         "response": {"status_code": \(status), "headers": {"Content-Type": "application/json"}, \(response)}}
        """
    }

    /// Writes the cassettes into a temporary folder (`v2/things/<name>.json`) and collects their calls.
    func collect(_ cassettes: [String: String]) throws -> ReplayCalls {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
        let things = folder.appendingPathComponent("v2/things")
        try FileManager.default.createDirectory(at: things, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in cassettes { try Data(text.utf8).write(to: things.appendingPathComponent(name + ".json")) }
        return try ReplayCalls(dump: try JSONDecoder().decode(Dump.self, from: Data(dump.utf8)), cassettes: folder)
    }

    func cassette(_ interactions: [String], assertions: String = "[]", parameters: String = "[]") -> String {
        #"{"version": "v2", "interactions": ["# + interactions.joined(separator: ",") + #"], "assertions": "# + assertions
            + #", "request_parameters": "# + parameters + "}"
    }

    func sent(_ method: String, _ target: String, body: String = "", contentType: String? = nil, matched: Int = 0) -> ReplayOutput.Request {
        ReplayOutput.Request(method: method, target: target, matched: matched, bodyB64: Data(body.utf8).base64EncodedString(), contentType: contentType)
    }

    func report(_ replay: ReplayCalls, _ outputs: [ReplayOutput], paged: Set<String> = []) -> ReplayReport {
        ReplayReport(replay, outputs: Dictionary(outputs.map { ($0.id, $0) }, uniquingKeysWith: { $1 }), missing: [:], excluded: [:],
                     paged: paged, runSeconds: "0.1", crash: nil, examples: 15)
    }

    let getThing = #""body_format": "json", "body": {"data": {"id": "t1", "name": "b", "count": 2}}"#

    func testAPassingCallWithItsAssertions() throws {
        let replay = try collect(["get": cassette([interaction(0, role: "main", id: "GetThing", method: "GET", path: "/api/v2/things/t1",
                                                               query: #"{"include": ["a,b"]}"#, response: getThing)],
                                                  assertions: #"[{"kind": "status", "status": 200, "holds_on_recording": true},"#
                                                    + #" {"kind": "equal", "path": "data.name", "expected": "b", "holds_on_recording": true}]"#)])
        XCTAssertEqual(replay.calls.map(\.args), [["thing_id": "t1", "include": "a,b"]])
        XCTAssertEqual(replay.served[0].interactions[0].segments, ["", "api", "v2", "things", "t1"])
        let output = ReplayOutput(id: 0, outcome: "ok", json: #"{"data":{"count":2.0,"id":"t1","name":"b"}}"#,
                                  requests: [sent("GET", "/api/v2/things/t1?include=a%2Cb")])
        let report = report(replay, [output])
        XCTAssertEqual(report.passed, 1, report.lines.joined(separator: "\n"))
        XCTAssertEqual(Array(report.lines.suffix(2)), ["replay: 1 passed, 0 failed", "replay paginated: 0 passed, 0 failed"])
        XCTAssertTrue(report.lines.contains("   assertions checked: 2"), report.lines.joined(separator: "\n"))
    }

    func testRequestDifferencesAreNamed() throws {
        let body = #"{"headers": {"Content-Type": "application/json"}, "body_format": "json", "body": {"name": "x", "tags": ["a"]}}"#
        let replay = try collect(["create": cassette([interaction(0, role: "main", id: "CreateThing", method: "POST", path: "/api/v2/things",
                                                                  query: #"{"debug": ["1"]}"#, request: body, status: 201, response: getThing)])])
        XCTAssertEqual(replay.calls[0].body, #"{"name":"x","tags":["a"]}"#)
        let output = ReplayOutput(id: 0, outcome: "ok", json: #"{"data":{"count":2,"id":"t1","name":"b"}}"#,
                                  requests: [sent("POST", "/api/v2/things", body: #"{"name":"x"}"#, contentType: "text/plain")])
        let report = report(replay, [output])
        XCTAssertEqual(report.failing["replay"]?.map(\.item), ["v2/things/create.json"])
        XCTAssertEqual(report.failing["replay"]?.first?.detail, [
            "request: query debug=1 recorded, not sent; recorded query parameter debug is not a parameter of the operation",
            #"request: body $.tags: dropped (was ["a"])"#,
            "request: content type text/plain, recorded application/json",
        ].joined(separator: "; "))
        XCTAssertTrue(report.lines.contains("        1 request query: recorded parameter unknown to the operation"), report.lines.joined(separator: "\n"))
        XCTAssertTrue(report.lines.contains("        1 request body: value dropped"), report.lines.joined(separator: "\n"))
    }

    func testAMultipartUploadSendsTheRecordedParts() throws {
        let raw = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nfirst\r\n--XyZ--\r\n"
        let request = #"{"headers": {"Content-Type": "multipart/form-data; boundary=XyZ"}, "body_format": "text", "body": "#
            + OrderedJSON.quoted(raw, asciiOnly: false) + "}"
        let replay = try collect(["upload": cassette([interaction(0, role: "main", id: "UploadThing", method: "POST", path: "/api/v2/things/upload",
                                                                  request: request, response: getThing)])])
        XCTAssertNil(replay.calls[0].body)
        XCTAssertEqual(replay.calls[0].args, ["note": "first"])
        XCTAssertEqual(replay.calls[0].files?["file"], Multipart.File(fileName: "a.txt", data: Data("hello".utf8).base64EncodedString(), contentType: "text/plain"))
        XCTAssertEqual(replay.served[0].interactions[0].bodyOpaque, true)
        let good = ReplayOutput(id: 0, outcome: "ok", json: #"{"data":{"count":2,"id":"t1","name":"b"}}"#,
                                requests: [sent("POST", "/api/v2/things/upload", body: raw.replacingOccurrences(of: "XyZ", with: "b0"),
                                                contentType: "multipart/form-data; boundary=b0")])
        XCTAssertEqual(report(replay, [good]).passed, 1)
        let wrong = ReplayOutput(id: 0, outcome: "ok", json: #"{"data":{"count":2,"id":"t1","name":"b"}}"#,
                                 requests: [sent("POST", "/api/v2/things/upload", body: raw.replacingOccurrences(of: "first", with: "second"),
                                                 contentType: "multipart/form-data; boundary=XyZ")])
        XCTAssertEqual(report(replay, [wrong]).failing["replay"]?.first?.detail, "request: multipart part note: sent b'second', recorded 'first'")
    }

    func testAFailedAssertionAndAnUnconfirmableOne() throws {
        // absent equals null in the comparison, so dropping a null member passes it; an assertion on the length does not
        let recorded = #""body_format": "json", "body": {"data": {"id": "t1", "attrs": {"x": null, "y": 1}}}"#
        let replay = try collect(["get": cassette([interaction(0, role: "main", id: "GetThing", method: "GET", path: "/api/v2/things/t1", response: recorded)],
                                                  assertions: #"[{"kind": "length", "path": "data.attrs", "length": 2, "holds_on_recording": true},"#
                                                    + #" {"kind": "equal", "path": "data.id", "expected": "nope", "holds_on_recording": true}]"#)])
        let output = ReplayOutput(id: 0, outcome: "ok", json: #"{"data":{"attrs":{"y":1},"id":"t1"}}"#, requests: [sent("GET", "/api/v2/things/t1")])
        let report = report(replay, [output])
        XCTAssertEqual(report.failing["replay"]?.first?.detail, "assertion: length: data.attrs has length 1, expected 2")
        XCTAssertTrue(report.lines.contains("   assertions not evaluable (skipped): 1"), "the second does not hold on the recording itself")
        XCTAssertTrue(report.lines.contains("        1 assertion: length"), report.lines.joined(separator: "\n"))
    }

    func testADecodingFailureIsSummarizedAndCategorized() throws {
        let replay = try collect(["get": cassette([interaction(0, role: "main", id: "GetThing", method: "GET", path: "/api/v2/things/t1", response: getThing)],
                                                  assertions: #"[{"kind": "status", "status": 200, "holds_on_recording": true}]"#)])
        let error = "decode Thing: DecodingError.typeMismatch: Expected to decode String but found number instead. Path: data.count. Debug description: x"
        let output = ReplayOutput(id: 0, outcome: "client_error", error: error, requests: [sent("GET", "/api/v2/things/t1")])
        let report = report(replay, [output])
        XCTAssertEqual(report.failing["replay"]?.first?.detail,
                       "response: decode Thing: typeMismatch at $.data.count: Expected to decode String but found number instead")
        XCTAssertTrue(report.lines.contains("        1 response decode typeMismatch: expected String, found number"), report.lines.joined(separator: "\n"))
        XCTAssertTrue(report.lines.contains("   assertions not checked (the call failed before): 1"))
    }

    func testAPaginatedScenarioReplaysItsPagesInOrder() throws {
        let page = #""body_format": "json", "body": {"data": [{"id": "a"}]}"#
        let replay = try collect(["list": cassette([
            interaction(0, role: "main", id: "ListThings", method: "GET", path: "/api/v2/things", query: #"{"page[offset]": ["0"]}"#, response: page),
            interaction(1, role: "main_page", id: "ListThings", method: "GET", path: "/api/v2/things", query: #"{"page[offset]": ["1"]}"#, response: page),
        ], assertions: #"[{"kind": "items", "count": 2, "holds_on_recording": true}]"#)])
        XCTAssertEqual(replay.calls.map(\.args), [["page[offset]": "0"], ["page[offset]": "1"]])
        XCTAssertEqual(replay.paged.map(\.operationId), ["ListThingsPaginated"])
        XCTAssertEqual(replay.paged.map(\.id), [2])
        XCTAssertEqual(replay.paged.first?.pages, [0, 1])
        let outputs = [
            ReplayOutput(id: 0, outcome: "ok", json: #"{"data":[{"id":"a"}]}"#, requests: [sent("GET", "/api/v2/things?page%5Boffset%5D=0")]),
            ReplayOutput(id: 1, outcome: "ok", json: #"{"data":[{"id":"a"}]}"#, requests: [sent("GET", "/api/v2/things?page[offset]=1", matched: 1)]),
            ReplayOutput(id: 2, outcome: "ok", json: #"{"items":2}"#, requests: [sent("GET", "/", matched: 0), sent("GET", "/", matched: 1), sent("GET", "/", matched: -1)]),
        ]
        let passing = report(replay, outputs, paged: ["v2.ListThingsPaginated"])
        XCTAssertEqual(passing.passed, 2)
        XCTAssertTrue(passing.lines.contains("   assertions checked: 1"), passing.lines.joined(separator: "\n"))
        XCTAssertEqual(passing.pagedPassed, 1)
        var skipping = outputs
        skipping[2].requests = [sent("GET", "/", matched: 1)]
        let failing = report(replay, skipping, paged: ["v2.ListThingsPaginated"])
        XCTAssertEqual(failing.failing["replay-paginated"], [FailingItem("v2/things/list.json", "requests matched [1], recorded pages [0, 1]")])
        XCTAssertEqual(report(replay, outputs).failing["replay-paginated"]?.first?.detail, "no …Paginated method")
        XCTAssertEqual(passing.failing["replay"]?.map(\.item), [])
        XCTAssertEqual(report(replay, [outputs[0]]).failing["replay"]?.map(\.item), ["v2/things/list.json#1"])
    }

    func testOrderedJSONKeepsTheRecordingAsWritten() throws {
        let value = try OrderedJSON.parse(#"{"b": 1.50, "a": [true, null, "é\n"], "n": 12345678901234567890}"#)
        XCTAssertEqual(value.compact, #"{"b":1.50,"a":[true,null,"é\n"],"n":12345678901234567890}"#)
        XCTAssertEqual(value.text, #"{"b": 1.5, "a": [true, null, "\u00e9\n"], "n": 12345678901234567890}"#)
        XCTAssertNil(RecordedJSON.difference(value, try OrderedJSON.parse(#"{"n": 12345678901234567890, "a": [true, null, "é\n"], "b": 1.5, "z": null}"#)))
        XCTAssertThrowsError(try OrderedJSON.parse(#"{"a": }"#))
        XCTAssertThrowsError(try OrderedJSON.parse(String(repeating: "[", count: 10_000)))
    }
}
