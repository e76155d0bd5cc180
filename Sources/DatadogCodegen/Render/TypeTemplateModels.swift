/// The render models of generated types: a structure (`model`), an enum (`enum`), a oneOf
/// (`oneof`) and a module's type aliases (`alias`).
enum TypeTemplateModels {
    static func doc(_ text: String) -> [[String]] {
        SwiftText.docLines(text).map { $0.isEmpty ? [] : [$0] }
    }

    static func source(_ location: SourceLocation) -> String {
        sanitizedPath(location.file) + ":\(location.line)"
    }

    /// A file path fit for a comment inside backquotes.
    static func sanitizedPath(_ path: String) -> String {
        String(path.unicodeScalars.filter { $0.value >= 0x20 && $0 != "`" && $0.value != 0x7F && !(0x2028...0x2029).contains($0.value) }.map(Character.init))
    }
}

/// `model.mustache`: a structure.
struct StructureModel: TemplateModel {
    static let template = "model"

    /// One stored property.
    struct Property: Sendable, Codable {
        /// The escaped Swift name (a declaration or `CodingKeys` case).
        var name: String
        /// The Swift name without escaping (after `self.` or `.`).
        var bare: String
        /// The declared type, with `?` for an optional member.
        var type: String
        /// Doc comment lines (an empty line is an empty list).
        var doc: [[String]]
        /// The property wrapper it is stored behind (`@Indirect`, `@DateText`), if any.
        var wrapper: String?
        /// What decoding and encoding read and write: the wrapper (`_name`) for `@DateText`, else the property.
        var storage: String
        /// The JSON key as a Swift string literal.
        var wireLiteral: String
        /// The runtime's decoding method for the member's optionality.
        var decodeCall: String
        /// Whether a nested `null` is kept as JSON (``TypeTemplateModels/keepsMember(_:)``).
        var keeps: Bool
        /// The runtime's encoding method for the member's optionality.
        var encodeCall: String
        /// The type decoded, without the `?` of an optional member.
        var decodeType: String
        /// Whether the initializer takes the property (else it starts as nil).
        var initialized: Bool
        /// Whether the initializer's plain optional is wrapped in `Nullable` (a required nullable
        /// member: `nil` is `null`).
        var wrapsNullable: Bool
    }

    var name: String
    var doc: [[String]]
    var source: String
    var properties: [Property]
    /// Whether any member keeps a nested `null` as JSON.
    var keepsMembers: Bool
    /// Whether the structure has a memberwise initializer (not past ``maxInitializerParameters``).
    var hasInitializer: Bool
    /// The initializer's parameters before `additionalProperties`.
    var initParameters: [ParameterModel]

    /// The most parameters a generated memberwise initializer takes. Measured with Swift 6.3.1
    /// (Linux x86_64, `-Onone`): an initializer of optional parameters with defaults costs the
    /// mandatory SIL passes about 3 s of CPU at 250 parameters, 15 s at 500 and 80 s at 1,000 (it
    /// grows with about the 2.4th power), and SILGen crashes at 5,000. The widest object of the
    /// whole reference has 312 properties.
    static let maxInitializerParameters = 400

    init(_ decl: TypeDecl) {
        name = decl.name
        source = TypeTemplateModels.source(decl.source)
        let required = decl.properties.filter(\.required)
        let ordered = required + decl.properties.filter { !$0.required }
        // Past the limit the initializer takes the required properties only (the others start
        // as nil), and past it with required ones alone there is none: decode the value instead.
        let parameters = ordered.count <= Self.maxInitializerParameters ? ordered
            : required.count <= Self.maxInitializerParameters ? required : nil
        let taken = Set((parameters ?? []).map(\.name))
        properties = decl.properties.map { property in
            var lines = SwiftText.docLines(property.doc)
            if property.deprecated { lines.append(contentsOf: ["", "- Warning: Deprecated."]) }
            let escaped = Identifiers.escapedMember(property.name)
            let optional = !property.required
            let stored = Self.storedType(property)
            let dateText = property.isDateText
            return Property(
                name: escaped, bare: property.name, type: stored + (optional ? "?" : ""),
                doc: lines.map { $0.isEmpty ? [] : [$0] },
                wrapper: property.indirect ? "Indirect" : dateText ? "DateText" : nil,
                storage: dateText ? "_" + property.name : property.name,
                wireLiteral: SwiftText.stringLiteral(property.wireName),
                decodeCall: dateText ? "decodeDateText" : !optional ? "decodeValue" : property.nullable ? "decodeNullableValue" : "decodeOptionalValue",
                keeps: Self.keepsMember(property), encodeCall: dateText ? "encodeDateText" : optional ? "encodeOptionalValue" : "encodeValue",
                decodeType: dateText && optional ? stored + "?" : stored, initialized: taken.contains(property.name),
                wrapsNullable: property.nullable && property.required)
        }
        keepsMembers = decl.properties.contains(where: Self.keepsMember)
        hasInitializer = parameters != nil
        initParameters = (parameters ?? []).map { property in
            let type = property.nullable && property.required ? property.type.swift + "?" : Self.storedType(property)
            return ParameterModel(label: Identifiers.escapedMember(property.name), type: type + (property.required ? "" : "?"),
                                  defaultValue: property.required ? nil : "nil")
        }
        doc = TypeTemplateModels.doc(decl.doc)
        if parameters?.count != ordered.count {
            let limit = Self.maxInitializerParameters
            let note = parameters == nil
                ? "With \(ordered.count) properties, \(required.count) of them required, this type has no memberwise initializer (generated code takes at most \(limit) parameters: the Swift compiler slows down sharply past that); decode it from JSON instead."
                : "With \(ordered.count) properties, more than the \(limit) parameters an initializer of generated code takes (the Swift compiler slows down sharply past that), the initializer takes the required properties only; set the others through their `var`s."
            doc += [[]] + TypeTemplateModels.doc(note)
        }
    }

    /// The declared type of a property without the `?` of an optional member: `Nullable<T>` for
    /// nullable ones, `Date` for a `@DateText` one.
    static func storedType(_ property: PropertyDecl) -> String {
        property.isDateText ? "Date" : property.nullable ? "Nullable<\(property.type.swift)>" : property.type.swift
    }

    /// Whether an optional member is decoded so that a `null` nested in it, where the page
    /// requires a value, costs only this member (kept as JSON, reported in strict mode) and not
    /// the whole response: members of generated types, arrays and maps of them.
    static func keepsMember(_ property: PropertyDecl) -> Bool {
        !property.required && !property.nullable && property.type.namedLeaf != nil
    }
}

/// `enum.mustache`: an enum of string or integer values.
struct EnumModel: TemplateModel {
    static let template = "enum"

    /// One known value.
    struct Case: Sendable, Codable {
        /// The escaped Swift name.
        var name: String
        /// The Swift name without escaping.
        var bare: String
        /// The raw value as a Swift literal.
        var rawLiteral: String
    }

    var name: String
    var doc: [[String]]
    var source: String
    /// `String` or `Int64`.
    var rawType: String
    /// The runtime protocol the enum conforms to.
    var protocolName: String
    var cases: [Case]

    init(_ decl: TypeDecl) {
        name = decl.name
        doc = TypeTemplateModels.doc(decl.doc)
        source = TypeTemplateModels.source(decl.source)
        let isInt = decl.kind == .intEnum
        rawType = isInt ? "Int64" : "String"
        protocolName = isInt ? "DatadogIntEnum" : "DatadogStringEnum"
        cases = decl.cases.map { item in
            Case(name: Identifiers.escapedMember(item.name), bare: item.name,
                 rawLiteral: isInt ? Self.numericLiteral(item.rawValue) : SwiftText.stringLiteral(item.rawValue))
        }
    }

    static func numericLiteral(_ text: String) -> String {
        if let value = Int64(text) { return String(value) }
        if let value = Double(text), value.isFinite { return "\(value)" }
        return "0"
    }
}

/// `oneof.mustache`: an enum with one case per alternative.
struct OneOfModel: TemplateModel {
    static let template = "oneof"

    /// One alternative.
    struct Option: Sendable, Codable {
        /// The escaped Swift case name.
        var name: String
        /// The case name without escaping.
        var bare: String
        /// The alternative's Swift type.
        var type: String
        /// Whether `init(_:)` wraps this alternative.
        var initializer: Bool
        /// Whether the case has an `as…` accessor, and its name.
        var hasAccessor: Bool
        var accessor: String
    }

    var name: String
    var doc: [[String]]
    var source: String
    var options: [Option]

    init(_ decl: TypeDecl) {
        name = decl.name
        doc = TypeTemplateModels.doc(decl.doc)
        source = TypeTemplateModels.source(decl.source)
        options = decl.options.map {
            Option(name: Identifiers.escapedMember($0.caseName), bare: $0.caseName, type: $0.type.swift,
                   initializer: $0.hasInitializer, hasAccessor: $0.accessorName != nil, accessor: $0.accessorName ?? "")
        }
    }
}

/// `alias.mustache`: every type alias of a module, in one file.
struct AliasFileModel: TemplateModel {
    static let template = "alias"

    /// A type with the same structure as another, which it names.
    struct Alias: Sendable, Codable {
        var name: String
        var doc: [[String]]
        var source: String
        /// The type it shares.
        var target: String
    }

    var aliases: [Alias]

    init(_ decls: [TypeDecl]) {
        aliases = decls.compactMap { decl in
            decl.aliasOf.map { Alias(name: decl.name, doc: TypeTemplateModels.doc(decl.doc), source: TypeTemplateModels.source(decl.source), target: $0) }
        }
    }
}
