/// A message about an input file, printed in compiler form: `file:line:column: severity: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is: a warning lets generation go on, an error drops the page's operations.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// `warning`: reported, generation continues; `error`: the page's operations are not generated.
        case warning, error
        /// Orders warnings before errors.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// Whether this is a warning or an error.
    public var severity: Severity
    /// Path of the input page the diagnostic is about.
    public var file: String
    /// 1-based line in ``file``; at least 1.
    public var line: Int
    /// 1-based column (1 when unknown); at least 1.
    public var column: Int
    /// What is wrong (newlines and control characters are flattened when printed).
    public var message: String
    /// A short hint on how to fix the problem, if there is one.
    public var hint: String?

    /// Creates a diagnostic; a `line` or `column` below 1 is clamped to 1.
    public init(_ severity: Severity, file: String, line: Int, column: Int = 1, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
        self.hint = hint
    }

    /// The compiler-style line `file:line:column: severity: message (fix: hint)`, always one line.
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
    /// The page every diagnostic of this log is reported against.
    public let file: String
    /// The diagnostics recorded so far, in order.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty log for the page at `file`.
    public init(file: String) { self.file = file }

    /// Records a warning at the given 1-based line.
    public mutating func warning(_ line: Int, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, message, hint: hint))
    }

    /// Records an error at the given 1-based line.
    public mutating func error(_ line: Int, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, message, hint: hint))
    }

    /// Whether any recorded diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
