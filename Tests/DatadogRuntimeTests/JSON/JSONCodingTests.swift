import Foundation
import XCTest

@testable import DatadogRuntime

// MARK: - Hand-made types following the generated patterns

enum WidgetStatus: DatadogStringEnum {
    case active
    case archived
    case unknown(String)

    init(rawValue: String) {
        switch rawValue {
        case "active": self = .active
        case "archived": self = .archived
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .active: return "active"
        case .archived: return "archived"
        case .unknown(let value): return value
        }
    }

    var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }
}

enum WidgetLevel: DatadogIntEnum {
    case one
    case two
    case unknown(Int64)

    init(rawValue: Int64) {
        switch rawValue {
        case 1: self = .one
        case 2: self = .two
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: Int64 {
        switch self {
        case .one: return 1
        case .two: return 2
        case .unknown(let value): return value
        }
    }

    var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }
}

/// Generated enums may have a case named like a protocol member (`description`).
enum SortField: DatadogStringEnum {
    case description
    case name
    case unknown(String)

    init(rawValue: String) {
        switch rawValue {
        case "description": self = .description
        case "name": self = .name
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .description: return "description"
        case .name: return "name"
        case .unknown(let value): return value
        }
    }

    var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }
}

struct Widget: Codable, Hashable, Sendable {
    var id: String?
    var count: Int64?
    var status: WidgetStatus?
    var created: DateTime?
    var additionalProperties: [String: JSONValue] = [:]

    static let knownKeys: Set<String> = ["id", "count", "status", "created"]

    enum CodingKeys: String, CodingKey {
        case id, count, status, created
    }

    init(id: String? = nil, count: Int64? = nil, status: WidgetStatus? = nil, created: DateTime? = nil) {
        self.id = id
        self.count = count
        self.status = status
        self.created = created
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try c.decodeIfPresent(String.self, forKey: .id)
        self.count = try c.decodeIfPresent(Int64.self, forKey: .count)
        self.status = try c.decodeIfPresent(WidgetStatus.self, forKey: .status)
        self.created = try c.decodeIfPresent(DateTime.self, forKey: .created)
        self.additionalProperties = try decoder.decodeAdditionalProperties(knownKeys: Self.knownKeys)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(count, forKey: .count)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(created, forKey: .created)
        try encoder.encodeAdditionalProperties(additionalProperties)
    }
}

struct Note: Codable, Hashable, Sendable {
    var text: String
    var level: WidgetLevel?
    var additionalProperties: [String: JSONValue] = [:]

    static let knownKeys: Set<String> = ["text", "level"]

    enum CodingKeys: String, CodingKey {
        case text, level
    }

    init(text: String, level: WidgetLevel? = nil) {
        self.text = text
        self.level = level
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.text = try c.decode(String.self, forKey: .text)
        self.level = try c.decodeIfPresent(WidgetLevel.self, forKey: .level)
        self.additionalProperties = try decoder.decodeAdditionalProperties(knownKeys: Self.knownKeys)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(level, forKey: .level)
        try encoder.encodeAdditionalProperties(additionalProperties)
    }
}

indirect enum WidgetOrNote: Codable, Hashable, Sendable {
    case widget(Widget)
    case note(Note)
    case text(String)
    case unparsed(JSONValue)

    init(from decoder: any Decoder) throws {
        let d = try OneOfDecoder(from: decoder)
        if let v = d.strict(Widget.self) {
            self = .widget(v)
        } else if let v = d.strict(Note.self) {
            self = .note(v)
        } else if let v = d.strict(String.self) {
            self = .text(v)
        } else if let v = d.lenient(Widget.self) {
            self = .widget(v)
        } else if let v = d.lenient(Note.self) {
            self = .note(v)
        } else if let v = d.lenient(String.self) {
            self = .text(v)
        } else {
            self = .unparsed(d.value)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .widget(let v): try container.encode(v)
        case .note(let v): try container.encode(v)
        case .text(let v): try container.encode(v)
        case .unparsed(let v): try container.encode(v)
        }
    }
}

struct TreeNode: Codable, Hashable, Sendable {
    var name: String
    @Indirect var child: TreeNode?

    enum CodingKeys: String, CodingKey {
        case name, child
    }

    init(name: String, child: TreeNode? = nil) {
        self.name = name
        self._child = Indirect(wrappedValue: child)
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.name = try c.decode(String.self, forKey: .name)
        self._child = Indirect(wrappedValue: try c.decodeIfPresent(TreeNode.self, forKey: .child))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(child, forKey: .child)
    }
}

// MARK: - Tests

final class JSONValueTests: XCTestCase {
    func testDecodesEveryShape() throws {
        let value = try decode(JSONValue.self, #"{"a":null,"b":true,"c":3,"d":2.5,"e":"x","f":[1,"y"],"g":{"h":false}}"#)
        XCTAssertEqual(
            value,
            ["a": nil, "b": true, "c": 3, "d": 2.5, "e": "x", "f": [1, "y"], "g": ["h": false]])
        XCTAssertEqual(value["c"]?.int64Value, 3)
        XCTAssertEqual(value["f"]?[1]?.stringValue, "y")
        XCTAssertEqual(value["g"]?["h"]?.boolValue, false)
        XCTAssertTrue(value["a"]?.isNull == true)
    }

    func testBooleansAndNumbersStayDistinct() throws {
        XCTAssertEqual(try decode([JSONValue].self, "[true, 1, 0, false, 1.5]"), [true, 1, 0, false, 1.5])
    }

    func testIntegersBeyond2To53SurviveExactly() throws {
        let text = #"{"big":9007199254740993,"max":9223372036854775807,"min":-9223372036854775808}"#
        let value = try decode(JSONValue.self, text)
        XCTAssertEqual(value["big"], .integer(9_007_199_254_740_993))
        XCTAssertEqual(value["max"], .integer(Int64.max))
        XCTAssertEqual(value["min"], .integer(Int64.min))
        XCTAssertEqual(try jsonString(value), text)
    }

    func testUInt64BeyondInt64BecomesDouble() throws {
        XCTAssertEqual(try decode(JSONValue.self, "18446744073709551615"), .double(Double(UInt64.max)))
    }

    func testInt64FieldBeyond2To53() throws {
        let widget = try decode(Widget.self, #"{"count":9007199254740993}"#)
        XCTAssertEqual(widget.count, 9_007_199_254_740_993)
        XCTAssertEqual(try jsonString(widget), #"{"count":9007199254740993}"#)
    }

    func testEncoderSortsKeysAndDoesNotEscapeSlashes() throws {
        let value: JSONValue = ["b": "a/b", "a": 1]
        XCTAssertEqual(try jsonString(value), #"{"a":1,"b":"a/b"}"#)
    }

    func testInitEncodingAndDecode() throws {
        let value = try JSONValue(encoding: Widget(id: "w", count: 2))
        XCTAssertEqual(value, ["id": "w", "count": 2])
        XCTAssertEqual(try value.decode(Widget.self), Widget(id: "w", count: 2))
        XCTAssertEqual(value.jsonText, #"{"count":2,"id":"w"}"#)
    }
}

final class AdditionalPropertiesTests: XCTestCase {
    func testRoundTripKeepsUnknownKeys() throws {
        let text = #"{"count":1,"extra":{"nested":[1,2.5,null]},"id":"a","other":"x"}"#
        let widget = try decode(Widget.self, text)
        XCTAssertEqual(widget.id, "a")
        XCTAssertEqual(widget.additionalProperties, ["extra": ["nested": [1, 2.5, nil]], "other": "x"])
        XCTAssertEqual(try jsonString(widget), text)
        // Through plain Foundation coders as well (two keyed containers over one encoder/decoder).
        let plain = try JSONDecoder().decode(Widget.self, from: JSONEncoder().encode(widget))
        XCTAssertEqual(plain, widget)
    }

    func testStrictModeRejectsUnknownKeys() throws {
        XCTAssertNoThrow(try decode(Widget.self, #"{"id":"a"}"#, strict: true))
        XCTAssertThrowsError(try decode(Widget.self, #"{"id":"a","surprise":1}"#, strict: true)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertTrue(context.debugDescription.contains("surprise"))
        }
    }

    func testIsStrictDecodingFlag() throws {
        struct Probe: Decodable {
            let strict: Bool
            init(from decoder: any Decoder) throws { strict = decoder.isStrictDecoding }
        }
        XCTAssertFalse(try decode(Probe.self, "{}").strict)
        XCTAssertTrue(try decode(Probe.self, "{}", strict: true).strict)
    }
}

final class OpenEnumTests: XCTestCase {
    func testUnknownStringValueSurvivesRoundTrip() throws {
        let widgets = try decode([Widget].self, #"[{"status":"active"},{"status":"brand_new"}]"#)
        XCTAssertEqual(widgets[0].status, .active)
        XCTAssertEqual(widgets[1].status, .unknown("brand_new"))
        XCTAssertEqual(widgets[1].status?.isUnknown, true)
        XCTAssertEqual(try jsonString(widgets), #"[{"status":"active"},{"status":"brand_new"}]"#)
    }

    func testStringEnumAcceptsNumbersAndBooleans() throws {
        XCTAssertEqual(try decode([WidgetStatus].self, "[3, true, 1.5]"), [.unknown("3"), .unknown("true"), .unknown("1.5")])
    }

    func testStrictModeRejectsUnknownEnumValues() throws {
        XCTAssertNoThrow(try decode(Widget.self, #"{"status":"archived"}"#, strict: true))
        XCTAssertThrowsError(try decode(Widget.self, #"{"status":"brand_new"}"#, strict: true))
        XCTAssertThrowsError(try decode(Note.self, #"{"text":"t","level":7}"#, strict: true))
    }

    func testIntEnum() throws {
        XCTAssertEqual(try decode([WidgetLevel].self, #"[1, 2, 9, "2", 2.0]"#), [.one, .two, .unknown(9), .two, .two])
        XCTAssertEqual(try jsonString([WidgetLevel.two, .unknown(9)]), "[2,9]")
        XCTAssertThrowsError(try decode(WidgetLevel.self, #""x""#))
    }

    func testCaseNamedDescription() throws {
        XCTAssertEqual(SortField.description.description, "description")
        XCTAssertEqual("\(SortField.name)", "name")
        XCTAssertEqual(try decode([SortField].self, #"["description","other"]"#), [.description, .unknown("other")])
    }

    func testEnumsAreQueryAndPathValues() {
        XCTAssertEqual(WidgetStatus.unknown("x y").queryParameterValues, ["x y"])
        XCTAssertEqual(WidgetStatus.archived.description, "archived")
        XCTAssertEqual(WidgetLevel.two.queryParameterValues, ["2"])
        XCTAssertEqual([WidgetStatus.active, .archived].queryParameterValues, ["active,archived"])
    }
}

final class OneOfTests: XCTestCase {
    func testStrictPassPicksTheMatchingOption() throws {
        XCTAssertEqual(try decode(WidgetOrNote.self, #"{"id":"w","count":1}"#), .widget(Widget(id: "w", count: 1)))
        // Widget (all optional) would accept this leniently; strict decoding sees "text" is unknown to Widget.
        XCTAssertEqual(try decode(WidgetOrNote.self, #"{"text":"hello"}"#), .note(Note(text: "hello")))
        XCTAssertEqual(try decode(WidgetOrNote.self, #""plain""#), .text("plain"))
    }

    func testLenientPassKeepsUnknownEnumValues() throws {
        let value = try decode(WidgetOrNote.self, #"{"text":"t","level":42,"x":1}"#)
        guard case .widget(let widget) = value else {
            // Widget is tried first leniently and accepts any object; that's the generated order.
            return XCTFail("expected lenient widget, got \(value)")
        }
        XCTAssertEqual(widget.additionalProperties, ["text": "t", "level": 42, "x": 1])
    }

    func testUnknownShapeSurvivesDecodeEncode() throws {
        for text in ["[1,2,3]", "42", "true", "null"] {
            let value = try decode(WidgetOrNote.self, text)
            guard case .unparsed = value else { return XCTFail("\(text) decoded as \(value)") }
            XCTAssertEqual(try jsonString(value), text)
        }
        let nested = try decode([String: WidgetOrNote].self, #"{"a":[{"b":9007199254740993}]}"#)
        XCTAssertEqual(try jsonString(nested), #"{"a":[{"b":9007199254740993}]}"#)
    }

    func testOneOfDecoderDirectly() throws {
        let decoder = OneOfDecoder(value: ["text": "t", "level": 3])
        XCTAssertNil(decoder.strict(Note.self))
        XCTAssertEqual(decoder.lenient(Note.self)?.level, .unknown(3))
        XCTAssertNil(decoder.lenient(Int.self))
        let strictOuter = OneOfDecoder(value: ["text": "t", "level": 3], strict: true)
        XCTAssertNil(strictOuter.lenient(Note.self))
    }
}

final class IndirectTests: XCTestCase {
    func testRecursiveStructRoundTrips() throws {
        let text = #"{"child":{"child":{"name":"c"},"name":"b"},"name":"a"}"#
        let tree = try decode(TreeNode.self, text)
        XCTAssertEqual(tree.child?.child?.name, "c")
        XCTAssertEqual(try jsonString(tree), text)
    }

    func testValueSemantics() {
        var a = TreeNode(name: "a", child: TreeNode(name: "b"))
        let b = a
        a.child?.name = "changed"
        XCTAssertEqual(a.child?.name, "changed")
        XCTAssertEqual(b.child?.name, "b")
        XCTAssertNotEqual(a, b)
        var c = b
        c.name = "a"
        XCTAssertEqual(b, c)
        XCTAssertEqual(b.hashValue, c.hashValue)
    }

    func testIndirectCodableIsTransparent() throws {
        let value = Indirect(wrappedValue: [1, 2])
        XCTAssertEqual(try jsonString(value), "[1,2]")
        XCTAssertEqual(try decode(Indirect<[Int]>.self, "[3]").wrappedValue, [3])
    }
}
