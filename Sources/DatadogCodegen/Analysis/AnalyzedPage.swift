/// One page after stage 3 (``PageAnalyzer/analyze(_:log:)``): its sections with every table
/// rebuilt as a field tree and the names its code examples reveal. Immutable, complete: later
/// stages read it and never fill anything in.
public struct AnalyzedPage: Sendable {
    /// Path of the page relative to the input folder.
    public let file: String
    /// The page title.
    public let title: String
    /// The API tag from the breadcrumbs (`Status Pages`).
    public let tag: String
    /// The operations to generate, in page order; empty when the page has an error (its
    /// operations are not generated, and teach naming nothing).
    public let operations: [AnalyzedOperation]

    /// The page with these operations (a filtered run keeps some of them).
    public func keeping(_ operations: [AnalyzedOperation]) -> AnalyzedPage {
        AnalyzedPage(file: file, title: title, tag: tag, operations: operations)
    }
}

/// One version tab of a page after stage 3. Reads through to its ``PageOperation`` section
/// (`operation.path`, `operation.parameters` …); the body and responses carry their field trees.
@dynamicMemberLookup
public struct AnalyzedOperation: Sendable {
    /// The tab's sections as stage 2 read them.
    public let section: PageOperation
    /// Names the official clients use, read from the code examples.
    public let hints: CodeExampleHints
    /// The Request section with its field tree; nil when the operation takes no body.
    public let requestBody: AnalyzedBody?
    /// The response tabs with their field trees, in page order.
    public let responses: [AnalyzedResponse]

    /// A property of the tab's sections.
    public subscript<Value>(dynamicMember keyPath: KeyPath<PageOperation, Value>) -> Value { section[keyPath: keyPath] }
}

/// The Request section with its field tree.
@dynamicMemberLookup
public struct AnalyzedBody: Sendable {
    /// The section as stage 2 read it.
    public let section: PageBody
    /// The Model table rebuilt as a tree (empty when the section has no table).
    public let fields: [FieldNode]

    /// A property of the section.
    public subscript<Value>(dynamicMember keyPath: KeyPath<PageBody, Value>) -> Value { section[keyPath: keyPath] }
}

/// One response tab with its field tree.
@dynamicMemberLookup
public struct AnalyzedResponse: Sendable {
    /// The tab as stage 2 read it.
    public let section: PageResponse
    /// The Model table rebuilt as a tree (empty when the tab has no table).
    public let fields: [FieldNode]

    /// A property of the tab.
    public subscript<Value>(dynamicMember keyPath: KeyPath<PageResponse, Value>) -> Value { section[keyPath: keyPath] }
}
