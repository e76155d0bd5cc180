/// The replay's generated sources (`Replay/Generated/` of the harness package), from the dump's
/// method signatures: per operation a function that reads the recorded call's arguments and calls
/// the generated method (and, for operations that page, one that iterates the `…Paginated`
/// wrapper); `Arguments.swift` makes the parameters' model types readable from recorded text
/// (`ReplayArgument`, Replay/ReplaySupport.swift); `Registry.swift` fills `main.swift`'s table.
public struct ReplayHarness: Sendable {
    /// One operation's function (or its wrapper's: `operationID` ends in `Paginated`).
    struct Function: Sendable {
        var version: String
        var operationID: String
        var module: String
        var api: String
        var lines: [String]
        /// The qualified model types its parameters read from text.
        var argumentTypes: Set<String>

        var key: String { version + "." + operationID }
    }

    var functions: [Function] = []
    /// Operations without a function, by key, with the reason.
    public var missing: [String: String] = [:]
    /// The keys of the `…Paginated` functions.
    public var paged: [String] = []

    public init(_ dump: Dump) {
        let qualifier = SwiftQualifier(dump)
        var seen = Set<String>()
        var pagedFunctions: [String: Function] = [:]
        for page in dump.pages {
            for operation in page.operations {
                guard let version = operation.version, let operationID = operation.operationID else { continue }
                let key = version + "." + operationID
                let module = operation.swiftModule ?? (version == "v1" ? "DatadogV1" : "DatadogV2")
                guard let api = operation.swiftAPI, let method = operation.swiftMethod, let arguments = operation.arguments else {
                    if seen.insert(key).inserted { missing[key] = "harness: no method for \(key) in the dump" }
                    continue
                }
                if seen.insert(key).inserted {
                    functions.append(Self.function(version: version, operationID: operationID, module: module, api: api,
                                                   call: method, arguments: arguments, returns: operation.returns,
                                                   paged: false, qualifier: qualifier))
                }
                if let paging = operation.pagination, let wrapper = paging.swiftMethod, let wrapperArguments = paging.arguments {
                    // as the script did: the last page defining the operation wins
                    pagedFunctions[key + "Paginated"] = Self.function(
                        version: version, operationID: operationID + "Paginated", module: module, api: api, call: wrapper,
                        arguments: wrapperArguments, returns: nil, paged: true, qualifier: qualifier)
                }
            }
        }
        functions += pagedFunctions.values
        paged = pagedFunctions.keys.sorted()
        functions.sort {
            $0.version != $1.version ? $0.version.utf8.lexicographicallyPrecedes($1.version.utf8)
                : $0.operationID.utf8.lexicographicallyPrecedes($1.operationID.utf8)
        }
    }

    /// Every function's key.
    public var keys: [String] { functions.map(\.key) }

    /// `replay_<version>_<operationId>` with non-word characters as `_`.
    static func functionName(_ version: String, _ operationID: String) -> String {
        "replay_" + String((version + "_" + operationID).map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }

    static func function(version: String, operationID: String, module: String, api: String, call method: String,
                         arguments: [Dump.Argument], returns: String?, paged: Bool, qualifier: SwiftQualifier) -> Function {
        var lets: [String] = []
        var passed: [String] = []
        var argumentTypes = Set<String>()
        for argument in arguments {
            let bare = SwiftQualifier.strippingOptional(argument.swiftType)
            let type = qualifier.qualify(bare, in: module)
            // a defaulted argument reads as optional and falls back to its default
            let optional = !argument.required || argument.defaultValue != nil
            let declared = type + (argument.required ? "" : "?")
            var expression: String
            if argument.body {
                expression = "try call.\(optional ? "optionalBody" : "body")(\(type).self)"
            } else if bare == "DatadogFile" {
                expression = "try call.\(optional ? "optionalFile" : "file")(\(SwiftQualifier.literal(argument.parameter ?? argument.name)))"
            } else {
                // a model type (an open enum) gets a generated conformance; the standard library's and the
                // runtime's types are read by ReplaySupport.swift itself
                let element = SwiftQualifier.arrayElement(bare) ?? bare
                if qualifier.isModelType(element, in: module) {
                    argumentTypes.insert(qualifier.qualify(qualifier.resolvingAliases(element, in: module), in: module))
                }
                expression = "try call.\(optional ? "optionalArgument" : "argument")(\(SwiftQualifier.literal(argument.parameter ?? argument.name)), \(type).self)"
            }
            if argument.required, let value = argument.defaultValue { expression += " ?? \(value)" }
            let variable = "a\(lets.count)"
            lets.append("    let \(variable): \(declared) = \(expression)")
            passed.append("`\(argument.name)`: \(variable)")
        }
        var lines = ["func \(functionName(version, operationID))(_ call: ReplayCall) async throws -> ReplayOutcome {",
                     "    let api = \(SwiftQualifier.target(module)).\(api)(configuration: call.configuration)"] + lets
        let call = "api.\(method)(\(passed.joined(separator: ", ")))"
        if paged {
            // iterate until the sequence ends or a page request matches no recording (the official
            // clients' tests stop after a few pages; the wrapper may ask for more)
            lines += ["    var items = 0",
                      "    for try await _ in \(call) {",
                      "        items += 1",
                      "        if ReplayServer.shared.take().last?.matched == -1 { break }",
                      "    }",
                      "    return try ReplayOutcome.value([\"items\": items])"]
        } else if returns == nil {
            lines += ["    try await \(call)", "    return .none"]
        } else {
            lines += ["    let result = try await \(call)", "    return try ReplayOutcome.value(result)"]
        }
        lines.append("}")
        return Function(version: version, operationID: operationID, module: module, api: api, lines: lines, argumentTypes: argumentTypes)
    }

    /// The files, without the functions of `excluded` keys.
    func files(imports: [String], excluded: Set<String>) -> [HarnessFile] {
        let kept = functions.filter { !excluded.contains($0.key) }
        var byFile: [String: [Function]] = [:]
        for function in kept { byFile["Ops_\(function.module)_\(function.api).swift", default: []].append(function) }
        var files: [HarnessFile] = []
        var registrations: [String] = []
        for name in byFile.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let items = byFile[name] ?? []
            var file = HarnessFile(name: name, imports: imports)
            for function in items {
                for line in function.lines { file.append(line, for: [function.key]) }
                file.append("")
            }
            // a table filled by plain statements: one giant `switch` of `try await` cases in one async
            // function made the compiler grow past 18 GB (coroutine splitting)
            let register = "register_" + String(name.dropLast(6).map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
            registrations.append(register)
            file.append("func \(register)(_ table: inout [String: ReplayFunction]) {")
            for function in items {
                file.append("    table[\(SwiftQualifier.literal(function.key))] = \(Self.functionName(function.version, function.operationID))")
            }
            file.append("}")
            files.append(file)
        }
        // the parameters' model types read from text (open enums: `RawRepresentable`)
        var arguments = HarnessFile(name: "Arguments.swift", imports: imports)
        var users: [String: [String]] = [:]
        for function in kept {
            for type in function.argumentTypes { users[type, default: []].append(function.key) }
        }
        for type in users.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            arguments.append("extension \(type): ReplayArgument {}", for: users[type] ?? [])
        }
        files.append(arguments)
        var registry = HarnessFile(name: "Registry.swift", imports: [])
        registry.append("/// Fills the table of replay functions by `<version>.<OperationId>`.")
        registry.append("func registerReplayFunctions(_ table: inout [String: ReplayFunction]) {")
        for register in registrations { registry.append("    \(register)(&table)") }
        registry.append("}")
        files.append(registry)
        return files
    }
}
