import Foundation

/// Python-`re`-style helpers over `NSRegularExpression` (the judges' messages and categories were
/// first written with Python's `re`; the patterns are kept as they were).
enum Regex {
    /// The groups of the first match (index 0: the whole match; nil for a group that did not take
    /// part), or nil when nothing matches. `anchored`: the match must start at the beginning (`re.match`).
    static func match(_ pattern: String, _ text: String, anchored: Bool = false, options: NSRegularExpression.Options = []) -> [String?]? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let found = regex.firstMatch(in: text, options: anchored ? [.anchored] : [], range: range) else { return nil }
        return (0..<found.numberOfRanges).map { index in
            Range(found.range(at: index), in: text).map { String(text[$0]) }
        }
    }

    static func contains(_ pattern: String, _ text: String) -> Bool {
        match(pattern, text) != nil
    }

    /// Every match's groups.
    static func all(_ pattern: String, _ text: String) -> [[String?]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { found in
            (0..<found.numberOfRanges).map { index in Range(found.range(at: index), in: text).map { String(text[$0]) } }
        }
    }

    static func replace(_ pattern: String, in text: String, with template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
