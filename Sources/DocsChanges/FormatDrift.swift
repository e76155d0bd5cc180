/// Changes of the page format itself between publication dates of the reference (where
/// ``DocsChange`` changes what the pages say, this changes how they say it), applied to pages as text.
///
/// Each drift has a verdict: the generator either **accepts** it (the SDK's code is the same as
/// for the unchanged pages, doc comments aside) or **rejects** it (every page it changed gets an
/// error located inside it, every other page is generated as before). A rejected drift is applied
/// to every second page (in path order) only, so that the rest still makes an SDK to type-check.
/// Every drift is deterministic.
public enum FormatDrift: String, CaseIterable, Sendable {
    /// The site table (`| Datadog site | API endpoint |`) is missing: no method nor URL. Rejected.
    case siteTableAbsent = "site-table-absent"
    /// The site table lists only `app.datadoghq.com` (else its first row).
    case siteTableOneSite = "site-table-one-site"
    /// The site table's columns are swapped: `| API endpoint | Datadog site |`.
    case siteTableColumnsSwapped = "site-table-columns-swapped"
    /// The `Copy pageCopied` line under the title is gone.
    case copyLineAbsent = "copy-line-absent"
    /// A page of one API version has no version tab (`{% tab title="v2" %}` … `{% /tab %}` removed).
    case versionTabAbsent = "version-tab-absent"
    /// Version tabs are titled `V1` and `v2 (latest)`.
    case versionTabRetitled = "version-tab-retitled"
    /// `[*required*]` is spelled `*required*`.
    case requiredRespelled = "required-respelled"
    /// Header cells renamed: `Parent`, `Name` for the field tables, `Parameter` for the parameter tables,
    /// `Site` and `Endpoint` for the site table.
    case headerCellsRenamed = "header-cells-renamed"
    /// Columns reordered: `Field | Parent field | Type | Description`, `Type | Name | Description`.
    case columnsReordered = "columns-reordered"
    /// `required` gets a column of its own at the end (`Required`: `yes`/`no`) instead of the name cell's marker.
    case requiredColumn = "required-column"
    /// A `Default` column (empty cells) between Type and Description.
    case extraColumn = "extra-column"
    /// oneOf options are named `Object N` instead of `Option N`.
    case optionRowsRespelled = "option-rows-respelled"
    /// The code examples' languages come in reverse order (curl stays first; a language's examples keep their order).
    case codeExamplesReordered = "code-examples-reordered"
    /// A code example in a language no official client of today uses (Kotlin) comes first.
    case codeExampleUnknownLanguage = "code-example-unknown-language"
    /// `### Overview` is titled `### Description`.
    case overviewRenamed = "overview-renamed"
    /// Deprecated fields and parameters are marked `[*deprecated*]` after the name instead of `**DEPRECATED**:` before the description.
    case deprecatedMarker = "deprecated-marker"
    /// Table cells are HTML-escaped (`&lt;any-key&gt;`, `&amp;`, `&#124;` for `\|`) and a description's
    /// paragraphs are one cell joined with `<br>`.
    case htmlInCells = "html-in-cells"
    /// The front matter's keys come in reverse order, with keys the generator does not read (`type`, an `aliases` list).
    case frontMatterReordered = "front-matter-reordered"

    /// What the generator must do with a drift.
    public enum Verdict: String, Sendable { case accepted, rejected }

    public var verdict: Verdict { self == .siteTableAbsent ? .rejected : .accepted }

    /// Generated lines an accepted drift may change (a page that lists one site cannot say the other
    /// sites' hosts: the operation's host table, `hostPrefix:` and `siteHosts:`, holds what it says).
    public var mayChangeLinesContaining: [String] { self == .siteTableOneSite ? ["hostPrefix: ", "siteHosts: "] : [] }

    /// The pages after the drift.
    public func apply(to pages: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (index, path) in pages.keys.sorted().enumerated() {
            let text = pages[path] ?? ""
            result[path] = verdict == .rejected && index % 2 == 0 ? text : transform(text)
        }
        return result
    }

    /// The drift on one page's text.
    func transform(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tables = DocsChange.tables(lines)
        switch self {
        case .siteTableAbsent:
            for table in tables.reversed() where Self.isSiteTable(lines[table.header]) {
                lines.removeSubrange(table.header..<table.rows.upperBound)
            }
        case .siteTableOneSite:
            for table in tables.reversed() where Self.isSiteTable(lines[table.header]) {
                let rows = Array(lines[table.rows])
                let kept = rows.first { DocsChange.cells($0).first == "app.datadoghq.com" } ?? rows.first
                lines.replaceSubrange(table.rows, with: kept.map { [$0] } ?? [])
            }
        case .siteTableColumnsSwapped:
            for table in tables where Self.isSiteTable(lines[table.header]) {
                for index in table.header..<table.rows.upperBound {
                    lines[index] = Self.row(Self.moving(DocsChange.cells(lines[index]), from: 1, to: 0))
                }
            }
        case .copyLineAbsent:
            lines.removeAll { $0 == "Copy pageCopied" }
        case .versionTabAbsent:
            let opens = lines.indices.filter { Self.isVersionTab(lines[$0]) }
            guard opens.count == 1, let close = Self.closingTab(lines, open: opens[0]) else { break }
            lines.remove(at: close)
            lines.remove(at: opens[0])
        case .versionTabRetitled:
            lines = lines.map { line in
                line == "{% tab title=\"v1\" %}" ? "{% tab title=\"V1\" %}" : line == "{% tab title=\"v2\" %}" ? "{% tab title=\"v2 (latest)\" %}" : line
            }
        case .requiredRespelled:
            lines = lines.map { $0.hasPrefix("|") ? $0.replacingOccurrences(of: "[*required*]", with: "*required*") : $0 }
        case .headerCellsRenamed:
            let renames = ["Parent field": "Parent", "Field": "Name", "Name": "Parameter", "Datadog site": "Site", "API endpoint": "Endpoint"]
            for table in tables {
                let header = DocsChange.cells(lines[table.header])
                guard DocsChange.isFieldTable(lines[table.header]) || DocsChange.isParameterTable(lines[table.header]) || Self.isSiteTable(lines[table.header]) else { continue }
                lines[table.header] = Self.row(header.map { renames[$0] ?? $0 })
            }
        case .columnsReordered:
            for table in tables {
                let header = lines[table.header]
                // Field tables with a Parent column: Field first; parameter tables: Type first.
                let swap = DocsChange.hasParentColumn(header) && DocsChange.isFieldTable(header) || DocsChange.isParameterTable(header)
                guard swap else { continue }
                for index in table.header..<table.rows.upperBound {
                    lines[index] = Self.row(Self.moving(DocsChange.cells(lines[index]), from: 1, to: 0))
                }
            }
        case .requiredColumn:
            for table in tables {
                let header = lines[table.header]
                guard DocsChange.isFieldTable(header) || DocsChange.isParameterTable(header) else { continue }
                let name = DocsChange.hasParentColumn(header) ? 1 : 0
                lines[table.header] = Self.row(DocsChange.cells(header) + ["Required"])
                lines[table.header + 1] = Self.row(DocsChange.cells(lines[table.header + 1]) + ["---"])
                for index in table.rows {
                    var cells = DocsChange.cells(lines[index])
                    guard name < cells.count else { continue }
                    let required = cells[name].contains("[*required*]")
                    cells[name] = cells[name].replacingOccurrences(of: " [*required*]", with: "").replacingOccurrences(of: "[*required*]", with: "")
                    // Description paragraphs after the first are extra cells: pad to the header's width first.
                    while cells.count < DocsChange.cells(header).count { cells.append("") }
                    lines[index] = Self.row(cells + [required ? "yes" : "no"])
                }
            }
        case .extraColumn:
            for table in tables {
                let header = lines[table.header]
                guard DocsChange.isFieldTable(header) || DocsChange.isParameterTable(header) else { continue }
                let type = DocsChange.cells(header).firstIndex(of: "Type") ?? 1
                for index in table.header..<table.rows.upperBound {
                    var cells = DocsChange.cells(lines[index])
                    while cells.count <= type { cells.append("") }
                    cells.insert(index == table.header ? "Default" : index == table.header + 1 ? "---" : "", at: type + 1)
                    lines[index] = Self.row(cells)
                }
            }
        case .optionRowsRespelled:
            for table in tables where DocsChange.isFieldTable(lines[table.header]) {
                for index in table.rows {
                    lines[index] = Self.row(DocsChange.cells(lines[index]).map { cell in
                        cell.hasPrefix("Option ") && Int(cell.dropFirst("Option ".count)) != nil ? "Object " + cell.dropFirst("Option ".count) : cell
                    })
                }
            }
        case .codeExamplesReordered, .codeExampleUnknownLanguage:
            lines = Self.reorderingCodeExamples(lines, addingKotlin: self == .codeExampleUnknownLanguage)
        case .overviewRenamed:
            lines = lines.map { $0 == "### Overview" ? "### Description" : $0 }
        case .deprecatedMarker:
            for table in tables {
                let header = lines[table.header]
                guard DocsChange.isFieldTable(header) || DocsChange.isParameterTable(header) else { continue }
                let name = DocsChange.hasParentColumn(header) ? 1 : 0
                for index in table.rows {
                    var cells = DocsChange.cells(lines[index])
                    guard cells.count > name + 2, cells[name + 2].hasPrefix("**DEPRECATED**") else { continue }
                    var description = Substring(cells[name + 2].dropFirst("**DEPRECATED**".count))
                    if description.hasPrefix(":") { description = description.dropFirst() }
                    cells[name + 2] = String(description).trimmingCharacters()
                    cells[name] += " [*deprecated*]"
                    lines[index] = Self.row(cells)
                }
            }
        case .htmlInCells:
            for table in tables {
                let width = DocsChange.cells(lines[table.header]).count
                for index in table.rows {
                    // Cells split as the docs write them (`\|` inside a cell), then escaped as HTML.
                    var cells = Self.escapedCells(lines[index])
                    if cells.count > width, width > 0 { cells = Array(cells[..<(width - 1)]) + [cells[(width - 1)...].joined(separator: "<br>")] }
                    lines[index] = "| " + cells.map(Self.htmlEscaped).joined(separator: " | ") + " |"
                }
            }
        case .frontMatterReordered:
            guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { break }
            let keys = Array(lines[1..<end].reversed())
            lines.replaceSubrange(1..<end, with: ["type: api", "aliases:", "  - /api/latest/docs-change-alias/"] + keys + ["further_reading: []"])
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Page structure

    static func isSiteTable(_ header: String) -> Bool { DocsChange.cells(header).first == "Datadog site" }

    static func isVersionTab(_ line: String) -> Bool {
        line.hasPrefix("{% tab title=\"v") && line.dropFirst("{% tab title=\"v".count).prefix { $0 != "\"" }.allSatisfy(\.isNumber)
    }

    /// The `{% /tab %}` line closing the tab opened at `open`.
    static func closingTab(_ lines: [String], open: Int) -> Int? {
        var depth = 0
        for index in open..<lines.count {
            if lines[index].hasPrefix("{% tab ") { depth += 1 }
            if lines[index] == "{% /tab %}" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    static func moving(_ cells: [String], from: Int, to: Int) -> [String] {
        guard from < cells.count, to < cells.count else { return cells }
        var cells = cells
        cells.insert(cells.remove(at: from), at: to)
        return cells
    }

    /// A row's cells with `\|` kept inside a cell (unescaped to `|`).
    static func escapedCells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.trimmingCharacters() {
            if escaped { current.append(character == "|" ? "|" : "\\" + String(character)); escaped = false }
            else if character == "\\" { escaped = true }
            else if character == "|" { cells.append(current.trimmingCharacters()); current = "" }
            else { current.append(character) }
        }
        if !current.trimmingCharacters().isEmpty { cells.append(current.trimmingCharacters()) }
        return Array(cells.dropFirst())
    }

    static func htmlEscaped(_ cell: String) -> String {
        cell.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "|", with: "&#124;")
    }

    /// The `### Code Example` sections with the languages of their `##### ` blocks after the first (curl) in
    /// reverse order, or a Kotlin example before them.
    static func reorderingCodeExamples(_ lines: [String], addingKotlin: Bool) -> [String] {
        var result: [String] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("### Code Example") else { result.append(lines[index]); index += 1; continue }
            var end = index + 1
            while end < lines.count, !(lines[end] == "{% /tab %}" || lines[end].hasPrefix("{% tab title=\"v") || lines[end].hasPrefix("### ")) { end += 1 }
            let starts = (index..<end).filter { lines[$0].hasPrefix("##### ") || lines[$0] == "#####" }
            guard starts.count >= 2 else { result += lines[index..<end]; index = end; continue }
            let blocks = starts.indices.map { number in Array(lines[starts[number]..<(number + 1 < starts.count ? starts[number + 1] : end)]) }
            let kotlin = ["##### ", "", "```kotlin", "// A docs change added this example.", "val client = ApiClient()", "```", ""]
            // Blocks of one language (a page may have several examples per language) stay together, in their order.
            var groups: [[[String]]] = []
            for block in blocks.dropFirst() {
                let language = block.first { $0.hasPrefix("```") }
                if let last = groups.last?.last, last.first(where: { $0.hasPrefix("```") }) == language { groups[groups.count - 1].append(block) }
                else { groups.append([block]) }
            }
            let rest: [[String]] = addingKotlin ? [kotlin] + blocks.dropFirst() : Array(groups.reversed().joined())
            result.append(contentsOf: lines[index..<starts[0]])
            result.append(contentsOf: blocks[0])
            for block in rest { result.append(contentsOf: block) }
            index = end
        }
        return result
    }
}
