/// The names an operation gives the SDK beside its method (stage 4, shown by `dump`).
extension OperationDecl {
    /// The `UnstableOperation` member that enables an unstable operation (`v2CreateThing`).
    public var unstableKey: String {
        version.lowercased() + Identifiers.upperCamel(operationID)
    }

    /// The `…Paginated` wrapper method of an operation that pages; nil when it does not.
    public var paginatedMethodName: String? {
        pagination.map { _ in methodName + "Paginated" }
    }
}
