import Foundation

/// What the scorer reads from a page's markdown itself: its version tabs, its client code examples
/// (removed for `--strip-code-examples`) and the official unstable flag of an operation.
public enum PageText {
    static let codeSection = regex(#"^### Code Examples?[ \t]*$"#, [.anchorsMatchLines])
    static let versionTab = regex(#"^\{% tab title="v\d+" %\}[ \t]*$"#, [.anchorsMatchLines])
    static let fence = regex(#"^```([^\n`]*)\n.*?^```[ \t]*$\n?"#, [.anchorsMatchLines, .dotMatchesLineSeparators])
    static let optIn = regex(
        #"unstable_?operations?(?:_?enabled)?\W{0,3}[\[(]\s*"([^"]+)"[^;\n]*?(?:\]\s*=\s*|,\s*)(true|True|false|False)"#,
        [.caseInsensitive])
    static let versionPrefix = regex(#"^v\d+\."#, [])
    /// Fence languages of the curl example (kept when examples are stripped; not a client example).
    static let shellLanguages: Set<String> = ["", "sh", "bash", "shell"]

    private static func regex(_ pattern: String, _ options: NSRegularExpression.Options) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            preconditionFailure("invalid built-in pattern \(pattern): \(error)")
        }
    }

    /// `[(version, tab text)]`, one per `{% tab title="vN" %}`, each up to the next tab.
    public static func versionTabs(_ text: String) -> [(version: String, text: String)] {
        let ns = text as NSString
        let starts = versionTab.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (ns.substring(with: match.range).components(separatedBy: "\"")[1], match.range.location)
        }
        return starts.enumerated().map { index, start in
            let end = index + 1 < starts.count ? starts[index + 1].1 : ns.length
            return (start.0, ns.substring(with: NSRange(location: start.1, length: end - start.1)))
        }
    }

    /// The fence's language: the first word of its info string.
    static func language(_ infoString: String) -> String {
        infoString.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: " ")[0]
    }

    /// The page without its client code examples (fenced blocks other than shell in `### Code Example`
    /// sections); the curl example stays. Models a page published without examples.
    public static func strippingCodeExamples(_ text: String) -> String {
        let ns = text as NSString
        var out = ""
        var last = 0
        for section in codeSection.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let sectionEnd = section.range.location + section.range.length
            let next = versionTab.firstMatch(in: text, range: NSRange(location: sectionEnd, length: ns.length - sectionEnd))
            let end = next?.range.location ?? ns.length
            let body = ns.substring(with: NSRange(location: sectionEnd, length: end - sectionEnd)) as NSString
            var kept = ""
            var at = 0
            for block in fence.matches(in: body as String, range: NSRange(location: 0, length: body.length)) {
                kept += body.substring(with: NSRange(location: at, length: block.range.location - at))
                if shellLanguages.contains(language(body.substring(with: block.range(at: 1)))) {
                    kept += body.substring(with: block.range)
                }
                at = block.range.location + block.range.length
            }
            kept += body.substring(from: at)
            out += ns.substring(with: NSRange(location: last, length: sectionEnd - last)) + kept
            last = end
        }
        return out + ns.substring(from: last)
    }

    /// `v2.list_things` / `ListThings` / `v2.listThings` → `listthings` (version prefix, case and `_` ignored).
    static func optInKey(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let unversioned = versionPrefix.stringByReplacingMatches(
            in: trimmed, range: NSRange(location: 0, length: (trimmed as NSString).length), withTemplate: "")
        return unversioned.replacingOccurrences(of: "_", with: "").lowercased()
    }

    /// Where the official unstable flag was read.
    public enum UnstableSource: String, Sendable {
        case examples, notice
        case noTab = "no tab"
    }

    /// Whether the official clients gate this operation: the page's code examples enable it
    /// (`SetUnstableOperationEnabled("v2.ListThings", true)`, `unstable_operations["list_things"] = True`, …);
    /// for a tab without client examples, the docs' notice before the site table (printed for operations
    /// the specification marks unstable, whatever its wording).
    public static func unstable(_ text: String, version: String?, operationID: String?) -> (Bool, UnstableSource) {
        for tab in versionTabs(text) where tab.version == version {
            let ns = tab.text as NSString
            let section = codeSection.firstMatch(in: tab.text, range: NSRange(location: 0, length: ns.length))
            let code = section.map { ns.substring(from: $0.range.location + $0.range.length) } ?? ""
            let codeNS = code as NSString
            let all = NSRange(location: 0, length: codeNS.length)
            let languages = fence.matches(in: code, range: all).map { language(codeNS.substring(with: $0.range(at: 1))) }
            if languages.contains(where: { !shellLanguages.contains($0) }) {
                let enabled = Set(optIn.matches(in: code, range: all).compactMap { match -> String? in
                    codeNS.substring(with: match.range(at: 2)).lowercased() == "true"
                        ? optInKey(codeNS.substring(with: match.range(at: 1))) : nil
                })
                return (enabled.contains(optInKey(operationID ?? "")), .examples)
            }
            let newline = ns.range(of: "\n")
            let head = newline.location == NSNotFound ? "" : ns.substring(from: newline.location + 1)
            let notice = head.components(separatedBy: "| Datadog site")[0].trimmingCharacters(in: .whitespacesAndNewlines)
            return (!notice.isEmpty, .notice)
        }
        return (false, .noTab)
    }
}
