import Foundation

/// A date-time value kept as its original text.
///
/// The API writes timestamps in several shapes ("2023-07-10T18:58:47Z", with 1 to 9
/// fraction digits, with "+00:00", without a zone, date only, even unix seconds as a
/// number). Keeping the text means decoding never fails on an unusual shape and encoding
/// gives back exactly what was received. ``date`` parses the text leniently when a `Date`
/// is needed.
///
/// Equality and hashing look at ``rawValue`` only.
public struct DateTime: Codable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The text of the value, exactly as received or given.
    public var rawValue: String

    /// Whether the value was decoded from a JSON number, so it is encoded back as a number.
    private var isNumber: Bool

    /// Creates a value from its text; no validation is done.
    public init(rawValue: String) {
        self.rawValue = rawValue
        self.isNumber = false
    }

    /// Creates a value from its text; no validation is done.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// Creates a value by formatting `date` as ISO 8601 in UTC with milliseconds,
    /// e.g. "2024-01-02T03:04:05.678Z".
    public init(_ date: Date) {
        self.init(rawValue: DateTimeFormat.format(date))
    }

    /// The text, as ``rawValue``.
    public var description: String { rawValue }

    /// The moment the text names, or `nil` when it cannot be read.
    ///
    /// Accepted: "YYYY-MM-DD" (midnight UTC); "YYYY-MM-DDThh:mm[:ss[.f…]]" with `T`, `t` or
    /// a space, no fraction up to 9 (or more) fraction digits, and a zone `Z`, `+hh:mm`,
    /// `+hhmm`, `+hh` or none (UTC); and plain numeric text, read as unix seconds.
    public var date: Date? { DateTimeFormat.parse(rawValue) }

    /// Decodes from a JSON string, or from a JSON number (unix seconds) keeping its text.
    ///
    /// - Throws: `DecodingError.typeMismatch` when the value is neither a string nor a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(rawValue: text)
        } else if let integer = try? container.decode(Int64.self) {
            self.init(rawValue: String(integer))
            isNumber = true
        } else if let decimal = try? container.decode(Decimal.self) {
            self.init(rawValue: "\(decimal)")
            isNumber = true
        } else if let double = try? container.decode(Double.self) {
            self.init(rawValue: "\(double)")
            isNumber = true
        } else {
            throw DecodingError.typeMismatch(
                DateTime.self,
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "Expected a date-time string or unix seconds"))
        }
    }

    /// Encodes ``rawValue`` as a JSON string, or as a number when it was decoded from one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if isNumber {
            if let integer = Int64(rawValue) {
                try container.encode(integer)
                return
            }
            if Double(rawValue) != nil, let decimal = Decimal(string: rawValue, locale: nil) {
                try container.encode(decimal)
                return
            }
        }
        try container.encode(rawValue)
    }

    /// Compares the texts.
    public static func == (lhs: DateTime, rhs: DateTime) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes the text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}

/// ISO 8601 formatting and lenient parsing without `DateFormatter` (thread safe, locale free).
enum DateTimeFormat {
    private static let secondsPerDay: Int64 = 86_400

    /// "YYYY-MM-DDThh:mm:ss.sssZ" in UTC.
    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let limit = 8.64e15  // ±273,790 years, far inside Int64 milliseconds
        let millisDouble = (interval * 1000).rounded()
        let millis: Int64 = millisDouble.isFinite ? Int64(max(-limit, min(limit, millisDouble))) : 0
        let msPerDay = secondsPerDay * 1000
        let days = floorDiv(millis, msPerDay)
        let msOfDay = millis - days * msPerDay
        let (year, month, day) = civil(fromDays: days)
        let hour = msOfDay / 3_600_000
        let minute = (msOfDay / 60_000) % 60
        let second = (msOfDay / 1000) % 60
        let ms = msOfDay % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(ms, 3))Z"
    }

    /// Lenient parse; see ``DateTime/date``.
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if isNumeric(trimmed), let seconds = Double(trimmed) {
            return Date(timeIntervalSince1970: seconds)
        }
        var scanner = ByteScanner(Array(trimmed.utf8))
        guard let year = scanner.digits(exactly: 4), scanner.take("-"),
            let month = scanner.digits(exactly: 2), scanner.take("-"),
            let day = scanner.digits(exactly: 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Int64(days(fromCivil: year, month, day)) * secondsPerDay
        var fraction = 0.0
        if scanner.isAtEnd {
            return Date(timeIntervalSince1970: Double(seconds))
        }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" "),
            let hour = scanner.digits(exactly: 2), scanner.take(":"),
            let minute = scanner.digits(exactly: 2),
            (0...24).contains(hour), (0...59).contains(minute)
        else { return nil }
        var second: Int64 = 0
        if scanner.take(":") {
            guard let value = scanner.digits(exactly: 2), (0...60).contains(value) else { return nil }
            second = value
            if scanner.take(".") || scanner.take(",") {
                let start = scanner.index
                var scale = 0.1
                while let digit = scanner.digit() {
                    fraction += Double(digit) * scale
                    scale /= 10
                }
                guard scanner.index > start else { return nil }
            }
        }
        seconds += hour * 3600 + minute * 60 + second
        if scanner.take("Z") || scanner.take("z") {
            // UTC
        } else if let sign = scanner.sign() {
            guard let offsetHours = scanner.digits(exactly: 2) else { return nil }
            var offsetMinutes: Int64 = 0
            if scanner.take(":") {
                guard let value = scanner.digits(exactly: 2) else { return nil }
                offsetMinutes = value
            } else if let value = scanner.digits(exactly: 2) {
                offsetMinutes = value
            }
            guard offsetHours <= 23, offsetMinutes <= 59 else { return nil }
            seconds -= sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard scanner.isAtEnd else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func isNumeric(_ text: String) -> Bool {
        var sawDigit = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if offset != 0 { return false }
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return false
            }
        }
        return sawDigit
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value.magnitude)
        let padded = text.count < width ? String(repeating: "0", count: width - text.count) + text : text
        return value < 0 ? "-" + padded : padded
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func isLeap(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Civil date of a day count since 1970-01-01.
    static func civil(fromDays value: Int64) -> (Int64, Int64, Int64) {
        let z = value + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

/// A cursor over ASCII bytes.
private struct ByteScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func digit() -> Int64? {
        guard index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else {
            return nil
        }
        defer { index += 1 }
        return Int64(bytes[index] - UInt8(ascii: "0"))
    }

    mutating func digits(exactly count: Int) -> Int64? {
        let start = index
        var value: Int64 = 0
        for _ in 0..<count {
            guard let digit = digit() else {
                index = start
                return nil
            }
            value = value * 10 + digit
        }
        return value
    }

    mutating func sign() -> Int64? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }
}
