/// Which option of a oneOf an example body builds (stage 4, the binding of the examples to the field tree).
///
/// An option agrees with what the example builds when:
/// - a call (`X(a=…, b=…)`, Java `new X().a(…)`): the option has every field the call sets, and nothing
///   the call sets contradicts the option's table, at any depth: an enum constant names one of the field's
///   values (`type=X.TOPOLOGY_MAP` rules out an option whose `type` is `bar_chart`; a `data_source` two
///   levels down tells two topology maps apart), a nested call or list element agrees with its field's rows
///   (fields the table does not expand are no evidence);
/// - a list: the option is an array, and its elements agree with the option's rows;
/// - an enum constant (`X.VALUE`): the option is an enum listing that value;
/// - the option is itself a oneOf (`Option 1` under `Option 39`): one of its own options agrees with the
///   call, or, for a wrapper (Java `new TopologyMapWidgetDefinition(new …ServiceMap())`), with what it wraps.
///   A wrapper agrees with nothing else: it builds a oneOf.
///
/// The first option that agrees wins; when none does, the first whose fields hold the call's top-level
/// fields, as the binding did before nested options and lists were read.
enum OptionChoice {
    /// The index in `options` of the option `example` builds, nil when none fits.
    static func index(of example: PythonExpression, among options: [FieldNode]) -> Int? {
        for strictness in Strictness.allCases {
            if let index = options.indices.first(where: { agrees(options[$0], example, strictness, depth: 0) }) { return index }
        }
        return nil
    }

    /// How much of the example must agree with an option, tried in this order.
    enum Strictness: CaseIterable {
        /// Everything the example sets, at every depth.
        case deep
        /// The call's own fields and enum constants (not what nested calls set).
        case topLevel
        /// The call's own fields only.
        case fields
    }

    /// Nested options deeper than this are not looked into (hostile tables).
    static let maximumDepth = 16

    private static func agrees(_ option: FieldNode, _ example: PythonExpression, _ strictness: Strictness, depth: Int) -> Bool {
        guard depth < maximumDepth else { return false }
        let inner = option.children.filter { if case .option = $0.role { return true }; return false }
        if !inner.isEmpty {
            let built: PythonExpression
            if case .wrapper(_, let wrapped) = example { built = wrapped } else { built = example }
            return inner.contains { agrees($0, built, strictness, depth: depth + 1) }
        }
        switch example {
        case .call(_, let arguments):
            let fields = Set(option.children.map { TypeBuilder.pythonKey($0.name) })
            guard arguments.allSatisfy({ fields.contains(TypeBuilder.pythonKey($0.0)) }) else { return false }
            return strictness == .fields || arguments.allSatisfy { key, value in
                guard let field = option.children.first(where: { TypeBuilder.pythonKey($0.name) == TypeBuilder.pythonKey(key) }) else { return true }
                if strictness == .topLevel, case .attribute(let base, let member) = value, let values = field.enumValues {
                    return spells(member, of: base, oneOf: values)
                }
                return strictness == .topLevel || fieldAgrees(field, value, depth: depth + 1)
            }
        case .list:
            guard case .array = option.type else { return false }
            return strictness != .deep || fieldAgrees(option, example, depth: depth + 1)
        case .attribute(let base, let member):
            guard option.type == .enumeration, let values = option.enumValues else { return false }
            return spells(member, of: base, oneOf: values)
        case .wrapper, .other:
            return false
        }
    }

    /// Whether a value the example sets contradicts nothing of its field's rows.
    private static func fieldAgrees(_ field: FieldNode, _ value: PythonExpression, depth: Int) -> Bool {
        switch value {
        case .attribute(let base, let member):
            guard let values = field.enumValues else { return true }
            return spells(member, of: base, oneOf: values)
        case .call, .wrapper:
            // A field the table does not expand (free-form, cut off by depth or recursion) is no evidence.
            return field.children.isEmpty || agrees(field, value, .deep, depth: depth)
        case .list(let items):
            guard !field.children.isEmpty else { return true }
            return items.allSatisfy { item in
                if case .other = item { return true }
                return agrees(field, item, .deep, depth: depth)
            }
        case .other:
            return true
        }
    }

    /// Whether the constant `member` (`TOPOLOGY_MAP`) of the enum `base` spells one of `values` (`topology_map`).
    /// A Go constant does not show where its type ends (`base` empty, `member` `SYNTHETICSASSERTIONTYPE_RESPONSE_TIME`):
    /// it spells a value it ends with (`responseTime`).
    static func spells(_ member: String, of base: String, oneOf values: [String]) -> Bool {
        let squeezed = member.replacingOccurrences(of: "_", with: "")
        if base.isEmpty { return values.contains { !$0.isEmpty && squeezed.hasSuffix(Identifiers.upperCamel($0).uppercased()) } }
        return values.contains { $0.uppercased() == member.uppercased() || Identifiers.upperCamel($0).uppercased() == squeezed }
    }
}
