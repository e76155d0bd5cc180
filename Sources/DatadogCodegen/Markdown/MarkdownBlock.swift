import CCmark

/// A top-level block of a page as cmark sees it, with its source line range.
public struct MarkdownBlock: Sendable {
    /// The kind of block, reduced to what the page parser needs.
    public enum Kind: Sendable, Equatable {
        /// A heading of level 1–6.
        case heading(level: Int)
        /// A paragraph (pipe tables and Markdoc tags arrive as paragraphs).
        case paragraph
        /// A code block; `info` is the fence's info string (empty if none).
        case code(info: String)
        /// Any other block (lists, quotes, HTML, thematic breaks …).
        case other
    }

    /// What kind of block this is.
    public var kind: Kind
    /// 1-based first source line of the block.
    public var startLine: Int
    /// 1-based last source line of the block; never before ``startLine``.
    public var endLine: Int
    /// For code blocks: the literal content. Empty otherwise.
    public var literal: String
}

/// Parses markdown with cmark and returns its top-level blocks.
public enum MarkdownParser {
    /// Parses the markdown body of `source` (front matter blanked) into its top-level blocks, in order.
    public static func blocks(of source: SourceText) -> [MarkdownBlock] {
        let body = source.markdownBody()
        let document: OpaquePointer? = body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            }
        }
        guard let document else { return [] }
        defer { cmark_node_free(document) }

        var blocks: [MarkdownBlock] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            let start = Int(cmark_node_get_start_line(current))
            let end = max(Int(cmark_node_get_end_line(current)), start)
            switch cmark_node_get_type(current) {
            case CMARK_NODE_HEADING:
                blocks.append(MarkdownBlock(kind: .heading(level: Int(cmark_node_get_heading_level(current))), startLine: start, endLine: end, literal: ""))
            case CMARK_NODE_PARAGRAPH:
                blocks.append(MarkdownBlock(kind: .paragraph, startLine: start, endLine: end, literal: ""))
            case CMARK_NODE_CODE_BLOCK:
                let info = cmark_node_get_fence_info(current).map { String(cString: $0) } ?? ""
                let literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                blocks.append(MarkdownBlock(kind: .code(info: info), startLine: start, endLine: end, literal: literal))
            default:
                blocks.append(MarkdownBlock(kind: .other, startLine: start, endLine: end, literal: ""))
            }
            node = cmark_node_next(current)
        }
        return blocks
    }
}
