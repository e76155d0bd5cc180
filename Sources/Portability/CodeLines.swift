/// One line of a source file with its comments removed.
public struct CodeLine: Equatable, Sendable {
    /// The line without comments; strings are kept (a path in a string is a real use).
    public var code: String
    /// The line starts inside a multi-line string, where `#if` is text, not a directive.
    public var startsInString: Bool
}

public enum CodeLines {
    /// The lines of `text` (split on `\n` only, as Python's `str.split('\n')`: a final newline gives a
    /// last empty line), scanned by Unicode scalar. Block comments nest; a multi-line string runs to
    /// the next `"""` without escapes; a one-line string ends at its line.
    public static func scan(_ text: String) -> [CodeLine] {
        var result: [CodeLine] = []
        var inBlock = 0
        var inMulti = false
        for line in lines(text) {
            let startsInString = inMulti
            var out = String.UnicodeScalarView()
            var i = 0
            var inString = false
            func at(_ prefix: String) -> Bool {
                var j = i
                for scalar in prefix.unicodeScalars {
                    guard j < line.count, line[j] == scalar else { return false }
                    j += 1
                }
                return true
            }
            scanning: while i < line.count {
                let c = line[i]
                if inBlock > 0 {
                    if at("*/") { inBlock -= 1; i += 2 }
                    else if at("/*") { inBlock += 1; i += 2 }
                    else { i += 1 }
                    continue
                }
                if inMulti {
                    if at("\"\"\"") { inMulti = false; out.append(contentsOf: "\"\"\"".unicodeScalars); i += 3 }
                    else { out.append(c); i += 1 }
                    continue
                }
                if inString {
                    out.append(c)
                    if c == "\\" && i + 1 < line.count { out.append(line[i + 1]); i += 2; continue }
                    if c == "\"" { inString = false }
                    i += 1
                    continue
                }
                if at("\"\"\"") { inMulti = true; out.append(contentsOf: "\"\"\"".unicodeScalars); i += 3; continue }
                if c == "\"" { inString = true; out.append(c); i += 1; continue }
                if at("//") { break scanning }
                if at("/*") { inBlock += 1; i += 2; continue }
                out.append(c)
                i += 1
            }
            result.append(CodeLine(code: String(out), startsInString: startsInString))
        }
        return result
    }

    /// `text` split on `\n`, each line as its Unicode scalars (never grapheme clusters: `\r\n` is one
    /// `Character` in Swift, two code points in Python).
    public static func lines(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lines.append([]) } else { lines[lines.count - 1].append(scalar) }
        }
        return lines
    }
}
