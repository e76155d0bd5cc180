import DatadogCodegen
import Foundation

/// Generates an SDK from pages with a ``FormatDrift`` applied and judges it against the unchanged
/// pages' SDK by the drift's verdict.
public struct FormatDriftRun: Sendable {
    /// What one drift produced, next to the unchanged pages' SDK.
    public struct Outcome: Sendable {
        /// The drifts, applied one after the other (usually one).
        public var drifts: [FormatDrift]
        /// Rejected when any of the drifts is.
        public var verdict: FormatDrift.Verdict { drifts.contains { $0.verdict == .rejected } ? .rejected : .accepted }
        /// Pages the drift changed, pages and operations generated.
        public var changedPages: Int, pages: Int, operations: Int
        /// Generated Swift files whose code (comment lines and the drift's ``FormatDrift/mayChangeLinesContaining`` aside) equals the unchanged run's, and their count there.
        public var codeEqualFiles: Int, baselineFiles: Int
        /// Files whose code differs, is missing or is new (at most 20), as `path (why)`.
        public var differingFiles: [String]
        /// Error diagnostics, and the warnings that the unchanged pages do not have.
        public var errors: [Diagnostic], newWarnings: [Diagnostic]
        /// Changed pages without an error located inside them (a rejected drift must have none).
        public var unlocatedPages: [String]
        /// Modules that did not type-check (empty: all did, or not checked — an accepted drift that gives the
        /// same code as the unchanged pages is not type-checked again).
        public var typeCheckFailures: [SDKTypeCheck.Failure]

        /// Accepted: no error and the same code. Rejected: each changed page has an error inside it,
        /// no other page has one, and the code of the others type-checks.
        public var passed: Bool {
            guard typeCheckFailures.isEmpty else { return false }
            switch verdict {
            case .accepted: return errors.isEmpty && differingFiles.isEmpty
            case .rejected: return unlocatedPages.isEmpty && Set(errors.map(\.file)).count == changedPages
            }
        }
    }

    public var templates: TemplateSet
    public var typeCheck: SDKTypeCheck?

    public init(templates: TemplateSet, typeCheck: SDKTypeCheck?) {
        self.templates = templates
        self.typeCheck = typeCheck
    }

    /// Applies `drifts` to `pages`, one after the other, and compares with `baseline` (the unchanged pages' result).
    public func run(_ drifts: [FormatDrift], on pages: [String: String], baseline: Pipeline.Result) -> Outcome {
        let changed = drifts.reduce(pages) { $1.apply(to: $0) }
        let changedPaths = changed.keys.filter { changed[$0] != pages[$0] }.sorted()
        let result = GenerateAction.generate(pages: changed, templates: templates)
        let errors = result.sdk.diagnostics.filter { $0.severity == .error }
        let known = Set(baseline.sdk.diagnostics.map { "\($0.file): \($0.message)" })
        let newWarnings = result.sdk.diagnostics.filter { $0.severity == .warning && !known.contains("\($0.file): \($0.message)") }
        let unlocated = changedPaths.filter { path in
            let lineCount = (changed[path] ?? "").split(separator: "\n", omittingEmptySubsequences: false).count
            return !errors.contains { $0.file == path && $0.line >= 1 && $0.line <= lineCount }
        }
        let ignored = drifts.flatMap(\.mayChangeLinesContaining)
        var equal = 0
        var differing: [String] = []
        for path in Set(baseline.files.keys).union(result.files.keys).sorted() where path.hasSuffix(".swift") {
            switch (baseline.files[path], result.files[path]) {
            case let (before?, after?):
                if Self.code(before, ignoring: ignored) == Self.code(after, ignoring: ignored) { equal += 1 } else { differing.append(path + " (code differs)") }
            case (nil, _?): differing.append(path + " (new)")
            case (_?, nil): differing.append(path + " (missing)")
            case (nil, nil): break
            }
        }
        // The same code as the unchanged pages type-checks as theirs does.
        let failures = verdict(of: drifts) == .accepted && differing.isEmpty ? [] : typeCheck.map { $0.check(result.files) } ?? []
        return Outcome(drifts: drifts, changedPages: changedPaths.count, pages: result.pageCount, operations: result.operationCount,
                       codeEqualFiles: equal, baselineFiles: baseline.files.keys.filter { $0.hasSuffix(".swift") }.count,
                       differingFiles: differing, errors: errors, newWarnings: newWarnings,
                       unlocatedPages: unlocated, typeCheckFailures: failures)
    }

    func verdict(of drifts: [FormatDrift]) -> FormatDrift.Verdict { drifts.contains { $0.verdict == .rejected } ? .rejected : .accepted }

    /// A Swift file's lines without its comment lines (doc comments carry the page's prose, which a
    /// format drift may legitimately change) and the lines containing one of `ignoring`.
    static func code(_ text: String, ignoring: [String] = []) -> [Substring] {
        text.split(separator: "\n").filter { line in
            !line.drop { $0 == " " }.hasPrefix("//") && !ignoring.contains { line.contains($0) }
        }
    }
}
