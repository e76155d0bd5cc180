import Foundation

/// The text of one page, split into lines, with its front matter read off.
///
/// Lines are numbered from 1 as in the file. Invalid UTF-8 is replaced, never fatal.
public struct SourceText: Sendable {
    /// The lines without their terminators (`\n` or `\r\n`); `lines[0]` is line 1.
    public let lines: [Substring]
    /// Key/value pairs of the `---` front matter block (empty if the page has none).
    public let frontMatter: [String: String]
    /// Number of lines taken by the front matter, including both `---` lines.
    public let frontMatterLineCount: Int

    /// Reads UTF-8 bytes, replacing invalid sequences.
    public init(data: Data) {
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    /// Splits `text` into lines and reads its front matter.
    public init(text: String) {
        // Split on the UTF-8 view: much faster than Character iteration on large pages.
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let newline = utf8[start...].firstIndex(of: 0x0A) {
            var end = newline
            if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
            lines.append(text[start..<end])
            start = utf8.index(after: newline)
        }
        lines.append(text[start...])
        self.lines = lines
        (frontMatter, frontMatterLineCount) = SourceText.readFrontMatter(lines)
    }

    /// The line with the given 1-based number, or an empty string past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// The markdown body as bytes for cmark: the front matter is blanked out (kept as empty
    /// lines) so that cmark's line numbers are the file's.
    public func markdownBody() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for (index, line) in lines.enumerated() {
            if index >= frontMatterLineCount { bytes.append(contentsOf: line.utf8) }
            bytes.append(0x0A)
        }
        return bytes
    }

    static func readFrontMatter(_ lines: [Substring]) -> ([String: String], Int) {
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return ([:], 0) }
        var values: [String: String] = [:]
        for index in 1..<min(lines.count, 200) {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces) == "---" { return (values, index + 1) }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty { values[key] = value }
        }
        // An unterminated front matter block is not front matter.
        return ([:], 0)
    }
}
