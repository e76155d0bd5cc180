import Foundation

/// The leave-tags-out subsets: a copy of the selected tags' pages (page folders such as
/// `status-pages`), without their client code examples when asked.
public struct PagesView: Sendable {
    public var folder: URL
    public var tags: [String]
    public var allTags: [String]

    /// Tags listed in a file, one a line; blank lines and `#` comments ignored.
    public static func readTags(_ file: URL) throws -> Set<String> {
        let text = try String(contentsOf: file, encoding: .utf8)
        return Set(text.components(separatedBy: "\n").map { line in
            line.components(separatedBy: "#")[0].trimmingCharacters(in: .whitespacesAndNewlines)
                .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }.filter { !$0.isEmpty })
    }

    /// Copies `pages`' selected tags into `folder` (replaced). Unknown tags in `tagsFrom` are reported on `warn`.
    public init(pages: URL, folder: URL, tagsFrom: URL?, excludeTagsFrom: URL?, stripCodeExamples: Bool,
                warn: (String) -> Void) throws {
        let fm = FileManager.default
        let all = try fm.contentsOfDirectory(atPath: pages.path).filter { name in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: pages.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
        var keep = Set(all)
        if let tagsFrom {
            let wanted = try Self.readTags(tagsFrom)
            let unknown = wanted.subtracting(keep).sorted()
            if !unknown.isEmpty { warn("tags not in \(pages.path): \(unknown.joined(separator: ", "))") }
            keep.formIntersection(wanted)
        }
        if let excludeTagsFrom { keep.subtract(try Self.readTags(excludeTagsFrom)) }
        if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }
        for tag in keep.sorted() {
            let source = pages.appendingPathComponent(tag)
            for file in Files.below(source) {
                let from = source.appendingPathComponent(file), to = folder.appendingPathComponent(tag).appendingPathComponent(file)
                try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                if stripCodeExamples && file.hasSuffix(".md") {
                    let text = try String(contentsOf: from, encoding: .utf8)
                    try PageText.strippingCodeExamples(text).write(to: to, atomically: false, encoding: .utf8)
                } else {
                    try fm.copyItem(at: from, to: to)
                }
            }
        }
        self.folder = folder
        self.tags = keep.sorted()
        self.allTags = all
    }
}
