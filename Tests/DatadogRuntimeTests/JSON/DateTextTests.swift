import Foundation
import XCTest

@testable import DatadogRuntime

/// A model written as the generator writes one with date-time members (`model.mustache`).
private struct Event: Codable, Hashable, Sendable {
    @DateText var startedAt: Date
    @DateText var endedAt: Date?
    var additionalProperties: [String: JSONValue]

    init(startedAt: Date, endedAt: Date? = nil, additionalProperties: [String: JSONValue] = [:]) {
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.additionalProperties = additionalProperties
    }

    enum CodingKeys: String, CodingKey {
        case startedAt = "started_at"
        case endedAt = "ended_at"
    }

    static let knownKeys: Set<String> = ["started_at", "ended_at"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self._startedAt = try container.decodeDateText(Date.self, forKey: .startedAt)
        self._endedAt = try container.decodeDateText(Date?.self, forKey: .endedAt)
        self.additionalProperties = try decoder.decodeAdditionalProperties(knownKeys: Self.knownKeys)
    }

    func encode(to encoder: any Encoder) throws {
        try encoder.encodeAdditionalProperties(additionalProperties)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeDateText(self._startedAt, forKey: .startedAt)
        try container.encodeDateText(self._endedAt, forKey: .endedAt)
    }
}

/// Holds an `Event` the way a generated model holds an optional member of a generated type.
private struct EventHolder: Codable, Sendable {
    var event: Event?
    var additionalProperties: [String: JSONValue]

    enum CodingKeys: String, CodingKey { case event }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var kept = KeptMembers()
        self.event = try container.decodeOptionalValue(Event.self, forKey: .event, keeping: &kept)
        self.additionalProperties = try decoder.decodeAdditionalProperties(knownKeys: ["event"], kept: kept)
    }

    func encode(to encoder: any Encoder) throws {
        try encoder.encodeAdditionalProperties(additionalProperties)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeOptionalValue(event, forKey: .event)
    }
}

final class DateTextTests: XCTestCase {
    /// 2023-07-10T18:58:47Z
    private let base = Date(timeIntervalSince1970: 1_689_015_527)

    func testDecodedTextIsReadAsADateAndEncodedBackUnchanged() throws {
        let text = #"{"ended_at":"2023-07-10T20:58:47.123456789+02:00","started_at":"2023-07-10T18:58:47Z"}"#
        let event = try decode(Event.self, text)
        XCTAssertEqual(event.startedAt, base)
        XCTAssertEqual(try XCTUnwrap(event.endedAt).timeIntervalSince1970, base.timeIntervalSince1970 + 0.123456789, accuracy: 1e-6)
        XCTAssertEqual(event.$startedAt, "2023-07-10T18:58:47Z", "the projected value is the text as received")
        XCTAssertEqual(event.$endedAt, "2023-07-10T20:58:47.123456789+02:00")
        XCTAssertEqual(try jsonString(event), text, "neither digits past milliseconds nor the zone's spelling are lost")
    }

    func testUnixSecondsStayANumber() throws {
        let event = try decode(Event.self, #"{"started_at":1689015527}"#)
        XCTAssertEqual(event.startedAt, base)
        XCTAssertEqual(try jsonString(event), #"{"started_at":1689015527}"#)
    }

    func testADateSetInCodeIsSentAsISO8601WithMilliseconds() throws {
        var event = try decode(Event.self, #"{"started_at":"2023-07-10T18:58:47Z"}"#)
        event.startedAt = base.addingTimeInterval(0.5)
        event.endedAt = base
        XCTAssertEqual(event.$startedAt, "2023-07-10T18:58:47.500Z", "setting the date replaces the text")
        XCTAssertEqual(try jsonString(event), #"{"ended_at":"2023-07-10T18:58:47.000Z","started_at":"2023-07-10T18:58:47.500Z"}"#)
        event.endedAt = nil
        XCTAssertNil(event.$endedAt)
        XCTAssertEqual(try jsonString(Event(startedAt: base)), #"{"started_at":"2023-07-10T18:58:47.000Z"}"#, "an absent optional is left out")
    }

    func testOptionalTextThatNamesNoDateStillDecodes() throws {
        let text = #"{"ended_at":"not a date","started_at":"2023-07-10T18:58:47Z"}"#
        let event = try decode(Event.self, text)
        XCTAssertNil(event.endedAt)
        XCTAssertEqual(event.$endedAt, "not a date")
        XCTAssertEqual(try jsonString(event), text, "the text is sent back as received")
    }

    func testRequiredTextThatNamesNoDateCostsOnlyTheNearestOptionalMember() throws {
        let text = #"{"event":{"started_at":"soon"}}"#
        XCTAssertThrowsError(try decode(Event.self, #"{"started_at":"soon"}"#)) { error in
            guard case DecodingError.valueNotFound(_, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["started_at"])
        }
        let holder = try decode(EventHolder.self, text)
        XCTAssertNil(holder.event)
        XCTAssertEqual(try jsonString(holder), text, "the member's JSON is kept and sent back")
        XCTAssertThrowsError(try decode(EventHolder.self, text, strict: true), "strict decoding reports it")
    }

    func testEqualityLooksAtTheDateAndAtTheTextWithoutADate() throws {
        let decoded = try decode(Event.self, #"{"started_at":"2023-07-10T18:58:47Z"}"#)
        let built = Event(startedAt: base)
        XCTAssertNotEqual(decoded.$startedAt, built.$startedAt)
        XCTAssertEqual(decoded, built, "the same moment in two spellings")
        XCTAssertEqual(Set([decoded, built]).count, 1)
        let first = try decode(Event.self, #"{"ended_at":"a","started_at":"2023-07-10T18:58:47Z"}"#)
        let second = try decode(Event.self, #"{"ended_at":"b","started_at":"2023-07-10T18:58:47Z"}"#)
        XCTAssertNotEqual(first, second, "two texts without a date differ")
        XCTAssertNotEqual(first, decoded, "text without a date is not an absent member")
    }
}
