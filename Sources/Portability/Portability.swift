/// The whole run of `.ci/portability`: the self-test on the fixtures, then the check of the paths.
public enum Portability {
    public static let fixtures = ".ci/portability-fixtures"

    /// What a run prints and its exit code.
    public struct Outcome: Equatable, Sendable {
        public var output: [String] = []
        public var errors: [String] = []
        public var status: Int32 = 0
    }

    /// `nil` when the checker finds exactly the lines of `linux-only.swift.txt` that end in `// EXPECT`
    /// and nothing in `portable.swift.txt`; otherwise why not.
    public static func selfTest(fixtures folder: String = fixtures) throws -> String? {
        let bad = FileWalk.join(folder, "linux-only.swift.txt")
        let text = try FileWalk.read(bad)
        let marker = PythonRegex(#"//\s*EXPECT\s*$"#)
        let expected = CodeLines.lines(text).enumerated()
            .filter { marker.search(String(String.UnicodeScalarView($0.element))) }
            .map { $0.offset + 1 }
        let found = Checker.check(text).map(\.line)
        if expected.isEmpty || found != expected {
            return "portability: self-test failed: \(bad) should fail on lines \(list(expected)), the check found \(list(found))"
        }
        let good = FileWalk.join(folder, "portable.swift.txt")
        let problems = Checker.check(try FileWalk.read(good))
        if !problems.isEmpty {
            let found = "[" + problems.map { "(\($0.line), '\($0.message)')" }.joined(separator: ", ") + "]"
            return "portability: self-test failed: \(good) should pass, the check found \(found)"
        }
        return nil
    }

    /// Python's list display: `[4, 5, 10]`.
    static func list(_ numbers: [Int]) -> String {
        "[" + numbers.map(String.init).joined(separator: ", ") + "]"
    }

    /// The run: `arguments` are the paths (none: `FileWalk.defaultPaths`), relative to the repository root.
    public static func run(_ arguments: [String]) -> Outcome {
        var outcome = Outcome()
        do {
            if let failure = try selfTest() {
                outcome.errors.append(failure)
                outcome.status = 1
                return outcome
            }
            let files = FileWalk.files(arguments.isEmpty ? FileWalk.defaultPaths : arguments)
            var failures = 0
            for path in files {
                for problem in Checker.check(try FileWalk.read(path)) {
                    failures += 1
                    outcome.output.append("\(path):\(problem.line): error: \(problem.message)")
                }
            }
            outcome.output.append("portability: \(files.count) files, \(failures) Linux-only spellings outside a platform #if")
            outcome.status = failures > 0 ? 1 : 0
        } catch {
            outcome.errors.append("portability: \(error)")
            outcome.status = 1
        }
        return outcome
    }
}
