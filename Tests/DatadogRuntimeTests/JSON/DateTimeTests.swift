import Foundation
import XCTest

@testable import DatadogRuntime

final class DateTimeTests: XCTestCase {
    /// 2023-07-10T18:58:47Z
    private let base = 1_689_015_527.0

    private func seconds(_ text: String) -> Double? {
        DateTime(rawValue: text).date?.timeIntervalSince1970
    }

    func testShapes() throws {
        XCTAssertEqual(seconds("2023-07-10T18:58:47Z"), base)
        XCTAssertEqual(seconds("2023-07-10t18:58:47z"), base)
        XCTAssertEqual(seconds("2023-07-10 18:58:47Z"), base)
        XCTAssertEqual(seconds("2023-07-10T18:58:47"), base, "no zone means UTC")
        XCTAssertEqual(seconds("2023-07-10T18:58:47+00:00"), base)
        XCTAssertEqual(seconds("2023-07-10T18:58:47+0000"), base)
        XCTAssertEqual(seconds("2023-07-10T20:58:47+02:00"), base)
        XCTAssertEqual(seconds("2023-07-10T13:28:47-0530"), base)
        XCTAssertEqual(seconds("2023-07-10T20:58:47+02"), base)
        XCTAssertEqual(seconds("2023-07-10T18:58Z"), base - 47)
        XCTAssertEqual(seconds("2023-07-10"), base - (18 * 3600 + 58 * 60 + 47))
    }

    func testFractionDigits() throws {
        for digits in 1...9 {
            let fraction = String(repeating: "1", count: digits)
            let expected = base + Double("0.\(fraction)")!
            let parsed = try XCTUnwrap(seconds("2023-07-10T18:58:47.\(fraction)Z"))
            XCTAssertEqual(parsed, expected, accuracy: 1e-6, "\(digits) digits")
        }
        XCTAssertEqual(try XCTUnwrap(seconds("2023-07-10T18:58:47.123456789+00:00")), base + 0.123456789, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(seconds("2023-07-10T18:58:47,5Z")), base + 0.5, accuracy: 1e-6)
    }

    func testUnixSecondsText() throws {
        XCTAssertEqual(seconds("1689015527"), base)
        XCTAssertEqual(try XCTUnwrap(seconds("1689015527.25")), base + 0.25, accuracy: 1e-6)
    }

    func testUnparseableTextStillDecodes() throws {
        let values = try decode([DateTime].self, #"["", "not a date", "2023-13-01T00:00:00Z", "2023-02-29"]"#)
        XCTAssertEqual(values.map(\.rawValue), ["", "not a date", "2023-13-01T00:00:00Z", "2023-02-29"])
        XCTAssertTrue(values.allSatisfy { $0.date == nil })
        XCTAssertNotNil(DateTime(rawValue: "2024-02-29").date, "leap day")
    }

    func testRoundTripIsByteExact() throws {
        let text = #"["2023-07-10T18:58:47Z","2023-07-10T18:58:47.123456789+00:00","2023-07-10","",1689015527,1689015527.5]"#
        let values = try decode([DateTime].self, text)
        XCTAssertEqual(values[4].rawValue, "1689015527")
        XCTAssertEqual(values[5].rawValue, "1689015527.5")
        XCTAssertEqual(try jsonString(values), text)
    }

    func testFormatting() throws {
        let date = Date(timeIntervalSince1970: 1_704_164_645.678)
        XCTAssertEqual(DateTime(date).rawValue, "2024-01-02T03:04:05.678Z")
        XCTAssertEqual(DateTime(Date(timeIntervalSince1970: 0)).rawValue, "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(DateTime(Date(timeIntervalSince1970: -1)).rawValue, "1969-12-31T23:59:59.000Z")
        XCTAssertEqual(DateTime(date).date.map { ($0.timeIntervalSince1970 * 1000).rounded() }, 1_704_164_645_678)
        XCTAssertEqual(Date(timeIntervalSince1970: 951_782_400).queryParameterValues, ["2000-02-29T00:00:00.000Z"])
    }

    func testCivilConversionsAgree() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let (y, m, d) = DateTimeFormat.civil(fromDays: days)
            XCTAssertEqual(DateTimeFormat.days(fromCivil: y, m, d), days)
        }
    }

    func testEqualityAndLiterals() throws {
        let literal: DateTime = "2024-01-01"
        XCTAssertEqual(literal, DateTime(rawValue: "2024-01-01"))
        XCTAssertEqual(literal.description, "2024-01-01")
        let fromNumber = try decode(DateTime.self, "5")
        XCTAssertEqual(fromNumber, DateTime(rawValue: "5"))
    }

    func testDateEncodingStrategy() throws {
        struct Holder: Codable, Equatable { var at: Date }
        let holder = Holder(at: Date(timeIntervalSince1970: 1_704_164_645.5))
        let text = try jsonString(holder)
        XCTAssertEqual(text, #"{"at":"2024-01-02T03:04:05.500Z"}"#)
        XCTAssertEqual(try decode(Holder.self, text), holder)
        XCTAssertEqual(try decode(Holder.self, #"{"at":"2024-01-02T03:04:05.5+00:00"}"#), holder)
    }
}
