/// A message about an input file, printed in compiler form: `file:line:column: severity: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// A short hint on how to fix the problem, if there is one.
    public var hint: String?

    public init(_ severity: Severity, file: String, line: Int, column: Int = 1, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(Diagnostic.oneLine(message))"
        if let hint { text += " (fix: \(Diagnostic.oneLine(hint)))" }
        return text
    }

    /// Keeps a diagnostic on one line whatever the input contained.
    static func oneLine(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(min(text.utf8.count, 300))
        for scalar in text.unicodeScalars.prefix(300) {
            switch scalar {
            case "\n", "\r", "\t": out.append(" ")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out.append("?")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Collects the diagnostics of one page.
public struct DiagnosticLog: Sendable {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    public mutating func warning(_ line: Int, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, message, hint: hint))
    }

    public mutating func error(_ line: Int, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, message, hint: hint))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
