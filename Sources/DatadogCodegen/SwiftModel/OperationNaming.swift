/// The operationIds of the whole input: the official ones from the code examples, and for pages
/// without examples a guess from the title refined by the operations next to it.
///
/// A title names its resource briefly (`Delete an existing job`) where the operationIds (or titles)
/// of the same collection spell it out (`ListThreatHuntingJobs`, `CancelThreatHuntingJob` under
/// `/siem-threat-hunting/jobs`): the guess takes the longer noun its siblings agree on
/// (`DeleteThreatHuntingJob`), unless another operation already has that name. Guesses that still
/// collide (`Validate a monitor`, `Validate an existing monitor`) keep the title's qualifiers
/// (`ValidateMonitor`, `ValidateExistingMonitor`), so that no page is lost to a duplicate name.
public struct OperationNaming: Sendable {
    /// Nouns (the operationId without its verb) of the known operations, per version and collection path.
    private var nouns: [String: [String]] = [:]
    /// The name of every operation of a usable page, by ``place(_:page:)``.
    private var names: [String: String] = [:]

    /// Learns the operationIds of `pages`: official, else from the title (pages with errors are not generated and teach nothing).
    public init(pages: [AnalyzedPage]) {
        struct Guess { var place: String; var version: String; var name: String; var full: String }
        var official: Set<String> = []
        var guesses: [Guess] = []
        var guessedNames: Set<String> = []
        var pending: [(place: String, operation: AnalyzedOperation, page: AnalyzedPage, guess: String)] = []
        for page in pages {
            for operation in page.operations {
                let hints = operation.hints
                let place = Self.place(operation, page: page)
                let known: String
                if let id = hints.operationID {
                    known = id
                    names[place] = id
                    official.insert(operation.version + "." + id)
                } else {
                    known = OperationBuilder.operationID(fromTitle: page.title, method: operation.method, path: operation.path)
                    guessedNames.insert(operation.version + "." + known)
                    pending.append((place, operation, page, known))
                }
                let words = Identifiers.camelWords(known)
                guard words.count > 1 else { continue }
                nouns[Self.key(operation.version, operation.path), default: []].append(words.dropFirst().joined())
            }
        }
        for key in nouns.keys { nouns[key] = Array(Set(nouns[key] ?? [])).sorted() }
        for item in pending {
            let version = item.operation.version
            let taken = official.union(guessedNames.subtracting([version + "." + item.guess]))
            let refined = Self.refine(item.guess, siblings: nouns[Self.key(version, item.operation.path)] ?? []) {
                !taken.contains(version + "." + $0)
            }
            let full = OperationBuilder.operationID(fromTitle: item.page.title, method: item.operation.method,
                                                    path: item.operation.path, keepingQualifiers: true)
            guesses.append(Guess(place: item.place, version: version, name: refined, full: full))
        }
        // Guesses that collide with each other or with an official name keep the title's qualifiers.
        var count: [String: Int] = [:]
        for guess in guesses { count[guess.version + "." + guess.name, default: 0] += 1 }
        for guess in guesses {
            let id = guess.version + "." + guess.name
            names[guess.place] = (count[id] ?? 0) > 1 || official.contains(id) ? guess.full : guess.name
        }
    }

    /// The operation's operationId: the official one, else the title's, refined by its siblings.
    public func operationID(for operation: AnalyzedOperation, page: AnalyzedPage) -> String {
        if let name = names[Self.place(operation, page: page)] { return name }
        let hints = operation.hints
        if let official = hints.operationID { return Identifiers.capped(official) }
        let guessed = OperationBuilder.operationID(fromTitle: page.title, method: operation.method, path: operation.path)
        return Identifiers.capped(Self.refine(guessed, siblings: nouns[Self.key(operation.version, operation.path)] ?? []))
    }

    /// `DeleteJob` with siblings `ThreatHuntingJobs`, `ThreatHuntingJob` → `DeleteThreatHuntingJob`
    /// (only names `isFree` accepts).
    static func refine(_ guessed: String, siblings: [String], isFree: (String) -> Bool = { _ in true }) -> String {
        let words = Identifiers.camelWords(guessed)
        guard words.count > 1 else { return guessed }
        let verb = words[0]
        let noun = words.dropFirst().joined()
        let plural = noun.hasSuffix("s")
        let stem = plural ? String(noun.dropLast()) : noun
        // The longest sibling noun that ends with ours (singular or plural alike).
        let candidates = siblings.compactMap { sibling -> String? in
            let siblingStem = sibling.hasSuffix("s") ? String(sibling.dropLast()) : sibling
            guard siblingStem.count > stem.count, siblingStem.hasSuffix(stem), isFree(verb + siblingStem + (plural ? "s" : "")) else { return nil }
            return siblingStem
        }
        guard let best = candidates.max(by: { ($0.count, $1) < ($1.count, $0) }) else { return guessed }
        return verb + best + (plural ? "s" : "")
    }

    /// Where an operation is defined: its page and version tab.
    static func place(_ operation: AnalyzedOperation, page: AnalyzedPage) -> String { page.file + ":\(operation.line)" }

    /// The collection an operation works on: its path without the item placeholder and without an
    /// action on the item (`/api/v2/x/jobs/{job_id}/cancel` → `/api/v2/x/jobs`); a nested collection
    /// is its own (`/api/v2/team/{team_id}/member_teams`).
    static func key(_ version: String, _ path: String) -> String {
        var segments = path.split(separator: "/").map { $0.hasPrefix("{") ? "{}" : String($0) }
        while segments.last == "{}" { segments.removeLast() }
        if segments.count >= 2, segments[segments.count - 2] == "{}", let action = segments.last,
           action.allSatisfy(\.isLetter), !action.hasSuffix("s") {
            segments.removeLast(2)
        }
        return version + " " + segments.joined(separator: "/")
    }
}
