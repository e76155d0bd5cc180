import Foundation

/// The columns of a parameter or field table, found by their header cells, so that the later stages
/// read every table in the one order the docs use today: `Name | Type | Description` for parameters,
/// `Parent field | Field | Type | Description` (or without `Parent field`) for fields.
///
/// Between publication dates the export may rename the header cells (`Parent`, `Name`, `Parameter`),
/// reorder the columns, give `required` a column of its own (`yes`/`no`) instead of the name cell's
/// `[*required*]`, add columns the generator has no use for (`Default`), or write a description's
/// paragraphs as one cell joined with `<br>`. The contract:
///
/// - A header cell's meaning is its text (``role(of:)``), never its position. A header without a name
///   and a type column is not understood and the table is read by position, as before.
/// - Description paragraphs after the first are extra cells after the Description cell (the docs'
///   export does this): in a row with more cells than the header, the columns after Description are its
///   last cells, and the cells between are the description's paragraphs.
/// - A column the generator does not know is dropped, with one warning at the header.
/// - A table already in the canonical order, without `<br>`, is returned unchanged.
enum TableColumns {
    enum Kind { case parameters, fields }
    enum Role: Equatable { case parent, name, type, description, required, other }

    /// What a header cell names (case, emphasis and spaces aside).
    static func role(of header: String) -> Role {
        let text = header.lowercased().filter { $0 != "*" && $0 != "_" }.trimmingSpaces()
        if text.contains("parent") { return .parent }
        switch text {
        case "field", "name", "field name", "parameter", "parameter name", "property", "attribute", "key": return .name
        case "type", "data type", "schema type": return .type
        case "required", "required?", "mandatory": return .required
        default: return text.hasPrefix("description") ? .description : .other
        }
    }

    /// The table with its columns in the canonical order; warnings (unknown columns) go to `log`.
    static func canonical(_ table: Table, kind: Kind, log: inout DiagnosticLog) -> Table {
        let roles = table.header.map { role(of: $0) }
        let expected: [Role] = kind == .fields && roles.contains(.parent) ? [.parent, .name, .type, .description] : [.name, .type, .description]
        guard let nameColumn = roles.firstIndex(of: .name), let typeColumn = roles.firstIndex(of: .type) else { return table }
        for role in [Role.parent, .name, .type, .description, .required] where roles.filter({ $0 == role }).count > 1 {
            log.warning(table.line, "the table's header names the \(role) column twice; the table is read by position")
            return table
        }
        let hasBreaks = table.rows.contains { $0.cells.contains { $0.range(ofASCII: "<br") != nil || $0.range(ofASCII: "<BR") != nil } }
        if roles == expected && !hasBreaks { return table }

        let unknown = table.header.indices.filter { roles[$0] == .other || (roles[$0] == .parent && kind == .parameters) }
        if !unknown.isEmpty {
            log.warning(table.line, "column\(unknown.count == 1 ? "" : "s") \(unknown.map { "`\(table.header[$0])`" }.joined(separator: ", ")) "
                        + "of this table \(unknown.count == 1 ? "is" : "are") not one the generator reads (`Name`/`Field`, `Type`, `Description`, `Required`"
                        + "\(kind == .fields ? ", `Parent field`" : "")); ignored")
        }
        let parentColumn = kind == .fields ? roles.firstIndex(of: .parent) : nil
        let descriptionColumn = roles.firstIndex(of: .description)
        let requiredColumn = roles.firstIndex(of: .required)
        let width = table.header.count

        var rows: [TableRow] = []
        rows.reserveCapacity(table.rows.count)
        for row in table.rows {
            let cells = row.cells
            let extra = max(0, cells.count - width)
            // Header column → the row's cell(s): the description takes the extra cells.
            func cell(_ column: Int?) -> String? {
                guard let column else { return nil }
                let index = descriptionColumn.map { column > $0 ? column + extra : column } ?? column
                return index < cells.count ? cells[index] : nil
            }
            var description: [String] = []
            if let descriptionColumn {
                let end = min(cells.count, descriptionColumn + 1 + extra)
                if descriptionColumn < end { description = Array(cells[descriptionColumn..<end]) }
            } else if extra > 0 {
                description = Array(cells.suffix(extra))
            }
            description = description.flatMap(paragraphs)
            var name = cell(nameColumn) ?? ""
            if let value = cell(requiredColumn), isYes(value), !FieldName.parse(name).required { name += " [*required*]" }
            var canonical: [String] = []
            if expected.first == .parent { canonical.append(cell(parentColumn) ?? "") }
            canonical += [name, cell(typeColumn) ?? ""] + description
            while canonical.count > expected.count - 1, canonical.last?.isEmpty == true { canonical.removeLast() }
            rows.append(TableRow(cells: canonical, line: row.line))
        }
        let header = expected.first == .parent ? ["Parent field", "Field", "Type", "Description"]
            : kind == .fields ? ["Field", "Type", "Description"] : ["Name", "Type", "Description"]
        return Table(header: header, rows: rows, line: table.line)
    }

    /// A cell's paragraphs: split at `<br>` (`<br/>`, `<br />`, any case); empty pieces dropped, an empty cell kept.
    static func paragraphs(_ cell: String) -> [String] {
        guard cell.range(ofASCII: "<br") != nil || cell.range(ofASCII: "<BR") != nil else { return [cell] }
        var pieces: [String] = []
        var rest = Substring(cell)
        while let open = rest.range(of: "<br", options: .caseInsensitive),
              let close = rest[open.upperBound...].firstIndex(of: ">"),
              rest[open.upperBound..<close].allSatisfy({ $0 == " " || $0 == "/" }) {
            pieces.append(rest[..<open.lowerBound].trimmingSpaces())
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(rest.trimmingSpaces())
        let kept = pieces.filter { !$0.isEmpty }
        return kept.isEmpty ? [""] : kept
    }

    /// Whether a Required cell says yes.
    static func isYes(_ cell: String) -> Bool {
        ["yes", "true", "required", "y", "✓", "✔", "x"].contains(cell.lowercased().filter { $0 != "*" && $0 != "_" }.trimmingSpaces())
    }
}
