@testable import Conformance
import Foundation
import XCTest

/// The harness sources rendered from a small dump: the round trip's examples and tables, the replay's
/// functions from the dump's signatures (no reading of generated code).
final class HarnessTests: XCTestCase {
    let dump = """
    {"modules": [{"name": "DatadogV2", "version": "v2", "types": ["Thing", "ThingKind", "ThingsResponse"]}],
     "pages": [{"file": "things/list-things.md", "operations": [
      {"version": "v2", "operation_id": "ListThings", "method": "GET", "path": "/api/v2/things", "swift_method": "listThings",
       "swift_api": "ThingsAPI", "swift_module": "DatadogV2", "line": 3, "returns": "ThingsResponse",
       "arguments": [
         {"name": "kind", "swift_type": "ThingKind", "required": true, "body": false, "parameter": "filter[kind]"},
         {"name": "pageSize", "swift_type": "Int64", "required": false, "body": false, "parameter": "page[size]"},
         {"name": "tags", "swift_type": "[String]", "required": false, "body": false, "parameter": "tags"}],
       "pagination": {"swift_method": "listThingsPaginated", "arguments": [
         {"name": "kind", "swift_type": "ThingKind", "required": true, "body": false, "parameter": "filter[kind]", "default": null},
         {"name": "pageSize", "swift_type": "Int64", "required": true, "body": false, "parameter": "page[size]", "default": "10"},
         {"name": "tags", "swift_type": "[String]", "required": false, "body": false, "parameter": "tags", "default": null}]},
       "request": null,
       "responses": [{"status": "200", "swift_type": "ThingsResponse", "example": "{\\"data\\": []}", "example_line": 9},
                     {"status": "400", "swift_type": "JSONValue", "example": "{}", "example_line": 12}]},
      {"version": "v2", "operation_id": "CreateThing", "method": "POST", "path": "/api/v2/things", "swift_method": "createThing",
       "swift_api": "ThingsAPI", "swift_module": "DatadogV2", "line": 30, "returns": null,
       "arguments": [{"name": "body", "swift_type": "[Thing]", "required": true, "body": true, "parameter": null}],
       "request": {"swift_type": "[Thing]", "encoding": "json", "example": "{\\"id\\": 1}", "example_line": 33},
       "responses": [{"status": "204", "swift_type": null, "example": null}]},
      {"version": "v2", "operation_id": "UploadThing", "method": "POST", "path": "/api/v2/things/upload", "swift_method": "uploadThing",
       "swift_api": "ThingsAPI", "swift_module": "DatadogV2", "line": 40, "returns": "Data",
       "arguments": [{"name": "file", "swift_type": "DatadogFile", "required": false, "body": false, "parameter": "file"}],
       "request": {"swift_type": "JSONValue", "encoding": "multipart", "example": "x", "example_line": 41},
       "responses": []}]}]}
    """

    func decoded() throws -> Dump {
        try JSONDecoder().decode(Dump.self, from: Data(dump.utf8))
    }

    func testQualifierPrefixesTheModulesTypesOnly() throws {
        let qualifier = SwiftQualifier(try decoded())
        XCTAssertEqual(qualifier.qualify("[String: [Thing]]", in: "DatadogV2"), "[String: [HarnessDatadogV2.Thing]]")
        XCTAssertEqual(qualifier.qualify("Indirect<ThingKind>", in: "DatadogV2"), "Indirect<HarnessDatadogV2.ThingKind>")
        XCTAssertEqual(qualifier.qualify("Other", in: "DatadogV2"), "Other", "not a type of the module")
        XCTAssertEqual(qualifier.qualify("Other", in: "DatadogV1"), "HarnessDatadogV1.Other", "a module without a type list")
        XCTAssertEqual(qualifier.qualify("Int64", in: "DatadogV1"), "Int64")
    }

    func testExamplesAreTheJSONBodiesWithAModelType() throws {
        let examples = RoundTripExamples(try decoded())
        XCTAssertEqual(examples.examples.map(\.type), ["DatadogV2.ThingsResponse", "DatadogV2.Thing"])
        XCTAssertEqual(examples.examples.map(\.harnessType), ["HarnessDatadogV2.ThingsResponse", "HarnessDatadogV2.Thing"])
        XCTAssertEqual(examples.examples.map(\.label), ["response 200", "request"])
        XCTAssertEqual(examples.examples.map(\.element), [false, true], "an object example of a list body checks the element")
        XCTAssertEqual(examples.examples.map(\.line), [9, 33])
        XCTAssertEqual(examples.skipped.map(\.reason), ["swift_type JSONValue", "request encoding multipart"])
    }

    func testRoundTripTablesOwnTheirLines() {
        let files = RoundTripHarness.files(types: ["HarnessDatadogV2.B", "HarnessDatadogV2.A", "HarnessDatadogV2.A"], imports: ["HarnessDatadogV2"])
        XCTAssertEqual(files.map(\.name), ["Table0.swift", "Dispatch.swift"])
        let owners = HarnessFile.lineOwners(files)
        XCTAssertEqual(owners.values.flatMap { $0 }.sorted(), ["HarnessDatadogV2.A", "HarnessDatadogV2.B"])
        for (place, types) in owners {
            let line = Int(place.split(separator: ":")[1])!
            XCTAssertTrue(files[0].lines[line - 1].contains("return try reencode(\(types[0]).self, data)"))
        }
        XCTAssertTrue(files[0].text.contains("import HarnessDatadogV2\n"))
    }

    func testReplayFunctionsFollowTheDumpsSignatures() throws {
        let replay = ReplayHarness(try decoded())
        XCTAssertEqual(replay.keys, ["v2.CreateThing", "v2.ListThings", "v2.ListThingsPaginated", "v2.UploadThing"])
        XCTAssertEqual(replay.paged, ["v2.ListThingsPaginated"])
        let files = replay.files(imports: ["HarnessDatadogV2"], excluded: [])
        XCTAssertEqual(files.map(\.name), ["Ops_DatadogV2_ThingsAPI.swift", "Arguments.swift", "Registry.swift"])
        let ops = files[0].text
        XCTAssertTrue(ops.contains("""
            let a0: HarnessDatadogV2.ThingKind = try call.argument("filter[kind]", HarnessDatadogV2.ThingKind.self)
            let a1: Int64? = try call.optionalArgument("page[size]", Int64.self)
            let a2: [String]? = try call.optionalArgument("tags", [String].self)
            let result = try await api.listThings(`kind`: a0, `pageSize`: a1, `tags`: a2)
            return try ReplayOutcome.value(result)
        """), ops)
        XCTAssertTrue(ops.contains("""
            let a0: [HarnessDatadogV2.Thing] = try call.body([HarnessDatadogV2.Thing].self)
            try await api.createThing(`body`: a0)
            return .none
        """), ops)
        XCTAssertTrue(ops.contains("""
            let a1: Int64 = try call.optionalArgument("page[size]", Int64.self) ?? 10
        """), ops)
        XCTAssertTrue(ops.contains("for try await _ in api.listThingsPaginated(`kind`: a0, `pageSize`: a1, `tags`: a2) {"), ops)
        XCTAssertTrue(ops.contains("let a0: DatadogFile? = try call.optionalFile(\"file\")"), ops)
        XCTAssertEqual(files[1].lines.last, "extension HarnessDatadogV2.ThingKind: ReplayArgument {}")
        XCTAssertEqual(files[1].owners.count, 1, "only model types get a conformance (String, Int64, [String] are read by the support)")
        XCTAssertEqual(HarnessFile.lineOwners([files[1]]).values.first?.sorted(), ["v2.ListThings", "v2.ListThingsPaginated"])
        XCTAssertTrue(files[2].text.contains("    register_Ops_DatadogV2_ThingsAPI(&table)\n"))

        let without = replay.files(imports: ["HarnessDatadogV2"], excluded: ["v2.ListThings", "v2.ListThingsPaginated"])
        XCTAssertFalse(without[0].text.contains("listThings"))
        XCTAssertFalse(without[1].text.contains("extension"), "no conformance without a function using it")
    }
}

/// Two parameter types that are typealiases of one type get one conformance (two would be a
/// "redundant conformance" error that drops both operations from the replay).
final class HarnessAliasTests: XCTestCase {
    func testAliasesOfOneTypeGetOneConformance() throws {
        let dump = """
        {"modules": [{"name": "DatadogV1", "version": "v1", "types": ["Encoding", "PointsEncoding", "MetricEncoding"],
                      "aliases": {"MetricEncoding": "PointsEncoding"}}],
         "pages": [{"file": "metrics/submit.md", "operations": [
          {"version": "v1", "operation_id": "SubmitA", "method": "POST", "path": "/a", "swift_method": "submitA",
           "swift_api": "MetricsAPI", "swift_module": "DatadogV1", "line": 1, "returns": null,
           "arguments": [{"name": "contentEncoding", "swift_type": "PointsEncoding", "required": false, "body": false, "parameter": "Content-Encoding"}],
           "request": null, "responses": []},
          {"version": "v1", "operation_id": "SubmitB", "method": "POST", "path": "/b", "swift_method": "submitB",
           "swift_api": "MetricsAPI", "swift_module": "DatadogV1", "line": 9, "returns": null,
           "arguments": [{"name": "contentEncoding", "swift_type": "MetricEncoding?", "required": false, "body": false, "parameter": "Content-Encoding"},
                         {"name": "other", "swift_type": "Encoding", "required": false, "body": false, "parameter": "other"}],
           "request": null, "responses": []}]}]}
        """
        let decoded = try JSONDecoder().decode(Dump.self, from: Data(dump.utf8))
        XCTAssertEqual(SwiftQualifier(decoded).resolvingAliases("MetricEncoding", in: "DatadogV1"), "PointsEncoding")
        let files = ReplayHarness(decoded).files(imports: ["HarnessDatadogV1"], excluded: [])
        let arguments = try XCTUnwrap(files.first { $0.name == "Arguments.swift" }).text
        let conformances = arguments.split(separator: "\n").filter { $0.hasPrefix("extension ") }
        XCTAssertEqual(conformances, [
            "extension HarnessDatadogV1.Encoding: ReplayArgument {}",
            "extension HarnessDatadogV1.PointsEncoding: ReplayArgument {}",
        ])
    }
}
