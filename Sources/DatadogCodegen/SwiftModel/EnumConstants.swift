/// The enum constants a version's Python examples spell (`CaseStatus.IN_PROGRESS`), for the case
/// names of ``EnumCaseNaming``.
///
/// A constant names a case of the enum its prefix names (`CaseStatus`), wherever that enum is
/// declared, bound to a table row or not; and, through the enum's values, every copy of that enum
/// under another name (the same value list). Gathered on the learning run over the pages, read on
/// the kept run.
struct EnumConstants: Sendable {
    /// Enum type name → the constants spelled with it.
    private(set) var byName: [String: Set<String>] = [:]
    /// Value list → value → constant, from the enums named in `byName`; nil for a value two enums name differently.
    private var byValues: [String: [String: String?]] = [:]

    /// Adds every `Type.CONSTANT` of a Python expression (lists, calls and their arguments included).
    mutating func collect(_ expression: PythonExpression) {
        var stack = [expression]
        while let next = stack.popLast() {
            switch next {
            case .call(_, let arguments): stack += arguments.map(\.1)
            case .list(let items): stack += items
            case .wrapper(_, let option): stack.append(option)
            case .attribute(let base, let member):
                if CodeExampleHints.isIdentifier(base), CodeExampleHints.isIdentifier(member), base.first?.isUppercase == true {
                    byName[Identifiers.typeName(base), default: []].insert(member)
                }
            case .other: break
            }
        }
    }

    /// These constants with what they name spread, by value list, over the enums met (`name`, `values`).
    func spread(over enums: [(name: String, values: [String])]) -> EnumConstants {
        var result = EnumConstants(byName: byName, byValues: [:])
        result.byCount = Dictionary(grouping: byName.keys.sorted(), by: { byName[$0]?.count ?? 0 })
        for (name, values) in enums {
            guard let constants = byName[name] else { continue }
            let key = Self.key(values)
            for (value, constant) in EnumCaseNaming.match(constants, values: values) {
                if let known = result.byValues[key]?[value], known != constant { result.byValues[key]?[value] = .some(nil) }
                else { result.byValues[key, default: [:]][value] = constant }
            }
        }
        return result
    }

    /// Value → constant for the enum `name` with `values`: its own constants first, then those of its copies.
    func constants(name: String, values: [String]) -> [String: String] {
        var result = byName[name].map { EnumCaseNaming.match($0, values: values) } ?? [:]
        for (value, constant) in byValues[Self.key(values)] ?? [:] where result[value] == nil {
            if let constant, !result.values.contains(constant) { result[value] = constant }
        }
        return result
    }

    /// The enum whose constants spell exactly `values` (each constant one value, each value one
    /// constant: `AppBuilderEventName.CLICK`, `.CHANGE` for `click`, `change`), when one enum's do.
    func enumName(values: [String]) -> String? {
        let distinct = Set(values)
        guard !distinct.isEmpty else { return nil }
        let spelling = (byCount[distinct.count] ?? []).filter { name in
            EnumCaseNaming.match(byName[name] ?? [], values: values).count == distinct.count
        }
        return spelling.count == 1 ? spelling[0] : nil
    }

    /// Constant count → enum names with that many constants, sorted (set by ``spread(over:)``).
    private var byCount: [Int: [String]] = [:]

    private init(byName: [String: Set<String>], byValues: [String: [String: String?]]) {
        self.byName = byName
        self.byValues = byValues
    }

    init() {}

    static func key(_ values: [String]) -> String { Set(values).sorted().joined(separator: "\u{1}") }
}
