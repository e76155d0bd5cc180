import Foundation
import XCTest

@testable import DatadogRuntime

// MARK: - Hand-made types following the generated patterns (templates/model.mustache)

/// `relationships.group.data`: JSON:API to-one linkage, required and nullable.
struct Linkage: Codable, Hashable, Sendable {
    var id: String
    var type: String
    var additionalProperties: [String: JSONValue]

    init(id: String, type: String, additionalProperties: [String: JSONValue] = [:]) {
        self.id = id
        self.type = type
        self.additionalProperties = additionalProperties
    }

    enum CodingKeys: String, CodingKey {
        case id = "id"
        case type = "type"
    }

    static let knownKeys: Set<String> = ["id", "type"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try container.decodeValue(String.self, forKey: .id)
        self.type = try container.decodeValue(String.self, forKey: .type)
        self.additionalProperties = try decoder.decodeAdditionalProperties(knownKeys: Self.knownKeys)
    }

    func encode(to encoder: any Encoder) throws {
        try encoder.encodeAdditionalProperties(additionalProperties)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeValue(self.id, forKey: .id)
        try container.encodeValue(self.type, forKey: .type)
    }
}

struct Relationship: Codable, Hashable, Sendable {
    /// Required and nullable.
    var data: Nullable<Linkage>
    /// Optional and nullable.
    var meta: Nullable<Linkage>?
    var additionalProperties: [String: JSONValue]

    init(data: Linkage?, meta: Nullable<Linkage>? = nil, additionalProperties: [String: JSONValue] = [:]) {
        self.data = Nullable(data)
        self.meta = meta
        self.additionalProperties = additionalProperties
    }

    enum CodingKeys: String, CodingKey {
        case data = "data"
        case meta = "meta"
    }

    static let knownKeys: Set<String> = ["data", "meta"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.data = try container.decodeValue(Nullable<Linkage>.self, forKey: .data)
        self.meta = try container.decodeNullableValue(Nullable<Linkage>.self, forKey: .meta)
        self.additionalProperties = try decoder.decodeAdditionalProperties(knownKeys: Self.knownKeys)
    }

    func encode(to encoder: any Encoder) throws {
        try encoder.encodeAdditionalProperties(additionalProperties)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeValue(self.data, forKey: .data)
        try container.encodeOptionalValue(self.meta, forKey: .meta)
    }
}

/// An object with an optional member of a generated type (`owner`) and of an array of one (`items`).
struct Holder: Codable, Hashable, Sendable {
    var name: String
    var owner: Linkage?
    var items: [Linkage]?
    var additionalProperties: [String: JSONValue]

    init(name: String, owner: Linkage? = nil, items: [Linkage]? = nil, additionalProperties: [String: JSONValue] = [:]) {
        self.name = name
        self.owner = owner
        self.items = items
        self.additionalProperties = additionalProperties
    }

    enum CodingKeys: String, CodingKey {
        case name = "name"
        case owner = "owner"
        case items = "items"
    }

    static let knownKeys: Set<String> = ["name", "owner", "items"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var kept = KeptMembers()
        self.name = try container.decodeValue(String.self, forKey: .name)
        self.owner = try container.decodeOptionalValue(Linkage.self, forKey: .owner, keeping: &kept)
        self.items = try container.decodeOptionalValue([Linkage].self, forKey: .items, keeping: &kept)
        self.additionalProperties = try decoder.decodeAdditionalProperties(knownKeys: Self.knownKeys, kept: kept)
    }

    func encode(to encoder: any Encoder) throws {
        try encoder.encodeAdditionalProperties(additionalProperties)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeValue(self.name, forKey: .name)
        try container.encodeOptionalValue(self.owner, forKey: .owner)
        try container.encodeOptionalValue(self.items, forKey: .items)
    }
}

private func roundTrip<T: Codable>(_ type: T.Type, _ json: String, strict: Bool = false) throws -> (T, JSONValue) {
    let value = try DatadogJSON.makeDecoder(strict: strict).decode(T.self, from: Data(json.utf8))
    let encoded = try DatadogJSON.makeEncoder().encode(value)
    return (value, try JSONDecoder().decode(JSONValue.self, from: encoded))
}

private func json(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

final class NullableTests: XCTestCase {
    func testNullLinkageRoundTrips() throws {
        let (value, encoded) = try roundTrip(Relationship.self, #"{"data": null}"#)
        XCTAssertEqual(value.data, .null)
        XCTAssertNil(value.data.value)
        XCTAssertNil(value.meta, "an absent optional member stays absent")
        XCTAssertEqual(encoded, try json(#"{"data": null}"#))
    }

    func testLinkageValueAndOptionalNullRoundTrip() throws {
        let text = #"{"data": {"id": "g1", "type": "groups"}, "meta": null}"#
        let (value, encoded) = try roundTrip(Relationship.self, text)
        XCTAssertEqual(value.data.value?.id, "g1")
        XCTAssertEqual(value.meta, .null, "null stays apart from absent")
        XCTAssertEqual(encoded, try json(text))
    }

    func testNullLinkageIsNotAStrictModeError() throws {
        let (value, _) = try roundTrip(Relationship.self, #"{"data": null}"#, strict: true)
        XCTAssertEqual(value.data, .null)
    }

    func testRequiredNullableStillNeedsItsKey() {
        XCTAssertThrowsError(try roundTrip(Relationship.self, #"{}"#))
    }

    func testInitializerTakesAPlainOptional() throws {
        let built = Relationship(data: nil)
        XCTAssertEqual(String(decoding: try DatadogJSON.makeEncoder().encode(built), as: UTF8.self), #"{"data":null}"#)
        let linked = Relationship(data: Linkage(id: "x", type: "t"))
        XCTAssertEqual(
            String(decoding: try DatadogJSON.makeEncoder().encode(linked), as: UTF8.self), #"{"data":{"id":"x","type":"t"}}"#)
    }

    func testNestedNullCostsOnlyItsOptionalMember() throws {
        // `owner.id` and the second item are null where a value is required.
        let text = #"{"name": "n", "owner": {"id": null, "type": "users"}, "items": [{"id": "a", "type": "t"}, null]}"#
        let (value, encoded) = try roundTrip(Holder.self, text)
        XCTAssertEqual(value.name, "n")
        XCTAssertNil(value.owner)
        XCTAssertNil(value.items)
        XCTAssertEqual(value.additionalProperties["owner"], try json(#"{"id": null, "type": "users"}"#))
        XCTAssertEqual(encoded, try json(text), "the kept members are written back unchanged")
    }

    func testStrictModeReportsTheNestedNull() {
        let text = #"{"name": "n", "owner": {"id": null, "type": "users"}}"#
        XCTAssertThrowsError(try roundTrip(Holder.self, text, strict: true)) { error in
            guard case DecodingError.valueNotFound(_, let context)? = error as? DecodingError else {
                return XCTFail("expected valueNotFound, got \(error)")
            }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["owner"])
            XCTAssertTrue(context.debugDescription.contains("strict mode"), context.debugDescription)
        }
    }

    func testOtherErrorsStillFail() {
        // A number where a string is due is not a null: the response does not decode.
        XCTAssertThrowsError(try roundTrip(Holder.self, #"{"name": "n", "owner": {"id": 5, "type": "users"}}"#))
        XCTAssertThrowsError(try roundTrip(Holder.self, #"{"name": null}"#), "a null with no optional member above fails")
    }

    func testSettingAKeptMemberReplacesIt() throws {
        var (value, _) = try roundTrip(Holder.self, #"{"name": "n", "owner": {"id": null, "type": "users"}}"#)
        value.owner = Linkage(id: "u1", type: "users")
        let encoded = try JSONDecoder().decode(JSONValue.self, from: DatadogJSON.makeEncoder().encode(value))
        XCTAssertEqual(encoded, try json(#"{"name": "n", "owner": {"id": "u1", "type": "users"}}"#))
    }
}

/// Splits a `multipart/form-data` body into its parts: a test-side parser on bytes, independent of the encoder.
func parseMultipart(_ body: Data, contentType: String) throws -> [MultipartPart] {
    let boundary = try XCTUnwrap(contentType.components(separatedBy: "boundary=").last)
    let bytes = [UInt8](body)
    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
    let delimiter = Array("--\(boundary)".utf8)
    let crlf = Array("\r\n".utf8)
    XCTAssertEqual(find(delimiter, from: 0), 0, "the body starts with the first delimiter")
    var parts: [MultipartPart] = []
    var position = delimiter.count
    while Array(bytes[position..<min(position + 2, bytes.count)]) == crlf {
        let headStart = position + 2
        let headEnd = try XCTUnwrap(find(crlf + crlf, from: headStart))
        let next = try XCTUnwrap(find(crlf + delimiter, from: headEnd + 4))
        var name = "", filename: String?, partType: String?
        for line in String(decoding: bytes[headStart..<headEnd], as: UTF8.self).components(separatedBy: "\r\n") {
            if line.hasPrefix("Content-Disposition: form-data; ") {
                for item in line.dropFirst("Content-Disposition: form-data; ".count).components(separatedBy: "; ") {
                    let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
                    let value = String(pair[1].dropFirst().dropLast())
                    if pair[0] == "name" { name = value } else if pair[0] == "filename" { filename = value }
                }
            } else if line.hasPrefix("Content-Type: ") {
                partType = String(line.dropFirst("Content-Type: ".count))
            }
        }
        parts.append(MultipartPart(name: name, filename: filename, contentType: partType, data: Data(bytes[(headEnd + 4)..<next])))
        position = next + 2 + delimiter.count
    }
    XCTAssertEqual(Array(bytes[position...]), Array("--\r\n".utf8), "the body ends with the closing delimiter")
    return parts
}

final class MultipartTests: XCTestCase {
    func testFilesAndFieldsAreEncodedAsParts() throws {
        var parts: [MultipartPart] = []
        let metadata = Data("<EntityDescriptor/>\n".utf8)
        parts.appendFile("idp_file", DatadogFile(data: metadata, fileName: "idp.xml", contentType: "application/xml"))
        parts.appendFile("absent", nil)
        parts.appendText("name", "my \"api\"")
        parts.appendText("count", Int64(3))
        parts.appendText("none", String?.none)
        try parts.appendJSON("tags", ["a", "b"])
        var request = APIRequest(operationID: "UploadIdPMetadata", method: "POST", path: "/api/v1/saml_configurations/idp_metadata")
        request.setMultipartBody(parts)

        let contentType = try XCTUnwrap(request.contentType)
        XCTAssertTrue(contentType.hasPrefix("multipart/form-data; boundary=datadog-"), contentType)
        let parsed = try parseMultipart(try XCTUnwrap(request.body), contentType: contentType)
        XCTAssertEqual(parsed.map(\.name), ["idp_file", "name", "count", "tags"])
        XCTAssertEqual(parsed[0], MultipartPart(name: "idp_file", filename: "idp.xml", contentType: "application/xml", data: metadata))
        XCTAssertEqual(parsed[1], MultipartPart(name: "name", text: "my \"api\""))
        XCTAssertEqual(parsed[2], MultipartPart(name: "count", text: "3"))
        XCTAssertEqual(parsed[3], MultipartPart(name: "tags", contentType: "application/json", data: Data(#"["a","b"]"#.utf8)))
    }

    func testFileFromURL() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("datadog-file-\(UUID().uuidString).yaml")
        try Data("openapi: 3.0.0\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try DatadogFile(contentsOf: url)
        XCTAssertEqual(file.fileName, url.lastPathComponent)
        XCTAssertEqual(file.contentType, "application/octet-stream")
        XCTAssertEqual(file.data, Data("openapi: 3.0.0\n".utf8))
    }
}
