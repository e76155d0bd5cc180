/// What one reference page says, stage 2 of the pipeline (markdown events → page sections).
public struct Page: Sendable {
    /// Path of the page relative to the input folder.
    public var file: String
    public var title: String
    /// The API tag from the breadcrumbs (`Status Pages`).
    public var tag: String
    public var operations: [PageOperation]
}

/// One version tab of a page: one operation.
public struct PageOperation: Sendable {
    public var version: String
    public var line: Int
    public var method: String = ""
    public var path: String = ""
    /// Site (as written in the table, e.g. `app.datadoghq.eu`) → the endpoint's host there.
    public var siteHosts: [SiteHost] = []
    public var unsupportedSites: [String] = []
    public var unstable: Bool = false
    public var deprecated: Bool = false
    public var notes: [String] = []
    public var description: String = ""
    public var permissions: [String] = []
    public var parameters: [PageParameter] = []
    public var requestBody: PageBody?
    public var responses: [PageResponse] = []
    public var codeExamples: [CodeExample] = []
    /// Names the official clients use, read from the code examples (filled in after parsing).
    public var hints: CodeExampleHints?
    /// Headers the page's curl example sends (`Content-Type`, `Accept`, `DD-API-KEY` …).
    public var curlHeaders: [String: String] = [:]
}

public struct SiteHost: Sendable, Hashable {
    public var site: String
    public var host: String
}

public struct PageParameter: Sendable {
    public enum Location: String, Sendable { case path, query, header }
    public var name: String
    public var location: Location
    public var required: Bool
    public var type: String
    public var description: String
    public var deprecated: Bool
    public var line: Int
}

/// A table of fields plus the JSON example of the same schema.
public struct PageSchema: Sendable {
    public var description: String = ""
    public var table: Table?
    public var example: String?
    public var exampleLine: Int = 0
    /// The table rebuilt as a tree (stage 3), filled in after the page is parsed.
    public var fields: [FieldNode]?
}

public struct PageBody: Sendable {
    public var required: Bool
    public var description: String = ""
    public var line: Int
    public var schema = PageSchema()
}

public struct PageResponse: Sendable {
    public var status: String
    public var description: String = ""
    public var line: Int
    public var schema = PageSchema()
}

public struct CodeExample: Sendable {
    public var language: String
    public var code: String
    public var line: Int
}
