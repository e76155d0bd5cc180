import Foundation

/// The official names a page's code examples spell that the row they denote does not carry: the
/// per-item list of issue #15, each with the reason class its evidence shows.
///
/// Read from a score run's failing names (`figures.json`) and its dump (the module's type names);
/// a name counts as spelled when it is a word of one of the page's fenced code examples.
public struct SpelledNameMisses: Sendable {
    public enum Reason: String, CaseIterable, Sendable {
        /// The SDK declares a type of that name in the row's API version, for another shape or another row: two shapes claim the name.
        case nameTaken = "another shape holds the name"
        /// Built in an example (`new X(`, `X(`, `datadogV2.X{`) but no binding reached the row.
        case constructorUnbound = "constructed in an example, not bound to the row"
        /// Only the prefix of enum constants (`X.VALUE`) of an element or option no binding reached.
        case constantUnbound = "only an enum constant's prefix, not bound to the row"
        /// Elsewhere: imports, declarations, response types of other calls.
        case elsewhere = "spelled elsewhere in the examples"
    }

    public struct Miss: Sendable {
        public var item: FailingItem
        public var kind: String
        public var officialName: String
        public var reason: Reason
    }

    public private(set) var misses: [Miss] = []

    /// `failing`: the failing names of a score run; `declared`: the type names of the dump's
    /// modules by API version (`v2`); `pageText`: a page's text by its path under the pages folder.
    public init(failing: [FailingItem], declared: [String: Set<String>], pageText: (String) -> String?) {
        var examples: [String: Evidence] = [:]
        for failure in failing {
            let parts = failure.item.components(separatedBy: " | ")
            guard parts.count == 3, let space = parts[2].lastIndex(of: " ") else { continue }
            let page = parts[0], kind = String(parts[2][..<space]), name = String(parts[2][parts[2].index(after: space)...])
            if examples[page] == nil { examples[page] = Evidence(pageText(page) ?? "") }
            guard let evidence = examples[page], evidence.words.contains(name) else { continue }
            let version = String(parts[1].prefix { $0 != " " })
            let reason: Reason = declared[version]?.contains(name) == true ? .nameTaken
                : evidence.constructed.contains(name) ? .constructorUnbound
                : evidence.constantPrefixes.contains(name) ? .constantUnbound : .elsewhere
            misses.append(Miss(item: failure, kind: kind, officialName: name, reason: reason))
        }
    }

    /// The list: a tally by reason and kind, then one line per miss (`detail | official (reason)`).
    public var lines: [String] {
        var out = ["== official names the pages' code examples spell, not carried by their rows: \(misses.count)"]
        for reason in Reason.allCases {
            let of = misses.filter { $0.reason == reason }
            let kinds = Dictionary(grouping: of, by: \.kind).map { "\($0.key) \($0.value.count)" }.sorted()
            out.append("   \(of.count) \(reason.rawValue)" + (kinds.isEmpty ? "" : ": " + kinds.joined(separator: ", ")))
        }
        out += misses.map { "   \($0.item.detail) | \($0.officialName) (\($0.reason.rawValue))" }
        return out
    }

    /// The words of a page's fenced code examples, and how they are used.
    struct Evidence {
        var words: Set<String> = []
        var constructed: Set<String> = []
        var constantPrefixes: Set<String> = []

        init(_ page: String) {
            var inFence = false
            for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inFence.toggle(); continue }
                guard inFence else { continue }
                let characters = Array(line)
                var index = 0
                while index < characters.count {
                    guard characters[index].isLetter || characters[index] == "_" else { index += 1; continue }
                    var end = index
                    while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { end += 1 }
                    let word = String(characters[index..<end])
                    words.insert(word)
                    let before = String(characters[max(0, index - 4)..<index])
                    if end < characters.count, characters[end] == "(" && (before == "new " || !before.hasSuffix(".")) || characters[end] == "{" {
                        constructed.insert(word)
                    }
                    if end + 1 < characters.count, characters[end] == ".", characters[end + 1].isUppercase { constantPrefixes.insert(word) }
                    index = end
                }
            }
        }
    }
}
