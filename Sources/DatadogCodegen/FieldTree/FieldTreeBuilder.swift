/// Rebuilds the field tree from a `Parent field | Field | Type | Description` table.
///
/// Rows are depth-first, but the Parent cell names only the parent's field name, and names
/// repeat at different depths. Each row's parent is chosen among the open rows above it (the
/// path from the root to the previous row) whose name matches the Parent cell, by scoring what
/// the page's renderer guarantees:
///
/// - siblings are unique and sorted (a candidate whose last child sorts after this row is out);
/// - a oneOf has only `Option 1`, `Option 2`, … children, in order; `<any-key>` is the only
///   child of a map and directly follows it;
/// - scalars have no children, and nothing is nested deeper than ``maximumDepth``;
/// - the JSON example of the same table: an object shown there without this key is evidence
///   against (presence is not evidence for: examples often show only some fields);
/// - the same schema (same name, type and description) repeated elsewhere in the table with a
///   child set that was placed without any doubt says which children it has.
///
/// What is left is a tie, which goes to the deepest candidate (a container's children follow it).
/// Placing runs twice: the first pass finds the schema instances whose children were placed
/// without doubt, the second uses them. Both are O(rows × open candidates).
public enum FieldTreeBuilder {
    /// The renderer stops at this many levels (a row at this depth never has children).
    static let maximumDepth = 11
    /// Hostile input: rows nested deeper than this are dropped, so that nothing downstream
    /// (nor the release of the nested `FieldNode` values) recurses without bound.
    static let nestingLimit = 256

    /// Score weights: hard rules of the renderer dwarf soft evidence, which dwarfs tie-breaks.
    private enum Weight {
        static let duplicateName = 1000
        static let scalarParent = 500
        static let tooDeep = 300
        static let optionStructure = 200
        static let unsorted = 100
        /// A candidate within this margin of the best one makes the choice contested.
        static let contestedMargin = 50
        static let exampleMissing = 10
        static let knownSchema = 5
        static let firstChildFollows = 3
    }

    /// Identifies a schema instance: rows with the same name, type and description.
    private struct Signature: Hashable {
        var name: String
        var type: String
        var description: String
    }

    private struct Parsed {
        var node: FieldNode
        var parentCell: String
        var signature: Signature
    }

    private struct Row {
        var parent: Int?
        /// Path length from the root (1 for a top-level row).
        var depth: Int = 1
        var childNames: Set<String> = []
        var lastChild: Int?
        var childIndices: [Int] = []
        /// The row was one of several close candidates for some child row.
        var contested = false
        /// Parent cell named a row that was not open.
        var unplaced = false
        /// Nested deeper than ``nestingLimit``: left out of the tree.
        var dropped = false
        /// JSON example path (options skipped); nil across `<any-key>` or when very deep.
        var jsonPath: String?
        var crossesOption = false
    }

    /// Builds the field tree of `table`, with `example` (the schema's JSON) as evidence; bad rows become warnings in `log`.
    public static func build(table: Table, example: String?, log: inout DiagnosticLog) -> [FieldNode] {
        let hasParentColumn = table.header.first?.lowercased().contains("parent") ?? false
        let minimumCells = hasParentColumn ? 3 : 2
        var parsed: [Parsed] = []
        parsed.reserveCapacity(table.rows.count)
        // Computed once per table (rows without a name are where it matters; a hostile table can have thousands).
        lazy var bodyOnly = describesBodyOnly(table, typeColumn: hasParentColumn ? 2 : 1)
        for tableRow in table.rows {
            let cells = tableRow.cells
            guard cells.count >= minimumCells else {
                log.warning(tableRow.line, "field row has \(cells.count) cell(s), expected \(hasParentColumn ? "`Parent field | Field | Type | Description`" : "`Field | Type | Description`"); row ignored")
                continue
            }
            let parentCell = hasParentColumn ? cells[0] : ""
            let offset = hasParentColumn ? 1 : 0
            let fieldName = FieldName.parse(cells[offset])
            // A nameless top-level row describes the body itself (a top-level array of scalars),
            // when it is alone or beside rows without a type (the items' description, rendered as a row).
            guard !fieldName.name.isEmpty || (parentCell.isEmpty && bodyOnly) else {
                log.warning(tableRow.line, "field row without a field name; row ignored")
                continue
            }
            if !fieldName.unknownMarkers.isEmpty {
                log.warning(tableRow.line, "unknown marker \(fieldName.unknownMarkers.map { "`\($0)`" }.joined(separator: ", ")) after the field name `\(fieldName.name)`; ignored")
            }
            let typeCell = cells[offset + 1]
            let descriptionCells = cells.count > offset + 2 ? Array(cells[(offset + 2)...]) : []
            let (description, enumValues, deprecated) = parseDescription(descriptionCells)
            let node = FieldNode(
                name: fieldName.name, role: .of(name: fieldName.name, parentCell: parentCell),
                typeCell: typeCell, required: fieldName.required, deprecated: deprecated || fieldName.deprecated,
                enumValues: enumValues, description: description, line: tableRow.line)
            if node.type == .enumeration && enumValues == nil {
                log.warning(tableRow.line, "`\(node.name)` is an enum but lists no `Allowed enum values`; it becomes an open enum with no known case")
            }
            let signature = Signature(name: node.name, type: typeCell.trimmingSpaces(), description: description)
            parsed.append(Parsed(node: node, parentCell: parentCell, signature: signature))
        }

        let evidence = ExampleEvidence(json: example)
        var rows = place(parsed, evidence: evidence, known: nil)
        if rows.contains(where: { $0.contested }) {
            let known = completeSchemas(parsed, rows: rows)
            if !known.isEmpty { rows = place(parsed, evidence: evidence, known: known) }
        }

        let integers = evidence.integers
        for (index, row) in rows.enumerated() where parsed[index].node.type == .enumeration && (parsed[index].node.enumValues ?? []).isEmpty {
            if let path = row.jsonPath, integers.contains(path) { parsed[index].node.exampleShowsInteger = true }
        }

        var roots: [Int] = []
        var rootNames: Set<String> = []
        for (index, row) in rows.enumerated() {
            let node = parsed[index].node
            if row.dropped {
                log.warning(node.line, "`\(node.name)` is nested deeper than \(nestingLimit) levels; row ignored")
                continue
            }
            if row.unplaced {
                log.warning(node.line, "parent `\(parsed[index].parentCell)` of `\(node.name)` is not an open row above it; placed at the top level",
                            hint: "rows must follow their parent depth-first")
            }
            if row.parent == nil {
                if !rootNames.insert(node.name).inserted {
                    log.warning(node.line, "top-level field `\(node.name)` appears twice in this table")
                }
                roots.append(index)
            }
        }
        return assemble(roots, rows: rows, parsed: parsed)
    }

    /// Whether the table is one nameless row plus, at most, rows with an empty type cell.
    private static func describesBodyOnly(_ table: Table, typeColumn: Int) -> Bool {
        table.rows.filter { $0.cells.count > typeColumn && !$0.cells[typeColumn].trimmingSpaces().isEmpty }.count == 1
    }

    /// One placing pass over the rows. `known` maps schemas to their child names, where known.
    private static func place(_ parsed: [Parsed], evidence: ExampleEvidence, known: [Signature: Set<String>]?) -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(parsed.count)
        var stack: [Int] = []
        /// Stack positions of the open rows, by name.
        var openByName: [String: [Int]] = [:]
        var candidates: [Int] = []
        var scores: [Int] = []

        func popStack(to count: Int) {
            while stack.count > count, let top = stack.popLast() {
                let name = parsed[top].node.name
                if var positions = openByName[name] {
                    positions.removeLast()
                    openByName[name] = positions.isEmpty ? nil : positions
                }
            }
        }

        for (index, item) in parsed.enumerated() {
            let node = item.node
            var row = Row()
            var parent: Int?
            if !item.parentCell.isEmpty {
                candidates.removeAll(keepingCapacity: true)
                scores.removeAll(keepingCapacity: true)
                // Stack positions, deepest first.
                if item.parentCell == "additionalProperties" && node.role == .additionalProperties {
                    candidates.append(contentsOf: stack.indices.reversed().prefix(64))
                } else if let positions = openByName[item.parentCell] {
                    candidates.append(contentsOf: positions.reversed())
                }
                var best: (score: Int, position: Int)?
                for position in candidates {
                    let score = self.score(candidate: stack[position], isTop: position == stack.count - 1,
                                           item: item, parsed: parsed, rows: rows, evidence: evidence, known: known)
                    scores.append(score)
                    if best.map({ score > $0.score }) ?? true { best = (score, position) }
                }
                if let best, rows[stack[best.position]].depth >= nestingLimit {
                    row.dropped = true
                    rows.append(row)
                    continue
                } else if let best {
                    parent = stack[best.position]
                    // Several candidates near the best: none of them has a child set beyond doubt.
                    let threshold = best.score - Weight.contestedMargin
                    if scores.lazy.filter({ $0 > threshold }).count > 1 {
                        for (position, score) in zip(candidates, scores) where score > threshold {
                            rows[stack[position]].contested = true
                        }
                    }
                    popStack(to: best.position + 1)
                } else {
                    row.unplaced = true
                }
            }
            if parent == nil { popStack(to: 0) }
            row.parent = parent
            if let parent {
                row.depth = rows[parent].depth + 1
                rows[parent].childNames.insert(node.name)
                rows[parent].lastChild = index
                rows[parent].childIndices.append(index)
            }
            if !evidence.isEmpty {
                let parentPath: String? = parent.map { rows[$0].jsonPath } ?? ""
                row.crossesOption = parent.map { rows[$0].crossesOption } ?? false
                if let parentPath, row.depth <= 64 {
                    switch node.role {
                    case .property: row.jsonPath = parentPath.isEmpty ? node.name : parentPath + "/" + node.name
                    case .option: row.jsonPath = parentPath; row.crossesOption = true
                    case .additionalProperties: row.jsonPath = nil
                    }
                }
            }
            rows.append(row)
            openByName[node.name, default: []].append(stack.count)
            stack.append(index)
        }
        return rows
    }

    /// How well `candidate` fits as the parent of `item` (higher is better).
    private static func score(candidate: Int, isTop: Bool, item: Parsed, parsed: [Parsed], rows: [Row],
                              evidence: ExampleEvidence, known: [Signature: Set<String>]?) -> Int {
        let row = rows[candidate]
        let parentNode = parsed[candidate].node
        let node = item.node
        let lastRole = row.lastChild.map { parsed[$0].node.role }
        var score = 0
        if row.childNames.contains(node.name) { score -= Weight.duplicateName }
        if !parentNode.type.canHaveChildren { score -= Weight.scalarParent }
        if row.depth >= maximumDepth { score -= Weight.tooDeep }
        switch node.role {
        case .option(let number):
            // A oneOf's options, numbered from 1 in order, are its only children.
            if !parentNode.type.isOneOf { score -= Weight.optionStructure }
            if number <= 1 {
                if lastRole != nil { score -= Weight.optionStructure }
            } else if lastRole != .option(number - 1) {
                score -= Weight.optionStructure
            }
        case .additionalProperties:
            // `<any-key>` is a map's only child and follows the map row directly.
            if lastRole != nil { score -= Weight.optionStructure }
            if !isTop { score -= Weight.optionStructure }
        case .property:
            if parentNode.type.isOneOf { score -= Weight.optionStructure }
            if let last = row.lastChild {
                let lastNode = parsed[last].node
                if lastNode.role != .property {
                    score -= Weight.optionStructure
                } else if !sortsBefore(lastNode.name, node.name) {
                    score -= Weight.unsorted
                }
            }
            if let path = row.jsonPath, !row.crossesOption, evidence.objects.contains(path) {
                let childPath = path.isEmpty ? node.name : path + "/" + node.name
                if !evidence.paths.contains(childPath) { score -= Weight.exampleMissing }
            }
            if let names = known?[parsed[candidate].signature] {
                score += names.contains(node.name) ? Weight.knownSchema : -Weight.knownSchema
            }
        }
        if isTop, row.childIndices.isEmpty, parentNode.type.canHaveChildren, row.depth < maximumDepth {
            // A container's first child follows it directly (depth-first order).
            score += Weight.firstChildFollows
        }
        return score
    }

    /// Property order of the renderer (JavaScript key order after sorting): integer-like names
    /// first, numerically, then the rest by code point.
    static func sortsBefore(_ left: String, _ right: String) -> Bool {
        func integerLike(_ name: String) -> Bool {
            let bytes = name.utf8
            guard let first = bytes.first, bytes.count <= 10, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            return first != 48 || bytes.count == 1
        }
        switch (integerLike(left), integerLike(right)) {
        case (true, true):
            return left.utf8.count != right.utf8.count ? left.utf8.count < right.utf8.count
                : left.utf8.lexicographicallyPrecedes(right.utf8)
        case (true, false): return true
        case (false, true): return false
        case (false, false): return left.utf8.lexicographicallyPrecedes(right.utf8)
        }
    }

    /// Child names of schemas from instances whose children were placed without doubt.
    private static func completeSchemas(_ parsed: [Parsed], rows: [Row]) -> [Signature: Set<String>] {
        var known: [Signature: Set<String>] = [:]
        for (index, row) in rows.enumerated() where !row.contested && !row.dropped && row.depth < maximumDepth {
            guard parsed[index].node.type.canHaveChildren else { continue }
            known[parsed[index].signature, default: []].formUnion(row.childNames)
        }
        return known
    }

    private static func assemble(_ indices: [Int], rows: [Row], parsed: [Parsed]) -> [FieldNode] {
        // Iterative post-order so that deep tables cannot overflow the stack.
        var built: [Int: FieldNode] = [:]
        var work: [(Int, Bool)] = indices.reversed().map { ($0, false) }
        while let (index, expanded) = work.popLast() {
            if expanded {
                var node = parsed[index].node
                node.children = rows[index].childIndices.compactMap { built.removeValue(forKey: $0) }
                built[index] = node
            } else {
                work.append((index, true))
                for child in rows[index].childIndices.reversed() { work.append((child, false)) }
            }
        }
        return indices.compactMap { built[$0] }
    }

    /// Splits a description into text, enum values and the deprecated flag.
    static func parseDescription(_ cells: [String]) -> (String, [String]?, Bool) {
        var text = cells.joined(separator: "\n\n")
        var deprecated = false
        if text.hasPrefix("**DEPRECATED**") {
            deprecated = true
            text = FieldName.dropDeprecatedPrefix(text)
        }
        var values: [String]?
        if let marker = text.lastRange(ofASCII: "Allowed enum values:") {
            let after = text[marker.upperBound...].trimmingSpaces()
            if after.hasPrefix("`"), let close = after.dropFirst().firstIndex(of: "`") {
                let list = after[after.index(after: after.startIndex)..<close]
                values = list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
                let remainder = after[after.index(after: close)...].trimmingSpaces()
                text = (text[..<marker.lowerBound].trimmingSpaces() + (remainder.isEmpty ? "" : " " + remainder))
            }
        }
        return (text, values, deprecated)
    }
}
