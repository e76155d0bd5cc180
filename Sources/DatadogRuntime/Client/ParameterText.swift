import Foundation

/// A parameter value that can be read back from the text it is sent as: every type a generated
/// method takes for a path, query or header parameter conforms, so a value can be built from
/// recorded wire text through one generic call (`T(parameterText: "…")`).
///
/// The contract: for a value `v`, `T(parameterText: v.queryParameterValues[0])` gives `v` back
/// (for `Date`, to the millisecond); text that does not fit gives `nil` (never for `String` and
/// open enums, whose unknown values are kept).
public protocol DatadogParameterValue: QueryParameterValue {
    /// The value the wire text stands for, or `nil` when the text does not fit the type.
    init?(parameterText: String)
}

extension String: DatadogParameterValue {
    /// The text itself.
    public init?(parameterText: String) { self = parameterText }
}

extension Int64: DatadogParameterValue {
    /// Decimal text.
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Int32: DatadogParameterValue {
    /// Decimal text.
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Int: DatadogParameterValue {
    /// Decimal text.
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Double: DatadogParameterValue {
    /// Decimal text (`"3"`, `"0.5"`, `"1e3"`).
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Bool: DatadogParameterValue {
    /// `true` or `false`, in any case.
    public init?(parameterText: String) {
        switch parameterText.lowercased() {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension Date: DatadogParameterValue {
    /// ISO 8601 text as ``DateTime/date`` reads it (`2024-01-02T03:04:05.678Z`, other precisions
    /// and zones, a date alone) or unix seconds.
    public init?(parameterText: String) {
        guard let date = DateTimeFormat.parse(parameterText) else { return nil }
        self = date
    }
}

extension DateTime: DatadogParameterValue {
    /// The text as is.
    public init?(parameterText: String) { self.init(rawValue: parameterText) }
}

extension UUID: DatadogParameterValue {
    /// UUID text in either case.
    public init?(parameterText: String) { self.init(uuidString: parameterText) }
}

extension DatadogStringEnum {
    /// The case of that raw value (an unknown value is kept).
    public init?(parameterText: String) { self.init(rawValue: parameterText) }
}

extension DatadogIntEnum {
    /// The case of that decimal raw value.
    public init?(parameterText: String) {
        guard let value = Int64(parameterText) else { return nil }
        self.init(rawValue: value)
    }
}

extension Array: DatadogParameterValue where Element: DatadogParameterValue {
    /// Comma-separated elements (the official clients' `csv` format, as ``queryParameterValues`` joins
    /// them); empty text is an empty array.
    public init?(parameterText: String) {
        if parameterText.isEmpty {
            self = []
            return
        }
        var elements: [Element] = []
        for part in parameterText.split(separator: ",", omittingEmptySubsequences: false) {
            guard let element = Element(parameterText: String(part)) else { return nil }
            elements.append(element)
        }
        self = elements
    }
}
