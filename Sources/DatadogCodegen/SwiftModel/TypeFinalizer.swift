/// Stage 4, second half: identical structures share one type, and recursive value types are
/// broken with `@Indirect`.
public enum TypeFinalizer {
    /// Returns the declarations sorted by name, with structural duplicates turned into aliases.
    /// Within a group of identical structures the first official name (from the examples), else
    /// the first name met, declares the type.
    public static func finalize(_ decls: [String: TypeDecl], order: [String], official: Set<String> = []) -> [TypeDecl] {
        var result = decls
        let names = order.filter { decls[$0] != nil }

        // Partition refinement: types are equal when their shapes are equal with referenced
        // types replaced by their class; iterate until the partition is stable.
        var classOf: [String: Int] = [:]
        for name in names { classOf[name] = 0 }
        var classCount = 1
        for _ in 0..<32 {
            var keys: [String: Int] = [:]
            var next: [String: Int] = [:]
            for name in names {
                guard let decl = decls[name] else { continue }
                let key = decl.shapeKey { classOf[$0].map(String.init) ?? $0 }
                let id = keys[key] ?? keys.count
                keys[key] = id
                next[name] = id
            }
            classOf = next
            if keys.count == classCount { break }
            classCount = keys.count
        }
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

        markIndirect(&result)
        return result.values.sorted { $0.name < $1.name }
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
