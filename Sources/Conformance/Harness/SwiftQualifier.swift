/// Writes the dump's Swift type spellings so that a harness importing every generated module can
/// name them: each of the module's own types gets the prefix of the module's harness target
/// (`[Foo]` → `[HarnessDatadogV2.Foo]`).
struct SwiftQualifier: Sendable {
    /// The harness package's target for a generated module: the repository's own package already has
    /// targets named like the SDK's modules (`DatadogV2`, from `Generated/`), and target names are
    /// unique across a package graph. The generated code never names its own module.
    static func target(_ module: String) -> String { "Harness" + module }

    /// Names the runtime or the standard library declares: never a generated type.
    static let builtins: Set<String> = [
        "String", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64",
        "Double", "Float", "Bool", "Data", "Date", "URL", "UUID", "Decimal", "JSONValue", "DateTime",
        "Array", "Dictionary", "Optional", "Set", "Indirect", "Nullable", "DatadogFile",
    ]

    /// Type names by module (from the dump).
    var types: [String: Set<String>]

    /// Typealias name → the type it names, by module (from the dump).
    var aliases: [String: [String: String]]

    init(_ dump: Dump) {
        types = Dictionary(dump.modules.map { ($0.name, Set($0.types)) }, uniquingKeysWith: { $0.union($1) })
        aliases = Dictionary(dump.modules.map { ($0.name, $0.aliases ?? [:]) }, uniquingKeysWith: { $0.merging($1) { first, _ in first } })
    }

    /// The type `name` denotes in `module` once typealiases are followed (two aliases of one type must
    /// not both get a conformance: "redundant conformance").
    func resolvingAliases(_ name: String, in module: String) -> String {
        var current = name
        var seen: Set<String> = [name]
        while let target = aliases[module]?[current], seen.insert(target).inserted { current = target }
        return current
    }

    /// `type` with the identifiers that name a type of `module` prefixed by its harness target (by
    /// the module's own name when `target` is false, for messages); every non-builtin identifier
    /// when the dump lists no types for the module.
    func qualify(_ type: String, in module: String, target: Bool = true) -> String {
        var out = ""
        var identifier = ""
        var previous: Character?
        var startsFree = true
        func flush() {
            guard !identifier.isEmpty else { return }
            let isType = isModelType(identifier, in: module)
            out += startsFree && isType ? (target ? Self.target(module) : module) + "." + identifier : identifier
            identifier = ""
        }
        for ch in type {
            let word = ch.isLetter || ch.isNumber || ch == "_"
            if word {
                if identifier.isEmpty {
                    // `(?<![\w.])`: an identifier right after a dot or a word character is not a type name
                    startsFree = !(previous.map { $0 == "." || $0.isLetter || $0.isNumber || $0 == "_" } ?? false)
                    if ch.isNumber { startsFree = false }
                }
                identifier.append(ch)
            } else {
                flush()
                out.append(ch)
            }
            previous = ch
        }
        flush()
        return out
    }

    /// Whether `name` is one of `module`'s own types (not the standard library's or the runtime's).
    func isModelType(_ name: String, in module: String) -> Bool {
        !Self.builtins.contains(name) && (types[module]?.contains(name) ?? true)
    }

    /// `Foo?` → `Foo`.
    static func strippingOptional(_ type: String) -> String {
        SwiftTypeText.strippingOptional(type) ?? type
    }

    /// `[Foo]` → `Foo`; nil for anything else (dictionaries included).
    static func arrayElement(_ type: String) -> String? {
        guard type.hasPrefix("["), type.hasSuffix("]"), !type.contains(":") else { return nil }
        return String(type.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
    }

    /// A Swift string literal.
    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
