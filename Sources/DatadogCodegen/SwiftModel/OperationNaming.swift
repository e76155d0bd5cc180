/// The operationIds of the whole input: the official ones from the code examples, and for pages
/// without examples a guess from the title refined by the operations next to it.
///
/// A title names its resource briefly (`Delete an existing job`) where the operationIds (or titles)
/// of the same collection spell it out (`ListThreatHuntingJobs`, `CancelThreatHuntingJob` under
/// `/siem-threat-hunting/jobs`): the guess takes the longer noun its siblings agree on
/// (`DeleteThreatHuntingJob`), unless another operation already has that name. Guesses that still
/// collide (`Validate a monitor`, `Validate an existing monitor`) keep the title's qualifiers
/// (`ValidateMonitor`, `ValidateExistingMonitor`); one that still collides (the same title for two
/// endpoints) is numbered in page order (`GetProbe2`) with a warning, so that no page is lost to a
/// duplicate name. The same endpoint on two pages keeps one name (the generator keeps the first page
/// and warns about the other).
public struct OperationNaming: Sendable {
    /// Nouns (the operationId without its verb) of the known operations, per version and collection path
    /// (one entry per operation, sorted).
    private var nouns: [String: [String]] = [:]
    /// The name of every operation of a usable page, by ``place(_:page:)``.
    private var names: [String: String] = [:]
    /// Guessed names that had to be numbered, by ``place(_:page:)``.
    private var warnings: [String: Diagnostic] = [:]

    /// Learns the operationIds of `pages`: official, else from the title (pages with errors are not generated and teach nothing).
    public init(pages: [AnalyzedPage]) {
        struct Guess { var place: String; var file: String; var line: Int; var version: String; var endpoint: String; var name: String; var full: String }
        var official: [String: String] = [:]   // version.name → endpoint
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
                    official[operation.version + "." + id] = operation.method + " " + operation.path
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
        for key in nouns.keys { nouns[key]?.sort() }
        for item in pending {
            let version = item.operation.version
            let taken = Set(official.keys).union(guessedNames.subtracting([version + "." + item.guess]))
            let refined = Self.refine(item.guess, siblings: nouns[Self.key(version, item.operation.path)] ?? [],
                                      path: item.operation.path) {
                !taken.contains(version + "." + $0)
            }
            let full = OperationBuilder.operationID(fromTitle: item.page.title, method: item.operation.method,
                                                    path: item.operation.path, keepingQualifiers: true)
            guesses.append(Guess(place: item.place, file: item.page.file, line: item.operation.line, version: version,
                                 endpoint: item.operation.method + " " + item.operation.path, name: refined, full: full))
        }
        // Guesses that collide with each other or with an official name keep the title's qualifiers
        // (not the same operation documented on two pages: that stays one name, and one page).
        var groups: [String: [Int]] = [:]
        for (index, guess) in guesses.enumerated() { groups[guess.version + "." + guess.name, default: []].append(index) }
        var chosen = guesses.map(\.name)
        for (id, members) in groups where Set(members.map { guesses[$0].endpoint } + (official[id].map { [$0] } ?? [])).count > 1 {
            for member in members { chosen[member] = guesses[member].full }
        }
        // An endpoint named already (on another page) keeps that name: it is one operation, generated once.
        // What still collides (the same title for two endpoints) is numbered, in page order, with a warning.
        var used: [String: String] = [:]   // version.name → endpoint
        var byEndpoint: [String: String] = [:]   // version endpoint → name
        for (id, endpoint) in official.sorted(by: { $0.key < $1.key }) {
            used[id] = endpoint
            let version = String(id.prefix { $0 != "." })
            if byEndpoint[version + " " + endpoint] == nil { byEndpoint[version + " " + endpoint] = String(id.dropFirst(version.count + 1)) }
        }
        for (index, guess) in guesses.enumerated() {
            if let name = byEndpoint[guess.version + " " + guess.endpoint] {
                names[guess.place] = name
                continue
            }
            var name = Identifiers.capped(chosen[index])
            if let endpoint = used[guess.version + "." + name], endpoint != guess.endpoint {
                var counter = 2
                while used[guess.version + "." + name + "\(counter)"] != nil { counter += 1 }
                warnings[guess.place] = Diagnostic(.warning, file: guess.file, line: guess.line,
                                                   "the operation name `\(name)` guessed from the title is taken by another operation; this one is named `\(name)\(counter)`",
                                                   hint: "give the page a code example or a distinct title")
                name += "\(counter)"
            }
            used[guess.version + "." + name] = guess.endpoint
            byEndpoint[guess.version + " " + guess.endpoint] = name
            names[guess.place] = name
        }
    }

    /// The operation's operationId: the official one, else the title's, refined by its siblings.
    public func operationID(for operation: AnalyzedOperation, page: AnalyzedPage) -> String {
        if let name = names[Self.place(operation, page: page)] { return name }
        let hints = operation.hints
        if let official = hints.operationID { return Identifiers.capped(official) }
        let guessed = OperationBuilder.operationID(fromTitle: page.title, method: operation.method, path: operation.path)
        return Identifiers.capped(Self.refine(guessed, siblings: nouns[Self.key(operation.version, operation.path)] ?? [],
                                              path: operation.path))
    }

    /// The warning about the operation's name, when its guess had to be numbered.
    public func diagnostics(for operation: AnalyzedOperation, page: AnalyzedPage) -> [Diagnostic] {
        warnings[Self.place(operation, page: page)].map { [$0] } ?? []
    }

    /// `DeleteJob` with siblings `ThreatHuntingJobs`, `ThreatHuntingJob` → `DeleteThreatHuntingJob`
    /// (only names `isFree` accepts). The words the siblings add must be spelled in the path
    /// (`/api/v2/siem-threat-hunting/jobs`) or be agreed on by two siblings (`siblings` has one entry per
    /// operation): one sibling guessed from a longer title (`RoleByCloningRole` of `Create a new role by
    /// cloning an existing role`) lends nothing.
    static func refine(_ guessed: String, siblings: [String], path: String, isFree: (String) -> Bool = { _ in true }) -> String {
        let words = Identifiers.camelWords(guessed)
        guard words.count > 1 else { return guessed }
        let verb = words[0]
        let noun = words.dropFirst().joined()
        let plural = noun.hasSuffix("s")
        let stem = plural ? String(noun.dropLast()) : noun
        let spelled = path.lowercased().filter { $0.isLetter || $0.isNumber }
        // The longest sibling noun that ends with ours (singular or plural alike).
        let stems = siblings.map { $0.hasSuffix("s") ? String($0.dropLast()) : $0 }
        let candidates = stems.filter { siblingStem in
            siblingStem.count > stem.count && siblingStem.hasSuffix(stem) && isFree(verb + siblingStem + (plural ? "s" : ""))
                && (spelled.contains(siblingStem.dropLast(stem.count).lowercased()) || stems.filter { $0 == siblingStem }.count >= 2)
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
