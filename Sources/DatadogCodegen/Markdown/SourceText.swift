import Foundation

/// The text of one page, split into lines, with its front matter read off.
///
/// Lines are numbered from 1 as in the file. Invalid UTF-8 is replaced, never fatal; a leading
/// byte-order mark (U+FEFF, which editors on Windows write) is not part of the text, so that the
/// front matter's `---` is still the first line.
public struct SourceText: Sendable {
    /// The lines without their terminators (`\n` or `\r\n`); `lines[0]` is line 1.
    public let lines: [Substring]
    /// Key/value pairs of the `---` front matter block (empty if the page has none).
    public let frontMatter: [String: String]
    /// Number of lines taken by the front matter, including both `---` lines.
    public let frontMatterLineCount: Int

    /// The whole text (native UTF-8; ``lines`` are slices of it).
    private let text: String

    /// Reads UTF-8 bytes, replacing invalid sequences.
    public init(data: Data) {
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    /// Splits `text` into lines and reads its front matter.
    public init(text: String) {
        var native = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        native.makeContiguousUTF8()
        let text = native
        // Newlines found with memchr on the string's own bytes; a line is a slice of the string at
        // the same offsets, so no Character is ever iterated.
        var lines: [Substring] = []
        let utf8 = text.utf8
        // Offsets into a native UTF-8 string become indices in O(1).
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        _ = utf8.withContiguousStorageIfAvailable { buffer in
            lines.reserveCapacity(buffer.count / 40 + 1)
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                lines.append(text[index(start)..<index(end)])
                start = newline + 1
            }
            lines.append(text[index(start)...])
        }
        if lines.isEmpty { lines.append(text[...]) }
        self.lines = lines
        self.text = text
        (frontMatter, frontMatterLineCount) = SourceText.readFrontMatter(lines)
    }

    /// The line with the given 1-based number, or an empty string past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// The markdown body as bytes for cmark: the front matter is blanked out (kept as empty
    /// lines) so that cmark's line numbers are the file's.
    public func markdownBody() -> [UInt8] {
        var body = Array(text.utf8)
        guard frontMatterLineCount > 0 else { return body }
        // Blank the front matter's bytes, keeping its newlines.
        var newlines = 0
        for offset in body.indices {
            if body[offset] == 0x0A {
                newlines += 1
                if newlines == frontMatterLineCount { break }
            } else {
                body[offset] = 0x20
            }
        }
        return body
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
