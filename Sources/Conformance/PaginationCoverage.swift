import Foundation

/// Pagination coverage, leave-tags-out: how many operations get each paging style, how many of the
/// operations that page (evidence: a recording with pagination follow-ups, `main_page` interactions;
/// or a position parameter: an offset, page number or cursor in the query or in the body's `page`)
/// get a `…Paginated` method, and how many get one without such evidence. Figures for the studied
/// tags (the rules were written looking at these) and for all the others (held out).
public struct PaginationCoverage: Sendable {
    /// The 15 tags studied while writing the rules (Sources/DatadogCodegen/SwiftModel/Pagination.swift):
    /// the first 15 folder names of ../shared/corpus/pages by MD5 of the name.
    public static let studiedTags = [
        "service-definition", "org-connections", "on-call-paging", "synthetics", "cloudflare-integration",
        "restriction-policies", "agentless-scanning", "action-connection", "dashboards", "api-management",
        "cloud-authentication", "events", "ci-visibility-pipelines", "google-chat-integration",
        "microsoft-teams-integration",
    ]
    static let position = "^(page\\[(offset|number|cursor|token)\\]|offset|cursor|page|page_number|start|page_token|next_token|after)$"

    struct Split {
        var operations = 0
        var styles: [String: Int] = [:]
        var recorded = 0, recordedOK = 0, evidence = 0, covered = 0
        var missed: [String] = [], unsupported: [String] = []
    }

    /// A recording: its operation and whether it has pagination follow-ups.
    public struct Recording: Decodable, Sendable {
        public struct Interaction: Decodable, Sendable { public var role: String? }
        public var version: String
        public var operationID: String
        public var interactions: [Interaction]?
        enum CodingKeys: String, CodingKey {
            case version, interactions
            case operationID = "operation_id"
        }
    }

    var splits: [(name: String, split: Split)]

    /// `recordings`: the cassettes (`CASSETTES/<version>/<feature>/<scenario>.json`).
    public init(dump: Dump, recordings: [Recording], studied: Set<String>) {
        let paged = Set(recordings.filter { ($0.interactions ?? []).contains { $0.role == "main_page" } }.map { $0.version + "." + $0.operationID })
        var studiedSplit = Split(), heldOut = Split()
        for page in dump.pages {
            let tag = String(page.file.split(separator: "/").first ?? "")
            var split = studied.contains(tag) ? studiedSplit : heldOut
            for operation in page.operations {
                split.operations += 1
                if let style = operation.pagination?.style { split.styles[style, default: 0] += 1 }
                let version = operation.version ?? "None", id = operation.operationID ?? "None"
                let key = version + "." + id
                let positions = (operation.parameters ?? []).filter { $0.location == "query" && Regex.contains(Self.position, $0.name) }.map(\.name)
                let isPaged = operation.pagination != nil
                if paged.contains(key) {
                    split.recorded += 1
                    if isPaged { split.recordedOK += 1 }
                }
                if paged.contains(key) || !positions.isEmpty || Self.bodyPosition(operation) {
                    split.evidence += 1
                    if isPaged {
                        split.covered += 1
                    } else {
                        split.missed.append("\(tag) \(key) [\(positions.map(PythonText.repr).joined(separator: ", "))]")
                    }
                } else if let style = operation.pagination?.style {
                    split.unsupported.append("\(tag) \(key) \(style)")
                }
            }
            if studied.contains(tag) { studiedSplit = split } else { heldOut = split }
        }
        splits = [("studied", studiedSplit), ("held out", heldOut)]
    }

    static func bodyPosition(_ operation: Dump.Operation) -> Bool {
        for field in operation.request?.fields ?? [] {
            if field.name == "page" && (field.fields ?? []).contains(where: { ["cursor", "offset", "number"].contains($0.name) }) { return true }
            if ["page[cursor]", "page[offset]", "page[number]"].contains(field.name) { return true }
        }
        return false
    }

    public var lines: [String] {
        splits.flatMap { name, s -> [String] in
            let styles = s.styles.keys.sorted().map { "\($0) \(s.styles[$0] ?? 0)" }.joined(separator: ", ")
            return ["\(name): \(s.operations) operations; paginated: \(styles)",
                    "   recorded pagination (main_page): \(s.recordedOK)/\(s.recorded)",
                    "   evidence (recorded, or a position parameter): \(s.covered)/\(s.evidence); paginated without evidence: \(s.unsupported.count)"]
                + (s.missed + s.unsupported).map { "   - \($0)" }
        }
    }

    /// The recordings below `cassettes` (`<version>/<feature>/<scenario>.json`).
    public static func recordings(in cassettes: URL) throws -> [Recording] {
        try Files.below(cassettes).filter { $0.split(separator: "/").count == 3 && $0.hasSuffix(".json") }.map {
            try JSONDecoder().decode(Recording.self, from: Data(contentsOf: cassettes.appendingPathComponent($0)))
        }
    }
}
