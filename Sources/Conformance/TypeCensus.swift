import Foundation

/// Figure 4: per generated module, the files under `Models/` that declare a type (not only a typealias).
public struct TypeCensus: Sendable {
    public struct Module: Sendable {
        public var types = 0
        public var typealiasFiles = 0
        /// File names (without `.swift`) of the files that declare a type.
        public var names: Set<String> = []
    }

    public var modules: [String: Module] = [:]

    static let declaration: NSRegularExpression = {
        let pattern = #"^\s*(?:@\w+\s+)*(?:public\s+|package\s+|internal\s+)?(?:final\s+)?(?:indirect\s+)?(struct|enum|class|actor)\s"#
        do {
            return try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        } catch {
            preconditionFailure("invalid built-in pattern: \(error)")
        }
    }()

    /// Counts the modules of a generated SDK folder (`<module>/Models/**.swift`); an absent folder counts nothing.
    public init(generated: URL) {
        let fm = FileManager.default
        guard let moduleNames = try? fm.contentsOfDirectory(atPath: generated.path) else { return }
        for module in moduleNames.sorted() {
            let models = generated.appendingPathComponent(module).appendingPathComponent("Models")
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: models.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            var counts = Module()
            for file in Files.below(models) where file.hasSuffix(".swift") {
                let text = (try? String(contentsOf: models.appendingPathComponent(file), encoding: .utf8)) ?? ""
                if Self.declaration.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil {
                    counts.types += 1
                    counts.names.insert(String((file as NSString).lastPathComponent.dropLast(".swift".count)))
                } else {
                    counts.typealiasFiles += 1
                }
            }
            modules[module] = counts
        }
    }
}
