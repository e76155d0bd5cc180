import Foundation

/// A regular expression written in Python's `re` dialect (the checker's first version was Python), run
/// by `NSRegularExpression` (ICU) with Python's meaning of `\w`, `\b` and `\s`:
/// - `\w` is a letter, a number or `_` (Python's `str.isalnum()`; ICU's `\w` also takes marks and
///   connector punctuation and leaves out other numbers such as `²`);
/// - `\b` is the boundary between such a character and anything else;
/// - `\s` also takes U+001C–U+001F (Python's `str.isspace()`).
/// `.` matches every character (a line never holds `\n`; Python's `.` takes `\r` and U+2028, ICU's does not).
/// Patterns here never escape a backslash, so the three escapes are rewritten textually.
public struct PythonRegex: @unchecked Sendable {
    public let pattern: String
    let regex: NSRegularExpression

    static let word = #"[\p{L}\p{N}_]"#

    public init(_ pattern: String) {
        self.pattern = pattern
        let word = Self.word
        let translated = pattern
            .replacingOccurrences(of: #"\b"#, with: "(?:(?<=\(word))(?!\(word))|(?<!\(word))(?=\(word)))")
            .replacingOccurrences(of: #"\w"#, with: word)
            .replacingOccurrences(of: #"\s"#, with: #"[\s\x{1c}-\x{1f}]"#)
        // A pattern here is a constant: a bad one is a programming error.
        regex = try! NSRegularExpression(pattern: translated, options: [.dotMatchesLineSeparators])
    }

    /// Python's `re.search`: a match anywhere.
    public func search(_ text: String) -> Bool {
        firstMatch(text) != nil
    }

    /// Python's `re.match`: a match at the start; the capture groups (`nil` for a group that took no part).
    public func match(_ text: String) -> [String?]? {
        let ns = text as NSString
        guard let result = regex.firstMatch(in: text, options: [.anchored], range: NSRange(location: 0, length: ns.length)) else {
            return nil
        }
        return (0..<result.numberOfRanges).map { index in
            let range = result.range(at: index)
            return range.location == NSNotFound ? nil : ns.substring(with: range)
        }
    }

    /// Python's `re.sub(pattern, '', text)`: every match removed.
    public func removingMatches(_ text: String) -> String {
        let ns = text as NSString
        return regex.stringByReplacingMatches(in: text, options: [], range: NSRange(location: 0, length: ns.length), withTemplate: "")
    }

    func firstMatch(_ text: String) -> NSTextCheckingResult? {
        regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: (text as NSString).length))
    }
}
