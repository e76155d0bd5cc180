/// Rebuilds the field tree from a `Parent field | Field | Type | Description` table.
///
/// Rows are depth-first, but the Parent cell names only the parent's field name, and names
/// repeat at different depths. Each row's parent is chosen among the rows still open above it
/// (the path from the root to the previous row), using the page's own evidence: a name already
/// present under a candidate rules it out, the JSON example of the same table shows the real
/// nesting, and sibling fields are usually in alphabetical order. Ties go to the deepest.
public enum FieldTreeBuilder {
    private struct Row {
        var node: FieldNode
        var parent: Int?
        var childNames: Set<String> = []
        var lastChildName: String?
        var childIndices: [Int] = []
    }

    public static func build(table: Table, example: String?, log: inout DiagnosticLog) -> [FieldNode] {
        let hasParentColumn = table.header.first?.lowercased().contains("parent") ?? false
        let minimumCells = hasParentColumn ? 3 : 2
        var rows: [Row] = []
        rows.reserveCapacity(table.rows.count)
        var roots: [Int] = []
        var stack: [Int] = []
        let evidence = ExampleEvidence(json: example)

        for tableRow in table.rows {
            let cells = tableRow.cells
            guard cells.count >= minimumCells else {
                log.warning(tableRow.line, "field row has \(cells.count) cell(s), expected \(hasParentColumn ? "`Parent field | Field | Type | Description`" : "`Field | Type | Description`"); row ignored")
                continue
            }
            let parentCell = hasParentColumn ? cells[0] : ""
            let offset = hasParentColumn ? 1 : 0
            let fieldName = FieldName.parse(cells[offset])
            guard !fieldName.name.isEmpty else {
                log.warning(tableRow.line, "field row without a field name; row ignored")
                continue
            }
            let typeCell = cells[offset + 1]
            let descriptionCells = cells.count > offset + 2 ? Array(cells[(offset + 2)...]) : []
            let (description, enumValues, deprecated) = parseDescription(descriptionCells)
            let node = FieldNode(
                name: fieldName.name, role: .of(name: fieldName.name, parentCell: parentCell),
                typeCell: typeCell, required: fieldName.required, deprecated: deprecated,
                enumValues: enumValues, description: description, line: tableRow.line)
            if node.type == .enumeration && enumValues == nil {
                log.warning(tableRow.line, "`\(node.name)` is an enum but lists no `Allowed enum values`; it becomes an open enum with no known case")
            }

            let index = rows.count
            var parent: Int?
            if !parentCell.isEmpty {
                parent = chooseParent(parentCell: parentCell, node: node, stack: stack, rows: rows, evidence: evidence)
                if parent == nil {
                    log.warning(tableRow.line, "parent `\(parentCell)` of `\(node.name)` is not an open row above it; placed at the top level",
                                hint: "rows must follow their parent depth-first")
                }
            }
            rows.append(Row(node: node, parent: parent))
            if let parent {
                rows[parent].childNames.insert(node.name)
                rows[parent].lastChildName = node.name
                rows[parent].childIndices.append(index)
                if let position = stack.lastIndex(of: parent) { stack.removeSubrange((position + 1)...) }
                stack.append(index)
            } else {
                if rows.indices.contains(index), roots.contains(where: { rows[$0].node.name == node.name }) {
                    log.warning(tableRow.line, "top-level field `\(node.name)` appears twice in this table")
                }
                roots.append(index)
                stack = [index]
            }
        }
        return assemble(roots, rows: rows)
    }

    private static func chooseParent(parentCell: String, node: FieldNode, stack: [Int], rows: [Row], evidence: ExampleEvidence) -> Int? {
        var best: Int?
        var bestScore = Int.min
        for (depth, candidate) in stack.enumerated().reversed() {
            let row = rows[candidate]
            let matches = row.node.name == parentCell
                || (parentCell == "additionalProperties" && node.role == .additionalProperties)
            guard matches else { continue }
            var score = 0
            if row.childNames.contains(node.name) { score -= 100 }
            if !row.node.type.canHaveChildren { score -= 50 }
            if case .option(let number) = node.role {
                // Options belong to a oneOf, numbered from 1 in order.
                if !row.node.type.isOneOf { score -= 50 }
                if number > 1, !row.childNames.contains(where: { $0.hasSuffix(" \(number - 1)") }) { score -= 20 }
            }
            if candidate == stack.last, row.childIndices.isEmpty, row.node.type.canHaveChildren {
                // A container's first child follows it directly (depth-first order).
                score += 3
            }
            if !evidence.isEmpty, let path = jsonPath(of: candidate, rows: rows), node.role == .property {
                let childPath = path.isEmpty ? node.name : path + "/" + node.name
                if evidence.paths.contains(childPath) { score += 4 }
                else if evidence.objects.contains(path) { score -= 2 }
            }
            if let last = row.lastChildName, node.role == .property {
                score += last < node.name ? 1 : -1
            }
            // Prefer the deepest candidate on ties: stack order is shallow → deep.
            let total = score * 1000 + depth
            if total > bestScore {
                bestScore = total
                best = candidate
            }
        }
        return best
    }

    /// The JSON path of a row (nil when it crosses a map key, which the example cannot confirm).
    private static func jsonPath(of index: Int, rows: [Row]) -> String? {
        var names: [String] = []
        var current: Int? = index
        var guardCount = 0
        while let at = current, guardCount < 1000 {
            let node = rows[at].node
            switch node.role {
            case .property: names.append(node.name)
            case .option: break
            case .additionalProperties: return nil
            }
            current = rows[at].parent
            guardCount += 1
        }
        return names.reversed().joined(separator: "/")
    }

    private static func assemble(_ indices: [Int], rows: [Row]) -> [FieldNode] {
        // Iterative post-order so that deep tables cannot overflow the stack.
        var built: [Int: FieldNode] = [:]
        var work: [(Int, Bool)] = indices.reversed().map { ($0, false) }
        while let (index, expanded) = work.popLast() {
            if expanded {
                var node = rows[index].node
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
        if let marker = text.range(of: "Allowed enum values:", options: .backwards) {
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
