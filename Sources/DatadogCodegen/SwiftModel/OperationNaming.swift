/// The operationIds of the whole input: the official ones from the code examples, and for pages
/// without examples a guess from the title refined by the operations next to it.
///
/// A title names its resource briefly (`Delete an existing job`) where the operationIds (or titles)
/// of the same collection spell it out (`ListThreatHuntingJobs`, `CancelThreatHuntingJob` under
/// `/siem-threat-hunting/jobs`): the guess takes the longer noun its siblings agree on
/// (`DeleteThreatHuntingJob`).
public struct OperationNaming: Sendable {
    /// Nouns (the operationId without its verb) of the known operations, per version and collection path.
    private var nouns: [String: [String]] = [:]

    /// Learns the operationIds of `pages`: official, else from the title (pages with errors are not generated and teach nothing).
    public init(pages: [ParsedPage]) {
        for parsed in pages where !parsed.diagnostics.contains(where: { $0.severity == .error }) {
            let page = parsed.page
            for operation in page.operations {
                let hints = operation.hints ?? CodeExampleHints(examples: operation.codeExamples)
                let known = hints.operationID
                    ?? OperationBuilder.operationID(fromTitle: page.title, method: operation.method, path: operation.path)
                let words = Identifiers.camelWords(known)
                guard words.count > 1 else { continue }
                nouns[Self.key(operation.version, operation.path), default: []].append(words.dropFirst().joined())
            }
        }
        for key in nouns.keys { nouns[key] = Array(Set(nouns[key] ?? [])).sorted() }
    }

    /// The operation's operationId: the official one, else the title's, refined by its siblings.
    public func operationID(for operation: PageOperation, page: Page) -> String {
        let hints = operation.hints ?? CodeExampleHints(examples: operation.codeExamples)
        if let official = hints.operationID { return Identifiers.capped(official) }
        let guessed = OperationBuilder.operationID(fromTitle: page.title, method: operation.method, path: operation.path)
        return Identifiers.capped(Self.refine(guessed, siblings: nouns[Self.key(operation.version, operation.path)] ?? []))
    }

    /// `DeleteJob` with siblings `ThreatHuntingJobs`, `ThreatHuntingJob` → `DeleteThreatHuntingJob`.
    static func refine(_ guessed: String, siblings: [String]) -> String {
        let words = Identifiers.camelWords(guessed)
        guard words.count > 1 else { return guessed }
        let verb = words[0]
        let noun = words.dropFirst().joined()
        let plural = noun.hasSuffix("s")
        let stem = plural ? String(noun.dropLast()) : noun
        // The longest sibling noun that ends with ours (singular or plural alike).
        let candidates = siblings.compactMap { sibling -> String? in
            let siblingStem = sibling.hasSuffix("s") ? String(sibling.dropLast()) : sibling
            guard siblingStem.count > stem.count, siblingStem.hasSuffix(stem) else { return nil }
            return siblingStem
        }
        guard let best = candidates.max(by: { ($0.count, $1) < ($1.count, $0) }) else { return guessed }
        return verb + best + (plural ? "s" : "")
    }

    /// The collection an operation works on: its path up to the last literal segment before a placeholder
    /// (`/api/v2/x/jobs/{job_id}/cancel` → `/api/v2/x/jobs`).
    static func key(_ version: String, _ path: String) -> String {
        let segments = path.split(separator: "/")
        var end = segments.count
        if let firstPlaceholder = segments.firstIndex(where: { $0.hasPrefix("{") }) { end = firstPlaceholder }
        return version + " " + segments.prefix(end).joined(separator: "/")
    }
}
