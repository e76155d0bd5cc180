import CCmark

/// A top-level block of a page as cmark sees it, with its source line range.
public struct MarkdownBlock: Sendable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case code(info: String)
        case other
    }

    public var kind: Kind
    public var startLine: Int
    public var endLine: Int
    /// For code blocks: the literal content. Empty otherwise.
    public var literal: String
}

/// Parses markdown with cmark and returns its top-level blocks.
public enum MarkdownParser {
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
