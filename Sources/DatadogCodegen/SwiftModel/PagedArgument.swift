/// What one argument of an operation's method becomes in its `…Paginated` wrapper.
public struct PagedArgument: Sendable, Hashable {
    /// How the wrapper treats the argument.
    public enum Role: Sendable, Hashable {
        /// A parameter of the wrapper, passed on to every page's call.
        case passed
        /// The page's position (offset, page number or cursor): not a parameter of the wrapper, set per page.
        case position
        /// The page size: a parameter of the wrapper of type ``PagedArgument/sizeType``, defaulting to
        /// ``PagedArgument/defaultSize`` when the method's is optional.
        case size
        /// The body: a parameter of the wrapper, passed with the cursor set at these JSON keys (outermost first).
        case bodyCursor([String])
    }

    /// The wrapper's page-size type.
    public static let sizeType = "Int64"
    /// The wrapper's page size when the method's size is optional (Swift expression).
    public static let defaultSize = "10"

    /// The method's argument.
    public var argument: MethodArgument
    public var role: Role
}

extension OperationDecl {
    /// The method's arguments as the `…Paginated` wrapper treats them, in the method's order (empty
    /// when the operation does not page). The wrapper's renderer and the dump both read this list.
    public var paginatedArguments: [PagedArgument] {
        guard let pagination else { return [] }
        return arguments.map { argument in
            var wireName: String?
            if case .parameter(let index) = argument.role, parameters[index].location == .query {
                wireName = parameters[index].wireName
            }
            if wireName != nil, wireName == pagination.position { return PagedArgument(argument: argument, role: .position) }
            if wireName != nil, wireName == pagination.size { return PagedArgument(argument: argument, role: .size) }
            if argument.role == .body, let path = pagination.bodyCursor {
                return PagedArgument(argument: argument, role: .bodyCursor(path))
            }
            return PagedArgument(argument: argument, role: .passed)
        }
    }
}
