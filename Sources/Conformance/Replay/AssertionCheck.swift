/// A scenario's assertion (`the response "data.id" is equal to …`) evaluated on a response document.
enum AssertionCheck: Equatable {
    case holds
    case fails(String)
    /// This evaluator cannot tell (no document, an unknown kind).
    case skip

    /// `document`: the (re-encoded) response of the scenario's main call; `succeeded`/`status`: how
    /// the call ended; `pages`: the documents of the main and pagination calls (for `items`).
    static func evaluate(_ a: Cassette.Assertion, document: OrderedJSON?, succeeded: Bool, status: Int?,
                         pages: [OrderedJSON?]) -> AssertionCheck {
        func text(_ n: Int?) -> String { n.map(String.init) ?? "None" }
        let path = PythonText.optional(a.path)
        switch a.kind {
        case "status":
            let want = a.status ?? 0
            if (200..<300).contains(want) {
                return succeeded ? .holds : .fails("status \(text(a.status)) expected, got \(text(status))")
            }
            return status == a.status ? .holds
                : .fails("status \(text(a.status)) expected, got \(status.flatMap { $0 == 0 ? nil : String($0) } ?? "success")")
        case "items":
            let counts = pages.map { $0.flatMap(RecordedJSON.itemsCount) }
            if pages.contains(where: { $0 == nil }) || counts.contains(where: { $0 == nil }) { return .skip }
            let sum = counts.reduce(0) { $0 + ($1 ?? 0) }
            return sum == a.count ? .holds : .fails("\(text(a.count)) items expected, got \(sum)")
        default:
            break
        }
        guard let document else { return .skip }
        let value = RecordedJSON.value(at: a.path, in: document)
        switch a.kind {
        case "equal", "same_value":
            guard let value else {
                if RecordedJSON.present(a.expected) == nil { return .holds }  // absent == null
                return .fails("\(path) is absent, expected \(RecordedJSON.short(a.expected))")
            }
            return RecordedJSON.difference(a.expected, value) == nil ? .holds
                : .fails("\(path) is \(RecordedJSON.short(value)), expected \(RecordedJSON.short(a.expected))")
        case "false":
            if case .bool(false)? = value { return .holds }
            return .fails("\(path) is \(RecordedJSON.short(value)), expected false")
        case "length":
            let length = RecordedJSON.length(value)
            if let length, length == a.length { return .holds }
            return .fails("\(path) has length \(length.map(String.init) ?? "-"), expected \(text(a.length))")
        case "has_field", "no_field":
            let field = value.flatMap { RecordedJSON.value(at: a.field, in: $0) }
            let present = RecordedJSON.present(field) != nil
            if a.kind == "has_field" { return present ? .holds : .fails("\(path) has no field \(PythonText.optional(a.field))") }
            return present ? .fails("\(path) has field \(PythonText.optional(a.field))") : .holds
        case "array_contains_value":
            if case .array(let items)? = value, items.contains(where: { RecordedJSON.difference(a.expected, $0) == nil }) { return .holds }
            return .fails("\(path) does not contain \(RecordedJSON.short(a.expected))")
        case "array_contains_object":
            if case .array(let items)? = value, items.contains(where: { item in
                RecordedJSON.value(at: a.field, in: item).map { RecordedJSON.difference(a.expected, $0) == nil } ?? false
            }) { return .holds }
            return .fails("\(path) has no item with \(PythonText.optional(a.field)) = \(RecordedJSON.short(a.expected))")
        default:
            return .skip
        }
    }
}
