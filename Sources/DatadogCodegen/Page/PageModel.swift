/// What one reference page says, stage 2 of the pipeline (markdown events → page sections).
public struct Page: Sendable {
    /// Path of the page relative to the input folder.
    public var file: String
    /// The page title (front matter `title`, else the first level-1 heading).
    public var title: String
    /// The API tag from the breadcrumbs (`Status Pages`).
    public var tag: String
    /// The operations, one per version tab, in page order.
    public var operations: [PageOperation]
}

/// One version tab of a page: one operation.
public struct PageOperation: Sendable {
    /// The API version of the tab, lower-cased (`v1`, `v2`).
    public var version: String
    /// 1-based line of the version tab.
    public var line: Int
    /// HTTP method, upper-case (`POST`); empty until the site table is read.
    public var method: String = ""
    /// Endpoint path with `{placeholders}` (`/api/v2/statuspages`).
    public var path: String = ""
    /// Site (as written in the table, e.g. `app.datadoghq.eu`) → the endpoint's host there.
    public var siteHosts: [SiteHost] = []
    /// Sites the site table says the endpoint is not available on.
    public var unsupportedSites: [String] = []
    /// Whether a note marks the endpoint as deprecated.
    public var deprecated: Bool = false
    /// Paragraphs of the tab before its Overview: the docs' notice for unstable endpoints, above the site table
    /// (`**Note**: This endpoint is in preview …`). Whether the endpoint is unstable is decided in
    /// ``OperationBuilder/isUnstable(_:hints:operationID:log:)``.
    public var notes: [PageNote] = []
    /// The Overview text, tables and code included as markdown.
    public var description: String = ""
    /// Permissions the Overview says the endpoint requires.
    public var permissions: [String] = []
    /// Path, query and header parameters, in page order.
    public var parameters: [PageParameter] = []
    /// The Request section; nil when the operation takes no body.
    public var requestBody: PageBody?
    /// The response tabs, in page order.
    public var responses: [PageResponse] = []
    /// The code examples other than shell (curl), by language (alphabetical, as the docs list them), then in page order.
    public var codeExamples: [CodeExample] = []
    /// Headers the page's curl example sends (`Content-Type`, `Accept`, `DD-API-KEY` …).
    public var curlHeaders: [String: String] = [:]
}

/// A paragraph of a version tab before its Overview.
public struct PageNote: Sendable {
    /// The paragraph's text, trimmed.
    public var text: String
    /// 1-based line of the paragraph.
    public var line: Int
}

/// One row of the site table: a Datadog site and the endpoint's host there.
public struct SiteHost: Sendable, Hashable {
    /// The Datadog site as written (`app.datadoghq.eu`).
    public var site: String
    /// The API host on that site (`api.datadoghq.eu`).
    public var host: String
}

/// One row of a Path, Query or Header Parameters table.
public struct PageParameter: Sendable {
    /// Where the parameter goes in the request. `form` is a part of a `multipart/form-data` body:
    /// the Swift model makes one of each top-level row of such a Request table (never from the Arguments tables).
    public enum Location: String, Sendable { case path, query, header, form }
    /// The parameter's name on the wire, as written.
    public var name: String
    /// Whether it is a path, query or header parameter.
    public var location: Location
    /// Whether the parameter is required (path parameters always are).
    public var required: Bool
    /// The Type cell as written (`string`, `integer` …).
    public var type: String
    /// The Description cell, without the deprecation marker.
    public var description: String
    /// Whether the description starts with `**DEPRECATED**`.
    public var deprecated: Bool
    /// 1-based source line of the row.
    public var line: Int
}

/// A table of fields plus the JSON example of the same schema.
public struct PageSchema: Sendable {
    /// Text of the Model tab.
    public var description: String = ""
    /// The Model tab's fields table.
    public var table: Table?
    /// The Example tab's JSON, verbatim.
    public var example: String?
    /// 1-based line of the example (0 when there is none).
    public var exampleLine: Int = 0
}

/// The Request section of an operation.
public struct PageBody: Sendable {
    /// Whether the section says the body is required.
    public var required: Bool
    /// Text of the section outside its Model and Example tabs.
    public var description: String = ""
    /// 1-based line where the section starts.
    public var line: Int
    /// The body's fields table and JSON example.
    public var schema = PageSchema()
}

/// One response tab of an operation.
public struct PageResponse: Sendable {
    /// The status code as the tab title gives it (`200`).
    public var status: String
    /// Text of the tab outside its Model and Example tabs.
    public var description: String = ""
    /// 1-based line of the response tab.
    public var line: Int
    /// The response's fields table and JSON example.
    public var schema = PageSchema()
}

/// One code example of an operation.
public struct CodeExample: Sendable {
    /// The fence's language, lower-cased (`go`, `java`, `python`, `ruby`, `typescript` …).
    public var language: String
    /// The example's source code.
    public var code: String
    /// 1-based line of the code block.
    public var line: Int
}
