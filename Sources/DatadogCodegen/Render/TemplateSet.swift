import Foundation
import Mustache

/// The Mustache templates the SDK is written from (`templates/` by default, or a user's folder).
///
/// A folder must hold `model`, `enum`, `oneof`, `alias`, `api`, `unstable`, `header` and
/// `module` (`.mustache`); any other `.mustache` file in it is available as a partial
/// (`{{> name}}`). Loading checks every template, so that a mistake is reported before anything
/// is rendered, in compiler form (`path:line:column: error: …`):
/// - a template that is missing or does not parse;
/// - a variable or section (`{{name}}`, `{{#name}}`, `{{^name}}`) that the render model does not
///   provide where it is used (Mustache itself would silently render it as nothing);
/// - a partial (`{{> name}}`) that is not in the folder.
public struct TemplateSet: Sendable {
    /// The render model of each template the renderer renders directly.
    static let models: [any TemplateModel.Type] = [
        StructureModel.self, EnumModel.self, OneOfModel.self, AliasFileModel.self, APIModel.self, UnstableFileModel.self, ModuleInfoModel.self,
    ]
    /// The templates every folder needs: those of ``models`` and the `header` they include.
    static let required = models.map { $0.template } + ["header"]
    /// The keys of each template's render model, by template name.
    static let keys = Dictionary(uniqueKeysWithValues: models.map { ($0.template, RenderKeys(of: $0)) })
    let library: MustacheLibrary

    /// Why a template folder cannot be used: one `path:line:column: error: …` line per problem.
    public struct LoadError: Error, CustomStringConvertible {
        /// The problems, one `path:line:column: error: …` line each.
        public var description: String
    }

    /// Loads and checks the templates of `directory`.
    ///
    /// - Throws: ``LoadError`` naming the file and line of every missing, broken or
    ///   inconsistent template.
    public init(directory: URL) throws {
        var library = MustacheLibrary()
        var sources: [String: (url: URL, text: String)] = [:]
        let extra = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .map { String($0.dropLast(".mustache".count)) }
            .filter { !Self.required.contains($0) }
            .sorted()
        for name in Self.required + extra {
            let url = directory.appendingPathComponent(name + ".mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw LoadError(description: "\(url.path):1:1: error: template `\(name)` is missing (every template folder needs \(Self.required.map { $0 + ".mustache" }.joined(separator: ", ")))")
            }
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw LoadError(description: "\(url.path):\(error.context.lineNumber):\(error.context.columnNumber): error: template `\(name)` does not parse: \(error.error)")
            } catch {
                throw LoadError(description: "\(url.path):1:1: error: template `\(name)` does not parse: \(error)")
            }
            sources[name] = (url, text)
        }
        let problems = TemplateChecker(sources: sources).check(Self.keys)
        if !problems.isEmpty {
            throw LoadError(description: problems.joined(separator: "\n"))
        }
        self.library = library
    }

    func render(_ model: any TemplateModel) -> String {
        library.render(RenderValue.of(model)?.mustache ?? "", withTemplate: type(of: model).template) ?? ""
    }
}

/// Checks the names a template uses against the keys its render model provides.
///
/// It walks the template text tag by tag (following delimiter changes), keeps the stack of
/// contexts that sections open, and resolves every name the way Mustache does: in the
/// innermost context that has it, then outwards. Partials are checked where they are included,
/// with the includer's contexts.
struct TemplateChecker {
    var sources: [String: (url: URL, text: String)]

    /// One tag of a template.
    struct Tag {
        enum Kind { case variable, section, inverted, close, partial, block, parent, other }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    /// Problems of every template named in `keys`, in compiler form, sorted by template name.
    func check(_ keys: [String: RenderKeys]) -> [String] {
        var problems: [String] = []
        var reported: Set<String> = []
        for (name, rootKeys) in keys.sorted(by: { $0.key < $1.key }) where sources[name] != nil {
            check(template: name, stack: [rootKeys], root: name, includedFrom: [], problems: &problems, reported: &reported)
        }
        return problems
    }

    /// Checks one template with the contexts `initial` (innermost last; nil: a context whose keys
    /// are unknown, under a section that was itself reported). A partial included from several
    /// templates has each of its problems reported once.
    private func check(template: String, stack initial: [RenderKeys?], root: String, includedFrom: [String],
                       problems: inout [String], reported: inout Set<String>) {
        guard let source = sources[template] else { return }
        var stack = initial
        let path = source.url.path
        let via = includedFrom.isEmpty ? "" : " (included from \(includedFrom.joined(separator: ", ")))"
        func report(_ tag: Tag, _ message: String) {
            if reported.insert("\(path):\(tag.line):\(tag.column)").inserted {
                problems.append("\(path):\(tag.line):\(tag.column): error: \(message)")
            }
        }
        for tag in Self.tags(of: source.text) {
            switch tag.kind {
            case .variable, .section, .inverted:
                let resolved = Self.resolve(tag.name, in: stack)
                if resolved == nil {
                    let form = switch tag.kind {
                    case .section: "{{#\(tag.name)}}"
                    case .inverted: "{{^\(tag.name)}}"
                    default: "{{\(tag.name)}}"
                    }
                    let available = Set(stack.compactMap { $0 }.flatMap(\.keys.keys)).sorted().joined(separator: ", ")
                    report(tag, "template `\(template)` uses `\(form)`, but the render model of `\(root)` has no key `\(tag.name)` here (keys here: \(available.isEmpty ? "none" : available))\(via)")
                }
                if tag.kind == .section {
                    stack.append(resolved ?? nil)
                } else if tag.kind == .inverted {
                    stack.append(RenderKeys())
                }
            case .block:
                stack.append(RenderKeys())
            case .close:
                if stack.count > initial.count { stack.removeLast() }
            case .partial, .parent:
                guard sources[tag.name] != nil else {
                    report(tag, "template `\(template)` includes `{{> \(tag.name)}}`, but there is no `\(tag.name).mustache` in the templates folder\(via)")
                    if tag.kind == .parent { stack.append(RenderKeys()) }
                    continue
                }
                let site = "\(source.url.lastPathComponent):\(tag.line)"
                if includedFrom.count < 8, !includedFrom.contains(where: { $0.hasPrefix(tag.name + ".mustache:") }), tag.name != template {
                    check(template: tag.name, stack: stack, root: root, includedFrom: includedFrom + [site], problems: &problems, reported: &reported)
                }
                if tag.kind == .parent { stack.append(RenderKeys()) }
            case .other:
                break
            }
        }
    }

    /// The keys of `name` (`.`, `a.b`, `transform(a)`), or nil when no context provides it.
    /// Mustache looks a name up in the innermost context first, then outwards; a context whose
    /// keys are unknown (nil) may provide anything.
    static func resolve(_ name: String, in stack: [RenderKeys?]) -> RenderKeys?? {
        var name = name
        // `uppercased(name)`, `first()`: check the argument, if any.
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingCharacters(in: .whitespaces)
            if name.isEmpty { return RenderKeys() }
        }
        if name == "." { return RenderKeys() }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty else { return RenderKeys() }
        var found: RenderKeys?
        for context in stack.reversed() {
            guard let context else { return .some(nil) }
            if let keys = context.keys[first] {
                found = keys
                break
            }
        }
        guard var current = found else { return nil }
        for part in parts.dropFirst() {
            // A value without known keys (a string, a number): its properties are not checked.
            if current.keys.isEmpty { return RenderKeys() }
            guard let next = current.keys[part] else { return nil }
            current = next
        }
        return current
    }

    /// The tags of a template, with 1-based line and column, following `{{=<% %>=}}`.
    static func tags(of text: String) -> [Tag] {
        let scalars = Array(text.unicodeScalars)
        var open = Array("{{".unicodeScalars), close = Array("}}".unicodeScalars)
        var tags: [Tag] = []
        var index = 0, line = 1, lineStart = 0

        func matches(_ pattern: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + pattern.count <= scalars.count else { return false }
            for offset in pattern.indices where scalars[position + offset] != pattern[offset] { return false }
            return true
        }

        while index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            let tagLine = line, tagColumn = index - lineStart + 1
            let start = index + open.count
            // `{{{name}}}` closes with `}}}` under the default delimiters.
            var closing = close
            if start < scalars.count, scalars[start] == "{", open == Array("{{".unicodeScalars) {
                closing = Array("}".unicodeScalars) + close
            }
            var end = start
            while end < scalars.count, !matches(closing, at: end) {
                if scalars[end] == "\n" {
                    line += 1
                    lineStart = end + 1
                }
                end += 1
            }
            guard end < scalars.count else { break }
            var content = String(String.UnicodeScalarView(scalars[start..<end])).trimmingCharacters(in: .whitespacesAndNewlines)
            index = end + closing.count
            if content.hasPrefix("{") {
                content.removeFirst()
                tags.append(Tag(kind: .variable, name: content.trimmingCharacters(in: .whitespaces), line: tagLine, column: tagColumn))
                continue
            }
            guard let sigil = content.first else { continue }
            let rest = String(content.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
            let kind: Tag.Kind
            switch sigil {
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "$": kind = .block
            case "<": kind = .parent
            case "&": kind = .variable
            case "!", "%": kind = .other
            case "=":
                // `{{=<% %>=}}`: new delimiters.
                let inner = rest.hasSuffix("=") ? String(rest.dropLast()) : rest
                let parts = inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 {
                    open = Array(parts[0].unicodeScalars)
                    close = Array(parts[1].unicodeScalars)
                }
                continue
            default:
                tags.append(Tag(kind: .variable, name: content, line: tagLine, column: tagColumn))
                continue
            }
            tags.append(Tag(kind: kind, name: rest, line: tagLine, column: tagColumn))
        }
        return tags
    }
}
