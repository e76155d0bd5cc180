import Foundation

/// Figures 1–4 of one run: the printed sections and the JSON the driver continues from (the summary
/// lines, the ratchet's figures and the expected-failure items).
public struct FiguresReport: Codable, Sendable {
    public var rows: Percent
    public var names: Percent
    public var operations: Percent
    public var unstable: Percent
    /// version → counts of figure 4.
    public var types: [String: Types]
    public var pageCount: Int
    /// list name → failing items (`rows`, `names`, `operations`, `unstable`).
    public var failing: [String: [FailingItem]]
    /// The printed sections 1–4 (and the header before them).
    public var lines: [String]
    /// `12 of 107 tags, code examples stripped` for a leave-tags-out run (never ratcheted), nil for all pages.
    public var subset: String?

    public struct Types: Codable, Sendable {
        public var types: Int
        public var typealiasFiles: Int
        public var officialNames: Int
        public var officialInTables: Int
        public var officialParamOnly: Int
        public var typesWithOfficialName: Int

        enum CodingKeys: String, CodingKey {
            case types
            case typealiasFiles = "typealias_files"
            case officialNames = "official_names"
            case officialInTables = "official_in_tables"
            case officialParamOnly = "official_param_only"
            case typesWithOfficialName = "types_with_official_name"
        }
    }

    enum CodingKeys: String, CodingKey {
        case rows, names, operations, unstable, types, failing, lines, subset
        case pageCount = "page_count"
    }

    /// `header`: the lines before the pages line (pages, subset, generator); `examples`: failures shown per figure.
    public init(score F: TableScore, census: TypeCensus, pageCount: Int, header: [String], examples n: Int) {
        rows = Percent(F.rowsOK, F.rowsTotal)
        names = Percent(F.namesOK, F.namesTotal)
        operations = Percent(F.opsOK, F.opsTotal)
        unstable = Percent(F.unstableOK, F.unstableTotal)
        self.pageCount = pageCount
        failing = F.failing
        var out = header
        out.append("   pages: \(pageCount) (.md), scored \(F.pagesScored), without truth \(F.pagesMissingTruth.count) (skipped), "
                   + "not in the dump \(F.pagesNotInDump.count)")
        out += F.pagesMissingTruth.prefix(n).map { "   skipped (no truth file): \($0)" }
        out += F.pagesNotInDump.prefix(n).map { "   page missing from the dump: \($0)" }

        out += ["", "== 1. table rows (path, required, type): \(rows.text)   (goal >= 99.9%)"]
        out += F.rowFail.mostCommon().map { "   \(Self.pad(String($0.count), 6, left: true)) \($0.key)" }
        out += F.rowExamples.prefix(n).map { "   \($0)" }
        if !F.pageRowFail.isEmpty {
            out.append("   pages with most row failures: "
                       + F.pageRowFail.mostCommon(5).map { "\($0.key) (\($0.count))" }.joined(separator: ", "))
        }

        out += ["", "== 2. official type names: \(names.text)   (goal >= 95%)"]
        let kinds = F.nameKinds.enumerated().sorted { a, b in
            a.element.total != b.element.total ? a.element.total > b.element.total : a.offset < b.offset
        }
        out += kinds.map { "   \(Self.pad($0.element.kind, 14, left: false)) \(Percent($0.element.ok, $0.element.total).text)" }
        out.append("   (not counted: named array schemas given that name: \(Percent(F.aliasOK, F.aliasTotal).text);"
                   + " official clients inline them)")
        out += F.nameExamples.prefix(n).map { "   \($0)" }

        out += ["", "== 3. operations (operationId and method = lowerFirst(operationId)): \(operations.text)   (goal 100%)"]
        out.append("   operationId \(Percent(F.operationIDOK, F.opsTotal).text), swift_method \(Percent(F.methodOK, F.opsTotal).text)")
        out += F.operationExamples.prefix(n).map { "   \($0)" }
        out.append("   unstable flag \(unstable.text)   (goal 100%; truth: the code examples' opt-in lines, on "
                   + "\(F.unstableSources["examples"]) operations; the docs notice on \(F.unstableSources["notice"]) without client examples)")
        out += F.unstableExamples.prefix(n).map { "   \($0)" }

        out += ["", "== 4. Swift types generated vs official schema names"]
        var types: [String: Types] = [:]
        for version in Set(F.officialNames.keys).union(["v1", "v2"]).sorted() {
            let module = "DatadogV" + version.dropFirst()
            let counts = census.modules[module] ?? TypeCensus.Module()
            let official = F.officialNames[version] ?? []
            let params = (F.officialParameterNames[version] ?? []).subtracting(official)
            let inTables = F.tableNames[version] ?? []
            let same = counts.names.intersection(official).count
            out.append("   \(version): \(module): \(counts.types) types (+\(counts.typealiasFiles) typealias files); "
                       + "official names used: \(official.count) in bodies (\(inTables.count) shown in tables)"
                       + " + \(params.count) only in parameters; generated types named officially: \(same)")
            types[version] = Types(types: counts.types, typealiasFiles: counts.typealiasFiles, officialNames: official.count,
                                   officialInTables: inTables.count, officialParamOnly: params.count, typesWithOfficialName: same)
        }
        self.types = types
        lines = out
    }

    static func pad(_ s: String, _ width: Int, left: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? fill + s : s + fill
    }
}
