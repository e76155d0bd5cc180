/// The enum constants a version's example bodies spell (`CaseStatus.IN_PROGRESS`), for the case
/// names of ``EnumCaseNaming`` and the names of enums no row's example reaches.
///
/// A constant names a case of the enum its prefix names (`CaseStatus`), wherever that enum is
/// declared, bound to a table row or not; and, through the enum's values, every copy of that enum
/// under another name (the same value list). Gathered on the learning run over the pages, read on
/// the kept run.
struct EnumConstants: Sendable {
    /// Enum type name → the constants spelled with it.
    private(set) var byName: [String: Set<String>] = [:]
    /// Page file → enum type name → the constants spelled with it on that page.
    private var byFile: [String: [String: Set<String>]] = [:]
    /// Value list → value → constant, from the enums named in `byName`; nil for a value two enums name differently.
    private var byValues: [String: [String: String?]] = [:]

    /// Adds every `Type.CONSTANT` of an example body (lists, calls and their arguments included) spelled on the page `file`.
    mutating func collect(_ expression: PythonExpression, file: String) {
        spellingMemo = Memo()  // the answers kept so far may change
        var stack = [expression]
        while let next = stack.popLast() {
            switch next {
            case .call(_, let arguments): stack += arguments.map(\.1)
            case .list(let items): stack += items
            case .wrapper(_, let option): stack.append(option)
            case .attribute(let base, let member):
                if CodeExampleHints.isIdentifier(base), CodeExampleHints.isIdentifier(member), base.first?.isUppercase == true {
                    byName[Identifiers.typeName(base), default: []].insert(member)
                    byFile[file, default: [:]][Identifiers.typeName(base), default: []].insert(member)
                }
            case .other: break
            }
        }
    }

    /// These constants with what they name spread, by value list, over the enums met (`name`, `values`).
    /// `bound`: what the examples named, with the signatures of the rows they named (``NameSpreading/Learned``).
    func spread(over enums: [(name: String, values: [String])], bound: [NameSpreading.Learned] = []) -> EnumConstants {
        var result = EnumConstants(byName: byName, byFile: byFile, byValues: [:])
        for (file, names) in byFile {
            for (name, constants) in names { result.byFolder[NameSpreading.folder(file), default: [:]][name, default: []].formUnion(constants) }
        }
        for item in bound where byName[item.name] != nil { result.boundSignatures[item.name, default: []].insert(item.signature) }
        result.namesByFile = byFile.mapValues { $0.keys.sorted() }
        result.namesByFolder = result.byFolder.mapValues { $0.keys.sorted() }
        result.namesByCount = Dictionary(grouping: byName.keys.sorted(), by: { byName[$0]?.count ?? 0 })
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

    /// The name of an enum row no example reaches (`values`, table `signature`, on the page `file`):
    /// the enum whose constants spell its values and that no example binds to a row of another
    /// signature (another schema with the same values: `WidgetSort` names the rows described
    /// `Widget sorting methods.`, so not those described `Direction of sort.`). The evidence nearest
    /// the row decides: the constants spelled on its page, else in its folder (tag), where spelling
    /// some of the values is enough (each constant a value of its own: `QuerySortOrder.DESC` for
    /// `asc`, `desc`); else anywhere in the version, where the constants must spell every value.
    /// Where that scope has two such enums, none (the row keeps its convention name).
    func enumName(values: [String], signature: String, file: String) -> String? {
        guard !values.isEmpty else { return nil }
        let folder = NameSpreading.folder(file)
        let scopes = [byFile[file].map { (Scope.file(file), namesByFile[file] ?? [], $0) },
                      byFolder[folder].map { (Scope.folder(folder), namesByFolder[folder] ?? [], $0) }]
        for case let (key, names, scope)? in scopes {
            let spelling = spelling(values, among: names, in: scope, partly: true, memoKey: key).filter { isBound($0, to: signature) }
            if !spelling.isEmpty { return spelling.count == 1 ? spelling[0] : nil }
        }
        let spelling = spelling(values, among: namesByCount[Set(values).count] ?? [], in: byName, partly: false, memoKey: .version)
            .filter { isBound($0, to: signature) }
        return spelling.count == 1 ? spelling[0] : nil
    }

    /// Whether the examples bind `name` to no row of another signature than `signature`.
    private func isBound(_ name: String, to signature: String) -> Bool {
        boundSignatures[name].map { $0.contains(signature) } ?? true
    }

    /// Of `names` (in order), those whose constants in `scope` spell some (`partly`) or all of `values`, each
    /// constant a value of its own. Many rows share their values (a widget's `type` on every page of its folder),
    /// so the answer is kept per scope (`memoKey`) and value list.
    private func spelling(_ values: [String], among names: [String], in scope: [String: Set<String>], partly: Bool,
                          memoKey: Scope) -> [String] {
        spellingMemo.value(SpellingKey(scope: memoKey, values: values)) {
            let distinct = Set(values).count
            let spellsAll = EnumCaseNaming.spellsAll(values: values)
            return names.filter { name in
                guard let constants = scope[name], partly ? constants.count <= distinct : constants.count == distinct else { return false }
                return spellsAll(constants)
            }
        }
    }

    /// Where ``spelling(_:among:in:partly:memoKey:)`` looks: a page's constants, a folder's, or the whole version's.
    private enum Scope: Hashable {
        case file(String)
        case folder(Substring)
        case version
    }

    private struct SpellingKey: Hashable {
        var scope: Scope
        var values: [String]
    }

    /// The answers of ``spelling(_:among:in:partly:memoKey:)``, shared by the copies of this value (set by ``spread(over:bound:)``).
    private var spellingMemo = Memo<SpellingKey, [String]>()

    /// Folder → enum type name → the constants spelled with it in that folder's pages (set by ``spread(over:bound:)``).
    private var byFolder: [Substring: [String: Set<String>]] = [:]
    /// Enum type name → the signatures of the rows the examples bind it to (set by ``spread(over:bound:)``).
    private var boundSignatures: [String: Set<String>] = [:]
    /// The enum names of `byFile` and `byFolder`, sorted (set by ``spread(over:bound:)``).
    private var namesByFile: [String: [String]] = [:]
    private var namesByFolder: [Substring: [String]] = [:]
    /// Constant count → the enum names of `byName` with that many constants, sorted (set by ``spread(over:bound:)``).
    private var namesByCount: [Int: [String]] = [:]

    private init(byName: [String: Set<String>], byFile: [String: [String: Set<String>]], byValues: [String: [String: String?]]) {
        self.byName = byName
        self.byFile = byFile
        self.byValues = byValues
    }

    init() {}

    static func key(_ values: [String]) -> String { Set(values).sorted().joined(separator: "\u{1}") }
}
