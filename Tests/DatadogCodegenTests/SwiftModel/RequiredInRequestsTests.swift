import Foundation
import XCTest
@testable import DatadogCodegen

/// Occurrences of one type merge (stage 4); a property every request table requires stays
/// required although a response table shows it optional or leaves it out.
final class RequiredInRequestsTests: XCTestCase {
    private func structure(_ properties: [(String, Bool)], request: Bool) -> TypeDecl {
        TypeDecl(
            name: "Monitor", kind: .structure, doc: "", source: SourceLocation(file: "p.md", line: 1),
            properties: properties.map { wire, required in
                PropertyDecl(wireName: wire, name: wire, type: .string, required: required, deprecated: false, doc: "",
                             requiredInRequests: request ? required : nil)
            })
    }

    private func required(_ decl: TypeDecl) -> [String: Bool] {
        Dictionary(uniqueKeysWithValues: decl.properties.map { ($0.wireName, $0.required) })
    }

    func testRequestRequiredSurvivesAnOptionalOrMissingResponse() {
        let request = structure([("query", true), ("type", true), ("name", false)], request: true)
        let listResponse = structure([("query", false), ("name", false), ("id", false)], request: false)
        for merged in [TypeBuilder.merge(request, listResponse), TypeBuilder.merge(listResponse, request)] {
            XCTAssertEqual(required(merged), ["query": true, "type": true, "name": false, "id": false])
        }
    }

    func testResponsesAloneStillNeedEveryOccurrence() {
        let one = structure([("query", true), ("type", true)], request: false)
        let other = structure([("query", false)], request: false)
        XCTAssertEqual(required(TypeBuilder.merge(one, other)), ["query": false, "type": false])
        XCTAssertEqual(required(TypeBuilder.merge(one, one)), ["query": true, "type": true])
    }

    func testRequestsThatDisagreeMakeItOptional() {
        let create = structure([("query", true), ("type", true)], request: true)
        let update = structure([("query", false)], request: true)
        let response = structure([("query", true), ("type", true)], request: false)
        let merged = TypeBuilder.merge(TypeBuilder.merge(create, response), update)
        XCTAssertEqual(required(merged), ["query": false, "type": false])
    }
}
