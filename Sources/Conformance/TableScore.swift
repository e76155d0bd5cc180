import Foundation

/// Figures 1–3: the model's field tables, type names and operations against the truth files.
public struct TableScore: Sendable {
    public var rowsOK = 0, rowsTotal = 0
    public var rowFail = Tally()
    public var rowExamples: [String] = []
    public var pageRowFail = Tally()

    public var namesOK = 0, namesTotal = 0
    /// kind → (ok, total), kinds in first-seen order.
    public var nameKinds: [(kind: String, ok: Int, total: Int)] = []
    public var nameExamples: [String] = []
    /// Named array schemas given that name (not counted: official clients inline them).
    public var aliasOK = 0, aliasTotal = 0

    public var opsOK = 0, opsTotal = 0, operationIDOK = 0, methodOK = 0
    public var operationExamples: [String] = []
    public var unstableOK = 0, unstableTotal = 0
    public var unstableExamples: [String] = []
    public var unstableSources = Tally()

    public var pagesScored = 0
    public var pagesMissingTruth: [String] = []
    public var pagesNotInDump: [String] = []
    /// version → official schema names in bodies, only in parameters, shown in tables.
    public var officialNames: [String: Set<String>] = [:]
    public var officialParameterNames: [String: Set<String>] = [:]
    public var tableNames: [String: Set<String>] = [:]

    /// The expected-failure lists: `rows`, `names`, `operations`, `unstable`.
    public var failing: [String: [FailingItem]] = ["rows": [], "names": [], "operations": [], "unstable": []]

    /// Scores every page of `truth` (relative page path → its truth, nil when there is none) against
    /// `dump`; `pageText` gives a page's markdown (the originals) for the unstable flag, nil to skip it.
    public init(truth: [String: Truth?], dump: Dump, pageText: ((String) -> String?)? = nil) {
        let dumpPages = Dictionary(dump.pages.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        for page in truth.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let pageTruth = truth[page] ?? nil else {
                pagesMissingTruth.append(page)
                continue
            }
            pagesScored += 1
            let dumpPage = dumpPages[page]
            if dumpPage == nil { pagesNotInDump.append(page) }
            let text = pageText?(page)
            for operation in pageTruth.operations {
                score(operation, page: page, dumpOperation: dumpPage.flatMap { Self.match($0.operations, operation) }, text: text)
            }
        }
    }

    /// The dump's operation for a truth operation: same version; among several, same method and path.
    static func match(_ operations: [Dump.Operation], _ top: Truth.Operation) -> Dump.Operation? {
        var candidates = operations.filter { $0.version == top.version }
        if candidates.count > 1 {
            let exact = candidates.filter { $0.method == top.method && $0.path == top.path }
            if !exact.isEmpty { candidates = exact }
        }
        return candidates.first
    }

    static func lowerFirst(_ s: String) -> String {
        s.isEmpty ? s : s.prefix(1).lowercased() + s.dropFirst()
    }

    mutating func score(_ top: Truth.Operation, page: String, dumpOperation dop: Dump.Operation?, text: String?) {
        let version = top.version ?? "None"
        let oid = top.operationId ?? "None"
        let opLine = dop.map { String($0.line ?? 0) } ?? "0"
        opsTotal += 1
        let idOK = dop != nil && dop?.operationID == top.operationId
        let methodMatches = dop != nil && dop?.swiftMethod == top.operationId.map(Self.lowerFirst)
        if idOK { operationIDOK += 1 }
        if methodMatches { methodOK += 1 }
        if idOK && methodMatches {
            opsOK += 1
        } else {
            let gotID = PythonText.optional(dop?.operationID), gotMethod = PythonText.optional(dop?.swiftMethod)
            operationExamples.append("\(page):\(opLine): \(version) \(oid): got operation_id \(gotID), swift_method \(gotMethod)")
            failing["operations", default: []].append(FailingItem("\(page) | \(version) \(oid)", "got \(gotID), \(gotMethod)"))
        }
        if let text, let dop {   // an operation missing from the dump counts under operations
            let (want, source) = PageText.unstable(text, version: top.version, operationID: top.operationId)
            unstableTotal += 1
            unstableSources.add(source.rawValue)
            let got = dop.unstable ?? false
            if got == want {
                unstableOK += 1
            } else {
                let (g, w) = (PythonText.bool(got), PythonText.bool(want))
                unstableExamples.append("\(page):\(opLine): \(version) \(oid): unstable \(g), official \(w) (from the \(source.rawValue))")
                failing["unstable", default: []].append(FailingItem("\(page) | \(version) \(oid)", "unstable \(g), official \(w)"))
            }
        }
        for parameter in top.parameters ?? [] {
            parameter.schema?.schemaRefNames(into: &officialParameterNames[version, default: []])
        }
        var tables: [(label: String, truth: Truth.Body, dump: Dump.Body?)] = []
        if (top.requestBody != nil || !(top.responses ?? []).isEmpty) && officialNames[version] == nil {
            officialNames[version] = []   // a version with bodies is listed in figure 4, named or not
        }
        if let body = top.requestBody {
            body.schema?.schemaRefNames(into: &officialNames[version, default: []])
            tables.append(("request", body, dop?.request))
        }
        for response in top.responses ?? [] {
            response.schema?.schemaRefNames(into: &officialNames[version, default: []])
            let status = response.status?.description ?? "None"
            let dumped = dop?.responses?.first { ($0.status?.description ?? "None") == status }
            tables.append(("response \(status)", response, dumped))
        }
        for table in tables {
            scoreTable(table.truth, label: table.label, dump: table.dump, page: page, version: version, oid: oid, opLine: dop?.line ?? 0)
        }
    }

    mutating func nameCheck(_ kind: String, official: String, got: String?, where place: String, item: String) {
        namesTotal += 1
        let index = nameKinds.firstIndex { $0.kind == kind } ?? {
            nameKinds.append((kind, 0, 0))
            return nameKinds.count - 1
        }()
        nameKinds[index].total += 1
        if got == official {
            namesOK += 1
            nameKinds[index].ok += 1
        } else {
            nameExamples.append("\(place): \(kind) is \(PythonText.optional(got)), official \(official)")
            failing["names", default: []].append(FailingItem("\(item) | \(kind) \(official)", "\(place): is \(PythonText.optional(got))"))
        }
    }

    mutating func scoreTable(_ table: Truth.Body, label: String, dump d: Dump.Body?, page: String, version: String, oid: String, opLine: Int) {
        let root = table.schema
        let exampleLine = d?.exampleLine ?? 0
        let whereRoot = "\(page):\(exampleLine != 0 ? exampleLine : opLine)"
        let dumpType = SwiftTypeText.strippingOptional(d?.swiftType)
        if let name = root?["schema_ref_name"]?.stringValue, !name.isEmpty {
            tableNames[version, default: []].insert(name)
            nameCheck("root", official: name, got: dumpType, where: "\(whereRoot) (\(label) root)", item: "\(page) | \(version) \(oid) \(label) (root)")
        } else if root?["type"]?.stringValue == "array", let name = root?["items"]?["schema_ref_name"]?.stringValue, !name.isEmpty {
            tableNames[version, default: []].insert(name)
            nameCheck("root items", official: name, got: SwiftTypeText.element(dumpType), where: "\(whereRoot) (\(label) root items)",
                      item: "\(page) | \(version) \(oid) \(label) (root items)")
        }
        guard let rows = table.tableRows else { return }
        let got = Self.flatten(d?.fields)
        for row in rows {
            rowsTotal += 1
            let path = row.path.joined(separator: ".")
            let candidates = got[row.path] ?? []
            let wantType = (row.type ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let best = candidates.first { $0.required == row.required && ($0.type ?? "").trimmingCharacters(in: .whitespacesAndNewlines) == wantType }
            let fieldLine = candidates.first?.line ?? 0
            let place = "\(page):\(fieldLine != 0 ? fieldLine : exampleLine)"
            if best != nil {
                rowsOK += 1
            } else {
                pageRowFail.add(page)
                let reason: String, detail: String
                if let first = candidates.first {
                    if (first.type ?? "").trimmingCharacters(in: .whitespacesAndNewlines) != wantType {
                        reason = "type differs"
                        detail = "\(label) \(path): type \(PythonText.repr(first.type)), official \(PythonText.repr(wantType))"
                    } else {
                        reason = "required differs"
                        detail = "\(label) \(path): required \(PythonText.bool(first.required)), official \(PythonText.bool(row.required))"
                    }
                } else {
                    reason = "row missing"
                    detail = "\(label) \(path) (\(wantType)) not in the model"
                }
                rowFail.add(reason)
                rowExamples.append("\(place): \(detail)")
                failing["rows", default: []].append(FailingItem("\(page) | \(version) \(oid) \(label) \(path)", "\(place): \(detail)"))
            }
            let fieldType = (best ?? candidates.first)?.swiftType
            let fieldPath = "\(label) \(path)"
            let schemaName = row.schemaRefName.flatMap { $0.isEmpty ? nil : $0 }
            let itemsName = row.itemsSchemaRefName.flatMap { $0.isEmpty ? nil : $0 }
            if let schemaName { tableNames[version, default: []].insert(schemaName) }
            if let itemsName { tableNames[version, default: []].insert(itemsName) }
            if wantType.hasPrefix("[") {
                if let itemsName {
                    nameCheck("array element", official: itemsName, got: SwiftTypeText.element(fieldType), where: "\(place) \(fieldPath)",
                              item: "\(page) | \(version) \(oid) \(fieldPath)")
                }
                if let schemaName {
                    aliasTotal += 1
                    if SwiftTypeText.strippingOptional(fieldType) == schemaName { aliasOK += 1 }
                }
            } else if let schemaName {
                let kind = wantType == "object" ? "object" : wantType == "enum" ? "enum" : wantType.contains("<oneOf>") ? "oneOf" : "scalar"
                nameCheck(kind, official: schemaName, got: SwiftTypeText.strippingOptional(fieldType), where: "\(place) \(fieldPath)",
                          item: "\(page) | \(version) \(oid) \(fieldPath)")
            }
        }
    }

    /// Field path → the dump's fields at that path (a path may repeat).
    static func flatten(_ fields: [Dump.Field]?) -> [[String]: [Dump.Field]] {
        var result: [[String]: [Dump.Field]] = [:]
        func walk(_ fields: [Dump.Field]?, _ path: [String]) {
            for field in fields ?? [] {
                let p = path + [field.name]
                result[p, default: []].append(field)
                walk(field.fields, p)
            }
        }
        walk(fields, [])
        return result
    }
}
