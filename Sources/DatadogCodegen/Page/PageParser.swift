/// Stage 2: walks a page's markdown events and fills a `Page`.
///
/// Tolerant by design: whatever does not fit the known frame becomes a warning with its
/// line; only a page without any usable operation is an error.
public struct PageParser {
    private enum Section { case preamble, overview, arguments, request, response, codeExample, other }
    private enum SubTab { case none, model, example }

    private var log: DiagnosticLog
    private var operations: [PageOperation] = []
    private var operation: PageOperation?
    private var section = Section.preamble
    private var parameterLocation: PageParameter.Location?
    private var tabs: [String] = []
    private var versionDepth = 0
    private var subTab = SubTab.none
    private var responseIndex: Int?
    private var codeLanguageHeading = false
    /// The operation has no version tab: the page's one operation, from its site table to the end of the page.
    private var implicitVersion = false
    /// Paragraphs outside any tab before the first operation: a page without version tab has its notice there.
    private var pendingNotes: [PageNote] = []

    /// Stages 1–2 for one page: its markdown (``MarkdownEvents``) read into sections, reported
    /// to `log`. An unreadable file is an error and a page without operations.
    public static func parse(_ source: SourcePage, log: inout DiagnosticLog) -> Page {
        guard let data = source.data else {
            log.error(1, "cannot read the file")
            return Page(file: source.file, title: "", tag: "", operations: [])
        }
        let text = SourceText(data: data)
        return parse(file: source.file, source: text, events: MarkdownEvents.events(of: text), log: &log)
    }

    /// Parses one page's events into a ``Page``, reporting what does not fit to `log`.
    public static func parse(file: String, source: SourceText, events: [MarkdownEvent], log: inout DiagnosticLog) -> Page {
        var parser = PageParser(log: log)
        defer { log = parser.log }
        var title = source.frontMatter["title"] ?? ""
        for event in events {
            if case .heading(1, let text, _) = event, title.isEmpty { title = text }
            parser.handle(event)
        }
        parser.finishOperation(atEnd: true)
        let breadcrumbs = source.frontMatter["breadcrumbs"] ?? ""
        let tag = PageParser.tag(fromBreadcrumbs: breadcrumbs, file: file)
        if !parser.operations.isEmpty, title.trimmingSpaces().isEmpty {
            parser.log.warning(1, "the page has no title (front matter `title:` or a `# Title` heading); the operation is named after its method and path",
                               hint: "check that the page was exported whole, front matter included")
        }
        if !parser.operations.isEmpty, PageParser.breadcrumbTag(breadcrumbs) == nil {
            parser.log.warning(1, "the front matter names no tag (`breadcrumbs: Docs > API Reference > <Tag>`); the operations are put under `\(tag)`",
                               hint: "check that the page was exported whole, front matter included")
        }
        if parser.operations.isEmpty {
            parser.log.error(1, "no API operation found: expected a version tab `{% tab title=\"v2\" %}` holding a site table `| Datadog site | API endpoint |`",
                             hint: "check that the page is a Datadog API reference page and was exported whole")
        }
        return Page(file: file, title: title.trimmingSpaces(), tag: tag, operations: parser.operations)
    }

    static func tag(fromBreadcrumbs breadcrumbs: String, file: String) -> String {
        if let tag = breadcrumbTag(breadcrumbs) { return tag }
        // Fall back to the page's folder, as the docs site names it.
        let folder = file.split(separator: "/").dropLast().first.map(String.init) ?? "Default"
        return folder.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The last part of `Docs > API Reference > <Tag>`, nil when the breadcrumbs name no tag.
    static func breadcrumbTag(_ breadcrumbs: String) -> String? {
        let parts = breadcrumbs.split(separator: ">").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard parts.count >= 2, let last = parts.last, last != "API Reference" else { return nil }
        return last
    }

    // MARK: - Events

    private mutating func handle(_ event: MarkdownEvent) {
        switch event {
        case .tagOpen(let name, let attributes, let line):
            guard name == "tab" else { return }
            let title = attributes["title"] ?? ""
            if operation == nil {
                if tabs.isEmpty, let version = PageParser.version(ofTab: title) {
                    pendingNotes = []
                    operation = PageOperation(version: version, line: line)
                    section = .preamble
                    versionDepth = 1
                    tabs = [title]
                } else {
                    tabs.append(title)
                }
                return
            }
            tabs.append(title)
            openTab(title, line: line)
        case .tagClose(let name, let line):
            guard name == "tab" else { return }
            if tabs.isEmpty {
                log.warning(line, "`{% /tab %}` closes no open tab; ignored")
                return
            }
            tabs.removeLast()
            if operation != nil {
                if tabs.count < versionDepth { finishOperation(atEnd: false) }
                else { closeTab() }
            }
        case .heading(let level, let text, let line):
            guard operation != nil else { return }
            heading(level: level, text: text, line: line)
        case .table(let table):
            if operation == nil, tabs.isEmpty, operations.isEmpty, PageParser.isSiteTable(table) { startWithoutVersionTab(table) }
            guard operation != nil else { return }
            self.table(table)
        case .text(let text, let line):
            guard operation != nil else {
                let note = text.trimmingSpacesAndNewlines()
                if tabs.isEmpty, operations.isEmpty, !note.isEmpty, !note.hasPrefix("Copy page") { pendingNotes.append(PageNote(text: note, line: line)) }
                return
            }
            self.text(text, line: line)
        case .code(let info, let text, let line):
            guard operation != nil else { return }
            code(info: info, text: text, line: line)
        }
    }

    /// The API version a tab title names (`v2`, `V2`, `v2 (latest)`, `API v2`: lower-cased), nil for
    /// other tabs (`Model`, `Example`, `200`): a word of the title that is `v` and digits.
    static func version(ofTab title: String) -> String? {
        let words = title.lowercased().split { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," }
        return words.first { $0.count >= 2 && $0.first == "v" && $0.dropFirst().allSatisfy { $0.isASCII && $0.isNumber } }.map(String.init)
    }

    /// A page of one operation without a version tab (`{% tab title="v2" %}`): the operation starts at
    /// its site table, its version is the `/api/v<N>/` segment of the endpoint's path, and the
    /// paragraphs after the title are its notes. Without such a segment there is no operation.
    private mutating func startWithoutVersionTab(_ table: Table) {
        let endpointColumn = table.header.firstIndex { PageParser.isEndpointHeader($0) } ?? 1
        let paths = table.rows.compactMap { row -> String? in
            guard endpointColumn < row.cells.count else { return nil }
            let parts = row.cells[endpointColumn].split(separator: " ")
            return parts.count >= 2 ? PageParser.splitURL(String(parts[1]))?.path : nil
        }
        guard let version = paths.lazy.compactMap({ PageParser.version(ofPath: $0) }).first else { return }
        var started = PageOperation(version: version, line: table.line)
        started.notes = pendingNotes
        started.deprecated = pendingNotes.contains { $0.text.lowercased().contains("deprecated") }
        operation = started
        implicitVersion = true
        section = .preamble
        versionDepth = 0
    }

    /// `v2` for `/api/v2/…`, nil when the path has no such segment.
    static func version(ofPath path: String) -> String? {
        let segments = path.split(separator: "/")
        guard let api = segments.firstIndex(of: "api"), api + 1 < segments.count else { return nil }
        let segment = segments[api + 1].lowercased()
        return segment.count >= 2 && segment.first == "v" && segment.dropFirst().allSatisfy { $0.isASCII && $0.isNumber } ? segment : nil
    }

    private mutating func finishOperation(atEnd: Bool) {
        guard var finished = operation else { return }
        if atEnd, !implicitVersion {
            log.warning(finished.line, "version tab `\(finished.version)` is not closed with `{% /tab %}` before the end of the page")
        }
        if finished.method.isEmpty || finished.path.isEmpty {
            log.error(finished.line, "version tab `\(finished.version)` has no site table giving the method and URL (`| Datadog site | API endpoint |`); operation skipped")
        } else {
            finished.description = finished.description.trimmingSpacesAndNewlines()
            // The docs list the languages alphabetically (go, java, python …) and names taken from the
            // examples depend on which comes first: keep that order whatever order a page gives them in.
            finished.codeExamples = finished.codeExamples.enumerated()
                .sorted { ($0.element.language, $0.offset) < ($1.element.language, $1.offset) }.map(\.element)
            operations.append(finished)
        }
        operation = nil
        implicitVersion = false
        tabs.removeAll()
        versionDepth = 0
        section = .preamble
        subTab = .none
        responseIndex = nil
    }

    private mutating func openTab(_ title: String, line: Int) {
        switch section {
        case .request:
            switch title.lowercased() {
            case "model": subTab = .model
            case "example": subTab = .example
            default: subTab = .none
            }
        case .response:
            let lower = title.lowercased()
            if lower == "model" { subTab = .model }
            else if lower == "example" { subTab = .example }
            else {
                subTab = .none
                operation?.responses.append(PageResponse(status: title.trimmingSpaces(), line: line))
                responseIndex = (operation?.responses.count ?? 1) - 1
            }
        default:
            break
        }
    }

    private mutating func closeTab() {
        if subTab != .none { subTab = .none }
        else if section == .response, tabs.count <= versionDepth { responseIndex = nil }
    }

    private mutating func heading(level: Int, text: String, line: Int) {
        let lower = text.lowercased()
        if level <= 3 {
            let known: Section? = switch lower {
            case "overview": .overview
            case "arguments": .arguments
            case "request": .request
            case "response": .response
            case "code example", "code examples": .codeExample
            default: nil
            }
            // The frame's first section after the site table is the overview, whatever its heading says
            // (`### Overview` today; `### Description` and the like at other dates).
            let overviewRenamed = level == 3 && section == .preamble && operation?.method.isEmpty == false
            if let known = known ?? (overviewRenamed ? .overview : nil) {
                section = known
                subTab = .none
                parameterLocation = nil
                return
            }
            if section == .overview {
                operation?.description += "\n\n" + String(repeating: "#", count: level) + " " + text
            }
            return
        }
        switch section {
        case .arguments where level == 4:
            if lower.hasPrefix("path") { parameterLocation = .path }
            else if lower.hasPrefix("query") { parameterLocation = .query }
            else if lower.hasPrefix("header") { parameterLocation = .header }
            else {
                parameterLocation = nil
                log.warning(line, "unknown argument section `\(text)`; its table is ignored")
            }
        case .request where level == 4 && lower.hasPrefix("body data"):
            operation?.requestBody = PageBody(required: lower.contains("required"), line: line)
        case .codeExample:
            codeLanguageHeading = true
        case .overview:
            operation?.description += "\n\n" + String(repeating: "#", count: level) + " " + text
        default:
            break
        }
    }

    private mutating func table(_ table: Table) {
        switch section {
        case .preamble:
            if PageParser.isSiteTable(table) { siteTable(table) }
            else { log.warning(table.line, "unexpected table before `### Overview`; ignored") }
        case .arguments:
            guard let location = parameterLocation else {
                log.warning(table.line, "parameter table outside a Path/Query/Header section; ignored")
                return
            }
            parameters(table, location: location)
        case .request:
            guard operation?.requestBody != nil else {
                log.warning(table.line, "request table without a `#### Body Data` heading; assuming an optional body")
                operation?.requestBody = PageBody(required: false, line: table.line)
                return self.table(table)
            }
            if operation?.requestBody?.schema.table == nil { operation?.requestBody?.schema.table = TableColumns.canonical(table, kind: .fields, log: &log) }
        case .response:
            guard let index = responseIndex else {
                log.warning(table.line, "response table outside a status tab; ignored")
                return
            }
            if operation?.responses[index].schema.table == nil { operation?.responses[index].schema.table = TableColumns.canonical(table, kind: .fields, log: &log) }
        case .overview, .codeExample, .other:
            if section == .overview { operation?.description += "\n\n" + PageParser.tableText(table) }
        }
    }

    private mutating func text(_ text: String, line: Int) {
        switch section {
        case .preamble:
            let note = text.trimmingSpacesAndNewlines()
            guard !note.isEmpty else { return }
            operation?.notes.append(PageNote(text: note, line: line))
            if note.lowercased().contains("deprecated") { operation?.deprecated = true }
        case .overview:
            operation?.description += "\n\n" + text
            operation?.permissions.append(contentsOf: PageParser.permissions(in: text))
        case .request:
            if subTab == .model { operation?.requestBody?.schema.description += text }
            else if subTab == .none { operation?.requestBody?.description += text }
        case .response:
            guard let index = responseIndex else { return }
            if subTab == .model { operation?.responses[index].schema.description += text }
            else if subTab == .none {
                let existing = operation?.responses[index].description ?? ""
                operation?.responses[index].description = existing.isEmpty ? text : existing + "\n" + text
            }
        case .codeExample:
            curlHeaders(text)
        default:
            break
        }
    }

    private mutating func code(info: String, text: String, line: Int) {
        switch section {
        case .request:
            if subTab == .example, operation?.requestBody?.schema.example == nil {
                operation?.requestBody?.schema.example = text
                operation?.requestBody?.schema.exampleLine = line
            }
        case .response:
            if subTab == .example, let index = responseIndex, operation?.responses[index].schema.example == nil {
                operation?.responses[index].schema.example = text
                operation?.responses[index].schema.exampleLine = line
            }
        case .codeExample:
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if language.isEmpty || language == "sh" || language == "bash" { curlHeaders(text) }
            else { operation?.codeExamples.append(CodeExample(language: language.lowercased(), code: text, line: line)) }
        case .overview:
            operation?.description += "\n\n```\(info)\n" + text + "```"
        default:
            break
        }
    }

    // MARK: - Tables

    private mutating func siteTable(_ table: Table) {
        // The columns by their header (`Datadog site`, `API endpoint`), in either order.
        let endpointColumn = table.header.firstIndex { PageParser.isEndpointHeader($0) } ?? 1
        let siteColumn = table.header.indices.first { $0 != endpointColumn && table.header[$0].lowercased().contains("site") } ?? (endpointColumn == 0 ? 1 : 0)
        for row in table.rows {
            guard row.cells.count > max(siteColumn, endpointColumn) else {
                log.warning(row.line, "site table row has \(row.cells.count) cell(s), expected 2; ignored")
                continue
            }
            let site = row.cells[siteColumn]
            let endpoint = row.cells[endpointColumn]
            if endpoint.lowercased().hasPrefix("not supported") {
                operation?.unsupportedSites.append(site)
                continue
            }
            let parts = endpoint.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, let url = PageParser.splitURL(String(parts[1])) else {
                log.warning(row.line, "cannot read `METHOD https://host/path` from the site table cell `\(endpoint)`; ignored")
                continue
            }
            let method = parts[0].uppercased()
            guard method.allSatisfy({ $0.isLetter }) else {
                log.warning(row.line, "`\(parts[0])` is not an HTTP method; row ignored")
                continue
            }
            if let problem = PageParser.endpointProblem(host: url.host, path: url.path) {
                log.warning(row.line, "cannot use the site table cell `\(endpoint)`: \(problem); row ignored")
                continue
            }
            if parts.count > 2 {
                log.warning(row.line, "text after the URL in the site table cell `\(endpoint)` is ignored")
            }
            if operation?.method.isEmpty == true {
                operation?.method = method
                operation?.path = url.path
            } else if operation?.method != method || operation?.path != url.path {
                log.warning(row.line, "site `\(site)` lists `\(method) \(url.path)`, other sites `\(operation?.method ?? "") \(operation?.path ?? "")`; using the first")
            }
            operation?.siteHosts.append(SiteHost(site: site, host: url.host))
        }
    }

    /// Whether a table is the site table: a header cell names the site or the API endpoint.
    static func isSiteTable(_ table: Table) -> Bool {
        table.header.contains { $0.lowercased().contains("site") || isEndpointHeader($0) }
    }

    static func isEndpointHeader(_ cell: String) -> Bool {
        let lower = cell.lowercased()
        return lower.contains("endpoint") || lower.contains("url")
    }

    /// Why `host` and `path` cannot make a request URL, nil when they can: a host is letters,
    /// digits, `.`, `-` and a port; a path is RFC 3986 path characters with `{name}` templates that
    /// neither nest nor are empty.
    static func endpointProblem(host: String, path: String) -> String? {
        let hostCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:")
        if let bad = host.first(where: { !hostCharacters.contains($0) }) { return "`\(bad)` in the host `\(host)`" }
        let pathCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%/")
        var open = false, name = ""
        for character in path {
            switch character {
            case "{" where !open: open = true; name = ""
            case "}" where open:
                if name.isEmpty { return "an empty parameter `{}` in the path" }
                open = false
            case "{", "}": return "unbalanced `{`/`}` in the path `\(path)`"
            default:
                guard pathCharacters.contains(character) else { return "`\(character)` in the path `\(path)`" }
                if open { name.append(character) }
            }
        }
        return open ? "unbalanced `{`/`}` in the path `\(path)`" : nil
    }

    static func splitURL(_ url: String) -> (host: String, path: String)? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = String(rest[..<slash])
        var path = String(rest[slash...])
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        guard !host.isEmpty else { return nil }
        return (host, path.isEmpty ? "/" : path)
    }

    private mutating func parameters(_ table: Table, location: PageParameter.Location) {
        let table = TableColumns.canonical(table, kind: .parameters, log: &log)
        for row in table.rows {
            guard row.cells.count >= 2 else {
                log.warning(row.line, "parameter row has \(row.cells.count) cell(s), expected `Name | Type | Description`; ignored")
                continue
            }
            let name = FieldName.parse(row.cells[0])
            guard !name.name.isEmpty else {
                log.warning(row.line, "parameter row without a name; ignored")
                continue
            }
            if !name.unknownMarkers.isEmpty {
                log.warning(row.line, "unknown marker \(name.unknownMarkers.map { "`\($0)`" }.joined(separator: ", ")) after the parameter name `\(name.name)`; ignored")
            }
            var description = row.cells.count > 2 ? row.cells[2...].joined(separator: "\n\n") : ""
            let deprecatedPrefix = description.hasPrefix("**DEPRECATED**")
            if deprecatedPrefix { description = FieldName.dropDeprecatedPrefix(description) }
            let deprecated = deprecatedPrefix || name.deprecated
            operation?.parameters.append(PageParameter(
                name: name.name, location: location, required: name.required || location == .path,
                type: row.cells[1], description: description, deprecated: deprecated, line: row.line))
        }
    }

    static func tableText(_ table: Table) -> String {
        ([table.header] + table.rows.map(\.cells)).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
    }

    static func permissions(in text: String) -> [String] {
        let lower = text.lowercased()
        guard lower.contains("this endpoint requires") || lower.hasPrefix("- `") || lower.hasPrefix("* `") else { return [] }
        if lower.contains("this endpoint requires"), !lower.contains("permission") { return [] }
        var result: [String] = []
        var rest = Substring(text)
        if let start = rest.range(ofASCII: "This endpoint requires") { rest = rest[start.upperBound...] }
        while let open = rest.firstIndex(of: "`") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "`") else { break }
            let token = String(after[..<close])
            if !token.isEmpty, !token.contains(" ") { result.append(token) }
            rest = after[after.index(after: close)...]
            if rest.hasPrefix(" authorization") { break }
        }
        return result
    }

    private mutating func curlHeaders(_ text: String) {
        var rest = Substring(text)
        while let flag = rest.range(ofASCII: "-H \"") {
            let after = rest[flag.upperBound...]
            guard let close = after.firstIndex(of: "\"") else { break }
            let header = after[..<close]
            if let colon = header.firstIndex(of: ":") {
                let name = header[..<colon].trimmingSpaces()
                let value = header[header.index(after: colon)...].trimmingSpaces()
                if operation?.curlHeaders[name] == nil { operation?.curlHeaders[name] = value }
            }
            rest = after[after.index(after: close)...]
        }
    }
}

extension StringProtocol {
    func trimmingSpacesAndNewlines() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }) else { return "" }
        let last = scalars.lastIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }) ?? first
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
