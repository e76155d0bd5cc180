import DatadogRuntime

extension JSONValue {
    /// Every non-empty `schema_ref_name` string in a truth file's schema tree (the parts of the truth
    /// files that are walked rather than read field by field: each one counts as an official name).
    func schemaRefNames(into names: inout Set<String>) {
        switch self {
        case .object(let members):
            if case .string(let name)? = members["schema_ref_name"], !name.isEmpty { names.insert(name) }
            for value in members.values { value.schemaRefNames(into: &names) }
        case .array(let elements):
            for element in elements { element.schemaRefNames(into: &names) }
        default:
            break
        }
    }
}
