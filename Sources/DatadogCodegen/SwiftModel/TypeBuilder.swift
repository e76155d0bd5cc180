/// Turns field trees into named Swift declarations (stage 4, first half).
///
/// Names follow Datadog's official clients: a name the page's examples give (request and
/// response roots, and the Python body's constructors and enums) wins; otherwise the parent
/// type's name plus the field name in UpperCamel, `Items` for array elements. Occurrences of
/// one name are merged; a clash of kinds gets a numbered name.
public struct TypeBuilder {
    /// Declarations so far, by final name.
    public private(set) var decls: [String: TypeDecl] = [:]
    /// Declaration names in the order they were first added.
    public private(set) var order: [String] = []
    /// Names taken from the pages' code examples: the official clients' names.
    public private(set) var officialNames: Set<String> = []
    private var pendingOfficialName = false
    /// Names learned from the examples on this run's rows, with the rows' signatures (see ``NameSpreading``).
    private(set) var learned: [NameSpreading.Learned] = []
    /// Names learned on an earlier run over the same pages, spread to rows the examples do not name.
    private let spreading: NameSpreading?
    /// Official names known from an earlier run over the same pages (for oneOf case names).
    private let knownOfficial: Set<String>
    /// Enum constants the examples spell, gathered on this run (see ``EnumConstants``).
    private var constantsSeen = EnumConstants()
    /// The enums this run declared (name and values), over which ``learnedConstants`` spread.
    private var enumsMet: [(name: String, values: [String])] = []
    /// Enum constants an earlier run over the same pages learned, for case names.
    private let constants: EnumConstants
    /// A scratch builder that only learns names from a Python body: rows the body does not reach
    /// are not resolved (their types are thrown away with the builder).
    private var learnsOnly = false
    /// Lines of the current table's rows that are JSON:API to-one relationship linkage (see ``linkageRows(under:)``).
    private var linkageLines: Set<Int> = []
    /// Whether the table being resolved is a request body.
    private var inRequest = false

    /// Creates an empty builder.
    public init() { self.init(spreading: nil, knownOfficial: [], constants: EnumConstants()) }

    /// Creates an empty builder that names rows and enum cases after what an earlier run over the same pages learned.
    init(spreading: NameSpreading?, knownOfficial: Set<String>, constants: EnumConstants) {
        self.spreading = spreading
        self.knownOfficial = knownOfficial
        self.constants = constants
    }

    /// The enum constants this run's examples spell, spread over the enums it declared.
    var learnedConstants: EnumConstants { constantsSeen.spread(over: enumsMet, bound: learned) }

    /// The type of a whole table (request body or response).
    /// `alternatives`: the page's further Python bodies for the same table, from which only names are learned.
    /// What does not fit is reported to `log` (the page the table is on).
    public mutating func rootType(fields: [FieldNode], exampleIsArray: Bool, name: String, doc: String, line: Int,
                                  python: PythonExpression?, alternatives: [PythonExpression] = [], official: Bool = false,
                                  isRequest: Bool = false, log: inout DiagnosticLog) -> ResolvedField {
        if official { officialNames.insert(name) }
        for body in [python].compactMap({ $0 }) + alternatives { constantsSeen.collect(body, file: log.file) }
        if spreading == nil, !alternatives.isEmpty {
            // Learning run: bind every other body on an empty scratch builder and keep only the names
            // it learned (not its types, not its diagnostics). Empty, not a copy of this one: a copy
            // duplicates every declaration so far for each body (pages with hundreds of examples).
            for alternative in alternatives {
                var scratch = TypeBuilder()
                scratch.learnsOnly = true
                var scratchLog = DiagnosticLog(file: log.file)
                _ = scratch.rootType(fields: fields, exampleIsArray: exampleIsArray, name: name, doc: doc, line: line,
                                     python: alternative, official: official, isRequest: isRequest, log: &scratchLog)
                learned += scratch.learned
                officialNames.formUnion(scratch.officialNames)
            }
        }
        // Linkage rows are lines of this table's page: none carry over from another table.
        linkageLines = []
        inRequest = isRequest
        defer { inRequest = false }
        // The field tree keeps a nameless row only where it describes the body itself (e.g. a list
        // of strings, beside at most the untyped row the pages render for the items' description).
        if let only = fields.first(where: { $0.name.isEmpty && !$0.typeCell.trimmingSpaces().isEmpty }) {
            var resolved = resolve(only, name: name, python: python, log: &log)
            if exampleIsArray, case .array = resolved.type {} else if exampleIsArray {
                resolved.type = .array(resolved.type)
            }
            return ResolvedField(type: resolved.type, children: [resolved])
        }
        let root = FieldNode(name: "", role: .property, typeCell: "object", required: true, deprecated: false,
                             enumValues: nil, description: doc, line: line, children: fields)
        if official { learn(root, name, file: log.file) }
        if exampleIsArray {
            // An official name (from the examples) names the element; else the element is `…Items`.
            let element = resolve(root, name: official ? name : name + "Items", python: python?.firstListElement, log: &log)
            return ResolvedField(type: .array(element.type), children: element.children)
        }
        return resolve(root, name: name, python: python, log: &log)
    }

    mutating func resolve(_ node: FieldNode, name: String, python: PythonExpression?, log: inout DiagnosticLog) -> ResolvedField {
        resolve(node, type: node.type, name: name, python: python, depth: 0, log: &log)
    }

    private mutating func resolve(_ node: FieldNode, type: FieldType, name: String, python: PythonExpression?, depth: Int,
                                  log: inout DiagnosticLog) -> ResolvedField {
        // Nested names grow with depth (`Parent` + `Field` + …): every name is capped where it is made.
        if learnsOnly, python == nil, depth > 0 { return ResolvedField(type: .json, children: []) }
        let name = Identifiers.capped(name)
        guard depth < 64 else {
            log.warning(node.line, "nesting deeper than 64 levels under `\(node.name)`; kept as free-form JSON")
            return ResolvedField(type: .json, children: [])
        }
        switch type {
        case .scalar(let scalar):
            return ResolvedField(type: scalarType(scalar, line: node.line, log: &log), children: node.children.map { _ in ResolvedField(type: .json, children: []) })
        case .enumeration:
            var enumName = name
            var fallback: String?
            if case .attribute(let base, _)? = python, CodeExampleHints.isIdentifier(base) {
                enumName = Identifiers.typeName(base)
                learn(node, enumName, file: log.file)
                pendingOfficialName = true
            } else if let spread = spreadName(node, file: log.file) {
                (enumName, fallback) = (spread, name)
                pendingOfficialName = true
            } else if let spelled = constants.enumName(values: node.enumValues ?? [], signature: NameSpreading.signature(node), file: log.file) {
                // No example reaches it, but the constants of one enum no other shape holds spell its values.
                (enumName, fallback) = (spelled, name)
                pendingOfficialName = true
            }
            return ResolvedField(type: enumeration(node, name: enumName, fallback: fallback, file: log.file), children: [])
        case .array(let element):
            if spreading == nil, case .list(let items)? = python {
                // Learning run: the list's further elements name what they build (a list of oneOf
                // builds several options), learned on an empty scratch builder as the alternatives are.
                for item in items.dropFirst(items.firstIndex { if case .other = $0 { return false }; return true }.map { $0 + 1 } ?? items.count) {
                    var scratch = TypeBuilder()
                    scratch.learnsOnly = true
                    var scratchLog = DiagnosticLog(file: log.file)
                    _ = scratch.resolve(node, type: element, name: name + "Items", python: item, depth: depth + 1, log: &scratchLog)
                    learned += scratch.learned
                    officialNames.formUnion(scratch.officialNames)
                }
            }
            let inner = resolve(node, type: element, name: name + "Items", python: python?.firstListElement, depth: depth + 1, log: &log)
            return ResolvedField(type: .array(inner.type), children: inner.children)
        case .oneOf:
            return oneOf(node, name: name, python: python, depth: depth, log: &log)
        case .object, .unknown:
            if node.children.contains(where: { if case .option = $0.role { return true }; return false }) {
                return oneOf(node, name: name, python: python, depth: depth, log: &log)
            }
            return object(node, isUnknown: type == .unknown, name: name, python: python, depth: depth, log: &log)
        }
    }

    private mutating func object(_ node: FieldNode, isUnknown: Bool, name: String, python: PythonExpression?, depth: Int,
                                 log: inout DiagnosticLog) -> ResolvedField {
        var typeName = name
        var fallback: String?
        var arguments: [(String, PythonExpression)] = []
        var python = python
        // A type named around nothing read (Go's empty `[]datadogV2.X{}`) names the object as an empty call does.
        if case .wrapper(let called, .other)? = python { python = .call(name: called, arguments: []) }
        if case .call(let called, let args)? = python, CodeExampleHints.isIdentifier(called) {
            arguments = args
            typeName = Identifiers.typeName(called)
            officialNames.insert(typeName)
            learn(node, typeName, file: log.file)
        } else if case .call(_, let args)? = python {
            arguments = args
        } else if let spread = spreadName(node, file: log.file) {
            (typeName, fallback) = (spread, name)
        }
        let properties = node.children.filter { $0.role == .property }
        let anyKey = node.children.first { $0.role == .additionalProperties }
        if properties.isEmpty {
            var resolvedChildren = node.children.map { _ in ResolvedField(type: .json, children: []) }
            if let anyKey, let index = node.children.firstIndex(where: { $0.role == .additionalProperties }) {
                let value = resolve(anyKey, type: anyKey.type, name: name + "Value", python: nil, depth: depth + 1, log: &log)
                resolvedChildren[index] = value
                return ResolvedField(type: .map(value.type), children: resolvedChildren)
            }
            return ResolvedField(type: isUnknown ? .json : .map(.json), children: resolvedChildren)
        }

        var used: Set<String> = []
        var declared: [PropertyDecl] = []
        var resolvedChildren: [ResolvedField] = []
        var seenWire: Set<String> = []
        linkageLines.formUnion(Self.linkageRows(under: node))
        for child in node.children {
            guard child.role == .property else {
                if child.role == .additionalProperties {
                    resolvedChildren.append(resolve(child, type: child.type, name: typeName + "Value", python: nil, depth: depth + 1, log: &log))
                } else {
                    resolvedChildren.append(ResolvedField(type: .json, children: []))
                }
                continue
            }
            let key = Self.pythonKey(child.name)
            let childPython = arguments.first { Self.pythonKey($0.0) == key }?.1
            var resolved = resolve(child, type: child.type, name: typeName + Identifiers.upperCamel(child.name), python: childPython, depth: depth + 1, log: &log)
            resolved.nullable = linkageLines.contains(child.line)
            resolvedChildren.append(resolved)
            guard seenWire.insert(child.name).inserted else {
                log.warning(child.line, "field `\(child.name)` appears twice in one object; the second is ignored")
                continue
            }
            var propertyName = Identifiers.lowerCamel(child.name)
            if propertyName.isEmpty { propertyName = "field" }
            if Identifiers.unusableMemberNames.contains(propertyName) { propertyName += "_" }
            propertyName = Identifiers.unique(propertyName, in: &used)
            declared.append(PropertyDecl(wireName: child.name, name: propertyName, type: resolved.type, required: child.required,
                                         deprecated: child.deprecated, doc: child.description, nullable: resolved.nullable,
                                         requiredInRequests: inRequest ? child.required : nil))
        }
        let decl = TypeDecl(name: typeName, kind: .structure, doc: node.description,
                            source: SourceLocation(file: log.file, line: node.line), properties: declared)
        if fallback != nil { pendingOfficialName = true }
        let finalName = register(decl, line: node.line, fallback: fallback)
        return ResolvedField(type: .named(finalName), children: resolvedChildren)
    }

    private mutating func oneOf(_ node: FieldNode, name: String, python: PythonExpression?, depth: Int, log: inout DiagnosticLog) -> ResolvedField {
        let optionNodes = node.children.filter { if case .option = $0.role { return true }; return false }
        guard !optionNodes.isEmpty else {
            return ResolvedField(type: .json, children: node.children.map { _ in ResolvedField(type: .json, children: []) })
        }
        // The oneOf's own name: the Java wrapper around the option (`new WidgetTime(…)`), else a spread one.
        var typeName = name
        var fallback: String?
        var python = python
        if case .wrapper(let wrapper, let option)? = python, CodeExampleHints.isIdentifier(wrapper) {
            typeName = Identifiers.typeName(wrapper)
            officialNames.insert(typeName)
            learn(node, typeName, file: log.file)
            python = option
        } else if let spread = spreadName(node, file: log.file) {
            (typeName, fallback) = (spread, name)
        }
        // Which option does the example build? (``OptionChoice``)
        let hintedOption = python.flatMap { OptionChoice.index(of: $0, among: optionNodes) }
        var options: [OneOfOptionDecl] = []
        var resolvedChildren: [ResolvedField] = []
        var usedCases: Set<String> = []
        var optionIndex = 0
        for child in node.children {
            guard case .option(let number) = child.role else {
                resolvedChildren.append(ResolvedField(type: .json, children: []))
                continue
            }
            let optionPython = optionIndex == hintedOption ? python : nil
            optionIndex += 1
            let resolved = resolve(child, type: child.type, name: name + "Option\(number)", python: optionPython, depth: depth + 1, log: &log)
            resolvedChildren.append(resolved)
            let others = optionNodes.filter { $0.line != child.line }
            var caseName = Identifiers.lowerCamel(caseBase(resolved.type, option: child, others: others) ?? "")
            if caseName.isEmpty || Identifiers.unusableMemberNames.contains(caseName) { caseName = "option\(number)" }
            caseName = Identifiers.unique(caseName, in: &usedCases)
            if options.contains(where: { $0.type == resolved.type }) { continue }
            options.append(OneOfOptionDecl(caseName: caseName, type: resolved.type))
        }
        let decl = TypeDecl(name: typeName, kind: .oneOf, doc: node.description,
                            source: SourceLocation(file: log.file, line: node.line), options: options)
        if fallback != nil { pendingOfficialName = true }
        let finalName = register(decl, line: node.line, fallback: fallback)
        return ResolvedField(type: .named(finalName), children: resolvedChildren)
    }

    /// The rows under `node` that are JSON:API to-one relationship linkage, which the API sends
    /// as `null` for an empty relationship (the pages cannot show it): in a member
    /// `relationships` (an object), each member's `data` that is an object holding `id` and `type`.
    /// To-many linkage (`data` as an array) is never `null`.
    static func linkageRows(under node: FieldNode) -> [Int] {
        var lines: [Int] = []
        for relationships in node.children where relationships.role == .property && relationships.name == "relationships" {
            for member in relationships.children where member.role == .property {
                for data in member.children where data.role == .property && data.name == "data" && data.type == .object {
                    let names = Set(data.children.map(\.name))
                    if names.contains("id") && names.contains("type") { lines.append(data.line) }
                }
            }
        }
        return lines
    }

    /// Python's client snake-cases keys: compare names without case, `_` and `-`.
    static func pythonKey(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// The case name of a oneOf option, as users meet it: the option's official type name
    /// (`ToplistWidgetDefinition`), else what tells it apart from the other options (`others`,
    /// see ``discriminator(_:others:)``), else nil (the case is `optionN`); an unnamed type by its
    /// Swift spelling (`[String]` → `StringList`), an array of unnamed elements `array`.
    func caseBase(_ type: TypeRef, option: FieldNode, others: [FieldNode]) -> String? {
        switch type {
        case .named(let name):
            if officialNames.contains(name) || knownOfficial.contains(name) { return name }
            return Self.discriminator(option, others: others)
        case .array(let element): return caseBase(element, option: option, others: others).map { $0 + "List" } ?? "array"
        case .map(let value): return caseBase(value, option: option, others: others).map { $0 + "Map" }
        default: return type.swift
        }
    }

    /// What tells an option apart from the `others` on the wire: the one value of its `type`
    /// enum field (`toplist`), else of its first other single-valued enum field (`data_source:
    /// metrics` → `metrics`), else the name of its first field no other option has (required
    /// fields first: `recurrences`). Nil when none of these is unique to it.
    static func discriminator(_ option: FieldNode, others: [FieldNode]) -> String? {
        let properties = option.children.filter { $0.role == .property }
        func single(_ field: FieldNode) -> String? {
            guard let values = field.enumValues, values.count == 1 else { return nil }
            return values[0]
        }
        if let field = properties.first(where: { $0.name == "type" }), let value = single(field) { return value }
        for field in properties {
            guard let value = single(field) else { continue }
            let clash = others.contains { other in other.children.contains { $0.role == .property && $0.name == field.name && single($0) == value } }
            if !clash { return value }
        }
        let otherNames = Set(others.flatMap { $0.children.filter { $0.role == .property }.map(\.name) })
        let own = properties.filter { !otherNames.contains($0.name) }
        return (own.first { $0.required } ?? own.first)?.name
    }

    private mutating func enumeration(_ node: FieldNode, name: String, fallback: String?, file: String) -> TypeRef {
        let values = node.enumValues ?? []
        let kind: TypeDecl.Kind
        if values.isEmpty ? node.exampleShowsInteger : values.allSatisfy({ Int64($0) != nil }) { kind = .intEnum }
        else { kind = .stringEnum }
        enumsMet.append((name, values))
        let cases = EnumCaseNaming.cases(values: values, isString: kind == .stringEnum,
                                         constants: constants.constants(name: name, values: values), description: node.description)
        let decl = TypeDecl(name: name, kind: kind, doc: node.description,
                            source: SourceLocation(file: file, line: node.line), cases: cases)
        return .named(register(decl, line: node.line, fallback: fallback))
    }

    /// The enum of a parameter (``OperationBuilder``): its cases named as a body enum's, merged with
    /// any enum of the same name (one type when a parameter and a body field share an official enum).
    mutating func parameterEnum(name: String, values: [String], official: Bool, doc: String, file: String, line: Int) -> TypeRef {
        if official { pendingOfficialName = true }
        let node = FieldNode(name: name, role: .property, typeCell: "enum", required: false, deprecated: false,
                             enumValues: values, description: doc, line: line)
        return enumeration(node, name: name, fallback: nil, file: file)
    }

    private mutating func scalarType(_ scalar: String, line: Int, log: inout DiagnosticLog) -> TypeRef {
        switch scalar {
        case "string", "uuid", "email", "binary", "byte", "password", "uri", "url", "hostname", "ipv4", "ipv6", "date", "time", "duration":
            return .string
        case "int64", "integer", "int", "uint64", "long":
            return .int64
        case "int32", "int16", "int8":
            return .int32
        case "double", "number", "float", "decimal":
            return .double
        case "boolean", "bool":
            return .bool
        case "date-time", "datetime", "timestamp":
            return .dateTime
        case "object", "any":
            return .json
        default:
            log.warning(line, "unknown type `\(scalar)`; the field is kept as free-form JSON")
            return .json
        }
    }

    // MARK: - Registry

    /// Records that the examples name `node` `name`, for ``NameSpreading``.
    private mutating func learn(_ node: FieldNode, _ name: String, file: String) {
        learned.append(NameSpreading.Learned(signature: NameSpreading.signature(node), file: file, name: name))
    }

    /// The official name an earlier run learned for a row with `node`'s signature, if one scope agrees on it.
    private func spreadName(_ node: FieldNode, file: String) -> String? {
        spreading?.name(for: NameSpreading.signature(node), file: file)
    }

    /// Adds a declaration under its name, merging with an earlier one of the same name and kind.
    /// A spread name (`fallback` set) is never numbered: when another shape holds it, the
    /// declaration goes by `fallback`, its convention name.
    private mutating func register(_ decl: TypeDecl, line: Int, fallback: String? = nil) -> String {
        if let fallback, let existing = decls[decl.name], !Self.canMerge(existing, decl) {
            var renamed = decl
            renamed.name = fallback
            pendingOfficialName = false
            return register(renamed, line: line)
        }
        var name = decl.name
        var counter = 2
        while let existing = decls[name] {
            if Self.canMerge(existing, decl) {
                decls[name] = Self.merge(existing, decl)
                if pendingOfficialName, name == decl.name { officialNames.insert(name) }
                pendingOfficialName = false
                return name
            }
            name = "\(decl.name)\(counter)"
            counter += 1
        }
        var added = decl
        added.name = name
        decls[name] = added
        order.append(name)
        if pendingOfficialName, name == decl.name { officialNames.insert(name) }
        pendingOfficialName = false
        return name
    }

    /// Two occurrences of one name are one type when they differ only by what the page cut off
    /// (depth limit, circular references) or by fields one of them does not show. A field whose
    /// type really differs means two schemas share the name: the second gets a numbered name.
    static func canMerge(_ a: TypeDecl, _ b: TypeDecl) -> Bool {
        switch (a.kind, b.kind) {
        case (.structure, .structure):
            let bTypes = Dictionary(b.properties.map { ($0.wireName, $0.type) }, uniquingKeysWith: { first, _ in first })
            return a.properties.allSatisfy { property in
                guard let other = bTypes[property.wireName] else { return true }
                return compatible(property.type, other)
            }
        case (.oneOf, .oneOf):
            return a.options.isEmpty || b.options.isEmpty || a.options.map(\.type) == b.options.map(\.type)
        default:
            return a.kind.isEnum && b.kind.isEnum
        }
    }

    /// Equal, or one of them is a less informative stand-in (free-form JSON) for the other.
    static func compatible(_ a: TypeRef, _ b: TypeRef) -> Bool {
        if a == b || a.informationRank < 2 || b.informationRank < 2 { return true }
        switch (a, b) {
        case (.array(let x), .array(let y)), (.map(let x), .map(let y)): return compatible(x, y)
        // Names of nested types carry a suffix only when they themselves clashed: same base, same schema.
        case (.named(let x), .named(let y)): return baseName(x) == baseName(y)
        default: return false
        }
    }

    static func baseName(_ name: String) -> String {
        String(name.reversed().drop { $0.isNumber }.reversed())
    }

    static func merge(_ a: TypeDecl, _ b: TypeDecl) -> TypeDecl {
        var merged = a
        switch a.kind {
        case .structure:
            var properties = a.properties
            let bByWire = Dictionary(b.properties.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
            let aWires = Set(a.properties.map(\.wireName))
            // A property is required when every occurrence requires it, or when every request table
            // requires it (responses that show it optional or leave it out do not weaken a request).
            func inRequests(_ declaration: TypeDecl) -> Bool { declaration.properties.contains { $0.requiredInRequests != nil } }
            func combined(_ x: Bool?, _ y: Bool?) -> Bool? { x.map { x in y.map { x && $0 } ?? x } ?? y }
            for index in properties.indices {
                let other = bByWire[properties[index].wireName]
                let requests = combined(properties[index].requiredInRequests,
                                        other?.requiredInRequests ?? (inRequests(b) ? false : nil))
                if let other {
                    if other.type.informationRank > properties[index].type.informationRank { properties[index].type = other.type }
                    properties[index].nullable = properties[index].nullable || other.nullable
                }
                properties[index].required = requests ?? (properties[index].required && other?.required == true)
                properties[index].requiredInRequests = requests
            }
            var used = Set(properties.map(\.name))
            for property in b.properties where !aWires.contains(property.wireName) {
                var added = property
                added.requiredInRequests = combined(property.requiredInRequests, inRequests(a) ? false : nil)
                added.required = added.requiredInRequests ?? false
                added.name = Identifiers.unique(property.name, in: &used)
                properties.append(added)
            }
            merged.properties = properties
        case .stringEnum, .intEnum:
            var seen = Set(a.cases.map(\.rawValue))
            var used = Set(a.cases.map(\.name))
            for item in b.cases where seen.insert(item.rawValue).inserted {
                merged.cases.append(EnumCaseDecl(name: Identifiers.unique(item.name, in: &used), rawValue: item.rawValue))
            }
            if a.kind != b.kind { merged.kind = .stringEnum }
        case .oneOf:
            if b.options.count > a.options.count { merged.options = b.options }
        }
        if merged.doc.isEmpty { merged.doc = b.doc }
        return merged
    }
}

extension TypeDecl.Kind {
    var isEnum: Bool { self == .stringEnum || self == .intEnum }
}
