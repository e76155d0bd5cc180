import Foundation

/// Stage 1's input: one page file as read, before anything is parsed.
public struct SourcePage: Sendable {
    /// Path of the page relative to the input folder.
    public let file: String
    /// The file's bytes; nil when it could not be read (the parser reports it).
    public let data: Data?

    /// A page with the given bytes (nil: unreadable).
    public init(file: String, data: Data?) {
        self.file = file
        self.data = data
    }

    /// A page given as text (tests, in-memory runs).
    public init(file: String, text: String) {
        self.init(file: file, data: Data(text.utf8))
    }
}
