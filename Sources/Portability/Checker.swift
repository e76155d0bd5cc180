/// A Linux-only spelling outside a branch that only Linux compiles, or a broken `#if` structure.
public struct Problem: Equatable, Sendable {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) { self.line = line; self.message = message }
}

public enum Checker {
    static let directive = PythonRegex(#"^\s*#\s*(if|elseif|else|endif)\b(.*)$"#)

    /// The problems of one file's text, in line order (1-based lines).
    public static func check(_ text: String) -> [Problem] {
        var problems: [Problem] = []
        // Per open #if: (this branch is compiled by Linux-like platforms only, a condition so far was Darwin-only).
        var stack: [(linuxOnly: Bool, sawDarwin: Bool)] = []
        for (index, line) in CodeLines.scan(text).enumerated() {
            let number = index + 1
            if !line.startsInString, let groups = directive.match(line.code) {
                let kind = groups[1] ?? "", condition = groups[2] ?? ""
                let (linux, darwin) = Condition.classify(condition)
                if kind == "if" {
                    stack.append((linux, darwin))
                } else if stack.isEmpty {
                    problems.append(Problem(line: number, message: "#\(kind) without #if"))
                } else if kind == "elseif" {
                    let top = stack[stack.count - 1]
                    stack[stack.count - 1] = (linux || top.sawDarwin, top.sawDarwin || darwin)
                } else if kind == "else" {
                    // The #else of a Darwin test is the non-Darwin branch.
                    let top = stack[stack.count - 1]
                    stack[stack.count - 1] = (top.sawDarwin, top.sawDarwin)
                } else {
                    stack.removeLast()
                }
                continue
            }
            if stack.contains(where: { $0.linuxOnly }) { continue }
            if let message = Rule.firstBroken(by: line.code) {
                problems.append(Problem(line: number, message: message))
            }
        }
        if !stack.isEmpty {
            problems.append(Problem(line: CodeLines.lines(text).count, message: "#if without #endif"))
        }
        return problems
    }
}
