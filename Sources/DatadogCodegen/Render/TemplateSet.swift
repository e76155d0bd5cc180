import Foundation
import Mustache

/// The Mustache templates the SDK is written from (`templates/` by default, or a user's folder).
public struct TemplateSet: Sendable {
    static let required = ["model", "enum", "oneof", "alias", "api", "unstable", "header", "module"]
    let library: MustacheLibrary

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads every `.mustache` file of `directory`; a missing or broken template is an error
    /// naming the file and line.
    public init(directory: URL) throws {
        var library = MustacheLibrary()
        for name in Self.required {
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
        }
        self.library = library
    }

    func render(_ model: [String: Any], template: String) -> String {
        library.render(model, withTemplate: template) ?? ""
    }
}
