/// A token of a code example's statement, as the body readers (Python in ``CodeExampleHints``,
/// ``JavaBody``, ``GoBody``) parse it: a name, a punctuation character, or a literal (a string or a
/// number, whose text no reader needs).
enum ExampleToken: Equatable {
    case name(String)
    case punct(Character)
    case literal
    /// The end of a statement, for a language whose statements end at a line break (Python).
    case newline
}

/// What tells the examples' languages apart to the tokenizer: how strings are quoted, which
/// characters names hold, how comments are written and what ends a statement outside brackets.
struct ExampleSyntax: Sendable {
    /// The characters that open a string.
    var quotes: Set<Character>
    /// Of `quotes`, those that open a triple-quoted string when tripled.
    var tripled: Set<Character> = []
    /// Of `quotes`, those whose strings take no escapes.
    var raw: Set<Character> = []
    /// Characters names hold besides letters, digits and `_` (Java's `$`).
    var nameCharacters: Set<Character> = []
    /// What starts a comment that runs to the end of the line.
    var lineComment: String
    /// Whether `/* … */` is a comment.
    var blockComments = false
    /// The character that ends the statement outside brackets.
    var end: Character
    /// Whether the end is kept as ``ExampleToken/newline``.
    var keepsEnd = false

    static let python = ExampleSyntax(quotes: ["\"", "'"], tripled: ["\"", "'"], lineComment: "#", end: "\n", keepsEnd: true)
    static let java = ExampleSyntax(quotes: ["\"", "'"], tripled: ["\""], nameCharacters: ["$"], lineComment: "//",
                                    blockComments: true, end: ";")
    static let go = ExampleSyntax(quotes: ["\"", "`", "'"], raw: ["`"], lineComment: "//", end: "\n")

    /// The tokens of `text` up to the end of its first statement (whitespace and comments left out).
    func tokenize(_ text: Substring) -> [ExampleToken] {
        var tokens: [ExampleToken] = []
        var index = text.startIndex
        var depth = 0
        func isName(_ c: Character) -> Bool { c.isLetter || c == "_" || nameCharacters.contains(c) }
        while index < text.endIndex {
            let c = text[index]
            if quotes.contains(c) {
                let quote = tripled.contains(c) && text[index...].hasPrefix(String(repeating: c, count: 3)) ? String(repeating: c, count: 3) : String(c)
                var cursor = text.index(index, offsetBy: quote.count)
                while cursor < text.endIndex {
                    if !raw.contains(c), text[cursor] == "\\" {
                        cursor = text.index(after: cursor)
                        if cursor < text.endIndex { cursor = text.index(after: cursor) }
                        continue
                    }
                    if text[cursor...].hasPrefix(quote) { cursor = text.index(cursor, offsetBy: quote.count); break }
                    cursor = text.index(after: cursor)
                }
                tokens.append(.literal)
                index = cursor
                continue
            }
            if isName(c) {
                var cursor = index
                while cursor < text.endIndex, isName(text[cursor]) || text[cursor].isNumber { cursor = text.index(after: cursor) }
                tokens.append(.name(String(text[index..<cursor])))
                index = cursor
                continue
            }
            if c.isNumber {
                var cursor = index
                while cursor < text.endIndex, text[cursor].isNumber || text[cursor] == "." || text[cursor] == "_" || text[cursor].isLetter {
                    cursor = text.index(after: cursor)
                }
                tokens.append(.literal)
                index = cursor
                continue
            }
            if text[index...].hasPrefix(lineComment) {
                while index < text.endIndex, text[index] != "\n" { index = text.index(after: index) }
                continue
            }
            if blockComments, text[index...].hasPrefix("/*") {
                index = text[index...].range(ofASCII: "*/")?.upperBound ?? text.endIndex
                continue
            }
            if c == end, depth <= 0 {
                if keepsEnd { tokens.append(.newline) }
                break
            }
            if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth -= 1 }
            if !c.isWhitespace { tokens.append(.punct(c)) }
            index = text.index(after: index)
        }
        return tokens
    }
}

/// A parser over a statement's tokens: where it is, and how it skips what it does not model.
protocol ExampleTokenReader {
    var tokens: [ExampleToken] { get }
    var position: Int { get set }
}

extension ExampleTokenReader {
    /// The token at the position, nil at the end.
    var current: ExampleToken? { position < tokens.count ? tokens[position] : nil }

    /// The items up to the closing `close` (consumed), separated by commas, each read by `item` (nil: read
    /// but not kept). An item that reads nothing is stepped over, so the reading always ends.
    mutating func items<Item>(until close: Character, _ item: (inout Self) -> Item?) -> [Item] {
        var result: [Item] = []
        while let token = current, token != .punct(close) {
            if token == .punct(",") { position += 1; continue }
            let start = position
            if let value = item(&self) { result.append(value) }
            if position == start { position += 1 }
        }
        position += 1
        return result
    }

    /// The key of a `key=`/`key:` item at the position (`assign` is `=` or `:`), consumed; nil when there is none.
    mutating func key(before assign: Character) -> String? {
        guard case .name(let key)? = current, position + 1 < tokens.count, tokens[position + 1] == .punct(assign) else { return nil }
        position += 2
        return key
    }

    /// The dotted name that starts with `first`, the name just read (`Collections.singletonList`), with its dots consumed.
    mutating func dottedName(from first: String) -> String {
        var dotted = first
        while current == .punct("."), position + 1 < tokens.count, case .name(let next) = tokens[position + 1] {
            dotted += "." + next
            position += 2
        }
        return dotted
    }

    /// Skips an expression the parser does not model, up to the next `,`, closing bracket or
    /// statement end at this level.
    mutating func skipRest() {
        var depth = 0
        while let token = current {
            if case .punct(let c) = token {
                if "([{".contains(c) { depth += 1 }
                else if ")]}".contains(c) {
                    if depth == 0 { return }
                    depth -= 1
                } else if c == ",", depth == 0 { return }
            }
            if token == .newline, depth == 0 { return }
            position += 1
        }
    }
}
