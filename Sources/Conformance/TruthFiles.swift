import Foundation

public enum TruthFiles {
    /// Every `.md` below `pages` (relative path) → its truth `TRUTH/<same path>.json`, nil when there is none.
    /// A truth file that does not decode is an error naming the file.
    public static func load(pages: URL, truth: URL) throws -> [String: Truth?] {
        var result: [String: Truth?] = [:]
        for page in Files.below(pages) where page.hasSuffix(".md") {
            let file = truth.appendingPathComponent(String(page.dropLast(3)) + ".json")
            guard FileManager.default.fileExists(atPath: file.path) else {
                result[page] = .some(nil)
                continue
            }
            do {
                result[page] = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: file))
            } catch {
                throw ConformanceError("\(file.path):1: error: truth file does not decode: \(error)")
            }
        }
        return result
    }
}

public struct ConformanceError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
