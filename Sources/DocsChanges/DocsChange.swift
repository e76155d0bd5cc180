/// Changes that real documentation updates make to reference pages, applied to a set of pages as
/// text (the way the docs site would publish them), so that a test can check the generator still
/// produces an SDK that type-checks for pages nobody has seen.
///
/// Pages are given as relative path → text; a change returns the changed set (it may move pages
/// between folders). Every change is deterministic.
public enum DocsChange: String, CaseIterable, Sendable {
    /// In every parameter table the required rows move after the optional ones, and the query
    /// strings come before the (required) path parameters.
    case requiredAfterOptional = "required-after-optional"
    /// Every field table gains an optional top-level field.
    case newOptionalField = "new-optional-field"
    /// Every `Allowed enum values:` list gains a value.
    case newEnumValue = "new-enum-value"
    /// One field table per operation gains an object chain nested 40 deep (long type names).
    case nestedDeep = "nested-40-deep"
    /// One field table per operation gains an object with 5,000 fields.
    case wideObject = "object-5000-fields"
    /// The `### Code Example` section is removed (operation and type names come from the page alone).
    case codeExampleRemoved = "code-example-removed"
    /// Every tag gets another name (breadcrumb and folder).
    case tagRenamed = "tag-renamed"
    /// Tags are merged in pairs: the second tag's pages move into the first's folder and take its breadcrumb.
    case tagsMerged = "tags-merged"

    /// Depth of ``nestedDeep``'s chain and field count of ``wideObject``.
    public static let depth = 40, width = 5_000

    /// The pages after the change.
    public func apply(to pages: [String: String]) -> [String: String] {
        switch self {
        case .tagRenamed:
            var result: [String: String] = [:]
            for (path, text) in pages {
                let tag = Self.tag(of: text)
                let renamed = Self.withTag(text, tag.map { $0 + " Next" })
                result[Self.moved(path, toFolder: Self.folder(of: path).map { $0 + "-next" })] = renamed
            }
            return result
        case .tagsMerged:
            // Tags in order of their first page; the 2nd joins the 1st, the 4th the 3rd, …
            var tags: [String] = []
            var firstPage: [String: String] = [:]
            for path in pages.keys.sorted() {
                guard let tag = Self.tag(of: pages[path] ?? "") else { continue }
                if firstPage[tag] == nil { tags.append(tag); firstPage[tag] = path }
            }
            var target: [String: String] = [:]
            for pair in stride(from: 0, to: tags.count - 1, by: 2) { target[tags[pair + 1]] = tags[pair] }
            var result: [String: String] = [:]
            for (path, text) in pages.sorted(by: { $0.key < $1.key }) {
                guard let tag = Self.tag(of: text), let into = target[tag] else { result[path] = text; continue }
                var moved = Self.moved(path, toFolder: Self.folder(of: firstPage[into] ?? ""))
                // Two pages of one name: the moved one keeps its old folder in its name.
                if pages[moved] != nil || result[moved] != nil {
                    moved = Self.moved((Self.folder(of: path) ?? "page") + "-" + (path.split(separator: "/").last.map(String.init) ?? path),
                                       toFolder: Self.folder(of: firstPage[into] ?? ""))
                }
                result[moved] = Self.withTag(text, into)
            }
            return result
        default:
            return pages.mapValues { transform($0) }
        }
    }

    /// The change on one page's text.
    func transform(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch self {
        case .requiredAfterOptional:
            for table in Self.tables(lines) where Self.isParameterTable(lines[table.header]) {
                let rows = Array(lines[table.rows])
                let required = rows.filter { $0.contains("[*required*]") }
                lines.replaceSubrange(table.rows, with: rows.filter { !$0.contains("[*required*]") } + required)
            }
            // `#### Path Parameters` … `#### Query Strings` …  →  the query strings first.
            var start = 0
            while let path = lines[start...].firstIndex(where: { $0.hasPrefix("#### Path Parameters") }) {
                let end = { (from: Int) in lines[(from + 1)...].firstIndex { $0.hasPrefix("### ") || $0.hasPrefix("#### ") || $0.hasPrefix("{% ") } ?? lines.count }
                let query = end(path)
                guard query < lines.count, lines[query].hasPrefix("#### Query Strings") else { start = path + 1; continue }
                let after = end(query)
                lines.replaceSubrange(path..<after, with: Array(lines[query..<after]) + Array(lines[path..<query]))
                start = after
            }
        case .newOptionalField:
            for table in Self.tables(lines).reversed() where Self.isFieldTable(lines[table.header]) {
                let parent = Self.hasParentColumn(lines[table.header]) ? "|  " : ""
                lines.insert(parent + "| docs_change_added_field | string | A field that a docs change added. |", at: table.rows.upperBound)
            }
        case .newEnumValue:
            let marker = "Allowed enum values: `"
            lines = lines.map { line in
                guard line.contains(marker) else { return line }
                var out = ""
                var rest = Substring(line)
                while let range = rest.range(of: marker), let close = rest[range.upperBound...].firstIndex(of: "`") {
                    let values = rest[range.upperBound..<close]
                    // Integer enums get an integer, string enums a word.
                    let added = !values.isEmpty && values.split(separator: ",").allSatisfy { Int64($0) != nil } ? "987654" : "docs_change_value"
                    out += rest[..<close] + (values.isEmpty ? "" : ",") + added
                    rest = rest[close...]
                }
                return out + rest
            }
        case .nestedDeep, .wideObject:
            // Per version tab (one operation each): the request body's table, else its first field table.
            let versionStarts = lines.indices.filter { lines[$0].hasPrefix("{% tab title=\"v") }
            let fieldTables = Self.tables(lines).filter { Self.isFieldTable(lines[$0.header]) }
            var chosen: [Range<Int>] = []
            for (number, start) in versionStarts.enumerated() {
                let end = number + 1 < versionStarts.count ? versionStarts[number + 1] : lines.count
                let inside = fieldTables.filter { $0.header > start && $0.header < end }
                if let table = inside.first(where: { Self.isRequestTable(lines, header: $0.header) }) ?? inside.first {
                    chosen.append(table.header..<table.rows.upperBound)
                }
            }
            for range in chosen.reversed() {
                let header = range.lowerBound
                var block = Array(lines[range])
                if !Self.hasParentColumn(lines[header]) {
                    block = [("| Parent field " + block[0])] + ["| --- " + block[1]] + block.dropFirst(2).map { "|  " + $0 }
                }
                block += self == .nestedDeep ? Self.deepRows() : Self.wideRows()
                lines.replaceSubrange(range, with: block)
            }
        case .codeExampleRemoved:
            var result: [String] = []
            var skipping = false
            for line in lines {
                if line.hasPrefix("### Code Example") { skipping = true; continue }
                if skipping, line == "{% /tab %}" || line.hasPrefix("{% tab title=\"v") { skipping = false }
                if !skipping { result.append(line) }
            }
            lines = result
        case .tagRenamed, .tagsMerged:
            break
        }
        return lines.joined(separator: "\n")
    }

    static func deepRows() -> [String] {
        // Realistic field names, long enough that the nested type names exceed any file-name limit.
        (0..<depth).map { level in
            let name = "configuration_settings_level_\(level)"
            let parent = level == 0 ? "" : "configuration_settings_level_\(level - 1)"
            let type = level == depth - 1 ? "string" : "object"
            return "| \(parent) | \(name) | \(type) | Settings at nesting level \(level). |"
        }
    }

    static func wideRows() -> [String] {
        ["|  | wide_settings | object | An object with \(width) fields. |"]
            + (0..<width).map { "| wide_settings | setting_\($0) | \($0 % 3 == 0 ? "int64" : "string") | Setting number \($0). |" }
    }

    // MARK: - Page structure

    /// A pipe table: its header line and its rows (after the `| --- |` line).
    struct Table { var header: Int; var rows: Range<Int> }

    static func tables(_ lines: [String]) -> [Table] {
        var result: [Table] = []
        var index = 0
        while index + 1 < lines.count {
            let line = lines[index].trimmingCharacters()
            let next = lines[index + 1].trimmingCharacters()
            if line.hasPrefix("|"), next.hasPrefix("|"), next.contains("---"), next.allSatisfy({ "|-: ".contains($0) }) {
                var end = index + 2
                while end < lines.count, lines[end].trimmingCharacters().hasPrefix("|") { end += 1 }
                result.append(Table(header: index, rows: (index + 2)..<end))
                index = end
            } else {
                index += 1
            }
        }
        return result
    }

    static func cells(_ line: String) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { String($0).trimmingCharacters() }
    }

    static func isParameterTable(_ header: String) -> Bool { cells(header) == ["Name", "Type", "Description"] }
    static func isFieldTable(_ header: String) -> Bool {
        let names = cells(header)
        return names == ["Field", "Type", "Description"] || names == ["Parent field", "Field", "Type", "Description"]
    }
    static func hasParentColumn(_ header: String) -> Bool { cells(header).first == "Parent field" }

    /// Whether a field table belongs to the request body (`### Request` is the last section heading above it).
    static func isRequestTable(_ lines: [String], header: Int) -> Bool {
        for line in lines[..<header].reversed() where line.hasPrefix("### ") { return line.hasPrefix("### Request") }
        return false
    }

    static func tag(of text: String) -> String? {
        for line in text.split(separator: "\n").prefix(20) where line.hasPrefix("breadcrumbs:") {
            return line.split(separator: ">").last.map { String($0).trimmingCharacters() }
        }
        return nil
    }

    static func withTag(_ text: String, _ tag: String?) -> String {
        guard let tag else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let index = lines.prefix(20).firstIndex(where: { $0.hasPrefix("breadcrumbs:") }) {
            var parts = lines[index].split(separator: ">").map(String.init)
            parts[parts.count - 1] = " " + tag
            lines[index] = parts.joined(separator: ">")
        }
        return lines.joined(separator: "\n")
    }

    static func folder(of path: String) -> String? {
        let parts = path.split(separator: "/")
        return parts.count > 1 ? parts.dropLast().joined(separator: "/") : nil
    }

    static func moved(_ path: String, toFolder folder: String?) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return folder.map { $0 + "/" + name } ?? name
    }
}

extension String {
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
