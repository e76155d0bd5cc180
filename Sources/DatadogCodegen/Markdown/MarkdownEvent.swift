/// One meaningful piece of a page, in source order: what the page parser walks.
///
/// Plain cmark has no table extension and knows nothing of Markdoc tags (`{% tab … %}`), so
/// paragraphs are split back into their source lines: pipe lines become tables, whole-line
/// tags become tag events, and the rest stays text.
public enum MarkdownEvent: Sendable {
    /// A heading, with inline Markdoc tags removed from its text.
    case heading(level: Int, text: String, line: Int)
    /// An opening Markdoc tag such as `{% tab title="v2" %}`, with its `key="value"` attributes.
    case tagOpen(name: String, attributes: [String: String], line: Int)
    /// A closing Markdoc tag such as `{% /tab %}`.
    case tagClose(name: String, line: Int)
    /// A pipe table.
    case table(Table)
    /// Consecutive plain-text lines joined with newlines; `line` is the first one.
    case text(String, line: Int)
    /// A code block, with its trimmed info string and literal text.
    case code(info: String, text: String, line: Int)

    /// The 1-based source line where the event starts.
    public var line: Int {
        switch self {
        case .heading(_, _, let line), .tagOpen(_, _, let line), .tagClose(_, let line),
             .text(_, let line), .code(_, _, let line):
            return line
        case .table(let table):
            return table.line
        }
    }
}

/// A pipe table recovered from source lines.
public struct Table: Sendable {
    /// The header row's cells.
    public var header: [String]
    /// The body rows, without the separator row.
    public var rows: [TableRow]
    /// Line of the header row.
    public var line: Int
}

/// One body row of a pipe table.
public struct TableRow: Sendable {
    /// The row's cells, trimmed, with escaped pipes (`\|`) and HTML character references (`&lt;`) decoded.
    public var cells: [String]
    /// 1-based source line of the row.
    public var line: Int
}

/// Turns a page's cmark blocks into ``MarkdownEvent`` values.
public enum MarkdownEvents {
    /// Turns a page into its event stream.
    public static func events(of source: SourceText) -> [MarkdownEvent] {
        events(of: source, blocks: MarkdownParser.blocks(of: source))
    }

    static func events(of source: SourceText, blocks: [MarkdownBlock]) -> [MarkdownEvent] {
        var events: [MarkdownEvent] = []
        events.reserveCapacity(blocks.count * 2)
        for block in blocks {
            switch block.kind {
            case .heading(let level):
                let text = stripInlineTags(source.line(block.startLine)
                    .drop { $0 == " " }
                    .drop { $0 == "#" })
                events.append(.heading(level: level, text: text, line: block.startLine))
            case .code(let info):
                events.append(.code(info: info.trimmingSpaces(), text: block.literal, line: block.startLine))
            case .paragraph, .other:
                splitLines(source, from: block.startLine, to: block.endLine, into: &events)
            }
        }
        return events
    }

    private static func splitLines(_ source: SourceText, from start: Int, to end: Int, into events: inout [MarkdownEvent]) {
        var table: Table?
        var text: [Substring] = []
        var textLine = start
        // Lines before this one continue the open table (``brokenRows(_:from:end:)``, found once per run of lines).
        var brokenRowsEnd = start

        func flushText() {
            if !text.isEmpty {
                events.append(.text(text.joined(separator: "\n"), line: textLine))
                text.removeAll(keepingCapacity: true)
            }
        }
        func flushTable() {
            if let current = table { events.append(.table(current)) }
            table = nil
        }

        guard start <= end else { return }
        for number in start...end {
            let raw = source.line(number)
            let line = raw.trimmingSpaces()
            if line.hasPrefix("|") {
                flushText()
                let cells = TableCells.split(line)
                if table == nil {
                    table = Table(header: cells, rows: [], line: number)
                } else if !TableCells.isSeparator(cells) {
                    table?.rows.append(TableRow(cells: cells, line: number))
                }
                continue
            }
            // Lines without a leading pipe between two rows of one table (the next pipe line is not a
            // new table's header) are broken rows of that table, as in GFM: kept as rows so that the
            // table stage reports them at their lines and the rows after them stay in the table.
            if table != nil, !line.isEmpty, number >= brokenRowsEnd, let pipeLine = brokenRows(source, from: number, end: end) {
                brokenRowsEnd = pipeLine
            }
            if table != nil, !line.isEmpty, number < brokenRowsEnd {
                table?.rows.append(TableRow(cells: TableCells.split(line), line: number))
                continue
            }
            flushTable()
            if let tag = MarkdocTag.parse(line) {
                flushText()
                switch tag {
                case .open(let name, let attributes): events.append(.tagOpen(name: name, attributes: attributes, line: number))
                case .close(let name): events.append(.tagClose(name: name, line: number))
                case .anchor: break
                }
                continue
            }
            if text.isEmpty { textLine = number }
            text.append(raw)
        }
        flushTable()
        flushText()
    }

    /// Removes inline Markdoc tags such as `{% #anchor %}` from heading text.
    /// When the text lines from `number` on lead, within the block ending at `end`, to a pipe line that
    /// is not a table's header (not followed by a separator row), with no Markdoc tag between: that pipe
    /// line's number (the lines before it are broken rows). Nil otherwise.
    private static func brokenRows(_ source: SourceText, from number: Int, end: Int) -> Int? {
        var next = number
        while next <= end {
            let line = source.line(next).trimmingSpaces()
            if line.hasPrefix("|") {
                return next == end || !TableCells.isSeparator(TableCells.split(source.line(next + 1).trimmingSpaces())) ? next : nil
            }
            if line.isEmpty || MarkdocTag.parse(line) != nil { return nil }
            next += 1
        }
        return nil
    }

    static func stripInlineTags<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(ofASCII: "{%") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(ofASCII: "%}") else {
                rest = rest[open.lowerBound...]
                break
            }
            rest = rest[close.upperBound...]
        }
        result += rest
        return result.trimmingSpaces()
    }
}

/// Markdoc tags on a line of their own.
enum MarkdocTag: Equatable {
    case open(String, [String: String])
    case close(String)
    case anchor

    static func parse(_ line: String) -> MarkdocTag? {
        guard line.hasPrefix("{%"), line.hasSuffix("%}"), line.count >= 4 else { return nil }
        let inner = line.dropFirst(2).dropLast(2).trimmingSpaces()
        if inner.hasPrefix("/") { return .close(String(inner.dropFirst()).trimmingSpaces()) }
        if inner.hasPrefix("#") { return .anchor }
        guard let name = inner.split(separator: " ", maxSplits: 1).first else { return nil }
        return .open(String(name), attributes(inner.dropFirst(name.count)))
    }

    /// Reads `key="value"` pairs.
    static func attributes(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = text
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingSpaces()
            var after = rest[rest.index(after: equals)...]
            guard after.first == "\"" else { break }
            after = after.dropFirst()
            guard let closing = after.firstIndex(of: "\"") else { break }
            result[key] = String(after[..<closing])
            rest = after[after.index(after: closing)...]
        }
        return result
    }
}

/// Splits a pipe-table line into cells.
enum TableCells {
    /// The cells of a pipe-table line, trimmed, with `\|` and HTML character references (``HTMLEntities``) decoded.
    static func split(_ line: String) -> [String] {
        let cells = splitRaw(line)
        return line.utf8.contains(UInt8(ascii: "&")) ? cells.map(HTMLEntities.decode) : cells
    }

    private static func splitRaw(_ line: String) -> [String] {
        let utf8 = line.utf8
        guard utf8.contains(UInt8(ascii: "\\")) else {
            // Fast path, no escapes: slice between pipes.
            var cells: [String] = []
            var start = utf8.startIndex
            var index = start
            while index != utf8.endIndex {
                if utf8[index] == UInt8(ascii: "|") {
                    cells.append(line[start..<index].trimmingSpaces())
                    start = utf8.index(after: index)
                }
                index = utf8.index(after: index)
            }
            let last = line[start...].trimmingSpaces()
            if !last.isEmpty { cells.append(last) }
            if cells.first == "" && line.hasPrefix("|") { cells.removeFirst() }
            return cells
        }
        // Byte-level scan: `|` and `\\` are ASCII, so UTF-8 boundaries are never split.
        var cells: [String] = []
        var current: [UInt8] = []
        var escaped = false
        for byte in line.utf8 {
            if escaped {
                if byte != UInt8(ascii: "|") { current.append(UInt8(ascii: "\\")) }
                current.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "|") {
                cells.append(String(decoding: current, as: UTF8.self).trimmingSpaces())
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if escaped { current.append(UInt8(ascii: "\\")) }
        let last = String(decoding: current, as: UTF8.self).trimmingSpaces()
        if !last.isEmpty { cells.append(last) }
        // The leading pipe opens an empty first cell.
        if cells.first == "" && line.hasPrefix("|") { cells.removeFirst() }
        return cells
    }

    static func isSeparator(_ cells: [String]) -> Bool {
        !cells.isEmpty && cells.allSatisfy { cell in
            !cell.isEmpty && cell.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } && cell.contains("-")
        }
    }
}

extension Substring {
    /// Trims ASCII spaces and tabs (cheaper than Foundation's character sets on large pages).
    func trimmingSpaces() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) ?? first
        // Spaces and tabs are ASCII: these indices are scalar boundaries.
        return String(self[first...last])
    }
}

extension Substring {
    /// The first occurrence of an ASCII needle, found on the UTF-8 view (Foundation's `range(of:)`
    /// bridges to CFString, which costs more than the search).
    func range(ofASCII needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let bytes = utf8
        var from = bytes.startIndex
        while let hit = bytes[from...].firstIndex(of: first) {
            var cursor = hit
            var matched = true
            for byte in pattern {
                guard cursor != bytes.endIndex, bytes[cursor] == byte else { matched = false; break }
                cursor = bytes.index(after: cursor)
            }
            if matched { return hit..<cursor }
            from = bytes.index(after: hit)
        }
        return nil
    }
}

extension String {
    /// The first occurrence of an ASCII needle (see `Substring.range(ofASCII:)`).
    func range(ofASCII needle: String) -> Range<String.Index>? { self[...].range(ofASCII: needle) }

    /// Trims ASCII spaces and tabs.
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }

    /// The last occurrence of an ASCII needle, found on the UTF-8 bytes in place (no copy, no Foundation).
    func lastRange(ofASCII needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return nil }
        var text = self
        let start: Int? = text.withUTF8 { haystack in
            guard haystack.count >= pattern.count else { return nil }
            var start = haystack.count - pattern.count
            while start >= 0 {
                if haystack[start] == pattern[0], (1..<pattern.count).allSatisfy({ haystack[start + $0] == pattern[$0] }) { return start }
                start -= 1
            }
            return nil
        }
        guard let start else { return nil }
        // Offsets become indices of `self` (O(1) for native UTF-8 strings, which the pages are).
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
    }
}
