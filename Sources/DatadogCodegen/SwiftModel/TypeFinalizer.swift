/// Stage 4, second half: identical structures share one type, and recursive value types are
/// broken with `@Indirect`.
public enum TypeFinalizer {
    /// Returns the declarations sorted by name, with structural duplicates turned into aliases.
    /// Within a group of identical structures the first official name (from the examples), else
    /// the first name met, declares the type; a property is nullable when it is in any of them.
    public static func finalize(_ decls: [String: TypeDecl], order: [String], official: Set<String> = []) -> [TypeDecl] {
        var result = decls
        let names = order.filter { decls[$0] != nil }

        // Partition refinement: types are equal when their shapes are equal with referenced
        // types replaced by their class; iterate until the partition is stable. A shape is its
        // template (computed once) plus the classes of the types it refers to.
        struct Shape: Hashable { var template: Int; var references: [Int] }
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var templateIDs: [String: Int] = [:]
        var unknownIDs: [String: Int] = [:]
        let shapes: [(template: Int, references: [Int])] = names.map { name in
            let (template, references) = decls[name]!.shapeTemplate()
            let templateID = templateIDs[template] ?? templateIDs.count
            templateIDs[template] = templateID
            // A name outside `decls` stands for itself: a negative id of its own.
            return (templateID, references.map { reference in
                if let known = index[reference] { return known }
                let id = unknownIDs[reference] ?? -(unknownIDs.count + 1)
                unknownIDs[reference] = id
                return id
            })
        }
        var classes = [Int](repeating: 0, count: names.count)
        var classCount = 1
        for _ in 0..<32 {
            var keys: [Shape: Int] = [:]
            var next = classes
            for (position, shape) in shapes.enumerated() {
                let key = Shape(template: shape.template, references: shape.references.map { $0 >= 0 ? classes[$0] : $0 })
                let id = keys[key] ?? keys.count
                keys[key] = id
                next[position] = id
            }
            classes = next
            if keys.count == classCount { break }
            classCount = keys.count
        }
        var classOf: [String: Int] = [:]
        for (position, name) in names.enumerated() { classOf[name] = classes[position] }
        var canonical: [Int: String] = [:]
        for name in names where official.contains(name) {
            if let id = classOf[name], canonical[id] == nil { canonical[id] = name }
        }
        for name in names {
            guard let id = classOf[name] else { continue }
            if let first = canonical[id] {
                if first != name { result[name]?.aliasOf = first }
            } else {
                canonical[id] = name
            }
        }
        for name in names {
            guard let first = classOf[name].flatMap({ canonical[$0] }), first != name,
                  let properties = decls[name]?.properties, properties.count == result[first]?.properties.count else { continue }
            for (position, property) in properties.enumerated() where property.nullable {
                result[first]?.properties[position].nullable = true
            }
        }

        markIndirect(&result)
        markOptionInitializers(&result, official: official)
        return result.values.sorted { $0.name < $1.name }
    }

    /// A oneOf option gets an unlabeled initializer when its type, with typealiases resolved, is
    /// no other option's (two `init(_:)` of one type would not compile) and is not free-form JSON;
    /// each case gets an `as…` accessor unless a case (or `unparsed`) already has that name.
    /// An `optionN` case whose type turns out to be an official declaration (an alias of one)
    /// is named after it, as ``TypeBuilder`` names the options it knows are official.
    static func markOptionInitializers(_ decls: inout [String: TypeDecl], official: Set<String> = []) {
        func resolved(_ type: TypeRef) -> TypeRef {
            switch type {
            case .named(let name):
                var current = name
                var steps = 0
                while let alias = decls[current]?.aliasOf, steps < 64 { current = alias; steps += 1 }
                return .named(current)
            case .array(let element): return .array(resolved(element))
            case .map(let value): return .map(resolved(value))
            default: return type
            }
        }
        for (name, var decl) in decls where decl.kind == .oneOf {
            let types = decl.options.map { resolved($0.type) }
            var used = Set(decl.options.map(\.caseName) + ["unparsed"])
            for position in decl.options.indices where decl.options[position].caseName.isOptionN {
                guard case .named(let target) = types[position], official.contains(target) else { continue }
                let caseName = Identifiers.lowerCamel(target)
                guard !Identifiers.unusableMemberNames.contains(caseName), !used.contains(caseName) else { continue }
                used.insert(caseName)
                decl.options[position].caseName = caseName
            }
            decls[name]?.options = decl.options
            let caseNames = Set(decl.options.map(\.caseName) + ["unparsed"])
            for position in decl.options.indices {
                decls[name]?.options[position].hasInitializer =
                    types[position] != .json && types.filter { $0 == types[position] }.count == 1
                let caseName = decl.options[position].caseName
                let accessor = "as" + caseName.prefix(1).uppercased() + caseName.dropFirst()
                decls[name]?.options[position].accessorName = caseNames.contains(accessor) ? nil : accessor
            }
        }
    }

    /// Marks struct properties that would make a struct contain itself.
    static func markIndirect(_ decls: inout [String: TypeDecl]) {
        func target(_ name: String) -> String {
            var current = name
            var steps = 0
            while let alias = decls[current]?.aliasOf, steps < 64 { current = alias; steps += 1 }
            return current
        }
        // Inline edges between structs (arrays and maps are heap storage; oneOf enums are indirect).
        var edges: [String: [String]] = [:]
        for (name, decl) in decls where decl.kind == .structure && decl.aliasOf == nil {
            edges[name] = decl.properties.compactMap { property in
                guard let leaf = property.type.isInlineNamed else { return nil }
                let resolved = target(leaf)
                return decls[resolved]?.kind == .structure ? resolved : nil
            }
        }
        let component = stronglyConnectedComponents(edges)
        var sizes: [Int: Int] = [:]
        for id in component.values { sizes[id, default: 0] += 1 }
        for (name, decl) in decls where decl.kind == .structure && decl.aliasOf == nil {
            for index in decl.properties.indices {
                guard let leaf = decl.properties[index].type.isInlineNamed else { continue }
                let resolved = target(leaf)
                guard let a = component[name], component[resolved] == a else { continue }
                if resolved == name || (sizes[a] ?? 0) > 1 { decls[name]?.properties[index].indirect = true }
            }
        }
    }

    /// Tarjan's algorithm, iterative (no recursion on untrusted input).
    static func stronglyConnectedComponents(_ edges: [String: [String]]) -> [String: Int] {
        var index = 0
        var indices: [String: Int] = [:]
        var lowlink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var component: [String: Int] = [:]
        var componentCount = 0

        for start in edges.keys.sorted() where indices[start] == nil {
            var work: [(String, Int)] = [(start, 0)]
            while let (node, edgeIndex) = work.popLast() {
                if edgeIndex == 0 {
                    indices[node] = index
                    lowlink[node] = index
                    index += 1
                    stack.append(node)
                    onStack.insert(node)
                }
                let successors = edges[node] ?? []
                if edgeIndex < successors.count {
                    work.append((node, edgeIndex + 1))
                    let next = successors[edgeIndex]
                    if indices[next] == nil {
                        work.append((next, 0))
                    } else if onStack.contains(next) {
                        lowlink[node] = min(lowlink[node] ?? 0, indices[next] ?? 0)
                    }
                    continue
                }
                if lowlink[node] == indices[node] {
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component[member] = componentCount
                        if member == node { break }
                    }
                    componentCount += 1
                }
                if let (parent, _) = work.last {
                    lowlink[parent] = min(lowlink[parent] ?? 0, lowlink[node] ?? 0)
                }
            }
        }
        return component
    }
}

extension String {
    /// `option3`: the case name of a oneOf option nothing named.
    var isOptionN: Bool { hasPrefix("option") && dropFirst(6).allSatisfy(\.isNumber) && count > 6 }
}
