/// What the table rows of one operation became (stage 4): the field trees of its request body and
/// of each response with the Swift type chosen for every row, and their JSON examples. The renderer
/// never reads it; the dump does (`fields` of `request` and `responses`), and conformance scores
/// names from it. Built by ``OperationBuilder`` beside the ``OperationDecl`` (the same
/// ``TypeBuilder`` run), and renamed with it (``OfficialRenaming``, ``AliasPruning``), so the
/// names it shows are the generated ones.
public struct RowBindings: Sendable {
    /// The request body's table; nil when the operation has no body.
    public var body: TableBinding?
    /// One per response, in the order of ``OperationDecl/responses``.
    public var responses: [TableBinding]
}

/// One table (a request body or a response) and what its rows became.
public struct TableBinding: Sendable {
    /// The field tree of the table.
    public var fields: [FieldNode]
    /// The Swift types chosen for ``fields``; nil when no type was built.
    public var resolved: ResolvedField?
    /// The JSON example, verbatim.
    public var example: String?
    /// 1-based line of the example (0 when there is none).
    public var exampleLine: Int

    /// The binding with every type reference renamed (`mapping`: old name → new name).
    func renamed(_ mapping: [String: String]) -> TableBinding {
        var copy = self
        copy.resolved = resolved.map { $0.renamed(mapping) }
        return copy
    }
}

extension RowBindings {
    /// The bindings with every type reference renamed (`mapping`: old name → new name).
    func renamed(_ mapping: [String: String]) -> RowBindings {
        guard !mapping.isEmpty else { return self }
        return RowBindings(body: body?.renamed(mapping), responses: responses.map { $0.renamed(mapping) })
    }
}
